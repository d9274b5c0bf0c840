//! The data the TUI shows: a recording held in memory (recorded from a
//! script or loaded from a RON file), its branches, and per-branch
//! timelines with the program output up to each suspension.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use yieldscope_inspector::format::{BranchInfo, Record, ResumeHow, Suspension};
use yieldscope_inspector::recording::Branch;
use yieldscope_inspector::recording::{inputs_of, script_path};
use yieldscope_inspector::ronw::to_line;
use yieldscope_inspector::session::render_vm_error;
use yieldscope_inspector::session::{new_header, Engine, Spec};
use yieldscope_inspector::sink::{MemorySink, Sink};
use yieldscope_inspector::value::view;
use yieldscope_inspector::world::{world_view, WorldView};
use yieldscope_inspector::Recording;
use yieldscope_vm::driver::DriveStop;
use yieldscope_vm::frame::FrameKind;
use yieldscope_vm::intern::Sym;
use yieldscope_vm::object::Object;
use yieldscope_vm::{Event, Value, Vm};

/// One suspension as a timeline row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Suspension number in its branch's timeline.
    pub n: u64,
    /// `qualname#serial` of the generator.
    pub name: String,
    /// Source line of the `yield` (0 when unknown).
    pub line: usize,
    /// The yielded value.
    pub value: String,
    /// What the generator was resumed with (empty when never resumed).
    pub sent: String,
}

impl Row {
    /// The text `/` searches.
    #[must_use]
    pub fn text(&self) -> String {
        format!(
            "{} {} L{} {} -> {}",
            self.n, self.name, self.line, self.value, self.sent
        )
    }
}

/// A branch's timeline.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// The suspensions, in order.
    pub rows: Vec<Row>,
    /// Everything the program printed.
    pub output: String,
    /// `output[..out_at[i]]` was printed before suspension `rows[i]`.
    pub out_at: Vec<usize>,
    /// How the branch ended.
    pub end: String,
}

impl Timeline {
    /// Adds one record of the branch's run (suspensions, resumes, output, the end).
    pub fn push(&mut self, r: &Record) {
        match r {
            Record::Output { text, .. } => self.output.push_str(text),
            Record::Suspend(s) => {
                self.rows.push(Row {
                    n: s.n,
                    name: s.name.clone(),
                    line: line_of(&s.at),
                    value: s.value.to_string(),
                    sent: String::new(),
                });
                self.out_at.push(self.output.len());
            }
            Record::Resume { name, how } => {
                if let Some(row) = self
                    .rows
                    .iter_mut()
                    .rev()
                    .find(|r| &r.name == name && r.sent.is_empty())
                {
                    row.sent = match how {
                        ResumeHow::Next => "next".into(),
                        ResumeHow::Send(v) => v.clone(),
                        ResumeHow::Throw(e) => format!("throw {e}"),
                        ResumeHow::Close => "close".into(),
                    };
                }
            }
            Record::End(e) => self.end = yieldscope_inspector::trace::end_text(e),
            _ => {}
        }
    }
}

/// How to run a script (ignored for a `.ron` recording).
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Import the script as a module and drive the generator this expression returns.
    pub entry: Option<String>,
    /// Values to send to the entry generator, in order.
    pub sends: Vec<String>,
    /// Seed `random` first.
    pub seed: Option<u64>,
    /// Show progress on stderr while recording.
    pub progress: bool,
    /// Set (by Ctrl-C) to stop recording and open what was recorded.
    pub stop: Arc<AtomicBool>,
    /// Re-run the script whenever it is saved.
    pub watch: bool,
}

/// Collects records in memory, reports progress and honours Ctrl-C.
struct ProgressSink<'a> {
    records: Vec<Record>,
    suspensions: u64,
    last: Instant,
    opts: &'a Options,
}

impl ProgressSink<'_> {
    fn report(&mut self) {
        if self.opts.progress && self.last.elapsed() >= Duration::from_millis(100) {
            self.last = Instant::now();
            eprint!(
                "\ryieldscope: recording… {} suspensions (Ctrl-C stops and opens them)",
                self.suspensions
            );
        }
    }
}

