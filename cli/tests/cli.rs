//! The inspector subcommands end to end: each one and its exit statuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

fn ys() -> Command {
    Command::new(env!("CARGO_BIN_EXE_yieldscope"))
}

fn tmp(tag: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("ys-cli-{tag}-"))
        .tempdir()
        .expect("tmp dir")
}

fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../inspector/tests/programs")
        .join(name)
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let o: Output = cmd.output().expect("spawn");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn record_acc(dir: &Path) -> PathBuf {
    let out = dir.join("acc.ron");
    let (code, stdout, _) = run(ys()
        .arg("record")
        .arg(program("acc.py"))
        .arg("-o")
        .arg(&out));
    assert_eq!(code, 0);
    assert!(stdout.contains("done 6"));
    out
}

#[test]
fn record_show_replay() {
    let d = tmp("rsr");
    let f = record_acc(d.path());
    let (code, out, _) = run(ys().arg("show").arg(&f));
    assert_eq!(code, 0);
    assert!(
        out.contains("acc#1") && out.contains("send(1)") && out.contains("end: finished"),
        "{out}"
    );
    let (code, out, _) = run(ys().args(["show", "--at", "2"]).arg(&f));
    assert_eq!(code, 0);
    assert!(
        out.contains("total = 3") && out.contains("items = [1, 2]"),
        "{out}"
    );
    let (code, out, _) = run(ys().args(["show", "--format", "json"]).arg(&f));
    assert_eq!(code, 0);
    assert!(out.trim_start().starts_with('{'), "{out}");
    let (code, out, _) = run(ys().arg("replay").arg(&f));
    assert_eq!(code, 0, "{out}");
    let (code, _, err) = run(ys().args(["show", "--at", "99"]).arg(&f));
    assert_eq!(code, 2);
    assert!(err.contains("no suspension 99"), "{err}");
}

