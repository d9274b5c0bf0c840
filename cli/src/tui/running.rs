//! Programs running while the interface stays responsive: a live run of the
//! script (see [`super::live`]) and branches, both with a progress line and
//! Esc (or Ctrl-C) to pause or stop them, keeping what was recorded.

use super::app::{App, Overlay, PromptKind};
pub use super::jobs::RunState;
use super::jobs::{BranchRun, LiveRun, Paused};
use super::live::{Cmd, Live, Msg, Why};
use super::model::{eval_in, Model, Scope};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::channel;
use std::sync::Arc;
use std::time::Duration;
use yieldscope_inspector::format::{Record, Suspension};
use yieldscope_inspector::session::Spec;
use yieldscope_inspector::sink::Sink;
use yieldscope_inspector::value::ValueView;
use yieldscope_inspector::world::{world_view, WorldView};
use yieldscope_vm::Vm;

/// Collects a branch's records, counts its suspensions and honours Esc.
struct Counting {
    records: Vec<Record>,
    count: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

impl Sink for Counting {
    fn record(&mut self, rec: &Record) -> yieldscope_inspector::Result<()> {
        if matches!(rec, Record::Suspend(_)) {
            self.count.fetch_add(1, Ordering::Relaxed);
        }
        self.records.push(rec.clone());
        Ok(())
    }
    fn interrupted(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
    fn stop_flag(&self) -> Option<Arc<AtomicBool>> {
        Some(Arc::clone(&self.stop))
    }
    fn trace_room(&self, _: u64) -> u64 {
        u64::MAX
    }
}

/// The world of a program paused between suspensions: its running stack,
/// the current frame first, then the suspended generators.
fn paused_world(vm: &Vm, line: usize, n: u64) -> WorldView {
    let s = Suspension {
        n,
        generator: 0,
        name: String::new(),
        at: String::new(),
        value: ValueView::Atom(String::new()),
        entry: false,
        delta: None,
    };
    let mut w = world_view(vm, &s);
    let depth = vm.frames.len().min(w.frames.len());
    w.frames[..depth].reverse();
    // The current frame is about to run `line` (a suspended frame's place is its last instruction's).
    if let Some(top) = w.frames.first_mut().filter(|_| depth > 0 && line > 0) {
        if let Some((file, _)) = top.at.rsplit_once(':') {
            top.at = format!("{file}:{line}");
        }
    }
    if let Some(top) = w.frames.first() {
        w.generator = top.owner.clone();
        w.at.clone_from(&top.at);
    }
    w.value = ValueView::Atom(format!("line {line}"));
    w
}

impl App {
    /// Opens a live run of the script the model was made for: `first` says
    /// how it starts (`None`: paused before the script's first line).
    ///
    /// # Errors
    /// The program cannot be started.
    pub fn start_live(&mut self, spec: Spec, first: Option<Cmd>) -> Result<(), String> {
        let handle = Live::spawn(spec, first)?;
        self.live = Some(LiveRun {
            handle,
            state: RunState::Running,
            paused: None,
        });
        // Follow the run at the end of the timeline.
        self.at_live = true;
        self.world = Err("running… (Esc pauses)".into());
        Ok(())
    }

    /// A live program that waits for a command (the original run shown).
    #[must_use]
    pub fn live_waiting(&self) -> bool {
        self.branch == 0
            && self
                .live
                .as_ref()
                .is_some_and(|l| matches!(l.state, RunState::Paused | RunState::WantsSend))
    }

    /// Something runs in the background: a live program or a branch.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
            || self
                .live
                .as_ref()
                .is_some_and(|l| l.state == RunState::Running)
    }

    /// The progress line while something runs.
    #[must_use]
    pub fn progress(&self) -> Option<String> {
        if let Some(j) = &self.job {
            return Some(format!(
                "branching at #{}… {} suspensions (Esc stops)",
                j.at,
                j.count.load(Ordering::Relaxed)
            ));
        }
        match &self.live {
            Some(l) if l.state == RunState::Running => Some(format!(
                "running… {} suspensions (Esc pauses)",
                self.model.rec.branches[0].suspension_count()
            )),
            _ => None,
        }
    }

