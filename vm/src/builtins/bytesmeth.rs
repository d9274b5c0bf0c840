//! The methods `bytes` and `bytearray` share (and `str.encode`). Methods of
//! a `bytearray` that build a new sequence return a `bytearray`, as
//! CPython's do.

use super::funcs::{nargs, pos_or_kw, to_i64};
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::bytes as b;
use crate::frame::RetMode;
use crate::native::{NativeKind, Then};
use crate::object::Object;
use crate::ops::IntRef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::Sign;

pub(super) fn val(v: Value) -> PyResult<Ret> {
    Ok(Ret::Value(v))
}

/// The receiver's bytes and whether it is a `bytearray`.
fn recv(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<(Vec<u8>, bool)> {
    match a
        .pos
        .first()
        .map(|v| (v.as_ref().map(|r| vm.heap.get(r)), *v))
    {
        Some((Some(Object::Bytes(x)), _)) => {
            let x = x.to_vec();
            let kws = kw_names(vm, a);
            super::bytesarity::check(vm, "bytes", name, a.pos.len() - 1, &kws)?;
            Ok((x, false))
        }
        Some((Some(Object::ByteArray(x)), _)) => {
            let x = x.clone();
            let kws = kw_names(vm, a);
            super::bytesarity::check(vm, "bytearray", name, a.pos.len() - 1, &kws)?;
            Ok((x, true))
        }
        _ => vm.type_error(format!("descriptor '{name}' requires a 'bytes' object")),
    }
}

/// The names of the keyword arguments of a call.
pub(super) fn kw_names(vm: &Vm, a: &Args<'_>) -> Vec<String> {
    a.kw.iter()
        .map(|(k, _)| vm.names.name(*k).to_string())
        .collect()
}

/// A new `bytes` or `bytearray`.
pub(super) fn make(vm: &mut Vm, data: Vec<u8>, array: bool) -> Value {
    if array {
        vm.bytearray_value(data)
    } else {
        vm.bytes_value(&data)
    }
}

pub(super) fn out(vm: &mut Vm, data: Vec<u8>, array: bool) -> PyResult<Ret> {
    val(make(vm, data, array))
}

/// A bytes-like argument, or CPython's "a bytes-like object is required".
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.as_bytes_like(v) {
        Some(x) => Ok(x.to_vec()),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
        }
    }
}

/// The sub-sequence argument of `find`, `count`, `index`…: bytes or an int.
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(x) = vm.as_bytes_like(v) {
        return Ok(x.to_vec());
    }
    match vm.int_ref(v) {
        Some(IntRef::Small(i)) if (0..256).contains(&i) => Ok(vec![i as u8]),
        Some(_) => vm.value_error("byte must be in range(0, 256)"),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!(
                "argument should be integer or bytes-like object, not '{tn}'"
            ))
        }
    }
}

/// `MemoryError` for a result CPython could not allocate either.
pub(super) fn too_big(vm: &mut Vm, n: usize) -> PyResult<()> {
    if n > crate::ops::MAX_REPEAT {
        return Err(vm.new_exc_empty(ExcType::MemoryError));
    }
    Ok(())
}

/// One byte from an int value (item assignment, `append`, `in`).
pub(super) fn byte_of(vm: &mut Vm, v: Value) -> PyResult<u8> {
    match vm.int_ref(v) {
        Some(IntRef::Small(i)) if (0..256).contains(&i) => Ok(i as u8),
        Some(_) => vm.value_error("byte must be in range(0, 256)"),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
        }
    }
}

