//! Dynamic code: `exec`, `eval` and `compile`, with globals and locals
//! mappings.
//!
//! Functions find their globals through a module ([`Function::module`]),
//! whose symbol table `LOAD_GLOBAL` reads. A plain `dict` given to `exec` or
//! `eval` as globals gets a module of its own, unregistered in
//! `sys.modules`, whose live namespace dict *is* that dict (the link
//! `namespace.rs` keeps for `globals()`): writes on either side reach the
//! other, functions defined by the code see the dict as `__globals__`, and
//! global look-ups keep their fast path. Passing the same dict again reuses
//! the module while it lives; when it is freed the dict is unlinked (see
//! `Heap::object_freed`).
//!
//! [`Function::module`]: crate::object::Function

use crate::builtins::{Args, ExcType, Ret};
use crate::code::{CodeId, CodeKind};
use crate::frame::{Frame, FrameKind, PyFrame, RetMode};
use crate::intern::Sym;
use crate::object::{Attrs, Module, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm, VmError};

/// How `compile()` reads its source.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Statements.
    Exec,
    /// One expression, whose value the code returns.
    Eval,
    /// One interactive statement: expression values are displayed.
    Single,
}

impl Vm {
    /// The module whose namespace is the dict `d`, made on first use (a new
    /// reference).
    pub(crate) fn globals_module(&mut self, d: Ref) -> PyResult<Ref> {
        if let Some(m) = self.namespace_of(d) {
            self.heap.incref(Value::Obj(m));
            return Ok(m);
        }
        // `__builtins__` is added when missing, as CPython's exec does.
        let bkey = self.str_value("__builtins__");
        let has = self.dict_get(Value::Obj(d), bkey)?.is_some();
        if !has {
            let bm = self.b.module();
            let bd = self.module_dict(bm);
            let r = self.dict_set(Value::Obj(d), bkey, bd);
            self.heap.decref(bd);
            if let Err(e) = r {
                self.heap.decref(bkey);
                return Err(e);
            }
        }
        self.heap.decref(bkey);
        let entries: Vec<(Value, Value)> = match self.heap.get(d) {
            Object::Dict(dd) => dd.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        let mut globals = Attrs::default();
        // No `__name__` in the globals: functions defined there have
        // `__module__` None (an empty module name stands for it).
        let mut name = String::new();
        for (k, v) in entries {
            let Some(text) = self.as_str(k).map(str::to_string) else {
                continue;
            };
            if text == "__name__" {
                if let Some(n) = self.as_str(v) {
                    name = n.to_string();
                }
            }
            let s = self.sym(&text);
            self.heap.incref(v);
            if let Some(old) = globals.insert(s, v) {
                self.heap.decref(old);
            }
        }
        self.heap.incref(Value::Obj(d));
        let m = self.heap.alloc(Object::Module(Box::new(Module {
            name: name.into(),
            globals,
            dict: Some(d),
        })));
        if let Object::Dict(dd) = self.heap.get_mut(d) {
            dd.namespace = Some(m);
        }
        Ok(m)
    }

    /// Compiles `text` from `compile()`, `exec` or `eval`.
    pub(crate) fn compile_dynamic(
        &mut self,
        text: &str,
        filename: &str,
        mode: Mode,
    ) -> PyResult<CodeId> {
        let module = self
            .frames
            .iter()
            .rev()
            .find_map(|f| match &f.kind {
                FrameKind::Py(p) => Some(p.module),
                FrameKind::Native(_) => None,
            })
            .and_then(|m| match self.heap.get(m) {
                Object::Module(md) => Some(md.name.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| "__main__".to_string());
        let r = match mode {
            Mode::Exec => self.compile_with(filename, text, &module, |ctx, t, i| {
                crate::compile::compile_exec(ctx, t, i)
            }),
            Mode::Eval => self.compile_with(filename, text, &module, |ctx, t, i| {
                crate::compile::compile_eval(ctx, t, i)
            }),
            Mode::Single => {
                let hook = crate::builtins::func_ref(
                    self,
                    crate::builtins::Owner::Module("sys"),
                    "displayhook",
                )
                .map_or(Value::None, Value::Obj);
                self.compile_with(filename, text, &module, |ctx, t, i| {
                    crate::compile::compile_single(ctx, t, i, hook)
                })
            }
        };
        match r {
            Ok(c) => Ok(c),
            Err(VmError::Syntax(e, path)) => {
                let msg = e.message.clone();
                let exc = self.new_exc(ExcType::SyntaxError, &msg);
                let fields = [
                    ("msg", self.str_value(&msg)),
                    ("filename", self.str_value(&path)),
                    ("lineno", Value::Int(i64::from(e.line))),
                    ("offset", Value::Int(i64::from(e.col))),
                    (
                        "end_offset",
                        Value::Int(i64::from(e.col) + i64::from(e.carets.max(1))),
                    ),
                    (
                        "text",
                        self.str_value(&format!("{}\n", e.text.trim_end_matches('\n'))),
                    ),
                ];
                for (k, v) in fields {
                    let s = self.sym(k);
                    if let Some(Object::Exception(eo)) = exc.as_ref().map(|r| self.heap.get_mut(r))
                    {
                        if let Some(old) = eo.attrs.insert(s, v) {
                            self.heap.decref(old);
                        }
                    } else {
                        self.heap.decref(v);
                    }
                }
                Err(exc)
            }
            Err(other) => self.err(ExcType::SystemError, other.to_string()),
        }
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
/// Flags other than the ones CPython rejects are accepted and ignored.
pub fn compile(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let got = bind(vm, a, "compile", &names, 3)?;
    let (src, fname, mode) = (got[0], got[1], got[2]);
    let Some(mode_s) = vm.as_str(mode).map(str::to_string) else {
        let tn = vm.type_name(mode);
        return vm.type_error(format!("compile() argument 'mode' must be str, not {tn}"));
    };
    let mode = match mode_s.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => {
            return vm.value_error("compile() mode must be 'exec', 'eval' or 'single'");
        }
    };
    let Some(fname) = vm.as_str(fname).map(str::to_string) else {
        let tn = vm.type_name(fname);
        return vm.type_error(format!(
            "compile() argument 'filename' must be str, bytes or os.PathLike, not {tn}"
        ));
    };
    if let Some(id) = code_id_of(vm, src) {
        return code_object(vm, id);
    }
    let Some(text) = source_text(vm, src) else {
        return vm.type_error("compile() arg 1 must be a string, bytes or AST object");
    };
    let id = vm.compile_dynamic(&text, &fname, mode)?;
    code_object(vm, id)
}

/// `exec(source, globals=None, locals=None)`.
pub fn exec(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let got = bind(vm, a, "exec", &["source", "globals", "locals"], 1)?;
    let (g, l) = (got[1], got[2]);
    if g != Value::None && !is_dict(vm, g) {
        let tn = vm.type_name(g);
        return vm.type_error(format!("exec() globals must be a dict, not {tn}"));
    }
    if l != Value::None && !is_mapping(vm, l) {
        let tn = vm.type_name(l);
        return vm.type_error(format!("locals must be a mapping or None, not {tn}"));
    }
    let code = match code_id_of(vm, got[0]) {
        Some(id) => id,
        None => {
            let Some(text) = source_text(vm, got[0]) else {
                return vm.type_error("exec() arg 1 must be a string, bytes or code object");
            };
            vm.compile_dynamic(&text, "<string>", Mode::Exec)?
        }
    };
    run(vm, "exec", code, g, l, ret)
}

/// `eval(expression, globals=None, locals=None)`.
pub fn eval(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    if !a.kw.is_empty() {
        return vm.type_error("eval() takes no keyword arguments");
    }
    let got = bind(vm, a, "eval", &["source", "globals", "locals"], 1)?;
    let (g, l) = (got[1], got[2]);
    if l != Value::None && !is_mapping(vm, l) {
        return vm.type_error("locals must be a mapping");
    }
    if g != Value::None && !is_dict(vm, g) {
        let mapping = is_mapping(vm, g);
        return vm.type_error(if mapping {
            "globals must be a real dict; try eval(expr, {}, mapping)"
        } else {
            "globals must be a dict"
        });
    }
    let code = match code_id_of(vm, got[0]) {
        Some(id) => id,
        None => {
            let Some(text) = source_text(vm, got[0]) else {
                return vm.type_error("eval() arg 1 must be a string, bytes or code object");
            };
            // CPython strips leading blanks of an expression given as text.
            let text = text.trim_start_matches([' ', '\t']).to_string();
            vm.compile_dynamic(&text, "<string>", Mode::Eval)?
        }
    };
    run(vm, "eval", code, g, l, ret)
}

/// Pushes a frame running `code` with globals `g` and locals `l` (borrowed;
/// `None` means the caller's).
fn run(vm: &mut Vm, fname: &str, code: CodeId, g: Value, l: Value, ret: RetMode) -> PyResult<Ret> {
    require_dict_locals(vm, l)?;
    let (nfree, ncells, is_gen) = {
        let c = vm.code(code);
        (c.freevars.len(), c.cellvars.len(), c.is_generator)
    };
    if nfree > 0 {
        return vm.type_error(format!(
            "code object passed to {fname}() may not contain free variables"
        ));
    }
    if is_gen {
        // The generator CPython would make is dropped unstarted.
        return Ok(Ret::Value(Value::None));
    }
    let caller = vm.frames.iter().rev().find_map(|f| match &f.kind {
        FrameKind::Py(p) => Some((**p).clone()),
        FrameKind::Native(_) => None,
    });
    let (module, ns) = if let Some(gd) = g.as_ref() {
        let m = vm.globals_module(gd)?;
        let ns = match l.as_ref() {
            Some(lr) if lr != gd => {
                vm.heap.incref(l);
                Some(lr)
            }
            _ => None,
        };
        (m, ns)
    } else {
        let Some(cf) = caller else {
            return vm.err(ExcType::SystemError, "frame does not exist");
        };
        vm.heap.incref(Value::Obj(cf.module));
        let ns = if let Some(lr) = l.as_ref() {
            vm.heap.incref(l);
            Some(lr)
        } else if let Some(ns) = cf.ns {
            vm.heap.incref(Value::Obj(ns));
            Some(ns)
        } else if vm.code(cf.code).kind == CodeKind::Module {
            None
        } else {
            let d = crate::builtins::introspect::frame_locals(vm, &cf)?;
            d.as_ref()
        };
        (cf.module, ns)
    };
    let nlocals = vm.code(code).varnames.len();
    let cells = (0..ncells)
        .map(|_| vm.heap.alloc(Object::Cell(Value::Undef)))
        .collect();
    let frame = PyFrame {
        locals: vec![Value::Undef; nlocals],
        cells,
        ns,
        ..PyFrame::new(code, module)
    };
    vm.push_frame(Frame {
        ret,
        kind: FrameKind::Py(Box::new(frame)),
    })?;
    Ok(Ret::Pushed)
}

/// Binds positional-or-keyword arguments by name (borrowed; missing ones
/// are `None`).
fn bind(
    vm: &mut Vm,
    a: &Args<'_>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Value>> {
    if a.pos.len() > names.len() {
        return vm.type_error(format!(
            "{fname}() takes at most {} arguments ({} given)",
            names.len(),
            a.pos.len()
        ));
    }
    let mut out = vec![Value::Undef; names.len()];
    out[..a.pos.len()].copy_from_slice(a.pos);
    for (k, v) in a.kw {
        let kn = vm.names.name(*k).to_string();
        let Some(i) = names.iter().position(|n| *n == kn) else {
            return vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{kn}'"
            ));
        };
        if out[i] != Value::Undef {
            return vm.type_error(format!(
                "argument for {fname}() given by name ('{kn}') and position ({})",
                i + 1
            ));
        }
        out[i] = *v;
    }
    for (i, v) in out.iter_mut().enumerate() {
        if *v == Value::Undef {
            if i < required {
                return vm.type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                ));
            }
            *v = Value::None;
        }
    }
    Ok(out)
}

