//! `str.isascii()` and `bytes.isascii()` / `bytearray.isascii()`: true for
//! an empty value too, unlike the other `is*` predicates.

use super::{Args, Ret};
use crate::frame::RetMode;
use crate::vm::{PyResult, Vm};

/// `s.isascii()`.
pub fn str_isascii(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(&this) = a.pos.first() else {
        return vm.type_error("unbound method str.isascii() needs an argument");
    };
    if a.pos.len() > 1 {
        return vm.type_error(format!(
            "str.isascii() takes no arguments ({} given)",
            a.pos.len() - 1
        ));
    }
    match vm.as_str(this) {
        Some(s) => Ok(Ret::Value(crate::value::Value::Bool(s.is_ascii()))),
        None => {
            let tn = vm.type_name(this);
            vm.type_error(format!(
                "descriptor 'isascii' for 'str' objects doesn't apply to a '{tn}' object"
            ))
        }
    }
}

/// `b.isascii()` for `bytes` and `bytearray`.
pub fn bytes_isascii(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(&this) = a.pos.first() else {
        return vm.type_error("unbound method isascii() needs an argument");
    };
    if a.pos.len() > 1 {
        return vm.type_error(format!(
            "isascii() takes no arguments ({} given)",
            a.pos.len() - 1
        ));
    }
    match vm.as_bytes_like(this) {
        Some(b) => {
            let ok = b.is_ascii();
            Ok(Ret::Value(crate::value::Value::Bool(ok)))
        }
        None => vm.type_error("isascii() needs a bytes-like object"),
    }
}
