//! Writing recordings. The recorder appends one line per record through a
//! buffer flushed at least every 100 ms (the writing thread keeps the time
//! and raises a flag the program's thread looks at after every record and
//! every budget tick) and on interrupt, so a killed recorder leaves a readable
//! prefix. Whole files (a new branch, `check --accept`) are replaced
//! atomically: written to a temporary file beside the target, then renamed.

use crate::error::{Error, Result, WriteError};
use crate::format::{Header, Record, ResumeOut, SuspensionOut};
use crate::ronw::to_line;
use crate::short::{CodeInfo, ShortWriter};
use crate::sink::Sink;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use yieldscope_vm::driver::{Trace, Traced};
use yieldscope_vm::{Stream, Vm};

/// The longest time a written record may stay in the buffer.
pub const FLUSH_EVERY: Duration = Duration::from_millis(100);

/// Writes program output to this process's streams.
pub fn echo(stream: Stream, text: &str) {
    match stream {
        Stream::Stdout => {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(text.as_bytes());
            let _ = o.flush();
        }
        Stream::Stderr => {
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
        }
    }
}

/// Suspensions and resumes the VM noted without stopping, copied for the
/// writing thread.
struct Batch {
    events: Vec<Traced>,
    /// The captured values' text and items.
    trace: Trace,
    /// The number of the first suspension.
    n: u64,
}

/// What the writing thread is given, in file order.
enum Job {
    /// Lines already written out.
    Bytes(Vec<u8>),
    /// A record to serialize there (in its short form when it has one).
    Record(Box<Record>),
    /// Codes the next batches may name (appended to those given before).
    Codes(Vec<CodeInfo>),
    /// Traced events to write there.
    Trace(Box<Batch>),
    /// Write the buffer to the file; answer on the channel when given.
    Flush(Option<std::sync::mpsc::SyncSender<()>>),
}

/// Buffers the writing thread is done with, handed back to the program's
/// thread to be filled again (freeing them on the writer and allocating
/// fresh ones on the program's thread costs both threads).
enum Spent {
    Bytes(Vec<u8>),
    Batch(Box<Batch>),
}

/// Spent buffers waiting to be reused at most.
const SPENT: usize = 8;

/// What a recorder wrote.
#[derive(Clone, Copy, Debug, Default)]
pub struct Written {
    /// Bytes in all.
    pub bytes: u64,
    /// Of those, in keyframes.
    pub keyframe_bytes: u64,
    /// Keyframes.
    pub keyframes: u64,
}

/// Lines are handed to the writing thread in chunks of about this size.
const CHUNK: usize = 1 << 16;

/// Chunks and records waiting for the writing thread at most.
const QUEUE: usize = 64;

/// Appends records to a file. Suspensions and resumes are written on the
/// program's thread in their short form; keyframes and deltas are copied
/// there and serialized on a writing thread, which writes everything in
/// order, flushing at least every [`FLUSH_EVERY`] and when asked.
pub struct Recorder {
    path: PathBuf,
    jobs: Option<std::sync::mpsc::SyncSender<Job>>,
    thread: Option<std::thread::JoinHandle<std::result::Result<Written, WriteError>>>,
    /// Raised by the writing thread when a flush is due.
    due: Arc<AtomicBool>,
    /// Lines not yet handed over.
    buf: Vec<u8>,
    /// Buffers the writing thread handed back.
    spent: std::sync::mpsc::Receiver<Spent>,
    /// Line buffers and batches ready to be filled again.
    spare_bytes: Vec<Vec<u8>>,
    // Boxed as the jobs carry them: reused without moving their contents.
    #[allow(clippy::vec_box)]
    spare_batches: Vec<Box<Batch>>,
    /// Codes of the world handed to the writing thread so far.
    codes_sent: usize,
    stop: Arc<AtomicBool>,
    /// Echo the program's output to this process's stdout/stderr.
    pub echo: bool,
}

fn write_err(path: &Path, e: impl Into<WriteError>) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: e.into(),
    }
}