/// `start`/`end` arguments of the search methods as a range of `len`, or
/// `None` when the range is empty in CPython's sense (a start past the end,
/// or an end before the start: nothing is found there, not even `b''`).
fn span(vm: &mut Vm, a: &Args<'_>, first: usize, len: usize) -> PyResult<Option<(usize, usize)>> {
    let get = |vm: &mut Vm, i: usize| -> PyResult<Option<i64>> {
        match a.pos.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(slice_index(vm, *v)?)),
        }
    };
    let l = len as i64;
    let s = get(vm, first)?.map_or(0, |x| if x < 0 { (x + l).max(0) } else { x });
    let e = get(vm, first + 1)?.map_or(l, |x| if x < 0 { (x + l).max(0) } else { x.min(l) });
    if s > l || e < s {
        return Ok(None);
    }
    Ok(Some((s as usize, e as usize)))
}

/// A `start`/`end` argument (clamped as CPython clamps huge ones).
fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.int_ref(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(b)) => Ok(if b.sign() == Sign::Minus {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }),
        None => vm.type_error("slice indices must be integers or None or have an __index__ method"),
    }
}

// ----- methods -----

/// `str(b, encoding, errors)`.
pub(crate) fn str_from_bytes(vm: &mut Vm, a: &Args<'_>) -> PyResult<Ret> {
    let Some(src) = pos_or_kw(vm, a, 0, "object") else {
        return val(vm.str_value(""));
    };
    let Some(data) = vm.as_bytes_like(src).map(<[u8]>::to_vec) else {
        let tn = vm.type_name(src);
        if vm.as_str(src).is_some() {
            return vm.type_error("decoding str is not supported");
        }
        return vm.type_error(format!(
            "decoding to str: need a bytes-like object, {tn} found"
        ));
    };
    let (enc, errors) = vm.codec_args(a, 1, "str")?;
    match b::decode(&data, &enc, &errors) {
        Ok(s) => val(vm.str_value(&s)),
        Err(e) => vm.codec_error(e, src),
    }
}

pub fn decode(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, "decode")?;
    let (enc, errors) = vm.codec_args(a, 1, "decode")?;
    match b::decode(&data, &enc, &errors) {
        Ok(s) => val(vm.str_value(&s)),
        Err(e) => {
            let obj = vm.bytes_value(&data);
            let r = vm.codec_error(e, obj);
            vm.heap.decref(obj);
            r
        }
    }
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(s) = a
        .pos
        .first()
        .and_then(|v| vm.as_str(*v))
        .map(str::to_string)
    else {
        return vm.type_error("descriptor 'encode' requires a 'str' object");
    };
    let (enc, errors) = vm.codec_args(a, 1, "encode")?;
    match b::encode(&s, &enc, &errors) {
        Ok(data) => val(vm.bytes_value(&data)),
        Err(e) => vm.codec_error(e, a.pos[0]),
    }
}

pub fn hex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, "hex")?;
    let per = match pos_or_kw(vm, a, 2, "bytes_per_sep") {
        None => 1,
        Some(v) => to_i64(vm, v, "hex")?,
    };
    let sep = match pos_or_kw(vm, a, 1, "sep") {
        None => None,
        Some(v) => {
            let s: Vec<char> = match vm.as_str(v) {
                Some(s) => s.chars().collect(),
                None => match vm.as_bytes_like(v) {
                    Some(x) => x.iter().map(|c| char::from(*c)).collect(),
                    None => {
                        // CPython measures the separator before checking its type.
                        let len = match v.as_ref().map(|r| vm.heap.get(r)) {
                            Some(Object::List(x)) => Some(x.len()),
                            Some(Object::Tuple(x)) => Some(x.len()),
                            Some(Object::Dict(d) | Object::Set(d, _)) => Some(d.len()),
                            _ => None,
                        };
                        let tn = vm.type_name(v);
                        return match len {
                            Some(1) => vm.type_error("sep must be str or bytes."),
                            Some(_) => vm.value_error("sep must be length 1."),
                            None => vm.type_error(format!("object of type '{tn}' has no len()")),
                        };
                    }
                },
            };
            if s.len() != 1 {
                return vm.value_error("sep must be length 1.");
            }
            if !s[0].is_ascii() {
                return vm.value_error("sep must be ASCII.");
            }
            Some(s[0])
        }
    };
    let s = b::to_hex(&data, sep, per);
    val(vm.str_value(&s))
}

