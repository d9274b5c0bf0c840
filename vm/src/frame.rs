//! Frames on the VM's own stack: Python frames and resumable native frames.
//! A frame also records how its outcome is delivered to the frame below it
//! ([`RetMode`]), which is what lets calls, generator resumes and built-ins
//! that call back into Python all run without Rust recursion.

use crate::code::CodeId;
use crate::intern::Sym;
use crate::native::NativeFrame;
use crate::value::{Ref, Value};
use serde::{Deserialize, Serialize};

/// An entry of a frame's block stack.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
pub enum Block {
    /// `try` with `except` clauses: jump to `handler` on an exception.
    Except {
        /// Handler address.
        handler: u32,
        /// Value-stack depth to restore.
        depth: u32,
    },
    /// `try`/`finally` or `with`: jump to `handler` on an exception.
    Finally {
        /// Handler address.
        handler: u32,
        /// Value-stack depth to restore.
        depth: u32,
    },
    /// An exception is being handled (inside `except` or an exceptional `finally`).
    Handling {
        /// The exception (counted).
        exc: Value,
    },
}

/// How a finished or suspended frame hands its outcome to the frame below.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum RetMode {
    /// An ordinary call: push the return value.
    Push,
    /// `__init__`: push the instance instead (it must return `None`).
    Init(Value),
    /// Resumed by `FOR_ITER`: push the yielded value, or end the loop.
    ForIter,
    /// Resumed by `next()`/`send()`: push the yielded value, or raise `StopIteration`.
    Next {
        /// `next(it, default)`.
        default: Option<Value>,
    },
    /// Resumed by a delegating generator's `yield from`.
    YieldFrom,
    /// Deliver the outcome to the native frame below.
    Native,
    /// `close()`: `GeneratorExit` or `StopIteration` means closed.
    Close,
    /// Closing or `__del__` on release; errors are reported and ignored.
    Finalize(Value),
    /// Result dropped (e.g. `__set_name__`).
    Discard,
    /// Back to whoever drives the VM.
    Driver,
    /// A module body: push the module.
    Import(Ref),
    /// A class body: build the class from its namespace.
    ClassBody {
        /// The namespace being filled.
        ns: Ref,
        /// Bases.
        bases: Vec<Value>,
        /// Class name.
        name: Sym,
        /// `(metaclass, keywords dict)` of a class statement with keywords
        /// or a user metaclass, else `None`.
        #[serde(default = "Value::none", skip_serializing_if = "Value::is_none")]
        meta: Value,
    },
    /// The boundary of a nested run started from Rust code (`call_sync`).
    Sync,
    /// A call of `__next__`: its return value is an item, `StopIteration`
    /// means exhausted; the result goes on to the wrapped mode.
    IterCall(Box<RetMode>),
    /// `__setitem__`/`__setattr__`-like calls whose result is dropped.
    Drop,
    /// Closing the delegate of a `yield from` because its delegator is
    /// closed or thrown `GeneratorExit`: once the delegate is closed, the
    /// held exception (counted) is raised in the delegator; an error from
    /// closing (or the delegate yielding) is raised there instead.
    DelegateClosed(Value),
    /// An async generator resumed by its awaitable (counted): its own
    /// `yield` ends the awaitable, a value from an `await` inside passes
    /// through; the result goes on to the wrapped mode.
    AgUnwrap(Value, Box<RetMode>),
}

/// A Python frame.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PyFrame {
    /// The code running.
    pub code: CodeId,
    /// The next instruction.
    pub pc: u32,
    /// Locals by slot.
    pub locals: Vec<Value>,
    /// Cells: cell variables then free variables.
    pub cells: Vec<Ref>,
    /// Value stack.
    pub stack: Vec<Value>,
    /// Block stack.
    pub blocks: Vec<Block>,
    /// The module whose globals this frame sees.
    pub module: Ref,
    /// A class body's namespace.
    pub ns: Option<Ref>,
    /// The generator this frame belongs to (not counted: the generator owns the frame).
    pub generator: Option<Ref>,
    /// The function being run (counted), if any.
    pub func: Value,
    /// The frame object programs see for this frame (counted), made at the
    /// first `sys._getframe()`, `gi_frame` or `f_back` that reaches it, and
    /// kept while the frame exists so every access returns the same object.
    #[serde(default)]
    pub obj: Option<Ref>,
    /// Exceptions whose tracebacks passed through this frame.
    #[serde(default, skip_serializing_if = "Traced::is_empty")]
    pub traced: Traced,
}

