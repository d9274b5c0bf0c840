//! The world at a suspension as structured data: every live frame (the
//! running stack, then every suspended generator) with its locals, value
//! stack, block stack, delegation chain and the exception it is handling.

use crate::format::Suspension;
use crate::value::{view, ValueView};
use serde::Serialize;
use yieldscope_vm::code::{CodeKind, Op};
use yieldscope_vm::frame::{Block, Frame, FrameKind, PyFrame};
use yieldscope_vm::native::{NativeKind, Then};
use yieldscope_vm::object::{GenState, Object};
use yieldscope_vm::{Ref, Value, Vm};

/// One live frame.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FrameView {
    /// What it is: `running`, or the generator it belongs to (`worker#3`).
    pub owner: String,
    /// The function (qualified name) or `<module>`.
    pub function: String,
    /// `file:line` it is at.
    pub at: String,
    /// Named locals and cells, in slot order (unbound ones left out).
    pub locals: Vec<(String, ValueView)>,
    /// The value stack, bottom first.
    pub stack: Vec<ValueView>,
    /// The block stack, outermost first.
    pub blocks: Vec<String>,
    /// For a generator in `yield from`: the delegates, outermost first.
    pub delegation: Vec<String>,
    /// The exception being handled, when suspended inside `except`/`finally`.
    pub exception: Option<ValueView>,
}

impl FrameView {
    /// The key frames are matched by across worlds.
    #[must_use]
    pub fn key(&self) -> String {
        format!("{} {}", self.owner, self.function)
    }
}

/// The world at one suspension.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WorldView {
    /// Suspension index.
    pub suspension: u64,
    /// The generator that suspended.
    pub generator: String,
    /// Where.
    pub at: String,
    /// What it yielded.
    pub value: ValueView,
    /// Live frames: the running stack (bottom first), then suspended generators.
    pub frames: Vec<FrameView>,
}

fn gen_name(vm: &Vm, r: Ref) -> Option<String> {
    match vm.heap.slots.get(r.index()).map(|s| &s.obj) {
        Some(Object::Generator(g)) => Some(format!("{}#{}", g.qualname, g.serial)),
        _ => None,
    }
}

fn py_view(vm: &Vm, owner: String, p: &PyFrame) -> FrameView {
    let Some(code) = vm.codes.get(p.code.0 as usize) else {
        return FrameView {
            owner,
            function: "?".into(),
            at: "?".into(),
            locals: vec![],
            stack: vec![],
            blocks: vec![],
            delegation: vec![],
            exception: None,
        };
    };
    let at = vm.sources.get(code.source as usize).map_or_else(
        || "?".to_string(),
        |src| format!("{}:{}", src.path, vm.line_before(p.code.0, p.pc)),
    );
    let mut locals = Vec::new();
    for (i, v) in p.locals.iter().enumerate() {
        if matches!(v, Value::Undef) {
            continue;
        }
        let name = code
            .varnames
            .get(i)
            .map_or_else(|| format!("${i}"), |s| vm.names.name(*s).to_string());
        locals.push((name, view(vm, *v)));
    }
    let cell_names = code.cellvars.iter().chain(code.freevars.iter());
    for (c, s) in p.cells.iter().zip(cell_names) {
        if let Some(Object::Cell(v)) = vm.heap.slots.get(c.index()).map(|s| &s.obj) {
            if !matches!(v, Value::Undef) {
                locals.push((vm.names.name(*s).to_string(), view(vm, *v)));
            }
        }
    }
    if code.kind == CodeKind::Module && p.generator.is_none() {
        if let Some(Object::Module(m)) = vm.heap.slots.get(p.module.index()).map(|s| &s.obj) {
            for (k, v) in &m.globals {
                let name = vm.names.name(*k);
                if name.starts_with("__") {
                    continue;
                }
                let shown = match v {
                    Value::Obj(r) => !matches!(
                        vm.heap.slots.get(r.index()).map(|s| &s.obj),
                        Some(
                            Object::Function(_)
                                | Object::Class(_)
                                | Object::Module(_)
                                | Object::Builtin(_)
                        )
                    ),
                    _ => true,
                };
                if shown {
                    locals.push((name.to_string(), view(vm, *v)));
                }
            }
        }
    }
    let mut exception = None;
    let blocks = p
        .blocks
        .iter()
        .map(|b| match b {
            Block::Except { handler, .. } => format!("try/except (handler @{handler})"),
            Block::Finally { handler, .. } => format!("try/finally or with (handler @{handler})"),
            Block::Handling { exc } => {
                exception = Some(view(vm, *exc));
                "handling an exception".to_string()
            }
        })
        .collect();
    let mut delegation = Vec::new();
    let mut cur: &PyFrame = p;
    for _ in 0..64 {
        let Some(c) = vm.codes.get(cur.code.0 as usize) else {
            break;
        };
        if !matches!(c.ops.get(cur.pc as usize), Some(Op::YieldFrom)) {
            break;
        }
        let Some(Value::Obj(d)) = cur.stack.last() else {
            break;
        };
        match vm.heap.slots.get(d.index()).map(|s| &s.obj) {
            Some(Object::Generator(g)) => {
                delegation.push(format!("{}#{}", g.qualname, g.serial));
                match g.frame.as_ref().map(|f| &f.kind) {
                    Some(FrameKind::Py(inner)) => cur = inner,
                    _ => break,
                }
            }
            _ => {
                delegation.push(vm.quick_repr(Value::Obj(*d)));
                break;
            }
        }
    }
    FrameView {
        owner,
        function: if code.kind == CodeKind::Module {
            "<module>".into()
        } else {
            code.qualname.to_string()
        },
        at,
        locals,
        stack: p.stack.iter().map(|v| view(vm, *v)).collect(),
        blocks,
        delegation,
        exception,
    }
}

