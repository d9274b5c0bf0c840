//! Built-in functions and module-level functions of the stdlib.

use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::code::{BinOp, CmpOp};
use crate::fmt as pf;
use crate::frame::RetMode;
use crate::iter::{CombKind, IterObj, SeqKind};
use crate::native::{NativeKind, Then};
use crate::object::Object;
use crate::ops::IntRef;
use crate::types::TypeTag;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

pub(crate) fn kw(vm: &Vm, a: &Args<'_>, name: &str) -> Option<Value> {
    a.kw.iter()
        .find(|(k, _)| vm.names.name(*k) == name)
        .map(|(_, v)| *v)
}

/// Argument `i` given by position, or else by keyword `name`.
pub(crate) fn pos_or_kw(vm: &Vm, a: &Args<'_>, i: usize, name: &str) -> Option<Value> {
    a.pos.get(i).copied().or_else(|| kw(vm, a, name))
}

fn val(v: Value) -> PyResult<Ret> {
    Ok(Ret::Value(v))
}

/// Built-ins whose missing arguments CPython names (keyword-capable ones).
fn missing_argument_message(name: &str, n: usize) -> Option<String> {
    let (param, pos) = match (name, n) {
        ("pow", 0) => ("base", 1),
        ("pow", 1) => ("exp", 2),
        ("round", 0) => ("number", 1),
        ("enumerate", 0) => return Some("enumerate() missing required argument 'iterable'".into()),
        ("sum", 0) => return Some("sum() takes at least 1 positional argument (0 given)".into()),
        _ => return None,
    };
    Some(format!(
        "{name}() missing required argument '{param}' (pos {pos})"
    ))
}

pub(crate) fn nargs(vm: &mut Vm, a: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len();
    // Built-ins that take no keywords at all say so first, as CPython's do.
    if !a.kw.is_empty()
        && matches!(
            name,
            "len"
                | "abs"
                | "repr"
                | "ascii"
                | "chr"
                | "ord"
                | "callable"
                | "hash"
                | "id"
                | "hex"
                | "oct"
                | "bin"
                | "isinstance"
                | "issubclass"
                | "divmod"
                | "iter"
                | "next"
                | "getattr"
                | "setattr"
                | "hasattr"
                | "delattr"
                | "any"
                | "all"
                | "vars"
                | "dir"
        )
    {
        return vm.type_error(format!("{name}() takes no keyword arguments"));
    }
    if n < min || n > max {
        if n < min {
            if let Some(m) = missing_argument_message(name, n) {
                return vm.type_error(m);
            }
        }
        // CPython's wording: METH_O and METH_NOARGS functions, then the
        // argument-clinic check for a fixed count (types such as `reversed`).
        if min == max {
            let clinic = matches!(name, "reversed" | "cycle");
            return vm.type_error(match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 if !clinic => format!("{name}() takes exactly one argument ({n} given)"),
                1 => format!("{name} expected 1 argument, got {n}"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            });
        }
        if n < min {
            let s = if min == 1 { "" } else { "s" };
            return vm.type_error(format!(
                "{name} expected at least {min} argument{s}, got {n}"
            ));
        }
        let s = if max == 1 { "" } else { "s" };
        return vm.type_error(format!(
            "{name} expected at most {max} argument{s}, got {n}"
        ));
    }
    Ok(())
}

fn incref(vm: &mut Vm, v: Value) -> Value {
    vm.heap.incref(v);
    v
}

/// Runs a consumer over an iterable, as a resumable frame when needed.
pub(crate) fn consume(
    vm: &mut Vm,
    iterable: Value,
    kind: NativeKind,
    ret: RetMode,
) -> PyResult<Ret> {
    match vm.start_native(iterable, kind, ret)? {
        Some(v) => val(v),
        None => Ok(Ret::Pushed),
    }
}

pub(crate) fn new_iter(vm: &mut Vm, it: IterObj) -> Value {
    Value::Obj(vm.heap.alloc(Object::Iter(Box::new(it))))
}

pub(crate) fn to_i64(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    // An instance of an `int` subclass is used by its value, as CPython's
    // C functions read any `int`.
    let v = vm.payload(v).unwrap_or(v);
    match vm.int_ref(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(_)) => vm.err(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
        None => {
            let tn = vm.type_name(v);
            let _ = what;
            vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
        }
    }
}

pub fn print(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let sep = match kw(vm, a, "sep") {
        Some(Value::None) | None => " ".to_string(),
        Some(s) => match vm.as_str(s) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(s);
                return vm.type_error(format!("sep must be None or a string, not {tn}"));
            }
        },
    };
    let end = match kw(vm, a, "end") {
        Some(Value::None) | None => "\n".to_string(),
        Some(s) => match vm.as_str(s) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(s);
                return vm.type_error(format!("end must be None or a string, not {tn}"));
            }
        },
    };
    if let Some((k, _)) =
        a.kw.iter()
            .find(|(k, _)| !matches!(vm.names.name(*k), "sep" | "end" | "file" | "flush"))
    {
        let n = vm.names.name(*k).to_string();
        return vm.type_error(format!("'{n}' is an invalid keyword argument for print()"));
    }
    let file = kw(vm, a, "file")
        .filter(|f| *f != Value::None)
        .or_else(|| vm.sys_stdout());
    let target = vm.print_target(file.unwrap_or(Value::None));
    if let crate::textio::Target::Object(_) = target {
        // Another stream: `write` is called with each piece, as CPython does.
        for (i, v) in a.pos.iter().enumerate() {
            if i > 0 {
                vm.print_piece(&target, &sep)?;
            }
            let s = vm.to_str(*v)?;
            vm.print_piece(&target, &s)?;
        }
        vm.print_piece(&target, &end)?;
        if let (Some(fl), crate::textio::Target::Object(f)) = (kw(vm, a, "flush"), &target) {
            if vm.truthy(fl)? {
                let flush = vm.sym("flush");
                let r = vm.call_method_sync(*f, flush, Vec::new())?;
                vm.heap.decref(r);
            }
        }
        return val(Value::None);
    }
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.to_str(*v)?);
    }
    out.push_str(&end);
    vm.print_piece(&target, &out)?;
    val(Value::None)
}

pub fn len(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "len", 1, 1)?;
    let n = vm.len_of(a.pos[0])?;
    val(Value::Int(n as i64))
}

pub fn repr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "repr", 1, 1)?;
    let s = vm.repr(a.pos[0])?;
    val(vm.str_value(&s))
}

pub fn ascii(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "ascii", 1, 1)?;
    let s = vm.repr(a.pos[0])?;
    val(vm.str_value(&crate::repr::ascii_escape(&s)))
}

pub fn abs(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "abs", 1, 1)?;
    let v = a.pos[0];
    let v = vm.payload_unless(v, crate::intern::sym::ABS).unwrap_or(v);
    match v {
        Value::Int(i) if i != i64::MIN => return val(Value::Int(i.abs())),
        Value::Float(f) => return val(Value::Float(f.abs())),
        Value::Bool(b) => return val(Value::Int(i64::from(b))),
        _ => {}
    }
    if let Some(i) = vm.int_ref(v) {
        let b = i.to_big().abs();
        return val(vm.int_from_big(b));
    }
    if vm.is_user_object(v) {
        if let Some(m) = vm.lookup_special(v, crate::intern::sym::ABS) {
            let r = vm.call_sync(m, Vec::new(), Vec::new());
            vm.heap.decref(m);
            return val(r?);
        }
    }
    let tn = vm.type_name(v);
    vm.type_error(format!("bad operand type for abs(): '{tn}'"))
}

fn class_list(vm: &mut Vm, spec: Value, fname: &str) -> PyResult<Vec<crate::value::Ref>> {
    match spec.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Class(_)) => Ok(vec![spec.as_ref().expect("class")]),
        Some(Object::Tuple(t)) => {
            let items = t.to_vec();
            let mut out = Vec::new();
            for it in items {
                out.extend(class_list(vm, it, fname)?);
            }
            Ok(out)
        }
        _ => vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        )),
    }
}

