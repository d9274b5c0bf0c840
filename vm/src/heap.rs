//! The object arena with CPython-style reference counts.
//!
//! A slot is freed the moment its count reaches zero. Freeing walks an
//! explicit work list, never the Rust stack, so dropping a million-deep
//! structure is fine. Objects that must run Python code when released (a
//! suspended generator, an instance with `__del__`) are not freed but queued
//! in `pending_final`; the interpreter runs their finalizers at the next
//! instruction boundary and releases them afterwards. Freed slots go on a
//! LIFO free list, so slot reuse, and therefore every run, is deterministic.

use crate::intern::sym;
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use serde::{Deserialize, Serialize};

/// A count so large it is never decremented to zero: built-in classes,
/// functions and modules live for the whole run.
pub const IMMORTAL: u32 = u32::MAX;

/// One arena slot.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Slot {
    /// Reference count (0 for free slots and for objects awaiting finalization).
    pub rc: u32,
    /// The object.
    pub obj: Object,
}

/// The arena.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Heap {
    /// All slots; `Ref(i)` names `slots[i]`.
    pub slots: Vec<Slot>,
    free: Vec<u32>,
    /// Objects whose count reached zero but that need a finalizer first.
    pub pending_final: std::collections::VecDeque<Ref>,
    /// Live objects (for the collector's trigger).
    pub live: usize,
    /// Allocations less frees since the last collection (as CPython counts
    /// its youngest generation): short-lived objects freed by their counts
    /// never bring a collection nearer.
    pub allocs_since_gc: usize,
    /// Live objects right after the last collection.
    #[serde(default)]
    pub live_at_gc: usize,
    /// The last collection queued finalizers: collect again once they ran.
    #[serde(default)]
    pub collect_after_final: bool,
    /// Slots written since the last snapshot (the write barrier), in first-write order.
    #[serde(skip)]
    dirty: Vec<u32>,
    /// One bit per slot: already in `dirty`.
    #[serde(skip)]
    dirty_bits: Vec<u64>,
    /// Bumped whenever a class is created, changed or freed (method caches
    /// hold while it stays put).
    #[serde(skip)]
    pub class_epoch: u64,
    /// Whether the write barrier is on: it starts with the first
    /// `take_dirty`, so runs nobody records pay nothing for it.
    #[serde(skip)]
    tracking: bool,
    /// Reused work list of `release`.
    #[serde(skip)]
    scratch_work: Vec<Ref>,
    /// Reused child list of `release`.
    #[serde(skip)]
    scratch_children: Vec<Value>,
    /// Weak references by handle (`weakref.ref` keeps its handle).
    #[serde(default)]
    pub weak: Vec<WeakSlot>,
    /// Weak handles by target slot, so a release clears them.
    #[serde(default)]
    pub weak_targets: std::collections::BTreeMap<u32, Vec<u32>>,
    /// Reclaimed entries of `weak`, reused last freed first.
    #[serde(default)]
    pub weak_free: Vec<u32>,
}

/// A weak reference: its target is not counted; `fire` (counted) is an
/// object whose finalizer runs the callback once the target is freed.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct WeakSlot {
    /// The object, until it is freed.
    pub target: Option<Ref>,
    /// Released when the target dies (its `__del__` calls the callback).
    pub fire: Option<Ref>,
    /// The entry belongs to a [`Object::WeakHandle`] and is reclaimed once
    /// that handle and the target are both gone. Entries of older worlds,
    /// whose handles were plain ints, are never reclaimed.
    #[serde(default)]
    pub owned: bool,
    /// Its handle object is still alive.
    #[serde(default)]
    pub held: bool,
}

impl Heap {
    /// Registers a weak reference to `target`; `fire` is counted by the
    /// table. Returns the entry, to be owned by a new `WeakHandle` object.
    pub fn weak_new(&mut self, target: Ref, fire: Option<Ref>) -> u32 {
        let slot = WeakSlot {
            target: Some(target),
            fire,
            owned: true,
            held: true,
        };
        let h = match self.weak_free.pop() {
            Some(h) => {
                self.weak[h as usize] = slot;
                h
            }
            None => {
                self.weak.push(slot);
                u32::try_from(self.weak.len() - 1).expect("weak table exceeds 2^32 entries")
            }
        };
        self.weak_targets.entry(target.0).or_default().push(h);
        h
    }