pub fn fromhex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    fromhex_impl(vm, a, false)
}
pub fn ba_fromhex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    fromhex_impl(vm, a, true)
}

fn fromhex_impl(vm: &mut Vm, a: &Args<'_>, array: bool) -> PyResult<Ret> {
    // `bytes.fromhex(s)` passes the string alone; `b.fromhex(s)` the receiver first.
    let arg = match a.pos {
        [s] | [_, s] => *s,
        _ => return vm.type_error("fromhex() takes exactly one argument"),
    };
    let Some(s) = vm.as_str(arg).map(str::to_string) else {
        let tn = vm.type_name(arg);
        return vm.type_error(format!("fromhex() argument must be str, not {tn}"));
    };
    match b::from_hex(&s) {
        Ok(data) => out(vm, data, array),
        Err(pos) => vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        )),
    }
}

pub fn join(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let (sep, array) = recv(vm, a, "join")?;
    nargs(vm, a, "join", 2, 2)?;
    if vm.not_iterable(a.pos[1]) {
        return vm.type_error("can only join an iterable");
    }
    super::funcs::consume(
        vm,
        a.pos[1],
        NativeKind::Collect {
            items: Vec::new(),
            then: Then::BytesJoin(sep, array),
        },
        ret,
    )
}

impl Vm {
    /// `Then::BytesJoin`: the collected parts joined by `sep`.
    pub(crate) fn bytes_join_items(
        &mut self,
        items: Vec<Value>,
        sep: &[u8],
        array: bool,
    ) -> PyResult<Value> {
        let seps = sep.len().saturating_mul(items.len().saturating_sub(1));
        if seps > crate::ops::MAX_REPEAT {
            self.heap.decref_all(items);
            return Err(self.new_exc_empty(ExcType::MemoryError));
        }
        let mut o = Vec::new();
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                o.extend_from_slice(sep);
            }
            if let Some(x) = self.as_bytes_like(*v) {
                o.extend_from_slice(x);
            } else {
                let tn = self.type_name(*v);
                self.heap.decref_all(items);
                return self.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {tn} found"
                ));
            }
        }
        self.heap.decref_all(items);
        Ok(make(self, o, array))
    }
}

fn maxsplit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Option<usize>> {
    match pos_or_kw(vm, a, 2, "maxsplit") {
        None => Ok(None),
        Some(v) => {
            let n = to_i64(vm, v, "maxsplit")?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn sep_arg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Option<Vec<u8>>> {
    match pos_or_kw(vm, a, 1, "sep") {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let s = bytes_arg(vm, v)?;
            if s.is_empty() {
                return vm.value_error("empty separator");
            }
            Ok(Some(s))
        }
    }
}

fn list_of(vm: &mut Vm, parts: Vec<Vec<u8>>, array: bool) -> PyResult<Ret> {
    let items: Vec<Value> = parts.into_iter().map(|p| make(vm, p, array)).collect();
    val(vm.list(items))
}

pub fn split(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "split")?;
    let max = maxsplit(vm, a)?;
    let sep = sep_arg(vm, a)?;
    let parts = match sep {
        None => b::split_ws(&data, max),
        Some(s) => b::split_sep(&data, &s, max),
    };
    list_of(vm, parts, array)
}

pub fn rsplit(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "rsplit")?;
    let max = maxsplit(vm, a)?;
    let sep = sep_arg(vm, a)?;
    let parts = match sep {
        None => b::rsplit_ws(&data, max),
        Some(s) => b::rsplit_sep(&data, &s, max),
    };
    list_of(vm, parts, array)
}

pub fn splitlines(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "splitlines")?;
    let keep = match pos_or_kw(vm, a, 1, "keepends") {
        Some(v) => match vm.int_ref(v) {
            Some(i) => !num_traits::Zero::is_zero(&i.to_big()),
            None => {
                let tn = vm.type_name(v);
                return vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"));
            }
        },
        None => false,
    };
    list_of(vm, b::splitlines(&data, keep), array)
}

