//! Capturing deltas while a program runs. The write barrier names the heap
//! slots written since the previous suspension; the tracker remembers the
//! frame stack and the rare part of the world as they were then, so a
//! capture only looks at (and the recorder only writes) what changed. The
//! captured [`DeltaRef`] borrows the world: it is serialized in place,
//! never cloned.

use crate::delta::{Counters, Delta, Misc, Tail};
use crate::frames::{self, FrameChange};
use crate::patch::{self, Patch};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use yieldscope_vm::builtins::Builtins;
use yieldscope_vm::frame::{Frame, FrameKind, PyFrame};
use yieldscope_vm::heap::Slot;
use yieldscope_vm::intern::Sym;
use yieldscope_vm::object::{Generator, Object};
use yieldscope_vm::Vm;

/// Spare frames kept for reuse.
const MAX_SPARE: usize = 64;

/// The weight of a delta beyond the slots and frames it stores (applying
/// one costs about as much as copying this many slots).
pub const DELTA_WEIGHT: u64 = 5;

/// Remembers the world as it was at the previous capture.
#[derive(Clone, Debug, Default)]
pub struct Tracker {
    names: usize,
    codes: usize,
    sources: usize,
    modules: usize,
    builtins: BuiltinsPrint,
    frames: Vec<Frame>,
    /// The frames above the kept ones, against the frames before.
    frame_changes: Vec<FrameChange>,
    /// How many frames stayed at the last capture.
    frames_kept: usize,
    /// The free list's length at the previous capture.
    free_len: usize,
    /// The counters at the previous capture.
    counters: Counters,
    /// The frames popped since the previous capture (from depth `frames_kept`).
    popped: Vec<Frame>,
    /// Frames whose buffers are reused for the copies in `frames`.
    spare: Vec<Frame>,
    misc: Misc,
    /// The slots written since the previous capture, in first-write order.
    dirty: Vec<u32>,
    /// Of those, the ones stored whole.
    full: Vec<u32>,
    /// And the others, as patches (slot, reference count, patch).
    patches: Vec<(u32, u32, Patch)>,
    /// The content at the previous capture of the slots that may be patched.
    shadow: Vec<Option<Box<Slot>>>,
    /// One bit per slot of `dirty`.
    bits: Vec<u64>,
    /// The slots written since the last keyframe (the cost of restoring from it).
    pub since_keyframe: u64,
    /// What the last capture found besides the slots and frames.
    last: Captured,
    /// Store written slots whole, keeping shadow copies to patch against
    /// only of long containers (for captures far apart, where most written
    /// slots changed much and patches save little).
    pub whole: bool,
}

/// What a capture found besides the slots and frames (see [`DeltaRef`]).
#[derive(Clone, Debug, Default)]
struct Captured {
    names: std::ops::Range<usize>,
    codes: usize,
    sources: usize,
    modules: bool,
    builtins: bool,
    frames_kept: u32,
    free_kept: u32,
    free_changed: bool,
    counters: Counters,
    misc: bool,
}

type BuiltinsPrint = (usize, usize, usize, Option<u32>, Option<u32>, Option<u32>);

fn builtins_print(b: &Builtins) -> BuiltinsPrint {
    (
        b.types.len(),
        b.excs.len(),
        b.funcs.len(),
        b.module.map(|r| r.0),
        b.random.map(|r| r.0),
        b.sys_modules.map(|r| r.0),
    )
}

/// What changed since the previous capture, borrowed from the world.
/// Serializes as a [`Delta`].
pub struct DeltaRef<'a> {
    vm: &'a Vm,
    dirty: &'a [u32],
    patches: &'a [(u32, u32, Patch)],
    names: std::ops::Range<usize>,
    codes: usize,
    sources: usize,
    modules: bool,
    builtins: bool,
    frames_kept: u32,
    frames: &'a [FrameChange],
    free_kept: u32,
    free_changed: bool,
    counters: Counters,
    misc: Option<&'a Misc>,
}

