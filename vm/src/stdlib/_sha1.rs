//! `_sha1`: CPython's built-in hash module of that name (see `digest.rs`).

/// Fills the module.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::digest::install_hash_module(vm, m, "_sha1", "sha1 = _hash_class('sha1', 20, 64)\n");
}
