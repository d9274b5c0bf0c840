//! Every command that drives the VM goes through its step boundary: a Rust
//! panic (asked for here with `YS_TEST_PANIC`, a hook of debug builds) ends
//! the run with an internal error naming its place, exit 70, after what was
//! printed and recorded; and `--max-memory` gives the program `MemoryError`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const GEN: &str = "def g():\n    yield 1\n    print('one')\n    yield 2\n    print('BOOM')\n    yield 3\nfor x in g():\n    print(x)\n";

fn ys() -> Command {
    Command::new(env!("CARGO_BIN_EXE_yieldscope"))
}

fn script(dir: &TempDir, name: &str, src: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, src).expect("write script");
    p
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn panicking(cmd: &mut Command) -> Output {
    cmd.env("YS_TEST_PANIC", "BOOM").output().expect("runs")
}

fn says_internal_error(out: &Output) {
    assert_eq!(out.status.code(), Some(70), "stderr: {}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("yieldscope: internal error at vm/src/guard.rs:"),
        "stderr: {err}"
    );
    assert!(err.contains("a panic asked for by YS_TEST_PANIC"), "{err}");
}

fn record(dir: &TempDir, s: &Path) -> PathBuf {
    let out = dir.path().join("t.ron");
    let o = ys()
        .arg("record")
        .arg(s)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    out
}

#[test]
fn run_writes_the_output_before_a_panic_then_exits_70_naming_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(&dir, "t.py", GEN);
    let out = panicking(ys().arg("run").arg(&s));
    says_internal_error(&out);
    assert!(
        text(&out.stdout).starts_with("1\none\n2\nBOOM\n"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn record_after_a_panic_leaves_a_loadable_file_ending_in_the_internal_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(&dir, "t.py", GEN);
    let file = dir.path().join("t.ron");
    let out = panicking(ys().arg("record").arg(&s).arg("-o").arg(&file));
    says_internal_error(&out);
    assert!(text(&out.stderr).contains("the recording so far is in"));
    let ron = std::fs::read_to_string(&file).expect("recording");
    assert!(ron.contains("BOOM"), "{ron}");
    let last = ron.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("End(Failed(\"internal error at vm/src/guard.rs:"),
        "{last}"
    );
    let show = ys().arg("show").arg(&file).output().expect("runs");
    assert_eq!(show.status.code(), Some(0), "{}", text(&show.stderr));
}

#[test]
fn replay_of_a_run_that_panics_exits_70_naming_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(&dir, "t.py", GEN);
    let file = record(&dir, &s);
    says_internal_error(&panicking(ys().arg("replay").arg(&file)));
}

#[test]
fn branch_of_a_run_that_panics_exits_70_naming_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(&dir, "t.py", GEN);
    let file = record(&dir, &s);
    let before = std::fs::read(&file).expect("recording");
    let out = panicking(
        ys().arg("branch")
            .arg(&file)
            .arg("--at")
            .arg("0")
            .arg("--send")
            .arg("None"),
    );
    says_internal_error(&out);
    assert_eq!(std::fs::read(&file).expect("recording"), before);
}

#[test]
fn check_of_a_run_that_panics_exits_70_naming_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(&dir, "t.py", GEN);
    let file = record(&dir, &s);
    let out = panicking(ys().current_dir(dir.path()).arg("check").arg(&file));
    says_internal_error(&out);
}

#[test]
fn max_memory_gives_the_program_memory_error_with_cpythons_traceback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(
        &dir,
        "big.py",
        "print('before')\nx = [0] * 10**8\nprint('after')\n",
    );
    let out = ys()
        .args(["run", "--max-memory", "64M"])
        .arg(&s)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "before\n");
    assert_eq!(
        text(&out.stderr),
        format!(
            "Traceback (most recent call last):\n  File \"{}\", line 2, in <module>\n    x = [0] * 10**8\n        ~~~~^~~~~~~\nMemoryError\n",
            std::fs::canonicalize(&s).expect("path").display()
        )
    );
}

#[test]
fn without_max_memory_the_same_program_runs_to_the_end() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(&dir, "big.py", "x = [0] * 10**6\nprint('after')\n");
    let out = ys().arg("run").arg(&s).output().expect("runs");
    assert_eq!(text(&out.stdout), "after\n");
}

#[test]
fn max_memory_applies_under_record_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = script(&dir, "big.py", "print('before')\nx = [0] * 10**8\n");
    let file = dir.path().join("big.ron");
    let out = ys()
        .args(["record", "--max-memory", "64M"])
        .arg(&s)
        .arg("-o")
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("MemoryError\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_bad_max_memory_is_a_usage_error() {
    let out = ys()
        .args(["run", "--max-memory", "lots", "x.py"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("invalid size"),
        "{}",
        text(&out.stderr)
    );
}
