//! The weak-reference table reclaims an entry once its referent and the
//! weak reference that owned it are both gone, so it stays as small as the
//! number of weak references alive at once.

use yieldscope_vm::{Event, Vm};

fn run(src: &str) -> (Vm, String) {
    let mut vm = Vm::new();
    vm.load_main("t.py", src).expect("compiles");
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    let out = vm.take_output().into_iter().map(|(_, t)| t).collect();
    (vm, out)
}

#[test]
fn a_million_dropped_weak_references_keep_the_table_small() {
    let src = "import weakref\n\
class C:\n    pass\n\
keep = C()\n\
for i in range(500_000):\n    c = C()\n    r = weakref.ref(c)\n    c = None\n    assert r() is None\n\
for i in range(500_000):\n    r = weakref.ref(keep)\n\
r = None\nprint('ok')\n";
    let (vm, out) = run(src);
    assert_eq!(out, "ok\n");
    assert!(
        vm.heap.weak.len() < 16,
        "weak table has {} entries",
        vm.heap.weak.len()
    );
    assert!(vm.heap.weak_targets.len() < 16);
}

#[test]
fn an_entry_waiting_for_a_callback_goes_when_its_referent_dies() {
    let src = "import weakref\n\
class C:\n    pass\n\
keep = [C() for _ in range(100)]\n\
refs = [weakref.ref(k, print) for k in keep]\n\
refs = None\n\
keep = None\nprint('ok')\n";
    let (vm, out) = run(src);
    assert_eq!(out, "ok\n");
    let live = vm.heap.weak.iter().filter(|w| w.target.is_some()).count();
    assert!(live < 8, "{live} weak entries still have a referent");
    assert!(vm.heap.weak_free.len() + 8 > vm.heap.weak.len());
}

#[test]
fn weak_references_outliving_their_referent_report_it_dead() {
    let src = "import weakref\n\
class C:\n    pass\n\
rs = []\n\
for i in range(1000):\n    rs.append(weakref.ref(C()))\n\
print(sum(r() is None for r in rs))\n\
rs = None\n\
a = C()\nb = weakref.ref(a)\nprint(b() is a)\n";
    let (vm, out) = run(src);
    assert_eq!(out, "1000\nTrue\n");
    assert!(vm.heap.weak.len() <= 1001);
    assert_eq!(vm.heap.weak.len() - vm.heap.weak_free.len(), 1);
}
