//! `zlib`: `crc32`, `adler32`, one-shot `compress` and `decompress`, over
//! the pure-Rust `zlib-rs` (already built for the regex engine's Unicode
//! tables). The natives return bytes or, for a `zlib.error`, its message
//! as a `str`; `prelude/zlib.py` raises it and holds the constants.

use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use zlib_rs::{DeflateConfig, Inflate, InflateFlush, ReturnCode, Status};

/// Runs the prelude into `m` (after the natives).
pub fn install(vm: &mut Vm, m: crate::value::Ref) {
    super::put_funcs(vm, m, "zlib");
    super::run_prelude(vm, m, "zlib", include_str!("prelude/zlib.py"));
}

fn data_arg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Vec<u8>> {
    let v = a.pos.first().copied().unwrap_or(Value::None);
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Bytes(b)) => Ok(b.to_vec()),
        Some(Object::ByteArray(b)) => Ok(b.clone()),
        _ => {
            let tn = vm.type_name(v);
            vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
        }
    }
}

fn int_arg(vm: &mut Vm, a: &Args<'_>, i: usize, default: i64) -> PyResult<i64> {
    match a.pos.get(i).copied() {
        None => Ok(default),
        Some(Value::Int(n)) => Ok(n),
        Some(Value::Bool(b)) => Ok(i64::from(b)),
        Some(v) => {
            let tn = vm.type_name(v);
            vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
        }
    }
}

fn checksum(vm: &mut Vm, a: &Args<'_>, default: u32, f: fn(u32, &[u8]) -> u32) -> PyResult<Ret> {
    let data = data_arg(vm, a)?;
    let start = match a.pos.get(1).copied() {
        None => default,
        Some(v) => match vm.int_ref(v) {
            Some(r) => {
                let big = r.to_big() & num_bigint::BigInt::from(u32::MAX);
                u32::try_from(big).unwrap_or(0)
            }
            None => {
                let tn = vm.type_name(v);
                return vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"));
            }
        },
    };
    Ok(Ret::Value(Value::Int(i64::from(f(start, &data)))))
}

/// `zlib.crc32(data, value=0)`.
pub fn crc32(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    checksum(vm, a, 0, zlib_rs::crc32::crc32)
}

/// `zlib.adler32(data, value=1)`.
pub fn adler32(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    checksum(vm, a, 1, zlib_rs::adler32::adler32)
}

fn message(vm: &mut Vm, msg: &str) -> PyResult<Ret> {
    Ok(Ret::Value(vm.str_value(msg)))
}

/// `zlib._compress(data, level, wbits)`.
pub fn compress(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let data = data_arg(vm, a)?;
    let level = int_arg(vm, a, 1, -1)?;
    let wbits = int_arg(vm, a, 2, 15)?;
    if !(-1..=9).contains(&level) {
        return message(vm, "Bad compression level");
    }
    let valid_wbits =
        (9..=15).contains(&wbits) || (-15..=-9).contains(&wbits) || (25..=31).contains(&wbits);
    if !valid_wbits {
        return message(vm, "Bad compression level");
    }
    let config = DeflateConfig {
        level: i32::try_from(level).unwrap_or(-1),
        window_bits: i32::try_from(wbits).unwrap_or(15),
        ..DeflateConfig::default()
    };
    let mut buf = vec![0u8; zlib_rs::compress_bound(data.len()) + 32];
    let (out, rc) = zlib_rs::compress_slice(&mut buf, &data, config);
    if rc != ReturnCode::Ok {
        let code = rc as i32;
        return message(vm, &format!("Error {code} while compressing data"));
    }
    let out = out.to_vec();
    Ok(Ret::Value(vm.bytes_value(&out)))
}

/// `zlib._decompress(data, wbits, bufsize)`.
pub fn decompress(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let data = data_arg(vm, a)?;
    let wbits = int_arg(vm, a, 1, 15)?;
    let bufsize = usize::try_from(int_arg(vm, a, 2, 16384)?.max(1)).unwrap_or(16384);
    let (header, bits) = match wbits {
        9..=15 => (true, wbits),
        -15..=-9 => (false, -wbits),
        _ => {
            return message(
                vm,
                "Error -2 while preparing to decompress data: inconsistent stream state",
            )
        }
    };
    let mut inf = Inflate::new(header, u8::try_from(bits).unwrap_or(15));
    let mut out = Vec::new();
    let mut chunk = vec![0u8; bufsize.min(1 << 20)];
    loop {
        let used = usize::try_from(inf.total_in())
            .unwrap_or(data.len())
            .min(data.len());
        let before = inf.total_out();
        let r = inf.decompress(&data[used..], &mut chunk, InflateFlush::NoFlush);
        let produced = usize::try_from(inf.total_out() - before)
            .unwrap_or(0)
            .min(chunk.len());
        out.extend_from_slice(&chunk[..produced]);
        match r {
            Ok(Status::StreamEnd) => break,
            Ok(Status::Ok | Status::BufError) => {
                let now = usize::try_from(inf.total_in()).unwrap_or(data.len());
                if produced == 0 && now >= data.len() {
                    return message(
                        vm,
                        "Error -5 while decompressing data: incomplete or truncated stream",
                    );
                }
            }
            Err(e) => {
                let code = ReturnCode::from(e) as i32;
                let text = inf
                    .error_message()
                    .unwrap_or("invalid input data")
                    .to_string();
                return message(
                    vm,
                    &format!("Error {code} while decompressing data: {text}"),
                );
            }
        }
    }
    Ok(Ret::Value(vm.bytes_value(&out)))
}
