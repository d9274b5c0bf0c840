//! `yieldscope branch`.

use super::{fail, fail_err};
use std::io::Write;
use std::path::PathBuf;
use yieldscope_inspector::format::{BranchInfo, Record};
use yieldscope_inspector::recorder::upgraded;
use yieldscope_inspector::recording::{inputs_of, script_path};
use yieldscope_inspector::session::{Engine, Spec};
use yieldscope_inspector::sink::MemorySink;
use yieldscope_inspector::trace::{first_divergence, trace};

/// `branch FILE --at N --send EXPR [--branch P] [-o OUT] [--allow-writes]`
#[derive(clap::Args)]
pub struct BranchArgs {
    /// The recording.
    file: PathBuf,
    /// The suspension to fork from.
    #[arg(long)]
    at: u64,
    /// The value to deliver instead of the recorded one (a Python expression).
    #[arg(long)]
    send: String,
    /// The branch to fork (default: the newest).
    #[arg(long)]
    branch: Option<u32>,
    /// Where to write the recording with the new branch (default: replace FILE).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Let the program write files (dropped by default).
    #[arg(long)]
    allow_writes: bool,
}

pub fn run(a: &BranchArgs) -> u8 {
    let bytes = match std::fs::read(&a.file) {
        Ok(b) => b,
        Err(e) => return fail(format!("{}: cannot read: {e}", a.file.display())),
    };
    let rec = match yieldscope_inspector::load_bytes(&a.file, &bytes) {
        Ok(r) => r,
        Err(e) => return fail_err(e),
    };
    super::warn_truncated(&rec);
    let parent = a.branch.unwrap_or_else(|| rec.newest());
    let (vm, s, k) = match rec.restore(parent, a.at).and_then(|vm| {
        Ok((
            vm,
            rec.suspension(parent, a.at)?.clone(),
            rec.entry_yields(parent, a.at)?,
        ))
    }) {
        Ok(x) => x,
        Err(e) => return fail_err(e),
    };
    // A send that does not evaluate (a typo, an exception) is the user's
    // mistake, not a branch: say so and leave the file as it was.
    // Tried on a copy, sandboxed as the branch itself will be.
    let mut probe = vm.clone();
    probe.driver.sandbox = true;
    if let Err(e) = crate::tui::model::eval_in(probe, crate::tui::model::Scope::Globals, &a.send) {
        return fail(format!("--send {}: {e}", a.send));
    }
    let id = rec.newest() + 1;
    let script = script_path(&rec);
    let dir = script
        .as_deref()
        .and_then(std::path::Path::parent)
        .or_else(|| a.file.parent())
        .map(PathBuf::from)
        .unwrap_or_default();
    let parent_events = rec.events(parent).unwrap_or_default();
    let spec = Spec {
        header: rec.header.clone(),
        search_dir: dir,
        inputs: Some(inputs_of(parent_events.iter().copied())),
        allow_writes: a.allow_writes,
    };
    let mut sink = MemorySink {
        records: Vec::new(),
        world: true,
    };
    let end = match Engine::run_branch(&spec, vm, &s, k, &a.send, &mut sink) {
        Ok(e) => e,
        Err(e) => return fail_err(e),
    };
    // The file is append-only: keep its complete lines, add the branch, replace atomically.
    let text = String::from_utf8_lossy(&bytes);
    let mut body = String::new();
    let keep = if rec.truncated.is_some() {
        text.rfind('\n').map_or(0, |i| i + 1)
    } else {
        text.len()
    };
    match upgraded(&text[..keep], &rec.header) {
        Ok(t) => body.push_str(&t),
        Err(e) => return fail(format!("cannot write the branch: {e}")),
    }
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    let info = BranchInfo {
        id,
        parent,
        at: a.at,
        send: a.send.clone(),
    };
    let mut lines = vec![Record::Branch(info)];
    lines.extend(sink.records.iter().cloned());
    match yieldscope_inspector::recorder::lines(&lines) {
        Ok(l) => body.push_str(&l),
        Err(e) => return fail(format!("cannot write the branch: {e}")),
    }
    let out = a.output.clone().unwrap_or_else(|| a.file.clone());
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = out.with_file_name(format!(".{name}.tmp{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(body.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, &out)) {
        let _ = std::fs::remove_file(&tmp);
        return fail(format!("{}: cannot write: {e}", out.display()));
    }
    // Where does the new branch part from the parent's continuation?
    let old: Vec<&Record> = parent_events
        .iter()
        .copied()
        .skip_while(|r| !matches!(r, Record::Suspend(x) if x.n == a.at))
        .skip(1)
        .collect();
    let d = first_divergence(&trace(old.iter().copied()), &trace(sink.records.iter()));
    super::outln!(
        "branch {id}: from branch {parent} at suspension {} ({} at {}), sent {}",
        a.at,
        s.name,
        s.at,
        a.send
    );
    match d {
        Some(d) => super::outln!(
            "diverges from branch {parent} at event {} after the fork: {}",
            d.index,
            d.right.map_or_else(|| "(ended)".into(), |i| i.to_string())
        ),
        None => super::outln!("runs exactly as branch {parent} did"),
    }
    super::outln!(
        "end: {}; written to {}",
        yieldscope_inspector::trace::end_text(&end),
        out.display()
    );
    0
}
