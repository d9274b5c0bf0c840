//! Live mode without a terminal: a script runs on its worker thread and the
//! keys drive it (key → action → state), plus snapshots of the live views
//! at 80×24 and 120×40.

#[allow(dead_code)]
#[path = "../src/tui/mod.rs"]
mod tui;

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;
use tui::app::{action_for, update, Action, App, Overlay, PromptKind};
use tui::live::{Cmd, Why};
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

/// `text` written as `name` in a fresh directory, removed when the returned
/// `TempDir` is dropped (`tag` names it).
fn script(tag: &str, name: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("ys-live-{tag}-"))
        .tempdir()
        .unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    (dir, p)
}

/// A live app on `path`, started as `first` says, after its first report.
fn live(path: &Path, opts: &Options, first: Option<Cmd>) -> App {
    let (model, spec) = Model::live(path, opts).expect("reads the script");
    let mut app = App::new(model);
    app.no_color = true;
    app.start_live(spec, first).expect("starts");
    app.settle();
    app
}

fn small(tag: &str) -> (TempDir, App) {
    let (dir, p) = script(tag, "counter.py", SMALL);
    (dir, live(&p, &Options::default(), None))
}

/// A key, then whatever it started to its next pause.
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

fn state(app: &App) -> RunState {
    app.live.as_ref().expect("live").state
}

fn why(app: &App) -> Option<Why> {
    app.live
        .as_ref()
        .and_then(|l| l.paused.as_ref())
        .map(|p| p.why)
}

/// The frames pane's first frame: function and locals.
fn top(app: &App) -> (String, Vec<(String, String)>, Vec<String>) {
    let w = app.world.as_ref().expect("a world");
    let f = &w.frames[0];
    (
        f.function.clone(),
        f.locals
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
        f.stack.iter().map(ToString::to_string).collect(),
    )
}

fn local(app: &App, name: &str) -> Option<String> {
    top(app)
        .1
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
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

/// Sets a breakpoint on `line` through the Source pane, as a user does.
fn breakpoint(app: &mut App, line: usize) {
    update(app, Action::Focus(tui::app::Pane::Source));
    while app.source_cursor() < line {
        key(app, KeyCode::Down);
    }
    while app.source_cursor() > line {
        key(app, KeyCode::Up);
    }
    key(app, KeyCode::Char('x'));
    update(app, Action::Focus(tui::app::Pane::Timeline));
}

#[test]
fn a_script_opens_paused_before_its_first_line() {
    let (_dir, app) = small("start");
    assert_eq!(state(&app), RunState::Paused);
    assert_eq!(why(&app), Some(Why::Start));
    assert!(app.at_live);
    assert_eq!(app.current_line(), 1);
    assert!(app.timeline.rows.is_empty());
    let (function, _, stack) = top(&app);
    assert_eq!(function, "<module>");
    assert!(stack.is_empty(), "nothing has run yet: {stack:?}");
}

#[test]
fn right_arrow_runs_to_the_next_suspension() {
    let (_dir, mut app) = small("next");
    key(&mut app, KeyCode::Right);
    assert_eq!(app.timeline.rows.len(), 1);
    assert_eq!(app.current_n(), Some(0));
    assert_eq!(app.timeline.rows[0].value, "0");
    assert_eq!(state(&app), RunState::Paused);
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.timeline.rows.len(), 2);
    assert_eq!(app.current_n(), Some(1));
    assert_eq!(app.output_now(), "start\n");
    // ↑ from where the program paused is the last suspension.
    key(&mut app, KeyCode::Char('s'));
    assert!(app.at_live);
    key(&mut app, KeyCode::Down);
    assert!(app.at_live, "nothing after the pause");
    key(&mut app, KeyCode::Up);
    assert!(!app.at_live);
    assert_eq!(app.current_n(), Some(1));
    // Back in time is a restore; forward again is recorded, not re-run.
    key(&mut app, KeyCode::Left);
    assert_eq!(app.current_n(), Some(0));
    key(&mut app, KeyCode::Right);
    assert_eq!(app.current_n(), Some(1));
    assert_eq!(app.timeline.rows.len(), 2);
}

