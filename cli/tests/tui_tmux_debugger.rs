//! End to end in tmux: a breakpoint set by `:break N` on a line far down,
//! a reverse step and a reverse continue, asserting on the captured screen.
//! Passes without doing anything (and says so) when tmux is not installed.

#[path = "common/tmux.rs"]
mod tmux_session;

use tmux_session::{gone, keys, text, tmux, wait_for, Session};

/// A program whose function `far` is at line 159 (its body on 160).
fn far_script() -> String {
    let mut s = String::from(
        "def work(n):\n    total = 0\n    for i in range(n):\n        total += i\n        yield total\n\n\n",
    );
    while s.lines().count() < 156 {
        let k = s.lines().count();
        s.push_str(&format!("filler_{k} = {k}\n"));
    }
    s.push_str("\n\ndef far(v):\n    w = v * 2\n    return w\n\n\nfor v in work(6):\n    far(v)\nprint(\"done\")\n");
    s
}

#[test]
fn break_far_down_reverse_step_and_reverse_continue() {
    if !tmux_session::available() {
        eprintln!("tmux is not installed: skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_yieldscope");
    let tmp = tempfile::Builder::new()
        .prefix("ys-tui-tmux-dbg-")
        .tempdir()
        .unwrap();
    let py = tmp.path().join("far.py");
    std::fs::write(&py, far_script()).unwrap();
    let s = Session(format!("ys-e2e-dbg-{}", std::process::id()));
    let cmd = format!("{bin} tui {}; sleep 30", py.display());
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
    wait_for(&s, &["paused before the first line"]);
    // A breakpoint 160 lines down, by command.
    keys(&s, &[":"]);
    text(&s, "break 160");
    keys(&s, &["Enter"]);
    wait_for(&s, &["breakpoint on line 160"]);
    keys(&s, &["c"]);
    let screen = wait_for(&s, &["paused at line 160", "v = 0"]);
    assert!(screen.contains("▶●160     w = v * 2"), "{screen}");
    // A step, then a reverse step back to line 160 before w was bound.
    keys(&s, &["s"]);
    wait_for(&s, &["stepped to line 161", "w = 0"]);
    keys(&s, &["S"]);
    let screen = wait_for(&s, &["back at line 160"]);
    assert!(!screen.contains("  w = 0"), "{screen}");
    // On to two more hits, then a reverse continue to the previous one.
    keys(&s, &["c"]);
    wait_for(&s, &["paused at line 160", "v = 1"]);
    keys(&s, &["c"]);
    wait_for(&s, &["paused at line 160", "v = 3"]);
    keys(&s, &["C"]);
    let screen = wait_for(&s, &["back at the breakpoint on line 160", "v = 1"]);
    assert!(screen.contains("back at line 160 (after 2)"), "{screen}");
    // A step from there says it steps the live program, where it is paused.
    keys(&s, &["s"]);
    wait_for(&s, &["s stepped the live program"]);
    keys(&s, &["q"]);
    gone(&s);
}

#[test]
fn post_mortem_in_the_raising_frame() {
    if !tmux_session::available() {
        eprintln!("tmux is not installed: skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_yieldscope");
    let tmp = tempfile::Builder::new()
        .prefix("ys-tui-tmux-pm-")
        .tempdir()
        .unwrap();
    let py = tmp.path().join("crash.py");
    std::fs::write(
        &py,
        "def divide(a, b):\n    ratio = a / b\n    return ratio\n\n\ndef main():\n    total = 0\n    for v in range(3):\n        total += divide(10, 2 - v)\n\n\nmain()\n",
    )
    .unwrap();
    let s = Session(format!("ys-e2e-pm-{}", std::process::id()));
    let cmd = format!("{bin} tui {}; sleep 30", py.display());
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
    wait_for(&s, &["paused before the first line"]);
    keys(&s, &["c"]);
    let screen = wait_for(&s, &["post-mortem at line 2", "b = 0"]);
    assert!(
        screen.contains("ZeroDivisionError: division by zero"),
        "{screen}"
    );
    assert!(screen.contains("running divide @ crash.py:2"), "{screen}");
    // Up the traceback: main's frame and its line.
    keys(&s, &["u"]);
    let screen = wait_for(&s, &["frame 2/3: main @ crash.py:9"]);
    assert!(screen.contains("▶  9         total += divide"), "{screen}");
    keys(&s, &["q"]);
}
