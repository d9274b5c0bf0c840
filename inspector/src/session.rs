//! Running a program under the recorder: from the start (record, replay,
//! check) or from a restored suspension (branch). The program drives
//! itself, or `--entry` names a generator the session drives with `next()`
//! and the `--send` values.

use crate::capture::Tracker;
use crate::error::{Error, Result};
use crate::format::{
    source_hash, EndKind, Header, Record, Suspension, SuspensionOut, FORMAT_VERSION, VM_VERSION,
};
use crate::places::{place, traced_place};
use crate::sink::Sink;
use std::collections::VecDeque;
use std::path::PathBuf;
use yieldscope_vm::driver::{DriveStop, Resume, Traced, YieldLog};
use yieldscope_vm::{Event, Ref, Stream, Value, Vm, VmError};

/// Steps between two checks of the flush timer and of Ctrl-C.
const BUDGET: u64 = 200_000;

/// The VM notes at most this many suspensions without stopping before the
/// session takes them.
const TRACE_BATCH: u64 = 8192;

/// Default longest keyframe interval (suspensions).
pub const KEYFRAME_EVERY: u64 = 65_536;

/// A keyframe is stored once the deltas since the last one weigh this many
/// times as much as the heap had slots then (a delta weighs the slots and
/// frames it stores, plus [`crate::capture::DELTA_WEIGHT`]): applying the deltas of a
/// restore costs a few times as much as copying the keyframe it starts
/// from, which keeps restoring any suspension around a millisecond while
/// keyframes stay a small share of what recording writes.
pub const KEYFRAME_WEIGHT: u64 = 4;

/// Worlds are stored at the first suspension after this many instructions
/// since the last stored one (format 4). Restoring a suspension between
/// two runs the program on from the one before, which takes about a
/// millisecond for this many instructions; recording costs a capture per
/// checkpoint instead of one per suspension.
pub const CHECKPOINT_STEPS: u64 = 100_000;

/// After a checkpoint that stored `w` slots, the next one comes after at
/// least `w` times this many instructions (and at most [`MAX_GAP_FACTOR`]
/// times the checkpoint interval): what is written per instruction stays
/// bounded, and coalescing more changes into one delta writes less.
pub const STEPS_PER_WRITTEN_SLOT: u64 = 100;

/// Checkpoints are at most this many times the interval apart.
pub const MAX_GAP_FACTOR: u64 = 16;

/// Heaps smaller than this many slots count as this many for [`KEYFRAME_WEIGHT`].
pub const MIN_KEYFRAME_SLOTS: u64 = 2048;

/// How to run a program.
#[derive(Clone, Debug)]
pub struct Spec {
    /// What to run (script, source, entry, sends, seed, args).
    pub header: Header,
    /// Directory for imports and `open()`.
    pub search_dir: PathBuf,
    /// Recorded file inputs to serve instead of reading the disk. `Some`
    /// re-runs a recording: every outside input not among these is refused
    /// inside the VM (`PermissionError`; see `yieldscope_vm::sandbox`).
    pub inputs: Option<Vec<(String, Option<String>)>>,
    /// Let the program write files: `record` and a live script in the TUI
    /// do; replay, branch and check drop writes unless asked.
    pub allow_writes: bool,
}

/// A header for a new recording of `script` with this source.
#[must_use]
pub fn new_header(
    script: &str,
    source: String,
    entry: Option<String>,
    sends: Vec<String>,
    seed: Option<u64>,
    args: Vec<String>,
) -> Header {
    Header {
        format: FORMAT_VERSION,
        vm_version: VM_VERSION.to_string(),
        script: script.to_string(),
        source_hash: source_hash(&source),
        source,
        entry,
        sends,
        seed,
        args,
        keyframe_every: KEYFRAME_EVERY,
        worlds: true,
        checkpoint_steps: CHECKPOINT_STEPS,
    }
}

