//! Resumable native frames: built-ins that consume iterators (`list(g)`,
//! `sum(g)`, `sorted(g, key=f)`, …) and the stepping of composite
//! iterators. When an item must come from a generator or a function must
//! run, the native frame waits on the VM's stack for its outcome, so a
//! generator can suspend while one of these is below it.

use crate::builtins::ExcType;
use crate::frame::{Frame, FrameKind, Outcome, RetMode};
use crate::iter::{CombKind, DictView, IterObj, SeqKind};
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use serde::{Deserialize, Serialize};

/// The result of asking an iterator for its next item.
pub enum Next {
    /// An item (owned).
    Item(Value),
    /// Exhausted.
    Done,
    /// A frame was pushed; the outcome arrives through the given mode.
    Pushed,
}

/// What a composite iterator needs to advance.
pub(crate) enum Adv {
    Item(Value),
    Done,
    /// The next item of this (borrowed) iterator.
    NeedNext(Value),
    /// The result of calling this (borrowed) function with owned arguments.
    NeedCall(Value, Vec<Value>),
}

/// What a waiting native frame receives.
pub(crate) enum Input {
    Item(Value),
    Done,
    Result(Value),
}

/// What a native frame waits for.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum Wait {
    /// Nothing yet.
    Start,
    /// The next item of an iterator.
    Next,
    /// A call's result.
    Call,
}

/// A resumable built-in.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct NativeFrame {
    /// What it computes.
    pub kind: NativeKind,
    /// The iterator it consumes (counted), if any.
    pub iter: Value,
    /// What it is waiting for.
    pub wait: Wait,
}

/// Consumers.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[allow(missing_docs)]
pub enum NativeKind {
    /// Advance a composite iterator once (delivers Yield(item) or Return).
    IterNext,
    /// Collect into a list (`list`, `tuple`, `sorted` first stage…).
    Collect { items: Vec<Value>, then: Then },
    /// `sum(it, start)`.
    Sum { acc: Value },
    /// `min`/`max`.
    MinMax {
        key: Value,
        best: Value,
        best_key: Value,
        pending: Value,
        default: Option<Value>,
        is_max: bool,
    },
    /// `any`/`all`.
    AnyAll { want: bool },
    /// `functools.reduce`.
    Reduce {
        func: Value,
        acc: Value,
        has_acc: bool,
    },
    /// `sorted(..., key=f)`: compute keys one call at a time.
    SortKeys {
        items: Vec<Value>,
        keys: Vec<Value>,
        key: Value,
        reverse: bool,
        idx: usize,
        in_place: Value,
    },
}

/// What to build from collected items.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[allow(missing_docs)]
pub enum Then {
    List,
    Tuple,
    Set(bool),
    /// Dict from pairs.
    Dict,
    /// `str.join` with this separator.
    Join(String),
    /// `sorted`, then maybe a key pass.
    Sorted {
        key: Value,
        reverse: bool,
    },
    /// Extend this list in place (returns None).
    Extend(Value),
    /// `collections.deque(maxlen)`.
    Deque(Option<usize>),
    /// `enumerate`-free plain vector for further Rust processing: a tuple.
    Raw,
    /// `bytes(iterable)` (`true`: `bytearray(iterable)`).
    Bytes(bool),
    /// `sep.join(iterable)` for bytes (`true`: the separator is a bytearray).
    BytesJoin(Vec<u8>, bool),
}

impl NativeFrame {
    /// Counted references held.
    pub fn children(&self, out: &mut Vec<Value>) {
        out.push(self.iter);
        match &self.kind {
            NativeKind::IterNext | NativeKind::AnyAll { .. } => {}
            NativeKind::Collect { items, then } => {
                out.extend(items.iter().copied());
                match then {
                    Then::Sorted { key, .. } => out.push(*key),
                    Then::Extend(l) => out.push(*l),
                    _ => {}
                }
            }
            NativeKind::Sum { acc } => out.push(*acc),
            NativeKind::MinMax {
                key,
                best,
                best_key,
                pending,
                default,
                ..
            } => {
                out.extend([*key, *best, *best_key, *pending]);
                out.extend(default.iter().copied());
            }
            NativeKind::Reduce { func, acc, .. } => out.extend([*func, *acc]),
            NativeKind::SortKeys {
                items,
                keys,
                key,
                in_place,
                ..
            } => {
                out.extend(items.iter().copied());
                out.extend(keys.iter().copied());
                out.push(*key);
                out.push(*in_place);
            }
        }
    }
}

impl Vm {
    /// `iter(v)` for an owned value. `None` when `__iter__` was pushed as a frame.
    pub(crate) fn get_iter(&mut self, v: Value, ret: RetMode) -> PyResult<Option<Value>> {
        let Some(r) = v.as_ref().filter(|r| !self.gen_is_coroutine(*r)) else {
            let tn = self.type_name(v);
            self.heap.decref(v);
            return self.type_error(format!("'{tn}' object is not iterable"));
        };
        let it = match self.heap.get(r) {
            Object::List(_) => IterObj::Seq {
                seq: v,
                idx: 0,
                kind: SeqKind::List,
            },
            Object::Tuple(_) => IterObj::Seq {
                seq: v,
                idx: 0,
                kind: SeqKind::Tuple,
            },
            Object::Str(_) => IterObj::Seq {
                seq: v,
                idx: 0,
                kind: SeqKind::Str,
            },
            Object::Bytes(_) | Object::ByteArray(_) => IterObj::Seq {
                seq: v,
                idx: 0,
                kind: SeqKind::Bytes,
            },
            Object::Deque(_) => IterObj::Seq {
                seq: v,
                idx: 0,
                kind: SeqKind::Deque,
            },
            Object::Range(a, b, c) => {
                let it = crate::range::small_iter(*a, *b, *c);
                self.heap.decref(v);
                return Ok(Some(Value::Obj(
                    self.heap.alloc(Object::Iter(Box::new(it))),
                )));
            }
            Object::BigRange(br) => {
                let it = br.iter();
                self.heap.decref(v);
                return Ok(Some(Value::Obj(
                    self.heap.alloc(Object::Iter(Box::new(it))),
                )));
            }
            Object::Dict(d) | Object::Set(d, _) => IterObj::Dict {
                dict: v,
                pos: 0,
                view: DictView::Keys,
                len: d.len(),
            },
            Object::Iter(_) | Object::File(_) => return Ok(Some(v)),
            Object::Generator(_) if self.is_plain_generator(r) => return Ok(Some(v)),
            Object::Instance(_) | Object::Class(_) => {
                if let Some(m) = self.lookup_special(v, crate::intern::sym::ITER) {
                    let out = self.call_value(m, Vec::new(), Vec::new(), ret);
                    self.heap.decref(m);
                    self.heap.decref(v);
                    return out;
                }
                if let Some(b) = self.payload(v) {
                    self.heap.incref(b);
                    self.heap.decref(v);
                    return self.get_iter(b, ret);
                }
                if self.has_special(v, crate::intern::sym::GETITEM) {
                    IterObj::Seq {
                        seq: v,
                        idx: 0,
                        kind: SeqKind::GetItem,
                    }
                } else {
                    let tn = self.type_name(v);
                    self.heap.decref(v);
                    return self.type_error(format!("'{tn}' object is not iterable"));
                }
            }
            _ => {
                let tn = self.type_name(v);
                self.heap.decref(v);
                return self.type_error(format!("'{tn}' object is not iterable"));
            }
        };
        Ok(Some(Value::Obj(
            self.heap.alloc(Object::Iter(Box::new(it))),
        )))
    }

