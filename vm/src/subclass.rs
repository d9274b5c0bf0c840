//! Subclasses of built-in value types (`list`, `dict`, `set`, `frozenset`,
//! `tuple`, `str`, `int`, `float`, `bytes`): their instances are ordinary
//! instances (own class, own `__dict__`) carrying the built-in value in
//! `Instance::base`. Native methods of the built-in type receive that value
//! as `self`; operations fall back to it where the class defines no Python
//! override.

use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::intern::{sym, Sym};
use crate::object::{Attrs, ClassKind, Instance, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// Whether instances of subclasses of `t` carry a `t` value.
fn is_payload_tag(t: TypeTag) -> bool {
    matches!(
        t,
        TypeTag::List
            | TypeTag::Dict
            | TypeTag::Set
            | TypeTag::FrozenSet
            | TypeTag::Tuple
            | TypeTag::Str
            | TypeTag::Int
            | TypeTag::Float
            | TypeTag::Bytes
            | TypeTag::Complex
    )
}

/// Whether the value of `t` is filled by `__init__` rather than `__new__`.
fn is_mutable(t: TypeTag) -> bool {
    matches!(t, TypeTag::List | TypeTag::Dict | TypeTag::Set)
}

impl Vm {
    /// The built-in type whose value instances of the user class `cls`
    /// carry, if one is among its bases.
    pub(crate) fn payload_type(&self, cls: Ref) -> Option<TypeTag> {
        let Object::Class(c) = self.heap.get(cls) else {
            return None;
        };
        if c.kind != ClassKind::User {
            return None;
        }
        c.mro.iter().find_map(|k| match self.heap.get(*k) {
            Object::Class(kc) => match kc.kind {
                ClassKind::Builtin(t) if is_payload_tag(t) => Some(t),
                _ => None,
            },
            _ => None,
        })
    }

    /// The built-in value `v` carries when it is an instance of a subclass
    /// of a built-in type (borrowed).
    pub(crate) fn payload(&self, v: Value) -> Option<Value> {
        match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) => i.base.as_deref().copied(),
            _ => None,
        }
    }

    /// The payload of `v` when its class does not define `name` in Python
    /// (borrowed): the operation then applies to the built-in value.
    pub(crate) fn payload_unless(&self, v: Value, name: Sym) -> Option<Value> {
        let b = self.payload(v)?;
        let cls = self.class_ref(v);
        match self.class_lookup(cls, name) {
            Some(f)
                if !matches!(
                    f.as_ref().map(|r| self.heap.get(r)),
                    Some(Object::Builtin(_))
                ) =>
            {
                None
            }
            _ => Some(b),
        }
    }

    /// A new instance of `cls` (a subclass of the built-in `t`), its value
    /// built by calling `t` with `args`/`kw` (borrowed), or empty when
    /// `fill` is false. Takes over one reference to `cls`.
    pub(crate) fn new_payload_instance(
        &mut self,
        cls: Ref,
        t: TypeTag,
        args: &[Value],
        kw: &[(Sym, Value)],
        fill: bool,
    ) -> PyResult<Value> {
        let ty = Value::Obj(self.b.ty(t));
        let (a, k) = if fill {
            for v in args {
                self.heap.incref(*v);
            }
            for (_, v) in kw {
                self.heap.incref(*v);
            }
            (args.to_vec(), kw.to_vec())
        } else {
            (Vec::new(), Vec::new())
        };
        self.heap.incref(ty);
        let base = self.call_sync(ty, a, k);
        self.heap.decref(ty);
        let base = match base {
            Ok(b) => b,
            Err(e) => {
                self.heap.decref(Value::Obj(cls));
                return Err(e);
            }
        };
        Ok(Value::Obj(self.heap.alloc(Object::Instance(Instance {
            class: cls,
            attrs: Attrs::default(),
            finalized: false,
            base: Some(Box::new(base)),
        }))))
    }

    /// Whether a call of `cls` must fill the value in `__new__`: immutable
    /// types always, mutable ones when no Python `__init__` does it.
    pub(crate) fn payload_filled_by_new(&self, cls: Ref, t: TypeTag) -> bool {
        if !is_mutable(t) {
            return true;
        }
        !self.class_lookup(cls, sym::INIT).is_some_and(|f| {
            !matches!(
                f.as_ref().map(|r| self.heap.get(r)),
                Some(Object::Builtin(_))
            )
        })
    }

    /// `object.__init__(self, *args)` on an instance carrying a mutable
    /// built-in value: `list.__init__`/`dict.__init__`/`set.__init__`
    /// (reached through `super().__init__(...)`) refill it from `args`.
    pub(crate) fn payload_init(
        &mut self,
        inst: Value,
        args: &[Value],
        kw: &[(Sym, Value)],
    ) -> Option<PyResult<()>> {
        let base = self.payload(inst)?;
        let t = self.tag_of(base);
        if !is_mutable(t) {
            return Some(Ok(()));
        }
        Some(self.refill_payload(inst, t, args, kw))
    }

    fn refill_payload(
        &mut self,
        inst: Value,
        t: TypeTag,
        args: &[Value],
        kw: &[(Sym, Value)],
    ) -> PyResult<()> {
        let ty = Value::Obj(self.b.ty(t));
        for v in args {
            self.heap.incref(*v);
        }
        for (_, v) in kw {
            self.heap.incref(*v);
        }
        self.heap.incref(ty);
        let fresh = self.call_sync(ty, args.to_vec(), kw.to_vec());
        self.heap.decref(ty);
        let fresh = fresh?;
        let old = match inst.as_ref().map(|r| self.heap.get_mut(r)) {
            Some(Object::Instance(i)) => {
                i.base.replace(Box::new(fresh)).map_or(Value::None, |b| *b)
            }
            _ => fresh,
        };
        self.heap.decref(old);
        Ok(())
    }
}

