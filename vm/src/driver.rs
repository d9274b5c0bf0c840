//! The API an external driver (the inspector) uses: import a script as a
//! module, evaluate an expression in it, drive a generator with `next`,
//! `send`, `throw` and `close` from outside, replace the value a generator is
//! resumed with (branching), and record or replay what the program reads
//! from files (externals).

use crate::builtins::ExcType;
use crate::frame::{Outcome, RetMode};
use crate::gen::Thrown;
use crate::interp::Stop;
use crate::native::Next;
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{Event, Vm, VmError};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Driver-side state kept in the world.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DriverState {
    /// The value of the latest `yield` (not counted: read it right after the
    /// `Suspended` event, before running on).
    #[serde(skip)]
    pub last_yield: Option<Value>,
    /// The next resume of this generator delivers this value (counted)
    /// instead of the one the program sends.
    pub send_override: Option<(Ref, Value)>,
    /// Files read so far, in order, with their content (`None`: missing).
    #[serde(skip)]
    pub reads: Vec<(String, Option<String>)>,
    /// When set, reads are served from this queue instead of the disk.
    #[serde(skip)]
    pub replay_reads: Option<VecDeque<(String, Option<String>)>>,
    /// Log every resume in `trace`.
    #[serde(skip)]
    pub log_resumes: bool,
    /// Resumes (and traced suspensions) since the driver last took them.
    #[serde(skip)]
    pub trace: Trace,
    /// Renders a yielded value the trace cannot copy, for the suspension
    /// the VM stops at (the step may go on and free the value before the
    /// driver looks: a built-in consuming a generator).
    #[serde(skip)]
    pub render: Option<fn(&Vm, Value) -> String>,
    /// Re-running a recording: every outside input that was not recorded is
    /// refused (see [`crate::sandbox`]).
    #[serde(skip)]
    pub sandbox: bool,
    /// Writes to files are dropped (replay and branch, unless allowed).
    #[serde(skip)]
    pub suppress_writes: bool,
    /// `input()` and `sys.stdin` read the process's standard input (a live
    /// run); otherwise standard input is closed unless replayed.
    #[serde(skip)]
    pub stdin_live: bool,
    /// Every module file the run imported, in import order (for a
    /// recording's header).
    #[serde(skip)]
    pub imported: Vec<crate::import::ImportedModule>,
    /// When set, module sources are taken from here (by the path the
    /// module is named by) instead of the disk: a recording replayed away
    /// from its folder carries the program's own modules.
    #[serde(skip)]
    pub module_sources: Option<std::collections::BTreeMap<String, String>>,
    /// Every step runs exactly one instruction (a debugger stepping by line
    /// or watching for a breakpoint): the fast path's batches cross lines.
    #[serde(skip)]
    pub single_step: bool,
}

/// One logged resume: which generator (its serial, and where its name comes
/// from: its code, unless `__qualname__` was changed) and how.
#[derive(Clone, Debug, PartialEq)]
pub struct ResumeLog {
    /// The generator's serial.
    pub serial: u64,
    /// Its heap slot.
    pub slot: u32,
    /// Its code (index into the code table).
    pub code: u32,
    /// Its `__qualname__` when not its code's.
    pub renamed: Option<Box<str>>,
    /// How it was resumed.
    pub how: ResumeKind,
}

/// A suspension the VM noted without stopping (see [`Trace`]): which
/// generator, where (its code and the instruction after its `yield`) and
/// the value, copied out of the world.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YieldLog {
    /// The generator's serial.
    pub serial: u64,
    /// Its heap slot.
    pub slot: u32,
    /// Its code (index into the code table).
    pub code: u32,
    /// The instruction after the `yield`.
    pub pc: u32,
    /// The yielded value.
    pub value: Captured,
    /// The VM stopped at this suspension (see [`Vm::run`]); the events
    /// after it happened before the VM got to stop.
    pub stopped: bool,
}

