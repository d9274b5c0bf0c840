//! The cycle collector. Reference counts free everything that is not part
//! of a cycle; this pass finds the rest the way CPython does: subtract the
//! references objects hold to each other, treat whatever still has outside
//! references as reachable, and everything else is cyclic garbage.
//! Suspended generators and instances with `__del__` in such garbage are
//! finalized first (PEP 442) and freed by a later pass if still unreachable.

use crate::heap::IMMORTAL;
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::Vm;

impl Vm {
    /// Runs one collection; returns how many unreachable objects it found.
    pub fn collect_cycles(&mut self) -> usize {
        self.heap.allocs_since_gc = 0;
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
            .filter(|&i| !reachable[i] && !matches!(self.heap.slots[i].obj, Object::Free) && gc_refs[i] >= 0)
            .collect();
        if garbage.is_empty() {
            return 0;
        }
        // Finalizers first.
        let mut to_finalize = Vec::new();
        for &i in &garbage {
            match &mut self.heap.slots[i].obj {
                Object::Generator(g) if g.state == GenState::Suspended && !g.finalized && g.frame.is_some() => {
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
        if !to_finalize.is_empty() {
            // Finalized at the next instruction boundary (or at once by gc.collect()).
            self.heap.pending_final.extend(to_finalize);
            return garbage.len();
        }
        let is_garbage: std::collections::HashSet<usize> = garbage.iter().copied().collect();
        let mut external = Vec::new();
        for &i in &garbage {
            let obj = std::mem::replace(&mut self.heap.slots[i].obj, Object::Free);
            children.clear();
            obj.children(&mut children);
            for c in &children {
                if let Value::Obj(r) = c {
                    if !is_garbage.contains(&r.index()) {
                        external.push(*c);
                    }
                }
            }
        }
        for &i in &garbage {
            self.heap.free_slot(Ref(i as u32));
        }
        self.heap.decref_all(external);
        garbage.len()
    }

    /// `gc.collect()`: collect, run the finalizers found, collect again.
    pub fn gc_collect_full(&mut self) -> usize {
        let found = self.collect_cycles();
        if !self.heap.pending_final.is_empty() {
            let base = self.frames.len();
            self.run_finalizers();
            if self.frames.len() > base {
                self.sync_depth += 1;
                let saved = self.finish_event.take();
                let _ = self.run_loop(base, None);
                self.finish_event = saved;
                self.sync_depth -= 1;
            }
            return found.max(self.collect_cycles());
        }
        found
    }
}
