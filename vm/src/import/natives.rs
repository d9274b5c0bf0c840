//! `_ys_imp`: the natives the import system's Python half calls to find
//! modules, create module objects and run their bodies.

use super::finder::{self, Found};
use crate::builtins::{Args, ExcType, Ret};
use crate::frame::RetMode;
use crate::intern::sym;
use crate::object::{Attrs, Module, Object};
use crate::value::Value;
use crate::vm::{PyResult, Vm, VmError};

fn arg_str(vm: &mut Vm, a: &Args<'_>, i: usize, f: &str) -> PyResult<String> {
    match a.pos.get(i).and_then(|v| vm.as_str(*v)) {
        Some(s) => Ok(s.to_string()),
        None => vm.type_error(format!("{f}() argument {} must be str", i + 1)),
    }
}

/// `_modules()`: `sys.modules`.
pub fn modules(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let d = vm.sys_modules();
    vm.heap.incref(d);
    Ok(Ret::Value(d))
}

/// The folders of `sys.path` (the `path` of the `sys` module).
fn sys_path(vm: &mut Vm) -> PyResult<Vec<String>> {
    let m = match vm.modules.get("sys") {
        Some(&m) => m,
        None => match crate::stdlib::make_module(vm, "sys") {
            Some(m) => m,
            None => return Ok(Vec::new()),
        },
    };
    let s = vm.sym("path");
    let Some(p) = vm.mod_global(m, s) else {
        return Ok(Vec::new());
    };
    path_strs(vm, p)
}

fn path_strs(vm: &mut Vm, p: Value) -> PyResult<Vec<String>> {
    vm.heap.incref(p);
    let items = vm.collect_sync(p);
    vm.heap.decref(p);
    let items = items?;
    let out = items
        .iter()
        .filter_map(|v| vm.as_str(*v).map(str::to_string))
        .collect();
    vm.heap.decref_all(items);
    Ok(out)
}

/// `_find_spec(name, path)`: `None`, or `(kind, origin, locations)` with
/// kind `native`, `source`, `package` or `namespace`. A compiled extension
/// raises `ModuleNotFoundError` saying so.
pub fn find_spec(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let name = arg_str(vm, a, 0, "_find_spec")?;
    let top_level = a.pos.get(1).is_none_or(|v| *v == Value::None);
    if crate::stdlib::provides(&name, &vm.search_dir) {
        let k = vm.str_value("native");
        return Ok(Ret::Value(vm.tuple(vec![k, Value::None, Value::None])));
    }
    let dirs = if top_level {
        sys_path(vm)?
    } else {
        path_strs(vm, a.pos[1])?
    };
    let tail = name.rsplit('.').next().unwrap_or(&name).to_string();
    let found = finder::find(&tail, &dirs).or_else(|| vm.find_provided(&tail, &dirs));
    let (kind, origin, locs) = match found {
        None => {
            if top_level && super::python::python_info().is_none() {
                return vm.err(
                    ExcType::ModuleNotFoundError,
                    format!(
                        "No module named '{name}' (no CPython 3.11 found to import its \
                         standard library from: set YIELDSCOPE_PYTHON or pass --python)"
                    ),
                );
            }
            return Ok(Ret::Value(Value::None));
        }
        Some(Found::Extension(p)) => {
            return vm.err(
                ExcType::ModuleNotFoundError,
                format!(
                    "No module named '{name}': {} is a compiled extension module, \
                     which yieldscope cannot run",
                    p.display()
                ),
            );
        }
        Some(Found::Source(p)) => ("source", Some(p), None),
        Some(Found::Package(init, dir)) => ("package", Some(init), Some(vec![dir])),
        Some(Found::Namespace(dirs)) => ("namespace", None, Some(dirs)),
    };
    let k = vm.str_value(kind);
    let o = match origin {
        Some(p) => vm.str_value(&p.display().to_string()),
        None => Value::None,
    };
    let l = match locs {
        Some(ds) => {
            let items: Vec<Value> = ds
                .iter()
                .map(|d| vm.str_value(&d.display().to_string()))
                .collect();
            vm.list(items)
        }
        None => Value::None,
    };
    Ok(Ret::Value(vm.tuple(vec![k, o, l])))
}

