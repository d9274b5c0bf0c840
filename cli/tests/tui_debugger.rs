//! The debugger's commands without a terminal: breakpoints set by `:break`
//! (on a line, a function, with a condition), `:clear`, the breakpoint list,
//! go-to-line and pages in the Source pane, step out, up/down the stack,
//! reverse step and reverse continue, pdb's words at the `:` prompt, keys
//! typed ahead, Ctrl-letters; with snapshots of the new views.

#[allow(dead_code)]
#[path = "../src/tui/mod.rs"]
mod tui;

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use tui::app::{action_for, update, Action, App, Overlay, Pane, PromptKind};
use tui::live::Why;
use tui::model::{Model, Options};
use tui::running::RunState;

/// A small program whose generator is sent to (shared with the other TUI tests).
const SMALL: &str = include_str!("programs/counter.py");

const FOREVER: &str = "\
def count():
    n = 0
    while True:
        n += 1
        yield n

for x in count():
    pass
";

/// A program whose interesting function is far down the file (line 160).
fn far_script() -> String {
    let mut s = String::from(
        "def work(n):\n    total = 0\n    for i in range(n):\n        total += i\n        yield total\n\n\n",
    );
    while s.lines().count() < 156 {
        let k = s.lines().count();
        s.push_str(&format!("filler_{k} = {k}\n"));
    }
    s.push_str("\n\ndef far(v):\n    w = v * 2\n    return w\n\n\nfor v in work(6):\n    far(v)\nprint(\"done\")\n");
    s
}

fn script(tag: &str, name: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("ys-dbg-{tag}-"))
        .tempdir()
        .unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    (dir, p)
}

fn live(path: &Path) -> App {
    let (model, spec) = Model::live(path, &Options::default()).expect("reads the script");
    let mut app = App::new(model);
    app.no_color = true;
    app.start_live(spec, None).expect("starts");
    app.settle();
    app
}

fn key(app: &mut App, code: KeyCode) {
    key_mod(app, code, KeyModifiers::NONE);
}

fn key_mod(app: &mut App, code: KeyCode, m: KeyModifiers) {
    if let Some(a) = action_for(app, KeyEvent::new(code, m)) {
        update(app, a);
    }
    app.settle();
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// `:` then a command and Enter.
fn colon(app: &mut App, cmd: &str) {
    key(app, KeyCode::Char(':'));
    typed(app, cmd);
    key(app, KeyCode::Enter);
}

fn state(app: &App) -> RunState {
    app.live.as_ref().expect("live").state
}

fn why(app: &App) -> Option<Why> {
    app.live
        .as_ref()
        .and_then(|l| l.paused.as_ref())
        .map(|p| p.why)
}

fn top_function(app: &App) -> String {
    app.world.as_ref().expect("a world").frames[0]
        .function
        .clone()
}

fn local(app: &App, name: &str) -> Option<String> {
    let w = app.world.as_ref().expect("a world");
    w.frames[0]
        .locals
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.to_string())
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| tui::view::render(app, f)).unwrap();
    let b = t.backend().buffer();
    let mut out = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            out.push_str(b[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn break_on_a_line_far_down_stops_there() {
    let (_dir, p) = script("far", "far.py", &far_script());
    let mut app = live(&p);
    colon(&mut app, "break 160");
    assert!(app.breakpoints.contains(&160), "{}", app.status);
    assert_eq!(app.status, "breakpoint on line 160");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(why(&app), Some(Why::Breakpoint));
    assert_eq!(app.current_line(), 160);
    assert_eq!(top_function(&app), "far");
    assert_eq!(local(&app, "v").as_deref(), Some("0"));
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("w = v * 2"), "{shot}");
}

#[test]
fn break_on_a_function_and_with_a_condition() {
    let (_dir, p) = script("cond", "far.py", &far_script());
    let mut app = live(&p);
    colon(&mut app, "b far if v > 3");
    assert!(app.breakpoints.contains(&160), "{}", app.status);
    assert_eq!(app.conditions.get(&160).map(String::as_str), Some("v > 3"));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.current_line(), 160);
    // 0, 1, 3, 6: the first total over 3.
    assert_eq!(local(&app, "v").as_deref(), Some("6"));
    colon(&mut app, "c");
    assert_eq!(local(&app, "v").as_deref(), Some("10"));
    // The list, then :cl N and :cl.
    colon(&mut app, "b 4");
    colon(&mut app, "b");
    assert_eq!(app.overlay, Overlay::Breakpoints { scroll: 0 });
    let shot = screen(&app, 80, 24);
    assert!(shot.contains(" 160  w = v * 2   if v > 3"), "{shot}");
    assert!(shot.contains("   4  total += i"), "{shot}");
    insta::assert_snapshot!("breakpoint_list_80x24", shot);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    colon(&mut app, "cl 4");
    assert_eq!(app.status, "cleared the breakpoint on line 4");
    assert_eq!(app.breakpoints.len(), 1);
    colon(&mut app, "clear");
    assert_eq!(app.status, "cleared 1 breakpoint");
    assert!(app.breakpoints.is_empty() && app.conditions.is_empty());
    colon(&mut app, "b nosuch");
    assert!(app.status.contains("no function nosuch"), "{}", app.status);
    colon(&mut app, "b 999");
    assert!(app.status.contains("no line 999"), "{}", app.status);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(state(&app), RunState::Ended);
}

