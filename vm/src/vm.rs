//! The world: heap, code, frames, modules and output, as one serializable
//! value, plus the driver-facing API (load a program, run to the next
//! suspension, read what it printed).

use crate::builtins::{self, Builtins, ExcType};
use crate::code::{Code, CodeId};
use crate::compile::{self, Ctx, SyntaxError};
use crate::frame::{Frame, FrameKind, PyFrame, RetMode};
use crate::heap::Heap;
use crate::intern::{sym, Interner, Sym};
use crate::object::{Attrs, Module, Object};
use crate::value::{Ref, Value};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// A source file the program loaded.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Source {
    /// Path as shown in tracebacks.
    pub path: String,
    /// Full text.
    pub text: String,
    /// Module name.
    pub module: String,
    /// Byte offset of each line start.
    #[serde(skip)]
    pub lines: Vec<u32>,
}

impl Source {
    fn new(path: String, text: String, module: String) -> Self {
        let mut s = Source {
            path,
            text,
            module,
            lines: Vec::new(),
        };
        s.index_lines();
        s
    }

    fn index_lines(&mut self) {
        self.lines = std::iter::once(0)
            .chain(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
            )
            .collect();
    }

    /// 1-based line of a byte offset.
    #[must_use]
    pub fn line_of(&self, off: u32) -> u32 {
        match self.lines.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The text of a 1-based line, without its newline.
    #[must_use]
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.lines.get(i) else {
            return "";
        };
        let end = self
            .lines
            .get(i + 1)
            .map_or(self.text.len(), |e| *e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where a 1-based line starts.
    #[must_use]
    pub fn line_start(&self, line: u32) -> u32 {
        self.lines
            .get((line as usize).saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }
}

/// Which stream a piece of output went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stream {
    /// `sys.stdout`.
    Stdout,
    /// `sys.stderr`.
    Stderr,
}

/// Why `run` handed control back.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A generator executed `yield`; its frame is saved in it.
    Suspended {
        /// The generator.
        generator: Ref,
    },
    /// The main module finished.
    Finished,
    /// An exception escaped the main module (its traceback is already in the output).
    Uncaught,
    /// The step budget ran out.
    Budget,
    /// `sys.exit(code)`.
    Exit(i32),
}

/// Faults the debugger sees, as opposed to Python exceptions.
#[derive(Debug, thiserror::Error)]
pub enum VmError {
    /// The script did not parse.
    #[error("syntax error")]
    Syntax(SyntaxError, String),
    /// The script could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// The reason.
        message: String,
    },
}

