//! The frame stack between two suspensions: which frames stayed, and how
//! the others differ from the frame that was at their depth or from the
//! frame their generator held. Floats are compared bit for bit.

use serde::{Deserialize, Serialize};
use yieldscope_vm::frame::{Block, Frame, FrameKind, PyFrame, RetMode};
use yieldscope_vm::heap::Slot;
use yieldscope_vm::native::NativeFrame;
use yieldscope_vm::object::Object;
use yieldscope_vm::Value;

/// An index or a length as the `u32` deltas store (saturating).
pub(crate) fn u(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Equal, with floats compared bit for bit (`0.0` is not `-0.0`).
#[must_use]
pub fn same_value(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

pub(crate) fn same_values(a: &[Value], b: &[Value]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_value(*x, *y))
}

fn has_float(n: &NativeFrame) -> bool {
    let mut vs = Vec::new();
    n.children(&mut vs);
    vs.iter().any(|v| matches!(v, Value::Float(_)))
}

fn same_py(a: &PyFrame, b: &PyFrame) -> bool {
    // Destructured in full, so a new field cannot be forgotten here.
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
    } = a;
    *pc == b.pc
        && *traced == b.traced
        && *code == b.code
        && same_values(stack, &b.stack)
        && same_values(locals, &b.locals)
        && *blocks == b.blocks
        && *cells == b.cells
        && *module == b.module
        && *ns == b.ns
        && *generator == b.generator
        && same_value(*func, b.func)
        && *obj == b.obj
}

pub(crate) fn same_frame(a: &Frame, b: &Frame) -> bool {
    a.ret == b.ret
        && match (&a.kind, &b.kind) {
            (FrameKind::Py(x), FrameKind::Py(y)) => same_py(x, y),
            (FrameKind::Native(x), FrameKind::Native(y)) => x == y && !has_float(x),
            _ => false,
        }
}

/// A frame of the stack against the frame that was at the same depth at
/// the previous suspension, or against its generator's saved frame.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum FrameChange {
    /// Another frame.
    New(Box<Frame>),
    /// The same function's frame moved on: its next instruction, the
    /// locals that changed (slot, value), its value stack, and its block
    /// stack when that changed.
    Py(u32, Vec<(u32, Value)>, Vec<Value>, Option<Vec<Block>>),
    /// A generator resumed since: the frame it held at the previous
    /// suspension (in slot `.0`), delivering its outcome by `.1`, moved on
    /// as in [`FrameChange::Py`].
    Resumed(
        u32,
        RetMode,
        u32,
        Vec<(u32, Value)>,
        Vec<Value>,
        Option<Vec<Block>>,
    ),
}

type PyChange = (u32, Vec<(u32, Value)>, Vec<Value>, Option<Vec<Block>>);

/// How `b` differs from `a` when it is the same function's frame.
pub(crate) fn py_change(a: &PyFrame, b: &PyFrame) -> Option<PyChange> {
    // Destructured in full, so a new field cannot be forgotten here.
    let PyFrame {
        code,
        pc: _,
        locals,
        cells,
        stack: _,
        blocks,
        module,
        ns,
        generator,
        func,
        traced,
        obj,
    } = a;
    if *code != b.code
        || *traced != b.traced
        || *module != b.module
        || *ns != b.ns
        || *generator != b.generator
        || *obj != b.obj
        || !same_value(*func, b.func)
        || *cells != b.cells
        || locals.len() != b.locals.len()
    {
        return None;
    }
    let changed = locals
        .iter()
        .zip(&b.locals)
        .enumerate()
        .filter(|(_, (x, y))| !same_value(**x, **y))
        .map(|(i, (_, y))| (u(i), *y))
        .collect();
    let blocks = (*blocks != b.blocks).then(|| b.blocks.clone());
    Some((b.pc, changed, b.stack.clone(), blocks))
}

pub(crate) fn py_of(f: &Frame) -> Option<&PyFrame> {
    match &f.kind {
        FrameKind::Py(p) => Some(p),
        FrameKind::Native(_) => None,
    }
}

/// How `cur` differs from `prev`, the frame at the same depth before, or
/// from the frame its generator held before (`saved`).
#[must_use]
pub fn frame_change<'a>(
    prev: Option<&Frame>,
    cur: &Frame,
    saved: impl Fn(u32) -> Option<&'a Frame>,
) -> FrameChange {
    let Some(b) = py_of(cur) else {
        return FrameChange::New(Box::new(cur.clone()));
    };
    if let Some(prev) = prev.filter(|p| p.ret == cur.ret) {
        if let Some((pc, l, s, bl)) = py_of(prev).and_then(|a| py_change(a, b)) {
            return FrameChange::Py(pc, l, s, bl);
        }
    }
    if let Some(g) = b.generator {
        if let Some((pc, l, s, bl)) = saved(g.0).and_then(py_of).and_then(|a| py_change(a, b)) {
            return FrameChange::Resumed(g.0, cur.ret.clone(), pc, l, s, bl);
        }
    }
    FrameChange::New(Box::new(cur.clone()))
}

pub(crate) fn set_py(
    p: &mut PyFrame,
    pc: u32,
    locals: &[(u32, Value)],
    stack: &[Value],
    blocks: Option<&Vec<Block>>,
) {
    p.pc = pc;
    for &(i, v) in locals {
        if let Some(x) = p.locals.get_mut(i as usize) {
            *x = v;
        }
    }
    p.stack.clone_from(&stack.to_vec());
    if let Some(b) = blocks {
        p.blocks.clone_from(b);
    }
}

/// Applies the frame changes of a delta: the first `kept` frames stay;
/// `heap` is the heap as it was at the previous suspension.
pub fn apply_frames(frames: &mut Vec<Frame>, kept: u32, changes: &[FrameChange], heap: &[Slot]) {
    let kept = kept as usize;
    for (j, ch) in changes.iter().enumerate() {
        let at = kept + j;
        let new = match ch {
            FrameChange::New(f) => Some((**f).clone()),
            FrameChange::Py(pc, locals, stack, blocks) => {
                if let Some(Frame {
                    kind: FrameKind::Py(p),
                    ..
                }) = frames.get_mut(at)
                {
                    set_py(p, *pc, locals, stack, blocks.as_ref());
                }
                None
            }
            FrameChange::Resumed(g, ret, pc, locals, stack, blocks) => {
                match heap.get(*g as usize).map(|s| &s.obj) {
                    Some(Object::Generator(gen)) => gen.frame.as_ref().map(|f| {
                        let mut f = f.clone();
                        f.ret = ret.clone();
                        if let FrameKind::Py(p) = &mut f.kind {
                            set_py(p, *pc, locals, stack, blocks.as_ref());
                        }
                        f
                    }),
                    _ => None,
                }
            }
        };
        if let Some(f) = new {
            if at < frames.len() {
                frames[at] = f;
            } else if at == frames.len() {
                frames.push(f);
            }
        }
    }
    frames.truncate(kept + changes.len());
}
