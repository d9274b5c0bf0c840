//! Invariant 1: the world is plain data. Serializing it at a suspension in
//! the middle of a program and restoring it continues exactly as the
//! original does.

use yieldscope_vm::{Event, Stream, Vm};

const SCRIPT: &str = "\
import random
def deal(seed):
    rng = random.Random(seed)
    hand = []
    for i in range(6):
        card = rng.randint(1, 13)
        hand.append(card)
        got = yield card
        if got:
            hand.append(got)
    return sorted(hand)

def drive():
    g = deal(7)
    total = 0
    v = next(g)
    try:
        while True:
            total += v
            print('got', v, 'total', total)
            v = g.send(total % 3)
    except StopIteration as e:
        print('hand', e.value)
drive()
";

fn run_to_end(vm: &mut Vm) -> String {
    while let Event::Suspended { .. } | Event::Budget = vm.run(None) {}
    vm.take_output()
        .into_iter()
        .filter(|(s, _)| *s == Stream::Stdout)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn restored_world_continues_like_the_original() {
    let mut vm = Vm::new();
    vm.pause_on_yield = true;
    vm.load_main("deal.py", SCRIPT).expect("compiles");
    for _ in 0..3 {
        assert!(matches!(vm.run(None), Event::Suspended { .. }));
    }
    let before: String = vm.take_output().into_iter().map(|(_, t)| t).collect();
    let text = ron::to_string(&vm).expect("serializes");
    let mut restored: Vm = ron::from_str(&text).expect("deserializes");
    restored.after_deserialize();
    let rest_original = run_to_end(&mut vm);
    let rest_restored = run_to_end(&mut restored);
    assert!(before.contains("got"));
    assert!(rest_original.contains("hand"));
    assert_eq!(rest_original, rest_restored);
}

#[test]
fn cloned_world_is_independent() {
    let mut vm = Vm::new();
    vm.pause_on_yield = true;
    vm.load_main("deal.py", SCRIPT).expect("compiles");
    assert!(matches!(vm.run(None), Event::Suspended { .. }));
    let mut copy = vm.clone();
    let a = run_to_end(&mut vm);
    let b = run_to_end(&mut copy);
    assert_eq!(a, b);
}