    /// Next item of any iterator (borrowed); pushes frames when it must.
    pub(crate) fn next_or_push(&mut self, it: Value, ret: RetMode) -> PyResult<Next> {
        let Some(r) = it.as_ref() else {
            let tn = self.type_name(it);
            return self.type_error(format!("'{tn}' object is not an iterator"));
        };
        match self.heap.get(r) {
            Object::Generator(_) if self.is_plain_generator(r) => {
                self.gen_resume(r, Value::None, ret)
            }
            Object::AgAwait(_) => {
                let fin = self.ag_await_send(r, Value::None, &ret);
                match fin {
                    crate::asyncgen::Fin::Pushed => Ok(Next::Pushed),
                    crate::asyncgen::Fin::Pass(v) => Ok(Next::Item(v)),
                    crate::asyncgen::Fin::Stop(v) => {
                        self.heap.decref(v);
                        Ok(Next::Done)
                    }
                    crate::asyncgen::Fin::Raise(e) => Err(e),
                }
            }
            Object::Iter(_) => match self.iter_advance(r, None)? {
                Adv::Item(v) => Ok(Next::Item(v)),
                Adv::Done => Ok(Next::Done),
                adv => {
                    // An iterator over an iterator over…: each level of the
                    // chain is a level of Rust recursion while it advances.
                    if let Adv::NeedCall(_, args) = &adv {
                        if self.nest_full() {
                            let args = args.clone();
                            self.heap.decref_all(args);
                            return self
                                .err(ExcType::RecursionError, "maximum recursion depth exceeded");
                        }
                    }
                    self.nested(crate::nesting::Nest::Other, |vm| {
                        vm.heap.incref(it);
                        vm.push_frame(Frame {
                            ret,
                            kind: FrameKind::Native(Box::new(NativeFrame {
                                kind: NativeKind::IterNext,
                                iter: it,
                                wait: Wait::Start,
                            })),
                        })?;
                        vm.native_handle_adv(adv)
                    })?;
                    Ok(Next::Pushed)
                }
            },
            Object::File(_) => match self.file_readline(r)? {
                Some(v) => Ok(Next::Item(v)),
                None => Ok(Next::Done),
            },
            Object::Instance(_) => {
                let Some(m) = self.lookup_special(it, crate::intern::sym::NEXT) else {
                    let tn = self.type_name(it);
                    return self.type_error(format!("'{tn}' object is not an iterator"));
                };
                let out =
                    self.call_value(m, Vec::new(), Vec::new(), RetMode::IterCall(Box::new(ret)));
                self.heap.decref(m);
                match out {
                    Ok(Some(v)) => Ok(Next::Item(v)),
                    Ok(None) => Ok(Next::Pushed),
                    Err(e) if self.is_instance_of_exc(e, ExcType::StopIteration) => {
                        self.heap.decref(e);
                        Ok(Next::Done)
                    }
                    Err(e) => Err(e),
                }
            }
            _ => {
                let tn = self.type_name(it);
                self.type_error(format!("'{tn}' object is not an iterator"))
            }
        }
    }

