//! `_stat`: file-mode constants of Linux and the `S_IS*`, `S_IMODE`,
//! `S_IFMT` and `filemode` functions (`prelude/_stat.py`).

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_stat", include_str!("prelude/_stat.py"));
}
