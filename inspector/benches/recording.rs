//! Recording benchmark (not a test): `cargo bench -p yieldscope-inspector --bench recording`.
//!
//! 1. Recording overhead on `bench/programs/*.py`: each program run to its
//!    end recorded with worlds (the file recorder, writing to a temporary
//!    file, until the file is complete) over the same program run
//!    unrecorded as `yieldscope run` runs it (best of `YS_BENCH_RUNS`,
//!    default 3, of each); bytes per suspension. `YS_BENCH_SUSPENSIONS=N`
//!    measures the first N suspensions instead (both runs stopping there).
//! 2. Restore: a 100,000-suspension recording is written and loaded, then
//!    1,000 random suspensions are restored (nearest keyframe + deltas).

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Instant;
use yieldscope_inspector::format::{ResumeOut, SuspensionOut};
use yieldscope_inspector::recorder::{Recorder, Written};
use yieldscope_inspector::session::{new_header, Engine, Spec};
use yieldscope_inspector::sink::Sink;
use yieldscope_inspector::{Record, Result};
use yieldscope_vm::driver::{ResumeLog, Traced};
use yieldscope_vm::{Event, Vm};

/// The file recorder, stopped after a number of suspensions.
struct Counting {
    rec: Recorder,
    suspensions: u64,
    limit: u64,
}

impl Sink for Counting {
    fn record(&mut self, r: &Record) -> Result<()> {
        self.rec.record(r)
    }
    fn suspend(&mut self, s: &SuspensionOut<'_>) -> Result<()> {
        self.suspensions += 1;
        self.rec.suspend(s)
    }
    fn resume(&mut self, r: &ResumeOut<'_>) -> Result<()> {
        self.rec.resume(r)
    }
    fn logged(&mut self, vm: &Vm, log: &ResumeLog) -> Result<()> {
        self.rec.logged(vm, log)
    }
    fn traced(&mut self, vm: &Vm, events: Vec<Traced>, n: u64) -> Result<Vec<Traced>> {
        self.suspensions += events
            .iter()
            .filter(|e| matches!(e, Traced::Yield(_)))
            .count() as u64;
        self.rec.traced(vm, events, n)
    }
    fn trace_room(&self, next: u64) -> u64 {
        self.rec
            .trace_room(next)
            .min(self.limit.saturating_sub(next))
    }
    fn keyframe(&mut self, n: u64, world: &Vm, shared: bool) -> Result<()> {
        self.rec.keyframe(n, world, shared)
    }
    fn tick(&mut self) -> Result<()> {
        self.rec.tick()
    }
    fn interrupted(&self) -> bool {
        self.suspensions >= self.limit
    }
}

/// Records `spec` into `file` up to `limit` suspensions: the time taken
/// (until the file is complete), the suspensions and what was written.
fn record_into(spec: &Spec, file: &Path, limit: u64) -> (f64, u64, Written) {
    let t = Instant::now();
    let rec =
        Recorder::create(file, &spec.header, Arc::new(AtomicBool::new(false))).expect("create");
    let mut sink = Counting {
        rec,
        suspensions: 0,
        limit,
    };
    Engine::run_fresh(spec, &mut sink).expect("record");
    let written = sink.rec.finish().expect("write");
    (t.elapsed().as_secs_f64(), sink.suspensions, written)
}

