//! Coroutine objects (`async def`): generators whose code is marked as a
//! coroutine, driven by `send`/`throw`/`close`, with CPython's names and
//! messages, and the awaitable protocol (`__await__`) and asynchronous
//! context managers (`__aenter__`/`__aexit__`).

use crate::code::AsyncOp;
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Is this generator object a coroutine?
    pub(crate) fn gen_is_coroutine(&self, g: Ref) -> bool {
        match self.heap.get(g) {
            Object::Generator(go) => self
                .codes
                .get(go.code.0 as usize)
                .is_some_and(|c| c.is_coroutine && !c.is_async_gen),
            _ => false,
        }
    }

    /// Is this value a coroutine object?
    pub(crate) fn is_coroutine(&self, v: Value) -> bool {
        v.as_ref().is_some_and(|r| self.gen_is_coroutine(r))
    }

    /// "generator" or "coroutine", for messages about `g`.
    pub(crate) fn gen_kind_name(&self, g: Ref) -> &'static str {
        if self.gen_is_coroutine(g) {
            "coroutine"
        } else if self.is_async_gen(g) {
            "async generator"
        } else {
            "generator"
        }
    }

    /// Is this suspended coroutine inside an `await` (delegating)?
    fn coroutine_awaiting(&self, g: Ref) -> bool {
        let Object::Generator(go) = self.heap.get(g) else {
            return false;
        };
        let Some(crate::frame::FrameKind::Py(f)) = go.frame.as_ref().map(|f| &f.kind) else {
            return false;
        };
        self.codes
            .get(f.code.0 as usize)
            .and_then(|c| c.ops.get(f.pc as usize))
            .is_some_and(|op| matches!(op, crate::code::Op::YieldFrom))
    }

    /// Runs one `AsyncOp`.
    pub(crate) fn exec_async(&mut self, op: AsyncOp) -> PyResult<()> {
        match op {
            AsyncOp::GetAwaitable => {
                let v = self.pop_value();
                let r = self.get_awaitable(v);
                self.heap.decref(v);
                let it = r?;
                self.push_value(it);
            }
            AsyncOp::BeforeAsyncWith => {
                let mgr = self.pop_value();
                let enter_name = self.names.intern("__aenter__");
                let exit_name = self.names.intern("__aexit__");
                let enter = self.lookup_special(mgr, enter_name);
                let exit = self.lookup_special(mgr, exit_name);
                let (Some(enter), Some(exit)) = (enter, exit) else {
                    let missed = if enter.is_some() {
                        " (missed __aexit__ method)"
                    } else {
                        ""
                    };
                    for v in [enter, exit].into_iter().flatten() {
                        self.heap.decref(v);
                    }
                    let tn = self.type_name(mgr);
                    self.heap.decref(mgr);
                    return self.type_error(format!(
                        "'{tn}' object does not support the asynchronous context manager protocol{missed}"
                    ));
                };
                self.heap.decref(mgr);
                self.push_value(exit);
                let r = self.call_value(enter, Vec::new(), Vec::new(), RetMode::Push);
                self.heap.decref(enter);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            AsyncOp::GetAIter => {
                let v = self.pop_value();
                let aiter_name = self.names.intern("__aiter__");
                let anext_name = self.names.intern("__anext__");
                let Some(m) = self.lookup_special(v, aiter_name) else {
                    let tn = self.type_name(v);
                    self.heap.decref(v);
                    return self.type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {tn}"
                    ));
                };
                self.heap.decref(v);
                let r = self.call_sync(m, Vec::new(), Vec::new());
                self.heap.decref(m);
                let it = r?;
                if !self.has_special(it, anext_name) {
                    let tn = self.type_name(it);
                    self.heap.decref(it);
                    return self.type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
                    ));
                }
                self.push_value(it);
            }
            AsyncOp::GetANext => {
                let it = self.pop_value();
                let anext_name = self.names.intern("__anext__");
                let m = self.lookup_special(it, anext_name);
                self.push_value(it);
                let Some(m) = m else {
                    let tn = self.type_name(it);
                    return self.type_error(format!(
                        "'async for' requires an iterator with __anext__ method, got {tn}"
                    ));
                };
                let r = self.call_sync(m, Vec::new(), Vec::new());
                self.heap.decref(m);
                let aw = r?;
                match self.get_awaitable(aw) {
                    Ok(a) => {
                        self.heap.decref(aw);
                        self.push_value(a);
                    }
                    Err(e) => {
                        let tn = self.type_name(aw);
                        self.heap.decref(aw);
                        self.heap.decref(e);
                        return self.type_error(format!(
                            "'async for' received an invalid object from __anext__: {tn}"
                        ));
                    }
                }
            }
            AsyncOp::LoadStopAsyncIteration => {
                let v = self.stop_async_iteration();
                self.heap.incref(v);
                self.push_value(v);
            }
        }
        Ok(())
    }

    /// `StopAsyncIteration` (borrowed): made on first use, so programs that
    /// never use it keep the heap layout they always had.
    pub(crate) fn stop_async_iteration(&mut self) -> Value {
        let s = self.names.intern("StopAsyncIteration");
        let bmod = self.b.module();
        if let Object::Module(md) = self.heap.get(bmod) {
            if let Some(&v) = md.globals.get(&s) {
                return v;
            }
        }
        let base = self.b.exc(crate::builtins::ExcType::Exception);
        let c = crate::builtins::make_class(
            self,
            "StopAsyncIteration",
            vec![base],
            crate::object::ClassKind::User,
            "builtins",
        );
        self.module_set(bmod, s, Value::Obj(c));
        Value::Obj(c)
    }

    /// The iterator `await v` delegates to (owned; `v` is borrowed).
    fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if matches!(
            v.as_ref().map(|r| self.heap.get(r)),
            Some(Object::AgAwait(_))
        ) {
            self.heap.incref(v);
            return Ok(v);
        }
        if self.is_coroutine(v) {
            if v.as_ref().is_some_and(|r| self.coroutine_awaiting(r)) {
                return self.err(
                    crate::builtins::ExcType::RuntimeError,
                    "coroutine is being awaited already",
                );
            }
            self.heap.incref(v);
            return Ok(v);
        }
        let tn = self.type_name(v);
        let await_name = self.names.intern("__await__");
        let iterable = v.as_ref().is_some_and(|r| match self.heap.get(r) {
            Object::Generator(go) => self
                .codes
                .get(go.code.0 as usize)
                .is_some_and(|c| c.is_iterable_coroutine),
            _ => false,
        });
        if iterable {
            self.heap.incref(v);
            return Ok(v);
        }
        let method = if self.is_generator(v) {
            None
        } else {
            self.lookup_special(v, await_name)
        };
        let Some(m) = method else {
            return self.type_error(format!("object {tn} can't be used in 'await' expression"));
        };
        let r = self.call_sync(m, Vec::new(), Vec::new());
        self.heap.decref(m);
        let it = r?;
        if self.is_coroutine(it) {
            self.heap.decref(it);
            return self.type_error("__await__() returned a coroutine");
        }
        let next_name = crate::intern::sym::NEXT;
        let is_iter = match it.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Generator(_) | Object::Iter(_)) => true,
            Some(Object::Instance(_)) => self.has_special(it, next_name),
            _ => false,
        };
        if !is_iter {
            let itn = self.type_name(it);
            self.heap.decref(it);
            return self.type_error(format!("__await__() returned non-iterator of type '{itn}'"));
        }
        Ok(it)
    }
}