/// `_new_module(name, spec)`: a module with CPython's dunder globals,
/// registered in `sys.modules`.
pub fn new_module(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let name = arg_str(vm, a, 0, "_new_module")?;
    let Some(&spec) = a.pos.get(1) else {
        return vm.type_error("_new_module() missing spec");
    };
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let s = vm.sym(n);
        vm.get_attr(spec, s)
    };
    let origin = get(vm, "origin")?;
    let loader = get(vm, "loader")?;
    let locations = get(vm, "submodule_search_locations")?;
    let is_pkg = locations != Value::None;
    let package = if is_pkg {
        name.clone()
    } else {
        name.rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    let mut g = Attrs::default();
    let nv = vm.str_value(&name);
    g.insert(sym::NAME, nv);
    g.insert(sym::DOC, Value::None);
    let pv = vm.str_value(&package);
    g.insert(vm.sym("__package__"), pv);
    g.insert(vm.sym("__loader__"), loader);
    vm.heap.incref(spec);
    g.insert(vm.sym("__spec__"), spec);
    if is_pkg {
        g.insert(vm.sym("__path__"), locations);
    } else {
        vm.heap.decref(locations);
    }
    let file = vm.as_str(origin).map(str::to_string);
    match &file {
        Some(f) => {
            let shown = vm.display_path(f);
            let fv = vm.str_value(&shown);
            g.insert(sym::FILE, fv);
            vm.heap.decref(origin);
        }
        None => {
            g.insert(sym::FILE, origin);
        }
    }
    if let Some(f) = file {
        let f = vm.display_path(&f);
        let p = std::path::Path::new(&f);
        let stem = p.file_stem().map(|s| s.to_string_lossy().to_string());
        if let (Some(dir), Some(stem)) = (p.parent(), stem) {
            let cached = dir
                .join("__pycache__")
                .join(format!("{stem}.cpython-311.pyc"));
            let cv = vm.str_value(&cached.display().to_string());
            g.insert(vm.sym("__cached__"), cv);
        }
    }
    let r = vm.heap.alloc_immortal(Object::Module(Box::new(Module {
        name: name.as_str().into(),
        globals: g,
        dict: None,
    })));
    vm.modules.insert(name.clone(), r);
    vm.register_module(&name, r);
    Ok(Ret::Value(Value::Obj(r)))
}

/// `_exec(module, path)`: runs the module's source file as its body (a
/// pushed frame; its result goes to the caller).
pub fn exec(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let path = arg_str(vm, a, 1, "_exec")?;
    let Some(m) = a.pos.first().and_then(|v| v.as_ref()) else {
        return vm.type_error("_exec() argument 1 must be a module");
    };
    let name = match vm.heap.get(m) {
        Object::Module(md) => md.name.to_string(),
        _ => return vm.type_error("_exec() argument 1 must be a module"),
    };
    let Some(text) = vm.read_module_source(&name, &path) else {
        return vm.err(
            ExcType::ImportError,
            format!("cannot read the source of '{name}' ({path})"),
        );
    };
    let shown = vm.display_path(&path);
    let code = match vm.compile(&shown, &text, &name) {
        Ok(c) => c,
        Err(VmError::Syntax(e, p)) => {
            let msg = format!(
                "{} ({}, line {})",
                e.message,
                p.rsplit('/').next().unwrap_or(&p),
                e.line
            );
            return vm.err(ExcType::ImportError, msg);
        }
        Err(other) => return vm.err(ExcType::ImportError, other.to_string()),
    };
    vm.push_module_frame(code, m, ret);
    Ok(Ret::Pushed)
}

/// `_native(name)`: one of the VM's own modules.
pub fn native(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let name = arg_str(vm, a, 0, "_native")?;
    if let Some(&m) = vm.modules.get(&name) {
        vm.register_module(&name, m);
        return Ok(Ret::Value(Value::Obj(m)));
    }
    match crate::stdlib::make_module(vm, &name) {
        Some(m) => Ok(Ret::Value(Value::Obj(m))),
        None => vm.err(
            ExcType::ModuleNotFoundError,
            format!("No module named '{name}'"),
        ),
    }
}

/// `_forget(name, module)`: drops a module whose body failed from the VM's
/// registry.
pub fn forget(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let name = arg_str(vm, a, 0, "_forget")?;
    let m = a.pos.get(1).and_then(|v| v.as_ref());
    if m.is_some() && vm.modules.get(&name).copied() == m {
        vm.modules.shift_remove(&name);
    }
    Ok(Ret::Value(Value::None))
}

impl Vm {
    /// A module a replay provides the source of (see `module_sources`),
    /// when its folder is not on this machine.
    fn find_provided(&self, tail: &str, dirs: &[String]) -> Option<Found> {
        let provided = self.driver.module_sources.as_ref()?;
        for d in dirs {
            let dir = std::path::Path::new(d);
            let init = dir.join(tail).join("__init__.py");
            if provided.contains_key(&self.display_path(&init.display().to_string())) {
                return Some(Found::Package(init, dir.join(tail)));
            }
            let src = dir.join(format!("{tail}.py"));
            if provided.contains_key(&self.display_path(&src.display().to_string())) {
                return Some(Found::Source(src));
            }
        }
        None
    }

    /// How a module file is named in `__file__` and tracebacks: files in
    /// the script's folder are named as the script was (relative when it
    /// was given relative), so recordings stay portable.
    pub(crate) fn display_path(&self, real: &str) -> String {
        let dir = self.search_dir.display().to_string();
        if dir.is_empty() {
            return real.to_string();
        }
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        match real.strip_prefix(&prefix) {
            Some(rest) if self.main_dir.is_empty() => rest.to_string(),
            Some(rest) => format!("{}/{rest}", self.main_dir),
            None => real.to_string(),
        }
    }