/// A value copied out of the world into a [`Trace`] (so the program may
/// change or free the original before the driver looks).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Captured {
    /// `None`, a bool, an int or a float.
    Scalar(Value),
    /// A `str`: `len` bytes of the trace's text from `start`.
    Str {
        /// Offset in [`Trace::text`].
        start: u32,
        /// Length in bytes.
        len: u32,
    },
    /// Any other value, as the driver's [`DriverState::render`] rendered
    /// it: `len` bytes of the trace's text from `start`.
    Rendered {
        /// Offset in [`Trace::text`].
        start: u32,
        /// Length in bytes.
        len: u32,
    },
    /// A tuple (`tuple`) or list of scalars and strings: `len` entries of
    /// the trace's items from `start`.
    Seq {
        /// A tuple, not a list.
        tuple: bool,
        /// Offset in [`Trace::items`].
        start: u32,
        /// Number of items.
        len: u32,
    },
}

/// One event of a [`Trace`].
#[derive(Clone, Debug, PartialEq)]
pub enum Traced {
    /// A generator was resumed.
    Resume(ResumeLog),
    /// A generator suspended.
    Yield(YieldLog),
}

/// Suspensions the driver lets run on: instead of stopping at every
/// `yield` (`pause_on_yield`), the VM notes the suspension here and goes on,
/// as long as the driver has `room` for more, no checkpoint is due (`steps`
/// below `until`), nothing was printed or read since the previous event and
/// the value is plain data it can copy (scalars, strings, short tuples and
/// lists of those). Resumes are logged here too, in order. The driver takes
/// the events whenever the VM stops.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// Events since the driver last took them, in order.
    pub events: Vec<Traced>,
    /// The text of captured strings.
    pub text: String,
    /// The items of captured tuples and lists.
    pub items: Vec<Captured>,
    /// Suspensions that may still be noted without stopping.
    pub room: u64,
    /// Note suspensions only while the step count is below this.
    pub until: u64,
    /// The step of the last noted suspension (one per step at most, as
    /// with stopping).
    pub(crate) last_step: Option<u64>,
}

/// Tuples and lists longer than this are not captured.
pub const MAX_CAPTURED_ITEMS: usize = 64;

impl Trace {
    /// The text of a captured string.
    #[must_use]
    pub fn str_of(&self, start: u32, len: u32) -> &str {
        self.text
            .get(start as usize..(start + len) as usize)
            .unwrap_or("")
    }

    /// The items of a captured tuple or list.
    #[must_use]
    pub fn items_of(&self, start: u32, len: u32) -> &[Captured] {
        self.items
            .get(start as usize..(start + len) as usize)
            .unwrap_or(&[])
    }

    /// Forgets the events and what they captured.
    pub fn clear(&mut self) {
        self.events.clear();
        self.text.clear();
        self.items.clear();
    }

    /// `v` as [`Vm::quick_repr`] spells it.
    #[must_use]
    pub fn repr(&self, v: Captured) -> String {
        let mut out = String::new();
        self.repr_into(v, &mut out);
        out
    }

    fn repr_into(&self, v: Captured, out: &mut String) {
        match v {
            Captured::Scalar(Value::None) => out.push_str("None"),
            Captured::Scalar(Value::Bool(b)) => out.push_str(if b { "True" } else { "False" }),
            Captured::Scalar(Value::Int(i)) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{i}");
            }
            Captured::Scalar(Value::Float(f)) => out.push_str(&crate::fmt::float_repr(f)),
            Captured::Scalar(other) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{other:?}");
            }
            Captured::Rendered { start, len } => out.push_str(self.str_of(start, len)),
            Captured::Str { start, len } => push_short_str(out, self.str_of(start, len)),
            Captured::Seq { tuple, start, len } => {
                let items = self.items_of(start, len);
                push_seq(out, tuple, items.len(), |i, out| {
                    self.repr_into(items[i], out)
                });
            }
        }
    }
}

/// A string as [`Vm::quick_repr`] shows it: its `repr`, cut to 60
/// characters when longer than 80 bytes.
fn push_short_str(out: &mut String, s: &str) {
    if s.len() <= 80 {
        out.push_str(&crate::repr::str_repr(s));
    } else {
        let cut: String = s.chars().take(60).collect();
        out.push_str(&crate::repr::str_repr(&cut));
        out.push_str("...");
    }
}

/// A tuple (`tuple`) or list of `len` items as [`Vm::quick_repr`] shows
/// it: the first eight, each written by `item`.
fn push_seq(out: &mut String, tuple: bool, len: usize, mut item: impl FnMut(usize, &mut String)) {
    out.push_str(if tuple { "(" } else { "[" });
    for i in 0..len.min(8) {
        if i > 0 {
            out.push_str(", ");
        }
        item(i, out);
    }
    if len > 8 {
        out.push_str(", ...");
    } else if len == 1 && tuple {
        out.push(',');
    }
    out.push_str(if tuple { ")" } else { "]" });
}

