//! The interpreter loop. One instruction at a time, on the VM's own frame
//! stack; calls push frames, returns and yields pop them and hand their
//! outcome to the frame below according to its [`RetMode`].

use crate::builtins::ExcType;
use crate::code::{BinOp, CmpOp, CodeKind, Op, UnOp};
use crate::frame::{Block, Frame, FrameKind, Outcome, PyFrame, RetMode};
use crate::intern::{sym, Sym};
use crate::object::{GenState, Object};
use crate::value::Value;
use crate::vm::{Event, PyResult, Vm};

macro_rules! top {
    ($vm:expr) => {
        match &mut $vm.frames.last_mut().expect("frame").kind {
            FrameKind::Py(f) => &mut **f,
            FrameKind::Native(_) => unreachable!("python frame expected"),
        }
    };
}
pub(crate) use top;

/// What the loop stops for.
pub(crate) enum Stop {
    /// Something the driver must see.
    Event(Event),
    /// A nested run (`call_sync`) finished.
    Sync(Outcome),
}

impl Vm {
    /// Runs until the next event: a suspension (when `pause_on_yield`), the
    /// end of the program, an uncaught exception, or the budget running out.
    pub fn run(&mut self, budget: Option<u64>) -> Event {
        match self.run_loop(0, budget) {
            Stop::Event(e) => e,
            Stop::Sync(_) => Event::Finished,
        }
    }

    #[inline(always)]
    pub(crate) fn push_value(&mut self, v: Value) {
        top!(self).stack.push(v);
    }

    #[inline(always)]
    pub(crate) fn pop_value(&mut self) -> Value {
        top!(self).stack.pop().expect("stack underflow")
    }

    pub(crate) fn run_loop(&mut self, base: usize, budget: Option<u64>) -> Stop {
        let limit = budget.map(|b| self.steps.saturating_add(b));
        loop {
            if self.sync_result.is_some() {
                if let Some(out) = self.sync_result.take() {
                    return Stop::Sync(out);
                }
            }
            if self.pending_event.is_some() {
                if let Some(ev) = self.pending_event.take() {
                    if self.sync_depth == 0 {
                        return Stop::Event(ev);
                    }
                }
            }
            if self.frames.len() <= base {
                return Stop::Event(self.finish_event.take().unwrap_or(Event::Finished));
            }
            if let Some(l) = limit {
                if self.steps >= l {
                    return Stop::Event(Event::Budget);
                }
            }
            self.steps += 1;
            let is_py = matches!(self.frames.last().expect("frame").kind, FrameKind::Py(_));
            let r = if is_py {
                self.exec_one()
            } else {
                self.native_resume(None)
            };
            if let Err(exc) = r {
                self.raise_new(exc);
            }
            if !self.heap.pending_final.is_empty() {
                self.run_finalizers();
            }
            if self.heap.collect_after_final
                && self.gc_enabled
                && self.heap.pending_final.is_empty()
                && self.active_finalizers == 0
                && self.sync_depth == 0
            {
                self.collect_cycles();
            }
            if self.rc_check && self.sync_depth == 0 {
                let bad = self.refcount_mismatches();
                if !bad.is_empty() {
                    let (code, pc) = match &self.frames.last().map(|f| &f.kind) {
                        Some(FrameKind::Py(p)) => (p.code.0, p.pc),
                        _ => (0, 0),
                    };
                    let c = &self.codes[code as usize];
                    let prev = c.ops.get(pc.saturating_sub(1) as usize);
                    let line = self.line_before(code, pc);
                    panic!(
                        "refcount mismatch after step {} ({} line {line}, after {prev:?}):\n{}",
                        self.steps,
                        c.qualname,
                        bad.join("\n")
                    );
                }
            }
            if self.gc_enabled
                && self.sync_depth == 0
                && self.heap.allocs_since_gc > self.heap.live_at_gc.max(self.gc_min)
            {
                self.collect_cycles();
            }
        }
    }

    /// A new exception raised in the top frame: chain its context and unwind.
    pub(crate) fn raise_new(&mut self, exc: Value) {
        self.set_context(exc);
        self.unwind(exc, true);
    }