/// The writing thread: takes jobs until the recorder goes.
/// When no flush was asked for [`FLUSH_EVERY`], it raises `due`, which the
/// program's thread answers by handing its lines over with a flush.
fn write_jobs(
    out: &mut dyn Write,
    jobs: &std::sync::mpsc::Receiver<Job>,
    due: &AtomicBool,
    spent: &std::sync::mpsc::SyncSender<Spent>,
) -> std::result::Result<Written, WriteError> {
    use std::sync::mpsc::RecvTimeoutError;
    let mut w = Written::default();
    let mut line = Vec::new();
    let mut short = ShortWriter::default();
    let mut codes: Vec<CodeInfo> = Vec::new();
    let mut deadline = Instant::now() + FLUSH_EVERY;
    loop {
        let job = match jobs.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(job) => job,
            Err(RecvTimeoutError::Timeout) => {
                due.store(true, Ordering::Relaxed);
                deadline = Instant::now() + FLUSH_EVERY;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        match job {
            Job::Bytes(mut b) => {
                out.write_all(&b)?;
                w.bytes += b.len() as u64;
                b.clear();
                let _ = spent.try_send(Spent::Bytes(b));
            }
            Job::Codes(more) => codes.extend(more),
            Job::Trace(mut b) => {
                line.clear();
                short.traced(&mut line, &codes, &b.trace, &b.events, b.n)?;
                out.write_all(&line)?;
                w.bytes += line.len() as u64;
                b.events.clear();
                b.trace.clear();
                let _ = spent.try_send(Spent::Batch(b));
            }
            Job::Record(r) => {
                line.clear();
                short.owned(&mut line, &r)?;
                out.write_all(&line)?;
                w.bytes += line.len() as u64;
                if matches!(*r, Record::Keyframe { .. }) {
                    w.keyframes += 1;
                    w.keyframe_bytes += line.len() as u64;
                }
            }
            Job::Flush(ack) => {
                out.flush()?;
                deadline = Instant::now() + FLUSH_EVERY;
                if let Some(a) = ack {
                    let _ = a.send(());
                }
            }
        }
    }
    out.flush()?;
    Ok(w)
}

impl Recorder {
    /// Creates (or truncates) `path` and writes the header line.
    ///
    /// # Errors
    /// The file cannot be created or written.
    pub fn create(path: &Path, header: &Header, stop: Arc<AtomicBool>) -> Result<Self> {
        let f = std::fs::File::create(path).map_err(|e| write_err(path, e))?;
        Self::to_writer(
            path,
            Box::new(std::io::BufWriter::with_capacity(1 << 16, f)),
            header,
            stop,
        )
    }

    /// A recorder writing to `out`; `path` names it in messages.
    ///
    /// # Errors
    /// The header cannot be written.
    pub fn to_writer(
        path: &Path,
        mut out: Box<dyn Write + Send>,
        header: &Header,
        stop: Arc<AtomicBool>,
    ) -> Result<Self> {
        let line = to_line(header).map_err(|e| write_err(path, e))?;
        out.write_all(line.as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush())
            .map_err(|e| write_err(path, e))?;
        let (tx, rx) = std::sync::mpsc::sync_channel(QUEUE);
        let (spent_tx, spent) = std::sync::mpsc::sync_channel(SPENT);
        let due = Arc::new(AtomicBool::new(false));
        let timer = Arc::clone(&due);
        let thread = std::thread::Builder::new()
            .name("recording writer".into())
            .spawn(move || {
                let mut w = write_jobs(&mut *out, &rx, &timer, &spent_tx)?;
                w.bytes += line.len() as u64 + 1;
                Ok(w)
            })
            .map_err(|e| write_err(path, e))?;
        Ok(Recorder {
            path: path.to_path_buf(),
            jobs: Some(tx),
            thread: Some(thread),
            due,
            buf: Vec::with_capacity(CHUNK),
            spent,
            spare_bytes: Vec::new(),
            spare_batches: Vec::new(),
            codes_sent: 0,
            stop,
            echo: false,
        })
    }

    /// Hands a job to the writing thread.
    fn send(&mut self, job: Job) -> Result<()> {
        let sent = self.jobs.as_ref().is_some_and(|t| t.send(job).is_ok());
        if sent {
            return Ok(());
        }
        // The thread stopped: it says why when joined.
        Err(match self.join() {
            Err(e) => e,
            Ok(_) => write_err(&self.path, WriteError::Writer("the writing thread stopped")),
        })
    }

    /// Takes back the buffers the writing thread is done with.
    fn reclaim(&mut self) {
        while let Ok(s) = self.spent.try_recv() {
            match s {
                Spent::Bytes(b) if self.spare_bytes.len() < SPENT => self.spare_bytes.push(b),
                Spent::Batch(b) if self.spare_batches.len() < SPENT => self.spare_batches.push(b),
                _ => {}
            }
        }
    }

    /// Hands the buffered lines over.
    fn hand_over(&mut self) -> Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        self.reclaim();
        let next = self
            .spare_bytes
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(CHUNK));
        let b = std::mem::replace(&mut self.buf, next);
        self.send(Job::Bytes(b))
    }

    /// Hands the buffered lines over once they make a chunk, and flushes
    /// when the writing thread says one is due.
    fn wrote(&mut self) -> Result<()> {
        if self.buf.len() >= CHUNK {
            self.hand_over()?;
        }
        if self.due.load(Ordering::Relaxed) {
            self.flush_soon()?;
        }
        Ok(())
    }

    /// Hands everything so far over and asks for a flush, without waiting.
    fn flush_soon(&mut self) -> Result<()> {
        self.due.store(false, Ordering::Relaxed);
        self.hand_over()?;
        self.send(Job::Flush(None))
    }

    /// Writes everything so far to the file, and waits until it is there.
    ///
    /// # Errors
    /// Writing failed.
    pub fn flush(&mut self) -> Result<()> {
        self.due.store(false, Ordering::Relaxed);
        self.hand_over()?;
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.send(Job::Flush(Some(tx)))?;
        if rx.recv().is_err() {
            return Err(match self.join() {
                Err(e) => e,
                Ok(_) => write_err(&self.path, WriteError::Writer("the writing thread stopped")),
            });
        }
        Ok(())
    }

    /// Writes everything, stops the writing thread and says what it wrote.
    ///
    /// # Errors
    /// Writing failed.
    pub fn finish(mut self) -> Result<Written> {
        self.hand_over()?;
        self.join()
    }

    fn join(&mut self) -> Result<Written> {
        self.jobs = None;
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(Ok(w))) => Ok(w),
            Some(Ok(Err(e))) => Err(write_err(&self.path, e)),
            Some(Err(_)) => Err(write_err(
                &self.path,
                WriteError::Writer("the writing thread failed"),
            )),
            None => Err(write_err(
                &self.path,
                WriteError::Writer("the recorder is closed"),
            )),
        }
    }
}