/// Renders a syntax error like CPython does.
#[must_use]
pub fn render_vm_error(e: VmError) -> String {
    match e {
        VmError::Syntax(se, p) => se.render(&p),
        other => format!("{other}\n"),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// The entry generator just yielded to the session: send the next value.
    AfterYield,
    /// The entry generator is running.
    Driving,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    module: Ref,
    gen: Ref,
    next_send: usize,
}

/// Lets a front end (the TUI's live mode) take part in a run from its start:
/// how many instructions run between two looks at the world, the look itself
/// (where a debugger pauses, by blocking, or stops the run), and more values
/// for an `--entry` generator once its `--send` values are used up.
pub trait Control {
    /// Instructions to run before [`Control::between`] is called again.
    fn budget(&self) -> u64 {
        BUDGET
    }
    /// Called after each stretch of instructions and after each recorded
    /// suspension (with the world, to read or to set driver flags such as
    /// `single_step`). Returning `true` stops the run (recorded as interrupted).
    fn between(&mut self, vm: &mut Vm) -> bool {
        let _ = vm;
        false
    }
    /// The next value (a Python expression) to send to the entry generator
    /// when no `--send` value is left; `None` ends the run as without one.
    fn next_send(&mut self, vm: &Vm) -> Option<String> {
        let _ = vm;
        None
    }
}

/// A running program and where its records go.
pub struct Engine<'s> {
    /// The world.
    pub vm: Vm,
    worlds: bool,
    sink: &'s mut dyn Sink,
    n: u64,
    every: u64,
    /// The suspension of the last keyframe, and the heap's slot count then.
    last_key: Option<(u64, u64)>,
    /// Instructions between two stored worlds (0: every suspension).
    checkpoint_steps: u64,
    /// The step count at the last stored world.
    last_checkpoint: u64,
    /// Instructions until the next stored world (see [`STEPS_PER_WRITTEN_SLOT`]).
    checkpoint_gap: u64,
    tracker: Tracker,
    /// A keyframe was written: later ones share its tables.
    keyframed: bool,
    sends: Vec<String>,
    entry: Option<Entry>,
    control: Option<&'s mut dyn Control>,
    /// The suspension the VM stopped at was recorded from the trace.
    stop_recorded: bool,
}

fn module_name(script: &str) -> String {
    let stem = std::path::Path::new(script)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem.is_empty() || stem == "__main__" {
        "script".into()
    } else {
        stem
    }
}

impl<'s> Engine<'s> {
    fn new(vm: Vm, sink: &'s mut dyn Sink, header: &Header, n: u64) -> Self {
        Engine {
            vm,
            worlds: header.worlds,
            sink,
            n,
            every: header.keyframe_every.max(1),
            last_key: None,
            checkpoint_steps: header.checkpoint_steps,
            last_checkpoint: 0,
            checkpoint_gap: header.checkpoint_steps,
            tracker: Tracker::new(header.checkpoint_steps > 0),
            keyframed: false,
            sends: header.sends.clone(),
            entry: None,
            control: None,
            stop_recorded: false,
        }
    }

    /// Instructions per run of the interpreter.
    fn budget(&self) -> u64 {
        self.control.as_ref().map_or(BUDGET, |c| c.budget())
    }

    /// The user or the front end asked to stop.
    fn stop_here(&mut self) -> bool {
        if self.sink.interrupted() || self.sink.out_of_steps(self.vm.steps) {
            return true;
        }
        let vm = &mut self.vm;
        self.control.as_mut().is_some_and(|c| c.between(vm))
    }

    fn configure(vm: &mut Vm, spec: &Spec) {
        vm.search_dir.clone_from(&spec.search_dir);
        vm.pause_on_yield = true;
        vm.driver.log_resumes = true;
        vm.driver.render = Some(crate::value::rendered);
        vm.driver.replay_reads = spec.inputs.clone().map(VecDeque::from);
        vm.driver.sandbox = spec.inputs.is_some();
        vm.driver.suppress_writes = !spec.allow_writes;
    }

    /// Runs a program from its start, recording into `sink`.
    ///
    /// # Errors
    /// The sink failed.
    pub fn run_fresh(spec: &Spec, sink: &'s mut dyn Sink) -> Result<EndKind> {
        Self::run_fresh_with(spec, sink, None)
    }

