//! `yieldscope diff`.

use super::{fail, fail_err, print_json, Format};
use crate::color::{enabled, paint, BOLD, GREEN, RED};
use serde::Serialize;
use std::path::PathBuf;
use yieldscope_inspector::diff::{diff_worlds, FrameDiff};
use yieldscope_inspector::trace::{first_divergence, trace, Divergence, Item};
use yieldscope_inspector::world::world_view;
use yieldscope_inspector::Recording;

/// `diff A.ron [B.ron] [--branch X [--branch Y]] [--format json]`
#[derive(clap::Args)]
pub struct DiffArgs {
    /// The left recording.
    a: PathBuf,
    /// The right recording (default: the same file).
    b: Option<PathBuf>,
    /// Branches to compare: the left one, then the right one.
    #[arg(long = "branch")]
    branches: Vec<u32>,
    /// At most this many differing suspensions get a frame diff.
    #[arg(long, default_value_t = 3)]
    max: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Serialize)]
struct SuspensionDiff {
    suspension: u64,
    frames: Vec<FrameDiff>,
}

#[derive(Serialize)]
struct Report {
    left: String,
    right: String,
    same: bool,
    divergence: Option<Divergence>,
    suspensions: Vec<SuspensionDiff>,
}

fn frame_diffs(
    l: &Recording,
    lb: u32,
    r: &Recording,
    rb: u32,
    from: u64,
    max: usize,
) -> Result<Vec<SuspensionDiff>, yieldscope_inspector::Error> {
    let count = l
        .branch(lb)?
        .suspension_count()
        .min(r.branch(rb)?.suspension_count());
    let mut out = Vec::new();
    for n in from..count.min(from + 200) {
        if out.len() >= max {
            break;
        }
        let (sl, sr) = (l.suspension(lb, n)?, r.suspension(rb, n)?);
        let wl = world_view(&l.restore(lb, n)?, sl);
        let wr = world_view(&r.restore(rb, n)?, sr);
        let mut frames = diff_worlds(&wl, &wr);
        if sl.value != sr.value || sl.name != sr.name || sl.at != sr.at {
            frames.insert(
                0,
                FrameDiff {
                    frame: "<yielded>".into(),
                    at: (Some(sl.at.clone()), Some(sr.at.clone())),
                    changes: vec![yieldscope_inspector::diff::Change {
                        path: format!("{} / {}", sl.name, sr.name),
                        old: Some(sl.value.to_string()),
                        new: Some(sr.value.to_string()),
                    }],
                },
            );
        }
        if !frames.is_empty() {
            out.push(SuspensionDiff {
                suspension: n,
                frames,
            });
        }
    }
    Ok(out)
}

pub fn run(a: &DiffArgs) -> u8 {
    let left = match yieldscope_inspector::load(&a.a) {
        Ok(r) => r,
        Err(e) => return fail_err(e),
    };
    let right = match &a.b {
        Some(p) => match yieldscope_inspector::load(p) {
            Ok(r) => r,
            Err(e) => return fail_err(e),
        },
        None => left.clone(),
    };
    super::warn_truncated(&left);
    let (lb, rb) = match (a.b.is_some(), a.branches.as_slice()) {
        (true, []) => (left.newest(), right.newest()),
        (true, [x]) => (*x, right.newest()),
        (_, [x, y]) => (*x, *y),
        (false, []) => {
            let n = left.newest();
            (left.branches[n as usize].info.parent, n)
        }
        (false, [x]) => (*x, left.newest()),
        _ => return fail("give at most two --branch options"),
    };
    let (el, er) = match (left.events(lb), right.events(rb)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return fail_err(e),
    };
    let (tl, tr) = (trace(el.iter().copied()), trace(er.iter().copied()));
    let divergence = first_divergence(&tl, &tr);
    let from = divergence.as_ref().map_or(0, |d| {
        tl[..d.index.min(tl.len())]
            .iter()
            .rev()
            .find_map(|i| {
                if let Item::Suspend { n, .. } = i {
                    Some(*n)
                } else {
                    None
                }
            })
            .unwrap_or(0)
    });
    let suspensions = if divergence.is_some() {
        match frame_diffs(&left, lb, &right, rb, from, a.max) {
            Ok(s) => s,
            Err(e) => return fail_err(e),
        }
    } else {
        Vec::new()
    };
    let same = divergence.is_none();
    let report = Report {
        left: format!("{} branch {lb}", a.a.display()),
        right: format!("{} branch {rb}", a.b.as_ref().unwrap_or(&a.a).display()),
        same,
        divergence,
        suspensions,
    };
    if a.format == Format::Json {
        print_json(&report);
    } else {
        print_text(&report);
    }
    u8::from(!same)
}

fn print_text(r: &Report) {
    let c = enabled();
    super::outln!("{}", paint(c, RED, &format!("--- {}", r.left)));
    super::outln!("{}", paint(c, GREEN, &format!("+++ {}", r.right)));
    let Some(d) = &r.divergence else {
        super::outln!("the traces are the same");
        return;
    };
    super::outln!(
        "{}",
        paint(c, BOLD, &format!("first divergence at event {}:", d.index))
    );
    super::outln!(
        "{}",
        paint(
            c,
            RED,
            &format!(
                "- {}",
                d.left
                    .as_ref()
                    .map_or_else(|| "(trace ended)".into(), ToString::to_string)
            )
        )
    );
    super::outln!(
        "{}",
        paint(
            c,
            GREEN,
            &format!(
                "+ {}",
                d.right
                    .as_ref()
                    .map_or_else(|| "(trace ended)".into(), ToString::to_string)
            )
        )
    );
    for s in &r.suspensions {
        super::outln!();
        super::outln!(
            "{}",
            paint(c, BOLD, &format!("suspension {}:", s.suspension))
        );
        for f in &s.frames {
            match &f.at {
                (Some(a), Some(b)) if a == b => super::outln!("  frame {} at {a}", f.frame),
                (Some(a), Some(b)) => super::outln!("  frame {} at {a} / {b}", f.frame),
                (Some(a), None) => super::outln!(
                    "{}",
                    paint(
                        c,
                        RED,
                        &format!("  - frame {} at {a} (only on the left)", f.frame)
                    )
                ),
                (None, Some(b)) => super::outln!(
                    "{}",
                    paint(
                        c,
                        GREEN,
                        &format!("  + frame {} at {b} (only on the right)", f.frame)
                    )
                ),
                (None, None) => {}
            }
            for ch in &f.changes {
                let old = ch.old.as_deref().unwrap_or("(absent)");
                let new = ch.new.as_deref().unwrap_or("(absent)");
                super::outln!(
                    "    {}: {} \u{2192} {}",
                    ch.path,
                    paint(c, RED, old),
                    paint(c, GREEN, new)
                );
            }
        }
    }
}
