//! Methods of built-in types, and construction of built-in types.

use super::funcs::{consume, kw, nargs, new_iter, to_i64};
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::code::CmpOp;
use crate::dict::DictFlavor;
use crate::frame::RetMode;
use crate::gen::Thrown;
use crate::intern::Sym;
use crate::iter::{DictView, IterObj};
use crate::native::{NativeKind, Then};
use crate::object::{Deque, Object, Partial};
use crate::ops::IntRef;
use crate::stdlib::random_mt::{Mt19937, RandomError};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;

fn val(v: Value) -> PyResult<Ret> {
    Ok(Ret::Value(v))
}

fn this(a: &Args<'_>) -> Value {
    a.pos[0]
}

fn this_ref(a: &Args<'_>) -> Ref {
    a.pos[0].as_ref().expect("receiver")
}

fn list_mut(vm: &mut Vm, r: Ref) -> &mut Vec<Value> {
    match vm.heap.get_mut(r) {
        Object::List(l) => l,
        _ => unreachable!("list receiver"),
    }
}

fn check_recv(vm: &mut Vm, a: &Args<'_>, tag: TypeTag, name: &str) -> PyResult<()> {
    match a.pos.first() {
        Some(v)
            if vm.tag_of(*v) == tag
                || (tag == TypeTag::Dict
                    && matches!(vm.tag_of(*v), TypeTag::DefaultDict | TypeTag::Counter)) =>
        {
            Ok(())
        }
        Some(v) => {
            let tn = vm.type_name(*v);
            let owner = match tag {
                TypeTag::Deque => "collections.deque",
                t => t.name(),
            };
            vm.type_error(format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{tn}' object"
            ))
        }
        None => vm.type_error(format!(
            "unbound method {}.{name}() needs an argument",
            tag.name()
        )),
    }
}

// ----- list -----

pub fn list_append(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "append")?;
    if a.pos.len() != 2 {
        let n = a.pos.len() - 1;
        return vm.type_error(format!(
            "list.append() takes exactly one argument ({n} given)"
        ));
    }
    vm.heap.incref(a.pos[1]);
    list_mut(vm, this_ref(a)).push(a.pos[1]);
    val(Value::None)
}

pub fn list_extend(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "extend")?;
    nargs(vm, a, "extend", 2, 2)?;
    vm.heap.incref(this(a));
    consume(
        vm,
        a.pos[1],
        NativeKind::Collect {
            items: Vec::new(),
            then: Then::Extend(this(a)),
        },
        ret,
    )
}

pub fn list_pop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "pop")?;
    let r = this_ref(a);
    let n = list_mut(vm, r).len();
    if n == 0 {
        return vm.err(ExcType::IndexError, "pop from empty list");
    }
    let idx = match a.pos.get(1) {
        Some(i) => {
            let i = to_i64(vm, *i, "pop")?;
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return vm.err(ExcType::IndexError, "pop index out of range");
            }
            j as usize
        }
        None => n - 1,
    };
    val(list_mut(vm, r).remove(idx))
}

pub fn list_insert(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "insert")?;
    nargs(vm, a, "insert", 3, 3)?;
    let r = this_ref(a);
    let n = list_mut(vm, r).len() as i64;
    let i = to_i64(vm, a.pos[1], "insert")?;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    vm.heap.incref(a.pos[2]);
    list_mut(vm, r).insert(j as usize, a.pos[2]);
    val(Value::None)
}

fn find_in(vm: &mut Vm, items: &[Value], x: Value) -> PyResult<Option<usize>> {
    for (i, it) in items.iter().enumerate() {
        if vm.eq(*it, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

pub fn list_remove(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "remove")?;
    nargs(vm, a, "remove", 2, 2)?;
    let r = this_ref(a);
    let items = list_mut(vm, r).clone();
    match find_in(vm, &items, a.pos[1])? {
        Some(i) => {
            let v = list_mut(vm, r).remove(i);
            vm.heap.decref(v);
            val(Value::None)
        }
        None => vm.value_error("list.remove(x): x not in list"),
    }
}

pub fn list_index(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "index")?;
    nargs(vm, a, "index", 2, 4)?;
    let items = list_mut(vm, this_ref(a)).clone();
    let start = match a.pos.get(2) {
        Some(s) => to_i64(vm, *s, "index")?.max(0) as usize,
        None => 0,
    };
    let stop = match a.pos.get(3) {
        Some(s) => (to_i64(vm, *s, "index")?.max(0) as usize).min(items.len()),
        None => items.len(),
    };
    if start < stop {
        if let Some(i) = find_in(vm, &items[start..stop], a.pos[1])? {
            return val(Value::Int((i + start) as i64));
        }
    }
    let r = vm.repr(a.pos[1])?;
    vm.value_error(format!("{r} is not in list"))
}

pub fn list_count(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "count")?;
    nargs(vm, a, "count", 2, 2)?;
    let items = list_mut(vm, this_ref(a)).clone();
    let mut n = 0;
    for it in items {
        if vm.eq(it, a.pos[1])? {
            n += 1;
        }
    }
    val(Value::Int(n))
}

pub fn list_clear(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "clear")?;
    let old = std::mem::take(list_mut(vm, this_ref(a)));
    vm.heap.decref_all(old.into_iter().rev());
    val(Value::None)
}

pub fn list_reverse(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "reverse")?;
    list_mut(vm, this_ref(a)).reverse();
    val(Value::None)
}

pub fn list_sort(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "sort")?;
    let key = kw(vm, a, "key").unwrap_or(Value::None);
    let reverse = match kw(vm, a, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let r = this_ref(a);
    let items = std::mem::take(list_mut(vm, r));
    if key == Value::None {
        let sorted = vm.sort_pairs(items.clone(), None, reverse);
        match sorted {
            Ok(s) => {
                *list_mut(vm, r) = s;
                val(Value::None)
            }
            Err(e) => {
                *list_mut(vm, r) = items;
                Err(e)
            }
        }
    } else {
        vm.heap.incref(key);
        vm.heap.incref(this(a));
        let empty = vm.list(Vec::new());
        let kind = NativeKind::SortKeys {
            items,
            keys: Vec::new(),
            key,
            reverse,
            idx: 0,
            in_place: this(a),
        };
        let r2 = consume(vm, empty, kind, ret);
        vm.heap.decref(empty);
        r2
    }
}

pub fn list_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::List, "copy")?;
    let items = list_mut(vm, this_ref(a)).clone();
    for v in &items {
        vm.heap.incref(*v);
    }
    val(vm.list(items))
}

fn tuple_items(vm: &Vm, v: Value) -> Vec<Value> {
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

pub fn tuple_index(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Tuple, "index")?;
    nargs(vm, a, "index", 2, 2)?;
    let items = tuple_items(vm, this(a));
    match find_in(vm, &items, a.pos[1])? {
        Some(i) => val(Value::Int(i as i64)),
        None => vm.value_error("tuple.index(x): x not in tuple"),
    }
}

pub fn tuple_count(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Tuple, "count")?;
    nargs(vm, a, "count", 2, 2)?;
    let items = tuple_items(vm, this(a));
    let mut n = 0;
    for it in items {
        if vm.eq(it, a.pos[1])? {
            n += 1;
        }
    }
    val(Value::Int(n))
}

// ----- dict -----

pub fn dict_get(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "get")?;
    nargs(vm, a, "get", 2, 3)?;
    let v = vm
        .dict_get(this(a), a.pos[1])?
        .unwrap_or_else(|| a.pos.get(2).copied().unwrap_or(Value::None));
    vm.heap.incref(v);
    val(v)
}

fn view(vm: &mut Vm, a: &Args<'_>, view: DictView) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "keys")?;
    let d = this(a);
    let len = vm.len_of(d)?;
    // Views are materialized as lists of the current entries iterated lazily.
    vm.heap.incref(d);
    let it = new_iter(
        vm,
        IterObj::Dict {
            dict: d,
            pos: 0,
            view,
            len,
        },
    );
    let items = vm.collect_sync(it);
    vm.heap.decref(it);
    let items = items?;
    val(vm.list(items))
}

pub fn dict_keys(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    view(vm, a, DictView::Keys)
}
pub fn dict_values(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    view(vm, a, DictView::Values)
}
pub fn dict_items(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    view(vm, a, DictView::Items)
}

