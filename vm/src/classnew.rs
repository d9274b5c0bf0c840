//! Class creation hooks CPython's `type.__new__` runs (`__set_name__` on the
//! namespace's values, the parent's `__init_subclass__`, the implicit
//! `staticmethod`/`classmethod` wrapping of `__new__`, `__init_subclass__`
//! and `__class_getitem__`), `object.__new__`, and `__class_getitem__`.

use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::intern::{sym, Sym};
use crate::object::{Attrs, ClassKind, Instance, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Wraps the functions `type.__new__` makes implicit static or class
    /// methods, in a class body's namespace.
    pub(crate) fn wrap_implicit_methods(&mut self, attrs: &mut Attrs) {
        let cgi = self.sym("__class_getitem__");
        for (name, as_static) in [(sym::NEW, true), (sym::INIT_SUBCLASS, false), (cgi, false)] {
            let Some(v) = attrs.get_mut(&name) else {
                continue;
            };
            if matches!(
                v.as_ref().map(|r| self.heap.get(r)),
                Some(Object::Function(_))
            ) {
                // The wrapper takes over the namespace's reference.
                let o = if as_static {
                    Object::StaticMethod(*v)
                } else {
                    Object::ClassMethod(*v)
                };
                *v = Value::Obj(self.heap.alloc(o));
            }
        }
    }

    /// Runs `__set_name__` of the new class's attribute values, then the
    /// parent's `__init_subclass__`, as `type.__new__` does.
    pub(crate) fn finish_class(&mut self, cls: Ref, kw: Vec<(Sym, Value)>) -> PyResult<()> {
        let entries: Vec<(Sym, Value)> = match self.heap.get(cls) {
            Object::Class(c) => c.attrs.iter().map(|(k, v)| (*k, *v)).collect(),
            _ => Vec::new(),
        };
        for (name, v) in entries {
            if !matches!(
                v.as_ref().map(|r| self.heap.get(r)),
                Some(Object::Instance(_))
            ) {
                continue;
            }
            let vc = self.class_ref(v);
            let Some(m) = self.class_lookup(vc, sym::SET_NAME) else {
                continue;
            };
            let n = self.names.name(name).to_string();
            let nv = self.str_value(&n);
            self.heap.incref(Value::Obj(cls));
            self.heap.incref(m);
            let out = self.call_descr_method(m, v, vec![Value::Obj(cls), nv]);
            self.heap.decref(m);
            match out {
                Ok(o) => self.heap.decref(o),
                Err(e) => {
                    self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                    return Err(e);
                }
            }
        }
        let mro = match self.heap.get(cls) {
            Object::Class(c) => c.mro.clone(),
            _ => Vec::new(),
        };
        let found = mro.iter().skip(1).find_map(|k| match self.heap.get(*k) {
            Object::Class(kc) => kc.attrs.get(&sym::INIT_SUBCLASS).copied(),
            _ => None,
        });
        let f = match found.and_then(|v| v.as_ref()).map(|r| self.heap.get(r)) {
            Some(Object::ClassMethod(f) | Object::StaticMethod(f)) => *f,
            Some(Object::Function(_)) => found.unwrap_or(Value::None),
            _ => Value::None,
        };
        if f == Value::None || self.is_native(f) {
            if kw.is_empty() {
                return Ok(());
            }
            self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
            let cn = self.class_name(cls);
            return self.type_error(format!(
                "{cn}.__init_subclass__() takes no keyword arguments"
            ));
        }
        self.heap.incref(Value::Obj(cls));
        let out = self.call_sync(f, vec![Value::Obj(cls)], kw)?;
        self.heap.decref(out);
        Ok(())
    }

    fn is_native(&self, v: Value) -> bool {
        matches!(
            v.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Builtin(_))
        )
    }

    /// `cls[key]` for a user class defining `__class_getitem__`: the call's
    /// outcome, or `None` when the class defines none.
    pub(crate) fn class_getitem(
        &mut self,
        cls: Ref,
        key: Value,
        ret: RetMode,
    ) -> Option<PyResult<Option<Value>>> {
        if !matches!(self.heap.get(cls), Object::Class(c) if c.kind == ClassKind::User) {
            return None;
        }
        let cgi = self.sym("__class_getitem__");
        let m = self.class_lookup(cls, cgi)?;
        let f = match m.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::ClassMethod(f)) => *f,
            Some(Object::StaticMethod(f)) => {
                let f = *f;
                self.heap.incref(key);
                return Some(self.call_value(f, vec![key], Vec::new(), ret));
            }
            _ => m,
        };
        self.heap.incref(Value::Obj(cls));
        self.heap.incref(key);
        Some(self.call_value(f, vec![Value::Obj(cls), key], Vec::new(), ret))
    }
}

