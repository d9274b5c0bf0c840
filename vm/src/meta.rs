//! Metaclasses: choosing the most derived metaclass of a class statement,
//! `__prepare__`, creating the class by calling the metaclass, and the
//! methods of `type` that metaclasses reach through `super()`
//! (`type.__new__`, `type.__init__`, `type.__call__`) and `type(name, bases,
//! dict)`.

use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::intern::Sym;
use crate::object::{Attrs, ClassKind, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

const CONFLICT: &str = "metaclass conflict: the metaclass of a derived class must be a \
                        (non-strict) subclass of the metaclasses of all its bases";

impl Vm {
    fn is_class(&self, v: Value) -> Option<Ref> {
        v.as_ref()
            .filter(|r| matches!(self.heap.get(*r), Object::Class(_)))
    }

    /// The most derived of `start` and the metaclasses of `bases`.
    fn winner_meta(&mut self, start: Ref, bases: &[Value]) -> PyResult<Ref> {
        let mut winner = start;
        for b in bases {
            let t = self.class_ref(*b);
            if self.class_is_subclass(winner, t) {
                continue;
            }
            if self.class_is_subclass(t, winner) {
                winner = t;
                continue;
            }
            return self.type_error(CONFLICT);
        }
        Ok(winner)
    }

    /// The metaclass and keywords of a class statement: `None` for `type`
    /// without keywords, else an owned tuple `(metaclass, keywords dict)`.
    /// Takes ownership of `kw` (a dict or `None`).
    pub(crate) fn class_meta(&mut self, bases: &[Value], kw: Value) -> PyResult<Value> {
        let ty = self.b.ty(TypeTag::Type);
        let mut explicit = None;
        if kw != Value::None {
            let key = self.str_value("metaclass");
            let removed = self.dict_remove(kw, key);
            self.heap.decref(key);
            match removed {
                Ok(m) => explicit = m,
                Err(e) => {
                    self.heap.decref(kw);
                    return Err(e);
                }
            }
        }
        let start = match explicit {
            Some(m) => self.is_class(m),
            None => Some(bases.first().map_or(ty, |b| self.class_ref(*b))),
        };
        let meta = match start {
            Some(s) => match self.winner_meta(s, bases) {
                Ok(w) => {
                    self.heap.incref(Value::Obj(w));
                    if let Some(m) = explicit {
                        self.heap.decref(m);
                    }
                    Value::Obj(w)
                }
                Err(e) => {
                    if let Some(m) = explicit {
                        self.heap.decref(m);
                    }
                    self.heap.decref(kw);
                    return Err(e);
                }
            },
            // A callable that is no class is called as it is.
            None => explicit.unwrap_or(Value::None),
        };
        let kw_empty = match kw.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(d)) => d.is_empty(),
            _ => true,
        };
        if meta == Value::Obj(ty) && kw_empty {
            self.heap.decref(kw);
            return Ok(Value::None);
        }
        let kw = if kw == Value::None {
            self.new_dict()
        } else {
            kw
        };
        Ok(self.tuple(vec![meta, kw]))
    }

    /// The `(metaclass, keywords)` pair held by a class statement (borrowed).
    fn meta_parts(&self, meta: Value) -> Option<(Value, Value)> {
        match meta.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(t)) if t.len() == 2 => Some((t[0], t[1])),
            _ => None,
        }
    }

    /// The keywords dict as `(name, value)` pairs (owned values).
    fn kw_pairs(&mut self, kw: Value) -> Vec<(Sym, Value)> {
        let entries: Vec<(Value, Value)> = match kw.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        for (k, v) in entries {
            let name = self.as_str(k).unwrap_or("").to_string();
            let s = self.sym(&name);
            self.heap.incref(v);
            out.push((s, v));
        }
        out
    }

    /// The namespace a class body fills: `__prepare__`'s mapping copied in
    /// when the metaclass defines one.
    pub(crate) fn prepare_namespace(
        &mut self,
        name: Sym,
        bases: &[Value],
        meta: Value,
    ) -> PyResult<Ref> {
        let ns = self.heap.alloc(Object::Namespace(Box::default()));
        let Some((m, kw)) = self.meta_parts(meta) else {
            return Ok(ns);
        };
        let user_meta = matches!(
            m.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Class(c)) if c.kind == ClassKind::User
        );
        if !user_meta {
            return Ok(ns);
        }
        let prep = self.sym("__prepare__");
        let Some(mr) = m.as_ref() else {
            return Ok(ns);
        };
        if self.class_lookup(mr, prep).is_none() {
            return Ok(ns);
        }
        let f = match self.get_attr(m, prep) {
            Ok(f) => f,
            Err(e) => {
                self.heap.decref(Value::Obj(ns));
                return Err(e);
            }
        };
        let n = self.names.name(name).to_string();
        let nv = self.str_value(&n);
        for b in bases {
            self.heap.incref(*b);
        }
        let bt = self.tuple(bases.to_vec());
        let kws = self.kw_pairs(kw);
        let out = self.call_sync(f, vec![nv, bt], kws);
        self.heap.decref(f);
        let mapping = match out {
            Ok(v) => v,
            Err(e) => {
                self.heap.decref(Value::Obj(ns));
                return Err(e);
            }
        };
        let entries: Vec<(Value, Value)> = match mapping.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
            // Another mapping (a dict subclass such as enum's `_EnumDict`)
            // is the namespace itself: the body's stores call its `__setitem__`.
            Some(Object::Instance(_)) => {
                self.heap.decref(Value::Obj(ns));
                return Ok(mapping.as_ref().unwrap_or(ns));
            }
            _ => Vec::new(),
        };
        for (k, v) in entries {
            let Some(key) = self.as_str(k).map(str::to_string) else {
                continue;
            };
            let s = self.sym(&key);
            self.heap.incref(v);
            if let Object::Namespace(a) = self.heap.get_mut(ns) {
                if let Some(old) = a.insert(s, v) {
                    self.heap.decref(old);
                }
            }
        }
        self.heap.decref(mapping);
        Ok(ns)
    }

    /// Creates the class of a finished class body: through `type` as
    /// before, or by calling the metaclass with `(name, bases, namespace)`.
    pub(crate) fn build_class_meta(
        &mut self,
        ns: Ref,
        bases: Vec<Value>,
        name: Sym,
        meta: Value,
    ) -> PyResult<Value> {
        let Some((m, kw)) = self.meta_parts(meta) else {
            self.heap.decref(meta);
            return self.build_class(ns, bases, name);
        };
        let kws = self.kw_pairs(kw);
        if m == Value::Obj(self.b.ty(TypeTag::Type)) {
            self.heap.decref(meta);
            let attrs = match self.heap.get_mut(ns) {
                Object::Namespace(a) => std::mem::take(&mut **a),
                _ => Attrs::default(),
            };
            self.heap.decref(Value::Obj(ns));
            return self.build_class_from(attrs, bases, name, None, kws);
        }
        let d = if matches!(self.heap.get(ns), Object::Namespace(_)) {
            let entries: Vec<(Sym, Value)> = match self.heap.get(ns) {
                Object::Namespace(a) => a.iter().map(|(k, v)| (*k, *v)).collect(),
                _ => Vec::new(),
            };
            let d = self.dict_of_names(entries);
            self.heap.decref(Value::Obj(ns));
            d
        } else {
            // `__prepare__`'s own mapping, passed on as it is.
            Value::Obj(ns)
        };
        let n = self.names.name(name).to_string();
        let nv = self.str_value(&n);
        let bt = self.tuple(bases);
        self.heap.incref(m);
        let out = self.call_sync(m, vec![nv, bt, d], kws);
        self.heap.decref(m);
        self.heap.decref(meta);
        out
    }

    /// `type.__new__(meta, name, bases, dict, **kw)` with its argument checks.
    fn type_new_impl(&mut self, meta: Ref, args: &[Value], kw: &[(Sym, Value)]) -> PyResult<Value> {
        if args.len() != 3 {
            return self.type_error("type.__new__() takes exactly 3 arguments (0 given)");
        }
        let Some(name) = self.as_str(args[0]).map(str::to_string) else {
            let tn = self.type_name(args[0]);
            return self.type_error(format!("type.__new__() argument 1 must be str, not {tn}"));
        };
        let bases: Vec<Value> = match args[1].as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => {
                let tn = self.type_name(args[1]);
                return self
                    .type_error(format!("type.__new__() argument 2 must be tuple, not {tn}"));
            }
        };
        let ns = self.payload(args[2]).unwrap_or(args[2]);
        let entries: Vec<(Value, Value)> = match ns.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => {
                let tn = self.type_name(args[2]);
                return self
                    .type_error(format!("type.__new__() argument 3 must be dict, not {tn}"));
            }
        };
        let winner = self.winner_meta(meta, &bases)?;
        let mut attrs = Attrs::default();
        for (k, v) in entries {
            let Some(key) = self.as_str(k).map(str::to_string) else {
                continue;
            };
            let s = self.sym(&key);
            self.heap.incref(v);
            if let Some(old) = attrs.insert(s, v) {
                self.heap.decref(old);
            }
        }
        for b in &bases {
            self.heap.incref(*b);
        }
        let kws: Vec<(Sym, Value)> = kw
            .iter()
            .map(|(k, v)| {
                self.heap.incref(*v);
                (*k, *v)
            })
            .collect();
        let name = self.sym(&name);
        let ty = self.b.ty(TypeTag::Type);
        let meta = (winner != ty).then_some(winner);
        self.build_class_from(attrs, bases, name, meta, kws)
    }

    /// `type(name, bases, dict)`.
    pub(crate) fn type_three_args(
        &mut self,
        args: &[Value],
        kw: &[(Sym, Value)],
    ) -> PyResult<Value> {
        let ty = self.b.ty(TypeTag::Type);
        if let Some(Object::Tuple(t)) = args
            .get(1)
            .and_then(|v| v.as_ref())
            .map(|r| self.heap.get(r))
        {
            let bases = t.to_vec();
            let winner = self.winner_meta(ty, &bases)?;
            if winner != ty {
                // The bases' metaclass makes the class (its `__new__` and `__init__`).
                for v in args {
                    self.heap.incref(*v);
                }
                for (_, v) in kw {
                    self.heap.incref(*v);
                }
                let (r, base) = (RetMode::Sync, self.frames.len());
                return match self.instantiate_plain(winner, args.to_vec(), kw.to_vec(), r)? {
                    Some(v) => Ok(v),
                    None => self.wait_sync(base),
                };
            }
        }
        self.type_new_impl(ty, args, kw)
    }
}

