//! Structural diffs: of two values down to nested elements, of two frames
//! (which locals changed, old → new), and of two worlds frame by frame.

use crate::value::ValueView;
use crate::world::{FrameView, WorldView};
use serde::Serialize;

/// One difference at a path such as `items[2].name`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Where, from the frame: `total`, `items[2]`, `board['a'].x`, `<stack>[0]`.
    pub path: String,
    /// The old value (`None`: absent on the left).
    pub old: Option<String>,
    /// The new value (`None`: absent on the right).
    pub new: Option<String>,
}

/// The changes within one frame, or a frame present on one side only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FrameDiff {
    /// The frame (`owner function`).
    pub frame: String,
    /// Where it is on the left and on the right.
    pub at: (Option<String>, Option<String>),
    /// What changed.
    pub changes: Vec<Change>,
}

fn change(out: &mut Vec<Change>, path: &str, old: Option<&ValueView>, new: Option<&ValueView>) {
    out.push(Change {
        path: path.to_string(),
        old: old.map(ToString::to_string),
        new: new.map(ToString::to_string),
    });
}

fn seq(path: &str, a: &[ValueView], b: &[ValueView], out: &mut Vec<Change>) {
    for i in 0..a.len().max(b.len()) {
        let p = format!("{path}[{i}]");
        match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) => diff_values(&p, x, y, out),
            (x, y) => change(out, &p, x, y),
        }
    }
}

/// Appends the differences between `a` and `b` at `path`, descending into
/// containers of the same shape.
pub fn diff_values(path: &str, a: &ValueView, b: &ValueView, out: &mut Vec<Change>) {
    if a == b {
        return;
    }
    match (a, b) {
        (ValueView::List(x), ValueView::List(y)) | (ValueView::Tuple(x), ValueView::Tuple(y)) => {
            seq(path, x, y, out)
        }
        (ValueView::Set(x), ValueView::Set(y)) => {
            for v in x.iter().filter(|v| !y.contains(v)) {
                change(out, &format!("{path}{{{v}}}"), Some(v), None);
            }
            for v in y.iter().filter(|v| !x.contains(v)) {
                change(out, &format!("{path}{{{v}}}"), None, Some(v));
            }
        }
        (ValueView::Dict(x), ValueView::Dict(y)) => {
            for (k, v) in x {
                let p = format!("{path}[{k}]");
                match y.iter().find(|(k2, _)| k2 == k) {
                    Some((_, v2)) => diff_values(&p, v, v2, out),
                    None => change(out, &p, Some(v), None),
                }
            }
            for (k, v) in y.iter().filter(|(k, _)| !x.iter().any(|(k1, _)| k1 == k)) {
                change(out, &format!("{path}[{k}]"), None, Some(v));
            }
        }
        (
            ValueView::Object {
                class: c1,
                fields: f1,
            },
            ValueView::Object {
                class: c2,
                fields: f2,
            },
        ) if c1 == c2 => {
            named(path, ".", f1, f2, out);
        }
        _ => change(out, path, Some(a), Some(b)),
    }
}

fn named(
    path: &str,
    sep: &str,
    a: &[(String, ValueView)],
    b: &[(String, ValueView)],
    out: &mut Vec<Change>,
) {
    for (k, v) in a {
        let p = format!("{path}{sep}{k}");
        match b.iter().find(|(k2, _)| k2 == k) {
            Some((_, v2)) => diff_values(&p, v, v2, out),
            None => change(out, &p, Some(v), None),
        }
    }
    for (k, v) in b.iter().filter(|(k, _)| !a.iter().any(|(k1, _)| k1 == k)) {
        change(out, &format!("{path}{sep}{k}"), None, Some(v));
    }
}

/// The differences between two frames.
#[must_use]
pub fn diff_frames(a: &FrameView, b: &FrameView) -> Vec<Change> {
    let mut out = Vec::new();
    named("", "", &a.locals, &b.locals, &mut out);
    seq("<stack>", &a.stack, &b.stack, &mut out);
    match (&a.exception, &b.exception) {
        (Some(x), Some(y)) => diff_values("<exception>", x, y, &mut out),
        (None, None) => {}
        (x, y) => change(&mut out, "<exception>", x.as_ref(), y.as_ref()),
    }
    if a.delegation != b.delegation {
        out.push(Change {
            path: "<yield from>".into(),
            old: Some(a.delegation.join(" -> ")),
            new: Some(b.delegation.join(" -> ")),
        });
    }
    if a.at != b.at {
        out.push(Change {
            path: "<line>".into(),
            old: Some(a.at.clone()),
            new: Some(b.at.clone()),
        });
    }
    out
}

/// Frame-by-frame differences between two worlds; frames are matched by
/// owner and function, in order.
#[must_use]
pub fn diff_worlds(a: &WorldView, b: &WorldView) -> Vec<FrameDiff> {
    let mut out = Vec::new();
    let mut used = vec![false; b.frames.len()];
    for fa in &a.frames {
        let m = b
            .frames
            .iter()
            .enumerate()
            .find(|(i, fb)| !used[*i] && fb.key() == fa.key());
        match m {
            Some((i, fb)) => {
                used[i] = true;
                let changes = diff_frames(fa, fb);
                if !changes.is_empty() {
                    out.push(FrameDiff {
                        frame: fa.key(),
                        at: (Some(fa.at.clone()), Some(fb.at.clone())),
                        changes,
                    });
                }
            }
            None => out.push(FrameDiff {
                frame: fa.key(),
                at: (Some(fa.at.clone()), None),
                changes: vec![],
            }),
        }
    }
    for (i, fb) in b.frames.iter().enumerate() {
        if !used[i] {
            out.push(FrameDiff {
                frame: fb.key(),
                at: (None, Some(fb.at.clone())),
                changes: vec![],
            });
        }
    }
    out
}
