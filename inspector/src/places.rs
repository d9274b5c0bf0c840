//! Where a generator stands, read from the world: its name and the line
//! of its `yield` as [`Place`]s, and the suspensions and resumes the VM
//! noted without stopping as the records a sink takes.

use crate::format::{Place, ResumeOut, SuspensionOut};
use yieldscope_vm::driver::{ResumeLog, YieldLog};
use yieldscope_vm::frame::FrameKind;
use yieldscope_vm::object::Object;
use yieldscope_vm::{Ref, Vm};

/// The generator's name (`qualname#serial`) and `file:line` of its `yield`.
#[must_use]
pub fn describe(vm: &Vm, g: Ref) -> (String, String) {
    let p = place(vm, g);
    (p.name(), p.at())
}

/// Calls `f` with a logged resume as the recorder writes it.
pub fn with_resume<R>(vm: &Vm, log: &ResumeLog, f: impl FnOnce(&ResumeOut<'_>) -> R) -> R {
    let how = crate::short::resume_how(&vm.driver.trace, &log.how);
    let code = vm.codes.get(log.code as usize);
    let path = code
        .and_then(|c| vm.sources.get(c.source as usize))
        .map_or("", |src| src.path.as_str());
    f(&ResumeOut {
        place: crate::short::resume_place(log, code.map(|c| &*c.qualname), path),
        how: &how,
    })
}

/// Which generator a suspension the VM noted without stopping was, and
/// where it stood (as [`place`] said then).
#[must_use]
pub fn traced_place<'v>(vm: &'v Vm, y: &YieldLog) -> Place<'v> {
    let code = vm.codes.get(y.code as usize);
    let src = code.and_then(|c| vm.sources.get(c.source as usize));
    Place {
        serial: y.serial,
        slot: y.slot,
        qualname: code.map_or("?", |c| &*c.qualname),
        path: src.map_or("", |s| s.path.as_str()),
        line: vm.line_before(y.code, y.pc),
        unusual: code.is_none(),
    }
}

/// A suspension the VM noted without stopping, as suspension `n`.
#[must_use]
pub fn traced_out<'v>(vm: &'v Vm, y: &YieldLog, n: u64) -> SuspensionOut<'v> {
    SuspensionOut {
        n,
        generator: y.slot,
        place: traced_place(vm, y),
        vm,
        value: None,
        captured: Some(y.value),
        shown: None,
        entry: false,
        delta: None,
    }
}

/// Which generator `g` is and where it stands, borrowed from the world.
#[must_use]
pub fn place(vm: &Vm, g: Ref) -> Place<'_> {
    let Some(Object::Generator(go)) = vm.heap.slots.get(g.index()).map(|s| &s.obj) else {
        return Place {
            serial: 0,
            slot: g.0,
            qualname: "?",
            path: "",
            line: 0,
            unusual: true,
        };
    };
    let code = vm.codes.get(go.code.0 as usize);
    let path = code
        .and_then(|c| vm.sources.get(c.source as usize))
        .map_or("", |src| src.path.as_str());
    // A generator consumed by a built-in (`str.join`, `list`) may suspend
    // with its frame still on the stack.
    let frame = go.frame.as_ref().or_else(|| {
        vm.frames
            .iter()
            .rev()
            .find(|f| matches!(&f.kind, FrameKind::Py(p) if p.generator == Some(g)))
    });
    let line = frame
        .and_then(|f| match &f.kind {
            FrameKind::Py(p) => Some(p),
            FrameKind::Native(_) => None,
        })
        .map_or(0, |p| vm.line_before(p.code.0, p.pc));
    Place {
        serial: go.serial,
        slot: g.0,
        qualname: &go.qualname,
        path,
        line,
        unusual: code.is_none_or(|c| *c.qualname != *go.qualname),
    }
}
