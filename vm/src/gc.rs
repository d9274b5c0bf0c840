//! The cycle collector. Reference counts free everything that is not part
//! of a cycle; this pass finds the rest the way CPython does: subtract the
//! references objects hold to each other, treat whatever still has outside
//! references as reachable, and everything else is cyclic garbage.
//! Suspended generators and instances with `__del__` in such garbage are
//! finalized first (PEP 442): the garbage they reach is kept for them and
//! freed by the pass that runs once they are finalized, if still
//! unreachable; the rest of the garbage is freed at once.

use crate::heap::IMMORTAL;
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::Vm;

impl Vm {
    /// Runs one collection; returns how many unreachable objects it found.
    pub fn collect_cycles(&mut self) -> usize {
        self.heap.allocs_since_gc = 0;
        self.heap.collect_after_final = false;
        let n = self.heap.slots.len();
        let mut gc_refs: Vec<i64> = Vec::with_capacity(n);
        for s in &self.heap.slots {
            gc_refs.push(match s.obj {
                Object::Free => -1,
                _ if s.rc == IMMORTAL => i64::MAX / 2,
                _ => i64::from(s.rc),
            });
        }
        let mut children = Vec::new();
        for s in &self.heap.slots {
            if matches!(s.obj, Object::Free) {
                continue;
            }
            children.clear();
            s.obj.children(&mut children);
            for c in &children {
                if let Value::Obj(r) = c {
                    let g = &mut gc_refs[r.index()];
                    if *g > 0 && *g < i64::MAX / 2 {
                        *g -= 1;
                    }
                }
            }
        }
        // Objects awaiting finalization are alive.
        for r in &self.heap.pending_final {
            gc_refs[r.index()] = i64::MAX / 2;
        }
        // Mark from externally referenced objects.
        let mut reachable = vec![false; n];
        let mut work: Vec<usize> = (0..n).filter(|&i| gc_refs[i] > 0).collect();
        for &i in &work {
            reachable[i] = true;
        }
        while let Some(i) = work.pop() {
            children.clear();
            self.heap.slots[i].obj.children(&mut children);
            for c in &children {
                if let Value::Obj(r) = c {
                    let j = r.index();
                    if !reachable[j] && !matches!(self.heap.slots[j].obj, Object::Free) {
                        reachable[j] = true;
                        work.push(j);
                    }
                }
            }
        }
        let garbage: Vec<usize> = (0..n)
            .filter(|&i| {
                !reachable[i] && !matches!(self.heap.slots[i].obj, Object::Free) && gc_refs[i] >= 0
            })
            .collect();
        if garbage.is_empty() {
            self.heap.live_at_gc = self.heap.live;
            return 0;
        }
        // Weak references to the garbage are cleared first, and their
        // callbacks queued ahead of the finalizers (as CPython does).
        let fired: Vec<Value> = garbage
            .iter()
            .flat_map(|&i| self.heap.clear_weak(Ref(i as u32)))
            .collect();
        self.heap.decref_all(fired);
        // Finalizers first.
        let mut to_finalize = Vec::new();
        for &i in &garbage {
            match &mut self.heap.slots[i].obj {
                Object::Generator(g)
                    if g.state == GenState::Suspended && !g.finalized && g.frame.is_some() =>
                {
                    to_finalize.push(Ref(i as u32));
                }
                Object::Instance(inst) if !inst.finalized => {
                    let cls = inst.class;
                    if self.class_lookup(cls, crate::intern::sym::DEL).is_some() {
                        to_finalize.push(Ref(i as u32));
                    }
                }
                _ => {}
            }
        }
        if std::env::var_os("YS_GC_CHECK").is_some() {
            eprintln!(
                "gc: {} garbage, {} to finalize",
                garbage.len(),
                to_finalize.len()
            );
        }
        let mut is_garbage = vec![false; n];
        for &i in &garbage {
            is_garbage[i] = true;
        }
        // PEP 442: what the finalizers can reach stays until they have run
        // (a later pass frees it unless a finalizer revived it); the rest of
        // the garbage is freed now, since no finalizer can see it.
        let mut kept = vec![false; n];
        if !to_finalize.is_empty() {
            let mut work: Vec<usize> = to_finalize.iter().map(|r| r.index()).collect();
            for &i in &work {
                kept[i] = true;
            }
            while let Some(i) = work.pop() {
                children.clear();
                self.heap.slots[i].obj.children(&mut children);
                for c in &children {
                    if let Value::Obj(r) = c {
                        let j = r.index();
                        if is_garbage[j] && !kept[j] {
                            kept[j] = true;
                            work.push(j);
                        }
                    }
                }
            }
            let queued: std::collections::HashSet<Ref> =
                self.heap.pending_final.iter().copied().collect();
            for r in to_finalize {
                if !queued.contains(&r) {
                    self.heap.pending_final.push_back(r);
                }
            }
            // Collect again once they are finalized, as CPython does in the
            // same pass.
            self.heap.collect_after_final = true;
        }
        let freed: Vec<usize> = garbage.iter().copied().filter(|&i| !kept[i]).collect();
        if std::env::var_os("YS_GC_CHECK").is_some() {
            let mut ch = Vec::new();
            for (fi, fr) in self.frames.iter().enumerate() {
                ch.clear();
                fr.children(&mut ch);
                for c in &ch {
                    if let Value::Obj(r) = c {
                        if is_garbage[r.index()] {
                            eprintln!(
                                "GC BUG: frame {fi} holds garbage {:?}: {:?}",
                                r,
                                self.heap.slots[r.index()]
                            );
                        }
                    }
                }
            }
            for (i, s) in self.heap.slots.iter().enumerate() {
                if is_garbage[i] || matches!(s.obj, Object::Free) {
                    continue;
                }
                ch.clear();
                s.obj.children(&mut ch);
                for c in &ch {
                    if let Value::Obj(r) = c {
                        if is_garbage[r.index()] {
                            eprintln!(
                                "GC BUG: live slot {i} ({:?}) holds garbage {:?}",
                                std::mem::discriminant(&s.obj),
                                self.heap.slots[r.index()]
                            );
                        }
                    }
                }
            }
        }
        let mut external = Vec::new();
        for &i in &freed {
            let obj = std::mem::replace(&mut self.heap.slots[i].obj, Object::Free);
            self.heap.object_freed(&obj);
            children.clear();
            obj.children(&mut children);
            for c in &children {
                if let Value::Obj(r) = c {
                    let j = r.index();
                    if kept[j] {
                        // Held for its finalizer (queued, or reachable from one).
                        self.heap.drop_ref_kept(*r);
                    } else if !is_garbage[j] {
                        external.push(*c);
                    }
                }
            }
        }
        for &i in &freed {
            self.heap.free_slot(Ref(i as u32));
        }
        let check = self.rc_check && self.sync_depth == 0;
        self.heap.decref_all(external);
        if check {
            let bad = self.refcount_mismatches();
            if !bad.is_empty() {
                panic!("after releasing external: {}", bad.join("\n"));
            }
        }
        self.heap.live_at_gc = self.heap.live;
        garbage.len()
    }

