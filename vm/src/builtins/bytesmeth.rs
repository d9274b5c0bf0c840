//! `bytes` and `bytearray`: construction, the operators the interpreter
//! delegates to them (indexing, concatenation, membership, ordering) and
//! their methods. Methods of a `bytearray` that build a new sequence return
//! a `bytearray`, as CPython's do.

use super::funcs::{kw, nargs, pos_or_kw, to_i64};
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::bytes::{self as b, CodecError};
use crate::frame::RetMode;
use crate::native::{NativeKind, Then};
use crate::object::Object;
use crate::ops::IntRef;
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};

fn val(v: Value) -> PyResult<Ret> {
    Ok(Ret::Value(v))
}

/// The receiver's bytes and whether it is a `bytearray`.
fn recv(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<(Vec<u8>, bool)> {
    match a
        .pos
        .first()
        .map(|v| (v.as_ref().map(|r| vm.heap.get(r)), *v))
    {
        Some((Some(Object::Bytes(x)), _)) => Ok((x.to_vec(), false)),
        Some((Some(Object::ByteArray(x)), _)) => Ok((x.clone(), true)),
        _ => vm.type_error(format!("descriptor '{name}' requires a 'bytes' object")),
    }
}

/// A new `bytes` or `bytearray`.
fn make(vm: &mut Vm, data: Vec<u8>, array: bool) -> Value {
    if array {
        vm.bytearray_value(data)
    } else {
        vm.bytes_value(&data)
    }
}

fn out(vm: &mut Vm, data: Vec<u8>, array: bool) -> PyResult<Ret> {
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
fn too_big(vm: &mut Vm, n: usize) -> PyResult<()> {
    if n > crate::ops::MAX_REPEAT {
        return Err(vm.new_exc_empty(ExcType::MemoryError));
    }
    Ok(())
}

/// One byte from an int value (item assignment, `append`, `in`).
fn byte_of(vm: &mut Vm, v: Value) -> PyResult<u8> {
    match vm.int_ref(v) {
        Some(IntRef::Small(i)) if (0..256).contains(&i) => Ok(i as u8),
        Some(_) => vm.value_error("byte must be in range(0, 256)"),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
        }
    }
}

/// `start`/`end` arguments of the search methods, as a range of `len`.
fn span(vm: &mut Vm, a: &Args<'_>, first: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, i: usize| -> PyResult<Option<i64>> {
        match a.pos.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(slice_index(vm, *v)?)),
        }
    };
    let fix = |x: i64| -> usize {
        let l = len as i64;
        let x = if x < 0 { (x + l).max(0) } else { x.min(l) };
        x as usize
    };
    let s = get(vm, first)?.map_or(0, fix);
    let e = get(vm, first + 1)?.map_or(len, fix);
    Ok((s, e.max(s)))
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

/// A `start` argument beyond the end: nothing is found there, not even
/// an empty sub-sequence.
fn start_past_end(vm: &mut Vm, a: &Args<'_>, i: usize, len: usize) -> PyResult<bool> {
    match a.pos.get(i) {
        None | Some(Value::None) => Ok(false),
        Some(v) => {
            let s = slice_index(vm, *v)?;
            Ok(s > len as i64)
        }
    }
}

