//! The TUI state and `update`, which applies an [`Action`] to it.

pub use super::keys::{Action, KEYS};
pub use super::layout::Pane;
use super::model::{Model, Timeline};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use yieldscope_inspector::diff::{diff_worlds, FrameDiff};
use yieldscope_inspector::world::WorldView;

/// What a prompt asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// A Python expression to send in a new branch.
    Branch,
    /// Text to search the timeline for.
    Search,
    /// A suspension number.
    Jump,
    /// A Python expression to evaluate in the selected world.
    Eval,
    /// A value (a Python expression) for the live entry generator, which waits for it.
    Send,
    /// `y` replaces this existing file (`:w FILE`).
    Overwrite(std::path::PathBuf),
}

/// What is drawn over the panes.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// Nothing.
    None,
    /// The key bindings.
    Help,
    /// A one-line prompt.
    Prompt {
        /// What for.
        kind: PromptKind,
        /// What was typed.
        input: String,
    },
    /// The breakpoint list (`:b` without a line).
    Breakpoints {
        /// Lines scrolled.
        scroll: u16,
    },
    /// A side-by-side frame diff.
    Diff {
        /// Left and right labels.
        left: String,
        /// Right label.
        right: String,
        /// The frames that differ.
        frames: Vec<FrameDiff>,
        /// Lines scrolled.
        scroll: u16,
    },
}

/// The TUI state. Rendering reads it; only [`update`] changes it.
pub struct App {
    /// The recording.
    pub model: Model,
    /// The branch shown.
    pub branch: u32,
    /// Its timeline.
    pub timeline: Timeline,
    /// Index of the selected row.
    pub sel: usize,
    /// The world at the selected suspension (or why it is missing).
    pub world: Result<WorldView, String>,
    /// The focused pane.
    pub focus: Pane,
    /// The local under the cursor in the frames pane (counted over all frames).
    pub frames_cursor: usize,
    /// Expanded locals, as `owner.name` (kept while stepping).
    pub expanded: std::collections::BTreeSet<String>,
    /// Lines the source is moved from centring on the current line.
    pub source_offset: i32,
    /// Lines scrolled up from the end of the output.
    pub output_scroll: u16,
    /// The marked suspension (branch, n).
    pub mark: Option<(u32, u64)>,
    /// The overlay.
    pub overlay: Overlay,
    /// A message for the title bar.
    pub status: String,
    /// The last search.
    pub last_search: String,
    /// Source lines with a breakpoint.
    pub breakpoints: std::collections::BTreeSet<usize>,
    /// Conditions of breakpoints (`:b LINE if COND`), by line.
    pub conditions: std::collections::BTreeMap<usize, String>,
    /// The frame selected with up/down the stack, in the Frames pane's order.
    pub frame_sel: usize,
    /// Run keys typed while the program ran, applied when it pauses.
    pub queued: std::collections::VecDeque<Action>,
    /// Clear the terminal before the next draw (Ctrl-L).
    pub redraw: bool,
    /// Said when the live program next pauses (what a key did besides running it).
    pub note: Option<String>,
    /// Places the live program paused at (line steps, breakpoints), oldest first.
    pub pauses: Vec<super::steps::PastPause>,
    /// The past pause shown (an index into `pauses`).
    pub past: Option<usize>,
    /// The last evaluation at this suspension: expression and result (or error).
    pub eval: Option<(String, Result<String, String>)>,
    /// Draw without colour.
    pub no_color: bool,
    /// The live run of a script.
    pub live: Option<super::jobs::LiveRun>,
    /// The selection is where the live program paused (after the last suspension).
    pub at_live: bool,
    /// A branch running in the background.
    pub job: Option<super::jobs::BranchRun>,
    /// The suspension where a watch re-run first changed the trace (marked `≠`).
    pub diverged: Option<u64>,
    /// Lines the help overlay is scrolled (it is taller than a small screen).
    pub help_scroll: u16,
    /// Watching the script (`--watch`).
    pub watch: Option<super::watcher::Watch>,
    /// Leave the event loop.
    pub quit: bool,
}

