//! Writing recordings. The recorder appends one line per record through a
//! buffer flushed at least every 100 ms (checked at every record and every
//! budget tick) and on interrupt, so a killed recorder leaves a readable
//! prefix. Whole files (a new branch, `check --accept`) are replaced
//! atomically: written to a temporary file beside the target, then renamed.

use crate::error::{Error, Result};
use crate::format::{Header, Record, RecordOut, ResumeOut, SuspensionOut};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use yieldscope_vm::Vm;

/// The longest time a written record may stay in the buffer.
pub const FLUSH_EVERY: Duration = Duration::from_millis(100);

/// Where a run's records go.
pub trait Sink {
    /// Takes one record.
    ///
    /// # Errors
    /// Writing failed.
    fn record(&mut self, rec: &Record) -> Result<()>;
    /// Takes one suspension, borrowed from the running world (the default
    /// makes an owned copy for [`Sink::record`]).
    ///
    /// # Errors
    /// Writing failed.
    fn suspend(&mut self, s: &SuspensionOut<'_>) -> Result<()> {
        self.record(&Record::Suspend(s.to_suspension()))
    }
    /// Takes one resume (the default makes an owned copy for [`Sink::record`]).
    ///
    /// # Errors
    /// Writing failed.
    fn resume(&mut self, r: &ResumeOut<'_>) -> Result<()> {
        self.record(&r.to_record())
    }
    /// Takes the whole world at suspension `n`; when `shared`, its
    /// append-only tables are empty (see [`Record::Keyframe`]). The default
    /// makes an owned copy for [`Sink::record`].
    ///
    /// # Errors
    /// Writing failed.
    fn keyframe(&mut self, n: u64, world: &Vm, shared: bool) -> Result<()> {
        self.record(&Record::Keyframe {
            n,
            world: Box::new(world.clone()),
            shared,
        })
    }
    /// Called regularly while the program runs without recording anything.
    ///
    /// # Errors
    /// Writing failed.
    fn tick(&mut self) -> Result<()> {
        Ok(())
    }
    /// The user asked to stop (Ctrl-C).
    fn interrupted(&self) -> bool {
        false
    }
    /// Whether keyframes and deltas are wanted (replay and check only compare traces).
    fn wants_world(&self) -> bool {
        true
    }
}

/// Collects records in memory.
#[derive(Default)]
pub struct MemorySink {
    /// The records, in order.
    pub records: Vec<Record>,
    /// Keep keyframes and deltas.
    pub world: bool,
}

impl Sink for MemorySink {
    fn record(&mut self, rec: &Record) -> Result<()> {
        self.records.push(rec.clone());
        Ok(())
    }
    fn wants_world(&self) -> bool {
        self.world
    }
}

/// Appends records to a file.
pub struct Recorder {
    path: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    last_flush: Instant,
    /// Records written since the flush timer was last looked at.
    unchecked: u32,
    /// The line being written.
    buf: Vec<u8>,
    /// Writes suspensions and resumes in their short form.
    short: crate::short::ShortWriter,
    stop: Arc<AtomicBool>,
    /// Echo the program's output to this process's stdout/stderr.
    pub echo: bool,
}

