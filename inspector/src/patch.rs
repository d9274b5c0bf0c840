//! Patches: how a big object changed since the previous suspension, for the
//! objects programs keep mutating a little at a time (a long list or deque
//! used as a queue, a module's globals, the random generator). A delta
//! stores a patch instead of the whole object when it is smaller.

use crate::frames::{py_change, py_of, same_frame, same_value, same_values, set_py, u};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use yieldscope_vm::dict::Dict;
use yieldscope_vm::frame::{Block, Frame, FrameKind, RetMode};
use yieldscope_vm::intern::Sym;
use yieldscope_vm::object::{Attrs, Object};
use yieldscope_vm::object::{Function, GenState, Generator};
use yieldscope_vm::Value;

/// Lists and deques shorter than this are stored whole.
const MIN_ITEMS: usize = 16;
/// Modules and dicts with fewer entries than this are stored whole.
const MIN_ATTRS: usize = 4;

/// A change to one object.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Patch {
    /// A list's or deque's items: splices applied in order.
    Items(Vec<Splice>),
    /// A module's globals or an instance's attributes: entries set in
    /// order (a key already there keeps its place, a new one is appended).
    Attrs(Vec<(Sym, Value)>),
    /// The random generator: the index of its next word, and the state
    /// words that changed (position, word).
    Random(u32, Vec<(u32, u32)>),
    /// A dict: values replaced at entry positions, entries appended
    /// (hash, key, value; `None` for one appended and removed since), and
    /// the positions of entries removed.
    Dict(
        Vec<(u32, Value)>,
        Vec<Option<(i64, Value, Value)>>,
        Vec<u32>,
    ),
    /// A generator: its state, frame and whether it was finalized.
    Gen(GenState, Option<Frame>, bool),
    /// Only the reference count changed.
    Rc,
    /// A generator that suspended since: its state, whether it was
    /// finalized, and its frame: the one that was at depth `.2` of the
    /// stack at the previous suspension, delivering its outcome by `.3`,
    /// moved on as in [`FrameChange::Py`].
    Suspended(
        GenState,
        bool,
        u32,
        RetMode,
        u32,
        Vec<(u32, Value)>,
        Vec<Value>,
        Option<Vec<Block>>,
    ),
    /// A generator resumed and suspended again since: its state, whether it
    /// was finalized, and its frame: the one it held at the previous
    /// suspension, delivering its outcome by `.2`, moved on as in
    /// [`FrameChange::Py`] (format 3).
    Moved(
        GenState,
        bool,
        RetMode,
        u32,
        Vec<(u32, Value)>,
        Vec<Value>,
        Option<Vec<Block>>,
    ),
}

/// Replace `.1` items from position `.0` with `.2`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Splice(pub u32, pub u32, pub Vec<Value>);

/// A generator's patch against the frame it had on the stack before
/// (found among `popped`, the frames popped since, the first at depth `at`).
#[must_use]
pub fn suspended(prev: &Object, cur: &Object, popped: &[Frame], at: usize) -> Option<Patch> {
    let (Object::Generator(p), Object::Generator(c)) = (prev, cur) else {
        return None;
    };
    let f = c.frame.as_ref()?;
    let b = py_of(f)?;
    if !same_gen_id(p, c) || b.generator.is_none() {
        return None;
    }
    let (d, base) = popped
        .iter()
        .enumerate()
        .find(|(_, x)| py_of(x).is_some_and(|x| x.generator == b.generator))?;
    let (pc, l, st, bl) = py_change(py_of(base)?, b)?;
    Some(Patch::Suspended(
        c.state,
        c.finalized,
        u(at + d),
        f.ret.clone(),
        pc,
        l,
        st,
        bl,
    ))
}

/// The stack frame a patch is made against, if any: read before the
/// delta's frame changes apply.
#[must_use]
pub fn base_depth(p: &Patch) -> Option<usize> {
    match p {
        Patch::Suspended(_, _, depth, ..) => Some(*depth as usize),
        _ => None,
    }
}

fn same_gen_id(a: &Generator, b: &Generator) -> bool {
    a.code == b.code && a.serial == b.serial && a.name == b.name && a.qualname == b.qualname
}

