//! The TUI's update logic (key → action → new state) and rendering,
//! without a terminal: `TestBackend`, insta snapshots and `Buffer` style checks.

#[allow(dead_code)]
#[path = "../src/tui/mod.rs"]
mod tui;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::Terminal;
use std::path::PathBuf;
use tempfile::TempDir;
use tui::app::{action_for, update, Action, App, Overlay, Pane, PromptKind, KEYS};
use tui::model::Model;

/// A small program whose generator is sent to (shared with the other TUI tests).
const SMALL: &str = include_str!("programs/counter.py");

/// A small program written to a fresh directory, removed when the returned
/// `TempDir` is dropped (`name` names it).
fn small(name: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("ys-tui-{name}-"))
        .tempdir()
        .unwrap();
    let p = dir.path().join("counter.py");
    std::fs::write(&p, SMALL).unwrap();
    (dir, p)
}

fn small_app(name: &str) -> (TempDir, App) {
    let (dir, p) = small(name);
    let mut app = App::new(Model::open(&p).expect("records"));
    app.no_color = true;
    (dir, app)
}

fn demo_app() -> App {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/card_game.py");
    let mut app = App::new(Model::open(&p).expect("records the demo"));
    app.no_color = true;
    app
}

/// A key, then whatever it started in the background (a branch, a live step) to its end.
fn key(app: &mut App, code: KeyCode) {
    let k = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(a) = action_for(app, k) {
        update(app, a);
    }
    app.settle();
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn screen(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| tui::view::render(app, f)).unwrap();
    t
}

fn text(t: &Terminal<TestBackend>) -> String {
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
fn records_a_script_into_a_timeline() {
    let (_dir, app) = small_app("timeline");
    let rows = &app.timeline.rows;
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert_eq!(rows[0].value, "0");
    assert_eq!(rows[0].sent, "1");
    assert_eq!(rows[1].sent, "2");
    assert_eq!(rows[4].value, "10");
    assert_eq!(rows[4].sent, "close", "closed when collected");
    assert_eq!(rows[0].line, 4);
    assert!(app.world.is_ok());
    assert_eq!(app.output_now(), "start\n");
}

#[test]
fn arrows_and_vim_keys_move_through_time() {
    let (_dir, mut app) = small_app("move");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.sel, 2);
    assert_eq!(app.output_now(), "start\ngot 1\n");
    key(&mut app, KeyCode::Left);
    assert_eq!(app.sel, 1);
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.sel, 0, "stops at the first");
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.sel, 4);
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.sel, 4, "stops at the last");
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.sel, 0);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.sel, 1, "j moves in the focused timeline");
    // Moving back restores the recorded world.
    let w = app.world.clone().unwrap();
    let total = w
        .frames
        .iter()
        .flat_map(|f| f.locals.iter())
        .find(|(k, _)| k == "total")
        .map(|(_, v)| v.to_string());
    assert_eq!(total.as_deref(), Some("1"));
}

#[test]
fn tab_cycles_panes_and_arrows_scroll_them() {
    let (_dir, mut app) = small_app("panes");
    assert_eq!(app.focus, Pane::Timeline);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Frames);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.frames_cursor, 1);
    assert_eq!(app.sel, 0, "the timeline did not move");
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn jump_and_search_prompts() {
    let (_dir, mut app) = small_app("jump");
    key(&mut app, KeyCode::Char(':'));
    assert!(matches!(
        app.overlay,
        Overlay::Prompt {
            kind: PromptKind::Jump,
            ..
        }
    ));
    typed(&mut app, "3q");
    key(&mut app, KeyCode::Backspace);
    assert!(!app.quit, "q is text inside a prompt");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.current_n(), Some(3));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "-> 2");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.current_n(), Some(1), "{}", app.status);
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "99");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.current_n(), Some(1));
    assert!(app.status.contains("no suspension 99"), "{}", app.status);
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn branch_with_another_value_adds_to_the_tree() {
    let (_dir, mut app) = small_app("branch");
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "5");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.branch, 1, "{}", app.status);
    let tree = app.model.tree();
    assert_eq!(tree.len(), 2);
    assert_eq!(tree[1].1.send, "5");
    assert_eq!(tree[1].1.at, 1);
    // Sending 5 at total=1 gives 6 next.
    assert_eq!(app.timeline.rows[1].sent, "5");
    assert_eq!(app.current_n(), Some(2));
    assert_eq!(app.timeline.rows[2].value, "6");
    // Switch back to the original in the branch pane.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Branches);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.branch, 0);
    assert_eq!(app.timeline.rows[2].value, "3");
}