fn write_err(path: &Path, e: &dyn std::fmt::Display) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Records between two looks at the flush timer (a record takes at least
/// hundreds of nanoseconds, so this delays a flush by well under a millisecond).
const CHECK_EVERY: u32 = 64;

/// One record as its line (without the newline).
///
/// # Errors
/// The record cannot be serialized.
pub fn to_line<T: serde::Serialize>(v: &T) -> std::result::Result<String, ron::Error> {
    let mut out = Vec::new();
    crate::ronw::to_writer(&mut out, v)?;
    String::from_utf8(out).map_err(|e| ron::Error::Message(e.to_string()))
}

impl Recorder {
    /// Creates (or truncates) `path` and writes the header line.
    ///
    /// # Errors
    /// The file cannot be created or written.
    pub fn create(path: &Path, header: &Header, stop: Arc<AtomicBool>) -> Result<Self> {
        let f = std::fs::File::create(path).map_err(|e| write_err(path, &e))?;
        let mut r = Recorder {
            path: path.to_path_buf(),
            out: std::io::BufWriter::with_capacity(1 << 16, f),
            last_flush: Instant::now(),
            unchecked: 0,
            buf: Vec::new(),
            short: crate::short::ShortWriter::default(),
            stop,
            echo: false,
        };
        let line = to_line(header).map_err(|e| write_err(path, &e))?;
        r.line(&line)?;
        r.flush()?;
        Ok(r)
    }

    fn line(&mut self, line: &str) -> Result<()> {
        self.out
            .write_all(line.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(|e| write_err(&self.path, &e))
    }

    /// Serializes one value straight into the buffer, as one line.
    fn put<T: serde::Serialize>(&mut self, v: &T) -> Result<()> {
        self.buf.clear();
        crate::ronw::to_writer(&mut self.buf, v).map_err(|e| write_err(&self.path, &e))?;
        self.buf.push(b'\n');
        self.out
            .write_all(&self.buf)
            .map_err(|e| write_err(&self.path, &e))
    }

    /// Flushes when the timer says so (looked at every [`CHECK_EVERY`] records).
    fn maybe_flush(&mut self) -> Result<()> {
        self.unchecked += 1;
        if self.unchecked >= CHECK_EVERY {
            self.unchecked = 0;
            if self.last_flush.elapsed() >= FLUSH_EVERY {
                self.flush()?;
            }
        }
        Ok(())
    }

    /// Writes the buffer to the file.
    ///
    /// # Errors
    /// Writing failed.
    pub fn flush(&mut self) -> Result<()> {
        self.last_flush = Instant::now();
        self.out.flush().map_err(|e| write_err(&self.path, &e))
    }
}

impl Sink for Recorder {
    fn record(&mut self, rec: &Record) -> Result<()> {
        if self.echo {
            if let Record::Output { stream, text } = rec {
                crate::session::echo(*stream, text);
            }
        }
        self.put(rec)?;
        if matches!(rec, Record::End(_)) {
            self.flush()
        } else {
            self.maybe_flush()
        }
    }
    fn suspend(&mut self, s: &SuspensionOut<'_>) -> Result<()> {
        self.buf.clear();
        self.short
            .suspend(&mut self.buf, s)
            .map_err(|e| write_err(&self.path, &e))?;
        self.out
            .write_all(&self.buf)
            .map_err(|e| write_err(&self.path, &e))?;
        self.maybe_flush()
    }
    fn resume(&mut self, r: &ResumeOut<'_>) -> Result<()> {
        self.buf.clear();
        self.short
            .resume(&mut self.buf, r)
            .map_err(|e| write_err(&self.path, &e))?;
        self.out
            .write_all(&self.buf)
            .map_err(|e| write_err(&self.path, &e))?;
        self.maybe_flush()
    }
    fn keyframe(&mut self, n: u64, world: &Vm, shared: bool) -> Result<()> {
        self.put(&RecordOut::Keyframe { n, world, shared })?;
        self.unchecked = CHECK_EVERY;
        self.maybe_flush()
    }
    fn tick(&mut self) -> Result<()> {
        if self.last_flush.elapsed() >= FLUSH_EVERY || self.stop.load(Ordering::Relaxed) {
            self.flush()?;
        }
        Ok(())
    }
    fn interrupted(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

/// The text of a recording about to get records this build writes: with
/// its header line rewritten to the current format version when the file
/// was written by an older one (whose records this format still reads).
///
/// # Errors
/// The header cannot be serialized.
pub fn upgraded<'t>(
    text: &'t str,
    header: &Header,
) -> std::result::Result<std::borrow::Cow<'t, str>, ron::Error> {
    if header.format >= crate::format::FORMAT_VERSION || text.is_empty() {
        return Ok(std::borrow::Cow::Borrowed(text));
    }
    let rest = text.find('\n').map_or("", |i| &text[i..]);
    let mut h = header.clone();
    h.format = crate::format::FORMAT_VERSION;
    Ok(std::borrow::Cow::Owned(to_line(&h)? + rest))
}

/// Replaces `path` atomically with a header and records.
///
/// # Errors
/// The temporary file cannot be written or renamed.
pub fn write_atomic(path: &Path, header: &Header, records: &[Record]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp{}", std::process::id()));
    let res = (|| -> Result<()> {
        let f = std::fs::File::create(&tmp).map_err(|e| write_err(&tmp, &e))?;
        let mut out = std::io::BufWriter::new(f);
        let mut put = |s: String| {
            out.write_all(s.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| write_err(&tmp, &e))
        };
        put(to_line(header).map_err(|e| write_err(path, &e))?)?;
        for r in records {
            put(to_line(r).map_err(|e| write_err(path, &e))?)?;
        }
        let f = out.into_inner().map_err(|e| write_err(&tmp, &e))?;
        f.sync_all().map_err(|e| write_err(&tmp, &e))?;
        std::fs::rename(&tmp, path).map_err(|e| write_err(path, &e))
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}