pub fn dict_pop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "pop")?;
    nargs(vm, a, "pop", 2, 3)?;
    match vm.dict_remove(this(a), a.pos[1])? {
        Some(v) => val(v),
        None => match a.pos.get(2) {
            Some(d) => {
                vm.heap.incref(*d);
                val(*d)
            }
            None => {
                vm.heap.incref(a.pos[1]);
                let args = vm.tuple(vec![a.pos[1]]);
                Err(vm.make_exception(vm.b.exc(ExcType::KeyError), args))
            }
        },
    }
}

pub fn dict_setdefault(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "setdefault")?;
    nargs(vm, a, "setdefault", 2, 3)?;
    if let Some(v) = vm.dict_get(this(a), a.pos[1])? {
        vm.heap.incref(v);
        return val(v);
    }
    let d = a.pos.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(this(a), a.pos[1], d)?;
    vm.heap.incref(d);
    val(d)
}

pub fn dict_update(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "update")?;
    let is_counter = matches!(vm.tag_of(this(a)), TypeTag::Counter);
    if let Some(src) = a.pos.get(1) {
        if is_counter {
            counter_add(vm, this(a), *src, 1)?;
        } else {
            vm.dict_update_from(this(a), *src)?;
        }
    }
    for (k, v) in a.kw {
        let n = vm.names.name(*k).to_string();
        let key = vm.str_value(&n);
        vm.dict_set(this(a), key, *v)?;
        vm.heap.decref(key);
    }
    val(Value::None)
}

pub fn dict_clear(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "clear")?;
    let entries = match vm.heap.get_mut(this_ref(a)) {
        Object::Dict(d) => d.take_all(),
        _ => Vec::new(),
    };
    vm.namespace_resync(this_ref(a));
    for e in entries {
        vm.heap.decref(e.key);
        vm.heap.decref(e.value);
    }
    val(Value::None)
}

pub fn dict_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "copy")?;
    val(vm.dict_copy(this(a))?)
}

pub fn dict_popitem(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "popitem")?;
    let e = match vm.heap.get_mut(this_ref(a)) {
        Object::Dict(d) => d.pop_last(),
        _ => None,
    };
    vm.namespace_resync(this_ref(a));
    match e {
        Some(e) => val(vm.tuple(vec![e.key, e.value])),
        None => vm.err(ExcType::KeyError, "popitem(): dictionary is empty"),
    }
}

pub fn dict_fromkeys(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    // Called as dict.fromkeys(iterable, value): the receiver slot holds the iterable
    // when looked up on the class.
    let (keys_src, value) = match a.pos.len() {
        1 => (a.pos[0], Value::None),
        2 if vm.tag_of(a.pos[0]) == TypeTag::Type => (a.pos[1], Value::None),
        2 => (a.pos[0], a.pos[1]),
        _ => (a.pos[1], a.pos[2]),
    };
    let keys = vm.collect_sync(keys_src)?;
    let d = vm.new_dict();
    for k in keys.iter().copied() {
        vm.dict_set(d, k, value)?;
    }
    vm.heap.decref_all(keys);
    val(d)
}

fn counter_add(vm: &mut Vm, d: Value, src: Value, sign: i64) -> PyResult<()> {
    let is_mapping = matches!(src.as_ref().map(|r| vm.heap.get(r)), Some(Object::Dict(_)));
    let pairs: Vec<(Value, Value)> = if is_mapping {
        match src.as_ref().map(|r| vm.heap.get(r)) {
            Some(Object::Dict(s)) => s.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        }
    } else {
        let items = vm.collect_sync(src)?;
        let pairs: Vec<(Value, Value)> = items.iter().map(|k| (*k, Value::Int(1))).collect();
        for (k, n) in &pairs {
            let cur: Value = vm.dict_get(d, *k)?.unwrap_or(Value::Int(0));
            let delta = vm.binary_op(crate::code::BinOp::Mul, *n, Value::Int(sign), false)?;
            let new = vm.binary_op(crate::code::BinOp::Add, cur, delta, false)?;
            vm.dict_set(d, *k, new)?;
            vm.heap.decref(new);
        }
        vm.heap.decref_all(items);
        let _: &Vec<(Value, Value)> = &pairs;
        return Ok(());
    };
    for (k, n) in pairs {
        let cur = vm.dict_get(d, k)?.unwrap_or(Value::Int(0));
        let delta = vm.binary_op(crate::code::BinOp::Mul, n, Value::Int(sign), false)?;
        let new = vm.binary_op(crate::code::BinOp::Add, cur, delta, false)?;
        vm.heap.decref(delta);
        vm.dict_set(d, k, new)?;
        vm.heap.decref(new);
    }
    Ok(())
}

pub fn counter_most_common(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Dict, "most_common")?;
    let entries: Vec<(Value, Value)> = match vm.heap.get(this_ref(a)) {
        Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    let mut sorted = vm.counter_sorted(entries)?;
    if let Some(n) = a.pos.get(1).filter(|n| **n != Value::None) {
        let n = to_i64(vm, *n, "most_common")?.max(0) as usize;
        sorted.truncate(n);
    }
    let items: Vec<Value> = sorted
        .into_iter()
        .map(|(k, v)| {
            vm.heap.incref(k);
            vm.heap.incref(v);
            vm.tuple(vec![k, v])
        })
        .collect();
    val(vm.list(items))
}

pub fn counter_elements(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let entries: Vec<(Value, Value)> = match vm.heap.get(this_ref(a)) {
        Object::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for (k, v) in entries {
        if let Value::Int(n) = v {
            for _ in 0..n.max(0) {
                vm.heap.incref(k);
                out.push(k);
            }
        }
    }
    let l = vm.list(out);
    val(vm.get_iter(l, RetMode::Push)?.expect("iter"))
}

pub fn counter_subtract(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if let Some(src) = a.pos.get(1) {
        counter_add(vm, this(a), *src, -1)?;
    }
    val(Value::None)
}

pub fn counter_total(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let vals: Vec<Value> = match vm.heap.get(this_ref(a)) {
        Object::Dict(d) => d.iter().map(|e| e.value).collect(),
        _ => Vec::new(),
    };
    let mut acc = Value::Int(0);
    for v in vals {
        let n = vm.binary_op(crate::code::BinOp::Add, acc, v, false)?;
        vm.heap.decref(acc);
        acc = n;
    }
    val(acc)
}

// ----- set -----

fn set_keys(vm: &Vm, v: Value) -> Vec<Value> {
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Set(d, _)) => d.iter().map(|e| e.key).collect(),
        _ => Vec::new(),
    }
}

pub fn set_add(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Set, "add")?;
    nargs(vm, a, "add", 2, 2)?;
    vm.set_add_value(this(a), a.pos[1])?;
    val(Value::None)
}

fn set_discard_impl(vm: &mut Vm, s: Value, k: Value) -> PyResult<bool> {
    let sr = s.as_ref().expect("set");
    let h = vm.hash_value(k)?;
    match vm.dict_find(sr, k, h)? {
        Some(pos) => {
            let e = match vm.heap.get_mut(sr) {
                Object::Set(d, _) => d.remove_at(pos),
                _ => unreachable!(),
            };
            vm.heap.decref(e.key);
            Ok(true)
        }
        None => Ok(false),
    }
}

pub fn set_remove(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Set, "remove")?;
    nargs(vm, a, "remove", 2, 2)?;
    if set_discard_impl(vm, this(a), a.pos[1])? {
        return val(Value::None);
    }
    vm.heap.incref(a.pos[1]);
    let args = vm.tuple(vec![a.pos[1]]);
    Err(vm.make_exception(vm.b.exc(ExcType::KeyError), args))
}

pub fn set_discard(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Set, "discard")?;
    nargs(vm, a, "discard", 2, 2)?;
    set_discard_impl(vm, this(a), a.pos[1])?;
    val(Value::None)
}

pub fn set_pop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Set, "pop")?;
    let e = match vm.heap.get_mut(this_ref(a)) {
        Object::Set(d, _) => d.pop_first(),
        _ => None,
    };
    match e {
        Some(e) => val(e.key),
        None => vm.err(ExcType::KeyError, "pop from an empty set"),
    }
}

pub fn set_clear(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Set, "clear")?;
    let entries = match vm.heap.get_mut(this_ref(a)) {
        Object::Set(d, _) => d.take_all(),
        _ => Vec::new(),
    };
    for e in entries {
        vm.heap.decref(e.key);
    }
    val(Value::None)
}

