//! `array`: typed arrays with CPython's conversions, messages and byte
//! layout (`prelude/array.py`; bytes through `_struct`).

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "array", include_str!("prelude/array.py"));
}