impl App {
    /// Opens the newest branch of `model` at its first suspension.
    #[must_use]
    pub fn new(model: Model) -> App {
        let branch = model.rec.newest();
        let timeline = model.timeline(branch);
        let mut app = App {
            model,
            branch,
            timeline,
            sel: 0,
            world: Err(String::new()),
            focus: Pane::Timeline,
            frames_cursor: 0,
            expanded: std::collections::BTreeSet::new(),
            source_offset: 0,
            output_scroll: 0,
            mark: None,
            overlay: Overlay::None,
            status: String::new(),
            last_search: String::new(),
            breakpoints: std::collections::BTreeSet::new(),
            conditions: std::collections::BTreeMap::new(),
            frame_sel: 0,
            queued: std::collections::VecDeque::new(),
            redraw: false,
            note: None,
            pauses: Vec::new(),
            past: None,
            eval: None,
            no_color: false,
            live: None,
            at_live: false,
            job: None,
            watch: None,
            help_scroll: 0,
            diverged: None,
            quit: false,
        };
        app.select(0);
        app
    }

    /// Selects row `i` (clamped) and restores its world.
    pub fn select(&mut self, i: usize) {
        let last = self.timeline.rows.len().saturating_sub(1);
        self.sel = i.min(last);
        self.at_live = false;
        self.past = None;
        self.frame_sel = 0;
        self.source_offset = 0;
        self.output_scroll = 0;
        self.eval = None;
        self.world = match self.timeline.rows.get(self.sel) {
            Some(r) => self.model.world(self.branch, r.n),
            None => Err("no suspensions in this branch".into()),
        };
    }

    /// Shows branch `b`, keeping the selected suspension number when it exists.
    pub fn show_branch(&mut self, b: u32) {
        let n = self.timeline.rows.get(self.sel).map_or(0, |r| r.n);
        self.branch = b;
        self.timeline = self.model.timeline(b);
        let i = self
            .timeline
            .rows
            .iter()
            .position(|r| r.n == n)
            .unwrap_or(0);
        self.select(i);
    }

    /// The selected suspension number.
    #[must_use]
    pub fn current_n(&self) -> Option<u64> {
        if self.at_live {
            return None;
        }
        self.timeline.rows.get(self.sel).map(|r| r.n)
    }

    /// The locals of the selected world in the frames pane's order, as `owner.name`.
    #[must_use]
    pub fn frame_keys(&self) -> Vec<String> {
        let Ok(w) = &self.world else {
            return Vec::new();
        };
        super::layout::ordered_frames(w, self.at_live)
            .iter()
            .flat_map(|f| {
                f.locals
                    .iter()
                    .map(move |(k, _)| format!("{}.{k}", f.owner))
            })
            .collect()
    }

    /// The selected suspension's source line; from its frame when the
    /// recording has no location for it (generator expressions).
    #[must_use]
    pub fn current_line(&self) -> usize {
        if let Some(line) = self.selected_frame_line() {
            return line;
        }
        if let Some(line) = self.paused_line() {
            return line;
        }
        let line = self.timeline.rows.get(self.sel).map_or(0, |r| r.line);
        if line != 0 {
            return line;
        }
        self.world.as_ref().map_or(0, |w| {
            w.frames
                .iter()
                .find(|f| f.owner == w.generator)
                .map_or(0, |f| super::model::line_of(&f.at))
        })
    }

    /// The source line under the cursor: the current line moved by the Source pane's ↑/↓.
    #[must_use]
    pub fn source_cursor(&self) -> usize {
        let current = self.current_line().max(1);
        let lines = self.model.rec.header.source.lines().count().max(1);
        let at = i64::try_from(current).unwrap_or(1) + i64::from(self.source_offset);
        usize::try_from(at.max(1)).unwrap_or(1).min(lines)
    }

