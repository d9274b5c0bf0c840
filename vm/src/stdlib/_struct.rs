//! `_struct`: packing values into bytes and back, as CPython's C module
//! does (on a 64-bit little-endian host, which fixes native sizes and the
//! exact error messages). The natives work on a format string and return
//! either their result or, for a `struct.error`, the message as a `str`;
//! the prelude (`prelude/_struct.py`) raises `error` and provides `Struct`.

use crate::builtins::{Args, ExcType, Ret};
use crate::frame::RetMode;
use crate::object::Object;
use crate::ops::IntRef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// Installs the natives and the prelude into `m`.
pub fn install(vm: &mut Vm, m: crate::value::Ref) {
    super::put_funcs(vm, m, "_struct");
    super::run_prelude(vm, m, "_struct", include_str!("prelude/_struct.py"));
}

/// How a format lays items out: `@` native (sizes and alignment of the
/// host), otherwise standard sizes with no alignment, little or big endian.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

/// One item of a format: its code, and for `s`/`p`/`x` its count.
struct Item {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

struct Layout {
    order: Order,
    items: Vec<Item>,
    size: usize,
    /// Values the items take (an `s`, `p` or `x` run counts once or not at all).
    nvalues: usize,
}

fn item_size(order: Order, c: u8) -> Option<usize> {
    let native = order == Order::Native;
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn layout(fmt: &[u8]) -> Result<Layout, &'static str> {
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'=' | b'<') => (Order::Little, &fmt[1..]),
        Some(b'>' | b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0usize;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < body.len() && body[i].is_ascii_digit() {
            let d = usize::from(body[i] - b'0');
            count = Some(
                count
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(d))
                    .ok_or("total struct size too long")?,
            );
            i += 1;
        }
        let Some(&code) = body.get(i) else {
            return Err("repeat count given without format specifier");
        };
        i += 1;
        let isz = item_size(order, code).ok_or("bad char in struct format")?;
        let n = count.unwrap_or(1);
        if order == Order::Native && n > 0 && !matches!(code, b's' | b'p' | b'x') {
            size = size.div_ceil(isz) * isz;
        }
        match code {
            b's' | b'p' => {
                items.push(Item {
                    code,
                    count: n,
                    offset: size,
                    size: n,
                });
                nvalues += 1;
                size = size.checked_add(n).ok_or("total struct size too long")?;
            }
            b'x' => {
                size = size.checked_add(n).ok_or("total struct size too long")?;
            }
            _ => {
                for _ in 0..n {
                    items.push(Item {
                        code,
                        count: 1,
                        offset: size,
                        size: isz,
                    });
                    nvalues += 1;
                    size = size.checked_add(isz).ok_or("total struct size too long")?;
                }
            }
        }
    }
    Ok(Layout {
        order,
        items,
        size,
        nvalues,
    })
}

fn fmt_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => Ok(s.as_bytes().to_vec()),
        Some(Object::Bytes(b)) => Ok(b.to_vec()),
        _ => {
            let tn = vm.type_name(v);
            vm.type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {tn}"
            ))
        }
    }
}

fn buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Bytes(b)) => Ok(b.to_vec()),
        Some(Object::ByteArray(b)) => Ok(b.clone()),
        _ => {
            let tn = vm.type_name(v);
            vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
        }
    }
}

fn message(vm: &mut Vm, msg: &str) -> PyResult<Ret> {
    Ok(Ret::Value(vm.str_value(msg)))
}

/// The range message CPython gives for an integer `v` packed with `code`.
fn int_range_error(order: Order, code: u8, size: usize, v: &BigInt) -> String {
    let signed = code.is_ascii_lowercase();
    let fits_i64 = v.to_i64().is_some();
    let fits_u64 = v.to_u64().is_some();
    let aor = "argument out of range".to_string();
    if size == 8 {
        return if order == Order::Big {
            "int too large to convert".into()
        } else {
            aor
        };
    }
    let bits = size * 8;
    let named = match code {
        b'b' => Some("byte"),
        b'B' => Some("ubyte"),
        b'h' if order != Order::Big => Some("short"),
        b'H' if order != Order::Big => Some("ushort"),
        _ => None,
    };
    let (lo, hi) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    if let Some(name) = named {
        if !fits_i64 {
            return aor;
        }
        return format!("{name} format requires {lo} <= number <= {hi}");
    }
    let c = char::from(code);
    if signed {
        if !fits_i64 {
            return aor;
        }
    } else if !fits_u64 {
        return aor;
    }
    format!("'{c}' format requires {lo} <= number <= {hi}")
}

