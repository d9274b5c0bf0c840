//! `_imp`: the import system's C helpers as the VM's own import system
//! answers them (`prelude/_imp.py`): no frozen or extension modules, an
//! import lock that is always free.

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_imp", include_str!("prelude/_imp.py"));
}
