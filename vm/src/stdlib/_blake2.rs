//! `_blake2`: `blake2b` and `blake2s` (see `digest.rs`), in
//! `prelude/_blake2.py`.

/// Fills the module.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::digest::install_hash_module(vm, m, "_blake2", include_str!("prelude/_blake2.py"));
}
