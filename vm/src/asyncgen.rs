//! Asynchronous generators (PEP 525). An async generator is a generator
//! object whose code is marked `is_async_gen`; its frame suspends either at
//! its own `yield` (an item for the consumer) or inside an `await` (a value
//! passed through to whoever drives the coroutines). The awaitables that
//! `__anext__`/`asend`/`athrow`/`aclose` return ([`AgAwait`]) resume the
//! generator's frame on the VM's stack and tell the two apart when it
//! suspends: an own `yield` ends the awaitable with `StopIteration(value)`,
//! an `await` inside passes the value through.

use crate::builtins::{Args, ExcType, Ret};
use crate::code::Op;
use crate::frame::{FrameKind, Outcome, RetMode};
use crate::gen::Thrown;
use crate::native::Next;
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use serde::{Deserialize, Serialize};

/// Which method made an awaitable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgAwaitKind {
    /// `__anext__()` / `asend(v)`.
    ASend,
    /// `athrow(...)`.
    AThrow,
    /// `aclose()`.
    AClose,
}

/// An awaitable's stage (CPython's `AWAITABLE_STATE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgAwaitState {
    /// Not started.
    Init,
    /// Started, not finished.
    Iter,
    /// Finished (awaiting it again is an error).
    Closed,
}

/// The object `__anext__`/`asend`/`athrow`/`aclose` return.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AgAwait {
    /// The async generator (counted).
    pub ag: Ref,
    /// Which method made it.
    pub kind: AgAwaitKind,
    /// Its stage.
    pub state: AgAwaitState,
    /// `asend`'s value or `athrow`'s exception (counted).
    pub value: Value,
    /// `anext(ag, default)`'s default (counted): the result instead of
    /// `StopAsyncIteration`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
}

/// What an awaitable step ended with, before it is handed to its caller.
pub(crate) enum Fin {
    /// A frame was pushed; its outcome comes later.
    Pushed,
    /// The awaitable is done with this result (`StopIteration(value)`).
    Stop(Value),
    /// A value the generator's `await` passes through to the driver.
    Pass(Value),
    /// An exception (owned).
    Raise(Value),
}

/// Indices of the lazily made classes in `Builtins::async_types`.
pub(crate) const COROUTINE: usize = 0;
/// `async_generator`.
pub(crate) const ASYNC_GENERATOR: usize = 1;
/// `async_generator_asend`.
pub(crate) const ASEND: usize = 2;
/// `async_generator_athrow`.
pub(crate) const ATHROW: usize = 3;

const NAMES: [(&str, &str); 4] = [
    ("coroutine", "_coroutine"),
    ("async_generator", "_async_generator"),
    ("async_generator_asend", "_ag_await"),
    ("async_generator_athrow", "_ag_await"),
];

impl Vm {
    /// Is this generator object an asynchronous generator?
    pub(crate) fn is_async_gen(&self, g: Ref) -> bool {
        match self.heap.get(g) {
            Object::Generator(go) => self
                .codes
                .get(go.code.0 as usize)
                .is_some_and(|c| c.is_async_gen),
            _ => false,
        }
    }

    /// A plain generator (not a coroutine or an async generator)?
    pub(crate) fn is_plain_generator(&self, g: Ref) -> bool {
        match self.heap.get(g) {
            Object::Generator(go) => self
                .codes
                .get(go.code.0 as usize)
                .is_none_or(|c| !c.is_coroutine),
            _ => false,
        }
    }

    /// The classes of coroutines, async generators and their awaitables,
    /// made on first use so programs without them keep their heap layout.
    pub(crate) fn ensure_async_types(&mut self) {
        if !self.b.async_types.is_empty() {
            return;
        }
        let object = self.b.ty(crate::types::TypeTag::Object);
        let mut made = Vec::new();
        for (name, owner) in NAMES {
            let c = crate::builtins::make_class(
                self,
                name,
                vec![object],
                crate::object::ClassKind::User,
                "builtins",
            );
            for (i, d) in crate::builtins::TABLE.iter().enumerate() {
                if d.owner == crate::builtins::Owner::Module(owner) {
                    let f = self.b.funcs[i];
                    let s = self.sym(d.name);
                    crate::builtins::set_attr(self, c, s, Value::Obj(f));
                }
            }
            made.push(c);
        }
        self.b.async_types = made;
    }

