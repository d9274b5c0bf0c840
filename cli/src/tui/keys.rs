//! Everything a key can do ([`Action`]) and the key table the help overlay
//! and the bottom bar are generated from.

use super::layout::Pane;
use ratatui::crossterm::event::KeyCode;

/// Everything a key can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Next suspension.
    Next,
    /// Previous suspension.
    Prev,
    /// Up in the focused pane.
    Up,
    /// Down in the focused pane.
    Down,
    /// Next suspension of the same generator.
    NextSame,
    /// Previous suspension of the same generator.
    PrevSame,
    /// Save the recording with its branches.
    Save,
    /// Prompt for an expression to evaluate against the selected world.
    Eval,
    /// Expand or collapse the value under the frames pane's cursor.
    Toggle,
    /// Set or clear a breakpoint on the source line under the cursor.
    ToggleBreakpoint,
    /// Continue to the next suspension on a breakpoint line; live, run to a breakpoint line.
    Continue,
    /// Live: run the current frame to its next line (calls run through).
    Step,
    /// Live: run to the next line of the script, into calls and resumed generators.
    StepIn,
    /// Pause the running program, or stop the running branch.
    Interrupt,
    /// Focus the next pane.
    NextPane,
    /// Focus this pane (a mouse click).
    Focus(Pane),
    /// First suspension.
    First,
    /// Last suspension.
    Last,
    /// Prompt for a value and branch at the selected suspension.
    Branch,
    /// Mark this suspension, or diff the mark against it.
    Diff,
    /// Prompt for text to search the timeline.
    Search,
    /// Prompt for a suspension number.
    Jump,
    /// Show the key bindings.
    Help,
    /// Close the overlay.
    Close,
    /// Quit.
    Quit,
    /// A character typed into a prompt.
    Input(char),
    /// Delete the last character of a prompt.
    Backspace,
    /// Accept a prompt.
    Submit,
    /// Live: run until the current frame returns or yields (pdb's `return`).
    StepOut,
    /// Select the frame above (the caller) in the Frames pane.
    FrameUp,
    /// Select the frame below (the callee) in the Frames pane.
    FrameDown,
    /// Back to the previous stop: a suspension or a place the live program paused.
    ReverseStep,
    /// Back to the previous breakpoint hit.
    ReverseContinue,
    /// A page up in the focused pane.
    PageUp,
    /// A page down in the focused pane.
    PageDown,
    /// Redraw the screen (Ctrl-L).
    Redraw,
    /// A key bound to nothing.
    Unknown,
}

/// One row of the key table.
pub struct Binding {
    /// The keys.
    pub keys: &'static [KeyCode],
    /// What they do.
    pub action: Action,
    /// Help text.
    pub help: &'static str,
    /// Its short label in the bottom bar, if shown there.
    pub bar: Option<&'static str>,
}

/// The key bindings outside prompts; the help overlay and the bottom bar are generated from it.
pub const KEYS: &[Binding] = &[
    Binding {
        keys: &[KeyCode::Right, KeyCode::Char('l')],
        action: Action::Next,
        help: "next suspension (live, past the last: run to the next)",
        bar: Some("next"),
    },
    Binding {
        keys: &[KeyCode::Left, KeyCode::Char('h')],
        action: Action::Prev,
        help: "previous suspension (a restore, not a re-run)",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('n')],
        action: Action::NextSame,
        help: "next suspension of the same generator",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('N')],
        action: Action::PrevSame,
        help: "previous suspension of the same generator",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Up, KeyCode::Char('k')],
        action: Action::Up,
        help: "up in the focused pane",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Down, KeyCode::Char('j')],
        action: Action::Down,
        help: "down in the focused pane",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Tab],
        action: Action::NextPane,
        help: "focus the next pane",
        bar: Some("pane"),
    },
    Binding {
        keys: &[KeyCode::PageUp],
        action: Action::PageUp,
        help: "a page up in the focused pane",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::PageDown],
        action: Action::PageDown,
        help: "a page down in the focused pane",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('g'), KeyCode::Home],
        action: Action::First,
        help: "first suspension (Source pane: its first line)",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('G'), KeyCode::End],
        action: Action::Last,
        help: "last suspension (Source pane: its last line)",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('b')],
        action: Action::Branch,
        help: "branch here: send another value (a Python expression)",
        bar: Some("branch"),
    },
    Binding {
        keys: &[KeyCode::Char('d')],
        action: Action::Diff,
        help: "mark this suspension; again elsewhere: frame diff",
        bar: Some("diff"),
    },
    Binding {
        keys: &[KeyCode::Char('/')],
        action: Action::Search,
        help: "search the timeline (generator, line, value)",
        bar: Some("search"),
    },
    Binding {
        keys: &[KeyCode::Char(':')],
        action: Action::Jump,
        help: "#N (Source pane: line N); pdb's n s c r u d b cl w p l q",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Enter, KeyCode::Char(' ')],
        action: Action::Toggle,
        help: "expand or collapse the value under the Frames cursor",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('x')],
        action: Action::ToggleBreakpoint,
        help: "toggle a breakpoint on the Source pane's cursor line",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('c')],
        action: Action::Continue,
        help: "continue to a breakpoint line (live: run on to one)",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('s')],
        action: Action::Step,
        help: "live: step the current frame to its next line",
        bar: Some("step"),
    },
    Binding {
        keys: &[KeyCode::Char('i')],
        action: Action::StepIn,
        help: "live: step into calls and resumed generators",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('r')],
        action: Action::StepOut,
        help: "live: step out: run until this frame returns or yields",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('u')],
        action: Action::FrameUp,
        help: "up the stack: the caller's frame and its line",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('U')],
        action: Action::FrameDown,
        help: "down the stack: the callee's frame",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('S')],
        action: Action::ReverseStep,
        help: "reverse step: back to the previous line stop or suspension",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('C')],
        action: Action::ReverseContinue,
        help: "reverse continue: back to the previous breakpoint hit",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('e')],
        action: Action::Eval,
        help: "evaluate an expression in the suspended frame (on a copy)",
        bar: Some("eval"),
    },
    Binding {
        keys: &[KeyCode::Char('w')],
        action: Action::Save,
        help: "save the recording with its branches (RON)",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('?')],
        action: Action::Help,
        help: "this help",
        bar: Some("help"),
    },
    Binding {
        keys: &[KeyCode::Esc],
        action: Action::Close,
        help: "close the overlay; pause the program, stop a branch",
        bar: None,
    },
    Binding {
        keys: &[KeyCode::Char('q')],
        action: Action::Quit,
        help: "quit",
        bar: Some("quit"),
    },
];

/// A key's name as the help shows it.
#[must_use]
pub fn key_name(k: KeyCode) -> String {
    match k {
        KeyCode::Right => "→".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}
