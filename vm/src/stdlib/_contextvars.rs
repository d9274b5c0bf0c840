//! `_contextvars`: `ContextVar`, `Token`, `Context`, `copy_context`
//! (`prelude/_contextvars.py`; one thread, so one current context).

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(
        vm,
        m,
        "_contextvars",
        include_str!("prelude/_contextvars.py"),
    );
}
