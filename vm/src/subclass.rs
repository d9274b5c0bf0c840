//! Subclasses of built-in value types (`list`, `dict`, `set`, `frozenset`,
//! `tuple`, `str`, `int`, `float`, `bytes`): their instances are ordinary
//! instances (own class, own `__dict__`) carrying the built-in value in
//! `Instance::base`. Native methods of the built-in type receive that value
//! as `self`; operations fall back to it where the class defines no Python
//! override.

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
            Some(Object::Instance(i)) if !i.base.is_none() => Some(i.base),
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
            base,
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
            Some(Object::Instance(i)) => std::mem::replace(&mut i.base, fresh),
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