/// `object.__new__(cls, *args, **kwargs)`.
pub fn object_new(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(&first) = a.pos.first() else {
        return vm.type_error("object.__new__(): not enough arguments");
    };
    let cls = match first.as_ref() {
        Some(r) if matches!(vm.heap.get(r), Object::Class(_)) => r,
        _ => {
            let tn = vm.type_name(first);
            return vm.type_error(format!("object.__new__(X): X is not a type object ({tn})"));
        }
    };
    let cname = vm.class_name(cls);
    if vm.is_exception_class(cls) {
        return vm.type_error(format!(
            "object.__new__({cname}) is not safe, use BaseException.__new__()"
        ));
    }
    if let Object::Class(c) = vm.heap.get(cls) {
        if let ClassKind::Builtin(t) = c.kind {
            if t != crate::types::TypeTag::Object {
                let tn = t.name();
                return vm.type_error(format!(
                    "object.__new__({cname}) is not safe, use {tn}.__new__()"
                ));
            }
        }
    }
    if let Some(msg) = vm.abstract_error(cls) {
        return vm.type_error(msg);
    }
    if let Some(t) = vm.payload_type(cls) {
        // `tuple.__new__(cls, it)`, `int.__new__(cls, 5)`, `super().__new__(cls, ...)`.
        let fill = !matches!(t, TypeTag::List | TypeTag::Dict | TypeTag::Set);
        vm.heap.incref(Value::Obj(cls));
        let inst = vm.new_payload_instance(cls, t, &a.pos[1..], a.kw, fill)?;
        return Ok(Ret::Value(inst));
    }
    if a.pos.len() > 1 || !a.kw.is_empty() {
        let new_overridden = !matches!(
            vm.class_lookup(cls, sym::NEW)
                .and_then(|v| v.as_ref())
                .map(|r| vm.heap.get(r)),
            Some(Object::Builtin(_)) | None
        );
        if new_overridden {
            return vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            );
        }
        let init_plain = matches!(
            vm.class_lookup(cls, sym::INIT)
                .and_then(|v| v.as_ref())
                .map(|r| vm.heap.get(r)),
            Some(Object::Builtin(_)) | None
        );
        if init_plain {
            return vm.type_error(format!("{cname}() takes no arguments"));
        }
    }
    vm.heap.incref(Value::Obj(cls));
    let inst = vm.heap.alloc(Object::Instance(Instance {
        class: cls,
        attrs: Attrs::default(),
        finalized: false,
        base: None,
    }));
    Ok(Ret::Value(Value::Obj(inst)))
}

/// What `type.__new__` raises when no consistent MRO exists; `heads` are
/// the classes left at the heads of the merge.
pub(crate) fn mro_error_message(vm: &Vm, heads: &[Ref]) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut seen: Vec<Ref> = Vec::new();
    for h in heads {
        if !seen.contains(h) {
            seen.push(*h);
            names.push(vm.class_name(*h));
        }
    }
    format!(
        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
        names.join(", ")
    )
}

impl Vm {
    /// CPython's refusal to instantiate a class whose `__abstractmethods__`
    /// is not empty. Only classes with a metaclass (`ABCMeta`) are checked,
    /// which keeps the common instantiation path free of the look-up.
    pub(crate) fn abstract_error(&mut self, cls: Ref) -> Option<String> {
        if !matches!(self.heap.get(cls), Object::Class(c) if c.meta.is_some()) {
            return None;
        }
        let s = self.names.lookup("__abstractmethods__")?;
        let v = self.class_lookup(cls, s)?;
        let items: Vec<Value> = match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Set(d, _)) => d.iter().map(|e| e.key).collect(),
            Some(Object::Tuple(t)) => t.to_vec(),
            Some(Object::List(l)) => l.clone(),
            _ => return None,
        };
        let mut names: Vec<String> = items
            .iter()
            .filter_map(|i| self.as_str(*i).map(str::to_string))
            .collect();
        if names.is_empty() {
            return None;
        }
        names.sort();
        let cn = self.class_name(cls);
        let plural = if names.len() == 1 { "" } else { "s" };
        Some(format!(
            "Can't instantiate abstract class {cn} with abstract method{plural} {}",
            names.join(", ")
        ))
    }
}
