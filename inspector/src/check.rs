//! Re-running recordings: `replay` re-executes the recorded program (and
//! every branch from its fork) and verifies each event; `check` re-runs the
//! script as it is now and compares its trace with the recorded one, for CI.

use crate::error::{Error, Result};
use crate::format::{source_hash, source_matches, Record};
use crate::recorder::write_atomic;
use crate::recording::{inputs_of, script_path, search_dir, Recording};
use crate::session::{Engine, Spec};
use crate::sink::MemorySink;
use crate::trace::{first_divergence, trace, Divergence};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The outcome of verifying one branch.
#[derive(Clone, Debug, Serialize)]
pub struct Verdict {
    /// The branch.
    pub branch: u32,
    /// Where the new run first differs from the recording, if it does.
    pub divergence: Option<Divergence>,
}

/// Runs branch `b` again (from the start, or from its fork) into memory.
///
/// # Errors
/// The branch or its fork cannot be restored.
pub fn rerun(rec: &Recording, b: u32, spec: &Spec, world: bool) -> Result<Vec<Record>> {
    let br = rec.branch(b)?;
    let mut sink = MemorySink {
        records: Vec::new(),
        world,
    };
    if b == 0 {
        Engine::run_fresh(spec, &mut sink)?;
    } else {
        let (parent, at) = (br.info.parent, br.info.at);
        let vm = rec.restore(parent, at)?;
        let s = rec.suspension(parent, at)?.clone();
        let k = rec.entry_yields(parent, at)?;
        let mut spec = spec.clone();
        spec.inputs = Some(inputs_of(br.events.iter()));
        Engine::run_branch(&spec, vm, &s, k, &br.info.send, &mut sink)?;
    }
    Ok(sink.records)
}

/// Runs branch `b` of a truncated recording again, as far as its prefix.
fn rerun_prefix(rec: &Recording, b: u32, spec: &Spec) -> Result<Vec<Record>> {
    let br = rec.branch(b)?;
    let mut sink = crate::prefix::PrefixSink::new(&br.events);
    if b == 0 {
        Engine::run_fresh(spec, &mut sink)?;
    } else {
        let (parent, at) = (br.info.parent, br.info.at);
        let vm = rec.restore(parent, at)?;
        let s = rec.suspension(parent, at)?.clone();
        let k = rec.entry_yields(parent, at)?;
        Engine::run_branch(spec, vm, &s, k, &br.info.send, &mut sink)?;
    }
    Ok(sink.records)
}

/// Runs branch `b` again, comparing as it goes with its recorded trace
/// `old` (stopping at the first difference, which it returns).
fn rerun_verified(
    rec: &Recording,
    b: u32,
    spec: &Spec,
    old: &[crate::trace::Item],
) -> Result<Option<Divergence>> {
    let br = rec.branch(b)?;
    let mut sink = crate::verify::Verifier::new(old);
    if b == 0 {
        Engine::run_fresh(spec, &mut sink)?;
    } else {
        let (parent, at) = (br.info.parent, br.info.at);
        let vm = rec.restore(parent, at)?;
        let s = rec.suspension(parent, at)?.clone();
        let k = rec.entry_yields(parent, at)?;
        Engine::run_branch(spec, vm, &s, k, &br.info.send, &mut sink)?;
    }
    Ok(sink.finish())
}

