//! Natives behind the `inspect`, `sys._getframe` and generator/frame
//! introspection preludes. They hand back plain tuples, dicts and strings;
//! the Python side (`stdlib/prelude/_introspect.py`) wraps them in frame and
//! code objects, so everything stays plain data in the world.

use super::{Args, Ret};
use crate::code::{CodeId, CodeKind};
use crate::frame::{FrameKind, PyFrame, RetMode};
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

fn val(v: Value) -> PyResult<Ret> {
    Ok(Ret::Value(v))
}

/// `(co_name, co_qualname, co_filename, co_firstlineno, co_varnames, co_flags, co_argcount, id,
/// co_posonlyargcount, co_kwonlyargcount, co_freevars, co_cellvars)`.
pub(crate) fn code_info(vm: &mut Vm, id: CodeId) -> Value {
    let c = vm.code(id).clone();
    let path = vm.sources[c.source as usize].path.clone();
    let mut flags: i64 = 0;
    if c.kind == CodeKind::Function {
        flags |= 0x1 | 0x2;
        if c.qualname.contains("<locals>") {
            flags |= 0x10;
        }
    }
    if c.varargs {
        flags |= 0x4;
    }
    if c.varkw {
        flags |= 0x8;
    }
    if c.is_async_gen {
        flags |= 0x200;
    } else if c.is_coroutine {
        flags |= 0x80;
    } else if c.is_generator {
        flags |= 0x20;
    }
    if c.is_iterable_coroutine {
        flags |= 0x100;
    }
    let name = vm.str_value(&c.name);
    let qual = vm.str_value(&c.qualname);
    let file = vm.str_value(&path);
    let names: Vec<Value> = c
        .varnames
        .iter()
        .map(|s| {
            let n = vm.names.name(*s).to_string();
            vm.str_value(&n)
        })
        .collect();
    let varnames = vm.tuple(names);
    let mut name_tuple = |syms: &[crate::intern::Sym]| {
        let items: Vec<Value> = syms
            .iter()
            .map(|s| {
                let n = vm.names.name(*s).to_string();
                vm.str_value(&n)
            })
            .collect();
        vm.tuple(items)
    };
    let freevars = name_tuple(&c.freevars);
    let cellvars = name_tuple(&c.cellvars);
    vm.tuple(vec![
        name,
        qual,
        file,
        Value::Int(i64::from(c.firstlineno)),
        varnames,
        Value::Int(flags),
        Value::Int(i64::from(c.argcount)),
        Value::Int(i64::from(id.0)),
        Value::Int(i64::from(c.posonly)),
        Value::Int(i64::from(c.kwonly)),
        freevars,
        cellvars,
    ])
}

pub(super) fn line_at(vm: &Vm, id: CodeId, pc: u32) -> i64 {
    if pc == 0 {
        return i64::from(vm.code(id).firstlineno);
    }
    i64::from(vm.line_before(id.0, pc))
}

/// The locals of a frame as a new dict (module frames: the module's dict).
pub(crate) fn frame_locals(vm: &mut Vm, f: &PyFrame) -> PyResult<Value> {
    let c = vm.code(f.code).clone();
    if c.kind == CodeKind::Module {
        return Ok(vm.module_dict(f.module));
    }
    if let Some(ns) = f.ns {
        // A class body: its namespace so far.
        return vm
            .get_attr(Value::Obj(ns), crate::intern::sym::DICT)
            .or_else(|e| {
                vm.heap.decref(e);
                Ok(vm.new_dict())
            });
    }
    let d = vm.new_dict();
    for (i, v) in f.locals.iter().enumerate() {
        if *v != Value::Undef && i < c.varnames.len() {
            let n = vm.names.name(c.varnames[i]).to_string();
            let k = vm.str_value(&n);
            vm.dict_set(d, k, *v)?;
            vm.heap.decref(k);
        }
    }
    for (i, cell) in f.cells.iter().enumerate() {
        let name = if i < c.cellvars.len() {
            c.cellvars[i]
        } else {
            c.freevars[i - c.cellvars.len()]
        };
        if let Object::Cell(v) = vm.heap.get(*cell) {
            let v = *v;
            if v != Value::Undef {
                let n = vm.names.name(name).to_string();
                let k = vm.str_value(&n);
                vm.dict_set(d, k, v)?;
                vm.heap.decref(k);
            }
        }
    }
    Ok(d)
}

