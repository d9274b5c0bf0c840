//! `yieldscope check`.

use super::{fail_err, print_json, Format};
use std::path::PathBuf;

/// `check [PATHS…] [--accept] [--format json]`
#[derive(clap::Args)]
pub struct CheckArgs {
    /// Recordings or directories of recordings (default: `recordings/`).
    paths: Vec<PathBuf>,
    /// Rewrite the recordings whose trace changed.
    #[arg(long)]
    accept: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub fn run(a: &CheckArgs) -> u8 {
    let roots = if a.paths.is_empty() {
        vec![PathBuf::from("recordings")]
    } else {
        a.paths.clone()
    };
    let mut files = Vec::new();
    for r in &roots {
        match yieldscope_inspector::load::list_recordings(r) {
            Ok(f) => files.extend(f),
            Err(e) => return fail_err(e),
        }
    }
    let (mut changed, mut errors, mut internal) = (0, 0, false);
    let mut results = Vec::new();
    for f in &files {
        match yieldscope_inspector::check::check(f, a.accept) {
            Ok(r) => {
                if a.format == Format::Text {
                    match (&r.divergence, r.accepted) {
                        (None, false) => super::outln!("ok       {}", f.display()),
                        (_, true) => super::outln!("accepted {}", f.display()),
                        (Some(d), false) => {
                            super::outln!(
                                "CHANGED  {}{}",
                                f.display(),
                                if r.script_changed {
                                    " (the script changed since it was recorded)"
                                } else {
                                    ""
                                }
                            );
                            super::outln!("  first divergence at event {}:", d.index);
                            super::outln!(
                                "  - {}",
                                d.left
                                    .as_ref()
                                    .map_or_else(|| "(nothing)".into(), ToString::to_string)
                            );
                            super::outln!(
                                "  + {}",
                                d.right
                                    .as_ref()
                                    .map_or_else(|| "(nothing)".into(), ToString::to_string)
                            );
                        }
                    }
                }
                if r.divergence.is_some() && !r.accepted {
                    changed += 1;
                }
                results.push(serde_json::json!({"path": f, "divergence": r.divergence, "script_changed": r.script_changed, "accepted": r.accepted}));
            }
            Err(e) => {
                errors += 1;
                internal |= matches!(e, yieldscope_inspector::Error::Internal(_));
                if a.format == Format::Text {
                    eprintln!("yieldscope: {e}");
                }
                results.push(serde_json::json!({"path": f, "error": e.to_string()}));
            }
        }
    }
    if a.format == Format::Json {
        print_json(&results);
    } else {
        super::outln!(
            "{} recordings: {} ok, {changed} changed, {errors} errors",
            files.len(),
            files.len() - changed - errors
        );
    }
    if internal {
        yieldscope_vm::INTERNAL_ERROR_EXIT
    } else if errors > 0 {
        2
    } else {
        u8::from(changed > 0)
    }
}