/// Re-executes the recording's program (its recorded source and inputs)
/// and every branch, verifying that each event matches.
///
/// # Errors
/// The script on disk changed since, or a branch cannot be restored.
pub fn replay(rec: &Recording, allow_writes: bool) -> Result<Vec<Verdict>> {
    let script = script_path(rec);
    // Only compared with the recorded source, never run: where the header
    // says, even outside the recording's folder.
    let compared = script
        .clone()
        .or_else(|| Some(PathBuf::from(&rec.header.script)).filter(|p| p.is_absolute()));
    if let Some(p) = &compared {
        if let Ok(now) = std::fs::read_to_string(p) {
            if !source_matches(&now, &rec.header.source_hash, rec.header.format) {
                let h = source_hash(&now);
                return Err(Error::ScriptChanged {
                    path: rec.path.clone(),
                    script: p.display().to_string(),
                    recorded: rec.header.source_hash.clone(),
                    now: h,
                });
            }
        }
    }
    let mut out = Vec::new();
    for b in 0..=rec.newest() {
        let spec = Spec {
            header: rec.header.clone(),
            search_dir: search_dir(rec, script.as_deref()),
            inputs: Some(inputs_of(rec.branch(b)?.events.iter())),
            allow_writes,
        };
        let mut old = trace(rec.branch(b)?.events.iter());
        // A run stopped by Ctrl-C or --max-size is, like a truncated file,
        // a prefix of the program's run: checked as far as it goes.
        let stopped = matches!(
            rec.branch(b)?.end,
            Some(crate::format::EndKind::Interrupted)
        );
        if stopped {
            old.pop();
        }
        let divergence = if rec.truncated.is_some() || stopped {
            let new = rerun_prefix(rec, b, &spec)?;
            crate::prefix::prefix_divergence(&old, &trace(new.iter()))
        } else {
            rerun_verified(rec, b, &spec, &old)?
        };
        out.push(Verdict {
            branch: b,
            divergence,
        });
    }
    Ok(out)
}

/// What `check` found for one recording.
#[derive(Clone, Debug, Serialize)]
pub struct CheckResult {
    /// The recording.
    pub path: PathBuf,
    /// The first divergence of the original branch, if behaviour changed.
    pub divergence: Option<Divergence>,
    /// The script's text differs from the recorded one.
    pub script_changed: bool,
    /// The recording was rewritten (`--accept`).
    pub accepted: bool,
}

/// Re-runs the script of a recording as it is now and compares traces;
/// with `accept`, rewrites a recording that changed (atomically; other
/// branches are dropped, as they forked from the old behaviour).
///
/// # Errors
/// The recording cannot be loaded, is truncated, or its script is missing.
pub fn check(path: &Path, accept: bool) -> Result<CheckResult> {
    let rec = crate::load::load(path)?;
    if let Some(w) = &rec.truncated {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            line: 0,
            message: format!("cannot check a truncated recording ({w})"),
        });
    }
    let located = crate::recording::locate_script(&rec).map_err(|message| Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::other(message),
    })?;
    let Some(script) = located else {
        return Err(Error::Read {
            path: PathBuf::from(&rec.header.script),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("the script of {} is missing", path.display()),
            ),
        });
    };
    let source = std::fs::read_to_string(&script).map_err(|source| Error::Read {
        path: script.clone(),
        source,
    })?;
    let mut header = rec.header.clone();
    header.format = crate::format::FORMAT_VERSION;
    crate::format::VM_VERSION.clone_into(&mut header.vm_version);
    let script_changed = !source_matches(&source, &rec.header.source_hash, rec.header.format);
    header.source_hash = source_hash(&source);
    header.source = source;
    let spec = Spec {
        header: header.clone(),
        search_dir: search_dir(&rec, Some(&script)),
        inputs: Some(inputs_of(rec.branches[0].events.iter())),
        allow_writes: false,
    };
    let new = rerun(&rec, 0, &spec, false)?;
    let divergence = first_divergence(&trace(rec.branches[0].events.iter()), &trace(new.iter()));
    let mut accepted = false;
    if accept && (divergence.is_some() || script_changed) {
        let spec = Spec {
            inputs: None,
            ..spec
        };
        let records = rerun(&rec, 0, &spec, true)?;
        write_atomic(path, &header, &records)?;
        accepted = true;
    }
    Ok(CheckResult {
        path: path.to_path_buf(),
        divergence,
        script_changed,
        accepted,
    })
}