    /// Sets `__context__` of a newly raised exception to the exception
    /// being handled, if any (without creating a cycle).
    pub(crate) fn set_context(&mut self, exc: Value) {
        let Some(handled) = self.current_handled() else {
            return;
        };
        if handled.is(exc) {
            return;
        }
        // Break a cycle: if exc is already in handled's context chain, cut it there.
        let mut cur = handled;
        for _ in 0..1000 {
            let next = match cur.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::Exception(e)) => e.context,
                _ => break,
            };
            if next.is(exc) {
                if let Some(Object::Exception(e)) = cur.as_ref().map(|r| self.heap.get_mut(r)) {
                    e.context = Value::None;
                }
                self.heap.decref(exc);
                break;
            }
            cur = next;
        }
        if let Some(r) = exc.as_ref() {
            if let Object::Exception(e) = self.heap.get_mut(r) {
                if e.context == Value::None {
                    e.context = handled;
                    self.heap.incref(handled);
                }
            }
        }
    }

    /// The exception currently being handled (`sys.exc_info()[1]`).
    pub(crate) fn current_handled(&self) -> Option<Value> {
        for f in self.frames.iter().rev() {
            if let FrameKind::Py(p) = &f.kind {
                for b in p.blocks.iter().rev() {
                    if let Block::Handling { exc } = b {
                        return Some(*exc);
                    }
                }
            }
        }
        None
    }

    fn add_traceback(&mut self, exc: Value) {
        let Some(r) = exc.as_ref() else { return };
        if !matches!(self.heap.get(r), Object::Exception(_)) {
            return;
        }
        let Some(Frame {
            kind: FrameKind::Py(f),
            ..
        }) = self.frames.last_mut()
        else {
            return;
        };
        if f.traced.serial == 0 {
            self.frame_serial += 1;
            f.traced.serial = self.frame_serial;
        }
        if !f.traced.excs.contains(&r) {
            f.traced.excs.push(r);
        }
        let entry = crate::object::TbEntry {
            code: f.code,
            pc: f.pc.saturating_sub(1),
            held: Value::None,
            frame: f.traced.serial,
        };
        if let Object::Exception(e) = self.heap.get_mut(r) {
            e.traceback.insert(0, entry);
        }
    }

    /// Unwinds from the top frame until a handler takes the exception.
    pub(crate) fn unwind(&mut self, exc: Value, add_tb: bool) {
        let mut add_tb = add_tb;
        let mut exc = exc;
        loop {
            let Some(frame) = self.frames.last_mut() else {
                self.heap.decref(exc);
                return;
            };
            if let FrameKind::Py(_) = frame.kind {
                if add_tb {
                    self.add_traceback(exc);
                }
                while let Some(b) = top!(self).blocks.pop() {
                    match b {
                        Block::Handling { exc: old } => {
                            self.heap.decref(old);
                        }
                        Block::Except { handler, depth } | Block::Finally { handler, depth } => {
                            let f = top!(self);
                            let dropped: Vec<Value> = f.stack.drain(depth as usize..).collect();
                            f.blocks.push(Block::Handling { exc });
                            f.stack.push(exc);
                            f.pc = handler;
                            self.heap.incref(exc);
                            self.heap.decref_all(dropped);
                            return;
                        }
                    }
                }
            }
            // No handler here: the frame ends with the exception.
            let frame = self.frames.pop().expect("frame");
            let ended = self.end_frame(frame.kind, exc, true);
            if let RetMode::Native = frame.ret {
                // The native frame below fails with it too (as
                // `native_resume` would do), without recursing per frame.
                add_tb = false;
                exc = ended;
                continue;
            }
            match self.deliver_raise(frame.ret, ended) {
                Some(e) => {
                    add_tb = true;
                    exc = e;
                }
                None => return,
            }
        }
    }

    /// Releases a finished frame. For a generator frame, marks the generator
    /// finished and (for an exception) applies PEP 479.
    pub(crate) fn end_frame(&mut self, kind: FrameKind, exc: Value, raised: bool) -> Value {
        let mut exc = exc;
        let mut children = Vec::new();
        match kind {
            FrameKind::Py(mut f) => {
                self.depth -= 1;
                let gen = f.generator;
                let is_gen = gen.is_some();
                if let Some(g) = gen {
                    if let Object::Generator(go) = self.heap.get_mut(g) {
                        go.state = GenState::Finished;
                        go.frame = None;
                    }
                }
                let stop_async =
                    raised && gen.is_some_and(|g| self.is_async_gen(g)) && self.is_stop_async(exc);
                if raised
                    && is_gen
                    && (stop_async || self.is_instance_of_exc(exc, ExcType::StopIteration))
                {
                    let kind = gen.map_or("generator", |g| self.gen_kind_name(g));
                    let what = if stop_async {
                        "StopAsyncIteration"
                    } else {
                        "StopIteration"
                    };
                    let new = self.new_exc(ExcType::RuntimeError, &format!("{kind} raised {what}"));
                    if let Some(Object::Exception(e)) = new.as_ref().map(|r| self.heap.get_mut(r)) {
                        e.cause = exc;
                        e.context = exc;
                        e.suppress_context = true;
                    }
                    self.heap.incref(exc);
                    exc = new;
                }
                if let Some(o) = f.obj.take() {
                    self.frame_obj_ended(o, &f);
                }
                // Release in CPython's order: locals by slot, cells, stack,
                // handled exceptions, then the frame's own references. The
                // emptied frame is kept for reuse. A frame ended by an
                // exception hands its locals and cells to the exception's
                // traceback instead, which releases them in the same order.
                if !self.hold_in_tracebacks(&mut f) {
                    for v in f.locals.drain(..) {
                        self.heap.decref(v);
                    }
                    for c in f.cells.drain(..) {
                        self.heap.decref(Value::Obj(c));
                    }
                }
                for v in f.stack.drain(..) {
                    self.heap.decref(v);
                }
                for b in f.blocks.drain(..) {
                    if let Block::Handling { exc } = b {
                        self.heap.decref(exc);
                    }
                }
                self.heap.decref(Value::Obj(f.module));
                if let Some(ns) = f.ns.take() {
                    self.heap.decref(Value::Obj(ns));
                }
                let func = std::mem::replace(&mut f.func, Value::None);
                self.heap.decref(func);
                if let Some(g) = gen {
                    self.heap.decref(Value::Obj(g));
                }
                f.generator = None;
                if self.frame_pool.len() < 64 {
                    self.frame_pool.push(f);
                }
            }
            FrameKind::Native(n) => {
                n.children(&mut children);
                self.heap.decref_all(children);
            }
        }
        exc
    }

    /// Moves the locals and cells of the ended frame `f` into the entries
    /// that tracebacks still alive have for it (one counted reference each),
    /// so they are released when the last such exception is. False (nothing
    /// moved) when no traceback names the frame or it holds no object.
    fn hold_in_tracebacks(&mut self, f: &mut crate::frame::PyFrame) -> bool {
        if f.traced.excs.is_empty() {
            return false;
        }
        let serial = f.traced.serial;
        let mut holders = Vec::new();
        for r in std::mem::take(&mut f.traced.excs) {
            if let Object::Exception(e) = self.heap.get(r) {
                for (i, t) in e.traceback.iter().enumerate() {
                    if t.frame == serial && t.held == Value::None {
                        holders.push((r, i));
                    }
                }
            }
        }
        f.traced.serial = 0;
        if holders.is_empty()
            || (f.cells.is_empty() && !f.locals.iter().any(|v| matches!(v, Value::Obj(_))))
        {
            return false;
        }
        let mut items: Vec<Value> = f.locals.drain(..).filter(|v| *v != Value::Undef).collect();
        items.extend(f.cells.drain(..).map(Value::Obj));
        let held = self.tuple(items);
        for (n, (r, i)) in holders.into_iter().enumerate() {
            if n > 0 {
                self.heap.incref(held);
            }
            if let Object::Exception(e) = self.heap.get_mut(r) {
                e.traceback[i].held = held;
            }
        }
        true
    }

    /// Hands a raised exception to the frame below. Returns `Some` when the
    /// exception continues to propagate in the (new) top frame.
    fn deliver_raise(&mut self, ret: RetMode, exc: Value) -> Option<Value> {
        match ret {
            RetMode::AgUnwrap(a, inner) => {
                self.ag_deliver(a, *inner, Outcome::Raise(exc));
                None
            }
            RetMode::IterCall(inner) => {
                if self.is_instance_of_exc(exc, ExcType::StopIteration) {
                    let v = self.stop_iteration_value(exc);
                    self.heap.decref(exc);
                    self.deliver(*inner, Outcome::Return(v));
                    None
                } else {
                    self.deliver_raise(*inner, exc)
                }
            }
            RetMode::Sync => {
                self.sync_result = Some(Outcome::Raise(exc));
                None
            }
            RetMode::Driver => {
                let ev = self.report_uncaught(exc);
                self.finish_event = Some(ev);
                None
            }
            RetMode::Finalize(obj) => {
                if !self.is_instance_of_exc(exc, ExcType::GeneratorExit)
                    && !self.is_instance_of_exc(exc, ExcType::StopIteration)
                {
                    self.report_ignored(obj, exc);
                }
                self.heap.decref(exc);
                self.finish_finalizer(obj);
                None
            }
            RetMode::Close => {
                if self.is_instance_of_exc(exc, ExcType::GeneratorExit)
                    || self.is_instance_of_exc(exc, ExcType::StopIteration)
                {
                    self.heap.decref(exc);
                    self.push_value(Value::None);
                    return None;
                }
                Some(exc)
            }
            RetMode::ForIter | RetMode::Next { .. }
                if self.is_instance_of_exc(exc, ExcType::StopIteration) =>
            {
                let v = self.stop_iteration_value(exc);
                self.heap.decref(exc);
                self.deliver(ret, Outcome::Return(v));
                None
            }
            RetMode::Native => {
                let r = self.native_resume(Some(Outcome::Raise(exc)));
                if let Err(e) = r {
                    self.raise_new(e);
                }
                None
            }
            RetMode::Init(inst) => {
                self.heap.decref(inst);
                Some(exc)
            }
            RetMode::Import(m) => {
                let name = match self.heap.get(m) {
                    Object::Module(md) => md.name.to_string(),
                    _ => String::new(),
                };
                self.modules.shift_remove(&name);
                Some(exc)
            }
            RetMode::ClassBody {
                ns, bases, meta, ..
            } => {
                self.heap.decref(Value::Obj(ns));
                self.heap.decref_all(bases);
                self.heap.decref(meta);
                Some(exc)
            }
            RetMode::YieldFrom => {
                // Raised inside the delegate: continue past the YieldFrom.
                let f = top!(self);
                f.pc += 1;
                let it = f.stack.pop().expect("delegate");
                self.heap.decref(it);
                Some(exc)
            }
            RetMode::Next { default } => {
                if let Some(d) = default {
                    self.heap.decref(d);
                }
                Some(exc)
            }
            RetMode::DelegateClosed(pending) => {
                // The delegate closed by raising: GeneratorExit or
                // StopIteration mean closed; anything else replaces the exit.
                let closed = self.is_instance_of_exc(exc, ExcType::GeneratorExit)
                    || self.is_instance_of_exc(exc, ExcType::StopIteration);
                let e = if closed {
                    self.heap.decref(exc);
                    pending
                } else {
                    self.heap.decref(pending);
                    exc
                };
                self.deliver_raise(RetMode::YieldFrom, e)
            }
            RetMode::Push | RetMode::ForIter | RetMode::Discard | RetMode::Drop => Some(exc),
        }
    }

    /// Hands a yielded or returned value to the frame below.
    pub(crate) fn deliver(&mut self, ret: RetMode, out: Outcome) {
        match (ret, out) {
            (RetMode::AgUnwrap(a, inner), o) => self.ag_deliver(a, *inner, o),
            (ret, Outcome::Raise(e)) => {
                if let Some(e) = self.deliver_raise(ret, e) {
                    self.unwind(e, true);
                }
            }
            (RetMode::Push, Outcome::Return(v) | Outcome::Yield(v)) => self.push_value(v),
            (RetMode::IterCall(inner), Outcome::Return(v) | Outcome::Yield(v)) => {
                self.deliver(*inner, Outcome::Yield(v));
            }
            (RetMode::Sync, o) => self.sync_result = Some(o),
            (RetMode::Driver, Outcome::Return(v) | Outcome::Yield(v)) => {
                self.heap.decref(v);
                self.finish_event = Some(Event::Finished);
            }
            (RetMode::Discard | RetMode::Drop, Outcome::Return(v) | Outcome::Yield(v)) => {
                self.heap.decref(v)
            }
            (RetMode::Init(inst), Outcome::Return(v) | Outcome::Yield(v)) => {
                if v == Value::None {
                    self.push_value(inst);
                } else {
                    let tn = self.type_name(v);
                    self.heap.decref(v);
                    self.heap.decref(inst);
                    let e = self.new_exc(
                        ExcType::TypeError,
                        &format!("__init__() should return None, not '{tn}'"),
                    );
                    self.raise_new(e);
                }
            }
            (RetMode::ForIter, Outcome::Yield(v)) => self.push_value(v),
            (RetMode::ForIter, Outcome::Return(v)) => {
                self.heap.decref(v);
                let f = top!(self);
                let it = f.stack.pop().expect("iterator");
                let target = match self.codes[f.code.0 as usize].ops[f.pc as usize - 1] {
                    Op::ForIter(t) => t,
                    _ => f.pc,
                };
                top!(self).pc = target;
                self.heap.decref(it);
            }
            (RetMode::Next { default }, Outcome::Yield(v)) => {
                if let Some(d) = default {
                    self.heap.decref(d);
                }
                self.push_value(v);
            }
            (RetMode::Next { default }, Outcome::Return(v)) => match default {
                Some(d) => {
                    self.heap.decref(v);
                    self.push_value(d);
                }
                None => {
                    let e = self.stop_iteration(v);
                    self.raise_new(e);
                }
            },
            (RetMode::YieldFrom, Outcome::Yield(v)) => {
                // The delegator yields the same value; it stays at its YieldFrom.
                self.suspend_top_generator(v);
            }
            (RetMode::YieldFrom, Outcome::Return(v)) => {
                let f = top!(self);
                f.pc += 1;
                let it = f.stack.pop().expect("delegate");
                f.stack.push(v);
                self.heap.decref(it);
            }
            (RetMode::Native, o)
                if self.native_requesting.is_some()
                    && self.native_requesting == self.frames.len().checked_sub(1) =>
            {
                // The native frame below is in the middle of asking for this:
                // it takes the answer when its request returns.
                self.native_stash = Some(o);
            }
            (RetMode::Native, o) => {
                if let Err(e) = self.native_resume(Some(o)) {
                    self.raise_new(e);
                }
            }
            (RetMode::DelegateClosed(pending), Outcome::Return(v)) => {
                self.heap.decref(v);
                self.deliver(RetMode::YieldFrom, Outcome::Raise(pending));
            }
            (RetMode::DelegateClosed(pending), Outcome::Yield(v)) => {
                // The delegate ignored GeneratorExit: the error surfaces in
                // the delegator, at its `yield from`.
                self.heap.decref(v);
                self.heap.decref(pending);
                let e = self.new_exc(ExcType::RuntimeError, "generator ignored GeneratorExit");
                self.deliver(RetMode::YieldFrom, Outcome::Raise(e));
            }
            (RetMode::Close, Outcome::Yield(v)) => {
                self.heap.decref(v);
                let e = self.new_exc(ExcType::RuntimeError, "generator ignored GeneratorExit");
                self.raise_new(e);
            }
            (RetMode::Close, Outcome::Return(v)) => {
                self.heap.decref(v);
                self.push_value(Value::None);
            }
            (RetMode::Finalize(obj), Outcome::Yield(v)) => {
                self.heap.decref(v);
                let e = self.new_exc(ExcType::RuntimeError, "generator ignored GeneratorExit");
                self.report_ignored(obj, e);
                self.heap.decref(e);
                self.finish_finalizer(obj);
            }
            (RetMode::Finalize(obj), Outcome::Return(v)) => {
                self.heap.decref(v);
                self.finish_finalizer(obj);
            }
            (RetMode::Import(m), Outcome::Return(v) | Outcome::Yield(v)) => {
                self.heap.decref(v);
                self.push_value(Value::Obj(m));
            }
            (
                RetMode::ClassBody {
                    ns,
                    bases,
                    name,
                    meta,
                },
                Outcome::Return(v) | Outcome::Yield(v),
            ) => {
                self.heap.decref(v);
                match self.build_class_meta(ns, bases, name, meta) {
                    Ok(c) => self.push_value(c),
                    Err(e) => self.raise_new(e),
                }
            }
        }
    }

    /// Suspends the generator whose frame is on top, yielding `v` to its resumer.
    pub(crate) fn suspend_top_generator(&mut self, v: Value) {
        let mut frame = self.frames.pop().expect("frame");
        let ret = std::mem::replace(&mut frame.ret, RetMode::Discard);
        let FrameKind::Py(mut pf) = frame.kind else {
            unreachable!("generator frames are python frames")
        };
        let g = pf.generator.expect("generator frame");
        self.depth -= 1;
        pf.generator = Some(g);
        let (code, pc) = (pf.code.0, pf.pc);
        if let Object::Generator(go) = self.heap.get_mut(g) {
            go.state = GenState::Suspended;
            go.frame = Some(Frame {
                ret: RetMode::Discard,
                kind: FrameKind::Py(pf),
            });
        }
        // One suspension per step is an event (a `yield from` chain
        // suspends all its generators in one step): noted in the trace,
        // or stopping the run.
        // A yield to the driver itself (`RetMode::Sync`) is its own.
        // Inside a nested run (a built-in resuming the generator from Rust)
        // the suspension is noted in the trace and the run goes on.
        if self.pause_on_yield
            && self.driver.trace.last_step != Some(self.steps)
            && (self.sync_depth > 0 || self.pending_event.is_none())
        {
            if self.sync_depth > 0 {
                self.trace_yield(g, code, pc, v);
            } else if matches!(ret, RetMode::Sync) || !self.trace_yield(g, code, pc, v) {
                self.pending_event = Some(Event::Suspended { generator: g });
            }
        }
        self.driver.last_yield = Some(v);
        match ret {
            // The resumer's stack takes the value (`next`, `send`, `for`).
            RetMode::Push | RetMode::ForIter | RetMode::Next { default: None } => {
                self.push_value(v);
            }
            ret => self.deliver(ret, Outcome::Yield(v)),
        }
        // The running frame held a reference to its generator.
        self.heap.decref(Value::Obj(g));
    }

    #[allow(clippy::too_many_lines)]
    /// Runs a stretch of simple instructions of the top frame with split
    /// borrows (no frame look-up per instruction). Stops before anything that
    /// may call, raise, suspend or release an object needing a finalizer.
    #[inline(always)]
    fn exec_fast(&mut self, max: u32) -> (u32, bool) {
        let Vm {
            frames,
            heap,
            codes,
            b,
            char_strs,
            attr_cache,
            ..
        } = self;
        let Some(Frame {
            kind: FrameKind::Py(f),
            ..
        }) = frames.last_mut()
        else {
            return (0, true);
        };
        let f = &mut **f;
        // The code's slices held in locals: stores through `heap` and `f`
        // cannot make the loop reload them.
        let code = &codes[f.code.0 as usize];
        let (ops, consts) = (&code.ops[..], &code.consts[..]);
        let mut n = 0;
        while n < max {
            let op = ops[f.pc as usize];
            match op {
                Op::LoadFast(i) => {
                    let v = f.locals[i as usize];
                    if v == Value::Undef {
                        break;
                    }
                    heap.incref(v);
                    f.stack.push(v);
                }
                Op::StoreFast(i) => {
                    let v = f.stack.pop().expect("stack");
                    let old = std::mem::replace(&mut f.locals[i as usize], v);
                    if old != Value::Undef {
                        heap.decref(old);
                    }
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::LoadConst(i) => {
                    let v = consts[i as usize];
                    heap.incref(v);
                    f.stack.push(v);
                }
                Op::PopTop => {
                    let v = f.stack.pop().expect("stack");
                    heap.decref(v);
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::Jump(t) => {
                    f.pc = t;
                    n += 1;
                    continue;
                }
                Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                    let Some(truth) = f.stack.last().and_then(|v| v.simple_truth()) else {
                        break;
                    };
                    f.stack.pop();
                    if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                        f.pc = t;
                        n += 1;
                        continue;
                    }
                }
                Op::Binary(bop) | Op::Inplace(bop) => {
                    let len = f.stack.len();
                    let (Value::Int(x), Value::Int(y)) = (f.stack[len - 2], f.stack[len - 1])
                    else {
                        break;
                    };
                    let r = match bop {
                        BinOp::Add => x.checked_add(y),
                        BinOp::Sub => x.checked_sub(y),
                        BinOp::Mul => x.checked_mul(y),
                        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
                        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
                        BinOp::And => Some(x & y),
                        BinOp::Or => Some(x | y),
                        BinOp::Xor => Some(x ^ y),
                        _ => None,
                    };
                    let Some(r) = r else { break };
                    f.stack.truncate(len - 2);
                    f.stack.push(Value::Int(r));
                }
                Op::Compare(c) => {
                    let len = f.stack.len();
                    let (lhs, rhs) = (f.stack[len - 2], f.stack[len - 1]);
                    let r = match (lhs, rhs) {
                        (Value::Int(x), Value::Int(y)) => c.holds(&x, &y),
                        // Two strings for equality (the common `kind == "sleep"`);
                        // freeing a string never queues a finalizer.
                        (Value::Obj(x), Value::Obj(y)) if matches!(c, CmpOp::Eq | CmpOp::Ne) => {
                            let (Object::Str(a), Object::Str(b)) = (heap.get(x), heap.get(y))
                            else {
                                break;
                            };
                            (a == b) == matches!(c, CmpOp::Eq)
                        }
                        _ => break,
                    };
                    f.stack.truncate(len - 2);
                    f.stack.push(Value::Bool(r));
                    heap.decref(lhs);
                    heap.decref(rhs);
                }
                Op::LoadGlobal(s) => {
                    let found = match heap.get(f.module) {
                        Object::Module(md) => md.globals.get(&s).copied(),
                        _ => None,
                    };
                    let found = found.or_else(|| match heap.get(b.module()) {
                        Object::Module(md) => md.globals.get(&s).copied(),
                        _ => None,
                    });
                    let Some(v) = found else { break };
                    heap.incref(v);
                    f.stack.push(v);
                }
                Op::ForIter(t) => {
                    let Some(Value::Obj(it)) = f.stack.last().copied() else {
                        break;
                    };
                    let next = match heap.get_mut(it) {
                        Object::Iter(io) => match &mut **io {
                            crate::iter::IterObj::Range { cur, stop, step } => {
                                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                                    let v = *cur;
                                    *cur = cur.saturating_add(*step);
                                    Some(Some(Value::Int(v)))
                                } else {
                                    Some(None)
                                }
                            }
                            _ => None,
                        },
                        _ => None,
                    };
                    match next {
                        Some(Some(v)) => f.stack.push(v),
                        Some(None) => {
                            f.stack.pop();
                            heap.decref(Value::Obj(it));
                            f.pc = t;
                            n += 1;
                            if !heap.pending_final.is_empty() {
                                return (n, false);
                            }
                            continue;
                        }
                        None => break,
                    }
                }
                Op::UnpackSequence(k) => {
                    let Some(&Value::Obj(r)) = f.stack.last() else {
                        break;
                    };
                    let items: &[Value] = match heap.get(r) {
                        Object::Tuple(t) => t,
                        Object::List(l) => l,
                        _ => break,
                    };
                    if items.len() != k as usize {
                        break;
                    }
                    f.stack.pop();
                    let at = f.stack.len();
                    f.stack.extend(items.iter().rev().copied());
                    for v in &f.stack[at..] {
                        heap.incref(*v);
                    }
                    heap.decref(Value::Obj(r));
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::LoadDeref(i) => {
                    let v = match heap.get(f.cells[i as usize]) {
                        Object::Cell(v) if *v != Value::Undef => *v,
                        _ => break,
                    };
                    heap.incref(v);
                    f.stack.push(v);
                }
                Op::LoadClosure(i) => {
                    let c = Value::Obj(f.cells[i as usize]);
                    heap.incref(c);
                    f.stack.push(c);
                }
                Op::StoreDeref(i) => {
                    let v = f.stack.pop().expect("stack");
                    let old = match heap.get_mut(f.cells[i as usize]) {
                        Object::Cell(slot) => std::mem::replace(slot, v),
                        _ => Value::Undef,
                    };
                    if old != Value::Undef {
                        heap.decref(old);
                    }
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::Is(neg) => {
                    let rhs = f.stack.pop().expect("stack");
                    let lhs = f.stack.pop().expect("stack");
                    f.stack.push(Value::Bool(lhs.is(rhs) != neg));
                    heap.decref(lhs);
                    heap.decref(rhs);
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                    let Some(truth) = f.stack.last().and_then(|v| v.simple_truth()) else {
                        break;
                    };
                    if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                        f.pc = t;
                        n += 1;
                        continue;
                    }
                    f.stack.pop();
                }
                Op::Unary(UnOp::Not) => {
                    let Some(truth) = f.stack.last().and_then(|v| v.simple_truth()) else {
                        break;
                    };
                    *f.stack.last_mut().expect("stack") = Value::Bool(!truth);
                }
                Op::Unary(UnOp::Neg) => match f.stack.last_mut() {
                    Some(Value::Int(i)) => {
                        let Some(r) = i.checked_neg() else { break };
                        *i = r;
                    }
                    Some(Value::Float(x)) => *x = -*x,
                    _ => break,
                },
                Op::ListAppend(d) => {
                    let v = f.stack.pop().expect("stack");
                    let l = f.stack[f.stack.len() - d as usize];
                    match l.as_ref().map(|r| heap.get_mut(r)) {
                        Some(Object::List(items)) => items.push(v),
                        _ => {
                            f.stack.push(v);
                            break;
                        }
                    }
                }
                Op::BuildTuple(k) => {
                    let at = f.stack.len() - k as usize;
                    let t: Box<[Value]> = Box::from(&f.stack[at..]);
                    f.stack.truncate(at);
                    f.stack.push(Value::Obj(heap.alloc(Object::Tuple(t))));
                }
                Op::LoadMethod(s) => {
                    // A function or native method found (cached) on the class
                    // of an instance that does not shadow it, or of a common
                    // built-in object: pushed with its receiver, as CPython.
                    let Some(&Value::Obj(r)) = f.stack.last() else {
                        break;
                    };
                    let cls = match heap.get(r) {
                        Object::Instance(i) => {
                            if i.attrs.contains_key(&s) {
                                break;
                            }
                            i.class
                        }
                        Object::List(_) => b.ty(crate::types::TypeTag::List),
                        Object::Dict(d) if matches!(d.flavor, crate::dict::DictFlavor::Plain) => {
                            b.ty(crate::types::TypeTag::Dict)
                        }
                        Object::Str(_) => b.ty(crate::types::TypeTag::Str),
                        Object::Generator(g)
                            if codes.get(g.code.0 as usize).is_none_or(|c| !c.is_coroutine) =>
                        {
                            b.ty(crate::types::TypeTag::Generator)
                        }
                        Object::Deque(_) => b.ty(crate::types::TypeTag::Deque),
                        Object::Set(_, false) => b.ty(crate::types::TypeTag::Set),
                        _ => break,
                    };
                    let Some(Some(Value::Obj(m))) = attr_cache.get(heap.class_epoch, cls, s) else {
                        break;
                    };
                    if !matches!(heap.get(m), Object::Function(_) | Object::Builtin(_)) {
                        break;
                    }
                    heap.incref(Value::Obj(m));
                    *f.stack.last_mut().expect("stack") = Value::Obj(m);
                    f.stack.push(Value::Obj(r));
                }
                Op::LoadAttr(s) => {
                    // An instance attribute not shadowed by a property, when
                    // the class look-up is cached.
                    let Some(&Value::Obj(r)) = f.stack.last() else {
                        break;
                    };
                    let Object::Instance(inst) = heap.get(r) else {
                        break;
                    };
                    match attr_cache.get(heap.class_epoch, inst.class, s) {
                        Some(None) => {}
                        Some(Some(Value::Obj(ca)))
                            if !matches!(
                                heap.get(ca),
                                Object::Property(..) | Object::Instance(_)
                            ) => {}
                        Some(Some(ca)) if !matches!(ca, Value::Obj(_)) => {}
                        _ => break,
                    }
                    let Some(&v) = inst.attrs.get(&s) else {
                        break;
                    };
                    heap.incref(v);
                    *f.stack.last_mut().expect("stack") = v;
                    heap.decref(Value::Obj(r));
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::StoreAttr(s) => {
                    // Into an instance whose class has neither a Python
                    // `__setattr__` nor a property of that name (cached).
                    let len = f.stack.len();
                    let Value::Obj(r) = f.stack[len - 1] else {
                        break;
                    };
                    let Object::Instance(inst) = heap.get(r) else {
                        break;
                    };
                    let (cls, epoch) = (inst.class, heap.class_epoch);
                    let plain = |v: Option<Option<Value>>, heap: &crate::heap::Heap| match v {
                        Some(None) => true,
                        Some(Some(Value::Obj(x))) => !matches!(
                            heap.get(x),
                            Object::Property(..) | Object::Function(_) | Object::Instance(_)
                        ),
                        Some(Some(_)) => true,
                        None => false,
                    };
                    if !plain(
                        attr_cache.get(epoch, cls, crate::intern::sym::SETATTR),
                        heap,
                    ) || !plain(attr_cache.get(epoch, cls, s), heap)
                    {
                        break;
                    }
                    let v = f.stack[len - 2];
                    f.stack.truncate(len - 2);
                    let old = match heap.get_mut(r) {
                        Object::Instance(i) => i.attrs.insert(s, v),
                        _ => None,
                    };
                    if let Some(o) = old {
                        heap.decref(o);
                    }
                    heap.decref(Value::Obj(r));
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::Subscript => {
                    let len = f.stack.len();
                    let (obj, key) = (f.stack[len - 2], f.stack[len - 1]);
                    let Some(v) = crate::ops::subscript_fast(heap, char_strs, obj, key) else {
                        break;
                    };
                    heap.incref(v);
                    f.stack.truncate(len - 2);
                    f.stack.push(v);
                    heap.decref(key);
                    heap.decref(obj);
                    if !heap.pending_final.is_empty() {
                        f.pc += 1;
                        return (n + 1, false);
                    }
                }
                Op::BuildSlice(k) => {
                    let step = if k == 3 {
                        f.stack.pop().expect("stack")
                    } else {
                        Value::None
                    };
                    let stop = f.stack.pop().expect("stack");
                    let start = f.stack.pop().expect("stack");
                    f.stack
                        .push(Value::Obj(heap.alloc(Object::Slice(start, stop, step))));
                }
                Op::DupTop => {
                    let v = *f.stack.last().expect("stack");
                    heap.incref(v);
                    f.stack.push(v);
                }
                Op::RotTwo => {
                    let len = f.stack.len();
                    f.stack.swap(len - 1, len - 2);
                }
                Op::RotThree => {
                    let len = f.stack.len();
                    f.stack[len - 3..].rotate_right(1);
                }
                Op::SetupExcept(h) => {
                    let depth = f.stack.len() as u32;
                    f.blocks.push(Block::Except { handler: h, depth });
                }
                Op::SetupFinally(h) => {
                    let depth = f.stack.len() as u32;
                    f.blocks.push(Block::Finally { handler: h, depth });
                }
                Op::PopBlock => {
                    f.blocks.pop();
                }
                Op::Nop => {}
                _ => break,
            }
            f.pc += 1;
            n += 1;
        }
        // Stopped before `max`: at an instruction the fast path leaves alone.
        (n, n < max)
    }

    fn exec_one(&mut self) -> PyResult<()> {
        let (done, at_slow) = self.exec_fast(if self.driver.single_step { 0 } else { 64 });
        self.steps += u64::from(done);
        if done > 0 && !at_slow {
            return Ok(());
        }
        let f = top!(self);
        let code = &self.codes[f.code.0 as usize];
        let op = code.ops[f.pc as usize];
        f.pc += 1;
        match op {
            Op::Nop => {}
            Op::SetupAnnotations => self.setup_annotations()?,
            Op::Match(m) => self.exec_match(m)?,
            Op::Async(a) => self.exec_async(a)?,
            Op::PopTop => {
                let v = self.pop_value();
                self.heap.decref(v);
            }
            Op::DupTop => {
                let v = *top!(self).stack.last().expect("stack");
                self.heap.incref(v);
                self.push_value(v);
            }
            Op::DupTop2 => {
                let f = top!(self);
                let n = f.stack.len();
                let (a, b) = (f.stack[n - 2], f.stack[n - 1]);
                f.stack.push(a);
                f.stack.push(b);
                self.heap.incref(a);
                self.heap.incref(b);
            }
            Op::RotTwo => {
                let s = &mut top!(self).stack;
                let n = s.len();
                s.swap(n - 1, n - 2);
            }
            Op::RotThree => {
                let s = &mut top!(self).stack;
                let v = s.pop().expect("stack");
                let n = s.len();
                s.insert(n - 2, v);
            }
            Op::RotFour => {
                let s = &mut top!(self).stack;
                let v = s.pop().expect("stack");
                let n = s.len();
                s.insert(n - 3, v);
            }
            Op::LoadConst(i) => {
                let f = top!(self);
                let v = self.codes[f.code.0 as usize].consts[i as usize];
                self.heap.incref(v);
                self.push_value(v);
            }
            Op::LoadFast(i) => {
                let v = top!(self).locals[i as usize];
                if v == Value::Undef {
                    let name = self.local_name(i);
                    return self.err(
                        ExcType::UnboundLocalError,
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    );
                }
                self.heap.incref(v);
                self.push_value(v);
            }
            Op::StoreFast(i) => {
                let f = top!(self);
                let v = f.stack.pop().expect("stack");
                let old = std::mem::replace(&mut f.locals[i as usize], v);
                if old != Value::Undef {
                    self.heap.decref(old);
                }
            }
            Op::DeleteFast(i) => {
                let f = top!(self);
                let old = std::mem::replace(&mut f.locals[i as usize], Value::Undef);
                if old == Value::Undef {
                    let name = self.local_name(i);
                    return self.err(
                        ExcType::UnboundLocalError,
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    );
                }
                self.heap.decref(old);
            }
            Op::LoadDeref(i) | Op::LoadClosure(i) => {
                let cell = top!(self).cells[i as usize];
                if matches!(op, Op::LoadClosure(_)) {
                    self.heap.incref(Value::Obj(cell));
                    self.push_value(Value::Obj(cell));
                    return Ok(());
                }
                let v = match self.heap.get(cell) {
                    Object::Cell(v) => *v,
                    _ => Value::Undef,
                };
                if v == Value::Undef {
                    let name = self.cell_name(i);
                    let code_id = top!(self).code;
                    let ncells = self.code(code_id).cellvars.len();
                    if (i as usize) < ncells {
                        // The frame's own cell: an unbound local.
                        return self.err(
                            ExcType::UnboundLocalError,
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        );
                    }
                    return self.err(
                        ExcType::NameError,
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    );
                }
                self.heap.incref(v);
                self.push_value(v);
            }
            Op::StoreDeref(i) => {
                let v = self.pop_value();
                let cell = top!(self).cells[i as usize];
                if let Object::Cell(slot) = self.heap.get_mut(cell) {
                    let old = std::mem::replace(slot, v);
                    if old != Value::Undef {
                        self.heap.decref(old);
                    }
                }
            }
            Op::DeleteDeref(i) => {
                let cell = top!(self).cells[i as usize];
                if let Object::Cell(slot) = self.heap.get_mut(cell) {
                    let old = std::mem::replace(slot, Value::Undef);
                    if old != Value::Undef {
                        self.heap.decref(old);
                    }
                }
            }
            Op::LoadGlobal(s) => {
                let v = self.load_global(s)?;
                self.push_value(v);
            }
            Op::StoreGlobal(s) => {
                let v = self.pop_value();
                let m = top!(self).module;
                self.module_set(m, s, v);
            }
            Op::DeleteGlobal(s) => {
                let m = top!(self).module;
                match self.module_del(m, s) {
                    Some(v) => self.heap.decref(v),
                    None => {
                        let n = self.names.name(s).to_string();
                        return self.err(ExcType::NameError, format!("name '{n}' is not defined"));
                    }
                }
            }
            Op::LoadName(s) => {
                let ns = top!(self).ns;
                if let Some(ns) = ns {
                    match self.heap.get(ns) {
                        Object::Namespace(a) => {
                            if let Some(&v) = a.get(&s) {
                                self.heap.incref(v);
                                self.push_value(v);
                                return Ok(());
                            }
                        }
                        _ => {
                            if let Some(v) = self.locals_dict_get(ns, s)? {
                                self.push_value(v);
                                return Ok(());
                            }
                        }
                    }
                }
                let v = self.load_global(s)?;
                self.push_value(v);
            }
            Op::StoreName(s) => {
                let v = self.pop_value();
                let f = top!(self);
                match f.ns {
                    Some(ns) if !matches!(self.heap.get(ns), Object::Namespace(_)) => {
                        self.locals_dict_set(ns, s, v)?;
                    }
                    Some(ns) => {
                        let old = match self.heap.get_mut(ns) {
                            Object::Namespace(a) => a.insert(s, v),
                            _ => None,
                        };
                        if let Some(o) = old {
                            self.heap.decref(o);
                        }
                    }
                    None => {
                        let m = f.module;
                        self.module_set(m, s, v);
                    }
                }
            }
            Op::DeleteName(s) => {
                if let Some(ns) = top!(self).ns {
                    let old = match self.heap.get_mut(ns) {
                        Object::Namespace(a) => a.shift_remove(&s),
                        _ => self.locals_dict_del(ns, s)?,
                    };
                    match old {
                        Some(o) => self.heap.decref(o),
                        None => {
                            let n = self.names.name(s).to_string();
                            return self
                                .err(ExcType::NameError, format!("name '{n}' is not defined"));
                        }
                    }
                } else {
                    let m = top!(self).module;
                    match self.module_del(m, s) {
                        Some(v) => self.heap.decref(v),
                        None => {
                            let n = self.names.name(s).to_string();
                            return self
                                .err(ExcType::NameError, format!("name '{n}' is not defined"));
                        }
                    }
                }
            }
            Op::LoadAttr(s) => {
                let obj = self.pop_value();
                let r = self.get_attr(obj, s);
                self.heap.decref(obj);
                let v = r?;
                self.push_value(v);
            }
            Op::StoreAttr(s) => {
                let obj = self.pop_value();
                let v = self.pop_value();
                let r = self.set_attr(obj, s, v);
                self.heap.decref(obj);
                r?;
            }
            Op::DeleteAttr(s) => {
                let obj = self.pop_value();
                let r = self.del_attr(obj, s);
                self.heap.decref(obj);
                r?;
            }
            Op::LoadMethod(s) => {
                let obj = self.pop_value();
                match self.lookup_method(obj, s) {
                    Ok(Some(func)) => {
                        self.push_value(func);
                        self.push_value(obj);
                    }
                    Ok(None) => {
                        let r = self.get_attr(obj, s);
                        self.heap.decref(obj);
                        let v = r?;
                        self.push_value(v);
                        self.push_value(Value::Undef);
                    }
                    Err(e) => {
                        self.heap.decref(obj);
                        return Err(e);
                    }
                }
            }
            Op::Binary(b) => {
                let rhs = self.pop_value();
                let lhs = self.pop_value();
                let r = self.binary_op(b, lhs, rhs, false);
                self.heap.decref(lhs);
                self.heap.decref(rhs);
                let v = r?;
                self.push_value(v);
            }
            Op::Inplace(b) => {
                let rhs = self.pop_value();
                let lhs = self.pop_value();
                let r = self.binary_op(b, lhs, rhs, true);
                self.heap.decref(lhs);
                self.heap.decref(rhs);
                let v = r?;
                self.push_value(v);
            }
            Op::Unary(u) => {
                let v = self.pop_value();
                let r = self.unary_op(u, v);
                self.heap.decref(v);
                let r = r?;
                self.push_value(r);
            }
            Op::Compare(c) => {
                let rhs = self.pop_value();
                let lhs = self.pop_value();
                let r = self.compare(c, lhs, rhs);
                self.heap.decref(lhs);
                self.heap.decref(rhs);
                let v = r?;
                self.push_value(v);
            }
            Op::Is(neg) => {
                let rhs = self.pop_value();
                let lhs = self.pop_value();
                let r = lhs.is(rhs) != neg;
                self.heap.decref(lhs);
                self.heap.decref(rhs);
                self.push_value(Value::Bool(r));
            }
            Op::In(neg) => {
                let container = self.pop_value();
                let item = self.pop_value();
                let r = self.contains(container, item);
                self.heap.decref(container);
                self.heap.decref(item);
                let r = r?;
                self.push_value(Value::Bool(r != neg));
            }
            Op::BuildTuple(n) => {
                let items = self.pop_n(n);
                let t = self.tuple(items);
                self.push_value(t);
            }
            Op::BuildList(n) => {
                let items = self.pop_n(n);
                let l = self.list(items);
                self.push_value(l);
            }
            Op::BuildSet(n) => {
                let items = self.pop_n(n);
                let s = self.new_set(false);
                for it in items {
                    let r = self.set_add_value(s, it);
                    self.heap.decref(it);
                    if let Err(e) = r {
                        self.heap.decref(s);
                        return Err(e);
                    }
                }
                self.push_value(s);
            }
            Op::BuildMap(n) => {
                let items = self.pop_n(n * 2);
                let d = self.new_dict();
                let mut it = items.into_iter();
                let mut err = None;
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    if err.is_none() {
                        if let Err(e) = self.dict_set(d, k, v) {
                            err = Some(e);
                        }
                    }
                    self.heap.decref(k);
                    self.heap.decref(v);
                }
                if let Some(e) = err {
                    self.heap.decref(d);
                    return Err(e);
                }
                self.push_value(d);
            }
            Op::BuildString(n) => {
                let items = self.pop_n(n);
                let mut s = String::new();
                for it in &items {
                    s.push_str(self.as_str(*it).unwrap_or(""));
                }
                self.heap.decref_all(items);
                let v = self.str_value(&s);
                self.push_value(v);
            }
            Op::BuildSlice(n) => {
                let step = if n == 3 {
                    self.pop_value()
                } else {
                    Value::None
                };
                let stop = self.pop_value();
                let start = self.pop_value();
                let v = Value::Obj(self.heap.alloc(Object::Slice(start, stop, step)));
                self.push_value(v);
            }
            Op::ListAppend(d) => {
                let v = self.pop_value();
                let f = top!(self);
                let l = f.stack[f.stack.len() - d as usize];
                if let Some(Object::List(items)) = l.as_ref().map(|r| self.heap.get_mut(r)) {
                    items.push(v);
                }
            }
            Op::SetAdd(d) => {
                let v = self.pop_value();
                let f = top!(self);
                let s = f.stack[f.stack.len() - d as usize];
                let r = self.set_add_value(s, v);
                self.heap.decref(v);
                r?;
            }
            Op::MapAdd(d) => {
                let v = self.pop_value();
                let k = self.pop_value();
                let f = top!(self);
                let m = f.stack[f.stack.len() - d as usize];
                let r = self.dict_set(m, k, v);
                self.heap.decref(k);
                self.heap.decref(v);
                r?;
            }
            Op::ListExtend(d) => {
                let src = self.pop_value();
                let f = top!(self);
                let l = f.stack[f.stack.len() - d as usize];
                let items = self
                    .collect_sync(src)
                    .map_err(|e| self.star_extend_error(e, src));
                self.heap.decref(src);
                let items = items?;
                if let Some(Object::List(dst)) = l.as_ref().map(|r| self.heap.get_mut(r)) {
                    dst.extend(items);
                }
            }
            Op::SetUpdate(d) => {
                let src = self.pop_value();
                let f = top!(self);
                let s = f.stack[f.stack.len() - d as usize];
                let items = self.collect_sync(src);
                self.heap.decref(src);
                for it in items? {
                    let r = self.set_add_value(s, it);
                    self.heap.decref(it);
                    r?;
                }
            }
            Op::DictUpdate(d) => {
                let src = self.pop_value();
                let f = top!(self);
                let call = d & crate::callargs::CALL_MERGE != 0;
                let d = (d & !crate::callargs::CALL_MERGE) as usize;
                let m = f.stack[f.stack.len() - d];
                // A call's stack: [callee, args tuple, kwargs dict].
                let callee = call.then(|| f.stack[f.stack.len() - d - 2]);
                let r = self.dict_merge(m, src, callee);
                self.heap.decref(src);
                r?;
            }
            Op::ListToTuple => {
                let l = self.pop_value();
                let items = match l.as_ref().map(|r| self.heap.get_mut(r)) {
                    Some(Object::List(items)) => std::mem::take(items),
                    _ => Vec::new(),
                };
                self.heap.decref(l);
                let t = self.tuple(items);
                self.push_value(t);
            }
            Op::UnpackSequence(n) => {
                let v = self.pop_value();
                let items = self.unpack(v, n as usize, None);
                self.heap.decref(v);
                let items = items?;
                let f = top!(self);
                f.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(before, after) => {
                let v = self.pop_value();
                let items = self.unpack(v, before as usize, Some(after as usize));
                self.heap.decref(v);
                let items = items?;
                let f = top!(self);
                f.stack.extend(items.into_iter().rev());
            }
            Op::Subscript => {
                let key = self.pop_value();
                let obj = self.pop_value();
                let r = self.get_item(obj, key);
                self.heap.decref(obj);
                self.heap.decref(key);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::StoreSubscr => {
                let key = self.pop_value();
                let obj = self.pop_value();
                let v = self.pop_value();
                let r = self.set_item(obj, key, v);
                self.heap.decref(obj);
                self.heap.decref(key);
                self.heap.decref(v);
                r?;
            }
            Op::DeleteSubscr => {
                let key = self.pop_value();
                let obj = self.pop_value();
                let r = self.del_item(obj, key);
                self.heap.decref(obj);
                self.heap.decref(key);
                r?;
            }
            Op::Jump(t) => top!(self).pc = t,
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                let v = self.pop_value();
                let b = self.truthy(v);
                self.heap.decref(v);
                if b? == matches!(op, Op::PopJumpIfTrue(_)) {
                    top!(self).pc = t;
                }
            }
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                let v = *top!(self).stack.last().expect("stack");
                let b = self.truthy(v)?;
                if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                    top!(self).pc = t;
                } else {
                    let v = self.pop_value();
                    self.heap.decref(v);
                }
            }
            Op::GetIter => {
                let v = self.pop_value();
                if let Some(it) = self.get_iter(v, RetMode::Push)? {
                    self.push_value(it);
                }
            }
            Op::ForIter(t) => {
                let it = *top!(self).stack.last().expect("iterator");
                match self.next_or_push(it, RetMode::ForIter)? {
                    crate::native::Next::Item(v) => self.push_value(v),
                    crate::native::Next::Done => {
                        let it = self.pop_value();
                        self.heap.decref(it);
                        top!(self).pc = t;
                    }
                    crate::native::Next::Pushed => {}
                }
            }
            Op::Call(n) => {
                if self.try_fast_call(n, false) {
                    return Ok(());
                }
                if let Some(r) = self.try_fast_resume(n, false) {
                    return r;
                }
                let args = self.pop_n(n);
                let func = self.pop_value();
                let r = self.call_value(func, args, Vec::new(), RetMode::Push);
                self.heap.decref(func);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::CallKw(n, names) => {
                let mut args = self.pop_n(n);
                let func = self.pop_value();
                let f = top!(self);
                let names_v = self.codes[f.code.0 as usize].consts[names as usize];
                let kwnames: Vec<Sym> = match names_v.as_ref().map(|r| self.heap.get(r)) {
                    Some(Object::Tuple(t)) => t.to_vec(),
                    _ => Vec::new(),
                }
                .into_iter()
                .map(|v| {
                    let s = self.as_str(v).unwrap_or("").to_string();
                    self.sym(&s)
                })
                .collect();
                let kwvals = args.split_off(args.len() - kwnames.len());
                let kw = kwnames.into_iter().zip(kwvals).collect();
                let r = self.call_value(func, args, kw, RetMode::Push);
                self.heap.decref(func);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::CallMethod(n) => {
                if self.try_fast_call(n, true) {
                    return Ok(());
                }
                if let Some(r) = self.try_fast_resume(n, true) {
                    return r;
                }
                let mut args = std::mem::take(&mut *self.arg_pool);
                let f = top!(self);
                let at = f.stack.len() - n as usize;
                let this = f.stack[at - 1];
                if this != Value::Undef {
                    args.push(this);
                }
                args.extend_from_slice(&f.stack[at..]);
                f.stack.truncate(at);
                f.stack.pop();
                let func = self.pop_value();
                let r = self.call_value(func, args, Vec::new(), RetMode::Push);
                self.heap.decref(func);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::CallEx => {
                let kwargs = self.pop_value();
                let args = self.pop_value();
                let func = self.pop_value();
                let pos = match self.call_ex_positional(func, args) {
                    Ok(p) => p,
                    Err(e) => {
                        self.heap.decref(kwargs);
                        self.heap.decref(args);
                        self.heap.decref(func);
                        return Err(e);
                    }
                };
                let mut kw = Vec::new();
                if let Some(Object::Dict(d)) = kwargs.as_ref().map(|r| self.heap.get(r)) {
                    let entries: Vec<(Value, Value)> = d.iter().map(|e| (e.key, e.value)).collect();
                    for (k, v) in entries {
                        let Some(name) = self.as_str(k).map(str::to_string) else {
                            self.heap.decref_all(pos);
                            self.heap.decref_all(kw.into_iter().map(|(_, v)| v));
                            self.heap.decref(kwargs);
                            self.heap.decref(args);
                            self.heap.decref(func);
                            return self.type_error("keywords must be strings");
                        };
                        let s = self.sym(&name);
                        self.heap.incref(v);
                        kw.push((s, v));
                    }
                }
                self.heap.decref(kwargs);
                self.heap.decref(args);
                let r = self.call_value(func, pos, kw, RetMode::Push);
                self.heap.decref(func);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::MakeFunction(code, flags) => {
                let closure = if flags & 8 != 0 {
                    Some(self.pop_value())
                } else {
                    None
                };
                let annotations = if flags & 4 != 0 {
                    Some(self.pop_value())
                } else {
                    None
                };
                let kwdefaults = if flags & 2 != 0 {
                    Some(self.pop_value())
                } else {
                    None
                };
                let defaults = if flags & 1 != 0 {
                    Some(self.pop_value())
                } else {
                    None
                };
                let v =
                    self.make_function(crate::code::CodeId(code), defaults, kwdefaults, closure);
                if let Some(a) = annotations {
                    self.set_function_annotations(v, a);
                }
                self.push_value(v);
            }
            Op::BuildClass(n) => {
                let bases = self.pop_n(n);
                let func = self.pop_value();
                let meta = match self.class_meta(&bases, Value::None) {
                    Ok(m) => m,
                    Err(e) => {
                        self.heap.decref(func);
                        self.heap.decref_all(bases);
                        return Err(e);
                    }
                };
                self.start_class_body(func, bases, meta)?;
            }
            Op::BuildClassKw(n) => {
                let kw = self.pop_value();
                let bases = self.pop_n(n);
                let func = self.pop_value();
                let meta = match self.class_meta(&bases, kw) {
                    Ok(m) => m,
                    Err(e) => {
                        self.heap.decref(func);
                        self.heap.decref_all(bases);
                        return Err(e);
                    }
                };
                self.start_class_body(func, bases, meta)?;
            }
            Op::Return => {
                let v = self.pop_value();
                let frame = self.frames.pop().expect("frame");
                let ret = frame.ret;
                self.end_frame(frame.kind, Value::None, false);
                self.deliver(ret, Outcome::Return(v));
            }
            Op::YieldValue => {
                let v = self.pop_value();
                self.suspend_top_generator(v);
            }
            Op::GetYieldFromIter => {
                let v = self.pop_value();
                if self.is_generator(v) {
                    self.push_value(v);
                } else if let Some(it) = self.get_iter(v, RetMode::Push)? {
                    self.push_value(it);
                }
            }
            Op::YieldFrom => {
                let sent = self.pop_value();
                let f = top!(self);
                f.pc -= 1;
                let it = *f.stack.last().expect("delegate");
                self.yield_from_step(it, sent)?;
            }
            Op::SetupExcept(h) => {
                let f = top!(self);
                let depth = f.stack.len() as u32;
                f.blocks.push(Block::Except { handler: h, depth });
            }
            Op::SetupFinally(h) => {
                let f = top!(self);
                let depth = f.stack.len() as u32;
                f.blocks.push(Block::Finally { handler: h, depth });
            }
            Op::SetupWith(h) => {
                let f = top!(self);
                let depth = f.stack.len() as u32 - 1;
                f.blocks.push(Block::Finally { handler: h, depth });
            }
            Op::PopBlock => {
                top!(self).blocks.pop();
            }
            Op::PopExcept => {
                let f = top!(self);
                if let Some(Block::Handling { exc }) = f.blocks.pop() {
                    self.heap.decref(exc);
                }
            }
            Op::Reraise => {
                let exc = self.pop_value();
                // The handler's Handling block is dropped by the unwinder.
                self.unwind(exc, false);
            }
            Op::Raise(n) => return self.do_raise(n),
            Op::ExcMatch => {
                let ty = self.pop_value();
                let exc = *top!(self).stack.last().expect("exception");
                let r = self.exception_matches(exc, ty);
                self.heap.decref(ty);
                let r = r?;
                self.push_value(Value::Bool(r));
            }
            Op::BeforeWith => {
                let ctx = self.pop_value();
                let exit = self.lookup_special(ctx, sym::EXIT);
                let enter = self.lookup_special(ctx, sym::ENTER);
                let (Some(exit), Some(enter)) = (exit, enter) else {
                    // CPython 3.11 names the missing `__exit__` when `__enter__` exists.
                    let missed = if enter.is_some() {
                        " (missed __exit__ method)"
                    } else {
                        ""
                    };
                    for v in [enter, exit].into_iter().flatten() {
                        self.heap.decref(v);
                    }
                    let tn = self.type_name(ctx);
                    self.heap.decref(ctx);
                    return self.type_error(format!(
                        "'{tn}' object does not support the context manager protocol{missed}"
                    ));
                };
                self.heap.decref(ctx);
                self.push_value(exit);
                let r = self.call_value(enter, Vec::new(), Vec::new(), RetMode::Push);
                self.heap.decref(enter);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::WithExceptStart => {
                let f = top!(self);
                let n = f.stack.len();
                let (exit, exc) = (f.stack[n - 2], f.stack[n - 1]);
                let ty = self.type_of(exc);
                self.heap.incref(exc);
                let tb = Value::None;
                let r = self.call_value(exit, vec![ty, exc, tb], Vec::new(), RetMode::Push);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::WithExitNormal => {
                let exit = self.pop_value();
                let r = self.call_value(
                    exit,
                    vec![Value::None, Value::None, Value::None],
                    Vec::new(),
                    RetMode::Push,
                );
                self.heap.decref(exit);
                if let Some(v) = r? {
                    self.push_value(v);
                }
            }
            Op::ImportName(s, arg) => {
                let fromlist = (arg & crate::code::IMPORT_FROMLIST != 0).then(|| self.pop_value());
                let level = arg & !crate::code::IMPORT_FROMLIST;
                let name = self.names.name(s).to_string();
                let module = top!(self).module;
                let r = self.import_name(&name, fromlist, level, Some(module), RetMode::Push);
                if let Some(f) = fromlist {
                    self.heap.decref(f);
                }
                if let Some(m) = r? {
                    self.push_value(m);
                }
            }
            Op::ImportFrom(s) => {
                let m = *top!(self).stack.last().expect("module");
                let v = self.import_from(m, s)?;
                self.push_value(v);
            }
            Op::ImportStar => {
                let m = self.pop_value();
                let target = top!(self).module;
                let r = self.import_star(m, target);
                self.heap.decref(m);
                r?;
            }
            Op::FormatValue(flags) => {
                let spec = if flags & 4 != 0 {
                    Some(self.pop_value())
                } else {
                    None
                };
                let v = self.pop_value();
                let r = self.format_value(v, flags & 3, spec);
                self.heap.decref(v);
                if let Some(s) = spec {
                    self.heap.decref(s);
                }
                let s = r?;
                self.push_value(s);
            }
            Op::LoadAssertionError => {
                let c = self.b.exc(ExcType::AssertionError);
                self.push_value(Value::Obj(c));
            }
        }
        Ok(())
    }

    pub(crate) fn pop_n(&mut self, n: u32) -> Vec<Value> {
        let mut out = std::mem::take(&mut *self.arg_pool);
        let s = &mut top!(self).stack;
        let at = s.len() - n as usize;
        out.extend_from_slice(&s[at..]);
        s.truncate(at);
        out
    }

    fn local_name(&mut self, i: u32) -> String {
        let code = top!(self).code;
        let s = self.codes[code.0 as usize].varnames[i as usize];
        self.names.name(s).to_string()
    }

    fn cell_name(&mut self, i: u32) -> String {
        let code = top!(self).code;
        let c = &self.codes[code.0 as usize];
        let i = i as usize;
        let s = if i < c.cellvars.len() {
            c.cellvars[i]
        } else {
            c.freevars[i - c.cellvars.len()]
        };
        self.names.name(s).to_string()
    }

    pub(crate) fn load_global(&mut self, s: Sym) -> PyResult<Value> {
        let m = top!(self).module;
        if let Object::Module(md) = self.heap.get(m) {
            if let Some(&v) = md.globals.get(&s) {
                self.heap.incref(v);
                return Ok(v);
            }
        }
        if let Object::Module(md) = self.heap.get(self.b.module()) {
            if let Some(&v) = md.globals.get(&s) {
                self.heap.incref(v);
                return Ok(v);
            }
        }
        let n = self.names.name(s).to_string();
        if n == "StopAsyncIteration" {
            let v = self.stop_async_iteration();
            self.heap.incref(v);
            return Ok(v);
        }
        if n == "memoryview" {
            if let Some(v) = self.memoryview_class() {
                self.heap.incref(v);
                return Ok(v);
            }
        }
        if let Some(c) = self.lazy_builtin_class(&n) {
            self.heap.incref(Value::Obj(c));
            return Ok(Value::Obj(c));
        }
        if n == "complex" {
            let c = Value::Obj(self.complex_class());
            self.heap.incref(c);
            return Ok(c);
        }
        let e = self.new_exc(ExcType::NameError, &format!("name '{n}' is not defined"));
        let nv = self.str_value(&n);
        let name_sym = self.sym("name");
        if let Some(Object::Exception(eo)) = e.as_ref().map(|r| self.heap.get_mut(r)) {
            eo.attrs.insert(name_sym, nv);
        }
        Err(e)
    }

    fn do_raise(&mut self, n: u32) -> PyResult<()> {
        match n {
            0 => {
                let Some(exc) = self.current_handled() else {
                    return self.err(ExcType::RuntimeError, "No active exception to reraise");
                };
                self.heap.incref(exc);
                self.unwind(exc, false);
                Ok(())
            }
            _ => {
                let cause = if n == 2 { Some(self.pop_value()) } else { None };
                let v = self.pop_value();
                let exc = self.as_exception(v)?;
                if let Some(c) = cause {
                    let c = if c == Value::None {
                        Value::None
                    } else {
                        match self.as_exception(c) {
                            Ok(c) => c,
                            Err(e) => {
                                self.heap.decref(exc);
                                return Err(e);
                            }
                        }
                    };
                    if let Some(Object::Exception(e)) = exc.as_ref().map(|r| self.heap.get_mut(r)) {
                        let old = std::mem::replace(&mut e.cause, c);
                        e.suppress_context = true;
                        self.heap.decref(old);
                    }
                }
                Err(exc)
            }
        }
    }

    /// Instantiates an exception class, or checks an instance (owned in, owned out).
    pub(crate) fn as_exception(&mut self, v: Value) -> PyResult<Value> {
        if let Some(r) = v.as_ref() {
            match self.heap.get(r) {
                Object::Exception(_) => return Ok(v),
                Object::Class(_) if self.is_exception_class(r) => {
                    let out = self.call_sync(v, Vec::new(), Vec::new());
                    self.heap.decref(v);
                    return out;
                }
                _ => {}
            }
        }
        self.heap.decref(v);
        self.type_error("exceptions must derive from BaseException")
    }

    /// Whether an exception value is an instance of a built-in exception type.
    pub(crate) fn is_instance_of_exc(&self, exc: Value, ty: ExcType) -> bool {
        let target = self.b.exc(ty);
        match exc.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Exception(e)) => self.class_is_subclass(e.class, target),
            _ => false,
        }
    }

    /// `StopIteration.value` of an exception (owned).
    pub(crate) fn stop_iteration_value(&mut self, exc: Value) -> Value {
        let v = match exc.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Exception(e)) => match e.attrs.get(&sym::VALUE) {
                Some(v) => *v,
                None => match e.args.as_ref().map(|r| self.heap.get(r)) {
                    Some(Object::Tuple(t)) if !t.is_empty() => t[0],
                    _ => Value::None,
                },
            },
            _ => Value::None,
        };
        self.heap.incref(v);
        v
    }

    /// A `StopIteration` carrying a return value (owned in).
    pub(crate) fn stop_iteration(&mut self, v: Value) -> Value {
        let args = if v == Value::None {
            self.tuple(vec![])
        } else {
            self.heap.incref(v);
            self.tuple(vec![v])
        };
        let e = self.make_exception(self.b.exc(ExcType::StopIteration), args);
        if let Some(Object::Exception(eo)) = e.as_ref().map(|r| self.heap.get_mut(r)) {
            eo.attrs.insert(sym::VALUE, v);
        }
        e
    }

    /// Runs queued finalizers: closes released generators, calls `__del__`.
    pub(crate) fn run_finalizers(&mut self) {
        // One at a time, in release order: a finalizer that runs Python code
        // finishes before the next one starts, as in CPython.
        while self.active_finalizers == 0 && !self.heap.pending_final.is_empty() {
            let Some(r) = self.heap.pending_final.pop_front() else {
                break;
            };
            let already = match self.heap.get(r) {
                Object::Free => true,
                Object::Generator(g) => g.finalized,
                Object::Instance(i) => i.finalized,
                _ => false,
            };
            if already {
                // Finalized through another path since it was queued.
                if self.heap.refcount(r) == 0 && !matches!(self.heap.get(r), Object::Free) {
                    self.heap.release_after_final(r);
                }
                continue;
            }
            self.heap.resurrect(r);
            let obj = Value::Obj(r);
            self.active_finalizers += 1;
            self.heap.incref(obj); // held until finish_finalizer
            match self.heap.get_mut(r) {
                Object::Generator(g) => {
                    g.finalized = true;
                    match self.gen_throw_start(r, None, RetMode::Finalize(obj)) {
                        Ok(crate::gen::Thrown::Pushed) => {}
                        Ok(crate::gen::Thrown::Immediate(o)) => {
                            match o {
                                Outcome::Raise(e) => {
                                    if !self.is_instance_of_exc(e, ExcType::GeneratorExit) {
                                        self.report_ignored(obj, e);
                                    }
                                    self.heap.decref(e);
                                }
                                Outcome::Return(v) | Outcome::Yield(v) => self.heap.decref(v),
                            }
                            self.finish_finalizer(obj);
                        }
                        Err(e) => {
                            self.report_ignored(obj, e);
                            self.heap.decref(e);
                            self.finish_finalizer(obj);
                        }
                    }
                }
                Object::Instance(i) => {
                    i.finalized = true;
                    match self.lookup_special(obj, sym::DEL) {
                        Some(del) => {
                            let r2 = self.call_value(
                                del,
                                Vec::new(),
                                Vec::new(),
                                RetMode::Finalize(obj),
                            );
                            self.heap.decref(del);
                            match r2 {
                                Ok(Some(v)) => {
                                    self.heap.decref(v);
                                    self.finish_finalizer(obj);
                                }
                                Ok(None) => {}
                                Err(e) => {
                                    self.report_ignored_del(obj, e);
                                    self.finish_finalizer(obj);
                                }
                            }
                        }
                        None => self.finish_finalizer(obj),
                    }
                }
                _ => self.finish_finalizer(obj),
            }
            self.heap.decref(obj);
        }
    }

    /// A finalizer is done: drop its reference (which may free the object).
    pub(crate) fn finish_finalizer(&mut self, obj: Value) {
        self.active_finalizers = self.active_finalizers.saturating_sub(1);
        self.heap.decref(obj);
    }

    /// Runs every pending finalizer to completion (for `gc.collect()` and exit).
    pub(crate) fn run_finalizers_now(&mut self) {
        let base = self.frames.len();
        for _ in 0..1_000_000 {
            self.run_finalizers();
            if self.frames.len() > base {
                self.sync_depth += 1;
                let saved = self.finish_event.take();
                let _ = crate::nesting::with_stack(|| self.run_loop(base, None));
                self.finish_event = saved;
                self.sync_depth -= 1;
            }
            if self.heap.pending_final.is_empty() || self.active_finalizers > 0 {
                break;
            }
        }
    }

    /// Sets up the frame of a class body.
    fn start_class_body(&mut self, func: Value, bases: Vec<Value>, meta: Value) -> PyResult<()> {
        let Some(Object::Function(f)) = func.as_ref().map(|r| self.heap.get(r)) else {
            self.heap.decref(func);
            self.heap.decref_all(bases);
            self.heap.decref(meta);
            return self.type_error("__build_class__: func must be a function");
        };
        let (code, module, closure) = (f.code, f.module, f.closure.clone());
        let name = f.name;
        let ns = match self.prepare_namespace(name, &bases, meta) {
            Ok(ns) => ns,
            Err(e) => {
                self.heap.decref(func);
                self.heap.decref_all(bases);
                self.heap.decref(meta);
                return Err(e);
            }
        };
        let c = self.codes[code.0 as usize].clone();
        let mut cells = Vec::new();
        for _ in &c.cellvars {
            cells.push(self.heap.alloc(Object::Cell(Value::Undef)));
        }
        for cl in closure {
            self.heap.incref(Value::Obj(cl));
            cells.push(cl);
        }
        self.heap.incref(Value::Obj(module));
        self.heap.incref(Value::Obj(ns));
        let frame = PyFrame {
            cells,
            ns: Some(ns),
            func,
            ..PyFrame::new(code, module)
        };
        debug_assert_eq!(c.kind, CodeKind::Class);
        self.push_frame(Frame {
            ret: RetMode::ClassBody {
                ns,
                bases,
                name,
                meta,
            },
            kind: FrameKind::Py(Box::new(frame)),
        })
    }

    /// Pushes a frame, enforcing the recursion limit.
    pub(crate) fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if matches!(frame.kind, FrameKind::Py(_)) {
            if self.depth >= self.recursion_limit {
                let mut children = Vec::new();
                frame.children(&mut children);
                self.heap.decref_all(children);
                return self.err(ExcType::RecursionError, "maximum recursion depth exceeded");
            }
            self.depth += 1;
        }
        self.frames.push(frame);
        Ok(())
    }
}
