//! Suspensions the VM notes without stopping (its trace) are recorded as
//! the same records as when it stops at every one.

use std::path::{Path, PathBuf};
use yieldscope_inspector::format::{ResumeOut, SuspensionOut};
use yieldscope_inspector::ronw::to_line;
use yieldscope_inspector::session::{Engine, Spec};
use yieldscope_inspector::sink::{MemorySink, Sink};
use yieldscope_inspector::{Record, Recording, Result};
use yieldscope_vm::driver::ResumeLog;
use yieldscope_vm::Vm;

/// Collects records like [`MemorySink`], but lets the VM note no
/// suspension: it stops at every one.
#[derive(Default)]
struct Stopping {
    inner: MemorySink,
}

impl Sink for Stopping {
    fn record(&mut self, rec: &Record) -> Result<()> {
        self.inner.record(rec)
    }
    fn suspend(&mut self, s: &SuspensionOut<'_>) -> Result<()> {
        self.inner.suspend(s)
    }
    fn resume(&mut self, r: &ResumeOut<'_>) -> Result<()> {
        self.inner.resume(r)
    }
    fn logged(&mut self, vm: &Vm, log: &ResumeLog) -> Result<()> {
        self.inner.logged(vm, log)
    }
    fn wants_world(&self) -> bool {
        self.inner.wants_world()
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The golden recordings' headers: every script in `scripts/`, with the
/// seed, arguments, entry and sends it is recorded with.
fn goldens() -> Vec<(PathBuf, Recording)> {
    let mut out = Vec::new();
    let dir = workspace().join("recordings");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("recordings/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    for p in paths {
        let rec = yieldscope_inspector::load::load(&p).expect("golden recording loads");
        out.push((p, rec));
    }
    assert!(out.len() >= 10, "expected the golden recordings");
    out
}

/// The run's records without worlds (deltas are stored at checkpoints,
/// which do not depend on how suspensions reach the sink, but compare the
/// trace only).
fn trace_of(records: Vec<Record>) -> Vec<String> {
    records
        .into_iter()
        .filter(|r| !matches!(r, Record::Keyframe { .. }))
        .map(|r| match r {
            Record::Suspend(mut s) => {
                s.delta = None;
                Record::Suspend(s)
            }
            other => other,
        })
        .map(|r| to_line(&r).expect("serializes"))
        .collect()
}

/// How to run the program `src`, named `name`.
fn spec_for(name: &str, src: &str) -> Spec {
    Spec {
        header: yieldscope_inspector::session::new_header(
            name,
            src.to_string(),
            None,
            vec![],
            None,
            vec![],
        ),
        search_dir: workspace(),
        inputs: None,
        allow_writes: false,
    }
}

/// Runs `spec` from its start into memory.
fn records(spec: &Spec, world: bool) -> Vec<Record> {
    let mut sink = MemorySink {
        records: Vec::new(),
        world,
    };
    Engine::run_fresh(spec, &mut sink).expect("run");
    sink.records
}

fn spec_of(rec: &Recording, checkpoint_steps: u64) -> Spec {
    let mut header = rec.header.clone();
    header.checkpoint_steps = checkpoint_steps;
    header.worlds = true;
    let dir = Path::new(&header.script)
        .parent()
        .map_or_else(workspace, |d| workspace().join(d));
    Spec {
        header,
        search_dir: dir,
        inputs: None,
        allow_writes: false,
    }
}

#[test]
fn noting_suspensions_records_what_stopping_at_each_records() {
    for (path, rec) in goldens() {
        let spec = spec_of(&rec, yieldscope_inspector::session::CHECKPOINT_STEPS);
        let noted = records(&spec, false);
        let mut stopped = Stopping::default();
        Engine::run_fresh(&spec, &mut stopped).expect("run stopping");
        let (a, b) = (trace_of(noted), trace_of(stopped.inner.records));
        assert!(
            a.iter().any(|r| r.starts_with("Suspend(")),
            "{}: no suspension recorded: {:?}",
            path.display(),
            &a[..a.len().min(5)]
        );
        assert_eq!(a, b, "{}", path.display());
    }
}

#[test]
fn checkpoints_every_few_steps_record_the_same_trace() {
    for (path, rec) in goldens() {
        let dense = records(&spec_of(&rec, 50), true);
        let sparse = records(
            &spec_of(&rec, yieldscope_inspector::session::CHECKPOINT_STEPS),
            true,
        );
        let deltas = dense
            .iter()
            .filter(|r| matches!(r, Record::Suspend(s) if s.delta.is_some()))
            .count();
        let suspensions = dense
            .iter()
            .filter(|r| matches!(r, Record::Suspend(_)))
            .count();
        assert!(
            suspensions < 3 || deltas > 0,
            "{}: no delta stored at dense checkpoints",
            path.display()
        );
        assert_eq!(trace_of(dense), trace_of(sparse), "{}", path.display());
    }
}

#[test]
fn a_suspension_inside_a_consuming_builtin_is_recorded_where_it_happened() {
    // `all()` resumes the generator expression again in the same step that
    // it yielded in: the record still names it, its line and its value, and
    // comes before the resume that follows.
    let src = "def f(xs):\n    return all(x > 0 for x in xs)\nprint(f([3, 0, 5]))\n";
    let spec = spec_for("allgen.py", src);
    let events: Vec<String> = records(&spec, true)
        .iter()
        .filter_map(|r| match r {
            Record::Suspend(s) => Some(format!("Y {} {} {}", s.name, s.at, s.value)),
            Record::Resume { name, how } => Some(format!("R {name} {how:?}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        events,
        [
            "R f.<locals>.<genexpr>#1 Next",
            "Y f.<locals>.<genexpr>#1 allgen.py:2 True",
            "R f.<locals>.<genexpr>#1 Next",
            "Y f.<locals>.<genexpr>#1 allgen.py:2 False",
            "R f.<locals>.<genexpr>#1 Close",
        ]
    );
}

#[test]
fn a_value_that_a_consuming_builtin_drops_at_once_is_recorded_as_yielded() {
    // `any()` lets go of the dict in the step it was yielded in; the VM
    // stops there (it does not copy dicts) and renders it first.
    let src = "print(any({'a': i} for i in range(3)))\n";
    let spec = spec_for("anydict.py", src);
    let events: Vec<String> = records(&spec, true)
        .iter()
        .filter_map(|r| match r {
            Record::Suspend(s) => Some(format!("{} {} {}", s.name, s.at, s.value)),
            _ => None,
        })
        .collect();
    assert_eq!(events, ["<genexpr>#1 anydict.py:1 {'a': 0}"]);
}