pub fn isinstance(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "isinstance", 2, 2)?;
    let classes = class_list(vm, a.pos[1], "isinstance")?;
    let cls = vm.class_ref(a.pos[0]);
    let tag = vm.tag_of(a.pos[0]);
    for c in classes {
        if cls != c {
            if let Some(r) = vm.meta_check(c, a.pos[0], "__instancecheck__") {
                if r? {
                    return val(Value::Bool(true));
                }
                continue;
            }
        }
        if vm.class_is_subclass(cls, c)
            || (tag == TypeTag::Iterator && vm.class_tag(c) == Some(TypeTag::Iterator))
        {
            return val(Value::Bool(true));
        }
    }
    val(Value::Bool(false))
}

pub fn issubclass(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "issubclass", 2, 2)?;
    let Some(c) = a.pos[0]
        .as_ref()
        .filter(|r| matches!(vm.heap.get(*r), Object::Class(_)))
    else {
        return vm.type_error("issubclass() arg 1 must be a class");
    };
    let classes = class_list(vm, a.pos[1], "issubclass")?;
    for k in classes {
        if let Some(r) = vm.meta_check(k, a.pos[0], "__subclasscheck__") {
            if r? {
                return val(Value::Bool(true));
            }
            continue;
        }
        if vm.class_is_subclass(c, k) {
            return val(Value::Bool(true));
        }
    }
    val(Value::Bool(false))
}

pub fn iter(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "iter", 1, 2)?;
    if a.pos.len() == 2 {
        let it = IterObj::Callable {
            func: incref(vm, a.pos[0]),
            sentinel: incref(vm, a.pos[1]),
        };
        return val(new_iter(vm, it));
    }
    let v = incref(vm, a.pos[0]);
    match vm.get_iter(v, ret)? {
        Some(it) => val(it),
        None => Ok(Ret::Pushed),
    }
}

pub fn next(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "next", 1, 2)?;
    let it = a.pos[0];
    let default = a.pos.get(1).copied();
    let is_iter = matches!(
        it.as_ref().map(|r| vm.heap.get(r)),
        Some(Object::Iter(_) | Object::Generator(_) | Object::Instance(_) | Object::File(_))
    ) && !vm.is_coroutine(it);
    if !is_iter {
        let tn = vm.type_name(it);
        return vm.type_error(format!("'{tn}' object is not an iterator"));
    }
    let mode = match ret {
        RetMode::Push => {
            if let Some(d) = default {
                vm.heap.incref(d);
            }
            RetMode::Next { default }
        }
        other => other,
    };
    match vm.next_or_push(it, mode.clone()) {
        Ok(crate::native::Next::Item(v)) => {
            if let RetMode::Next { default: Some(d) } = mode {
                vm.heap.decref(d);
            }
            val(v)
        }
        Ok(crate::native::Next::Done) => {
            if let RetMode::Next { default: Some(d) } = mode {
                return val(d);
            }
            if let Some(d) = default {
                vm.heap.incref(d);
                return val(d);
            }
            Err(vm.new_exc_empty(ExcType::StopIteration))
        }
        Ok(crate::native::Next::Pushed) => Ok(Ret::Pushed),
        Err(e) => {
            if let RetMode::Next { default: Some(d) } = mode {
                vm.heap.decref(d);
            }
            Err(e)
        }
    }
}

pub fn hash(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "hash", 1, 1)?;
    let h = vm.hash_value(a.pos[0])?;
    val(Value::Int(h))
}

pub fn id(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "id", 1, 1)?;
    val(Value::Int(vm.id_of(a.pos[0])))
}

fn attr_name(vm: &mut Vm, v: Value, fname: &str) -> PyResult<crate::intern::Sym> {
    match vm.as_str(v).map(str::to_string) {
        Some(s) => Ok(vm.sym(&s)),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!(
                "{fname}(): attribute name must be string, not '{tn}'"
            ))
        }
    }
}

pub fn getattr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "getattr", 2, 3)?;
    let name = attr_name(vm, a.pos[1], "getattr")?;
    match vm.get_attr(a.pos[0], name) {
        Ok(v) => val(v),
        Err(e) if a.pos.len() == 3 && vm.is_instance_of_exc(e, ExcType::AttributeError) => {
            vm.heap.decref(e);
            val(incref(vm, a.pos[2]))
        }
        Err(e) => Err(e),
    }
}

pub fn setattr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "setattr", 3, 3)?;
    let name = attr_name(vm, a.pos[1], "setattr")?;
    let v = incref(vm, a.pos[2]);
    vm.set_attr(a.pos[0], name, v)?;
    val(Value::None)
}

pub fn delattr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "delattr", 2, 2)?;
    let name = attr_name(vm, a.pos[1], "delattr")?;
    vm.del_attr(a.pos[0], name)?;
    val(Value::None)
}

pub fn hasattr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "hasattr", 2, 2)?;
    let name = attr_name(vm, a.pos[1], "hasattr")?;
    match vm.get_attr(a.pos[0], name) {
        Ok(v) => {
            vm.heap.decref(v);
            val(Value::Bool(true))
        }
        Err(e) if vm.is_instance_of_exc(e, ExcType::AttributeError) => {
            vm.heap.decref(e);
            val(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

pub fn callable(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "callable", 1, 1)?;
    let v = a.pos[0];
    let r = match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(
            Object::Function(_)
            | Object::Builtin(_)
            | Object::BoundMethod(..)
            | Object::Class(_)
            | Object::StaticMethod(_)
            | Object::Partial(_),
        ) => true,
        Some(Object::Instance(_)) => {
            let c = vm.class_ref(v);
            vm.class_lookup(c, crate::intern::sym::CALL).is_some()
        }
        _ => false,
    };
    val(Value::Bool(r))
}

pub fn chr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "chr", 1, 1)?;
    let i = to_i64(vm, a.pos[0], "chr")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => val(vm.str_value(&c.to_string())),
        None => vm.value_error("chr() arg not in range(0x110000)"),
    }
}

pub fn ord(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "ord", 1, 1)?;
    match vm.as_str(a.pos[0]) {
        Some(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => val(Value::Int(i64::from(c as u32))),
                _ => {
                    let n = s.chars().count();
                    vm.type_error(format!(
                        "ord() expected a character, but string of length {n} found"
                    ))
                }
            }
        }
        None => {
            let tn = vm.type_name(a.pos[0]);
            vm.type_error(format!("ord() expected string of length 1, but {tn} found"))
        }
    }
}

pub fn divmod(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "divmod", 2, 2)?;
    let (x, y) = (a.pos[0], a.pos[1]);
    if (matches!(x, Value::Float(_)) || matches!(y, Value::Float(_))) && vm.num_f64(y) == Some(0.0)
    {
        return vm.err(ExcType::ZeroDivisionError, "float divmod()");
    }
    let q = vm.binary_op(BinOp::FloorDiv, x, y, false)?;
    let r = vm.binary_op(BinOp::Mod, x, y, false)?;
    val(vm.tuple(vec![q, r]))
}

pub fn pow(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "pow", 2, 3)?;
    if a.pos.len() == 3 && a.pos[2] != Value::None {
        let (Some(b), Some(e), Some(m)) = (
            vm.int_ref(a.pos[0]).map(|i| i.to_big()),
            vm.int_ref(a.pos[1]).map(|i| i.to_big()),
            vm.int_ref(a.pos[2]).map(|i| i.to_big()),
        ) else {
            return vm
                .type_error("pow() 3rd argument not allowed unless all arguments are integers");
        };
        if m.is_zero() {
            return vm.value_error("pow() 3rd argument cannot be 0");
        }
        let r = if e.is_negative() {
            return vm.value_error("base is not invertible for the given modulus");
        } else {
            let r = b.modpow(&e, &m);
            if !r.is_zero() && (r.is_negative() != m.is_negative()) {
                r + &m
            } else {
                r
            }
        };
        return val(vm.int_from_big(r));
    }
    val(vm.binary_op(BinOp::Pow, a.pos[0], a.pos[1], false)?)
}