    /// The output printed before the selected suspension; where a live
    /// program paused, everything printed so far; at the last suspension of
    /// a run that ended, everything it printed (a traceback comes last).
    #[must_use]
    pub fn output_now(&self) -> std::borrow::Cow<'_, str> {
        if let Some(p) = self.past_pause() {
            return p.output.as_str().into();
        }
        if let Some(p) = self.live.as_ref().and_then(|l| l.paused.as_ref()) {
            if self.at_live {
                return format!("{}{}", self.timeline.output, p.pending).into();
            }
        }
        if self.output_to_end() {
            return self.timeline.output.as_str().into();
        }
        let end = self
            .timeline
            .out_at
            .get(self.sel)
            .copied()
            .unwrap_or(self.timeline.output.len());
        self.timeline.output[..end].into()
    }

    /// The Output pane shows the run's whole output: the last suspension of a run that ended.
    #[must_use]
    pub fn output_to_end(&self) -> bool {
        !self.at_live && !self.timeline.end.is_empty() && self.sel + 1 >= self.timeline.rows.len()
    }

    fn tree_index(&self) -> usize {
        self.model
            .tree()
            .iter()
            .position(|(_, b, _)| b.id == self.branch)
            .unwrap_or(0)
    }

    fn move_branch(&mut self, down: bool) {
        let tree = self.model.tree();
        let i = self.tree_index();
        let j = if down {
            (i + 1).min(tree.len().saturating_sub(1))
        } else {
            i.saturating_sub(1)
        };
        if let Some((_, b, _)) = tree.get(j) {
            let id = b.id;
            if id != self.branch {
                self.show_branch(id);
            }
        }
    }

    fn search(&mut self, text: &str) {
        let rows = &self.timeline.rows;
        let len = rows.len();
        let hit = (1..=len)
            .map(|k| (self.sel + k) % len.max(1))
            .find(|&i| rows[i].text().contains(text));
        match hit {
            Some(i) => {
                self.select(i);
                self.status = format!("found '{text}' at #{}", self.timeline.rows[i].n);
            }
            None => self.status = format!("'{text}' not found"),
        }
    }

    fn diff(&mut self) {
        let Some(n) = self.current_n() else {
            self.status = "diffs compare suspensions: ← selects the last one".into();
            return;
        };
        match self.mark {
            None => {
                self.mark = Some((self.branch, n));
                self.status = format!("marked branch {} #{n}; move and press d", self.branch);
            }
            Some((mb, mn)) => {
                let a = self.model.world(mb, mn);
                let b = self.world.clone();
                match (a, b) {
                    (Ok(a), Ok(b)) => {
                        self.overlay = Overlay::Diff {
                            left: format!("branch {mb} #{mn}"),
                            right: format!("branch {} #{n}", self.branch),
                            frames: diff_worlds(&a, &b),
                            scroll: 0,
                        };
                    }
                    (Err(e), _) | (_, Err(e)) => self.status = e,
                }
                self.mark = None;
            }
        }
    }

    fn submit(&mut self, kind: PromptKind, input: &str) {
        let input = input.trim();
        if input.is_empty() {
            return;
        }
        match kind {
            PromptKind::Search => {
                self.last_search = input.to_string();
                self.search(input);
            }
            PromptKind::Jump => match input.parse::<u64>() {
                Ok(n) if self.focus == Pane::Source => {
                    self.go_to_line(usize::try_from(n).unwrap_or(usize::MAX));
                }
                Ok(n) => match self.timeline.rows.iter().position(|r| r.n == n) {
                    Some(i) => self.select(i),
                    None => self.status = format!("no suspension {n} in branch {}", self.branch),
                },
                Err(_) => self.command(input),
            },
            PromptKind::Eval => self.submit_eval(input),
            PromptKind::Overwrite(path) => {
                if matches!(input, "y" | "Y" | "yes") {
                    self.save_to(&path);
                } else {
                    self.status = format!("not saved: {} exists", path.display());
                }
            }
            PromptKind::Branch => {
                let Some(n) = self.current_n() else { return };
                self.start_branch(self.branch, n, input);
            }
            PromptKind::Send => self.send_value(input),
        }
    }
}