impl DeltaRef<'_> {
    fn slot_count(&self) -> u32 {
        u32::try_from(self.vm.heap.slots.len()).unwrap_or(u32::MAX)
    }

    fn free(&self) -> &[u32] {
        let f = self.vm.heap.free_list();
        f.get(self.free_kept as usize..).unwrap_or_default()
    }

    fn name_list(&self) -> Vec<String> {
        self.names
            .clone()
            .map(|i| {
                self.vm
                    .names
                    .name(Sym(u32::try_from(i).unwrap_or(u32::MAX)))
                    .to_string()
            })
            .collect()
    }

    /// Heap slots written, frames and free-list entries stored: what applying it costs.
    #[must_use]
    pub fn weight(&self) -> u64 {
        (self.dirty.len() + self.patches.len() + self.frames.len() + self.free().len() / 8) as u64
            + DELTA_WEIGHT
    }

    /// An owned copy.
    #[must_use]
    pub fn to_delta(&self) -> Delta {
        let vm = self.vm;
        Delta {
            slot_count: self.slot_count(),
            slots: self
                .dirty
                .iter()
                .map(|&i| (i, vm.heap.slots[i as usize].clone()))
                .collect(),
            patches: self.patches.to_vec(),
            names: self.name_list(),
            codes: vm.codes[self.codes..].to_vec(),
            sources: vm.sources[self.sources..].to_vec(),
            modules: self.modules.then(|| vm.modules.clone()),
            builtins: self.builtins.then(|| vm.b.clone()),
            frames: Tail(self.frames_kept, self.frames.to_vec()),
            free: self
                .free_changed
                .then(|| Tail(self.free_kept, self.free().to_vec())),
            counters: self.counters,
            misc: self.misc.map(|m| Box::new(m.clone())),
            rest: None,
        }
    }
}

struct Slots<'a>(&'a Vm, &'a [u32]);

impl Serialize for Slots<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for &i in self.1 {
            seq.serialize_element(&(i, &self.0.heap.slots[i as usize]))?;
        }
        seq.end()
    }
}

struct Names<'a>(&'a Vm, std::ops::Range<usize>);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for i in self.1.clone() {
            seq.serialize_element(self.0.names.name(Sym(u32::try_from(i).unwrap_or(0))))?;
        }
        seq.end()
    }
}

impl Serialize for DeltaRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let vm = self.vm;
        let mut st = s.serialize_struct("Delta", 14)?;
        st.serialize_field("slot_count", &self.slot_count())?;
        st.serialize_field("slots", &Slots(vm, self.dirty))?;
        if self.patches.is_empty() {
            st.skip_field("patches")?;
        } else {
            st.serialize_field("patches", self.patches)?;
        }
        if self.names.is_empty() {
            st.skip_field("names")?;
        } else {
            st.serialize_field("names", &Names(vm, self.names.clone()))?;
        }
        if self.codes < vm.codes.len() {
            st.serialize_field("codes", &vm.codes[self.codes..])?;
        } else {
            st.skip_field("codes")?;
        }
        if self.sources < vm.sources.len() {
            st.serialize_field("sources", &vm.sources[self.sources..])?;
        } else {
            st.skip_field("sources")?;
        }
        if self.modules {
            st.serialize_field("modules", &Some(&vm.modules))?;
        } else {
            st.skip_field("modules")?;
        }
        if self.builtins {
            st.serialize_field("builtins", &Some(&vm.b))?;
        } else {
            st.skip_field("builtins")?;
        }
        st.serialize_field("frames", &(self.frames_kept, self.frames))?;
        if self.free_changed {
            st.serialize_field("free", &Some((self.free_kept, self.free())))?;
        } else {
            st.skip_field("free")?;
        }
        st.serialize_field("counters", &self.counters)?;
        match self.misc {
            Some(m) => st.serialize_field("misc", &Some(m))?,
            None => st.skip_field("misc")?,
        }
        st.skip_field("rest")?;
        st.end()
    }
}

/// Copies `src` into `dst`, reusing `dst`'s buffers where the kinds match
/// (a generator's frame that leaves goes to `spare`, one that arrives is
/// copied into a frame from there).
fn copy_into(dst: &mut Object, src: &Object, spare: &mut Vec<Frame>) {
    match (dst, src) {
        (Object::List(d), Object::List(s)) => d.clone_from(s),
        (Object::Deque(d), Object::Deque(s)) => {
            d.items.clone_from(&s.items);
            d.maxlen = s.maxlen;
        }
        (Object::Generator(d), Object::Generator(s)) => {
            // Destructured in full, so a new field cannot be forgotten here.
            let Generator {
                state,
                frame,
                code,
                name,
                qualname,
                serial,
                finalized,
                renamed,
                ag_running,
                ag_closed,
                ag_hooks,
            } = &mut **d;
            *ag_running = s.ag_running;
            *ag_closed = s.ag_closed;
            *ag_hooks = s.ag_hooks;
            *state = s.state;
            *code = s.code;
            *serial = s.serial;
            *finalized = s.finalized;
            *renamed = s.renamed;
            if **name != *s.name {
                name.clone_from(&s.name);
            }
            if **qualname != *s.qualname {
                qualname.clone_from(&s.qualname);
            }
            match (frame, &s.frame) {
                (Some(df), Some(sf)) => copy_frame(df, sf),
                (f @ None, Some(sf)) => match spare.pop() {
                    Some(mut x) => {
                        copy_frame(&mut x, sf);
                        *f = Some(x);
                    }
                    None => *f = Some(sf.clone()),
                },
                (f, None) => {
                    if let Some(x) = f.take() {
                        if spare.len() < MAX_SPARE {
                            spare.push(x);
                        }
                    }
                }
            }
        }
        (d, s) => *d = s.clone(),
    }
}

