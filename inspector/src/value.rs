//! Values rendered as structured data, the way `repr` would spell them, but
//! without running any Python code (a user `__repr__` could change the
//! world being inspected). Depth and width are bounded.

use serde::{Deserialize, Serialize};
use std::fmt;
use yieldscope_vm::driver::{Captured, Trace};
use yieldscope_vm::object::{GenState, Object};
use yieldscope_vm::{Ref, Value, Vm};

/// Containers deeper than this are elided.
const MAX_DEPTH: usize = 6;
/// Containers longer than this show their first items and a count.
pub(crate) const MAX_ITEMS: usize = 64;

/// A value as structured data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ValueView {
    /// A scalar or opaque value, already spelled like `repr`.
    Atom(String),
    /// `[...]`.
    List(Vec<ValueView>),
    /// `(...)`.
    Tuple(Vec<ValueView>),
    /// `{...}` of a set.
    Set(Vec<ValueView>),
    /// `{k: v, ...}`.
    Dict(Vec<(ValueView, ValueView)>),
    /// An instance of a user class with its attributes.
    Object {
        /// Class name.
        class: String,
        /// Attributes in insertion order.
        fields: Vec<(String, ValueView)>,
    },
    /// Something not shown: a cycle, the depth limit, or `n` more items.
    Elided(String),
}

impl fmt::Display for ValueView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn seq(f: &mut fmt::Formatter<'_>, items: &[ValueView]) -> fmt::Result {
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{v}")?;
            }
            Ok(())
        }
        match self {
            ValueView::Atom(s) | ValueView::Elided(s) => f.write_str(s),
            ValueView::List(items) => {
                f.write_str("[")?;
                seq(f, items)?;
                f.write_str("]")
            }
            ValueView::Tuple(items) => {
                f.write_str("(")?;
                seq(f, items)?;
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            ValueView::Set(items) if items.is_empty() => f.write_str("set()"),
            ValueView::Set(items) => {
                f.write_str("{")?;
                seq(f, items)?;
                f.write_str("}")
            }
            ValueView::Dict(items) => {
                f.write_str("{")?;
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {v}")?;
                }
                f.write_str("}")
            }
            ValueView::Object { class, fields } => {
                write!(f, "<{class}")?;
                for (k, v) in fields {
                    write!(f, " {k}={v}")?;
                }
                f.write_str(">")
            }
        }
    }
}

/// Renders `v` from the world `vm` without running Python code.
#[must_use]
pub fn view(vm: &Vm, v: Value) -> ValueView {
    let mut seen = Vec::new();
    view_in(vm, v, 0, &mut seen)
}

/// Renders a value the VM copied into its trace, as [`view`] renders the original.
#[must_use]
pub fn captured_view(trace: &Trace, c: Captured) -> ValueView {
    match c {
        Captured::Scalar(_) => ValueView::Atom(trace.repr(c)),
        Captured::Str { start, len } => {
            ValueView::Atom(yieldscope_vm::repr::str_repr(trace.str_of(start, len)))
        }
        Captured::Rendered { start, len } => {
            ron::from_str(trace.str_of(start, len)).unwrap_or_else(|_| ValueView::Atom("?".into()))
        }
        Captured::Seq { tuple, start, len } => {
            let items = trace
                .items_of(start, len)
                .iter()
                .take(MAX_ITEMS)
                .map(|x| captured_view(trace, *x))
                .collect();
            if tuple {
                ValueView::Tuple(items)
            } else {
                ValueView::List(items)
            }
        }
    }
}

/// [`view`] as the RON text [`captured_view`] reads back (what the VM
/// calls to note a value it cannot copy: see `DriverState::render`).
#[must_use]
pub fn rendered(vm: &Vm, v: Value) -> String {
    crate::ronw::to_line(&view(vm, v)).unwrap_or_else(|_| "Atom(\"?\")".into())
}

fn class_name(vm: &Vm, r: Ref) -> String {
    match vm.heap.slots.get(r.index()).map(|s| &s.obj) {
        Some(Object::Class(c)) => c.name.to_string(),
        _ => "?".to_string(),
    }
}

fn items(vm: &Vm, vals: &[Value], depth: usize, seen: &mut Vec<Ref>) -> Vec<ValueView> {
    let mut out: Vec<ValueView> = vals
        .iter()
        .take(MAX_ITEMS)
        .map(|x| view_in(vm, *x, depth + 1, seen))
        .collect();
    if vals.len() > MAX_ITEMS {
        out.push(ValueView::Elided(format!(
            "...{} more",
            vals.len() - MAX_ITEMS
        )));
    }
    out
}