impl App {
    /// Evaluates an expression where the shown world is (on a copy).
    pub(super) fn submit_eval(&mut self, input: &str) {
        if self.eval_past(input) || self.eval_paused(input) {
            return;
        }
        let Some(n) = self.current_n() else { return };
        let r = self.model.eval(self.branch, n, input);
        self.eval = Some((input.to_string(), r));
    }

    /// The line of the frame selected up the stack (none when the top one is).
    #[must_use]
    pub fn selected_frame_line(&self) -> Option<usize> {
        if self.frame_sel == 0 {
            return None;
        }
        let w = self.world.as_ref().ok()?;
        let f = super::layout::ordered_frames(w, self.at_live)
            .get(self.frame_sel)
            .copied()?;
        Some(super::model::line_of(&f.at)).filter(|&l| l > 0)
    }

    /// Moves the frame selection up (the caller) or down the stack.
    fn move_frame(&mut self, up: bool) {
        let Ok(w) = &self.world else {
            self.status = "no frames here".into();
            return;
        };
        let frames = super::layout::ordered_frames(w, self.at_live);
        let last = frames.len().saturating_sub(1);
        let to = if up {
            self.frame_sel + 1
        } else {
            self.frame_sel.wrapping_sub(1)
        };
        if to > last {
            self.status = if up {
                "oldest frame".into()
            } else {
                "newest frame".into()
            };
            return;
        }
        self.frame_sel = to;
        let first_local: usize = frames[..to].iter().map(|f| f.locals.len()).sum();
        self.frames_cursor = first_local;
        self.source_offset = 0;
        let f = frames[to];
        self.status = format!(
            "frame {}/{}: {} @ {}",
            to + 1,
            frames.len(),
            f.function,
            f.at
        );
    }
}

/// The action for a key in the current state (prompts take typed text).
#[must_use]
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(if app.busy() {
            Action::Interrupt
        } else {
            Action::Quit
        });
    }
    if app.busy() && key.code == KeyCode::Esc && app.overlay == Overlay::None {
        return Some(Action::Interrupt);
    }
    // Ctrl-letters are not the letters: Ctrl-L redraws, the others do nothing.
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(match key.code {
            KeyCode::Char('l') if key.modifiers == KeyModifiers::CONTROL => Action::Redraw,
            _ => Action::Unknown,
        });
    }
    if matches!(app.overlay, Overlay::Prompt { .. }) {
        return match key.code {
            KeyCode::Esc => Some(Action::Close),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) => Some(Action::Input(c)),
            _ => None,
        };
    }
    match KEYS.iter().find(|b| b.keys.contains(&key.code)) {
        Some(b) => Some(b.action.clone()),
        None if matches!(key.code, KeyCode::Char(_)) => Some(Action::Unknown),
        None => None,
    }
}

/// The action for a mouse event on a screen of `area`: a click focuses the
/// pane under it, the wheel scrolls the pane under it.
#[must_use]
pub fn mouse_action(app: &App, area: ratatui::layout::Rect, m: MouseEvent) -> Vec<Action> {
    if app.overlay != Overlay::None {
        return match m.kind {
            MouseEventKind::ScrollDown => vec![Action::Down],
            MouseEventKind::ScrollUp => vec![Action::Up],
            _ => Vec::new(),
        };
    }
    let Some(pane) = super::layout::pane_at(area, app.model.tree().len(), m.column, m.row) else {
        return Vec::new();
    };
    match m.kind {
        MouseEventKind::Down(_) => vec![Action::Focus(pane)],
        MouseEventKind::ScrollDown => vec![Action::Focus(pane), Action::Down],
        MouseEventKind::ScrollUp => vec![Action::Focus(pane), Action::Up],
        _ => Vec::new(),
    }
}