    /// [`Engine::run_fresh`] with a front end taking part (see [`Control`]).
    ///
    /// # Errors
    /// The sink failed.
    pub fn run_fresh_with(
        spec: &Spec,
        sink: &'s mut dyn Sink,
        control: Option<&'s mut dyn Control>,
    ) -> Result<EndKind> {
        let h = &spec.header;
        crate::format::verify_source(h).map_err(Error::Program)?;
        let mut vm = Vm::new();
        Self::configure(&mut vm, spec);
        vm.argv = std::iter::once(h.script.clone())
            .chain(h.args.iter().cloned())
            .collect();
        let mut e = Engine::new(vm, sink, h, 0);
        e.control = control;
        let _ = e.vm.heap.take_dirty();
        if let Some(seed) = h.seed {
            let m = e.vm.new_module("__yieldscope__", None);
            match e.eval_assign(
                m,
                "_",
                &format!("__import__('random').seed({seed})"),
                "<seed>",
            )? {
                Some(EndKind::Failed(_)) => return Ok(EndKind::Failed("bad seed".into())),
                Some(end) => return e.finish(end),
                None => {}
            }
        }
        match &h.entry {
            None => {
                if let Err(err) = e.vm.load_main(&h.script, &h.source) {
                    return e.fail(render_vm_error(err));
                }
                let end = e.run_until_done()?.unwrap_or(EndKind::Finished);
                e.finish(end)
            }
            Some(expr) => {
                let m = match e
                    .vm
                    .load_module_script(&h.script, &h.source, &module_name(&h.script))
                {
                    Ok(m) => m,
                    Err(err) => return e.fail(render_vm_error(err)),
                };
                if let Some(end) = e.run_until_done()? {
                    return e.finish(end);
                }
                e.start_entry(m, expr)
            }
        }
    }

    /// Continues a restored world from suspension `at` (described by `s`),
    /// delivering `send` (a Python expression) to its generator instead of
    /// the recorded value. `entry_yields` counts the entry generator's
    /// yields up to and including `at`.
    ///
    /// # Errors
    /// The sink failed.
    pub fn run_branch(
        spec: &Spec,
        vm: Vm,
        s: &Suspension,
        entry_yields: usize,
        send: &str,
        sink: &'s mut dyn Sink,
    ) -> Result<EndKind> {
        Self::run_from(spec, vm, s, entry_yields, Some(send), sink).map(|(end, _)| end)
    }

    /// Continues a restored world from suspension `s` as the recording did
    /// (the recorded inputs in `spec`, the recorded value delivered) until
    /// the sink asks to stop (see [`Sink::interrupted`]); returns how the
    /// run ended and the world then.
    ///
    /// # Errors
    /// The sink failed.
    pub fn run_on(
        spec: &Spec,
        vm: Vm,
        s: &Suspension,
        entry_yields: usize,
        sink: &'s mut dyn Sink,
    ) -> Result<(EndKind, Vm)> {
        Self::run_from(spec, vm, s, entry_yields, None, sink)
    }

    fn run_from(
        spec: &Spec,
        mut vm: Vm,
        s: &Suspension,
        entry_yields: usize,
        send: Option<&str>,
        sink: &'s mut dyn Sink,
    ) -> Result<(EndKind, Vm)> {
        crate::format::verify_source(&spec.header).map_err(Error::Program)?;
        Self::configure(&mut vm, spec);
        let at = s.n;
        let mut e = Engine::new(vm, sink, &spec.header, at + 1);
        let end = e.continue_from(spec, s, entry_yields, send)?;
        Ok((end, e.vm))
    }