#[test]
fn saved_branches_reopen_from_ron() {
    let (dir, mut app) = small_app("save");
    let py = dir.path().join("counter.py");
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "7");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.branch, 1, "{}", app.status);
    let ron = py.with_file_name("saved.ron");
    app.model.save(&ron).unwrap();
    let again = App::new(Model::open(&ron).expect("loads the saved recording"));
    assert_eq!(again.branch, 1, "opens the newest branch");
    assert_eq!(again.model.tree().len(), 2);
    assert_eq!(again.timeline.rows[1].sent, "7");
    assert_eq!(again.timeline.rows[2].value, "8");
    assert!(again.world.is_ok());
}

#[test]
fn n_and_shift_n_follow_one_generator() {
    let (_dir, mut app) = small_app("same");
    // One generator here: n behaves like next, and stops at its last suspension.
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.sel, 1);
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.sel, 4);
    assert!(app.status.contains("no other suspension"), "{}", app.status);
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.sel, 3);
}

#[test]
fn eval_reads_the_suspended_frame_on_a_copy() {
    let (_dir, mut app) = small_app("eval");
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "total * 10 + step + limit");
    key(&mut app, KeyCode::Enter);
    let (expr, r) = app.eval.clone().expect("evaluated");
    assert_eq!(expr, "total * 10 + step + limit");
    assert_eq!(r, Ok("132".to_string()));
    let shot = text(&screen(&app, 80, 24));
    assert!(shot.contains("» total * 10 + step + limit = 132"), "{shot}");
    // Globals are visible; errors come back as text.
    assert_eq!(app.model.eval(0, 2, "main.__name__"), Ok("'main'".into()));
    let err = app.model.eval(0, 2, "1 / 0").unwrap_err();
    assert!(err.contains("ZeroDivisionError"), "{err}");
    let err = app.model.eval(0, 2, "1 +").unwrap_err();
    assert!(err.contains("SyntaxError"), "{err}");
    // Read-only: an evaluation that mutates the world changes nothing recorded.
    assert_eq!(
        app.model
            .eval(0, 2, "[main.__dict__.setdefault('x', 1), total][1]"),
        Ok("3".into())
    );
    assert_eq!(app.model.eval(0, 2, "total"), Ok("3".into()));
    // Moving clears the result.
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.eval, None);
}

#[test]
fn breakpoints_on_source_lines_and_continue() {
    let (_dir, mut app) = small_app("bp");
    key(&mut app, KeyCode::Char('c'));
    assert!(app.status.contains("no breakpoints"), "{}", app.status);
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.focus, Pane::Source);
    assert_eq!(app.source_cursor(), 4);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.source_cursor(), 3);
    key(&mut app, KeyCode::Char('x'));
    assert!(app.breakpoints.contains(&3));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.sel, 0, "no suspension on line 3");
    assert!(app.status.contains("no breakpoint hit"), "{}", app.status);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.sel, 1);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.sel, 2);
    let shot = text(&screen(&app, 80, 24));
    assert!(shot.contains("│ ● 3     while total < limit:"), "{shot}");
    // x again clears it.
    key(&mut app, KeyCode::Char('x'));
    assert!(!app.breakpoints.contains(&4));
}