/// Copies a frame into another, reusing its buffers.
fn copy_frame(dst: &mut Frame, src: &Frame) {
    dst.ret.clone_from(&src.ret);
    match (&mut dst.kind, &src.kind) {
        (FrameKind::Py(d), FrameKind::Py(s)) => {
            let PyFrame {
                code,
                pc,
                locals,
                cells,
                stack,
                blocks,
                module,
                ns,
                generator,
                func,
                traced,
                obj,
            } = &mut **d;
            *code = s.code;
            *pc = s.pc;
            locals.clone_from(&s.locals);
            cells.clone_from(&s.cells);
            stack.clone_from(&s.stack);
            blocks.clone_from(&s.blocks);
            *module = s.module;
            *ns = s.ns;
            *generator = s.generator;
            *func = s.func;
            traced.clone_from(&s.traced);
            *obj = s.obj;
        }
        (d, s) => d.clone_from(s),
    }
}

impl Tracker {
    /// A tracker; `whole`: see [`Tracker::whole`].
    #[must_use]
    pub fn new(whole: bool) -> Self {
        Tracker {
            whole,
            ..Tracker::default()
        }
    }

    /// Sorts the dirty slots into those stored whole and those patched,
    /// keeping the shadow copies of patchable objects current.
    fn split(&mut self, vm: &Vm) {
        self.full.clear();
        self.patches.clear();
        let len = vm.heap.slots.len();
        if self.shadow.len() < len {
            self.shadow.resize_with(len, || None);
        }
        for &i in &self.dirty {
            let slot = &vm.heap.slots[i as usize];
            let sh = &mut self.shadow[i as usize];
            let patch = if self.whole {
                patch::worth_a_shadow(&slot.obj)
            } else {
                patch::patchable(&slot.obj)
            };
            if !patch {
                *sh = None;
                self.full.push(i);
                continue;
            }
            match sh {
                Some(prev) => {
                    // Written, but back as it was (a delegating generator
                    // passing a value on), or only its count changed.
                    if patch::same(&prev.obj, &slot.obj) {
                        if prev.rc != slot.rc {
                            self.patches.push((i, slot.rc, Patch::Rc));
                            prev.rc = slot.rc;
                        }
                        continue;
                    }
                    let p = patch::suspended(&prev.obj, &slot.obj, &self.popped, self.frames_kept)
                        .or_else(|| patch::diff(&prev.obj, &slot.obj));
                    prev.rc = slot.rc;
                    match p {
                        // A long list or deque: splicing the shadow costs
                        // what changed, copying it what it holds.
                        Some(p @ Patch::Items(_)) => {
                            patch::apply(&mut prev.obj, &p, None);
                            self.patches.push((i, slot.rc, p));
                        }
                        Some(p) => {
                            copy_into(&mut prev.obj, &slot.obj, &mut self.spare);
                            self.patches.push((i, slot.rc, p));
                        }
                        None => {
                            copy_into(&mut prev.obj, &slot.obj, &mut self.spare);
                            self.full.push(i);
                        }
                    }
                }
                None => {
                    *sh = Some(Box::new(slot.clone()));
                    self.full.push(i);
                }
            }
        }
    }

    /// Compares the stack with the previous one: how many frames stayed,
    /// and how the others differ from what was there or from their
    /// generator's saved frame.
    fn capture_frames(&mut self, vm: &Vm) {
        let kept = self
            .frames
            .iter()
            .zip(&vm.frames)
            .take_while(|(a, b)| frames::same_frame(a, b))
            .count();
        self.frame_changes.clear();
        let shadow = &self.shadow;
        let saved = |g: u32| match shadow.get(g as usize)?.as_deref()?.obj {
            Object::Generator(ref gen) => gen.frame.as_ref(),
            _ => None,
        };
        for (j, f) in vm.frames[kept..].iter().enumerate() {
            let prev = self.frames.get(kept + j);
            self.frame_changes
                .push(frames::frame_change(prev, f, saved));
        }
        // The frames popped at the capture before are not needed any more:
        // their buffers take the copies of the new frames.
        self.spare.append(&mut self.popped);
        self.popped.extend(self.frames.drain(kept..));
        for f in &vm.frames[kept..] {
            match self.spare.pop() {
                Some(mut s) => {
                    copy_frame(&mut s, f);
                    self.frames.push(s);
                }
                None => self.frames.push(f.clone()),
            }
        }
        self.spare.truncate(MAX_SPARE);
        self.frames_kept = kept;
    }