    /// The class of a coroutine, async generator or awaitable, if `r` is one.
    pub(crate) fn async_class(&self, r: Ref) -> Option<Ref> {
        let i = match self.heap.get(r) {
            Object::Generator(go) => {
                let c = self.codes.get(go.code.0 as usize)?;
                if c.is_async_gen {
                    ASYNC_GENERATOR
                } else if c.is_coroutine {
                    COROUTINE
                } else {
                    return None;
                }
            }
            Object::AgAwait(a) => match a.kind {
                AgAwaitKind::ASend => ASEND,
                _ => ATHROW,
            },
            _ => return None,
        };
        self.b.async_types.get(i).copied()
    }

    /// Is the generator suspended inside an `await`/`yield from`?
    pub(crate) fn gen_awaiting(&self, g: Ref) -> bool {
        let Object::Generator(go) = self.heap.get(g) else {
            return false;
        };
        let Some(FrameKind::Py(f)) = go.frame.as_ref().map(|f| &f.kind) else {
            return false;
        };
        self.codes
            .get(f.code.0 as usize)
            .and_then(|c| c.ops.get(f.pc as usize))
            .is_some_and(|op| matches!(op, Op::YieldFrom))
    }

    fn ag_flags(&mut self, g: Ref) -> Option<&mut crate::object::Generator> {
        match self.heap.get_mut(g) {
            Object::Generator(go) => Some(go),
            _ => None,
        }
    }

    /// A new awaitable of `ag` (borrowed); `value` is owned.
    pub(crate) fn new_ag_await(&mut self, ag: Ref, kind: AgAwaitKind, value: Value) -> Value {
        self.ensure_async_types();
        self.heap.incref(Value::Obj(ag));
        Value::Obj(self.heap.alloc(Object::AgAwait(Box::new(AgAwait {
            ag,
            kind,
            state: AgAwaitState::Init,
            value,
            default: None,
        }))))
    }

    fn aw_parts(&self, a: Ref) -> Option<(Ref, AgAwaitKind, AgAwaitState)> {
        match self.heap.get(a) {
            Object::AgAwait(aw) => Some((aw.ag, aw.kind, aw.state)),
            _ => None,
        }
    }

    /// `anext`'s default (owned), if it has one.
    fn aw_default(&mut self, a: Ref) -> Option<Value> {
        let d = match self.heap.get(a) {
            Object::AgAwait(aw) => aw.default,
            _ => None,
        }?;
        self.heap.incref(d);
        Some(d)
    }

    fn aw_set_state(&mut self, a: Ref, s: AgAwaitState) {
        if let Object::AgAwait(aw) = self.heap.get_mut(a) {
            aw.state = s;
        }
    }

    /// A new exception of class `cls` without arguments (owned).
    fn exc_of(&mut self, cls: Ref) -> Value {
        let args = self.tuple(vec![]);
        self.make_exception(cls, args)
    }

    fn stop_async(&mut self) -> Value {
        let c = self.stop_async_iteration();
        let cls = c.as_ref().expect("a class");
        self.exc_of(cls)
    }

