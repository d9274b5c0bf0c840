//! Invariant 5: ordinary programs never overflow the Rust stack. Every
//! recursion that follows the program's data is either iterative or bounded
//! by `RecursionError`, at a million elements, on the test's own thread
//! (no big-stack thread here).

use yieldscope_vm::{Event, Stream, Vm};

/// Runs `src` on this thread; returns (stdout, stderr).
fn run(src: &str) -> (String, String) {
    let mut vm = Vm::new();
    vm.load_main("t.py", src).expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    vm.shutdown();
    let (mut out, mut err) = (String::new(), String::new());
    for (s, t) in vm.take_output() {
        match s {
            Stream::Stdout => out.push_str(&t),
            Stream::Stderr => err.push_str(&t),
        }
    }
    (out, err)
}

fn stdout_of(src: &str) -> String {
    let (out, err) = run(src);
    assert_eq!(err, "", "stderr of {src}");
    out
}

#[test]
fn consumers_of_composite_iterators_take_a_million_items() {
    let src = "\
n = 10**6
print(len(list(enumerate(range(n)))))
print(len(list(zip(range(n)))))
print(len(tuple(zip(range(n)))))
print(sorted(zip(range(n)))[-1])
print(sum(map(abs, range(n))))
print(max(enumerate(range(n))))
print(any(map(bool, [0] * n)))
print(len(dict(zip(range(n), range(n)))))
print(len(set(enumerate(range(n)))))
";
    assert_eq!(
        stdout_of(src),
        "1000000\n1000000\n1000000\n(999999,)\n499999500000\n(999999, 999999)\nFalse\n1000000\n1000000\n"
    );
}

#[test]
fn a_million_nested_iterators_end_in_recursion_error() {
    for wrap in [
        "map(abs, it)",
        "zip(it)",
        "enumerate(it)",
        "(x for x in it)",
    ] {
        let src = format!(
            "it = iter(range(3))\nfor i in range(10**6):\n    it = {wrap}\ntry:\n    next(it)\nexcept RecursionError as e:\n    print(e)\nit = None\nprint('dropped')\n"
        );
        assert_eq!(
            stdout_of(&src),
            "maximum recursion depth exceeded\ndropped\n",
            "{wrap}"
        );
    }
}

const NESTED: &str = "\
a = []
b = []
t = ()
d = {}
for i in range(10**6):
    a = [a]
    b = [b]
    t = (t,)
    d = {1: d}
def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except RecursionError as e:
        print(label, e)
";

#[test]
fn repr_and_comparison_of_a_million_nested_containers_raise_recursion_error() {
    let src = format!(
        "{NESTED}attempt('repr', lambda: repr(a))\nattempt('str', lambda: str(t))\nattempt('drepr', lambda: repr(d))\nattempt('eq', lambda: a == b)\nattempt('lt', lambda: a < b)\nattempt('deq', lambda: d == {{1: {{1: d}}}})\nattempt('hash', lambda: hash(t))\nattempt('same', lambda: t == t)\n"
    );
    assert_eq!(
        stdout_of(&src),
        "repr maximum recursion depth exceeded while getting the repr of an object\n\
         str maximum recursion depth exceeded while getting the repr of an object\n\
         drepr maximum recursion depth exceeded while getting the repr of an object\n\
         eq maximum recursion depth exceeded in comparison\n\
         lt maximum recursion depth exceeded in comparison\n\
         deq maximum recursion depth exceeded in comparison\n\
         hash maximum recursion depth exceeded while calculating a hash\n\
         same ok\n"
    );
}

#[test]
fn copying_pickling_and_collecting_a_million_nested_containers() {
    let src = format!(
        "{NESTED}import copy, pickle, gc
attempt('copy', lambda: copy.copy(a))
attempt('deepcopy', lambda: copy.deepcopy(a))
def roundtrip():
    x = pickle.loads(pickle.dumps(a))
    n = 0
    while x:
        x = x[0]
        n += 1
    print(n)
attempt('pickle', roundtrip)
a.append(a)
a = b = t = d = None
print(gc.collect() > 0)
"
    );
    let out = stdout_of(&src);
    assert!(out.starts_with("copy ok\n"), "{out}");
    assert!(out.ends_with("True\n"), "{out}");
}

const LINKED: &str = "\
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
head = None
for i in range(10**6):
    head = Node(head)