#[test]
fn a_condition_filters_recorded_suspensions_too() {
    let (_dir, p) = script("condrec", "far.py", &far_script());
    let mut app = live(&p);
    colon(&mut app, "c");
    assert_eq!(state(&app), RunState::Ended);
    key(&mut app, KeyCode::Char('g'));
    colon(&mut app, "b 5 if total >= 6");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.timeline.rows[app.sel].value, "6");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.timeline.rows[app.sel].value, "10");
    // Reverse continue goes back to the previous hit only.
    key(&mut app, KeyCode::Char('C'));
    assert_eq!(app.timeline.rows[app.sel].value, "6");
    key(&mut app, KeyCode::Char('C'));
    assert_eq!(app.status, "no breakpoint hit before this");
}

#[test]
fn source_pane_pages_home_end_and_go_to_line() {
    let (_dir, p) = script("page", "far.py", &far_script());
    let mut app = live(&p);
    update(&mut app, Action::Focus(Pane::Source));
    assert_eq!(app.source_cursor(), 1);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.source_cursor(), 21);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.source_cursor(), 1);
    key(&mut app, KeyCode::End);
    assert_eq!(app.source_cursor(), 166);
    key(&mut app, KeyCode::Home);
    assert_eq!(app.source_cursor(), 1);
    // :N in the Source pane goes to line N; :l N anywhere.
    colon(&mut app, "160");
    assert_eq!(app.source_cursor(), 160);
    key(&mut app, KeyCode::Char('x'));
    assert!(app.breakpoints.contains(&160));
    update(&mut app, Action::Focus(Pane::Timeline));
    colon(&mut app, "l 100");
    assert_eq!(app.focus, Pane::Source);
    assert_eq!(app.source_cursor(), 100);
    insta::assert_snapshot!("source_line_100_80x24", screen(&app, 80, 24));
}

