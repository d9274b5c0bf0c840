//! Reference counting as CPython does it: objects are freed when their last
//! reference goes, abandoned generators are closed then, and nothing leaks.

use yieldscope_vm::{Event, Vm};

fn live_after(src: &str) -> (usize, String) {
    let mut vm = Vm::new();
    vm.load_main("t.py", src).expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    let out = vm.take_output().into_iter().map(|(_, t)| t).collect();
    (vm.heap.live, out)
}

#[test]
fn dropped_containers_leave_no_live_objects_behind() {
    let src = |n: u32| {
        format!("for i in range({n}):\n    l = [str(i), [i, {{'k': (i, 'v')}}]]\n    d = {{i: l}}\nl = d = None\n")
    };
    let (once, _) = live_after(&src(1));
    let (many, _) = live_after(&src(1000));
    assert_eq!(many, once);
}

#[test]
fn a_dropped_deep_copy_frees_everything_it_made() {
    let src = |n: u32| {
        format!("import copy\nx = [[1, 'a'], {{'b': [2]}}]\nfor _ in range({n}):\n    y = copy.deepcopy(x)\ny = None\n")
    };
    let (once, _) = live_after(&src(1));
    let (many, _) = live_after(&src(100));
    assert_eq!(many, once);
}

#[test]
fn next_with_a_default_keeps_no_reference_to_the_default_when_the_generator_yields() {
    let src = |n: u32| {
        format!("def g():\n    while True:\n        yield 1\nit = g()\nfor _ in range({n}):\n    next(it, [object()])\n")
    };
    let (once, _) = live_after(&src(1));
    let (many, _) = live_after(&src(500));
    assert_eq!(many, once);
}

#[test]
fn abandoned_generator_is_closed_before_the_next_statement() {
    let (_, out) = live_after("def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('closed')\nfor x in g():\n    break\nprint('after')\n");
    assert_eq!(out, "closed\nafter\n");
}

#[test]
fn generator_cycle_is_collected_by_gc_collect() {
    let (_, out) = live_after("import gc\ndef g():\n    try:\n        yield me\n    finally:\n        print('finalized')\nme = g()\nnext(me)\nholder = [me]\nholder.append(holder)\nme = holder = None\nprint('before')\ngc.collect()\nprint('after')\n");
    assert_eq!(out, "before\nfinalized\nafter\n");
}

#[test]
fn million_deep_nesting_is_freed_without_overflow() {
    let src =
        |n: u32| format!("x = None\nfor i in range({n}):\n    x = [x]\nx = None\nprint('ok')\n");
    let (once, _) = live_after(&src(1));
    let (after, out) = live_after(&src(1_000_000));
    assert_eq!(out, "ok\n");
    assert_eq!(after, once);
}

/// The live-object count after running `body` once and 200 times (it uses
/// `N` for the count) after `setup`: equal when nothing leaks.
fn live_once_and_many(setup: &str, body: &str) -> (usize, usize) {
    let src = |n: u32| format!("{setup}for _ in range({n}):\n{body}");
    (live_after(&src(1)).0, live_after(&src(200)).0)
}

#[test]
fn iterating_a_class_with_only_getitem_leaves_nothing_behind() {
    let setup = "class S:\n    def __getitem__(self, i):\n        if i >= 3:\n            raise IndexError(i)\n        return i\n";
    let (once, many) = live_once_and_many(setup, "    list(S())\n    2 in S()\n");
    assert_eq!(many, once);
}

#[test]
fn truth_from_len_leaves_nothing_behind() {
    let setup = "class L:\n    def __len__(self):\n        return 1\n";
    let (once, many) = live_once_and_many(setup, "    if L():\n        pass\n");
    assert_eq!(many, once);
}

#[test]
fn chain_over_every_kind_of_source_leaves_nothing_behind() {
    let setup = "from itertools import chain\ndef g():\n    yield 1\n";
    let (once, many) = live_once_and_many(
        setup,
        "    list(chain('ab', (3,), [1, 2], g(), range(2)))\n",
    );
    assert_eq!(many, once);
}

#[test]
fn a_collecting_call_refused_before_it_starts_releases_what_it_held() {
    let body = "    try:\n        [].extend(range(2**64))\n    except OverflowError:\n        pass\n    try:\n        [].extend(5)\n    except TypeError:\n        pass\n";
    let (once, many) = live_once_and_many("", body);
    assert_eq!(many, once);
}