    fn continue_from(
        &mut self,
        spec: &Spec,
        s: &Suspension,
        entry_yields: usize,
        send: Option<&str>,
    ) -> Result<EndKind> {
        let e = self;
        let at = s.n;
        let _ = e.vm.heap.take_dirty();
        let Some(main) = e.vm.main_module else {
            return e.fail("the restored world has no main module\n".into());
        };
        if let Some(send) = send {
            match e.eval_assign(main, "__ys_send__", send, "<send>")? {
                Some(EndKind::Failed(m)) => return Ok(EndKind::Failed(m)),
                Some(end) => return e.finish(end),
                None => {}
            }
            let v =
                e.vm.module_global(main, "__ys_send__")
                    .unwrap_or(Value::None);
            e.vm.set_send_override(Ref(s.generator), v);
        }
        e.emit_io()?;
        if e.worlds && e.sink.wants_world() {
            e.keyframe(at)?;
        }
        e.tracker.reset(&mut e.vm);
        e.last_key = Some((at, e.vm.heap.slots.len() as u64));
        e.last_checkpoint = e.vm.steps;
        if let Some(expr) = spec.header.entry.as_deref() {
            if e.vm.module_global(main, "__ys_entry__").is_none() {
                // Suspended while the script was imported: the entry
                // generator does not exist yet.
                if let Some(end) = e.run_until_done()? {
                    return e.finish(end);
                }
                // Suspended while the entry expression itself ran: it has
                // assigned the generator now, so drive that one.
                if e.vm.module_global(main, "__ys_entry__").is_none() {
                    return e.start_entry(main, expr);
                }
                return e.drive_entry(main, expr);
            }
            let g =
                e.vm.module_global(main, "__ys_entry__")
                    .and_then(Value::as_ref)
                    .unwrap_or(Ref(0));
            let (phase, next_send) = if s.entry {
                (Phase::AfterYield, entry_yields.saturating_sub(1))
            } else {
                (Phase::Driving, entry_yields)
            };
            e.entry = Some(Entry {
                module: main,
                gen: g,
                next_send,
            });
            return e.drive(phase, None);
        }
        let end = e.run_until_done()?.unwrap_or(EndKind::Finished);
        e.finish(end)
    }

    /// Evaluates the entry expression in module `m` and drives the generator it gives.
    fn start_entry(&mut self, m: Ref, expr: &str) -> Result<EndKind> {
        match self.eval_assign(m, "__ys_entry__", expr, "<entry>")? {
            Some(EndKind::Failed(m)) => return Ok(EndKind::Failed(m)),
            Some(end) => return self.finish(end),
            None => {}
        }
        self.drive_entry(m, expr)
    }

    /// Starts the generator the entry expression assigned in module `m` and drives it.
    fn drive_entry(&mut self, m: Ref, expr: &str) -> Result<EndKind> {
        let g = self
            .vm
            .module_global(m, "__ys_entry__")
            .unwrap_or(Value::None);
        if !self.vm.is_generator_value(g) {
            let tn = self.vm.type_name(g);
            return self.fail(format!("--entry {expr}: expected a generator, got {tn}\n"));
        }
        let gen = g.as_ref().unwrap_or(Ref(0));
        self.entry = Some(Entry {
            module: m,
            gen,
            next_send: 0,
        });
        let first = self.vm.drive_start(gen, Resume::Next);
        self.drive(Phase::Driving, first)
    }

    fn fail(&mut self, msg: String) -> Result<EndKind> {
        self.emit_io()?;
        self.sink.record(&Record::Output {
            stream: Stream::Stderr,
            text: msg.clone(),
        })?;
        let end = EndKind::Failed(msg.trim_end().to_string());
        self.sink.record(&Record::End(end.clone()))?;
        Ok(end)
    }

    fn finish(&mut self, end: EndKind) -> Result<EndKind> {
        if matches!(
            end,
            EndKind::Finished | EndKind::Uncaught | EndKind::Returned(_)
        ) {
            if let Err(e) = self.vm.guarded(Vm::shutdown) {
                return Err(self.internal(e));
            }
        }
        self.emit_io()?;
        self.sink.record(&Record::End(end.clone()))?;
        Ok(end)
    }

    /// Evaluates `name = (expr)` in module `m` on top of the current stack;
    /// `Some` when the program ended (an exception escaped the expression).
    fn eval_assign(
        &mut self,
        m: Ref,
        name: &str,
        expr: &str,
        label: &str,
    ) -> Result<Option<EndKind>> {
        if let Err(err) = self.vm.push_assign(m, name, expr, label) {
            let msg = crate::names::hide_assignment(&render_vm_error(err), name);
            self.fail(msg)?;
            return Ok(Some(EndKind::Failed(String::new())));
        }
        loop {
            match self.drive_vm()? {
                DriveStop::Event(Event::Suspended { generator }) => {
                    self.on_stop(generator)?;
                }
                DriveStop::Event(Event::Budget) => self.on_budget()?,
                DriveStop::Event(Event::Exit(c)) => return Ok(Some(EndKind::Exit(c))),
                DriveStop::Event(Event::Uncaught) | DriveStop::Raised => {
                    for (_, t) in &mut self.vm.output {
                        *t = crate::names::hide_assignment(t, name);
                    }
                    return Ok(Some(EndKind::Uncaught));
                }
                DriveStop::Event(Event::Finished) => return Ok(None),
                DriveStop::Yielded(v) | DriveStop::Returned(v) => {
                    self.vm.heap.decref(v);
                    return Ok(None);
                }
            }
            if self.stop_here() {
                return Ok(Some(EndKind::Interrupted));
            }
        }
    }

