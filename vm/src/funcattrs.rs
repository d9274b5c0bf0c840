//! The writable and computed attributes of function objects (`__defaults__`,
//! `__kwdefaults__`, `__globals__`, `__annotations__`, `__name__`, …) and
//! `types.MethodType(func, obj)`, with CPython's checks and messages.

use crate::builtins::{Args, ExcType, Ret};
use crate::intern::Sym;
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// `types.MethodType(function, instance)`.
pub(crate) fn new_method(vm: &mut Vm, a: &Args<'_>) -> PyResult<Ret> {
    if !a.kw.is_empty() {
        return vm.type_error("method() takes no keyword arguments");
    }
    if a.pos.len() != 2 {
        return vm.type_error(format!("method expected 2 arguments, got {}", a.pos.len()));
    }
    let (func, this) = (a.pos[0], a.pos[1]);
    if !is_callable(vm, func) {
        return vm.type_error("first argument must be callable");
    }
    if this == Value::None {
        return vm.type_error("instance must not be None");
    }
    vm.heap.incref(func);
    vm.heap.incref(this);
    Ok(Ret::Value(Value::Obj(
        vm.heap.alloc(Object::BoundMethod(this, func)),
    )))
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(
            Object::Function(_)
            | Object::Builtin(_)
            | Object::BoundMethod(..)
            | Object::Class(_)
            | Object::Partial(_),
        ) => true,
        Some(Object::Instance(_)) => {
            let c = vm.class_ref(v);
            vm.class_lookup(c, crate::intern::sym::CALL).is_some()
        }
        _ => false,
    }
}

impl Vm {
    /// Computed attributes of a function not kept in its `__dict__`:
    /// `__globals__`, `__builtins__`, `__annotations__` (made empty on first
    /// read, as CPython's) and an assigned `__module__`. `None` when `name`
    /// is none of them.
    pub(crate) fn function_attr(&mut self, r: Ref, name: &str) -> PyResult<Option<Value>> {
        let (module, stored) = match self.heap.get(r) {
            Object::Function(f) => {
                let s = self.names.lookup(name);
                (f.module, s.and_then(|s| f.attrs.get(&s).copied()))
            }
            _ => return Ok(None),
        };
        Ok(Some(match name {
            "__globals__" => self.module_dict(module),
            "__builtins__" => {
                let b = self.b.module();
                self.module_dict(b)
            }
            "__annotations__" => {
                if let Some(v) = stored {
                    self.heap.incref(v);
                    v
                } else {
                    let d = self.new_dict();
                    self.heap.incref(d);
                    let s = self.sym("__annotations__");
                    if let Object::Function(f) = self.heap.get_mut(r) {
                        f.attrs.insert(s, d);
                    }
                    d
                }
            }
            "__module__" => match stored {
                Some(v) => {
                    self.heap.incref(v);
                    v
                }
                None => return Ok(None),
            },
            _ => return Ok(None),
        }))
    }

