//! End to end: drives the real binary in tmux (send-keys, capture-pane).
//! Passes without doing anything when tmux is not installed.

#[path = "common/tmux.rs"]
mod tmux_session;

use std::process::Command;
use std::time::{Duration, Instant};
use tmux_session::{gone, keys, tmux, wait_for, Session};

const SCRIPT: &str = "\
def counter(limit):
    total = 0
    while total < limit:
        step = yield total
        total += step if step is not None else 1
    return total


g = counter(100)
print(\"start\")
v = next(g)
for i in range(4):
    v = g.send(i + 1)
    print(\"got\", v)
";

#[test]
fn open_rewind_branch_diff_quit() {
    if !tmux_session::available() {
        eprintln!("tmux is not installed: skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_yieldscope");
    let tmp = tempfile::Builder::new()
        .prefix("ys-tui-tmux-")
        .tempdir()
        .unwrap();
    let dir = tmp.path();
    let py = dir.join("counter.py");
    let ron = dir.join("counter.ron");
    std::fs::write(&py, SCRIPT).unwrap();
    let rec = Command::new(bin)
        .arg("record")
        .arg(&py)
        .arg("-o")
        .arg(&ron)
        .output()
        .unwrap();
    assert!(rec.status.success(), "{rec:?}");
    let s = Session(format!("ys-e2e-{}", std::process::id()));
    let cmd = format!("{bin} tui {}; sleep 30", ron.display());
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        &s.0,
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ]);
    assert!(started.is_some());
    wait_for(&s, &["(1/5)"]);
    keys(&s, &["G"]);
    wait_for(&s, &["(5/5)"]);
    // Rewind.
    keys(&s, &["h", "h"]);
    let screen = wait_for(&s, &["(3/5)"]);
    assert!(screen.contains("total = 3"), "{screen}");
    // Branch: send 50 instead.
    keys(&s, &["b"]);
    wait_for(&s, &["Send instead"]);
    keys(&s, &["5", "0", "Enter"]);
    let screen = wait_for(&s, &["branch 1"]);
    assert!(screen.contains("sent 50"), "{screen}");
    assert!(
        screen.contains("53"),
        "the branch continues from 3 + 50:\n{screen}"
    );
    // Diff against the first suspension.
    keys(&s, &["d", "g", "d"]);
    let screen = wait_for(&s, &["Frame diff"]);
    assert!(screen.contains("total = 0"), "{screen}");
    assert!(screen.contains("total = 53"), "{screen}");
    keys(&s, &["Escape", "q"]);
    let start = Instant::now();
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", &s.0]).unwrap_or_default();
        if !screen.contains("Timeline") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "q did not quit:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

const LIVE: &str = "\
def counter(limit):
    total = 0
    while total < limit:
        step = yield total
        total += step if step is not None else 1
    return total


def main():
    g = counter(100)
    v = next(g)
    for i in range(3):
        v = g.send(i + 1)
        print(\"got\", v)


if __name__ == \"__main__\":
    main()
";

fn start(name: &str, cmd: &str) -> Session {
    let s = Session(format!("ys-e2e-{name}-{}", std::process::id()));
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        &s.0,
        "-x",
        "100",
        "-y",
        "30",
        cmd,
    ]);
    assert!(started.is_some());
    s
}

#[test]
fn live_steps_breakpoints_and_typed_sends() {
    if !tmux_session::available() {
        eprintln!("tmux is not installed: skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_yieldscope");
    let tmp = tempfile::Builder::new()
        .prefix("ys-tui-tmux-live-")
        .tempdir()
        .unwrap();
    let dir = tmp.path();
    let py = dir.join("live.py");
    std::fs::write(&py, LIVE).unwrap();

    // A script opens paused before its first line; s steps, x and c stop on a line.
    let s = start("live", &format!("{bin} tui {}; sleep 30", py.display()));
    wait_for(&s, &["paused before the first line"]);
    keys(&s, &["s"]);
    wait_for(&s, &["stepped to line 9"]);
    keys(&s, &["s"]);
    wait_for(&s, &["stepped to line 17"]);
    keys(&s, &["s"]);
    wait_for(&s, &["stepped to line 18"]);
    keys(&s, &["Tab", "Tab", "Tab"]);
    keys(&s, &["Up", "Up", "Up", "Up"]);
    keys(&s, &["x", "c"]);
    let screen = wait_for(&s, &["breakpoint on line 14"]);
    assert!(screen.contains("paused at L14 in main"), "{screen}");
    assert!(screen.contains("v = 1"), "{screen}");
    keys(&s, &["c"]);
    let screen = wait_for(&s, &["v = 3"]);
    assert!(
        screen.contains("got 1"),
        "printed before the pause:\n{screen}"
    );
    // Back in time to the last suspension, then on: the breakpoint again, then the end.
    keys(&s, &["Left"]);
    wait_for(&s, &["#2 (3/3)"]);
    keys(&s, &["c"]);
    wait_for(&s, &["v = 6"]);
    keys(&s, &["c"]);
    wait_for(&s, &["the program ended: finished"]);
    keys(&s, &["q"]);
    gone(&s);
    drop(s);

    // An entry generator without --send values asks for them.
    let s = start(
        "send",
        &format!("{bin} tui {} --entry 'counter(10)'; sleep 30", py.display()),
    );
    wait_for(&s, &["paused before the first line"]);
    keys(&s, &["c"]);
    wait_for(&s, &["The entry generator waits"]);
    keys(&s, &["4", "Enter"]);
    let screen = wait_for(&s, &["0 → 4"]);
    assert!(screen.contains("The entry generator waits"), "{screen}");
    keys(&s, &["9", "Enter"]);
    wait_for(&s, &["returned 13"]);
    keys(&s, &["q"]);
    gone(&s);
}
