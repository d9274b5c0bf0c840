//! `pickle.dumps`/`loads`/`dump`/`load`: a self-describing, versioned format
//! (not CPython's opcodes) that can hold suspended generators.

use crate::builtins::{Args, ExcType, Ret};
use crate::frame::RetMode;
use crate::vm::{PyResult, Vm};

/// `pickle.dumps(obj)`.
pub fn dumps(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.err(ExcType::NotImplementedError, "pickle.dumps is not implemented yet")
}

/// `pickle.loads(data)`.
pub fn loads(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.err(ExcType::NotImplementedError, "pickle.loads is not implemented yet")
}

/// `pickle.dump(obj, file)`.
pub fn dump(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.err(ExcType::NotImplementedError, "pickle.dump is not implemented yet")
}

/// `pickle.load(file)`.
pub fn load(vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    vm.err(ExcType::NotImplementedError, "pickle.load is not implemented yet")
}
