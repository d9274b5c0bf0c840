//! Calling: argument binding, function frames, instantiation, and nested
//! runs for the few places Rust code must wait for a Python result.

use crate::builtins::{Args, ExcType, Ret, TABLE};
use crate::code::CodeId;
use crate::frame::{Frame, FrameKind, Outcome, PyFrame, RetMode};
use crate::intern::{sym, Sym};
use crate::interp::{top, Stop};
use crate::object::{Attrs, Class, ClassKind, Function, GenState, Generator, Instance, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{Event, PyResult, Vm};

/// Steps a nested call runs between two looks at [`Vm::interrupt`].
const SYNC_SLICE: u64 = 1 << 20;

impl Vm {
    /// Calls `func` with owned arguments. Returns `Some(result)` when the
    /// call finished at once, `None` when a frame was pushed whose outcome
    /// will be delivered through `ret`.
    pub fn call_value(
        &mut self,
        func: Value,
        mut args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
        ret: RetMode,
    ) -> PyResult<Option<Value>> {
        let Some(r) = func.as_ref() else {
            return self.call_fail(func, args, kw);
        };
        match self.heap.get(r) {
            Object::Function(_) => self.call_function(r, args, kw, ret),
            Object::Builtin(id) => {
                let def = &TABLE[id.0 as usize];
                let f = def.func;
                // A method of a built-in type works on the value an
                // instance of its subclass carries.
                if let crate::builtins::Owner::Type(t) = def.owner {
                    if t != TypeTag::Object && t != TypeTag::Type {
                        if let Some(b) = args.first().and_then(|v| self.payload(*v)) {
                            self.heap.incref(b);
                            let inst = std::mem::replace(&mut args[0], b);
                            self.heap.decref(inst);
                        }
                    }
                }
                let out = f(
                    self,
                    &Args {
                        pos: &args,
                        kw: &kw,
                    },
                    ret,
                );
                let mut args = args;
                self.heap.decref_all(args.drain(..));
                if args.capacity() <= 16 {
                    *self.arg_pool = args;
                }
                self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                match out? {
                    Ret::Value(v) => Ok(Some(v)),
                    Ret::Pushed => Ok(None),
                }
            }
            Object::BoundMethod(this, f) => {
                let (this, f) = (*this, *f);
                self.heap.incref(this);
                args.insert(0, this);
                self.heap.incref(f);
                let out = self.call_value(f, args, kw, ret);
                self.heap.decref(f);
                out
            }
            Object::Class(_) => self.instantiate(r, args, kw, ret),
            Object::Partial(p) => {
                let (pf, pargs, pkw) = (p.func, p.args.clone(), p.kwargs.clone());
                for v in &pargs {
                    self.heap.incref(*v);
                }
                for (_, v) in &pkw {
                    self.heap.incref(*v);
                }
                let mut all = pargs;
                all.extend(args);
                let mut allkw = pkw;
                for (k, v) in kw {
                    if let Some(slot) = allkw.iter_mut().find(|(kk, _)| *kk == k) {
                        let old = std::mem::replace(&mut slot.1, v);
                        self.heap.decref(old);
                    } else {
                        allkw.push((k, v));
                    }
                }
                self.heap.incref(pf);
                let out = self.call_value(pf, all, allkw, ret);
                self.heap.decref(pf);
                out
            }
            Object::StaticMethod(f) => {
                let f = *f;
                self.heap.incref(f);
                let out = self.call_value(f, args, kw, ret);
                self.heap.decref(f);
                out
            }
            Object::Instance(_) => match self.lookup_special(func, sym::CALL) {
                Some(m) => {
                    let out = self.call_value(m, args, kw, ret);
                    self.heap.decref(m);
                    out
                }
                None => self.call_fail(func, args, kw),
            },
            _ => self.call_fail(func, args, kw),
        }
    }

    fn call_fail(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
    ) -> PyResult<Option<Value>> {
        self.heap.decref_all(args);
        self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
        let tn = self.type_name(func);
        self.type_error(format!("'{tn}' object is not callable"))
    }

    /// Calls and waits for the result, running a nested loop if a frame was
    /// pushed. Suspensions inside are not reported to the driver.
    pub fn call_sync(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
    ) -> PyResult<Value> {
        if self.sync_depth > 200 {
            self.heap.decref_all(args);
            self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
            return self.err(ExcType::RecursionError, "maximum recursion depth exceeded");
        }
        let base = self.frames.len();
        match self.call_value(func, args, kw, RetMode::Sync)? {
            Some(v) => Ok(v),
            None => self.wait_sync(base),
        }
    }

    /// Runs the loop until the frame pushed above `base` delivers to `Sync`:
    /// in slices of [`SYNC_SLICE`] steps, after each of which a set
    /// [`Vm::interrupt`] raises `KeyboardInterrupt` in the running call.
    pub(crate) fn wait_sync(&mut self, base: usize) -> PyResult<Value> {
        self.sync_depth += 1;
        let saved_event = self.pending_event.take();
        let stop = loop {
            let stop = crate::nesting::with_stack(|| self.run_loop(base, Some(SYNC_SLICE)));
            if !matches!(stop, Stop::Event(Event::Budget)) {
                break stop;
            }
            let asked = self.interrupt.as_ref();
            if asked.is_some_and(|f| f.load(std::sync::atomic::Ordering::Relaxed)) {
                let exc = self.new_exc_empty(ExcType::KeyboardInterrupt);
                self.raise_new(exc);
            }
        };
        self.sync_depth -= 1;
        if self.pending_event.is_none() {
            self.pending_event = saved_event;
        }
        match stop {
            Stop::Sync(Outcome::Return(v) | Outcome::Yield(v)) => Ok(v),
            Stop::Sync(Outcome::Raise(e)) => Err(e),
            Stop::Event(ev) => {
                self.finish_event = Some(ev);
                self.err(
                    ExcType::RuntimeError,
                    "interpreter stopped during a nested call",
                )
            }
        }
    }

    /// Calls a method by name on an object and waits for the result.
    pub fn call_method_sync(&mut self, obj: Value, name: Sym, args: Vec<Value>) -> PyResult<Value> {
        let m = self.get_attr(obj, name)?;
        let out = self.call_sync(m, args, Vec::new());
        self.heap.decref(m);
        out
    }

    fn call_function(
        &mut self,
        fref: Ref,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
        ret: RetMode,
    ) -> PyResult<Option<Value>> {
        let (code_id, module, closure) = match self.heap.get(fref) {
            Object::Function(f) => (f.code, f.module, f.closure.clone()),
            _ => unreachable!(),
        };
        let code = std::sync::Arc::clone(&self.codes[code_id.0 as usize]);
        let locals = self.bind_args(fref, &code, args, kw)?;
        let mut cells = Vec::with_capacity(code.cellvars.len() + closure.len());
        for _ in &code.cellvars {
            cells.push(self.heap.alloc(Object::Cell(Value::Undef)));
        }
        let mut locals = locals;
        for &(ci, slot) in &code.arg_cells {
            let v = std::mem::replace(&mut locals[slot as usize], Value::Undef);
            if let Object::Cell(c) = self.heap.get_mut(cells[ci as usize]) {
                *c = v;
            }
        }
        for c in closure {
            self.heap.incref(Value::Obj(c));
            cells.push(c);
        }
        self.heap.incref(Value::Obj(module));
        self.heap.incref(Value::Obj(fref));
        let mut frame = self.pooled_frame(code_id, module);
        frame.locals = locals;
        frame.cells = cells;
        frame.func = Value::Obj(fref);
        if code.is_generator {
            return Ok(Some(Value::Obj(self.new_generator(fref, code_id, frame))));
        }
        self.push_frame(Frame {
            ret,
            kind: FrameKind::Py(frame),
        })?;
        Ok(None)
    }

    /// `CALL`/`CALL_METHOD` of a plain Python function taking exactly the
    /// positional arguments on the stack: moves them straight from the
    /// caller's stack into a reused frame (no argument vector, no binding).
    /// Returns `false`, touching nothing, when the call needs the general path.
    pub(crate) fn try_fast_call(&mut self, n: u32, method: bool) -> bool {
        let Some(Frame {
            kind: FrameKind::Py(caller),
            ..
        }) = self.frames.last()
        else {
            return false;
        };
        let len = caller.stack.len();
        let n = n as usize;
        let (func, first, nargs) = if method {
            let this = caller.stack[len - n - 1];
            if this == Value::Undef {
                (caller.stack[len - n - 2], len - n, n)
            } else {
                (caller.stack[len - n - 2], len - n - 1, n + 1)
            }
        } else {
            (caller.stack[len - n - 1], len - n, n)
        };
        let Value::Obj(fref) = func else { return false };
        let Object::Function(fo) = self.heap.get(fref) else {
            return false;
        };
        let (code_id, module) = (fo.code, fo.module);
        let code = &self.codes[code_id.0 as usize];
        let is_generator = code.is_generator;
        if code.varargs
            || code.varkw
            || code.kwonly != 0
            || code.argcount as usize != nargs
            || !code.cellvars.is_empty()
            || (!is_generator && self.depth >= self.recursion_limit)
        {
            return false;
        }
        let nlocals = code.varnames.len();
        let mut frame = self.pooled_frame(code_id, module);
        frame.locals.clear();
        frame.cells.clear();
        if let Object::Function(fo) = self.heap.get(fref) {
            frame.cells.extend_from_slice(&fo.closure);
        }
        for &c in &frame.cells {
            self.heap.incref(Value::Obj(c));
        }
        self.heap.incref(Value::Obj(module));
        let Some(Frame {
            kind: FrameKind::Py(caller),
            ..
        }) = self.frames.last_mut()
        else {
            unreachable!("checked above")
        };
        frame.locals.extend_from_slice(&caller.stack[first..]);
        caller.stack.truncate(first);
        frame.locals.resize(nlocals, Value::Undef);
        if method && nargs == n {
            // The unused `self` slot of CALL_METHOD.
            caller.stack.pop();
        }
        // The function's stack reference moves into the frame.
        frame.func = caller.stack.pop().expect("callee");
        if is_generator {
            let g = self.new_generator(fref, code_id, frame);
            top!(self).stack.push(Value::Obj(g));
            return true;
        }
        self.depth += 1;
        self.frames.push(Frame {
            ret: RetMode::Push,
            kind: FrameKind::Py(frame),
        });
        true
    }

    /// An emptied frame (reused when one is pooled) set to run `code` in `module`.
    fn pooled_frame(&mut self, code: CodeId, module: Ref) -> Box<PyFrame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.code = code;
                f.pc = 0;
                f.module = module;
                f.func = Value::None;
                f
            }
            None => Box::new(PyFrame::new(code, module)),
        }
    }

    /// A new generator object owning `frame` (a call of generator function `fref`).
    fn new_generator(&mut self, fref: Ref, code_id: CodeId, mut frame: Box<PyFrame>) -> Ref {
        let (name, qualname) = match self.heap.get(fref) {
            Object::Function(f) => (self.names.name(f.name).into(), f.qualname.clone()),
            _ => unreachable!("generator functions are functions"),
        };
        self.next_serial += 1;
        let serial = self.next_serial;
        let renamed = self
            .codes
            .get(code_id.0 as usize)
            .is_none_or(|c| c.qualname != qualname);
        let g = self.heap.alloc(Object::Generator(Box::new(Generator {
            state: GenState::Created,
            frame: None,
            code: code_id,
            name,
            qualname,
            serial,
            finalized: false,
            renamed,
            ag_running: false,
            ag_closed: false,
            ag_hooks: false,
        })));
        if self
            .codes
            .get(code_id.0 as usize)
            .is_some_and(|c| c.is_coroutine)
        {
            self.ensure_async_types();
        }
        frame.generator = Some(g);
        if let Object::Generator(go) = self.heap.get_mut(g) {
            go.frame = Some(Frame {
                ret: RetMode::Discard,
                kind: FrameKind::Py(frame),
            });
        }
        g
    }

    fn func_display_name(&self, fref: Ref) -> String {
        match self.heap.get(fref) {
            Object::Function(f) => f.qualname.to_string(),
            _ => "function".to_string(),
        }
    }

    /// Binds arguments to parameter slots (CPython's error messages).
    #[allow(clippy::too_many_lines)]
    fn bind_args(
        &mut self,
        fref: Ref,
        code: &crate::code::Code,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
    ) -> PyResult<Vec<Value>> {
        let nlocals = code.varnames.len();
        // Fast path: exactly the positional parameters, nothing else.
        if kw.is_empty()
            && !code.varargs
            && !code.varkw
            && code.kwonly == 0
            && args.len() == code.argcount as usize
        {
            let mut locals = args;
            locals.resize(nlocals, Value::Undef);
            return Ok(locals);
        }
        let mut locals = vec![Value::Undef; nlocals];
        let argc = code.argcount as usize;
        let kwonly = code.kwonly as usize;
        let npos = args.len();
        let fname = self.func_display_name(fref);
        let (defaults, kwdefaults) = match self.heap.get(fref) {
            Object::Function(f) => (f.defaults.clone(), f.kwdefaults.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < argc {
                locals[i] = a;
            } else {
                extra.push(a);
            }
        }
        let mut slot = argc + kwonly;
        let varargs_slot = if code.varargs {
            let s = slot;
            slot += 1;
            Some(s)
        } else {
            None
        };
        let varkw_slot = if code.varkw { Some(slot) } else { None };
        let mut kwdict: Vec<(Sym, Value)> = Vec::new();
        if varkw_slot.is_none() {
            let posonly: Vec<String> = kw
                .iter()
                .filter(|(k, _)| code.varnames[..code.posonly as usize].contains(k))
                .map(|(k, _)| self.names.name(*k).to_string())
                .collect();
            if !posonly.is_empty() {
                self.heap.decref_all(locals);
                self.heap.decref_all(extra);
                self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                return self.type_error(format!(
                    "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                    posonly.join(", ")
                ));
            }
        }
        for (k, v) in kw {
            let pos = code.varnames[..argc + kwonly]
                .iter()
                .position(|n| *n == k)
                .filter(|&p| p >= code.posonly as usize);
            match pos {
                Some(p) => {
                    if locals[p] != Value::Undef {
                        let n = self.names.name(k).to_string();
                        self.heap.decref(v);
                        self.heap.decref_all(locals);
                        self.heap.decref_all(extra);
                        self.heap.decref_all(kwdict.into_iter().map(|(_, v)| v));
                        return self.type_error(format!(
                            "{fname}() got multiple values for argument '{n}'"
                        ));
                    }
                    locals[p] = v;
                }
                None => {
                    if varkw_slot.is_some() {
                        kwdict.push((k, v));
                    } else {
                        let n = self.names.name(k).to_string();
                        self.heap.decref(v);
                        self.heap.decref_all(locals);
                        self.heap.decref_all(extra);
                        self.heap.decref_all(kwdict.into_iter().map(|(_, v)| v));
                        return self.type_error(format!(
                            "{fname}() got an unexpected keyword argument '{n}'"
                        ));
                    }
                }
            }
        }
        if !extra.is_empty() && varargs_slot.is_none() {
            let given = npos;
            let ndef = defaults.len();
            let took = if ndef > 0 {
                format!("from {} to {}", argc - ndef, argc)
            } else {
                argc.to_string()
            };
            let kwgiven = locals[argc..argc + kwonly]
                .iter()
                .filter(|v| **v != Value::Undef)
                .count();
            self.heap.decref_all(locals);
            self.heap.decref_all(extra);
            self.heap.decref_all(kwdict.into_iter().map(|(_, v)| v));
            let plural = if argc == 1 && ndef == 0 { "" } else { "s" };
            let was = if given == 1 { "was" } else { "were" };
            if kwgiven > 0 {
                let kwd = if kwgiven == 1 { "" } else { "s" };
                return self.type_error(format!(
                    "{fname}() takes {took} positional argument{plural} but {given} positional argument{} (and {kwgiven} keyword-only argument{kwd}) were given",
                    if given == 1 { "" } else { "s" }
                ));
            }
            return self.type_error(format!(
                "{fname}() takes {took} positional argument{plural} but {given} {was} given"
            ));
        }
        // Defaults for missing positionals.
        let first_default = argc - defaults.len();
        let mut missing = Vec::new();
        for i in 0..argc {
            if locals[i] == Value::Undef {
                if i >= first_default {
                    let d = defaults[i - first_default];
                    self.heap.incref(d);
                    locals[i] = d;
                } else {
                    missing.push(self.names.name(code.varnames[i]).to_string());
                }
            }
        }
        if !missing.is_empty() {
            self.heap.decref_all(locals);
            self.heap.decref_all(extra);
            self.heap.decref_all(kwdict.into_iter().map(|(_, v)| v));
            return self.type_error(missing_message(&fname, &missing, "positional"));
        }
        for (i, slot) in locals.iter_mut().enumerate().take(argc + kwonly).skip(argc) {
            if *slot == Value::Undef {
                let n = code.varnames[i];
                if let Some((_, d)) = kwdefaults.iter().find(|(k, _)| *k == n) {
                    self.heap.incref(*d);
                    *slot = *d;
                } else {
                    missing.push(self.names.name(n).to_string());
                }
            }
        }
        if !missing.is_empty() {
            self.heap.decref_all(locals);
            self.heap.decref_all(extra);
            self.heap.decref_all(kwdict.into_iter().map(|(_, v)| v));
            return self.type_error(missing_message(&fname, &missing, "keyword-only"));
        }
        if let Some(s) = varargs_slot {
            locals[s] = self.tuple(extra);
        }
        if let Some(s) = varkw_slot {
            let d = self.new_dict();
            for (k, v) in kwdict {
                let text = self.names.name(k).to_string();
                let key = self.str_value(&text);
                let r = self.dict_set(d, key, v);
                self.heap.decref(key);
                self.heap.decref(v);
                r?;
            }
            locals[s] = d;
        }
        Ok(locals)
    }

    /// Creates a function object from stack operands (all owned).
    pub(crate) fn make_function(
        &mut self,
        code: CodeId,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> Value {
        let module = match &self.frames.last().expect("frame").kind {
            FrameKind::Py(f) => f.module,
            FrameKind::Native(_) => self.main_module.expect("main"),
        };
        self.heap.incref(Value::Obj(module));
        let take_tuple = |vm: &mut Vm, v: Option<Value>| -> Vec<Value> {
            let Some(v) = v else { return Vec::new() };
            let items = match v.as_ref().map(|r| vm.heap.get(r)) {
                Some(Object::Tuple(t)) => t.to_vec(),
                _ => Vec::new(),
            };
            for i in &items {
                vm.heap.incref(*i);
            }
            vm.heap.decref(v);
            items
        };
        let defaults = take_tuple(self, defaults);
        let closure: Vec<Ref> = take_tuple(self, closure)
            .into_iter()
            .filter_map(Value::as_ref)
            .collect();
        let mut kwd = Vec::new();
        if let Some(d) = kwdefaults {
            let entries: Vec<(Value, Value)> = match d.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::Dict(dd)) => dd.iter().map(|e| (e.key, e.value)).collect(),
                _ => Vec::new(),
            };
            for (k, v) in entries {
                let name = self.as_str(k).unwrap_or("").to_string();
                let s = self.sym(&name);
                self.heap.incref(v);
                kwd.push((s, v));
            }
            self.heap.decref(d);
        }
        let c = self.codes[code.0 as usize].clone();
        let doc = match c.doc {
            Some(i) => c.consts[i as usize],
            None => Value::None,
        };
        let name = self.sym(&c.name);
        Value::Obj(self.heap.alloc(Object::Function(Box::new(Function {
            code,
            module,
            defaults,
            kwdefaults: kwd,
            closure,
            name,
            qualname: c.qualname.clone(),
            doc,
            attrs: Attrs::default(),
        }))))
    }

    /// Is this class BaseException or derived from it?
    pub(crate) fn is_exception_class(&self, c: Ref) -> bool {
        let base = self.b.exc(ExcType::BaseException);
        self.class_is_subclass(c, base)
    }

    /// `issubclass` for class handles.
    #[must_use]
    pub fn class_is_subclass(&self, c: Ref, base: Ref) -> bool {
        if c == base {
            return true;
        }
        match self.heap.get(c) {
            Object::Class(k) => k.mro.contains(&base),
            _ => false,
        }
    }

    /// What CPython says when `list`, `tuple`, `set`, `frozenset` or `dict`
    /// itself is called with more than one positional argument, or (all but
    /// `dict`) with keywords.
    fn container_arity_error(
        &self,
        cls: Ref,
        tag: TypeTag,
        npos: usize,
        no_kw: bool,
    ) -> Option<String> {
        let exact = matches!(
            tag,
            TypeTag::List | TypeTag::Tuple | TypeTag::Set | TypeTag::FrozenSet | TypeTag::Dict
        ) && self.b.ty(tag) == cls;
        if !exact {
            return None;
        }
        let name = tag.name();
        if npos > 1 {
            return Some(format!("{name} expected at most 1 argument, got {npos}"));
        }
        if !no_kw && tag != TypeTag::Dict {
            return Some(format!("{name}() takes no keyword arguments"));
        }
        None
    }

    pub(crate) fn instantiate(
        &mut self,
        cls: Ref,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
        ret: RetMode,
    ) -> PyResult<Option<Value>> {
        // A metaclass's own `__call__` takes over.
        if let Object::Class(c) = self.heap.get(cls) {
            if let Some(m) = c.meta {
                if let Some(f) = self.class_lookup(m, sym::CALL) {
                    if matches!(
                        f.as_ref().map(|r| self.heap.get(r)),
                        Some(Object::Function(_))
                    ) {
                        self.heap.incref(Value::Obj(cls));
                        let mut all = vec![Value::Obj(cls)];
                        all.extend(args);
                        return self.call_value(f, all, kw, ret);
                    }
                }
            }
        }
        self.instantiate_plain(cls, args, kw, ret)
    }

    /// `type.__call__(cls, *args, **kw)`: `__new__` then `__init__`.
    pub(crate) fn instantiate_plain(
        &mut self,
        cls: Ref,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
        ret: RetMode,
    ) -> PyResult<Option<Value>> {
        let kind = match self.heap.get(cls) {
            Object::Class(c) => c.kind,
            _ => unreachable!(),
        };
        // A built-in type, or a user class deriving from one with special storage.
        if let ClassKind::Builtin(tag) = kind {
            if tag != TypeTag::BaseException && tag != TypeTag::Object {
                if let Some(msg) = self.container_arity_error(cls, tag, args.len(), kw.is_empty()) {
                    self.heap.decref_all(args);
                    self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                    return self.type_error(msg);
                }
                return self.construct_builtin(tag, args, kw, ret);
            }
        }
        let is_exc = self.is_exception_class(cls);
        if let Some(msg) = self.abstract_error(cls) {
            self.heap.decref_all(args);
            self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
            return self.type_error(msg);
        }
        let user_new = if is_exc { None } else { self.user_new(cls) };
        if let Some(new_f) = user_new {
            // `__new__(cls, *args, **kw)` makes the object; `__init__` runs
            // only when it is an instance of `cls`.
            self.heap.incref(Value::Obj(cls));
            let mut all = vec![Value::Obj(cls)];
            for v in &args {
                self.heap.incref(*v);
            }
            all.extend(args.iter().copied());
            for (_, v) in &kw {
                self.heap.incref(*v);
            }
            let made = self.call_sync(new_f, all, kw.clone());
            let made = match made {
                Ok(v) => v,
                Err(e) => {
                    self.heap.decref_all(args);
                    self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                    return Err(e);
                }
            };
            let made_cls = self.class_ref(made);
            if !self.class_is_subclass(made_cls, cls) {
                self.heap.decref_all(args);
                self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                return Ok(Some(made));
            }
            return self.run_init(cls, made, args, kw, false, &ret);
        }
        self.heap.incref(Value::Obj(cls));
        let inst = if is_exc {
            for v in &args {
                self.heap.incref(*v);
            }
            let a = self.tuple(args.clone());
            self.heap.decref(Value::Obj(cls));
            self.make_exception(cls, a)
        } else if let Some(t) = self.payload_type(cls) {
            let fill = self.payload_filled_by_new(cls, t);
            match self.new_payload_instance(cls, t, &args, &kw, fill) {
                Ok(v) => v,
                Err(e) => {
                    self.heap.decref_all(args);
                    self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                    return Err(e);
                }
            }
        } else {
            Value::Obj(self.heap.alloc(Object::Instance(Instance {
                class: cls,
                attrs: Attrs::default(),
                finalized: false,
                base: None,
            })))
        };
        let strict = !is_exc && self.payload(inst).is_none();
        self.run_init(cls, inst, args, kw, strict, &ret)
    }

    /// The `__new__` a user class defines or inherits from another user
    /// class (borrowed), if any.
    fn user_new(&self, cls: Ref) -> Option<Value> {
        let f = self.class_lookup(cls, sym::NEW)?;
        match f.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::StaticMethod(g)) if !self.is_builtin_value(*g) => Some(*g),
            Some(Object::Function(_)) => Some(f),
            // `type.__new__` for a metaclass.
            Some(Object::Builtin(_)) if self.class_is_subclass(cls, self.b.ty(TypeTag::Type)) => {
                Some(f)
            }
            _ => None,
        }
    }

    /// Runs `__init__` on a new instance `inst` (owned) of `cls`;
    /// `strict_args` raises "takes no arguments" when there is none.
    fn run_init(
        &mut self,
        cls: Ref,
        inst: Value,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
        strict_args: bool,
        ret: &RetMode,
    ) -> PyResult<Option<Value>> {
        // Find __init__ (user-defined) in the MRO.
        let init = self.class_lookup(cls, sym::INIT);
        match init {
            Some(f) if !self.is_builtin_value(f) && !matches!(ret, RetMode::Push) => {
                // Not for the value stack: run `__init__` to its end here.
                self.heap.incref(inst);
                let mut all = vec![inst];
                all.extend(args);
                let out = match self.call_sync(f, all, kw) {
                    Ok(v) => v,
                    Err(e) => {
                        self.heap.decref(inst);
                        return Err(e);
                    }
                };
                if out != Value::None {
                    let tn = self.type_name(out);
                    self.heap.decref(out);
                    self.heap.decref(inst);
                    return self.type_error(format!("__init__() should return None, not '{tn}'"));
                }
                Ok(Some(inst))
            }
            Some(f) if !self.is_builtin_value(f) => {
                self.heap.incref(f);
                self.heap.incref(inst); // the argument
                self.heap.incref(inst); // held by RetMode::Init
                let mut all = vec![inst];
                all.extend(args);
                let out = self.call_value(f, all, kw, RetMode::Init(inst));
                self.heap.decref(f);
                match out {
                    Ok(Some(v)) => {
                        self.heap.decref(v);
                        self.heap.decref(inst);
                        Ok(Some(inst))
                    }
                    Ok(None) => {
                        self.heap.decref(inst);
                        Ok(None)
                    }
                    Err(e) => {
                        self.heap.decref(inst);
                        self.heap.decref(inst);
                        Err(e)
                    }
                }
            }
            _ => {
                if strict_args && (!args.is_empty() || !kw.is_empty()) {
                    let cname = self.class_name(cls);
                    self.heap.decref(inst);
                    self.heap.decref_all(args);
                    self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                    return self.type_error(format!("{cname}() takes no arguments"));
                }
                self.heap.decref_all(args);
                self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                Ok(Some(inst))
            }
        }
    }

    fn is_builtin_value(&self, v: Value) -> bool {
        matches!(
            v.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Builtin(_))
        )
    }

    /// A class's `__name__`.
    #[must_use]
    pub fn class_name(&self, cls: Ref) -> String {
        match self.heap.get(cls) {
            Object::Class(c) => c.name.to_string(),
            _ => "?".to_string(),
        }
    }

    /// Builds a class from a finished class body.
    pub(crate) fn build_class(&mut self, ns: Ref, bases: Vec<Value>, name: Sym) -> PyResult<Value> {
        let attrs = match self.heap.get_mut(ns) {
            Object::Namespace(a) => std::mem::take(&mut **a),
            _ => Attrs::default(),
        };
        self.heap.decref(Value::Obj(ns));
        self.build_class_from(attrs, bases, name, None, Vec::new())
    }

    /// `type.__new__(meta, name, bases, attrs, **kw)`: takes ownership of
    /// the attribute values, the bases and the keywords (the metaclass is
    /// borrowed; `None` for `type`).
    pub(crate) fn build_class_from(
        &mut self,
        mut attrs: Attrs,
        bases: Vec<Value>,
        name: Sym,
        meta: Option<Ref>,
        kw: Vec<(Sym, Value)>,
    ) -> PyResult<Value> {
        let mut base_refs = Vec::new();
        for b in &bases {
            match b
                .as_ref()
                .filter(|r| matches!(self.heap.get(*r), Object::Class(_)))
            {
                Some(r) => base_refs.push(r),
                None => {
                    self.heap.decref_all(bases.clone());
                    self.heap
                        .decref_all(attrs.values().copied().collect::<Vec<_>>());
                    self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                    return self.type_error("bases must be types");
                }
            }
        }
        // The class takes over the stack's references to its bases.
        if base_refs.is_empty() {
            let o = self.b.ty(TypeTag::Object);
            base_refs.push(o);
        }
        let cell = attrs.shift_remove(&sym::CLASS_CELL);
        if attrs.contains_key(&sym::EQ) && !attrs.contains_key(&sym::HASH) {
            attrs.insert(sym::HASH, Value::None);
        }
        // `__qualname__` lives in the class, not in its namespace.
        let qualname = match attrs.shift_remove(&sym::QUALNAME) {
            Some(q) => {
                let s = self.as_str(q).unwrap_or("").to_string();
                self.heap.decref(q);
                s
            }
            None => self.names.name(name).to_string(),
        };
        let module = match attrs.get(&sym::MODULE).copied() {
            Some(m) => self.as_str(m).unwrap_or("").to_string(),
            None => "__main__".to_string(),
        };
        let mro = match self.c3_mro(&base_refs) {
            Ok(m) => m,
            Err(heads) => {
                let msg = crate::classnew::mro_error_message(self, &heads);
                self.heap.decref_all(bases);
                self.heap
                    .decref_all(attrs.values().copied().collect::<Vec<_>>());
                self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                return self.type_error(msg);
            }
        };
        self.wrap_implicit_methods(&mut attrs);
        // Own the bases: the stack references are transferred, the default object base is immortal.
        let r = self.heap.alloc(Object::Class(Box::new(Class {
            name: self.names.name(name).into(),
            qualname: qualname.into(),
            bases: base_refs,
            mro: Vec::new(),
            attrs,
            kind: ClassKind::User,
            module: module.into(),
            version: 0,
            meta,
            custom_getattribute: false,
            slots: None,
        })));
        if let Some(m) = meta {
            self.heap.incref(Value::Obj(m));
        }
        let mut full = vec![r];
        full.extend(mro);
        let custom_ga = self.mro_defines_getattribute(&full);
        let slots = match self.class_slots(r, &full) {
            Ok(s) => s,
            Err(e) => {
                if let Object::Class(c) = self.heap.get_mut(r) {
                    c.mro = full;
                }
                self.heap.decref(Value::Obj(r));
                self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                return Err(e);
            }
        };
        if let Object::Class(c) = self.heap.get_mut(r) {
            c.mro = full;
            c.custom_getattribute = custom_ga;
            c.slots = slots;
        }
        self.heap.class_epoch += 1;
        if let Some(cell) = cell {
            if let Some(cr) = cell.as_ref() {
                self.heap.incref(Value::Obj(r));
                if let Object::Cell(slot) = self.heap.get_mut(cr) {
                    let old = std::mem::replace(slot, Value::Obj(r));
                    if old != Value::Undef {
                        self.heap.decref(old);
                    }
                }
            }
            self.heap.decref(cell);
        }
        if let Err(e) = self.finish_class(r, kw) {
            self.heap.decref(Value::Obj(r));
            return Err(e);
        }
        Ok(Value::Obj(r))
    }

    /// C3 linearization of the bases' MROs (without the new class itself).
    fn c3_mro(&self, bases: &[Ref]) -> Result<Vec<Ref>, Vec<Ref>> {
        let mut seqs: Vec<Vec<Ref>> = bases
            .iter()
            .map(|b| match self.heap.get(*b) {
                Object::Class(c) => c.mro.clone(),
                _ => vec![*b],
            })
            .collect();
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut cand = None;
            for s in &seqs {
                let head = s[0];
                if !seqs.iter().any(|t| t[1..].contains(&head)) {
                    cand = Some(head);
                    break;
                }
            }
            let Some(c) = cand else {
                return Err(seqs.iter().map(|s| s[0]).collect());
            };
            out.push(c);
            for s in &mut seqs {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
    }
}

fn missing_message(fname: &str, missing: &[String], kind: &str) -> String {
    let n = missing.len();
    let names: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match n {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    let plural = if n == 1 { "" } else { "s" };
    format!("{fname}() missing {n} required {kind} argument{plural}: {list}")
}