/// `(code_info, lineno, locals or None, module, index, frame object or None,
/// generator or None)` for one frame; `index` is its place on the VM's stack,
/// -1 for a generator's frame that is not running. Locals are only gathered
/// when asked for: a snapshot keeps its values alive.
pub(super) fn frame_tuple(
    vm: &mut Vm,
    f: &PyFrame,
    index: i64,
    with_locals: bool,
) -> PyResult<Value> {
    let ci = code_info(vm, f.code);
    let line = line_at(vm, f.code, f.pc);
    let locals = if with_locals {
        frame_locals(vm, f)?
    } else {
        Value::None
    };
    let obj = f.obj.map_or(Value::None, Value::Obj);
    let gen = f.generator.map_or(Value::None, Value::Obj);
    for v in [Value::Obj(f.module), obj, gen] {
        vm.heap.incref(v);
    }
    Ok(vm.tuple(vec![
        ci,
        Value::Int(line),
        locals,
        Value::Obj(f.module),
        Value::Int(index),
        obj,
        gen,
    ]))
}

fn truthy_arg(a: &Args<'_>, i: usize) -> bool {
    matches!(a.pos.get(i), Some(Value::Bool(true)))
}

/// `_frames(with_locals=False)`: the Python frames on the stack, innermost first.
pub fn frames(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let with_locals = truthy_arg(a, 0);
    let pyframes: Vec<(i64, PyFrame)> = vm
        .frames
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, f)| match &f.kind {
            FrameKind::Py(p) => Some((i64::try_from(i).unwrap_or(-1), (**p).clone())),
            FrameKind::Native(_) => None,
        })
        .collect();
    let mut out = Vec::with_capacity(pyframes.len());
    for (i, f) in &pyframes {
        match frame_tuple(vm, f, *i, with_locals) {
            Ok(t) => out.push(t),
            Err(e) => {
                for v in out {
                    vm.heap.decref(v);
                }
                return Err(e);
            }
        }
    }
    val(vm.list(out))
}

fn gen_ref(vm: &Vm, v: Value) -> Option<Ref> {
    let r = v.as_ref()?;
    matches!(vm.heap.get(r), Object::Generator(_)).then_some(r)
}

/// `_gen(g, with_locals=False)`: `(state, code_info, frame_tuple_or_None)`; state 0 created,
/// 1 running, 2 suspended, 3 closed. `None` if `g` is not a generator.
pub fn gen(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let with_locals = truthy_arg(a, 1);
    let Some(g) = a.pos.first().and_then(|v| gen_ref(vm, *v)) else {
        return val(Value::None);
    };
    let (state, code, frame) = match vm.heap.get(g) {
        Object::Generator(go) => (
            go.state,
            go.code,
            go.frame.as_ref().and_then(|f| match &f.kind {
                FrameKind::Py(p) => Some((**p).clone()),
                FrameKind::Native(_) => None,
            }),
        ),
        _ => return val(Value::None),
    };
    let st = match state {
        GenState::Created => 0,
        GenState::Running => 1,
        GenState::Suspended => 2,
        GenState::Finished => 3,
    };
    let ci = code_info(vm, code);
    let ft = match (state, frame) {
        (GenState::Running, _) => {
            // Its frame is on the stack: find it.
            let found = vm
                .frames
                .iter()
                .enumerate()
                .rev()
                .find_map(|(i, f)| match &f.kind {
                    FrameKind::Py(p) if p.generator == Some(g) => Some((i, (**p).clone())),
                    _ => None,
                });
            match found {
                Some((i, p)) => frame_tuple(vm, &p, i64::try_from(i).unwrap_or(-1), with_locals)?,
                None => Value::None,
            }
        }
        (_, Some(p)) => frame_tuple(vm, &p, -1, with_locals)?,
        _ => Value::None,
    };
    val(vm.tuple(vec![Value::Int(st), ci, ft]))
}

/// `_code(f)`: the code info of a Python function, else `None`.
pub fn code(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let id = match a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .map(|r| vm.heap.get(r))
    {
        Some(Object::Function(f)) => f.code,
        _ => return val(Value::None),
    };
    val(code_info(vm, id))
}

/// `_weak_new(obj, fire)`: a weak handle to `obj` (an object owning one
/// entry of the weak table); `fire` (an object whose `__del__` runs the
/// callback, or `None`) is kept until `obj` is freed.
pub fn weak_new(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let target = a.pos.first().copied().unwrap_or(Value::None);
    let ok = matches!(
        target.as_ref().map(|r| vm.heap.get(r)),
        Some(
            Object::Instance(_)
                | Object::Function(_)
                | Object::Generator(_)
                | Object::Class(_)
                | Object::Set(..)
                | Object::BoundMethod(..)
                | Object::Module(_)
                | Object::Partial(_),
        )
    );
    let Some(r) = target.as_ref().filter(|_| ok) else {
        let tn = vm.type_name(target);
        return vm.type_error(format!("cannot create weak reference to '{tn}' object"));
    };
    let fire = match a.pos.get(1).copied() {
        Some(Value::Obj(f)) => {
            vm.heap.incref(Value::Obj(f));
            Some(f)
        }
        _ => None,
    };
    let h = vm.heap.weak_new(r, fire);
    val(Value::Obj(vm.heap.alloc(Object::WeakHandle(h))))
}

