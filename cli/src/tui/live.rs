//! Live mode: a script runs under the recorder on a worker thread while the
//! interface drives it. The worker runs to the next suspension, continues
//! to a breakpoint line, steps one line in the current frame, pauses when
//! asked (Esc), and waits for a typed value when an `--entry` generator has
//! no `--send` value left. Records stream back as they are made.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::Arc;
use yieldscope_inspector::format::Record;
use yieldscope_inspector::session::{Control, Engine, Spec};
use yieldscope_inspector::sink::Sink;
use yieldscope_vm::frame::FrameKind;
use yieldscope_vm::Vm;

/// Instructions between two looks at the world when nothing needs every step.
const COARSE: u64 = 20_000;

/// Messages the worker may get ahead of the interface.
const BACKLOG: usize = 1024;

/// What the interface asks of the running program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cmd {
    /// Run until the next suspension is recorded.
    Next,
    /// Run until a line in the set is reached (to the end when it is empty).
    Continue(BTreeSet<usize>),
    /// Run until the current frame reaches another line, returns or
    /// suspends; a breakpoint line in a called function stops it too.
    Step(BTreeSet<usize>),
    /// Run until the next line of the script runs, in this frame or in one
    /// it calls or resumes, or the frame returns or suspends.
    StepIn,
    /// Run until the current frame returns or yields (pdb's `return`).
    Return,
    /// The conditions of breakpoints, by line (kept for the next runs).
    Conditions(BTreeMap<usize, String>),
    /// A value (a Python expression) for the entry generator.
    Send(String),
    /// Abandon the run.
    Stop,
}

/// Why the program paused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Before the script's first line.
    Start,
    /// A suspension was recorded.
    Suspension,
    /// A breakpoint line was reached.
    Breakpoint,
    /// A line step ended.
    Step,
    /// The frame stepped out of returned or yielded.
    Return,
    /// Esc (or Ctrl-C) asked for a pause.
    Interrupted,
    /// An exception escaped: the world just before the raising instruction.
    PostMortem,
}

/// The world where the program paused.
pub struct Pause {
    /// A copy of the world (for the frames pane and for evaluation).
    pub vm: Box<Vm>,
    /// The line the top frame runs next (0 when unknown).
    pub line: usize,
    /// Why it paused.
    pub why: Why,
    /// Suspensions recorded so far.
    pub suspensions: u64,
}

/// What the worker tells the interface.
pub enum Msg {
    /// A record of the run, in order.
    Record(Box<Record>),
    /// The program paused; it waits for a [`Cmd`].
    Paused(Pause),
    /// The entry generator yielded and no `--send` value is left: it waits for [`Cmd::Send`].
    WantsSend,
    /// The run ended with an uncaught exception: where it was raised (before `Ended`).
    PostMortem(Pause),
    /// The run is over (its `End` record came before); `Err` when recording failed.
    Ended(Result<(), String>),
}

/// The interface's handle on a live run.
pub struct Live {
    /// Commands to the worker.
    tx: Sender<Cmd>,
    /// Messages from the worker.
    pub rx: Receiver<Msg>,
    /// Set to pause a running program at its next look at the world.
    pause: Arc<AtomicBool>,
    /// Set to end the run.
    stop: Arc<AtomicBool>,
}

impl Live {
    /// Starts `spec`'s program on a worker thread; it first runs as `first` says
    /// (`None`: pause before the script's first line).
    ///
    /// # Errors
    /// The thread cannot be started.
    pub fn spawn(spec: Spec, first: Option<Cmd>) -> Result<Live, String> {
        let (tx, cmds) = channel();
        // Bounded: a program faster than the interface waits for it, so a
        // pause is shown at once rather than after a backlog of records.
        let (out, rx) = sync_channel(BACKLOG);
        let pause = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let (p, s) = (pause.clone(), stop.clone());
        std::thread::Builder::new()
            .name("yieldscope-live".into())
            .stack_size(512 << 20)
            .spawn(move || work(&spec, first, &cmds, &out, &p, &s))
            .map_err(|e| format!("cannot start the program: {e}"))?;
        Ok(Live {
            tx,
            rx,
            pause,
            stop,
        })
    }

    /// Sends a command (ignored once the run is over).
    pub fn send(&self, cmd: Cmd) {
        let _ = self.tx.send(cmd);
    }

    /// Asks a running program to pause.
    pub fn interrupt(&self) {
        self.pause.store(true, Ordering::Relaxed);
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.tx.send(Cmd::Stop);
    }
}

