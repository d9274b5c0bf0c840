//! The 16-byte value every slot, local and stack entry holds.
//!
//! Small immutable values live inline; everything else is a handle into the
//! [`Heap`](crate::heap::Heap), whose reference counts the interpreter keeps
//! exact by calling `incref`/`decref` whenever a handle is copied or dropped.

use serde::{Deserialize, Serialize};

/// A handle to a heap slot. Plain data: it survives serialization because the
/// heap it points into is serialized with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Ref(pub u32);

// Deserialized as the derive would, noting the index for
// `world_check::track`.
impl<'de> serde::Deserialize<'de> for Ref {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(rename = "Ref")]
        struct Raw(u32);
        let Raw(n) = Raw::deserialize(d)?;
        crate::world_check::saw(crate::world_check::Kind::Ref, n);
        Ok(Ref(n))
    }
}

impl Ref {
    /// The slot index this handle names.
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A Python value. `Copy`, but a copied `Obj` handle must be `incref`ed by
/// whoever keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
pub enum Value {
    /// `None`.
    #[default]
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits; larger ones are heap `BigInt`s.
    Int(i64),
    /// A float.
    Float(f64),
    /// `NotImplemented`, returned by binary dunders that decline.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// Everything else.
    Obj(Ref),
    /// Not a Python value: an unbound local, or the empty half of a method pair.
    Undef,
}

impl Value {
    /// `None` (a serde default).
    #[must_use]
    pub fn none() -> Value {
        Value::None
    }

    /// Whether this is `None`.
    #[must_use]
    pub fn is_none(&self) -> bool {
        *self == Value::None
    }

    /// Truth of `None`, a bool or an inline int (no object needs asking).
    #[must_use]
    #[inline]
    pub fn simple_truth(&self) -> Option<bool> {
        match self {
            Value::Bool(x) => Some(*x),
            Value::Int(i) => Some(*i != 0),
            Value::None => Some(false),
            _ => None,
        }
    }

    /// The heap handle, if the value has one.
    #[must_use]
    #[inline]
    pub fn as_ref(self) -> Option<Ref> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }

    /// True for the values `is` compares by identity with no heap look-up.
    #[must_use]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        }
    }
}
