//! `import`: the provided stdlib modules (built in) and `.py` files beside
//! the main script, each run once and cached in `sys.modules`.

use crate::builtins::ExcType;
use crate::frame::RetMode;
use crate::intern::Sym;
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm, VmError};

impl Vm {
    /// Imports a module: `Some(module)` if ready, `None` if its body was pushed as a frame.
    pub(crate) fn import_module(&mut self, name: &str, level: u32) -> PyResult<Option<Ref>> {
        if level > 0 {
            return self.err(
                ExcType::ImportError,
                "attempted relative import with no known parent package",
            );
        }
        if let Some(&m) = self.modules.get(name) {
            return Ok(Some(m));
        }
        if let Some(m) = crate::stdlib::make_module(self, name) {
            return Ok(Some(m));
        }
        let top = name.split('.').next().unwrap_or(name);
        let path = self.search_dir.join(format!("{top}.py"));
        if top == name {
            if let Ok(text) = std::fs::read_to_string(&path) {
                let display = if self.main_dir.is_empty() {
                    format!("{top}.py")
                } else {
                    format!("{}/{top}.py", self.main_dir)
                };
                let code = match self.compile(&display, &text, name) {
                    Ok(c) => c,
                    Err(VmError::Syntax(e, p)) => {
                        let msg = format!(
                            "{} ({}, line {})",
                            e.message,
                            p.rsplit('/').next().unwrap_or(&p),
                            e.line
                        );
                        return self.err(ExcType::ImportError, msg);
                    }
                    Err(other) => return self.err(ExcType::ImportError, other.to_string()),
                };
                let m = self.new_module(name, Some(&display));
                self.push_module_frame(code, m, RetMode::Import(m));
                return Ok(None);
            }
        }
        self.err(
            ExcType::ModuleNotFoundError,
            format!("No module named '{name}'"),
        )
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
        let (mn, file) = match m.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Module(md)) => (
                md.name.to_string(),
                md.globals
                    .get(&crate::intern::sym::FILE)
                    .and_then(|f| self.as_str(*f))
                    .map(str::to_string),
            ),
            _ => (String::new(), None),
        };
        let loc = file.unwrap_or_else(|| "unknown location".to_string());
        self.err(
            ExcType::ImportError,
            format!("cannot import name '{n}' from '{mn}' ({loc})"),
        )
    }
}
