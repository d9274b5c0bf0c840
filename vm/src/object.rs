//! Heap object kinds. Every field that refers to another object holds a
//! counted reference; [`Object::children`] lists them so freeing and the
//! cycle collector can walk the graph without recursion.

use crate::code::CodeId;
use crate::dict::Dict;
use crate::frame::Frame;
use crate::intern::Sym;
use crate::value::{Ref, Value};
use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

pub use crate::attrs::Attrs;

/// One heap object.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Object {
    /// An empty slot on the free list.
    Free,
    /// `str`.
    Str(Box<str>),
    /// An `int` too large for `i64`.
    BigInt(BigInt),
    /// `list`.
    List(Vec<Value>),
    /// `tuple`.
    Tuple(Box<[Value]>),
    /// `dict` and its flavours (`defaultdict`, `Counter`).
    Dict(Box<Dict>),
    /// `set` / `frozenset` (a dict whose values are unused).
    Set(Box<Dict>, bool),
    /// A Python function.
    Function(Box<Function>),
    /// A built-in function or method descriptor.
    Builtin(crate::builtins::BuiltinId),
    /// A method bound to its receiver.
    BoundMethod(Value, Value),
    /// A class (built-in or user-defined).
    Class(Box<Class>),
    /// An instance of a user class.
    Instance(Instance),
    /// An exception instance.
    Exception(Box<ExcObj>),
    /// A generator object.
    Generator(Box<Generator>),
    /// A closure cell.
    Cell(Value),
    /// A module.
    Module(Box<Module>),
    /// A namespace being filled by a class body.
    Namespace(Box<Attrs>),
    /// Iterators over built-in types and the lazy built-ins (`map`, `zip`, …).
    Iter(Box<crate::iter::IterObj>),
    /// `range`.
    Range(i64, i64, i64),
    /// `slice`.
    Slice(Value, Value, Value),
    /// `property(fget, fset, fdel)`.
    Property(Value, Value, Value),
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `super()` bound to a class and a receiver.
    Super(Value, Value),
    /// `collections.deque`.
    Deque(Box<Deque>),
    /// `random.Random` state.
    Random(Box<crate::stdlib::random_mt::Mt19937>),
    /// `functools.partial`.
    Partial(Box<Partial>),
    /// An open text file (an external: it refuses deep copies and pickles).
    File(Box<crate::file::FileObj>),
    /// The owner of one entry of the heap's weak-reference table; the entry
    /// is reclaimed when this object and the referent are both gone.
    WeakHandle(u32),
    /// `bytes` (immutable; holds no references).
    Bytes(Box<[u8]>),
    /// `bytearray` (mutable; holds no references).
    ByteArray(Vec<u8>),
    /// A `range` whose start, stop or step does not fit in `i64` (holds no
    /// references; see `range.rs`).
    BigRange(Box<crate::range::BigRange>),
    /// An awaitable of an async generator (`__anext__()`, `asend`, `athrow`, `aclose`).
    AgAwait(Box<crate::asyncgen::AgAwait>),
    /// `complex` (real and imaginary parts; holds no references).
    Complex(f64, f64),
}

/// `collections.deque`.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Deque {
    /// The items, left to right.
    pub items: std::collections::VecDeque<Value>,
    /// `maxlen`, if bounded.
    pub maxlen: Option<usize>,
}

/// `functools.partial`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Partial {
    /// The wrapped callable.
    pub func: Value,
    /// Positional arguments applied first.
    pub args: Vec<Value>,
    /// Keyword arguments applied.
    pub kwargs: Vec<(Sym, Value)>,
}

/// A Python function: code plus the environment it closes over.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Function {
    /// Its code object.
    pub code: CodeId,
    /// The module whose globals it sees.
    pub module: Ref,
    /// Default values of positional parameters (the last ones).
    pub defaults: Vec<Value>,
    /// Default values of keyword-only parameters.
    pub kwdefaults: Vec<(Sym, Value)>,
    /// Closure cells, in the code's free-variable order.
    pub closure: Vec<Ref>,
    /// `__name__`.
    pub name: Sym,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// `__doc__`.
    pub doc: Value,
    /// Attributes set on the function object.
    pub attrs: Attrs,
}

