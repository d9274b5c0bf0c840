//! `_thread` for a single-threaded VM: locks, `RLock`, `get_ident`,
//! `_local`, and `start_new_thread` raising a clear `RuntimeError`
//! (`prelude/_thread.py`).

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_thread", include_str!("prelude/_thread.py"));
}