impl PyFrame {
    /// A frame about to run `code` from its first instruction, seeing the
    /// globals of `module`, with nothing in it yet.
    #[must_use]
    pub fn new(code: CodeId, module: Ref) -> Self {
        PyFrame {
            code,
            pc: 0,
            locals: Vec::new(),
            cells: Vec::new(),
            stack: Vec::with_capacity(8),
            blocks: Vec::new(),
            module,
            ns: None,
            generator: None,
            func: Value::None,
            traced: Traced::default(),
            obj: None,
        }
    }
}

/// The exceptions whose tracebacks name a frame. CPython's traceback keeps
/// its frame object, so when the frame ends its locals live on until those
/// exceptions are freed. The references are not counted: an entry is
/// trusted only while the exception still has an entry with this serial.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Traced {
    /// The frame's serial in traceback entries (0: none yet).
    pub serial: u64,
    /// The exceptions (uncounted).
    pub excs: Vec<Ref>,
}

impl Traced {
    /// Whether no traceback names the frame.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.serial == 0 && self.excs.is_empty()
    }
}

/// A frame on the VM's stack.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Frame {
    /// How to deliver this frame's outcome.
    pub ret: RetMode,
    /// Python or native.
    pub kind: FrameKind,
}

/// Python or native.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum FrameKind {
    /// Bytecode.
    Py(Box<PyFrame>),
    /// A resumable built-in.
    Native(Box<NativeFrame>),
}

impl Frame {
    /// Counted references held by the frame, locals in slot order first.
    pub fn children(&self, out: &mut Vec<Value>) {
        match &self.ret {
            RetMode::Init(v) | RetMode::Finalize(v) | RetMode::DelegateClosed(v) => out.push(*v),
            RetMode::Next { default: Some(v) } => out.push(*v),
            RetMode::AgUnwrap(a, inner) => {
                out.push(*a);
                let mut r: &RetMode = inner;
                loop {
                    match r {
                        RetMode::AgUnwrap(a, i) => {
                            out.push(*a);
                            r = i;
                        }
                        RetMode::Init(v) | RetMode::Finalize(v) | RetMode::DelegateClosed(v) => {
                            out.push(*v);
                            break;
                        }
                        RetMode::Next { default: Some(v) } => {
                            out.push(*v);
                            break;
                        }
                        _ => break,
                    }
                }
            }
            RetMode::Import(r) => out.push(Value::Obj(*r)),
            RetMode::ClassBody {
                ns, bases, meta, ..
            } => {
                out.push(Value::Obj(*ns));
                out.extend(bases.iter().copied());
                out.push(*meta);
            }
            _ => {}
        }
        match &self.kind {
            FrameKind::Py(f) => {
                out.extend(f.locals.iter().copied());
                out.extend(f.cells.iter().map(|c| Value::Obj(*c)));
                out.extend(f.stack.iter().copied());
                for b in &f.blocks {
                    if let Block::Handling { exc } = b {
                        out.push(*exc);
                    }
                }
                out.push(Value::Obj(f.module));
                if let Some(ns) = f.ns {
                    out.push(Value::Obj(ns));
                }
                out.push(f.func);
                out.extend(f.obj.map(Value::Obj));
            }
            FrameKind::Native(n) => n.children(out),
        }
    }
}

/// What a frame produced for the frame below it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// A generator (or native iterator frame) produced an item.
    Yield(Value),
    /// Returned (for iterators: exhausted).
    Return(Value),
    /// Raised (owned exception).
    Raise(Value),
}
