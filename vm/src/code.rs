//! Bytecode: instructions, code objects and their source-span side table.

use crate::intern::Sym;
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// Index of a code object in the program's code table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub struct CodeId(pub u32);

// Deserialized as the derive would, noting the index for
// `world_check::track`.
impl<'de> serde::Deserialize<'de> for CodeId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(rename = "CodeId")]
        struct Raw(u32);
        let Raw(n) = Raw::deserialize(d)?;
        crate::world_check::saw(crate::world_check::Kind::Code, n);
        Ok(CodeId(n))
    }
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// The operator as written in source.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::MatMul => "@",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// Rich comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    /// The comparison of two totally ordered values.
    #[inline]
    #[must_use]
    pub fn holds<T: Ord>(self, x: &T, y: &T) -> bool {
        match self {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        }
    }

    /// The operator as written in source.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator with its operands swapped.
    #[must_use]
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// One instruction. Jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Op {
    Nop,
    PopTop,
    /// Duplicate the top of the stack.
    DupTop,
    /// Duplicate the two top entries.
    DupTop2,
    RotTwo,
    RotThree,
    RotFour,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadClosure(u32),
    LoadGlobal(Sym),
    StoreGlobal(Sym),
    DeleteGlobal(Sym),
    LoadName(Sym),
    StoreName(Sym),
    DeleteName(Sym),
    LoadAttr(Sym),
    StoreAttr(Sym),
    DeleteAttr(Sym),
    /// Pushes `[func, self]` for a method, or `[callable, Undef]`.
    LoadMethod(Sym),
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    Is(bool),
    In(bool),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildString(u32),
    BuildSlice(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    ListToTuple,
    UnpackSequence(u32),
    UnpackEx(u32, u32),
    Subscript,
    StoreSubscr,
    DeleteSubscr,
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    ForIter(u32),
    /// Call with `n` positional arguments.
    Call(u32),
    /// Call with `n` arguments, the last ones keywords named by the tuple constant.
    CallKw(u32, u32),
    /// `[func, self_or_undef, args...]`.
    CallMethod(u32),
    /// `[callable, args_tuple, kwargs_dict_or_undef]`.
    CallEx,
    /// Create a function; flags: 1 defaults tuple, 2 kw-defaults dict, 8 closure tuple.
    MakeFunction(u32, u32),
    /// `[body_function, bases...]`: run a class body and create the class.
    BuildClass(u32),
    Return,
    YieldValue,
    GetYieldFromIter,
    /// `[iter, value]`: delegate (PEP 380).
    YieldFrom,
    SetupExcept(u32),
    SetupFinally(u32),
    /// The `with` block; its depth excludes the `__enter__` result on top.
    SetupWith(u32),
    PopBlock,
    /// Leave an `except` handler: drop the handled exception's block.
    PopExcept,
    /// `[exc]`: raise it again as it is.
    Reraise,
    /// `raise`, `raise x`, `raise x from y`.
    Raise(u32),
    /// `[exc, type] -> [exc, bool]`.
    ExcMatch,
    /// `[ctx] -> [exit, enter_result]`.
    BeforeWith,
    /// `[exit, exc] -> [exit, exc, exit(type, exc, tb)]`.
    WithExceptStart,
    /// `[exit] -> [exit(None, None, None)]`.
    WithExitNormal,
    /// `import name` / `from name import ...`: the second field is the
    /// relative level, with [`IMPORT_FROMLIST`] set when a tuple of the
    /// imported names is on the stack (a `from` import).
    ImportName(Sym, u32),
    ImportFrom(Sym),
    ImportStar,
    /// `f"{x!conv:spec}"`: conv 0 none, 1 str, 2 repr, 3 ascii; bit 4 = spec on stack.
    FormatValue(u32),
    LoadAssertionError,
    /// Turns a `StopIteration` escaping a generator into `RuntimeError` — unused marker.
    SetupAnnotations,
    /// `[body_function, bases..., keywords_dict]`: a class statement with
    /// keywords (`metaclass=`, and those passed to `__init_subclass__`).
    BuildClassKw(u32),
    /// A step of a `match` statement (see `MatchOp`).
    Match(MatchOp),
    /// A step of `await` or `async with` (see `AsyncOp`).
    Async(AsyncOp),
}

