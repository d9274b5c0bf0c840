//! A module's namespace as programs see it: `globals()`, `vars(module)`,
//! `module.__dict__` and `frame.f_globals` are one live `dict`.
//!
//! The interpreter reads and writes globals through the module's symbol
//! table ([`Module::globals`](crate::object::Module)), indexed by interned
//! name, which keeps `LOAD_GLOBAL` as cheap as an attribute look-up. The
//! first time a program asks for the namespace as a dict, the module gets a
//! real dict object holding the same entries in the same order; from then on
//! every write on either side is applied to the other at once, so both hold
//! the same str-keyed entries (each side counts its references). The dict
//! may also hold keys that are not strings, which no name can reach.

use crate::intern::Sym;
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::Vm;

impl Vm {
    /// The live namespace dict of module `m` (a new reference), made from
    /// its globals on first use.
    pub(crate) fn module_dict(&mut self, m: Ref) -> Value {
        let (existing, entries) = match self.heap.get(m) {
            Object::Module(md) => (
                md.dict,
                md.globals.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(),
            ),
            _ => return self.new_dict(),
        };
        if let Some(d) = existing {
            self.heap.incref(Value::Obj(d));
            return Value::Obj(d);
        }
        let d = self.dict_of_names(entries);
        let dr = d.as_ref().expect("dict");
        if let Object::Dict(dd) = self.heap.get_mut(dr) {
            dd.namespace = Some(m);
        }
        self.heap.incref(d);
        if let Object::Module(md) = self.heap.get_mut(m) {
            md.dict = Some(dr);
        }
        d
    }

    /// Sets a module global (takes ownership of `v`).
    pub(crate) fn module_set(&mut self, m: Ref, s: Sym, v: Value) {
        let (old, dict) = match self.heap.get_mut(m) {
            Object::Module(md) => (md.globals.insert(s, v), md.dict),
            _ => (None, None),
        };
        if let Some(o) = old {
            self.heap.decref(o);
        }
        if let Some(d) = dict {
            let ks = self.names.name(s).to_string();
            let kv = self.str_value(&ks);
            let _ = self.dict_write(d, kv, Some(v));
            self.heap.decref(kv);
        }
    }

    /// Removes a module global; returns its owned value, or `None` when the
    /// name is not bound.
    pub(crate) fn module_del(&mut self, m: Ref, s: Sym) -> Option<Value> {
        let (old, dict) = match self.heap.get_mut(m) {
            Object::Module(md) => (md.globals.shift_remove(&s), md.dict),
            _ => (None, None),
        };
        if let (Some(d), Some(_)) = (dict, old) {
            let ks = self.names.name(s).to_string();
            let kv = self.str_value(&ks);
            let _ = self.dict_write(d, kv, None);
            self.heap.decref(kv);
        }
        old
    }

    /// Writes (or with `None` removes) one entry of a namespace dict without
    /// passing it on to the module.
    fn dict_write(&mut self, d: Ref, key: Value, v: Option<Value>) -> crate::vm::PyResult<()> {
        let saved = self.take_namespace(d);
        let r = match v {
            Some(v) => self.dict_set(Value::Obj(d), key, v),
            None => self.dict_remove(Value::Obj(d), key).map(|old| {
                if let Some(o) = old {
                    self.heap.decref(o);
                }
            }),
        };
        self.restore_namespace(d, saved);
        r
    }

    fn take_namespace(&mut self, d: Ref) -> Option<Ref> {
        match self.heap.get_mut(d) {
            Object::Dict(dd) => dd.namespace.take(),
            _ => None,
        }
    }

    fn restore_namespace(&mut self, d: Ref, m: Option<Ref>) {
        if let Object::Dict(dd) = self.heap.get_mut(d) {
            dd.namespace = m;
        }
    }

    /// The module whose namespace dict `d` is, if it is one.
    #[inline]
    pub(crate) fn namespace_of(&self, d: Ref) -> Option<Ref> {
        match self.heap.get(d) {
            Object::Dict(dd) => dd.namespace,
            _ => None,
        }
    }

    /// A namespace dict's `key` was set to `v` (borrowed) or removed:
    /// the module's symbol table follows.
    pub(crate) fn namespace_changed(&mut self, m: Ref, key: Value, v: Option<Value>) {
        let Some(name) = self.as_str(key).map(str::to_string) else {
            return;
        };
        let s = match v {
            Some(_) => self.sym(&name),
            None => match self.names.lookup(&name) {
                Some(s) => s,
                None => return,
            },
        };
        if let Some(v) = v {
            self.heap.incref(v);
        }
        let old = match self.heap.get_mut(m) {
            Object::Module(md) => match v {
                Some(v) => md.globals.insert(s, v),
                None => md.globals.shift_remove(&s),
            },
            Object::Instance(i) => match v {
                Some(v) => i.attrs.insert(s, v),
                None => i.attrs.shift_remove(&s),
            },
            _ => None,
        };
        if let Some(o) = old {
            self.heap.decref(o);
        }
    }

    /// After a namespace dict changed wholesale (`clear`, `popitem`): the
    /// module's symbol table is rebuilt from it.
    pub(crate) fn namespace_resync(&mut self, d: Ref) {
        let Some(m) = self.namespace_of(d) else {
            return;
        };
        let entries: Vec<(Value, Value)> = match self.heap.get(d) {
            Object::Dict(dd) => dd.iter().map(|e| (e.key, e.value)).collect(),
            _ => return,
        };
        let mut fresh = crate::object::Attrs::new();
        for (k, v) in entries {
            if let Some(name) = self.as_str(k).map(str::to_string) {
                let s = self.sym(&name);
                self.heap.incref(v);
                if let Some(o) = fresh.insert(s, v) {
                    self.heap.decref(o);
                }
            }
        }
        let old = match self.heap.get_mut(m) {
            Object::Module(md) => std::mem::replace(&mut md.globals, fresh),
            Object::Instance(i) => std::mem::replace(&mut i.attrs, fresh),
            _ => return,
        };
        for (_, v) in old {
            self.heap.decref(v);
        }
    }
}