    /// Is `e` a `StopAsyncIteration`?
    pub(crate) fn is_stop_async(&mut self, e: Value) -> bool {
        let c = self.stop_async_iteration();
        let Some(cls) = c.as_ref() else {
            return false;
        };
        match e.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Exception(eo)) => self.class_is_subclass(eo.class, cls),
            _ => false,
        }
    }

    fn rt_error(&mut self, msg: &str) -> Fin {
        Fin::Raise(self.new_exc(ExcType::RuntimeError, msg))
    }

    /// Sends `sent` (owned) into awaitable `a` for a caller taking its
    /// outcome through `ret`.
    pub(crate) fn ag_await_send(&mut self, a: Ref, sent: Value, ret: &RetMode) -> Fin {
        let Some((g, kind, state)) = self.aw_parts(a) else {
            self.heap.decref(sent);
            return self.rt_error("bad awaitable");
        };
        if kind == AgAwaitKind::ASend {
            if state == AgAwaitState::Closed {
                self.heap.decref(sent);
                return self.rt_error("cannot reuse already awaited __anext__()/asend()");
            }
            let mut sent = sent;
            if state == AgAwaitState::Init {
                if self.ag_flags(g).is_some_and(|go| go.ag_running) {
                    self.heap.decref(sent);
                    return self.rt_error("anext(): asynchronous generator is already running");
                }
                if sent == Value::None {
                    if let Object::AgAwait(aw) = self.heap.get_mut(a) {
                        sent = std::mem::replace(&mut aw.value, Value::None);
                    }
                }
                self.aw_set_state(a, AgAwaitState::Iter);
                self.ag_first_iter(g);
            }
            if let Some(go) = self.ag_flags(g) {
                go.ag_running = true;
            }
            return self.ag_resume(a, g, sent, ret);
        }
        // athrow / aclose.
        if state == AgAwaitState::Closed {
            self.heap.decref(sent);
            return self.rt_error("cannot reuse already awaited aclose()/athrow()");
        }
        let finished =
            matches!(self.heap.get(g), Object::Generator(go) if go.state == GenState::Finished);
        if finished {
            self.heap.decref(sent);
            self.aw_set_state(a, AgAwaitState::Closed);
            return Fin::Stop(Value::None);
        }
        if state == AgAwaitState::Init {
            let (running, closed) = match self.heap.get(g) {
                Object::Generator(go) => (go.ag_running, go.ag_closed),
                _ => (false, false),
            };
            if running {
                self.heap.decref(sent);
                self.aw_set_state(a, AgAwaitState::Closed);
                return self.rt_error(if kind == AgAwaitKind::AClose {
                    "aclose(): asynchronous generator is already running"
                } else {
                    "athrow(): asynchronous generator is already running"
                });
            }
            if closed {
                self.heap.decref(sent);
                self.aw_set_state(a, AgAwaitState::Closed);
                return Fin::Raise(self.stop_async());
            }
            if sent != Value::None {
                self.heap.decref(sent);
                return self.rt_error("can't send non-None value to a just-started coroutine");
            }
            self.aw_set_state(a, AgAwaitState::Iter);
            self.ag_first_iter(g);
            if let Some(go) = self.ag_flags(g) {
                go.ag_running = true;
                if kind == AgAwaitKind::AClose {
                    go.ag_closed = true;
                }
            }
            let exc = if kind == AgAwaitKind::AClose {
                self.new_exc_empty(ExcType::GeneratorExit)
            } else {
                match self.heap.get_mut(a) {
                    Object::AgAwait(aw) => std::mem::replace(&mut aw.value, Value::None),
                    _ => Value::None,
                }
            };
            return self.ag_throw_into(a, g, exc, ret);
        }
        self.ag_resume(a, g, sent, ret)
    }

    /// Throws `exc` (owned) into awaitable `a` (its `throw` method).
    pub(crate) fn ag_await_throw(&mut self, a: Ref, exc: Value, ret: &RetMode) -> Fin {
        let Some((g, kind, state)) = self.aw_parts(a) else {
            self.heap.decref(exc);
            return self.rt_error("bad awaitable");
        };
        if state == AgAwaitState::Closed {
            self.heap.decref(exc);
            return self.rt_error(if kind == AgAwaitKind::ASend {
                "cannot reuse already awaited __anext__()/asend()"
            } else {
                "cannot reuse already awaited aclose()/athrow()"
            });
        }
        if kind == AgAwaitKind::ASend {
            if let Some(go) = self.ag_flags(g) {
                go.ag_running = true;
            }
        }
        self.ag_throw_into(a, g, exc, ret)
    }

    fn ag_resume(&mut self, a: Ref, g: Ref, sent: Value, ret: &RetMode) -> Fin {
        self.heap.incref(Value::Obj(a));
        let mode = RetMode::AgUnwrap(Value::Obj(a), Box::new(ret.clone()));
        let out = match self.gen_resume(g, sent, mode) {
            Ok(Next::Pushed) => return Fin::Pushed,
            Ok(Next::Item(v)) => Outcome::Yield(v),
            Ok(Next::Done) => Outcome::Return(Value::None),
            Err(e) => Outcome::Raise(e),
        };
        let fin = self.ag_outcome(a, out);
        self.heap.decref(Value::Obj(a));
        fin
    }

    fn ag_throw_into(&mut self, a: Ref, g: Ref, exc: Value, ret: &RetMode) -> Fin {
        self.heap.incref(Value::Obj(a));
        let mode = RetMode::AgUnwrap(Value::Obj(a), Box::new(ret.clone()));
        let out = match self.gen_throw_start(g, Some(exc), mode) {
            Ok(Thrown::Pushed) => return Fin::Pushed,
            Ok(Thrown::Immediate(o)) => o,
            Err(e) => Outcome::Raise(e),
        };
        let fin = self.ag_outcome(a, out);
        self.heap.decref(Value::Obj(a));
        fin
    }

    /// How the generator's outcome ends (or continues) awaitable `a`.
    fn ag_outcome(&mut self, a: Ref, out: Outcome) -> Fin {
        let Some((g, kind, _)) = self.aw_parts(a) else {
            return match out {
                Outcome::Raise(e) => Fin::Raise(e),
                Outcome::Return(v) | Outcome::Yield(v) => Fin::Stop(v),
            };
        };
        let done = |vm: &mut Vm, closed: bool| {
            if let Some(go) = vm.ag_flags(g) {
                go.ag_running = false;
                go.ag_closed |= closed;
            }
            vm.aw_set_state(a, AgAwaitState::Closed);
        };
        match out {
            Outcome::Yield(v) => {
                if self.gen_awaiting(g) {
                    return Fin::Pass(v);
                }
                done(self, false);
                if kind == AgAwaitKind::AClose {
                    self.heap.decref(v);
                    return self.rt_error("async generator ignored GeneratorExit");
                }
                Fin::Stop(v)
            }
            Outcome::Return(v) => {
                self.heap.decref(v);
                done(self, true);
                if kind == AgAwaitKind::AClose {
                    return Fin::Stop(Value::None);
                }
                if let Some(d) = self.aw_default(a) {
                    return Fin::Stop(d);
                }
                Fin::Raise(self.stop_async())
            }
            Outcome::Raise(e) => {
                let closing =
                    self.is_stop_async(e) || self.is_instance_of_exc(e, ExcType::GeneratorExit);
                done(self, closing);
                if closing && kind == AgAwaitKind::AClose {
                    self.heap.decref(e);
                    return Fin::Stop(Value::None);
                }
                if self.is_stop_async(e) {
                    if let Some(d) = self.aw_default(a) {
                        self.heap.decref(e);
                        return Fin::Stop(d);
                    }
                }
                Fin::Raise(e)
            }
        }
    }

    /// The outcome of an async generator's frame resumed by awaitable `a`
    /// (owned), delivered on to `inner`.
    pub(crate) fn ag_deliver(&mut self, a: Value, inner: RetMode, out: Outcome) {
        let fin = match a
            .as_ref()
            .filter(|r| matches!(self.heap.get(*r), Object::AgAwait(_)))
        {
            Some(r) => self.ag_outcome(r, out),
            None => match out {
                Outcome::Raise(e) => Fin::Raise(e),
                Outcome::Return(v) | Outcome::Yield(v) => Fin::Stop(v),
            },
        };
        self.heap.decref(a);
        self.ag_finish(inner, fin);
    }

    /// Hands a finished step to `ret`: a result ends a `yield from`/`await`
    /// or an iteration with a value, and raises `StopIteration` elsewhere.
    pub(crate) fn ag_finish(&mut self, ret: RetMode, fin: Fin) {
        match fin {
            Fin::Pushed => {}
            Fin::Pass(v) => self.deliver(ret, Outcome::Yield(v)),
            Fin::Raise(e) => self.deliver(ret, Outcome::Raise(e)),
            Fin::Stop(v) => match ret {
                RetMode::YieldFrom
                | RetMode::Native
                | RetMode::IterCall(_)
                | RetMode::ForIter
                | RetMode::Next { .. } => {
                    self.deliver(ret, Outcome::Return(v));
                }
                ret => {
                    let e = self.stop_iteration(v);
                    self.deliver(ret, Outcome::Raise(e));
                }
            },
        }
    }

    /// A native method's result from a step.
    fn fin_ret(&mut self, fin: Fin) -> PyResult<Ret> {
        match fin {
            Fin::Pushed => Ok(Ret::Pushed),
            Fin::Pass(v) => Ok(Ret::Value(v)),
            Fin::Raise(e) => Err(e),
            Fin::Stop(v) => Err(self.stop_iteration(v)),
        }
    }

    /// `sys.set_asyncgen_hooks`' `firstiter`, called once per generator.
    fn ag_first_iter(&mut self, g: Ref) {
        let first = match self.ag_flags(g) {
            Some(go) if !go.ag_hooks => {
                go.ag_hooks = true;
                true
            }
            _ => false,
        };
        if !first {
            return;
        }
        let Some(&sys) = self.modules.get("sys") else {
            return;
        };
        let s = self.sym("_ys_asyncgen_firstiter");
        let hook = match self.heap.get(sys) {
            Object::Module(m) => m.globals.get(&s).copied(),
            _ => None,
        };
        if let Some(h) = hook.filter(|h| *h != Value::None) {
            self.heap.incref(h);
            self.heap.incref(Value::Obj(g));
            match self.call_sync(h, vec![Value::Obj(g)], Vec::new()) {
                Ok(v) => self.heap.decref(v),
                Err(e) => self.heap.decref(e),
            }
            self.heap.decref(h);
        }
    }
}

