//! Replaying a recording without keeping the new run: each record the
//! re-run makes is turned into its trace item and compared with the
//! recorded trace at once, and the run stops at the first difference. The
//! memory a replay needs is then the recording's, not twice it.

use crate::error::Result;
use crate::format::Record;
use crate::sink::Sink;
use crate::trace::{trace, Divergence, Item};
use yieldscope_vm::Vm;

/// A sink that checks a re-run against the recorded trace as it goes.
pub struct Verifier<'a> {
    old: &'a [Item],
    /// Items of the new run compared so far.
    at: usize,
    /// Output not yet compared: consecutive writes to one stream merge.
    pending: Option<Item>,
    /// The first difference, once found.
    pub divergence: Option<Divergence>,
}

impl<'a> Verifier<'a> {
    /// A verifier of a re-run against `old`, a recorded branch's trace.
    #[must_use]
    pub fn new(old: &'a [Item]) -> Self {
        Verifier {
            old,
            at: 0,
            pending: None,
            divergence: None,
        }
    }

    fn compare(&mut self, item: Item) {
        if self.divergence.is_some() {
            return;
        }
        if self.old.get(self.at) != Some(&item) {
            self.divergence = Some(Divergence {
                index: self.at,
                left: self.old.get(self.at).cloned(),
                right: Some(item),
            });
        }
        self.at += 1;
    }

    fn push(&mut self, item: Item) {
        if let Item::Output { stream, text } = &item {
            if let Some(Item::Output { stream: s, text: t }) = &mut self.pending {
                if s == stream {
                    t.push_str(text);
                    return;
                }
            }
            if let Some(p) = self.pending.take() {
                self.compare(p);
            }
            self.pending = Some(item);
            return;
        }
        if let Some(p) = self.pending.take() {
            self.compare(p);
        }
        self.compare(item);
    }

    /// The first difference between the recorded trace and the whole re-run.
    #[must_use]
    pub fn finish(mut self) -> Option<Divergence> {
        if let Some(p) = self.pending.take() {
            self.compare(p);
        }
        if self.divergence.is_none() && self.at < self.old.len() {
            return Some(Divergence {
                index: self.at,
                left: self.old.get(self.at).cloned(),
                right: None,
            });
        }
        self.divergence
    }
}

impl Sink for Verifier<'_> {
    fn record(&mut self, rec: &Record) -> Result<()> {
        for item in trace(std::iter::once(rec)) {
            self.push(item);
        }
        Ok(())
    }
    fn wants_world(&self) -> bool {
        false
    }
    fn trace_room(&self, _: u64) -> u64 {
        u64::MAX
    }
    fn interrupted(&self) -> bool {
        self.divergence.is_some()
    }
    fn keyframe(&mut self, _: u64, _: &Vm, _: bool) -> Result<()> {
        Ok(())
    }
}