    /// Runs the frames on the stack to their end; `Some` when the program ended early.
    fn run_until_done(&mut self) -> Result<Option<EndKind>> {
        loop {
            match self.run_vm()? {
                Event::Suspended { generator } => {
                    self.on_stop(generator)?;
                    if self.stop_here() {
                        return Ok(Some(EndKind::Interrupted));
                    }
                }
                Event::Budget => {
                    self.on_budget()?;
                    if self.stop_here() {
                        return Ok(Some(EndKind::Interrupted));
                    }
                }
                Event::Finished => return Ok(None),
                Event::Uncaught => return Ok(Some(EndKind::Uncaught)),
                Event::Exit(c) => return Ok(Some(EndKind::Exit(c))),
            }
        }
    }

    fn drive(&mut self, mut phase: Phase, mut pending: Option<DriveStop>) -> Result<EndKind> {
        let Some(mut entry) = self.entry else {
            return self.fail("no entry generator\n".into());
        };
        loop {
            let stop = if let Some(s) = pending.take() {
                s
            } else if phase == Phase::AfterYield {
                let mut expr = self.sends.get(entry.next_send).cloned();
                if expr.is_none() && self.vm.driver.send_override.is_none() {
                    let vm = &self.vm;
                    expr = self.control.as_mut().and_then(|c| c.next_send(vm));
                    if let Some(e) = &expr {
                        self.sends.push(e.clone());
                    } else if self.sink.interrupted() {
                        return self.finish(EndKind::Interrupted);
                    }
                }
                let how = if let Some(expr) = expr {
                    match self.eval_assign(entry.module, "__ys_send__", &expr, "<send>")? {
                        Some(EndKind::Failed(m)) => return Ok(EndKind::Failed(m)),
                        Some(end) => return self.finish(end),
                        None => {}
                    }
                    let v = self
                        .vm
                        .module_global(entry.module, "__ys_send__")
                        .unwrap_or(Value::None);
                    self.vm.heap.incref(v);
                    Resume::Send(v)
                } else if self.vm.driver.send_override.is_some() {
                    Resume::Send(Value::None)
                } else {
                    return self.finish(EndKind::Finished);
                };
                entry.next_send += 1;
                self.entry = Some(entry);
                phase = Phase::Driving;
                match self.vm.drive_start(entry.gen, how) {
                    Some(s) => s,
                    None => continue,
                }
            } else {
                self.drive_vm()?
            };
            match stop {
                DriveStop::Event(Event::Suspended { generator }) => {
                    self.on_stop(generator)?;
                }
                DriveStop::Event(Event::Budget) => self.on_budget()?,
                DriveStop::Event(Event::Exit(c)) => return self.finish(EndKind::Exit(c)),
                DriveStop::Event(Event::Uncaught) | DriveStop::Raised => {
                    return self.finish(EndKind::Uncaught)
                }
                DriveStop::Event(Event::Finished) => return self.finish(EndKind::Finished),
                DriveStop::Yielded(v) => {
                    self.on_suspend(entry.gen, Some(v), true, None)?;
                    phase = Phase::AfterYield;
                }
                DriveStop::Returned(v) => {
                    let s = self.vm.quick_repr(v);
                    self.vm.heap.decref(v);
                    return self.finish(EndKind::Returned(s));
                }
            }
            if self.stop_here() {
                return self.finish(EndKind::Interrupted);
            }
        }
    }

    /// Lets the VM note suspensions without stopping, as far as the sink
    /// allows and until the next checkpoint (see [`yieldscope_vm::driver::Trace`]).
    fn arm_trace(&mut self) {
        self.vm.interrupt = self.sink.stop_flag();
        let room = if self.control.is_some() || self.sink.interrupted() {
            0
        } else {
            self.sink.trace_room(self.n).min(TRACE_BATCH)
        };
        let until = if !(self.worlds && self.sink.wants_world()) {
            u64::MAX
        } else if self.checkpoint_steps == 0 || self.last_key.is_none() {
            0
        } else {
            self.last_checkpoint.saturating_add(self.checkpoint_gap)
        };
        let t = &mut self.vm.driver.trace;
        t.room = room;
        t.until = until;
        self.stop_recorded = false;
    }