fn is_dict(vm: &Vm, v: Value) -> bool {
    matches!(v.as_ref().map(|r| vm.heap.get(r)), Some(Object::Dict(_)))
}

/// What CPython's `PyMapping_Check` accepts: a type with item access.
fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(
            Object::Dict(_)
            | Object::List(_)
            | Object::Tuple(_)
            | Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::Range(..)
            | Object::BigRange(_),
        ) => true,
        Some(Object::Instance(_)) => {
            let c = vm.class_ref(v);
            let s = vm.sym("__getitem__");
            vm.class_lookup(c, s).is_some()
        }
        _ => false,
    }
}

/// Locals other than a `dict` pass CPython's checks but are not supported:
/// frames read names from dicts only.
fn require_dict_locals(vm: &mut Vm, l: Value) -> PyResult<()> {
    if l == Value::None || is_dict(vm, l) {
        return Ok(());
    }
    let tn = vm.type_name(l);
    vm.type_error(format!("locals must be a dict in this VM, not {tn}"))
}

/// The text of a `str` or UTF-8 `bytes` source.
fn source_text(vm: &Vm, v: Value) -> Option<String> {
    if let Some(s) = vm.as_str(v) {
        return Some(s.to_string());
    }
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Bytes(b)) => Some(String::from_utf8_lossy(b).into_owned()),
        Some(Object::ByteArray(b)) => Some(String::from_utf8_lossy(b).into_owned()),
        _ => None,
    }
}

