//! The pickle format, version 1: a header line, then one RON document.
//!
//! ```text
//! yieldscope-pickle 1 <fnv-1a-64 of the document, 16 hex digits>
//! (format: "yieldscope-pickle", version: 1, names: [...], codes: [...], items: [...], root: ...)
//! ```
//!
//! The document is a table of objects. Handles inside it are indices into
//! `items`, names are indices into `names`, code ids are indices into
//! `codes`. Modules, classes, built-in functions and module-level functions
//! are items that name what they refer to; everything else is an
//! [`Object`] by value. Code is referred to by module, qualified name,
//! ordinal among code objects of the same name, and a hash of its source
//! text, so a pickle loads into another run of the same program and refuses
//! a program whose function changed.

use crate::object::Object;
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// The `format` field.
pub const FORMAT: &str = "yieldscope-pickle";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// A code object, by name.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct CodeRef {
    /// Module name (`__main__` for the script).
    pub module: String,
    /// `co_qualname`.
    pub qualname: String,
    /// Position among the module's code objects with this qualified name.
    pub ordinal: u32,
    /// FNV-1a 64 of the source text of the code, hex.
    pub hash: String,
}

/// One entry of the object table.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Item {
    /// An object by value (handles are table indices).
    Value(Object),
    /// A module by name.
    Module(String),
    /// A built-in type by name (`list`, `int`, …).
    BuiltinType(String),
    /// A built-in exception class by name.
    BuiltinExc(String),
    /// A user class, looked up by module and qualified name.
    Class {
        /// Module name.
        module: String,
        /// Qualified name.
        qualname: String,
    },
    /// A native function, by where it lives and its name.
    Builtin {
        /// `builtins`, a type name or a module name.
        owner: String,
        /// Its name.
        name: String,
    },
    /// A module-level function or method, looked up by name; its code is checked.
    Global {
        /// Module name.
        module: String,
        /// Qualified name.
        qualname: String,
        /// Index of its code in `codes`.
        code: u32,
    },
}

/// The whole document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Doc {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// Interned names used by the objects.
    pub names: Vec<String>,
    /// Code objects used by the objects.
    pub codes: Vec<CodeRef>,
    /// The object table.
    pub items: Vec<Item>,
    /// The pickled value (an index handle or an inline value).
    pub root: Value,
}

/// FNV-1a, 64 bits: stable across runs, platforms and builds.
#[must_use]
pub fn fnv64(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Writes the header and the document.
#[must_use]
pub fn encode(doc: &Doc) -> Option<String> {
    let body = ron::ser::to_string(doc).ok()?;
    Some(format!(
        "{FORMAT} {VERSION} {:016x}\n{body}",
        fnv64(body.as_bytes())
    ))
}

/// Checks the header and checksum and parses the document.
///
/// # Errors
/// A message saying what is wrong with the data.
pub fn decode(text: &str) -> Result<Doc, String> {
    let (header, body) = text
        .split_once('\n')
        .ok_or("truncated pickle data (no header)")?;
    let mut parts = header.split(' ');
    if parts.next() != Some(FORMAT) {
        return Err("not a yieldscope pickle (bad header)".into());
    }
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or("bad pickle header")?;
    if version != VERSION {
        return Err(format!(
            "unsupported pickle format version {version} (this build reads version {VERSION})"
        ));
    }
    let sum = parts
        .next()
        .and_then(|s| u64::from_str_radix(s, 16).ok())
        .ok_or("bad pickle header")?;
    if parts.next().is_some() {
        return Err("bad pickle header".into());
    }
    if fnv64(body.as_bytes()) != sum {
        return Err("pickle data is corrupted or truncated (checksum mismatch)".into());
    }
    let doc: Doc = ron::from_str(body).map_err(|e| format!("invalid pickle data: {e}"))?;
    if doc.format != FORMAT || doc.version != VERSION {
        return Err("invalid pickle data: format field mismatch".into());
    }
    Ok(doc)
}