pub fn set_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let frozen = matches!(vm.tag_of(this(a)), TypeTag::FrozenSet);
    let s = vm.new_set(frozen);
    for k in set_keys(vm, this(a)) {
        vm.set_add_value(s, k)?;
    }
    val(s)
}

fn set_multi(vm: &mut Vm, a: &Args<'_>, op: crate::code::BinOp) -> PyResult<Ret> {
    let frozen = matches!(vm.tag_of(this(a)), TypeTag::FrozenSet);
    vm.heap.incref(this(a));
    let mut acc = this(a);
    for other in &a.pos[1..] {
        let items = vm.collect_sync(*other)?;
        let o = vm.new_set(false);
        for it in items.iter().copied() {
            vm.set_add_value(o, it)?;
        }
        vm.heap.decref_all(items);
        let r = vm.binary_op(op, acc, o, false);
        vm.heap.decref(o);
        vm.heap.decref(acc);
        acc = r?;
    }
    if a.pos.len() == 1 {
        vm.heap.decref(acc);
        let s = vm.new_set(frozen);
        for k in set_keys(vm, this(a)) {
            vm.set_add_value(s, k)?;
        }
        return val(s);
    }
    val(acc)
}

pub fn set_union(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    set_multi(vm, a, crate::code::BinOp::Or)
}
pub fn set_intersection(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    set_multi(vm, a, crate::code::BinOp::And)
}
pub fn set_difference(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    set_multi(vm, a, crate::code::BinOp::Sub)
}
pub fn set_symmetric_difference(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    set_multi(vm, a, crate::code::BinOp::Xor)
}

fn set_inplace(vm: &mut Vm, a: &Args<'_>, op: crate::code::BinOp) -> PyResult<Ret> {
    let r = set_multi(vm, a, op)?;
    let Ret::Value(newset) = r else { return Ok(r) };
    let keys = set_keys(vm, newset);
    for k in &keys {
        vm.heap.incref(*k);
    }
    let entries = match vm.heap.get_mut(this_ref(a)) {
        Object::Set(d, _) => d.take_all(),
        _ => Vec::new(),
    };
    for e in entries {
        vm.heap.decref(e.key);
    }
    for k in keys.iter().copied() {
        vm.set_add_value(this(a), k)?;
    }
    vm.heap.decref_all(keys);
    vm.heap.decref(newset);
    val(Value::None)
}

/// `set.symmetric_difference_update` (arity checked by the caller).
pub(crate) fn set_inplace_xor(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    set_inplace(vm, a, crate::code::BinOp::Xor)
}

pub fn set_update(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    for other in &a.pos[1..] {
        let items = vm.collect_sync(*other)?;
        for it in items.iter().copied() {
            vm.set_add_value(this(a), it)?;
        }
        vm.heap.decref_all(items);
    }
    val(Value::None)
}
pub fn set_intersection_update(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    set_inplace(vm, a, crate::code::BinOp::And)
}
pub fn set_difference_update(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    set_inplace(vm, a, crate::code::BinOp::Sub)
}

fn set_from(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = vm.collect_sync(v)?;
    let o = vm.new_set(false);
    for it in items.iter().copied() {
        vm.set_add_value(o, it)?;
    }
    vm.heap.decref_all(items);
    Ok(o)
}

pub fn set_issubset(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "issubset", 2, 2)?;
    let o = set_from(vm, a.pos[1])?;
    let r = vm.compare_bool(CmpOp::Le, this(a), o);
    vm.heap.decref(o);
    val(Value::Bool(r?))
}
pub fn set_issuperset(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "issuperset", 2, 2)?;
    let o = set_from(vm, a.pos[1])?;
    let r = vm.compare_bool(CmpOp::Ge, this(a), o);
    vm.heap.decref(o);
    val(Value::Bool(r?))
}
pub fn set_isdisjoint(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "isdisjoint", 2, 2)?;
    let items = vm.collect_sync(a.pos[1])?;
    let mut r = true;
    for it in &items {
        if vm.contains(this(a), *it)? {
            r = false;
            break;
        }
    }
    vm.heap.decref_all(items);
    val(Value::Bool(r))
}

// ----- generators -----

fn gen_recv(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Ref> {
    match a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .filter(|r| matches!(vm.heap.get(*r), Object::Generator(_)))
    {
        Some(r) => Ok(r),
        None => vm.type_error(format!("descriptor '{name}' requires a 'generator' object")),
    }
}

fn ret_for_call(ret: RetMode) -> RetMode {
    match ret {
        RetMode::Push => RetMode::Next { default: None },
        other => other,
    }
}

pub fn gen_send(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let g = gen_recv(vm, a, "send")?;
    if a.pos.len() != 2 {
        let n = a.pos.len() - 1;
        return vm.type_error(format!(
            "generator.send() takes exactly one argument ({n} given)"
        ));
    }
    vm.heap.incref(a.pos[1]);
    match vm.gen_resume(g, a.pos[1], ret_for_call(ret))? {
        crate::native::Next::Pushed => Ok(Ret::Pushed),
        crate::native::Next::Item(v) => val(v),
        crate::native::Next::Done => Err(vm.new_exc_empty(ExcType::StopIteration)),
    }
}

pub fn gen_throw(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let g = gen_recv(vm, a, "throw")?;
    let exc = throw_exception(vm, a, "throw")?;
    match vm.gen_throw_start(g, Some(exc), ret_for_call(ret))? {
        Thrown::Pushed => Ok(Ret::Pushed),
        Thrown::Immediate(crate::frame::Outcome::Raise(e)) => Err(e),
        Thrown::Immediate(crate::frame::Outcome::Return(v) | crate::frame::Outcome::Yield(v)) => {
            val(v)
        }
    }
}

/// The exception `throw(typ[, val[, tb]])` (after the receiver) raises (owned).
pub(crate) fn throw_exception(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Value> {
    nargs(vm, a, name, 2, 4)?;
    let typ = a.pos[1];
    let is_exc_class = typ
        .as_ref()
        .is_some_and(|r| matches!(vm.heap.get(r), Object::Class(_)) && vm.is_exception_class(r));
    let is_exc_inst = matches!(
        typ.as_ref().map(|r| vm.heap.get(r)),
        Some(Object::Exception(_))
    );
    if !is_exc_class && !is_exc_inst {
        let tn = vm.type_name(typ);
        return vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {tn}"
        ));
    }
    let exc = match (is_exc_class, a.pos.get(2)) {
        (true, Some(v)) if *v != Value::None => {
            let v = *v;
            if matches!(
                v.as_ref().map(|r| vm.heap.get(r)),
                Some(Object::Exception(_))
            ) {
                vm.heap.incref(v);
                v
            } else if let Some(Object::Tuple(t)) = v.as_ref().map(|r| vm.heap.get(r)) {
                let items = t.to_vec();
                for x in &items {
                    vm.heap.incref(*x);
                }
                vm.call_sync(typ, items, Vec::new())?
            } else {
                vm.heap.incref(v);
                vm.call_sync(typ, vec![v], Vec::new())?
            }
        }
        _ => {
            vm.heap.incref(typ);
            vm.as_exception(typ)?
        }
    };
    Ok(exc)
}

pub fn gen_close(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let g = gen_recv(vm, a, "close")?;
    let mode = match ret {
        RetMode::Push => RetMode::Close,
        other => other,
    };
    match vm.gen_throw_start(g, None, mode)? {
        Thrown::Pushed => Ok(Ret::Pushed),
        Thrown::Immediate(crate::frame::Outcome::Raise(e)) => Err(e),
        Thrown::Immediate(_) => val(Value::None),
    }
}

// ----- numbers -----

pub fn int_bit_length(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match vm.int_ref(this(a)) {
        Some(IntRef::Small(i)) => val(Value::Int(i64::from(64 - i.unsigned_abs().leading_zeros()))),
        Some(IntRef::Big(b)) => val(Value::Int(b.bits() as i64)),
        None => vm.type_error("descriptor 'bit_length' requires an 'int' object"),
    }
}

pub fn int_conjugate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.heap.incref(this(a));
    val(this(a))
}