    /// Pauses the live program or stops the branch that runs.
    pub fn interrupt(&mut self) {
        self.queued.clear();
        if let Some(j) = &self.job {
            j.stop.store(true, Ordering::Relaxed);
        } else if let Some(l) = &self.live {
            if l.state == RunState::Running {
                l.handle.interrupt();
            }
        }
    }

    /// Sends the live program a command (when it waits for one).
    pub fn run_live(&mut self, cmd: Cmd) {
        let Some(l) = &mut self.live else { return };
        if l.state == RunState::WantsSend && !matches!(cmd, Cmd::Send(_)) {
            self.ask_send();
            return;
        }
        l.handle.send(cmd);
        l.state = RunState::Running;
        l.paused = None;
        // Follow the run at the end of the timeline.
        self.at_live = true;
        self.sel = self.timeline.rows.len().saturating_sub(1);
        self.world = Err("running… (Esc pauses)".into());
        self.eval = None;
        self.status.clear();
    }

    /// Opens the prompt for the value the entry generator waits for.
    pub fn ask_send(&mut self) {
        self.overlay = Overlay::Prompt {
            kind: PromptKind::Send,
            input: String::new(),
        };
    }

    /// Sends a typed value to the waiting entry generator, after trying it
    /// on a copy of the last suspension's world, in the module's scope as
    /// the real send (a typo must not end the run).
    pub(super) fn send_value(&mut self, expr: &str) {
        let last = self.model.rec.branches[0].suspension_count();
        if let Some(n) = last.checked_sub(1) {
            let tried = self
                .model
                .rec
                .restore(0, n)
                .map_err(|e| e.to_string())
                .and_then(|vm| eval_in(vm, Scope::Globals, expr));
            if let Err(e) = tried {
                self.status = format!("not sent: {e}");
                self.overlay = Overlay::Prompt {
                    kind: PromptKind::Send,
                    input: expr.to_string(),
                };
                return;
            }
        }
        self.model.add_send(expr);
        self.run_live(Cmd::Send(expr.to_string()));
        self.status = format!("sent {expr}");
    }

    /// Starts a branch in the background: at `at` of `parent`, sending `send`.
    pub(super) fn start_branch(&mut self, parent: u32, at: u64, send: &str) {
        let job = match self.model.branch_job(parent, at, send) {
            Ok(j) => j,
            Err(e) => {
                self.status = format!("branch failed: {e}");
                return;
            }
        };
        let count = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, done) = channel();
        let mut sink = Counting {
            records: Vec::new(),
            count: count.clone(),
            stop: stop.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name("yieldscope-branch".into())
            .stack_size(512 << 20)
            .spawn(move || {
                let r = job.run(&mut sink);
                let _ = tx.send((sink.records, r));
            });
        if let Err(e) = spawned {
            self.status = format!("branch failed: {e}");
            return;
        }
        self.job = Some(BranchRun {
            parent,
            at,
            send: send.to_string(),
            count,
            stop,
            done,
        });
    }

    fn branch_done(&mut self, job: &BranchRun, records: Vec<Record>, r: Result<(), String>) {
        if let Err(e) = r {
            self.status = format!("branch failed: {e}");
            return;
        }
        match self
            .model
            .add_branch(job.parent, job.at, &job.send, records)
        {
            Ok(id) => {
                self.at_live = false;
                self.branch = id;
                self.timeline = self.model.timeline(id);
                let i = self
                    .timeline
                    .rows
                    .iter()
                    .position(|r| r.n > job.at)
                    .unwrap_or(self.sel);
                self.select(i);
                self.status = format!(
                    "branch {id}: sent {} at #{}; {}",
                    job.send, job.at, self.timeline.end
                );
            }
            Err(e) => self.status = format!("branch failed: {e}"),
        }
    }