#[test]
fn s_steps_the_current_frame_line_by_line() {
    let (_dir, mut app) = small("step");
    let mut lines = vec![app.current_line()];
    for _ in 0..2 {
        key(&mut app, KeyCode::Char('s'));
        assert_eq!(why(&app), Some(Why::Step));
        lines.push(app.current_line());
    }
    // The module's statements; the call on line 18 runs main() through.
    assert_eq!(lines, [1, 9, 18]);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(
        state(&app),
        RunState::Ended,
        "stepping over main() ran the program to its end"
    );
    assert_eq!(app.timeline.rows.len(), 5);
    assert_eq!(app.timeline.end, "finished");
}

#[test]
fn stepping_inside_a_function_and_out_of_a_generator() {
    let (_dir, mut app) = small("inside");
    breakpoint(&mut app, 12);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(why(&app), Some(Why::Breakpoint));
    assert_eq!(app.current_line(), 12);
    assert_eq!(top(&app).0, "main");
    assert_eq!(app.output_now(), "start\n", "printed since the last record");
    // v = next(g) runs the generator to its first yield: one step over it.
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_line(), 13);
    assert_eq!(local(&app, "v").as_deref(), Some("0"));
    assert_eq!(app.timeline.rows.len(), 1, "the suspension was recorded");
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_line(), 14);
    assert_eq!(local(&app, "i").as_deref(), Some("0"));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_line(), 15);
    assert_eq!(local(&app, "v").as_deref(), Some("1"));
    // A step back into the loop header.
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_line(), 13);
    assert_eq!(app.output_now(), "start\ngot 1\n");
}

#[test]
fn i_steps_into_calls_and_resumed_generators() {
    let (_dir, mut app) = small("into");
    breakpoint(&mut app, 12);
    key(&mut app, KeyCode::Char('c'));
    // next(g) starts the generator: its first line.
    key(&mut app, KeyCode::Char('i'));
    assert_eq!(why(&app), Some(Why::Step));
    assert_eq!(top(&app).0, "counter");
    assert_eq!(app.current_line(), 2);
    key(&mut app, KeyCode::Char('i'));
    assert_eq!(app.current_line(), 3);
    key(&mut app, KeyCode::Char('i'));
    assert_eq!(app.current_line(), 4);
    // The yield leaves the generator: back in main, after the call.
    key(&mut app, KeyCode::Char('i'));
    assert_eq!(top(&app).0, "main");
    assert_eq!(app.timeline.rows.len(), 1);
    // s steps over the same kind of call.
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_line(), 14);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(top(&app).0, "main");
    assert_eq!(app.current_line(), 15);
}

#[test]
fn a_breakpoint_stops_a_running_program_before_its_line() {
    let (_dir, mut app) = small("break");
    breakpoint(&mut app, 15);
    assert!(app.breakpoints.contains(&15));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(why(&app), Some(Why::Breakpoint));
    assert_eq!(app.current_line(), 15);
    let (function, _, stack) = top(&app);
    assert_eq!(function, "main");
    // Nothing of line 15 ran: only the loop's iterator is on the stack.
    assert_eq!(stack, ["<range_iterator object>"]);
    assert_eq!(local(&app, "v").as_deref(), Some("1"));
    let shot = screen(&app, 80, 24);
    assert!(
        shot.contains("paused at L15 in main (breakpoint)"),
        "{shot}"
    );
    // Again: the next time round the loop.
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.current_line(), 15);
    assert_eq!(local(&app, "v").as_deref(), Some("3"));
    // Cleared, c runs to the end.
    breakpoint(&mut app, 15);
    assert!(app.breakpoints.is_empty());
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(state(&app), RunState::Ended);
    assert_eq!(app.timeline.rows.len(), 5);
    assert!(app.status.contains("ended: finished"), "{}", app.status);
}

#[test]
fn eval_reads_where_the_program_paused() {
    let (_dir, mut app) = small("eval");
    breakpoint(&mut app, 15);
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "v * 10 + i");
    key(&mut app, KeyCode::Enter);
    let (expr, r) = app.eval.clone().expect("evaluated");
    assert_eq!(expr, "v * 10 + i");
    assert_eq!(r, Ok("10".into()));
    // On a copy: the program goes on as before.
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(local(&app, "v").as_deref(), Some("1"));
}

