//! `copy.copy` and `copy.deepcopy` for every VM value, suspended generators
//! included (see "Copy and pickle semantics" in the design).
//!
//! A deep copy runs in three passes so that a refusal (an open file, a
//! running generator) leaves the heap untouched: *plan* walks the graph from
//! the root and decides, per object, whether it is shared (strings, classes,
//! modules, functions, immortal constants) or copied; *build* allocates every
//! copy and clones each original into it with its handles pointed through
//! the memo; *fix* rehashes the dicts whose keys were copied. Nothing
//! recurses on the Rust stack, so deep structures copy as well as flat ones.

pub(crate) mod plan;
pub(crate) mod remap;

use crate::heap::Heap;
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use plan::{Plan, Verb};
use remap::{remap_object, Remap};
use rustc_hash::FxHashMap;

/// Points handles at their copies (or keeps them), adding one count each.
struct Through<'a> {
    heap: &'a mut Heap,
    memo: &'a FxHashMap<u32, Value>,
}

impl Remap for Through<'_> {
    fn val(&mut self, v: Value) -> Value {
        let n = match v {
            Value::Obj(r) => self.memo.get(&r.0).copied().unwrap_or(v),
            _ => v,
        };
        self.heap.incref(n);
        n
    }

    fn backref(&mut self, r: Ref) -> Ref {
        match self.memo.get(&r.0) {
            Some(Value::Obj(n)) => *n,
            _ => r,
        }
    }
}

impl Vm {
    /// `copy.copy(v)`: a new container (or generator, iterator, instance)
    /// whose references are the original's, shared.
    pub fn shallow_copy(&mut self, v: Value) -> PyResult<Value> {
        let Some(r) = v.as_ref() else { return Ok(v) };
        if self.heap.refcount(r) == crate::heap::IMMORTAL {
            return Ok(v);
        }
        let out = match self.heap.get(r) {
            Object::List(_)
            | Object::ByteArray(_)
            | Object::Deque(_)
            | Object::Iter(_)
            | Object::Random(_)
            | Object::Partial(_) => self.clone_shared(r),
            Object::Exception(_) => self.clone_shared(r),
            Object::Generator(g) => {
                if g.state == crate::object::GenState::Running {
                    return self.value_error("generator already executing");
                }
                self.clone_shared(r)
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
            Object::Instance(_) => {
                if let Some(m) = self.lookup_special(v, crate::intern::sym::COPY) {
                    let res = self.call_sync(m, Vec::new(), Vec::new());
                    self.heap.decref(m);
                    return res;
                }
                self.clone_shared(r)
            }
            _ => {
                self.heap.incref(v);
                v
            }
        };
        Ok(out)
    }

    /// A new object cloned from `r` with every handle shared (counted once
    /// more). A generator's copy gets its own frame and serial number.
    fn clone_shared(&mut self, r: Ref) -> Value {
        let mut obj = self.heap.get(r).clone();
        let n = self.heap.alloc(Object::Free);
        // Only the generator's back-reference goes through the memo.
        let mut m = Shared {
            heap: &mut self.heap,
            old: r,
            new: n,
        };
        remap_object(&mut obj, &mut m);
        self.fresh_identity(&mut obj);
        *self.heap.get_mut(n) = obj;
        Value::Obj(n)
    }

    /// A copied generator is a new generator: its own serial, not finalized.
    fn fresh_identity(&mut self, obj: &mut Object) {
        match obj {
            Object::Generator(g) => {
                self.next_serial += 1;
                g.serial = self.next_serial;
                g.finalized = false;
            }
            Object::Instance(i) => i.finalized = false,
            _ => {}
        }
    }

    /// `copy.deepcopy(v)` (and `g.copy()`): everything reachable copied with
    /// one memo; modules, classes, functions and immutable atoms shared.
    pub fn deep_copy(&mut self, v: Value) -> PyResult<Value> {
        self.deep_copy_as(v, Verb::Deepcopy)
    }

    fn deep_copy_as(&mut self, v: Value, verb: Verb) -> PyResult<Value> {
        let Some(root) = v.as_ref() else { return Ok(v) };
        let plan = Plan::make(self, root, verb)?;
        let Plan {
            order,
            mut memo,
            hooks,
            ..
        } = plan;
        if order.is_empty() {
            // Shared, or made by a `__deepcopy__` hook.
            let out = memo.get(&root.0).copied().unwrap_or(v);
            self.heap.incref(out);
            self.heap.decref_all(hooks);
            return Ok(out);
        }
        // Build: a slot for every copy first, so handles can point anywhere.
        for &r in &order {
            let n = self.heap.alloc(Object::Free);
            memo.insert(r.0, Value::Obj(n));
        }
        let mut rehash = Vec::new();
        for &r in &order {
            let Some(Value::Obj(n)) = memo.get(&r.0).copied() else {
                continue;
            };
            let mut obj = self.heap.get(r).clone();
            if let Object::Dict(d) | Object::Set(d, _) = &obj {
                if d.iter()
                    .any(|e| e.key.as_ref().is_some_and(|k| memo.contains_key(&k.0)))
                {
                    rehash.push(n);
                }
            }
            remap_object(
                &mut obj,
                &mut Through {
                    heap: &mut self.heap,
                    memo: &memo,
                },
            );
            self.fresh_identity(&mut obj);
            *self.heap.get_mut(n) = obj;
        }
        // Fix: keys that are copies hash differently (identity hashes).
        let mut failed = None;
        for d in rehash {
            if let Err(e) = self.rehash_table(d) {
                failed = Some(e);
                break;
            }
        }
        // The allocation's count of every copy but the root was the memo's.
        let out = memo.get(&root.0).copied().unwrap_or(v);
        for &r in &order {
            if r != root {
                if let Some(n) = memo.get(&r.0).copied() {
                    self.heap.decref(n);
                }
            }
        }
        self.heap.decref_all(hooks);
        if let Some(e) = failed {
            self.heap.decref(out);
            return Err(e);
        }
        Ok(out)
    }

    /// Re-inserts every entry of a copied dict or set under fresh hashes.
    pub(crate) fn rehash_table(&mut self, d: Ref) -> PyResult<()> {
        let (entries, is_set) = match self.heap.get_mut(d) {
            Object::Dict(t) => (t.take_all(), false),
            Object::Set(t, _) => (t.take_all(), true),
            _ => return Ok(()),
        };
        let mut res = Ok(());
        for e in entries {
            if res.is_ok() {
                res = if is_set {
                    self.set_add_value(Value::Obj(d), e.key)
                } else {
                    self.dict_set(Value::Obj(d), e.key, e.value)
                };
            }
            self.heap.decref(e.key);
            if !is_set {
                self.heap.decref(e.value);
            }
        }
        res
    }
}

/// Shares every handle; the generator's back-reference goes to the copy.
struct Shared<'a> {
    heap: &'a mut Heap,
    old: Ref,
    new: Ref,
}

impl Remap for Shared<'_> {
    fn val(&mut self, v: Value) -> Value {
        self.heap.incref(v);
        v
    }

    fn backref(&mut self, r: Ref) -> Ref {
        if r == self.old {
            self.new
        } else {
            r
        }
    }
}