/// `type.__new__(meta, name, bases, dict, **kw)`.
pub fn type_new(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(&first) = a.pos.first() else {
        return vm.type_error("type.__new__(): not enough arguments");
    };
    let Some(meta) = vm.is_class(first) else {
        let tn = vm.type_name(first);
        return vm.type_error(format!("type.__new__(X): X is not a type object ({tn})"));
    };
    let ty = vm.b.ty(TypeTag::Type);
    if !vm.class_is_subclass(meta, ty) {
        let cn = vm.class_name(meta);
        return vm.type_error(format!("type.__new__({cn}): {cn} is not a subtype of type"));
    }
    if a.pos.len() == 2 && meta == ty {
        return Ok(Ret::Value(vm.type_of(a.pos[1])));
    }
    Ok(Ret::Value(vm.type_new_impl(meta, &a.pos[1..], a.kw)?))
}

/// `type.__init__(cls, name, bases, dict, **kw)`: nothing more to do.
pub fn type_init(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let n = a.pos.len().saturating_sub(1);
    if n != 1 && n != 3 {
        return vm.type_error("type.__init__() takes 1 or 3 arguments");
    }
    Ok(Ret::Value(Value::None))
}

/// `type.__call__(cls, *args, **kw)`: makes an instance, without the
/// metaclass's own `__call__`.
pub fn type_call(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let Some(cls) = a.pos.first().and_then(|v| vm.is_class(*v)) else {
        return vm.type_error("descriptor '__call__' requires a 'type' object");
    };
    let args: Vec<Value> = a.pos[1..].to_vec();
    for v in &args {
        vm.heap.incref(*v);
    }
    let kw: Vec<(Sym, Value)> = a.kw.to_vec();
    for (_, v) in &kw {
        vm.heap.incref(*v);
    }
    match vm.instantiate_plain(cls, args, kw, ret)? {
        Some(v) => Ok(Ret::Value(v)),
        None => Ok(Ret::Pushed),
    }
}

