//! `int.to_bytes` and `int.from_bytes`.

use super::bytesmeth::{too_big, val};
use super::funcs::{kw, pos_or_kw, to_i64};
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::frame::RetMode;
use crate::types::TypeTag;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};

fn byteorder(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match vm.as_str(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => vm.value_error("byteorder must be either 'little' or 'big'"),
        None => {
            let tn = if v == Value::None {
                "None".to_string()
            } else {
                vm.type_name(v)
            };
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
    let little = byteorder(vm, pos_or_kw(vm, a, 2, "byteorder"), "to_bytes")?;
    if length < 0 {
        return vm.value_error("length argument must be non-negative");
    }
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
    // `int.from_bytes(b)` passes the data first; `(0).from_bytes(b)` the
    // receiver, then the data.
    let skip = usize::from(
        a.pos.len() > 1
            && matches!(a.pos[0], Value::Int(_) | Value::Bool(_))
            && (vm.as_bytes_like(a.pos[1]).is_some()
                || matches!(vm.tag_of(a.pos[1]), TypeTag::List | TypeTag::Tuple)),
    );
    let pos = &a.pos[skip..];
    let sub = Args { pos, kw: a.kw };
    let Some(src) = pos_or_kw(vm, &sub, 0, "bytes") else {
        return vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)");
    };
    let little = byteorder(vm, pos_or_kw(vm, &sub, 1, "byteorder"), "from_bytes")?;
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
