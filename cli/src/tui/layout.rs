//! Where things go on the screen: the panes, the rectangle each takes on a
//! screen of a given size (shared by drawing and by mouse clicks), and the
//! order the frames pane lists a world's frames in.

use ratatui::layout::{Constraint, Layout, Rect};
use yieldscope_inspector::world::{FrameView, WorldView};

/// A pane that takes ↑/↓.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    /// The suspensions of the current branch.
    Timeline,
    /// The branch tree.
    Branches,
    /// The selected world's frames.
    Frames,
    /// The program source.
    Source,
    /// The program output.
    Output,
}

impl Pane {
    /// The pane after this one (Tab).
    #[must_use]
    pub fn next(self) -> Pane {
        match self {
            Pane::Timeline => Pane::Frames,
            Pane::Frames => Pane::Branches,
            Pane::Branches => Pane::Source,
            Pane::Source => Pane::Output,
            Pane::Output => Pane::Timeline,
        }
    }
}

/// Where the panes go on a screen of this size.
#[derive(Clone, Copy, Debug)]
pub struct Panes {
    /// Source.
    pub source: Rect,
    /// Output.
    pub output: Rect,
    /// Branch tree.
    pub branches: Rect,
    /// Timeline.
    pub timeline: Rect,
    /// Frames.
    pub frames: Rect,
}

/// The layout, shared by drawing and by mouse clicks.
#[must_use]
pub fn panes(area: Rect, branches: usize) -> Panes {
    let [_, body, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    let out_h = (body.height / 3).max(3);
    let [source, output] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(out_h)]).areas(left);
    let tree_h = u16::try_from(branches)
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(6);
    let [branches, timeline, frames] = Layout::vertical([
        Constraint::Length(tree_h),
        Constraint::Percentage(45),
        Constraint::Min(0),
    ])
    .areas(right);
    Panes {
        source,
        output,
        branches,
        timeline,
        frames,
    }
}

/// The pane under a screen cell.
#[must_use]
pub fn pane_at(area: Rect, branches: usize, x: u16, y: u16) -> Option<Pane> {
    let p = panes(area, branches);
    let pos = ratatui::layout::Position { x, y };
    [
        (p.source, Pane::Source),
        (p.output, Pane::Output),
        (p.branches, Pane::Branches),
        (p.timeline, Pane::Timeline),
        (p.frames, Pane::Frames),
    ]
    .into_iter()
    .find(|(r, _)| r.contains(pos))
    .map(|(_, pane)| pane)
}

/// The frames in the order the pane shows them: the suspending generator
/// first, then the other suspended generators, the running frames last;
/// where a live program paused, its stack from the current frame down.
#[must_use]
pub fn ordered_frames(w: &WorldView, paused: bool) -> Vec<&FrameView> {
    let mut frames: Vec<&FrameView> = w.frames.iter().collect();
    if !paused {
        // A paused program's world is already in order: the current frame first.
        frames.sort_by_key(|f| (f.owner != w.generator, f.owner == "running"));
    }
    frames
}
