//! A visitor over every handle, name and code id an object holds. Deep
//! copies use it to point a cloned object at the copies of its children;
//! pickling uses it to turn handles into table indices and back. One
//! exhaustive match, so a new object kind cannot be copied half-way.

use crate::code::CodeId;
use crate::frame::{Block, Frame, FrameKind, RetMode};
use crate::intern::Sym;
use crate::iter::IterObj;
use crate::native::{NativeKind, Then};
use crate::object::{Attrs, Object};
use crate::value::{Ref, Value};

/// How each kind of reference is rewritten.
pub(crate) trait Remap {
    /// A counted value.
    fn val(&mut self, v: Value) -> Value;
    /// A counted handle.
    fn obj(&mut self, r: Ref) -> Ref {
        match self.val(Value::Obj(r)) {
            Value::Obj(x) => x,
            _ => r,
        }
    }
    /// An interned name.
    fn sym(&mut self, s: Sym) -> Sym {
        s
    }
    /// A code object.
    fn code(&mut self, c: CodeId) -> CodeId {
        c
    }
    /// The uncounted handle from a generator's frame back to its generator.
    fn backref(&mut self, r: Ref) -> Ref;
}

fn vals(m: &mut impl Remap, vs: &mut [Value]) {
    for v in vs {
        *v = m.val(*v);
    }
}

fn attrs(m: &mut impl Remap, a: &mut Attrs) {
    let old = std::mem::take(a);
    for (k, v) in old {
        let k = m.sym(k);
        let v = m.val(v);
        a.insert(k, v);
    }
}

/// Rewrites every reference held by `obj`. Classes, modules and class-body
/// namespaces are never copied by value, so they are left alone.
pub(crate) fn remap_object(obj: &mut Object, m: &mut impl Remap) {
    match obj {
        Object::Free
        | Object::Str(_)
        | Object::BigInt(_)
        | Object::Complex(..)
        | Object::Builtin(_)
        | Object::Range(..)
        | Object::BigRange(_)
        | Object::Random(_)
        | Object::File(_)
        | Object::WeakHandle(_)
        | Object::Bytes(_)
        | Object::ByteArray(_)
        | Object::Class(_)
        | Object::Module(_)
        | Object::Namespace(_) => {}
        Object::List(items) => vals(m, items),
        Object::Tuple(items) => vals(m, items),
        Object::Dict(d) | Object::Set(d, _) => {
            // A copy of a module's namespace is a plain dict.
            d.namespace = None;
            d.owner = None;
            if let crate::dict::DictFlavor::Default(f) = &mut d.flavor {
                *f = m.val(*f);
            }
            for e in d.take_all() {
                let k = m.val(e.key);
                let v = m.val(e.value);
                d.push_new(e.hash, k, v);
            }
        }
        Object::Function(f) => {
            f.code = m.code(f.code);
            f.module = m.obj(f.module);
            vals(m, &mut f.defaults);
            for (k, v) in &mut f.kwdefaults {
                *k = m.sym(*k);
                *v = m.val(*v);
            }
            for c in &mut f.closure {
                *c = m.obj(*c);
            }
            f.name = m.sym(f.name);
            f.doc = m.val(f.doc);
            attrs(m, &mut f.attrs);
        }
        Object::BoundMethod(a, b) | Object::Super(a, b) => {
            *a = m.val(*a);
            *b = m.val(*b);
        }
        Object::Instance(i) => {
            attrs(m, &mut i.attrs);
            if let Some(b) = &mut i.base {
                **b = m.val(**b);
            }
            i.class = m.obj(i.class);
        }
        Object::Exception(e) => {
            e.args = m.val(e.args);
            e.context = m.val(e.context);
            e.cause = m.val(e.cause);
            attrs(m, &mut e.attrs);
            e.class = m.obj(e.class);
            for t in &mut e.traceback {
                t.code = m.code(t.code);
                t.held = m.val(t.held);
            }
        }
        Object::Generator(g) => {
            g.code = m.code(g.code);
            if let Some(f) = &mut g.frame {
                remap_frame(f, m);
            }
        }
        Object::Cell(v) | Object::StaticMethod(v) | Object::ClassMethod(v) => *v = m.val(*v),
        Object::AgAwait(a) => {
            a.ag = m.obj(a.ag);
            a.value = m.val(a.value);
            if let Some(d) = &mut a.default {
                *d = m.val(*d);
            }
        }
        Object::Iter(it) => remap_iter(it, m),
        Object::Slice(a, b, c) | Object::Property(a, b, c) => {
            *a = m.val(*a);
            *b = m.val(*b);
            *c = m.val(*c);
        }
        Object::Deque(d) => {
            for v in &mut d.items {
                *v = m.val(*v);
            }
        }
        Object::Partial(p) => {
            p.func = m.val(p.func);
            vals(m, &mut p.args);
            for (k, v) in &mut p.kwargs {
                *k = m.sym(*k);
                *v = m.val(*v);
            }
        }
    }
}