/// Whether two objects are equal (only for the kinds that are patched).
#[must_use]
pub fn same(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::Generator(x), Object::Generator(y)) => {
            // Destructured in full, so a new field cannot be forgotten here.
            let Generator {
                state,
                frame,
                code: _,
                name: _,
                qualname: _,
                serial: _,
                finalized,
                renamed,
                ag_running,
                ag_closed,
                ag_hooks,
            } = &**x;
            same_gen_id(x, y)
                && *ag_running == y.ag_running
                && *ag_closed == y.ag_closed
                && *ag_hooks == y.ag_hooks
                && *state == y.state
                && *finalized == y.finalized
                && *renamed == y.renamed
                && match (frame, &y.frame) {
                    (Some(f), Some(g)) => same_frame(f, g),
                    (None, None) => true,
                    _ => false,
                }
        }
        (Object::List(x), Object::List(y)) => same_values(x, y),
        (Object::Tuple(x), Object::Tuple(y)) => same_values(x, y),
        (Object::Str(x), Object::Str(y)) => x == y,
        (Object::Bytes(x), Object::Bytes(y)) => x == y,
        (Object::ByteArray(x), Object::ByteArray(y)) => x == y,
        (Object::Instance(x), Object::Instance(y)) => {
            x.class == y.class && x.finalized == y.finalized && same_attrs(&x.attrs, &y.attrs)
        }
        (Object::Function(x), Object::Function(y)) => {
            // Destructured in full, so a new field cannot be forgotten here.
            let Function {
                code,
                module,
                defaults,
                kwdefaults,
                closure,
                name,
                qualname,
                doc,
                attrs,
            } = &**x;
            *code == y.code
                && *module == y.module
                && *name == y.name
                && *closure == y.closure
                && same_value(*doc, y.doc)
                && same_values(defaults, &y.defaults)
                && kwdefaults.len() == y.kwdefaults.len()
                && kwdefaults
                    .iter()
                    .zip(&y.kwdefaults)
                    .all(|(a, b)| a.0 == b.0 && same_value(a.1, b.1))
                && *qualname == y.qualname
                && same_attrs(attrs, &y.attrs)
        }
        _ => false,
    }
}

fn same_attrs(a: &Attrs, b: &Attrs) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((k, v), (l, w))| k == l && same_value(*v, *w))
}

/// Whether changes of this object are worth a patch (and a shadow copy).
#[must_use]
pub fn patchable(obj: &Object) -> bool {
    match obj {
        Object::List(v) => v.len() >= MIN_ITEMS,
        Object::Deque(d) => d.items.len() >= MIN_ITEMS,
        Object::Module(m) => m.globals.len() >= MIN_ATTRS,
        Object::Dict(d) => !d.is_set() && d.raw_len() >= MIN_ATTRS,
        Object::Random(_)
        | Object::Generator(_)
        | Object::Function(_)
        | Object::Instance(_)
        | Object::Str(_)
        | Object::Tuple(_) => true,
        _ => false,
    }
}

/// Containers at least this long are patched even between captures far apart.
const LONG: usize = 256;

/// Whether a shadow copy of `obj` pays between captures far apart: a long
/// list, deque or dict, usually changed in a few places, and stored whole
/// each time otherwise.
#[must_use]
pub fn worth_a_shadow(obj: &Object) -> bool {
    match obj {
        Object::List(v) => v.len() >= LONG,
        Object::Deque(d) => d.items.len() >= LONG,
        Object::Dict(d) => !d.is_set() && d.raw_len() >= LONG,
        _ => false,
    }
}

/// A list's or a deque's items.
trait Items {
    fn count(&self) -> usize;
    fn from(&self, i: usize) -> impl DoubleEndedIterator<Item = Value> + '_;
    /// The items as two slices, in order.
    fn segs(&self) -> (&[Value], &[Value]);
}

impl Items for Vec<Value> {
    fn count(&self) -> usize {
        self.len()
    }
    fn from(&self, i: usize) -> impl DoubleEndedIterator<Item = Value> + '_ {
        self.get(i..).unwrap_or_default().iter().copied()
    }
    fn segs(&self) -> (&[Value], &[Value]) {
        (self, &[])
    }
}

