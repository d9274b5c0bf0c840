//! The descriptor protocol for objects of user classes: a class attribute
//! whose own class defines `__get__`, `__set__` or `__delete__` takes part in
//! attribute access as CPython's `PyObject_GenericGetAttr` and
//! `PyObject_GenericSetAttr` say (data descriptors before the instance dict,
//! non-data descriptors after it), plus the `__get__`/`__set__`/`__delete__`
//! methods of the built-in descriptors (functions, `property`,
//! `classmethod`, `staticmethod`) called directly.

use crate::builtins::{Args, ExcType, Ret};
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// Which descriptor methods the class of a user object defines.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DescrSlots {
    /// `__get__`, if defined (borrowed).
    pub get: Option<Value>,
    /// `__set__`, if defined (borrowed).
    pub set: Option<Value>,
    /// `__delete__`, if defined (borrowed).
    pub delete: Option<Value>,
}

impl DescrSlots {
    /// A data descriptor: it defines `__set__` or `__delete__`.
    pub(crate) fn is_data(self) -> bool {
        self.set.is_some() || self.delete.is_some()
    }
}

impl Vm {
    /// The descriptor methods of `attr` when it is an instance of a user class
    /// that defines at least one of them.
    pub(crate) fn user_descr(&mut self, attr: Value) -> Option<DescrSlots> {
        let Some(Object::Instance(i)) = attr.as_ref().map(|r| self.heap.get(r)) else {
            return None;
        };
        let cls = i.class;
        let (g, s, d) = (
            self.sym("__get__"),
            self.sym("__set__"),
            self.sym("__delete__"),
        );
        let slots = DescrSlots {
            get: self.class_lookup(cls, g),
            set: self.class_lookup(cls, s),
            delete: self.class_lookup(cls, d),
        };
        (slots.get.is_some() || slots.is_data()).then_some(slots)
    }

    /// Whether a class attribute is a data descriptor (it takes precedence
    /// over the instance dict).
    pub(crate) fn is_data_descr(&mut self, attr: Value) -> bool {
        match attr.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Property(..)) => true,
            Some(Object::Instance(_)) => self.user_descr(attr).is_some_and(DescrSlots::is_data),
            _ => false,
        }
    }

    /// Calls a descriptor method `m` (borrowed) with the descriptor and `rest`
    /// (owned) as arguments.
    pub(crate) fn call_descr_method(
        &mut self,
        m: Value,
        descr: Value,
        rest: Vec<Value>,
    ) -> PyResult<Value> {
        self.heap.incref(descr);
        let mut args = vec![descr];
        args.extend(rest);
        match m.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::StaticMethod(f)) => {
                let f = *f;
                self.heap.decref(descr);
                args.remove(0);
                self.call_sync(f, args, Vec::new())
            }
            _ => self.call_sync(m, args, Vec::new()),
        }
    }

    /// `type(descr).__get__(descr, obj, cls)` for a user descriptor; `None`
    /// when it has no `__get__` (the descriptor itself is the value).
    pub(crate) fn user_descr_get(
        &mut self,
        descr: Value,
        obj: Value,
        cls: Ref,
    ) -> Option<PyResult<Value>> {
        let get = self.user_descr(descr)?.get?;
        self.heap.incref(obj);
        self.heap.incref(Value::Obj(cls));
        Some(self.call_descr_method(get, descr, vec![obj, Value::Obj(cls)]))
    }

    /// Stores through a user data descriptor: `Some` when `descr` handled
    /// the store (takes ownership of `v` then), `None` when it is no data
    /// descriptor.
    pub(crate) fn user_descr_set(
        &mut self,
        descr: Value,
        obj: Value,
        v: Value,
    ) -> Option<PyResult<()>> {
        let slots = self.user_descr(descr)?;
        if !slots.is_data() {
            return None;
        }
        let Some(set) = slots.set else {
            self.heap.decref(v);
            return Some(self.err(ExcType::AttributeError, "__set__"));
        };
        self.heap.incref(obj);
        Some(
            self.call_descr_method(set, descr, vec![obj, v])
                .map(|out| self.heap.decref(out)),
        )
    }

    /// Deletes through a user data descriptor (see [`Vm::user_descr_set`]).
    pub(crate) fn user_descr_delete(&mut self, descr: Value, obj: Value) -> Option<PyResult<()>> {
        let slots = self.user_descr(descr)?;
        if !slots.is_data() {
            return None;
        }
        let Some(del) = slots.delete else {
            return Some(self.err(ExcType::AttributeError, "__delete__"));
        };
        self.heap.incref(obj);
        Some(
            self.call_descr_method(del, descr, vec![obj])
                .map(|out| self.heap.decref(out)),
        )
    }

    /// What `classmethod(f).__get__(obj, cls)` gives: `f` bound to `cls`,
    /// or, for a wrapped descriptor, `f.__get__(cls, type(cls))` as 3.11 does.
    pub(crate) fn classmethod_get(&mut self, f: Value, cls: Ref) -> PyResult<Value> {
        match f.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Property(fget, _, _)) => {
                let fget = *fget;
                if fget == Value::None {
                    return self.err(ExcType::AttributeError, "property has no getter");
                }
                self.heap.incref(Value::Obj(cls));
                self.call_sync(fget, vec![Value::Obj(cls)], Vec::new())
            }
            Some(Object::Instance(_)) => {
                let meta = self.class_ref(Value::Obj(cls));
                match self.user_descr_get(f, Value::Obj(cls), meta) {
                    Some(out) => out,
                    None => Ok(self.bind_to(Value::Obj(cls), f)),
                }
            }
            _ => Ok(self.bind_to(Value::Obj(cls), f)),
        }
    }

    /// A bound method of `f` on `obj` (both borrowed; result owned).
    pub(crate) fn bind_to(&mut self, obj: Value, f: Value) -> Value {
        self.heap.incref(obj);
        self.heap.incref(f);
        Value::Obj(self.heap.alloc(Object::BoundMethod(obj, f)))
    }

    /// The `cls` argument of a built-in `__get__(obj, type=None)`: `type`
    /// when given, else the type of `obj`.
    fn get_owner(&mut self, a: &Args<'_>, name: &str) -> PyResult<(Value, Ref)> {
        if a.pos.len() < 2 || a.pos.len() > 3 {
            let n = a.pos.len().saturating_sub(1);
            return self.type_error(format!("expected 1 or 2 arguments, got {n}"));
        }
        let obj = a.pos[1];
        let ty = a.pos.get(2).copied().unwrap_or(Value::None);
        if obj == Value::None && ty == Value::None {
            return self.type_error(format!("{name}(None, None) is invalid"));
        }
        let cls = match ty.as_ref() {
            Some(r) if matches!(self.heap.get(r), Object::Class(_)) => r,
            _ => self.class_ref(obj),
        };
        Ok((obj, cls))
    }
}

