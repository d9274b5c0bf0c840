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