pub fn round(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "round", 1, 2)?;
    let v = a.pos[0];
    let v = vm.payload_unless(v, crate::intern::sym::ROUND).unwrap_or(v);
    let nd = pos_or_kw(vm, a, 1, "ndigits").filter(|x| *x != Value::None);
    if let Some(i) = vm.int_ref(v) {
        let b = i.to_big();
        let Some(n) = nd else {
            return val(vm.int_from_big(b));
        };
        let n = to_i64(vm, n, "round")?;
        if n >= 0 {
            return val(vm.int_from_big(b));
        }
        let p = num_traits::pow::Pow::pow(BigInt::from(10), (-n) as u32);
        let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
        let twice = &r * 2;
        let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
            q + 1
        } else {
            q
        };
        return val(vm.int_from_big(q * p));
    }
    if let Value::Float(f) = v {
        match nd {
            None => {
                if !f.is_finite() {
                    let what = if f.is_nan() {
                        ("ValueError", "cannot convert float NaN to integer")
                    } else {
                        ("OverflowError", "cannot convert float infinity to integer")
                    };
                    let ty = if what.0 == "ValueError" {
                        ExcType::ValueError
                    } else {
                        ExcType::OverflowError
                    };
                    return vm.err(ty, what.1);
                }
                let r = pf::round_half_even(f);
                let b: BigInt = num_traits::FromPrimitive::from_f64(r).unwrap_or_default();
                return val(vm.int_from_big(b));
            }
            Some(n) => {
                let n = to_i64(vm, n, "round")?;
                return match pf::round_float(f, n) {
                    Ok(r) => val(Value::Float(r)),
                    Err(e) => vm.err(ExcType::OverflowError, e.message),
                };
            }
        }
    }
    if vm.is_user_object(v) {
        if let Some(m) = vm.lookup_special(v, crate::intern::sym::ROUND) {
            let args = nd.map(|n| vec![incref(vm, n)]).unwrap_or_default();
            let r = vm.call_sync(m, args, Vec::new());
            vm.heap.decref(m);
            return val(r?);
        }
    }
    let tn = vm.type_name(v);
    vm.type_error(format!("type {tn} doesn't define __round__ method"))
}

pub fn sum(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "sum", 1, 2)?;
    let start = pos_or_kw(vm, a, 1, "start").unwrap_or(Value::Int(0));
    if vm.as_str(start).is_some() {
        return vm.type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    if vm.as_bytes_like(start).is_some() {
        let tn = vm.type_name(start);
        return vm.type_error(format!("sum() can't sum {tn} [use b''.join(seq) instead]"));
    }
    if let Some(total) = small_int_sum(vm, a.pos[0], start) {
        return val(Value::Int(total));
    }
    vm.heap.incref(start);
    consume(vm, a.pos[0], NativeKind::Sum { acc: start }, ret)
}

/// The sum of a list or tuple of small ints from a small int start, when no
/// step overflows 64 bits: no iterator and no native frame. `None` sends
/// everything else down the general path.
fn small_int_sum(vm: &Vm, iterable: Value, start: Value) -> Option<i64> {
    let Value::Int(mut total) = start else {
        return None;
    };
    let items: &[Value] = match iterable.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::List(items)) => items,
        Some(Object::Tuple(items)) => items,
        _ => return None,
    };
    for v in items {
        let Value::Int(i) = v else { return None };
        total = total.checked_add(*i)?;
    }
    Some(total)
}

fn minmax(vm: &mut Vm, a: &Args<'_>, ret: RetMode, is_max: bool) -> PyResult<Ret> {
    let name = if is_max { "max" } else { "min" };
    if a.pos.is_empty() {
        return vm.type_error(format!("{name} expected at least 1 argument, got 0"));
    }
    let key = kw(vm, a, "key").unwrap_or(Value::None);
    let default = kw(vm, a, "default");
    vm.heap.incref(key);
    if let Some(d) = default {
        vm.heap.incref(d);
    }
    let kind = NativeKind::MinMax {
        key,
        best: Value::Undef,
        best_key: Value::None,
        pending: Value::None,
        default,
        is_max,
    };
    if a.pos.len() == 1 {
        return consume(vm, a.pos[0], kind, ret);
    }
    for v in a.pos {
        vm.heap.incref(*v);
    }
    let t = vm.tuple(a.pos.to_vec());
    let r = consume(vm, t, kind, ret);
    vm.heap.decref(t);
    r
}

pub fn min(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    minmax(vm, a, ret, false)
}

pub fn max(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    minmax(vm, a, ret, true)
}

pub fn any(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "any", 1, 1)?;
    consume(vm, a.pos[0], NativeKind::AnyAll { want: true }, ret)
}

pub fn all(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "all", 1, 1)?;
    consume(vm, a.pos[0], NativeKind::AnyAll { want: false }, ret)
}

pub fn sorted(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 1 {
        let n = a.pos.len();
        return vm.type_error(format!("sorted expected 1 argument, got {n}"));
    }
    let key = kw(vm, a, "key").unwrap_or(Value::None);
    let reverse = match kw(vm, a, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    vm.heap.incref(key);
    consume(
        vm,
        a.pos[0],
        NativeKind::Collect {
            items: Vec::new(),
            then: Then::Sorted { key, reverse },
        },
        ret,
    )
}

pub fn enumerate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "enumerate", 1, 2)?;
    let start = pos_or_kw(vm, a, 1, "start").unwrap_or(Value::Int(0));
    let count = to_i64(vm, start, "enumerate")?;
    let inner = vm.get_iter_sync(a.pos[0])?;
    val(new_iter(vm, IterObj::Enumerate { inner, count }))
}

fn iters_of(vm: &mut Vm, vals: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for v in vals {
        match vm.get_iter_sync(*v) {
            Ok(it) => out.push(it),
            Err(e) => {
                vm.heap.decref_all(out);
                return Err(e);
            }
        }
    }
    Ok(out)
}

pub fn zip(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let strict = match kw(vm, a, "strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let inners = iters_of(vm, a.pos)?;
    val(new_iter(
        vm,
        IterObj::Zip {
            inners,
            acc: Vec::new(),
            strict,
        },
    ))
}

pub fn map(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() < 2 {
        return vm.type_error("map() must have at least two arguments.");
    }
    let inners = iters_of(vm, &a.pos[1..])?;
    let func = incref(vm, a.pos[0]);
    val(new_iter(
        vm,
        IterObj::Map {
            func,
            inners,
            acc: Vec::new(),
            calling: false,
        },
    ))
}

pub fn filter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "filter", 2, 2)?;
    let inner = vm.get_iter_sync(a.pos[1])?;
    let func = incref(vm, a.pos[0]);
    val(new_iter(
        vm,
        IterObj::Filter {
            func,
            inner,
            pending: Value::None,
            invert: false,
        },
    ))
}

pub fn it_filterfalse(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "filterfalse", 2, 2)?;
    let inner = vm.get_iter_sync(a.pos[1])?;
    let func = incref(vm, a.pos[0]);
    val(new_iter(
        vm,
        IterObj::Filter {
            func,
            inner,
            pending: Value::None,
            invert: true,
        },
    ))
}

pub fn reversed(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "reversed", 1, 1)?;
    let v = a.pos[0];
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::List(l)) => {
            let n = l.len();
            let seq = incref(vm, v);
            val(new_iter(
                vm,
                IterObj::Seq {
                    seq,
                    idx: n,
                    kind: SeqKind::Reversed,
                },
            ))
        }
        Some(Object::Tuple(l)) => {
            let n = l.len();
            let seq = incref(vm, v);
            val(new_iter(
                vm,
                IterObj::Seq {
                    seq,
                    idx: n,
                    kind: SeqKind::Reversed,
                },
            ))
        }
        Some(Object::Range(..) | Object::BigRange(_)) => {
            let r = v.as_ref().expect("range");
            val(vm.range_reversed(r))
        }
        Some(
            Object::Str(_)
            | Object::Deque(_)
            | Object::Dict(_)
            | Object::Bytes(_)
            | Object::ByteArray(_),
        ) => {
            let items = vm.collect_sync(v)?;
            let mut items = items;
            items.reverse();
            let l = vm.list(items);
            let it = vm.get_iter(l, RetMode::Push)?.expect("iter");
            val(it)
        }
        Some(Object::Instance(_)) => {
            let rsym = vm.sym("__reversed__");
            if let Some(m) = vm.lookup_special(v, rsym) {
                let r = vm.call_sync(m, Vec::new(), Vec::new());
                vm.heap.decref(m);
                return val(r?);
            }
            let n = vm.len_of(v)?;
            let mut items = Vec::new();
            for i in (0..n).rev() {
                items.push(vm.get_item_sync(v, Value::Int(i as i64))?);
            }
            let l = vm.list(items);
            let it = vm.get_iter(l, RetMode::Push)?.expect("iter");
            val(it)
        }
        _ => {
            let tn = vm.type_name(v);
            vm.type_error(format!("'{tn}' object is not reversible"))
        }
    }
}

