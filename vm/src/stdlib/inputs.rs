//! Outside inputs other than files — the environment, clocks, entropy,
//! standard input, directory listings and `stat` — go through the same
//! record-and-replay queue as file reads (see `Vm::read_input`), under keys
//! that cannot be file names (`<clock:time>`, `<environ>`...): a live run
//! notes each value it read, a replay serves the recorded ones in order and
//! never asks the machine.

use crate::builtins::funcs::nargs;
use crate::builtins::{Args, ExcType, Ret};
use crate::frame::RetMode;
use crate::vm::{PyResult, Stream, Vm};

impl Vm {
    /// The value of an outside input: recorded when live, replayed when
    /// replaying (`None`: the input had no value, e.g. end of file).
    pub(crate) fn outside_input(
        &mut self,
        key: &str,
        read: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        self.read_input(key, read).ok()
    }

    /// A number read from outside (a clock), recorded as its text.
    pub(crate) fn outside_f64(&mut self, key: &str, read: impl FnOnce() -> f64) -> f64 {
        self.outside_input(key, || Some(format!("{:?}", read())))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0)
    }

    /// An integer read from outside (a clock in nanoseconds, a process id).
    pub(crate) fn outside_i128(&mut self, key: &str, read: impl FnOnce() -> i128) -> i128 {
        self.outside_input(key, || Some(read().to_string()))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    /// One line of standard input, with its newline (`None`: end of file).
    pub(crate) fn stdin_line(&mut self) -> Option<String> {
        let live = self.driver.stdin_live;
        self.outside_input("<stdin>", || {
            if !live {
                return None;
            }
            let mut line = String::new();
            match std::io::stdin().read_line(&mut line) {
                Ok(0) | Err(_) => None,
                Ok(_) => Some(line),
            }
        })
    }
}

/// `input(prompt='')`: writes the prompt, reads a line of standard input
/// (recorded), and raises `EOFError` at its end.
pub fn input(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "input", 0, 1)?;
    if let Some(&p) = a.pos.first() {
        let s = vm.to_str(p)?;
        vm.write(Stream::Stdout, &s);
    }
    if vm.driver.stdin_live {
        // The prompt must show before the read blocks: a live run hands
        // its output to the terminal itself.
        for (stream, text) in vm.take_output() {
            use std::io::Write as _;
            match stream {
                Stream::Stdout => {
                    let mut o = std::io::stdout().lock();
                    let _ = o.write_all(text.as_bytes());
                    let _ = o.flush();
                }
                Stream::Stderr => {
                    let _ = std::io::stderr().lock().write_all(text.as_bytes());
                }
            }
        }
    }
    match vm.stdin_line() {
        Some(line) => {
            let l = line.strip_suffix('\n').unwrap_or(&line);
            let l = l.strip_suffix('\r').unwrap_or(l).to_string();
            Ok(Ret::Value(vm.str_value(&l)))
        }
        None => vm.err(ExcType::EOFError, "EOF when reading a line"),
    }
}

/// `sys.stdin.readline()` (the `sys` prelude's stdin object): a line with
/// its newline, or `''` at the end.
pub fn stdin_readline(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "_stdin_readline", 0, 0)?;
    let line = vm.stdin_line().unwrap_or_default();
    Ok(Ret::Value(vm.str_value(&line)))
}