    /// The source of a module file, noted in the list of imported modules
    /// (with its hash). Not a recorded input: module sources are the
    /// program, not its data; a recording lists them instead, and a replay
    /// may provide them (`module_sources`).
    pub(crate) fn read_module_source(&mut self, name: &str, path: &str) -> Option<String> {
        use sha2::Digest;
        use std::fmt::Write as _;
        let shown = self.display_path(path);
        let text = match self
            .driver
            .module_sources
            .as_ref()
            .and_then(|m| m.get(&shown))
        {
            Some(t) => t.clone(),
            None => std::fs::read_to_string(path).ok()?,
        };
        let digest = sha2::Sha256::digest(text.as_bytes());
        let mut hex = String::with_capacity(64);
        for b in digest {
            let _ = write!(hex, "{b:02x}");
        }
        let own = match super::python::python_info() {
            Some(info) => !info
                .path
                .iter()
                .filter(|d| !d.is_empty())
                .any(|d| path.starts_with(&format!("{}/", d.trim_end_matches('/')))),
            None => true,
        };
        self.driver.imported.push(super::ImportedModule {
            name: name.to_string(),
            path: shown,
            sha256: hex,
            own,
        });
        Some(text)
    }
}

/// `importlib.import_module(name, package=None)`.
pub fn import_module(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let f = vm.import_system_func("import_module")?;
    let args: Vec<Value> = a.pos.to_vec();
    for v in &args {
        vm.heap.incref(*v);
    }
    let kw: Vec<(crate::intern::Sym, Value)> = a.kw.to_vec();
    for (_, v) in &kw {
        vm.heap.incref(*v);
    }
    let r = vm.call_value(f, args, kw, ret);
    vm.heap.decref(f);
    match r? {
        Some(v) => Ok(Ret::Value(v)),
        None => Ok(Ret::Pushed),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`:
/// module names only, never file paths.
pub fn dunder_import(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    use crate::builtins::funcs::{nargs, pos_or_kw};
    nargs(vm, a, "__import__", 0, 5)?;
    let Some(nv) = pos_or_kw(vm, a, 0, "name") else {
        return vm.type_error("__import__() missing required argument 'name' (pos 1)");
    };
    let Some(name) = vm.as_str(nv).map(str::to_string) else {
        let t = vm.type_name(nv).to_string();
        return vm.type_error(format!("__import__() argument 1 must be str, not {t}"));
    };
    let globals = pos_or_kw(vm, a, 1, "globals").unwrap_or(Value::None);
    let fromlist = pos_or_kw(vm, a, 3, "fromlist").unwrap_or(Value::None);
    let level = match pos_or_kw(vm, a, 4, "level") {
        None => 0,
        Some(Value::Int(i)) if i >= 0 => u32::try_from(i).unwrap_or(u32::MAX),
        Some(Value::Int(_)) => return vm.value_error("level must be >= 0"),
        Some(v) => {
            let t = vm.type_name(v).to_string();
            return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
        }
    };
    let importer = match globals.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Dict(d)) => d.namespace,
        _ => None,
    };
    if level > 0 && importer.is_none() && globals != Value::None {
        // A plain dict: read `__package__` / `__name__` from it.
        return vm.err(
            ExcType::ImportError,
            "attempted relative import with no known parent package",
        );
    }
    // An empty or absent from-list imports like `import name`.
    let fl = if fromlist == Value::None || vm.truthy(fromlist)? {
        (fromlist != Value::None).then_some(fromlist)
    } else {
        None
    };
    let fl_tuple = match fl {
        Some(v) => {
            vm.heap.incref(v);
            let items = vm.collect_sync(v);
            vm.heap.decref(v);
            Some(vm.tuple(items?))
        }
        None => None,
    };
    let r = vm.import_name(&name, fl_tuple, level, importer, ret);
    if let Some(t) = fl_tuple {
        vm.heap.decref(t);
    }
    match r? {
        Some(v) => Ok(Ret::Value(v)),
        None => Ok(Ret::Pushed),
    }
}

/// `_display(path)`: how a module file is named (see [`Vm::display_path`]).
pub fn display(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let p = arg_str(vm, a, 0, "_display")?;
    let shown = vm.display_path(&p);
    Ok(Ret::Value(vm.str_value(&shown)))
}

/// `_run_main(name)`: runs a module as `__main__` (`yieldscope run -m`).
pub fn run_main(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let f = vm.import_system_func("_run_main")?;
    let args: Vec<Value> = a.pos.to_vec();
    for v in &args {
        vm.heap.incref(*v);
    }
    let r = vm.call_value(f, args, Vec::new(), ret);
    vm.heap.decref(f);
    match r? {
        Some(v) => Ok(Ret::Value(v)),
        None => Ok(Ret::Pushed),
    }
}

impl Vm {
    /// Loads a module to run as `__main__`, found on `sys.path` from the
    /// current folder (`yieldscope run -m name`).
    ///
    /// # Errors
    /// Never in practice: the module is found when the run starts, and a
    /// missing one ends the run with CPython's message.
    pub fn load_main_module(&mut self, name: &str) -> Result<(), VmError> {
        let quoted = crate::repr::str_repr(name);
        let src = format!("__import__('_ys_imp')._run_main({quoted})\n");
        self.load_main("<frozen runpy>", &src)
    }
}
