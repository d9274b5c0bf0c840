//! `_sha512`: CPython's built-in hash module of that name (see `digest.rs`).

/// Fills the module.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::digest::install_hash_module(
        vm,
        m,
        "_sha512",
        "sha384 = _hash_class('sha384', 48, 128)\nsha512 = _hash_class('sha512', 64, 128)\n",
    );
}