/// The whole state of a run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Vm {
    /// Objects.
    pub heap: Heap,
    /// Names.
    pub names: Interner,
    /// Code objects.
    pub codes: Vec<Arc<Code>>,
    /// Loaded sources.
    pub sources: Vec<Source>,
    /// The frame stack.
    pub frames: Vec<Frame>,
    /// Built-in classes, functions and modules.
    pub b: Builtins,
    /// `sys.modules`.
    pub modules: IndexMap<String, Ref>,
    /// Output not yet taken by the driver.
    pub output: Vec<(Stream, String)>,
    /// Serial numbers for generator `repr`s.
    pub next_serial: u64,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// Python frames on the stack (for the recursion limit).
    pub depth: usize,
    /// Automatic cycle collection enabled.
    pub gc_enabled: bool,
    /// Allocations before an automatic collection is considered.
    #[serde(default = "default_gc_min")]
    pub gc_min: usize,
    /// The shared one-character ASCII strings, by code (filled on first use).
    #[serde(default)]
    pub char_strs: Vec<Option<Ref>>,
    /// The last serial given to a frame named by a traceback.
    #[serde(default)]
    pub frame_serial: u64,
    /// Emptied frames kept for reuse by calls (not part of the world).
    #[serde(skip)]
    #[allow(clippy::vec_box)]
    pub(crate) frame_pool: Scratch<Vec<Box<crate::frame::PyFrame>>>,
    /// Class attribute look-ups along the MRO, by (class, name); emptied
    /// whenever any class changes (not part of the world).
    #[serde(skip)]
    pub(crate) attr_cache: Scratch<AttrCache>,
    /// An emptied argument vector kept for the next call of a built-in.
    #[serde(skip)]
    pub(crate) arg_pool: Scratch<Vec<Value>>,
    /// Debug aid: verify every reference count after each step (slow).
    #[serde(skip)]
    pub rc_check: bool,
    /// Set from another thread to stop the run. The driver sees it between
    /// budgets; a call from a built-in into Python ([`Vm::call_sync`], a
    /// dunder) that is still running when it is set gets a
    /// `KeyboardInterrupt`, as CPython's Ctrl-C does, since control cannot
    /// leave it any other way (not part of the world).
    #[serde(skip)]
    pub interrupt: Option<Arc<std::sync::atomic::AtomicBool>>,
    /// Finalizers started and not yet finished (they run one at a time).
    #[serde(default)]
    pub active_finalizers: u32,
    /// Pause at every suspension.
    pub pause_on_yield: bool,
    /// Directory searched for imported `.py` files.
    pub search_dir: PathBuf,
    /// Nesting of Rust-level calls into Python (`call_sync`).
    pub sync_depth: usize,
    /// Set when a yield happened and the driver wants to see it.
    #[serde(skip)]
    pub(crate) pending_event: Option<Event>,
    /// The outcome of a nested run, when it ends.
    #[serde(skip)]
    pub(crate) sync_result: Option<crate::frame::Outcome>,
    /// How the driver's frame ended.
    #[serde(skip)]
    pub(crate) finish_event: Option<Event>,
    /// The index of the native frame whose request (`native_request`) is
    /// running on the Rust stack, so an answer that arrives at once is
    /// handed back through `native_stash` instead of resuming it
    /// recursively (one Rust frame per item would overflow the stack).
    #[serde(skip)]
    pub(crate) native_requesting: Option<usize>,
    /// An item or result delivered to the requesting native frame at once.
    #[serde(skip)]
    pub(crate) native_stash: Option<crate::frame::Outcome>,
    /// Levels of a data-driven Rust recursion under way (`crate::nesting`).
    #[serde(skip)]
    pub(crate) nest_depth: usize,
    /// Set when a guarded step panicked (`crate::guard`): the world may be
    /// half updated and is not run again.
    #[serde(skip)]
    pub(crate) poisoned: Option<crate::guard::InternalError>,
    /// Bytes the program may use before `MemoryError` (`crate::memory`):
    /// a setting of the machine running it, not part of the world.
    #[serde(skip, default = "crate::memory::default_max_memory")]
    pub max_memory: usize,
    /// Steps executed.
    pub steps: u64,
    /// The main module.
    pub main_module: Option<Ref>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// The main script's directory as it was given (for module paths in messages).
    pub main_dir: String,
    /// Hooks for an external driver (the inspector): last yielded value, send overrides, externals.
    #[serde(default)]
    pub driver: crate::driver::DriverState,
}

fn default_gc_min() -> usize {
    10_000
}

/// Result type of operations that may raise a Python exception (the owned exception object).
pub type PyResult<T> = Result<T, Value>;

impl Vm {
    /// A fresh world with the built-ins loaded.
    #[must_use]
    pub fn new() -> Self {
        let mut vm = Vm {
            heap: Heap::default(),
            names: Interner::default(),
            codes: Vec::new(),
            sources: Vec::new(),
            frames: Vec::new(),
            b: Builtins::default(),
            modules: IndexMap::new(),
            output: Vec::new(),
            next_serial: 0,
            recursion_limit: 1000,
            depth: 0,
            gc_enabled: true,
            active_finalizers: 0,
            char_strs: Vec::new(),
            frame_serial: 0,
            frame_pool: Scratch::default(),
            attr_cache: Scratch::default(),
            arg_pool: Scratch::default(),
            rc_check: std::env::var_os("YS_RC_CHECK").is_some(),
            interrupt: None,
            gc_min: std::env::var("YS_GC_MIN")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(default_gc_min),
            pause_on_yield: false,
            search_dir: PathBuf::from("."),
            sync_depth: 0,
            pending_event: None,
            sync_result: None,
            finish_event: None,
            native_requesting: None,
            native_stash: None,
            nest_depth: 0,
            poisoned: None,
            max_memory: crate::memory::default_max_memory(),
            steps: 0,
            main_module: None,
            argv: Vec::new(),
            main_dir: String::new(),
            driver: crate::driver::DriverState::default(),
        };
        builtins::install(&mut vm);
        vm
    }

    /// Interns a name.
    pub fn sym(&mut self, name: &str) -> Sym {
        self.names.intern(name)
    }