/// The code a code object (the `_introspect.code` class) stands for.
pub(crate) fn code_id_of(vm: &mut Vm, v: Value) -> Option<CodeId> {
    let r = v.as_ref()?;
    let Object::Instance(inst) = vm.heap.get(r) else {
        return None;
    };
    let cls = inst.class;
    let id_sym = vm.names.lookup("_ys_id")?;
    let id = inst.attrs.get(&id_sym).copied()?;
    let is_code = match vm.heap.get(cls) {
        Object::Class(c) => &*c.name == "code" && &*c.module == "builtins",
        _ => false,
    };
    match id {
        Value::Int(i) if is_code => {
            let i = u32::try_from(i).ok()?;
            ((i as usize) < vm.codes.len()).then_some(CodeId(i))
        }
        _ => None,
    }
}

/// The code object for `id` (shared per code, as `f.__code__`).
fn code_object(vm: &mut Vm, id: CodeId) -> PyResult<Ret> {
    let info = crate::builtins::introspect::code_info(vm, id);
    let Some(f) = crate::stdlib::introspect_helper(vm, "_code_of") else {
        vm.heap.decref(info);
        return vm.err(ExcType::SystemError, "code objects are unavailable");
    };
    vm.call_sync(f, vec![info], Vec::new()).map(Ret::Value)
}

