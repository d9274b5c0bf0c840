//! The loader: clear errors naming the file and the place, never a panic;
//! a truncated tail loads with a warning; every format fixture and every
//! golden recording loads.

mod common;

use std::path::Path;
use yieldscope_inspector::{load, load_bytes, Error};

/// A recording with a world at every suspension (so every suspension is a full record).
fn sample() -> Vec<u8> {
    let (h, r) = common::record_with("acc.py", None, &[], 2, 0);
    let (file, _) = common::save_and_load("sample", &h, &r);
    std::fs::read(file).expect("read")
}

#[test]
fn truncated_files_load_with_a_warning() {
    let bytes = sample();
    let text = String::from_utf8(bytes.clone()).expect("utf8");
    let lines: Vec<&str> = text.lines().collect();
    for cut in [
        text.len() - 5,
        text.len() / 2,
        lines[0].len() + 1 + lines[1].len() / 2,
    ] {
        let rec = load_bytes(Path::new("t.ron"), &bytes[..cut]).expect("a prefix loads");
        let w = rec.truncated.expect("warning");
        assert!(w.contains("t.ron") && w.contains("truncated"), "{w}");
    }
}

#[test]
fn bad_input_gives_errors_with_file_and_place() {
    let bytes = sample();
    let text = String::from_utf8(bytes).expect("utf8");
    let p = Path::new("bad.ron");
    // Corrupted line in the middle.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[3] = lines[3].replacen('(', "{", 1);
    let e = load_bytes(p, lines.join("\n").as_bytes()).expect_err("corrupted");
    assert!(matches!(e, Error::Parse { line: 4, .. }), "{e}");
    assert!(e.to_string().starts_with("bad.ron:4:"), "{e}");
    // Unknown format version.
    let v = text.replacen(
        &format!("(format:{},", yieldscope_inspector::FORMAT_VERSION),
        "(format:99,",
        1,
    );
    let e = load_bytes(p, v.as_bytes()).expect_err("version");
    assert!(
        e.to_string()
            .contains("unknown recording format version 99"),
        "{e}"
    );
    // Hand-edited: a suspension out of order.
    let h = text.replacen("Suspend((n:1,", "Suspend((n:7,", 1);
    let e = load_bytes(p, h.as_bytes()).expect_err("edited");
    assert!(e.to_string().contains("out of order"), "{e}");
    // Empty, binary.
    assert!(load_bytes(p, b"").is_err());
    assert!(load_bytes(p, b"\xff\xfe garbage\n").is_err());
    assert!(load(Path::new("/nonexistent/x.ron"))
        .expect_err("missing")
        .to_string()
        .contains("/nonexistent/x.ron"));
}

#[test]
fn a_changed_script_is_refused_by_replay() {
    let (mut h, r) = common::record("acc.py", None, &[], 4);
    h.script = common::program("acc.py").display().to_string();
    h.source_hash = "fnv1a64:0000000000000000".into();
    let (_, rec) = common::save_and_load("changed", &h, &r);
    let e = yieldscope_inspector::check::replay(&rec, false).expect_err("changed");
    assert!(
        e.to_string().contains("changed since it was recorded"),
        "{e}"
    );
}

#[test]
fn every_format_fixture_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).expect("fixtures") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "ron") {
            let rec = load(&p).unwrap_or_else(|e| panic!("{e}"));
            assert!(rec.truncated.is_none(), "{}", p.display());
            assert!(rec.branches[0].suspension_count() > 0);
            rec.restore(
                rec.newest(),
                rec.branch(rec.newest()).expect("b").suspension_count() - 1,
            )
            .expect("restore");
            n += 1;
        }
    }
    assert!(n >= 1, "no fixtures");
}

#[test]
fn every_golden_recording_parses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../recordings");
    let files = yieldscope_inspector::load::list_recordings(&dir).expect("recordings/");
    assert!(!files.is_empty());
    for f in files {
        let rec = load(&f).unwrap_or_else(|e| panic!("{e}"));
        assert!(rec.truncated.is_none(), "{} is truncated", f.display());
    }
}

#[test]
fn fixtures_with_changed_numbers_load_or_fail_but_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for (name, tries) in [("v1.ron", 80), ("v2.ron", 80), ("v2-patches.ron", 30)] {
        let text = std::fs::read(dir.join(name)).expect("fixture");
        let digits: Vec<usize> = (0..text.len())
            .filter(|&i| text[i].is_ascii_digit())
            .collect();
        for _ in 0..tries {
            let mut t = text.clone();
            for _ in 0..1 + next() % 4 {
                let i = digits[usize::try_from(next()).unwrap_or(0) % digits.len()];
                t[i] = b'0' + u8::try_from(next() % 10).unwrap_or(0);
            }
            if let Ok(rec) = load_bytes(Path::new(name), &t) {
                for b in 0..=rec.newest() {
                    let n = rec.branch(b).map_or(0, |br| br.suspension_count());
                    for i in 0..n {
                        let _ = rec.restore(b, i);
                    }
                }
            }
        }
    }
}

#[test]
fn short_records_give_errors_with_file_and_place() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v4.ron");
    let text = std::fs::read_to_string(fixture).expect("fixture");
    let p = Path::new("short.ron");
    // A generator used before its declaration.
    let undeclared = text.replacen("G(1,477,\"acc\",\"acc.py\")\n", "", 1);
    let e = load_bytes(p, undeclared.as_bytes()).expect_err("undeclared");
    assert!(matches!(e, Error::Invalid { line: 2, .. }), "{e}");
    assert!(e.to_string().contains("generator #1 is used before"), "{e}");
    // A short line that does not parse.
    let broken = text.replacen("Y(1,5,Atom(\"0\"))", "Y(1,Atom(\"0\"))", 1);
    let e = load_bytes(p, broken.as_bytes()).expect_err("broken");
    assert!(matches!(e, Error::Parse { line: 5, .. }), "{e}");
    // Cut inside a short line: what came before loads, with a warning.
    let cut = text.find("Y(1,5,Atom(\"1\"))").expect("Y line") + 7;
    let rec = load_bytes(p, &text.as_bytes()[..cut]).expect("a prefix loads");
    assert!(rec.truncated.is_some());
    assert_eq!(rec.branches[0].suspension_count(), 1);
}
