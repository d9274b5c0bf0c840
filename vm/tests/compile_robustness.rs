//! The compiler answers every input with code or a syntax error, never a
//! panic (a quick deterministic stand-in for the fuzz target
//! `fuzz/fuzz_targets/compile_source.rs`).

use yieldscope_vm::Vm;

#[test]
fn mangled_sources_give_syntax_errors_not_panics() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scripts/card_game.py"
    ))
    .expect("script");
    let mut vm = Vm::new();
    // Truncations and single-byte deletions at many points.
    for cut in (0..base.len()).step_by(97) {
        if !base.is_char_boundary(cut) {
            continue;
        }
        let _ = vm.compile("t.py", &base[..cut], "__main__");
        let mut s = base.clone();
        s.remove(cut);
        let _ = vm.compile("t.py", &s, "__main__");
    }
    for src in [
        "def f(:\n",
        "yield 1\n",
        "return\n",
        "x = (\n",
        "class A(\n  pass",
        "f(**a, *b)\n",
        "nonlocal x\n",
        "break\n",
        "a +\n",
        "@\n",
        "lambda: (yield)\n",
        "[x async for x in y]\n",
    ] {
        let _ = vm.compile("t.py", src, "__main__");
    }
}

#[test]
fn syntax_error_reports_line_and_caret() {
    let mut vm = Vm::new();
    match vm.compile("bad.py", "x = 1\ndef broken(:\n    pass\n", "__main__") {
        Err(yieldscope_vm::VmError::Syntax(e, path)) => {
            let text = e.render(&path);
            assert_eq!(text, "  File \"bad.py\", line 2\n    def broken(:\n               ^\nSyntaxError: invalid syntax\n");
        }
        other => panic!("expected a syntax error, got {:?}", other.map(|_| ())),
    }
}