";

#[test]
fn a_million_node_linked_list_is_copied_pickled_collected_and_freed() {
    let src = format!(
        "{LINKED}import copy, pickle, gc
def length(x):
    n = 0
    while x is not None:
        x = x.nxt
        n += 1
    return n
print(length(copy.deepcopy(head)))
print(length(pickle.loads(pickle.dumps(head))))
tail = head
while tail.nxt is not None:
    tail = tail.nxt
tail.nxt = head
tail = None
head = None
print(gc.collect() > 0)
"
    );
    assert_eq!(stdout_of(&src), "1000000\n1000000\nTrue\n");
}

#[test]
fn a_world_holding_long_linked_structures_serializes_and_restores() {
    let src = format!(
        "{LINKED}a = []\nfor i in range(10**6):\n    a = [a]\ndef g():\n    yield len(a)\n    yield head.nxt is not None\nit = g()\nprint(next(it))\nprint(next(it))\n"
    );
    let mut vm = Vm::new();
    vm.pause_on_yield = true;
    vm.load_main("t.py", &src).expect("compiles");
    loop {
        match vm.run(None) {
            Event::Suspended { .. } => break,
            Event::Budget => {}
            other => panic!("ended early: {other:?}"),
        }
    }
    let copy = vm.clone();
    let text = ron::to_string(&copy).expect("serializes");
    drop(copy);
    let mut restored: Vm = ron::from_str(&text).expect("deserializes");
    restored.after_deserialize();
    while let Event::Suspended { .. } | Event::Budget = restored.run(None) {}
    let out: String = restored
        .take_output()
        .into_iter()
        .filter(|(s, _)| *s == Stream::Stdout)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(out, "1\nTrue\n");
}

#[test]
fn a_panic_inside_a_step_is_an_internal_error_naming_its_place_and_poisons_the_vm() {
    let mut vm = Vm::new();
    vm.load_main("t.py", "print('before')\n").expect("compiles");
    assert_eq!(vm.run_guarded(None), Ok(Event::Finished));
    let err = vm
        .guarded(|_| -> Event { panic!("boom") })
        .expect_err("caught");
    assert_eq!(err.message, "boom");
    assert!(err.location.contains("robustness.rs"), "{err}");
    assert_eq!(vm.poisoned(), Some(&err));
    // Output printed before the panic is still there to write.
    let out: String = vm.take_output().into_iter().map(|(_, t)| t).collect();
    assert_eq!(out, "before\n");
    // The poisoned VM is not run again.
    assert_eq!(vm.run_guarded(None), Err(err));
    assert_eq!(yieldscope_vm::INTERNAL_ERROR_EXIT, 70);
}

/// Runs `src` with a memory limit of `limit` bytes; returns stdout.
fn run_limited(src: &str, limit: usize) -> String {
    let mut vm = Vm::new();
    vm.max_memory = limit;
    vm.load_main("t.py", src).expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    vm.take_output()
        .into_iter()
        .filter(|(s, _)| *s == Stream::Stdout)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn past_the_memory_limit_a_program_gets_memory_error() {
    let src = "\
import itertools
def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except MemoryError:
        print(label, 'MemoryError')
attempt('count', lambda: list(itertools.count()))
attempt('tuple count', lambda: tuple(itertools.count()))
attempt('repeat', lambda: [0] * 10**7)
attempt('pow', lambda: 2 ** (10**12))
attempt('pow small', lambda: 3 ** 1000)
attempt('join', lambda: ''.join(['x' * 1000] * 100000))
attempt('center', lambda: 'x'.center(10**8))
attempt('shift', lambda: 1 << 10**9)
attempt('range', lambda: list(range(10**7)))
attempt('small', lambda: list(range(1000)))
";
    assert_eq!(
        run_limited(src, 64 << 20),
        "count MemoryError\ntuple count MemoryError\nrepeat MemoryError\npow MemoryError\npow small ok\njoin MemoryError\ncenter MemoryError\nshift MemoryError\nrange MemoryError\nsmall ok\n"
    );
}

#[test]
fn the_default_memory_limit_follows_the_machine() {
    let vm = Vm::new();
    assert!(vm.max_memory >= 1 << 28, "{}", vm.max_memory);
    assert_eq!(vm.max_memory, yieldscope_vm::memory::default_max_memory());
}