    /// Writes to a stream.
    pub fn write(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.output.last_mut() {
            Some((s, buf)) if *s == stream => buf.push_str(text),
            _ => self.output.push((stream, text.to_string())),
        }
    }

    /// Takes the output produced since the last call.
    pub fn take_output(&mut self) -> Vec<(Stream, String)> {
        std::mem::take(&mut self.output)
    }

    /// Compiles a source file into a code object.
    ///
    /// # Errors
    /// The syntax error, with the source path.
    pub fn compile(&mut self, path: &str, text: &str, module: &str) -> Result<CodeId, VmError> {
        let idx = u32::try_from(self.sources.len()).expect("too many sources");
        self.sources.push(Source::new(
            path.to_string(),
            text.to_string(),
            module.to_string(),
        ));
        let mut ctx = Ctx {
            heap: &mut self.heap,
            names: &mut self.names,
            codes: &mut self.codes,
            complex_used: false,
        };
        let out = compile::compile_module(&mut ctx, text, idx)
            .map_err(|e| VmError::Syntax(e, path.to_string()));
        if ctx.complex_used {
            self.complex_class();
        }
        out
    }

    /// Compiles source with another entry point of the compiler (`eval`
    /// and `single` modes of `compile()`).
    pub(crate) fn compile_with(
        &mut self,
        path: &str,
        text: &str,
        module: &str,
        entry: impl FnOnce(&mut Ctx<'_>, &str, u32) -> Result<CodeId, SyntaxError>,
    ) -> Result<CodeId, VmError> {
        let idx = u32::try_from(self.sources.len()).expect("too many sources");
        self.sources.push(Source::new(
            path.to_string(),
            text.to_string(),
            module.to_string(),
        ));
        let mut ctx = Ctx {
            heap: &mut self.heap,
            names: &mut self.names,
            codes: &mut self.codes,
            complex_used: false,
        };
        let out = entry(&mut ctx, text, idx).map_err(|e| VmError::Syntax(e, path.to_string()));
        if ctx.complex_used {
            self.complex_class();
        }
        out
    }

    /// Creates an empty module object registered in `sys.modules`.
    pub fn new_module(&mut self, name: &str, path: Option<&str>) -> Ref {
        let mut globals = Attrs::default();
        let n = self.str_value(name);
        globals.insert(sym::NAME, n);
        if let Some(p) = path {
            let pv = self.str_value(p);
            globals.insert(sym::FILE, pv);
        }
        globals.insert(sym::DOC, Value::None);
        let r = self.heap.alloc_immortal(Object::Module(Box::new(Module {
            name: name.into(),
            globals,
            dict: None,
        })));
        self.modules.insert(name.to_string(), r);
        if self.b.sys_modules.is_some() {
            self.register_module(name, r);
        }
        r
    }

    /// Loads the main script: compiles it and pushes its module frame.
    ///
    /// # Errors
    /// A syntax error.
    pub fn load_main(&mut self, path: &str, text: &str) -> Result<(), VmError> {
        self.main_dir = std::path::Path::new(path)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let code = self.compile(path, text, "__main__")?;
        let m = self.new_module("__main__", Some(path));
        self.init_main_globals(m);
        self.main_module = Some(m);
        self.push_module_frame(code, m, RetMode::Driver);
        Ok(())
    }

    /// Pushes a frame running a module body.
    pub fn push_module_frame(&mut self, code: CodeId, module: Ref, ret: RetMode) {
        let f = PyFrame::new(code, module);
        let doc = {
            let c = &self.codes[code.0 as usize];
            c.doc.map(|i| c.consts[i as usize])
        };
        if let Some(d) = doc {
            self.heap.incref(d);
            self.module_set(module, sym::DOC, d);
        }
        self.depth += 1;
        self.frames.push(Frame {
            ret,
            kind: FrameKind::Py(Box::new(f)),
        });
    }

    /// Allocates a `str`.
    pub fn str_value(&mut self, s: &str) -> Value {
        Value::Obj(self.heap.alloc(Object::Str(s.into())))
    }

    /// A one-character ASCII string; like CPython, one shared object per
    /// character (immortal, so no count to take).
    pub fn ascii_char(&mut self, b: u8) -> Value {
        let i = usize::from(b & 0x7f);
        if self.char_strs.len() < 128 {
            self.char_strs.resize(128, None);
        }
        if let Some(r) = self.char_strs[i] {
            return Value::Obj(r);
        }
        let text = char::from(b & 0x7f).to_string();
        let r = self.heap.alloc_immortal(Object::Str(text.into()));
        self.char_strs[i] = Some(r);
        Value::Obj(r)
    }

    /// Allocates a tuple from owned values.
    pub fn tuple(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(Object::Tuple(items.into())))
    }

