//! `_signal`: Linux's signal numbers, `signal`/`getsignal` over a table of
//! handlers, `default_int_handler`, `strsignal`, `valid_signals`,
//! `raise_signal` (`prelude/_signal.py`). The VM delivers no signals to a
//! program, so a handler is recorded, never called from outside; this is
//! what `signal` and `unittest`'s Ctrl-C handling import.

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_signal", include_str!("prelude/_signal.py"));
}