impl Vm {
    /// `obj[key]` on an instance carrying the built-in value `b` (borrowed)
    /// whose class defines no `__getitem__`: a `dict` subclass's
    /// `__missing__` answers for absent keys.
    pub(crate) fn payload_getitem(&mut self, obj: Value, b: Value, key: Value) -> PyResult<Value> {
        if let Some(r) = b.as_ref() {
            if matches!(self.heap.get(r), Object::Dict(_)) {
                let missing = self.sym("__missing__");
                if self.has_special(obj, missing) {
                    let h = self.hash_value(key)?;
                    if let Some(pos) = self.dict_find(r, key, h)? {
                        let v = match self.heap.get(r) {
                            Object::Dict(d) => d.entry(pos).map_or(Value::None, |e| e.value),
                            _ => Value::None,
                        };
                        self.heap.incref(v);
                        return Ok(v);
                    }
                    let m = self.lookup_special(obj, missing).unwrap_or(Value::None);
                    self.heap.incref(key);
                    let out = self.call_sync(m, vec![key], Vec::new());
                    self.heap.decref(m);
                    return out;
                }
            }
        }
        self.get_item_sync(b, key)
    }
}

impl Vm {
    /// The value `int(v)`, `float(v)`, `tuple(v)`, `dict(v)`... read from an
    /// instance of a built-in subclass (borrowed): its built-in value unless
    /// its class overrides the hook that constructor consults.
    pub(crate) fn payload_for_constructor(&self, tag: TypeTag, v: Value) -> Option<Value> {
        self.payload(v)?;
        let hook = match tag {
            TypeTag::Int => sym::INT,
            TypeTag::Float => sym::FLOAT,
            TypeTag::Tuple | TypeTag::List | TypeTag::Set | TypeTag::FrozenSet => sym::ITER,
            TypeTag::Dict | TypeTag::Bytes => return self.payload(v),
            _ => return None,
        };
        self.payload_unless(v, hook)
    }
}

