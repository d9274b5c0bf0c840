//! Reading a pickle: resolve names against the running program, check
//! every index, then allocate the objects and point their handles at each
//! other. Nothing from the data is ever called; only the program's own
//! `__hash__`/`__eq__` run, when dicts are rebuilt.

use super::format::{Doc, Item};
use crate::builtins::{Owner, TABLE};
use crate::code::CodeId;
use crate::copy::remap::{remap_object, Remap};
use crate::frame::{Block, FrameKind};
use crate::intern::Sym;
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// Maps table indices to live handles, counting each use; records bad indices.
struct Loader<'a> {
    vm: &'a mut Vm,
    slots: &'a [Ref],
    syms: &'a [Sym],
    codes: &'a [CodeId],
    bad: bool,
}

impl Remap for Loader<'_> {
    fn val(&mut self, v: Value) -> Value {
        match v {
            Value::Obj(r) => match self.slots.get(r.index()) {
                Some(n) => {
                    self.vm.heap.incref(Value::Obj(*n));
                    Value::Obj(*n)
                }
                None => {
                    self.bad = true;
                    Value::None
                }
            },
            other => other,
        }
    }

    fn obj(&mut self, r: Ref) -> Ref {
        match self.val(Value::Obj(r)) {
            Value::Obj(x) => x,
            _ => self.vm.b.ty(crate::types::TypeTag::Object),
        }
    }

    fn sym(&mut self, s: Sym) -> Sym {
        self.syms.get(s.0 as usize).copied().unwrap_or_else(|| {
            self.bad = true;
            Sym(0)
        })
    }

    fn code(&mut self, c: CodeId) -> CodeId {
        self.codes.get(c.0 as usize).copied().unwrap_or_else(|| {
            self.bad = true;
            CodeId(0)
        })
    }

    fn backref(&mut self, r: Ref) -> Ref {
        self.slots.get(r.index()).copied().unwrap_or_else(|| {
            self.bad = true;
            r
        })
    }
}

impl Vm {
    /// Finds a code object by its pickle name; a changed one is refused.
    fn resolve_code(&self, c: &super::format::CodeRef) -> Result<CodeId, String> {
        let src = self
            .sources
            .iter()
            .position(|s| s.module == c.module)
            .ok_or_else(|| format!("module '{}' is not loaded", c.module))?;
        let found = self
            .codes
            .iter()
            .enumerate()
            .filter(|(_, o)| o.source as usize == src && *o.qualname == *c.qualname)
            .nth(c.ordinal as usize)
            .map(|(i, _)| CodeId(u32::try_from(i).unwrap_or(u32::MAX)));
        let Some(id) = found else {
            return Err(format!(
                "function '{}' no longer exists in module '{}'",
                c.qualname, c.module
            ));
        };
        if self.code_ref(id).hash != c.hash {
            return Err(format!(
                "function '{}' in module '{}' changed since it was pickled (source hash differs)",
                c.qualname, c.module
            ));
        }
        Ok(id)
    }

