//! Iterators over built-in types and the lazy built-ins (`map`, `zip`,
//! `enumerate`, `itertools.*`). Their whole state lives in the heap object,
//! so a paused iterator can be copied, pickled and recorded like anything
//! else. Composite iterators advance as resumable state machines: when an
//! inner iterator is a generator, or a function must run, they ask the
//! interpreter for it instead of recursing.

use crate::value::Value;
use serde::{Deserialize, Serialize};

/// What a sequence iterator walks.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum SeqKind {
    /// `list_iterator`.
    List,
    /// `tuple_iterator`.
    Tuple,
    /// `str_ascii_iterator` (index is a byte offset).
    Str,
    /// `list_reverseiterator` (index counts down, 0 = done).
    Reversed,
    /// `deque_iterator`.
    Deque,
    /// Old-style iteration through `__getitem__`.
    GetItem,
    /// `bytes_iterator` / `bytearray_iterator` (items are ints).
    Bytes,
}

/// Which view of a dict an iterator walks.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum DictView {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` pairs.
    Items,
}

/// A built-in iterator's state.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum IterObj {
    Seq {
        seq: Value,
        idx: usize,
        kind: SeqKind,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    Dict {
        dict: Value,
        pos: usize,
        view: DictView,
        len: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
        acc: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
        acc: Vec<Value>,
        calling: bool,
    },
    Filter {
        func: Value,
        inner: Value,
        pending: Value,
        invert: bool,
    },
    Chain {
        sources: Value,
        current: Value,
    },
    Islice {
        inner: Value,
        next: i64,
        stop: Option<i64>,
        step: i64,
        pos: i64,
    },
    TakeWhile {
        pred: Value,
        inner: Value,
        pending: Value,
        done: bool,
    },
    DropWhile {
        pred: Value,
        inner: Value,
        pending: Value,
        dropping: bool,
    },
    Accumulate {
        inner: Value,
        func: Value,
        total: Value,
        started: bool,
        pending: Value,
    },
    StarMap {
        func: Value,
        inner: Value,
    },
    Count {
        cur: Value,
        step: Value,
    },
    Cycle {
        inner: Value,
        saved: Vec<Value>,
        idx: usize,
        exhausted: bool,
    },
    Repeat {
        value: Value,
        remaining: Option<i64>,
    },
    ZipLongest {
        inners: Vec<Option<Value>>,
        acc: Vec<Value>,
        fill: Value,
    },
    /// `product`, `permutations`, `combinations`, `combinations_with_replacement`:
    /// pools are materialized, only indices advance.
    Combinatoric {
        pools: Vec<Vec<Value>>,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        r: usize,
        kind: CombKind,
        first: bool,
        done: bool,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// Already exhausted (or an empty iterator).
    Empty,
    /// `longrange_iterator`: a range iterator whose values or length may
    /// leave 64 bits.
    BigRange(Box<crate::range::BigRangeIter>),
}

/// Which combinatoric generator.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum CombKind {
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
}

impl IterObj {
    /// Counted references held.
    pub fn children(&self, out: &mut Vec<Value>) {
        match self {
            IterObj::Seq { seq, .. } => out.push(*seq),
            IterObj::Range { .. } | IterObj::BigRange(_) | IterObj::Empty => {}
            IterObj::Dict { dict, .. } => out.push(*dict),
            IterObj::Enumerate { inner, .. } => out.push(*inner),
            IterObj::Zip { inners, acc, .. } => {
                out.extend(inners.iter().copied());
                out.extend(acc.iter().copied());
            }
            IterObj::Map {
                func, inners, acc, ..
            } => {
                out.push(*func);
                out.extend(inners.iter().copied());
                out.extend(acc.iter().copied());
            }
            IterObj::Filter {
                func,
                inner,
                pending,
                ..
            } => out.extend([*func, *inner, *pending]),
            IterObj::Chain { sources, current } => out.extend([*sources, *current]),
            IterObj::Islice { inner, .. } => out.push(*inner),
            IterObj::TakeWhile {
                pred,
                inner,
                pending,
                ..
            }
            | IterObj::DropWhile {
                pred,
                inner,
                pending,
                ..
            } => out.extend([*pred, *inner, *pending]),
            IterObj::Accumulate {
                inner,
                func,
                total,
                pending,
                ..
            } => {
                out.extend([*inner, *func, *total, *pending]);
            }
            IterObj::StarMap { func, inner } => out.extend([*func, *inner]),
            IterObj::Count { cur, step } => out.extend([*cur, *step]),
            IterObj::Cycle { inner, saved, .. } => {
                out.push(*inner);
                out.extend(saved.iter().copied());
            }
            IterObj::Repeat { value, .. } => out.push(*value),
            IterObj::ZipLongest { inners, acc, fill } => {
                out.extend(inners.iter().flatten().copied());
                out.extend(acc.iter().copied());
                out.push(*fill);
            }
            IterObj::Combinatoric { pools, .. } => {
                for p in pools {
                    out.extend(p.iter().copied());
                }
            }
            IterObj::Callable { func, sentinel } => out.extend([*func, *sentinel]),
        }
    }

    /// The Python type name of this iterator.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            IterObj::Seq { kind, .. } => match kind {
                SeqKind::List => "list_iterator",
                SeqKind::Tuple => "tuple_iterator",
                SeqKind::Str => "str_ascii_iterator",
                SeqKind::Reversed => "list_reverseiterator",
                SeqKind::Deque => "_collections._deque_iterator",
                SeqKind::GetItem => "iterator",
                SeqKind::Bytes => "bytes_iterator",
            },
            IterObj::Range { .. } => "range_iterator",
            IterObj::BigRange(_) => "longrange_iterator",
            IterObj::Dict { view, .. } => match view {
                DictView::Keys => "dict_keyiterator",
                DictView::Values => "dict_valueiterator",
                DictView::Items => "dict_itemiterator",
            },
            IterObj::Enumerate { .. } => "enumerate",
            IterObj::Zip { .. } => "zip",
            IterObj::Map { .. } => "map",
            IterObj::Filter { .. } => "filter",
            IterObj::Chain { .. } => "itertools.chain",
            IterObj::Islice { .. } => "itertools.islice",
            IterObj::TakeWhile { .. } => "itertools.takewhile",
            IterObj::DropWhile { .. } => "itertools.dropwhile",
            IterObj::Accumulate { .. } => "itertools.accumulate",
            IterObj::StarMap { .. } => "itertools.starmap",
            IterObj::Count { .. } => "itertools.count",
            IterObj::Cycle { .. } => "itertools.cycle",
            IterObj::Repeat { .. } => "itertools.repeat",
            IterObj::ZipLongest { .. } => "itertools.zip_longest",
            IterObj::Combinatoric { kind, .. } => match kind {
                CombKind::Product => "itertools.product",
                CombKind::Permutations => "itertools.permutations",
                CombKind::Combinations => "itertools.combinations",
                CombKind::CombinationsWithReplacement => "itertools.combinations_with_replacement",
            },
            IterObj::Callable { .. } => "callable_iterator",
            IterObj::Empty => "iterator",
        }
    }
}
