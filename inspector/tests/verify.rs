//! Replay compares a re-run with the recorded trace as it goes
//! (`verify::Verifier`), finding what comparing whole traces finds.

mod common;

use yieldscope_inspector::format::Record;
use yieldscope_inspector::sink::Sink;
use yieldscope_inspector::trace::{first_divergence, trace};
use yieldscope_inspector::verify::Verifier;

fn verdict(old: &[Record], new: &[Record]) -> Option<usize> {
    let t = trace(old.iter());
    let mut v = Verifier::new(&t);
    for r in new {
        if v.interrupted() {
            break;
        }
        v.record(r).expect("record");
    }
    v.finish().map(|d| d.index)
}

#[test]
fn streaming_verification_agrees_with_comparing_whole_traces() {
    let (_, records) = common::record("acc.py", None, &[], 4);
    let events: Vec<Record> = records
        .into_iter()
        .filter(|r| !matches!(r, Record::Keyframe { .. }))
        .collect();
    assert_eq!(verdict(&events, &events), None);
    // The run stops early: everything after the last item is missing.
    let short = &events[..events.len() - 1];
    let whole = first_divergence(&trace(events.iter()), &trace(short.iter())).map(|d| d.index);
    assert_eq!(verdict(&events, short), whole);
    assert!(whole.is_some());
    // A record the recording does not have: the first difference, as found whole.
    let mut more = events.clone();
    more.insert(
        1,
        Record::Output {
            stream: yieldscope_vm::Stream::Stderr,
            text: "extra".into(),
        },
    );
    let whole = first_divergence(&trace(events.iter()), &trace(more.iter())).map(|d| d.index);
    assert_eq!(verdict(&events, &more), whole);
    assert!(whole.is_some());
}
