//! Robustness and trust, end to end: no output is lost whatever ends a
//! recorder, the terminal interface without a terminal, and recordings from
//! someone else (what they may read, run and print).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn ys() -> Command {
    Command::new(env!("CARGO_BIN_EXE_yieldscope"))
}

fn tmp(tag: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("ys-trust-{tag}-"))
        .tempdir()
        .expect("tmp dir")
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let o = cmd.stdin(Stdio::null()).output().expect("spawn");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

/// Waits until `f` holds (at most 20 s).
fn until(mut f: impl FnMut() -> bool) -> bool {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(20) {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A program that prints a line and then computes forever.
const PRINT_THEN_SPIN: &str = "print('before the loop')\nn = 0\nwhile True:\n    n += 1\n";

/// Starts `record` on a program that prints and then spins; returns the
/// child, once its line is both on its stdout and in the file.
fn spinning_recorder(d: &Path) -> (std::process::Child, PathBuf, std::process::ChildStdout) {
    let script = write(d, "spin.py", PRINT_THEN_SPIN);
    let out = d.join("spin.ron");
    let mut child = ys()
        .arg("record")
        .arg(&script)
        .arg("-o")
        .arg(&out)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut got = Vec::new();
    let mut buf = [0u8; 64];
    while !String::from_utf8_lossy(&got).contains('\n') {
        match stdout.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    assert_eq!(String::from_utf8_lossy(&got), "before the loop\n");
    assert!(
        until(|| std::fs::read_to_string(&out).is_ok_and(|t| t.contains("before the loop"))),
        "the printed line never reached the recording"
    );
    (child, out, stdout)
}

#[test]
fn printed_line_reaches_stdout_and_the_recording_while_the_program_computes() {
    let d = tmp("spin");
    let (mut child, _, _) = spinning_recorder(d.path());
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn sigterm_during_record_leaves_a_complete_recording() {
    let d = tmp("term");
    let (mut child, out, _) = spinning_recorder(d.path());
    let st = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(st.success());
    let code = child.wait().expect("wait").code();
    assert_eq!(code, Some(130));
    let (code, stdout, stderr) = run(ys().arg("show").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("end: interrupted"), "{stdout}");
    assert!(!stderr.contains("truncated"), "{stderr}");
}

#[test]
fn sigkill_during_record_leaves_a_prefix_that_loads_with_a_warning() {
    let d = tmp("kill");
    let (mut child, out, _) = spinning_recorder(d.path());
    let _ = child.kill();
    let _ = child.wait();
    let (code, _, stderr) = run(ys().arg("show").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("truncated"), "{stderr}");
}

#[test]
fn tui_without_a_terminal_says_so_and_exits_2() {
    let d = tmp("tui");
    let script = write(d.path(), "p.py", "print(1)\n");
    let (code, _, stderr) = run(ys().arg("tui").arg(&script));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A generator that reads the file named by each value sent to it.
const READER: &str = "def reader():\n    name = yield 'ready'\n    while True:\n        name = yield open(name).read()\n";

/// Records `READER` reading `data.txt`, beside which lies `secret.txt`.
fn reader_recording(d: &Path) -> PathBuf {
    let script = write(d, "reader.py", READER);
    write(d, "data.txt", "recorded content\n");
    write(d, "secret.txt", "SECRET-LOCAL-CONTENT\n");
    let out = d.join("reader.ron");
    let (code, _, stderr) = run(ys()
        .arg("record")
        .arg(&script)
        .args(["--entry", "reader()", "--send", "'data.txt'", "-o"])
        .arg(&out));
    assert_eq!(code, 0, "{stderr}");
    out
}

#[test]
fn branch_reading_a_file_the_recorded_run_did_not_read_raises_permission_error() {
    let d = tmp("sandbox");
    let f = reader_recording(d.path());
    let b = d.path().join("b.ron");
    let (code, _, stderr) = run(ys()
        .arg("branch")
        .arg(&f)
        .args(["--at", "1", "--send", "'secret.txt'", "-o"])
        .arg(&b));
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&b).expect("branch written");
    assert!(!text.contains("SECRET-LOCAL-CONTENT"), "{text}");
    assert!(
        text.contains("PermissionError: [Errno 13] Permission denied: \\'secret.txt\\'"),
        "{text}"
    );
}

#[test]
fn branch_reading_a_recorded_file_gets_the_recorded_content() {
    let d = tmp("sandbox-ok");
    let f = reader_recording(d.path());
    write(d.path(), "data.txt", "changed on this machine\n");
    let b = d.path().join("b.ron");
    let (code, _, stderr) = run(ys()
        .arg("branch")
        .arg(&f)
        .args(["--at", "0", "--send", "'data.txt'", "-o"])
        .arg(&b));
    assert_eq!(code, 0, "{stderr}");
    let (code, out, _) = run(ys().arg("show").arg(&b));
    assert_eq!(code, 0);
    assert!(out.contains("recorded content"), "{out}");
    assert!(!out.contains("changed on this machine"), "{out}");
}