/// Applies an action.
pub fn update(app: &mut App, action: Action) {
    if action == Action::Interrupt {
        app.interrupt();
        return;
    }
    if action == Action::Redraw {
        app.redraw = true;
        return;
    }
    // Run keys typed while the program runs, following it at the end of the
    // timeline, wait for it to pause (none is dropped).
    if app.overlay == Overlay::None
        && app.branch == 0
        && (app.at_live || app.sel + 1 >= app.timeline.rows.len())
        && app
            .live
            .as_ref()
            .is_some_and(|l| l.state == super::jobs::RunState::Running)
        && matches!(
            action,
            Action::Next | Action::Step | Action::StepIn | Action::StepOut | Action::Continue
        )
    {
        app.queued.push_back(action);
        return;
    }
    // Overlays take their own keys first.
    match &mut app.overlay {
        Overlay::Prompt { kind, input } => {
            match action {
                Action::Input(c) => input.push(c),
                Action::Backspace => {
                    input.pop();
                }
                Action::Close => app.overlay = Overlay::None,
                Action::Submit => {
                    let (kind, input) = (kind.clone(), std::mem::take(input));
                    app.overlay = Overlay::None;
                    app.submit(kind, &input);
                }
                Action::Quit => app.quit = true,
                _ => {}
            }
            return;
        }
        Overlay::Help => {
            match action {
                Action::Quit => app.quit = true,
                Action::Down => app.help_scroll = app.help_scroll.saturating_add(1),
                Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
                Action::Close | Action::Help => app.overlay = Overlay::None,
                _ => {}
            }
            return;
        }
        Overlay::Breakpoints { scroll } => {
            match action {
                Action::Quit => app.quit = true,
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                _ => app.overlay = Overlay::None,
            }
            return;
        }
        Overlay::Diff { scroll, .. } => {
            match action {
                Action::Quit => app.quit = true,
                Action::Close | Action::Diff => app.overlay = Overlay::None,
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                _ => {}
            }
            return;
        }
        Overlay::None => {}
    }
    app.status.clear();
    let last = app.timeline.rows.len().saturating_sub(1);
    match action {
        Action::Next => app.next(),
        Action::Prev if app.past.is_some() => app.reverse_step(),
        Action::Prev if app.at_live => {
            if !app.timeline.rows.is_empty() {
                app.select(app.sel);
            }
        }
        Action::Prev => app.select(app.sel.saturating_sub(1)),
        Action::First if app.focus == Pane::Source => app.go_to_line(1),
        Action::Last if app.focus == Pane::Source => app.go_to_line(usize::MAX),
        Action::First => app.select(0),
        Action::Last => app.select(last),
        Action::PageUp | Action::PageDown => app.page(action == Action::PageDown),
        Action::FrameUp | Action::FrameDown => app.move_frame(action == Action::FrameUp),
        Action::ReverseStep => app.reverse_step(),
        Action::ReverseContinue => app.reverse_continue(),
        Action::Unknown => app.status = "unknown key: ? for help".into(),
        Action::Redraw => app.redraw = true,
        Action::Up | Action::Down => {
            let down = action == Action::Down;
            match app.focus {
                // Where a live program paused is after the last row: ↓ stays, ↑ is the last row.
                Pane::Timeline if app.at_live => {
                    if !down && !app.timeline.rows.is_empty() {
                        app.select(app.sel);
                    }
                }
                Pane::Timeline => app.select(if down {
                    (app.sel + 1).min(last)
                } else {
                    app.sel.saturating_sub(1)
                }),
                Pane::Branches => app.move_branch(down),
                Pane::Frames => {
                    let last = app.frame_keys().len().saturating_sub(1);
                    app.frames_cursor = if down {
                        (app.frames_cursor + 1).min(last)
                    } else {
                        app.frames_cursor.saturating_sub(1).min(last)
                    };
                }
                Pane::Source => app.source_offset += if down { 1 } else { -1 },
                Pane::Output => {
                    app.output_scroll = if down {
                        app.output_scroll.saturating_sub(1)
                    } else {
                        app.output_scroll.saturating_add(1)
                    };
                }
            }
        }
        Action::NextSame | Action::PrevSame => {
            let rows = &app.timeline.rows;
            let Some(name) = rows.get(app.sel).map(|r| r.name.clone()) else {
                return;
            };
            let hit = if action == Action::NextSame {
                (app.sel + 1..rows.len()).find(|&i| rows[i].name == name)
            } else {
                (0..app.sel).rev().find(|&i| rows[i].name == name)
            };
            match hit {
                Some(i) => app.select(i),
                None => app.status = format!("no other suspension of {name} that way"),
            }
        }
        Action::Toggle => {
            if app.focus != Pane::Frames {
                app.status = "Tab to the Frames pane to expand values".into();
                return;
            }
            if let Some(k) = app.frame_keys().get(app.frames_cursor) {
                if !app.expanded.remove(k) {
                    app.expanded.insert(k.clone());
                }
            }
        }
        Action::ToggleBreakpoint => {
            let line = app.source_cursor();
            if app.breakpoints.remove(&line) {
                app.status = format!("breakpoint on line {line} cleared");
            } else {
                app.breakpoints.insert(line);
                app.status = format!("breakpoint on line {line}");
            }
        }
        Action::Continue => {
            let rows = &app.timeline.rows;
            let from = if app.at_live { rows.len() } else { app.sel + 1 };
            let hit = (from..rows.len()).find(|&i| app.breakpoint_hit(i));
            match hit {
                Some(i) => app.select(i),
                None if app.live_waiting() => {
                    app.send_conditions();
                    app.run_live(super::live::Cmd::Continue(app.breakpoints.clone()));
                }
                None if app.breakpoints.is_empty() => {
                    app.status = "no breakpoints (x sets one)".into();
                }
                None => app.status = "no breakpoint hit after this suspension".into(),
            }
        }
        Action::Step | Action::StepIn | Action::StepOut => {
            if app.live_waiting() {
                app.note_past_view(&action);
                app.send_conditions();
                app.run_live(match action {
                    Action::Step => super::live::Cmd::Step(app.breakpoints.clone()),
                    Action::StepIn => super::live::Cmd::StepIn,
                    _ => super::live::Cmd::Return,
                });
            } else if app.live.is_some() && app.branch != 0 {
                app.status = "steps run the original program: show branch 0".into();
            } else {
                app.status = "nothing to step: open a script (live), not a recording".into();
            }
        }
        Action::Eval => {
            app.overlay = Overlay::Prompt {
                kind: PromptKind::Eval,
                input: String::new(),
            };
        }
        Action::Save => {
            let path = app.model.save_path();
            app.save_to(&path);
        }
        Action::NextPane => app.focus = app.focus.next(),
        Action::Focus(p) => app.focus = p,
        Action::Branch if app.at_live => {
            app.status = "branches start at a suspension: ← selects the last one".into();
        }
        Action::Branch => {
            app.overlay = Overlay::Prompt {
                kind: PromptKind::Branch,
                input: String::new(),
            };
        }
        Action::Search => {
            app.overlay = Overlay::Prompt {
                kind: PromptKind::Search,
                input: String::new(),
            };
        }
        Action::Jump => {
            app.overlay = Overlay::Prompt {
                kind: PromptKind::Jump,
                input: String::new(),
            };
        }
        Action::Diff => app.diff(),
        Action::Help => {
            app.help_scroll = 0;
            app.overlay = Overlay::Help;
        }
        Action::Close => app.mark = None,
        Action::Quit => app.quit = true,
        Action::Input(_) | Action::Backspace | Action::Submit | Action::Interrupt => {}
    }
}

impl App {
    /// → : the next suspension; past the last one of a live run, where the
    /// program paused, then on to its next suspension.
    fn next(&mut self) {
        if let Some(j) = self.past {
            self.forward_from_past(j);
            return;
        }
        let last = self.timeline.rows.len().saturating_sub(1);
        if self.at_live || self.sel >= last {
            let paused = self.live.as_ref().is_some_and(|l| l.paused.is_some());
            if self.live_waiting() {
                if paused && !self.at_live && !self.timeline.rows.is_empty() {
                    self.show_paused();
                } else {
                    self.run_live(super::live::Cmd::Next);
                }
                return;
            }
        }
        self.select((self.sel + 1).min(last));
    }
}
