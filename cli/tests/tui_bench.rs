//! A measurement, not a timed test: how long a jump to an arbitrary
//! suspension of a 100,000-suspension recording takes to restore and redraw.
//! Run it with
//! `cargo test -p yieldscope --release --test tui_bench -- --ignored --nocapture`.

#[allow(dead_code)]
#[path = "../src/tui/mod.rs"]
mod tui;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::{Duration, Instant};
use tui::app::App;
use tui::model::Model;

const SCRIPT: &str = "\
def ticker(n):
    state = {'count': 0, 'last': None}
    for i in range(n):
        state['count'] += 1
        state['last'] = i
        yield i


total = 0
for x in ticker(100000):
    total += x
print(total)
";

#[test]
#[ignore = "a benchmark: run with --ignored --nocapture, preferably --release"]
fn jump_and_redraw_100k() {
    let dir = tempfile::Builder::new()
        .prefix("ys-tui-bench-")
        .tempdir()
        .unwrap();
    let py = dir.path().join("ticker.py");
    std::fs::write(&py, SCRIPT).unwrap();
    let t0 = Instant::now();
    let mut app = App::new(Model::open(&py).expect("records"));
    let rows = app.timeline.rows.len();
    eprintln!("recorded {rows} suspensions in {:?}", t0.elapsed());
    assert_eq!(rows, 100_000);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    // A fixed pseudo-random walk over the timeline.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut times = Vec::new();
    for _ in 0..200 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let i = usize::try_from(x % 100_000).unwrap();
        let t = Instant::now();
        app.select(i);
        term.draw(|f| tui::view::render(&app, f)).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / u32::try_from(times.len()).unwrap();
    eprintln!(
        "jump + redraw over 200 jumps: mean {mean:?}, median {:?}, p95 {:?}, max {:?} (budget 16 ms)",
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() - 1]
    );
}

/// Runs the live program to its end, following it as the interface does.
fn live_to_end(py: &std::path::Path, first: tui::live::Cmd) -> (Duration, usize) {
    let (model, spec) = Model::live(py, &tui::model::Options::default()).expect("reads");
    let mut app = App::new(model);
    let t = Instant::now();
    app.start_live(spec, Some(first)).expect("starts");
    app.settle();
    (t.elapsed(), app.timeline.rows.len())
}

#[test]
#[ignore = "a benchmark: run with --ignored --nocapture, preferably --release"]
fn live_run_batched_and_single_stepped_100k() {
    let dir = tempfile::Builder::new()
        .prefix("ys-tui-bench-live-")
        .tempdir()
        .unwrap();
    let py = dir.path().join("ticker.py");
    std::fs::write(&py, SCRIPT).unwrap();
    let (batched, rows) = live_to_end(&py, tui::live::Cmd::Continue(Default::default()));
    assert_eq!(rows, 100_000);
    println!("live run to the end, records followed by the interface: {batched:?}");
    // A breakpoint on a line that never runs: every instruction is looked at.
    let never = std::iter::once(999).collect();
    let (stepped, rows) = live_to_end(&py, tui::live::Cmd::Continue(never));
    assert_eq!(rows, 100_000);
    println!(
        "the same with a breakpoint set (single steps): {stepped:?} ({:.1}x)",
        stepped.as_secs_f64() / batched.as_secs_f64()
    );
}