impl Items for VecDeque<Value> {
    fn count(&self) -> usize {
        self.len()
    }
    fn from(&self, i: usize) -> impl DoubleEndedIterator<Item = Value> + '_ {
        self.range(i.min(self.len())..).copied()
    }
    fn segs(&self) -> (&[Value], &[Value]) {
        self.as_slices()
    }
}

/// The two slices from position `i` on.
fn segs_from<'a>(s: (&'a [Value], &'a [Value]), i: usize) -> (&'a [Value], &'a [Value]) {
    match s.0.get(i..) {
        Some(a) => (a, s.1),
        None => (&[], s.1.get(i - s.0.len()..).unwrap_or_default()),
    }
}

/// How many items from position `a` of `prev` and `b` of `cur` are equal
/// (compared slice by slice, the hot loop of a queue's patch).
fn run(prev: &impl Items, a: usize, cur: &impl Items, b: usize) -> usize {
    let (mut p, mut c) = (segs_from(prev.segs(), a), segs_from(cur.segs(), b));
    let mut n = 0;
    loop {
        if p.0.is_empty() {
            p = (p.1, &[]);
        }
        if c.0.is_empty() {
            c = (c.1, &[]);
        }
        let m = p.0.len().min(c.0.len());
        if m == 0 {
            return n;
        }
        let k = p.0[..m]
            .iter()
            .zip(&c.0[..m])
            .take_while(|(x, y)| same_value(**x, **y))
            .count();
        n += k;
        if k < m {
            return n;
        }
        p.0 = &p.0[m..];
        c.0 = &c.0[m..];
    }
}

/// Splices that turn `prev` into `cur`: one around a changed middle, or,
/// when items left at the front and arrived at the back (a queue), one at
/// each end.
fn items(prev: &impl Items, cur: &impl Items) -> Option<Vec<Splice>> {
    let (plen, clen) = (prev.count(), cur.count());
    let p = run(prev, 0, cur, 0);
    if p == plen && p == clen {
        return Some(Vec::new());
    }
    let s = prev
        .from(p)
        .rev()
        .zip(cur.from(p).rev())
        .take_while(|(x, y)| same_value(*x, *y))
        .count();
    let one = (plen - p - s) + (clen - p - s);
    // A shifted middle: `a` items gone from the front, `f` new ones there.
    let mut best: Option<(usize, usize, usize)> = None;
    if one > 8 {
        // Per shift, the first start (of the first few) where items match:
        // a later start on the same shift only matches less.
        for d in -4i32..=4 {
            for start in usize::from(d == 0)..4 {
                let a = usize::try_from(d.max(0)).unwrap_or(0) + start;
                let f = usize::try_from((-d).max(0)).unwrap_or(0) + start;
                if a > plen || f > clen {
                    break;
                }
                let l = run(prev, a, cur, f);
                if l > 0 {
                    if best.is_none_or(|(_, _, bl)| l > bl) {
                        best = Some((a, f, l));
                    }
                    break;
                }
            }
        }
    }
    let take = |from: usize, to: usize| -> Vec<Value> { cur.from(from).take(to - from).collect() };
    let splices = match best {
        Some((a, f, l)) if a + f + (plen - a - l) + (clen - f - l) < one => vec![
            Splice(u(a + l), u(plen - a - l), take(f + l, clen)),
            Splice(0, u(a), take(0, f)),
        ],
        _ => vec![Splice(u(p), u(plen - p - s), take(p, clen - s))],
    };
    let size: usize = splices.iter().map(|s| s.2.len() + 2).sum();
    (size * 2 < clen).then_some(splices)
}

fn attrs(prev: &Attrs, cur: &Attrs) -> Option<Vec<(Sym, Value)>> {
    if cur.len() < prev.len() {
        return None;
    }
    let mut set = Vec::new();
    for (i, (k, v)) in cur.iter().enumerate() {
        match prev.get_index(i) {
            Some((pk, pv)) => {
                if pk != k {
                    return None;
                }
                if !same_value(*pv, *v) {
                    set.push((*k, *v));
                }
            }
            None => set.push((*k, *v)),
        }
    }
    (set.len() * 2 < cur.len()).then_some(set)
}

