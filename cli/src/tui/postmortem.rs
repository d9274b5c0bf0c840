//! Post-mortem: when the live program raises and nothing catches it, the
//! world just before the raising instruction, found by re-executing from a
//! copy of the world kept every [`EVERY`] instructions (the run is
//! deterministic): first to the end, for the traceback and the count of
//! instructions, then an instruction at a time to the last moment the top
//! frame was on the traceback's innermost line, then to that moment.

use yieldscope_vm::driver::DriveStop;
use yieldscope_vm::{Event, Vm};

/// Instructions between two copies of the world kept for a post-mortem.
pub const EVERY: u64 = 50_000;

/// How a re-execution stopped.
#[derive(Debug, PartialEq, Eq)]
enum Ran {
    /// It ran the instructions it was given.
    Budget,
    /// An exception escaped.
    Uncaught,
    /// Anything else (the end, an exit, the entry generator yielded).
    Other,
}

/// Runs `vm` for at most `n` instructions.
fn run_for(vm: &mut Vm, n: u64) -> Ran {
    let start = vm.steps;
    loop {
        let done = vm.steps - start;
        if done >= n {
            return Ran::Budget;
        }
        match vm.drive_run(Some(n - done)) {
            DriveStop::Event(Event::Budget | Event::Suspended { .. }) => {}
            DriveStop::Event(Event::Uncaught) | DriveStop::Raised => return Ran::Uncaught,
            _ => return Ran::Other,
        }
    }
}

/// The innermost frame of the traceback in `text`: its line and function.
fn innermost(text: &str) -> Option<(usize, String)> {
    text.lines().rev().find_map(|l| {
        let rest = l.trim_start().strip_prefix("File \"")?;
        let (_, rest) = rest.split_once("\", line ")?;
        let (n, name) = rest.split_once(", in ")?;
        Some((n.trim().parse().ok()?, name.trim().to_string()))
    })
}

/// A fresh copy of `from` to re-execute (files are not written again).
fn copy(from: &Vm) -> Vm {
    let mut vm = from.clone();
    // Budgets stop at any instruction, as the live run's steps do.
    vm.driver.single_step = true;
    vm.driver.suppress_writes = true;
    vm
}

/// The world just before the instruction that raised the uncaught
/// exception, re-executed from `from` (a copy taken before it): the last
/// moment the top frame was on the traceback's innermost line. `None` when
/// the re-execution does not end the same way.
#[must_use]
pub fn before_raise(from: &Vm) -> Option<Vm> {
    let mut probe = copy(from);
    let start = probe.steps;
    if run_for(&mut probe, u64::MAX) != Ran::Uncaught {
        return None;
    }
    let total = probe.steps - start;
    let text: String = probe.output.iter().map(|(_, t)| t.as_str()).collect();
    drop(probe);
    let (line, name) = innermost(&text)?;
    let mut vm = copy(from);
    let mut last = None;
    for k in 0..total {
        if let Some(p) = super::live::position(&vm) {
            let here = vm
                .codes
                .get(p.code as usize)
                .is_some_and(|c| c.qualname.to_string().rsplit('.').next() == Some(name.as_str()));
            if p.line == line && here {
                last = Some(k);
            }
        }
        if run_for(&mut vm, 1) != Ran::Budget {
            break;
        }
    }
    let k = last?;
    let mut vm = copy(from);
    (run_for(&mut vm, k) == Ran::Budget).then_some(vm)
}