fn recv_ag(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Ref> {
    match a.pos.first().and_then(|v| v.as_ref()) {
        Some(r) if vm.is_async_gen(r) => Ok(r),
        _ => vm.type_error(format!(
            "descriptor '{name}' requires a 'async_generator' object"
        )),
    }
}

fn recv_aw(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Ref> {
    match a.pos.first().and_then(|v| v.as_ref()) {
        Some(r) if matches!(vm.heap.get(r), Object::AgAwait(_)) => Ok(r),
        _ => vm.type_error(format!(
            "descriptor '{name}' requires a 'async_generator_asend' object"
        )),
    }
}

fn arity(vm: &mut Vm, a: &Args<'_>, name: &str, n: usize) -> PyResult<()> {
    let got = a.pos.len().saturating_sub(1);
    if got == n && a.kw.is_empty() {
        return Ok(());
    }
    if n == 0 {
        return vm.type_error(format!("{name}() takes no arguments ({got} given)"));
    }
    vm.type_error(format!("{name}() takes exactly one argument ({got} given)"))
}

/// `async_generator.__aiter__()`.
pub fn ag_aiter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let g = recv_ag(vm, a, "__aiter__")?;
    arity(vm, a, "__aiter__", 0)?;
    vm.heap.incref(Value::Obj(g));
    Ok(Ret::Value(Value::Obj(g)))
}

/// `async_generator.__anext__()`.
pub fn ag_anext(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let g = recv_ag(vm, a, "__anext__")?;
    arity(vm, a, "__anext__", 0)?;
    Ok(Ret::Value(vm.new_ag_await(
        g,
        AgAwaitKind::ASend,
        Value::None,
    )))
}

/// `async_generator.asend(v)`.
pub fn ag_asend(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let g = recv_ag(vm, a, "asend")?;
    arity(vm, a, "asend", 1)?;
    vm.heap.incref(a.pos[1]);
    Ok(Ret::Value(vm.new_ag_await(g, AgAwaitKind::ASend, a.pos[1])))
}

/// `async_generator.athrow(typ[, val[, tb]])`.
pub fn ag_athrow(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let g = recv_ag(vm, a, "athrow")?;
    let exc = crate::builtins::throw_exception(vm, a, "athrow")?;
    Ok(Ret::Value(vm.new_ag_await(g, AgAwaitKind::AThrow, exc)))
}

/// `async_generator.aclose()`.
pub fn ag_aclose(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let g = recv_ag(vm, a, "aclose")?;
    arity(vm, a, "aclose", 0)?;
    Ok(Ret::Value(vm.new_ag_await(
        g,
        AgAwaitKind::AClose,
        Value::None,
    )))
}

/// The awaitables' `send(v)`.
pub fn aw_send(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let r = recv_aw(vm, a, "send")?;
    arity(vm, a, "send", 1)?;
    vm.heap.incref(a.pos[1]);
    let fin = vm.ag_await_send(r, a.pos[1], &ret);
    vm.fin_ret(fin)
}

/// The awaitables' `__next__()`.
pub fn aw_next(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let r = recv_aw(vm, a, "__next__")?;
    arity(vm, a, "__next__", 0)?;
    let fin = vm.ag_await_send(r, Value::None, &ret);
    vm.fin_ret(fin)
}

/// The awaitables' `throw(typ[, val[, tb]])`.
pub fn aw_throw(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let r = recv_aw(vm, a, "throw")?;
    let exc = crate::builtins::throw_exception(vm, a, "throw")?;
    let fin = vm.ag_await_throw(r, exc, &ret);
    vm.fin_ret(fin)
}

/// The awaitables' `close()`.
pub fn aw_close(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = recv_aw(vm, a, "close")?;
    arity(vm, a, "close", 0)?;
    vm.aw_set_state(r, AgAwaitState::Closed);
    Ok(Ret::Value(Value::None))
}

/// `__await__()`/`__iter__()` of the awaitables and `coroutine.__await__()`: itself.
pub fn aw_self(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(&v) = a.pos.first() else {
        return vm.type_error("descriptor needs an argument");
    };
    vm.heap.incref(v);
    Ok(Ret::Value(v))
}

/// `_introspect._iterable_coroutine(f)`: marks generator function `f`'s
/// code as awaitable (what `types.coroutine` does with `co_flags | 0x100`).
pub fn mark_iterable_coroutine(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let code = match a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .map(|r| vm.heap.get(r))
    {
        Some(Object::Function(f)) => f.code,
        _ => return vm.type_error("a function is required"),
    };
    if let Some(c) = vm.codes.get_mut(code.0 as usize) {
        std::sync::Arc::make_mut(c).is_iterable_coroutine = true;
    }
    Ok(Ret::Value(Value::None))
}

/// `__call__` of functions, built-in functions and methods (what
/// `collections.abc.Callable` looks for): calls the receiver.
pub fn call_self(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let Some((&f, rest)) = a.pos.split_first() else {
        return vm.type_error("descriptor '__call__' needs an argument");
    };
    let args: Vec<Value> = rest.to_vec();
    for v in &args {
        vm.heap.incref(*v);
    }
    let kw: Vec<(crate::intern::Sym, Value)> = a.kw.to_vec();
    for (_, v) in &kw {
        vm.heap.incref(*v);
    }
    match vm.call_value(f, args, kw, ret)? {
        Some(v) => Ok(Ret::Value(v)),
        None => Ok(Ret::Pushed),
    }
}

/// `dict.__reversed__()`: `reversed(d)`.
pub fn dict_reversed(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let Some(&d) = a.pos.first() else {
        return vm.type_error("descriptor '__reversed__' of 'dict' object needs an argument");
    };
    let f = Value::Obj(vm.b.funcs[crate::builtins::REVERSED.0 as usize]);
    vm.heap.incref(d);
    match vm.call_value(f, vec![d], Vec::new(), ret)? {
        Some(v) => Ok(Ret::Value(v)),
        None => Ok(Ret::Pushed),
    }
}

/// `aiter(x)`.
pub fn aiter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        let n = a.pos.len();
        return vm.type_error(format!("aiter expected 1 argument, got {n}"));
    }
    let x = a.pos[0];
    let aiter_name = vm.sym("__aiter__");
    let anext_name = vm.sym("__anext__");
    let Some(m) = vm.lookup_special(x, aiter_name) else {
        let tn = vm.type_name(x);
        return vm.type_error(format!("'{tn}' object is not an async iterable"));
    };
    let r = vm.call_sync(m, Vec::new(), Vec::new());
    vm.heap.decref(m);
    let it = r?;
    if !vm.has_special(it, anext_name) {
        let tn = vm.type_name(it);
        vm.heap.decref(it);
        return vm.type_error(format!(
            "aiter() returned not an async iterator of type '{tn}'"
        ));
    }
    Ok(Ret::Value(it))
}

/// `anext(it[, default])`.
pub fn anext(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.is_empty() || a.pos.len() > 2 || !a.kw.is_empty() {
        let n = a.pos.len();
        return vm.type_error(format!("anext expected at least 1 argument, got {n}"));
    }
    let x = a.pos[0];
    let anext_name = vm.sym("__anext__");
    let Some(m) = vm.lookup_special(x, anext_name) else {
        let tn = vm.type_name(x);
        return vm.type_error(format!("'{tn}' object is not an async iterator"));
    };
    let r = vm.call_sync(m, Vec::new(), Vec::new());
    vm.heap.decref(m);
    let aw = r?;
    let Some(&d) = a.pos.get(1) else {
        return Ok(Ret::Value(aw));
    };
    match aw.as_ref().map(|r| vm.heap.get_mut(r)) {
        Some(Object::AgAwait(o)) => {
            o.default = Some(d);
            vm.heap.incref(d);
            Ok(Ret::Value(aw))
        }
        _ => {
            vm.heap.decref(aw);
            vm.type_error("anext() with a default needs an async generator in this VM")
        }
    }
}
