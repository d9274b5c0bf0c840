//! `import`, as CPython does it: `sys.modules` (a real dict, read and
//! written by programs) is consulted first, in Rust; on a miss the VM's own
//! modules are built at once, and everything found on `sys.path` goes
//! through the Python half of the import system (`bootstrap.py`, like
//! CPython's `importlib._bootstrap`), which finds specs with the natives in
//! `natives.rs`, runs module bodies as ordinary frames (so an import never
//! recurses on the Rust stack) and binds submodules to their parents.

pub mod finder;
pub(crate) mod natives;
pub mod python;

use crate::builtins::ExcType;
use crate::intern::{sym, Sym};
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// A module file a run imported: what a recording's header lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedModule {
    /// Its name (`pkg.mod`).
    pub name: String,
    /// Its path as the run named it (`__file__`).
    pub path: String,
    /// The sha256 of its source, in hex.
    pub sha256: String,
    /// Part of the program (outside the found CPython's stdlib and
    /// site-packages): its source belongs in a recording.
    pub own: bool,
}

/// Name of the frozen module holding the Python half of the import system.
const BOOTSTRAP: &str = "_ys_importlib";

impl Vm {
    /// `sys.modules`, the dict every import consults (borrowed; made on
    /// first use from the modules created so far).
    pub(crate) fn sys_modules(&mut self) -> Value {
        if let Some(d) = self.b.sys_modules {
            return Value::Obj(d);
        }
        // Immortal, like the modules it starts with: the VM holds it for
        // the whole run.
        let d = Value::Obj(self.heap.alloc_immortal(Object::Dict(Box::default())));
        let entries: Vec<(String, Ref)> =
            self.modules.iter().map(|(k, v)| (k.clone(), *v)).collect();
        for (k, m) in entries {
            let kv = self.str_value(&k);
            let _ = self.dict_set(d, kv, Value::Obj(m));
            self.heap.decref(kv);
        }
        self.b.sys_modules = d.as_ref();
        d
    }

    /// The dunder globals CPython gives a script's `__main__` module
    /// besides `__name__`, `__doc__` and `__file__`.
    pub(crate) fn init_main_globals(&mut self, m: Ref) {
        for n in ["__package__", "__spec__"] {
            let s = self.sym(n);
            self.module_set(m, s, Value::None);
        }
    }

    /// `sys.modules[name]` (borrowed), if present.
    pub(crate) fn loaded_module(&mut self, name: &str) -> PyResult<Option<Value>> {
        let d = self.sys_modules();
        let k = self.str_value(name);
        let r = self.dict_get(d, k);
        self.heap.decref(k);
        r
    }

    /// Registers a module in `sys.modules` under `name`.
    pub(crate) fn register_module(&mut self, name: &str, m: Ref) {
        let d = self.sys_modules();
        let k = self.str_value(name);
        let _ = self.dict_set(d, k, Value::Obj(m));
        self.heap.decref(k);
    }

    /// A module global (borrowed).
    pub(crate) fn mod_global(&self, m: Ref, s: Sym) -> Option<Value> {
        match self.heap.get(m) {
            Object::Module(md) => md.globals.get(&s).copied(),
            _ => None,
        }
    }

    /// `IMPORT_NAME`: the module `import name` binds (the top package), or
    /// with a from-list the module named. `Some(value)` (owned) when ready;
    /// `None` when the import system's frame was pushed (its result is
    /// delivered through `ret`). `fromlist` is borrowed.
    pub(crate) fn import_name(
        &mut self,
        name: &str,
        fromlist: Option<Value>,
        level: u32,
        importer: Option<Ref>,
        ret: crate::frame::RetMode,
    ) -> PyResult<Option<Value>> {
        let abs = if level > 0 {
            self.resolve_relative(name, level, importer)?
        } else {
            if name.is_empty() {
                return self.value_error("Empty module name");
            }
            name.to_string()
        };
        if let Some(v) = self.loaded_module(&abs)? {
            if v != Value::None {
                if let Some(done) = self.import_done(&abs, v, fromlist, level)? {
                    self.heap.incref(done);
                    return Ok(Some(done));
                }
            }
        } else if !abs.contains('.') && crate::stdlib::provides(&abs, &self.search_dir) {
            if let Some(m) = crate::stdlib::make_module(self, &abs) {
                if fromlist.is_none() || !self.has_path(Value::Obj(m)) {
                    return Ok(Some(Value::Obj(m)));
                }
            }
        }
        let f = self.bootstrap_func("_import")?;
        let n = self.str_value(&abs);
        let fl = match fromlist {
            Some(v) => {
                self.heap.incref(v);
                v
            }
            None => Value::None,
        };
        let top = Value::Bool(level == 0 && fromlist.is_none());
        let r = self.call_value(f, vec![n, fl, top], Vec::new(), ret);
        self.heap.decref(f);
        r
    }