    /// Handles what the background work reported; `wait` blocks until
    /// something is reported (or up to `wait`). Returns whether anything changed.
    pub fn poll(&mut self, wait: Option<Duration>) -> bool {
        let mut changed = false;
        let mut first = wait;
        if let Some(job) = self.job.take() {
            let got = match first.take() {
                Some(d) => job.done.recv_timeout(d).ok(),
                None => job.done.try_recv().ok(),
            };
            match got {
                Some((records, r)) => {
                    self.branch_done(&job, records, r);
                    changed = true;
                }
                None => self.job = Some(job),
            }
        }
        // Take what came for a moment at most: a fast program must not starve the keys.
        let until = std::time::Instant::now() + Duration::from_millis(30);
        while std::time::Instant::now() < until {
            let Some(l) = &self.live else { return changed };
            let msg = match first.take() {
                Some(d) => l.handle.rx.recv_timeout(d).ok(),
                None => l.handle.rx.try_recv().ok(),
            };
            let Some(msg) = msg else { return changed };
            changed = true;
            self.on_live(msg);
        }
        changed
    }

    /// Runs the background work until the live program waits or ends and no branch runs.
    #[allow(dead_code)] // tests wait with it; the event loop polls
    pub fn settle(&mut self) {
        loop {
            while self.busy() {
                self.poll(Some(Duration::from_millis(50)));
            }
            self.poll(None);
            if !self.run_queued() {
                return;
            }
        }
    }

    /// Applies the first run key typed while the program ran, once it waits
    /// again; returns whether one was applied.
    pub fn run_queued(&mut self) -> bool {
        if self.busy() || self.queued.is_empty() {
            return false;
        }
        if !self.live_waiting() {
            self.queued.clear();
            return false;
        }
        match self.queued.pop_front() {
            Some(a) => {
                super::app::update(self, a);
                true
            }
            None => false,
        }
    }

    fn on_live(&mut self, msg: Msg) {
        match msg {
            Msg::Record(r) => {
                if self.branch == 0 {
                    let empty = self.timeline.rows.is_empty();
                    self.timeline.push(&r);
                    if empty && !self.timeline.rows.is_empty() && !self.at_live {
                        self.select(0);
                    }
                }
                if let Err(e) = self.model.push_run(*r) {
                    self.status = e;
                }
            }
            Msg::Paused(p) => {
                let Some(l) = &mut self.live else { return };
                l.state = RunState::Paused;
                if p.why == Why::Suspension {
                    l.paused = None;
                    self.show_live_end();
                    if let Some(note) = self.note.take() {
                        self.status = note;
                    }
                    self.watched(false);
                    return;
                }
                let world = paused_world(&p.vm, p.line, p.suspensions);
                let pending: String = p.vm.output.iter().map(|(_, t)| t.as_str()).collect();
                let past = super::steps::PastPause {
                    after: self.timeline.rows.len(),
                    vm: p.vm.clone(),
                    world: world.clone(),
                    line: p.line,
                    why: p.why,
                    output: format!("{}{pending}", self.timeline.output),
                };
                l.paused = Some(Paused {
                    pending,
                    vm: p.vm,
                    world,
                    line: p.line,
                    why: p.why,
                });
                self.remember_pause(past);
                self.show_paused();
                self.status = match p.why {
                    Why::Start => {
                        "paused before the first line: → next suspension, s step, c continue".into()
                    }
                    Why::Breakpoint => format!("breakpoint on line {}", p.line),
                    Why::Step => format!("stepped to line {}", p.line),
                    Why::Return => format!("stepped out to line {}", p.line),
                    Why::Interrupted => format!("paused on line {}", p.line),
                    Why::PostMortem => format!("post-mortem on line {}", p.line),
                    Why::Suspension => String::new(),
                };
                if let Some(note) = self.note.take() {
                    self.status = format!("{note}: {}", self.status);
                }
                self.watched(false);
            }
            Msg::WantsSend => {
                let Some(l) = &mut self.live else { return };
                l.state = RunState::WantsSend;
                l.paused = None;
                self.show_live_end();
                self.status = "the entry generator waits for a value".into();
                self.ask_send();
            }
            Msg::PostMortem(p) => {
                let Some(l) = &mut self.live else { return };
                let world = paused_world(&p.vm, p.line, p.suspensions);
                l.paused = Some(Paused {
                    pending: String::new(),
                    vm: p.vm,
                    world,
                    line: p.line,
                    why: p.why,
                });
            }
            Msg::Ended(r) => {
                let Some(l) = &mut self.live else { return };
                l.state = RunState::Ended;
                let post_mortem = l.paused.as_ref().is_some_and(|p| p.why == Why::PostMortem);
                if post_mortem {
                    let line = l.paused.as_ref().map_or(0, |p| p.line);
                    self.show_paused();
                    self.status = format!(
                        "post-mortem: the uncaught exception was raised on line {line} (u/U walk the stack; the Output pane has the traceback)"
                    );
                    self.watched(true);
                    return;
                }
                l.paused = None;
                if self.at_live {
                    self.show_live_end();
                }
                self.status = match r {
                    Ok(()) if self.timeline.end.starts_with("failed") => {
                        "the program failed to run: the Output pane says why".into()
                    }
                    Ok(()) => format!("the program ended: {}", self.timeline.end),
                    Err(e) => e,
                };
                self.watched(true);
            }
        }
    }

