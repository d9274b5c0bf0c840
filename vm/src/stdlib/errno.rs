//! `errno`: the Linux error numbers and `errorcode`, as CPython's C module
//! gives them on Linux (the table lives in `prelude/errno.py`).

/// Runs the table into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "errno", include_str!("prelude/errno.py"));
}