#[test]
fn esc_pauses_a_long_run_and_keeps_what_was_recorded() {
    let (_dir, p) = script("esc", "forever.py", FOREVER);
    let mut app = live(&p, &Options::default(), None);
    update(&mut app, Action::Continue);
    assert!(app.busy());
    let start = Instant::now();
    while app.model.rec.branches[0].suspension_count() < 50 {
        app.poll(Some(Duration::from_millis(20)));
        assert!(start.elapsed() < Duration::from_secs(60), "no progress");
    }
    let progress = app.progress().expect("a progress line");
    assert!(progress.starts_with("running… "), "{progress}");
    assert!(progress.ends_with("suspensions (Esc pauses)"), "{progress}");
    let esc = action_for(&app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(esc, Some(Action::Interrupt));
    let ctrl_c = action_for(
        &app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert_eq!(ctrl_c, Some(Action::Interrupt), "Ctrl-C pauses, not quits");
    update(&mut app, Action::Interrupt);
    app.settle();
    assert_eq!(state(&app), RunState::Paused);
    assert_eq!(why(&app), Some(Why::Interrupted));
    assert!(!app.quit);
    let kept = app.timeline.rows.len();
    assert!(kept >= 50);
    assert!(app.progress().is_none());
    // It goes on from there.
    key(&mut app, KeyCode::Right);
    assert_eq!(app.timeline.rows.len(), kept + 1);
    assert_eq!(app.current_n(), Some(kept as u64));
    // Paused, Ctrl-C quits.
    let ctrl_c = action_for(
        &app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert_eq!(ctrl_c, Some(Action::Quit));
}

#[test]
fn the_entry_generator_waits_for_a_typed_value() {
    let (_dir, p) = script("entry", "counter.py", SMALL);
    let opts = Options {
        entry: Some("counter(100)".into()),
        sends: vec!["5".into()],
        ..Options::default()
    };
    let mut app = live(&p, &opts, Some(Cmd::Continue(BTreeSet::new())));
    // Importing runs main() (5 suspensions), then the entry gets 5, then waits.
    assert_eq!(state(&app), RunState::WantsSend);
    let values: Vec<&str> = app.timeline.rows.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values, ["0", "1", "3", "6", "10", "0", "5"]);
    assert_eq!(
        app.overlay,
        Overlay::Prompt {
            kind: PromptKind::Send,
            input: String::new()
        }
    );
    // A typo is not sent: the prompt stays with what was typed.
    typed(&mut app, "7 +");
    key(&mut app, KeyCode::Enter);
    assert!(app.status.starts_with("not sent"), "{}", app.status);
    assert!(
        matches!(&app.overlay, Overlay::Prompt { kind: PromptKind::Send, input } if input == "7 +")
    );
    // Esc closes it; → opens it again.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    key(&mut app, KeyCode::Right);
    assert!(matches!(
        app.overlay,
        Overlay::Prompt {
            kind: PromptKind::Send,
            ..
        }
    ));
    typed(&mut app, "total * 2");
    key(&mut app, KeyCode::Enter);
    // Evaluated in the script's module: there is no `total` there.
    assert!(app.status.starts_with("not sent"), "{}", app.status);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Right);
    typed(&mut app, "40 + 2");
    key(&mut app, KeyCode::Enter);
    assert_eq!(state(&app), RunState::WantsSend, "waits for the next one");
    assert_eq!(app.timeline.rows.last().unwrap().value, "47");
    assert_eq!(app.model.rec.header.sends, ["5", "40 + 2"]);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Right);
    typed(&mut app, "100");
    key(&mut app, KeyCode::Enter);
    assert_eq!(state(&app), RunState::Ended);
    assert_eq!(app.timeline.end, "returned 147");
    // Saved, the typed values are in the header: the recording replays.
    let ron = p.with_file_name("typed.ron");
    app.model.save(&ron).unwrap();
    let again = App::new(Model::open(&ron).expect("loads"));
    assert_eq!(again.timeline.rows.len(), app.timeline.rows.len());
    assert_eq!(again.model.rec.header.sends, ["5", "40 + 2", "100"]);
    let replayed = App::new(
        Model::open_with(
            &p,
            &Options {
                entry: Some("counter(100)".into()),
                sends: again.model.rec.header.sends.clone(),
                ..Options::default()
            },
        )
        .unwrap(),
    );
    assert_eq!(replayed.timeline.end, "returned 147");
}