#[test]
fn mark_then_diff_opens_a_frame_diff() {
    let (_dir, mut app) = small_app("diff");
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.mark, Some((0, 0)));
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('d'));
    let Overlay::Diff { frames, .. } = &app.overlay else {
        panic!("no diff: {:?}", app.overlay);
    };
    let changes: Vec<String> = frames
        .iter()
        .flat_map(|f| f.changes.iter())
        .map(|c| format!("{} {:?} {:?}", c.path, c.old, c.new))
        .collect();
    assert!(
        changes.iter().any(|c| c.starts_with("total")),
        "{changes:?}"
    );
    let shot = text(&screen(&app, 80, 24));
    assert!(shot.contains("Frame diff"), "{shot}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.mark, None);
}

#[test]
fn help_is_generated_from_the_key_table() {
    let (_dir, mut app) = small_app("help");
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Overlay::Help);
    let shot = text(&screen(&app, 120, 40));
    for b in KEYS {
        assert!(shot.contains(b.help), "help lacks {:?}\n{shot}", b.help);
    }
    // Smaller, it scrolls: the first line at the top, the last after scrolling.
    let first = KEYS[0].help;
    let last = KEYS[KEYS.len() - 1].help;
    let top = text(&screen(&app, 80, 24));
    assert!(top.contains(first) && !top.contains(last), "{top}");
    for _ in 0..10 {
        key(&mut app, KeyCode::Down);
    }
    let bottom = text(&screen(&app, 80, 24));
    assert!(
        bottom.contains(last) && bottom.contains("scroll"),
        "{bottom}"
    );
    for b in KEYS {
        assert!(
            top.contains(b.help) || bottom.contains(b.help),
            "{:?}",
            b.help
        );
    }
    assert_eq!(app.overlay, Overlay::Help, "↓ scrolls, it does not close");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_even_in_a_prompt() {
    let (_dir, mut app) = small_app("ctrlc");
    key(&mut app, KeyCode::Char('b'));
    let a = action_for(
        &app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert_eq!(a, Some(Action::Quit));
    update(&mut app, Action::Quit);
    assert!(app.quit);
}

#[test]
fn mouse_clicks_focus_and_wheel_scrolls_the_pane_under_it() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let (_dir, mut app) = small_app("mouse");
    let area = Rect::new(0, 0, 80, 24);
    let at = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    // The frames pane is bottom right.
    for a in tui::app::mouse_action(
        &app,
        area,
        at(MouseEventKind::Down(MouseButton::Left), 60, 20),
    ) {
        update(&mut app, a);
    }
    assert_eq!(app.focus, Pane::Frames);
    // The wheel over the timeline moves through time.
    for a in tui::app::mouse_action(&app, area, at(MouseEventKind::ScrollDown, 60, 7)) {
        update(&mut app, a);
    }
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(app.sel, 1);
}

#[test]
fn renders_at_any_size_without_panicking() {
    let (_dir, mut app) = small_app("sizes");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('l'));
    for (w, h) in [(1, 1), (10, 5), (20, 8), (40, 12), (80, 24), (200, 60)] {
        screen(&app, w, h);
        key(&mut app, KeyCode::Char('?'));
        screen(&app, w, h);
        key(&mut app, KeyCode::Esc);
    }
    key(&mut app, KeyCode::Char('d'));
    for (w, h) in [(1, 1), (10, 5), (80, 24)] {
        screen(&app, w, h);
    }
    // Re-laid out on resize: the key bar follows the bottom row.
    let shot = text(&screen(&app, 100, 30));
    assert_eq!(shot.lines().count(), 30);
}

