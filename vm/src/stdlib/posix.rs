//! `posix` (written in C in CPython): what programs read of the machine
//! through `os` — the environment, the working folder, directory listings,
//! `stat`, entropy and the process id — each an outside input recorded for
//! replay (see `inputs.rs`).

use crate::builtins::funcs::nargs;
use crate::builtins::{Args, ExcType, Ret};
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn path_arg(vm: &mut Vm, a: &Args<'_>, i: usize, f: &str) -> PyResult<String> {
    match a.pos.get(i) {
        None => Ok(".".to_string()),
        Some(v) => match vm.as_str(*v) {
            Some(s) => Ok(s.to_string()),
            None => {
                let t = vm.type_name(*v).to_string();
                vm.type_error(format!(
                    "{f}: path should be string, bytes or os.PathLike, not {t}"
                ))
            }
        },
    }
}

/// A path as the program names it, resolved against the script's folder
/// like `open` does.
fn full(vm: &Vm, p: &str) -> std::path::PathBuf {
    vm.search_dir.join(p)
}

/// `_environ()`: the environment as a list of `(name, value)` pairs, in
/// name order (recorded as one input).
pub fn environ(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let text = vm
        .posix_input("<environ>", "the environment", || {
            let mut vars: Vec<(String, String)> = std::env::vars().collect();
            vars.sort();
            Some(
                vars.iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("\0"),
            )
        })?
        .unwrap_or_default();
    let mut items = Vec::new();
    for entry in text.split('\0').filter(|e| !e.is_empty()) {
        let (k, v) = entry.split_once('=').unwrap_or((entry, ""));
        let kv = vm.str_value(k);
        let vv = vm.str_value(v);
        items.push(vm.tuple(vec![kv, vv]));
    }
    Ok(Ret::Value(vm.list(items)))
}

/// `getcwd()`.
pub fn getcwd(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "getcwd", 0, 0)?;
    let cwd = vm
        .posix_input("<getcwd>", "os.getcwd()", || {
            std::env::current_dir()
                .ok()
                .map(|p| p.display().to_string())
        })?
        .unwrap_or_default();
    Ok(Ret::Value(vm.str_value(&cwd)))
}

/// `getpid()`.
pub fn getpid(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "getpid", 0, 0)?;
    let pid = vm.outside_i128("<getpid>", || i128::from(std::process::id()));
    Ok(Ret::Value(Value::Int(i64::try_from(pid).unwrap_or(0))))
}

/// `listdir(path='.')`: the names in a folder, in the order the system
/// lists them (recorded).
pub fn listdir(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "listdir", 0, 1)?;
    let p = path_arg(vm, a, 0, "listdir")?;
    let dir = full(vm, &p);
    let key = format!("<listdir:{p}>");
    let text = vm.posix_input(&key, &p, || {
        let rd = std::fs::read_dir(&dir).ok()?;
        Some(
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect::<Vec<_>>()
                .join("\0"),
        )
    })?;
    let Some(text) = text else {
        return vm.err(
            ExcType::FileNotFoundError,
            format!("[Errno 2] No such file or directory: '{p}'"),
        );
    };
    let names: Vec<Value> = text
        .split('\0')
        .filter(|n| !n.is_empty())
        .map(|n| vm.str_value(n))
        .collect();
    Ok(Ret::Value(vm.list(names)))
}

/// `_stat(path)`: `(mode, ino, dev, nlink, uid, gid, size, atime, mtime,
/// ctime)` (recorded), or `FileNotFoundError`.
pub fn stat(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "stat", 1, 1)?;
    let p = path_arg(vm, a, 0, "stat")?;
    let f = full(vm, &p);
    let key = format!("<stat:{p}>");
    let text = vm.posix_input(&key, &p, || {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(&f).ok()?;
        Some(format!(
            "{} {} {} {} {} {} {} {} {} {}",
            m.mode(),
            m.ino(),
            m.dev(),
            m.nlink(),
            m.uid(),
            m.gid(),
            m.size(),
            m.atime(),
            m.mtime(),
            m.ctime()
        ))
    })?;
    let Some(text) = text else {
        return vm.err(
            ExcType::FileNotFoundError,
            format!("[Errno 2] No such file or directory: '{p}'"),
        );
    };
    let items: Vec<Value> = text
        .split(' ')
        .map(|n| Value::Int(n.parse().unwrap_or(0)))
        .collect();
    Ok(Ret::Value(vm.tuple(items)))
}

