//! Text files opened by programs: an external resource. Reads load the file
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
}