fn put_uint(out: &mut [u8], order: Order, x: u64) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if order == Order::Big { n - 1 - k } else { k };
        *b = ((x >> (8 * shift)) & 0xff) as u8;
    }
}

fn get_uint(src: &[u8], order: Order) -> u64 {
    let n = src.len();
    let mut x = 0u64;
    for (k, b) in src.iter().enumerate() {
        let shift = if order == Order::Big { n - 1 - k } else { k };
        x |= u64::from(*b) << (8 * shift);
    }
    x
}

/// `f64` to IEEE half precision, rounding half to even; `None` on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Scale to units of the smallest subnormal (2^-24) or of the mantissa.
    let (e, _) = frexp(a);
    let exp = e - 1; // a = m * 2^exp with 1 <= m < 2
    if a == 0.0 {
        return Some(sign);
    }
    if exp < -14 {
        // subnormal: units of 2^-24
        let units = round_half_even(a * 2f64.powi(24));
        return Some(sign | units as u16); // units may reach 1024 = smallest normal
    }
    let mant = round_half_even((a / 2f64.powi(exp) - 1.0) * 1024.0);
    let (mut exp, mut mant) = (exp, mant as u32);
    if mant == 1024 {
        mant = 0;
        exp += 1;
    }
    if exp > 15 {
        return None;
    }
    Some(sign | ((exp + 15) as u16) << 10 | mant as u16)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn frexp(x: f64) -> (i32, f64) {
    if x == 0.0 || !x.is_finite() {
        return (0, x);
    }
    let mut e = 0;
    let mut m = x;
    while m >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    while m < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    (e, m)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = i32::from((h >> 10) & 0x1f);
    let mant = f64::from(h & 0x3ff);
    sign * match exp {
        0 => mant * 2f64.powi(-24),
        31 => {
            if mant == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + mant / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// Packs `values` per `lay` into `out` (already sized); `Err` is a
/// `struct.error` message, `Ok(Err)` a Python exception.
fn pack_into_vec(
    vm: &mut Vm,
    lay: &Layout,
    values: &[Value],
    out: &mut [u8],
) -> PyResult<Result<(), String>> {
    for (it, &v) in lay.items.iter().zip(values) {
        let dst = &mut out[it.offset..it.offset + it.size];
        match it.code {
            b'c' => {
                let one = match v.as_ref().map(|r| vm.heap.get(r)) {
                    Some(Object::Bytes(b)) if b.len() == 1 => Some(b[0]),
                    Some(Object::ByteArray(b)) if b.len() == 1 => Some(b[0]),
                    _ => None,
                };
                match one {
                    Some(x) => dst[0] = x,
                    None => {
                        return Ok(Err("char format requires a bytes object of length 1".into()))
                    }
                }
            }
            b's' | b'p' => {
                let data: Vec<u8> = match v.as_ref().map(|r| vm.heap.get(r)) {
                    Some(Object::Bytes(b)) => b.to_vec(),
                    Some(Object::ByteArray(b)) => b.clone(),
                    _ => {
                        let c = char::from(it.code);
                        return Ok(Err(format!("argument for '{c}' must be a bytes object")));
                    }
                };
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..=n].copy_from_slice(&data[..n]);
                }
            }
            b'?' => dst[0] = u8::from(vm.truthy(v)?),
            b'e' | b'f' | b'd' => {
                let x = match v {
                    Value::Float(f) => f,
                    _ => match vm.int_ref(v) {
                        Some(IntRef::Small(i)) => i as f64,
                        Some(IntRef::Big(b)) => b.to_f64().unwrap_or(f64::INFINITY),
                        None => return Ok(Err("required argument is not a float".into())),
                    },
                };
                match it.code {
                    b'd' => put_uint(dst, lay.order, x.to_bits()),
                    b'f' => {
                        let y = x as f32;
                        if y.is_infinite() && x.is_finite() {
                            return vm.err(
                                ExcType::OverflowError,
                                "float too large to pack with f format",
                            );
                        }
                        put_uint(dst, lay.order, u64::from(y.to_bits()));
                    }
                    _ => match to_half(x) {
                        Some(h) => put_uint(dst, lay.order, u64::from(h)),
                        None => {
                            return vm.err(
                                ExcType::OverflowError,
                                "float too large to pack with e format",
                            )
                        }
                    },
                }
            }
            code => {
                let big = match vm.int_ref(v) {
                    Some(r) => r.to_big(),
                    None => return Ok(Err("required argument is not an integer".into())),
                };
                let bits = it.size * 8;
                let signed = code.is_ascii_lowercase();
                let ok = if signed {
                    let lo = -(BigInt::from(1) << (bits - 1));
                    let hi = (BigInt::from(1) << (bits - 1)) - 1;
                    big >= lo && big <= hi
                } else {
                    big >= BigInt::from(0) && big < (BigInt::from(1) << bits)
                };
                if !ok {
                    return Ok(Err(int_range_error(lay.order, code, it.size, &big)));
                }
                let raw = if signed {
                    big.to_i64().unwrap_or(0) as u64
                } else {
                    big.to_u64().unwrap_or(0)
                };
                put_uint(dst, lay.order, raw);
            }
        }
    }
    Ok(Ok(()))
}

fn unpack_at(vm: &mut Vm, lay: &Layout, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(lay.items.len());
    for it in &lay.items {
        let src = &data[it.offset..it.offset + it.size];
        let v = match it.code {
            b'c' | b's' => vm.bytes_value(src),
            b'p' => {
                let n = src
                    .first()
                    .map_or(0, |&n| usize::from(n))
                    .min(it.count.saturating_sub(1));
                vm.bytes_value(&src[1.min(src.len())..(1 + n).min(src.len())])
            }
            b'?' => Value::Bool(src[0] != 0),
            b'e' => Value::Float(from_half(get_uint(src, lay.order) as u16)),
            b'f' => Value::Float(f64::from(f32::from_bits(get_uint(src, lay.order) as u32))),
            b'd' => Value::Float(f64::from_bits(get_uint(src, lay.order))),
            code => {
                let raw = get_uint(src, lay.order);
                let bits = it.size * 8;
                if code.is_ascii_lowercase() {
                    let shift = 64 - bits;
                    Value::Int(((raw << shift) as i64) >> shift)
                } else if let Ok(i) = i64::try_from(raw) {
                    Value::Int(i)
                } else {
                    vm.int_from_big(BigInt::from(raw))
                }
            }
        };
        out.push(v);
    }
    vm.tuple(out)
}

fn layout_of(vm: &mut Vm, v: Value) -> PyResult<Result<Layout, &'static str>> {
    let f = fmt_bytes(vm, v)?;
    Ok(layout(&f))
}

