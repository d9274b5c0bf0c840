//! Moving back through where the program stopped: reverse step (the
//! previous stop, a line the live program paused on or a suspension),
//! reverse continue (the previous breakpoint hit), pages, and breakpoint
//! conditions on recorded suspensions.

use super::app::{Action, App, Pane};
use super::live::{Cmd, Why};
use super::model::eval_in;
use super::model::Scope;
use yieldscope_inspector::world::WorldView;
use yieldscope_vm::Vm;

/// How many places the live program paused at are kept for reverse steps.
const KEEP: usize = 1000;

/// A place the live program paused at between suspensions (a line step, a
/// breakpoint, a pause), kept so reverse steps can come back to it.
pub struct PastPause {
    /// Suspensions recorded before it.
    pub after: usize,
    /// The world there (evaluation runs on a copy).
    pub vm: Box<Vm>,
    /// The frames, the current one first.
    pub world: WorldView,
    /// The line the current frame ran next.
    pub line: usize,
    /// Why it paused.
    pub why: Why,
    /// Everything printed up to there.
    pub output: String,
}

/// A stop in time order: a suspension row, or a past pause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    Row(usize),
    Pause(usize),
}

impl App {
    /// Keeps the place the live program just paused at.
    pub(super) fn remember_pause(&mut self, p: PastPause) {
        if self.pauses.len() >= KEEP {
            self.pauses.remove(0);
            self.past = self.past.and_then(|i| i.checked_sub(1));
        }
        self.pauses.push(p);
    }

    /// Where a stop is in time: a pause after `k` suspensions comes before
    /// row `k`, pauses between the same suspensions in the order they came.
    fn key(&self, s: Stop) -> (usize, u8, usize) {
        match s {
            Stop::Row(i) => (i, 1, 0),
            Stop::Pause(j) => (self.pauses.get(j).map_or(0, |p| p.after), 0, j),
        }
    }

    /// The stop shown now.
    fn here(&self) -> Stop {
        if let Some(j) = self.past {
            return Stop::Pause(j);
        }
        if self.at_live {
            if self.paused_line().is_some() && !self.pauses.is_empty() {
                return Stop::Pause(self.pauses.len() - 1);
            }
            return Stop::Row(self.timeline.rows.len());
        }
        Stop::Row(self.sel)
    }

    /// Every stop before the shown one, the nearest first.
    fn stops_before(&self) -> Vec<Stop> {
        let here = self.key(self.here());
        let mut all: Vec<Stop> = (0..self.timeline.rows.len()).map(Stop::Row).collect();
        if self.branch == 0 {
            all.extend((0..self.pauses.len()).map(Stop::Pause));
        }
        all.retain(|&s| self.key(s) < here);
        all.sort_by_key(|&s| std::cmp::Reverse(self.key(s)));
        all
    }

    fn show_stop(&mut self, s: Stop) {
        match s {
            Stop::Row(i) => self.select(i),
            Stop::Pause(j) => self.show_past(j),
        }
    }

    /// Shows the `j`th past pause (the live pause itself when it is the last).
    pub fn show_past(&mut self, j: usize) {
        let live_now = self
            .live
            .as_ref()
            .is_some_and(|l| l.paused.is_some() && l.state == super::jobs::RunState::Paused);
        if live_now && j + 1 == self.pauses.len() {
            self.show_paused();
            return;
        }
        let Some(p) = self.pauses.get(j) else { return };
        let world = Ok(p.world.clone());
        let (after, line) = (p.after, p.line);
        if self.branch != 0 {
            self.branch = 0;
            self.timeline = self.model.timeline(0);
        }
        self.at_live = true;
        self.past = Some(j);
        self.sel = after.saturating_sub(1);
        self.world = world;
        self.eval = None;
        self.frame_sel = 0;
        self.source_offset = 0;
        self.output_scroll = 0;
        self.status = format!("back at line {line} (after {after} suspensions; → goes forward)");
    }

    /// The past pause shown, if any.
    #[must_use]
    pub fn past_pause(&self) -> Option<&PastPause> {
        self.past.and_then(|j| self.pauses.get(j))
    }

    /// Back to the previous stop: the line the program paused at before, or
    /// the suspension before.
    pub(super) fn reverse_step(&mut self) {
        match self.stops_before().first() {
            Some(&s) => self.show_stop(s),
            None => self.status = "this is the first stop".into(),
        }
    }

    /// Back to the previous breakpoint hit: a suspension on a breakpoint
    /// line whose condition holds, or a place the program paused at a breakpoint.
    pub(super) fn reverse_continue(&mut self) {
        if self.breakpoints.is_empty() {
            self.status = "no breakpoints (x or :b LINE sets one)".into();
            return;
        }
        let hit = self.stops_before().into_iter().find(|&s| match s {
            Stop::Row(i) => self.breakpoint_hit(i),
            Stop::Pause(j) => self.pauses[j].why == Why::Breakpoint,
        });
        match hit {
            Some(s) => {
                self.show_stop(s);
                let line = self.current_line();
                self.status = format!("back at the breakpoint on line {line}");
            }
            None => self.status = "no breakpoint hit before this".into(),
        }
    }