/// `sys.displayhook(value)`: prints the repr of a value that is not `None`.
pub fn displayhook(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        return vm.type_error(format!(
            "displayhook() takes exactly one argument ({} given)",
            a.pos.len() + a.kw.len()
        ));
    }
    let v = a.pos[0];
    if v != Value::None {
        let text = vm.repr(v)?;
        vm.write(crate::vm::Stream::Stdout, &format!("{text}\n"));
    }
    Ok(Ret::Value(Value::None))
}

impl Vm {
    /// A name in a dict serving as a frame's locals (`exec`/`eval`), as a
    /// new reference.
    pub(crate) fn locals_dict_get(&mut self, d: Ref, s: Sym) -> PyResult<Option<Value>> {
        let n = self.names.name(s).to_string();
        let key = self.str_value(&n);
        if !matches!(self.heap.get(d), Object::Dict(_)) {
            return self.mapping_locals_get(d, key);
        }
        let r = self.dict_get(Value::Obj(d), key);
        self.heap.decref(key);
        let found = r?;
        if let Some(v) = found {
            self.heap.incref(v);
        }
        Ok(found)
    }

    /// Binds a name in a locals dict (takes `v`).
    pub(crate) fn locals_dict_set(&mut self, d: Ref, s: Sym, v: Value) -> PyResult<()> {
        let n = self.names.name(s).to_string();
        let key = self.str_value(&n);
        if !matches!(self.heap.get(d), Object::Dict(_)) {
            let r = self.set_item(Value::Obj(d), key, v);
            self.heap.decref(key);
            self.heap.decref(v);
            return r;
        }
        let r = self.dict_set(Value::Obj(d), key, v);
        self.heap.decref(key);
        self.heap.decref(v);
        r
    }

    /// Unbinds a name in a locals dict; its owned value, if it was bound.
    pub(crate) fn locals_dict_del(&mut self, d: Ref, s: Sym) -> PyResult<Option<Value>> {
        let n = self.names.name(s).to_string();
        let key = self.str_value(&n);
        if !matches!(self.heap.get(d), Object::Dict(_)) {
            return self.mapping_locals_del(d, key);
        }
        let r = self.dict_remove(Value::Obj(d), key);
        self.heap.decref(key);
        r
    }
}

impl Vm {
    /// For a `SyntaxError` carrying its location (from `compile`, `exec`,
    /// `eval`): the `File "…", line N` block CPython prints above the
    /// message, and the message (`msg`).
    pub(crate) fn syntax_error_block(&mut self, exc: Value) -> Option<(String, String)> {
        if !self.is_instance_of_exc(exc, ExcType::SyntaxError) {
            return None;
        }
        let get = |vm: &mut Vm, n: &str| {
            let s = vm.sym(n);
            match exc.as_ref().map(|r| vm.heap.get(r)) {
                Some(Object::Exception(e)) => e.attrs.get(&s).copied(),
                _ => None,
            }
        };
        let msg = get(self, "msg").and_then(|v| self.as_str(v).map(str::to_string))?;
        let file = get(self, "filename").and_then(|v| self.as_str(v).map(str::to_string))?;
        let Some(Value::Int(line)) = get(self, "lineno") else {
            return None;
        };
        let mut block = format!("  File \"{file}\", line {line}\n");
        let text = get(self, "text").and_then(|v| self.as_str(v).map(str::to_string));
        if let (Some(text), Some(Value::Int(off))) = (text, get(self, "offset")) {
            let end = match get(self, "end_offset") {
                Some(Value::Int(e)) if e > off => e,
                _ => off + 1,
            };
            let trimmed = text.trim_start();
            let indent = text.chars().count() - trimmed.chars().count();
            let pad = usize::try_from(off).unwrap_or(1).saturating_sub(1 + indent);
            let carets = usize::try_from(end - off).unwrap_or(1).max(1);
            block.push_str(&format!(
                "    {}\n    {}{}\n",
                trimmed.trim_end(),
                " ".repeat(pad),
                "^".repeat(carets)
            ));
        }
        Some((block, msg))
    }
}