fn frame_view(vm: &Vm, owner: String, f: &Frame) -> FrameView {
    match &f.kind {
        FrameKind::Py(p) => py_view(vm, owner, p),
        FrameKind::Native(n) => {
            let (function, state) = native_view(vm, &n.kind);
            FrameView {
                owner,
                function,
                at: "<built-in>".into(),
                locals: std::iter::once(("iter".into(), view(vm, n.iter)))
                    .chain(state)
                    .collect(),
                stack: vec![],
                blocks: vec![],
                delegation: vec![],
                exception: None,
            }
        }
    }
}

/// The built-in a native frame runs (as Python spells it) and what it has
/// gathered so far.
fn native_view(vm: &Vm, kind: &NativeKind) -> (String, Vec<(String, ValueView)>) {
    let list = |items: &[Value]| ValueView::List(items.iter().map(|v| view(vm, *v)).collect());
    let (name, state): (&str, Vec<(&str, ValueView)>) = match kind {
        NativeKind::IterNext => ("next", vec![]),
        NativeKind::Collect { items, then } => {
            let name = match then {
                Then::List => "list",
                Then::Tuple | Then::Raw => "tuple",
                Then::Set(false) => "set",
                Then::Set(true) => "frozenset",
                Then::Dict => "dict",
                Then::Join(_) => "str.join",
                Then::Sorted { .. } => "sorted",
                Then::Extend(_) => "list.extend",
                Then::Deque(_) => "collections.deque",
                Then::Bytes(false) => "bytes",
                Then::Bytes(true) => "bytearray",
                Then::BytesJoin(..) => "bytes.join",
            };
            (name, vec![("items", list(items))])
        }
        NativeKind::Sum { acc } => ("sum", vec![("total", view(vm, *acc))]),
        NativeKind::MinMax { best, is_max, .. } => (
            if *is_max { "max" } else { "min" },
            if *best == Value::Undef {
                vec![]
            } else {
                vec![("best", view(vm, *best))]
            },
        ),
        NativeKind::AnyAll { want: true } => ("any", vec![]),
        NativeKind::AnyAll { want: false } => ("all", vec![]),
        NativeKind::Reduce { acc, has_acc, .. } => (
            "functools.reduce",
            if *has_acc {
                vec![("acc", view(vm, *acc))]
            } else {
                vec![]
            },
        ),
        NativeKind::SortKeys {
            items, in_place, ..
        } => (
            if *in_place == Value::None {
                "sorted"
            } else {
                "list.sort"
            },
            vec![("items", list(items))],
        ),
    };
    (
        format!("{name}()"),
        state.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
    )
}

/// The structured world at suspension `s`, restored as `vm`.
#[must_use]
pub fn world_view(vm: &Vm, s: &Suspension) -> WorldView {
    let mut frames = Vec::new();
    for f in &vm.frames {
        let owner = match &f.kind {
            FrameKind::Py(p) => p
                .generator
                .and_then(|g| gen_name(vm, g))
                .unwrap_or_else(|| "running".into()),
            FrameKind::Native(_) => "running".into(),
        };
        frames.push(frame_view(vm, owner, f));
    }
    for slot in &vm.heap.slots {
        if let Object::Generator(g) = &slot.obj {
            if matches!(g.state, GenState::Suspended) {
                if let Some(f) = &g.frame {
                    frames.push(frame_view(vm, format!("{}#{}", g.qualname, g.serial), f));
                }
            }
        }
    }
    WorldView {
        suspension: s.n,
        generator: s.name.clone(),
        at: s.at.clone(),
        value: s.value.clone(),
        frames,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The world when `src` first suspends.
    fn first_suspension(src: &str) -> WorldView {
        let mut vm = Vm::new();
        vm.load_main("t.py", src).expect("compiles");
        vm.pause_on_yield = true;
        assert!(matches!(
            vm.run(None),
            yieldscope_vm::Event::Suspended { .. }
        ));
        let s = Suspension {
            n: 0,
            generator: 0,
            name: String::new(),
            at: String::new(),
            value: ValueView::Atom(String::new()),
            entry: false,
            delta: None,
        };
        world_view(&vm, &s)
    }

    #[test]
    fn a_consuming_builtin_is_shown_by_its_python_name_with_what_it_gathered() {
        let w = first_suspension("def g():\n    yield 1\n    yield 2\nprint(sum(g()))\n");
        let f = w
            .frames
            .iter()
            .find(|f| f.at == "<built-in>")
            .expect("the sum() frame");
        assert_eq!(f.function, "sum()");
        assert_eq!(f.locals[0].0, "iter");
        assert_eq!(f.locals.get(1).map(|l| l.0.as_str()), Some("total"));
        let w = first_suspension("def g():\n    yield 1\nprint(list(g()))\n");
        let f = w
            .frames
            .iter()
            .find(|f| f.at == "<built-in>")
            .expect("list()");
        assert_eq!(f.function, "list()");
        assert_eq!(f.locals.get(1).map(|l| l.0.as_str()), Some("items"));
    }
}