fn radix(vm: &mut Vm, a: &Args<'_>, r: u32, name: &str) -> PyResult<Ret> {
    nargs(vm, a, name, 1, 1)?;
    match vm.int_ref(a.pos[0]) {
        Some(i) => {
            let s = pf::int_to_str_radix(&i.to_big(), r, true);
            val(vm.str_value(&s))
        }
        None => {
            let tn = vm.type_name(a.pos[0]);
            vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
        }
    }
}

pub fn bin(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    radix(vm, a, 2, "bin")
}
pub fn oct(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    radix(vm, a, 8, "oct")
}
pub fn hex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    radix(vm, a, 16, "hex")
}

pub fn format(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "format", 1, 2)?;
    let spec = match a.pos.get(1) {
        Some(s) => vm.as_str(*s).unwrap_or("").to_string(),
        None => String::new(),
    };
    let s = vm.format_spec(a.pos[0], &spec)?;
    val(vm.str_value(&s))
}

pub fn vars(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "vars", 0, 1)?;
    match a.pos.first() {
        Some(v) => {
            let d = vm.get_attr(*v, crate::intern::sym::DICT);
            match d {
                Ok(d) => val(d),
                Err(e) => {
                    vm.heap.decref(e);
                    vm.type_error("vars() argument must have __dict__ attribute")
                }
            }
        }
        None => locals(vm, a, RetMode::Push),
    }
}

pub fn dir(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let mut names: Vec<String> = Vec::new();
    match a.pos.first() {
        Some(v) => {
            let v = *v;
            if let Some(Object::Module(m)) = v.as_ref().map(|r| vm.heap.get(r)) {
                // A module's names are its namespace's keys, as in CPython.
                names.extend(m.globals.keys().map(|k| vm.names.name(*k).to_string()));
                names.sort();
                names.dedup();
                let items: Vec<Value> = names.iter().map(|n| vm.str_value(n)).collect();
                return val(vm.list(items));
            }
            if let Some(r) = v.as_ref() {
                match vm.heap.get(r) {
                    Object::Instance(i) => {
                        names.extend(i.attrs.keys().map(|k| vm.names.name(*k).to_string()))
                    }
                    Object::Function(f) => {
                        names.extend(f.attrs.keys().map(|k| vm.names.name(*k).to_string()))
                    }
                    _ => {}
                }
                names.extend(
                    crate::funcattrs::data_attr_names(vm.heap.get(r))
                        .iter()
                        .map(|n| (*n).to_string()),
                );
            }
            let cls = match v.as_ref().map(|r| vm.heap.get(r)) {
                Some(Object::Class(_)) => v.as_ref().expect("class"),
                _ => vm.class_ref(v),
            };
            if let Object::Class(c) = vm.heap.get(cls) {
                for k in c.mro.clone() {
                    if let Object::Class(kc) = vm.heap.get(k) {
                        names.extend(kc.attrs.keys().map(|s| vm.names.name(*s).to_string()));
                    }
                }
            }
        }
        None => {
            let in_function = match &vm.frames.last().expect("frame").kind {
                crate::frame::FrameKind::Py(f) => {
                    vm.code(f.code).kind == crate::code::CodeKind::Function
                }
                crate::frame::FrameKind::Native(_) => false,
            };
            if in_function {
                // Inside a function: the names of its locals.
                if let Ret::Value(d) = locals(vm, a, _ret)? {
                    if let Some(Object::Dict(dd)) = d.as_ref().map(|r| vm.heap.get(r)) {
                        let keys: Vec<Value> = dd.iter().map(|e| e.key).collect();
                        for k in keys {
                            names.push(vm.as_str(k).unwrap_or_default().to_string());
                        }
                    }
                    vm.heap.decref(d);
                }
            } else {
                let m = match &vm.frames.last().expect("frame").kind {
                    crate::frame::FrameKind::Py(f) => f.module,
                    crate::frame::FrameKind::Native(_) => vm.main_module.expect("main"),
                };
                if let Object::Module(md) = vm.heap.get(m) {
                    names.extend(md.globals.keys().map(|k| vm.names.name(*k).to_string()));
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let items: Vec<Value> = names.iter().map(|n| vm.str_value(n)).collect();
    val(vm.list(items))
}

pub fn globals(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let m = match &vm.frames.last().expect("frame").kind {
        crate::frame::FrameKind::Py(f) => f.module,
        crate::frame::FrameKind::Native(_) => vm.main_module.expect("main"),
    };
    val(vm.module_dict(m))
}

pub fn locals(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(crate::frame::FrameKind::Py(f)) = vm.frames.last().map(|f| &f.kind) else {
        return val(vm.new_dict());
    };
    // Code run by exec/eval with a locals dict: that dict itself.
    if let Some(ns) =
        f.ns.filter(|ns| matches!(vm.heap.get(*ns), Object::Dict(_)))
    {
        vm.heap.incref(Value::Obj(ns));
        return val(Value::Obj(ns));
    }
    // A class body: its namespace so far (a copy: writes do not reach it).
    if let Some(ns) = f.ns {
        if let Object::Namespace(a) = vm.heap.get(ns) {
            let entries: Vec<(crate::intern::Sym, Value)> =
                a.iter().map(|(k, v)| (*k, *v)).collect();
            return val(vm.dict_of_names(entries));
        }
    }
    let f = (**f).clone();
    val(super::introspect::frame_locals(vm, &f)?)
}

pub fn input(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    crate::stdlib::inputs::input(vm, a, ret)
}

pub fn open(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "open", 1, 3)?;
    let Some(path) = vm.as_str(a.pos[0]).map(str::to_string) else {
        return vm.type_error("expected str, bytes or os.PathLike object");
    };
    let mode = pos_or_kw(vm, a, 1, "mode")
        .and_then(|m| vm.as_str(m).map(str::to_string))
        .unwrap_or_else(|| "r".to_string());
    let full = vm.search_dir.join(&path);
    let binary = mode.contains('b');
    let base: String = mode.chars().filter(|c| *c != 'b' && *c != 't').collect();
    if binary && mode.contains('t') {
        return vm.value_error("can't have text and binary mode at once");
    }
    if mode.matches('b').count() > 1 || mode.matches('t').count() > 1 || base.len() != 1 {
        return vm.value_error(format!("invalid mode: '{mode}'"));
    }
    let (content, writable) = match base.as_str() {
        "r" => {
            let read = if binary {
                vm.read_external_bytes(&path, &full)
            } else {
                vm.read_external(&path, &full)
            };
            let c = match read {
                Ok(c) => c,
                Err(crate::sandbox::ReadFail::Refused) => return vm.refuse_outside(&path),
                Err(crate::sandbox::ReadFail::Missing) => {
                    return vm.err(
                        ExcType::FileNotFoundError,
                        format!(
                            "[Errno 2] No such file or directory: {}",
                            crate::repr::str_repr(&path)
                        ),
                    )
                }
            };
            (c, false)
        }
        "w" => {
            if !vm.driver.suppress_writes && std::fs::write(&full, "").is_err() {
                return vm.err(ExcType::OSError, format!("cannot open {path}"));
            }
            (String::new(), true)
        }
        "a" => (String::new(), true),
        _ => return vm.value_error(format!("invalid mode: '{mode}'")),
    };
    let newline = crate::textio::newline_arg(vm, a, binary)?;
    let content = if !binary && newline.is_none() {
        crate::file::universal_newlines(content)
    } else {
        content
    };
    let f = crate::file::FileObj {
        path,
        mode,
        content,
        pos: 0,
        closed: false,
        writable,
        binary,
        newline,
    };
    val(Value::Obj(vm.heap.alloc(Object::File(Box::new(f)))))
}

pub fn build_class(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.type_error("__build_class__ is not supported")
}

pub fn import(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    crate::import::natives::dunder_import(vm, a, ret)
}

// ----- itertools -----

pub fn it_count(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let start = a
        .pos
        .first()
        .copied()
        .or_else(|| kw(vm, a, "start"))
        .unwrap_or(Value::Int(0));
    let step = pos_or_kw(vm, a, 1, "step").unwrap_or(Value::Int(1));
    let (cur, step) = (incref(vm, start), incref(vm, step));
    val(new_iter(vm, IterObj::Count { cur, step }))
}

pub fn it_cycle(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "cycle", 1, 1)?;
    let inner = vm.get_iter_sync(a.pos[0])?;
    val(new_iter(
        vm,
        IterObj::Cycle {
            inner,
            saved: Vec::new(),
            idx: 0,
            exhausted: false,
        },
    ))
}

pub fn it_repeat(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "repeat", 1, 2)?;
    let times = pos_or_kw(vm, a, 1, "times");
    let remaining = match times {
        Some(t) => Some(to_i64(vm, t, "repeat")?.max(0)),
        None => None,
    };
    let value = incref(vm, a.pos[0]);
    val(new_iter(vm, IterObj::Repeat { value, remaining }))
}

pub fn it_islice(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "islice", 2, 4)?;
    let get = |vm: &mut Vm, v: Option<Value>| -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(x) => match vm.int_ref(x) {
                Some(IntRef::Small(i)) if i >= 0 => Ok(Some(i)),
                _ => vm.value_error(
                    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                ),
            },
        }
    };
    let (start, stop, step) = if a.pos.len() == 2 {
        let stop = match a.pos[1] {
            Value::None => None,
            x => match vm.int_ref(x) {
                Some(IntRef::Small(i)) if i >= 0 => Some(i),
                _ => return vm.value_error(
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                ),
            },
        };
        (0, stop, 1)
    } else {
        let s = get(vm, Some(a.pos[1]))?.unwrap_or(0);
        let e = get(vm, Some(a.pos[2]))?;
        let st = match a.pos.get(3) {
            None | Some(Value::None) => 1,
            Some(x) => match vm.int_ref(*x) {
                Some(IntRef::Small(i)) if i > 0 => i,
                _ => {
                    return vm.value_error("Step for islice() must be a positive integer or None.")
                }
            },
        };
        (s, e, st)
    };
    let inner = vm.get_iter_sync(a.pos[0])?;
    val(new_iter(
        vm,
        IterObj::Islice {
            inner,
            next: start,
            stop,
            step,
            pos: 0,
        },
    ))
}