#[test]
fn step_out_and_up_down_the_stack() {
    let (_dir, p) = script("out", "counter.py", SMALL);
    let mut app = live(&p);
    colon(&mut app, "b counter");
    assert!(app.breakpoints.contains(&2), "{}", app.status);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(top_function(&app), "counter");
    assert_eq!(app.current_line(), 2);
    // Up: main's frame, its line (next(g) on line 12); down again.
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.frame_sel, 1);
    assert_eq!(app.current_line(), 12);
    assert!(app.status.starts_with("frame 2/"), "{}", app.status);
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("▶ running main @ counter.py:12"), "{shot}");
    // p evaluates in the selected frame.
    colon(&mut app, "p g");
    assert_eq!(
        app.eval,
        Some(("g".into(), Ok("<generator counter#1 running>".into())))
    );
    colon(&mut app, "d");
    assert_eq!(app.frame_sel, 0);
    assert_eq!(app.current_line(), 2);
    key(&mut app, KeyCode::Char('U'));
    assert_eq!(app.status, "newest frame");
    // r: run until counter yields, back in main.
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(why(&app), Some(Why::Return), "{}", app.status);
    assert_eq!(top_function(&app), "main");
    assert!(
        app.status.starts_with("stepped out to line"),
        "{}",
        app.status
    );
    // pdb's words: n steps over, s steps in, p prints.
    colon(&mut app, "n");
    assert_eq!(app.current_line(), 13);
    colon(&mut app, "p v + 100");
    assert_eq!(app.eval, Some(("v + 100".into(), Ok("100".into()))));
    colon(&mut app, "w");
    assert!(app.status.contains("main @"), "{}", app.status);
}

#[test]
fn reverse_step_and_reverse_continue_over_paused_lines() {
    let (_dir, p) = script("rev", "far.py", &far_script());
    let mut app = live(&p);
    colon(&mut app, "b 160");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(local(&app, "v").as_deref(), Some("0"));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_line(), 161);
    assert_eq!(local(&app, "w").as_deref(), Some("0"));
    // Reverse step: back to line 160, before w was bound.
    key(&mut app, KeyCode::Char('S'));
    assert!(app.past.is_some());
    assert_eq!(app.current_line(), 160);
    assert_eq!(local(&app, "w"), None);
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("back at line 160"), "{shot}");
    // Forward again: where the program is paused.
    key(&mut app, KeyCode::Right);
    assert!(app.past.is_none());
    assert_eq!(app.current_line(), 161);
    // On to the next hits, then reverse continue to the previous hit.
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(local(&app, "v").as_deref(), Some("3"));
    key(&mut app, KeyCode::Char('C'));
    assert_eq!(app.current_line(), 160);
    assert_eq!(local(&app, "v").as_deref(), Some("1"));
    assert!(
        app.status.contains("back at the breakpoint on line 160"),
        "{}",
        app.status
    );
    insta::assert_snapshot!("reverse_continue_80x24", screen(&app, 80, 24));
    // An expression evaluates there, on that world.
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "v * 10");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.eval, Some(("v * 10".into(), Ok("10".into()))));
    // s from a past stop steps the live program, and says so.
    key(&mut app, KeyCode::Char('s'));
    assert!(app.past.is_none());
    assert!(
        app.status
            .starts_with("s stepped the live program where it is paused"),
        "{}",
        app.status
    );
    assert_eq!(local(&app, "v").as_deref(), Some("3"));
    assert_eq!(app.current_line(), 161);
}

#[test]
fn keys_typed_ahead_are_not_dropped() {
    let (_dir, p) = script("ahead", "forever.py", FOREVER);
    let mut app = live(&p);
    for _ in 0..5 {
        // No settling between presses: the program is still running.
        let a = action_for(&app, KeyEvent::new(KeyCode::Char('l'), KeyModifiers::NONE));
        update(&mut app, a.expect("l is bound"));
    }
    app.settle();
    assert_eq!(app.timeline.rows.len(), 5);
    assert_eq!(app.timeline.rows[4].value, "5");
}

