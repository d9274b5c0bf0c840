//! Shared helpers for the copy and pickle tests: run a program on the VM
//! (on a thread with a big stack, as the conformance runner does).

#![allow(dead_code)]

use std::path::Path;
use yieldscope_vm::vm::RunOutput;
use yieldscope_vm::Vm;

/// Runs `source` as `name` with imports looked up in `dir`.
pub fn run_in(name: &str, source: &str, dir: &Path) -> RunOutput {
    let (name, source, dir) = (name.to_string(), source.to_string(), dir.to_path_buf());
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || Vm::run_script(&name, &source, &dir))
        .expect("thread")
        .join()
        .expect("the VM panicked")
}

/// Runs a program and returns stdout followed by stderr.
pub fn run(source: &str) -> String {
    let out = run_in("t.py", source, Path::new("."));
    format!("{}{}", out.stdout, out.stderr)
}

/// Asserts a program prints exactly `want` (stdout then stderr).
#[track_caller]
pub fn check(source: &str, want: &str) {
    let got = run(source);
    if got != want {
        panic!("output differs\n--- expected\n{want}--- got\n{got}");
    }
}