impl Vm {
    /// `__instancecheck__` / `__subclasscheck__` defined by the metaclass of
    /// `cls`: its answer, or `None` when the metaclass defines none.
    pub(crate) fn meta_check(&mut self, cls: Ref, v: Value, hook: &str) -> Option<PyResult<bool>> {
        let Object::Class(c) = self.heap.get(cls) else {
            return None;
        };
        let m = c.meta?;
        let s = self.sym(hook);
        let f = self.class_lookup(m, s)?;
        if !matches!(
            f.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Function(_))
        ) {
            return None;
        }
        self.heap.incref(Value::Obj(cls));
        self.heap.incref(v);
        let out = match self.call_sync(f, vec![Value::Obj(cls), v], Vec::new()) {
            Ok(o) => o,
            Err(e) => return Some(Err(e)),
        };
        let t = self.truthy(out);
        self.heap.decref(out);
        Some(t)
    }
}

/// `type.__subclasses__(cls)`: the live classes naming `cls` among their
/// direct bases, in heap order.
pub fn type_subclasses(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(cls) = a.pos.first().and_then(|v| vm.is_class(*v)) else {
        return vm.type_error("descriptor '__subclasses__' requires a 'type' object");
    };
    if a.pos.len() != 1 {
        let n = a.pos.len() - 1;
        return vm.type_error(format!(
            "type.__subclasses__() takes no arguments ({n} given)"
        ));
    }
    let mut out = Vec::new();
    for i in 0..vm.heap.capacity() {
        let r = Ref(u32::try_from(i).unwrap_or(u32::MAX));
        if let Object::Class(c) = vm.heap.get(r) {
            if c.bases.contains(&cls) && r != cls {
                out.push(Value::Obj(r));
            }
        }
    }
    for v in &out {
        vm.heap.incref(*v);
    }
    Ok(Ret::Value(vm.list(out)))
}