pub fn float_is_integer(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match this(a) {
        Value::Float(f) => val(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => vm.type_error("descriptor 'is_integer' requires a 'float' object"),
    }
}

// ----- deque -----

fn deque_mut<'v>(vm: &'v mut Vm, a: &Args<'_>) -> PyResult<&'v mut Deque> {
    let r = this_ref(a);
    match vm.heap.get_mut(r) {
        Object::Deque(d) => Ok(d),
        _ => unreachable!("deque receiver"),
    }
}

fn trim(vm: &mut Vm, a: &Args<'_>, left: bool) -> PyResult<()> {
    let d = deque_mut(vm, a)?;
    let mut dropped = Vec::new();
    if let Some(m) = d.maxlen {
        while d.items.len() > m {
            dropped.push(
                if left {
                    d.items.pop_back()
                } else {
                    d.items.pop_front()
                }
                .expect("item"),
            );
        }
    }
    vm.heap.decref_all(dropped);
    Ok(())
}

pub fn deque_append(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "append")?;
    nargs(vm, a, "append", 2, 2)?;
    vm.heap.incref(a.pos[1]);
    deque_mut(vm, a)?.items.push_back(a.pos[1]);
    trim(vm, a, false)?;
    val(Value::None)
}
pub fn deque_appendleft(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "appendleft")?;
    nargs(vm, a, "appendleft", 2, 2)?;
    vm.heap.incref(a.pos[1]);
    deque_mut(vm, a)?.items.push_front(a.pos[1]);
    trim(vm, a, true)?;
    val(Value::None)
}
pub fn deque_pop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "pop")?;
    match deque_mut(vm, a)?.items.pop_back() {
        Some(v) => val(v),
        None => vm.err(ExcType::IndexError, "pop from an empty deque"),
    }
}
pub fn deque_popleft(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "popleft")?;
    match deque_mut(vm, a)?.items.pop_front() {
        Some(v) => val(v),
        None => vm.err(ExcType::IndexError, "pop from an empty deque"),
    }
}
pub fn deque_extend(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "extend")?;
    nargs(vm, a, "extend", 2, 2)?;
    let items = vm.collect_sync(a.pos[1])?;
    deque_mut(vm, a)?.items.extend(items);
    trim(vm, a, false)?;
    val(Value::None)
}
pub fn deque_extendleft(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "extendleft")?;
    nargs(vm, a, "extendleft", 2, 2)?;
    let items = vm.collect_sync(a.pos[1])?;
    let d = deque_mut(vm, a)?;
    for it in items {
        d.items.push_front(it);
    }
    trim(vm, a, true)?;
    val(Value::None)
}
pub fn deque_rotate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "rotate")?;
    let n = match a.pos.get(1) {
        Some(v) => to_i64(vm, *v, "rotate")?,
        None => 1,
    };
    let d = deque_mut(vm, a)?;
    let len = d.items.len() as i64;
    if len > 0 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    val(Value::None)
}
pub fn deque_clear(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "clear")?;
    let items: Vec<Value> = deque_mut(vm, a)?.items.drain(..).collect();
    vm.heap.decref_all(items);
    val(Value::None)
}

pub fn exc_with_traceback(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.heap.incref(this(a));
    val(this(a))
}

pub fn object_init_subclass(_vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    val(Value::None)
}

pub fn type_mro(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let mro = match this(a).as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Class(c)) => c.mro.clone(),
        _ => Vec::new(),
    };
    let items: Vec<Value> = mro.into_iter().map(Value::Obj).collect();
    for v in &items {
        vm.heap.incref(*v);
    }
    val(vm.list(items))
}

// ----- random -----

fn rng(vm: &mut Vm, a: &Args<'_>) -> PyResult<Ref> {
    match a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .filter(|r| matches!(vm.heap.get(*r), Object::Random(_)))
    {
        Some(r) => {
            if vm.b.random_unseeded && vm.b.random == Some(r) {
                vm.b.random_unseeded = false;
                let seed = vm.entropy_seed();
                *mt(vm, r) = Mt19937::from_seed(&seed);
            }
            Ok(r)
        }
        None => vm.type_error("descriptor requires a 'random.Random' object"),
    }
}

fn mt(vm: &mut Vm, r: Ref) -> &mut Mt19937 {
    match vm.heap.get_mut(r) {
        Object::Random(m) => m,
        _ => unreachable!(),
    }
}

fn rerr<T>(vm: &mut Vm, e: RandomError) -> PyResult<T> {
    match e {
        RandomError::Value(m) => vm.value_error(m),
        RandomError::Index(m) => vm.err(ExcType::IndexError, m),
        RandomError::Type(m) => vm.type_error(m),
    }
}

fn big_of(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match vm.int_ref(v) {
        Some(i) => Ok(i.to_big()),
        None => {
            if let Value::Float(f) = v {
                if f.fract() == 0.0 {
                    return Ok(num_traits::FromPrimitive::from_f64(f).unwrap_or_default());
                }
            }
            let tn = vm.type_name(v);
            vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
        }
    }
}

pub fn rnd_seed(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    // Seeding the hidden instance replaces its pending entropy seed.
    if a.pos.first().and_then(|v| v.as_ref()) == vm.b.random {
        vm.b.random_unseeded = false;
    }
    let r = rng(vm, a)?;
    let seed = a.pos.get(1).copied().unwrap_or(Value::None);
    let b = seed_value(vm, seed)?;
    *mt(vm, r) = Mt19937::from_seed(&b);
    val(Value::None)
}
/// The integer `random.seed(a)` uses: ints as they are, str by SHA-512 (version 2).
fn seed_value(vm: &mut Vm, seed: Value) -> PyResult<BigInt> {
    use sha2::Digest;
    Ok(match seed {
        Value::None => vm.entropy_seed(),
        v => match vm.int_ref(v) {
            Some(i) => i.to_big(),
            None => match vm.as_str(v) {
                Some(s) => {
                    let mut bytes = s.as_bytes().to_vec();
                    bytes.extend_from_slice(&sha2::Sha512::digest(s.as_bytes()));
                    BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes)
                }
                None => match v {
                    Value::Float(f) => BigInt::from(crate::settable::hash_float(f, 0)),
                    _ => {
                        return vm.type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
                    }
                },
            },
        },
    })
}