    /// Runs the program until the next event (see [`Vm::run`]).
    fn run_vm(&mut self) -> Result<Event> {
        self.arm_trace();
        let budget = Some(self.budget());
        let ev = match self.vm.run_guarded(budget) {
            Ok(ev) => ev,
            Err(e) => return Err(self.internal(e)),
        };
        self.vm.driver.trace.room = 0;
        self.drain_trace()?;
        Ok(ev)
    }

    /// Runs the program until the next event or the driven generator stops
    /// (see [`Vm::drive_run`]).
    fn drive_vm(&mut self) -> Result<DriveStop> {
        self.arm_trace();
        let budget = Some(self.budget());
        let stop = match self.vm.guarded(|vm| vm.drive_run(budget)) {
            Ok(stop) => stop,
            Err(e) => return Err(self.internal(e)),
        };
        self.vm.driver.trace.room = 0;
        self.drain_trace()?;
        Ok(stop)
    }

    /// A panic inside the VM ended the run: what it printed and read so far
    /// is recorded (the suspensions noted in the broken step are not: the
    /// world they would show may be half updated), then an end that names
    /// the place; the error goes up to the command, which exits 70.
    fn internal(&mut self, e: yieldscope_vm::InternalError) -> Error {
        self.vm.driver.trace.clear();
        self.vm.driver.trace.room = 0;
        let reads = std::mem::take(&mut self.vm.driver.reads);
        let output = self.vm.take_output();
        let mut written: Result<()> = Ok(());
        for (path, content) in reads {
            written = written.and_then(|()| self.sink.record(&Record::Input { path, content }));
        }
        for (stream, text) in output {
            written = written.and_then(|()| self.sink.record(&Record::Output { stream, text }));
        }
        let end = EndKind::Failed(e.to_string());
        match written.and_then(|()| self.sink.record(&Record::End(end))) {
            Ok(()) => Error::Internal(e),
            Err(w) => w,
        }
    }

    /// Hands the resumes and suspensions the VM noted to the sink, in order.
    fn drain_trace(&mut self) -> Result<()> {
        if self.vm.driver.trace.events.is_empty() {
            return Ok(());
        }
        let mut events = std::mem::take(&mut self.vm.driver.trace.events);
        // The VM stops at one suspension at most, and only the same step's
        // events can follow it.
        let stop = events
            .iter()
            .position(|e| matches!(e, Traced::Yield(y) if y.stopped));
        let mut late = match stop {
            Some(i) => events.split_off(i),
            None => Vec::new(),
        };
        let mut res = self.pass_traced(events);
        if let (Ok(()), Some(Traced::Yield(y))) = (&res, late.first()) {
            // The suspension the VM stopped at: recorded with its world,
            // after what came before it.
            let y = *y;
            self.stop_recorded = true;
            res = self
                .on_suspend(Ref(y.slot), None, false, Some(&y))
                .and_then(|()| self.pass_traced(late.split_off(1)));
        }
        late.clear();
        self.vm.driver.trace.clear();
        res
    }

    /// Hands the sink events the VM noted without stopping, and gives the
    /// VM back an empty list to note more in.
    fn pass_traced(&mut self, events: Vec<Traced>) -> Result<()> {
        if events.is_empty() {
            if self.vm.driver.trace.events.capacity() == 0 {
                self.vm.driver.trace.events = events;
            }
            return Ok(());
        }
        let n = self.n;
        self.n += events
            .iter()
            .filter(|e| matches!(e, Traced::Yield(_)))
            .count() as u64;
        let spare = self.sink.traced(&self.vm, events, n)?;
        if self.vm.driver.trace.events.capacity() < spare.capacity() {
            self.vm.driver.trace.events = spare;
        }
        Ok(())
    }

    /// Between two budgets of instructions: what the program printed (or
    /// read) since the last event goes out now, not at the next suspension,
    /// so a line printed before a long computation is on screen and in the
    /// file within a flush interval; then the sink may flush.
    fn on_budget(&mut self) -> Result<()> {
        if !self.vm.output.is_empty() || !self.vm.driver.reads.is_empty() {
            self.emit_io()?;
        }
        self.sink.tick()
    }