impl Sink for Recorder {
    fn record(&mut self, rec: &Record) -> Result<()> {
        if self.echo {
            if let Record::Output { stream, text } = rec {
                echo(*stream, text);
            }
        }
        crate::ronw::to_writer(&mut self.buf, rec).map_err(|e| write_err(&self.path, e))?;
        self.buf.push(b'\n');
        if matches!(rec, Record::End(_)) {
            self.flush()
        } else {
            self.wrote()
        }
    }
    // Suspensions and resumes are copied here and written there, where
    // one writer declares the generators short records name.
    fn suspend(&mut self, s: &SuspensionOut<'_>) -> Result<()> {
        self.hand_over()?;
        self.send(Job::Record(Box::new(Record::Suspend(s.to_suspension()))))?;
        self.wrote()
    }
    fn resume(&mut self, r: &ResumeOut<'_>) -> Result<()> {
        self.hand_over()?;
        self.send(Job::Record(Box::new(r.to_record())))?;
        self.wrote()
    }
    fn traced(&mut self, vm: &Vm, events: Vec<Traced>, n: u64) -> Result<Vec<Traced>> {
        self.hand_over()?;
        if vm.codes.len() > self.codes_sent {
            let more = (self.codes_sent..vm.codes.len())
                .map(|c| CodeInfo::of(vm, c))
                .collect();
            self.codes_sent = vm.codes.len();
            self.send(Job::Codes(more))?;
        }
        let t = &vm.driver.trace;
        self.reclaim();
        // A batch the writing thread gave back: its events list goes back
        // to the VM to note the next ones in, its buffers take these.
        let (mut batch, spare) = match self.spare_batches.pop() {
            Some(mut b) => {
                let spare = std::mem::replace(&mut b.events, events);
                (b, spare)
            }
            None => {
                let spare = Vec::with_capacity(events.len());
                let b = Box::new(Batch {
                    events,
                    trace: Trace::default(),
                    n,
                });
                (b, spare)
            }
        };
        batch.n = n;
        batch.trace.text.clone_from(&t.text);
        batch.trace.items.clone_from(&t.items);
        self.send(Job::Trace(batch))?;
        self.wrote()?;
        Ok(spare)
    }
    fn trace_room(&self, _: u64) -> u64 {
        u64::MAX
    }
    fn keyframe(&mut self, n: u64, world: &Vm, shared: bool) -> Result<()> {
        self.hand_over()?;
        self.send(Job::Record(Box::new(Record::Keyframe {
            n,
            world: Box::new(world.clone()),
            shared,
        })))?;
        self.wrote()
    }
    fn tick(&mut self) -> Result<()> {
        if self.due.load(Ordering::Relaxed) || self.stop.load(Ordering::Relaxed) {
            self.flush_soon()?;
        }
        Ok(())
    }
    fn interrupted(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
    fn stop_flag(&self) -> Option<Arc<AtomicBool>> {
        Some(Arc::clone(&self.stop))
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if self.thread.is_some() {
            let _ = self.hand_over();
            let _ = self.join();
        }
    }
}

/// Records as the lines of a file, in their short form where they have one
/// (see [`crate::short`]); a `Branch` record starts new declarations.
///
/// # Errors
/// A record cannot be serialized.
pub fn lines(records: &[Record]) -> std::result::Result<String, ron::Error> {
    let mut out = Vec::new();
    let mut short = crate::short::ShortWriter::default();
    for r in records {
        short.owned(&mut out, r)?;
    }
    String::from_utf8(out).map_err(|e| ron::Error::Message(e.to_string()))
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
    // The older hash is replaced by this format's only when it verifies.
    if crate::format::verify_source(&h).is_ok() {
        h.source_hash = crate::format::source_hash(&h.source);
    }
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
        let f = std::fs::File::create(&tmp).map_err(|e| write_err(&tmp, e))?;
        let mut out = std::io::BufWriter::new(f);
        let head = to_line(header).map_err(|e| write_err(path, e))?;
        let body = lines(records).map_err(|e| write_err(path, e))?;
        out.write_all(head.as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.write_all(body.as_bytes()))
            .map_err(|e| write_err(&tmp, e))?;
        let f = out
            .into_inner()
            .map_err(|e| write_err(&tmp, e.into_error()))?;
        f.sync_all().map_err(|e| write_err(&tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| write_err(path, e))
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::{Recorder, Sink, FLUSH_EVERY};
    use crate::format::Record;
    use std::io::Write;
    use std::sync::atomic::AtomicBool;
    use std::sync::{Arc, Mutex};
    use yieldscope_vm::vm::Stream;

    /// A file that shows what reached it by a flush.
    #[derive(Clone, Default)]
    struct Flushed {
        pending: Arc<Mutex<Vec<u8>>>,
        flushed: Arc<Mutex<Vec<u8>>>,
    }

    impl Write for Flushed {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.pending.lock().expect("lock").extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            let mut p = self.pending.lock().expect("lock");
            self.flushed.lock().expect("lock").append(&mut p);
            Ok(())
        }
    }

    fn output(text: &str) -> Record {
        Record::Output {
            stream: Stream::Stdout,
            text: text.into(),
        }
    }

    #[test]
    fn a_slow_program_has_its_records_flushed_within_the_flush_interval() {
        let file = Flushed::default();
        let header = crate::session::new_header("s.py", String::new(), None, vec![], None, vec![]);
        let mut rec = Recorder::to_writer(
            std::path::Path::new("s.ron"),
            Box::new(file.clone()),
            &header,
            Arc::new(AtomicBool::new(false)),
        )
        .expect("recorder");
        // Two records, far apart: the second finds a flush due and takes the
        // first (and itself) to the file.
        rec.record(&output("first")).expect("record");
        std::thread::sleep(FLUSH_EVERY * 2);
        rec.record(&output("second")).expect("record");
        let deadline = std::time::Instant::now() + FLUSH_EVERY * 20;
        loop {
            let text = String::from_utf8(file.flushed.lock().expect("lock").clone()).expect("utf8");
            if text.contains("\"first\"") && text.contains("\"second\"") {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "records not flushed: {text:?}"
            );
            std::thread::sleep(FLUSH_EVERY / 10);
        }
        rec.finish().expect("finish");
    }
}
