//! `yieldscope dis`: what the VM compiles a script to.

use std::path::PathBuf;
use yieldscope_vm::VmError;

/// `dis SCRIPT`
#[derive(clap::Args)]
pub struct DisArgs {
    /// The script.
    script: PathBuf,
}

/// Prints every code object of the script, one instruction a line with
/// its `line:col`; exit 1 on a syntax error (printed as `run` prints it),
/// 2 when the file cannot be read.
pub fn run(a: &DisArgs) -> u8 {
    let text = match std::fs::read_to_string(&a.script) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("yieldscope: can't open file '{}': {e}", a.script.display());
            return 2;
        }
    };
    match yieldscope_vm::dis::disassemble(&a.script.display().to_string(), &text) {
        Ok(out) => {
            print!("{out}");
            0
        }
        Err(VmError::Syntax(se, p)) => {
            eprint!("{}", se.render(&p));
            1
        }
        Err(other) => {
            eprintln!("yieldscope: {other}");
            1
        }
    }
}