/// `YS_BENCH_CHECKPOINT_STEPS=N`: worlds every N instructions instead of the default.
fn checkpoint_steps() -> u64 {
    std::env::var("YS_BENCH_CHECKPOINT_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(yieldscope_inspector::session::CHECKPOINT_STEPS)
}

/// The program run unrecorded: to its end as `yieldscope run` runs it
/// (`limit` is `u64::MAX`), or stopping at every suspension up to `limit`.
fn plain(path: &str, src: &str, dir: &Path, limit: u64) -> (f64, u64) {
    let mut vm = Vm::new();
    vm.search_dir = dir.to_path_buf();
    vm.pause_on_yield = limit != u64::MAX;
    vm.load_main(path, src).expect("load");
    let t = Instant::now();
    let mut n = 0;
    loop {
        match vm.run(Some(200_000)) {
            Event::Suspended { .. } => {
                n += 1;
                if n >= limit {
                    break;
                }
            }
            Event::Budget => {}
            _ => break,
        }
        let _ = vm.take_output();
    }
    (t.elapsed().as_secs_f64(), n)
}

fn recorded(path: &str, src: &str, dir: &Path, limit: u64) -> (f64, u64, Written) {
    let mut header = new_header(path, src.to_string(), None, vec![], None, vec![]);
    header.worlds = std::env::var_os("YS_BENCH_TRACE_ONLY").is_none();
    header.checkpoint_steps = checkpoint_steps();
    let spec = Spec {
        header,
        search_dir: dir.to_path_buf(),
        inputs: None,
        allow_writes: false,
    };
    let name = path.replace(".py", ".ron");
    let (file, keep) = match std::env::var_os("YS_BENCH_DUMP") {
        Some(d) => (Path::new(&d).join(name), true),
        None => (
            std::env::temp_dir().join(format!("ys-bench-{}-{name}", std::process::id())),
            false,
        ),
    };
    let out = record_into(&spec, &file, limit);
    if !keep {
        let _ = std::fs::remove_file(&file);
    }
    out
}

const RESTORE_PROGRAM: &str = "
import random
def world(n):
    board = {i: 0 for i in range(64)}
    log = []
    score = 0
    for t in range(n):
        k = random.randrange(64)
        board[k] += 1
        score += board[k]
        if t % 100 == 0:
            log.append((t, score))
        yield score

for s in world(100000):
    pass
";

/// `YS_BENCH_RESTORE=FILE.py`: the restore part records the first 100,000
/// suspensions of that program instead.
fn restore_bench() {
    let (name, source, dir) = match std::env::var_os("YS_BENCH_RESTORE") {
        Some(p) => {
            let p = std::path::PathBuf::from(p);
            let src = std::fs::read_to_string(&p).expect("YS_BENCH_RESTORE: read");
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let dir = p
                .parent()
                .map_or_else(std::env::temp_dir, Path::to_path_buf);
            (name, src, dir)
        }
        None => (
            "restore_bench.py".to_string(),
            RESTORE_PROGRAM.to_string(),
            std::env::temp_dir(),
        ),
    };
    let mut header = new_header(&name, source, None, vec![], Some(1), vec![]);
    header.checkpoint_steps = checkpoint_steps();
    let spec = Spec {
        header: header.clone(),
        search_dir: dir,
        inputs: None,
        allow_writes: false,
    };
    let file = std::env::temp_dir().join(format!("ys-bench-{}.ron", std::process::id()));
    let (rec_time, _, _) = record_into(&spec, &file, 100_000);
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let rec = yieldscope_inspector::load(&file).expect("load");
    let load_time = t.elapsed().as_secs_f64();
    let n = rec.branches[0].suspension_count();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let (mut total, mut worst) = (0.0f64, 0.0f64);
    let tries = 1000;
    for _ in 0..tries {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = x % n;
        let t = Instant::now();
        let vm = rec.restore(0, at).expect("restore");
        let dt = t.elapsed().as_secs_f64() * 1e3;
        std::hint::black_box(vm.heap.slots.len());
        total += dt;
        worst = worst.max(dt);
    }
    let _ = std::fs::remove_file(&file);
    println!("restore: {n} suspensions, recorded in {rec_time:.2} s, file {:.1} MB ({:.0} bytes/suspension), loaded in {load_time:.2} s", size as f64 / 1e6, size as f64 / n as f64);
    println!("restore: random suspension: mean {:.3} ms, worst {worst:.3} ms over {tries} restores (target <= 10 ms)", total / f64::from(tries));
}

fn main() {
    // Whole programs, unless a number of suspensions is asked for.
    let limit: u64 = std::env::var("YS_BENCH_SUSPENSIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX);
    let runs: u32 = std::env::var("YS_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/programs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "py"));
    if let Ok(only) = std::env::var("YS_BENCH_ONLY") {
        files.retain(|p| p.to_string_lossy().contains(&only));
    }
    files.sort();
    let mut logsum = 0.0;
    // The same over the programs that suspend at all.
    let (mut logsum_s, mut suspending) = (0.0, 0);
    for p in &files {
        let src = std::fs::read_to_string(p).expect("read");
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (mut tp, np) = plain(&name, &src, &dir, limit);
        let (mut tr, nr, c) = recorded(&name, &src, &dir, limit);
        for _ in 1..runs {
            tp = tp.min(plain(&name, &src, &dir, limit).0);
            tr = tr.min(recorded(&name, &src, &dir, limit).0);
        }
        let ratio = tr / tp.max(1e-9);
        logsum += ratio.ln();
        if nr > 0 {
            logsum_s += ratio.ln();
            suspending += 1;
        }
        let per = |b: u64| b as f64 / nr.max(1) as f64;
        println!(
            "{name:<22} suspensions {:>8} plain {tp:>6.3} s  recorded {tr:>6.3} s  ratio {ratio:>5.2}x  {:>6.0} bytes/suspension ({:.0} in {} keyframes)",
            if limit == u64::MAX { nr.to_string() } else { format!("{np}/{nr}") },
            per(c.bytes),
            per(c.keyframe_bytes),
            c.keyframes
        );
    }
    if !files.is_empty() {
        println!(
            "recording overhead, geometric mean: {:.2}x (target <= 1.3x, whole programs)",
            (logsum / files.len() as f64).exp()
        );
    }
    if suspending > 0 {
        println!(
            "recording overhead, geometric mean over the {suspending} programs that suspend: {:.2}x",
            (logsum_s / f64::from(suspending)).exp()
        );
    }
    if std::env::var_os("YS_BENCH_NO_RESTORE").is_none() {
        restore_bench();
    }
}