pub fn rnd_random(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    val(Value::Float(mt(vm, r).random()))
}
pub fn rnd_uniform(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "uniform", 3, 3)?;
    let (x, y) = (
        vm.num_f64(a.pos[1]).unwrap_or(0.0),
        vm.num_f64(a.pos[2]).unwrap_or(0.0),
    );
    val(Value::Float(mt(vm, r).uniform(x, y)))
}
pub fn rnd_gauss(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    let mu = a.pos.get(1).and_then(|v| vm.num_f64(*v)).unwrap_or(0.0);
    let sigma = a.pos.get(2).and_then(|v| vm.num_f64(*v)).unwrap_or(1.0);
    val(Value::Float(mt(vm, r).normalvariate(mu, sigma)))
}
pub fn rnd_expovariate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    let l = a.pos.get(1).and_then(|v| vm.num_f64(*v)).unwrap_or(1.0);
    let x = mt(vm, r).expovariate(l);
    if l == 0.0 {
        return vm.err(ExcType::ZeroDivisionError, "float division by zero");
    }
    val(Value::Float(x))
}
pub fn rnd_randrange(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "randrange", 2, 4)?;
    let start = big_of(vm, a.pos[1])?;
    let stop = match a.pos.get(2) {
        Some(Value::None) | None => None,
        Some(v) => Some(big_of(vm, *v)?),
    };
    let step = match a.pos.get(3) {
        Some(v) => big_of(vm, *v)?,
        None => BigInt::from(1),
    };
    match mt(vm, r).randrange(&start, stop.as_ref(), &step) {
        Ok(v) => val(vm.int_from_big(v)),
        Err(e) => rerr(vm, e),
    }
}
pub fn rnd_randint(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "randint", 3, 3)?;
    let (x, y) = (big_of(vm, a.pos[1])?, big_of(vm, a.pos[2])?);
    match mt(vm, r).randint(&x, &y) {
        Ok(v) => val(vm.int_from_big(v)),
        Err(e) => rerr(vm, e),
    }
}
pub fn rnd_getrandbits(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "getrandbits", 2, 2)?;
    let k = to_i64(vm, a.pos[1], "getrandbits")?;
    if k < 0 {
        return vm.value_error("number of bits must be non-negative");
    }
    let v = mt(vm, r).getrandbits(k as u64);
    val(vm.int_from_big(BigInt::from(v)))
}
pub fn rnd_choice(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "choice", 2, 2)?;
    let seq = a.pos[1];
    let n = vm.len_of(seq)?;
    match mt(vm, r).choice_index(n) {
        Ok(i) => val(vm.get_item_sync(seq, Value::Int(i as i64))?),
        Err(e) => rerr(vm, e),
    }
}
pub fn rnd_shuffle(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "shuffle", 2, 2)?;
    let Some(lr) = a.pos[1]
        .as_ref()
        .filter(|l| matches!(vm.heap.get(*l), Object::List(_)))
    else {
        return vm.type_error("shuffle() argument must be a list");
    };
    let n = match vm.heap.get(lr) {
        Object::List(l) => l.len(),
        _ => 0,
    };
    let swaps = mt(vm, r).shuffle_swaps(n);
    if let Object::List(l) = vm.heap.get_mut(lr) {
        for (i, j) in swaps {
            l.swap(i, j);
        }
    }
    val(Value::None)
}
pub fn rnd_sample(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "sample", 2, 3)?;
    let pop = a.pos[1];
    if matches!(
        vm.tag_of(pop),
        TypeTag::Set | TypeTag::FrozenSet | TypeTag::Dict
    ) {
        return vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    let Some(kv) = super::funcs::pos_or_kw(vm, a, 2, "k") else {
        return vm.type_error("Random.sample() missing 1 required positional argument: 'k'");
    };
    let k = to_i64(vm, kv, "sample")?;
    let items = vm.collect_sync(pop)?;
    if k < 0 {
        vm.heap.decref_all(items);
        return vm.value_error("Sample larger than population or is negative");
    }
    let idx = mt(vm, r).sample_indices(items.len(), k as usize);
    match idx {
        Ok(idx) => {
            let out: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
            for v in &out {
                vm.heap.incref(*v);
            }
            vm.heap.decref_all(items);
            val(vm.list(out))
        }
        Err(e) => {
            vm.heap.decref_all(items);
            rerr(vm, e)
        }
    }
}
pub fn rnd_choices(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "choices", 2, 3)?;
    let items = vm.collect_sync(a.pos[1])?;
    let floats = |vm: &mut Vm, v: Option<Value>| -> PyResult<Option<Vec<f64>>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(w) => {
                let ws = vm.collect_sync(w)?;
                let fs = ws
                    .iter()
                    .map(|x| vm.num_f64(*x).unwrap_or(f64::NAN))
                    .collect();
                vm.heap.decref_all(ws);
                Ok(Some(fs))
            }
        }
    };
    let weights = floats(vm, super::funcs::pos_or_kw(vm, a, 2, "weights"))?;
    let cum = floats(vm, kw(vm, a, "cum_weights"))?;
    let k = match kw(vm, a, "k") {
        Some(v) => to_i64(vm, v, "choices")?.max(0) as usize,
        None => 1,
    };
    match mt(vm, r).choices_indices(items.len(), weights.as_deref(), cum.as_deref(), k) {
        Ok(idx) => {
            let out: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
            for v in &out {
                vm.heap.incref(*v);
            }
            vm.heap.decref_all(items);
            val(vm.list(out))
        }
        Err(e) => {
            vm.heap.decref_all(items);
            rerr(vm, e)
        }
    }
}
pub fn rnd_getstate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    let (state, idx) = mt(vm, r).getstate();
    let mut items: Vec<Value> = state
        .into_iter()
        .map(|w| Value::Int(i64::from(w)))
        .collect();
    items.push(Value::Int(idx as i64));
    let inner = vm.tuple(items);
    val(vm.tuple(vec![Value::Int(3), inner, Value::None]))
}
pub fn rnd_setstate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = rng(vm, a)?;
    nargs(vm, a, "setstate", 2, 2)?;
    let parts = vm.collect_sync(a.pos[1])?;
    let inner = parts.get(1).copied().unwrap_or(Value::None);
    let words = vm.collect_sync(inner);
    vm.heap.decref_all(parts);
    let words = words?;
    let nums: Vec<i64> = words
        .iter()
        .map(|w| if let Value::Int(i) = w { *i } else { 0 })
        .collect();
    vm.heap.decref_all(words);
    if nums.len() != 625 {
        return vm.value_error("state vector is the wrong size");
    }
    let st: Vec<u32> = nums[..624].iter().map(|x| *x as u32).collect();
    match mt(vm, r).setstate(&st, nums[624] as usize) {
        Ok(()) => val(Value::None),
        Err(e) => rerr(vm, e),
    }
}

// ----- files -----

fn file_ref(vm: &mut Vm, a: &Args<'_>) -> PyResult<Ref> {
    match a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .filter(|r| matches!(vm.heap.get(*r), Object::File(_)))
    {
        Some(r) => Ok(r),
        None => vm.type_error("file method needs a file"),
    }
}

fn file_check(vm: &mut Vm, r: Ref) -> PyResult<()> {
    if let Object::File(f) = vm.heap.get(r) {
        if f.closed {
            return vm.value_error("I/O operation on closed file.");
        }
    }
    Ok(())
}

impl Vm {
    /// The next line of a file, `None` at the end.
    pub(crate) fn file_readline(&mut self, r: Ref) -> PyResult<Option<Value>> {
        self.file_readline_upto(r, None)
    }

    /// The next line, or its first `limit` characters.
    fn file_readline_upto(&mut self, r: Ref, limit: Option<usize>) -> PyResult<Option<Value>> {
        file_check(self, r)?;
        let line = match self.heap.get_mut(r) {
            Object::File(f) => {
                let rest = &f.content[f.pos..];
                if rest.is_empty() || limit == Some(0) {
                    None
                } else {
                    let nl = if f.binary { None } else { f.newline.as_deref() };
                    let end = crate::file::line_len(rest, nl);
                    let end = end.min(chars_prefix(rest, limit));
                    let l = rest[..end].to_string();
                    f.pos += end;
                    Some((l, f.binary))
                }
            }
            _ => None,
        };
        Ok(line.map(|(l, binary)| self.file_data(&l, binary)))
    }

    /// Text read from a file as the value a read returns: `str`, or
    /// `bytes` for a binary file.
    fn file_data(&mut self, s: &str, binary: bool) -> Value {
        if binary {
            let b = crate::file::latin1_bytes(s);
            self.bytes_value(&b)
        } else {
            self.str_value(s)
        }
    }
}

/// The `size` argument of `read`/`readline`: `None` for everything.
fn read_size(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Option<usize>> {
    match super::funcs::pos_or_kw(vm, a, 1, "size") {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.int_ref(v) {
            Some(IntRef::Small(n)) => Ok(usize::try_from(n).ok()),
            Some(IntRef::Big(_)) => vm.err(
                ExcType::OverflowError,
                "Python int too large to convert to C ssize_t",
            ),
            None => {
                let tn = vm.type_name(v);
                if name == "readline" {
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                } else {
                    vm.type_error(format!("argument should be integer or None, not '{tn}'"))
                }
            }
        },
    }
}

/// The byte length of the first `n` characters of `s` (all of it for `None`).
fn chars_prefix(s: &str, n: Option<usize>) -> usize {
    match n {
        None => s.len(),
        Some(n) => s.char_indices().nth(n).map_or(s.len(), |(i, _)| i),
    }
}

pub fn file_read(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = file_ref(vm, a)?;
    file_check(vm, r)?;
    let size = read_size(vm, a, "read")?;
    let (s, binary) = match vm.heap.get_mut(r) {
        Object::File(f) => {
            let rest = &f.content[f.pos..];
            let end = chars_prefix(rest, size);
            let s = rest[..end].to_string();
            f.pos += end;
            (s, f.binary)
        }
        _ => (String::new(), false),
    };
    val(vm.file_data(&s, binary))
}
pub fn file_readline(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = file_ref(vm, a)?;
    let size = read_size(vm, a, "readline")?;
    match vm.file_readline_upto(r, size)? {
        Some(v) => val(v),
        None => {
            let binary = matches!(vm.heap.get(r), Object::File(f) if f.binary);
            val(vm.file_data("", binary))
        }
    }
}
pub fn file_readlines(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = file_ref(vm, a)?;
    let mut out = Vec::new();
    while let Some(l) = vm.file_readline(r)? {
        out.push(l);
    }
    val(vm.list(out))
}
pub fn file_write(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = file_ref(vm, a)?;
    file_check(vm, r)?;
    nargs(vm, a, "write", 2, 2)?;
    let binary = matches!(vm.heap.get(r), Object::File(f) if f.binary);
    let data: Vec<u8> = if binary {
        match vm.as_bytes_like(a.pos[1]) {
            Some(b) => b.to_vec(),
            None => {
                let tn = vm.type_name(a.pos[1]);
                return vm.type_error(format!("a bytes-like object is required, not '{tn}'"));
            }
        }
    } else {
        match vm.as_str(a.pos[1]) {
            Some(s) => match vm.heap.get(r) {
                Object::File(f) if matches!(f.newline.as_deref(), Some("\r" | "\r\n")) => {
                    let t = f.newline.as_deref().unwrap_or("\n");
                    s.replace('\n', t).into_bytes()
                }
                _ => s.as_bytes().to_vec(),
            },
            None => {
                let tn = vm.type_name(a.pos[1]);
                return vm.type_error(format!("write() argument must be str, not {tn}"));
            }
        }
    };
    let written = if binary {
        data.len()
    } else {
        vm.as_str(a.pos[1]).map_or(0, |s| s.chars().count())
    };
    let path = match vm.heap.get(r) {
        Object::File(f) if f.writable => vm.search_dir.join(&f.path),
        _ => return vm.err(ExcType::OSError, "not writable"),
    };
    if vm.driver.suppress_writes {
        return val(Value::Int(written as i64));
    }
    use std::io::Write;
    let ok = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut fh| fh.write_all(&data));
    if ok.is_err() {
        return vm.err(ExcType::OSError, "write failed");
    }
    val(Value::Int(written as i64))
}
pub fn file_close(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = file_ref(vm, a)?;
    if let Object::File(f) = vm.heap.get_mut(r) {
        f.closed = true;
    }
    val(Value::None)
}
pub fn file_enter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = file_ref(vm, a)?;
    file_check(vm, r)?;
    vm.heap.incref(this(a));
    val(this(a))
}
pub fn file_exit(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    file_close(vm, a, ret)?;
    val(Value::Bool(false))
}