    /// An item pickled by name.
    fn resolve_item(&self, item: &Item, codes: &[CodeId]) -> Result<Ref, String> {
        match item {
            Item::Value(_) => Err("internal: value item resolved by name".into()),
            Item::Module(m) => self
                .modules
                .get(m)
                .copied()
                .ok_or_else(|| format!("module '{m}' is not loaded")),
            Item::BuiltinType(name) => crate::types::TypeTag::ALL
                .iter()
                .position(|t| format!("{t:?}") == *name)
                .and_then(|i| self.b.types.get(i).copied())
                .ok_or_else(|| format!("unknown built-in type '{name}'")),
            Item::BuiltinExc(name) => self
                .b
                .excs
                .iter()
                .copied()
                .find(|r| matches!(self.heap.get(*r), Object::Class(c) if *c.name == **name))
                .ok_or_else(|| format!("unknown built-in exception '{name}'")),
            Item::Class { module, qualname } => match self.lookup_qualname(module, qualname) {
                Some(r) if matches!(self.heap.get(r), Object::Class(_)) => Ok(r),
                _ => Err(format!(
                    "Can't get attribute '{qualname}' on module '{module}'"
                )),
            },
            Item::Builtin { owner, name } if has_outside_effects(owner, name) => Err(format!(
                "a pickle may not hold '{}' (it acts outside the program)",
                if owner == "builtins" {
                    name.clone()
                } else {
                    format!("{owner}.{name}")
                }
            )),
            Item::Builtin { owner, name } => TABLE
                .iter()
                .position(|d| {
                    d.name == name
                        && match d.owner {
                            Owner::Global => owner == "builtins",
                            Owner::Type(t) => *owner == format!("type:{t:?}"),
                            Owner::Module(m) => owner == m,
                        }
                })
                .and_then(|i| self.b.funcs.get(i).copied())
                .ok_or_else(|| format!("unknown built-in function '{owner}.{name}'")),
            Item::Global {
                module,
                qualname,
                code,
            } => {
                let r = self.lookup_qualname(module, qualname).ok_or_else(|| {
                    format!("Can't get attribute '{qualname}' on module '{module}'")
                })?;
                let want = codes
                    .get(*code as usize)
                    .copied()
                    .ok_or("invalid pickle data: bad code index")?;
                match self.heap.get(r) {
                    Object::Function(f) if f.code == want => Ok(r),
                    _ => Err(format!(
                        "function '{qualname}' in module '{module}' changed since it was pickled"
                    )),
                }
            }
        }
    }

    /// Rebuilds the value a document holds.
    pub(super) fn load_doc(&mut self, doc: Doc) -> PyResult<Value> {
        let fail = |vm: &mut Vm, msg: String| {
            Err(vm.new_exc(crate::builtins::ExcType::UnpicklingError, &msg))
        };
        let mut codes = Vec::with_capacity(doc.codes.len());
        for c in &doc.codes {
            match self.resolve_code(c) {
                Ok(id) => codes.push(id),
                Err(m) => return fail(self, m),
            }
        }
        // Check every object before allocating anything.
        let mut slots = Vec::with_capacity(doc.items.len());
        for item in &doc.items {
            match item {
                Item::Value(obj) => {
                    if let Err(m) = self.check_loaded(obj, &codes) {
                        return fail(self, format!("invalid pickle data: {m}"));
                    }
                    slots.push(None);
                }
                other => match self.resolve_item(other, &codes) {
                    Ok(r) => slots.push(Some(r)),
                    Err(m) => return fail(self, m),
                },
            }
        }
        let syms: Vec<Sym> = doc.names.iter().map(|n| self.sym(n)).collect();
        let mut made = Vec::new();
        let slots: Vec<Ref> = slots
            .into_iter()
            .map(|s| {
                s.unwrap_or_else(|| {
                    let r = self.heap.alloc(Object::Free);
                    made.push(r);
                    r
                })
            })
            .collect();
        let mut bad = false;
        let mut rehash = Vec::new();
        let mut values = doc.items.into_iter().filter_map(|i| match i {
            Item::Value(o) => Some(o),
            _ => None,
        });
        for &r in &made {
            let Some(mut obj) = values.next() else { break };
            let mut l = Loader {
                vm: self,
                slots: &slots,
                syms: &syms,
                codes: &codes,
                bad: false,
            };
            remap_object(&mut obj, &mut l);
            bad |= l.bad;
            match &mut obj {
                Object::Generator(g) => {
                    self.next_serial += 1;
                    g.serial = self.next_serial;
                    g.renamed = self
                        .codes
                        .get(g.code.0 as usize)
                        .is_none_or(|c| *c.qualname != *g.qualname);
                }
                Object::Dict(_) | Object::Set(..) => rehash.push(r),
                _ => {}
            }
            *self.heap.get_mut(r) = obj;
        }
        let root = match doc.root {
            Value::Obj(i) => match slots.get(i.index()) {
                Some(r) => Value::Obj(*r),
                None => {
                    bad = true;
                    Value::None
                }
            },
            Value::Undef => {
                bad = true;
                Value::None
            }
            v => v,
        };
        if !bad {
            bad = !self.check_frames(&made);
        }
        let mut err = None;
        if !bad {
            for d in rehash {
                if let Err(e) = self.rehash_loaded(d) {
                    err = Some(e);
                    break;
                }
            }
        }
        self.heap.incref(root);
        for r in made {
            self.heap.decref(Value::Obj(r));
        }
        if bad {
            self.heap.decref(root);
            return fail(
                self,
                "invalid pickle data: inconsistent object table".into(),
            );
        }
        if let Some(e) = err {
            self.heap.decref(root);
            return Err(e);
        }
        Ok(root)
    }