    /// `gc.collect()`: collect, run the finalizers found, collect again.
    pub fn gc_collect_full(&mut self) -> usize {
        let found = self.collect_cycles();
        if !self.heap.pending_final.is_empty() {
            self.run_finalizers_now();
            return found.max(self.collect_cycles());
        }
        found
    }
}

impl Vm {
    /// Debug aid: every count must equal the references held by heap
    /// objects and frames. Returns a description of the first few mismatches.
    #[must_use]
    pub fn refcount_mismatches(&self) -> Vec<String> {
        let n = self.heap.slots.len();
        let mut counted = vec![0i64; n];
        let mut ch = Vec::new();
        for s in &self.heap.slots {
            if matches!(s.obj, Object::Free) {
                continue;
            }
            ch.clear();
            s.obj.children(&mut ch);
            for c in &ch {
                if let Value::Obj(r) = c {
                    counted[r.index()] += 1;
                }
            }
        }
        for w in &self.heap.weak {
            if let Some(f) = w.fire {
                counted[f.index()] += 1;
            }
        }
        for f in &self.frames {
            ch.clear();
            f.children(&mut ch);
            if let crate::frame::FrameKind::Py(p) = &f.kind {
                if let Some(g) = p.generator {
                    ch.push(Value::Obj(g));
                }
            }
            for c in &ch {
                if let Value::Obj(r) = c {
                    counted[r.index()] += 1;
                }
            }
        }
        let mut out = self.heap.free_list_problems();
        out.truncate(5);
        for (i, s) in self.heap.slots.iter().enumerate() {
            if matches!(s.obj, Object::Free) && counted[i] > 0 {
                out.push(format!(
                    "slot {i} is free but still referenced {} times",
                    counted[i]
                ));
                continue;
            }
            if matches!(s.obj, Object::Free) || s.rc == IMMORTAL {
                continue;
            }
            if i64::from(s.rc) != counted[i] && !self.heap.pending_final.contains(&Ref(i as u32)) {
                let mut holders = Vec::new();
                for (j, t) in self.heap.slots.iter().enumerate() {
                    ch.clear();
                    t.obj.children(&mut ch);
                    if ch.contains(&Value::Obj(Ref(i as u32))) {
                        let kinds: Vec<String> = ch
                            .iter()
                            .take(4)
                            .map(|c| match c {
                                Value::Obj(r) => format!("{:?}", self.heap.slots[r.index()].obj)
                                    .chars()
                                    .take(60)
                                    .collect(),
                                v => format!("{v:?}"),
                            })
                            .collect();
                        holders.push(format!(
                            "slot {j} with {} children, first: {kinds:?}",
                            ch.len()
                        ));
                    }
                }
                out.push(format!(
                    "slot {i}: rc {} but {} references: {:?}\n  held by: {holders:?}",
                    s.rc, counted[i], s.obj
                ));
                if out.len() > 5 {
                    break;
                }
            }
        }
        out
    }
}
