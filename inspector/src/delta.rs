//! Deltas between two suspensions: the heap slots the write barrier marked,
//! what was appended to the append-only tables (names, code, sources), and
//! the small rest of the world (frames, counters, the heap's free list).
//! Their size follows what changed, not the size of the heap.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};
use yieldscope_vm::builtins::Builtins;
use yieldscope_vm::code::Code;
use yieldscope_vm::heap::Slot;
use yieldscope_vm::intern::{Interner, Sym};
use yieldscope_vm::object::Object;
use yieldscope_vm::vm::Source;
use yieldscope_vm::{Ref, Vm};

/// What changed in the world since the previous suspension.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Delta {
    /// Number of heap slots after the change.
    pub slot_count: u32,
    /// The slots written since the previous suspension, with their new content.
    pub slots: Vec<(u32, Slot)>,
    /// Names interned since.
    pub names: Vec<String>,
    /// Code objects compiled since.
    pub codes: Vec<Arc<Code>>,
    /// Sources loaded since.
    pub sources: Vec<Source>,
    /// `sys.modules`, when it changed.
    pub modules: Option<IndexMap<String, Ref>>,
    /// The built-in handles, when they changed.
    pub builtins: Option<Builtins>,
    /// Everything else: frames, counters, the heap's bookkeeping, with the
    /// tables above left empty.
    pub rest: Box<Vm>,
}

/// Remembers the sizes of the append-only tables at the previous capture.
#[derive(Clone, Debug, Default)]
pub struct Tracker {
    names: usize,
    codes: usize,
    sources: usize,
    modules: usize,
    builtins: (usize, usize, usize, Option<Ref>, Option<Ref>),
}

fn builtins_print(b: &Builtins) -> (usize, usize, usize, Option<Ref>, Option<Ref>) {
    (
        b.types.len(),
        b.excs.len(),
        b.funcs.len(),
        b.module,
        b.random,
    )
}

fn empty_interner() -> Interner {
    static EMPTY: OnceLock<Interner> = OnceLock::new();
    EMPTY
        .get_or_init(|| ron::from_str("(names: [])").unwrap_or_default())
        .clone()
}

/// The world without its heap slots and big tables.
fn skeleton(vm: &mut Vm) -> Vm {
    let slots = std::mem::take(&mut vm.heap.slots);
    let names = std::mem::replace(&mut vm.names, empty_interner());
    let codes = std::mem::take(&mut vm.codes);
    let sources = std::mem::take(&mut vm.sources);
    let modules = std::mem::take(&mut vm.modules);
    let b = std::mem::take(&mut vm.b);
    let sk = vm.clone();
    vm.heap.slots = slots;
    vm.names = names;
    vm.codes = codes;
    vm.sources = sources;
    vm.modules = modules;
    vm.b = b;
    sk
}

impl Tracker {
    /// Starts tracking from this world (just stored whole in a keyframe);
    /// clears the write barrier.
    pub fn reset(&mut self, vm: &mut Vm) {
        let _ = vm.heap.take_dirty();
        self.names = vm.names.len();
        self.codes = vm.codes.len();
        self.sources = vm.sources.len();
        self.modules = vm.modules.len();
        self.builtins = builtins_print(&vm.b);
    }

    /// Captures what changed since the previous capture or reset.
    pub fn capture(&mut self, vm: &mut Vm) -> Delta {
        let dirty = vm.heap.take_dirty();
        let len = vm.heap.slots.len();
        let slots = dirty
            .into_iter()
            .filter(|&i| (i as usize) < len)
            .map(|i| (i, vm.heap.slots[i as usize].clone()))
            .collect();
        let names = (self.names..vm.names.len())
            .map(|i| {
                vm.names
                    .name(Sym(u32::try_from(i).unwrap_or(u32::MAX)))
                    .to_string()
            })
            .collect();
        let codes = vm.codes.get(self.codes..).unwrap_or_default().to_vec();
        let sources = vm.sources.get(self.sources..).unwrap_or_default().to_vec();
        let modules = (vm.modules.len() != self.modules).then(|| vm.modules.clone());
        let bp = builtins_print(&vm.b);
        let builtins = (bp != self.builtins).then(|| vm.b.clone());
        self.names = vm.names.len();
        self.codes = vm.codes.len();
        self.sources = vm.sources.len();
        self.modules = vm.modules.len();
        self.builtins = bp;
        Delta {
            slot_count: u32::try_from(len).unwrap_or(u32::MAX),
            slots,
            names,
            codes,
            sources,
            modules,
            builtins,
            rest: Box::new(skeleton(vm)),
        }
    }
}

/// Rebuilds the indexes serialization skips, for the slots a delta holds
/// (once, when it is loaded).
pub fn reindex(d: &mut Delta) {
    for (_, s) in &mut d.slots {
        if let Object::Dict(x) | Object::Set(x, _) = &mut s.obj {
            x.reindex();
        }
    }
    for s in &mut d.sources {
        index_lines(s);
    }
}

fn index_lines(s: &mut Source) {
    s.lines = std::iter::once(0)
        .chain(
            s.text
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        )
        .collect();
}

/// Applies deltas, oldest first, to the world they follow.
pub fn apply(vm: &mut Vm, deltas: &[&Delta]) {
    let Some(last) = deltas.last() else { return };
    for d in deltas {
        let n = d.slot_count as usize;
        if vm.heap.slots.len() < n {
            vm.heap.slots.resize_with(n, || Slot {
                rc: 0,
                obj: Object::Free,
            });
        }
        for (i, s) in &d.slots {
            if let Some(dst) = vm.heap.slots.get_mut(*i as usize) {
                dst.clone_from(s);
            }
        }
        for name in &d.names {
            vm.names.intern(name);
        }
        vm.codes.extend(d.codes.iter().cloned());
        vm.sources.extend(d.sources.iter().cloned());
        if let Some(m) = &d.modules {
            vm.modules.clone_from(m);
        }
        if let Some(b) = &d.builtins {
            vm.b.clone_from(b);
        }
    }
    let slots = std::mem::take(&mut vm.heap.slots);
    let names = std::mem::replace(&mut vm.names, empty_interner());
    let codes = std::mem::take(&mut vm.codes);
    let sources = std::mem::take(&mut vm.sources);
    let modules = std::mem::take(&mut vm.modules);
    let b = std::mem::take(&mut vm.b);
    *vm = (*last.rest).clone();
    vm.heap.slots = slots;
    vm.names = names;
    vm.codes = codes;
    vm.sources = sources;
    vm.modules = modules;
    vm.b = b;
    let _ = vm.heap.take_dirty();
}
