//! The driver's trace: suspensions noted without stopping, and when the VM
//! stops instead.

use yieldscope_vm::driver::{Captured, Traced};
use yieldscope_vm::{Event, Value, Vm};

/// A VM about to run `src`, stopping at suspensions, with room to note `room`.
fn vm_with(src: &str, room: u64) -> Vm {
    let mut vm = Vm::new();
    vm.load_main("t.py", src).expect("compiles");
    vm.pause_on_yield = true;
    vm.driver.log_resumes = true;
    vm.driver.trace.room = room;
    vm.driver.trace.until = u64::MAX;
    vm
}

/// The noted suspensions' values, rendered.
fn yields(vm: &Vm) -> Vec<(String, bool)> {
    vm.driver
        .trace
        .events
        .iter()
        .filter_map(|e| match e {
            Traced::Yield(y) => Some((vm.driver.trace.repr(y.value), y.stopped)),
            Traced::Resume(_) => None,
        })
        .collect()
}

const COUNT: &str =
    "def g(n):\n    for i in range(n):\n        yield i\nfor x in g(5):\n    pass\n";

#[test]
fn with_room_the_vm_notes_suspensions_and_runs_on() {
    let mut vm = vm_with(COUNT, 100);
    assert_eq!(vm.run(None), Event::Finished);
    let ys = yields(&vm);
    assert_eq!(ys.len(), 5);
    assert!(ys.iter().all(|(_, stopped)| !stopped));
    assert_eq!(ys[4].0, "4");
    let resumes = vm
        .driver
        .trace
        .events
        .iter()
        .filter(|e| matches!(e, Traced::Resume(_)))
        .count();
    assert_eq!(resumes, 6, "five yields and the final resume");
}

#[test]
fn when_the_room_is_used_up_the_vm_stops_at_the_next_suspension() {
    let mut vm = vm_with(COUNT, 2);
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    let ys = yields(&vm);
    assert_eq!(
        ys,
        [("0".into(), false), ("1".into(), false), ("2".into(), true)]
    );
    assert_eq!(vm.driver.trace.room, 0);
}

#[test]
fn a_due_checkpoint_stops_the_vm() {
    let mut vm = vm_with(COUNT, 100);
    vm.driver.trace.until = 0;
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    assert_eq!(yields(&vm), [("0".into(), true)]);
}

#[test]
fn pending_output_stops_the_vm_so_it_is_recorded_first() {
    let src = "def g():\n    print('hi')\n    yield 1\nfor x in g():\n    pass\n";
    let mut vm = vm_with(src, 100);
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    assert_eq!(yields(&vm), [("1".into(), true)]);
}

#[test]
fn a_value_that_is_not_plain_data_stops_the_vm_without_a_note() {
    let src = "def g():\n    yield {'a': 1}\nfor x in g():\n    pass\n";
    let mut vm = vm_with(src, 100);
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    assert!(yields(&vm).is_empty());
}

#[test]
fn a_renamed_generator_stops_the_vm_without_a_note() {
    let src =
        "def g():\n    yield 1\nit = g()\nit.__qualname__ = 'other'\nfor x in it:\n    pass\n";
    let mut vm = vm_with(src, 100);
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    assert!(yields(&vm).is_empty());
}

#[test]
fn strings_tuples_and_lists_are_copied_out_of_the_world() {
    let src = "def g():\n    s = 'a' * 3\n    yield s\n    yield (s, 1, None)\n    yield [True, 2.5]\n    yield ('x',)\n\
               for x in g():\n    pass\n";
    let mut vm = vm_with(src, 100);
    assert_eq!(vm.run(None), Event::Finished);
    let reprs: Vec<String> = yields(&vm).into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        reprs,
        ["'aaa'", "('aaa', 1, None)", "[True, 2.5]", "('x',)"]
    );
    // The copies outlive the originals.
    let strs = vm
        .driver
        .trace
        .events
        .iter()
        .filter(|e| matches!(e, Traced::Yield(y) if matches!(y.value, Captured::Str { .. })))
        .count();
    assert_eq!(strs, 1);
}

#[test]
fn sent_values_are_logged_as_copies() {
    let src = "def g():\n    while True:\n        x = yield\nc = g()\nnext(c)\nc.send(7)\nc.send('s')\nc.send([1])\n";
    let mut vm = vm_with(src, 100);
    assert_eq!(vm.run(None), Event::Finished);
    let sent: Vec<String> = vm
        .driver
        .trace
        .events
        .iter()
        .filter_map(|e| match e {
            Traced::Resume(r) => Some(match &r.how {
                yieldscope_vm::driver::ResumeKind::SendCaptured(c) => vm.driver.trace.repr(*c),
                other => format!("{other:?}"),
            }),
            Traced::Yield(_) => None,
        })
        .collect();
    assert_eq!(sent, ["Next", "7", "'s'", "[1]"]);
    assert!(matches!(
        vm.driver.trace.events.last(),
        Some(Traced::Yield(y)) if y.value == Captured::Scalar(Value::None)
    ));
}

#[test]
fn a_generator_of_a_renamed_function_stops_the_vm_without_a_note() {
    let src = "def g():\n    yield 1\ng.__qualname__ = 'other'\nfor x in g():\n    pass\n";
    let mut vm = vm_with(src, 100);
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    assert!(yields(&vm).is_empty());
}

#[test]
fn a_generator_renamed_back_is_noted_again() {
    let src = "def g():\n    yield 1\n    yield 2\nit = g()\nit.__qualname__ = 'x'\nit.__qualname__ = 'g'\nfor x in it:\n    pass\n";
    let mut vm = vm_with(src, 100);
    assert_eq!(vm.run(None), Event::Finished);
    assert_eq!(yields(&vm).len(), 2);
}

#[test]
fn big_strings_stop_the_vm_before_the_trace_holds_too_much() {
    // Each yield is a 6 MiB string: the trace copies two, then stops.
    let src = "def g():\n    s = 'x' * (6 << 20)\n    for i in range(10):\n        yield s\nfor x in g():\n    pass\n";
    let mut vm = vm_with(src, 100);
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    assert!(vm.driver.trace.text.len() <= yieldscope_vm::driver::MAX_TRACE_TEXT);
    let ys = yields(&vm);
    assert_eq!(
        ys.len(),
        2,
        "two copied, the third stops without a note (no renderer)"
    );
}
