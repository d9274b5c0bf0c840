//! Invariant 2: generators suspend while built-ins that consume them are on
//! the VM's frame stack, and the VM hands control back to its driver at
//! every such suspension (no Rust recursion holds the state).

use yieldscope_vm::frame::FrameKind;
use yieldscope_vm::{Event, Stream, Vm};

/// Runs `src` pausing at every suspension; returns (number of pauses that had
/// a native frame on the stack, total pauses, stdout).
fn run_pausing(src: &str) -> (usize, usize, String) {
    let mut vm = Vm::new();
    vm.pause_on_yield = true;
    vm.load_main("t.py", src).expect("compiles");
    let (mut with_native, mut pauses) = (0, 0);
    loop {
        match vm.run(None) {
            Event::Suspended { .. } => {
                pauses += 1;
                if vm
                    .frames
                    .iter()
                    .any(|f| matches!(f.kind, FrameKind::Native(_)))
                {
                    with_native += 1;
                }
            }
            Event::Budget => {}
            other => {
                assert_eq!(other, Event::Finished);
                break;
            }
        }
    }
    let out = vm
        .take_output()
        .into_iter()
        .filter(|(s, _)| *s == Stream::Stdout)
        .map(|(_, t)| t)
        .collect();
    (with_native, pauses, out)
}

#[test]
fn list_of_generator_pauses_inside_list() {
    let (native, pauses, out) =
        run_pausing("def g():\n    for i in range(3):\n        yield i\nprint(list(g()))\n");
    assert_eq!(out, "[0, 1, 2]\n");
    assert_eq!((native, pauses), (3, 3));
}

#[test]
fn sum_of_generator_pauses_inside_sum() {
    let (native, pauses, out) = run_pausing("print(sum(x * x for x in range(4)))\n");
    assert_eq!(out, "14\n");
    assert_eq!((native, pauses), (4, 4));
}

#[test]
fn sorted_with_key_pauses_inside_sorted() {
    let src =
        "def g():\n    yield 3\n    yield 1\n    yield 2\nprint(sorted(g(), key=lambda v: -v))\n";
    let (native, pauses, out) = run_pausing(src);
    assert_eq!(out, "[3, 2, 1]\n");
    assert_eq!((native, pauses), (3, 3));
}

#[test]
fn for_over_class_with_next_driving_a_generator_pauses() {
    let src = "\
def g():
    yield 'a'
    yield 'b'
class Wrap:
    def __init__(self):
        self.inner = g()
    def __iter__(self):
        return self
    def __next__(self):
        return next(self.inner).upper()
for x in Wrap():
    print(x)
";
    let (_, pauses, out) = run_pausing(src);
    assert_eq!(out, "A\nB\n");
    assert_eq!(pauses, 2);
}

#[test]
fn deep_recursion_raises_recursion_error_not_a_rust_overflow() {
    let src = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n";
    let out = Vm::run_script("t.py", src, std::path::Path::new("."));
    assert_eq!(out.stdout, "caught maximum recursion depth exceeded\n");
}