fn dict(prev: &Dict, cur: &Dict) -> Option<Patch> {
    if cur.is_set() || prev.is_set() || cur.raw_len() < prev.raw_len() {
        return None;
    }
    if prev.flavor != cur.flavor || prev.namespace != cur.namespace {
        return None;
    }
    let (mut set, mut add, mut removed) = (Vec::new(), Vec::new(), Vec::new());
    for pos in 0..cur.raw_len() {
        let old = pos < prev.raw_len();
        match (prev.entry(pos), cur.entry(pos)) {
            (Some(p), Some(c)) if old => {
                if p.hash != c.hash || !same_value(p.key, c.key) {
                    return None;
                }
                if !same_value(p.value, c.value) {
                    set.push((u(pos), c.value));
                }
            }
            (Some(_), None) => removed.push(u(pos)),
            (None, None) if old => {}
            (None, c) if !old => add.push(c.map(|c| (c.hash, c.key, c.value))),
            _ => return None,
        }
    }
    // Applying removes entries, and a dict compacts itself when half its
    // entries are gone: keep to patches whose application never compacts.
    let compacts = |len: usize, raw: usize| raw > 16 && len * 2 < raw;
    let (mut len, mut raw) = (prev.len(), prev.raw_len());
    for e in &add {
        raw += 1;
        if e.is_none() && compacts(len, raw) {
            return None;
        }
        len += usize::from(e.is_some());
    }
    for _ in &removed {
        len = len.checked_sub(1)?;
        if compacts(len, raw) {
            return None;
        }
    }
    ((set.len() + add.len() + removed.len()) * 2 < cur.raw_len())
        .then_some(Patch::Dict(set, add, removed))
}

/// The patch that turns `prev` into `cur`, when one is smaller than `cur`.
#[must_use]
pub fn diff(prev: &Object, cur: &Object) -> Option<Patch> {
    match (prev, cur) {
        (Object::List(p), Object::List(c)) => items(p, c).map(Patch::Items),
        (Object::Deque(p), Object::Deque(c)) if p.maxlen == c.maxlen => {
            items(&p.items, &c.items).map(Patch::Items)
        }
        (Object::Module(p), Object::Module(c)) if p.name == c.name && p.dict == c.dict => {
            attrs(&p.globals, &c.globals).map(Patch::Attrs)
        }
        (Object::Instance(p), Object::Instance(c))
            if p.class == c.class && p.finalized == c.finalized =>
        {
            attrs(&p.attrs, &c.attrs).map(Patch::Attrs)
        }
        (Object::Dict(p), Object::Dict(c)) => dict(p, c),
        (Object::Generator(p), Object::Generator(c)) if same_gen_id(p, c) => {
            let moved = match (&p.frame, &c.frame) {
                (Some(pf), Some(cf)) => py_of(pf)
                    .zip(py_of(cf))
                    .and_then(|(a, b)| py_change(a, b))
                    .map(|(pc, l, st, bl)| {
                        Patch::Moved(c.state, c.finalized, cf.ret.clone(), pc, l, st, bl)
                    }),
                _ => None,
            };
            Some(moved.unwrap_or_else(|| Patch::Gen(c.state, c.frame.clone(), c.finalized)))
        }
        (Object::Random(p), Object::Random(c)) => {
            let ((ps, _), (cs, ci)) = (p.getstate(), c.getstate());
            if ps.len() != cs.len() {
                return None;
            }
            let words: Vec<(u32, u32)> = ps
                .iter()
                .zip(&cs)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(i, (_, b))| (u(i), *b))
                .collect();
            (words.len() * 4 < cs.len()).then(|| Patch::Random(u(ci), words))
        }
        _ => None,
    }
}