fn strip_impl(vm: &mut Vm, a: &Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, name)?;
    let chars = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, *v)?),
    };
    let strip = |c: u8| match &chars {
        None => b::is_space(c),
        Some(cs) => cs.contains(&c),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && strip(data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(data[e - 1]) {
            e -= 1;
        }
    }
    out(vm, data[s..e].to_vec(), array)
}

pub fn strip(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    strip_impl(vm, a, "strip", true, true)
}
pub fn lstrip(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    strip_impl(vm, a, "lstrip", true, false)
}
pub fn rstrip(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    strip_impl(vm, a, "rstrip", false, true)
}

fn affix_impl(vm: &mut Vm, a: &Args<'_>, name: &str, end: bool) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, name)?;
    let Some(arg) = a.pos.get(1).copied() else {
        return vm.type_error(format!("{name}() takes at least 1 argument (0 given)"));
    };
    let range = span(vm, a, 2, data.len())?;
    let hay = range.map_or(&[][..], |(s, e)| &data[s..e]);
    let cands: Vec<Value> = match arg.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => vec![arg],
    };
    let single = cands.len() == 1 && cands[0] == arg;
    for c in cands {
        let Some(p) = vm.as_bytes_like(c).map(<[u8]>::to_vec) else {
            let tn = vm.type_name(c);
            return if single {
                vm.type_error(format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {tn}"
                ))
            } else {
                vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
            };
        };
        let hit = range.is_some()
            && if end {
                hay.ends_with(&p)
            } else {
                hay.starts_with(&p)
            };
        if hit {
            return val(Value::Bool(true));
        }
    }
    val(Value::Bool(false))
}

pub fn startswith(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    affix_impl(vm, a, "startswith", false)
}
pub fn endswith(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    affix_impl(vm, a, "endswith", true)
}

/// `find`, `rfind`, `index`, `rindex`: the position, or -1.
fn search(vm: &mut Vm, a: &Args<'_>, name: &str, rev: bool) -> PyResult<i64> {
    let (data, _) = recv(vm, a, name)?;
    let Some(arg) = a.pos.get(1).copied() else {
        return vm.type_error(format!("{name}() takes at least 1 argument (0 given)"));
    };
    let range = span(vm, a, 2, data.len())?;
    let sub = sub_arg(vm, arg)?;
    let Some((s, e)) = range.filter(|(s, e)| sub.len() <= e - s) else {
        return Ok(-1);
    };
    let hay = &data[s..e];
    let pos = if rev {
        b::rfind(hay, &sub)
    } else {
        b::find(hay, &sub)
    };
    Ok(pos.map_or(-1, |p| (p + s) as i64))
}

pub fn find(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    val(Value::Int(search(vm, a, "find", false)?))
}
pub fn rfind(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    val(Value::Int(search(vm, a, "rfind", true)?))
}
pub fn index(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match search(vm, a, "index", false)? {
        -1 => vm.value_error("subsection not found"),
        p => val(Value::Int(p)),
    }
}
pub fn rindex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match search(vm, a, "rindex", true)? {
        -1 => vm.value_error("subsection not found"),
        p => val(Value::Int(p)),
    }
}

pub fn count(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, "count")?;
    let Some(arg) = a.pos.get(1).copied() else {
        return vm.type_error("count() takes at least 1 argument (0 given)");
    };
    let range = span(vm, a, 2, data.len())?;
    let sub = sub_arg(vm, arg)?;
    let Some((s, e)) = range else {
        return val(Value::Int(0));
    };
    val(Value::Int(b::count(&data[s..e], &sub) as i64))
}

