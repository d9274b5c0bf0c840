//! Errors of the inspector. Every one names the file and, where there is
//! one, the place in it.

use std::path::PathBuf;

/// What can go wrong reading, writing or running a recording.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: WriteError,
    },
    /// A line is not valid RON for the format.
    #[error("{}:{line}:{col}: {source}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What was wrong.
        #[source]
        source: ron::Error,
    },
    /// The file was written by a newer (or unknown) format version.
    #[error("{}:1: unknown recording format version {found} (this build reads versions 1 to {supported})", path.display())]
    Version {
        /// The file.
        path: PathBuf,
        /// The version in the header.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The records are valid RON but do not fit together.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when about the file as a whole).
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A Rust panic inside the VM, caught at the step boundary: what the
    /// program printed and what was recorded before it are written.
    #[error("{0}")]
    Internal(#[from] yieldscope_vm::InternalError),
    /// The script on disk is not the one recorded.
    #[error("{}: the script {script} changed since it was recorded (recorded {recorded}, now {now}); re-record it or run `yieldscope check --accept`", path.display())]
    ScriptChanged {
        /// The recording.
        path: PathBuf,
        /// The script.
        script: String,
        /// Hash in the header.
        recorded: String,
        /// Hash of the file now.
        now: String,
    },
    /// A request that does not fit the recording (no such branch or suspension).
    #[error("{}: {message}", path.display())]
    Request {
        /// The recording.
        path: PathBuf,
        /// What was asked and why it cannot be done.
        message: String,
    },
    /// The program could not start (syntax error, bad entry expression).
    #[error("{0}")]
    Program(String),
}

/// Why a recording could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file system refused.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A record could not be serialized.
    #[error(transparent)]
    Ron(#[from] ron::Error),
    /// The thread writing the file stopped, failed, or was already closed.
    #[error("{0}")]
    Writer(&'static str),
}

/// Result type of the inspector.
pub type Result<T> = std::result::Result<T, Error>;