/// `urandom(size)`: bytes from the system's entropy (recorded).
pub fn urandom(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "urandom", 1, 1)?;
    let n = match a.pos[0] {
        Value::Int(n) if n >= 0 => usize::try_from(n).unwrap_or(0),
        Value::Int(_) => return vm.value_error("negative argument not allowed"),
        v => {
            let t = vm.type_name(v).to_string();
            return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
        }
    };
    let text = vm
        .posix_input("<urandom>", "os.urandom()", || {
            let mut buf = vec![0u8; n];
            let ok = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
                .is_ok();
            ok.then(|| crate::file::latin1_string(&buf))
        })?
        .unwrap_or_default();
    let bytes: Vec<u8> = text.chars().map(|c| u8::try_from(c).unwrap_or(0)).collect();
    Ok(Ret::Value(Value::Obj(
        vm.heap.alloc(Object::Bytes(bytes.into())),
    )))
}

/// `fspath(path)`.
pub fn fspath(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "fspath", 1, 1)?;
    let v = a.pos[0];
    let ok = matches!(
        v.as_ref().map(|r| vm.heap.get(r)),
        Some(Object::Str(_) | Object::Bytes(_))
    );
    if ok {
        vm.heap.incref(v);
        return Ok(Ret::Value(v));
    }
    let s = vm.sym("__fspath__");
    match vm.get_attr(v, s) {
        Ok(m) => {
            let r = vm.call_sync(m, Vec::new(), Vec::new());
            vm.heap.decref(m);
            return Ok(Ret::Value(r?));
        }
        Err(e) => vm.heap.decref(e),
    }
    let t = vm.type_name(v).to_string();
    vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {t}"
    ))
}

impl Vm {
    /// A recorded outside input about the path `p`: `None` when it does not
    /// exist; refused with `PermissionError` when a re-run of a recording
    /// asks for what the recorded run did not read (as file reads are).
    fn posix_input(
        &mut self,
        key: &str,
        p: &str,
        read: impl FnOnce() -> Option<String>,
    ) -> PyResult<Option<String>> {
        match self.read_input(key, read) {
            Ok(t) => Ok(Some(t)),
            Err(crate::sandbox::ReadFail::Missing) => Ok(None),
            Err(crate::sandbox::ReadFail::Refused) => self.refuse_outside(p),
        }
    }
}

/// `_fsop(op, path, other)`: `mkdir`, `rmdir`, `unlink`, `rename` on the
/// machine. The outcome (`""` or an errno) is recorded like an input, so a
/// replay raises what the live run raised without touching the disk; a
/// re-run of someone's recording that did not do it is refused.
pub fn fsop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "_fsop", 3, 3)?;
    let op = vm.to_str(a.pos[0])?;
    let p = vm.to_str(a.pos[1])?;
    let q = vm.to_str(a.pos[2])?;
    let (fp, fq) = (full(vm, &p), full(vm, &q));
    let key = format!("<{op}:{p}:{q}>");
    let live = !vm.driver.suppress_writes;
    let op2 = op.clone();
    let out = vm.posix_input(&key, &p, move || {
        if !live {
            return Some(String::new());
        }
        let r = match op2.as_str() {
            "mkdir" => std::fs::create_dir(&fp),
            "rmdir" => std::fs::remove_dir(&fp),
            "unlink" => std::fs::remove_file(&fp),
            "rename" => std::fs::rename(&fp, &fq),
            _ => return None,
        };
        Some(match r {
            Ok(()) => String::new(),
            Err(e) => e.raw_os_error().unwrap_or(5).to_string(),
        })
    })?;
    let code: i64 = out.unwrap_or_default().parse().unwrap_or(0);
    Ok(Ret::Value(Value::Int(code)))
}
