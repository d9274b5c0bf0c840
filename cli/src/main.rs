//! The `yieldscope` command line.

mod color;
mod commands;
mod tui;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use yieldscope_vm::{Event, Stream, Vm, VmError};

// `--features mimalloc`: see cli/Cargo.toml.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Debugger and time-travel inspector for Python generator programs.
#[derive(Parser)]
#[command(name = "yieldscope", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Past this much memory the program gets `MemoryError` (bytes, or a number with K, M or G; default: half of the machine's memory).
    #[arg(long, global = true, value_name = "SIZE", value_parser = commands::parse_size)]
    max_memory: Option<u64>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Run a script and print what it prints, exactly as CPython 3.11 does.
    Run {
        /// Run this module (found on `sys.path` from the current folder) as `__main__`, like `python3 -m`.
        #[arg(short = 'm', value_name = "MODULE")]
        module: Option<String>,
        /// The CPython 3.11 whose standard library and site-packages are imported (default: `YIELDSCOPE_PYTHON`, an active virtualenv, `python3.11` or `python3` on `PATH`).
        #[arg(long, value_name = "PATH")]
        python: Option<PathBuf>,
        /// The script (with `-m`, the first argument, which may be an option of the module's, as `-v` of `-m unittest -v`).
        #[arg(allow_hyphen_values = true)]
        script: Option<PathBuf>,
        /// Arguments for `sys.argv`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a script and record every suspension to a RON file.
    Record(commands::RecordArgs),
    /// Print a recording's timeline, its branches, or the world at one suspension.
    Show(commands::ShowArgs),
    /// Re-execute a recording's program and verify every event (exit 1 on a mismatch).
    Replay(commands::ReplayArgs),
    /// Restore a suspension, send another value, run on and record a new branch.
    Branch(commands::BranchArgs),
    /// Compare two traces: the first divergence and the frames that differ (exit 1 when different).
    Diff(commands::DiffArgs),
    /// Re-run recorded scripts and compare with the recordings (CI); `--accept` rewrites them.
    Check(commands::CheckArgs),
    /// Print the bytecode a script compiles to, each instruction with its line:col.
    Dis(commands::DisArgs),
    /// Open the terminal interface on a script (run live: steps, breakpoints) or a recording (the demo by default).
    Tui {
        /// A script (`.py`) or a recording (`.ron`); default `scripts/card_game.py`.
        file: Option<PathBuf>,
        /// Import the script as a module and drive the generator this expression returns.
        #[arg(long)]
        entry: Option<String>,
        /// A value to send to the entry generator (repeatable, in order); a prompt asks for more.
        #[arg(long = "send")]
        sends: Vec<String>,
        /// Seed `random` before the program starts.
        #[arg(long)]
        seed: Option<u64>,
        /// Re-run the script whenever it is saved and show where its trace first diverges.
        #[arg(long)]
        watch: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if let Some(bytes) = cli.max_memory {
        yieldscope_vm::memory::set_max_memory(usize::try_from(bytes).unwrap_or(usize::MAX));
    }
    match cli.command {
        Command::Run {
            module,
            python,
            script,
            args,
        } => {
            yieldscope_vm::import::python::set_python(python);
            match (module, script) {
                (Some(m), first) => run_module(
                    &m,
                    first
                        .into_iter()
                        .map(|p| p.display().to_string())
                        .chain(args)
                        .collect(),
                ),
                (None, Some(script)) => run(&script, args),
                (None, None) => {
                    eprintln!("yieldscope run: a script or -m MODULE is required");
                    ExitCode::from(2)
                }
            }
        }
        Command::Tui {
            file,
            entry,
            sends,
            seed,
            watch,
        } => ExitCode::from(tui::run(
            file,
            tui::model::Options {
                entry,
                sends,
                seed,
                watch,
                ..Default::default()
            },
        )),
        other => commands::dispatch(other),
    }
}

fn flush(vm: &mut Vm) {
    let out = vm.take_output();
    let (mut so, mut se) = (std::io::stdout().lock(), std::io::stderr().lock());
    for (stream, text) in out {
        match stream {
            Stream::Stdout => {
                let _ = so.write_all(text.as_bytes());
            }
            Stream::Stderr => {
                let _ = so.flush();
                let _ = se.write_all(text.as_bytes());
            }
        }
    }
    let _ = so.flush();
}

fn run(script: &std::path::Path, args: Vec<String>) -> ExitCode {
    let text = match std::fs::read_to_string(script) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("yieldscope: can't open file '{}': {e}", script.display());
            return ExitCode::from(2);
        }
    };
    let path = std::fs::canonicalize(script).unwrap_or_else(|_| script.to_path_buf());
    let display = path.display().to_string();
    let mut vm = Vm::new();
    vm.search_dir = path.parent().map(PathBuf::from).unwrap_or_default();
    vm.argv = std::iter::once(script.display().to_string())
        .chain(args)
        .collect();
    let loaded = vm.load_main(&display, &text);
    run_vm(vm, loaded)
}

/// `yieldscope run -m module`: the module runs as `__main__`, found on
/// `sys.path` from the current folder.
fn run_module(module: &str, args: Vec<String>) -> ExitCode {
    let mut vm = Vm::new();
    vm.search_dir = std::env::current_dir().unwrap_or_default();
    vm.argv = std::iter::once("-m".to_string()).chain(args).collect();
    let loaded = vm.load_main_module(module);
    run_vm(vm, loaded)
}

fn run_vm(mut vm: Vm, loaded: Result<(), VmError>) -> ExitCode {
    vm.driver.stdin_live = true;
    if let Err(e) = loaded {
        match e {
            VmError::Syntax(se, p) => eprint!("{}", se.render(&p)),
            other => eprintln!("yieldscope: {other}"),
        }
        return ExitCode::from(1);
    }
    // Run on a thread with a large stack: nested built-in calls recurse.
    let handle = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || loop {
            let ev = vm.run_guarded(Some(100_000));
            flush(&mut vm);
            let ev = match ev {
                Ok(ev) => ev,
                Err(e) => return internal_error(&e),
            };
            match ev {
                Event::Budget | Event::Suspended { .. } => continue,
                Event::Finished | Event::Uncaught => {
                    let done = vm.guarded(Vm::shutdown);
                    flush(&mut vm);
                    return match done {
                        Err(e) => internal_error(&e),
                        Ok(()) if matches!(ev, Event::Finished) => 0u8,
                        Ok(()) => 1,
                    };
                }
                Event::Exit(c) => return u8::try_from(c).unwrap_or(1),
            }
        })
        .expect("spawn interpreter thread");
    ExitCode::from(handle.join().unwrap_or(70))
}

/// Reports a panic caught at the VM's step boundary (after what the program
/// printed is written) and gives the exit status for it.
pub(crate) fn internal_error(e: &yieldscope_vm::InternalError) -> u8 {
    eprintln!("yieldscope: {e}");
    yieldscope_vm::INTERNAL_ERROR_EXIT
}