pub fn it_chain(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    for v in a.pos {
        vm.heap.incref(*v);
    }
    let t = vm.tuple(a.pos.to_vec());
    let sources = vm.get_iter(t, RetMode::Push)?.expect("tuple iterator");
    val(new_iter(
        vm,
        IterObj::Chain {
            sources,
            current: Value::Undef,
        },
    ))
}

pub fn it_chain_from_iterable(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "from_iterable", 1, 1)?;
    let sources = vm.get_iter_sync(a.pos[0])?;
    val(new_iter(
        vm,
        IterObj::Chain {
            sources,
            current: Value::Undef,
        },
    ))
}

pub fn it_takewhile(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "takewhile", 2, 2)?;
    let inner = vm.get_iter_sync(a.pos[1])?;
    let pred = incref(vm, a.pos[0]);
    val(new_iter(
        vm,
        IterObj::TakeWhile {
            pred,
            inner,
            pending: Value::None,
            done: false,
        },
    ))
}

pub fn it_dropwhile(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "dropwhile", 2, 2)?;
    let inner = vm.get_iter_sync(a.pos[1])?;
    let pred = incref(vm, a.pos[0]);
    val(new_iter(
        vm,
        IterObj::DropWhile {
            pred,
            inner,
            pending: Value::None,
            dropping: true,
        },
    ))
}

pub fn it_accumulate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "accumulate", 1, 2)?;
    let func = pos_or_kw(vm, a, 1, "func").unwrap_or(Value::None);
    let initial = kw(vm, a, "initial");
    let mut inner = vm.get_iter_sync(a.pos[0])?;
    if let Some(init) = initial.filter(|v| *v != Value::None) {
        // Prepend the initial value with a chain.
        vm.heap.incref(init);
        let one = vm.tuple(vec![init]);
        let src = vm.tuple(vec![one, inner]);
        let sources = vm.get_iter(src, RetMode::Push)?.expect("iter");
        inner = new_iter(
            vm,
            IterObj::Chain {
                sources,
                current: Value::Undef,
            },
        );
    }
    let func = incref(vm, func);
    val(new_iter(
        vm,
        IterObj::Accumulate {
            inner,
            func,
            total: Value::None,
            started: false,
            pending: Value::None,
        },
    ))
}

fn pools(vm: &mut Vm, vals: &[Value]) -> PyResult<Vec<Vec<Value>>> {
    let mut out = Vec::new();
    for v in vals {
        out.push(vm.collect_sync(*v)?);
    }
    Ok(out)
}

pub fn it_product(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let repeat = match kw(vm, a, "repeat") {
        Some(r) => to_i64(vm, r, "product")?.max(0) as usize,
        None => 1,
    };
    let base = pools(vm, a.pos)?;
    let mut all = Vec::new();
    for _ in 0..repeat {
        for p in &base {
            for v in p {
                vm.heap.incref(*v);
            }
            all.push(p.clone());
        }
    }
    for p in base {
        vm.heap.decref_all(p);
    }
    let r = all.len();
    val(new_iter(
        vm,
        IterObj::Combinatoric {
            pools: all,
            indices: Vec::new(),
            cycles: Vec::new(),
            r,
            kind: CombKind::Product,
            first: true,
            done: false,
        },
    ))
}

fn comb(vm: &mut Vm, a: &Args<'_>, kind: CombKind, name: &str) -> PyResult<Ret> {
    nargs(vm, a, name, 1, 2)?;
    let pool = vm.collect_sync(a.pos[0])?;
    let r = match pos_or_kw(vm, a, 1, "r") {
        Some(Value::None) | None if kind == CombKind::Permutations => pool.len(),
        Some(v) => {
            let r = to_i64(vm, v, name)?;
            if r < 0 {
                vm.heap.decref_all(pool);
                return vm.value_error("r must be non-negative");
            }
            r as usize
        }
        None => {
            vm.heap.decref_all(pool);
            return vm.type_error(format!("{name}() missing required argument 'r' (pos 2)"));
        }
    };
    val(new_iter(
        vm,
        IterObj::Combinatoric {
            pools: vec![pool],
            indices: Vec::new(),
            cycles: Vec::new(),
            r,
            kind,
            first: true,
            done: false,
        },
    ))
}

pub fn it_permutations(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    comb(vm, a, CombKind::Permutations, "permutations")
}
pub fn it_combinations(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    comb(vm, a, CombKind::Combinations, "combinations")
}
pub fn it_combinations_wr(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    comb(
        vm,
        a,
        CombKind::CombinationsWithReplacement,
        "combinations_with_replacement",
    )
}

pub fn it_zip_longest(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let fill = incref(vm, kw(vm, a, "fillvalue").unwrap_or(Value::None));
    let inners = iters_of(vm, a.pos)?.into_iter().map(Some).collect();
    val(new_iter(
        vm,
        IterObj::ZipLongest {
            inners,
            acc: Vec::new(),
            fill,
        },
    ))
}

