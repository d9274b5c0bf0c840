//! Deltas between two suspensions: the heap slots the write barrier marked,
//! what was appended to the append-only tables (names, code, sources), the
//! frames above the ones that stayed, the free list above the part that
//! stayed, and the few counters that move at every step. Their size follows
//! what changed, not the size of the heap or the depth of the stack.
//!
//! Format 1 stored the rest of the world whole in every delta (`rest`); such
//! deltas still load and apply.

use crate::frames::{self, FrameChange};
use crate::patch::{self, Patch};
use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use yieldscope_vm::builtins::Builtins;
use yieldscope_vm::code::Code;
use yieldscope_vm::frame::Frame;
use yieldscope_vm::heap::{Slot, WeakSlot};
use yieldscope_vm::intern::Interner;
use yieldscope_vm::object::Object;
use yieldscope_vm::vm::Source;
use yieldscope_vm::{Ref, Stream, Value, Vm};

/// What changed in the world since the previous suspension.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Delta {
    /// Number of heap slots after the change.
    pub slot_count: u32,
    /// The slots written since the previous suspension, with their new content.
    pub slots: Vec<(u32, Slot)>,
    /// Slots changed a little since the previous suspension: the slot, its
    /// reference count and how its object changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patches: Vec<(u32, u32, Patch)>,
    /// Names interned since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Code objects compiled since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<Arc<Code>>,
    /// Sources loaded since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// `sys.modules`, when it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modules: Option<IndexMap<String, Ref>>,
    /// The built-in handles, when they changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builtins: Option<Builtins>,
    /// The frame stack: how many frames (from the bottom) are the previous
    /// suspension's, and how the frames above them differ from the frames
    /// that were at their depth.
    #[serde(default)]
    pub frames: Tail<FrameChange>,
    /// The heap's free list, when it changed: how many entries (from the
    /// bottom) are the previous suspension's, and the entries above them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free: Option<Tail<u32>>,
    /// How the counters that move at almost every step changed.
    #[serde(default)]
    pub counters: Counters,
    /// The rarely changing rest of the world, when it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub misc: Option<Box<Misc>>,
    /// Format 1: the whole world but the heap slots and the tables above.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_rest",
        deserialize_with = "de_rest"
    )]
    pub rest: Option<Box<Vm>>,
}

fn ser_rest<S: Serializer>(rest: &Option<Box<Vm>>, s: S) -> Result<S::Ok, S::Error> {
    match rest {
        Some(vm) => vm.serialize(s),
        None => s.serialize_unit(),
    }
}

fn de_rest<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Box<Vm>>, D::Error> {
    Box::<Vm>::deserialize(d).map(Some)
}

/// A stack-like list after a change: its first `.0` entries are the
/// previous ones, followed by `.1`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Tail<T>(pub u32, pub Vec<T>);

impl<T> Default for Tail<T> {
    fn default() -> Self {
        Tail(0, Vec::new())
    }
}

/// How the counters that move at almost every step changed since the
/// previous suspension (wrapping differences).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters(
    /// `heap.live`.
    pub i64,
    /// `heap.allocs_since_gc`.
    pub i64,
    /// `heap.live_at_gc`.
    pub i64,
    /// `next_serial`.
    pub i64,
    /// `depth`.
    pub i64,
    /// `steps`.
    pub i64,
);

impl Counters {
    /// The counters of a world (as differences from zero).
    #[must_use]
    pub fn of(vm: &Vm) -> Self {
        Counters(
            vm.heap.live as i64,
            vm.heap.allocs_since_gc as i64,
            vm.heap.live_at_gc as i64,
            vm.next_serial as i64,
            vm.depth as i64,
            vm.steps as i64,
        )
    }

    /// The change from `before` to `self`.
    #[must_use]
    pub fn since(self, before: Counters) -> Counters {
        Counters(
            self.0.wrapping_sub(before.0),
            self.1.wrapping_sub(before.1),
            self.2.wrapping_sub(before.2),
            self.3.wrapping_sub(before.3),
            self.4.wrapping_sub(before.4),
            self.5.wrapping_sub(before.5),
        )
    }