    /// Assigns one of a function's special attributes (takes `v`); `false`
    /// (and `v` untouched) when `name` is an ordinary attribute.
    pub(crate) fn function_setattr(&mut self, r: Ref, name: Sym, v: Value) -> PyResult<bool> {
        let n = self.names.name(name).to_string();
        match n.as_str() {
            "__defaults__" => {
                let items = match v.as_ref().map(|x| self.heap.get(x)) {
                    _ if v == Value::None => Vec::new(),
                    Some(Object::Tuple(t)) => t.to_vec(),
                    _ => {
                        self.heap.decref(v);
                        return self.type_error("__defaults__ must be set to a tuple object");
                    }
                };
                for x in &items {
                    self.heap.incref(*x);
                }
                self.heap.decref(v);
                let old = match self.heap.get_mut(r) {
                    Object::Function(f) => std::mem::replace(&mut f.defaults, items),
                    _ => items,
                };
                self.heap.decref_all(old);
                Ok(true)
            }
            "__kwdefaults__" => {
                let entries: Vec<(Value, Value)> = match v.as_ref().map(|x| self.heap.get(x)) {
                    _ if v == Value::None => Vec::new(),
                    Some(Object::Dict(d)) => d.iter().map(|e| (e.key, e.value)).collect(),
                    _ => {
                        self.heap.decref(v);
                        return self.type_error("__kwdefaults__ must be set to a dict object");
                    }
                };
                let mut kd = Vec::new();
                for (k, x) in entries {
                    if let Some(s) = self.as_str(k).map(str::to_string) {
                        let s = self.sym(&s);
                        self.heap.incref(x);
                        kd.push((s, x));
                    }
                }
                self.heap.decref(v);
                let old = match self.heap.get_mut(r) {
                    Object::Function(f) => std::mem::replace(&mut f.kwdefaults, kd),
                    _ => kd,
                };
                self.heap.decref_all(old.into_iter().map(|(_, x)| x));
                Ok(true)
            }
            "__name__" | "__qualname__" => {
                let Some(s) = self.as_str(v).map(str::to_string) else {
                    self.heap.decref(v);
                    return self.type_error(format!("{n} must be set to a string object"));
                };
                self.heap.decref(v);
                let sym = self.sym(&s);
                if let Object::Function(f) = self.heap.get_mut(r) {
                    if n == "__name__" {
                        f.name = sym;
                    } else {
                        f.qualname = s.into();
                    }
                }
                Ok(true)
            }
            "__doc__" => {
                if let Object::Function(f) = self.heap.get_mut(r) {
                    let old = std::mem::replace(&mut f.doc, v);
                    self.heap.decref(old);
                }
                Ok(true)
            }
            "__annotations__" => {
                let ok = v == Value::None
                    || matches!(v.as_ref().map(|x| self.heap.get(x)), Some(Object::Dict(_)));
                if !ok {
                    self.heap.decref(v);
                    return self.type_error("__annotations__ must be set to a dict object");
                }
                let v = if v == Value::None { self.new_dict() } else { v };
                let old = match self.heap.get_mut(r) {
                    Object::Function(f) => f.attrs.insert(name, v),
                    _ => None,
                };
                if let Some(o) = old {
                    self.heap.decref(o);
                }
                Ok(true)
            }
            "__globals__" | "__builtins__" | "__closure__" => {
                self.heap.decref(v);
                self.err(ExcType::AttributeError, "readonly attribute")
            }
            _ => Ok(false),
        }
    }
}

/// The data attributes of built-in objects that the VM computes rather than
/// stores in a class (for `dir()`).
pub(crate) fn data_attr_names(obj: &Object) -> &'static [&'static str] {
    match obj {
        Object::Generator(_) => &[
            "__name__",
            "__qualname__",
            "gi_code",
            "gi_frame",
            "gi_running",
            "gi_suspended",
            "gi_yieldfrom",
        ],
        Object::Function(_) => &[
            "__annotations__",
            "__builtins__",
            "__closure__",
            "__code__",
            "__defaults__",
            "__dict__",
            "__doc__",
            "__globals__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ],
        Object::BoundMethod(..) => &["__func__", "__self__", "__doc__"],
        _ => &[],
    }
}

/// `iterator.__next__()` and `generator.__next__()`: what `next(it)` does.
pub fn iter_next(vm: &mut Vm, a: &Args<'_>, ret: crate::frame::RetMode) -> PyResult<Ret> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        let n = a.pos.len().saturating_sub(1) + a.kw.len();
        return vm.type_error(format!("expected 0 arguments, got {n}"));
    }
    crate::builtins::next_native(vm, a, ret)
}

/// `iterator.__iter__()`: the iterator itself.
pub fn iter_self(vm: &mut Vm, a: &Args<'_>, _ret: crate::frame::RetMode) -> PyResult<Ret> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        let n = a.pos.len().saturating_sub(1) + a.kw.len();
        return vm.type_error(format!("expected 0 arguments, got {n}"));
    }
    vm.heap.incref(a.pos[0]);
    Ok(Ret::Value(a.pos[0]))
}

impl Vm {
    /// Stores the annotations dict (owned) a `def` evaluated.
    pub(crate) fn set_function_annotations(&mut self, f: Value, ann: Value) {
        let s = self.sym("__annotations__");
        let old = match f.as_ref().map(|r| self.heap.get_mut(r)) {
            Some(Object::Function(fo)) => fo.attrs.insert(s, ann),
            _ => Some(ann),
        };
        if let Some(o) = old {
            self.heap.decref(o);
        }
    }

