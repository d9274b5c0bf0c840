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

/// Records `acc.py` (a generator driven by sends) in `dir`; returns the file.
fn recording_in(dir: &Path, source: &str) -> PathBuf {
    let script = write(dir, "prog.py", source);
    let out = dir.join("prog.ron");
    let (code, _, stderr) = run(ys().arg("record").arg(&script).arg("-o").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    out
}

/// Rewrites the header's `script` field of recording `f`.
fn set_script(f: &Path, script: &str) {
    let text = std::fs::read_to_string(f).expect("read");
    let start = text.find("script:\"").expect("script field") + "script:\"".len();
    let end = start + text[start..].find('"').expect("end quote");
    let edited = format!("{}{}{}", &text[..start], script, &text[end..]);
    std::fs::write(f, edited).expect("write");
}

const SIMPLE: &str = "def g():\n    yield 1\n    yield 2\nprint(list(g()))\n";

#[test]
fn check_refuses_a_script_path_outside_the_recordings_folder() {
    let d = tmp("check-abs");
    let outside = tmp("check-abs-outside");
    let evil = write(
        outside.path(),
        "evil.py",
        "print('ran the outside script')\n",
    );
    let sub = d.path().join("recs");
    std::fs::create_dir_all(&sub).expect("dir");
    let f = recording_in(&sub, SIMPLE);
    set_script(&f, &evil.display().to_string());
    let (code, out, err) = run(ys().arg("check").arg(&f));
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("only looked for in the recording's folder"),
        "{err}"
    );
    assert!(!out.contains("ran the outside script"), "{out}");
}

#[test]
fn check_refuses_a_script_path_with_dotdot() {
    let d = tmp("check-dotdot");
    let sub = d.path().join("a").join("b");
    std::fs::create_dir_all(&sub).expect("dir");
    write(d.path(), "evil.py", SIMPLE);
    let f = recording_in(&sub, SIMPLE);
    set_script(&f, "../../evil.py");
    let (code, _, err) = run(ys().arg("check").arg(&f));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a path that leaves it"), "{err}");
}

#[test]
fn check_accept_does_not_let_the_program_write_files() {
    let d = tmp("check-accept");
    let src = "open('written.txt', 'w').write('x')\ndef g():\n    yield 1\nprint(list(g()))\n";
    let f = recording_in(d.path(), src);
    let written = d.path().join("written.txt");
    std::fs::remove_file(&written).expect("the recorded run wrote it");
    write(d.path(), "prog.py", &src.replace("yield 1", "yield 3"));
    let (code, out, err) = run(ys().args(["check", "--accept"]).arg(&f));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("accepted"), "{out}");
    assert!(!written.exists(), "check --accept let the program write");
}

#[test]
fn branch_with_a_send_that_does_not_evaluate_exits_2_and_leaves_the_file() {
    let d = tmp("badsend");
    let f = reader_recording(d.path());
    let before = std::fs::read(&f).expect("read");
    for bad in ["1 +", "1/0", "undefined_name"] {
        let (code, out, err) = run(ys()
            .arg("branch")
            .arg(&f)
            .args(["--at", "1", "--send", bad]));
        assert_eq!(code, 2, "{bad}: {out}{err}");
        assert!(!err.contains("__ys_"), "{err}");
        assert_eq!(std::fs::read(&f).expect("read"), before, "{bad}");
    }
}

#[test]
fn record_with_an_entry_that_is_not_a_generator_exits_2_and_writes_nothing() {
    let d = tmp("badentry");
    let script = write(d.path(), "reader.py", READER);
    for (bad, says) in [
        ("42", "expected a generator, got int"),
        ("nope()", "NameError"),
        ("reader(", "SyntaxError"),
    ] {
        let out = d.path().join("e.ron");
        let (code, _, err) = run(ys()
            .arg("record")
            .arg(&script)
            .args(["--entry", bad, "-o"])
            .arg(&out));
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains(says), "{bad}: {err}");
        assert!(!err.contains("__ys_"), "{err}");
        assert!(!out.exists(), "{bad}: a recording was written");
    }
}

#[test]
fn a_send_that_raises_inside_a_recording_shows_the_expression_not_internal_names() {
    let d = tmp("sendraise");
    let script = write(d.path(), "reader.py", READER);
    let out = d.path().join("r.ron");
    let (code, _, err) = run(ys()
        .arg("record")
        .arg(&script)
        .args(["--entry", "reader()", "--send", "1/0", "-o"])
        .arg(&out));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("ZeroDivisionError"), "{err}");
    assert!(err.contains("\n    1/0\n"), "{err}");
    assert!(!err.contains("__ys_"), "{err}");
}

