//! `_csv`: the reader, writer, dialects and registry under CPython's
//! `csv` (`prelude/_csv.py`).

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_csv", include_str!("prelude/_csv.py"));
}