fn remap_ret(ret: &mut RetMode, m: &mut impl Remap) {
    match ret {
        RetMode::Init(v) | RetMode::Finalize(v) | RetMode::Next { default: Some(v) } => {
            *v = m.val(*v)
        }
        RetMode::Import(r) => *r = m.obj(*r),
        RetMode::ClassBody {
            ns,
            bases,
            name,
            meta,
        } => {
            *meta = m.val(*meta);
            *ns = m.obj(*ns);
            vals(m, bases);
            *name = m.sym(*name);
        }
        RetMode::IterCall(inner) => remap_ret(inner, m),
        RetMode::AgUnwrap(a, inner) => {
            *a = m.val(*a);
            remap_ret(inner, m);
        }
        _ => {}
    }
}

/// Rewrites every reference held by a frame.
pub(crate) fn remap_frame(f: &mut Frame, m: &mut impl Remap) {
    remap_ret(&mut f.ret, m);
    match &mut f.kind {
        FrameKind::Py(p) => {
            p.code = m.code(p.code);
            vals(m, &mut p.locals);
            for c in &mut p.cells {
                *c = m.obj(*c);
            }
            vals(m, &mut p.stack);
            for b in &mut p.blocks {
                if let Block::Handling { exc } = b {
                    *exc = m.val(*exc);
                }
            }
            p.module = m.obj(p.module);
            if let Some(ns) = &mut p.ns {
                *ns = m.obj(*ns);
            }
            if let Some(g) = &mut p.generator {
                *g = m.backref(*g);
            }
            p.func = m.val(p.func);
            // A copy is another frame: no traceback names it.
            p.traced = crate::frame::Traced::default();
            // A copy is another frame: it gets its own frame object when asked.
            p.obj = None;
        }
        FrameKind::Native(n) => {
            n.iter = m.val(n.iter);
            match &mut n.kind {
                NativeKind::IterNext | NativeKind::AnyAll { .. } => {}
                NativeKind::Collect { items, then } => {
                    vals(m, items);
                    match then {
                        Then::Sorted { key, .. } => *key = m.val(*key),
                        Then::Extend(l) => *l = m.val(*l),
                        _ => {}
                    }
                }
                NativeKind::Sum { acc } => *acc = m.val(*acc),
                NativeKind::MinMax {
                    key,
                    best,
                    best_key,
                    pending,
                    default,
                    ..
                } => {
                    for v in [key, best, best_key, pending] {
                        *v = m.val(*v);
                    }
                    if let Some(d) = default {
                        *d = m.val(*d);
                    }
                }
                NativeKind::Reduce { func, acc, .. } => {
                    *func = m.val(*func);
                    *acc = m.val(*acc);
                }
                NativeKind::SortKeys {
                    items,
                    keys,
                    key,
                    in_place,
                    ..
                } => {
                    vals(m, items);
                    vals(m, keys);
                    *key = m.val(*key);
                    *in_place = m.val(*in_place);
                }
            }
        }
    }
}

fn remap_iter(it: &mut IterObj, m: &mut impl Remap) {
    match it {
        IterObj::Seq { seq, .. } => *seq = m.val(*seq),
        IterObj::Range { .. } | IterObj::BigRange(_) | IterObj::Empty => {}
        IterObj::Dict { dict, .. } => *dict = m.val(*dict),
        IterObj::Enumerate { inner, .. } | IterObj::Islice { inner, .. } => *inner = m.val(*inner),
        IterObj::Zip { inners, acc, .. } => {
            vals(m, inners);
            vals(m, acc);
        }
        IterObj::Map {
            func, inners, acc, ..
        } => {
            *func = m.val(*func);
            vals(m, inners);
            vals(m, acc);
        }
        IterObj::Filter {
            func,
            inner,
            pending,
            ..
        } => {
            for v in [func, inner, pending] {
                *v = m.val(*v);
            }
        }
        IterObj::Chain { sources, current } => {
            *sources = m.val(*sources);
            *current = m.val(*current);
        }
        IterObj::TakeWhile {
            pred,
            inner,
            pending,
            ..
        }
        | IterObj::DropWhile {
            pred,
            inner,
            pending,
            ..
        } => {
            for v in [pred, inner, pending] {
                *v = m.val(*v);
            }
        }
        IterObj::Accumulate {
            inner,
            func,
            total,
            pending,
            ..
        } => {
            for v in [inner, func, total, pending] {
                *v = m.val(*v);
            }
        }
        IterObj::StarMap { func, inner } => {
            *func = m.val(*func);
            *inner = m.val(*inner);
        }
        IterObj::Count { cur, step } => {
            *cur = m.val(*cur);
            *step = m.val(*step);
        }
        IterObj::Cycle { inner, saved, .. } => {
            *inner = m.val(*inner);
            vals(m, saved);
        }
        IterObj::Repeat { value, .. } => *value = m.val(*value),
        IterObj::ZipLongest { inners, acc, fill } => {
            for v in inners.iter_mut().flatten() {
                *v = m.val(*v);
            }
            vals(m, acc);
            *fill = m.val(*fill);
        }
        IterObj::Combinatoric { pools, .. } => {
            for p in pools {
                vals(m, p);
            }
        }
        IterObj::Callable { func, sentinel } => {
            *func = m.val(*func);
            *sentinel = m.val(*sentinel);
        }
    }
}