impl Vm {
    /// `LOAD_NAME` in a body whose namespace is a mapping other than a
    /// dict (`key` owned): its `__getitem__`, a `KeyError` meaning unbound.
    pub(crate) fn mapping_locals_get(&mut self, d: Ref, key: Value) -> PyResult<Option<Value>> {
        let r = self.get_item_sync(Value::Obj(d), key);
        self.heap.decref(key);
        match r {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_instance_of_exc(e, crate::builtins::ExcType::KeyError) => {
                self.heap.decref(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// `DELETE_NAME` in such a body (`key` owned): `Some` when it was bound.
    pub(crate) fn mapping_locals_del(&mut self, d: Ref, key: Value) -> PyResult<Option<Value>> {
        let r = self.del_item(Value::Obj(d), key);
        self.heap.decref(key);
        match r {
            Ok(()) => Ok(Some(Value::None)),
            Err(e) if self.is_instance_of_exc(e, crate::builtins::ExcType::KeyError) => {
                self.heap.decref(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

/// The receiver and the arguments after it, or the CPython error for a
/// descriptor called without one.
fn recv<'a>(vm: &mut Vm, a: &'a Args<'_>, name: &str, n: usize) -> PyResult<(Value, &'a [Value])> {
    match a.pos.split_first() {
        Some((s, rest)) if rest.len() == n && a.kw.is_empty() => Ok((*s, rest)),
        Some((_, rest)) => {
            let plural = if n == 1 { "" } else { "s" };
            vm.type_error(format!(
                "expected {n} argument{plural}, got {}",
                rest.len() + a.kw.len()
            ))
        }
        None => vm.type_error(format!("descriptor '{name}' needs an argument")),
    }
}

/// `dict.__getitem__` / `list.__getitem__`.
pub fn proto_getitem(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (s, r) = recv(vm, a, "__getitem__", 1)?;
    Ok(Ret::Value(vm.get_item_sync(s, r[0])?))
}

/// `dict.__setitem__` / `list.__setitem__`.
pub fn proto_setitem(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (s, r) = recv(vm, a, "__setitem__", 2)?;
    vm.set_item(s, r[0], r[1])?;
    Ok(Ret::Value(Value::None))
}

/// `dict.__delitem__` / `list.__delitem__`.
pub fn proto_delitem(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (s, r) = recv(vm, a, "__delitem__", 1)?;
    vm.del_item(s, r[0])?;
    Ok(Ret::Value(Value::None))
}

/// `dict.__contains__` / `list.__contains__`.
pub fn proto_contains(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (s, r) = recv(vm, a, "__contains__", 1)?;
    Ok(Ret::Value(Value::Bool(vm.contains(s, r[0])?)))
}

/// `dict.__len__` / `list.__len__`.
pub fn proto_len(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (s, _) = recv(vm, a, "__len__", 0)?;
    let n = vm.len_of(s)?;
    Ok(Ret::Value(Value::Int(i64::try_from(n).unwrap_or(i64::MAX))))
}

/// `dict.__iter__` / `list.__iter__`.
pub fn proto_iter(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let (s, _) = recv(vm, a, "__iter__", 0)?;
    vm.heap.incref(s);
    match vm.get_iter(s, ret)? {
        Some(it) => Ok(Ret::Value(it)),
        None => Ok(Ret::Pushed),
    }
}

/// `object.__reduce_ex__(protocol)`: present, as classes compare their own
/// against it (`enum` does), but the VM's `copy` and `pickle` work on the
/// objects themselves and never build reduce tuples, so calling it says so.
pub fn object_reduce_ex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let tn = a
        .pos
        .first()
        .map_or_else(|| "object".to_string(), |v| vm.type_name(*v));
    vm.type_error(format!(
        "cannot pickle '{tn}' object: object.__reduce_ex__ is not supported"
    ))
}

/// `T.__new__(cls, *args, **kw)` for a built-in value type `T`: a plain
/// `T` value for `cls` itself, else an instance of the subclass carrying one.
fn builtin_new(vm: &mut Vm, t: TypeTag, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let tn = t.name();
    let Some((&first, rest)) = a.pos.split_first() else {
        return vm.type_error(format!("{tn}.__new__(): not enough arguments"));
    };
    let cls = match first.as_ref() {
        Some(r) if matches!(vm.heap.get(r), Object::Class(_)) => r,
        _ => {
            let on = vm.type_name(first);
            return vm.type_error(format!("{tn}.__new__(X): X is not a type object ({on})"));
        }
    };
    if cls == vm.b.ty(t) {
        for v in rest {
            vm.heap.incref(*v);
        }
        for (_, v) in a.kw {
            vm.heap.incref(*v);
        }
        return match vm.construct_builtin(t, rest.to_vec(), a.kw.to_vec(), ret)? {
            Some(v) => Ok(Ret::Value(v)),
            None => Ok(Ret::Pushed),
        };
    }
    if vm.payload_type(cls) != Some(t) {
        let cn = vm.class_name(cls);
        return vm.type_error(format!("{tn}.__new__({cn}): {cn} is not a subtype of {tn}"));
    }
    vm.heap.incref(Value::Obj(cls));
    let inst = vm.new_payload_instance(cls, t, rest, a.kw, !is_mutable(t))?;
    Ok(Ret::Value(inst))
}

macro_rules! news {
    ($($f:ident => $t:ident),* $(,)?) => {
        $(
            #[doc = concat!("`", stringify!($t), ".__new__`.")]
            pub fn $f(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
                builtin_new(vm, TypeTag::$t, a, ret)
            }
        )*
    };
}

news!(
    new_int => Int, new_float => Float, new_str => Str, new_tuple => Tuple,
    new_bytes => Bytes, new_frozenset => FrozenSet, new_list => List,
    new_dict => Dict, new_set => Set, new_complex => Complex,
);

/// Whether `f` is a native slot method of a built-in value type (such as
/// `int.__repr__`), which `str()` calls when a class sets it as `__str__`.
pub(crate) fn is_type_slot_native(vm: &Vm, f: Value) -> bool {
    match f.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Builtin(id)) => matches!(
            crate::builtins::TABLE[id.0 as usize].owner,
            crate::builtins::Owner::Type(t) if is_payload_tag(t)
        ),
        _ => false,
    }
}

/// `int.__repr__`, `list.__repr__`... on the value itself.
pub fn proto_repr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (s, _) = recv(vm, a, "__repr__", 0)?;
    let text = vm.repr(s)?;
    Ok(Ret::Value(vm.str_value(&text)))
}

/// `str.__str__`.
pub fn proto_str(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (s, _) = recv(vm, a, "__str__", 0)?;
    let text = vm.to_str(s)?;
    Ok(Ret::Value(vm.str_value(&text)))
}

impl Vm {
    /// What `d.update(src)` and `{**src}` read (borrowed): the value of a
    /// `dict` subclass that keeps `dict`'s `__iter__` (its `__getitem__`
    /// and `keys` are then ignored, as in CPython), else `src`.
    pub(crate) fn merge_source(&self, src: Value) -> Value {
        match self.payload_unless(src, sym::ITER) {
            Some(b) if matches!(b.as_ref().map(|r| self.heap.get(r)), Some(Object::Dict(_))) => b,
            _ => src,
        }
    }
}