    /// Allocates a list from owned values.
    pub fn list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(Object::List(items)))
    }

    /// Creates an exception of a built-in type with a message.
    pub fn new_exc(&mut self, ty: ExcType, msg: &str) -> Value {
        let m = self.str_value(msg);
        let args = self.tuple(vec![m]);
        self.make_exception(self.b.exc(ty), args)
    }

    /// Creates an exception of a built-in type with no arguments.
    pub fn new_exc_empty(&mut self, ty: ExcType) -> Value {
        let args = self.tuple(vec![]);
        self.make_exception(self.b.exc(ty), args)
    }

    /// Shorthand: `Err(TypeError(msg))`.
    pub fn type_error<T>(&mut self, msg: impl AsRef<str>) -> PyResult<T> {
        Err(self.new_exc(ExcType::TypeError, msg.as_ref()))
    }

    /// Shorthand: `Err(ValueError(msg))`.
    pub fn value_error<T>(&mut self, msg: impl AsRef<str>) -> PyResult<T> {
        Err(self.new_exc(ExcType::ValueError, msg.as_ref()))
    }

    /// Shorthand: an error of any built-in type.
    pub fn err<T>(&mut self, ty: ExcType, msg: impl AsRef<str>) -> PyResult<T> {
        Err(self.new_exc(ty, msg.as_ref()))
    }

    /// Creates an exception instance of `class` with an `args` tuple (owned).
    pub fn make_exception(&mut self, class: Ref, args: Value) -> Value {
        self.heap.incref(Value::Obj(class));
        Value::Obj(
            self.heap
                .alloc(Object::Exception(Box::new(crate::object::ExcObj {
                    class,
                    args,
                    traceback: Vec::new(),
                    context: Value::None,
                    cause: Value::None,
                    suppress_context: false,
                    attrs: Attrs::default(),
                }))),
        )
    }

    /// The code of a frame.
    #[must_use]
    pub fn code(&self, id: CodeId) -> &Arc<Code> {
        &self.codes[id.0 as usize]
    }

    /// The line of the instruction before `pc` in code `code`: where a
    /// frame that stopped at `pc` stands (0 when the code is unknown).
    #[must_use]
    pub fn line_before(&self, code: u32, pc: u32) -> u32 {
        let Some(c) = self.codes.get(code as usize) else {
            return 0;
        };
        let off = c
            .spans
            .get(pc.saturating_sub(1) as usize)
            .map_or(0, |s| s.start);
        self.sources
            .get(c.source as usize)
            .map_or(0, |src| src.line_of(off))
    }

    /// Interpreter exit: runs the `atexit` functions, then releases the main
    /// module's globals in insertion order, so finalizers run as they do when
    /// CPython tears down `__main__`.
    pub fn shutdown(&mut self) {
        crate::stdlib::atexit::run_exit_callbacks(self);
        let Some(m) = self.main_module else { return };
        // The namespace dict holds the same values: it lets go of them
        // first, so the order below decides when each is freed.
        let dict = match self.heap.get_mut(m) {
            Object::Module(md) => md.dict.take(),
            _ => return,
        };
        if let Some(d) = dict {
            let entries = match self.heap.get_mut(d) {
                Object::Dict(dd) => {
                    dd.namespace = None;
                    dd.take_all()
                }
                _ => Vec::new(),
            };
            for e in entries {
                self.heap.decref(e.key);
                self.heap.decref(e.value);
            }
            self.heap.decref(Value::Obj(d));
        }
        let globals = match self.heap.get_mut(m) {
            Object::Module(md) => std::mem::take(&mut md.globals),
            _ => return,
        };
        self.frames.clear();
        self.active_finalizers = 0;
        for (_, v) in globals {
            self.heap.decref(v);
            self.run_finalizers_now();
        }
    }

    /// Rebuilds indexes skipped by serialization (after loading a world).
    pub fn after_deserialize(&mut self) {
        for s in &mut self.sources {
            s.index_lines();
        }
        let _ = self.names.lookup("");
        let codes = &self.codes;
        for slot in &mut self.heap.slots {
            match &mut slot.obj {
                Object::Dict(d) | Object::Set(d, _) => d.reindex(),
                // Worlds written before the flag was stored.
                Object::Generator(g) => {
                    g.renamed = codes
                        .get(g.code.0 as usize)
                        .is_none_or(|c| *c.qualname != *g.qualname);
                }
                _ => {}
            }
        }
    }
}

