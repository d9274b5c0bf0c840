//! Traces: the comparable part of a run (suspensions, resumes, output, the
//! end), and where two traces first part ways.

use crate::format::{EndKind, Record, ResumeHow};
use serde::Serialize;
use std::fmt;
use yieldscope_vm::Stream;

/// One comparable event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Item {
    /// A generator suspended.
    Suspend {
        /// Suspension index.
        n: u64,
        /// Generator name.
        name: String,
        /// `file:line`.
        at: String,
        /// The yielded value.
        value: String,
    },
    /// A generator was resumed.
    Resume {
        /// Generator name.
        name: String,
        /// How.
        how: String,
    },
    /// Output (consecutive writes to one stream merged).
    Output {
        /// `stdout` or `stderr`.
        stream: String,
        /// The text.
        text: String,
    },
    /// The end.
    End(String),
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Suspend { n, name, at, value } => {
                write!(f, "suspension {n}: {name} at {at} yielded {value}")
            }
            Item::Resume { name, how } => write!(f, "resume {name}: {how}"),
            Item::Output { stream, text } => {
                write!(f, "{stream}: {}", yieldscope_vm::repr::str_repr(text))
            }
            Item::End(e) => write!(f, "end: {e}"),
        }
    }
}

/// How a resume reads in traces and timelines.
#[must_use]
pub fn how_text(how: &ResumeHow) -> String {
    match how {
        ResumeHow::Next => "next()".into(),
        ResumeHow::Send(v) => format!("send({v})"),
        ResumeHow::Throw(v) => format!("throw({v})"),
        ResumeHow::Close => "close()".into(),
    }
}

/// How an end reads.
#[must_use]
pub fn end_text(e: &EndKind) -> String {
    match e {
        EndKind::Finished => "finished".into(),
        EndKind::Returned(v) => format!("returned {v}"),
        EndKind::Uncaught => "uncaught exception".into(),
        EndKind::Exit(c) => format!("exit({c})"),
        EndKind::Interrupted => "interrupted".into(),
        EndKind::Failed(m) => format!("failed: {m}"),
    }
}

/// The trace of a sequence of records.
#[must_use]
pub fn trace<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for r in records {
        let item = match r {
            Record::Suspend(s) => Item::Suspend {
                n: s.n,
                name: s.name.clone(),
                at: s.at.clone(),
                value: s.value.to_string(),
            },
            Record::Resume { name, how } => Item::Resume {
                name: name.clone(),
                how: how_text(how),
            },
            Record::Output { stream, text } => {
                let stream = match stream {
                    Stream::Stdout => "stdout",
                    Stream::Stderr => "stderr",
                };
                if let Some(Item::Output { stream: s, text: t }) = out.last_mut() {
                    if s == stream {
                        t.push_str(text);
                        continue;
                    }
                }
                Item::Output {
                    stream: stream.into(),
                    text: text.clone(),
                }
            }
            Record::End(e) => Item::End(end_text(e)),
            Record::Branch(_) | Record::Keyframe { .. } | Record::Input { .. } => continue,
        };
        out.push(item);
    }
    out
}

/// Where two traces first differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Divergence {
    /// Index of the first differing item.
    pub index: usize,
    /// The left item there (`None`: the left trace ended).
    pub left: Option<Item>,
    /// The right item there.
    pub right: Option<Item>,
}

/// The first place where `a` and `b` differ, if any.
#[must_use]
pub fn first_divergence(a: &[Item], b: &[Item]) -> Option<Divergence> {
    let n = a.len().max(b.len());
    (0..n).find(|&i| a.get(i) != b.get(i)).map(|i| Divergence {
        index: i,
        left: a.get(i).cloned(),
        right: b.get(i).cloned(),
    })
}