#[test]
fn branch_diverges_and_diff_reports_it() {
    let d = tmp("branch");
    let f = record_acc(d.path());
    let (code, out, err) = run(ys()
        .arg("branch")
        .arg(&f)
        .args(["--at", "1", "--send", "100"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("diverges"), "{out}");
    let (code, out, _) = run(ys().args(["show", "--branches"]).arg(&f));
    assert_eq!(code, 0);
    assert!(
        out.contains("branch 1: from branch 0 at suspension 1, send 100"),
        "{out}"
    );
    let (code, out, _) = run(ys().arg("diff").arg(&f).env("NO_COLOR", "1"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("total: 3 \u{2192} 101") && out.contains("items[1]: 2 \u{2192} 100"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "colour when piped");
    let (code, out, _) = run(ys()
        .arg("diff")
        .arg(&f)
        .args(["--branch", "0", "--branch", "0"]));
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(ys().arg("diff").arg(&f).args(["--format", "json"]));
    assert_eq!(code, 1);
    assert!(out.contains("\"same\": false"), "{out}");
    let (code, out, _) = run(ys().arg("replay").arg(&f));
    assert_eq!(code, 0, "{out}");
    let (code, _, err) = run(ys().arg("diff").arg(d.path().join("missing.ron")));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_branch_forking_before_its_parents_fork_point_shows_the_original_up_to_it() {
    let d = tmp("branch-early");
    let f = record_acc(d.path());
    let branch = |from: &str, at: &str, send: &str| {
        let (code, _, err) = run(ys()
            .arg("branch")
            .arg(&f)
            .args(["--branch", from, "--at", at, "--send", send]));
        assert_eq!(code, 0, "{err}");
    };
    // Branch 1 forks late; branch 2 forks from it, earlier than that;
    // branch 3 makes the same fork straight from the original.
    branch("0", "3", "10");
    branch("1", "1", "100");
    branch("0", "1", "100");
    let timeline = |b: &str| {
        let (code, out, err) = run(ys().args(["show", "--branch", b]).arg(&f));
        assert_eq!(code, 0, "{err}");
        out
    };
    let (two, three) = (timeline("2"), timeline("3"));
    assert_eq!(two, three);
    assert!(two.contains(":5 1 \u{2192} send(100)"), "{two}");
    let (code, out, _) = run(ys()
        .arg("diff")
        .arg(&f)
        .args(["--branch", "2", "--branch", "3"]));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn branching_a_format_1_file_rewrites_its_header_to_the_current_format() {
    let d = tmp("branch-v1");
    let f = d.path().join("v1.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../inspector/tests/fixtures/v1.ron"),
        &f,
    )
    .expect("copy");
    let (code, out, err) = run(ys()
        .arg("branch")
        .arg(&f)
        .args(["--at", "2", "--send", "5"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("branch 2"), "{out}");
    let text = std::fs::read_to_string(&f).expect("read");
    assert!(
        text.starts_with(&format!(
            "(format:{},",
            yieldscope_inspector::FORMAT_VERSION
        )),
        "{}",
        &text[..40]
    );
    let (code, out, _) = run(ys().args(["show", "--branches"]).arg(&f));
    assert_eq!(code, 0);
    assert!(
        out.contains("branch 2: from branch 1 at suspension 2, send 5"),
        "{out}"
    );
}

#[test]
fn entry_and_sends() {
    let d = tmp("entry");
    let sends = d.path().join("sends.txt");
    std::fs::write(&sends, "'attack'\n'heal'\n").expect("sends");
    let f = d.path().join("duel.ron");
    let (code, out, err) = run(ys()
        .arg("record")
        .arg(program("entry_game.py"))
        .args(["--entry", "duel(3)", "--send", "'attack'", "--sends"])
        .arg(&sends)
        .arg("-o")
        .arg(&f));
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("main block"), "{out}");
    let (_, out, _) = run(ys().arg("show").arg(&f));
    assert!(
        out.contains("send('attack')") && out.contains("send('heal')"),
        "{out}"
    );
    let (code, out, _) = run(ys()
        .arg("branch")
        .arg(&f)
        .args(["--at", "0", "--send", "'heal'"]));
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(ys().arg("replay").arg(&f));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn replay_reports_a_mismatch_and_check_a_change() {
    let d = tmp("check");
    let script = d.path().join("acc.py");
    std::fs::copy(program("acc.py"), &script).expect("copy");
    let f = d.path().join("acc.ron");
    let (code, _, _) = run(ys().arg("record").arg(&script).arg("-o").arg(&f));
    assert_eq!(code, 0);
    let (code, out, _) = run(ys().arg("check").arg(d.path()));
    assert_eq!(code, 0, "{out}");
    // Hand-edit a recorded value: replay finds the mismatch.
    let text = std::fs::read_to_string(&f).expect("read");
    let edited = d.path().join("edited");
    std::fs::create_dir_all(&edited).expect("dir");
    std::fs::write(
        edited.join("acc.ron"),
        text.replacen("Atom(\"3\")", "Atom(\"4\")", 1),
    )
    .expect("write");
    std::fs::copy(&script, edited.join("acc.py")).expect("copy");
    let (code, out, _) = run(ys().arg("replay").arg(edited.join("acc.ron")));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("mismatch"), "{out}");
    // Change the script: replay refuses (2), check reports (1), --accept rewrites (0), then ok.
    std::fs::write(
        &script,
        std::fs::read_to_string(&script)
            .expect("src")
            .replace("total += x", "total += 2 * x"),
    )
    .expect("edit");
    let (code, _, err) = run(ys().arg("replay").arg(&f));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("changed since it was recorded"), "{err}");
    let (code, out, _) = run(ys().arg("check").arg(&f));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("CHANGED") && out.contains("first divergence"),
        "{out}"
    );
    let (code, _, _) = run(ys().args(["check", "--accept"]).arg(&f));
    assert_eq!(code, 0);
    let (code, out, _) = run(ys().arg("check").arg(&f));
    assert_eq!(code, 0, "{out}");
    // Garbage recording: 2.
    std::fs::write(d.path().join("bad.ron"), "not a recording\n").expect("write");
    let (code, _, err) = run(ys().arg("show").arg(d.path().join("bad.ron")));
    assert_eq!(code, 2);
    assert!(err.contains("bad.ron:1:"), "{err}");
}

#[test]
fn a_killed_recorder_leaves_a_loadable_prefix() {
    let d = tmp("kill");
    let script = d.path().join("forever.py");
    std::fs::write(&script, "def ticks():\n    n = 0\n    while True:\n        yield n\n        n += 1\n\nfor t in ticks():\n    if t % 1000 == 0:\n        print(t)\n").expect("script");
    let f = d.path().join("forever.ron");
    let mut child = ys()
        .arg("record")
        .arg(&script)
        .arg("-o")
        .arg(&f)
        .arg("--trace-only")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    child.kill().expect("kill");
    let _ = child.wait();
    let (code, out, err) = run(ys().arg("show").arg(&f));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning") && err.contains("truncated"),
        "{err}"
    );
    assert!(out.lines().count() > 10, "too little was flushed: {out}");
}

#[test]
fn golden_recordings_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let (code, out, err) = run(ys().current_dir(&root).args(["check", "recordings/"]));
    assert_eq!(code, 0, "{out}\n{err}");
}

#[test]
fn show_into_a_closed_pipe_stops_quietly() {
    use std::io::Read;
    let d = tmp("pipe");
    let rec = record_acc(d.path());
    let mut child = ys()
        .arg("show")
        .arg(&rec)
        .arg("--at")
        .arg("0")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Close the reading end at once, as `| head -0` would.
    drop(child.stdout.take());
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read stderr");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("internal error"), "{err}");
    assert!(matches!(status.code(), Some(0 | 141)), "{status:?}");
}