fn arg(a: &Args<'_>, i: usize) -> Value {
    a.pos.get(i).copied().unwrap_or(Value::None)
}

/// `_struct.calcsize(format)`.
pub fn calcsize(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    match layout_of(vm, arg(a, 0))? {
        Ok(l) => Ok(Ret::Value(Value::Int(l.size as i64))),
        Err(m) => message(vm, m),
    }
}

/// `_struct._pack(format, values, buffer, offset)`: the packed bytes, or
/// with a `bytearray` buffer, packs into it at `offset` (the prelude
/// checks bounds) and returns `None`; a `str` is a `struct.error` message.
pub fn pack(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let lay = match layout_of(vm, arg(a, 0))? {
        Ok(l) => l,
        Err(m) => return message(vm, m),
    };
    let values: Vec<Value> = match arg(a, 1).as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => return vm.type_error("values must be a tuple"),
    };
    if values.len() != lay.nvalues {
        let (n, g) = (lay.nvalues, values.len());
        return message(
            vm,
            &format!("pack expected {n} items for packing (got {g})"),
        );
    }
    let mut out = vec![0u8; lay.size];
    if let Err(m) = pack_into_vec(vm, &lay, &values, &mut out)? {
        return message(vm, &m);
    }
    let target = arg(a, 2);
    if let Some(r) = target.as_ref() {
        let off = match arg(a, 3) {
            Value::Int(i) => usize::try_from(i).unwrap_or(0),
            _ => 0,
        };
        if let Object::ByteArray(b) = vm.heap.get_mut(r) {
            if off + out.len() <= b.len() {
                b[off..off + out.len()].copy_from_slice(&out);
            }
        }
        return Ok(Ret::Value(Value::None));
    }
    Ok(Ret::Value(vm.bytes_value(&out)))
}

/// `_struct._unpack(format, buffer, offset, exact)`: the values, or a
/// `struct.error` message (for `exact`, the buffer must be the format's size).
pub fn unpack(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let lay = match layout_of(vm, arg(a, 0))? {
        Ok(l) => l,
        Err(m) => return message(vm, m),
    };
    let data = buffer(vm, arg(a, 1))?;
    let off = match arg(a, 2) {
        Value::Int(i) => usize::try_from(i).unwrap_or(0),
        _ => 0,
    };
    let exact = matches!(arg(a, 3), Value::Bool(true));
    if exact && data.len() != lay.size {
        let n = lay.size;
        return message(vm, &format!("unpack requires a buffer of {n} bytes"));
    }
    if off + lay.size > data.len() {
        return message(vm, "buffer too small");
    }
    let v = unpack_at(vm, &lay, &data[off..]);
    Ok(Ret::Value(v))
}