#[test]
fn current_line_is_highlighted() {
    let (_dir, mut app) = small_app("style");
    key(&mut app, KeyCode::Char('l'));
    let t = screen(&app, 80, 24);
    let b = t.backend().buffer();
    // Find the source row with the marker and check its style.
    let row = (0..b.area.height)
        .find(|&y| b[(1, y)].symbol() == "▶")
        .expect("a marked line");
    // Compare the source pane's current row with the expected buffer: its text, all highlighted.
    let area = Rect::new(1, row, 38, 1);
    let mut actual = Buffer::empty(area);
    let mut line = String::new();
    for x in area.x..area.right() {
        actual[(x, row)] = b[(x, row)].clone();
        line.push_str(b[(x, row)].symbol());
    }
    assert!(
        line.starts_with('▶') && line.contains(" 4         step = yield total"),
        "{line:?}"
    );
    let mut expected = Buffer::empty(area);
    expected.set_string(1, row, &line, tui::view::current_line_style(true));
    assert_eq!(actual, expected);
    // The line above is not highlighted.
    assert!(!b[(3, row - 1)].modifier.contains(Modifier::REVERSED));
    // With colour on, the highlight also has a foreground colour.
    app.no_color = false;
    let t = screen(&app, 80, 24);
    let cell = &t.backend().buffer()[(2, row)];
    assert_eq!(cell.fg, ratatui::style::Color::Yellow);
}

#[test]
fn snapshot_small_80x24() {
    let (_dir, mut app) = small_app("snap80");
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('l'));
    insta::assert_snapshot!(text(&screen(&app, 80, 24)));
}

#[test]
fn snapshot_demo_80x24_and_120x40() {
    let mut app = demo_app();
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    insta::assert_snapshot!("demo_80x24", text(&screen(&app, 80, 24)));
    insta::assert_snapshot!("demo_120x40", text(&screen(&app, 120, 40)));
}

#[test]
fn snapshot_overlays_120x40() {
    let (_dir, mut app) = small_app("snapov");
    key(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("help_120x40", text(&screen(&app, 120, 40)));
    insta::assert_snapshot!("help_80x24", text(&screen(&app, 80, 24)));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('d'));
    insta::assert_snapshot!("diff_120x40", text(&screen(&app, 120, 40)));
    insta::assert_snapshot!("diff_80x24", text(&screen(&app, 80, 24)));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "42");
    insta::assert_snapshot!("prompt_80x24", text(&screen(&app, 80, 24)));
    insta::assert_snapshot!("prompt_120x40", text(&screen(&app, 120, 40)));
}

#[test]
fn programs_without_suspensions_or_that_fail_still_open() {
    for (name, src) in [
        ("plain", "print('no generators here')\n"),
        ("syntax", "x = (\n"),
        (
            "raises",
            "def g():\n    yield 1\n    raise KeyError('k')\n\nfor v in g():\n    print(v)\n",
        ),
    ] {
        let dir = tempfile::Builder::new()
            .prefix(&format!("ys-tui-{name}-"))
            .tempdir()
            .unwrap();
        let p = dir.path().join(format!("{name}.py"));
        std::fs::write(&p, src).unwrap();
        let mut app = App::new(Model::open(&p).expect("opens"));
        for k in [
            KeyCode::Char('l'),
            KeyCode::Char('h'),
            KeyCode::Char('G'),
            KeyCode::Char('n'),
            KeyCode::Char('c'),
            KeyCode::Char('d'),
            KeyCode::Char('d'),
            KeyCode::Tab,
            KeyCode::Down,
        ] {
            key(&mut app, k);
            screen(&app, 80, 24);
        }
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('b'));
        typed(&mut app, "1");
        key(&mut app, KeyCode::Enter);
        let shot = text(&screen(&app, 80, 24));
        assert!(shot.contains("Timeline"), "{name}:\n{shot}");
        if name == "raises" {
            assert_eq!(app.timeline.rows.len(), 1);
            assert!(
                app.timeline.output.contains("KeyError"),
                "{:?}",
                app.timeline.output
            );
        }
    }
}

