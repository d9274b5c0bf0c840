//! Replaying a truncated recording: the run is checked against the prefix
//! the file holds and stopped where it ends, instead of running on without
//! bound (an endless program) and reporting the missing rest as a mismatch.

use crate::error::Result;
use crate::format::Record;
use crate::sink::Sink;
use crate::trace::{first_divergence, Divergence, Item};
use yieldscope_vm::Vm;

/// Output a replay may print past the recorded prefix before it stops.
const OUTPUT_SLACK: usize = 1 << 20;

/// Records a re-run into memory until it has gone past the recorded prefix
/// (one suspension more than it, or a megabyte more output), then says it is
/// interrupted, which ends the run.
pub struct PrefixSink {
    /// What the re-run recorded.
    pub records: Vec<Record>,
    suspensions: u64,
    output: usize,
    max_suspensions: u64,
    max_output: usize,
}

impl PrefixSink {
    /// A sink for re-running the recorded `events` (a truncated branch).
    #[must_use]
    pub fn new(events: &[Record]) -> Self {
        let (mut s, mut o) = (0, 0);
        for r in events {
            match r {
                Record::Suspend(_) => s += 1,
                Record::Output { text, .. } => o += text.len(),
                _ => {}
            }
        }
        PrefixSink {
            records: Vec::new(),
            suspensions: 0,
            output: 0,
            max_suspensions: s + 1,
            max_output: o + OUTPUT_SLACK,
        }
    }
}

impl Sink for PrefixSink {
    fn record(&mut self, rec: &Record) -> Result<()> {
        match rec {
            Record::Suspend(_) => self.suspensions += 1,
            Record::Output { text, .. } => self.output += text.len(),
            _ => {}
        }
        self.records.push(rec.clone());
        Ok(())
    }
    fn wants_world(&self) -> bool {
        false
    }
    fn trace_room(&self, _: u64) -> u64 {
        u64::MAX
    }
    fn interrupted(&self) -> bool {
        self.suspensions >= self.max_suspensions || self.output >= self.max_output
    }
    fn keyframe(&mut self, _: u64, _: &Vm, _: bool) -> Result<()> {
        Ok(())
    }
}

/// Where the re-run's trace `new` first differs from the recorded prefix
/// `old`: only `old`'s items are compared, and its last output (cut short
/// by the truncation) need only begin the re-run's.
#[must_use]
pub fn prefix_divergence(old: &[Item], new: &[Item]) -> Option<Divergence> {
    let (last, head) = old.split_last()?;
    let cut = &new[..new.len().min(head.len())];
    if let Some(d) = first_divergence(head, cut) {
        return Some(d);
    }
    let i = head.len();
    let same = match (last, new.get(i)) {
        (
            Item::Output { stream, text },
            Some(Item::Output {
                stream: s2,
                text: t2,
            }),
        ) => stream == s2 && t2.starts_with(text.as_str()),
        (a, b) => Some(a) == b,
    };
    (!same).then(|| Divergence {
        index: i,
        left: Some(last.clone()),
        right: new.get(i).cloned(),
    })
}