impl Default for Vm {
    fn default() -> Self {
        Self::new()
    }
}

/// Everything a finished run printed, and how it ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOutput {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Process exit status (0, or 1 after an uncaught exception or syntax error).
    pub exit_code: i32,
    /// Objects whose reference count, when the program ended (before
    /// shutdown), differed from the references held to them: leaks.
    pub refcount_problems: Vec<String>,
}

impl Vm {
    /// Loads and runs a script to the end, collecting its output. `path` is
    /// what tracebacks show; imports are looked up in `search_dir`.
    #[must_use]
    pub fn run_script(path: &str, source: &str, search_dir: &std::path::Path) -> RunOutput {
        let mut vm = Vm::new();
        vm.search_dir = search_dir.to_path_buf();
        vm.argv = vec![path.to_string()];
        let mut out = RunOutput::default();
        if let Err(e) = vm.load_main(path, source) {
            match e {
                VmError::Syntax(se, p) => out.stderr = se.render(&p),
                other => out.stderr = format!("{other}\n"),
            }
            out.exit_code = 1;
            return out;
        }
        let ev = loop {
            match vm.run(None) {
                Event::Suspended { .. } | Event::Budget => {}
                other => break other,
            }
        };
        out.refcount_problems = vm.refcount_mismatches();
        vm.shutdown();
        for (s, text) in vm.take_output() {
            match s {
                Stream::Stdout => out.stdout.push_str(&text),
                Stream::Stderr => out.stderr.push_str(&text),
            }
        }
        out.exit_code = match ev {
            Event::Uncaught => 1,
            Event::Exit(c) => c,
            _ => 0,
        };
        out
    }
}

/// State kept only to go faster: a copy of the world starts without it.
#[derive(Default)]
pub struct Scratch<T: Default>(pub T);

impl<T: Default> Clone for Scratch<T> {
    fn clone(&self) -> Self {
        Scratch(T::default())
    }
}

impl<T: Default> std::fmt::Debug for Scratch<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}

impl<T: Default> std::ops::Deref for Scratch<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Default> std::ops::DerefMut for Scratch<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// Results of looking names up along class MROs: a direct-mapped table
/// (like CPython's type attribute cache), an entry valid while the heap's
/// class epoch stays the one it was filled at.
pub struct AttrCache {
    entries: Box<[std::cell::Cell<CacheEntry>]>,
}

#[derive(Clone, Copy)]
struct CacheEntry {
    epoch: u64,
    cls: u32,
    name: u32,
    value: Option<Value>,
}

const ATTR_CACHE_SIZE: usize = 4096;

impl Default for AttrCache {
    fn default() -> Self {
        let empty = CacheEntry {
            epoch: u64::MAX,
            cls: 0,
            name: 0,
            value: None,
        };
        AttrCache {
            entries: (0..ATTR_CACHE_SIZE)
                .map(|_| std::cell::Cell::new(empty))
                .collect(),
        }
    }
}

impl AttrCache {
    #[inline(always)]
    fn slot(cls: Ref, name: crate::intern::Sym) -> usize {
        (cls.0.wrapping_mul(0x9E37_79B9) ^ name.0.wrapping_mul(0x85EB_CA6B)) as usize
            & (ATTR_CACHE_SIZE - 1)
    }

    /// The cached result for `(class, name)` at `epoch`.
    #[inline(always)]
    pub(crate) fn get(
        &self,
        epoch: u64,
        cls: Ref,
        name: crate::intern::Sym,
    ) -> Option<Option<Value>> {
        let e = self.entries[Self::slot(cls, name)].get();
        (e.epoch == epoch && e.cls == cls.0 && e.name == name.0).then_some(e.value)
    }

    /// Remembers a result found at `epoch`.
    #[inline]
    pub(crate) fn put(&self, epoch: u64, cls: Ref, name: crate::intern::Sym, v: Option<Value>) {
        self.entries[Self::slot(cls, name)].set(CacheEntry {
            epoch,
            cls: cls.0,
            name: name.0,
            value: v,
        });
    }
}