/// The trace holds at most this much captured text: a program yielding
/// big strings stops the VM (and has its trace taken) every few of them
/// instead of piling copies up.
pub const MAX_TRACE_TEXT: usize = 16 << 20;

fn capture_str(trace: &mut Trace, s: &str) -> Option<Captured> {
    let start = trace.text.len();
    if start + s.len() > MAX_TRACE_TEXT {
        return None;
    }
    trace.text.push_str(s);
    Some(Captured::Str {
        start: u32::try_from(start).ok()?,
        len: u32::try_from(s.len()).ok()?,
    })
}

fn capture_seq(
    trace: &mut Trace,
    heap: &crate::heap::Heap,
    xs: &[Value],
    tuple: bool,
) -> Option<Captured> {
    if xs.len() > MAX_CAPTURED_ITEMS {
        return None;
    }
    let start = trace.items.len();
    for x in xs {
        let c = match *x {
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => Captured::Scalar(*x),
            Value::Obj(r) => match heap.slots.get(r.index()).map(|s| &s.obj) {
                Some(Object::Str(s)) => capture_str(trace, s)?,
                _ => return None,
            },
            _ => return None,
        };
        trace.items.push(c);
    }
    Some(Captured::Seq {
        tuple,
        start: u32::try_from(start).ok()?,
        len: u32::try_from(xs.len()).ok()?,
    })
}

/// How a driven generator is resumed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Resume {
    /// `next(g)`.
    Next,
    /// `g.send(v)`: the value (owned).
    Send(Value),
    /// `g.throw(e)`: the exception (owned).
    Throw(Value),
    /// `g.close()`.
    Close,
}

/// A logged resume, rendered without running Python code.
#[derive(Clone, Debug, PartialEq)]
pub enum ResumeKind {
    /// `next(g)` or `send(None)`.
    Next,
    /// `send(v)`, with `v` rendered.
    Send(String),
    /// `send(v)` of a value copied into the trace (its rendering is
    /// [`Trace::repr`]'s).
    SendCaptured(Captured),
    /// `throw(e)`.
    Throw(String),
    /// `close()`.
    Close,
}

/// Why [`Vm::drive_run`] stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum DriveStop {
    /// An event inside (another generator suspended, budget, exit).
    Event(Event),
    /// The driven generator yielded this value (owned).
    Yielded(Value),
    /// The driven generator returned this value (owned).
    Returned(Value),
    /// The driven generator raised; the traceback is already in the output.
    Raised,
}

impl Vm {
    /// Loads a script as an ordinary module named `module` (so its
    /// `if __name__ == "__main__":` block does not run) and pushes its body;
    /// `run` it to `Finished`.
    ///
    /// # Errors
    /// A syntax error.
    pub fn load_module_script(
        &mut self,
        path: &str,
        text: &str,
        module: &str,
    ) -> Result<Ref, VmError> {
        self.main_dir = std::path::Path::new(path)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let code = self.compile(path, text, module)?;
        let m = self.new_module(module, Some(path));
        self.main_module = Some(m);
        self.push_module_frame(code, m, RetMode::Driver);
        Ok(m)
    }

    /// Pushes the evaluation of `name = (expr)` in module `m` on top of
    /// whatever is on the stack; [`Vm::drive_run`] it until it returns, then
    /// read the value with [`Vm::module_global`].
    ///
    /// # Errors
    /// A syntax error in the expression.
    pub fn push_assign(
        &mut self,
        m: Ref,
        name: &str,
        expr: &str,
        label: &str,
    ) -> Result<(), VmError> {
        let module = match self.heap.get(m) {
            Object::Module(md) => md.name.to_string(),
            _ => String::new(),
        };
        let code = self.compile(label, &format!("{name} = ({expr})\n"), &module)?;
        self.push_module_frame(code, m, RetMode::Sync);
        Ok(())
    }

    /// A global of a module (not counted).
    #[must_use]
    pub fn module_global(&self, m: Ref, name: &str) -> Option<Value> {
        let s = self.names.lookup(name)?;
        match self.heap.get(m) {
            Object::Module(md) => md.globals.get(&s).copied(),
            _ => None,
        }
    }