    fn add(self, vm: &mut Vm) {
        let us = |x: usize, d: i64| (x as i64).wrapping_add(d) as usize;
        vm.heap.live = us(vm.heap.live, self.0);
        vm.heap.allocs_since_gc = us(vm.heap.allocs_since_gc, self.1);
        vm.heap.live_at_gc = us(vm.heap.live_at_gc, self.2);
        vm.next_serial = (vm.next_serial as i64).wrapping_add(self.3) as u64;
        vm.depth = us(vm.depth, self.4);
        vm.steps = (vm.steps as i64).wrapping_add(self.5) as u64;
    }
}

/// The part of the world that rarely changes: stored in a delta only when
/// it differs from the previous suspension's.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Misc {
    /// `heap.pending_final`.
    pub pending_final: std::collections::VecDeque<Ref>,
    /// `heap.weak`.
    pub weak: Vec<WeakSlot>,
    /// `heap.weak_targets`.
    pub weak_targets: BTreeMap<u32, Vec<u32>>,
    /// `output`.
    pub output: Vec<(Stream, String)>,
    /// `recursion_limit`.
    pub recursion_limit: usize,
    /// `gc_enabled`.
    pub gc_enabled: bool,
    /// `gc_min`.
    pub gc_min: usize,
    /// `active_finalizers`.
    pub active_finalizers: u32,
    /// `pause_on_yield`.
    pub pause_on_yield: bool,
    /// `search_dir`.
    pub search_dir: PathBuf,
    /// `sync_depth`.
    pub sync_depth: usize,
    /// `main_module`.
    pub main_module: Option<Ref>,
    /// `argv`.
    pub argv: Vec<String>,
    /// `main_dir`.
    pub main_dir: String,
    /// `driver.send_override`.
    pub send_override: Option<(Ref, Value)>,
    /// `char_strs`.
    #[serde(default)]
    pub char_strs: Vec<Option<Ref>>,
    /// `frame_serial`.
    #[serde(default)]
    pub frame_serial: u64,
    /// `heap.weak_free`.
    #[serde(default)]
    pub weak_free: Vec<u32>,
}

fn same_weak(a: &[WeakSlot], b: &[WeakSlot]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.target == y.target && x.fire == y.fire && x.owned == y.owned && x.held == y.held
        })
}

impl Misc {
    /// Whether this is the rare part of `vm`.
    #[must_use]
    pub fn matches(&self, vm: &Vm) -> bool {
        self.pending_final == vm.heap.pending_final
            && self.active_finalizers == vm.active_finalizers
            && self.sync_depth == vm.sync_depth
            && self.main_module == vm.main_module
            && self.send_override == vm.driver.send_override
            && self.recursion_limit == vm.recursion_limit
            && self.gc_enabled == vm.gc_enabled
            && self.gc_min == vm.gc_min
            && self.pause_on_yield == vm.pause_on_yield
            && self.output == vm.output
            && same_weak(&self.weak, &vm.heap.weak)
            && self.weak_targets == vm.heap.weak_targets
            && self.weak_free == vm.heap.weak_free
            && self.search_dir.as_os_str() == vm.search_dir.as_os_str()
            && self.argv == vm.argv
            && self.main_dir == vm.main_dir
            && self.char_strs == vm.char_strs
            && self.frame_serial == vm.frame_serial
    }

    /// Copies the rare part of `vm` into `self`.
    pub fn copy_from(&mut self, vm: &Vm) {
        self.pending_final.clone_from(&vm.heap.pending_final);
        self.weak.clone_from(&vm.heap.weak);
        self.weak_targets.clone_from(&vm.heap.weak_targets);
        self.weak_free.clone_from(&vm.heap.weak_free);
        self.output.clone_from(&vm.output);
        self.recursion_limit = vm.recursion_limit;
        self.gc_enabled = vm.gc_enabled;
        self.gc_min = vm.gc_min;
        self.active_finalizers = vm.active_finalizers;
        self.pause_on_yield = vm.pause_on_yield;
        self.search_dir.clone_from(&vm.search_dir);
        self.sync_depth = vm.sync_depth;
        self.main_module = vm.main_module;
        self.argv.clone_from(&vm.argv);
        self.main_dir.clone_from(&vm.main_dir);
        self.send_override = vm.driver.send_override;
        self.char_strs.clone_from(&vm.char_strs);
        self.frame_serial = vm.frame_serial;
    }

