//! `str.translate`, `str.maketrans` (its three forms), `str.format_map`,
//! `str.isascii`, `str.isprintable`, `bytes.istitle`: the `str`/`bytes`
//! methods CPython's `textwrap`, `string` and `argparse` use.

use super::funcs::nargs;
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn recv(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<String> {
    match a.pos.first().and_then(|v| vm.as_str(*v)) {
        Some(s) => Ok(s.to_string()),
        None => vm.type_error(format!("descriptor '{name}' requires a 'str' object")),
    }
}

fn is_dict(vm: &Vm, v: Value) -> bool {
    matches!(v.as_ref().map(|r| vm.heap.get(r)), Some(Object::Dict(_)))
}

/// `str.maketrans(x[, y[, z]])`, a static method: looked up on an instance,
/// the receiver comes first and is dropped.
pub fn maketrans(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let p = a.pos;
    let is_str = |vm: &Vm, v: Value| vm.as_str(v).is_some();
    let args: &[Value] = match p.len() {
        2 if is_str(vm, p[0]) && is_dict(vm, p[1]) => &p[1..],
        3 if is_str(vm, p[0]) && is_str(vm, p[1]) => {
            let l0 = vm.as_str(p[0]).map(|s| s.chars().count());
            let l1 = vm.as_str(p[1]).map(|s| s.chars().count());
            if l0 == l1 {
                p
            } else {
                &p[1..]
            }
        }
        4 => &p[1..],
        _ => p,
    };
    if args.is_empty() || args.len() > 3 {
        let n = args.len();
        let msg = if n == 0 {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {n}")
        };
        return vm.type_error(msg);
    }
    let d = vm.new_dict();
    if args.len() == 1 {
        let x = args[0];
        if !is_dict(vm, x) {
            vm.heap.decref(d);
            return vm.type_error("if you give only one argument to maketrans it must be a dict");
        }
        let items: Vec<(Value, Value)> = match x.as_ref().map(|r| vm.heap.get(r)) {
            Some(Object::Dict(dd)) => dd.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        for (k, v) in items {
            let key = if let Some(s) = vm.as_str(k) {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Value::Int(i64::from(u32::from(c))),
                    _ => {
                        vm.heap.decref(d);
                        return vm
                            .value_error("string keys in translate table must be of length 1");
                    }
                }
            } else if matches!(k, Value::Int(_) | Value::Bool(_)) {
                match k {
                    Value::Bool(b) => Value::Int(i64::from(b)),
                    other => other,
                }
            } else {
                vm.heap.decref(d);
                return vm.type_error("keys in translate table must be strings or integers");
            };
            vm.dict_set(d, key, v)?;
        }
        return Ok(Ret::Value(d));
    }
    let Some(x) = vm.as_str(args[0]).map(str::to_string) else {
        vm.heap.decref(d);
        return vm
            .type_error("first maketrans argument must be a string if there is a second argument");
    };
    let Some(y) = vm.as_str(args[1]).map(str::to_string) else {
        let tn = vm.type_name(args[1]);
        vm.heap.decref(d);
        return vm.type_error(format!("maketrans() argument 2 must be str, not {tn}"));
    };
    let z = match args.get(2) {
        None => None,
        Some(&v) => match vm.as_str(v) {
            Some(s) => Some(s.to_string()),
            None => {
                let tn = vm.type_name(v);
                vm.heap.decref(d);
                return vm.type_error(format!("maketrans() argument 3 must be str, not {tn}"));
            }
        },
    };
    if x.chars().count() != y.chars().count() {
        vm.heap.decref(d);
        return vm.value_error("the first two maketrans arguments must have equal length");
    }
    for (f, t) in x.chars().zip(y.chars()) {
        let k = Value::Int(i64::from(u32::from(f)));
        let v = Value::Int(i64::from(u32::from(t)));
        vm.dict_set(d, k, v)?;
    }
    for c in z.unwrap_or_default().chars() {
        vm.dict_set(d, Value::Int(i64::from(u32::from(c))), Value::None)?;
    }
    Ok(Ret::Value(d))
}

/// `str.translate(table)`: each character's code point is looked up in
/// `table` (`LookupError`: kept; `None`: deleted; an int or a str: put in).
pub fn translate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "translate")?;
    nargs(vm, a, "translate", 2, 2)?;
    let table = a.pos[1];
    let exact_dict = is_dict(vm, table) && vm.tag_of(table) == crate::types::TypeTag::Dict;
    let mut out = String::with_capacity(s.len());
    let mut cache: Vec<(char, Option<String>)> = Vec::new();
    for c in s.chars() {
        if let Some((_, r)) = cache.iter().find(|(k, _)| *k == c) {
            if let Some(r) = r {
                out.push_str(r);
            }
            continue;
        }
        let key = Value::Int(i64::from(u32::from(c)));
        let found = if exact_dict {
            vm.dict_get(table, key)?.inspect(|v| vm.heap.incref(*v))
        } else {
            match vm.get_item_sync(table, key) {
                Ok(v) => Some(v),
                Err(e) => {
                    if vm.is_instance_of_exc(e, ExcType::LookupError) {
                        vm.heap.decref(e);
                        None
                    } else {
                        return Err(e);
                    }
                }
            }
        };
        let mapped: Option<String> = match found {
            None => Some(c.to_string()),
            Some(Value::None) => None,
            Some(v) => {
                let r = match v {
                    Value::Int(n) => match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(ch) if n < 0x11_0000 => Ok(ch.to_string()),
                        _ => Err("character mapping must be in range(0x110000)"),
                    },
                    Value::Bool(b) => Ok(char::from(u8::from(b)).to_string()),
                    other => match vm.as_str(other) {
                        Some(t) => Ok(t.to_string()),
                        None => Err("character mapping must return integer, None or str"),
                    },
                };
                vm.heap.decref(v);
                match r {
                    Ok(t) => Some(t),
                    Err(m) => {
                        let ty = if m.contains("range") {
                            ExcType::ValueError
                        } else {
                            ExcType::TypeError
                        };
                        return vm.err(ty, m);
                    }
                }
            }
        };
        if let Some(r) = &mapped {
            out.push_str(r);
        }
        if cache.len() < 64 {
            cache.push((c, mapped));
        }
    }
    Ok(Ret::Value(vm.str_value(&out)))
}

