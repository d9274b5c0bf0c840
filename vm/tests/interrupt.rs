//! A dunder that never returns runs in a nested loop the driver's budget
//! cannot reach: setting `Vm::interrupt` raises `KeyboardInterrupt` in it
//! (as CPython's Ctrl-C does), and an unset flag changes nothing, however
//! long the call runs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use yieldscope_vm::{Event, Vm};

/// The program's output and the steps it took.
fn run(src: &str, flag: &Arc<AtomicBool>) -> (String, u64) {
    let mut vm = Vm::new();
    vm.load_main("t.py", src).expect("compiles");
    vm.interrupt = Some(Arc::clone(flag));
    let mut out = String::new();
    loop {
        let ev = vm.run(Some(100_000));
        out.extend(vm.take_output().into_iter().map(|(_, t)| t));
        match ev {
            Event::Budget | Event::Suspended { .. } => {}
            other => {
                assert_eq!(other, Event::Finished, "{out}");
                return (out, vm.steps);
            }
        }
    }
}

#[test]
fn a_runaway_dunder_gets_keyboard_interrupt_when_the_flag_is_set() {
    let flag = Arc::new(AtomicBool::new(false));
    let setter = {
        let flag = Arc::clone(&flag);
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            flag.store(true, Ordering::Relaxed);
        })
    };
    let (out, _) = run(
        "class Spin:\n    def __eq__(self, other):\n        while True:\n            pass\n\n\
         try:\n    Spin() == 1\nexcept KeyboardInterrupt:\n    print('interrupted')\nprint('after')\n",
        &flag,
    );
    setter.join().expect("setter");
    assert_eq!(out, "interrupted\nafter\n");
}

#[test]
fn an_unset_flag_lets_a_long_dunder_finish() {
    let flag = Arc::new(AtomicBool::new(false));
    let (out, steps) = run(
        "class Slow:\n    def __eq__(self, other):\n        n = 0\n        while n < 400_000:\n            n += 1\n        return n\n\n\
         print(Slow() == 1)\n",
        &flag,
    );
    assert_eq!(out, "400000\n");
    assert!(
        steps > 2 << 20,
        "the call spans several slices ({steps} steps)"
    );
}