/// `function.__get__(obj, type=None)`, `classmethod.__get__`,
/// `staticmethod.__get__` and `property.__get__`, called directly.
pub fn descr_get(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let this = a.pos.first().copied().unwrap_or(Value::None);
    let (obj, cls) = vm.get_owner(a, "__get__")?;
    let out = match this.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::StaticMethod(f)) => {
            let f = *f;
            vm.heap.incref(f);
            f
        }
        Some(Object::ClassMethod(f)) => {
            let f = *f;
            let owner = if a.pos.get(2).copied().unwrap_or(Value::None) == Value::None {
                cls
            } else {
                a.pos[2].as_ref().unwrap_or(cls)
            };
            vm.classmethod_get(f, owner)?
        }
        Some(Object::Property(fget, _, _)) => {
            let fget = *fget;
            if obj == Value::None {
                vm.heap.incref(this);
                this
            } else if fget == Value::None {
                return vm.err(ExcType::AttributeError, "property has no getter");
            } else {
                vm.heap.incref(obj);
                vm.call_sync(fget, vec![obj], Vec::new())?
            }
        }
        _ if obj == Value::None => {
            vm.heap.incref(this);
            this
        }
        _ => vm.bind_to(obj, this),
    };
    Ok(Ret::Value(out))
}

/// `property.__set__(obj, value)` and `property.__delete__(obj)`.
fn prop_store(vm: &mut Vm, a: &Args<'_>, value: Option<Value>) -> PyResult<Ret> {
    let this = a.pos.first().copied().unwrap_or(Value::None);
    let Some(Object::Property(_, fset, fdel)) = this.as_ref().map(|r| vm.heap.get(r)) else {
        return vm.type_error("descriptor requires a 'property' object");
    };
    let (fset, fdel) = (*fset, *fdel);
    let obj = a.pos.get(1).copied().unwrap_or(Value::None);
    let (f, what) = match value {
        Some(_) => (fset, "setter"),
        None => (fdel, "deleter"),
    };
    if f == Value::None {
        let tn = vm.type_name(obj);
        return vm.err(
            ExcType::AttributeError,
            format!("property of '{tn}' object has no {what}"),
        );
    }
    vm.heap.incref(obj);
    let mut args = vec![obj];
    if let Some(v) = value {
        vm.heap.incref(v);
        args.push(v);
    }
    let out = vm.call_sync(f, args, Vec::new())?;
    vm.heap.decref(out);
    Ok(Ret::Value(Value::None))
}

/// `property.__set__(obj, value)`.
pub fn prop_set(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 3 {
        let n = a.pos.len().saturating_sub(1);
        return vm.type_error(format!("expected 2 arguments, got {n}"));
    }
    prop_store(vm, a, Some(a.pos[2]))
}

/// `property.__delete__(obj)`.
pub fn prop_delete(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 2 {
        let n = a.pos.len().saturating_sub(1);
        return vm.type_error(format!("expected 1 argument, got {n}"));
    }
    prop_store(vm, a, None)
}