    /// Is this value a suspended-or-new generator?
    #[must_use]
    pub fn is_generator_value(&self, v: Value) -> bool {
        self.is_generator(v)
    }

    /// Starts resuming generator `g` from the driver; follow with [`Vm::drive_run`].
    /// Returns `Some` when it finished at once.
    pub fn drive_start(&mut self, g: Ref, how: Resume) -> Option<DriveStop> {
        let r = match how {
            Resume::Next => self
                .gen_resume(g, Value::None, RetMode::Sync)
                .map(next_stop),
            Resume::Send(v) => self.gen_resume(g, v, RetMode::Sync).map(next_stop),
            Resume::Throw(e) => self
                .gen_throw_start(g, Some(e), RetMode::Sync)
                .map(thrown_stop),
            Resume::Close => self
                .gen_throw_start(g, None, RetMode::Sync)
                .map(thrown_stop),
        };
        match r {
            Ok(s) => s,
            Err(e) => Some(self.driver_raised(e)),
        }
    }

    /// Runs until the driven generator yields, returns or raises, or another event happens.
    pub fn drive_run(&mut self, budget: Option<u64>) -> DriveStop {
        match self.run_loop(0, budget) {
            Stop::Event(ev) => DriveStop::Event(ev),
            Stop::Sync(o) => {
                self.pending_event = None;
                match o {
                    Outcome::Yield(v) => DriveStop::Yielded(v),
                    Outcome::Return(v) => DriveStop::Returned(v),
                    Outcome::Raise(e) => self.driver_raised(e),
                }
            }
        }
    }

    fn driver_raised(&mut self, e: Value) -> DriveStop {
        if self.is_instance_of_exc(e, ExcType::StopIteration)
            || self.is_instance_of_exc(e, ExcType::GeneratorExit)
        {
            self.heap.decref(e);
            return DriveStop::Returned(Value::None);
        }
        let _ = self.report_uncaught(e);
        DriveStop::Raised
    }

    /// Makes the next resume of `g` deliver `v` (borrowed; counted here) instead.
    pub fn set_send_override(&mut self, g: Ref, v: Value) {
        self.heap.incref(v);
        if let Some((_, old)) = self.driver.send_override.replace((g, v)) {
            self.heap.decref(old);
        }
    }

    /// Every resume goes through here: applies a send override for `g` and
    /// logs the resume when asked. Returns the value actually delivered
    /// (owned in, owned out).
    #[inline]
    pub(crate) fn resume_hook(&mut self, g: Ref, sent: Value) -> Value {
        if self.driver.send_override.is_none() && !self.driver.log_resumes {
            return sent;
        }
        let sent = match self.driver.send_override {
            Some((og, v)) if og == g => {
                self.driver.send_override = None;
                self.heap.decref(sent);
                v
            }
            _ => sent,
        };
        if self.driver.log_resumes {
            let how = if sent == Value::None {
                ResumeKind::Next
            } else if let Some(c) = self.capture(sent) {
                ResumeKind::SendCaptured(c)
            } else {
                ResumeKind::Send(self.quick_repr(sent))
            };
            self.log_resume(g, how);
        }
        sent
    }

    /// Logs `throw(e)` (`Some`) or `close()` (`None`) when asked.
    pub(crate) fn throw_hook(&mut self, g: Ref, exc: Option<Value>) {
        if self.driver.log_resumes {
            let how = match exc {
                Some(e) => ResumeKind::Throw(self.quick_repr(e)),
                None => ResumeKind::Close,
            };
            self.log_resume(g, how);
        }
    }

    fn log_resume(&mut self, g: Ref, how: ResumeKind) {
        let log = match self.heap.slots.get(g.index()).map(|s| &s.obj) {
            Some(Object::Generator(go)) => ResumeLog {
                serial: go.serial,
                slot: g.0,
                code: go.code.0,
                renamed: go.renamed.then(|| go.qualname.clone()),
                how,
            },
            _ => ResumeLog {
                serial: 0,
                slot: g.0,
                code: u32::MAX,
                renamed: Some("?".into()),
                how,
            },
        };
        self.driver.trace.events.push(Traced::Resume(log));
    }

