//! Finding a module on the path (CPython's `PathFinder` and `FileFinder`):
//! in each folder, a package `name/__init__.py`, a compiled extension
//! (refused with a clear message), a source file `name.py`; folders named
//! `name` without `__init__.py` make a namespace package when nothing else
//! is found.

use std::path::{Path, PathBuf};

/// What was found for a module name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A regular package: its `__init__.py` and its folder.
    Package(PathBuf, PathBuf),
    /// A source module.
    Source(PathBuf),
    /// A compiled extension module the VM cannot run.
    Extension(PathBuf),
    /// A namespace package over these folders.
    Namespace(Vec<PathBuf>),
}

/// Suffixes of compiled extension modules.
const EXTENSION_SUFFIXES: [&str; 3] = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];

/// Looks for the last part of a module name in the given folders.
#[must_use]
pub fn find(tail: &str, dirs: &[String]) -> Option<Found> {
    let mut namespace = Vec::new();
    for d in dirs {
        let dir = if d.is_empty() {
            PathBuf::from(".")
        } else {
            PathBuf::from(d)
        };
        if !dir.is_dir() {
            continue;
        }
        let pkg = dir.join(tail);
        if pkg.is_dir() {
            let init = pkg.join("__init__.py");
            if init.is_file() {
                return Some(Found::Package(init, pkg));
            }
        }
        if let Some(ext) = extension_in(&dir, tail) {
            return Some(Found::Extension(ext));
        }
        let src = dir.join(format!("{tail}.py"));
        if src.is_file() {
            return Some(Found::Source(src));
        }
        if pkg.is_dir() {
            namespace.push(pkg);
        }
    }
    if namespace.is_empty() {
        None
    } else {
        Some(Found::Namespace(namespace))
    }
}

fn extension_in(dir: &Path, tail: &str) -> Option<PathBuf> {
    for suf in EXTENSION_SUFFIXES {
        let p = dir.join(format!("{tail}{suf}"));
        if p.is_file() {
            return Some(p);
        }
    }
    // Other platforms' tags (`name.cpython-311-darwin.so`).
    let prefix = format!("{tail}.cpython-311");
    std::fs::read_dir(dir).ok()?.flatten().find_map(|e| {
        let n = e.file_name().to_string_lossy().to_string();
        (n.starts_with(&prefix) && (n.ends_with(".so") || n.ends_with(".pyd"))).then(|| e.path())
    })
}

/// `sys.path` for a script in `script_dir`: that folder, `PYTHONPATH`, then
/// the found CPython's stdlib and site-packages.
#[must_use]
pub fn initial_sys_path(script_dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    out.push(script_dir.display().to_string());
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        for p in std::env::split_paths(&pp) {
            if !p.as_os_str().is_empty() {
                out.push(p.display().to_string());
            }
        }
    }
    if let Some(info) = super::python::python_info() {
        out.extend(info.path);
    }
    out
}
