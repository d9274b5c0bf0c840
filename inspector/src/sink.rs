//! Where a run's records go: the [`Sink`] a session hands every record to
//! (the recorder's file, memory, a live front end), and [`MemorySink`].

use crate::error::Result;
use crate::format::{Record, ResumeOut, SuspensionOut};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use yieldscope_vm::driver::{ResumeLog, Traced};
use yieldscope_vm::Vm;

/// Where a run's records go.
pub trait Sink {
    /// Takes one record.
    ///
    /// # Errors
    /// Writing failed.
    fn record(&mut self, rec: &Record) -> Result<()>;
    /// Takes one suspension, borrowed from the running world (the default
    /// makes an owned copy for [`Sink::record`]).
    ///
    /// # Errors
    /// Writing failed.
    fn suspend(&mut self, s: &SuspensionOut<'_>) -> Result<()> {
        self.record(&Record::Suspend(s.to_suspension()))
    }
    /// Takes one resume (the default makes an owned copy for [`Sink::record`]).
    ///
    /// # Errors
    /// Writing failed.
    fn resume(&mut self, r: &ResumeOut<'_>) -> Result<()> {
        self.record(&r.to_record())
    }
    /// Takes one resume the VM logged (borrowed from the world; the default
    /// names it and hands it to [`Sink::resume`]).
    ///
    /// # Errors
    /// Writing failed.
    fn logged(&mut self, vm: &Vm, log: &ResumeLog) -> Result<()> {
        crate::places::with_resume(vm, log, |r| self.resume(r))
    }
    /// Takes suspensions and resumes the VM noted without stopping (see
    /// [`Sink::trace_room`]), in order (their captured values are in the
    /// world's trace); the first suspension is number `n`. Returns an empty
    /// list for the VM to note more in. The default hands each to
    /// [`Sink::suspend`] or [`Sink::logged`].
    ///
    /// # Errors
    /// Writing failed.
    fn traced(&mut self, vm: &Vm, mut events: Vec<Traced>, n: u64) -> Result<Vec<Traced>> {
        let mut n = n;
        for e in &events {
            match e {
                Traced::Resume(log) => self.logged(vm, log)?,
                Traced::Yield(y) => {
                    self.suspend(&crate::places::traced_out(vm, y, n))?;
                    n += 1;
                }
            }
        }
        events.clear();
        Ok(events)
    }
    /// How many suspensions from number `next` on may be taken after the
    /// fact: the VM notes them and runs on, and the sink gets them when it
    /// stops next (at the latest after a budget of instructions), so
    /// [`Sink::interrupted`] is only asked then (and none once it says
    /// yes). 0 (the default): the VM stops at every suspension.
    fn trace_room(&self, next: u64) -> u64 {
        let _ = next;
        0
    }
    /// Takes the whole world at suspension `n`; when `shared`, its
    /// append-only tables are empty (see [`Record::Keyframe`]). The default
    /// makes an owned copy for [`Sink::record`].
    ///
    /// # Errors
    /// Writing failed.
    fn keyframe(&mut self, n: u64, world: &Vm, shared: bool) -> Result<()> {
        self.record(&Record::Keyframe {
            n,
            world: Box::new(world.clone()),
            shared,
        })
    }
    /// Called regularly while the program runs without recording anything.
    ///
    /// # Errors
    /// Writing failed.
    fn tick(&mut self) -> Result<()> {
        Ok(())
    }
    /// The user asked to stop (Ctrl-C).
    fn interrupted(&self) -> bool {
        false
    }
    /// The run has gone on past what this sink allows (`steps`: the
    /// instructions the VM has run in all): it stops as if interrupted.
    fn out_of_steps(&self, _steps: u64) -> bool {
        false
    }
    /// The flag behind [`Sink::interrupted`], when there is one: the session
    /// hands it to the VM, which stops with it a call into Python running
    /// inside a built-in (a runaway `__eq__`), where the session's own
    /// look between budgets never comes (see `Vm::interrupt`).
    fn stop_flag(&self) -> Option<Arc<AtomicBool>> {
        None
    }
    /// Whether keyframes and deltas are wanted (replay and check only compare traces).
    fn wants_world(&self) -> bool {
        true
    }
}

/// Collects records in memory.
#[derive(Default)]
pub struct MemorySink {
    /// The records, in order.
    pub records: Vec<Record>,
    /// Keep keyframes and deltas.
    pub world: bool,
}

impl Sink for MemorySink {
    fn record(&mut self, rec: &Record) -> Result<()> {
        self.records.push(rec.clone());
        Ok(())
    }
    fn wants_world(&self) -> bool {
        self.world
    }
    fn trace_room(&self, _: u64) -> u64 {
        u64::MAX
    }
}
