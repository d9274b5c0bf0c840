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
use crate::intern::sym;
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
                let out = self.clone_shared(r);
                // A list, dict or set subclass's copy gets its own value.
                if let Some(b) = self.payload(out) {
                    if matches!(
                        b.as_ref().map(|x| self.heap.get(x)),
                        Some(Object::List(_) | Object::Dict(_) | Object::Set(_, false))
                    ) {
                        let nb = self.shallow_copy(b)?;
                        if let Some(Object::Instance(i)) =
                            out.as_ref().map(|x| self.heap.get_mut(x))
                        {
                            i.base = Some(Box::new(nb));
                        }
                        self.heap.decref(b);
                    }
                }
                out
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
        self.deep_copy_as(v, Verb::Deepcopy, None)
    }

    /// `copy.deepcopy(v, memo)` with a dict `memo` (borrowed), as CPython's:
    /// an object whose `id` the memo maps is not copied (the memo's value is
    /// used), and every copy made is added to the memo, its original to the
    /// keep-alive list at `memo[id(memo)]`.
    pub fn deep_copy_with_memo(&mut self, v: Value, memo: Value) -> PyResult<Value> {
        let key = Value::Int(self.id_of(v));
        if let Some(x) = self.dict_get(memo, key)? {
            self.heap.incref(x);
            return Ok(x);
        }
        self.deep_copy_as(v, Verb::Deepcopy, Some(memo))
    }

    fn deep_copy_as(&mut self, v: Value, verb: Verb, py_memo: Option<Value>) -> PyResult<Value> {
        let Some(root) = v.as_ref() else { return Ok(v) };
        let plan = Plan::make(self, root, verb, py_memo)?;
        let Plan {
            order,
            mut memo,
            hooks,
            hooked,
        } = plan;
        if order.is_empty() && hooked.is_empty() {
            // Shared, or given by the Python memo.
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
        for &d in &rehash {
            if let Err(e) = self.rehash_table(d) {
                failed = Some(e);
                break;
            }
        }
        // `__deepcopy__` hooks, and the Python memo: only when there is one.
        let mut results = Vec::new();
        if failed.is_none() && (py_memo.is_some() || !hooked.is_empty()) {
            let d = match py_memo {
                Some(d) => {
                    self.heap.incref(d);
                    d
                }
                None => self.new_dict(),
            };
            let mut step = HookStep {
                order: &order,
                memo: &mut memo,
                hooked: &hooked,
                rehash: &rehash,
                results: &mut results,
            };
            if let Err(e) = self.run_hooks(d, &mut step) {
                failed = Some(e);
            }
            self.heap.decref(d);
        }
        // The allocation's count of every copy but the root was the memo's.
        let out = memo.get(&root.0).copied().unwrap_or(v);
        if order.is_empty() {
            self.heap.incref(out);
        }
        for &r in &order {
            if r != root {
                if let Some(n) = memo.get(&r.0).copied() {
                    self.heap.decref(n);
                }
            }
        }
        self.heap.decref_all(hooks);
        self.heap.decref_all(results);
        if let Some(e) = failed {
            self.heap.decref(out);
            return Err(e);
        }
        Ok(out)
    }

    /// The part of a deep copy that runs Python code: records every copy
    /// built in the Python memo `d` (a dict keyed by `id`, as CPython's),
    /// calls each `__deepcopy__` hook with it, and points the copies at what
    /// the hooks returned and at any copy a hook put in the memo in place
    /// of one built here.
    fn run_hooks(&mut self, d: Value, step: &mut HookStep<'_>) -> PyResult<()> {
        let mut kept = Vec::with_capacity(step.order.len());
        for &r in step.order {
            if let Some(&c) = step.memo.get(&r.0) {
                let key = Value::Int(self.id_of(Value::Obj(r)));
                self.dict_set(d, key, c)?;
                kept.push(Value::Obj(r));
            }
        }
        self.keep_alive(d, &kept)?;
        if step.hooked.is_empty() {
            return Ok(());
        }
        let mut fix: FxHashMap<u32, Value> = FxHashMap::default();
        for &h in step.hooked {
            let hv = Value::Obj(h);
            let key = Value::Int(self.id_of(hv));
            // A nested `copy.deepcopy(.., memo)` may have copied it already.
            let (x, called) = match self.dict_get(d, key)? {
                Some(x) => {
                    self.heap.incref(x);
                    (x, false)
                }
                None => match self.lookup_special(hv, sym::DEEPCOPY) {
                    Some(m) => {
                        self.heap.incref(d);
                        let res = self.call_sync(m, vec![d], Vec::new());
                        self.heap.decref(m);
                        (res?, true)
                    }
                    None => {
                        self.heap.incref(hv);
                        (hv, false)
                    }
                },
            };
            step.results.push(x);
            step.memo.insert(h.0, x);
            if !x.is(hv) {
                fix.insert(h.0, x);
                if called {
                    self.dict_set(d, key, x)?;
                    self.keep_alive(d, &[hv])?;
                }
            }
        }
        // A hook may have put its own copy of an object built here.
        for &r in step.order {
            let Some(&c) = step.memo.get(&r.0) else {
                continue;
            };
            let key = Value::Int(self.id_of(Value::Obj(r)));
            if let Some(y) = self.dict_get(d, key)? {
                if let (Value::Obj(n), false) = (c, y.is(c)) {
                    fix.insert(n.0, y);
                }
            }
        }
        if fix.is_empty() {
            return Ok(());
        }
        let mut dropped = Vec::new();
        for &r in step.order {
            let Some(Value::Obj(n)) = step.memo.get(&r.0).copied() else {
                continue;
            };
            let mut obj = std::mem::replace(self.heap.get_mut(n), Object::Free);
            remap_object(
                &mut obj,
                &mut Repoint {
                    heap: &mut self.heap,
                    fix: &fix,
                    dropped: &mut dropped,
                },
            );
            *self.heap.get_mut(n) = obj;
        }
        self.heap.decref_all(dropped);
        for &t in step.rehash {
            self.rehash_table(t)?;
        }
        Ok(())
    }

    /// Appends originals to the keep-alive list at `memo[id(memo)]`,
    /// creating it, as CPython's `copy._keep_alive`.
    fn keep_alive(&mut self, d: Value, originals: &[Value]) -> PyResult<()> {
        if originals.is_empty() {
            return Ok(());
        }
        let key = Value::Int(self.id_of(d));
        match self.dict_get(d, key)? {
            None => {
                for &o in originals {
                    self.heap.incref(o);
                }
                let l = self.list(originals.to_vec());
                let res = self.dict_set(d, key, l);
                self.heap.decref(l);
                res
            }
            Some(Value::Obj(l)) if matches!(self.heap.get(l), Object::List(_)) => {
                for &o in originals {
                    self.heap.incref(o);
                }
                if let Object::List(items) = self.heap.get_mut(l) {
                    items.extend_from_slice(originals);
                }
                Ok(())
            }
            Some(other) => {
                self.heap.incref(other);
                let append = self.sym("append");
                let mut res = Ok(());
                for &o in originals {
                    self.heap.incref(o);
                    match self.call_method_sync(other, append, vec![o]) {
                        Ok(x) => self.heap.decref(x),
                        Err(e) => {
                            res = Err(e);
                            break;
                        }
                    }
                }
                self.heap.decref(other);
                res
            }
        }
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

/// What the hook step of a deep copy works on.
struct HookStep<'a> {
    order: &'a [Ref],
    memo: &'a mut FxHashMap<u32, Value>,
    hooked: &'a [Ref],
    rehash: &'a [Ref],
    results: &'a mut Vec<Value>,
}

/// Points the handles of a built copy that `fix` names at their
/// replacements, counting the new target and leaving the release of the old
/// one for later (the object is out of the heap meanwhile).
struct Repoint<'a> {
    heap: &'a mut Heap,
    fix: &'a FxHashMap<u32, Value>,
    dropped: &'a mut Vec<Value>,
}

impl Remap for Repoint<'_> {
    fn val(&mut self, v: Value) -> Value {
        if let Value::Obj(r) = v {
            if let Some(&n) = self.fix.get(&r.0) {
                self.heap.incref(n);
                self.dropped.push(v);
                return n;
            }
        }
        v
    }

    fn backref(&mut self, r: Ref) -> Ref {
        r
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