fn work(
    spec: &Spec,
    first: Option<Cmd>,
    cmds: &Receiver<Cmd>,
    out: &SyncSender<Msg>,
    pause: &Arc<AtomicBool>,
    stop: &Arc<AtomicBool>,
) {
    let count = Rc::new(Cell::new(0u64));
    let mut sink = Stream {
        out: out.clone(),
        count: count.clone(),
        stop: stop.clone(),
        uncaught: false,
    };
    let mut control = Driver {
        cmds,
        out: out.clone(),
        mode: Mode::Start,
        pause: pause.clone(),
        count,
        seen: 0,
        last: None,
        script: spec.header.script.clone(),
        looked: false,
        conditions: BTreeMap::new(),
        kept: None,
    };
    if let Some(cmd) = first {
        control.set(cmd, None);
    }
    let end = Engine::run_fresh_with(spec, &mut sink, Some(&mut control));
    if sink.uncaught && !stop.load(Ordering::Relaxed) {
        let found = control
            .kept
            .as_deref()
            .and_then(super::postmortem::before_raise);
        if let Some(vm) = found {
            let line = position(&vm).map_or(0, |p| p.line);
            let _ = out.send(Msg::PostMortem(Pause {
                vm: Box::new(vm),
                line,
                why: Why::PostMortem,
                suspensions: control.count.get(),
            }));
        }
    }
    let _ = out.send(Msg::Ended(end.map(|_| ()).map_err(|e| e.to_string())));
}

/// Sends every record to the interface.
struct Stream {
    out: SyncSender<Msg>,
    count: Rc<Cell<u64>>,
    stop: Arc<AtomicBool>,
    /// The run ended with an uncaught exception.
    uncaught: bool,
}

impl Sink for Stream {
    fn record(&mut self, rec: &Record) -> yieldscope_inspector::Result<()> {
        if matches!(rec, Record::Suspend(_)) {
            self.count.set(self.count.get() + 1);
        }
        if matches!(
            rec,
            Record::End(yieldscope_inspector::format::EndKind::Uncaught)
        ) {
            self.uncaught = true;
        }
        if self.out.send(Msg::Record(Box::new(rec.clone()))).is_err() {
            self.stop.store(true, Ordering::Relaxed);
        }
        Ok(())
    }
    fn interrupted(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
    fn stop_flag(&self) -> Option<Arc<AtomicBool>> {
        Some(Arc::clone(&self.stop))
    }
}

/// Where the top frame is: stack depth, code and the line it runs next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Frames on the stack.
    pub depth: usize,
    /// The top frame's code.
    pub code: u32,
    /// Its next line (0 when unknown).
    pub line: usize,
}

/// The top frame's position, when it is a Python frame.
#[must_use]
pub fn position(vm: &Vm) -> Option<Position> {
    let FrameKind::Py(p) = &vm.frames.last()?.kind else {
        return None;
    };
    let code = vm.codes.get(p.code.0 as usize)?;
    let off = code.spans.get(p.pc as usize)?.start;
    let src = vm.sources.get(code.source as usize)?;
    Some(Position {
        depth: vm.frames.len(),
        code: p.code.0,
        line: src.line_of(off) as usize,
    })
}

/// Whether the top frame runs code of the script itself (not `<seed>`, `<entry>` or a module it imports).
fn in_script(vm: &Vm, script: &str) -> bool {
    let Some(FrameKind::Py(p)) = vm.frames.last().map(|f| &f.kind) else {
        return false;
    };
    vm.codes
        .get(p.code.0 as usize)
        .and_then(|c| vm.sources.get(c.source as usize))
        .is_some_and(|s| s.path == script)
}

#[derive(Debug)]
enum Mode {
    Start,
    Next,
    Free,
    Continue(BTreeSet<usize>),
    Step {
        from: Option<Position>,
        breakpoints: BTreeSet<usize>,
    },
    StepIn(Option<Position>),
    Return(Option<Position>),
}

/// The worker's side of [`Control`]: decides where to pause and waits there.
struct Driver<'a> {
    cmds: &'a Receiver<Cmd>,
    out: SyncSender<Msg>,
    mode: Mode,
    pause: Arc<AtomicBool>,
    count: Rc<Cell<u64>>,
    /// Suspensions counted at the last look.
    seen: u64,
    /// The position at the last look (a breakpoint stops on arriving at its line).
    last: Option<Position>,
    script: String,
    /// `between` was called at least once.
    looked: bool,
    /// Breakpoint conditions by line: a breakpoint stops where its condition is true.
    conditions: BTreeMap<usize, String>,
    /// A copy of the world kept for a post-mortem (refreshed every
    /// [`super::postmortem::EVERY`] instructions).
    kept: Option<Box<Vm>>,
}

impl Driver<'_> {
    fn set(&mut self, cmd: Cmd, vm: Option<&Vm>) {
        self.mode = match cmd {
            Cmd::Next => Mode::Next,
            Cmd::Continue(b) if b.is_empty() => Mode::Free,
            Cmd::Continue(b) => Mode::Continue(b),
            Cmd::Step(breakpoints) => Mode::Step {
                from: vm.and_then(position),
                breakpoints,
            },
            Cmd::StepIn => Mode::StepIn(vm.and_then(position)),
            Cmd::Return => Mode::Return(vm.and_then(position)),
            Cmd::Conditions(c) => {
                self.conditions = c;
                return;
            }
            Cmd::Send(_) | Cmd::Stop => return,
        };
    }

    /// Tells the interface and waits for the next command; `true` ends the run.
    fn wait(&mut self, vm: &Vm, why: Why, line: usize) -> bool {
        let pause = Pause {
            vm: Box::new(vm.clone()),
            line,
            why,
            suspensions: self.count.get(),
        };
        if self.out.send(Msg::Paused(pause)).is_err() {
            return true;
        }
        loop {
            match self.cmds.recv() {
                Err(_) | Ok(Cmd::Stop) => return true,
                Ok(Cmd::Send(_)) => {}
                Ok(Cmd::Conditions(c)) => self.conditions = c,
                Ok(cmd) => {
                    self.set(cmd, Some(vm));
                    self.pause.store(false, Ordering::Relaxed);
                    return false;
                }
            }
        }
    }
}

