//! Text and binary files opened by programs: an external resource. Reads load the file
//! when opened (so the content is data in the world); writes go straight to
//! disk. Deep copies and pickles refuse them.

use serde::{Deserialize, Serialize};

/// An open text file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileObj {
    /// The path as given.
    pub path: String,
    /// The mode as given.
    pub mode: String,
    /// The content read at open time (read mode).
    pub content: String,
    /// Read position (byte offset into `content`).
    pub pos: usize,
    /// Closed?
    pub closed: bool,
    /// Opened for writing.
    pub writable: bool,
    /// Opened in binary mode (`'rb'`, `'wb'`, `'ab'`): reads give and
    /// writes take `bytes`; `content` then holds one char per byte.
    #[serde(default)]
    pub binary: bool,
    /// The `newline` argument of a text file: `None` for universal newlines
    /// (`\r\n` and `\r` read as `\n`), else the terminator it reads and
    /// writes (`""`: any terminator, untranslated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newline: Option<Box<str>>,
}

/// How long the line at the start of `rest` is, terminator included, for a
/// file opened with `newline` (see [`FileObj::newline`]).
#[must_use]
pub fn line_len(rest: &str, newline: Option<&str>) -> usize {
    let end = |p: Option<usize>, n: usize| p.map_or(rest.len(), |p| p + n);
    match newline {
        None | Some("\n") => end(rest.find('\n'), 1),
        Some("") => match rest.find(['\r', '\n']) {
            Some(p) if rest[p..].starts_with("\r\n") => p + 2,
            p => end(p, 1),
        },
        Some(t) => end(rest.find(t), t.len()),
    }
}

/// Text as read through universal newlines: `\r\n` and `\r` become `\n`.
#[must_use]
pub fn universal_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Bytes kept in a `String` one char per byte (the content of a binary
/// file, and how its read is recorded).
#[must_use]
pub fn latin1_string(b: &[u8]) -> String {
    b.iter().map(|&c| char::from(c)).collect()
}

/// The bytes of a string made by [`latin1_string`].
#[must_use]
pub fn latin1_bytes(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}
