//! `_operator`: the functions and callables CPython's `operator` module
//! takes from its C half (`prelude/_operator.py`): arithmetic, comparison
//! and in-place functions, `itemgetter`, `attrgetter`, `methodcaller`,
//! `index`, `length_hint`, `call`, `_compare_digest`.

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_operator", include_str!("prelude/_operator.py"));
}
