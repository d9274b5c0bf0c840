//! Natives that tie frame objects to the frames they stand for: a frame
//! keeps its frame object (counted) from the first access until it ends,
//! so `g.gi_frame is g.gi_frame`, `sys._getframe()` inside a running
//! generator is its `gi_frame`, and `f_back` chains repeat.

use super::introspect::frame_tuple;
use super::{Args, Ret};
use crate::frame::{FrameKind, PyFrame, RetMode};
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// The generator's own frame while it is not running.
fn gen_frame_mut(vm: &mut Vm, g: Value) -> Option<&mut PyFrame> {
    let r = g.as_ref()?;
    match vm.heap.get_mut(r) {
        Object::Generator(go) => match go.frame.as_mut().map(|f| &mut f.kind) {
            Some(FrameKind::Py(p)) => Some(&mut **p),
            _ => None,
        },
        _ => None,
    }
}

/// `_frame_keep(index, gen, obj)`: makes `obj` the frame object of the
/// frame at `index` on the stack (or, with -1, of generator `gen`'s frame),
/// unless that frame already has one.
pub fn frame_keep(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (Some(Value::Int(index)), Some(&gen), Some(Value::Obj(obj))) =
        (a.pos.first(), a.pos.get(1), a.pos.get(2))
    else {
        return Ok(Ret::Value(Value::None));
    };
    let obj = *obj;
    let slot = match usize::try_from(*index) {
        Ok(i) => match vm.frames.get_mut(i).map(|f| &mut f.kind) {
            Some(FrameKind::Py(p)) => Some(&mut p.obj),
            _ => None,
        },
        Err(_) => gen_frame_mut(vm, gen).map(|p| &mut p.obj),
    };
    if let Some(slot @ None) = slot {
        *slot = Some(obj);
        vm.heap.incref(Value::Obj(obj));
    }
    Ok(Ret::Value(Value::None))
}

/// `_frame_find(obj, gen, with_locals)`: the frame tuple of the frame whose
/// frame object `obj` is (looked for on the stack, then as generator `gen`'s
/// frame), or `None` once that frame has ended.
pub fn frame_find(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (Some(Value::Obj(obj)), Some(&gen)) = (a.pos.first(), a.pos.get(1)) else {
        return Ok(Ret::Value(Value::None));
    };
    let obj: Ref = *obj;
    let with_locals = matches!(a.pos.get(2), Some(Value::Bool(true)));
    let on_stack = vm
        .frames
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, f)| match &f.kind {
            FrameKind::Py(p) if p.obj == Some(obj) => Some((i, (**p).clone())),
            _ => None,
        });
    let found = match on_stack {
        Some((i, p)) => Some((i64::try_from(i).unwrap_or(-1), p)),
        None => gen_frame_mut(vm, gen)
            .filter(|p| p.obj == Some(obj))
            .map(|p| (-1, p.clone())),
    };
    match found {
        Some((i, p)) => Ok(Ret::Value(frame_tuple(vm, &p, i, with_locals)?)),
        None => Ok(Ret::Value(Value::None)),
    }
}

impl Vm {
    /// Frame `f` ends while frame object `o` (owned) stands for it: like
    /// CPython's, the object keeps the frame's last line and its variables.
    pub(crate) fn frame_obj_ended(&mut self, o: Ref, f: &PyFrame) {
        let line = super::introspect::line_at(self, f.code, f.pc);
        let locals = if self.code(f.code).kind == crate::code::CodeKind::Module {
            None
        } else {
            super::introspect::frame_locals(self, f).ok()
        };
        let (lineno, locals_sym) = (self.sym("_lineno"), self.sym("_locals"));
        let mut old = Vec::new();
        if let Object::Instance(inst) = self.heap.get_mut(o) {
            old.extend(inst.attrs.insert(lineno, Value::Int(line)));
            if let Some(d) = locals {
                old.extend(inst.attrs.insert(locals_sym, d));
            }
        } else if let Some(d) = locals {
            old.push(d);
        }
        self.heap.decref_all(old);
        self.heap.decref(Value::Obj(o));
    }
}