/// The base names of the named replacement fields of a format string, in
/// order (nested fields in format specs included).
fn field_names(s: &str, out: &mut Vec<String>) {
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        match cs[i] {
            '{' if cs.get(i + 1) == Some(&'{') => i += 2,
            '{' => {
                let mut depth = 1;
                let mut j = i + 1;
                while j < cs.len() && depth > 0 {
                    match cs[j] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                let inner: String = cs[i + 1..j.saturating_sub(1).max(i + 1)].iter().collect();
                let head_end = inner.find([':', '!']).unwrap_or(inner.len());
                let head = &inner[..head_end];
                let base_end = head.find(['.', '[']).unwrap_or(head.len());
                let base = &head[..base_end];
                if !base.is_empty()
                    && base.parse::<usize>().is_err()
                    && !out.iter().any(|n| n == base)
                {
                    out.push(base.to_string());
                }
                field_names(&inner[head_end..], out);
                i = j;
            }
            _ => i += 1,
        }
    }
}

/// `str.format_map(mapping)`: `format` with the named fields looked up in
/// `mapping` (its `__getitem__`, so a dict subclass's `__missing__` runs).
pub fn format_map(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "format_map")?;
    nargs(vm, a, "format_map", 2, 2)?;
    let mapping = a.pos[1];
    let mut names = Vec::new();
    field_names(&s, &mut names);
    let mut kw = Vec::new();
    for n in names {
        let k = vm.str_value(&n);
        let r = vm.get_item_sync(mapping, k);
        vm.heap.decref(k);
        match r {
            Ok(v) => {
                let sym = vm.sym(&n);
                kw.push((sym, v));
            }
            Err(e) => {
                for (_, v) in kw {
                    vm.heap.decref(v);
                }
                return Err(e);
            }
        }
    }
    let recv_v = a.pos[0];
    let pos = [recv_v];
    let r = super::strmeth::format(vm, &Args { pos: &pos, kw: &kw }, ret);
    for (_, v) in kw {
        vm.heap.decref(v);
    }
    if let Err(e) = &r {
        // A positional field has no positional argument to take.
        if vm.is_instance_of_exc(*e, ExcType::IndexError) {
            let e = *e;
            vm.heap.decref(e);
            return vm.value_error("Format string contains positional fields");
        }
    }
    r
}

/// `str.isascii()`.
pub fn isascii(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "isascii")?;
    nargs(vm, a, "isascii", 1, 1)?;
    Ok(Ret::Value(Value::Bool(s.is_ascii())))
}

/// Whether CPython's `str.isprintable` holds for one character: not a
/// control, format, surrogate, private-use, unassigned or separator
/// character other than the ASCII space.
fn printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    let u = u32::from(c);
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    // Format characters (Cf) and separators (Zl, Zp, Zs) commonly met.
    let format = matches!(
        u,
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0xE0001
            | 0xE0020..=0xE007F
    );
    let private = matches!(u, 0xE000..=0xF8FF | 0xF_0000..=0xF_FFFD | 0x10_0000..=0x10_FFFD);
    let nonchar = (u & 0xFFFE) == 0xFFFE || (0xFDD0..=0xFDEF).contains(&u);
    !(format || private || nonchar)
}

/// `str.isprintable()`.
pub fn isprintable(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let s = recv(vm, a, "isprintable")?;
    nargs(vm, a, "isprintable", 1, 1)?;
    Ok(Ret::Value(Value::Bool(s.chars().all(printable))))
}

/// `bytes.istitle()` / `bytearray.istitle()`: ASCII letters only.
pub fn bytes_istitle(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "istitle", 1, 1)?;
    let data: Vec<u8> = match a.pos[0].as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Bytes(b)) => b.to_vec(),
        Some(Object::ByteArray(b)) => b.clone(),
        _ => return vm.type_error("descriptor 'istitle' requires a 'bytes' object"),
    };
    let mut prev_cased = false;
    let mut any = false;
    for c in data {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Ret::Value(Value::Bool(false)));
            }
            prev_cased = true;
            any = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Ret::Value(Value::Bool(false)));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Ret::Value(Value::Bool(any)))
}

/// `set.symmetric_difference_update(other)`.
pub fn set_symmetric_difference_update(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "symmetric_difference_update", 2, 2)?;
    super::methods::set_inplace_xor(vm, a, ret)
}

/// `frozenset.copy()`: an exact frozenset is its own copy.
pub fn frozenset_copy(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "copy", 1, 1)?;
    if vm.class_ref(a.pos[0]) == vm.b.ty(crate::types::TypeTag::FrozenSet) {
        vm.heap.incref(a.pos[0]);
        return Ok(Ret::Value(a.pos[0]));
    }
    super::methods::set_copy(vm, a, ret)
}
