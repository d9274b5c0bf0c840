//! `yieldscope replay`.

use super::{fail_err, warn_truncated};
use std::path::PathBuf;

/// `replay FILE [--allow-writes]`
#[derive(clap::Args)]
pub struct ReplayArgs {
    /// The recording.
    file: PathBuf,
    /// Let the program write files again (dropped by default).
    #[arg(long)]
    allow_writes: bool,
}

pub fn run(a: &ReplayArgs) -> u8 {
    let rec = match yieldscope_inspector::load(&a.file) {
        Ok(r) => r,
        Err(e) => return fail_err(e),
    };
    warn_truncated(&rec);
    let verdicts = match yieldscope_inspector::check::replay(&rec, a.allow_writes) {
        Ok(v) => v,
        Err(e) => return fail_err(e),
    };
    let mut status = 0;
    for v in verdicts {
        match v.divergence {
            None => super::outln!("branch {}: every event matches", v.branch),
            Some(d) => {
                status = 1;
                super::outln!("branch {}: mismatch at event {}", v.branch, d.index);
                super::outln!(
                    "  recorded: {}",
                    d.left.map_or_else(|| "(nothing)".into(), |i| i.to_string())
                );
                super::outln!(
                    "  replayed: {}",
                    d.right
                        .map_or_else(|| "(nothing)".into(), |i| i.to_string())
                );
            }
        }
    }
    let interrupted = rec.branches.iter().any(|b| {
        matches!(
            b.end,
            Some(yieldscope_inspector::format::EndKind::Interrupted)
        )
    });
    if status == 0 && interrupted && rec.truncated.is_none() {
        eprintln!(
            "note: the recorded run was interrupted: the replay checked it up to there and stopped"
        );
    }
    if status == 0 && rec.truncated.is_some() {
        eprintln!("warning: the recording is truncated: its prefix was checked and the replay stopped at its end");
    }
    status
}
