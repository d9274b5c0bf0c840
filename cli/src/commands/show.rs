//! `yieldscope show`.

use super::{fail_err, print_json, warn_truncated, Format};
use serde::Serialize;
use std::path::PathBuf;
use yieldscope_inspector::format::Record;
use yieldscope_inspector::trace::{end_text, how_text};
use yieldscope_inspector::world::{world_view, WorldView};
use yieldscope_inspector::Recording;

/// `show FILE [--branch N] [--at N] [--branches] [--format json]`
#[derive(clap::Args)]
pub struct ShowArgs {
    /// The recording.
    file: PathBuf,
    /// The branch (default: the newest).
    #[arg(long)]
    branch: Option<u32>,
    /// Print the whole world at this suspension.
    #[arg(long)]
    at: Option<u64>,
    /// List the branch tree.
    #[arg(long)]
    branches: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// One timeline line.
#[derive(Serialize)]
struct Line {
    n: u64,
    generator: String,
    at: String,
    value: String,
    sent: Option<String>,
}

fn timeline(
    rec: &Recording,
    b: u32,
) -> Result<(Vec<Line>, Option<String>), yieldscope_inspector::Error> {
    let events = rec.events(b)?;
    let mut lines: Vec<Line> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut end = None;
    for r in events {
        match r {
            Record::Suspend(s) => {
                open.push(lines.len());
                lines.push(Line {
                    n: s.n,
                    generator: s.name.clone(),
                    at: s.at.clone(),
                    value: s.value.to_string(),
                    sent: None,
                });
            }
            Record::Resume { name, how } => {
                if let Some(pos) = open.iter().position(|&i| lines[i].generator == *name) {
                    let i = open.remove(pos);
                    lines[i].sent = Some(how_text(how));
                }
            }
            Record::End(e) => end = Some(end_text(e)),
            _ => {}
        }
    }
    Ok((lines, end))
}

fn print_world(w: &WorldView) {
    super::outln!(
        "suspension {}: {} at {} yielded {}",
        w.suspension,
        w.generator,
        w.at,
        w.value
    );
    for f in &w.frames {
        super::outln!();
        super::outln!("frame {} {} at {}", f.owner, f.function, f.at);
        for (k, v) in &f.locals {
            super::outln!("    {k} = {v}");
        }
        if !f.stack.is_empty() {
            let s: Vec<String> = f.stack.iter().map(ToString::to_string).collect();
            super::outln!("  stack: [{}]", s.join(", "));
        }
        for b in &f.blocks {
            super::outln!("  block: {b}");
        }
        if !f.delegation.is_empty() {
            super::outln!("  yield from: {}", f.delegation.join(" -> "));
        }
        if let Some(e) = &f.exception {
            super::outln!("  handling: {e}");
        }
    }
}

pub fn run(a: &ShowArgs) -> u8 {
    let rec = match yieldscope_inspector::load(&a.file) {
        Ok(r) => r,
        Err(e) => return fail_err(e),
    };
    warn_truncated(&rec);
    let b = a.branch.unwrap_or_else(|| rec.newest());
    if a.branches {
        #[derive(Serialize)]
        struct B {
            id: u32,
            parent: Option<u32>,
            at: Option<u64>,
            send: Option<String>,
            suspensions: u64,
            end: Option<String>,
        }
        let list: Vec<B> = rec
            .branches
            .iter()
            .map(|br| B {
                id: br.info.id,
                parent: (br.info.id > 0).then_some(br.info.parent),
                at: (br.info.id > 0).then_some(br.info.at),
                send: (br.info.id > 0).then(|| br.info.send.clone()),
                suspensions: br.suspension_count(),
                end: br.end.as_ref().map(end_text),
            })
            .collect();
        if a.format == Format::Json {
            print_json(&list);
        } else {
            for x in list {
                let from = match (x.parent, x.at, &x.send) {
                    (Some(p), Some(at), Some(s)) => {
                        format!("from branch {p} at suspension {at}, send {s}")
                    }
                    _ => "original".into(),
                };
                super::outln!(
                    "branch {}: {from}; {} suspensions; {}",
                    x.id,
                    x.suspensions,
                    x.end.unwrap_or_else(|| "no end (truncated)".into())
                );
            }
        }
        return 0;
    }
    if let Some(n) = a.at {
        let world = rec
            .suspension(b, n)
            .and_then(|s| rec.restore(b, n).map(|vm| world_view(&vm, s)));
        return match world {
            Ok(w) => {
                if a.format == Format::Json {
                    print_json(&w);
                } else {
                    print_world(&w);
                }
                0
            }
            Err(e) => fail_err(e),
        };
    }
    let (lines, end) = match timeline(&rec, b) {
        Ok(t) => t,
        Err(e) => return fail_err(e),
    };
    if a.format == Format::Json {
        #[derive(Serialize)]
        struct T<'a> {
            branch: u32,
            suspensions: &'a [Line],
            end: &'a Option<String>,
        }
        print_json(&T {
            branch: b,
            suspensions: &lines,
            end: &end,
        });
        return 0;
    }
    for l in &lines {
        let sent = l.sent.as_deref().unwrap_or("-");
        super::outln!(
            "{:>5}  {:<24} {:<32} {} \u{2192} {sent}",
            l.n,
            l.generator,
            l.at,
            l.value
        );
    }
    super::outln!("end: {}", end.unwrap_or_else(|| "none (truncated)".into()));
    0
}