    /// Next item, waiting for frames if needed (used by Rust code that must
    /// have the item now). `Ok(None)` means exhausted.
    pub(crate) fn next_sync(&mut self, it: Value) -> PyResult<Option<Value>> {
        let base = self.frames.len();
        match self.next_or_push(it, RetMode::Sync)? {
            Next::Item(v) => Ok(Some(v)),
            Next::Done => Ok(None),
            Next::Pushed => {
                self.sync_depth += 1;
                let stop = crate::nesting::with_stack(|| self.run_loop(base, None));
                self.sync_depth -= 1;
                match stop {
                    crate::interp::Stop::Sync(Outcome::Yield(v)) => Ok(Some(v)),
                    crate::interp::Stop::Sync(Outcome::Return(v)) => {
                        self.heap.decref(v);
                        Ok(None)
                    }
                    crate::interp::Stop::Sync(Outcome::Raise(e)) => {
                        if self.is_instance_of_exc(e, ExcType::StopIteration) {
                            self.heap.decref(e);
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                    crate::interp::Stop::Event(ev) => {
                        self.finish_event = Some(ev);
                        self.err(
                            ExcType::RuntimeError,
                            "interpreter stopped during a nested call",
                        )
                    }
                }
            }
        }
    }

    /// All items of an iterable (borrowed), waiting where needed.
    pub(crate) fn collect_sync(&mut self, iterable: Value) -> PyResult<Vec<Value>> {
        if let Some(r) = iterable.as_ref() {
            match self.heap.get(r) {
                Object::List(items) => {
                    let items = items.clone();
                    for v in &items {
                        self.heap.incref(*v);
                    }
                    return Ok(items);
                }
                Object::Tuple(items) => {
                    let items = items.to_vec();
                    for v in &items {
                        self.heap.incref(*v);
                    }
                    return Ok(items);
                }
                _ => {}
            }
        }
        self.check_range_size_hint(iterable)?;
        self.check_range_memory(iterable)?;
        self.heap.incref(iterable);
        let it = match self.get_iter(iterable, RetMode::Sync)? {
            Some(it) => it,
            None => {
                let base = self.frames.len() - 1;
                self.wait_sync(base)?
            }
        };
        let mut out = Vec::new();
        loop {
            match self.next_sync(it) {
                Ok(Some(v)) => out.push(v),
                Ok(None) => break,
                Err(e) => {
                    self.heap.decref(it);
                    self.heap.decref_all(out);
                    return Err(e);
                }
            }
        }
        self.heap.decref(it);
        Ok(out)
    }

    /// The iterator a native job over `iterable` reads, after the checks a
    /// collecting job makes first (a range too long to hold).
    fn native_source(&mut self, iterable: Value, kind: &NativeKind) -> PyResult<Value> {
        if let NativeKind::Collect { then, .. } = kind {
            match then {
                Then::Set(_) | Then::Dict | Then::Deque(_) => {}
                // `bytearray()` checks each item as it comes, and a range that
                // long always reaches a value outside 0..256 first.
                Then::Bytes(true) if self.range_too_long(iterable) => {
                    return self.value_error("byte must be in range(0, 256)");
                }
                _ => {
                    self.check_range_size_hint(iterable)?;
                    self.check_range_memory(iterable)?;
                }
            }
        }
        self.heap.incref(iterable);
        match self.get_iter(iterable, RetMode::Sync)? {
            Some(it) => Ok(it),
            None => {
                let base = self.frames.len() - 1;
                self.wait_sync(base)
            }
        }
    }

    /// Starts a consumer frame over `iterable` (borrowed). Returns `Some` if
    /// it finished without waiting.
    pub(crate) fn start_native(
        &mut self,
        iterable: Value,
        kind: NativeKind,
        ret: RetMode,
    ) -> PyResult<Option<Value>> {
        let it = match self.native_source(iterable, &kind) {
            Ok(it) => it,
            Err(e) => {
                // Never started: release what the job holds (a list to extend…).
                let unstarted = NativeFrame {
                    kind,
                    iter: Value::None,
                    wait: Wait::Start,
                };
                let mut held = Vec::new();
                unstarted.children(&mut held);
                self.heap.decref_all(held);
                return Err(e);
            }
        };
        let base = self.frames.len();
        self.push_frame(Frame {
            ret: RetMode::Sync,
            kind: FrameKind::Native(Box::new(NativeFrame {
                kind,
                iter: it,
                wait: Wait::Start,
            })),
        })?;
        // Run it directly: if it finishes without pushing anything we return
        // the value; otherwise it stays on the stack with the real mode.
        self.native_resume(None)?;
        if self.frames.len() == base {
            // Finished synchronously: its outcome went to Sync.
            return match self.sync_result.take() {
                Some(Outcome::Return(v) | Outcome::Yield(v)) => Ok(Some(v)),
                Some(Outcome::Raise(e)) => Err(e),
                None => Ok(Some(Value::None)),
            };
        }
        // Still waiting: give it the caller's mode.
        if let Some(f) = self.frames.get_mut(base) {
            f.ret = ret;
        }
        Ok(None)
    }

    fn native_top(&mut self) -> &mut NativeFrame {
        match &mut self.frames.last_mut().expect("frame").kind {
            FrameKind::Native(n) => n,
            FrameKind::Py(_) => unreachable!("native frame expected"),
        }
    }

    /// Resumes the native frame on top with the outcome it waited for.
    pub(crate) fn native_resume(&mut self, out: Option<Outcome>) -> PyResult<()> {
        let input = match out {
            None => None,
            Some(Outcome::Raise(e)) => {
                self.unwind(e, false);
                return Ok(());
            }
            Some(Outcome::Yield(v)) => match self.native_top().wait {
                Wait::Call => Some(Input::Result(v)),
                _ => Some(Input::Item(v)),
            },
            Some(Outcome::Return(v)) => match self.native_top().wait {
                Wait::Call => Some(Input::Result(v)),
                _ => {
                    self.heap.decref(v);
                    Some(Input::Done)
                }
            },
        };
        match self.native_step(input) {
            Ok(()) => Ok(()),
            Err(e) => {
                // The native frame fails with this exception.
                self.unwind(e, false);
                Ok(())
            }
        }
    }

    fn native_step(&mut self, mut input: Option<Input>) -> PyResult<()> {
        loop {
            let is_iter_next = matches!(self.native_top().kind, NativeKind::IterNext);
            let adv = if is_iter_next {
                let it = self.native_top().iter.as_ref().expect("iterator");
                self.iter_advance(it, input.take())?
            } else {
                self.consumer_step(input.take())?
            };
            match adv {
                Adv::Item(v) => {
                    let frame = self.frames.pop().expect("frame");
                    let ret = frame.ret.clone();
                    self.end_frame(frame.kind, Value::None, false);
                    if is_iter_next {
                        self.deliver(ret, Outcome::Yield(v));
                    } else {
                        self.deliver(ret, Outcome::Return(v));
                    }
                    return Ok(());
                }
                Adv::Done => {
                    let frame = self.frames.pop().expect("frame");
                    let ret = frame.ret.clone();
                    self.end_frame(frame.kind, Value::None, false);
                    self.deliver(ret, Outcome::Return(Value::None));
                    return Ok(());
                }
                other => match self.native_request(other)? {
                    Some(i) => input = Some(i),
                    None => return Ok(()),
                },
            }
        }
    }

    fn native_handle_adv(&mut self, adv: Adv) -> PyResult<()> {
        match self.native_request(adv)? {
            Some(i) => self.native_step(Some(i)),
            None => Ok(()),
        }
    }

    /// Performs a request; `Some(input)` if it completed at once.
    fn native_request(&mut self, adv: Adv) -> PyResult<Option<Input>> {
        let me = self.frames.len().checked_sub(1);
        let outer = std::mem::replace(&mut self.native_requesting, me);
        let out = self.native_request_inner(adv);
        self.native_requesting = outer;
        let out = out?;
        if out.is_some() || self.frames.len().checked_sub(1) != me {
            return Ok(out);
        }
        // A frame pushed for the request may have finished at once and left
        // its outcome here rather than resuming this frame recursively.
        match self.native_stash.take() {
            None => Ok(None),
            Some(Outcome::Raise(e)) => Err(e),
            Some(Outcome::Yield(v)) => Ok(Some(match self.native_top().wait {
                Wait::Call => Input::Result(v),
                _ => Input::Item(v),
            })),
            Some(Outcome::Return(v)) => Ok(Some(match self.native_top().wait {
                Wait::Call => Input::Result(v),
                _ => {
                    self.heap.decref(v);
                    Input::Done
                }
            })),
        }
    }

    fn native_request_inner(&mut self, adv: Adv) -> PyResult<Option<Input>> {
        match adv {
            Adv::NeedNext(inner) => {
                self.native_top().wait = Wait::Next;
                match self.next_or_push(inner, RetMode::Native)? {
                    Next::Item(v) => Ok(Some(Input::Item(v))),
                    Next::Done => Ok(Some(Input::Done)),
                    Next::Pushed => Ok(None),
                }
            }
            Adv::NeedCall(f, args) => {
                self.native_top().wait = Wait::Call;
                match self.call_value(f, args, Vec::new(), RetMode::Native)? {
                    Some(v) => Ok(Some(Input::Result(v))),
                    None => Ok(None),
                }
            }
            Adv::Item(_) | Adv::Done => unreachable!("handled by caller"),
        }
    }

    /// One step of a consumer frame.
    #[allow(clippy::too_many_lines)]
    fn consumer_step(&mut self, input: Option<Input>) -> PyResult<Adv> {
        let it = self.native_top().iter;
        let wait = self.native_top().wait;
        // Calls answered (key functions, reduce).
        if let Some(Input::Result(r)) = input {
            let mut kind = std::mem::replace(&mut self.native_top().kind, NativeKind::IterNext);
            let res = match &mut kind {
                NativeKind::MinMax {
                    pending,
                    best,
                    best_key,
                    is_max,
                    ..
                } => {
                    let item = std::mem::replace(pending, Value::None);
                    self.minmax_offer(best, best_key, item, r, *is_max)
                }
                NativeKind::Reduce { acc, .. } => {
                    let old = std::mem::replace(acc, r);
                    self.heap.decref(old);
                    Ok(())
                }
                NativeKind::SortKeys { keys, .. } => {
                    keys.push(r);
                    Ok(())
                }
                _ => {
                    self.heap.decref(r);
                    Ok(())
                }
            };
            self.native_top().kind = kind;
            res?;
            return self.consumer_continue(it);
        }
        let item = match input {
            Some(Input::Item(v)) => Some(v),
            Some(Input::Done) => None,
            None if wait == Wait::Start => return self.consumer_continue(it),
            None => return self.consumer_continue(it),
            Some(Input::Result(_)) => unreachable!(),
        };
        let Some(v) = item else {
            return self.consumer_finish();
        };
        let mut kind = std::mem::replace(&mut self.native_top().kind, NativeKind::IterNext);
        let res: PyResult<Option<Adv>> = (|| match &mut kind {
            NativeKind::Collect { items, .. } => {
                // Growing from an endless iterator ends in MemoryError.
                if items.len() == items.capacity() {
                    let want = items.len().max(4).saturating_mul(2);
                    if let Err(e) = self.check_items(want, std::mem::size_of::<Value>()) {
                        self.heap.decref(v);
                        return Err(e);
                    }
                }
                items.push(v);
                Ok(None)
            }
            NativeKind::Sum { acc } => {
                let r = self.binary_op(crate::code::BinOp::Add, *acc, v, false);
                self.heap.decref(v);
                let r = r?;
                let old = std::mem::replace(acc, r);
                self.heap.decref(old);
                Ok(None)
            }
            NativeKind::AnyAll { want } => {
                let t = self.truthy(v);
                self.heap.decref(v);
                if t? == *want {
                    return Ok(Some(Adv::Item(Value::Bool(*want))));
                }
                Ok(None)
            }
            NativeKind::MinMax {
                key,
                pending,
                best,
                best_key,
                is_max,
                ..
            } => {
                if *key == Value::None {
                    self.heap.incref(v);
                    self.minmax_offer(best, best_key, v, v, *is_max)?;
                    Ok(None)
                } else {
                    *pending = v;
                    self.heap.incref(v);
                    Ok(Some(Adv::NeedCall(*key, vec![v])))
                }
            }
            NativeKind::Reduce { func, acc, has_acc } => {
                if *has_acc {
                    let a = std::mem::replace(acc, Value::None);
                    Ok(Some(Adv::NeedCall(*func, vec![a, v])))
                } else {
                    *acc = v;
                    *has_acc = true;
                    Ok(None)
                }
            }
            NativeKind::IterNext | NativeKind::SortKeys { .. } => Ok(None),
        })();
        self.native_top().kind = kind;
        match res? {
            Some(Adv::NeedCall(f, args)) => Ok(Adv::NeedCall(f, args)),
            Some(a) => Ok(a),
            None => self.consumer_continue(it),
        }
    }

    fn consumer_continue(&mut self, it: Value) -> PyResult<Adv> {
        if let NativeKind::SortKeys {
            items,
            keys,
            key,
            idx,
            ..
        } = &mut self.native_top().kind
        {
            if keys.len() < items.len() {
                let item = items[keys.len()];
                let k = *key;
                *idx = keys.len();
                self.heap.incref(item);
                return Ok(Adv::NeedCall(k, vec![item]));
            }
            return self.consumer_finish();
        }
        if let NativeKind::Reduce { .. } = self.native_top().kind {
            // fallthrough to NeedNext
        }
        Ok(Adv::NeedNext(it))
    }

    fn consumer_finish(&mut self) -> PyResult<Adv> {
        let kind = std::mem::replace(&mut self.native_top().kind, NativeKind::IterNext);
        match kind {
            NativeKind::Collect { items, then } => self.collect_finish(items, then),
            NativeKind::Sum { acc } => Ok(Adv::Item(acc)),
            NativeKind::AnyAll { want } => Ok(Adv::Item(Value::Bool(!want))),
            NativeKind::MinMax {
                best,
                best_key,
                default,
                is_max,
                key,
                ..
            } => {
                self.heap.decref(best_key);
                self.heap.decref(key);
                if best == Value::Undef {
                    if let Some(d) = default {
                        return Ok(Adv::Item(d));
                    }
                    let name = if is_max { "max" } else { "min" };
                    return self.value_error(format!("{name}() arg is an empty sequence"));
                }
                if let Some(d) = default {
                    self.heap.decref(d);
                }
                Ok(Adv::Item(best))
            }
            NativeKind::Reduce { func, acc, has_acc } => {
                self.heap.decref(func);
                if !has_acc {
                    return self.type_error("reduce() of empty iterable with no initial value");
                }
                Ok(Adv::Item(acc))
            }
            NativeKind::SortKeys {
                items,
                keys,
                key,
                reverse,
                in_place,
                ..
            } => {
                self.heap.decref(key);
                let sorted = self.sort_pairs(items, Some(keys), reverse)?;
                self.sorted_result(sorted, in_place)
            }
            NativeKind::IterNext => Ok(Adv::Done),
        }
    }

    fn sorted_result(&mut self, sorted: Vec<Value>, in_place: Value) -> PyResult<Adv> {
        if in_place == Value::None {
            return Ok(Adv::Item(self.list(sorted)));
        }
        if let Some(Object::List(l)) = in_place.as_ref().map(|r| self.heap.get_mut(r)) {
            let old = std::mem::replace(l, sorted);
            self.heap.decref_all(old);
        }
        self.heap.decref(in_place);
        Ok(Adv::Item(Value::None))
    }

    fn collect_finish(&mut self, items: Vec<Value>, then: Then) -> PyResult<Adv> {
        match then {
            Then::List => Ok(Adv::Item(self.list(items))),
            Then::Tuple | Then::Raw => Ok(Adv::Item(self.tuple(items))),
            Then::Set(frozen) => {
                let s = self.new_set(frozen);
                for v in items.iter().copied() {
                    if let Err(e) = self.set_add_value(s, v) {
                        self.heap.decref_all(items);
                        self.heap.decref(s);
                        return Err(e);
                    }
                }
                self.heap.decref_all(items);
                Ok(Adv::Item(s))
            }
            Then::Dict => {
                let d = self.new_dict();
                let r = self.dict_fill_pairs(d, &items);
                self.heap.decref_all(items);
                if let Err(e) = r {
                    self.heap.decref(d);
                    return Err(e);
                }
                Ok(Adv::Item(d))
            }
            Then::Join(sep) => {
                let total = items
                    .iter()
                    .map(|v| self.as_str(*v).map_or(0, str::len))
                    .fold(sep.len().saturating_mul(items.len()), usize::saturating_add);
                if let Err(e) = self.check_memory(total) {
                    self.heap.decref_all(items);
                    return Err(e);
                }
                let mut out = String::new();
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&sep);
                    }
                    match self.as_str(*v) {
                        Some(s) => out.push_str(s),
                        None => {
                            let tn = self.type_name(*v);
                            self.heap.decref_all(items);
                            return self.type_error(format!(
                                "sequence item {i}: expected str instance, {tn} found"
                            ));
                        }
                    }
                }
                self.heap.decref_all(items);
                Ok(Adv::Item(self.str_value(&out)))
            }
            Then::Sorted { key, reverse } => {
                if key == Value::None {
                    let sorted = self.sort_pairs(items, None, reverse)?;
                    return Ok(Adv::Item(self.list(sorted)));
                }
                self.native_top().kind = NativeKind::SortKeys {
                    items,
                    keys: Vec::new(),
                    key,
                    reverse,
                    idx: 0,
                    in_place: Value::None,
                };
                self.consumer_continue(Value::None)
            }
            Then::Extend(l) => {
                if matches!(
                    l.as_ref().map(|r| self.heap.get(r)),
                    Some(Object::ByteArray(_))
                ) {
                    let r = self.bytearray_extend_items(l, items);
                    self.heap.decref(l);
                    r?;
                    return Ok(Adv::Item(Value::None));
                }
                if let Some(Object::List(dst)) = l.as_ref().map(|r| self.heap.get_mut(r)) {
                    dst.extend(items);
                }
                self.heap.decref(l);
                Ok(Adv::Item(Value::None))
            }
            Then::Bytes(array) => Ok(Adv::Item(self.bytes_from_items(items, array)?)),
            Then::BytesJoin(sep, array) => {
                Ok(Adv::Item(self.bytes_join_items(items, &sep, array)?))
            }
            Then::Deque(maxlen) => {
                let mut d = crate::object::Deque {
                    items: items.into(),
                    maxlen,
                };
                if let Some(m) = maxlen {
                    while d.items.len() > m {
                        let v = d.items.pop_front().expect("item");
                        self.heap.decref(v);
                    }
                }
                Ok(Adv::Item(Value::Obj(
                    self.heap.alloc(Object::Deque(Box::new(d))),
                )))
            }
        }
    }

    fn minmax_offer(
        &mut self,
        best: &mut Value,
        best_key: &mut Value,
        item: Value,
        key: Value,
        is_max: bool,
    ) -> PyResult<()> {
        if *best == Value::Undef {
            *best = item;
            *best_key = key;
            return Ok(());
        }
        let op = if is_max {
            crate::code::CmpOp::Gt
        } else {
            crate::code::CmpOp::Lt
        };
        let better = self.compare_bool(op, key, *best_key);
        let better = match better {
            Ok(b) => b,
            Err(e) => {
                self.heap.decref(item);
                self.heap.decref(key);
                return Err(e);
            }
        };
        if better {
            let (ob, ok) = (
                std::mem::replace(best, item),
                std::mem::replace(best_key, key),
            );
            self.heap.decref(ob);
            self.heap.decref(ok);
        } else {
            self.heap.decref(item);
            self.heap.decref(key);
        }
        Ok(())
    }

    /// Stable sort of items by keys (or themselves), with `reverse` as CPython does it.
    pub(crate) fn sort_pairs(
        &mut self,
        items: Vec<Value>,
        keys: Option<Vec<Value>>,
        reverse: bool,
    ) -> PyResult<Vec<Value>> {
        let n = items.len();
        let keys_v = keys.clone().unwrap_or_else(|| items.clone());
        let mut idx: Vec<usize> = (0..n).collect();
        if reverse {
            idx.reverse();
        }
        let mut err = None;
        // Merge sort with `<` only, like CPython's list.sort.
        let mut cmp = |a: usize, b: usize, vm: &mut Vm| -> bool {
            if err.is_some() {
                return false;
            }
            match vm.compare_bool(crate::code::CmpOp::Lt, keys_v[b], keys_v[a]) {
                Ok(lt) => lt,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        };
        let mut buf = idx.clone();
        merge_sort(&mut idx, &mut buf, &mut |a, b| cmp(a, b, self));
        if reverse {
            idx.reverse();
        }
        if let Some(k) = keys {
            self.heap.decref_all(k);
        }
        if let Some(e) = err {
            self.heap.decref_all(items);
            return Err(e);
        }
        Ok(idx.into_iter().map(|i| items[i]).collect())
    }

    /// Advances a built-in iterator once.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn iter_advance(&mut self, it: Ref, input: Option<Input>) -> PyResult<Adv> {
        let mut obj = match self.heap.get_mut(it) {
            Object::Iter(b) => std::mem::replace(&mut **b, IterObj::Empty),
            _ => return Ok(Adv::Done),
        };
        let r = self.iter_advance_inner(&mut obj, input);
        if let Object::Iter(b) = self.heap.get_mut(it) {
            **b = obj;
        }
        r
    }

    #[allow(clippy::too_many_lines)]
    fn iter_advance_inner(&mut self, obj: &mut IterObj, input: Option<Input>) -> PyResult<Adv> {
        match obj {
            IterObj::Empty => Ok(Adv::Done),
            IterObj::Seq { seq, idx, kind } => {
                let s = seq.as_ref().expect("sequence");
                let item = match (self.heap.get(s), *kind) {
                    (Object::List(l), SeqKind::List) => l.get(*idx).copied(),
                    (Object::Tuple(t), SeqKind::Tuple) => t.get(*idx).copied(),
                    (Object::List(l), SeqKind::Reversed) => {
                        if *idx == 0 || *idx > l.len() {
                            None
                        } else {
                            *idx -= 1;
                            let v = l[*idx];
                            self.heap.incref(v);
                            return Ok(Adv::Item(v));
                        }
                    }
                    (Object::Tuple(l), SeqKind::Reversed) => {
                        if *idx == 0 || *idx > l.len() {
                            None
                        } else {
                            *idx -= 1;
                            let v = l[*idx];
                            self.heap.incref(v);
                            return Ok(Adv::Item(v));
                        }
                    }
                    (Object::Deque(d), SeqKind::Deque) => d.items.get(*idx).copied(),
                    (Object::Bytes(x), SeqKind::Bytes) => {
                        x.get(*idx).map(|c| Value::Int(i64::from(*c)))
                    }
                    (Object::ByteArray(x), SeqKind::Bytes) => {
                        x.get(*idx).map(|c| Value::Int(i64::from(*c)))
                    }
                    (Object::Str(st), SeqKind::Str) => {
                        let rest = &st[*idx..];
                        match rest.chars().next() {
                            Some(c) => {
                                *idx += c.len_utf8();
                                let mut b = [0u8; 4];
                                let cs: &str = c.encode_utf8(&mut b);
                                let cs = cs.to_string();
                                return Ok(Adv::Item(self.str_value(&cs)));
                            }
                            None => None,
                        }
                    }
                    (_, SeqKind::GetItem) => {
                        let i = *idx;
                        *idx += 1;
                        let key = Value::Int(i as i64);
                        return match self.get_item_sync(*seq, key) {
                            Ok(v) => Ok(Adv::Item(v)),
                            Err(e)
                                if self.is_instance_of_exc(e, ExcType::IndexError)
                                    || self.is_instance_of_exc(e, ExcType::StopIteration) =>
                            {
                                self.heap.decref(e);
                                let old = std::mem::replace(obj, IterObj::Empty);
                                self.drop_iter_state(old);
                                Ok(Adv::Done)
                            }
                            Err(e) => Err(e),
                        };
                    }
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *idx += 1;
                        self.heap.incref(v);
                        Ok(Adv::Item(v))
                    }
                    None => {
                        let old = std::mem::replace(obj, IterObj::Empty);
                        self.drop_iter_state(old);
                        Ok(Adv::Done)
                    }
                }
            }
            IterObj::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    Ok(Adv::Item(Value::Int(v)))
                } else {
                    Ok(Adv::Done)
                }
            }
            IterObj::BigRange(b) => match b.advance() {
                Some(v) => Ok(Adv::Item(self.int_from_big(v))),
                None => Ok(Adv::Done),
            },
            IterObj::Dict {
                dict,
                pos,
                view,
                len,
            } => {
                let d = dict.as_ref().expect("dict");
                let (next, cur_len) = match self.heap.get(d) {
                    Object::Dict(dd) | Object::Set(dd, _) => (dd.next_from(*pos), dd.len()),
                    _ => (None, 0),
                };
                if cur_len != *len {
                    *len = usize::MAX;
                    let what = if matches!(self.heap.get(d), Object::Set(..)) {
                        "set"
                    } else {
                        "dictionary"
                    };
                    return self.err(
                        ExcType::RuntimeError,
                        format!("{what} changed size during iteration"),
                    );
                }
                match next {
                    Some((p, e)) => {
                        *pos = p + 1;
                        let v = match view {
                            DictView::Keys => {
                                self.heap.incref(e.key);
                                e.key
                            }
                            DictView::Values => {
                                self.heap.incref(e.value);
                                e.value
                            }
                            DictView::Items => {
                                self.heap.incref(e.key);
                                self.heap.incref(e.value);
                                self.tuple(vec![e.key, e.value])
                            }
                        };
                        Ok(Adv::Item(v))
                    }
                    None => {
                        let old = std::mem::replace(obj, IterObj::Empty);
                        self.drop_iter_state(old);
                        Ok(Adv::Done)
                    }
                }
            }
            IterObj::Enumerate { inner, count } => match input {
                None => Ok(Adv::NeedNext(*inner)),
                Some(Input::Item(v)) => {
                    let c = *count;
                    *count += 1;
                    Ok(Adv::Item(self.tuple(vec![Value::Int(c), v])))
                }
                _ => Ok(Adv::Done),
            },
            IterObj::Zip {
                inners,
                acc,
                strict,
            } => {
                match input {
                    Some(Input::Item(v)) => acc.push(v),
                    Some(Input::Done) => {
                        let got = acc.len();
                        let items = std::mem::take(acc);
                        self.heap.decref_all(items);
                        if *strict && got > 0 {
                            let which = got + 1;
                            return self.value_error(format!(
                                "zip() argument {which} is shorter than argument{} 1{}",
                                if got > 1 { "s" } else { "" },
                                if got > 1 {
                                    format!("-{got}")
                                } else {
                                    String::new()
                                }
                            ));
                        }
                        return Ok(Adv::Done);
                    }
                    _ => {}
                }
                if inners.is_empty() {
                    return Ok(Adv::Done);
                }
                if acc.len() < inners.len() {
                    return Ok(Adv::NeedNext(inners[acc.len()]));
                }
                let items = std::mem::take(acc);
                Ok(Adv::Item(self.tuple(items)))
            }
            IterObj::Map {
                func,
                inners,
                acc,
                calling,
            } => {
                match input {
                    Some(Input::Item(v)) => acc.push(v),
                    Some(Input::Done) => {
                        let items = std::mem::take(acc);
                        self.heap.decref_all(items);
                        return Ok(Adv::Done);
                    }
                    Some(Input::Result(r)) => {
                        *calling = false;
                        return Ok(Adv::Item(r));
                    }
                    None => {}
                }
                if acc.len() < inners.len() {
                    return Ok(Adv::NeedNext(inners[acc.len()]));
                }
                *calling = true;
                let args = std::mem::take(acc);
                Ok(Adv::NeedCall(*func, args))
            }
            IterObj::Filter {
                func,
                inner,
                pending,
                invert,
            } => match input {
                None => Ok(Adv::NeedNext(*inner)),
                Some(Input::Done) => Ok(Adv::Done),
                Some(Input::Item(v)) => {
                    if *func == Value::None {
                        let t = self.truthy(v);
                        let t = match t {
                            Ok(t) => t,
                            Err(e) => {
                                self.heap.decref(v);
                                return Err(e);
                            }
                        };
                        if t != *invert {
                            return Ok(Adv::Item(v));
                        }
                        self.heap.decref(v);
                        return Ok(Adv::NeedNext(*inner));
                    }
                    *pending = v;
                    self.heap.incref(v);
                    Ok(Adv::NeedCall(*func, vec![v]))
                }
                Some(Input::Result(r)) => {
                    let t = self.truthy(r);
                    self.heap.decref(r);
                    let v = std::mem::replace(pending, Value::None);
                    match t {
                        Ok(t) if t != *invert => Ok(Adv::Item(v)),
                        Ok(_) => {
                            self.heap.decref(v);
                            Ok(Adv::NeedNext(*inner))
                        }
                        Err(e) => {
                            self.heap.decref(v);
                            Err(e)
                        }
                    }
                }
            },
            IterObj::Chain { sources, current } => {
                // `current` Undef means we are fetching the next source.
                match input {
                    None => {}
                    Some(Input::Item(v)) => {
                        if *current == Value::Undef {
                            // A new source arrived (owned): make it an iterator.
                            let itv = self.get_iter_sync(v);
                            self.heap.decref(v);
                            *current = itv?;
                        } else {
                            return Ok(Adv::Item(v));
                        }
                    }
                    Some(Input::Done) => {
                        if *current == Value::Undef {
                            return Ok(Adv::Done);
                        }
                        let old = std::mem::replace(current, Value::Undef);
                        self.heap.decref(old);
                    }
                    Some(Input::Result(r)) => self.heap.decref(r),
                }
                if *current == Value::Undef || *current == Value::None {
                    *current = Value::Undef;
                    return Ok(Adv::NeedNext(*sources));
                }
                Ok(Adv::NeedNext(*current))
            }
            IterObj::Islice {
                inner,
                next,
                stop,
                step,
                pos,
            } => {
                if let Some(Input::Item(v)) = input {
                    let p = *pos;
                    *pos += 1;
                    if p == *next {
                        *next += *step;
                        return Ok(Adv::Item(v));
                    }
                    self.heap.decref(v);
                } else if let Some(Input::Done) = input {
                    *stop = Some(0);
                    *next = 1;
                    return Ok(Adv::Done);
                }
                if let Some(s) = *stop {
                    if *next >= s {
                        return Ok(Adv::Done);
                    }
                }
                Ok(Adv::NeedNext(*inner))
            }
            IterObj::TakeWhile {
                pred,
                inner,
                pending,
                done,
            } => {
                if *done {
                    return Ok(Adv::Done);
                }
                match input {
                    None => Ok(Adv::NeedNext(*inner)),
                    Some(Input::Done) => Ok(Adv::Done),
                    Some(Input::Item(v)) => {
                        *pending = v;
                        self.heap.incref(v);
                        Ok(Adv::NeedCall(*pred, vec![v]))
                    }
                    Some(Input::Result(r)) => {
                        let t = self.truthy(r);
                        self.heap.decref(r);
                        let v = std::mem::replace(pending, Value::None);
                        if t? {
                            Ok(Adv::Item(v))
                        } else {
                            self.heap.decref(v);
                            *done = true;
                            Ok(Adv::Done)
                        }
                    }
                }
            }
            IterObj::DropWhile {
                pred,
                inner,
                pending,
                dropping,
            } => match input {
                None => Ok(Adv::NeedNext(*inner)),
                Some(Input::Done) => Ok(Adv::Done),
                Some(Input::Item(v)) => {
                    if !*dropping {
                        return Ok(Adv::Item(v));
                    }
                    *pending = v;
                    self.heap.incref(v);
                    Ok(Adv::NeedCall(*pred, vec![v]))
                }
                Some(Input::Result(r)) => {
                    let t = self.truthy(r);
                    self.heap.decref(r);
                    let v = std::mem::replace(pending, Value::None);
                    if t? {
                        self.heap.decref(v);
                        Ok(Adv::NeedNext(*inner))
                    } else {
                        *dropping = false;
                        Ok(Adv::Item(v))
                    }
                }
            },
            IterObj::Accumulate {
                inner,
                func,
                total,
                started,
                pending,
            } => match input {
                None => Ok(Adv::NeedNext(*inner)),
                Some(Input::Done) => Ok(Adv::Done),
                Some(Input::Item(v)) => {
                    if !*started {
                        *started = true;
                        if *total != Value::None {
                            // initial value was given: emit it first, then handle v
                            let init = *total;
                            self.heap.incref(init);
                            *pending = v;
                            let _ = init;
                        }
                        *total = v;
                        self.heap.incref(v);
                        return Ok(Adv::Item(v));
                    }
                    if *func == Value::None {
                        let r = self.binary_op(crate::code::BinOp::Add, *total, v, false);
                        self.heap.decref(v);
                        let r = r?;
                        let old = std::mem::replace(total, r);
                        self.heap.decref(old);
                        self.heap.incref(r);
                        return Ok(Adv::Item(r));
                    }
                    let t = *total;
                    self.heap.incref(t);
                    Ok(Adv::NeedCall(*func, vec![t, v]))
                }
                Some(Input::Result(r)) => {
                    let old = std::mem::replace(total, r);
                    self.heap.decref(old);
                    self.heap.incref(r);
                    Ok(Adv::Item(r))
                }
            },
            IterObj::StarMap { func, inner } => match input {
                None => Ok(Adv::NeedNext(*inner)),
                Some(Input::Done) => Ok(Adv::Done),
                Some(Input::Item(v)) => {
                    let args = self.collect_sync(v);
                    self.heap.decref(v);
                    Ok(Adv::NeedCall(*func, args?))
                }
                Some(Input::Result(r)) => Ok(Adv::Item(r)),
            },
            IterObj::Count { cur, step } => {
                let v = *cur;
                let next = self.binary_op(crate::code::BinOp::Add, v, *step, false)?;
                *cur = next;
                Ok(Adv::Item(v))
            }
            IterObj::Cycle {
                inner,
                saved,
                idx,
                exhausted,
            } => {
                if *exhausted {
                    if saved.is_empty() {
                        return Ok(Adv::Done);
                    }
                    let v = saved[*idx % saved.len()];
                    *idx = (*idx + 1) % saved.len();
                    self.heap.incref(v);
                    return Ok(Adv::Item(v));
                }
                match input {
                    None => Ok(Adv::NeedNext(*inner)),
                    Some(Input::Item(v)) => {
                        self.heap.incref(v);
                        saved.push(v);
                        Ok(Adv::Item(v))
                    }
                    Some(Input::Done) => {
                        *exhausted = true;
                        *idx = 0;
                        if saved.is_empty() {
                            return Ok(Adv::Done);
                        }
                        let v = saved[0];
                        *idx = 1 % saved.len();
                        self.heap.incref(v);
                        Ok(Adv::Item(v))
                    }
                    Some(Input::Result(r)) => Ok(Adv::Item(r)),
                }
            }
            IterObj::Repeat { value, remaining } => {
                if let Some(r) = remaining {
                    if *r <= 0 {
                        return Ok(Adv::Done);
                    }
                    *r -= 1;
                }
                self.heap.incref(*value);
                Ok(Adv::Item(*value))
            }
            IterObj::ZipLongest { inners, acc, fill } => {
                match input {
                    Some(Input::Item(v)) => acc.push(v),
                    Some(Input::Done) => {
                        let i = acc.len();
                        if let Some(x) = inners[i].take() {
                            self.heap.decref(x);
                        }
                        self.heap.incref(*fill);
                        acc.push(*fill);
                    }
                    _ => {}
                }
                if inners.iter().all(Option::is_none) {
                    let items = std::mem::take(acc);
                    self.heap.decref_all(items);
                    return Ok(Adv::Done);
                }
                while acc.len() < inners.len() {
                    match inners[acc.len()] {
                        Some(x) => return Ok(Adv::NeedNext(x)),
                        None => {
                            self.heap.incref(*fill);
                            acc.push(*fill);
                        }
                    }
                }
                if inners.iter().all(Option::is_none) {
                    let items = std::mem::take(acc);
                    self.heap.decref_all(items);
                    return Ok(Adv::Done);
                }
                let items = std::mem::take(acc);
                Ok(Adv::Item(self.tuple(items)))
            }
            IterObj::Combinatoric {
                pools,
                indices,
                cycles,
                r,
                kind,
                first,
                done,
            } => {
                if *done {
                    return Ok(Adv::Done);
                }
                let advanced = if *first {
                    *first = false;
                    combinatoric_init(pools, indices, cycles, *r, *kind)
                } else {
                    combinatoric_next(pools, indices, cycles, *r, *kind)
                };
                if !advanced {
                    *done = true;
                    return Ok(Adv::Done);
                }
                let items: Vec<Value> = match kind {
                    CombKind::Product => indices
                        .iter()
                        .enumerate()
                        .map(|(i, &j)| pools[i][j])
                        .collect(),
                    CombKind::Permutations => indices[..*r].iter().map(|&j| pools[0][j]).collect(),
                    _ => indices.iter().map(|&j| pools[0][j]).collect(),
                };
                for v in &items {
                    self.heap.incref(*v);
                }
                Ok(Adv::Item(self.tuple(items)))
            }
            IterObj::Callable { func, sentinel } => match input {
                None => Ok(Adv::NeedCall(*func, Vec::new())),
                Some(Input::Result(r)) => {
                    let eq = self.eq(r, *sentinel)?;
                    if eq {
                        self.heap.decref(r);
                        Ok(Adv::Done)
                    } else {
                        Ok(Adv::Item(r))
                    }
                }
                _ => Ok(Adv::Done),
            },
        }
    }

    /// `iter(v)` for a borrowed value, waiting for `__iter__` if needed.
    pub(crate) fn get_iter_sync(&mut self, v: Value) -> PyResult<Value> {
        self.heap.incref(v);
        match self.get_iter(v, RetMode::Sync)? {
            Some(it) => Ok(it),
            None => {
                let base = self.frames.len() - 1;
                self.wait_sync(base)
            }
        }
    }

    fn drop_iter_state(&mut self, old: IterObj) {
        let mut ch = Vec::new();
        old.children(&mut ch);
        self.heap.decref_all(ch);
    }
}