/// Which built-in type a class stands for, when it is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClassKind {
    /// A user class (possibly deriving from an exception class).
    User,
    /// A built-in type.
    Builtin(crate::types::TypeTag),
}

/// A class.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Class {
    /// `__name__`.
    pub name: Box<str>,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// Direct bases.
    pub bases: Vec<Ref>,
    /// Method resolution order, starting with the class itself.
    pub mro: Vec<Ref>,
    /// The class namespace.
    pub attrs: Attrs,
    /// Built-in or user.
    pub kind: ClassKind,
    /// `__module__`.
    pub module: Box<str>,
    /// Bumped whenever `attrs` of this class changes (for caches).
    pub version: u32,
    /// Its metaclass (counted), when not `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Ref>,
    /// Whether it or a base defines `__getattribute__` in Python (its
    /// instances then skip the attribute caches).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub custom_getattribute: bool,
    /// The attribute names its instances may hold, when `__slots__` (its
    /// own and its bases') leave them without a `__dict__`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slots: Option<Box<[crate::intern::Sym]>>,
}

/// An instance of a user class.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Instance {
    /// Its class.
    pub class: Ref,
    /// Its `__dict__`.
    pub attrs: Attrs,
    /// Whether `__del__` has already run (it runs at most once).
    pub finalized: bool,
    /// The built-in value an instance of a subclass of `list`, `dict`,
    /// `set`, `frozenset`, `tuple`, `str`, `int`, `float` or `bytes`
    /// carries (owned), else `None`. Built-in methods and operations work on
    /// it; the instance keeps its own class and `__dict__`.
    /// Boxed so that instances stay inline in a heap slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Box<Value>>,
}

/// One traceback entry: where the exception passed through.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
pub struct TbEntry {
    /// The code object.
    pub code: CodeId,
    /// The instruction index within it.
    pub pc: u32,
    /// What the frame held when the exception ended it (a tuple of its locals
    /// then its cells, owned), or `None`. CPython's traceback keeps the
    /// frame, and with it everything the frame referred to, until the
    /// exception is freed: a generator left in such a frame is closed then.
    #[serde(default, skip_serializing_if = "Value::is_none")]
    pub held: Value,
    /// The serial of the frame (see `Traced`), 0 if unknown.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub frame: u64,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// An exception instance.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExcObj {
    /// Its class.
    pub class: Ref,
    /// `args`, a tuple.
    pub args: Value,
    /// The traceback, outermost entry first.
    pub traceback: Vec<TbEntry>,
    /// `__context__`.
    pub context: Value,
    /// `__cause__`.
    pub cause: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
    /// Other attributes (user subclasses, `StopIteration.value`, …).
    pub attrs: Attrs,
}

/// The life stage of a generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GenState {
    /// Created, never resumed.
    Created,
    /// Suspended at a `yield`.
    Suspended,
    /// On the frame stack now.
    Running,
    /// Returned or raised.
    Finished,
}

/// A generator: its saved frame while not running.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Generator {
    /// Stage.
    pub state: GenState,
    /// The frame, present unless running or finished.
    pub frame: Option<Frame>,
    /// Its code (kept after the frame is gone, for `gi_code` and names).
    pub code: CodeId,
    /// `__name__`.
    pub name: Box<str>,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// A stable serial number used as its address in `repr`.
    pub serial: u64,
    /// Whether closing on release was already attempted.
    pub finalized: bool,
    /// `__qualname__` is not its code's (its function's or its own was
    /// assigned): records name it in full.
    #[serde(default, skip_serializing_if = "is_false")]
    pub renamed: bool,
    /// An async generator's awaitable is running it (`ag_running`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub ag_running: bool,
    /// An async generator was closed (`aclose()` started, or it finished).
    #[serde(default, skip_serializing_if = "is_false")]
    pub ag_closed: bool,
    /// An async generator's `firstiter` hook was consulted.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ag_hooks: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A module.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Module {
    /// `__name__`.
    pub name: Box<str>,
    /// Its globals, by name: what the interpreter reads and writes.
    pub globals: Attrs,
    /// Its namespace as a live `dict` (counted), once a program asked for
    /// it; it holds the same entries as `globals` (see `namespace.rs`).
    #[serde(default)]
    pub dict: Option<Ref>,
}