impl Driver<'_> {
    /// Instructions to run before the next look.
    fn stretch(&self) -> u64 {
        match self.mode {
            Mode::Next | Mode::Free => COARSE,
            // Look before the first instruction: the script may start right away.
            Mode::Start if !self.looked => 0,
            Mode::Start
            | Mode::Continue(_)
            | Mode::Step { .. }
            | Mode::StepIn(_)
            | Mode::Return(_) => 1,
        }
    }

    /// Whether to pause here (and waits there); `true` ends the run.
    fn look(&mut self, vm: &Vm) -> bool {
        let suspended = self.count.get() != self.seen;
        self.seen = self.count.get();
        let pos = position(vm);
        let arrived = pos.filter(|p| self.last != Some(*p));
        self.last = pos;
        let line = pos.map_or(0, |p| p.line);
        if self.pause.swap(false, Ordering::Relaxed) {
            return self.wait(vm, Why::Interrupted, line);
        }
        let why = match &self.mode {
            Mode::Free => None,
            Mode::Start => in_script(vm, &self.script).then_some(Why::Start),
            Mode::Next => suspended.then_some(Why::Suspension),
            Mode::Continue(b) => arrived
                .filter(|p| {
                    b.contains(&p.line) && in_script(vm, &self.script) && self.holds(vm, p.line)
                })
                .map(|_| Why::Breakpoint),
            Mode::Return(from) => match (from, pos) {
                (None, _) => Some(Why::Return),
                (Some(f), None) if vm.frames.len() < f.depth => Some(Why::Return),
                (Some(f), Some(p)) if p.depth < f.depth => Some(Why::Return),
                _ => None,
            },
            Mode::StepIn(from) => match (from, pos) {
                (None, _) => Some(Why::Step),
                (Some(f), None) if vm.frames.len() < f.depth => Some(Why::Step),
                (Some(f), Some(p)) if p.depth < f.depth => Some(Why::Step),
                (Some(f), Some(p))
                    if arrived.is_some()
                        && (p.depth, p.code, p.line) != (f.depth, f.code, f.line)
                        && in_script(vm, &self.script) =>
                {
                    Some(Why::Step)
                }
                _ => None,
            },
            Mode::Step { from, breakpoints } => match (from, pos) {
                (None, _) => Some(Why::Step),
                (Some(f), Some(p)) if p.depth < f.depth => Some(Why::Step),
                (Some(f), None) if vm.frames.len() < f.depth => Some(Why::Step),
                (Some(f), Some(p))
                    if p.depth == f.depth && p.code == f.code && p.line != f.line =>
                {
                    Some(Why::Step)
                }
                (Some(f), Some(p))
                    if p.depth > f.depth
                        && arrived.is_some()
                        && breakpoints.contains(&p.line)
                        && in_script(vm, &self.script)
                        && self.holds(vm, p.line) =>
                {
                    Some(Why::Breakpoint)
                }
                _ => None,
            },
        };
        match why {
            Some(why) => self.wait(vm, why, line),
            None => false,
        }
    }
}

impl Driver<'_> {
    /// Whether the breakpoint on `line` stops here: no condition, or its
    /// condition is true in the top frame (evaluated on a copy of the world;
    /// a condition that raises stops, as in pdb).
    fn holds(&self, vm: &Vm, line: usize) -> bool {
        let Some(c) = self.conditions.get(&line) else {
            return true;
        };
        let r = super::model::eval_in(vm.clone(), super::model::Scope::Top, &format!("bool({c})"));
        r.map_or(true, |v| v.ends_with("True"))
    }
}

impl Control for Driver<'_> {
    fn budget(&self) -> u64 {
        self.stretch()
    }

    fn between(&mut self, vm: &mut Vm) -> bool {
        self.looked = true;
        let stale = self
            .kept
            .as_ref()
            .is_none_or(|k| vm.steps >= k.steps + super::postmortem::EVERY);
        if stale {
            self.kept = Some(Box::new(vm.clone()));
        }
        let stop = self.look(vm);
        // Breakpoints and steps need every instruction; the rest runs in batches.
        vm.driver.single_step = self.stretch() == 1;
        stop
    }

    fn next_send(&mut self, _vm: &Vm) -> Option<String> {
        if self.out.send(Msg::WantsSend).is_err() {
            return None;
        }
        loop {
            match self.cmds.recv() {
                Err(_) | Ok(Cmd::Stop) => return None,
                Ok(Cmd::Send(v)) => return Some(v),
                Ok(Cmd::Conditions(c)) => self.conditions = c,
                Ok(cmd) => self.set(cmd, None),
            }
        }
    }
}
