//! Re-running a recording someone else made: the program may read only what
//! the recorded run read.
//!
//! A recording holds every outside input of its run (file contents today;
//! environment, clocks, directory listings and stdin as they are added).
//! `replay`, `show --at`, `branch`, `diff`, `check` and the TUI re-run the
//! embedded program with [`crate::driver::DriverState::sandbox`] set: an
//! input found among the recorded ones is served from there, and any other
//! is refused inside the VM with `PermissionError` naming what was asked
//! for, so opening a recording never consults the machine it is opened on.
//!
//! **The hook for a new kind of outside input:** where the VM would read it,
//! first look it up among the recorded inputs (as `read_input` in
//! `driver.rs` does with `replay_reads`); when it is not there and
//! [`Vm::sandboxed`] holds, return [`Vm::refuse_outside`] with a short
//! description (`"environment variable 'HOME'"`, `"time.time()"`, a path)
//! instead of reading the machine.

use crate::builtins::ExcType;
use crate::vm::{PyResult, Vm};

/// Why an outside read gave nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFail {
    /// The file does not exist (or did not, in the recorded run).
    Missing,
    /// Re-running a recording, and the recorded run did not read it.
    Refused,
}

impl Vm {
    /// Whether outside inputs that were not recorded are refused (a recording
    /// is being re-run).
    #[must_use]
    pub fn sandboxed(&self) -> bool {
        self.driver.sandbox
    }

    /// Raises `PermissionError` for an outside input the recorded run did
    /// not read; `what` names it (a path, a variable, a clock).
    ///
    /// # Errors
    /// Always: the exception raised.
    pub fn refuse_outside<T>(&mut self, what: &str) -> PyResult<T> {
        self.err(
            ExcType::PermissionError,
            format!(
                "[Errno 13] Permission denied: {} (not an input of the recorded run)",
                crate::repr::str_repr(what)
            ),
        )
    }
}
