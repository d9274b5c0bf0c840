//! `_md5`: CPython's built-in hash module of that name (see `digest.rs`).

/// Fills the module.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::digest::install_hash_module(vm, m, "_md5", "md5 = _hash_class('md5', 16, 64)\n");
}