#[test]
fn a_long_branch_shows_progress_and_esc_stops_it() {
    let (_dir, p) = script("branch", "forever.py", FOREVER);
    let mut app = live(&p, &Options::default(), None);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "5");
    update(&mut app, Action::Submit);
    assert!(app.busy());
    let start = Instant::now();
    while app
        .job
        .as_ref()
        .is_some_and(|j| j.count.load(std::sync::atomic::Ordering::Relaxed) < 20)
    {
        std::thread::sleep(Duration::from_millis(10));
        assert!(start.elapsed() < Duration::from_secs(60), "no progress");
    }
    let progress = app.progress().expect("a progress line");
    assert!(progress.starts_with("branching at #0… "), "{progress}");
    let shot = screen(&app, 120, 40);
    assert!(shot.contains("branching at #0"), "{shot}");
    let esc = action_for(&app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(esc, Some(Action::Interrupt));
    update(&mut app, Action::Interrupt);
    app.settle();
    assert_eq!(app.branch, 1, "{}", app.status);
    assert_eq!(app.timeline.end, "interrupted");
    assert!(app.timeline.rows.len() > 20);
    assert_eq!(app.timeline.rows[0].sent, "5");
    // The live program is still paused where it was.
    assert_eq!(state(&app), RunState::Paused);
}

#[test]
fn watch_reruns_a_saved_script_and_marks_the_first_change() {
    let (_dir, p) = script("watch", "counter.py", SMALL);
    let opts = Options::default();
    let mut app = live(&p, &opts, Some(Cmd::Continue(BTreeSet::new())));
    app.watch = Some(tui::watch::Watch::manual(&p, &opts));
    assert_eq!(state(&app), RunState::Ended);
    // The same text: nothing to do.
    app.rerun();
    assert_eq!(state(&app), RunState::Ended);
    assert!(app.status.contains("ended"), "{}", app.status);
    std::fs::write(&p, SMALL.replace("g.send(i + 1)", "g.send(i + 2)")).unwrap();
    app.rerun();
    app.settle();
    assert_eq!(state(&app), RunState::Ended);
    assert_eq!(app.timeline.rows[0].sent, "2");
    assert_eq!(app.diverged, Some(0));
    assert_eq!(app.current_n(), Some(0));
    assert!(
        app.status.contains("first change at #0: send(1) → send(2)"),
        "{}",
        app.status
    );
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("≠0 counter#1"), "{shot}");
    insta::assert_snapshot!("watch_changed_80x24", shot);
    insta::assert_snapshot!("watch_changed_120x40", screen(&app, 120, 40));
    // Saved again unchanged in behaviour: the same trace.
    std::fs::write(
        &p,
        format!(
            "{}# a comment\n",
            SMALL.replace("g.send(i + 1)", "g.send(i + 2)")
        ),
    )
    .unwrap();
    app.rerun();
    app.settle();
    assert!(app.status.contains("the same"), "{}", app.status);
}

