//! The file watcher behind `--watch` (see [`super::watch`]): the script's
//! directory is watched, not the file, since editors save by writing a new
//! file and renaming it; saves close together make one re-run.

use super::model::Options;
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;
use yieldscope_inspector::trace::Item;

/// Saves closer together than this make one re-run.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// A watched script.
pub struct Watch {
    /// Kept alive: dropping it stops watching.
    _debouncer: Option<Debouncer<RecommendedWatcher>>,
    pub(super) rx: Receiver<()>,
    pub(super) path: PathBuf,
    pub(super) opts: Options,
    /// The trace before the latest re-run, until the new one is compared with it.
    pub(super) previous: Option<Vec<Item>>,
    /// Re-runs so far.
    pub runs: u32,
}

impl Watch {
    /// Watches `path`'s directory for changes to `path`.
    ///
    /// # Errors
    /// The directory cannot be watched.
    pub fn start(path: &Path, opts: &Options) -> Result<Watch, String> {
        let (tx, rx) = channel();
        let name = path.file_name().map(std::ffi::OsStr::to_os_string);
        let mut d = new_debouncer(DEBOUNCE, move |res: DebounceEventResult| {
            let hit = res.is_ok_and(|events| {
                events
                    .iter()
                    .any(|e| e.path.file_name().map(std::ffi::OsStr::to_os_string) == name)
            });
            if hit {
                let _ = tx.send(());
            }
        })
        .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        let dir = std::fs::canonicalize(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        d.watcher()
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        let mut w = Watch::manual(path, opts);
        w._debouncer = Some(d);
        w.rx = rx;
        Ok(w)
    }

    /// A watch without a watcher: [`super::app::App::rerun`] is called by hand (tests).
    #[must_use]
    pub fn manual(path: &Path, opts: &Options) -> Watch {
        let (_, rx) = channel();
        Watch {
            _debouncer: None,
            rx,
            path: path.to_path_buf(),
            opts: Options {
                entry: opts.entry.clone(),
                sends: opts.sends.clone(),
                seed: opts.seed,
                ..Options::default()
            },
            previous: None,
            runs: 0,
        }
    }
}
