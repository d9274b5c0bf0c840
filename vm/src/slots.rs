//! `__slots__`: a class whose every class in the MRO declares `__slots__`
//! (without `"__dict__"`) gives its instances no `__dict__`; they may hold
//! only the declared names. The values live in the instance's attribute
//! table like any other attribute.

use crate::builtins::ExcType;
use crate::intern::{sym, Sym};
use crate::object::{ClassKind, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Whether instances of `cls` have no `__dict__`.
    pub(crate) fn is_slotted(&self, cls: Ref) -> bool {
        matches!(self.heap.get(cls), Object::Class(c) if c.slots.is_some())
    }

    /// Whether an instance of `cls` may hold the attribute `name`.
    pub(crate) fn slot_allowed(&self, cls: Ref, name: Sym) -> bool {
        match self.heap.get(cls) {
            Object::Class(c) => c.slots.as_ref().is_none_or(|s| s.contains(&name)),
            _ => true,
        }
    }

    /// The names a class's `__slots__` declares, or `None` when it has none.
    fn declared_slots(&mut self, cls: Ref) -> PyResult<Option<Vec<String>>> {
        let Object::Class(c) = self.heap.get(cls) else {
            return Ok(None);
        };
        let Some(&v) = c.attrs.get(&sym::SLOTS) else {
            return Ok(None);
        };
        let items: Vec<Value> = match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Str(_)) => vec![v],
            Some(Object::Tuple(t)) => t.to_vec(),
            Some(Object::List(l)) => l.clone(),
            // A dict maps each slot to its docstring (`statistics.NormalDist`).
            Some(Object::Dict(d)) => d.iter().map(|e| e.key).collect(),
            _ => {
                let tn = self.type_name(v);
                return self.type_error(format!("'{tn}' object is not iterable"));
            }
        };
        let mut out = Vec::new();
        for it in items {
            let Some(s) = self.as_str(it).map(str::to_string) else {
                let tn = self.type_name(it);
                return self.type_error(format!("__slots__ items must be strings, not '{tn}'"));
            };
            out.push(s);
        }
        Ok(Some(out))
    }

    /// The allowed attribute names of a new class `cls` with MRO `mro`
    /// , checking CPython's `__slots__` errors.
    pub(crate) fn class_slots(&mut self, cls: Ref, mro: &[Ref]) -> PyResult<Option<Box<[Sym]>>> {
        let Some(own) = self.declared_slots(cls)? else {
            return Ok(None);
        };
        for name in &own {
            let s = self.sym(name);
            let clash = match self.heap.get(cls) {
                Object::Class(c) => c.attrs.contains_key(&s),
                _ => false,
            };
            if clash && name != "__dict__" && name != "__weakref__" {
                return self.err(
                    ExcType::ValueError,
                    format!("'{name}' in __slots__ conflicts with class variable"),
                );
            }
        }
        if own.iter().any(|n| n == "__dict__") {
            return Ok(None);
        }
        let mut allowed: Vec<Sym> = Vec::new();
        for n in &own {
            if n != "__weakref__" {
                allowed.push(self.sym(n));
            }
        }
        let object = self.b.ty(TypeTag::Object);
        for k in mro.iter().skip(1) {
            if *k == object {
                continue;
            }
            match self.heap.get(*k) {
                Object::Class(c) if c.kind == ClassKind::User => match &c.slots {
                    Some(s) => allowed.extend(s.iter().copied()),
                    None => return Ok(None),
                },
                _ => return Ok(None),
            }
        }
        Ok(Some(allowed.into_boxed_slice()))
    }
}
