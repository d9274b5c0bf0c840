//! The checks a world read from a file must pass before it runs
//! (`Vm::check_world`, `Vm::check_code`): everything the compiler makes
//! passes them, and hand-damaged code objects and frames fail them with a
//! message instead of panicking the interpreter later.

use std::path::{Path, PathBuf};
use yieldscope_vm::code::{Code, Op};
use yieldscope_vm::Vm;

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Compiles `text` in a fresh VM and checks every code object it made.
fn check_compiled(name: &str, text: &str) -> Result<usize, String> {
    let mut vm = Vm::new();
    let before = vm.codes.len();
    if vm.compile(name, text, "__main__").is_err() {
        // Syntax errors are the compiler's business, not this check's.
        return Ok(0);
    }
    for (i, c) in vm.codes.iter().enumerate().skip(before) {
        vm.check_code(c)
            .map_err(|e| format!("{name}: code {i} '{}': {e}", c.qualname))?;
    }
    Ok(vm.codes.len() - before)
}

#[test]
fn every_code_the_compiler_makes_passes_the_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    python_files(&root.join("tests/conformance"), &mut files);
    python_files(&root.join("tests/dis"), &mut files);
    python_files(&root.join("../scripts"), &mut files);
    files.sort();
    assert!(files.len() > 100, "found only {} files", files.len());
    let mut failed = Vec::new();
    let mut codes = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).expect("source");
        match check_compiled(&f.display().to_string(), &text) {
            Ok(n) => codes += n,
            Err(e) => failed.push(e),
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} files compile to code the check refuses:\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
    assert!(codes > 1000, "only {codes} code objects checked");
}

/// CPython's own Python modules, where a CPython is installed (set
/// `YS_CHECK_LIB=/path/to/Lib` to point at one): the biggest body of real
/// code the compiler sees.
#[test]
fn cpythons_library_compiles_to_code_that_passes_the_check() {
    let lib = std::env::var_os("YS_CHECK_LIB")
        .map(PathBuf::from)
        .or_else(|| {
            let out = std::process::Command::new("python3")
                .args(["-c", "import os; print(os.path.dirname(os.__file__))"])
                .output()
                .ok()?;
            Some(PathBuf::from(String::from_utf8(out.stdout).ok()?.trim()))
        });
    let Some(lib) = lib.filter(|l| l.join("os.py").is_file()) else {
        eprintln!("no CPython library found: skipped");
        return;
    };
    let mut files = Vec::new();
    python_files(&lib, &mut files);
    for sub in [
        "json",
        "collections",
        "importlib",
        "email",
        "unittest",
        "asyncio",
    ] {
        python_files(&lib.join(sub), &mut files);
    }
    files.sort();
    let mut failed = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        if let Err(e) = check_compiled(&f.display().to_string(), &text) {
            failed.push(e);
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} library files compile to code the check refuses:\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

/// A small function's code, compiled in `vm`.
fn sample(vm: &mut Vm) -> Code {
    vm.compile(
        "t.py",
        "def f(a):\n    b = a * 2\n    for i in range(b):\n        yield i\n",
        "__main__",
    )
    .expect("compiles");
    vm.codes
        .iter()
        .find(|c| &*c.qualname == "f")
        .map(|c| (**c).clone())
        .expect("f")
}

fn refused(edit: impl Fn(&mut Code)) -> String {
    let mut vm = Vm::new();
    let mut c = sample(&mut vm);
    assert!(vm.check_code(&c).is_ok());
    edit(&mut c);
    vm.check_code(&c).expect_err("damaged code passes")
}

fn replace_first(c: &mut Code, pick: impl Fn(&Op) -> bool, with: Op) {
    let i = c.ops.iter().position(pick).expect("instruction");
    c.ops[i] = with;
}

#[test]
fn a_local_index_past_the_locals_is_refused() {
    let e = refused(|c| replace_first(c, |o| matches!(o, Op::LoadFast(_)), Op::LoadFast(77)));
    assert!(e.contains("operand out of range"), "{e}");
}

#[test]
fn a_constant_index_past_the_constants_is_refused() {
    let e = refused(|c| replace_first(c, |o| matches!(o, Op::LoadConst(_)), Op::LoadConst(55)));
    assert!(e.contains("operand out of range"), "{e}");
}

#[test]
fn a_jump_past_the_code_is_refused() {
    let e = refused(|c| replace_first(c, |o| matches!(o, Op::ForIter(_)), Op::ForIter(999)));
    assert!(e.contains("operand out of range"), "{e}");
}

#[test]
fn an_instruction_that_takes_more_than_the_stack_holds_is_refused() {
    let e = refused(|c| {
        replace_first(
            c,
            |o| matches!(o, Op::Binary(_)),
            Op::Binary(yieldscope_vm::code::BinOp::Add),
        );
        replace_first(c, |o| matches!(o, Op::LoadFast(_)), Op::Nop);
    });
    assert!(e.contains("values from a stack of"), "{e}");
}

#[test]
fn paths_that_meet_with_different_depths_are_refused() {
    let e = refused(|c| {
        let i = c
            .ops
            .iter()
            .position(|o| matches!(o, Op::PopTop))
            .expect("PopTop");
        c.ops[i] = Op::Nop;
    });
    assert!(e.contains("is reached with"), "{e}");
}

#[test]
fn a_path_past_the_last_instruction_is_refused() {
    let e = refused(|c| {
        let last = c.ops.len() - 1;
        c.ops[last] = Op::Nop;
    });
    assert!(e.contains("past the last instruction"), "{e}");
}

#[test]
fn positions_that_do_not_match_the_instructions_are_refused() {
    let e = refused(|c| {
        c.spans.pop();
    });
    assert!(e.contains("positions"), "{e}");
}
