//! Text formatting and number parsing with CPython 3.11 semantics.
//!
//! Program output must match CPython byte for byte, and most of what a
//! program prints passes through a handful of conversions: `repr` of a
//! float, the format-spec mini-language (`format()`, f-strings,
//! `str.format`), printf-style `%` formatting, `round()`, and the string
//! parsers behind `int(s, base)` and `float(s)`.  This module implements
//! those conversions as pure functions over plain Rust values, so the
//! interpreter only has to supply values and turn a [`FormatError`] into the
//! matching Python exception.
//!
//! Floats are converted with exact decimal arithmetic (shortest round-trip
//! digits for `repr`, correctly rounded half-even digits for fixed
//! precisions), which is what CPython's `dtoa` does.

// "CPython" is the name of the reference implementation, not an identifier.
#![allow(clippy::doc_markdown)]

mod complexfmt;
mod dtoa;
mod literals;
mod minilang;
mod printf;
mod rounding;

use std::fmt as stdfmt;

pub use complexfmt::format_complex;
pub use dtoa::{float_repr, repr_digits};
pub use literals::{
    decimal_value, int_to_decimal, int_to_f64, int_to_str_radix, parse_float_str,
    parse_int_literal, parse_int_str, IntParseError, INT_MAX_STR_DIGITS,
};
pub use minilang::{
    format_float, format_int, format_str, parse_format_spec, Align, FormatSpec, Grouping, Sign,
};
pub use printf::{
    parse_percent, percent_char_from_int, percent_char_from_str, percent_float, percent_format,
    percent_int, percent_pad_str, percent_type_error, ArgRef, PercentArgs, PercentConv,
    PercentCount, PercentFlags, PercentPiece, PercentSpec,
};
pub use rounding::{round_float, round_half_even};

/// The Python exception class a formatting or parsing failure maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcKind {
    /// `ValueError`.
    ValueError,
    /// `TypeError`.
    TypeError,
    /// `OverflowError`.
    OverflowError,
    /// `MemoryError` (raised for absurd field widths).
    MemoryError,
}

impl ExcKind {
    /// The Python name of the exception class.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::TypeError => "TypeError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::MemoryError => "MemoryError",
        }
    }
}

/// A failure carrying the exception class and message CPython 3.11 raises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Exception class to raise.
    pub kind: ExcKind,
    /// Exception message, exactly as CPython words it.
    pub message: String,
}

impl FormatError {
    /// A `ValueError` with the given message.
    pub fn value(message: impl Into<String>) -> Self {
        Self {
            kind: ExcKind::ValueError,
            message: message.into(),
        }
    }

    /// A `TypeError` with the given message.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self {
            kind: ExcKind::TypeError,
            message: message.into(),
        }
    }

    /// An `OverflowError` with the given message.
    pub fn overflow(message: impl Into<String>) -> Self {
        Self {
            kind: ExcKind::OverflowError,
            message: message.into(),
        }
    }

    /// A `MemoryError` (CPython gives it an empty message).
    #[must_use]
    pub fn memory() -> Self {
        Self {
            kind: ExcKind::MemoryError,
            message: String::new(),
        }
    }
}

impl stdfmt::Display for FormatError {
    fn fmt(&self, f: &mut stdfmt::Formatter<'_>) -> stdfmt::Result {
        if self.message.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

impl std::error::Error for FormatError {}

/// Largest field width accepted before reporting `MemoryError`; CPython
/// would try (and fail) to allocate such a string.
const MAX_FIELD_WIDTH: usize = 1 << 32;