    /// The handle object of entry `h` was freed. Without a callback waiting
    /// for the target, the entry goes now; with one it stays until the
    /// target dies (the callback then finds its weak reference dead).
    fn weak_handle_freed(&mut self, h: u32) {
        let Some(w) = self.weak.get_mut(h as usize) else {
            return;
        };
        w.held = false;
        match w.target {
            Some(_) if w.fire.is_some() => {}
            Some(t) => {
                if let Some(hs) = self.weak_targets.get_mut(&t.0) {
                    if let Some(i) = hs.iter().rposition(|&x| x == h) {
                        hs.remove(i);
                    }
                    if hs.is_empty() {
                        self.weak_targets.remove(&t.0);
                    }
                }
                self.reclaim_weak(h);
            }
            None => self.reclaim_weak(h),
        }
    }

    fn reclaim_weak(&mut self, h: u32) {
        self.weak[h as usize] = WeakSlot::default();
        self.weak_free.push(h);
    }

    /// Bookkeeping for an object leaving the heap (it was just emptied).
    #[inline]
    pub(crate) fn object_freed(&mut self, obj: &Object) {
        match obj {
            Object::Class(_) => self.class_epoch += 1,
            Object::WeakHandle(h) => self.weak_handle_freed(*h),
            // A dict serving as `exec` globals outlives its module: unlink it.
            Object::Module(m) => {
                if let Some(d) = m.dict {
                    if let Object::Dict(dd) = &mut self.slots[d.index()].obj {
                        dd.namespace = None;
                        self.mark(d.0);
                    }
                }
            }
            _ => {}
        }
    }

    /// The live target of a weak handle.
    #[must_use]
    pub fn weak_get(&self, h: usize) -> Option<Ref> {
        self.weak.get(h).and_then(|w| w.target)
    }

    /// Clears the weak references to a freed slot; returns the counted
    /// `fire` objects to release (their finalizers run the callbacks).
    pub(crate) fn clear_weak(&mut self, r: Ref) -> Vec<Value> {
        if self.weak_targets.is_empty() {
            return Vec::new();
        }
        let Some(hs) = self.weak_targets.remove(&r.0) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for h in hs {
            let w = &mut self.weak[h as usize];
            w.target = None;
            if let Some(f) = w.fire.take() {
                out.push(Value::Obj(f));
            }
            if w.owned && !w.held {
                self.reclaim_weak(h);
            }
        }
        out
    }

    #[inline(always)]
    fn mark(&mut self, i: u32) {
        if self.tracking {
            // Most writes go to slots already written since the last snapshot.
            let (w, b) = ((i >> 6) as usize, 1u64 << (i & 63));
            if self.dirty_bits.get(w).is_none_or(|bits| bits & b == 0) {
                self.mark_slow(i);
            }
        }
    }

    #[inline(never)]
    fn mark_slow(&mut self, i: u32) {
        let (w, b) = ((i >> 6) as usize, 1u64 << (i & 63));
        if w >= self.dirty_bits.len() {
            self.dirty_bits.resize(w + 1, 0);
        }
        if self.dirty_bits[w] & b == 0 {
            self.dirty_bits[w] |= b;
            self.dirty.push(i);
        }
    }

    /// The slots written (allocated, mutated or freed) since the last call,
    /// in first-write order; clears the write barrier. The first call
    /// turns the barrier on and reports every slot.
    pub fn take_dirty(&mut self) -> Vec<u32> {
        if !self.tracking {
            self.tracking = true;
            self.dirty.clear();
            self.dirty_bits.clear();
            return (0..u32::try_from(self.slots.len()).unwrap_or(u32::MAX)).collect();
        }
        for &i in &self.dirty {
            self.dirty_bits[(i >> 6) as usize] = 0;
        }
        std::mem::take(&mut self.dirty)
    }

    /// [`Heap::take_dirty`] into `out`, whose buffer the barrier keeps for
    /// the next round (a recorder calls this at every suspension).
    pub fn swap_dirty(&mut self, out: &mut Vec<u32>) {
        if !self.tracking {
            *out = self.take_dirty();
            return;
        }
        for &i in &self.dirty {
            self.dirty_bits[(i >> 6) as usize] = 0;
        }
        out.clear();
        std::mem::swap(&mut self.dirty, out);
    }

    /// Allocates a slot holding `obj` with a count of one, owned by the caller.
    pub fn alloc(&mut self, obj: Object) -> Ref {
        if matches!(obj, Object::Class(_)) {
            self.class_epoch += 1;
        }
        self.live += 1;
        self.allocs_since_gc += 1;
        if let Some(i) = self.free.pop() {
            self.mark(i);
            let slot = &mut self.slots[i as usize];
            slot.rc = 1;
            slot.obj = obj;
            Ref(i)
        } else {
            let i = u32::try_from(self.slots.len()).expect("heap exceeds 2^32 slots");
            self.mark(i);
            self.slots.push(Slot { rc: 1, obj });
            Ref(i)
        }
    }

    /// Allocates an object that is never freed.
    pub fn alloc_immortal(&mut self, obj: Object) -> Ref {
        let r = self.alloc(obj);
        self.slots[r.index()].rc = IMMORTAL;
        r
    }

