//! Checking a world read from a file (a recording's keyframe or delta)
//! before anything runs on it. A recording may come from someone else, so
//! nothing in it is trusted: every handle, name and code index must fall
//! inside its table, reference counts must add up, every code object must
//! be bytecode the interpreter can run without reading past its tables or
//! its value stack, and every saved frame must fit its code. A world that
//! fails gets a message naming what is wrong instead of a panic later.
//!
//! Handles, names and code ids are too many kinds of field to list by
//! hand, so their deserializers report the largest index they read
//! ([`track`]); the tables' sizes are only known once the whole world is
//! read, so the comparison comes after.

use crate::code::{Code, Op};
use crate::frame::{Block, FrameKind, PyFrame};
use crate::object::{GenState, Object};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// The largest index of each kind read while [`track`] ran, plus one
/// (0: none read).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Heap handles (`Ref`).
    pub refs: u64,
    /// Interned names (`Sym`).
    pub syms: u64,
    /// Code objects (`CodeId`).
    pub codes: u64,
}

thread_local! {
    static SEEN: Cell<Option<Seen>> = const { Cell::new(None) };
}

/// Runs `f` (a deserialization) and returns what it returned with the
/// largest indices it read.
pub fn track<T>(f: impl FnOnce() -> T) -> (T, Seen) {
    let outer = SEEN.with(|s| s.replace(Some(Seen::default())));
    let out = f();
    let seen = SEEN.with(|s| s.replace(outer)).unwrap_or_default();
    if let Some(mut o) = outer {
        o.refs = o.refs.max(seen.refs);
        o.syms = o.syms.max(seen.syms);
        o.codes = o.codes.max(seen.codes);
        SEEN.with(|s| s.set(Some(o)));
    }
    (out, seen)
}

/// Which table an index read by a deserializer belongs to.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Ref,
    Sym,
    Code,
}

/// Called by the deserializers of `Ref`, `Sym` and `CodeId`.
pub(crate) fn saw(kind: Kind, index: u32) {
    SEEN.with(|s| {
        if let Some(mut seen) = s.get() {
            let n = u64::from(index) + 1;
            let field = match kind {
                Kind::Ref => &mut seen.refs,
                Kind::Sym => &mut seen.syms,
                Kind::Code => &mut seen.codes,
            };
            *field = (*field).max(n);
            s.set(Some(seen));
        }
    });
}

impl Seen {
    /// Every index read fits the tables of `vm` (with `slots` heap slots).
    ///
    /// # Errors
    /// Names the first table an index falls outside of.
    pub fn fits(&self, slots: usize, names: usize, codes: usize) -> Result<(), String> {
        let over = |n: u64, len: usize| n > len as u64;
        if over(self.refs, slots) {
            return Err(format!(
                "an object handle points past the heap ({} slots)",
                slots
            ));
        }
        if over(self.syms, names) {
            return Err(format!(
                "a name index points past the name table ({names} names)"
            ));
        }
        if over(self.codes, codes) {
            return Err(format!(
                "a code index points past the code table ({codes} code objects)"
            ));
        }
        Ok(())
    }
}

impl Vm {
    /// Checks a world read from a file whose indices `seen` reports (see
    /// [`track`]): it may be run only when this returns `Ok`.
    ///
    /// # Errors
    /// What is wrong, in words.
    pub fn check_world(&self, seen: Seen) -> Result<(), String> {
        seen.fits(self.heap.slots.len(), self.names.len(), self.codes.len())?;
        self.names.check_predefined()?;
        let slots = self.heap.slots.len();
        if let Some(i) = self.heap.free_list().iter().find(|i| **i as usize >= slots) {
            return Err(format!(
                "the heap's free list names slot {i}, past the heap"
            ));
        }
        if self.heap.pending_final.iter().any(|r| r.index() >= slots) {
            return Err("a pending finalizer names a slot past the heap".into());
        }
        for w in &self.heap.weak {
            if w.target.is_some_and(|r| r.index() >= slots)
                || w.fire.is_some_and(|r| r.index() >= slots)
            {
                return Err("a weak reference names a slot past the heap".into());
            }
        }
        for (i, c) in self.codes.iter().enumerate() {
            self.check_code(c)
                .map_err(|e| format!("code object {i} ('{}'): {e}", c.qualname))?;
        }
        self.check_builtins()?;
        for (i, f) in self.frames.iter().enumerate() {
            if let FrameKind::Py(p) = &f.kind {
                self.check_frame(p, None)
                    .map_err(|e| format!("frame {i}: {e}"))?;
            }
        }
        for (i, s) in self.heap.slots.iter().enumerate() {
            if let Object::Generator(g) = &s.obj {
                if let Some(f) = &g.frame {
                    let FrameKind::Py(p) = &f.kind else {
                        return Err(format!(
                            "generator in slot {i} has a frame that is not Python"
                        ));
                    };
                    self.check_frame(p, Some(g.state)).map_err(|e| {
                        format!("the frame of generator '{}' (slot {i}): {e}", g.qualname)
                    })?;
                    if p.code != g.code || p.generator != Some(crate::value::Ref(i as u32)) {
                        return Err(format!(
                            "the frame of generator '{}' (slot {i}) belongs to another",
                            g.qualname
                        ));
                    }
                }
            }
        }
        let bad = self.refcount_mismatches();
        if let Some(first) = bad.first() {
            return Err(format!("reference counts do not add up: {first}"));
        }
        Ok(())
    }