impl Vm {
    /// Items collected from an iterable as bytes (`bytes(list)`, `extend`).
    pub(crate) fn ints_to_bytes(&mut self, items: &[Value], array: bool) -> PyResult<Vec<u8>> {
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            match self.int_ref(*v) {
                Some(IntRef::Small(i)) if (0..256).contains(&i) => out.push(i as u8),
                Some(_) if array => return self.value_error("byte must be in range(0, 256)"),
                Some(_) => return self.value_error("bytes must be in range(0, 256)"),
                None => {
                    let tn = self.type_name(*v);
                    return self
                        .type_error(format!("'{tn}' object cannot be interpreted as an integer"));
                }
            }
        }
        Ok(out)
    }

    /// Raises a codec failure as CPython does (`LookupError`,
    /// `UnicodeDecodeError(encoding, object, start, end, reason)`, …).
    pub(crate) fn codec_error<T>(&mut self, e: CodecError, object: Value) -> PyResult<T> {
        match e {
            CodecError::UnknownEncoding(_) | CodecError::UnknownHandler(_) => {
                let msg = b::codec_error_message(&e, &Object::Free);
                self.err(ExcType::LookupError, msg)
            }
            CodecError::Decode {
                encoding,
                start,
                end,
                reason,
            }
            | CodecError::Encode {
                encoding,
                start,
                end,
                reason,
            } => {
                let ty = if matches!(e, CodecError::Decode { .. }) {
                    ExcType::UnicodeDecodeError
                } else {
                    ExcType::UnicodeEncodeError
                };
                let enc = self.str_value(encoding);
                let why = self.str_value(reason);
                self.heap.incref(object);
                let args = self.tuple(vec![
                    enc,
                    object,
                    Value::Int(start as i64),
                    Value::Int(end as i64),
                    why,
                ]);
                Err(self.make_exception(self.b.exc(ty), args))
            }
        }
    }

    /// `str()` of a `UnicodeDecodeError`/`UnicodeEncodeError` built from
    /// its five arguments, when it is one.
    pub(crate) fn unicode_error_str(&self, class: Ref, items: &[Value]) -> Option<String> {
        let decode = self.class_is_subclass(class, self.b.exc(ExcType::UnicodeDecodeError));
        let encode = self.class_is_subclass(class, self.b.exc(ExcType::UnicodeEncodeError));
        if !(decode || encode) || items.len() != 5 {
            return None;
        }
        let enc = self.as_str(items[0])?;
        let reason = self.as_str(items[4])?;
        let (Value::Int(s), Value::Int(e)) = (items[2], items[3]) else {
            return None;
        };
        let (s, e) = (usize::try_from(s).ok()?, usize::try_from(e).ok()?);
        if decode {
            let data = self.as_bytes_like(items[1])?;
            Some(b::decode_message(enc, data, s, e, reason))
        } else {
            let text: Vec<char> = self.as_str(items[1])?.chars().collect();
            Some(b::encode_message(enc, &text, s, e, reason))
        }
    }

    /// `encoding`/`errors` arguments at positions `i`, `i + 1` (or by keyword).
    fn codec_args(&mut self, a: &Args<'_>, i: usize, fname: &str) -> PyResult<(String, String)> {
        let get = |vm: &mut Vm, j: usize, name: &str, default: &str| -> PyResult<String> {
            match pos_or_kw(vm, a, j, name) {
                None => Ok(default.to_string()),
                Some(v) => match vm.as_str(v) {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let tn = vm.type_name(v);
                        vm.type_error(format!("{fname}() argument '{name}' must be str, not {tn}"))
                    }
                },
            }
        };
        let enc = get(self, i, "encoding", "utf-8")?;
        let err = get(self, i + 1, "errors", "strict")?;
        Ok((enc, err))
    }

    /// `bytes(...)` / `bytearray(...)`.
    pub(crate) fn construct_bytes(
        &mut self,
        array: bool,
        a: &Args<'_>,
        ret: RetMode,
    ) -> PyResult<Ret> {
        let name = if array { "bytearray" } else { "bytes" };
        let src = pos_or_kw(self, a, 0, "source");
        let has_enc = pos_or_kw(self, a, 1, "encoding").is_some();
        let has_err = pos_or_kw(self, a, 2, "errors").is_some();
        if a.pos.len() > 3 {
            return self.type_error(format!(
                "{name}() takes at most 3 arguments ({} given)",
                a.pos.len()
            ));
        }
        let Some(src) = src else {
            if has_enc || has_err {
                let what = if has_enc { "encoding" } else { "errors" };
                return self.type_error(format!("{what} without a string argument"));
            }
            return out(self, Vec::new(), array);
        };
        if let Some(s) = self.as_str(src).map(str::to_string) {
            if !has_enc {
                return self.type_error("string argument without an encoding");
            }
            let (enc, errors) = self.codec_args(a, 1, name)?;
            return match b::encode(&s, &enc, &errors) {
                Ok(data) => out(self, data, array),
                Err(e) => self.codec_error(e, src),
            };
        }
        if has_enc || has_err {
            let what = if has_enc { "encoding" } else { "errors" };
            return self.type_error(format!("{what} without a string argument"));
        }
        if let Some(x) = self.as_bytes_like(src) {
            if !array
                && matches!(
                    src.as_ref().map(|r| self.heap.get(r)),
                    Some(Object::Bytes(_))
                )
            {
                self.heap.incref(src);
                return val(src);
            }
            let data = x.to_vec();
            return out(self, data, array);
        }
        match self.int_ref(src) {
            Some(IntRef::Small(n)) => {
                if n < 0 {
                    return self.value_error("negative count");
                }
                if n as u64 > crate::ops::MAX_REPEAT as u64 {
                    return Err(self.new_exc_empty(ExcType::MemoryError));
                }
                return out(self, vec![0; n as usize], array);
            }
            Some(IntRef::Big(_)) => {
                return self.err(
                    ExcType::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                )
            }
            None => {}
        }
        if matches!(src, Value::Float(_)) || self.not_iterable(src) {
            let tn = self.type_name(src);
            return self.type_error(format!("cannot convert '{tn}' object to bytes"));
        }
        super::funcs::consume(
            self,
            src,
            NativeKind::Collect {
                items: Vec::new(),
                then: Then::Bytes(array),
            },
            ret,
        )
    }

    /// True when a value cannot be iterated (an inline value, a
    /// non-iterable built-in kind, or an instance without `__iter__` and
    /// `__getitem__`).
    fn not_iterable(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Function(_)
                | Object::Builtin(_)
                | Object::BoundMethod(..)
                | Object::Module(_)
                | Object::Cell(_)
                | Object::Slice(..)
                | Object::Property(..)
                | Object::BigInt(_) => true,
                Object::Instance(_) => {
                    let it = self.lookup_special(v, crate::intern::sym::ITER);
                    let gi = self.lookup_special(v, crate::intern::sym::GETITEM);
                    let none = it.is_none() && gi.is_none();
                    for m in [it, gi].into_iter().flatten() {
                        self.heap.decref(m);
                    }
                    none
                }
                _ => false,
            },
            _ => true,
        }
    }

    /// `obj[key]` for bytes and bytearrays.
    pub(crate) fn bytes_get_item(&mut self, r: Ref, key: Value) -> PyResult<Value> {
        let array = matches!(self.heap.get(r), Object::ByteArray(_));
        let data = self.as_bytes_like(Value::Obj(r)).unwrap_or(&[]).to_vec();
        if let Some(s) = key
            .as_ref()
            .filter(|k| matches!(self.heap.get(*k), Object::Slice(..)))
        {
            let (start, stop, step) = self.slice_indices(s, data.len())?;
            let mut o = Vec::new();
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                o.push(data[i as usize]);
                i += step;
            }
            return Ok(make(self, o, array));
        }
        let what = if array { "bytearray" } else { "byte" };
        match self.seq_index(key, data.len(), what)? {
            Some(i) => Ok(Value::Int(i64::from(data[i]))),
            None if array => self.err(ExcType::IndexError, "bytearray index out of range"),
            None => self.err(ExcType::IndexError, "index out of range"),
        }
    }

    /// `ba[key] = v` for a bytearray.
    pub(crate) fn bytearray_set_item(&mut self, r: Ref, key: Value, v: Value) -> PyResult<()> {
        let len = self.as_bytes_like(Value::Obj(r)).map_or(0, <[u8]>::len);
        if let Some(s) = key
            .as_ref()
            .filter(|k| matches!(self.heap.get(*k), Object::Slice(..)))
        {
            let new = match self.as_bytes_like(v) {
                Some(x) => x.to_vec(),
                None => {
                    if self.int_ref(v).is_some() || self.as_str(v).is_some() {
                        return self.type_error(
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                        );
                    }
                    let items = self.collect_sync(v)?;
                    let r2 = self.ints_to_bytes(&items, true);
                    self.heap.decref_all(items);
                    r2?
                }
            };
            let (start, stop, step) = self.slice_indices(s, len)?;
            if step == 1 {
                let stop = stop.max(start);
                if let Object::ByteArray(x) = self.heap.get_mut(r) {
                    x.splice(start as usize..stop as usize, new);
                }
                return Ok(());
            }
            let mut pos = Vec::new();
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                pos.push(i as usize);
                i += step;
            }
            if pos.len() != new.len() {
                return self.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    new.len(),
                    pos.len()
                ));
            }
            if let Object::ByteArray(x) = self.heap.get_mut(r) {
                for (p, nv) in pos.into_iter().zip(new) {
                    x[p] = nv;
                }
            }
            return Ok(());
        }
        let Some(i) = self.seq_index(key, len, "bytearray")? else {
            return self.err(ExcType::IndexError, "bytearray index out of range");
        };
        let byte = byte_of(self, v)?;
        if let Object::ByteArray(x) = self.heap.get_mut(r) {
            x[i] = byte;
        }
        Ok(())
    }

    /// `del ba[key]` for a bytearray.
    pub(crate) fn bytearray_del_item(&mut self, r: Ref, key: Value) -> PyResult<()> {
        let len = self.as_bytes_like(Value::Obj(r)).map_or(0, <[u8]>::len);
        if let Some(s) = key
            .as_ref()
            .filter(|k| matches!(self.heap.get(*k), Object::Slice(..)))
        {
            let (start, stop, step) = self.slice_indices(s, len)?;
            let mut gone = vec![false; len];
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                gone[i as usize] = true;
                i += step;
            }
            if let Object::ByteArray(x) = self.heap.get_mut(r) {
                let mut k = 0;
                x.retain(|_| {
                    k += 1;
                    !gone[k - 1]
                });
            }
            return Ok(());
        }
        let Some(i) = self.seq_index(key, len, "bytearray")? else {
            return self.err(ExcType::IndexError, "bytearray index out of range");
        };
        if let Object::ByteArray(x) = self.heap.get_mut(r) {
            x.remove(i);
        }
        Ok(())
    }

    /// `a + b` where `a` is bytes or a bytearray (`inplace` for `+=`).
    pub(crate) fn bytes_concat(&mut self, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
        let ra = a.as_ref().expect("bytes operand");
        let array = matches!(self.heap.get(ra), Object::ByteArray(_));
        let Some(y) = self.as_bytes_like(b).map(<[u8]>::to_vec) else {
            let (ta, tb) = (self.type_name(a), self.type_name(b));
            return self.type_error(format!("can't concat {tb} to {ta}"));
        };
        if array && inplace {
            if let Object::ByteArray(x) = self.heap.get_mut(ra) {
                x.extend_from_slice(&y);
            }
            self.heap.incref(a);
            return Ok(a);
        }
        let mut x = self.as_bytes_like(a).unwrap_or(&[]).to_vec();
        x.extend_from_slice(&y);
        Ok(make(self, x, array))
    }

    /// `item in b`.
    pub(crate) fn bytes_contains(&mut self, data: &[u8], item: Value) -> PyResult<bool> {
        if let Some(sub) = self.as_bytes_like(item) {
            return Ok(b::find(data, sub).is_some());
        }
        match self.int_ref(item) {
            Some(IntRef::Small(i)) if (0..256).contains(&i) => Ok(data.contains(&(i as u8))),
            Some(_) => self.value_error("byte must be in range(0, 256)"),
            None => {
                let tn = self.type_name(item);
                self.type_error(format!("a bytes-like object is required, not '{tn}'"))
            }
        }
    }
}