    /// `SETUP_ANNOTATIONS`: an empty `__annotations__` in the running
    /// module's or class body's namespace, unless it has one.
    pub(crate) fn setup_annotations(&mut self) -> PyResult<()> {
        let s = self.sym("__annotations__");
        let (module, ns) = match self.frames.last().map(|f| &f.kind) {
            Some(crate::frame::FrameKind::Py(p)) => (p.module, p.ns),
            _ => return Ok(()),
        };
        match ns {
            Some(ns) if matches!(self.heap.get(ns), Object::Namespace(_)) => {
                let has = matches!(self.heap.get(ns), Object::Namespace(a) if a.contains_key(&s));
                if !has {
                    let d = self.new_dict();
                    if let Object::Namespace(a) = self.heap.get_mut(ns) {
                        a.insert(s, d);
                    }
                }
            }
            Some(ns) => {
                if self
                    .locals_dict_get(ns, s)?
                    .map(|v| self.heap.decref(v))
                    .is_none()
                {
                    let d = self.new_dict();
                    self.locals_dict_set(ns, s, d)?;
                }
            }
            None => {
                let has = matches!(self.heap.get(module), Object::Module(m) if m.globals.contains_key(&s));
                if !has {
                    let d = self.new_dict();
                    self.module_set(module, s, d);
                }
            }
        }
        Ok(())
    }
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`.
pub(crate) fn new_function(vm: &mut Vm, a: &Args<'_>) -> PyResult<Ret> {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let mut got = [Value::Undef; 5];
    if a.pos.len() > 5 {
        return vm.type_error(format!(
            "function expected at most 5 arguments, got {}",
            a.pos.len()
        ));
    }
    got[..a.pos.len()].copy_from_slice(a.pos);
    for (k, v) in a.kw {
        let kn = vm.names.name(*k).to_string();
        let Some(i) = names.iter().position(|n| *n == kn) else {
            return vm.type_error(format!(
                "function() got an unexpected keyword argument '{kn}'"
            ));
        };
        got[i] = *v;
    }
    for (i, n) in names.iter().enumerate().take(2) {
        if got[i] == Value::Undef {
            return vm.type_error(format!(
                "function() missing required argument '{n}' (pos {})",
                i + 1
            ));
        }
    }
    let [code, globals, name, argdefs, closure] =
        got.map(|v| if v == Value::Undef { Value::None } else { v });
    let Some(id) = crate::dyncode::code_id_of(vm, code) else {
        let tn = vm.type_name(code);
        return vm.type_error(format!("function() argument 'code' must be code, not {tn}"));
    };
    let Some(g) = globals
        .as_ref()
        .filter(|r| matches!(vm.heap.get(*r), Object::Dict(_)))
    else {
        let tn = vm.type_name(globals);
        return vm.type_error(format!(
            "function() argument 'globals' must be dict, not {tn}"
        ));
    };
    if name != Value::None && vm.as_str(name).is_none() {
        return vm.type_error("arg 3 (name) must be None or string");
    }
    let is_tuple =
        |vm: &Vm, v: Value| matches!(v.as_ref().map(|r| vm.heap.get(r)), Some(Object::Tuple(_)));
    if argdefs != Value::None && !is_tuple(vm, argdefs) {
        return vm.type_error("arg 4 (defaults) must be None or tuple");
    }
    let nfree = vm.code(id).freevars.len();
    let cells: Vec<Value> = match closure.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ if closure == Value::None => Vec::new(),
        _ => return vm.type_error("arg 5 (closure) must be tuple"),
    };
    if nfree > 0 && closure == Value::None {
        return vm.type_error("arg 5 (closure) must be tuple");
    }
    if cells.len() != nfree {
        let cn = vm.code(id).name.to_string();
        return vm.value_error(format!(
            "{cn} requires closure of length {nfree}, not {}",
            cells.len()
        ));
    }
    if cells
        .iter()
        .any(|c| !matches!(c.as_ref().map(|r| vm.heap.get(r)), Some(Object::Cell(_))))
    {
        return vm.type_error("arg 5 (closure) expected cell");
    }
    let module = vm.globals_module(g)?;
    let defaults = (argdefs != Value::None).then(|| {
        vm.heap.incref(argdefs);
        argdefs
    });
    let closure = (nfree > 0).then(|| {
        vm.heap.incref(closure);
        closure
    });
    let f = vm.make_function(id, defaults, None, closure);
    let old = match f.as_ref().map(|r| vm.heap.get_mut(r)) {
        Some(Object::Function(fo)) => std::mem::replace(&mut fo.module, module),
        _ => module,
    };
    vm.heap.decref(Value::Obj(old));
    if let Some(n) = vm.as_str(name).map(str::to_string) {
        let s = vm.sym(&n);
        if let Some(Object::Function(fo)) = f.as_ref().map(|r| vm.heap.get_mut(r)) {
            fo.name = s;
        }
    }
    Ok(Ret::Value(f))
}
