//! Every suspension is recorded, whatever consumes the generator: built-ins
//! that take the items at once from Rust (`dict(g)`, `f(*g)`, `bytes(g)`,
//! `a, b, c = g`, ...) as well as those that wait on the VM's stack
//! (`list(g)`, `sum(g)`) and `for` loops. The program counts the yields each
//! fresh generator made and prints the counts; the recording must hold as
//! many suspensions of each generator, in the same order.

mod common;

use yieldscope_inspector::format::Record;
use yieldscope_vm::Stream;

/// The printed yield counts and the recorded suspensions of `gen`, grouped by generator.
fn counts(records: &[Record]) -> (Vec<u64>, Vec<u64>) {
    let mut printed = String::new();
    let mut recorded: Vec<(String, u64)> = Vec::new();
    for r in records {
        match r {
            Record::Output {
                stream: Stream::Stdout,
                text,
            } => printed.push_str(text),
            Record::Suspend(s) if s.name.starts_with("gen#") => match recorded.last_mut() {
                Some((name, n)) if *name == s.name => *n += 1,
                _ => recorded.push((s.name.clone(), 1)),
            },
            _ => {}
        }
    }
    let last = printed.lines().last().expect("the counts line");
    let printed = last
        .split(' ')
        .map(|c| c.parse().expect("a count"))
        .collect();
    (printed, recorded.into_iter().map(|(_, n)| n).collect())
}

#[test]
fn every_consuming_form_records_every_suspension() {
    let (_, records) = common::record("consumers.py", None, &[], 1000);
    assert!(
        records.iter().any(|r| matches!(
            r,
            Record::End(yieldscope_inspector::format::EndKind::Finished)
        )),
        "the program ran to its end: {:?}",
        records.last()
    );
    let (printed, recorded) = counts(&records);
    assert_eq!(printed.len(), 43, "one count per form");
    assert_eq!(
        recorded, printed,
        "suspensions recorded per generator against the yields it made"
    );
}

#[test]
fn every_consuming_form_records_every_suspension_with_stops_everywhere() {
    // A checkpoint at every suspension: the VM stops wherever it can, and
    // the suspensions inside a built-in's nested run are still noted.
    let (_, records) = common::record_with("consumers.py", None, &[], 1000, 0);
    let (printed, recorded) = counts(&records);
    assert_eq!(recorded, printed);
}

#[test]
fn a_suspension_inside_a_consuming_builtin_restores() {
    let (header, records) = common::record("consumers.py", None, &[], 1000);
    let (_file, rec) = common::save_and_load("consumers", &header, &records);
    // The suspensions of `dict(gen(3, "pair"))`: the ninth generator.
    let mut seen = Vec::new();
    for r in &records {
        if let Record::Suspend(s) = r {
            if s.name.starts_with("gen#") && !seen.contains(&s.name) {
                seen.push(s.name.clone());
            }
            if seen.len() == 9 && s.name == seen[8] {
                let vm = rec.restore(0, s.n).expect("restores");
                assert!(!vm.frames.is_empty() || vm.heap.slots.len() > 1);
            }
        }
    }
    assert!(seen.len() >= 9);
}