    /// Whether the append-only tables (names, code, sources) are as they
    /// were at the previous capture or reset.
    #[must_use]
    pub fn same_tables(&self, vm: &Vm) -> bool {
        self.names == vm.names.len()
            && self.codes == vm.codes.len()
            && self.sources == vm.sources.len()
    }

    /// Starts tracking from this world (just stored whole in a keyframe);
    /// clears the write barrier.
    pub fn reset(&mut self, vm: &mut Vm) {
        let _ = vm.heap.take_dirty();
        self.names = vm.names.len();
        self.codes = vm.codes.len();
        self.sources = vm.sources.len();
        self.modules = vm.modules.len();
        self.builtins = builtins_print(&vm.b);
        self.frames.clone_from(&vm.frames);
        self.misc.copy_from(vm);
        self.free_len = vm.heap.free_list().len();
        self.counters = Counters::of(vm);
        self.shadow.clear();
        self.since_keyframe = 0;
    }

    /// Captures what changed since the previous capture or reset; [`Tracker::delta`] shows it.
    pub fn capture(&mut self, vm: &mut Vm) {
        for &i in &self.dirty {
            if let Some(w) = self.bits.get_mut((i >> 6) as usize) {
                *w = 0;
            }
        }
        vm.heap.swap_dirty(&mut self.dirty);
        let len = vm.heap.slots.len();
        self.dirty.retain(|&i| (i as usize) < len);
        if self.bits.len() < len.div_ceil(64) {
            self.bits.resize(len.div_ceil(64), 0);
        }
        for &i in &self.dirty {
            self.bits[(i >> 6) as usize] |= 1 << (i & 63);
        }
        // Frames first: a resumed generator's frame is stored against the
        // frame it held, as the shadow still has it.
        self.capture_frames(vm);
        self.split(vm);
        // Entries above the lowest one that stayed on the free list were
        // popped or pushed since, and every slot popped or pushed was written.
        let free = vm.heap.free_list();
        let mut free_kept = free.len();
        while free_kept > 0 {
            let i = free[free_kept - 1];
            let dirty = self
                .bits
                .get((i >> 6) as usize)
                .is_some_and(|w| w & (1 << (i & 63)) != 0);
            if !dirty {
                break;
            }
            free_kept -= 1;
        }
        let free_changed = free_kept != free.len() || free.len() != self.free_len;
        self.free_len = free.len();
        let now = Counters::of(vm);
        let counters = now.since(self.counters);
        self.counters = now;
        let frames_kept = self.frames_kept;
        let misc_changed = !self.misc.matches(vm);
        if misc_changed {
            self.misc.copy_from(vm);
        }
        let names = self.names..vm.names.len();
        let codes = self.codes.min(vm.codes.len());
        let sources = self.sources.min(vm.sources.len());
        let modules = vm.modules.len() != self.modules;
        let bp = builtins_print(&vm.b);
        let builtins = bp != self.builtins;
        self.names = vm.names.len();
        self.codes = vm.codes.len();
        self.sources = vm.sources.len();
        self.modules = vm.modules.len();
        self.builtins = bp;
        self.last = Captured {
            names,
            codes,
            sources,
            modules,
            builtins,
            frames_kept: u32::try_from(frames_kept).unwrap_or(u32::MAX),
            free_kept: u32::try_from(free_kept).unwrap_or(u32::MAX),
            free_changed,
            counters,
            misc: misc_changed,
        };
        self.since_keyframe += self.delta(vm).weight();
    }

    /// What the last [`Tracker::capture`] found, borrowed from the world.
    #[must_use]
    pub fn delta<'a>(&'a self, vm: &'a Vm) -> DeltaRef<'a> {
        let c = &self.last;
        DeltaRef {
            vm,
            dirty: &self.full,
            patches: &self.patches,
            names: c.names.clone(),
            codes: c.codes,
            sources: c.sources,
            modules: c.modules,
            builtins: c.builtins,
            frames_kept: c.frames_kept,
            frames: &self.frame_changes,
            free_kept: c.free_kept,
            free_changed: c.free_changed,
            counters: c.counters,
            misc: c.misc.then_some(&self.misc),
        }
    }
}