#[test]
fn entry_generator_driven_by_sends_then_by_branches() {
    let (_dir, py) = small("entry");
    let opts = tui::model::Options {
        entry: Some("counter(100)".into()),
        sends: vec!["5".into()],
        seed: None,
        ..Default::default()
    };
    let mut app = App::new(tui::model::Model::open_with(&py, &opts).expect("records"));
    // Importing the script runs its main() (5 suspensions), then the entry is driven.
    let values: Vec<&str> = app.timeline.rows.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values, ["0", "1", "3", "6", "10", "0", "5"]);
    // The sends ran out at the last suspension: branch there to send another.
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "7");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.branch, 1, "{}", app.status);
    let values: Vec<&str> = app.timeline.rows.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values, ["0", "1", "3", "6", "10", "0", "5", "12"]);
    assert_eq!(app.current_n(), Some(7));
}

#[test]
fn enter_expands_the_value_under_the_frames_cursor() {
    let mut app = demo_app();
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    key(&mut app, KeyCode::Enter);
    assert!(app.status.contains("Frames pane"), "{}", app.status);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Frames);
    let keys = app.frame_keys();
    assert_eq!(keys[0], "card_game.<locals>.ask#5.legal", "{keys:?}");
    key(&mut app, KeyCode::Enter);
    assert!(app.expanded.contains(&keys[0]));
    let shot = text(&screen(&app, 80, 24));
    assert!(shot.contains(" ▾legal = ['C', 'D', 'H', 'S']"), "{shot}");
    assert!(shot.contains("    [3] = 'S'"), "{shot}");
    insta::assert_snapshot!("expanded_80x24", shot);
    // Down then Space expands the next local; Space again collapses it.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    assert!(app.expanded.contains(&keys[1]));
    key(&mut app, KeyCode::Char(' '));
    assert!(!app.expanded.contains(&keys[1]));
    // Expansion is kept while stepping.
    key(&mut app, KeyCode::Right);
    assert!(app.expanded.contains(&keys[0]));
}

#[test]
fn generator_expressions_take_their_line_from_the_frame() {
    let dir = tempfile::Builder::new()
        .prefix("ys-tui-genexpr-")
        .tempdir()
        .unwrap();
    let p = dir.path().join("genexpr.py");
    std::fs::write(&p, "xs = [1, 2]\n\nprint(list(\n    x * 2 for x in xs))\n").unwrap();
    let app = App::new(Model::open(&p).expect("records"));
    assert!(!app.timeline.rows.is_empty());
    assert_eq!(app.current_line(), 4);
    let shot = text(&screen(&app, 80, 24));
    assert!(shot.contains("▶ 4     x * 2 for x in xs"), "{shot}");
}

#[test]
fn colon_commands_save_switch_branch_and_quit() {
    let (dir, mut app) = small_app("colon");
    let py = dir.path().join("counter.py");
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "9");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.branch, 1);
    let out = py.with_file_name("colon.ron");
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, &format!("w {}", out.display()));
    key(&mut app, KeyCode::Enter);
    assert!(app.status.starts_with("saved"), "{}", app.status);
    assert!(out.exists());
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "branch 0");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.branch, 0);
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "branch 7");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.branch, 0);
    assert!(app.status.contains("no branch 7"), "{}", app.status);
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "zzz");
    key(&mut app, KeyCode::Enter);
    assert!(app.status.contains("unknown command"), "{}", app.status);
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "q");
    key(&mut app, KeyCode::Enter);
    assert!(app.quit);
}

#[test]
fn an_interrupted_recording_opens_what_was_recorded() {
    let dir = tempfile::Builder::new()
        .prefix("ys-tui-forever-")
        .tempdir()
        .unwrap();
    let p = dir.path().join("forever.py");
    std::fs::write(
        &p,
        "def count():\n    n = 0\n    while True:\n        n += 1\n        yield n\n\nfor x in count():\n    pass\n",
    )
    .unwrap();
    let opts = tui::model::Options::default();
    opts.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let app = App::new(tui::model::Model::open_with(&p, &opts).expect("records"));
    assert!(!app.timeline.rows.is_empty());
    assert_eq!(app.timeline.end, "interrupted");
    let shot = text(&screen(&app, 80, 24));
    assert!(shot.contains("Timeline (interrupted)"), "{shot}");
}
