//! What runs beside the interface, as [`super::app::App`] holds it: the
//! live program (its state, and where it paused) and a branch running in
//! the background. [`super::running`] starts, polls and stops them.

use super::live::{Live, Why};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use yieldscope_inspector::format::Record;
use yieldscope_inspector::world::WorldView;
use yieldscope_vm::Vm;

/// What a live program is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    /// Running (Esc pauses).
    Running,
    /// Paused: it waits for a command.
    Paused,
    /// The entry generator waits for a value.
    WantsSend,
    /// The program ended.
    Ended,
}

/// Where a live program paused between suspensions.
pub struct Paused {
    /// A copy of the world there (evaluation runs on a further copy).
    pub vm: Box<Vm>,
    /// The frames, the current one first.
    pub world: WorldView,
    /// The line the current frame runs next.
    pub line: usize,
    /// Why it paused.
    pub why: Why,
    /// What the program printed since the last record.
    pub pending: String,
}

/// A live run of the script.
pub struct LiveRun {
    pub(super) handle: Live,
    /// What it is doing.
    pub state: RunState,
    /// Where it paused, when that is not right after a suspension.
    pub paused: Option<Paused>,
}

/// A branch running in the background.
pub struct BranchRun {
    pub(super) parent: u32,
    pub(super) at: u64,
    pub(super) send: String,
    /// Suspensions recorded so far.
    pub count: Arc<AtomicU64>,
    pub(super) stop: Arc<AtomicBool>,
    pub(super) done: Receiver<(Vec<Record>, Result<(), String>)>,
}