/// A native no longer installed anywhere, kept so the indices after it stay
/// those recorded worlds use; a restored world that still holds one gets an
/// error when it calls it.
pub fn retired(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.type_error("this built-in function was replaced; re-record the program")
}

pub fn it_starmap(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "starmap", 2, 2)?;
    let inner = vm.get_iter_sync(a.pos[1])?;
    let func = incref(vm, a.pos[0]);
    val(new_iter(vm, IterObj::StarMap { func, inner }))
}

pub fn ft_reduce(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "reduce", 2, 3)?;
    let func = incref(vm, a.pos[0]);
    let (acc, has_acc) = match a.pos.get(2) {
        Some(v) => (incref(vm, *v), true),
        None => (Value::None, false),
    };
    consume(vm, a.pos[1], NativeKind::Reduce { func, acc, has_acc }, ret)
}

// ----- math -----

fn f1(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<f64> {
    nargs(vm, a, name, 1, 1)?;
    match vm.num_f64(a.pos[0]) {
        Some(f) => Ok(f),
        None => {
            let tn = vm.type_name(a.pos[0]);
            vm.type_error(format!("must be real number, not {tn}"))
        }
    }
}

fn fres(vm: &mut Vm, r: f64, x: f64) -> PyResult<Ret> {
    if r.is_nan() && !x.is_nan() {
        return vm.value_error("math domain error");
    }
    if r.is_infinite() && x.is_finite() {
        return vm.err(ExcType::OverflowError, "math range error");
    }
    val(Value::Float(r))
}

macro_rules! math1 {
    ($($name:ident => $f:expr),* $(,)?) => {
        $(pub fn $name(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
            let x = f1(vm, a, stringify!($name))?;
            let f: fn(f64) -> f64 = $f;
            fres(vm, f(x), x)
        })*
    };
}

math1! {
    math_exp => f64::exp, math_sin => f64::sin, math_cos => f64::cos, math_tan => f64::tan,
    math_atan => f64::atan, math_asin => f64::asin, math_acos => f64::acos, math_fabs => f64::abs,
    math_degrees => f64::to_degrees, math_radians => f64::to_radians,
}

pub fn math_sqrt(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "sqrt")?;
    if x < 0.0 {
        return vm.value_error("math domain error");
    }
    val(Value::Float(x.sqrt()))
}

pub fn math_log(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "log", 1, 2)?;
    let x = match vm.int_ref(a.pos[0]) {
        Some(IntRef::Big(b)) => {
            let bits = b.bits();
            let shifted: f64 = (b >> (bits.saturating_sub(60) as usize))
                .to_f64()
                .unwrap_or(0.0);
            shifted.ln() + (bits.saturating_sub(60)) as f64 * std::f64::consts::LN_2
        }
        _ => {
            let Some(x) = vm.num_f64(a.pos[0]) else {
                return vm.type_error("must be real number");
            };
            if x <= 0.0 {
                return vm.value_error("math domain error");
            }
            x.ln()
        }
    };
    match a.pos.get(1) {
        Some(b) => {
            let b = vm.num_f64(*b).unwrap_or(f64::NAN);
            if b <= 0.0 || b == 1.0 {
                return vm.value_error("math domain error");
            }
            val(Value::Float(x / b.ln()))
        }
        None => val(Value::Float(x)),
    }
}

pub fn math_log2(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "log2")?;
    if x <= 0.0 {
        return vm.value_error("math domain error");
    }
    val(Value::Float(x.log2()))
}

pub fn math_log10(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "log10")?;
    if x <= 0.0 {
        return vm.value_error("math domain error");
    }
    val(Value::Float(x.log10()))
}

fn to_int_float(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<Ret> {
    if let Some(i) = vm.int_ref(v) {
        let b = i.to_big();
        return val(vm.int_from_big(b));
    }
    let Some(x) = vm.num_f64(v) else {
        let tn = vm.type_name(v);
        return vm.type_error(format!("must be real number, not {tn}"));
    };
    if x.is_nan() {
        return vm.value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return vm.err(
            ExcType::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    let b: BigInt = num_traits::FromPrimitive::from_f64(f(x)).unwrap_or_default();
    val(vm.int_from_big(b))
}

pub fn math_floor(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "floor", 1, 1)?;
    to_int_float(vm, a.pos[0], f64::floor)
}
pub fn math_ceil(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "ceil", 1, 1)?;
    to_int_float(vm, a.pos[0], f64::ceil)
}
pub fn math_trunc(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "trunc", 1, 1)?;
    to_int_float(vm, a.pos[0], f64::trunc)
}

fn f2(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    nargs(vm, a, name, 2, 2)?;
    match (vm.num_f64(a.pos[0]), vm.num_f64(a.pos[1])) {
        (Some(x), Some(y)) => Ok((x, y)),
        _ => vm.type_error("must be real number"),
    }
}

pub fn math_atan2(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (y, x) = f2(vm, a, "atan2")?;
    val(Value::Float(y.atan2(x)))
}
pub fn math_copysign(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (x, y) = f2(vm, a, "copysign")?;
    val(Value::Float(x.copysign(y)))
}
pub fn math_fmod(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (x, y) = f2(vm, a, "fmod")?;
    if y == 0.0 {
        return vm.value_error("math domain error");
    }
    val(Value::Float(x % y))
}
pub fn math_pow(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (x, y) = f2(vm, a, "pow")?;
    let r = x.powf(y);
    fres(vm, r, x + y)
}
pub fn math_hypot(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let mut acc = 0.0f64;
    for v in a.pos {
        let x = vm.num_f64(*v).unwrap_or(0.0);
        acc = acc.hypot(x);
    }
    val(Value::Float(acc))
}
pub fn math_dist(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "dist", 2, 2)?;
    let p = vm.collect_sync(a.pos[0])?;
    let q = vm.collect_sync(a.pos[1])?;
    let mut acc = 0.0f64;
    for (x, y) in p.iter().zip(&q) {
        acc = acc.hypot(vm.num_f64(*x).unwrap_or(0.0) - vm.num_f64(*y).unwrap_or(0.0));
    }
    vm.heap.decref_all(p);
    vm.heap.decref_all(q);
    val(Value::Float(acc))
}
pub fn math_isinf(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "isinf")?;
    val(Value::Bool(x.is_infinite()))
}
pub fn math_isnan(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "isnan")?;
    val(Value::Bool(x.is_nan()))
}
pub fn math_modf(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "modf")?;
    val(vm.tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
}
pub fn math_isclose(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (x, y) = f2(vm, a, "isclose")?;
    let rel = kw(vm, a, "rel_tol")
        .and_then(|v| vm.num_f64(v))
        .unwrap_or(1e-9);
    let abs_t = kw(vm, a, "abs_tol")
        .and_then(|v| vm.num_f64(v))
        .unwrap_or(0.0);
    if x == y {
        return val(Value::Bool(true));
    }
    let d = (x - y).abs();
    val(Value::Bool(
        d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs_t,
    ))
}

fn ints(vm: &mut Vm, a: &Args<'_>) -> PyResult<Vec<BigInt>> {
    let mut out = Vec::new();
    for v in a.pos {
        match vm.int_ref(*v) {
            Some(i) => out.push(i.to_big()),
            None => {
                let tn = vm.type_name(*v);
                return vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"));
            }
        }
    }
    Ok(out)
}