    /// Copies `v` into the trace when it is a scalar, a string, or a short
    /// tuple or list of those.
    pub fn capture(&mut self, v: Value) -> Option<Captured> {
        match v {
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
                Some(Captured::Scalar(v))
            }
            Value::Obj(r) => {
                let trace = &mut self.driver.trace;
                let (text, items) = (trace.text.len(), trace.items.len());
                let c = match &self.heap.slots.get(r.index())?.obj {
                    Object::Str(s) => capture_str(trace, s),
                    Object::Tuple(xs) => capture_seq(trace, &self.heap, xs, true),
                    Object::List(xs) => capture_seq(trace, &self.heap, xs, false),
                    _ => None,
                };
                if c.is_none() {
                    trace.text.truncate(text);
                    trace.items.truncate(items);
                }
                c
            }
            _ => None,
        }
    }

    /// Notes the suspension of generator `g` (whose frame stopped before
    /// instruction `pc` of `code`) in the trace; `true` when the VM may run
    /// on, `false` when it must stop (the driver's room is used up, a
    /// checkpoint is due, output or reads are waiting, or the suspension
    /// cannot be noted: a renamed generator, a value that is not plain data).
    /// A suspension noted before stopping is marked so: its record is taken
    /// from the trace, in order, even when the step goes on past it (a
    /// built-in consuming the generator resumes it at once).
    ///
    /// A suspension inside a nested run (`sync_depth > 0`: a built-in that
    /// must have the items at once, like `dict(g)` or `f(*g)`, resumed the
    /// generator from Rust) cannot stop the VM: it is noted all the same,
    /// never as a stop, and the driver sees it with the events of the step
    /// that made the nested run.
    pub(crate) fn trace_yield(&mut self, g: Ref, code: u32, pc: u32, v: Value) -> bool {
        let t = &self.driver.trace;
        let nested = self.sync_depth > 0;
        let run_on = nested
            || (t.room > 0
                && self.steps < t.until
                && self.output.is_empty()
                && self.driver.reads.is_empty());
        if t.room == 0 && !self.driver.log_resumes && !nested {
            return false;
        }
        let serial = match self.heap.slots.get(g.index()).map(|s| &s.obj) {
            Some(Object::Generator(go)) if !go.renamed => go.serial,
            _ => return false,
        };
        // A value the trace cannot copy stops the VM, noted as rendered.
        let (value, run_on) = match (self.capture(v), self.driver.render) {
            (Some(c), _) => (c, run_on),
            (None, Some(render)) => {
                let text = render(self, v);
                match capture_str(&mut self.driver.trace, &text) {
                    Some(Captured::Str { start, len }) => {
                        (Captured::Rendered { start, len }, nested)
                    }
                    _ => return false,
                }
            }
            (None, None) => return false,
        };
        let t = &mut self.driver.trace;
        t.last_step = Some(self.steps);
        t.events.push(Traced::Yield(YieldLog {
            serial,
            slot: g.0,
            code,
            pc,
            value,
            stopped: !run_on,
        }));
        if run_on {
            t.room = t.room.saturating_sub(1);
        }
        run_on
    }

    /// `qualname#serial` of a generator.
    #[must_use]
    pub fn generator_label(&self, g: Ref) -> String {
        match self.heap.slots.get(g.index()).map(|s| &s.obj) {
            Some(Object::Generator(go)) => format!("{}#{}", go.qualname, go.serial),
            _ => "?".into(),
        }
    }

    /// A short rendering that never runs Python code.
    #[must_use]
    pub fn quick_repr(&self, v: Value) -> String {
        let mut out = String::new();
        self.quick_repr_into(v, 0, &mut out);
        out
    }

    /// `quick_repr` inside `depth` containers, appended to `out`: dicts,
    /// tuples and lists are shown like `repr` (the first eight items) down
    /// to three levels.
    fn quick_repr_into(&self, v: Value, depth: usize, out: &mut String) {
        use std::fmt::Write as _;
        if let (Value::Obj(r), true) = (v, depth < 3) {
            if let Object::Dict(d) = self.heap.get(r) {
                out.push('{');
                for (i, e) in d.iter().take(8).enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.quick_repr_into(e.key, depth + 1, out);
                    out.push_str(": ");
                    self.quick_repr_into(e.value, depth + 1, out);
                }
                if d.len() > 8 {
                    out.push_str(", ...");
                }
                out.push('}');
                return;
            }
        }
        if let (Value::Obj(r), true) = (v, depth < 3) {
            let seq: Option<(&[Value], bool)> = match self.heap.get(r) {
                Object::Tuple(t) => Some((t, true)),
                Object::List(l) => Some((l, false)),
                _ => None,
            };
            if let Some((items, tuple)) = seq {
                push_seq(out, tuple, items.len(), |i, out| {
                    self.quick_repr_into(items[i], depth + 1, out);
                });
                return;
            }
        }
        match v {
            Value::None => out.push_str("None"),
            Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&crate::fmt::float_repr(f)),
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(s) => push_short_str(out, s),
                Object::Bytes(b) if b.len() <= 80 => out.push_str(&crate::bytes::bytes_repr(b)),
                Object::Bytes(b) => {
                    let _ = write!(out, "{}...", crate::bytes::bytes_repr(&b[..60]));
                }
                Object::ByteArray(b) if b.len() <= 80 => {
                    out.push_str(&crate::bytes::bytearray_repr(b));
                }
                Object::ByteArray(b) => {
                    let _ = write!(out, "bytearray({}...)", crate::bytes::bytes_repr(&b[..60]));
                }
                Object::BigInt(b) => {
                    let _ = write!(out, "{b}");
                }
                Object::Complex(re, im) => out.push_str(&crate::complex::complex_repr(*re, *im)),
                Object::Range(a, b, c) => out.push_str(&crate::range::repr_parts(a, b, c, *c == 1)),
                Object::BigRange(br) => out.push_str(&br.repr()),
                Object::Exception(e) => {
                    match self.heap.get(e.class) {
                        Object::Class(c) => out.push_str(&c.name),
                        _ => out.push_str("Exception"),
                    }
                    out.push('(');
                    if let Some(Object::Tuple(t)) = e.args.as_ref().map(|a| self.heap.get(a)) {
                        if t.len() == 1 {
                            self.quick_repr_into(t[0], depth, out);
                        }
                    }
                    out.push(')');
                }
                Object::Free => out.push_str("<freed>"),
                _ => {
                    let _ = write!(out, "<{} object>", self.type_name(v));
                }
            },
            other => {
                let _ = write!(out, "{other:?}");
            }
        }
    }

    /// Reads a file for `open(path)`: from the disk, noting it as an input,
    /// or from the recorded inputs when replaying.
    pub(crate) fn read_external(
        &mut self,
        path: &str,
        full: &std::path::Path,
    ) -> Result<String, crate::sandbox::ReadFail> {
        self.read_input(path, || std::fs::read_to_string(full).ok())
    }

    /// A binary file's content, one char per byte, recorded and replayed
    /// like text reads.
    pub(crate) fn read_external_bytes(
        &mut self,
        path: &str,
        full: &std::path::Path,
    ) -> Result<String, crate::sandbox::ReadFail> {
        self.read_input(path, || {
            std::fs::read(full)
                .ok()
                .map(|b| crate::file::latin1_string(&b))
        })
    }

    /// An input file's content: the recorded one when replaying, else what
    /// `read` gets; either way noted as an input of this run.
    pub(crate) fn read_input(
        &mut self,
        path: &str,
        read: impl FnOnce() -> Option<String>,
    ) -> Result<String, crate::sandbox::ReadFail> {
        use crate::sandbox::ReadFail;
        if let Some(q) = &mut self.driver.replay_reads {
            if let Some(pos) = q.iter().position(|(p, _)| p == path) {
                if let Some((_, c)) = q.remove(pos) {
                    self.driver.reads.push((path.to_string(), c.clone()));
                    return c.ok_or(ReadFail::Missing);
                }
            }
        }
        if self.driver.sandbox {
            return Err(ReadFail::Refused);
        }
        let c = read();
        self.driver.reads.push((path.to_string(), c.clone()));
        c.ok_or(ReadFail::Missing)
    }
}

fn next_stop(n: Next) -> Option<DriveStop> {
    match n {
        Next::Pushed => None,
        Next::Done => Some(DriveStop::Returned(Value::None)),
        Next::Item(v) => Some(DriveStop::Yielded(v)),
    }
}

fn thrown_stop(t: Thrown) -> Option<DriveStop> {
    match t {
        Thrown::Pushed => None,
        Thrown::Immediate(Outcome::Return(v) | Outcome::Yield(v)) => Some(DriveStop::Returned(v)),
        Thrown::Immediate(Outcome::Raise(_)) => Some(DriveStop::Raised),
    }
}