/// `Then::Bytes`: the collected ints as bytes.
impl Vm {
    pub(crate) fn bytes_from_items(&mut self, items: Vec<Value>, array: bool) -> PyResult<Value> {
        let r = self.ints_to_bytes(&items, array);
        self.heap.decref_all(items);
        Ok(make(self, r?, array))
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
    let sep = match pos_or_kw(vm, a, 1, "sep") {
        None => None,
        Some(v) => {
            let s: Vec<char> = match vm.as_str(v) {
                Some(s) => s.chars().collect(),
                None => match vm.as_bytes_like(v) {
                    Some(x) => x.iter().map(|c| char::from(*c)).collect(),
                    None => {
                        let tn = vm.type_name(v);
                        return vm.type_error(format!("sep must be str or bytes., not {tn}"));
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
    let per = match pos_or_kw(vm, a, 2, "bytes_per_sep") {
        None => 1,
        Some(v) => to_i64(vm, v, "hex")?,
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
    let sep = sep_arg(vm, a)?;
    let max = maxsplit(vm, a)?;
    let parts = match sep {
        None => b::split_ws(&data, max),
        Some(s) => b::split_sep(&data, &s, max),
    };
    list_of(vm, parts, array)
}

pub fn rsplit(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "rsplit")?;
    let sep = sep_arg(vm, a)?;
    let max = maxsplit(vm, a)?;
    let parts = match sep {
        None => b::rsplit_ws(&data, max),
        Some(s) => b::rsplit_sep(&data, &s, max),
    };
    list_of(vm, parts, array)
}

pub fn splitlines(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (data, array) = recv(vm, a, "splitlines")?;
    let keep = match pos_or_kw(vm, a, 1, "keepends") {
        Some(v) => vm.truthy(v)?,
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
    if start_past_end(vm, a, 2, data.len())? {
        return val(Value::Bool(false));
    }
    let (s, e) = span(vm, a, 2, data.len())?;
    let hay = &data[s..e];
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
        let hit = if end {
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
    let sub = sub_arg(vm, arg)?;
    if start_past_end(vm, a, 2, data.len())? {
        return Ok(-1);
    }
    let (s, e) = span(vm, a, 2, data.len())?;
    if sub.len() > e - s {
        return Ok(-1);
    }
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
    let sub = sub_arg(vm, arg)?;
    if start_past_end(vm, a, 2, data.len())? {
        return val(Value::Int(0));
    }
    let (s, e) = span(vm, a, 2, data.len())?;
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
        Some(v) => to_i64(vm, v, "expandtabs")?.max(0) as usize,
        None => 8,
    };
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

// ----- bytearray mutation -----

fn ba_ref(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Ref> {
    match a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .filter(|r| matches!(vm.heap.get(*r), Object::ByteArray(_)))
    {
        Some(r) => Ok(r),
        None => vm.type_error(format!("descriptor '{name}' requires a 'bytearray' object")),
    }
}

fn ba_mut(vm: &mut Vm, r: Ref) -> &mut Vec<u8> {
    match vm.heap.get_mut(r) {
        Object::ByteArray(x) => x,
        _ => unreachable!("bytearray receiver"),
    }
}

pub fn ba_append(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "append")?;
    nargs(vm, a, "append", 2, 2)?;
    let c = byte_of(vm, a.pos[1])?;
    ba_mut(vm, r).push(c);
    val(Value::None)
}

pub fn ba_extend(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "extend")?;
    nargs(vm, a, "extend", 2, 2)?;
    if let Some(x) = vm.as_bytes_like(a.pos[1]).map(<[u8]>::to_vec) {
        ba_mut(vm, r).extend(x);
        return val(Value::None);
    }
    if vm.not_iterable(a.pos[1]) {
        let tn = vm.type_name(a.pos[1]);
        return vm.type_error(format!("can't extend bytearray with {tn}"));
    }
    vm.heap.incref(a.pos[0]);
    super::funcs::consume(
        vm,
        a.pos[1],
        NativeKind::Collect {
            items: Vec::new(),
            then: Then::Extend(a.pos[0]),
        },
        ret,
    )
}

impl Vm {
    /// `Then::Extend` into a bytearray.
    pub(crate) fn bytearray_extend_items(
        &mut self,
        target: Value,
        items: Vec<Value>,
    ) -> PyResult<()> {
        let r = self.ints_to_bytes(&items, true);
        self.heap.decref_all(items);
        let data = r?;
        if let Some(Object::ByteArray(x)) = target.as_ref().map(|t| self.heap.get_mut(t)) {
            x.extend(data);
        }
        Ok(())
    }
}

pub fn ba_pop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "pop")?;
    nargs(vm, a, "pop", 1, 2)?;
    let len = ba_mut(vm, r).len();
    if len == 0 {
        return vm.err(ExcType::IndexError, "pop from empty bytearray");
    }
    let i = match a.pos.get(1) {
        None => len as i64 - 1,
        Some(v) => to_i64(vm, *v, "pop")?,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return vm.err(ExcType::IndexError, "pop index out of range");
    }
    let c = ba_mut(vm, r).remove(j as usize);
    val(Value::Int(i64::from(c)))
}

pub fn ba_insert(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "insert")?;
    nargs(vm, a, "insert", 3, 3)?;
    let i = to_i64(vm, a.pos[1], "insert")?;
    let c = byte_of(vm, a.pos[2])?;
    let x = ba_mut(vm, r);
    let len = x.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    x.insert(j as usize, c);
    val(Value::None)
}

pub fn ba_remove(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "remove")?;
    nargs(vm, a, "remove", 2, 2)?;
    let c = byte_of(vm, a.pos[1])?;
    let x = ba_mut(vm, r);
    match x.iter().position(|y| *y == c) {
        Some(p) => {
            x.remove(p);
            val(Value::None)
        }
        None => vm.value_error("value not found in bytearray"),
    }
}

pub fn ba_clear(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "clear")?;
    ba_mut(vm, r).clear();
    val(Value::None)
}

pub fn ba_reverse(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "reverse")?;
    ba_mut(vm, r).reverse();
    val(Value::None)
}

pub fn ba_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "copy")?;
    let x = ba_mut(vm, r).clone();
    val(vm.bytearray_value(x))
}

