//! A front end taking part in a run (`Control`): values for an entry
//! generator, a look between stretches of instructions, stopping a run.

use yieldscope_inspector::format::{EndKind, Record};
use yieldscope_inspector::session::{new_header, Control, Engine, Spec};
use yieldscope_inspector::sink::MemorySink;
use yieldscope_inspector::trace::trace;
use yieldscope_vm::frame::FrameKind;
use yieldscope_vm::Vm;

const ACC: &str = "\
def acc():
    total = 0
    while True:
        got = yield total
        total += got
        print('total', total)
";

fn spec(sends: &[&str]) -> Spec {
    Spec {
        header: new_header(
            "acc.py",
            ACC.to_string(),
            Some("acc()".into()),
            sends.iter().map(|s| (*s).to_string()).collect(),
            None,
            vec![],
        ),
        search_dir: std::env::temp_dir(),
        inputs: None,
        allow_writes: false,
    }
}

/// Hands out values once the sends run out; counts its looks.
struct Typist {
    values: Vec<&'static str>,
    asked: usize,
    looks: usize,
    budget: u64,
    stop_after: Option<usize>,
}

impl Control for Typist {
    fn budget(&self) -> u64 {
        self.budget
    }
    fn between(&mut self, vm: &mut Vm) -> bool {
        self.looks += 1;
        vm.driver.single_step = self.budget == 1;
        self.stop_after.is_some_and(|n| self.looks >= n)
    }
    fn next_send(&mut self, _vm: &Vm) -> Option<String> {
        self.asked += 1;
        if self.values.is_empty() {
            None
        } else {
            Some(self.values.remove(0).to_string())
        }
    }
}

fn run(spec: &Spec, control: Option<&mut Typist>) -> (Vec<Record>, EndKind) {
    let mut sink = MemorySink {
        records: Vec::new(),
        world: true,
    };
    let end = match control {
        Some(c) => Engine::run_fresh_with(spec, &mut sink, Some(c)),
        None => Engine::run_fresh(spec, &mut sink),
    }
    .expect("runs");
    (sink.records, end)
}

#[test]
fn values_given_by_a_control_record_as_sends_would() {
    let (sent, _) = run(&spec(&["5", "2 + 5"]), None);
    let mut typist = Typist {
        values: vec!["2 + 5"],
        asked: 0,
        looks: 0,
        budget: 200_000,
        stop_after: None,
    };
    let (typed, end) = run(&spec(&["5"]), Some(&mut typist));
    assert_eq!(typist.asked, 2, "asked once more after the last value");
    assert_eq!(end, EndKind::Finished);
    assert_eq!(trace(&typed), trace(&sent));
}

#[test]
fn a_budget_of_one_looks_at_every_instruction_and_can_stop() {
    let mut coarse = Typist {
        values: vec!["1", "2"],
        asked: 0,
        looks: 0,
        budget: 200_000,
        stop_after: None,
    };
    let (a, _) = run(&spec(&[]), Some(&mut coarse));
    let mut fine = Typist {
        values: vec!["1", "2"],
        asked: 0,
        looks: 0,
        budget: 1,
        stop_after: None,
    };
    let (b, _) = run(&spec(&[]), Some(&mut fine));
    assert_eq!(trace(&a), trace(&b), "single steps change nothing");
    assert!(
        fine.looks > 3 * coarse.looks,
        "{} vs {}",
        fine.looks,
        coarse.looks
    );
    // Stopped from `between`: the run ends as interrupted, with what was recorded.
    let mut stopper = Typist {
        values: vec!["1", "2"],
        asked: 0,
        looks: 0,
        budget: 1,
        stop_after: Some(fine.looks / 2),
    };
    let (c, end) = run(&spec(&[]), Some(&mut stopper));
    assert_eq!(end, EndKind::Interrupted);
    assert!(c.len() < b.len());
    assert!(matches!(c.last(), Some(Record::End(EndKind::Interrupted))));
}

#[test]
fn between_sees_the_running_frame() {
    struct Lines(Vec<usize>);
    impl Control for Lines {
        fn budget(&self) -> u64 {
            1
        }
        fn between(&mut self, vm: &mut Vm) -> bool {
            vm.driver.single_step = true;
            if let Some(FrameKind::Py(p)) = vm.frames.last().map(|f| &f.kind) {
                let code = &vm.codes[p.code.0 as usize];
                if let Some(span) = code.spans.get(p.pc as usize) {
                    let line = vm.sources[code.source as usize].line_of(span.start) as usize;
                    if self.0.last() != Some(&line) {
                        self.0.push(line);
                    }
                }
            }
            false
        }
        fn next_send(&mut self, _vm: &Vm) -> Option<String> {
            (self.0.len() < 40).then(|| "1".to_string())
        }
    }
    let mut lines = Lines(Vec::new());
    let mut sink = MemorySink::default();
    Engine::run_fresh_with(&spec(&[]), &mut sink, Some(&mut lines)).expect("runs");
    // The generator's body, line by line, in order.
    let body: Vec<usize> = lines
        .0
        .iter()
        .copied()
        .filter(|l| (2..=6).contains(l))
        .collect();
    assert_eq!(body[..4], [2, 3, 4, 5], "{:?}", lines.0);
    assert!(body.windows(3).any(|w| w == [4, 5, 6]), "{:?}", lines.0);
}
