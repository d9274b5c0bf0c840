//! `_weakref`: weak references for CPython's `weakref` module, from the
//! same prelude the VM's own `weakref` runs (over the heap's weak table).

/// Runs the weak-reference prelude into `m` (`ref`, `proxy`,
/// `getweakrefcount`, `ReferenceType`, `ProxyType`, ...), then the few
/// names only `_weakref` has.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_weakref", include_str!("prelude/weakref.py"));
    super::run_prelude(vm, m, "_weakref", include_str!("prelude/_weakref.py"));
}
