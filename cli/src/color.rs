//! Colour for terminal output: on when stdout is a terminal and `NO_COLOR`
//! is unset, plain when piped.

use std::io::IsTerminal;

/// Whether to colour stdout.
pub fn enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Paints text with an ANSI colour when `on`.
pub fn paint(on: bool, code: &str, text: &str) -> String {
    if on {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Red (removed / old).
pub const RED: &str = "31";
/// Green (added / new).
pub const GREEN: &str = "32";
/// Bold.
pub const BOLD: &str = "1";
