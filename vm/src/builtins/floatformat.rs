//! `float.__getformat__(typestr)`: how the machine stores C doubles and
//! floats, which `test.support` and `pickle`-style code ask at import time.

use super::{Args, Ret};
use crate::frame::RetMode;
use crate::vm::{PyResult, Vm};

/// `float.__getformat__('double' | 'float')`: the IEEE layout of a 64-bit
/// little-endian host.
pub fn getformat(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(&arg) = a.pos.last() else {
        return vm.type_error("float.__getformat__() takes exactly one argument (0 given)");
    };
    let Some(s) = vm.as_str(arg).map(str::to_string) else {
        let tn = vm.type_name(arg);
        return vm.type_error(format!("__getformat__() argument must be str, not {tn}"));
    };
    match s.as_str() {
        "double" | "float" => Ok(Ret::Value(vm.str_value("IEEE, little-endian"))),
        _ => vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"),
    }
}