#[test]
fn snapshots_of_a_paused_program() {
    let (_dir, mut app) = small("snap-paused");
    insta::assert_snapshot!("live_start_80x24", screen(&app, 80, 24));
    breakpoint(&mut app, 15);
    key(&mut app, KeyCode::Char('c'));
    insta::assert_snapshot!("live_breakpoint_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("live_breakpoint_120x40", screen(&app, 120, 40));
}

#[test]
fn snapshots_of_the_send_prompt() {
    let (_dir, p) = script("snap-send", "counter.py", SMALL);
    let opts = Options {
        entry: Some("counter(100)".into()),
        ..Options::default()
    };
    let app = live(&p, &opts, Some(Cmd::Continue(BTreeSet::new())));
    assert_eq!(state(&app), RunState::WantsSend);
    insta::assert_snapshot!("send_prompt_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("send_prompt_120x40", screen(&app, 120, 40));
}

#[test]
fn snapshots_of_a_running_program() {
    // Before any report comes back the program runs: the progress line shows 0.
    let (_dir, p) = script("snap-run", "forever.py", FOREVER);
    let (model, spec) = Model::live(&p, &Options::default()).unwrap();
    let mut app = App::new(model);
    app.no_color = true;
    app.start_live(spec, Some(Cmd::Continue(BTreeSet::new())))
        .unwrap();
    assert!(app.busy());
    insta::assert_snapshot!("running_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("running_120x40", screen(&app, 120, 40));
}

#[test]
fn a_program_that_fails_shows_why_at_its_end() {
    let (_dir, p) = script(
        "boom",
        "boom.py",
        "def g():\n    yield 1\n    raise ValueError(\"boom\")\n\nfor x in g():\n    print(x)\n",
    );
    let mut app = live(&p, &Options::default(), None);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(state(&app), RunState::Ended);
    assert_eq!(app.timeline.end, "uncaught exception");
    // It stops post-mortem where the exception was raised, the whole output shown.
    assert_eq!(why(&app), Some(Why::PostMortem));
    assert_eq!(app.current_line(), 3);
    assert!(app.output_now().ends_with("ValueError: boom\n"));
    // ← is the last suspension, with the output to the end.
    key(&mut app, KeyCode::Left);
    assert!(app.output_to_end());
    let out = app.output_now();
    assert!(out.starts_with("1\n"), "{out}");
    assert!(out.ends_with("ValueError: boom\n"), "{out}");
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("Output (to the end)"), "{shot}");
    // A syntax error: the run fails at once and the Output pane says why.
    let (_bad_dir, bad) = script("bad", "bad.py", "def g(:\n    yield 1\n");
    let app = live(&bad, &Options::default(), None);
    assert_eq!(state(&app), RunState::Ended);
    assert!(app.timeline.end.starts_with("failed"));
    assert!(app.status.contains("failed to run"), "{}", app.status);
    assert!(app.output_now().contains("SyntaxError"));
}

#[test]
fn the_watcher_notices_a_save() {
    let (_dir, p) = script("notify", "counter.py", SMALL);
    let opts = Options {
        watch: true,
        ..Options::default()
    };
    let mut app = live(&p, &opts, Some(Cmd::Continue(BTreeSet::new())));
    app.watch = Some(tui::watch::Watch::start(&p, &opts).expect("watches the directory"));
    // Another file in the directory (a recording saved there) is no save of the script.
    std::fs::write(p.with_file_name("counter.ron"), "x").unwrap();
    std::thread::sleep(Duration::from_millis(600));
    assert!(!app.poll_watch());
    // Editors write a new file and rename it over the script.
    let tmp = p.with_file_name(".counter.py.swp");
    std::fs::write(&tmp, SMALL.replace("print(\"start\")", "print(\"begin\")")).unwrap();
    std::fs::rename(&tmp, &p).unwrap();
    let start = Instant::now();
    while !app.poll_watch() {
        assert!(start.elapsed() < Duration::from_secs(20), "no re-run");
        std::thread::sleep(Duration::from_millis(50));
    }
    app.settle();
    assert_eq!(state(&app), RunState::Ended);
    assert_eq!(app.timeline.output.lines().next(), Some("begin"));
    assert!(
        app.status
            .contains("first change at #0: printed 'start\\n' → printed 'begin\\n'"),
        "{}",
        app.status
    );
}

#[test]
fn a_branch_of_an_unfinished_live_run_saves_and_reloads() {
    let (_dir, p) = script("save", "counter.py", SMALL);
    let mut app = live(&p, &Options::default(), None);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "50");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.branch, 1, "{}", app.status);
    assert_eq!(app.timeline.rows[2].value, "51");
    // The live program goes on in branch 0 after the branch was made.
    key(&mut app, KeyCode::Char('s'));
    assert!(app.status.contains("show branch 0"), "{}", app.status);
    key(&mut app, KeyCode::Char(':'));
    typed(&mut app, "branch 0");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.branch, 0);
    assert_eq!(state(&app), RunState::Ended);
    assert_eq!(app.timeline.rows.len(), 5);
    let ron = p.with_file_name("both.ron");
    app.model.save(&ron).unwrap();
    let again = Model::open(&ron).expect("loads");
    assert_eq!(again.tree().len(), 2);
    assert_eq!(again.timeline(0).rows.len(), 5);
    assert_eq!(again.timeline(0).end, "finished");
    assert_eq!(again.timeline(1).rows[2].value, "51");
    // Saved while paused halfway: the original run loads as far as it got.
    let mut app = live(&p, &Options::default(), None);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('b'));
    typed(&mut app, "7");
    key(&mut app, KeyCode::Enter);
    let half = p.with_file_name("half.ron");
    app.model.save(&half).unwrap();
    let again = Model::open(&half).expect("loads");
    assert_eq!(again.timeline(0).rows.len(), 1);
    assert_eq!(again.timeline(1).rows[1].value, "7");
}