impl Object {
    /// Every counted reference this object holds, in the order CPython's
    /// deallocators release them.
    pub fn children(&self, out: &mut Vec<Value>) {
        match self {
            Object::Free
            | Object::Str(_)
            | Object::BigInt(_)
            | Object::Complex(..)
            | Object::Builtin(_)
            | Object::Range(..)
            | Object::BigRange(_)
            | Object::Random(_)
            | Object::File(_)
            | Object::WeakHandle(_)
            | Object::Bytes(_)
            | Object::ByteArray(_) => {}
            Object::List(items) => out.extend(items.iter().rev().copied()),
            Object::Tuple(items) => out.extend(items.iter().rev().copied()),
            Object::Dict(d) | Object::Set(d, _) => d.children(out),
            Object::Function(f) => {
                out.push(Value::Obj(f.module));
                out.extend(f.defaults.iter().copied());
                out.extend(f.kwdefaults.iter().map(|(_, v)| *v));
                out.extend(f.closure.iter().map(|r| Value::Obj(*r)));
                out.push(f.doc);
                out.extend(f.attrs.values().copied());
            }
            Object::BoundMethod(a, b) | Object::Super(a, b) => {
                out.push(*a);
                out.push(*b);
            }
            Object::Class(c) => {
                out.extend(c.bases.iter().map(|r| Value::Obj(*r)));
                out.extend(c.attrs.values().copied());
                out.extend(c.meta.map(Value::Obj));
            }
            Object::Instance(i) => {
                out.extend(i.attrs.values().copied());
                out.extend(i.base.as_deref().copied());
                out.push(Value::Obj(i.class));
            }
            Object::Exception(e) => {
                out.push(e.args);
                // Innermost frame first, as CPython frees a traceback chain.
                out.extend(e.traceback.iter().rev().map(|t| t.held));
                out.push(e.context);
                out.push(e.cause);
                out.extend(e.attrs.values().copied());
                out.push(Value::Obj(e.class));
            }
            Object::Generator(g) => {
                if let Some(f) = &g.frame {
                    f.children(out);
                }
            }
            Object::AgAwait(a) => {
                out.push(Value::Obj(a.ag));
                out.push(a.value);
                out.extend(a.default);
            }
            Object::Cell(v) | Object::StaticMethod(v) | Object::ClassMethod(v) => out.push(*v),
            Object::Module(m) => {
                out.extend(m.globals.values().copied());
                out.extend(m.dict.map(Value::Obj));
            }
            Object::Namespace(a) => out.extend(a.values().copied()),
            Object::Iter(it) => it.children(out),
            Object::Slice(a, b, c) | Object::Property(a, b, c) => {
                out.push(*a);
                out.push(*b);
                out.push(*c);
            }
            Object::Deque(d) => out.extend(d.items.iter().copied()),
            Object::Partial(p) => {
                out.push(p.func);
                out.extend(p.args.iter().copied());
                out.extend(p.kwargs.iter().map(|(_, v)| *v));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Instance, Object};

    /// Every heap slot holds an `Object` inline, so its size is paid per object: instances are
    /// stored unboxed because they fit in the space the largest variant needs anyway.
    #[test]
    fn object_stays_seven_words_with_instances_inline() {
        assert!(std::mem::size_of::<Instance>() <= 48);
        assert_eq!(std::mem::size_of::<Object>(), 56);
    }
}
