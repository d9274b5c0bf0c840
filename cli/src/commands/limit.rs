//! `record --max-size` (1 GB unless given): the file a recording is written to, counting what
//! it holds. Past the limit it raises the recording's stop flag, so the run
//! ends as after Ctrl-C: the end record is written and the file loads.
//! A file-size limit of the system (`ulimit -f`) must not kill the recorder
//! silently either: SIGXFSZ is ignored, and the write fails with EFBIG,
//! which is reported.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A file that stops the recording once `max` bytes were written to it.
pub struct Limited<W: Write> {
    inner: W,
    written: u64,
    max: u64,
    /// Raised once the limit is reached (the recording's stop flag).
    stop: Arc<AtomicBool>,
    /// Raised too: the limit, not the user, stopped the run.
    pub reached: Arc<AtomicBool>,
}

impl<W: Write> Limited<W> {
    /// `inner`, already holding `written` bytes, limited to `max`.
    pub fn new(inner: W, written: u64, max: u64, stop: Arc<AtomicBool>) -> Self {
        Limited {
            inner,
            written,
            max,
            stop,
            reached: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl<W: Write> Write for Limited<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        if self.written >= self.max && !self.reached.load(Ordering::Relaxed) {
            self.reached.store(true, Ordering::Relaxed);
            self.stop.store(true, Ordering::Relaxed);
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Lets a file-size limit show as a failed write (EFBIG) instead of a
/// signal that ends the process without a word.
pub fn ignore_file_size_signal() {
    #[cfg(unix)]
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
}

/// Parses a size: a number of bytes with an optional K, M or G suffix.
///
/// # Errors
/// Not a size.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("invalid size {s:?} (bytes, or a number with K, M or G)"))
}
