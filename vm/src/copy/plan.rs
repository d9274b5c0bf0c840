//! The first pass of a deep copy: which objects reachable from the root are
//! copied, which are shared, and whether the copy must be refused (an open
//! file, a running generator) before anything is allocated.

use crate::builtins::ExcType;
use crate::frame::FrameKind;
use crate::heap::IMMORTAL;
use crate::intern::sym;
use crate::object::{GenState, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use rustc_hash::{FxHashMap, FxHashSet};

/// Which operation is asking (for messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verb {
    /// `copy.deepcopy` / `g.copy()`.
    Deepcopy,
    /// `pickle.dumps` / `pickle.dump`.
    Pickle,
}

impl Verb {
    pub(crate) fn word(self) -> &'static str {
        match self {
            Verb::Deepcopy => "deepcopy",
            Verb::Pickle => "pickle",
        }
    }
}

/// What a deep copy does with one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Kept as it is (immutable, or a module, class or function).
    Share,
    /// Copied.
    Copy,
    /// A function: shared unless it closes over a copied cell.
    Func,
    /// An instance whose class defines `__deepcopy__`.
    Hook,
    /// An open file: refused.
    File,
    /// A generator on the frame stack: refused.
    Running,
}

/// Where the walk found an object: the innermost generator and the name of
/// the local (or "value stack") leading to it.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    pub(crate) generator: String,
    pub(crate) holder: String,
}

/// The result of the first pass.
pub(crate) struct Plan {
    /// Objects to copy, in the order they were found.
    pub(crate) order: Vec<Ref>,
    /// Original slot → its copy (`Undef` until built) or a hook's result.
    pub(crate) memo: FxHashMap<u32, Value>,
    /// Counts the plan holds until the copy is done: on each instance
    /// whose class defines `__deepcopy__` and on each value the Python memo
    /// gave.
    pub(crate) hooks: Vec<Value>,
    /// Instances whose class defines `__deepcopy__`, in the order found;
    /// the memo maps each to itself until its hook has run.
    pub(crate) hooked: Vec<Ref>,
}

/// How deep a tuple of atoms is looked into before it is just copied.
const ATOM_DEPTH: u32 = 8;

impl Vm {
    /// What a deep copy does with `r`.
    pub(crate) fn copy_kind(&self, r: Ref) -> Kind {
        if self.heap.refcount(r) == IMMORTAL {
            return Kind::Share;
        }
        match self.heap.get(r) {
            Object::Str(_)
            | Object::Bytes(_)
            | Object::BigInt(_)
            | Object::Complex(..)
            | Object::Builtin(_)
            | Object::Class(_)
            | Object::Module(_)
            | Object::Namespace(_)
            | Object::Range(..)
            | Object::BigRange(_)
            | Object::Slice(..)
            | Object::Property(..)
            | Object::StaticMethod(_)
            | Object::ClassMethod(_)
            | Object::Super(..)
            | Object::WeakHandle(_)
            | Object::Free => Kind::Share,
            Object::Function(_) => Kind::Func,
            Object::Tuple(_) | Object::Set(_, true) => {
                if self.is_atom(r, ATOM_DEPTH) {
                    Kind::Share
                } else {
                    Kind::Copy
                }
            }
            Object::Generator(g) if g.state == GenState::Running => Kind::Running,
            Object::File(_) => Kind::File,
            Object::Instance(i) => {
                if self.class_lookup(i.class, sym::DEEPCOPY).is_some() {
                    Kind::Hook
                } else {
                    Kind::Copy
                }
            }
            _ => Kind::Copy,
        }
    }

    /// An immutable value made only of immutable values (shared by deepcopy,
    /// as CPython returns such a tuple itself).
    fn is_atom(&self, r: Ref, depth: u32) -> bool {
        if self.heap.refcount(r) == IMMORTAL {
            return true;
        }
        match self.heap.get(r) {
            Object::Str(_)
            | Object::Bytes(_)
            | Object::BigInt(_)
            | Object::Complex(..)
            | Object::Builtin(_)
            | Object::Class(_)
            | Object::Range(..)
            | Object::BigRange(_) => true,
            Object::Tuple(items) if depth > 0 => items
                .iter()
                .all(|v| v.as_ref().is_none_or(|c| self.is_atom(c, depth - 1))),
            Object::Set(d, true) if depth > 0 => d
                .iter()
                .all(|e| e.key.as_ref().is_none_or(|c| self.is_atom(c, depth - 1))),
            _ => false,
        }
    }