    /// Object kinds that are never pickled by value, and generator states
    /// that cannot be resumed.
    fn check_loaded(&self, obj: &Object, codes: &[CodeId]) -> Result<(), String> {
        match obj {
            Object::Free
            | Object::Class(_)
            | Object::Module(_)
            | Object::Namespace(_)
            | Object::Builtin(_)
            | Object::File(_)
            | Object::WeakHandle(_) => Err("an object kind that is never pickled by value".into()),
            Object::Generator(g) => {
                let Some(code) = codes
                    .get(g.code.0 as usize)
                    .map(|c| &self.codes[c.0 as usize])
                else {
                    return Err("bad code index".into());
                };
                match (g.state, &g.frame) {
                    (GenState::Running, _) => Err("a running generator".into()),
                    (GenState::Created | GenState::Suspended, None) => {
                        Err("a generator without its frame".into())
                    }
                    (GenState::Finished, Some(_)) => {
                        Err("a finished generator with a frame".into())
                    }
                    (_, None) => Ok(()),
                    (_, Some(f)) => {
                        let FrameKind::Py(p) = &f.kind else {
                            return Err("a generator frame that is not Python".into());
                        };
                        let n_ops = code.ops.len();
                        let ok = p.code == g.code
                            && resumable_at(code, g.state, p)
                            && (p.pc as usize) < n_ops
                            && p.locals.len() == code.varnames.len()
                            && p.cells.len() == code.cellvars.len() + code.freevars.len()
                            && p.stack.len() <= 4096
                            && p.ns.is_none()
                            && p.blocks.iter().all(|b| match b {
                                Block::Except { handler, .. } | Block::Finally { handler, .. } => {
                                    (*handler as usize) < n_ops
                                }
                                Block::Handling { .. } => true,
                            });
                        if ok {
                            Ok(())
                        } else {
                            Err(format!(
                                "the saved frame of generator '{}' does not fit its code",
                                g.qualname
                            ))
                        }
                    }
                }
            }
            Object::Range(_, _, 0) => Err("a range with a zero step".into()),
            Object::BigRange(r) if num_traits::Zero::is_zero(&r.step) => {
                Err("a range with a zero step".into())
            }
            Object::Function(f) => {
                let Some(code) = codes
                    .get(f.code.0 as usize)
                    .map(|c| &self.codes[c.0 as usize])
                else {
                    return Err("bad code index".into());
                };
                if f.closure.len() == code.freevars.len() {
                    Ok(())
                } else {
                    Err(format!(
                        "function '{}' has the wrong number of closure cells",
                        f.qualname
                    ))
                }
            }
            _ => Ok(()),
        }
    }