// ----- construction of built-in types -----

impl Vm {
    /// Calls a built-in type: `int(x)`, `list(it)`, `deque(...)`, ….
    #[allow(clippy::too_many_lines)]
    pub(crate) fn construct_builtin(
        &mut self,
        tag: TypeTag,
        args: Vec<Value>,
        kw: Vec<(Sym, Value)>,
        ret: RetMode,
    ) -> PyResult<Option<Value>> {
        let mut args = args;
        if let Some(b) = args
            .first()
            .and_then(|v| self.payload_for_constructor(tag, *v))
        {
            self.heap.incref(b);
            let inst = std::mem::replace(&mut args[0], b);
            self.heap.decref(inst);
        }
        let a = Args {
            pos: &args,
            kw: &kw,
        };
        let r = self.construct_inner(tag, &a, ret);
        self.heap.decref_all(args.iter().copied());
        self.heap.decref_all(kw.iter().map(|(_, v)| *v));
        match r? {
            Ret::Value(v) => Ok(Some(v)),
            Ret::Pushed => Ok(None),
        }
    }

    /// The items (counted) of the one argument `a` holds when it is an
    /// exact list or tuple: what `list()` and `tuple()` copy without iterating.
    fn copied_items(&mut self, a: &Args<'_>) -> Option<Vec<Value>> {
        if a.pos.len() != 1 || !a.kw.is_empty() {
            return None;
        }
        let items = match a.pos[0].as_ref().map(|r| self.heap.get(r)) {
            Some(Object::List(items)) => items.to_vec(),
            Some(Object::Tuple(items)) => items.to_vec(),
            _ => return None,
        };
        for x in &items {
            self.heap.incref(*x);
        }
        Some(items)
    }