pub fn replace(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "replace")?;
    nargs(vm, a, "replace", 3, 4)?;
    let old = bytes_arg(vm, a.pos[1])?;
    let new = bytes_arg(vm, a.pos[2])?;
    let max = match a.pos.get(3) {
        Some(v) => usize::try_from(to_i64(vm, *v, "replace")?).ok(),
        None => None,
    };
    // An upper bound of the result, checked before building it.
    let hits = b::count(&data, &old).min(max.unwrap_or(usize::MAX));
    too_big(
        vm,
        data.len().saturating_add(hits.saturating_mul(new.len())),
    )?;
    out(vm, b::replace(&data, &old, &new, max), array)
}

pub fn upper(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "upper")?;
    out(vm, data.to_ascii_uppercase(), array)
}
pub fn lower(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "lower")?;
    out(vm, data.to_ascii_lowercase(), array)
}

fn test_all(vm: &mut Vm, a: &Args<'_>, name: &str, f: fn(&u8) -> bool) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, name)?;
    val(Value::Bool(!data.is_empty() && data.iter().all(f)))
}
pub fn isdigit(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    test_all(vm, a, "isdigit", u8::is_ascii_digit)
}
pub fn isalpha(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    test_all(vm, a, "isalpha", u8::is_ascii_alphabetic)
}
pub fn isalnum(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    test_all(vm, a, "isalnum", u8::is_ascii_alphanumeric)
}
pub fn isspace(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    test_all(vm, a, "isspace", |c| b::is_space(*c))
}
pub fn isascii(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, "isascii")?;
    val(Value::Bool(data.is_ascii()))
}
pub fn isupper(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, "isupper")?;
    let cased = data.iter().any(u8::is_ascii_alphabetic);
    val(Value::Bool(
        cased && !data.iter().any(u8::is_ascii_lowercase),
    ))
}
pub fn islower(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, _) = recv(vm, a, "islower")?;
    let cased = data.iter().any(u8::is_ascii_alphabetic);
    val(Value::Bool(
        cased && !data.iter().any(u8::is_ascii_uppercase),
    ))
}

fn partition_impl(vm: &mut Vm, a: &Args<'_>, name: &str, rev: bool) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, name)?;
    nargs(vm, a, name, 2, 2)?;
    let sep = bytes_arg(vm, a.pos[1])?;
    if sep.is_empty() {
        return vm.value_error("empty separator");
    }
    let pos = if rev {
        b::rfind(&data, &sep)
    } else {
        b::find(&data, &sep)
    };
    let parts = match pos {
        Some(p) => [
            data[..p].to_vec(),
            sep.clone(),
            data[p + sep.len()..].to_vec(),
        ],
        None if rev => [Vec::new(), Vec::new(), data],
        None => [data, Vec::new(), Vec::new()],
    };
    let items: Vec<Value> = parts.into_iter().map(|p| make(vm, p, array)).collect();
    val(vm.tuple(items))
}
pub fn partition(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    partition_impl(vm, a, "partition", false)
}
pub fn rpartition(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    partition_impl(vm, a, "rpartition", true)
}

fn pad_impl(vm: &mut Vm, a: &Args<'_>, name: &str, how: u8) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, name)?;
    nargs(vm, a, name, 2, 3)?;
    let width = to_i64(vm, a.pos[1], name)?;
    let fill = match a.pos.get(2) {
        None => b' ',
        Some(v) => match vm.as_bytes_like(*v) {
            Some([c]) => *c,
            _ => {
                let tn = vm.type_name(*v);
                return vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                ));
            }
        },
    };
    let width = usize::try_from(width).unwrap_or(0);
    if width <= data.len() {
        return out(vm, data, array);
    }
    too_big(vm, width)?;
    let total = width - data.len();
    let (l, r) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            // CPython's centring: the extra space goes left when the width is odd
            // and the string even.
            let l = total / 2 + (total & width & 1);
            (l, total - l)
        }
    };
    let mut o = vec![fill; l];
    o.extend_from_slice(&data);
    o.extend(std::iter::repeat_n(fill, r));
    out(vm, o, array)
}
pub fn ljust(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    pad_impl(vm, a, "ljust", b'l')
}
pub fn rjust(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    pad_impl(vm, a, "rjust", b'r')
}
pub fn center(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    pad_impl(vm, a, "center", b'c')
}

