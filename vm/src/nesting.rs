//! Bounded Rust recursion. A few operations follow the program's data on
//! the Rust stack (`repr`, `==` and `<` of nested containers, `hash` of
//! nested tuples, dunders run in a nested loop by `call_sync`). Each level
//! counts against the recursion limit, as CPython counts its C recursion,
//! and runs on a stack grown on the heap when the thread's is low, so the
//! depth the limit allows never depends on the thread driving the VM.

use crate::builtins::ExcType;
use crate::vm::{PyResult, Vm};

/// Below this much free stack a level gets a fresh segment.
const RED_ZONE: usize = 256 * 1024;
/// The size of a fresh segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// What a nested level is doing, for the `RecursionError` message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nest {
    /// `repr`/`str` of a container or an object.
    Repr,
    /// `==`, `<`… between containers.
    Compare,
    /// `hash` of a tuple.
    Hash,
    /// Anything else (an iterator advancing an iterator…).
    Other,
}

impl Nest {
    fn message(self) -> &'static str {
        match self {
            Nest::Repr => "maximum recursion depth exceeded while getting the repr of an object",
            Nest::Compare => "maximum recursion depth exceeded in comparison",
            Nest::Hash => "maximum recursion depth exceeded while calculating a hash",
            Nest::Other => "maximum recursion depth exceeded",
        }
    }
}

/// Runs `f` with at least the red zone of Rust stack free.
pub(crate) fn with_stack<T>(f: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}

impl Vm {
    /// Whether one more level would pass the recursion limit.
    pub(crate) fn nest_full(&self) -> bool {
        self.depth + self.nest_depth >= self.recursion_limit
    }

    /// Runs one level of a data-driven recursion: a `RecursionError` once
    /// Python frames and these levels together reach the recursion limit.
    pub(crate) fn nested<T>(
        &mut self,
        what: Nest,
        f: impl FnOnce(&mut Vm) -> PyResult<T>,
    ) -> PyResult<T> {
        if self.nest_full() {
            return self.err(ExcType::RecursionError, what.message());
        }
        self.nest_depth += 1;
        let out = with_stack(|| f(self));
        self.nest_depth -= 1;
        out
    }
}