impl Sink for ProgressSink<'_> {
    fn record(&mut self, rec: &Record) -> yieldscope_inspector::Result<()> {
        if matches!(rec, Record::Suspend(_)) {
            self.suspensions += 1;
        }
        self.records.push(rec.clone());
        self.report();
        Ok(())
    }
    fn tick(&mut self) -> yieldscope_inspector::Result<()> {
        self.report();
        Ok(())
    }
    fn interrupted(&self) -> bool {
        self.opts.stop.load(Ordering::Relaxed)
    }
    fn trace_room(&self, _: u64) -> u64 {
        u64::MAX
    }
}

/// The recording and where it came from.
pub struct Model {
    /// The recording (all branches).
    pub rec: Recording,
    /// The RON text it was loaded from (or just the header line of a new recording).
    base: String,
    /// Records of the original run made here (a script's run, live or not), written by [`Model::save`].
    run: Vec<Record>,
    /// Records of branches made here, written after `run` by [`Model::save`].
    records: Vec<Record>,
    /// `base` is just the header line (a script opened here): rewritten when the header changes.
    base_is_header: bool,
    /// Directory for the program's imports and files.
    pub search_dir: PathBuf,
    /// A short name for the title bar.
    pub title: String,
}

/// The line number of a `file:line` location.
#[must_use]
pub fn line_of(at: &str) -> usize {
    at.rsplit(':')
        .next()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0)
}

/// A script's file name (locations read `card_game.py:103`), its text and
/// its directory (where imports and files are found).
fn file_title(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The title and run spec of a fresh run of the script at `path`.
fn script_spec(path: &Path, opts: &Options) -> Result<(String, Spec), String> {
    let (title, source, search_dir) = script_parts(path)?;
    let header = new_header(
        &title,
        source,
        opts.entry.clone(),
        opts.sends.clone(),
        opts.seed,
        Vec::new(),
    );
    // The user's own script, run live: its writes go to disk as under `record`.
    let spec = Spec {
        header,
        search_dir,
        inputs: None,
        allow_writes: true,
    };
    Ok((title, spec))
}

fn script_parts(path: &Path) -> Result<(String, String, PathBuf), String> {
    let title = file_title(path);
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let search_dir = std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.parent().map(PathBuf::from))
        .unwrap_or_default();
    Ok((
        title,
        String::from_utf8_lossy(&bytes).into_owned(),
        search_dir,
    ))
}

/// A branch ready to run: the restored world and what to send.
pub struct BranchJob {
    spec: Spec,
    vm: Box<Vm>,
    s: Suspension,
    k: usize,
    send: String,
}

