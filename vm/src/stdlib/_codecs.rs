//! `_codecs`: the codec registry (`register`, `lookup`, error handlers) and
//! the utf-8, ascii and latin-1 codec functions CPython's `codecs` module
//! imports (`prelude/_codecs.py`, over the VM's own encoders).

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_codecs", include_str!("prelude/_codecs.py"));
}
