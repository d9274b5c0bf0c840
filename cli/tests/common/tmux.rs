//! Driving the TUI in a tmux session, as a person at a terminal would: shared
//! by the tmux end-to-end tests.
#![allow(dead_code, reason = "each test file uses part of these helpers")]

use std::process::Command;
use std::time::{Duration, Instant};

/// Runs `tmux` with `args`; its standard output, or `None` without tmux.
pub fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether tmux can be run here (the tests skip, saying so, when not).
pub fn available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok()
}

/// A tmux session, killed when dropped.
pub struct Session(pub String);

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.0]);
    }
}

/// The screen, once it shows every one of `what` (a minute at most).
pub fn wait_for(s: &Session, what: &[&str]) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", &s.0]).unwrap_or_default();
        if what.iter().all(|w| screen.contains(w)) {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what:?}; screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Presses each key of `k` in turn.
pub fn keys(s: &Session, k: &[&str]) {
    for key in k {
        tmux(&["send-keys", "-t", &s.0, key]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// Types `text` literally.
pub fn text(s: &Session, text: &str) {
    tmux(&["send-keys", "-t", &s.0, "-l", text]);
    std::thread::sleep(Duration::from_millis(150));
}

/// Waits until the TUI has quit (its Timeline pane is gone; 20 s at most).
pub fn gone(s: &Session) {
    let start = Instant::now();
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", &s.0]).unwrap_or_default();
        if !screen.contains("Timeline") {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "q did not quit:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