    /// The module an import of a loaded `abs` gives, when no import work is
    /// left (borrowed), else `None`.
    fn import_done(
        &mut self,
        abs: &str,
        v: Value,
        fromlist: Option<Value>,
        level: u32,
    ) -> PyResult<Option<Value>> {
        match fromlist {
            None => {
                if level == 0 {
                    if let Some((top, _)) = abs.split_once('.') {
                        return self.loaded_module(top);
                    }
                }
                Ok(Some(v))
            }
            Some(fl) => {
                if !self.has_path(v) {
                    return Ok(Some(v));
                }
                let names: Vec<Value> = match fl.as_ref().map(|r| self.heap.get(r)) {
                    Some(Object::Tuple(t)) => t.to_vec(),
                    _ => return Ok(None),
                };
                for n in names {
                    let Some(s) = self.as_str(n).map(str::to_string) else {
                        return Ok(None);
                    };
                    if s == "*" {
                        return Ok(None);
                    }
                    let sy = self.sym(&s);
                    if !self.module_has(v, sy) {
                        return Ok(None);
                    }
                }
                Ok(Some(v))
            }
        }
    }

    fn module_has(&self, v: Value, s: Sym) -> bool {
        match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Module(md)) => md.globals.contains_key(&s),
            _ => false,
        }
    }

    /// Whether a module is a package (has `__path__`).
    fn has_path(&mut self, v: Value) -> bool {
        let s = self.sym("__path__");
        match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Module(md)) => md.globals.contains_key(&s),
            _ => true,
        }
    }

    /// The absolute name of a relative import from the module `importer`
    /// (CPython's `_calc___package__` and `_resolve_name`).
    fn resolve_relative(
        &mut self,
        name: &str,
        level: u32,
        importer: Option<Ref>,
    ) -> PyResult<String> {
        let package = match importer {
            Some(m) => self.package_of(m)?,
            None => String::new(),
        };
        if package.is_empty() {
            return self.err(
                ExcType::ImportError,
                "attempted relative import with no known parent package",
            );
        }
        let keep = level as usize - 1;
        let parts: Vec<&str> = package.rsplitn(keep + 1, '.').collect();
        if parts.len() < level as usize {
            return self.err(
                ExcType::ImportError,
                "attempted relative import beyond top-level package",
            );
        }
        let base = parts.last().copied().unwrap_or("");
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// A module's package: `__package__`, else its spec's parent, else
    /// derived from `__name__` and `__path__`.
    fn package_of(&mut self, m: Ref) -> PyResult<String> {
        let pkg = self.sym("__package__");
        if let Some(v) = self.mod_global(m, pkg) {
            if v != Value::None {
                return match self.as_str(v) {
                    Some(s) => Ok(s.to_string()),
                    None => self.type_error("package must be a string"),
                };
            }
        }
        let spec = self.sym("__spec__");
        if let Some(sv) = self.mod_global(m, spec) {
            if sv != Value::None {
                let parent = self.sym("parent");
                let p = self.get_attr(sv, parent)?;
                let s = self.as_str(p).map(str::to_string);
                self.heap.decref(p);
                if let Some(s) = s {
                    return Ok(s);
                }
            }
        }
        let name = self
            .mod_global(m, sym::NAME)
            .and_then(|v| self.as_str(v).map(str::to_string));
        let Some(name) = name else {
            return self.err(ExcType::KeyError, "'__name__' not in globals");
        };
        let path = self.sym("__path__");
        if self.mod_global(m, path).is_some() {
            return Ok(name);
        }
        Ok(name
            .rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default())
    }

    /// A function of the import system's Python half (owned), loading it
    /// first.
    fn bootstrap_func(&mut self, name: &str) -> PyResult<Value> {
        let m = match self.modules.get(BOOTSTRAP) {
            Some(&m) => m,
            None => {
                let m = self.new_module(BOOTSTRAP, None);
                crate::stdlib::run_prelude(self, m, BOOTSTRAP, include_str!("bootstrap.py"));
                m
            }
        };
        let s = self.sym(name);
        match self.mod_global(m, s) {
            Some(f) => {
                self.heap.incref(f);
                Ok(f)
            }
            None => self.err(ExcType::ImportError, "the import system failed to start"),
        }
    }

    /// `importlib.import_module` and friends: the bootstrap's function of
    /// that name.
    pub(crate) fn import_system_func(&mut self, name: &str) -> PyResult<Value> {
        self.bootstrap_func(name)
    }

    /// `from m import name`.
    pub(crate) fn import_from(&mut self, m: Value, name: Sym) -> PyResult<Value> {
        let found = match m.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Module(md)) => md.globals.get(&name).copied(),
            _ => None,
        };
        if let Some(v) = found {
            self.heap.incref(v);
            return Ok(v);
        }
        let n = self.names.name(name).to_string();
        let is_module = matches!(
            m.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Module(_))
        );
        // Any other object in sys.modules, and names a module answers
        // without a global (`from builtins import str`): an attribute look-up.
        match self.get_attr(m, name) {
            Ok(v) => return Ok(v),
            Err(e) => self.heap.decref(e),
        }
        let mn = match m.as_ref() {
            Some(r) if is_module => self
                .mod_global(r, sym::NAME)
                .and_then(|v| self.as_str(v).map(str::to_string)),
            _ => None,
        };
        // A circular import may have bound the submodule in sys.modules
        // before its parent's attribute.
        if let Some(mn) = &mn {
            if let Some(sub) = self.loaded_module(&format!("{mn}.{n}"))? {
                self.heap.incref(sub);
                return Ok(sub);
            }
        }
        let mn = mn.unwrap_or_else(|| "<unknown module name>".to_string());
        let file = match m.as_ref() {
            Some(r) if is_module => self
                .mod_global(r, sym::FILE)
                .and_then(|f| self.as_str(f).map(str::to_string)),
            _ => None,
        };
        let loc = file.unwrap_or_else(|| "unknown location".to_string());
        if self.initializing(m) {
            return self.err(
                ExcType::ImportError,
                format!(
                    "cannot import name '{n}' from partially initialized module '{mn}' \
                     (most likely due to a circular import) ({loc})"
                ),
            );
        }
        self.err(
            ExcType::ImportError,
            format!("cannot import name '{n}' from '{mn}' ({loc})"),
        )
    }

    /// Whether a module's body is still running (`__spec__._initializing`).
    fn initializing(&mut self, m: Value) -> bool {
        let Some(r) = m.as_ref() else { return false };
        let spec = self.sym("__spec__");
        let Some(sv) = self.mod_global(r, spec) else {
            return false;
        };
        if sv == Value::None {
            return false;
        }
        let s = self.sym("_initializing");
        match self.get_attr(sv, s) {
            Ok(v) => {
                let t = v == Value::Bool(true);
                self.heap.decref(v);
                t
            }
            Err(e) => {
                self.heap.decref(e);
                false
            }
        }
    }

    /// `from m import *`: the names in `__all__`, else every public global.
    pub(crate) fn import_star(&mut self, m: Value, target: Ref) -> PyResult<()> {
        let all_sym = self.sym("__all__");
        let all = m.as_ref().and_then(|r| self.mod_global(r, all_sym));
        let names: Vec<Sym> = match all {
            Some(a) => {
                self.heap.incref(a);
                let items = self.collect_sync(a);
                self.heap.decref(a);
                let items = items?;
                let mut out = Vec::new();
                let mut bad = None;
                for it in &items {
                    match self.as_str(*it) {
                        Some(s) => out.push(s.to_string()),
                        None => bad = Some(self.type_name(*it).to_string()),
                    }
                }
                self.heap.decref_all(items);
                if let Some(t) = bad {
                    let mn = self.module_name_of(m);
                    return self.type_error(format!("Item in {mn}.__all__ must be str, not {t}"));
                }
                out.iter().map(|s| self.sym(s)).collect()
            }
            None => match m.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::Module(md)) => md
                    .globals
                    .keys()
                    .copied()
                    .filter(|k| !self.names.name(*k).starts_with('_'))
                    .collect(),
                _ => Vec::new(),
            },
        };
        for k in names {
            let v = self.get_attr(m, k)?;
            self.module_set(target, k, v);
        }
        Ok(())
    }

    fn module_name_of(&self, m: Value) -> String {
        match m.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Module(md)) => md.name.to_string(),
            _ => String::new(),
        }
    }
}
