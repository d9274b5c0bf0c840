//! `atexit`: `register`, `unregister`, `_run_exitfuncs`, `_clear`,
//! `_ncallbacks` (`prelude/atexit.py`), and the hook the VM's shutdown
//! calls to run the registered functions.

use crate::object::Object;
use crate::vm::Vm;

/// Runs the prelude into `m`.
pub fn install(vm: &mut Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "atexit", include_str!("prelude/atexit.py"));
}

/// Runs the functions registered with `atexit`, if the program imported
/// it (called at interpreter exit, before the main module is released).
pub fn run_exit_callbacks(vm: &mut Vm) {
    let Some(&m) = vm.modules.get("atexit") else {
        return;
    };
    let s = vm.sym("_run_exitfuncs");
    let f = match vm.heap.get(m) {
        Object::Module(md) => md.globals.get(&s).copied(),
        _ => None,
    };
    let Some(f) = f else { return };
    vm.heap.incref(f);
    match vm.call_sync(f, Vec::new(), Vec::new()) {
        Ok(v) | Err(v) => vm.heap.decref(v),
    }
    vm.heap.decref(f);
}