    fn set(&self, vm: &mut Vm) {
        vm.heap.pending_final.clone_from(&self.pending_final);
        vm.heap.weak.clone_from(&self.weak);
        vm.heap.weak_targets.clone_from(&self.weak_targets);
        vm.heap.weak_free.clone_from(&self.weak_free);
        vm.output.clone_from(&self.output);
        vm.recursion_limit = self.recursion_limit;
        vm.gc_enabled = self.gc_enabled;
        vm.gc_min = self.gc_min;
        vm.active_finalizers = self.active_finalizers;
        vm.pause_on_yield = self.pause_on_yield;
        vm.search_dir.clone_from(&self.search_dir);
        vm.sync_depth = self.sync_depth;
        vm.main_module = self.main_module;
        vm.argv.clone_from(&self.argv);
        vm.main_dir.clone_from(&self.main_dir);
        vm.driver.send_override = self.send_override;
        vm.char_strs.clone_from(&self.char_strs);
        vm.frame_serial = self.frame_serial;
    }
}

pub(crate) fn empty_interner() -> Interner {
    static EMPTY: OnceLock<Interner> = OnceLock::new();
    EMPTY
        .get_or_init(|| ron::from_str("(names: [])").unwrap_or_default())
        .clone()
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

/// Replaces the world's small rest by a format 1 delta's, keeping the heap
/// slots and the tables.
fn set_rest(vm: &mut Vm, rest: &Vm) {
    let slots = std::mem::take(&mut vm.heap.slots);
    let names = std::mem::replace(&mut vm.names, empty_interner());
    let codes = std::mem::take(&mut vm.codes);
    let sources = std::mem::take(&mut vm.sources);
    let modules = std::mem::take(&mut vm.modules);
    let b = std::mem::take(&mut vm.b);
    vm.clone_from(rest);
    vm.heap.slots = slots;
    vm.names = names;
    vm.codes = codes;
    vm.sources = sources;
    vm.modules = modules;
    vm.b = b;
}

fn set_tail<T: Clone>(v: &mut Vec<T>, t: &Tail<T>) {
    v.truncate(t.0 as usize);
    v.extend(t.1.iter().cloned());
}

/// Applies deltas, oldest first, to the world they follow.
pub fn apply(vm: &mut Vm, deltas: &[&Delta]) {
    let slot_count = deltas.iter().map(|d| d.slot_count as usize).max();
    if let Some(n) = slot_count {
        if vm.heap.slots.len() < n {
            vm.heap.slots.resize_with(n, || Slot {
                rc: 0,
                obj: Object::Free,
            });
        }
    }
    for (k, d) in deltas.iter().enumerate() {
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
        // Frames before slots: a resumed generator's frame is stored
        // against the frame its slot held at the previous suspension.
        // Generators that suspended are stored against their frame on the
        // previous stack: read those before the stack changes.
        let bases: Vec<Option<Frame>> = d
            .patches
            .iter()
            .map(|(_, _, p)| patch::base_depth(p).and_then(|k| vm.frames.get(k).cloned()))
            .collect();
        if d.rest.is_none() {
            frames::apply_frames(&mut vm.frames, d.frames.0, &d.frames.1, &vm.heap.slots);
        }
        for (i, s) in &d.slots {
            if let Some(dst) = vm.heap.slots.get_mut(*i as usize) {
                dst.clone_from(s);
            }
        }
        for ((i, rc, p), base) in d.patches.iter().zip(&bases) {
            if let Some(slot) = vm.heap.slots.get_mut(*i as usize) {
                slot.rc = *rc;
                patch::apply(&mut slot.obj, p, base.as_ref());
            }
        }
        match &d.rest {
            // Each format 1 delta holds the whole rest: only the last of a run counts.
            Some(rest) => {
                if deltas.get(k + 1).is_none_or(|n| n.rest.is_none()) {
                    set_rest(vm, rest);
                }
            }
            None => {
                if let Some(f) = &d.free {
                    set_tail(vm.heap.free_list_mut(), f);
                }
                d.counters.add(vm);
                if let Some(m) = &d.misc {
                    m.set(vm);
                }
            }
        }
    }
    let _ = vm.heap.take_dirty();
}
