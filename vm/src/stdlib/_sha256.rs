//! `_sha256`: CPython's built-in hash module of that name (see `digest.rs`).

/// Fills the module.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::digest::install_hash_module(
        vm,
        m,
        "_sha256",
        "sha224 = _hash_class('sha224', 28, 64)\nsha256 = _hash_class('sha256', 32, 64)\n",
    );
}