impl BranchJob {
    /// Runs the branch into `sink` (its records; `sink.interrupted()` stops it).
    ///
    /// # Errors
    /// Recording failed.
    pub fn run(self, sink: &mut dyn Sink) -> Result<(), String> {
        Engine::run_branch(&self.spec, *self.vm, &self.s, self.k, &self.send, sink)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Adds records (of the recording's last branch, or `Branch` records
/// starting new ones) to a recording in memory, as the loader would.
fn append(rec: &mut Recording, records: &[Record]) -> Result<(), String> {
    let worlds = rec.header.world_at_every_suspension();
    for r in records {
        match r {
            Record::Branch(info) => rec.branches.push(Branch::new(info.clone())),
            other => {
                let last = rec.branches.len() - 1;
                rec.branches[last].push(other.clone(), 0, worlds, None)?;
            }
        }
    }
    Ok(())
}

fn push_lines(text: &mut String, records: &[Record]) -> Result<(), String> {
    text.push_str(
        &yieldscope_inspector::recorder::lines(records)
            .map_err(|e| format!("cannot serialise a record: {e}"))?,
    );
    Ok(())
}

impl Model {
    /// Opens a `.ron` recording, or records a script in memory.
    ///
    /// # Errors
    /// The file cannot be read, parsed or run.
    #[allow(dead_code)] // the binary opens with options; tests use this
    pub fn open(path: &Path) -> Result<Model, String> {
        Self::open_with(path, &Options::default())
    }

    /// Like [`Model::open`], running a script with these options.
    ///
    /// # Errors
    /// The file cannot be read, parsed or run.
    pub fn open_with(path: &Path, opts: &Options) -> Result<Model, String> {
        if path.extension().is_some_and(|e| e == "ron") {
            let title = file_title(path);
            let bytes =
                std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            let rec = yieldscope_inspector::load_bytes(path, &bytes).map_err(|e| e.to_string())?;
            let search_dir = script_path(&rec)
                .as_deref()
                .and_then(Path::parent)
                .or_else(|| path.parent())
                .map(PathBuf::from)
                .unwrap_or_default();
            let base = String::from_utf8_lossy(&bytes).into_owned();
            return Ok(Model {
                rec,
                base,
                run: Vec::new(),
                records: Vec::new(),
                base_is_header: false,
                search_dir,
                title,
            });
        }
        let (title, spec) = script_spec(path, opts)?;
        let (header, search_dir) = (spec.header.clone(), spec.search_dir.clone());
        let mut sink = ProgressSink {
            records: Vec::new(),
            suspensions: 0,
            last: Instant::now(),
            opts,
        };
        let run = Engine::run_fresh(&spec, &mut sink);
        if opts.progress && sink.suspensions > 0 {
            eprintln!();
        }
        run.map_err(|e| e.to_string())?;
        let mut base = to_line(&header).map_err(|e| e.to_string())?;
        base.push('\n');
        let mut rec = Recording::new(path, header);
        append(&mut rec, &sink.records)?;
        Ok(Model {
            rec,
            base,
            run: sink.records,
            records: Vec::new(),
            base_is_header: true,
            search_dir,
            title,
        })
    }

    /// A model for a live run of the script at `path`: the header and an
    /// empty original branch; the records come through [`Model::push_run`].
    /// Returns the spec to run it with.
    ///
    /// # Errors
    /// The file cannot be read.
    pub fn live(path: &Path, opts: &Options) -> Result<(Model, Spec), String> {
        let (title, spec) = script_spec(path, opts)?;
        let (header, search_dir) = (spec.header.clone(), spec.search_dir.clone());
        let mut base = to_line(&header).map_err(|e| e.to_string())?;
        base.push('\n');
        let model = Model {
            rec: Recording::new(path, header),
            base,
            run: Vec::new(),
            records: Vec::new(),
            base_is_header: true,
            search_dir,
            title,
        };
        Ok((model, spec))
    }

    /// Adds a record of the original run (a live run's records as they come).
    ///
    /// # Errors
    /// The record does not fit the branch (a bug in the recorder).
    pub fn push_run(&mut self, r: Record) -> Result<(), String> {
        let worlds = self.rec.header.world_at_every_suspension();
        self.rec.branches[0].push(r.clone(), 0, worlds, None)?;
        self.run.push(r);
        Ok(())
    }

    /// Notes a value typed for the entry generator: it joins the header's
    /// sends, so replaying or branching the recording sends it too.
    pub fn add_send(&mut self, expr: &str) {
        self.rec.header.sends.push(expr.to_string());
        if self.base_is_header {
            if let Ok(mut line) = to_line(&self.rec.header) {
                line.push('\n');
                self.base = line;
            }
        }
    }

    /// Forks branch `parent` at suspension `at`, sending `send` (a Python
    /// expression) instead; returns the new branch's number.
    ///
    /// # Errors
    /// The suspension cannot be restored or the branch cannot run.
    #[allow(dead_code)] // the interface branches in the background; tests use this
    pub fn branch(&mut self, parent: u32, at: u64, send: &str) -> Result<u32, String> {
        let job = self.branch_job(parent, at, send)?;
        let mut sink = MemorySink {
            records: Vec::new(),
            world: true,
        };
        job.run(&mut sink)?;
        self.add_branch(parent, at, send, sink.records)
    }

    /// Everything a branch needs to run, away from the model (on another thread).
    ///
    /// # Errors
    /// The suspension cannot be restored.
    pub fn branch_job(&self, parent: u32, at: u64, send: &str) -> Result<BranchJob, String> {
        let rec = &self.rec;
        let mut vm = rec.restore(parent, at).map_err(|e| e.to_string())?;
        // Recorded while a live run was stepping: a branch runs at full speed.
        vm.driver.single_step = false;
        let s = rec
            .suspension(parent, at)
            .map_err(|e| e.to_string())?
            .clone();
        let k = rec.entry_yields(parent, at).map_err(|e| e.to_string())?;
        let events = rec.events(parent).map_err(|e| e.to_string())?;
        let spec = Spec {
            header: rec.header.clone(),
            search_dir: self.search_dir.clone(),
            inputs: Some(inputs_of(events.iter().copied())),
            allow_writes: false,
        };
        Ok(BranchJob {
            spec,
            vm: Box::new(vm),
            s,
            k,
            send: send.to_string(),
        })
    }

    /// Adds a branch run by a [`BranchJob`]; returns its number.
    ///
    /// # Errors
    /// The records do not fit (a bug in the recorder).
    pub fn add_branch(
        &mut self,
        parent: u32,
        at: u64,
        send: &str,
        records: Vec<Record>,
    ) -> Result<u32, String> {
        let id = self.rec.newest() + 1;
        let mut lines = vec![Record::Branch(BranchInfo {
            id,
            parent,
            at,
            send: send.to_string(),
        })];
        lines.extend(records);
        append(&mut self.rec, &lines)?;
        self.records.extend(lines);
        Ok(id)
    }

    /// Branch `b`'s timeline.
    #[must_use]
    pub fn timeline(&self, b: u32) -> Timeline {
        let mut t = Timeline::default();
        let Ok(events) = self.rec.events(b) else {
            return t;
        };
        for r in events {
            t.push(r);
        }
        // At each fork on the way to `b`, the generator got the branch's value.
        let mut id = b;
        while id != 0 {
            let Ok(br) = self.rec.branch(id) else { break };
            if let Some(row) = t.rows.iter_mut().find(|r| r.n == br.info.at) {
                row.sent.clone_from(&br.info.send);
            }
            id = br.info.parent;
        }
        t
    }

    /// Where [`Model::save`] writes: the opened recording, or `STEM.ron` here for a script.
    #[must_use]
    pub fn save_path(&self) -> PathBuf {
        let p = &self.rec.path;
        if p.extension().is_some_and(|e| e == "ron") {
            return p.clone();
        }
        let stem = p
            .file_stem()
            .map_or_else(|| "recording".into(), |s| s.to_string_lossy().into_owned());
        PathBuf::from(format!("{stem}.ron"))
    }

    /// Writes the recording with all its branches (replacing the file atomically).
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut text = if self.records.is_empty() {
            self.base.clone()
        } else {
            yieldscope_inspector::recorder::upgraded(&self.base, &self.rec.header)
                .map_err(|e| e.to_string())?
                .into_owned()
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        push_lines(&mut text, &self.run)?;
        push_lines(&mut text, &self.records)?;
        let tmp = path.with_file_name(format!(".{name}.tmp{}", std::process::id()));
        let res = std::fs::write(&tmp, text.as_bytes()).and_then(|()| std::fs::rename(&tmp, path));
        if let Err(e) = res {
            let _ = std::fs::remove_file(&tmp);
            return Err(format!("{}: cannot write: {e}", path.display()));
        }
        Ok(())
    }

    /// The world at suspension `n` of branch `b`.
    ///
    /// # Errors
    /// It cannot be restored.
    pub fn world(&self, b: u32, n: u64) -> Result<WorldView, String> {
        let vm = self.rec.restore(b, n).map_err(|e| e.to_string())?;
        let s = self.rec.suspension(b, n).map_err(|e| e.to_string())?;
        Ok(world_view(&vm, s))
    }

    /// Evaluates `expr` (a Python expression) against the world at suspension
    /// `n` of branch `b`, in the suspended generator's frame (its locals and
    /// cells over the main module's globals). Read-only: it runs on a copy of
    /// the world, with file writes dropped.
    ///
    /// # Errors
    /// The world cannot be restored, the expression does not compile, raises
    /// or runs too long.
    pub fn eval(&self, b: u32, n: u64, expr: &str) -> Result<String, String> {
        let vm = self.rec.restore(b, n).map_err(|e| e.to_string())?;
        let s = self.rec.suspension(b, n).map_err(|e| e.to_string())?;
        eval_in(vm, Scope::Generator(yieldscope_vm::Ref(s.generator)), expr)
    }

    /// The branch tree as `(depth, info, suspension count)`, parents before children.
    #[must_use]
    pub fn tree(&self) -> Vec<(usize, BranchInfo, u64)> {
        let mut out = Vec::new();
        fn walk(m: &Model, id: u32, depth: usize, out: &mut Vec<(usize, BranchInfo, u64)>) {
            let Ok(b) = m.rec.branch(id) else { return };
            out.push((depth, b.info.clone(), b.suspension_count()));
            for c in &m.rec.branches {
                if c.info.id != 0 && c.info.parent == id {
                    walk(m, c.info.id, depth + 1, out);
                }
            }
        }
        walk(self, 0, 0, &mut out);
        out
    }
}

/// The names an expression sees besides the main module's globals.
#[derive(Clone, Copy, Debug)]
pub enum Scope {
    /// A suspended generator's locals and cells.
    Generator(yieldscope_vm::Ref),
    /// The top Python frame's (a live program paused between suspensions).
    Top,
    /// None: the globals only, as a value sent to an `--entry` generator sees.
    Globals,
    /// The running frame at this index of the stack (bottom first).
    Frame(usize),
}

/// Evaluates `expr` in `vm` (a copy) with the names of `scope` over the main
/// module's globals; file writes are dropped.
///
/// # Errors
/// The expression does not compile, raises or runs too long.
pub fn eval_in(mut vm: Vm, scope_of: Scope, expr: &str) -> Result<String, String> {
    vm.driver.suppress_writes = true;
    vm.driver.single_step = false;
    vm.pause_on_yield = false;
    let _ = vm.take_output();
    let mut scope: Vec<(Sym, Value)> = Vec::new();
    if let Some(main) = vm.main_module {
        if let Object::Module(md) = vm.heap.get(main) {
            scope.extend(md.globals.iter().map(|(k, v)| (*k, *v)));
        }
    }
    let frame = match scope_of {
        Scope::Generator(g) => match vm.heap.slots.get(g.index()).map(|x| &x.obj) {
            Some(Object::Generator(g)) => g.frame.as_ref().map(|f| &f.kind),
            _ => None,
        },
        Scope::Globals => None,
        Scope::Frame(i) => vm.frames.get(i).map(|f| &f.kind),
        Scope::Top => vm
            .frames
            .iter()
            .rev()
            .map(|f| &f.kind)
            .find(|k| matches!(k, FrameKind::Py(_))),
    };
    if let Some(FrameKind::Py(p)) = frame {
        if let Some(code) = vm.codes.get(p.code.0 as usize) {
            for (i, v) in p.locals.iter().enumerate() {
                if let (Some(name), false) = (code.varnames.get(i), matches!(v, Value::Undef)) {
                    scope.push((*name, *v));
                }
            }
            let cell_names = code.cellvars.iter().chain(code.freevars.iter());
            for (c, name) in p.cells.iter().zip(cell_names) {
                if let Some(Object::Cell(v)) = vm.heap.slots.get(c.index()).map(|x| &x.obj) {
                    if !matches!(v, Value::Undef) {
                        scope.push((*name, *v));
                    }
                }
            }
        }
    }
    let m = vm.new_module("__yieldscope_eval__", None);
    for (k, v) in scope {
        vm.heap.incref(v);
        if let Object::Module(md) = vm.heap.get_mut(m) {
            if let Some(old) = md.globals.insert(k, v) {
                vm.heap.decref(old);
            }
        }
    }
    vm.push_assign(m, "__ys_value__", expr, "<eval>")
        .map_err(|e| {
            yieldscope_inspector::names::hide_assignment(&render_vm_error(e), "__ys_value__")
                .trim_end()
                .to_string()
        })?;
    for _ in 0..50 {
        match vm
            .guarded(|vm| vm.drive_run(Some(100_000)))
            .map_err(|e| e.to_string())?
        {
            DriveStop::Event(Event::Budget | Event::Suspended { .. }) => {}
            DriveStop::Event(Event::Finished) | DriveStop::Yielded(_) | DriveStop::Returned(_) => {
                let v = vm.module_global(m, "__ys_value__").unwrap_or(Value::None);
                let value = view(&vm, v).to_string();
                // What the expression printed comes first: `[printed: …] value`.
                let printed: String = vm.take_output().into_iter().map(|(_, t)| t).collect();
                if printed.is_empty() {
                    return Ok(value);
                }
                let printed = printed.trim_end_matches('\n').replace('\n', "⏎");
                return Ok(format!("[printed: {printed}] {value}"));
            }
            DriveStop::Event(Event::Exit(c)) => return Err(format!("SystemExit({c})")),
            DriveStop::Event(Event::Uncaught) | DriveStop::Raised => {
                let out: String = vm.take_output().into_iter().map(|(_, t)| t).collect();
                let last = out.lines().last().unwrap_or("the expression raised");
                return Err(last.to_string());
            }
        }
    }
    Err("gave up after 5,000,000 steps".into())
}
