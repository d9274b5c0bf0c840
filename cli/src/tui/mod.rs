//! `yieldscope tui`: the terminal interface. State lives in [`app::App`],
//! every key becomes an [`app::Action`] handled by [`app::update`], and
//! [`view::render`] draws the state.

pub mod app;
pub mod commands;
pub mod jobs;
pub mod keys;
pub mod layout;
pub mod live;
pub mod model;
pub mod postmortem;
pub mod running;
pub mod steps;
pub mod view;
pub mod watch;
pub mod watcher;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Duration;

/// The bundled demo: `scripts/card_game.py` here, or next to the workspace.
#[must_use]
pub fn demo_script() -> PathBuf {
    let here = Path::new("scripts/card_game.py");
    if here.exists() {
        return here.to_path_buf();
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/card_game.py")
}

/// Whether `NO_COLOR` asks for no colour.
#[must_use]
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Opens `path` (a script or a `.ron` recording; the demo when `None`) and runs the interface.
/// Returns the exit status.
pub fn run(path: Option<PathBuf>, mut opts: model::Options) -> u8 {
    let path = path.unwrap_or_else(demo_script);
    // Without a terminal to draw on and read keys from, say so (before
    // anything runs) instead of failing inside the terminal library.
    if let Some(which) = not_a_terminal() {
        eprintln!(
            "yieldscope: tui needs a terminal, and {which} is not one \
             (use `yieldscope show` or `replay` to read a recording without one)"
        );
        return 2;
    }
    // Before the interface starts, Ctrl-C stops a long recording; then it is
    // a key, and a SIGINT from elsewhere must not leave the terminal raw.
    opts.progress = std::io::stderr().is_terminal();
    let flag = opts.stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    // The interpreter recurses on nested built-in calls: give it a large stack.
    let handle = std::thread::Builder::new()
        .name(UI_THREAD.into())
        .stack_size(512 << 20)
        .spawn(move || {
            let app = if path.extension().is_some_and(|e| e == "ron") {
                eprintln!("yieldscope: opening {}…", path.display());
                model::Model::open_with(&path, &opts).map(app::App::new)
            } else {
                open_live(&path, &opts)
            };
            let mut app = match app {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("yieldscope: {e}");
                    return 2;
                }
            };
            app.no_color = no_color();
            let mut terminal = match open_terminal() {
                Ok(t) => t,
                Err(e) => {
                    ratatui::restore();
                    eprintln!("yieldscope: cannot open the terminal: {e}");
                    return 2;
                }
            };
            let res = event_loop(&mut terminal, &mut app);
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
            ratatui::restore();
            match res {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("yieldscope: {e}");
                    1
                }
            }
        });
    match handle {
        Ok(h) => h.join().unwrap_or(70),
        Err(e) => {
            eprintln!("yieldscope: cannot start the interface: {e}");
            2
        }
    }
}

/// The name of the thread that draws: a panic there restores the terminal.
const UI_THREAD: &str = "yieldscope tui";

/// Raw mode, the alternate screen and mouse capture, with a panic hook that
/// undoes them (and says what happened) when the drawing thread panics; a
/// panic caught on another thread (a run's) leaves the screen alone.
fn open_terminal() -> std::io::Result<ratatui::DefaultTerminal> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let ui = std::thread::current().name() == Some(UI_THREAD);
        if ui {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
            ratatui::restore();
        }
        hook(info);
        if ui {
            eprintln!(
                "yieldscope: internal error in the terminal interface \
                 (the terminal was restored; please report the message above)"
            );
        }
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))
}

/// Which of stdin and stdout is not a terminal, if one is not.
fn not_a_terminal() -> Option<&'static str> {
    if !std::io::stdin().is_terminal() {
        Some("stdin")
    } else if !std::io::stdout().is_terminal() {
        Some("stdout")
    } else {
        None
    }
}

/// A live run of the script at `path`: paused before its first line, or
/// with `--watch` run on to its end (or a breakpoint) and re-run on every save.
fn open_live(path: &Path, opts: &model::Options) -> Result<app::App, String> {
    let (m, spec) = model::Model::live(path, opts)?;
    let mut app = app::App::new(m);
    let first = if opts.watch {
        app.watch = Some(watch::Watch::start(path, opts)?);
        Some(live::Cmd::Continue(std::collections::BTreeSet::new()))
    } else {
        None
    };
    app.start_live(spec, first)?;
    Ok(app)
}

/// How long the loop waits for a key before it looks at the running program again.
const TICK: Duration = Duration::from_millis(40);

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut app::App) -> std::io::Result<()> {
    let mut dirty = true;
    while !app.quit {
        if app.redraw {
            app.redraw = false;
            terminal.clear()?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|f| view::render(app, f))?;
            dirty = false;
        }
        // One loop over every kind of event: keys and the mouse, the running
        // program, the file watcher, and a tick that redraws the progress line.
        if event::poll(TICK)? {
            dirty = true;
            // Resize events just redraw (re-lay out) on the next turn of the loop.
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    if let Some(a) = app::action_for(app, k) {
                        app::update(app, a);
                    }
                }
                Event::Mouse(m) => {
                    let size = terminal.size()?;
                    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                    for a in app::mouse_action(app, area, m) {
                        app::update(app, a);
                    }
                }
                _ => {}
            }
        }
        let busy = app.busy();
        dirty |= app.poll(None) | app.poll_watch() | busy;
        dirty |= app.run_queued();
    }
    Ok(())
}
