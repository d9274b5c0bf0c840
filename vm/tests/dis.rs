//! Golden disassemblies: every `vm/tests/dis/NAME.py` disassembles to
//! exactly `NAME.dis` (instructions, their `line:col` spans and resolved
//! operands), which tests the compiler's output and its span table
//! instruction by instruction. After a deliberate compiler change, rewrite
//! them with `YS_UPDATE_GOLDEN=1 cargo test -p yieldscope-vm --test dis`
//! and read the diff.

use std::path::{Path, PathBuf};

const UPDATE: &str = "YS_UPDATE_GOLDEN";

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/dis")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

#[test]
fn disassembly_matches_golden_files() {
    let update = std::env::var_os(UPDATE).is_some_and(|v| v == "1");
    let all = cases();
    assert!(!all.is_empty(), "no cases in tests/dis");
    let mut failed = Vec::new();
    for py in &all {
        let name = py.file_name().expect("name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(py).expect("case source");
        let got = yieldscope_vm::dis::disassemble(&name, &text)
            .unwrap_or_else(|e| panic!("{name} does not compile: {e}"));
        let golden = py.with_extension("dis");
        if update {
            std::fs::write(&golden, &got).expect("write golden file");
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            let diff = similar::TextDiff::from_lines(&want, &got)
                .unified_diff()
                .header("expected", "disassembled")
                .to_string();
            failed.push(format!("{}:\n{diff}", golden.display()));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} disassemblies differ from their golden files \
         (rerun with {UPDATE}=1 to rewrite them, then review the diff):\n\n{}",
        failed.len(),
        all.len(),
        failed.join("\n")
    );
}

#[test]
fn disassembly_reports_syntax_errors() {
    let e = yieldscope_vm::dis::disassemble("bad.py", "def f(:\n").expect_err("syntax error");
    assert!(
        matches!(&e, yieldscope_vm::VmError::Syntax(_, path) if path == "bad.py"),
        "{e}"
    );
}
