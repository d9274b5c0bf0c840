//! End to end: drives the real binary in tmux (send-keys, capture-pane).
//! Passes without doing anything when tmux is not installed.

use std::process::Command;
use std::time::{Duration, Instant};

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

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

struct Session(String);

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.0]);
    }
}

fn wait_for(s: &Session, what: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", &s.0]).unwrap_or_default();
        if screen.contains(what) {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what:?}; screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn keys(s: &Session, k: &[&str]) {
    for key in k {
        tmux(&["send-keys", "-t", &s.0, key]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

#[test]
fn open_rewind_branch_diff_quit() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed: skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_yieldscope");
    let dir = std::env::temp_dir().join(format!("ys-tui-tmux-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
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
    wait_for(&s, "(1/5)");
    keys(&s, &["G"]);
    wait_for(&s, "(5/5)");
    // Rewind.
    keys(&s, &["h", "h"]);
    let screen = wait_for(&s, "(3/5)");
    assert!(screen.contains("total = 3"), "{screen}");
    // Branch: send 50 instead.
    keys(&s, &["b"]);
    wait_for(&s, "Send instead");
    keys(&s, &["5", "0", "Enter"]);
    let screen = wait_for(&s, "branch 1");
    assert!(screen.contains("sent 50"), "{screen}");
    assert!(
        screen.contains("53"),
        "the branch continues from 3 + 50:\n{screen}"
    );
    // Diff against the first suspension.
    keys(&s, &["d", "g", "d"]);
    let screen = wait_for(&s, "Frame diff");
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
    let _ = std::fs::remove_dir_all(&dir);
}
