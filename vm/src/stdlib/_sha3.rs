//! `_sha3`: CPython's built-in hash module of that name (see `digest.rs`).

/// Fills the module.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::digest::install_hash_module(
        vm,
        m,
        "_sha3",
        "sha3_224 = _hash_class('sha3_224', 28, 144)\nsha3_256 = _hash_class('sha3_256', 32, 136)\nsha3_384 = _hash_class('sha3_384', 48, 104)\nsha3_512 = _hash_class('sha3_512', 64, 72)\nshake_128 = _hash_class('shake_128', 0, 168, _Shake)\nshake_256 = _hash_class('shake_256', 0, 136, _Shake)\nimplementation = 'yieldscope'\nkeccakopt = 64\n",
    );
}
