//! The `os` functions and unseeded `random` as outside inputs: a replay
//! serves what the recorded run saw and never touches the disk, and a
//! branch asking for what the recorded run did not read is refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tempfile::TempDir;

fn ys() -> Command {
    Command::new(env!("CARGO_BIN_EXE_yieldscope"))
}

fn tmp(tag: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("ys-os-{tag}-"))
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

const LISTER: &str = "import os, random
def lister():
    name = yield 'ready'
    while True:
        name = yield (sorted(os.listdir(name)), random.random())
";

fn record(d: &Path) -> PathBuf {
    let script = write(d, "lister.py", LISTER);
    std::fs::create_dir(d.join("seen")).expect("mkdir");
    write(&d.join("seen"), "a.txt", "x");
    std::fs::create_dir(d.join("hidden")).expect("mkdir");
    write(&d.join("hidden"), "secret-name.txt", "x");
    let out = d.join("lister.ron");
    let (code, _, stderr) = run(ys()
        .arg("record")
        .arg(&script)
        .args(["--entry", "lister()", "--send", "'seen'", "-o"])
        .arg(&out));
    assert_eq!(code, 0, "{stderr}");
    out
}

#[test]
fn replay_serves_recorded_listings_and_entropy() {
    let d = tmp("replay");
    let f = record(d.path());
    // The folder changes after the run: the replay must not notice.
    write(&d.path().join("seen"), "b.txt", "y");
    let (code, out, err) = run(ys().arg("replay").arg(&f));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("every event matches"), "{out}{err}");
}

#[test]
fn branch_listing_an_unrecorded_folder_raises_permission_error() {
    let d = tmp("branch");
    let f = record(d.path());
    let b = d.path().join("b.ron");
    let (code, _, stderr) = run(ys()
        .arg("branch")
        .arg(&f)
        .args(["--at", "1", "--send", "'hidden'", "-o"])
        .arg(&b));
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&b).expect("branch written");
    assert!(!text.contains("secret-name"), "{text}");
    assert!(
        text.contains("PermissionError: [Errno 13] Permission denied: \\'hidden\\'"),
        "{text}"
    );
}

#[test]
fn a_replayed_mkdir_raises_what_the_live_run_raised_without_touching_the_disk() {
    let d = tmp("mkdir");
    let script = write(
        d.path(),
        "mk.py",
        "import os
def g():
    os.mkdir('made')
    try:
        os.mkdir('made')
    except FileExistsError as e:
        yield str(e)
    os.rmdir('made')
    yield os.path.exists('made')
print(list(g()))
",
    );
    let out = d.path().join("mk.ron");
    let (code, stdout, stderr) = run(ys().arg("record").arg(&script).arg("-o").arg(&out));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("File exists: 'made'"), "{stdout}");
    assert!(!d.path().join("made").exists());
    // Were the replay to act on the disk, its first mkdir would now fail
    // and its rmdir would remove the folder.
    std::fs::create_dir(d.path().join("made")).expect("mkdir");
    let (code, o, e) = run(ys().arg("replay").arg(&out));
    assert_eq!(code, 0, "{o}{e}");
    assert!(o.contains("every event matches"), "{o}{e}");
    assert!(d.path().join("made").is_dir());
}