fn merge_sort(v: &mut [usize], buf: &mut [usize], less: &mut dyn FnMut(usize, usize) -> bool) {
    // less(a, b) answers "b < a" (strictly): take from the right only when strictly smaller.
    let n = v.len();
    if n <= 1 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(v[j - 1], v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], &mut buf[..mid], less);
    merge_sort(&mut v[mid..], &mut buf[mid..], less);
    buf[..n].copy_from_slice(v);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if less(buf[i], buf[j]) {
            v[k] = buf[j];
            j += 1;
        } else {
            v[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        v[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        v[k] = buf[j];
        j += 1;
        k += 1;
    }
}

fn combinatoric_init(
    pools: &[Vec<Value>],
    indices: &mut Vec<usize>,
    cycles: &mut Vec<usize>,
    r: usize,
    kind: CombKind,
) -> bool {
    match kind {
        CombKind::Product => {
            if pools.iter().any(Vec::is_empty) {
                return false;
            }
            *indices = vec![0; pools.len()];
            true
        }
        CombKind::Permutations => {
            let n = pools[0].len();
            if r > n {
                return false;
            }
            *indices = (0..n).collect();
            *cycles = (0..r).map(|i| n - i).collect();
            true
        }
        CombKind::Combinations => {
            if r > pools[0].len() {
                return false;
            }
            *indices = (0..r).collect();
            true
        }
        CombKind::CombinationsWithReplacement => {
            if pools[0].is_empty() && r > 0 {
                return false;
            }
            *indices = vec![0; r];
            true
        }
    }
}

fn combinatoric_next(
    pools: &[Vec<Value>],
    indices: &mut [usize],
    cycles: &mut [usize],
    r: usize,
    kind: CombKind,
) -> bool {
    match kind {
        CombKind::Product => {
            for i in (0..indices.len()).rev() {
                indices[i] += 1;
                if indices[i] < pools[i].len() {
                    return true;
                }
                indices[i] = 0;
            }
            false
        }
        CombKind::Permutations => {
            let n = pools[0].len();
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    let x = indices[i];
                    indices[i..].rotate_left(1);
                    indices[n - 1] = x;
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    return true;
                }
            }
            false
        }
        CombKind::Combinations => {
            let n = pools[0].len();
            let mut i = r;
            loop {
                if i == 0 {
                    return false;
                }
                i -= 1;
                if indices[i] != i + n - r {
                    break;
                }
            }
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            true
        }
        CombKind::CombinationsWithReplacement => {
            let n = pools[0].len();
            let mut i = r;
            loop {
                if i == 0 {
                    return false;
                }
                i -= 1;
                if indices[i] != n - 1 {
                    break;
                }
            }
            let v = indices[i] + 1;
            for idx in &mut indices[i..r] {
                *idx = v;
            }
            true
        }
    }
}
