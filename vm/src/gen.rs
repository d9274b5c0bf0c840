//! The generator protocol: resume with a value, throw, close, and `yield
//! from` delegation (PEP 380), all by moving the saved frame onto the stack.

use crate::builtins::ExcType;
use crate::code::Op;
use crate::frame::{FrameKind, Outcome, RetMode};
use crate::interp::top;
use crate::native::Next;
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// What starting a throw/close produced.
pub(crate) enum Thrown {
    /// The generator's frame is running.
    Pushed,
    /// Finished at once with this outcome (for the caller of throw/close).
    Immediate(Outcome),
}

impl Vm {
    /// Is this value a generator object?
    pub(crate) fn is_generator(&self, v: Value) -> bool {
        matches!(
            v.as_ref().map(|r| self.heap.get(r)),
            Some(Object::Generator(_))
        )
    }

    fn gen_state(&self, g: Ref) -> GenState {
        match self.heap.get(g) {
            Object::Generator(go) => go.state,
            _ => GenState::Finished,
        }
    }

    /// Moves a suspended generator's frame onto the stack, with `sent`
    /// (owned) pushed on its value stack when given. On an error nothing
    /// changed and `sent` is still the caller's.
    #[inline(always)]
    fn gen_enter(&mut self, g: Ref, ret: RetMode, sent: Option<Value>) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return self.err(ExcType::RecursionError, "maximum recursion depth exceeded");
        }
        let frame = match self.heap.get_mut(g) {
            Object::Generator(go) => {
                go.state = GenState::Running;
                go.frame.take()
            }
            _ => None,
        };
        let Some(mut frame) = frame else {
            let kind = self.gen_kind_name(g);
            return self.err(ExcType::ValueError, format!("{kind} already executing"));
        };
        if let (Some(v), FrameKind::Py(pf)) = (sent, &mut frame.kind) {
            pf.stack.push(v);
        }
        // A suspended frame's mode is `Discard`, which owns nothing.
        std::mem::forget(std::mem::replace(&mut frame.ret, ret));
        self.heap.incref(Value::Obj(g));
        // A generator's frame is a Python frame and the depth was checked.
        self.depth += 1;
        self.frames.push(frame);
        Ok(())
    }

    /// `next(g)` / `g.send(v)`: resumes with `sent` (owned).
    pub(crate) fn gen_resume(&mut self, g: Ref, sent: Value, ret: RetMode) -> PyResult<Next> {
        let sent = self.resume_hook(g, sent);
        match self.gen_state(g) {
            GenState::Running => {
                self.heap.decref(sent);
                let kind = self.gen_kind_name(g);
                self.err(ExcType::ValueError, format!("{kind} already executing"))
            }
            GenState::Finished => {
                self.heap.decref(sent);
                if self.gen_is_coroutine(g) {
                    return self.err(
                        ExcType::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    );
                }
                Ok(Next::Done)
            }
            GenState::Created => {
                if sent != Value::None {
                    self.heap.decref(sent);
                    let kind = self.gen_kind_name(g);
                    return self.type_error(format!(
                        "can't send non-None value to a just-started {kind}"
                    ));
                }
                self.gen_enter(g, ret, None)?;
                Ok(Next::Pushed)
            }
            GenState::Suspended => {
                if let Err(e) = self.gen_enter(g, ret, Some(sent)) {
                    self.heap.decref(sent);
                    return Err(e);
                }
                Ok(Next::Pushed)
            }
        }
    }

    /// `g.send(v)` (a method call of one argument) or `next(g)` (a call of
    /// one argument) on a generator in any state, resumed straight from the
    /// caller's stack without building an argument list. `None` when the
    /// call is anything else; it then takes the general path.
    pub(crate) fn try_fast_resume(&mut self, n: u32, method: bool) -> Option<PyResult<()>> {
        if n != 1 {
            return None;
        }
        let f = top!(self);
        let len = f.stack.len();
        let (func, recv, sent, want) = if method {
            let (func, recv, sent) = (f.stack[len - 3], f.stack[len - 2], f.stack[len - 1]);
            (func, recv, sent, crate::builtins::GEN_SEND)
        } else {
            let (func, recv) = (f.stack[len - 2], f.stack[len - 1]);
            (func, recv, Value::None, crate::builtins::NEXT)
        };
        let (Value::Obj(fr), Value::Obj(g)) = (func, recv) else {
            return None;
        };
        if !matches!(self.heap.get(fr), Object::Builtin(id) if *id == want)
            || !matches!(self.heap.get(g), Object::Generator(_))
            || (!method && !self.is_plain_generator(g))
        {
            return None;
        }
        // The sent value's stack reference passes to the generator.
        top!(self).stack.truncate(len - if method { 3 } else { 2 });
        let r = self.gen_resume(g, sent, RetMode::Next { default: None });
        self.heap.decref(recv);
        self.heap.decref(func);
        Some(match r {
            Ok(Next::Pushed) => Ok(()),
            Ok(Next::Item(v)) => {
                self.push_value(v);
                Ok(())
            }
            Ok(Next::Done) => Err(self.new_exc_empty(ExcType::StopIteration)),
            Err(e) => Err(e),
        })
    }

    /// Throws `exc` (owned; `None` means `GeneratorExit` for close) into a generator.
    pub(crate) fn gen_throw_start(
        &mut self,
        g: Ref,
        exc: Option<Value>,
        ret: RetMode,
    ) -> PyResult<Thrown> {
        self.throw_hook(g, exc);
        let closing = exc.is_none();
        match self.gen_state(g) {
            GenState::Running => {
                if let Some(e) = exc {
                    self.heap.decref(e);
                }
                let kind = self.gen_kind_name(g);
                self.err(ExcType::ValueError, format!("{kind} already executing"))
            }
            GenState::Created | GenState::Finished => {
                // An unstarted generator is finished without running anything.
                let frame = match self.heap.get_mut(g) {
                    Object::Generator(go) => {
                        go.state = GenState::Finished;
                        go.frame.take()
                    }
                    _ => None,
                };
                if let Some(f) = frame {
                    let mut ch = Vec::new();
                    f.children(&mut ch);
                    self.heap.decref_all(ch);
                }
                match exc {
                    None => Ok(Thrown::Immediate(Outcome::Return(Value::None))),
                    Some(e) => Ok(Thrown::Immediate(Outcome::Raise(e))),
                }
            }
            GenState::Suspended => {
                let exc = match exc {
                    Some(e) => e,
                    None => self.new_exc_empty(ExcType::GeneratorExit),
                };
                if let Err(e) = self.gen_enter(g, ret, None) {
                    self.heap.decref(exc);
                    return Err(e);
                }
                // Delegating? Throw into the delegate first.
                let f = top!(self);
                let at_yield_from = matches!(
                    self.codes[f.code.0 as usize].ops.get(f.pc as usize),
                    Some(Op::YieldFrom)
                );
                if at_yield_from {
                    let inner = *top!(self).stack.last().expect("delegate");
                    // GeneratorExit, thrown or from close(), closes the delegate
                    // first and is then raised in the delegator (PEP 380).
                    let closing = closing || self.is_instance_of_exc(exc, ExcType::GeneratorExit);
                    if closing && self.is_generator(inner) {
                        let ir = inner.as_ref().expect("generator");
                        // The delegate is thrown a GeneratorExit of its own (as the
                        // trace has always shown it); `exc` waits for the delegator.
                        let ge = self.new_exc_empty(ExcType::GeneratorExit);
                        let ret = RetMode::DelegateClosed(exc);
                        let (ret2, thrown) = (ret.clone(), self.gen_throw_start(ir, Some(ge), ret));
                        match thrown {
                            Ok(Thrown::Pushed) => {}
                            Ok(Thrown::Immediate(o)) => self.deliver(ret2, o),
                            Err(e) => self.deliver(ret2, Outcome::Raise(e)),
                        }
                        return Ok(Thrown::Pushed);
                    }
                    if self.is_generator(inner) {
                        let ir = inner.as_ref().expect("generator");
                        match self.gen_throw_start(ir, Some(exc), RetMode::YieldFrom) {
                            Ok(Thrown::Pushed) => {}
                            Ok(Thrown::Immediate(o)) => self.deliver(RetMode::YieldFrom, o),
                            Err(e) => self.deliver(RetMode::YieldFrom, Outcome::Raise(e)),
                        }
                        return Ok(Thrown::Pushed);
                    }
                    if let Some(a) = inner
                        .as_ref()
                        .filter(|r| !closing && matches!(self.heap.get(*r), Object::AgAwait(_)))
                    {
                        let fin = self.ag_await_throw(a, exc, &RetMode::YieldFrom);
                        self.ag_finish(RetMode::YieldFrom, fin);
                        return Ok(Thrown::Pushed);
                    }
                    if !closing {
                        let throw = self.sym("throw");
                        let found = match self.lookup_method(inner, throw) {
                            Ok(Some(m)) => {
                                self.heap.incref(inner);
                                Some((m, vec![inner, exc]))
                            }
                            // Not on the class: a `__getattr__` may answer, and
                            // an error other than AttributeError from it is
                            // raised in the delegator, as in CPython.
                            _ => match self.get_attr(inner, throw) {
                                Ok(m) => Some((m, vec![exc])),
                                Err(e) if self.is_instance_of_exc(e, ExcType::AttributeError) => {
                                    self.heap.decref(e);
                                    None
                                }
                                Err(e) => {
                                    self.heap.decref(exc);
                                    let f = top!(self);
                                    f.pc += 1;
                                    let it = f.stack.pop().expect("delegate");
                                    self.heap.decref(it);
                                    self.raise_new(e);
                                    return Ok(Thrown::Pushed);
                                }
                            },
                        };
                        if let Some((m, args)) = found {
                            let r = self.call_sync(m, args, Vec::new());
                            self.heap.decref(m);
                            match r {
                                Ok(v) => self.suspend_top_generator(v),
                                Err(e) => {
                                    if self.is_instance_of_exc(e, ExcType::StopIteration) {
                                        let v = self.stop_iteration_value(e);
                                        self.heap.decref(e);
                                        self.deliver(RetMode::YieldFrom, Outcome::Return(v));
                                    } else {
                                        self.deliver(RetMode::YieldFrom, Outcome::Raise(e));
                                    }
                                }
                            }
                            return Ok(Thrown::Pushed);
                        }
                    }
                    if closing {
                        // Close a non-generator delegate if it has close().
                        let close = self.sym("close");
                        if let Ok(Some(m)) = self.lookup_method(inner, close) {
                            self.heap.incref(inner);
                            if let Err(e) = self.call_sync(m, vec![inner], Vec::new()) {
                                self.heap.decref(m);
                                self.heap.decref(exc);
                                self.deliver(RetMode::YieldFrom, Outcome::Raise(e));
                                return Ok(Thrown::Pushed);
                            }
                            self.heap.decref(m);
                        }
                    }
                    // Leave the YieldFrom and raise in the delegator.
                    let f = top!(self);
                    f.pc += 1;
                    let it = f.stack.pop().expect("delegate");
                    self.heap.decref(it);
                }
                self.raise_new(exc);
                Ok(Thrown::Pushed)
            }
        }
    }

    /// One step of `yield from`: send `sent` (owned) to the delegate on the stack.
    pub(crate) fn yield_from_step(&mut self, it: Value, sent: Value) -> PyResult<()> {
        if let Some(a) = it
            .as_ref()
            .filter(|r| matches!(self.heap.get(*r), Object::AgAwait(_)))
        {
            let fin = self.ag_await_send(a, sent, &RetMode::YieldFrom);
            self.ag_finish(RetMode::YieldFrom, fin);
            return Ok(());
        }
        if let Some(g) = it.as_ref().filter(|_| self.is_generator(it)) {
            match self.gen_resume(g, sent, RetMode::YieldFrom)? {
                Next::Pushed => {}
                Next::Done => self.deliver(RetMode::YieldFrom, Outcome::Return(Value::None)),
                Next::Item(v) => self.suspend_top_generator(v),
            }
            return Ok(());
        }
        if sent == Value::None {
            match self.next_or_push(it, RetMode::YieldFrom)? {
                Next::Item(v) => self.suspend_top_generator(v),
                Next::Done => self.deliver(RetMode::YieldFrom, Outcome::Return(Value::None)),
                Next::Pushed => {}
            }
            return Ok(());
        }
        let send = self.sym("send");
        let m = match self.get_attr(it, send) {
            Ok(m) => m,
            Err(e) => {
                self.heap.decref(sent);
                // Raised in the delegator, past the YieldFrom.
                let f = top!(self);
                f.pc += 1;
                let it = f.stack.pop().expect("delegate");
                self.heap.decref(it);
                return Err(e);
            }
        };
        let r = self.call_sync(m, vec![sent], Vec::new());
        self.heap.decref(m);
        match r {
            Ok(v) => self.suspend_top_generator(v),
            // StopIteration from `send` ends the `yield from` with its value.
            Err(e) if self.is_instance_of_exc(e, ExcType::StopIteration) => {
                let v = self.stop_iteration_value(e);
                self.heap.decref(e);
                self.deliver(RetMode::YieldFrom, Outcome::Return(v));
            }
            Err(e) => self.deliver(RetMode::YieldFrom, Outcome::Raise(e)),
        }
        Ok(())
    }

    /// `gi_yieldfrom`: the delegate of a generator suspended in `yield from`.
    pub(crate) fn gen_yieldfrom(&self, g: Ref) -> Value {
        if let Object::Generator(go) = self.heap.get(g) {
            if let Some(f) = &go.frame {
                if let FrameKind::Py(p) = &f.kind {
                    if matches!(
                        self.codes[p.code.0 as usize].ops.get(p.pc as usize),
                        Some(Op::YieldFrom)
                    ) {
                        return p.stack.last().copied().unwrap_or(Value::None);
                    }
                }
            }
        }
        Value::None
    }
}