    #[allow(clippy::too_many_lines)]
    fn construct_inner(&mut self, tag: TypeTag, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
        let first = a.pos.first().copied();
        match tag {
            TypeTag::Complex => val(self.construct_complex(a.pos, a.kw)?),
            TypeTag::Int => {
                let Some(v) = first else {
                    return val(Value::Int(0));
                };
                let base = super::funcs::pos_or_kw(self, a, 1, "base");
                if let Some(text) = self.as_bytes_like(v).map(crate::file::latin1_string) {
                    let b = match base {
                        Some(b) => to_i64(self, b, "int")?,
                        None => 10,
                    };
                    return match crate::fmt::parse_int_str(&text, b as u32) {
                        Ok(n) => val(self.int_from_big(n)),
                        Err(e) => {
                            let shown = crate::bytes::bytes_repr(&crate::file::latin1_bytes(&text));
                            self.value_error(e.into_format_error(b as u32, &shown).message)
                        }
                    };
                }
                if let Some(b) = base {
                    let b = to_i64(self, b, "int")?;
                    let Some(s) = self.as_str(v).map(str::to_string) else {
                        return self
                            .type_error("int() can't convert non-string with explicit base");
                    };
                    return match crate::fmt::parse_int_str(&s, b as u32) {
                        Ok(n) => val(self.int_from_big(n)),
                        Err(e) => {
                            let fe = e.into_format_error(b as u32, &crate::repr::str_repr(&s));
                            self.value_error(fe.message)
                        }
                    };
                }
                match v {
                    Value::Int(_) => val(v),
                    Value::Bool(b) => val(Value::Int(i64::from(b))),
                    Value::Float(f) => {
                        if f.is_nan() {
                            return self.value_error("cannot convert float NaN to integer");
                        }
                        if f.is_infinite() {
                            return self.err(
                                ExcType::OverflowError,
                                "cannot convert float infinity to integer",
                            );
                        }
                        let b: BigInt =
                            num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default();
                        val(self.int_from_big(b))
                    }
                    _ => {
                        if let Some(i) = self.int_ref(v) {
                            let b = i.to_big();
                            return val(self.int_from_big(b));
                        }
                        if let Some(s) = self.as_str(v).map(str::to_string) {
                            return match crate::fmt::parse_int_str(&s, 10) {
                                Ok(n) => val(self.int_from_big(n)),
                                Err(e) => {
                                    let fe = e.into_format_error(10, &crate::repr::str_repr(&s));
                                    self.value_error(fe.message)
                                }
                            };
                        }
                        if self.is_user_object(v) {
                            for name in [crate::intern::sym::INT, crate::intern::sym::INDEX] {
                                if let Some(m) = self.lookup_special(v, name) {
                                    let r = self.call_sync(m, Vec::new(), Vec::new());
                                    self.heap.decref(m);
                                    return val(r?);
                                }
                            }
                        }
                        let tn = self.type_name(v);
                        self.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'"))
                    }
                }
            }
            TypeTag::Float => {
                let Some(v) = first else {
                    return val(Value::Float(0.0));
                };
                if let Some(f) = self.num_f64(v) {
                    if let Some(IntRef::Big(b)) = self.int_ref(v) {
                        return match crate::fmt::int_to_f64(b) {
                            Ok(f) => val(Value::Float(f)),
                            Err(e) => self.err(ExcType::OverflowError, e.message),
                        };
                    }
                    return val(Value::Float(f));
                }
                if let Some(text) = self.as_bytes_like(v).map(crate::file::latin1_string) {
                    return match crate::fmt::parse_float_str(&text) {
                        Some(f) => val(Value::Float(f)),
                        None => {
                            let shown = self.repr(v)?;
                            self.value_error(format!("could not convert string to float: {shown}"))
                        }
                    };
                }
                if let Some(s) = self.as_str(v).map(str::to_string) {
                    return match crate::fmt::parse_float_str(&s) {
                        Some(f) => val(Value::Float(f)),
                        None => self.value_error(format!(
                            "could not convert string to float: {}",
                            crate::repr::str_repr(&s)
                        )),
                    };
                }
                if self.is_user_object(v) {
                    if let Some(m) = self.lookup_special(v, crate::intern::sym::FLOAT) {
                        let r = self.call_sync(m, Vec::new(), Vec::new());
                        self.heap.decref(m);
                        return val(r?);
                    }
                }
                let tn = self.type_name(v);
                self.type_error(format!(
                    "float() argument must be a string or a real number, not '{tn}'"
                ))
            }
            TypeTag::Bool => match first {
                Some(v) => val(Value::Bool(self.truthy(v)?)),
                None => val(Value::Bool(false)),
            },
            TypeTag::Bytes | TypeTag::ByteArray => {
                self.construct_bytes(tag == TypeTag::ByteArray, a, ret)
            }
            TypeTag::Str if a.pos.len() > 1 || !a.kw.is_empty() => {
                super::bytesmeth::str_from_bytes(self, a)
            }
            TypeTag::Str => match first {
                None => val(self.str_value("")),
                Some(v) => {
                    let s = self.to_str(v)?;
                    val(self.str_value(&s))
                }
            },
            TypeTag::List => match first {
                None => val(self.list(Vec::new())),
                Some(v) => {
                    if let Some(items) = self.copied_items(a) {
                        return val(self.list(items));
                    }
                    consume(
                        self,
                        v,
                        NativeKind::Collect {
                            items: Vec::new(),
                            then: Then::List,
                        },
                        ret,
                    )
                }
            },
            TypeTag::Tuple => match first {
                None => val(self.tuple(Vec::new())),
                Some(v) => {
                    if matches!(v.as_ref().map(|r| self.heap.get(r)), Some(Object::Tuple(_))) {
                        self.heap.incref(v);
                        return val(v);
                    }
                    if let Some(items) = self.copied_items(a) {
                        return val(self.tuple(items));
                    }
                    consume(
                        self,
                        v,
                        NativeKind::Collect {
                            items: Vec::new(),
                            then: Then::Tuple,
                        },
                        ret,
                    )
                }
            },
            TypeTag::Set | TypeTag::FrozenSet => {
                let frozen = tag == TypeTag::FrozenSet;
                match first {
                    None => val(self.new_set(frozen)),
                    Some(v) => consume(
                        self,
                        v,
                        NativeKind::Collect {
                            items: Vec::new(),
                            then: Then::Set(frozen),
                        },
                        ret,
                    ),
                }
            }
            TypeTag::Dict | TypeTag::DefaultDict | TypeTag::Counter => {
                let d = self.new_dict();
                let mut rest = a.pos;
                if tag == TypeTag::DefaultDict {
                    let f = first.unwrap_or(Value::None);
                    self.heap.incref(f);
                    if let Some(Object::Dict(dd)) = d.as_ref().map(|r| self.heap.get_mut(r)) {
                        dd.flavor = DictFlavor::Default(f);
                    }
                    rest = if a.pos.is_empty() { a.pos } else { &a.pos[1..] };
                }
                if tag == TypeTag::Counter {
                    if let Some(Object::Dict(dd)) = d.as_ref().map(|r| self.heap.get_mut(r)) {
                        dd.flavor = DictFlavor::Counter;
                    }
                    if let Some(src) = first {
                        if let Err(e) = counter_add(self, d, src, 1) {
                            self.heap.decref(d);
                            return Err(e);
                        }
                    }
                } else if let Some(src) = rest.first() {
                    if let Err(e) = self.dict_update_from(d, *src) {
                        self.heap.decref(d);
                        return Err(e);
                    }
                }
                for (k, v) in a.kw {
                    let n = self.names.name(*k).to_string();
                    let key = self.str_value(&n);
                    self.dict_set(d, key, *v)?;
                    self.heap.decref(key);
                }
                val(d)
            }
            TypeTag::Range => val(self.range_new(a.pos)?),
            TypeTag::Slice => {
                let g = |i: usize| a.pos.get(i).copied().unwrap_or(Value::None);
                let (s, e, st) = if a.pos.len() == 1 {
                    (Value::None, g(0), Value::None)
                } else {
                    (g(0), g(1), g(2))
                };
                for v in [s, e, st] {
                    self.heap.incref(v);
                }
                val(Value::Obj(self.heap.alloc(Object::Slice(s, e, st))))
            }
            TypeTag::Type => {
                if a.pos.len() == 1 && a.kw.is_empty() {
                    return val(self.type_of(a.pos[0]));
                }
                if a.pos.len() == 3 {
                    return val(self.type_three_args(a.pos, a.kw)?);
                }
                self.type_error("type() takes 1 or 3 arguments")
            }
            TypeTag::Object => val(Value::Obj(self.heap.alloc(Object::Instance(
                crate::object::Instance {
                    class: self.b.ty(TypeTag::Object),
                    attrs: crate::object::Attrs::default(),
                    finalized: false,
                    base: None,
                },
            )))),
            TypeTag::Property => {
                let g = |i: usize, n: &str, vm: &Vm| {
                    a.pos
                        .get(i)
                        .copied()
                        .or_else(|| kw(vm, a, n))
                        .unwrap_or(Value::None)
                };
                let (fg, fs, fd) = (g(0, "fget", self), g(1, "fset", self), g(2, "fdel", self));
                for v in [fg, fs, fd] {
                    self.heap.incref(v);
                }
                val(Value::Obj(self.heap.alloc(Object::Property(fg, fs, fd))))
            }
            TypeTag::StaticMethod | TypeTag::ClassMethod => {
                let f = first.unwrap_or(Value::None);
                self.heap.incref(f);
                let o = if tag == TypeTag::StaticMethod {
                    Object::StaticMethod(f)
                } else {
                    Object::ClassMethod(f)
                };
                val(Value::Obj(self.heap.alloc(o)))
            }
            TypeTag::Super => {
                if a.pos.len() != 2 {
                    return self.err(ExcType::RuntimeError, "super(): no arguments");
                }
                let Some(cls) = a.pos[0]
                    .as_ref()
                    .filter(|r| matches!(self.heap.get(*r), Object::Class(_)))
                else {
                    let tn = self.type_name(a.pos[0]);
                    return self.type_error(format!("super() argument 1 must be a type, not {tn}"));
                };
                let obj_ok = match a.pos[1].as_ref().map(|r| (r, self.heap.get(r))) {
                    Some((r, Object::Class(_))) if self.class_is_subclass(r, cls) => true,
                    _ => {
                        let oc = self.class_ref(a.pos[1]);
                        self.class_is_subclass(oc, cls)
                    }
                };
                if !obj_ok {
                    return self.type_error(
                        "super(type, obj): obj must be an instance or subtype of type",
                    );
                }
                self.heap.incref(a.pos[0]);
                self.heap.incref(a.pos[1]);
                val(Value::Obj(
                    self.heap.alloc(Object::Super(a.pos[0], a.pos[1])),
                ))
            }
            TypeTag::Deque => {
                let maxlen = match super::funcs::pos_or_kw(self, a, 1, "maxlen") {
                    Some(Value::None) | None => None,
                    Some(m) => Some(to_i64(self, m, "deque")?.max(0) as usize),
                };
                match first {
                    None => val(Value::Obj(self.heap.alloc(Object::Deque(Box::new(
                        Deque {
                            items: Default::default(),
                            maxlen,
                        },
                    ))))),
                    Some(v) => consume(
                        self,
                        v,
                        NativeKind::Collect {
                            items: Vec::new(),
                            then: Then::Deque(maxlen),
                        },
                        ret,
                    ),
                }
            }
            TypeTag::Random => {
                let seed = seed_value(self, first.unwrap_or(Value::None))?;
                val(Value::Obj(
                    self.heap
                        .alloc(Object::Random(Box::new(Mt19937::from_seed(&seed)))),
                ))
            }
            TypeTag::Partial => {
                let Some(f) = first else {
                    return self.type_error("type 'partial' takes at least one argument");
                };
                let args: Vec<Value> = a.pos[1..].to_vec();
                for v in std::iter::once(f)
                    .chain(args.iter().copied())
                    .chain(a.kw.iter().map(|(_, v)| *v))
                {
                    self.heap.incref(v);
                }
                val(Value::Obj(self.heap.alloc(Object::Partial(Box::new(
                    Partial {
                        func: f,
                        args,
                        kwargs: a.kw.to_vec(),
                    },
                )))))
            }
            TypeTag::Method => crate::funcattrs::new_method(self, a),
            TypeTag::Function => crate::funcattrs::new_function(self, a),
            other => self.type_error(format!("cannot create '{}' instances", other.name())),
        }
    }
}

// ----- object and exception dunders -----

