//! Loading recordings. Never panics: a truncated tail loads with a warning;
//! anything else that does not fit is an error naming the file, the line
//! and the column.

use crate::error::{Error, Result};
use crate::format::{BranchInfo, Header, Record, FORMAT_VERSION, OLDEST_FORMAT_VERSION};
use crate::recording::{Branch, Recording};
use crate::short::{expand, is_short, Short};
use serde::Deserialize;
use std::path::Path;
use yieldscope_vm::world_check::track;

/// One line after the header.
enum Line {
    Full(Record),
    Short(Short),
}

#[derive(Deserialize)]
struct Probe {
    format: u32,
}

fn parse_err(path: &Path, line: usize, e: &ron::error::SpannedError) -> Error {
    Error::Parse {
        path: path.to_path_buf(),
        line,
        col: e.position.col,
        source: e.code.clone(),
    }
}

/// Loads a recording from a file.
///
/// # Errors
/// The file cannot be read or is not a valid recording.
pub fn load(path: &Path) -> Result<Recording> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    load_bytes(path, &bytes)
}

/// Loads a recording from bytes; `path` names it in messages.
///
/// # Errors
/// The bytes are not a valid recording.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Recording> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            // A cut in the middle of a multi-byte character at the very end is a truncation.
            if e.error_len().is_none() {
                let t = std::str::from_utf8(good).unwrap_or_default();
                return parse_text(path, t, true);
            }
            return Err(Error::Invalid {
                path: path.to_path_buf(),
                line,
                message: format!("not UTF-8 text (byte {})", e.valid_up_to()),
            });
        }
    };
    parse_text(path, text, false)
}

fn parse_text(path: &Path, text: &str, cut: bool) -> Result<Recording> {
    let lines: Vec<&str> = text.split('\n').collect();
    let ends_clean = text.ends_with('\n') && !cut;
    let first = lines.first().copied().unwrap_or_default();
    if first.trim().is_empty() {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            line: 1,
            message: "empty file: no recording header".into(),
        });
    }
    let probe: Probe = ron::from_str(first).map_err(|e| parse_err(path, 1, &e))?;
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&probe.format) {
        return Err(Error::Version {
            path: path.to_path_buf(),
            found: probe.format,
            supported: FORMAT_VERSION,
        });
    }
    let header: Header = ron::from_str(first).map_err(|e| parse_err(path, 1, &e))?;
    if header.keyframe_every == 0 {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            line: 1,
            message: "keyframe_every must be at least 1".into(),
        });
    }
    let worlds = header.world_at_every_suspension();
    let mut rec = Recording::new(path, header);
    let last = lines.len();
    let mut ended = false;
    for (i, line) in lines.iter().enumerate().skip(1) {
        let no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let is_last_line = i + 1 == last || (i + 2 == last && ends_clean);
        let (parsed, seen) = track(|| {
            if is_short(line) {
                ron::from_str::<Short>(line).map(Line::Short)
            } else {
                ron::from_str::<Record>(line).map(Line::Full)
            }
        });
        let r: Record = match parsed {
            Ok(Line::Full(r)) => r,
            Ok(Line::Short(short)) => {
                let br = rec.last_mut();
                let next = br.suspension_count();
                match expand(short, &mut br.declared, next) {
                    Ok(Some(r)) if !ended => r,
                    Ok(None) if !ended => continue,
                    Ok(_) => {
                        return Err(Error::Invalid {
                            path: path.to_path_buf(),
                            line: no,
                            message: "record after the end of a branch".into(),
                        })
                    }
                    Err(message) => {
                        return Err(Error::Invalid {
                            path: path.to_path_buf(),
                            line: no,
                            message,
                        })
                    }
                }
            }
            Err(e) if is_last_line && !ends_clean => {
                rec.truncated = Some(format!("{}:{no}: the recording is truncated (the recorder was stopped); loaded the {} complete lines before it ({})", path.display(), no - 1, e.code));
                break;
            }
            Err(e) => return Err(parse_err(path, no, &e)),
        };
        if ended && !matches!(r, Record::Branch(_)) {
            return Err(Error::Invalid {
                path: path.to_path_buf(),
                line: no,
                message: "record after the end of a branch".into(),
            });
        }
        ended = false;
        match r {
            Record::Branch(info) => {
                check_branch(&rec, &info).map_err(|message| Error::Invalid {
                    path: path.to_path_buf(),
                    line: no,
                    message,
                })?;
                rec.branches.push(Branch::new(info));
            }
            Record::End(e) => {
                ended = true;
                rec.last_mut()
                    .push(Record::End(e), no, worlds, Some(seen))
                    .map_err(|message| Error::Invalid {
                        path: path.to_path_buf(),
                        line: no,
                        message,
                    })?;
            }
            other => rec
                .last_mut()
                .push(other, no, worlds, Some(seen))
                .map_err(|message| Error::Invalid {
                    path: path.to_path_buf(),
                    line: no,
                    message,
                })?,
        }
    }
    if rec.truncated.is_none() && !rec.branches.iter().all(|b| b.end.is_some()) {
        rec.truncated = Some(format!(
            "{}: the recording is truncated (no end record): the recorder was stopped",
            path.display()
        ));
    }
    Ok(rec)
}

fn check_branch(rec: &Recording, info: &BranchInfo) -> std::result::Result<(), String> {
    let want = u32::try_from(rec.branches.len()).unwrap_or(u32::MAX);
    if info.id != want {
        return Err(format!(
            "branch {} out of order (expected branch {want})",
            info.id
        ));
    }
    let Some(parent) = rec.branches.get(info.parent as usize) else {
        return Err(format!(
            "branch {} names parent {}, which does not exist",
            info.id, info.parent
        ));
    };
    if info.at >= parent.suspension_count() {
        return Err(format!(
            "branch {} forks at suspension {}, but branch {} has {} suspensions",
            info.id,
            info.at,
            info.parent,
            parent.suspension_count()
        ));
    }
    Ok(())
}

/// Loads every `.ron` file under a path (a file or a directory, not recursive), sorted.
///
/// # Errors
/// The directory cannot be listed.
pub fn list_recordings(path: &Path) -> Result<Vec<std::path::PathBuf>> {
    if path.is_dir() {
        let rd = std::fs::read_dir(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut out: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        out.sort();
        Ok(out)
    } else if path.exists() {
        Ok(vec![path.to_path_buf()])
    } else {
        Err(Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
        })
    }
}