#[test]
fn replay_of_a_truncated_recording_checks_its_prefix_and_stops() {
    let d = tmp("trunc");
    let script = write(
        d.path(),
        "endless.py",
        "def ticks():\n    n = 0\n    while True:\n        n += 1\n        yield n\nfor t in ticks():\n    if t % 1000 == 0:\n        print(t)\n",
    );
    let out = d.path().join("endless.ron");
    let mut child = ys()
        .arg("record")
        .arg(&script)
        .arg("-o")
        .arg(&out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    assert!(until(
        || std::fs::metadata(&out).is_ok_and(|m| m.len() > 200_000)
    ));
    let _ = child.kill();
    let _ = child.wait();
    let t = Instant::now();
    let (code, stdout, stderr) = run(ys().arg("replay").arg(&out));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("every event matches"), "{stdout}");
    assert!(stderr.contains("truncated"), "{stderr}");
    assert!(t.elapsed() < Duration::from_secs(120), "{:?}", t.elapsed());
}

#[test]
fn control_characters_in_generator_names_are_escaped_by_show_and_replay() {
    let d = tmp("ctrl");
    let f = recording_in(
        d.path(),
        "def g():\n    yield 1\n    yield 2\nx = g()\nx.__qualname__ = 'evil\\x1b[2J\\x07name'\nfor v in x:\n    pass\n",
    );
    for args in [vec!["show"], vec!["show", "--at", "1"], vec!["replay"]] {
        let (code, out, err) = run(ys().args(&args).arg(&f));
        assert!(code == 0, "{args:?}: {out}{err}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
    }
    let (_, out, _) = run(ys().arg("show").arg(&f));
    assert!(out.contains("evil\\x1b[2J\\x07name"), "{out:?}");
}

/// A program that yields a 100-character string forever.
const ENDLESS_STRINGS: &str =
    "def g():\n    n = 0\n    while True:\n        n += 1\n        yield 'x' * 100 + str(n)\nfor v in g():\n    pass\n";

#[test]
fn record_max_size_stops_cleanly_with_a_message_and_a_loadable_file() {
    let d = tmp("maxsize");
    let script = write(d.path(), "big.py", ENDLESS_STRINGS);
    let out = d.path().join("big.ron");
    let (code, _, err) = run(ys()
        .arg("record")
        .arg(&script)
        .args(["--max-size", "1M", "-o"])
        .arg(&out));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("reached --max-size"), "{err}");
    let (code, stdout, stderr) = run(ys().arg("show").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("end: interrupted"), "{stdout}");
    assert!(!stderr.contains("truncated"), "{stderr}");
}

#[test]
fn a_file_size_limit_gives_a_message_not_a_silent_signal() {
    let d = tmp("ulimit");
    let script = write(d.path(), "big.py", ENDLESS_STRINGS);
    let out = d.path().join("big.ron");
    let cmd = format!(
        "ulimit -f 500; exec '{}' record '{}' -o '{}'",
        env!("CARGO_BIN_EXE_yieldscope"),
        script.display(),
        out.display()
    );
    let (code, _, err) = run(Command::new("sh").arg("-c").arg(cmd));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("File too large") && err.contains("ulimit"),
        "{err}"
    );
    let (code, _, stderr) = run(ys().arg("show").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("truncated"), "{stderr}");
}

#[test]
fn branch_send_expression_cannot_read_local_files_either() {
    let d = tmp("sendread");
    let f = reader_recording(d.path());
    let (code, out, err) = run(ys().arg("branch").arg(&f).args([
        "--at",
        "1",
        "--send",
        "int(open('secret.txt').read())",
    ]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("PermissionError"), "{err}");
    assert!(!err.contains("SECRET-LOCAL-CONTENT"), "{err}");
}

#[test]
fn show_warns_when_the_embedded_source_does_not_match_its_hash() {
    let d = tmp("hash");
    let f = recording_in(d.path(), SIMPLE);
    let text = std::fs::read_to_string(&f).expect("read");
    std::fs::write(&f, text.replacen("yield 2", "yield 5", 1)).expect("write");
    let (code, _, err) = run(ys().arg("show").arg(&f));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("does not match its hash"), "{err}");
    let (code, _, err) = run(ys().args(["show", "--at", "1"]).arg(&f));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nothing was run"), "{err}");
}

#[test]
fn replay_of_an_interrupted_recording_of_an_endless_program_stops_where_it_stopped() {
    let d = tmp("interrupted");
    let script = write(d.path(), "big.py", ENDLESS_STRINGS);
    let out = d.path().join("big.ron");
    let (code, _, err) = run(ys()
        .arg("record")
        .arg(&script)
        .args(["--max-size", "300K", "-o"])
        .arg(&out));
    assert_eq!(code, 2, "{err}");
    let (code, stdout, stderr) = run(ys().arg("replay").arg(&out));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("every event matches"), "{stdout}");
    assert!(stderr.contains("interrupted"), "{stderr}");
}
