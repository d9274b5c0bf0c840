//! Differential tests: every program in `vm/tests/conformance/` and
//! `scripts/` must print exactly what CPython 3.11 printed (the committed
//! `.stdout`, `.stderr` and `.exit` files, made by `tools/regen_expected.py`),
//! and end with every reference count equal to the references held.
//!
//! Cases listed in `vm/tests/conformance/KNOWN_FAILURES` are expected to
//! fail for now; the test fails if one of them starts passing (so the list
//! shrinks) or if any other case fails.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use yieldscope_vm::Vm;

fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0' && i + 1 < b.len() && b[i + 1] == b'x' {
            let mut j = i + 2;
            while j < b.len() && b[j].is_ascii_hexdigit() {
                j += 1;
            }
            if j > i + 2 {
                out.push_str("0x?");
                i = j;
                continue;
            }
        }
        out.push(b[i] as char);
        i += 1;
    }
    out
}

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("case directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            !n.starts_with("helper_") && !n.starts_with("lib_")
        })
        .collect();
    v.sort();
    v
}

fn check(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let dir = path.parent().unwrap().to_path_buf();
    let stem = path.with_extension("");
    let want_out = std::fs::read_to_string(stem.with_extension("stdout")).unwrap_or_default();
    let want_err = std::fs::read_to_string(stem.with_extension("stderr")).unwrap_or_default();
    let want_exit: i32 = std::fs::read_to_string(stem.with_extension("exit"))
        .map(|s| s.trim().parse().unwrap_or(1))
        .unwrap_or(0);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let r = std::panic::catch_unwind(|| Vm::run_script(&name, &source, &dir));
            let _ = tx.send(r);
        })
        .unwrap();
    let got = match rx.recv_timeout(std::time::Duration::from_secs(20)) {
        Ok(Ok(out)) => out,
        Ok(Err(_)) => return Err("the VM panicked".to_string()),
        Err(_) => return Err("timed out after 20 s".to_string()),
    };
    // Paths of imported modules are absolute, as in CPython: the case
    // folder is removed from them as from the expectations.
    let mut got = got;
    for d in [
        std::fs::canonicalize(path.parent().unwrap()).ok(),
        Some(path.parent().unwrap().to_path_buf()),
    ]
    .into_iter()
    .flatten()
    {
        let prefix = format!("{}/", d.display());
        got.stdout = got.stdout.replace(&prefix, "");
        got.stderr = got.stderr.replace(&prefix, "");
    }
    let mut problems = String::new();
    if normalize(&got.stdout) != normalize(&want_out) {
        let diff = similar::TextDiff::from_lines(&want_out, &got.stdout);
        let _ = writeln!(
            problems,
            "stdout differs:\n{}",
            diff.unified_diff()
                .context_radius(2)
                .header("expected", "got")
        );
    }
    if normalize(&got.stderr) != normalize(&want_err) {
        let diff = similar::TextDiff::from_lines(&want_err, &got.stderr);
        let _ = writeln!(
            problems,
            "stderr differs:\n{}",
            diff.unified_diff()
                .context_radius(2)
                .header("expected", "got")
        );
    }
    if got.exit_code != want_exit {
        let _ = writeln!(
            problems,
            "exit status {} (expected {want_exit})",
            got.exit_code
        );
    }
    if !got.refcount_problems.is_empty() {
        let _ = writeln!(
            problems,
            "reference counts wrong at the end:\n{}",
            got.refcount_problems.join("\n")
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn run_dir(dir: &Path, known_file: &Path) {
    let known: Vec<String> = std::fs::read_to_string(known_file)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let needs_python: Vec<String> = std::fs::read_to_string(dir.join("NEEDS_CPYTHON"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let have_python = yieldscope_vm::import::python::python_info().is_some();
    if !have_python && !needs_python.is_empty() {
        eprintln!(
            "no CPython 3.11 found: skipping the {} cases in {} (they import its Lib)",
            needs_python.len(),
            dir.join("NEEDS_CPYTHON").display()
        );
    }
    let only = std::env::var("CASE").ok();
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for case in cases(dir) {
        let stem = case.file_stem().unwrap().to_string_lossy().to_string();
        if only.as_ref().is_some_and(|o| !stem.contains(o.as_str())) {
            continue;
        }
        if !have_python && needs_python.contains(&stem) {
            continue;
        }
        let expected_fail = known.contains(&stem);
        match check(&case) {
            Ok(()) if expected_fail => fixed.push(stem),
            Ok(()) => passed += 1,
            Err(_) if expected_fail => {}
            Err(p) => failures.push(format!("=== {stem}\n{p}")),
        }
    }
    eprintln!("{passed} cases passed in {}", dir.display());
    assert!(
        failures.is_empty() && fixed.is_empty(),
        "{} failing case(s):\n{}\nnow passing, remove from {}: {:?}\n(regenerate expectations with: python3 tools/regen_expected.py)",
        failures.len(),
        failures.join("\n"),
        known_file.display(),
        fixed
    );
}

#[test]
fn conformance_corpus_matches_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    run_dir(
        &root.join("tests/conformance"),
        &root.join("tests/conformance/KNOWN_FAILURES"),
    );
}

#[test]
fn example_scripts_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    run_dir(&root.join("scripts"), &root.join("scripts/KNOWN_FAILURES"));
}