fn view_in(vm: &Vm, v: Value, depth: usize, seen: &mut Vec<Ref>) -> ValueView {
    let Value::Obj(r) = v else {
        return ValueView::Atom(vm.quick_repr(v));
    };
    let Some(slot) = vm.heap.slots.get(r.index()) else {
        return ValueView::Atom("<dangling>".into());
    };
    let container = matches!(
        slot.obj,
        Object::List(_)
            | Object::Tuple(_)
            | Object::Dict(_)
            | Object::Set(..)
            | Object::Instance(_)
            | Object::Deque(_)
    );
    if container {
        if seen.contains(&r) {
            return ValueView::Elided(match slot.obj {
                Object::Dict(_) => "{...}".into(),
                Object::Instance(_) => "<...>".into(),
                _ => "[...]".into(),
            });
        }
        if depth >= MAX_DEPTH {
            return ValueView::Elided("...".into());
        }
        seen.push(r);
    }
    let out = match &slot.obj {
        Object::Str(s) => ValueView::Atom(yieldscope_vm::repr::str_repr(s)),
        Object::Bytes(b) => ValueView::Atom(yieldscope_vm::bytes::bytes_repr(b)),
        Object::ByteArray(b) => ValueView::Atom(yieldscope_vm::bytes::bytearray_repr(b)),
        Object::List(xs) => ValueView::List(items(vm, xs, depth, seen)),
        Object::Tuple(xs) => ValueView::Tuple(items(vm, xs, depth, seen)),
        Object::Deque(d) => {
            let xs: Vec<Value> = d.items.iter().copied().collect();
            ValueView::Object {
                class: "deque".into(),
                fields: vec![("items".into(), ValueView::List(items(vm, &xs, depth, seen)))],
            }
        }
        Object::Set(d, _) => {
            let xs: Vec<Value> = d.iter().map(|e| e.key).collect();
            ValueView::Set(items(vm, &xs, depth, seen))
        }
        Object::Dict(d) => {
            let mut out = Vec::new();
            for (i, e) in d.iter().enumerate() {
                if i == MAX_ITEMS {
                    out.push((
                        ValueView::Elided(format!("...{} more", d.len() - MAX_ITEMS)),
                        ValueView::Elided(String::new()),
                    ));
                    break;
                }
                out.push((
                    view_in(vm, e.key, depth + 1, seen),
                    view_in(vm, e.value, depth + 1, seen),
                ));
            }
            ValueView::Dict(out)
        }
        Object::Instance(i) => {
            let fields = i
                .attrs
                .iter()
                .take(MAX_ITEMS)
                .map(|(k, x)| {
                    (
                        vm.names.name(*k).to_string(),
                        view_in(vm, *x, depth + 1, seen),
                    )
                })
                .collect();
            ValueView::Object {
                class: class_name(vm, i.class),
                fields,
            }
        }
        Object::Generator(g) => {
            let state = match g.state {
                GenState::Created => "created",
                GenState::Suspended => "suspended",
                GenState::Running => "running",
                GenState::Finished => "finished",
            };
            ValueView::Atom(format!("<generator {}#{} {state}>", g.qualname, g.serial))
        }
        Object::Function(f) => ValueView::Atom(format!("<function {}>", f.qualname)),
        Object::Class(c) => ValueView::Atom(format!("<class '{}'>", c.name)),
        Object::Module(m) => ValueView::Atom(format!("<module '{}'>", m.name)),
        Object::Cell(x) => view_in(vm, *x, depth, seen),
        Object::Range(a, b, s) => {
            ValueView::Atom(yieldscope_vm::range::repr_parts(a, b, s, *s == 1))
        }
        Object::BigRange(r) => ValueView::Atom(r.repr()),
        _ => ValueView::Atom(vm.quick_repr(v)),
    };
    if container {
        seen.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_and_bytearrays_show_as_their_repr() {
        let mut vm = Vm::new();
        let b = vm.bytes_value(b"it's\x00");
        let ba = vm.bytearray_value(b"ab\n".to_vec());
        let l = vm.list(vec![b, ba]);
        assert_eq!(view(&vm, b).to_string(), "b\"it's\\x00\"");
        assert_eq!(view(&vm, ba).to_string(), "bytearray(b'ab\\n')");
        assert_eq!(
            view(&vm, l).to_string(),
            "[b\"it's\\x00\", bytearray(b'ab\\n')]"
        );
        assert_eq!(vm.quick_repr(b), "b\"it's\\x00\"");
        assert_eq!(vm.quick_repr(ba), "bytearray(b'ab\\n')");
        let long = vm.bytes_value(&[b'x'; 100]);
        assert_eq!(vm.quick_repr(long), format!("b'{}'...", "x".repeat(60)));
    }

    #[test]
    fn ranges_show_as_their_repr_whatever_their_size() {
        let mut vm = Vm::new();
        let big = yieldscope_vm::range::BigRange {
            start: (-5).into(),
            stop: "1180591620717411303424".parse().expect("digits"),
            step: 3.into(),
        };
        let b = Value::Obj(vm.heap.alloc(big.into_object()));
        let s = Value::Obj(vm.heap.alloc(Object::Range(0, 5, 1)));
        let l = vm.list(vec![b, s]);
        let want_big = "range(-5, 1180591620717411303424, 3)";
        assert_eq!(view(&vm, b).to_string(), want_big);
        assert_eq!(view(&vm, s).to_string(), "range(0, 5)");
        assert_eq!(
            view(&vm, l).to_string(),
            format!("[{want_big}, range(0, 5)]")
        );
        assert_eq!(vm.quick_repr(b), want_big);
        assert_eq!(vm.quick_repr(l), format!("[{want_big}, range(0, 5)]"));
    }
}