    /// The error for an object the walk may not copy.
    pub(crate) fn refusal(&mut self, kind: Kind, verb: Verb, origin: Option<&Origin>) -> Value {
        match kind {
            Kind::Running => self.new_exc(ExcType::ValueError, "generator already executing"),
            _ => {
                let msg = match origin {
                    Some(o) => format!(
                        "cannot {} generator '{}': {} holds an open file",
                        verb.word(),
                        o.generator,
                        o.holder
                    ),
                    None => "cannot pickle '_io.TextIOWrapper' object".to_string(),
                };
                self.new_exc(ExcType::TypeError, &msg)
            }
        }
    }

    /// Pushes the references a generator's frame holds, each labelled with
    /// the local that holds it; locals come out of the stack first.
    pub(crate) fn push_frame_children(
        &self,
        g: Ref,
        work: &mut Vec<(Ref, u32)>,
        origins: &mut Vec<Origin>,
        parent: u32,
    ) {
        let Object::Generator(go) = self.heap.get(g) else {
            return;
        };
        let Some(frame) = &go.frame else { return };
        let mut ch = Vec::new();
        let FrameKind::Py(p) = &frame.kind else {
            frame.children(&mut ch);
            work.extend(
                ch.iter()
                    .rev()
                    .filter_map(|v| v.as_ref())
                    .map(|r| (r, parent)),
            );
            return;
        };
        let code = &self.codes[p.code.0 as usize];
        let gen = go.name.to_string();
        let label = |holder: String, origins: &mut Vec<Origin>| {
            origins.push(Origin {
                generator: gen.clone(),
                holder,
            });
            u32::try_from(origins.len() - 1).unwrap_or(0)
        };
        // Pushed in reverse: what is pushed last is walked first.
        frame.children(&mut ch);
        let rest = label("the generator's frame".to_string(), origins);
        work.extend(
            ch.iter()
                .rev()
                .filter_map(|v| v.as_ref())
                .map(|r| (r, rest)),
        );
        let stack = label("its value stack".to_string(), origins);
        work.extend(
            p.stack
                .iter()
                .rev()
                .filter_map(|v| v.as_ref())
                .map(|r| (r, stack)),
        );
        for (j, c) in p.cells.iter().enumerate().rev() {
            let name = code
                .cellvars
                .get(j)
                .or_else(|| code.freevars.get(j - code.cellvars.len().min(j)));
            let holder = name.map_or("a closure cell".to_string(), |s| {
                format!("local '{}'", self.names.name(*s))
            });
            let o = label(holder, origins);
            work.push((*c, o));
        }
        for (i, v) in p.locals.iter().enumerate().rev() {
            if let Some(r) = v.as_ref() {
                let holder = code.varnames.get(i).map_or("a local".to_string(), |s| {
                    format!("local '{}'", self.names.name(*s))
                });
                let o = label(holder, origins);
                work.push((r, o));
            }
        }
    }
}