pub fn object_init(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if let Some(done) = a
        .pos
        .first()
        .and_then(|s| vm.payload_init(*s, &a.pos[1..], a.kw))
    {
        done?;
        return val(Value::None);
    }
    if a.pos.len() > 1 || !a.kw.is_empty() {
        let tn = vm.type_name(a.pos[0]);
        let cls = vm.class_ref(a.pos[0]);
        let has_init = vm
            .class_lookup(cls, crate::intern::sym::INIT)
            .is_some_and(|f| {
                matches!(
                    f.as_ref().map(|r| vm.heap.get(r)),
                    Some(Object::Function(_))
                )
            });
        if !has_init {
            return vm.type_error(format!("{tn}() takes no arguments"));
        }
        return vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        );
    }
    val(Value::None)
}
pub fn object_repr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let v = this(a);
    let cls = vm.class_ref(v);
    let name = match vm.heap.get(cls) {
        Object::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
        Object::Class(c) => format!("{}.{}", c.module, c.qualname),
        _ => "object".into(),
    };
    let s = format!("<{name} object at {}>", vm.addr(v));
    val(vm.str_value(&s))
}
pub fn object_str(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = vm.repr(this(a))?;
    val(vm.str_value(&s))
}
pub fn object_eq(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "__eq__", 2, 2)?;
    val(if a.pos[0].is(a.pos[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}
pub fn object_ne(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "__ne__", 2, 2)?;
    let eq = vm.compare(CmpOp::Eq, a.pos[0], a.pos[1])?;
    if eq == Value::NotImplemented {
        return val(eq);
    }
    let t = vm.truthy(eq);
    vm.heap.decref(eq);
    val(Value::Bool(!t?))
}
pub fn object_hash(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let id = vm.id_of(this(a));
    val(Value::Int(crate::settable::hash_pointer(id)))
}
pub fn object_setattr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "__setattr__", 3, 3)?;
    let Some(n) = vm.as_str(a.pos[1]).map(str::to_string) else {
        return vm.type_error("attribute name must be string");
    };
    let s = vm.sym(&n);
    vm.heap.incref(a.pos[2]);
    // Data descriptors, else the instance dict (bypasses user __setattr__).
    if let Some(Object::Instance(i)) = a.pos[0].as_ref().map(|r| vm.heap.get(r)) {
        let cls = i.class;
        vm.generic_set_attr(a.pos[0], this_ref(a), cls, s, a.pos[2])?;
        return val(Value::None);
    }
    vm.set_attr(a.pos[0], s, a.pos[2])?;
    val(Value::None)
}
pub fn object_getattribute(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "__getattribute__", 2, 2)?;
    let Some(n) = vm.as_str(a.pos[1]).map(str::to_string) else {
        return vm.type_error("attribute name must be string");
    };
    let s = vm.sym(&n);
    if let Some(Object::Instance(i)) = a.pos[0].as_ref().map(|r| vm.heap.get(r)) {
        let cls = i.class;
        return val(vm.instance_getattr(a.pos[0], this_ref(a), cls, s, false)?);
    }
    val(vm.get_attr(a.pos[0], s)?)
}
pub fn object_format(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "__format__", 2, 2)?;
    let spec = vm.as_str(a.pos[1]).unwrap_or("").to_string();
    if !spec.is_empty() {
        let tn = vm.type_name(a.pos[0]);
        return vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        ));
    }
    let s = vm.to_str(a.pos[0])?;
    val(vm.str_value(&s))
}
pub fn object_notimpl(_vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    val(Value::NotImplemented)
}
pub fn exc_init(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let args: Vec<Value> = a.pos[1..].to_vec();
    for v in &args {
        vm.heap.incref(*v);
    }
    let t = vm.tuple(args);
    if let Some(Object::Exception(e)) = this(a).as_ref().map(|r| vm.heap.get_mut(r)) {
        let old = std::mem::replace(&mut e.args, t);
        vm.heap.decref(old);
    } else {
        vm.heap.decref(t);
    }
    val(Value::None)
}
pub fn exc_str(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let args = match this(a).as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Exception(e)) => e.args,
        _ => Value::None,
    };
    let items = match args.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let s = match items.len() {
        0 => String::new(),
        1 => vm.to_str(items[0])?,
        _ => vm.repr(args)?,
    };
    val(vm.str_value(&s))
}
pub fn exc_repr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let v = this(a);
    let (cls, args) = match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Exception(e)) => (e.class, e.args),
        _ => return val(vm.str_value("")),
    };
    let items = match args.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let mut s = vm.class_name(cls);
    s.push('(');
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&vm.repr(*it)?);
    }
    s.push(')');
    val(vm.str_value(&s))
}

// ----- property -----

fn prop_with(vm: &mut Vm, a: &Args<'_>, which: usize) -> PyResult<Ret> {
    nargs(vm, a, "property", 2, 2)?;
    let (g, s, d) = match this(a).as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Property(g, s, d)) => (*g, *s, *d),
        _ => return vm.type_error("descriptor needs a property"),
    };
    let mut parts = [g, s, d];
    parts[which] = a.pos[1];
    for p in parts {
        vm.heap.incref(p);
    }
    val(Value::Obj(
        vm.heap
            .alloc(Object::Property(parts[0], parts[1], parts[2])),
    ))
}
pub fn prop_getter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    prop_with(vm, a, 0)
}
pub fn prop_setter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    prop_with(vm, a, 1)
}
pub fn prop_deleter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    prop_with(vm, a, 2)
}

// ----- range / slice / float / deque extras -----

/// The receiver and argument checks of `range.index` and `range.count`.
fn range_one_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<()> {
    check_recv(vm, a, TypeTag::Range, name)?;
    if a.pos.len() != 2 {
        let n = a.pos.len() - 1;
        return vm.type_error(format!(
            "range.{name}() takes exactly one argument ({n} given)"
        ));
    }
    Ok(())
}
pub fn range_index(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    range_one_arg(vm, a, "index")?;
    val(vm.range_index(this_ref(a), this(a), a.pos[1])?)
}
pub fn range_count(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    range_one_arg(vm, a, "count")?;
    val(vm.range_count(this_ref(a), this(a), a.pos[1])?)
}
pub fn slice_indices(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "indices", 2, 2)?;
    let n = to_i64(vm, a.pos[1], "indices")?;
    if n < 0 {
        return vm.value_error("length should not be negative");
    }
    let (s, e, st) = vm.slice_indices(this_ref(a), n as usize)?;
    val(vm.tuple(vec![Value::Int(s), Value::Int(e), Value::Int(st)]))
}
pub fn float_as_integer_ratio(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Value::Float(f) = this(a) else {
        return vm.type_error("descriptor 'as_integer_ratio' requires a 'float' object");
    };
    if f.is_infinite() {
        return vm.err(
            ExcType::OverflowError,
            "cannot convert Infinity to integer ratio",
        );
    }
    if f.is_nan() {
        return vm.value_error("cannot convert NaN to integer ratio");
    }
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let e = exp - 1075;
    let mut num = BigInt::from(mant) * sign;
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let g = num_integer::Integer::gcd(&num, &den);
    if g > BigInt::from(1) {
        num /= &g;
        den /= &g;
    }
    let (n, d) = (vm.int_from_big(num), vm.int_from_big(den));
    val(vm.tuple(vec![n, d]))
}
pub fn deque_count(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "count")?;
    nargs(vm, a, "count", 2, 2)?;
    let items: Vec<Value> = deque_mut(vm, a)?.items.iter().copied().collect();
    let mut n = 0;
    for it in items {
        if vm.eq(it, a.pos[1])? {
            n += 1;
        }
    }
    val(Value::Int(n))
}
pub fn deque_index(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "index")?;
    nargs(vm, a, "index", 2, 2)?;
    let items: Vec<Value> = deque_mut(vm, a)?.items.iter().copied().collect();
    match find_in(vm, &items, a.pos[1])? {
        Some(i) => val(Value::Int(i as i64)),
        None => {
            let r = vm.repr(a.pos[1])?;
            vm.value_error(format!("{r} is not in deque"))
        }
    }
}
pub fn deque_remove(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "remove")?;
    nargs(vm, a, "remove", 2, 2)?;
    let items: Vec<Value> = deque_mut(vm, a)?.items.iter().copied().collect();
    match find_in(vm, &items, a.pos[1])? {
        Some(i) => {
            let v = deque_mut(vm, a)?.items.remove(i);
            if let Some(v) = v {
                vm.heap.decref(v);
            }
            val(Value::None)
        }
        None => vm.value_error("deque.remove(x): x not in deque"),
    }
}
pub fn deque_reverse(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "reverse")?;
    let d = deque_mut(vm, a)?;
    let v: Vec<Value> = d.items.drain(..).rev().collect();
    d.items.extend(v);
    val(Value::None)
}
pub fn deque_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    check_recv(vm, a, TypeTag::Deque, "copy")?;
    val(vm.shallow_copy(this(a))?)
}