    /// The object behind a handle.
    #[inline]
    #[must_use]
    pub fn get(&self, r: Ref) -> &Object {
        &self.slots[r.index()].obj
    }

    /// The object behind a handle, for writing.
    #[inline]
    pub fn get_mut(&mut self, r: Ref) -> &mut Object {
        self.mark(r.0);
        &mut self.slots[r.index()].obj
    }

    /// The count of a slot.
    #[must_use]
    pub fn refcount(&self, r: Ref) -> u32 {
        self.slots[r.index()].rc
    }

    /// Adds one reference.
    #[inline(always)]
    pub fn incref(&mut self, v: Value) {
        if let Value::Obj(r) = v {
            let rc = &mut self.slots[r.index()].rc;
            if *rc != IMMORTAL {
                *rc += 1;
                self.mark(r.0);
            }
        }
    }

    /// Drops one reference, freeing (iteratively) whatever reaches zero.
    #[inline(always)]
    pub fn decref(&mut self, v: Value) {
        if let Value::Obj(r) = v {
            let rc = &mut self.slots[r.index()].rc;
            if *rc == IMMORTAL {
                return;
            }
            debug_assert!(*rc > 0, "decref of a dead object {r:?}");
            *rc -= 1;
            let zero = *rc == 0;
            self.mark(r.0);
            if zero {
                self.release(r);
            }
        }
    }

    /// Drops a batch of references in order.
    pub fn decref_all(&mut self, vs: impl IntoIterator<Item = Value>) {
        for v in vs {
            self.decref(v);
        }
    }

