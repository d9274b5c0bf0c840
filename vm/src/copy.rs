//! `copy.copy` and `copy.deepcopy` for every VM value, generators included.

use crate::dict::DictFlavor;
use crate::object::{Deque, Object};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `copy.copy(v)`.
    pub fn shallow_copy(&mut self, v: Value) -> PyResult<Value> {
        let Some(r) = v.as_ref() else { return Ok(v) };
        let out = match self.heap.get(r) {
            Object::List(items) => {
                let items = items.clone();
                for x in &items {
                    self.heap.incref(*x);
                }
                self.list(items)
            }
            Object::Dict(_) => self.dict_copy(v)?,
            Object::Set(d, frozen) => {
                if *frozen {
                    self.heap.incref(v);
                    return Ok(v);
                }
                let keys: Vec<Value> = d.iter().map(|e| e.key).collect();
                let s = self.new_set(false);
                for k in keys {
                    self.set_add_value(s, k)?;
                }
                s
            }
            Object::Deque(d) => {
                let d2 = Deque { items: d.items.clone(), maxlen: d.maxlen };
                for x in &d2.items {
                    self.heap.incref(*x);
                }
                Value::Obj(self.heap.alloc(Object::Deque(Box::new(d2))))
            }
            Object::Instance(i) => {
                let cls = i.class;
                if let Some(m) = self.lookup_special(v, crate::intern::sym::COPY) {
                    let res = self.call_sync(m, Vec::new(), Vec::new());
                    self.heap.decref(m);
                    return res;
                }
                let Object::Instance(i) = self.heap.get(r) else { unreachable!() };
                let attrs = i.attrs.clone();
                for x in attrs.values() {
                    self.heap.incref(*x);
                }
                self.heap.incref(Value::Obj(cls));
                Value::Obj(self.heap.alloc(Object::Instance(Box::new(crate::object::Instance { class: cls, attrs, finalized: false }))))
            }
            _ => {
                self.heap.incref(v);
                v
            }
        };
        Ok(out)
    }

    /// `copy.deepcopy(v)` for containers and instances (generators: see the copy issue).
    pub fn deep_copy(&mut self, v: Value) -> PyResult<Value> {
        let mut memo: std::collections::HashMap<u32, Value> = std::collections::HashMap::new();
        let r = self.deep_copy_inner(v, &mut memo);
        r
    }

    fn deep_copy_inner(&mut self, v: Value, memo: &mut std::collections::HashMap<u32, Value>) -> PyResult<Value> {
        let Some(r) = v.as_ref() else { return Ok(v) };
        if let Some(c) = memo.get(&r.0) {
            self.heap.incref(*c);
            return Ok(*c);
        }
        let out = match self.heap.get(r) {
            Object::List(items) => {
                let items = items.clone();
                let l = self.list(Vec::new());
                memo.insert(r.0, l);
                let mut new = Vec::new();
                for x in items {
                    new.push(self.deep_copy_inner(x, memo)?);
                }
                if let Some(Object::List(dst)) = l.as_ref().map(|x| self.heap.get_mut(x)) {
                    *dst = new;
                }
                return Ok(l);
            }
            Object::Tuple(items) => {
                let items = items.to_vec();
                let mut new = Vec::new();
                for x in items {
                    new.push(self.deep_copy_inner(x, memo)?);
                }
                self.tuple(new)
            }
            Object::Dict(d) => {
                let entries: Vec<(Value, Value)> = d.iter().map(|e| (e.key, e.value)).collect();
                let flavor = d.flavor;
                let nd = self.new_dict();
                if let DictFlavor::Default(f) = flavor {
                    self.heap.incref(f);
                }
                if let Some(Object::Dict(dd)) = nd.as_ref().map(|x| self.heap.get_mut(x)) {
                    dd.flavor = flavor;
                }
                memo.insert(r.0, nd);
                for (k, x) in entries {
                    let k2 = self.deep_copy_inner(k, memo)?;
                    let x2 = self.deep_copy_inner(x, memo)?;
                    self.dict_set(nd, k2, x2)?;
                    self.heap.decref(k2);
                    self.heap.decref(x2);
                }
                return Ok(nd);
            }
            Object::Set(d, frozen) => {
                let keys: Vec<Value> = d.iter().map(|e| e.key).collect();
                let s = self.new_set(*frozen);
                for k in keys {
                    let k2 = self.deep_copy_inner(k, memo)?;
                    self.set_add_value(s, k2)?;
                    self.heap.decref(k2);
                }
                s
            }
            Object::Instance(i) => {
                let (cls, attrs) = (i.class, i.attrs.clone());
                if let Some(m) = self.lookup_special(v, crate::intern::sym::DEEPCOPY) {
                    let md = self.new_dict();
                    let res = self.call_sync(m, vec![md], Vec::new());
                    self.heap.decref(m);
                    return res;
                }
                self.heap.incref(Value::Obj(cls));
                let inst = Value::Obj(self.heap.alloc(Object::Instance(Box::new(crate::object::Instance { class: cls, attrs: crate::object::Attrs::default(), finalized: false }))));
                memo.insert(r.0, inst);
                for (k, x) in attrs {
                    let x2 = self.deep_copy_inner(x, memo)?;
                    if let Some(Object::Instance(ni)) = inst.as_ref().map(|y| self.heap.get_mut(y)) {
                        ni.attrs.insert(k, x2);
                    }
                }
                return Ok(inst);
            }
            Object::Deque(d) => {
                let (items, maxlen): (Vec<Value>, Option<usize>) = (d.items.iter().copied().collect(), d.maxlen);
                let mut new = std::collections::VecDeque::new();
                for x in items {
                    new.push_back(self.deep_copy_inner(x, memo)?);
                }
                Value::Obj(self.heap.alloc(Object::Deque(Box::new(Deque { items: new, maxlen }))))
            }
            Object::Generator(_) => {
                return self.type_error("cannot deepcopy generator objects yet");
            }
            Object::File(_) => return self.type_error("cannot deepcopy an open file"),
            _ => {
                self.heap.incref(v);
                v
            }
        };
        memo.insert(r.0, out);
        Ok(out)
    }
}
