//! A Python `__getattribute__`: instances of a class that defines one (or
//! inherits one) read every attribute through it, and `__getattr__` runs
//! when it raises `AttributeError`, as CPython's `slot_tp_getattr_hook`.

use crate::builtins::ExcType;
use crate::intern::{sym, Sym};
use crate::object::{ClassKind, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Whether instances of `cls` go through a Python `__getattribute__`.
    #[inline]
    pub(crate) fn has_custom_getattribute(&self, cls: Ref) -> bool {
        matches!(self.heap.get(cls), Object::Class(c) if c.custom_getattribute)
    }

    /// Whether a class of `mro` (a new class's) defines `__getattribute__`
    /// in Python.
    pub(crate) fn mro_defines_getattribute(&mut self, mro: &[Ref]) -> bool {
        let Some(s) = self.names.lookup("__getattribute__") else {
            return false;
        };
        mro.iter().any(|k| match self.heap.get(*k) {
            Object::Class(c) => {
                c.kind == ClassKind::User
                    && (c.custom_getattribute
                        || c.attrs.get(&s).is_some_and(|v| {
                            !matches!(
                                v.as_ref().map(|r| self.heap.get(r)),
                                Some(Object::Builtin(_))
                            )
                        }))
            }
            _ => false,
        })
    }

    /// `type(obj).__getattribute__(obj, name)`, then `__getattr__` on
    /// `AttributeError`.
    pub(crate) fn call_getattribute(&mut self, obj: Value, cls: Ref, name: Sym) -> PyResult<Value> {
        let ga = self.sym("__getattribute__");
        let Some(f) = self.class_lookup(cls, ga) else {
            let r = obj.as_ref().unwrap_or(cls);
            return self.instance_getattr(obj, r, cls, name, true);
        };
        let n = self.names.name(name).to_string();
        let nv = self.str_value(&n);
        self.heap.incref(obj);
        let out = self.call_descr_method(f, obj, vec![nv]);
        self.heap.decref(obj);
        let err = match out {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        let attr_err = self.b.exc(ExcType::AttributeError);
        let is_attr_err = self.class_is_subclass(self.class_ref(err), attr_err);
        if !is_attr_err {
            return Err(err);
        }
        let Some(getattr) = self.class_lookup(cls, sym::GETATTR) else {
            return Err(err);
        };
        self.heap.decref(err);
        let nv = self.str_value(&n);
        self.call_descr_method(getattr, obj, vec![nv])
    }
}