    /// Shows the original run at its last suspension.
    fn show_live_end(&mut self) {
        self.at_live = false;
        if self.branch != 0 {
            self.branch = 0;
            self.timeline = self.model.timeline(0);
        }
        self.select(self.timeline.rows.len().saturating_sub(1));
    }

    /// Shows where the live program paused.
    pub fn show_paused(&mut self) {
        let Some(p) = self.live.as_ref().and_then(|l| l.paused.as_ref()) else {
            return;
        };
        let world = Ok(p.world.clone());
        if self.branch != 0 {
            self.branch = 0;
            self.timeline = self.model.timeline(0);
        }
        self.at_live = true;
        self.past = None;
        self.frame_sel = 0;
        self.sel = self.timeline.rows.len().saturating_sub(1);
        self.world = world;
        self.eval = None;
        self.source_offset = 0;
        self.output_scroll = 0;
    }

    /// The line where the live program paused, when it is shown.
    #[must_use]
    pub fn paused_line(&self) -> Option<usize> {
        if !self.at_live {
            return None;
        }
        if let Some(p) = self.past_pause() {
            return Some(p.line);
        }
        self.live
            .as_ref()
            .and_then(|l| l.paused.as_ref())
            .map(|p| p.line)
    }

    /// Evaluates an expression where the live program paused (on a copy).
    pub(super) fn eval_paused(&mut self, expr: &str) -> bool {
        let Some(p) = self
            .live
            .as_ref()
            .and_then(|l| l.paused.as_ref())
            .filter(|_| self.at_live && self.past.is_none())
        else {
            return false;
        };
        let r = super::model::eval_in((*p.vm).clone(), self.selected_scope(&p.vm), expr);
        self.eval = Some((expr.to_string(), r));
        true
    }

    /// Replaces the model with a new live run of the script (watch mode).
    pub(super) fn restart(&mut self, model: Model, spec: Spec, first: Cmd) -> Result<(), String> {
        self.live = None;
        self.job = None;
        self.model = model;
        self.branch = 0;
        self.timeline = self.model.timeline(0);
        self.at_live = false;
        self.mark = None;
        self.diverged = None;
        self.overlay = Overlay::None;
        self.select(0);
        self.start_live(spec, Some(first))
    }
}