pub fn zfill(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "zfill")?;
    nargs(vm, a, "zfill", 2, 2)?;
    let width = usize::try_from(to_i64(vm, a.pos[1], "zfill")?).unwrap_or(0);
    if width <= data.len() {
        return out(vm, data, array);
    }
    too_big(vm, width)?;
    let fill = width - data.len();
    let (sign, rest) = match data.first() {
        Some(c @ (b'+' | b'-')) => (vec![*c], &data[1..]),
        _ => (Vec::new(), &data[..]),
    };
    let mut o = sign;
    o.extend(std::iter::repeat_n(b'0', fill));
    o.extend_from_slice(rest);
    out(vm, o, array)
}

pub fn removeprefix(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "removeprefix")?;
    nargs(vm, a, "removeprefix", 2, 2)?;
    let p = bytes_arg(vm, a.pos[1])?;
    let o = data.strip_prefix(p.as_slice()).unwrap_or(&data).to_vec();
    out(vm, o, array)
}
pub fn removesuffix(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "removesuffix")?;
    nargs(vm, a, "removesuffix", 2, 2)?;
    let p = bytes_arg(vm, a.pos[1])?;
    let o = if p.is_empty() {
        data.clone()
    } else {
        data.strip_suffix(p.as_slice()).unwrap_or(&data).to_vec()
    };
    out(vm, o, array)
}

pub fn title(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "title")?;
    let mut prev_cased = false;
    let o = data
        .iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect();
    out(vm, o, array)
}
pub fn capitalize(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "capitalize")?;
    let o = data
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    out(vm, o, array)
}
pub fn swapcase(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "swapcase")?;
    let o = data
        .iter()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    out(vm, o, array)
}

/// `bytes.maketrans(from, to)`: a 256-byte translation table.
pub fn maketrans(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    // Called on the class the two arguments come alone; on an instance the receiver first.
    let args = match a.pos {
        [x, y] | [_, x, y] => (*x, *y),
        _ => {
            return vm.type_error(format!(
                "maketrans expected 2 arguments, got {}",
                a.pos.len()
            ))
        }
    };
    let from = bytes_arg(vm, args.0)?;
    let to = bytes_arg(vm, args.1)?;
    if from.len() != to.len() {
        return vm.value_error("maketrans arguments must have same length");
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    val(vm.bytes_value(&table))
}

/// `b.translate(table, /, delete=b'')`.
pub fn translate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "translate")?;
    let table = match pos_or_kw(vm, a, 1, "table") {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = bytes_arg(vm, v)?;
            if t.len() != 256 {
                return vm.value_error("translation table must be 256 characters long");
            }
            Some(t)
        }
    };
    let delete = match pos_or_kw(vm, a, 2, "delete") {
        None => Vec::new(),
        Some(v) => bytes_arg(vm, v)?,
    };
    let o = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    out(vm, o, array)
}

/// `b.expandtabs(tabsize=8)`.
pub fn expandtabs(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "expandtabs")?;
    let size = match pos_or_kw(vm, a, 1, "tabsize") {
        Some(v) => {
            let t = to_i64(vm, v, "expandtabs")?;
            if i32::try_from(t).is_err() {
                return vm.err(
                    ExcType::OverflowError,
                    "Python int too large to convert to C int",
                );
            }
            t.max(0) as usize
        }
        None => 8,
    };
    let tabs = data.iter().filter(|&&c| c == b'\t').count();
    vm.check_items(tabs, size)?;
    let mut o = Vec::with_capacity(data.len());
    let mut col = 0usize;
    for &c in &data {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    too_big(vm, o.len() + n)?;
                    o.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                o.push(c);
                col = 0;
            }
            _ => {
                o.push(c);
                col += 1;
            }
        }
    }
    out(vm, o, array)
}
