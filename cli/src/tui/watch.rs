//! `--watch`: saving the script re-runs it (live, on to the end or a
//! breakpoint) and the interface shows where the new trace first diverges
//! from the previous one. The directory is watched, not the file: editors
//! save by writing a new file and renaming it.

use super::app::App;
use super::live::Cmd;
use super::model::Model;
pub use super::watcher::Watch;
use yieldscope_inspector::trace::{first_divergence, trace, Item};

impl App {
    /// Re-runs the script when it was saved; returns whether it was.
    pub fn poll_watch(&mut self) -> bool {
        let Some(w) = &self.watch else { return false };
        let mut saved = false;
        while w.rx.try_recv().is_ok() {
            saved = true;
        }
        if saved {
            self.rerun();
        }
        saved
    }

    /// Runs the script again (it was saved) and keeps the old trace to compare.
    pub fn rerun(&mut self) {
        let Some(w) = &mut self.watch else { return };
        // One save can come as several events: only a new text re-runs.
        let text = std::fs::read_to_string(&w.path).unwrap_or_default();
        if text == self.model.rec.header.source {
            return;
        }
        // A re-run that has not been compared yet is compared with the run before it.
        let previous = w.previous.take().unwrap_or_else(|| {
            self.model
                .rec
                .events(0)
                .map(|ev| trace(ev.iter().copied()))
                .unwrap_or_default()
        });
        let mut opts = w.opts.clone();
        // Values typed for the entry generator are sent again.
        opts.sends.clone_from(&self.model.rec.header.sends);
        let path = w.path.clone();
        w.runs += 1;
        let runs = w.runs;
        match Model::live(&path, &opts) {
            Ok((model, spec)) => {
                let first = Cmd::Continue(self.breakpoints.clone());
                match self.restart(model, spec, first) {
                    Ok(()) => {
                        if let Some(w) = &mut self.watch {
                            w.previous = Some(previous);
                        }
                        self.status = format!("saved: re-running (run {})", runs + 1);
                    }
                    Err(e) => self.status = e,
                }
            }
            Err(e) => self.status = e,
        }
    }

    /// After a re-run paused or ended: where its trace first diverges from
    /// the previous one (reported once; a pause reports only a real divergence).
    pub(super) fn watched(&mut self, ended: bool) {
        let Some(w) = &mut self.watch else { return };
        let Some(previous) = &w.previous else { return };
        let now = self
            .model
            .rec
            .events(0)
            .map(|ev| trace(ev.iter().copied()))
            .unwrap_or_default();
        let d = first_divergence(previous, &now);
        if !ended && d.as_ref().is_none_or(|d| d.index >= now.len()) {
            return;
        }
        w.previous = None;
        let Some(d) = d else {
            self.status = "re-ran: the trace is the same as before".into();
            return;
        };
        // The suspension the divergence belongs to: a new one, or the one
        // whose resume or output after it changed.
        let before = now[..d.index.min(now.len())]
            .iter()
            .filter(|i| matches!(i, Item::Suspend { .. }))
            .count();
        let row = match d.right.as_ref().or(d.left.as_ref()) {
            Some(Item::Suspend { .. }) => before,
            _ => before.saturating_sub(1),
        };
        let rows = self.timeline.rows.len();
        if rows > 0 && self.branch == 0 {
            let row = row.min(rows - 1);
            if !self.at_live {
                self.select(row);
            }
            self.diverged = Some(self.timeline.rows[row].n);
        }
        self.status = format!(
            "re-ran: first change at #{row}: {} → {}",
            brief(d.left.as_ref()),
            brief(d.right.as_ref())
        );
    }
}

/// A trace item in a few words.
fn brief(i: Option<&Item>) -> String {
    let s = match i {
        None => "nothing".to_string(),
        Some(Item::Suspend { name, value, .. }) => format!("{name} yielded {value}"),
        Some(Item::Resume { how, .. }) => how.clone(),
        Some(Item::Output { text, .. }) => {
            format!("printed {}", yieldscope_vm::repr::str_repr(text))
        }
        Some(Item::End(e)) => e.clone(),
    };
    let mut out: String = s.chars().take(30).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
