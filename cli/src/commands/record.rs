//! `yieldscope record`.

use super::fail;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use yieldscope_inspector::format::{EndKind, Record};
use yieldscope_inspector::recorder::Recorder;
use yieldscope_inspector::session::{new_header, Engine, Spec};
use yieldscope_inspector::sink::Sink;

/// `record SCRIPT [-o FILE] [--seed N] [--entry EXPR] [--send EXPR]... [--sends FILE] [-- ARGS…]`
#[derive(clap::Args)]
pub struct RecordArgs {
    /// The script.
    script: PathBuf,
    /// The recording to write (default: the script's name with `.ron`, here).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Seed `random` before the program starts.
    #[arg(long)]
    seed: Option<u64>,
    /// Import the script as a module and drive the generator this expression returns.
    #[arg(long)]
    entry: Option<String>,
    /// A value to send to the entry generator (repeatable, in order).
    #[arg(long = "send")]
    sends: Vec<String>,
    /// A file of values to send, one Python expression per line.
    #[arg(long = "sends")]
    sends_file: Option<PathBuf>,
    /// Store the whole world at least every this many suspensions (sooner
    /// when the deltas since the last keyframe outweigh the heap).
    #[arg(long, default_value_t = yieldscope_inspector::session::KEYFRAME_EVERY)]
    keyframe_every: u64,
    /// Store the world at the first suspension after every this many
    /// instructions (0: at every suspension); a suspension between two is
    /// restored by running on from the one before.
    #[arg(long, default_value_t = yieldscope_inspector::session::CHECKPOINT_STEPS)]
    checkpoint_steps: u64,
    /// Store the trace only, without worlds (smaller; no `show --at` or `branch`).
    #[arg(long)]
    trace_only: bool,
    /// Stop recording (cleanly: the file loads) once the file holds this
    /// much: bytes, or a number with K, M or G.
    #[arg(long, default_value = "1G", value_parser = super::limit::parse_size)]
    max_size: u64,
    /// Arguments for `sys.argv`.
    #[arg(last = true)]
    args: Vec<String>,
}

pub fn run(a: RecordArgs) -> u8 {
    let source = match std::fs::read_to_string(&a.script) {
        Ok(t) => t,
        Err(e) => return fail(format!("{}: cannot read: {e}", a.script.display())),
    };
    let mut sends = a.sends.clone();
    if let Some(f) = &a.sends_file {
        match std::fs::read_to_string(f) {
            Ok(t) => sends.extend(
                t.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string),
            ),
            Err(e) => return fail(format!("{}: cannot read: {e}", f.display())),
        }
    }
    if !sends.is_empty() && a.entry.is_none() {
        return fail("--send and --sends need --entry");
    }
    if let Some(expr) = &a.entry {
        if let Err(e) = entry_gives_a_generator(&a.script, &source, expr, &a.args) {
            return fail(format!("--entry {expr}: {e}"));
        }
    }
    let script = a.script.display().to_string();
    let mut header = new_header(
        &script,
        source,
        a.entry.clone(),
        sends,
        a.seed,
        a.args.clone(),
    );
    header.keyframe_every = a.keyframe_every.max(1);
    header.worlds = !a.trace_only;
    header.checkpoint_steps = a.checkpoint_steps;
    let out = a.output.clone().unwrap_or_else(|| {
        let stem = a
            .script
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "recording".into());
        PathBuf::from(format!("{stem}.ron"))
    });
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    super::limit::ignore_file_size_signal();
    let file = match std::fs::File::create(&out) {
        Ok(f) => f,
        Err(e) => return fail(format!("{}: cannot write: {e}", out.display())),
    };
    let limited = super::limit::Limited::new(file, 0, a.max_size, stop.clone());
    let reached = limited.reached.clone();
    let writer = Box::new(std::io::BufWriter::with_capacity(1 << 16, limited));
    let mut rec = match Recorder::to_writer(&out, writer, &header, stop) {
        Ok(r) => r,
        Err(e) => return fail(too_large_hint(&e.to_string())),
    };
    rec.echo = true;
    let dir = std::fs::canonicalize(&a.script)
        .ok()
        .and_then(|p| p.parent().map(PathBuf::from))
        .unwrap_or_default();
    let spec = Spec {
        header,
        search_dir: dir,
        inputs: None,
        allow_writes: true,
    };
    // An internal error (a Rust panic) still leaves a complete file: what
    // was recorded so far, then an end that says what happened. A panic in
    // the VM is caught at its step boundary by the session, which records
    // that end itself; one anywhere else is caught here.
    let end = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Engine::run_fresh(&spec, &mut rec)
    })) {
        Ok(Err(yieldscope_inspector::Error::Internal(e))) => {
            return internal_end(&mut rec, &out, &e.to_string(), false)
        }
        Ok(end) => end,
        Err(p) => {
            let what = format!("internal error: {}", panic_text(p.as_ref()));
            return internal_end(&mut rec, &out, &what, true);
        }
    };
    let flushed = rec.flush();
    drop(rec);
    match (end, flushed) {
        (Err(e), _) | (Ok(_), Err(e)) => fail(too_large_hint(&e.to_string())),
        (Ok(_), Ok(())) if reached.load(std::sync::atomic::Ordering::Relaxed) => {
            eprintln!(
                "yieldscope: the recording reached --max-size ({} bytes) and was stopped there; {} holds everything up to that point (a larger --max-size records more)",
                a.max_size,
                out.display()
            );
            2
        }
        (Ok(end), Ok(())) => {
            eprintln!("yieldscope: recorded {}", out.display());
            match end {
                EndKind::Finished | EndKind::Returned(_) => 0,
                EndKind::Uncaught | EndKind::Failed(_) => 1,
                EndKind::Exit(c) => u8::try_from(c).unwrap_or(1),
                EndKind::Interrupted => 130,
            }
        }
    }
}