/// The steps of coroutines that ordinary generators do not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AsyncOp {
    /// `[x] -> [iterator]`: what `await x` delegates to (the coroutine
    /// itself, or the iterator `x.__await__()` returns).
    GetAwaitable,
    /// `[manager] -> [bound __aexit__, __aenter__() result]`.
    BeforeAsyncWith,
    /// `[x] -> [x.__aiter__()]`.
    GetAIter,
    /// `[aiter] -> [aiter, awaitable of aiter.__anext__()]`.
    GetANext,
    /// Pushes `StopAsyncIteration`.
    LoadStopAsyncIteration,
}

/// The steps a `case` pattern is compiled to, besides ordinary jumps and
/// comparisons (CPython's `MATCH_*` instructions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchOp {
    /// `[subject] -> [subject, bool]`: may a sequence pattern match it?
    Sequence,
    /// `[subject] -> [subject, bool]`: may a mapping pattern match it?
    Mapping,
    /// `[subject] -> [subject, len(subject)]`.
    Len,
    /// `[subject, keys] -> [subject, keys, values tuple or None]`.
    Keys,
    /// `[subject, keys] -> [dict of the other items]` (`**rest`).
    Rest,
    /// `[subject, class, keyword names] -> [attributes tuple or None]`, with
    /// this many positional sub-patterns.
    Class(u32),
}

/// A source range for one instruction, in byte offsets, with an optional
/// focus (the operator of a binary operation, the subscript of an index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    /// Start offset.
    pub start: u32,
    /// End offset.
    pub end: u32,
    /// Start of the part `^` marks (0 when the whole span is the focus).
    pub focus_start: u32,
    /// End of the focus.
    pub focus_end: u32,
}

/// What kind of scope a code object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeKind {
    /// A module body.
    Module,
    /// A class body.
    Class,
    /// A function, lambda or comprehension.
    Function,
}

/// A compiled code object.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Code {
    /// `co_name`.
    pub name: Box<str>,
    /// `co_qualname`.
    pub qualname: Box<str>,
    /// Index of the source file in the program.
    pub source: u32,
    /// Kind of scope.
    pub kind: CodeKind,
    /// Instructions.
    pub ops: Vec<Op>,
    /// One span per instruction.
    pub spans: Vec<Span>,
    /// Constants (immortal heap values).
    pub consts: Vec<Value>,
    /// Positional parameters (including positional-only).
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonly: u32,
    /// Keyword-only parameters.
    pub kwonly: u32,
    /// Has `*args`.
    pub varargs: bool,
    /// Has `**kwargs`.
    pub varkw: bool,
    /// Local variable names; parameters first.
    pub varnames: Vec<Sym>,
    /// Names of locals captured by inner scopes.
    pub cellvars: Vec<Sym>,
    /// Names captured from outer scopes.
    pub freevars: Vec<Sym>,
    /// Parameters that live in cells: (cell index, parameter slot).
    pub arg_cells: Vec<(u32, u32)>,
    /// A generator function.
    pub is_generator: bool,
    /// An `async def` (its generator objects are coroutines).
    #[serde(default)]
    pub is_coroutine: bool,
    /// An `async def` containing `yield` (its generator objects are
    /// asynchronous generators; `is_coroutine` is set too).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_async_gen: bool,
    /// A generator function marked by `types.coroutine`: its generators
    /// can be awaited (CPython's `CO_ITERABLE_COROUTINE`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_iterable_coroutine: bool,
    /// Line of the `def`.
    pub firstlineno: u32,
    /// Docstring constant, if any.
    pub doc: Option<u32>,
}

/// Set in `ImportName`'s level when a `from` import's names are on the stack.
pub const IMPORT_FROMLIST: u32 = 1 << 31;