    fn needs_finalizer(&self, r: Ref) -> bool {
        match &self.slots[r.index()].obj {
            Object::Generator(g) => {
                g.state == GenState::Suspended && !g.finalized && g.frame.is_some()
            }
            Object::Instance(i) => {
                if i.finalized {
                    return false;
                }
                match &self.slots[i.class.index()].obj {
                    Object::Class(c) => c.mro.iter().any(|k| match &self.slots[k.index()].obj {
                        Object::Class(kc) => kc.attrs.contains_key(&sym::DEL),
                        _ => false,
                    }),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Bookkeeping for a slot just emptied: written, reusable, one object
    /// fewer (and one fewer towards the next collection).
    #[inline]
    fn slot_freed(&mut self, r: Ref) {
        self.mark(r.0);
        self.free.push(r.0);
        self.live -= 1;
        self.allocs_since_gc = self.allocs_since_gc.saturating_sub(1);
    }

    fn release(&mut self, first: Ref) {
        // A string, big int or bytes holds no reference and needs no
        // finalizer: the common temporaries are freed without the general walk.
        if self.weak_targets.is_empty()
            && matches!(
                self.slots[first.index()].obj,
                Object::Str(_) | Object::BigInt(_) | Object::Complex(..) | Object::Bytes(_)
            )
        {
            let obj = std::mem::replace(&mut self.slots[first.index()].obj, Object::Free);
            self.slot_freed(first);
            drop(obj);
            return;
        }
        // Scratch vectors are reused across releases (freeing is hot).
        let mut work = std::mem::take(&mut self.scratch_work);
        let mut children = std::mem::take(&mut self.scratch_children);
        work.clear();
        work.push(first);
        while let Some(r) = work.pop() {
            if self.needs_finalizer(r) {
                // The cycle collector may have queued it already.
                if !self.pending_final.contains(&r) {
                    self.pending_final.push_back(r);
                }
                continue;
            }
            let obj = std::mem::replace(&mut self.slots[r.index()].obj, Object::Free);
            self.object_freed(&obj);
            debug_assert!(!matches!(obj, Object::Free), "double free of slot {}", r.0);
            self.slot_freed(r);
            children.clear();
            obj.children(&mut children);
            children.extend(self.clear_weak(r));
            // Release in order: the first child listed is released first.
            let start = work.len();
            for &c in &children {
                if let Value::Obj(cr) = c {
                    let rc = &mut self.slots[cr.index()].rc;
                    if *rc == IMMORTAL {
                        continue;
                    }
                    *rc -= 1;
                    let zero = *rc == 0;
                    self.mark(cr.0);
                    if zero {
                        work.push(cr);
                    }
                }
            }
            work[start..].reverse();
        }
        children.clear();
        self.scratch_work = work;
        self.scratch_children = children;
    }

    /// Frees a slot whose object the collector has already emptied.
    pub fn free_slot(&mut self, r: Ref) {
        self.slots[r.index()].obj = Object::Free;
        self.slots[r.index()].rc = 0;
        self.slot_freed(r);
        let fired = self.clear_weak(r);
        self.decref_all(fired);
    }

    /// Drops a reference the cycle collector freed to an object it keeps for
    /// a finalizer: the count may reach zero, the object stays (queued).
    pub fn drop_ref_kept(&mut self, r: Ref) {
        self.mark(r.0);
        let rc = &mut self.slots[r.index()].rc;
        if *rc != IMMORTAL && *rc > 0 {
            *rc -= 1;
        }
    }

    /// Revives an object that was queued for finalization, with one reference.
    pub fn resurrect(&mut self, r: Ref) {
        self.mark(r.0);
        self.slots[r.index()].rc += 1;
    }

    /// Releases an object after its finalizer ran, if nothing revived it.
    pub fn release_after_final(&mut self, r: Ref) {
        if self.slots[r.index()].rc == 0 && !matches!(self.slots[r.index()].obj, Object::Free) {
            self.release(r);
        }
    }

    /// Debug aid: the free list must hold exactly the free slots, once each.
    #[must_use]
    pub fn free_list_problems(&self) -> Vec<String> {
        let mut seen = vec![0u32; self.slots.len()];
        for &i in &self.free {
            seen[i as usize] += 1;
        }
        let mut out = Vec::new();
        for (i, s) in self.slots.iter().enumerate() {
            let free = matches!(s.obj, Object::Free);
            if (free && seen[i] != 1) || (!free && seen[i] != 0) {
                out.push(format!(
                    "slot {i}: free={free}, on free list {} times",
                    seen[i]
                ));
            }
        }
        out
    }

    /// The free list, bottom first (the next allocation takes the last entry).
    #[must_use]
    pub fn free_list(&self) -> &[u32] {
        &self.free
    }

    /// The free list, for restoring a recorded world.
    pub fn free_list_mut(&mut self) -> &mut Vec<u32> {
        &mut self.free
    }

    /// Number of slots ever allocated (free ones included).
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_count_frees_slot_at_once() {
        let mut h = Heap::default();
        let r = h.alloc(Object::Str("x".into()));
        assert_eq!(h.live, 1);
        h.decref(Value::Obj(r));
        assert_eq!(h.live, 0);
        assert!(matches!(h.get(r), Object::Free));
    }

    #[test]
    fn freed_slots_are_reused_last_freed_first() {
        let mut h = Heap::default();
        let a = h.alloc(Object::Str("a".into()));
        let b = h.alloc(Object::Str("b".into()));
        h.decref(Value::Obj(a));
        h.decref(Value::Obj(b));
        assert_eq!(h.alloc(Object::Str("c".into())), b);
        assert_eq!(h.alloc(Object::Str("d".into())), a);
    }

    #[test]
    fn container_release_drops_children() {
        let mut h = Heap::default();
        let s = h.alloc(Object::Str("s".into()));
        h.incref(Value::Obj(s));
        let l = h.alloc(Object::List(vec![Value::Obj(s)]));
        h.decref(Value::Obj(l));
        assert_eq!(h.refcount(s), 1);
        h.decref(Value::Obj(s));
        assert_eq!(h.live, 0);
    }

    #[test]
    fn million_deep_nested_lists_free_without_recursion() {
        let mut h = Heap::default();
        let mut inner = h.alloc(Object::List(vec![]));
        for _ in 0..1_000_000 {
            inner = h.alloc(Object::List(vec![Value::Obj(inner)]));
        }
        assert_eq!(h.live, 1_000_001);
        h.decref(Value::Obj(inner));
        assert_eq!(h.live, 0);
    }

    #[test]
    fn objects_freed_by_their_counts_do_not_bring_a_collection_nearer() {
        let mut h = Heap::default();
        for i in 0..50_000 {
            let r = h.alloc(Object::Str(i.to_string().into()));
            h.decref(Value::Obj(r));
        }
        assert_eq!(h.allocs_since_gc, 0);
    }

    #[test]
    fn objects_kept_alive_bring_a_collection_nearer() {
        let mut h = Heap::default();
        let a = h.alloc(Object::List(vec![]));
        h.incref(Value::Obj(a));
        let b = h.alloc(Object::List(vec![Value::Obj(a)]));
        h.incref(Value::Obj(b));
        if let Object::List(items) = h.get_mut(a) {
            items.push(Value::Obj(b));
        }
        // A two-list cycle dropped by its owner stays allocated: it counts.
        h.decref(Value::Obj(a));
        h.decref(Value::Obj(b));
        assert_eq!(h.allocs_since_gc, 2);
    }

    #[test]
    fn immortal_objects_ignore_counts() {
        let mut h = Heap::default();
        let r = h.alloc_immortal(Object::Str("x".into()));
        h.decref(Value::Obj(r));
        h.decref(Value::Obj(r));
        assert!(matches!(h.get(r), Object::Str(_)));
    }
}