/// Ends a recording cut short by an internal error: the end record (unless
/// the session wrote it already), the file flushed, the message, exit 70.
fn internal_end(rec: &mut Recorder, out: &std::path::Path, what: &str, record_end: bool) -> u8 {
    if record_end {
        let _ = rec.record(&Record::End(EndKind::Failed(what.to_string())));
    }
    let _ = rec.flush();
    eprintln!(
        "yieldscope: {what}; the recording so far is in {}",
        out.display()
    );
    yieldscope_vm::INTERNAL_ERROR_EXIT
}

/// What a caught panic says.
pub fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_else(|| "a panic".into())
}

/// Checks, before anything is written, that the entry expression gives a
/// generator: the script's top level runs once on its own (writes dropped,
/// output discarded, at most a few million instructions: a top level that
/// runs longer is not checked here), then the expression is evaluated there.
fn entry_gives_a_generator(
    script: &std::path::Path,
    source: &str,
    expr: &str,
    args: &[String],
) -> Result<(), String> {
    use yieldscope_vm::{Event, Vm};
    let mut vm = Vm::new();
    let path = std::fs::canonicalize(script).unwrap_or_else(|_| script.to_path_buf());
    vm.search_dir = path.parent().map(PathBuf::from).unwrap_or_default();
    vm.argv = std::iter::once(script.display().to_string())
        .chain(args.iter().cloned())
        .collect();
    vm.driver.suppress_writes = true;
    if vm.load_main(&script.display().to_string(), source).is_err() {
        return Ok(()); // the recorded run reports it
    }
    for _ in 0..50 {
        let ev = vm.run_guarded(Some(100_000)).map_err(|e| e.to_string())?;
        let _ = vm.take_output();
        match ev {
            Event::Budget | Event::Suspended { .. } => {}
            Event::Finished => {
                let kind = crate::tui::model::eval_in(
                    vm,
                    crate::tui::model::Scope::Globals,
                    &format!("type({expr}).__name__"),
                )?;
                return if kind == "'generator'" {
                    Ok(())
                } else {
                    Err(format!(
                        "expected a generator, got {}",
                        kind.trim_matches('\'')
                    ))
                };
            }
            Event::Uncaught | Event::Exit(_) => return Ok(()),
        }
    }
    Ok(())
}

/// A failed write's message, saying when a file-size limit caused it.
fn too_large_hint(msg: &str) -> String {
    if msg.contains("os error 27") {
        format!("{msg} (a file-size limit, as set by `ulimit -f`, was reached; the file holds what was written before it)")
    } else {
        msg.to_string()
    }
}
