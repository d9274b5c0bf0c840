//! `binascii`: hex, base64 and CRC conversions (`prelude/binascii.py`),
//! which CPython's `base64` module is built on.

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "binascii", include_str!("prelude/binascii.py"));
}