pub fn math_gcd(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let xs = ints(vm, a)?;
    let g = xs
        .iter()
        .fold(BigInt::zero(), |acc, x| num_integer::Integer::gcd(&acc, x));
    val(vm.int_from_big(g))
}
pub fn math_lcm(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let xs = ints(vm, a)?;
    let l = xs
        .iter()
        .fold(BigInt::from(1), |acc, x| num_integer::Integer::lcm(&acc, x));
    val(vm.int_from_big(l))
}
pub fn math_factorial(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "factorial", 1, 1)?;
    let n = to_i64(vm, a.pos[0], "factorial")?;
    if n < 0 {
        return vm.value_error("factorial() not defined for negative values");
    }
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    val(vm.int_from_big(acc))
}
pub fn math_isqrt(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "isqrt", 1, 1)?;
    let xs = ints(vm, a)?;
    if xs[0].is_negative() {
        return vm.value_error("isqrt() argument must be nonnegative");
    }
    val(vm.int_from_big(xs[0].sqrt()))
}
pub fn math_comb(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "comb", 2, 2)?;
    let xs = ints(vm, a)?;
    let (n, k) = (xs[0].clone(), xs[1].clone());
    if n.is_negative() || k.is_negative() {
        return vm.value_error("n must be a non-negative integer");
    }
    if k > n {
        return val(Value::Int(0));
    }
    let k = k.to_u64().unwrap_or(0).min((&n - &k).to_u64().unwrap_or(0));
    let mut acc = BigInt::from(1);
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    val(vm.int_from_big(acc))
}
pub fn math_perm(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "perm", 1, 2)?;
    let xs = ints(vm, a)?;
    let n = xs[0].clone();
    let k = xs.get(1).cloned().unwrap_or_else(|| n.clone());
    if k > n {
        return val(Value::Int(0));
    }
    let mut acc = BigInt::from(1);
    let mut i = BigInt::zero();
    while i < k {
        acc *= &n - &i;
        i += 1;
    }
    val(vm.int_from_big(acc))
}
pub fn math_prod(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "prod", 1, 1)?;
    let items = vm.collect_sync(a.pos[0])?;
    let mut acc = kw(vm, a, "start").unwrap_or(Value::Int(1));
    vm.heap.incref(acc);
    for it in &items {
        let r = vm.binary_op(BinOp::Mul, acc, *it, false);
        vm.heap.decref(acc);
        acc = r?;
    }
    vm.heap.decref_all(items);
    val(acc)
}
pub fn math_fsum(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "fsum", 1, 1)?;
    let items = vm.collect_sync(a.pos[0])?;
    // Shewchuk's exact summation, as CPython's fsum.
    let mut partials: Vec<f64> = Vec::new();
    for it in &items {
        let mut x = vm.num_f64(*it).unwrap_or(0.0);
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    vm.heap.decref_all(items);
    val(Value::Float(partials.iter().sum()))
}

// ----- gc, sys -----

pub fn gc_collect(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let n = vm.gc_collect_full();
    val(Value::Int(n as i64))
}
pub fn gc_enable(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.gc_enabled = true;
    val(Value::None)
}
pub fn gc_disable(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.gc_enabled = false;
    val(Value::None)
}
pub fn gc_isenabled(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    val(Value::Bool(vm.gc_enabled))
}

pub fn sys_exit(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let code = a.pos.first().copied().unwrap_or(Value::None);
    vm.heap.incref(code);
    let args = vm.tuple(if code == Value::None {
        vec![]
    } else {
        vec![code]
    });
    let e = vm.make_exception(vm.b.exc(ExcType::SystemExit), args);
    Err(e)
}
pub fn sys_getrecursionlimit(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    val(Value::Int(vm.recursion_limit as i64))
}
pub fn sys_setrecursionlimit(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "setrecursionlimit", 1, 1)?;
    let n = to_i64(vm, a.pos[0], "setrecursionlimit")?;
    if n < 1 {
        return vm.value_error("recursion limit must be greater or equal than 1");
    }
    vm.recursion_limit = (n as usize).min(100_000);
    val(Value::None)
}
pub fn sys_exc_info(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match vm.current_handled() {
        Some(e) => {
            let t = vm.type_of(e);
            let tb_name = vm.sym("__traceback__");
            let tb = vm.get_attr(e, tb_name)?;
            vm.heap.incref(e);
            val(vm.tuple(vec![t, e, tb]))
        }
        None => val(vm.tuple(vec![Value::None, Value::None, Value::None])),
    }
}
pub fn sys_exception(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let e = vm.current_handled().unwrap_or(Value::None);
    vm.heap.incref(e);
    val(e)
}

// ----- copy -----

pub fn copy_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "copy", 1, 1)?;
    val(vm.shallow_copy(a.pos[0])?)
}
/// `g.copy()`: the same as `copy.deepcopy(g)`.
pub fn gen_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "copy", 1, 1)?;
    val(vm.deep_copy(a.pos[0])?)
}

/// `copy.deepcopy(x, memo=None)`: `memo` is a dict keyed by `id`, used and
/// filled as CPython's.
pub fn copy_deepcopy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "deepcopy", 1, 2)?;
    match pos_or_kw(vm, a, 1, "memo") {
        None | Some(Value::None) => val(vm.deep_copy(a.pos[0])?),
        Some(m)
            if m.as_ref()
                .is_some_and(|r| matches!(vm.heap.get(r), Object::Dict(_))) =>
        {
            val(vm.deep_copy_with_memo(a.pos[0], m)?)
        }
        Some(m) => {
            // CPython starts with `memo.get(id(x), _nil)`.
            let get = vm.sym("get");
            let f = vm.get_attr(m, get)?;
            vm.heap.decref(f);
            vm.type_error("deepcopy() memo must be a dict")
        }
    }
}

// ----- heapq / bisect -----

fn list_items(vm: &mut Vm, l: Value, fname: &str) -> PyResult<crate::value::Ref> {
    match l
        .as_ref()
        .filter(|r| matches!(vm.heap.get(*r), Object::List(_)))
    {
        Some(r) => Ok(r),
        None => vm.type_error(format!("{fname}() argument 1 must be list")),
    }
}

fn lget(vm: &Vm, r: crate::value::Ref, i: usize) -> Value {
    match vm.heap.get(r) {
        Object::List(l) => l[i],
        _ => Value::None,
    }
}

fn lswap(vm: &mut Vm, r: crate::value::Ref, i: usize, j: usize) {
    if let Object::List(l) = vm.heap.get_mut(r) {
        l.swap(i, j);
    }
}

fn llen(vm: &Vm, r: crate::value::Ref) -> usize {
    match vm.heap.get(r) {
        Object::List(l) => l.len(),
        _ => 0,
    }
}

fn sift_down(vm: &mut Vm, r: crate::value::Ref, start: usize, mut pos: usize) -> PyResult<()> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if vm.compare_bool(CmpOp::Lt, lget(vm, r, pos), lget(vm, r, parent))? {
            lswap(vm, r, pos, parent);
            pos = parent;
        } else {
            break;
        }
    }
    Ok(())
}

fn sift_up(vm: &mut Vm, r: crate::value::Ref, mut pos: usize) -> PyResult<()> {
    let end = llen(vm, r);
    let start = pos;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !vm.compare_bool(CmpOp::Lt, lget(vm, r, child), lget(vm, r, right))? {
            child = right;
        }
        lswap(vm, r, pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(vm, r, start, pos)
}

pub fn heappush(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "heappush", 2, 2)?;
    let r = list_items(vm, a.pos[0], "heappush")?;
    vm.heap.incref(a.pos[1]);
    if let Object::List(l) = vm.heap.get_mut(r) {
        l.push(a.pos[1]);
    }
    let n = llen(vm, r);
    sift_down(vm, r, 0, n - 1)?;
    val(Value::None)
}

pub fn heappop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "heappop", 1, 1)?;
    let r = list_items(vm, a.pos[0], "heappop")?;
    let last = match vm.heap.get_mut(r) {
        Object::List(l) => l.pop(),
        _ => None,
    };
    let Some(last) = last else {
        return vm.err(ExcType::IndexError, "index out of range");
    };
    if llen(vm, r) == 0 {
        return val(last);
    }
    let first = match vm.heap.get_mut(r) {
        Object::List(l) => std::mem::replace(&mut l[0], last),
        _ => last,
    };
    sift_up(vm, r, 0)?;
    val(first)
}

pub fn heapify(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "heapify", 1, 1)?;
    let r = list_items(vm, a.pos[0], "heapify")?;
    let n = llen(vm, r);
    for i in (0..n / 2).rev() {
        sift_up(vm, r, i)?;
    }
    val(Value::None)
}