fn splice<T>(
    v: &mut T,
    len: usize,
    s: &Splice,
    mut edit: impl FnMut(&mut T, usize, usize, &[Value]),
) where
    T: ?Sized,
{
    let (at, remove) = (s.0 as usize, s.1 as usize);
    if at.checked_add(remove).is_some_and(|end| end <= len) {
        edit(v, at, remove, &s.2);
    }
}

/// Applies a patch to the object it was made against (and the stack frame
/// of [`base_depth`]); a patch that does not fit (a hand-edited file)
/// leaves the object as it is.
pub fn apply(obj: &mut Object, patch: &Patch, base: Option<&Frame>) {
    match (obj, patch) {
        (Object::Generator(g), Patch::Suspended(state, finalized, _, ret, pc, l, st, bl)) => {
            if let Some(base) = base {
                let mut f = base.clone();
                f.ret = ret.clone();
                if let FrameKind::Py(p) = &mut f.kind {
                    set_py(p, *pc, l, st, bl.as_ref());
                }
                g.frame = Some(f);
                g.state = *state;
                g.finalized = *finalized;
            }
        }
        (Object::List(v), Patch::Items(ss)) => {
            for s in ss {
                let len = v.len();
                splice(v, len, s, |v, at, remove, ins| {
                    v.splice(at..at + remove, ins.iter().copied());
                });
            }
        }
        (Object::Deque(d), Patch::Items(ss)) => {
            for s in ss {
                let len = d.items.len();
                splice(&mut d.items, len, s, |q, at, remove, ins| {
                    q.drain(at..at + remove);
                    if at == 0 {
                        for x in ins.iter().rev() {
                            q.push_front(*x);
                        }
                    } else {
                        for (k, x) in ins.iter().enumerate() {
                            q.insert(at + k, *x);
                        }
                    }
                });
            }
        }
        (Object::Module(m), Patch::Attrs(set)) => {
            for (k, v) in set {
                m.globals.insert(*k, *v);
            }
        }
        (Object::Instance(i), Patch::Attrs(set)) => {
            for (k, v) in set {
                i.attrs.insert(*k, *v);
            }
        }
        (Object::Dict(d), Patch::Dict(set, add, removed)) => {
            // In this order no step compacts the dict (see `dict`).
            for e in add {
                match *e {
                    Some((h, k, v)) => d.push_new(h, k, v),
                    None => {
                        // A place taken and given back: an empty entry.
                        d.push_new(0, Value::None, Value::None);
                        d.remove_at(d.raw_len() - 1);
                    }
                }
            }
            for &(pos, v) in set {
                if d.entry(pos as usize).is_some() {
                    d.set_at(pos as usize, v);
                }
            }
            for &pos in removed {
                if d.entry(pos as usize).is_some() {
                    d.remove_at(pos as usize);
                }
            }
        }
        (Object::Generator(g), Patch::Moved(state, finalized, ret, pc, l, st, bl)) => {
            if let Some(f) = &mut g.frame {
                f.ret = ret.clone();
                if let FrameKind::Py(p) = &mut f.kind {
                    set_py(p, *pc, l, st, bl.as_ref());
                }
                g.state = *state;
                g.finalized = *finalized;
            }
        }
        (Object::Generator(g), Patch::Gen(state, frame, finalized)) => {
            g.state = *state;
            g.frame.clone_from(frame);
            g.finalized = *finalized;
        }
        (Object::Random(r), Patch::Random(index, words)) => {
            let (mut state, _) = r.getstate();
            for &(i, w) in words {
                if let Some(x) = state.get_mut(i as usize) {
                    *x = w;
                }
            }
            let _ = r.setstate(&state, *index as usize);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yieldscope_vm::object::Deque;

    fn ints(xs: &[i64]) -> Vec<Value> {
        xs.iter().map(|x| Value::Int(*x)).collect()
    }

    fn roundtrip(a: Object, b: &Object) -> Patch {
        let p = diff(&a, b).expect("a patch");
        let mut x = a;
        apply(&mut x, &p, None);
        assert_eq!(format!("{x:?}"), format!("{b:?}"));
        p
    }

    #[test]
    fn list_edits_are_small_splices() {
        let base: Vec<i64> = (0..40).collect();
        let mut set = base.clone();
        set[17] = -1;
        let mut app = base.clone();
        app.push(99);
        let mut rot = base[1..].to_vec();
        rot.push(100);
        let mut ins = base.clone();
        ins.insert(3, 7);
        for cur in [set, app, rot, ins] {
            let p = roundtrip(Object::List(ints(&base)), &Object::List(ints(&cur)));
            let Patch::Items(ss) = p else { panic!() };
            assert!(ss.iter().map(|s| s.2.len()).sum::<usize>() <= 2, "{ss:?}");
        }
    }

    #[test]
    fn deque_rotation_is_two_splices() {
        let mk = |xs: Vec<i64>| {
            Object::Deque(Box::new(Deque {
                items: ints(&xs).into(),
                maxlen: None,
            }))
        };
        let base: Vec<i64> = (0..50).collect();
        let mut rot: Vec<i64> = base[2..].to_vec();
        rot.extend([7, 8]);
        roundtrip(mk(base.clone()), &mk(rot));
        let mut front = vec![-5];
        front.extend(&base[..49]);
        roundtrip(mk(base), &mk(front));
    }

    #[test]
    fn wrapped_deques_are_compared_across_their_two_halves() {
        let mk = |q: &std::collections::VecDeque<Value>| {
            Object::Deque(Box::new(Deque {
                items: q.clone(),
                maxlen: None,
            }))
        };
        let mut q: std::collections::VecDeque<Value> =
            std::collections::VecDeque::with_capacity(40);
        q.extend(ints(&(0..40).collect::<Vec<_>>()));
        for t in 0..25 {
            let before = q.clone();
            q.pop_front();
            q.push_back(Value::Int(100 + t));
            assert!(!q.as_slices().1.is_empty() || t < 1);
            let p = roundtrip(mk(&before), &mk(&q));
            let Patch::Items(ss) = p else { panic!() };
            assert_eq!(ss.iter().map(|s| s.2.len()).sum::<usize>(), 1, "{ss:?}");
        }
    }

    fn entries(d: &Dict) -> Vec<Option<(i64, Value, Value)>> {
        (0..d.raw_len())
            .map(|i| d.entry(i).map(|e| (e.hash, e.key, e.value)))
            .collect()
    }

    #[test]
    fn dict_patches_set_add_and_remove_without_compacting() {
        let mut base = Dict::default();
        for i in 0..30 {
            base.push_new(i, Value::Int(i), Value::Int(i * i));
        }
        let mut cur = base.clone();
        cur.remove_at(3);
        cur.remove_at(17);
        cur.set_at(5, Value::Int(-5));
        cur.set_at(29, Value::None);
        cur.push_new(100, Value::Int(100), Value::Int(1));
        cur.push_new(101, Value::Int(101), Value::Int(2));
        cur.remove_at(31);
        cur.push_new(102, Value::Int(102), Value::Int(3));
        let (a, b) = (Object::Dict(Box::new(base)), Object::Dict(Box::new(cur)));
        let p = diff(&a, &b).expect("a patch");
        let mut x = a;
        apply(&mut x, &p, None);
        let (Object::Dict(x), Object::Dict(b)) = (&x, &b) else {
            panic!()
        };
        assert_eq!(entries(x), entries(b));
        assert_eq!(x.len(), b.len());
        // Removing most entries would compact the dict on the way: stored whole.
        let mut many = Dict::default();
        for i in 0..40 {
            many.push_new(i, Value::Int(i), Value::None);
        }
        let mut fewer = many.clone();
        for i in 0..15 {
            fewer.remove_at(i);
        }
        assert_eq!(fewer.raw_len(), 40);
        let d = diff(
            &Object::Dict(Box::new(many)),
            &Object::Dict(Box::new(fewer)),
        );
        assert!(d.is_none() || matches!(d, Some(Patch::Dict(_, _, ref r)) if r.len() == 15));
    }

    #[test]
    fn floats_differ_by_sign() {
        let base = vec![Value::Float(0.0); 20];
        let mut cur = base.clone();
        cur[4] = Value::Float(-0.0);
        roundtrip(Object::List(base), &Object::List(cur));
    }
}