/// `_weak_get(handle)`: the target, or `None` once it was freed.
pub fn weak_get(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let h = match a.pos.first() {
        Some(Value::Obj(r)) => match vm.heap.get(*r) {
            Object::WeakHandle(h) => *h as usize,
            _ => return val(Value::None),
        },
        // Worlds recorded before handles were objects hold plain ints.
        Some(Value::Int(i)) if *i >= 0 => usize::try_from(*i).unwrap_or(usize::MAX),
        _ => return val(Value::None),
    };
    match vm.heap.weak_get(h) {
        Some(r) => {
            vm.heap.incref(Value::Obj(r));
            val(Value::Obj(r))
        }
        None => val(Value::None),
    }
}

/// `_source_line(filename, lineno)`: that line of a loaded source, with its
/// newline, or `None`.
pub fn source_line(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (Some(path), Some(Value::Int(n))) = (
        a.pos
            .first()
            .and_then(|v| vm.as_str(*v))
            .map(str::to_string),
        a.pos.get(1).copied(),
    ) else {
        return val(Value::None);
    };
    let line = usize::try_from(n - 1).ok().and_then(|i| {
        vm.sources
            .iter()
            .find(|s| s.path == path)
            .and_then(|s| s.text.lines().nth(i))
            .map(|l| format!("{l}\n"))
    });
    match line {
        Some(l) => val(vm.str_value(&l)),
        None => val(Value::None),
    }
}

/// `_report_ignored(obj, exc)`: "Exception ignored in: obj" and the traceback
/// on stderr, as for an error in a weak reference callback.
pub fn report_ignored(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if let (Some(&obj), Some(&exc)) = (a.pos.first(), a.pos.get(1)) {
        vm.report_ignored(obj, exc);
    }
    val(Value::None)
}

fn exc_arg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.pos.first() {
        Some(&v)
            if matches!(
                v.as_ref().map(|r| vm.heap.get(r)),
                Some(Object::Exception(_))
            ) =>
        {
            Ok(v)
        }
        _ => vm.type_error("expected an exception"),
    }
}

/// `_format_exception(exc)`: the text CPython prints for an uncaught `exc`.
pub fn format_exception(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let e = exc_arg(vm, a)?;
    let s = vm.format_exception(e);
    val(vm.str_value(&s))
}

/// `_format_exception_only(exc)`: its last line.
pub fn format_exception_only(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let e = exc_arg(vm, a)?;
    let s = vm.format_exception_only(e);
    val(vm.str_value(&s))
}

/// `_tb(exc)`: `[(code_info, lineno), ...]`, outermost first.
pub fn tb(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let e = exc_arg(vm, a)?;
    let entries = match e.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Exception(x)) => x.traceback.clone(),
        _ => Vec::new(),
    };
    let mut out = Vec::with_capacity(entries.len());
    for t in entries {
        let ci = code_info(vm, t.code);
        let c = vm.code(t.code);
        let start = c.spans.get(t.pc as usize).map_or(0, |s| s.start);
        let line = i64::from(vm.sources[c.source as usize].line_of(start));
        // The entry as an uncaught traceback prints it (markers included),
        // or None for the preludes' frames, which stand for C code.
        let text = if vm.sources[c.source as usize].path.starts_with("<frozen") {
            Value::None
        } else {
            let t = vm.format_tb_entry(t.code, t.pc);
            vm.str_value(&t)
        };
        out.push(vm.tuple(vec![ci, Value::Int(line), text]));
    }
    val(vm.list(out))
}

/// `object.__delattr__(obj, name)`: removes from the instance dict (bypasses
/// a user `__delattr__`).
pub fn object_delattr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 2 {
        return vm.type_error(format!("expected 2 arguments, got {}", a.pos.len()));
    }
    let Some(n) = vm.as_str(a.pos[1]).map(str::to_string) else {
        return vm.type_error("attribute name must be string");
    };
    let s = vm.sym(&n);
    if let Some(Object::Instance(i)) = a.pos[0].as_ref().map(|r| vm.heap.get(r)) {
        let cls = i.class;
        if let Some(done) = vm.descr_delete(a.pos[0], cls, s) {
            done?;
            return val(Value::None);
        }
    }
    let removed = match a.pos[0].as_ref().map(|r| vm.heap.get_mut(r)) {
        Some(Object::Instance(i)) => Some(i.attrs.shift_remove(&s)),
        _ => None,
    };
    match removed {
        Some(Some(old)) => {
            vm.heap.decref(old);
            val(Value::None)
        }
        Some(None) => {
            let tn = vm.type_name(a.pos[0]);
            vm.err(
                crate::builtins::ExcType::AttributeError,
                format!("'{tn}' object has no attribute '{n}'"),
            )
        }
        None => {
            vm.del_attr(a.pos[0], s)?;
            val(Value::None)
        }
    }
}
