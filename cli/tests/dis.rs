//! `yieldscope dis` end to end: it prints what `vm::dis` gives for the
//! script, and exits 1 on a syntax error, 2 on a missing file.

use std::path::Path;
use std::process::Command;

fn ys() -> Command {
    Command::new(env!("CARGO_BIN_EXE_yieldscope"))
}

#[test]
fn dis_prints_the_disassembly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../vm/tests/dis");
    let o = ys()
        .current_dir(&dir)
        .args(["dis", "basics.py"])
        .output()
        .expect("spawn");
    assert_eq!(o.status.code(), Some(0));
    let want = std::fs::read_to_string(dir.join("basics.dis")).expect("golden file");
    assert_eq!(String::from_utf8_lossy(&o.stdout), want);
}

#[test]
fn dis_reports_a_syntax_error_and_a_missing_file() {
    let tmp = tempfile::tempdir().expect("tmp dir");
    let bad = tmp.path().join("bad.py");
    std::fs::write(&bad, "x = (1,\n").expect("write");
    let o = ys().arg("dis").arg(&bad).output().expect("spawn");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("SyntaxError"));
    let o = ys()
        .arg("dis")
        .arg(tmp.path().join("missing.py"))
        .output()
        .expect("spawn");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("can't open file"));
}
