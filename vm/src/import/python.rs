//! Finding the CPython 3.11 whose `Lib` and site-packages the VM imports
//! from: `--python PATH` (see [`set_python`]) or `YIELDSCOPE_PYTHON`, else
//! an active virtual environment (`VIRTUAL_ENV`), else `python3.11` or
//! `python3` on `PATH`. It is asked once per process for its `sys.path`,
//! prefix and version; the answer is also kept on disk, keyed by the
//! interpreter's path and modification time, so later runs do not start it.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// What the found CPython said about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PythonInfo {
    /// The interpreter asked.
    pub executable: String,
    /// Its `sys.path`, without the script folder (`-I`: no `PYTHONPATH`,
    /// no user site).
    pub path: Vec<String>,
    /// `sys.prefix`.
    pub prefix: String,
    /// `sys.base_prefix`.
    pub base_prefix: String,
    /// `sys.version`.
    pub version: String,
}

static OVERRIDE: Mutex<Option<PathBuf>> = Mutex::new(None);
/// Answers by interpreter asked (`None`: none found).
type Answers = Vec<(Option<PathBuf>, Option<PythonInfo>)>;

static FOUND: OnceLock<Mutex<Answers>> = OnceLock::new();

/// Names the interpreter to import CPython's modules from (`--python`),
/// for this process.
pub fn set_python(path: Option<PathBuf>) {
    if let Ok(mut o) = OVERRIDE.lock() {
        *o = path;
    }
}

/// The interpreter to ask, by the rules above.
fn choose() -> Option<PathBuf> {
    if let Some(p) = OVERRIDE.lock().ok().and_then(|o| o.clone()) {
        return Some(p);
    }
    if let Some(p) = std::env::var_os("YIELDSCOPE_PYTHON").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if let Some(v) = std::env::var_os("VIRTUAL_ENV").filter(|p| !p.is_empty()) {
        let p = Path::new(&v).join("bin").join("python");
        if p.exists() {
            return Some(p);
        }
    }
    let path = std::env::var_os("PATH")?;
    for name in ["python3.11", "python3"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The found CPython's answer, asked at most once per process for each
/// interpreter (`None`: no CPython found, or it did not answer).
#[must_use]
pub fn python_info() -> Option<PythonInfo> {
    let exe = choose();
    let cache = FOUND.get_or_init(|| Mutex::new(Vec::new()));
    let mut found = cache.lock().ok()?;
    if let Some((_, info)) = found.iter().find(|(k, _)| *k == exe) {
        return info.clone();
    }
    let info = exe.as_deref().and_then(ask_cached);
    found.push((exe, info.clone()));
    info
}

const QUERY: &str = "import sys\nprint(sys.version_info[:2] == (3, 11))\nprint(sys.executable)\n\
print(sys.prefix)\nprint(sys.base_prefix)\nprint(sys.version.replace('\\n', ' '))\n\
for p in sys.path:\n    print(p)\n";

fn ask_cached(exe: &Path) -> Option<PythonInfo> {
    let key = cache_key(exe);
    if let Some((k, file)) = &key {
        if let Ok(text) = std::fs::read_to_string(file) {
            if let Some(rest) = text.strip_prefix(k.as_str()) {
                if let Some(info) = parse(exe, rest.strip_prefix('\n').unwrap_or(rest)) {
                    return Some(info);
                }
            }
        }
    }
    let out = std::process::Command::new(exe)
        .args(["-I", "-c", QUERY])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let info = parse(exe, &text)?;
    if let Some((k, file)) = key {
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = file.with_extension("tmp");
        if std::fs::write(&tmp, format!("{k}\n{text}")).is_ok() {
            let _ = std::fs::rename(&tmp, &file);
        }
    }
    Some(info)
}

fn parse(exe: &Path, text: &str) -> Option<PythonInfo> {
    let mut lines = text.lines();
    if lines.next()? != "True" {
        return None;
    }
    let _executable = lines.next()?;
    let prefix = lines.next()?.to_string();
    let base_prefix = lines.next()?.to_string();
    let version = lines.next()?.to_string();
    let path = lines
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    Some(PythonInfo {
        executable: exe.display().to_string(),
        path,
        prefix,
        base_prefix,
        version,
    })
}

/// The cache line naming this interpreter (path and modification time) and
/// the file it is kept in, when there is a cache folder.
fn cache_key(exe: &Path) -> Option<(String, PathBuf)> {
    let real = std::fs::canonicalize(exe).ok()?;
    let mtime = std::fs::metadata(&real)
        .ok()?
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in exe.as_os_str().to_string_lossy().bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    let file = base.join("yieldscope").join(format!("python-{h:016x}.txt"));
    Some((
        format!("{} {} {mtime}", exe.display(), real.display()),
        file,
    ))
}