// ----- int.to_bytes / int.from_bytes -----

fn byteorder(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match vm.as_str(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => vm.value_error("byteorder must be either 'little' or 'big'"),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!(
                "{fname}() argument 'byteorder' must be str, not {tn}"
            ))
        }
    }
}

fn signed_kw(vm: &mut Vm, a: &Args<'_>) -> PyResult<bool> {
    match kw(vm, a, "signed") {
        Some(v) => vm.truthy(v),
        None => Ok(false),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(n) = a
        .pos
        .first()
        .and_then(|v| vm.int_ref(*v))
        .map(|i| i.to_big())
    else {
        return vm.type_error("descriptor 'to_bytes' requires a 'int' object");
    };
    if a.pos.len() > 3 {
        return vm.type_error(format!(
            "to_bytes() takes at most 2 positional arguments ({} given)",
            a.pos.len() - 1
        ));
    }
    let length = match pos_or_kw(vm, a, 1, "length") {
        None => 1,
        Some(v) => to_i64(vm, v, "to_bytes")?,
    };
    if length < 0 {
        return vm.value_error("length argument must be non-negative");
    }
    let little = byteorder(vm, pos_or_kw(vm, a, 2, "byteorder"), "to_bytes")?;
    let signed = signed_kw(vm, a)?;
    if !signed && n.sign() == Sign::Minus {
        return vm.err(
            ExcType::OverflowError,
            "can't convert negative int to unsigned",
        );
    }
    let length = length as usize;
    too_big(vm, length)?;
    let mut data = if n.sign() == Sign::NoSign {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    if data.len() > length {
        return vm.err(ExcType::OverflowError, "int too big to convert");
    }
    let fill = if n.sign() == Sign::Minus { 0xff } else { 0 };
    let mut o = vec![fill; length - data.len()];
    o.append(&mut data);
    if little {
        o.reverse();
    }
    val(vm.bytes_value(&o))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub fn int_from_bytes(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    // `int.from_bytes(b)` passes the data first; `(0).from_bytes(b)` the receiver.
    let skip = usize::from(
        a.pos.len() > 1
            && vm.as_str(a.pos[1]).is_none()
            && (matches!(a.pos[0], Value::Int(_) | Value::Bool(_))
                || vm.tag_of(a.pos[0]) == TypeTag::Type),
    );
    let pos = &a.pos[skip..];
    let sub = Args { pos, kw: a.kw };
    let Some(src) = pos_or_kw(vm, &sub, 0, "bytes") else {
        return vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)");
    };
    let data = match vm.as_bytes_like(src) {
        Some(x) => x.to_vec(),
        None => {
            if vm.as_str(src).is_some() || vm.not_iterable(src) {
                let tn = vm.type_name(src);
                return vm.type_error(format!("cannot convert '{tn}' object to bytes"));
            }
            let items = vm.collect_sync(src)?;
            let r = vm.ints_to_bytes(&items, false);
            vm.heap.decref_all(items);
            r?
        }
    };
    let little = byteorder(vm, pos_or_kw(vm, &sub, 1, "byteorder"), "from_bytes")?;
    let signed = signed_kw(vm, a)?;
    let mut be = data;
    if little {
        be.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&be)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &be)
    };
    val(vm.int_from_big(n))
}
