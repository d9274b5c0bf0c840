//! The inspector subcommands. Exit statuses: 0 success (or "same"), 1 a
//! difference or a mismatch (or the recorded program failed), 2 an error
//! (bad input, unreadable or invalid recording, a limit reached), 70 an
//! internal error, 130 interrupted.

/// `text` with its control characters (other than line ends) escaped, so
/// a recording's names and values cannot move the cursor, clear the screen
/// or retitle the terminal of whoever prints them.
#[must_use]
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                use std::fmt::Write;
                let n = u32::from(c);
                let _ = if n <= 0xff {
                    write!(out, "\\x{n:02x}")
                } else {
                    write!(out, "\\u{n:04x}")
                };
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `println!` for text made of a recording's content: control characters escaped.
macro_rules! outln {
    () => { println!() };
    ($($arg:tt)*) => {
        println!("{}", $crate::commands::escape_controls(&format!($($arg)*)))
    };
}
pub(crate) use outln;

mod branch;
mod check;
mod diff;
mod dis;
mod limit;
mod record;
mod replay;
mod show;

pub use branch::BranchArgs;
pub use check::CheckArgs;
pub use diff::DiffArgs;
pub use dis::DisArgs;
pub use limit::parse_size;
pub use record::RecordArgs;
pub use replay::ReplayArgs;
pub use show::ShowArgs;

use crate::Command;
use std::process::ExitCode;

/// Output format of `show`, `diff` and `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For machines.
    Json,
}

/// An error message and exit status 2.
pub fn fail(msg: impl std::fmt::Display) -> u8 {
    eprintln!("yieldscope: {msg}");
    2
}

/// [`fail`] for an inspector error, except that a panic caught in the VM
/// (an internal error) has exit status 70.
pub fn fail_err(e: yieldscope_inspector::Error) -> u8 {
    match &e {
        yieldscope_inspector::Error::Internal(ie) => crate::internal_error(ie),
        _ => fail(e),
    }
}

/// Prints a loaded recording's warnings: truncated, or a source that does not match its hash.
pub fn warn_truncated(rec: &yieldscope_inspector::Recording) {
    if let Some(w) = &rec.truncated {
        eprintln!("warning: {w}");
    }
    // Nothing of such a recording runs (restores that need a run refuse);
    // what it stored is still shown, marked as untrustworthy.
    if let Err(e) = yieldscope_inspector::format::verify_source(&rec.header) {
        eprintln!("warning: {}: {e}", rec.path.display());
    }
}

/// Prints JSON.
pub fn print_json<T: serde::Serialize>(v: &T) {
    match serde_json::to_string_pretty(v) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("yieldscope: cannot render JSON: {e}"),
    }
}

/// When whoever reads our output goes away (`yieldscope show F | head`),
/// printing fails: stop quietly with the status a Unix tool killed by
/// `SIGPIPE` has, instead of reporting a panic. Not for `record`, which must
/// flush what it recorded (its writes go to a file, not the pipe).
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.starts_with("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

/// Runs a subcommand on a thread with a large stack (nested built-in calls
/// recurse), turning a panic into an error status.
pub fn dispatch(cmd: Command) -> ExitCode {
    if !matches!(cmd, Command::Record(_)) {
        quiet_on_closed_pipe();
    }
    let handle = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || match cmd {
            Command::Record(a) => record::run(a),
            Command::Show(a) => show::run(&a),
            Command::Replay(a) => replay::run(&a),
            Command::Branch(a) => branch::run(&a),
            Command::Diff(a) => diff::run(&a),
            Command::Check(a) => check::run(&a),
            Command::Dis(a) => dis::run(&a),
            Command::Run { .. } | Command::Tui { .. } => 2,
        });
    match handle.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(_)) => {
            eprintln!(
                "yieldscope: internal error (the message above names its place; the recording may hold a corrupted world)"
            );
            ExitCode::from(70)
        }
        Err(e) => ExitCode::from(fail(format!("cannot start: {e}"))),
    }
}
