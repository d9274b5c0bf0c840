//! What the interpreter and the constructors ask of `bytes` and `bytearray`:
//! construction, indexing and item assignment, concatenation, membership,
//! and raising codec errors as CPython does.

use super::bytesmeth::{byte_of, make, out, val};
use super::funcs::pos_or_kw;
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::bytes::{self as b, CodecError};
use crate::frame::RetMode;
use crate::native::{NativeKind, Then};
use crate::object::Object;
use crate::ops::IntRef;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

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
            CodecError::HandlerCannot(m) => self.type_error(m),
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
    pub(super) fn codec_args(
        &mut self,
        a: &Args<'_>,
        i: usize,
        fname: &str,
    ) -> PyResult<(String, String)> {
        let get = |vm: &mut Vm, j: usize, name: &str, default: &str| -> PyResult<String> {
            match pos_or_kw(vm, a, j, name) {
                None => Ok(default.to_string()),
                Some(v) => match vm.as_str(v) {
                    Some(s) if s.contains('\0') => vm.value_error("embedded null character"),
                    Some(s) => Ok(s.to_string()),
                    None => {
                        // CPython's argument parser names None itself, not its type.
                        let tn = if v == Value::None {
                            "None".to_string()
                        } else {
                            vm.type_name(v)
                        };
                        vm.type_error(format!("{fname}() argument '{name}' must be str, not {tn}"))
                    }
                },
            }
        };
        let enc = get(self, i, "encoding", "utf-8")?;
        let err = get(self, i + 1, "errors", "strict")?;
        Ok((enc, err))
    }

    /// The bytes of an instance that converts itself: `__bytes__` (for
    /// `bytes()` only, as CPython's) or the VM's buffer hook
    /// `__ys_buffer__` (typed arrays, whose memory CPython reads directly).
    fn buffer_hook(&mut self, src: Value, array: bool) -> PyResult<Option<Vec<u8>>> {
        let names: &[&str] = if array {
            &["__ys_buffer__"]
        } else {
            &["__bytes__", "__ys_buffer__"]
        };
        for (k, n) in names.iter().enumerate() {
            let s = self.sym(n);
            let Some(m) = self.lookup_special(src, s) else {
                continue;
            };
            let r = self.call_sync(m, Vec::new(), Vec::new());
            self.heap.decref(m);
            let r = r?;
            let data = self.as_bytes_like(r).map(<[u8]>::to_vec);
            let is_bytes = matches!(r.as_ref().map(|x| self.heap.get(x)), Some(Object::Bytes(_)));
            let tn = self.type_name(r);
            self.heap.decref(r);
            return match data {
                Some(d) if is_bytes || k > 0 || names.len() == 1 => Ok(Some(d)),
                _ => self.type_error(format!("__bytes__ returned non-bytes (type {tn})")),
            };
        }
        Ok(None)
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
        // The encoding and errors must be strings whatever the source is.
        self.codec_args(a, 1, name)?;
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
        if self.is_user_object(src) {
            if let Some(data) = self.buffer_hook(src, array)? {
                return out(self, data, array);
            }
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
            return self.type_error(format!("cannot convert '{tn}' object to {name}"));
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
    pub(super) fn not_iterable(&mut self, v: Value) -> bool {
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
                    if self.int_ref(v).is_some()
                        || matches!(v, Value::Float(_))
                        || self.as_str(v).is_some()
                    {
                        return self.type_error(
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                        );
                    }
                    if self.not_iterable(v) {
                        let tn = self.type_name(v);
                        return self
                            .type_error(format!("cannot convert '{tn}' object to bytearray"));
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
            if new.is_empty() {
                // Assigning nothing to an extended slice deletes it, as in CPython.
                return self.bytearray_del_item(r, key);
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
        if self.int_ref(key).is_none() {
            let tn = self.type_name(key);
            return self.type_error(format!(
                "bytearray indices must be integers or slices, not {tn}"
            ));
        }
        let byte = byte_of(self, v)?;
        let Some(i) = self.seq_index(key, len, "bytearray")? else {
            return self.err(ExcType::IndexError, "bytearray index out of range");
        };
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
        let array = matches!(
            a.as_ref().map(|r| self.heap.get(r)),
            Some(Object::ByteArray(_))
        );
        let Some(y) = self.as_bytes_like(b).map(<[u8]>::to_vec) else {
            let (ta, tb) = (self.type_name(a), self.type_name(b));
            return self.type_error(format!("can't concat {tb} to {ta}"));
        };
        if array && inplace {
            if let Some(Object::ByteArray(x)) = a.as_ref().map(|r| self.heap.get_mut(r)) {
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
