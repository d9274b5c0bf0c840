//! Helpers shared by the inspector's tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use tempfile::TempDir;
use yieldscope_inspector::recorder::write_atomic;
use yieldscope_inspector::session::{new_header, Engine, Spec};
use yieldscope_inspector::sink::MemorySink;
use yieldscope_inspector::{Header, Record, Recording};

/// A test program's path.
pub fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/programs")
        .join(name)
}

/// Records a test program in memory (keyframes at least every `every`
/// suspensions, checkpoints as `record` makes them).
pub fn record(
    name: &str,
    entry: Option<&str>,
    sends: &[&str],
    every: u64,
) -> (Header, Vec<Record>) {
    record_with(
        name,
        entry,
        sends,
        every,
        yieldscope_inspector::session::CHECKPOINT_STEPS,
    )
}

/// [`record`] with worlds stored every `checkpoint` instructions (0: at every suspension).
pub fn record_with(
    name: &str,
    entry: Option<&str>,
    sends: &[&str],
    every: u64,
    checkpoint: u64,
) -> (Header, Vec<Record>) {
    let path = program(name);
    let source = std::fs::read_to_string(&path).expect("program");
    let mut header = new_header(
        name,
        source,
        entry.map(str::to_string),
        sends.iter().map(|s| (*s).to_string()).collect(),
        None,
        vec![],
    );
    header.keyframe_every = every;
    header.checkpoint_steps = checkpoint;
    let spec = Spec {
        header: header.clone(),
        search_dir: path.parent().expect("dir").to_path_buf(),
        inputs: None,
        allow_writes: false,
    };
    let mut sink = MemorySink {
        records: Vec::new(),
        world: true,
    };
    Engine::run_fresh(&spec, &mut sink).expect("run");
    (header, sink.records)
}

/// A file in a temporary directory of its own, removed with it when dropped.
pub struct TempFile {
    path: PathBuf,
    _dir: TempDir,
}

impl std::ops::Deref for TempFile {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for TempFile {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

/// Writes records to a fresh file in a temporary directory and loads it.
pub fn save_and_load(tag: &str, header: &Header, records: &[Record]) -> (TempFile, Recording) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("ys-test-{tag}-"))
        .tempdir()
        .expect("tmp");
    let file = dir.path().join(format!("{tag}.ron"));
    write_atomic(&file, header, records).expect("write");
    let rec = yieldscope_inspector::load(&file).expect("load");
    (
        TempFile {
            path: file,
            _dir: dir,
        },
        rec,
    )
}

/// The program output in records.
pub fn stdout_of(records: &[Record]) -> String {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Output {
                stream: yieldscope_vm::Stream::Stdout,
                text,
            } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}