    /// After remapping: each generator frame's handles have the right kinds.
    fn check_frames(&self, made: &[Ref]) -> bool {
        made.iter().all(|r| match self.heap.get(*r) {
            Object::Generator(g) => match g.frame.as_ref().map(|f| &f.kind) {
                Some(FrameKind::Py(p)) => {
                    p.generator == Some(*r)
                        && matches!(self.heap.get(p.module), Object::Module(_))
                        && p.cells
                            .iter()
                            .all(|c| matches!(self.heap.get(*c), Object::Cell(_)))
                }
                _ => true,
            },
            Object::Function(f) => {
                matches!(self.heap.get(f.module), Object::Module(_))
                    && f.closure
                        .iter()
                        .all(|c| matches!(self.heap.get(*c), Object::Cell(_)))
            }
            Object::Instance(i) => matches!(self.heap.get(i.class), Object::Class(_)),
            Object::Exception(e) => matches!(self.heap.get(e.class), Object::Class(_)),
            _ => true,
        })
    }

    fn rehash_loaded(&mut self, d: Ref) -> PyResult<()> {
        self.rehash_table(d)
    }
}

/// Whether a saved frame stands where a generator can be resumed: an
/// unstarted one at its first instruction with nothing on its stacks; a
/// suspended one just after a `yield` or at a `yield from`; its blocks are
/// the handlers its code sets up, at depths its value stack has.
pub(crate) fn resumable_at(
    code: &crate::code::Code,
    state: GenState,
    p: &crate::frame::PyFrame,
) -> bool {
    use crate::code::Op;
    let pc = p.pc as usize;
    let at_point = match state {
        GenState::Created => pc == 0 && p.stack.is_empty() && p.blocks.is_empty(),
        GenState::Suspended => {
            (pc > 0 && code.ops.get(pc - 1) == Some(&Op::YieldValue))
                || (code.ops.get(pc) == Some(&Op::YieldFrom) && !p.stack.is_empty())
        }
        _ => true,
    };
    if !at_point {
        return false;
    }
    // The depths the code has there (where every path agrees on one).
    let depths = super::stack_depth::depths(code);
    let saved = i64::try_from(p.stack.len()).unwrap_or(i64::MAX);
    if state == GenState::Suspended {
        let at = if code.ops.get(pc) == Some(&Op::YieldFrom) {
            pc
        } else {
            pc - 1
        };
        if let Some(Some(d)) = depths.get(at) {
            if saved != d - 1 {
                return false;
            }
        }
    }
    for b in &p.blocks {
        if let Block::Except { handler, depth } | Block::Finally { handler, depth } = b {
            let fits = code.ops.iter().enumerate().any(|(i, op)| match op {
                Op::SetupExcept(h) | Op::SetupFinally(h) | Op::SetupWith(h) if h == handler => {
                    depths[i].is_none_or(|d| {
                        super::stack_depth::block_depth(*op, d) == i64::from(*depth)
                    })
                }
                _ => false,
            });
            if !fits {
                return false;
            }
        }
    }
    let mut last = 0;
    p.blocks.iter().all(|b| match b {
        Block::Except { handler, depth } | Block::Finally { handler, depth } => {
            let set_up = code.ops.iter().any(|op| match (op, b) {
                (Op::SetupExcept(h), Block::Except { .. })
                | (Op::SetupFinally(h) | Op::SetupWith(h), Block::Finally { .. }) => h == handler,
                _ => false,
            });
            let fits = *depth as usize <= p.stack.len() && *depth >= last;
            last = *depth;
            set_up && fits
        }
        Block::Handling { .. } => true,
    })
}

/// Built-ins a pickle from someone else may not name: they read or write
/// files, import or compile code, read input, or reach into the
/// interpreter (`sys`, `gc`, frames), so merely advancing a loaded iterator
/// would act outside the program.
fn has_outside_effects(owner: &str, name: &str) -> bool {
    match owner {
        "builtins" => matches!(
            name,
            "open"
                | "__import__"
                | "exec"
                | "eval"
                | "compile"
                | "input"
                | "breakpoint"
                | "exit"
                | "quit"
                | "help"
                | "globals"
                | "locals"
                | "vars"
                | "setattr"
                | "delattr"
                | "__build_class__"
        ),
        "sys" | "gc" | "_introspect" | "pickle" | "os" | "io" | "_io" | "time" => true,
        _ => owner == "type:File",
    }
}