impl Plan {
    /// Walks the graph from `root`; refuses before allocating anything.
    /// An object the Python memo `py_memo` (a dict keyed by `id`) already
    /// maps is not walked: its copy is the memo's value. `__deepcopy__`
    /// hooks are not called here (the copy calls them once the rest is
    /// built, so that the memo they see holds it).
    pub(crate) fn make(
        vm: &mut Vm,
        root: Ref,
        verb: Verb,
        py_memo: Option<Value>,
    ) -> PyResult<Plan> {
        let mut plan = Plan {
            order: Vec::new(),
            memo: FxHashMap::default(),
            hooks: Vec::new(),
            hooked: Vec::new(),
        };
        let mut funcs: Vec<Ref> = Vec::new();
        let mut seen_funcs: FxHashSet<u32> = FxHashSet::default();
        let mut origins: Vec<Origin> = Vec::new();
        let mut work: Vec<(Ref, u32)> = vec![(root, u32::MAX)];
        let mut ch = Vec::new();
        while let Some((r, o)) = work.pop() {
            if plan.memo.contains_key(&r.0) || seen_funcs.contains(&r.0) {
                continue;
            }
            if let Some(d) = py_memo {
                let key = Value::Int(vm.id_of(Value::Obj(r)));
                match vm.dict_get(d, key) {
                    Ok(Some(x)) => {
                        vm.heap.incref(x);
                        plan.hooks.push(x);
                        plan.memo.insert(r.0, x);
                        continue;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        vm.heap.decref_all(plan.hooks);
                        return Err(e);
                    }
                }
            }
            match vm.copy_kind(r) {
                Kind::Share => {}
                Kind::Func => {
                    seen_funcs.insert(r.0);
                    funcs.push(r);
                }
                k @ (Kind::File | Kind::Running) => {
                    let e = vm.refusal(k, verb, origins.get(o as usize));
                    vm.heap.decref_all(plan.hooks);
                    return Err(e);
                }
                Kind::Hook => {
                    let v = Value::Obj(r);
                    vm.heap.incref(v);
                    plan.hooks.push(v);
                    plan.memo.insert(r.0, v);
                    plan.hooked.push(r);
                }
                Kind::Copy => {
                    plan.memo.insert(r.0, Value::Undef);
                    plan.order.push(r);
                    if matches!(vm.heap.get(r), Object::Generator(_)) {
                        vm.push_frame_children(r, &mut work, &mut origins, o);
                    } else {
                        ch.clear();
                        vm.heap.get(r).children(&mut ch);
                        work.extend(ch.iter().rev().filter_map(|v| v.as_ref()).map(|c| (c, o)));
                    }
                }
            }
        }
        // A function closing over a copied cell is copied with its closure
        // pointed at the copies; every other function is shared.
        for f in funcs {
            if let Object::Function(fo) = vm.heap.get(f) {
                if fo.closure.iter().any(|c| plan.memo.contains_key(&c.0)) {
                    plan.memo.insert(f.0, Value::Undef);
                    plan.order.push(f);
                }
            }
        }
        if plan.hooked.len() > 1 {
            plan.hooked = vm.hooks_in_order(root, &plan);
        }
        Ok(plan)
    }
}

impl Vm {
    /// The hooked instances of a plan in the order CPython's deepcopy
    /// reaches them (a list's or tuple's items first to last, which the
    /// plan's walk takes last to first).
    fn hooks_in_order(&self, root: Ref, plan: &Plan) -> Vec<Ref> {
        let hooked: FxHashSet<u32> = plan.hooked.iter().map(|r| r.0).collect();
        let mut out = Vec::with_capacity(plan.hooked.len());
        let mut seen: FxHashSet<u32> = FxHashSet::default();
        let mut work = vec![root];
        let mut frame: Vec<(Ref, u32)> = Vec::new();
        let mut origins = Vec::new();
        let mut ch = Vec::new();
        while let Some(r) = work.pop() {
            if !seen.insert(r.0) {
                continue;
            }
            if hooked.contains(&r.0) {
                out.push(r);
                continue;
            }
            // Only what the copy walks into: objects copied, functions aside.
            if plan.memo.get(&r.0) != Some(&Value::Undef) {
                continue;
            }
            match self.heap.get(r) {
                Object::Function(_) => {}
                Object::Generator(_) => {
                    frame.clear();
                    self.push_frame_children(r, &mut frame, &mut origins, 0);
                    work.extend(frame.iter().map(|&(c, _)| c));
                }
                obj => {
                    ch.clear();
                    obj.children(&mut ch);
                    let kids = ch.iter().filter_map(|v| v.as_ref());
                    if matches!(obj, Object::List(_) | Object::Tuple(_)) {
                        work.extend(kids);
                    } else {
                        work.extend(kids.rev());
                    }
                }
            }
        }
        // Every hooked instance is reached again; none is left out anyway.
        if out.len() < plan.hooked.len() {
            let got: FxHashSet<u32> = out.iter().map(|r| r.0).collect();
            out.extend(plan.hooked.iter().filter(|h| !got.contains(&h.0)));
        }
        out
    }
}