#[test]
fn ctrl_letters_are_not_letters_and_unknown_keys_say_so() {
    let (_dir, p) = script("ctrl", "counter.py", SMALL);
    let mut app = live(&p);
    key(&mut app, KeyCode::Right);
    assert_eq!(app.timeline.rows.len(), 1);
    key_mod(&mut app, KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(app.timeline.rows.len(), 1, "Ctrl-L is not l");
    assert!(app.redraw);
    assert_eq!(
        action_for(
            &app,
            KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL)
        ),
        Some(Action::Redraw)
    );
    key_mod(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(app.status, "unknown key: ? for help");
    key(&mut app, KeyCode::Char('Z'));
    assert_eq!(app.status, "unknown key: ? for help");
    // The help lists the new keys.
    key(&mut app, KeyCode::Char('?'));
    let shot = screen(&app, 120, 50);
    for k in [
        "PgUp",
        "step out",
        "reverse step",
        "reverse continue",
        "up the stack",
    ] {
        assert!(shot.contains(k), "{k}: {shot}");
    }
}

#[test]
fn small_ones_plural_eval_output_overwrite_wrap() {
    let (dir, p) = script("small", "counter.py", SMALL);
    let mut app = live(&p);
    key(&mut app, KeyCode::Right);
    assert!(screen(&app, 80, 24).contains("0 original (1 suspension)"));
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "print('hi') or 3");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.eval,
        Some(("print('hi') or 3".into(), Ok("[printed: hi] 3".into())))
    );
    // :w FILE asks before replacing a file.
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "keep").unwrap();
    colon(&mut app, &format!("w {}", other.display()));
    assert!(matches!(
        &app.overlay,
        Overlay::Prompt {
            kind: PromptKind::Overwrite(_),
            ..
        }
    ));
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "keep");
    assert!(app.status.starts_with("not saved"), "{}", app.status);
    colon(&mut app, &format!("w {}", other.display()));
    key(&mut app, KeyCode::Char('y'));
    key(&mut app, KeyCode::Enter);
    assert!(app.status.starts_with("saved"), "{}", app.status);
    assert!(std::fs::read_to_string(&other).unwrap().len() > 10);
    // ~ is the home directory.
    assert_eq!(
        tui::commands::expand_home("~/x.ron"),
        Path::new(&std::env::var("HOME").unwrap()).join("x.ron")
    );
}

#[test]
fn output_pane_wraps_long_lines() {
    let long = format!("print('{}')\nprint('end')\n", "ab".repeat(60));
    let (_dir, p) = script("wrap", "long.py", &long);
    let mut app = live(&p);
    key(&mut app, KeyCode::Char('c'));
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("abababab"), "{shot}");
    assert!(shot.contains("end"), "{shot}");
    // The whole line is there, over several rows.
    let count: usize = shot.matches("ab").count();
    assert!(count >= 60, "{count}: {shot}");
}

#[test]
fn function_line_skips_headers_and_docstrings() {
    let src = "def a(x,\n      y):\n    \"\"\"Doc\n    more\"\"\"\n    # c\n    return x\n\ndef b(): return 1\n";
    assert_eq!(tui::commands::function_line(src, "a"), Some(6));
    assert_eq!(tui::commands::function_line(src, "b"), Some(8));
    assert_eq!(tui::commands::function_line(src, "c"), None);
    assert_eq!(tui::commands::plural(1u64, "suspension"), "1 suspension");
    assert_eq!(tui::commands::plural(2u64, "suspension"), "2 suspensions");
}

const CRASH: &str = "\
def gen():
    for i in range(3):
        yield i


def divide(a, b):
    ratio = a / b
    return ratio


def main():
    total = 0
    for v in gen():
        total += divide(10, 2 - v)
    return total


print(\"start\")
main()
";

#[test]
fn post_mortem_stops_in_the_raising_frame() {
    let (_dir, p) = script("pm", "crash.py", CRASH);
    let mut app = live(&p);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(state(&app), RunState::Ended);
    assert_eq!(why(&app), Some(Why::PostMortem), "{}", app.status);
    assert!(app.status.starts_with("post-mortem"), "{}", app.status);
    assert_eq!(app.current_line(), 7);
    assert_eq!(top_function(&app), "divide");
    assert_eq!(local(&app, "b").as_deref(), Some("0"));
    // Up the traceback: main, with its locals.
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.current_line(), 14);
    colon(&mut app, "p total");
    assert_eq!(app.eval, Some(("total".into(), Ok("15.0".into()))));
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("ZeroDivisionError"), "{shot}");
    insta::assert_snapshot!("post_mortem_80x24", shot);
}