    fn emit_io(&mut self) -> Result<()> {
        self.drain_trace()?;
        for (path, content) in std::mem::take(&mut self.vm.driver.reads) {
            self.sink.record(&Record::Input { path, content })?;
        }
        for (stream, text) in self.vm.take_output() {
            self.sink.record(&Record::Output { stream, text })?;
        }
        Ok(())
    }

    /// Writes the whole world at suspension `n`: after the run's first
    /// keyframe without the append-only tables, which the loader takes from
    /// the previous keyframe and the deltas since (unless they grew since
    /// the previous suspension, which no delta records then).
    fn keyframe(&mut self, n: u64) -> Result<()> {
        if !self.keyframed || !self.tracker.same_tables(&self.vm) {
            self.keyframed = true;
            return self.sink.keyframe(n, &self.vm, false);
        }
        let vm = &mut self.vm;
        let names = std::mem::replace(&mut vm.names, crate::delta::empty_interner());
        let codes = std::mem::take(&mut vm.codes);
        let sources = std::mem::take(&mut vm.sources);
        let res = self.sink.keyframe(n, vm, true);
        vm.names = names;
        vm.codes = codes;
        vm.sources = sources;
        res
    }

    /// The VM stopped at a suspension of `g`: recorded already when the
    /// trace noted it (see [`Engine::drain_trace`]), from the world otherwise.
    fn on_stop(&mut self, g: Ref) -> Result<()> {
        let v = self.vm.driver.last_yield.take();
        if std::mem::take(&mut self.stop_recorded) {
            return Ok(());
        }
        self.on_suspend(g, v, false, None)
    }

    /// Records a suspension of `g` that yielded `v` (owned when `entry`),
    /// or the one the trace noted as `traced`.
    fn on_suspend(
        &mut self,
        g: Ref,
        v: Option<Value>,
        entry: bool,
        traced: Option<&YieldLog>,
    ) -> Result<()> {
        self.emit_io()?;
        // The entry generator's value is the driver's: rendered, then let go
        // before the world is captured.
        let shown = match (entry, v) {
            (true, Some(v)) => {
                let shown = crate::value::view(&self.vm, v);
                self.vm.heap.decref(v);
                Some(shown)
            }
            _ => None,
        };
        let n = self.n;
        self.n += 1;
        let mut delta = false;
        let checkpoint = self.checkpoint_steps == 0
            || self.last_key.is_none()
            || self.vm.steps - self.last_checkpoint >= self.checkpoint_gap;
        if checkpoint && self.worlds && self.sink.wants_world() {
            self.last_checkpoint = self.vm.steps;
            let due = self.last_key.is_none_or(|(k, slots)| {
                n - k >= self.every
                    || self.tracker.since_keyframe
                        >= KEYFRAME_WEIGHT * slots.max(MIN_KEYFRAME_SLOTS)
            });
            if due {
                self.keyframe(n)?;
                self.tracker.reset(&mut self.vm);
                self.last_key = Some((n, self.vm.heap.slots.len() as u64));
            } else {
                self.tracker.capture(&mut self.vm);
                delta = true;
                // A program that writes much between checkpoints gets them
                // further apart (up to a few times the interval), so that
                // storing worlds keeps pace with running it.
                let w = self.tracker.delta(&self.vm).weight();
                self.checkpoint_gap = w.saturating_mul(STEPS_PER_WRITTEN_SLOT).clamp(
                    self.checkpoint_steps,
                    self.checkpoint_steps.saturating_mul(MAX_GAP_FACTOR),
                );
            }
        }
        let vm = &self.vm;
        self.sink.suspend(&SuspensionOut {
            n,
            generator: g.0,
            place: traced.map_or_else(|| place(vm, g), |y| traced_place(vm, y)),
            vm,
            value: if entry || traced.is_some() { None } else { v },
            captured: traced.map(|y| y.value),
            shown,
            entry,
            delta: delta.then(|| self.tracker.delta(vm)),
        })
    }
}

/// The error for a script that cannot be read.
#[must_use]
pub fn read_error(path: &std::path::Path, e: &std::io::Error) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(e.kind(), e.to_string()),
    }
}