    /// → from a past pause: the suspension after it, or where the program is paused.
    pub(super) fn forward_from_past(&mut self, j: usize) {
        let next = self
            .stops_after(j)
            .unwrap_or(Stop::Row(self.timeline.rows.len()));
        match next {
            Stop::Row(i) if i < self.timeline.rows.len() => self.select(i),
            Stop::Row(_) => {
                if self.live.as_ref().is_some_and(|l| l.paused.is_some()) {
                    self.show_paused();
                } else {
                    self.select(self.timeline.rows.len().saturating_sub(1));
                }
            }
            Stop::Pause(k) => self.show_past(k),
        }
    }

    fn stops_after(&self, j: usize) -> Option<Stop> {
        let here = self.key(Stop::Pause(j));
        let mut all: Vec<Stop> = (0..self.timeline.rows.len()).map(Stop::Row).collect();
        all.extend((0..self.pauses.len()).map(Stop::Pause));
        all.into_iter()
            .filter(|&s| self.key(s) > here)
            .min_by_key(|&s| self.key(s))
    }

    /// Whether recorded suspension `i` is on a breakpoint line whose condition holds there.
    #[must_use]
    pub fn breakpoint_hit(&self, i: usize) -> bool {
        let Some(r) = self.timeline.rows.get(i) else {
            return false;
        };
        if !self.breakpoints.contains(&r.line) {
            return false;
        }
        match self.conditions.get(&r.line) {
            None => true,
            Some(c) => self
                .model
                .eval(self.branch, r.n, &format!("bool({c})"))
                .map_or(true, |v| v.ends_with("True")),
        }
    }

    /// Tells the live program the breakpoints' conditions before it runs.
    pub(super) fn send_conditions(&self) {
        if let Some(l) = &self.live {
            l.handle.send(Cmd::Conditions(self.conditions.clone()));
        }
    }

    /// A step pressed while a past stop is shown steps the live program:
    /// say so when it pauses.
    pub(super) fn note_past_view(&mut self, action: &Action) {
        let paused_now = self.live.as_ref().is_some_and(|l| l.paused.is_some());
        let viewing_past = self.past.is_some() || !self.at_live && paused_now;
        let viewing_past = viewing_past || !self.at_live && self.sel + 1 < self.timeline.rows.len();
        if !viewing_past {
            return;
        }
        let what = match action {
            Action::Step => "s stepped",
            Action::StepIn => "i stepped in",
            _ => "r stepped out from",
        };
        let shown = match self.current_n() {
            Some(n) => format!("#{n}"),
            None => "a past line".into(),
        };
        self.note = Some(format!(
            "{what} the live program where it is paused, not {shown} shown before (S steps back)"
        ));
    }

    /// PgUp/PgDn: a page in the focused pane.
    pub(super) fn page(&mut self, down: bool) {
        const PAGE: i32 = 20;
        match self.focus {
            Pane::Source => {
                let line = i64::try_from(self.source_cursor()).unwrap_or(1)
                    + i64::from(if down { PAGE } else { -PAGE });
                self.go_to_line(usize::try_from(line.max(1)).unwrap_or(1));
            }
            Pane::Output => {
                let by = PAGE.unsigned_abs() as u16;
                self.output_scroll = if down {
                    self.output_scroll.saturating_sub(by)
                } else {
                    self.output_scroll.saturating_add(by)
                };
            }
            Pane::Frames => {
                let last = self.frame_keys().len().saturating_sub(1);
                let by = PAGE.unsigned_abs() as usize;
                self.frames_cursor = if down {
                    (self.frames_cursor + by).min(last)
                } else {
                    self.frames_cursor.saturating_sub(by)
                };
            }
            Pane::Timeline | Pane::Branches => {
                let last = self.timeline.rows.len().saturating_sub(1);
                let by = PAGE.unsigned_abs() as usize;
                let at = if self.at_live { last } else { self.sel };
                self.select(if down {
                    (at + by).min(last)
                } else {
                    at.saturating_sub(by)
                });
            }
        }
    }

    /// The scope of the frame selected up the stack of a paused program.
    #[must_use]
    pub fn selected_scope(&self, vm: &Vm) -> Scope {
        match vm.frames.len().checked_sub(1 + self.frame_sel) {
            Some(i) if self.frame_sel > 0 => Scope::Frame(i),
            _ => Scope::Top,
        }
    }

    /// Evaluates `expr` where a past pause was (on a copy of its world).
    pub(super) fn eval_past(&mut self, expr: &str) -> bool {
        let Some(p) = self.past_pause() else {
            return false;
        };
        let r = eval_in((*p.vm).clone(), self.selected_scope(&p.vm), expr);
        self.eval = Some((expr.to_string(), r));
        true
    }
}