pub fn heappushpop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "heappushpop", 2, 2)?;
    let r = list_items(vm, a.pos[0], "heappushpop")?;
    let item = a.pos[1];
    if llen(vm, r) > 0 && vm.compare_bool(CmpOp::Lt, lget(vm, r, 0), item)? {
        vm.heap.incref(item);
        let first = match vm.heap.get_mut(r) {
            Object::List(l) => std::mem::replace(&mut l[0], item),
            _ => item,
        };
        sift_up(vm, r, 0)?;
        return val(first);
    }
    vm.heap.incref(item);
    val(item)
}

pub fn heapreplace(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "heapreplace", 2, 2)?;
    let r = list_items(vm, a.pos[0], "heapreplace")?;
    if llen(vm, r) == 0 {
        return vm.err(ExcType::IndexError, "index out of range");
    }
    vm.heap.incref(a.pos[1]);
    let first = match vm.heap.get_mut(r) {
        Object::List(l) => std::mem::replace(&mut l[0], a.pos[1]),
        _ => Value::None,
    };
    sift_up(vm, r, 0)?;
    val(first)
}

/// Where `x` goes in the sorted list `a.pos[0]` (CPython's `bisect`
/// arguments: `lo`, `hi` by position or keyword, `key` applied to the items;
/// `x` is compared as given, so `insort` passes `key(x)`).
fn bisect_impl(vm: &mut Vm, a: &Args<'_>, x: Value, right: bool) -> PyResult<usize> {
    nargs(vm, a, "bisect", 2, 4)?;
    let r = list_items(vm, a.pos[0], "bisect")?;
    let lo_arg = a.pos.get(2).copied().or_else(|| kw(vm, a, "lo"));
    let mut lo = match lo_arg {
        Some(v) => {
            let n = to_i64(vm, v, "bisect")?;
            if n < 0 {
                return vm.err(ExcType::ValueError, "lo must be non-negative");
            }
            n as usize
        }
        None => 0,
    };
    let hi_arg = a.pos.get(3).copied().or_else(|| kw(vm, a, "hi"));
    let mut hi = match hi_arg.filter(|v| *v != Value::None) {
        Some(v) => to_i64(vm, v, "bisect")?.max(0) as usize,
        None => llen(vm, r),
    };
    let key = kw(vm, a, "key").filter(|k| *k != Value::None);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let mut item = lget(vm, r, mid);
        let mut owned = false;
        if let Some(k) = key {
            vm.heap.incref(item);
            item = vm.call_sync(k, vec![item], Vec::new())?;
            owned = true;
        }
        let go_right = if right {
            vm.compare_bool(CmpOp::Lt, x, item).map(|b| !b)
        } else {
            vm.compare_bool(CmpOp::Lt, item, x)
        };
        if owned {
            vm.heap.decref(item);
        }
        if go_right? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

pub fn bisect_left(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "bisect_left", 2, 4)?;
    val(Value::Int(bisect_impl(vm, a, a.pos[1], false)? as i64))
}
pub fn bisect_right(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "bisect_right", 2, 4)?;
    val(Value::Int(bisect_impl(vm, a, a.pos[1], true)? as i64))
}
fn insort(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Ret> {
    nargs(vm, a, "insort", 2, 4)?;
    let i = match kw(vm, a, "key").filter(|k| *k != Value::None) {
        Some(k) => {
            vm.heap.incref(a.pos[1]);
            let kx = vm.call_sync(k, vec![a.pos[1]], Vec::new())?;
            let found = bisect_impl(vm, a, kx, right);
            vm.heap.decref(kx);
            found?
        }
        None => bisect_impl(vm, a, a.pos[1], right)?,
    };
    let r = list_items(vm, a.pos[0], "insort")?;
    vm.heap.incref(a.pos[1]);
    if let Object::List(l) = vm.heap.get_mut(r) {
        l.insert(i, a.pos[1]);
    }
    val(Value::None)
}
pub fn insort_left(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    insort(vm, a, false)
}
pub fn insort_right(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    insort(vm, a, true)
}

pub fn op_itemgetter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    // Returns a partial of the getitem helper.
    nargs(vm, a, "itemgetter", 1, 1)?;
    let f = super::func_ref(vm, super::Owner::Module("operator"), "getitem").expect("getitem");
    vm.heap.incref(a.pos[0]);
    let p = crate::object::Partial {
        func: Value::Obj(f),
        args: vec![],
        kwargs: vec![],
    };
    let _ = p;
    let key = a.pos[0];
    let swapped =
        super::func_ref(vm, super::Owner::Module("operator"), "_getitem_rev").expect("rev");
    val(Value::Obj(vm.heap.alloc(Object::Partial(Box::new(
        crate::object::Partial {
            func: Value::Obj(swapped),
            args: vec![key],
            kwargs: vec![],
        },
    )))))
}
pub fn op_getitem(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "getitem", 2, 2)?;
    val(vm.get_item_sync(a.pos[0], a.pos[1])?)
}
pub fn op_getitem_rev(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "itemgetter", 2, 2)?;
    val(vm.get_item_sync(a.pos[1], a.pos[0])?)
}
pub fn op_add(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "add", 2, 2)?;
    val(vm.binary_op(BinOp::Add, a.pos[0], a.pos[1], false)?)
}
pub fn op_mul(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "mul", 2, 2)?;
    val(vm.binary_op(BinOp::Mul, a.pos[0], a.pos[1], false)?)
}

pub fn math_isfinite(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "isfinite")?;
    val(Value::Bool(x.is_finite()))
}

/// `functools.wraps(wrapped)`: a decorator copying `__name__`, `__qualname__`, `__doc__`.
pub fn ft_wraps(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "wraps", 1, 1)?;
    let f = super::func_ref(vm, super::Owner::Module("functools"), "_wrap_apply").expect("wrap");
    vm.heap.incref(a.pos[0]);
    let p = crate::object::Partial {
        func: Value::Obj(f),
        args: vec![a.pos[0]],
        kwargs: vec![],
    };
    val(Value::Obj(vm.heap.alloc(Object::Partial(Box::new(p)))))
}

pub fn ft_wrap_apply(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "wraps", 2, 2)?;
    let (wrapped, wrapper) = (a.pos[0], a.pos[1]);
    for name in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        let s = vm.sym(name);
        match vm.get_attr(wrapped, s) {
            Ok(v) => {
                if let Err(e) = vm.set_attr(wrapper, s, v) {
                    vm.heap.decref(e);
                }
            }
            Err(e) => vm.heap.decref(e),
        }
    }
    // `wrapper.__dict__.update(wrapped.__dict__)`.
    let own: Vec<(crate::intern::Sym, Value)> = match wrapped.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Function(f)) => f
            .attrs
            .iter()
            .filter(|(k, _)| !matches!(vm.names.name(**k), "__module__" | "__annotations__"))
            .map(|(k, v)| (*k, *v))
            .collect(),
        _ => Vec::new(),
    };
    for (k, v) in own {
        vm.heap.incref(v);
        if let Err(e) = vm.set_attr(wrapper, k, v) {
            vm.heap.decref(e);
        }
    }
    let w = vm.sym("__wrapped__");
    vm.heap.incref(wrapped);
    let _ = vm.set_attr(wrapper, w, wrapped);
    val(incref(vm, wrapper))
}

pub fn math_frexp(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = f1(vm, a, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return val(vm.tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let (m, e) = if exp == 0 {
        // Subnormal: scale up first.
        let y = x * 2f64.powi(64);
        let b = y.to_bits();
        let ex = ((b >> 52) & 0x7ff) as i64;
        (
            f64::from_bits((b & !(0x7ff << 52)) | (1022 << 52)),
            ex - 1022 - 64,
        )
    } else {
        (
            f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52)),
            exp - 1022,
        )
    };
    val(vm.tuple(vec![Value::Float(m), Value::Int(e)]))
}

pub fn math_ldexp(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "ldexp", 2, 2)?;
    let x = vm.num_f64(a.pos[0]).unwrap_or(0.0);
    let e = to_i64(vm, a.pos[1], "ldexp")?;
    let r = x * 2f64.powi(e.clamp(-2000, 2000) as i32);
    if r.is_infinite() && x.is_finite() {
        return vm.err(ExcType::OverflowError, "math range error");
    }
    val(Value::Float(r))
}