    /// The built-in tables name objects of the right kinds.
    fn check_builtins(&self) -> Result<(), String> {
        let class = |r: &crate::value::Ref| matches!(self.heap.get(*r), Object::Class(_));
        if !self.b.types.iter().all(class) || !self.b.excs.iter().all(class) {
            return Err("a built-in type is not a class".into());
        }
        if !self
            .b
            .funcs
            .iter()
            .all(|r| matches!(self.heap.get(*r), Object::Builtin(_)))
        {
            return Err("a built-in function is not a built-in".into());
        }
        let module = |r: &crate::value::Ref| matches!(self.heap.get(*r), Object::Module(_));
        if !self.modules.values().all(module)
            || !self.b.module.iter().all(module)
            || !self.main_module.iter().all(module)
        {
            return Err("a loaded module is not a module".into());
        }
        Ok(())
    }

    /// A Python frame fits its code; `state` is that of the generator that
    /// holds it (`None`: a frame on the VM's stack).
    fn check_frame(&self, p: &PyFrame, state: Option<GenState>) -> Result<(), String> {
        let code = &self.codes[p.code.0 as usize];
        let n_ops = code.ops.len();
        if p.pc as usize >= n_ops {
            return Err(format!("resumes at instruction {}, past its code", p.pc));
        }
        if p.locals.len() != code.varnames.len() {
            return Err("its locals do not match its code".into());
        }
        if p.cells.len() != code.cellvars.len() + code.freevars.len()
            || !p
                .cells
                .iter()
                .all(|c| matches!(self.heap.get(*c), Object::Cell(_)))
        {
            return Err("its cells do not match its code".into());
        }
        if !matches!(self.heap.get(p.module), Object::Module(_)) {
            return Err("its module is not a module".into());
        }
        if p.ns.is_some_and(|ns| {
            !matches!(
                self.heap.get(ns),
                Object::Dict(..) | Object::Namespace(_) | Object::Instance(_)
            )
        }) {
            return Err("its namespace is not a mapping".into());
        }
        let mut last = 0;
        for b in &p.blocks {
            if let Block::Except { handler, depth } | Block::Finally { handler, depth } = b {
                if *handler as usize >= n_ops || (*depth as usize) > p.stack.len() || *depth < last
                {
                    return Err("its handler blocks do not fit its code".into());
                }
                last = *depth;
            }
        }
        let depths = crate::pickle::stack_depth::depths(code);
        let max = depths.iter().flatten().copied().max().unwrap_or(0);
        let saved = p.stack.len() as i64;
        if saved > max + 2 {
            return Err(format!(
                "its value stack holds {saved} values, more than its code uses"
            ));
        }
        match state {
            Some(s @ (GenState::Created | GenState::Suspended)) => {
                if !crate::pickle::resumable_at(code, s, p) {
                    return Err("it is not stopped where its code can resume".into());
                }
            }
            _ => {
                // A frame waiting for the one above it: at least what the
                // instruction before its resume point leaves below.
                if let Some(Some(d)) = depths.get(p.pc as usize) {
                    if saved + 1 < *d {
                        return Err(format!(
                            "its value stack holds {saved} values where its code needs {d}"
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// A code object can run: every operand inside its tables, every jump
    /// inside the code, no path that falls off its end or takes more
    /// values from the stack than it pushed.
    ///
    /// # Errors
    /// The first instruction that does not fit, by index.
    pub fn check_code(&self, code: &Code) -> Result<(), String> {
        let n_ops = code.ops.len();
        if n_ops == 0 {
            return Err("it has no instructions".into());
        }
        if code.spans.len() != n_ops {
            return Err("its positions do not match its instructions".into());
        }
        if code.source as usize >= self.sources.len() {
            return Err("it names a source file that is not in the world".into());
        }
        let consts = code.consts.len();
        if code.doc.is_some_and(|d| d as usize >= consts) {
            return Err("its docstring is not one of its constants".into());
        }
        let slots = self.heap.slots.len();
        if code
            .consts
            .iter()
            .any(|v| matches!(v, Value::Obj(r) if r.index() >= slots || matches!(self.heap.get(*r), Object::Free)))
        {
            return Err("a constant is not an object of the world".into());
        }
        let locals = code.varnames.len();
        let cells = code.cellvars.len() + code.freevars.len();
        let params = code.argcount as usize
            + code.kwonly as usize
            + usize::from(code.varargs)
            + usize::from(code.varkw);
        if params > locals || code.posonly > code.argcount {
            return Err("its parameters do not fit its locals".into());
        }
        if code
            .arg_cells
            .iter()
            .any(|(c, a)| *c as usize >= cells || *a as usize >= locals)
        {
            return Err("a parameter cell does not fit its cells".into());
        }
        for (pc, op) in code.ops.iter().enumerate() {
            let fits = match *op {
                Op::LoadConst(k) | Op::CallKw(_, k) => (k as usize) < consts,
                Op::LoadFast(k) | Op::StoreFast(k) | Op::DeleteFast(k) => (k as usize) < locals,
                Op::LoadDeref(k) | Op::StoreDeref(k) | Op::DeleteDeref(k) | Op::LoadClosure(k) => {
                    (k as usize) < cells
                }
                Op::Jump(t)
                | Op::PopJumpIfFalse(t)
                | Op::PopJumpIfTrue(t)
                | Op::JumpIfFalseOrPop(t)
                | Op::JumpIfTrueOrPop(t)
                | Op::ForIter(t)
                | Op::SetupExcept(t)
                | Op::SetupFinally(t)
                | Op::SetupWith(t) => (t as usize) < n_ops,
                Op::MakeFunction(c, flags) => (c as usize) < self.codes.len() && flags < 16,
                Op::Raise(n) => n <= 2,
                Op::FormatValue(flags) => flags < 8,
                _ => true,
            };
            if !fits {
                return Err(format!(
                    "instruction {pc} ({op:?}) has an operand out of range"
                ));
            }
        }
        crate::pickle::stack_depth::verify(code)
    }
}
