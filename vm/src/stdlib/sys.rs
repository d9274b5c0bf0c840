//! `sys`: the interpreter's own module. The Rust side holds what comes from
//! the run (`argv`, `path`, `modules`, the found CPython's prefixes, the
//! streams); `prelude/sys.py` holds CPython's struct sequences and the
//! small functions Lib modules call at import time.

use super::{introspect_helper, put, put_funcs, run_prelude};
use crate::value::{Ref, Value};
use crate::vm::Vm;

/// Fills a new `sys` module.
pub(super) fn fill(vm: &mut Vm, m: Ref) {
    put_funcs(vm, m, "sys");
    for (n, h) in [
        ("_getframe", "_getframe"),
        ("stdout", "stdout"),
        ("stderr", "stderr"),
        ("__stdout__", "stdout"),
        ("__stderr__", "stderr"),
    ] {
        if let Some(v) = introspect_helper(vm, h) {
            put(vm, m, n, v);
        }
    }
    let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.str_value(a)).collect();
    put_owned_list(vm, m, "argv", argv);
    let dir = vm.search_dir.clone();
    let path: Vec<Value> = crate::import::finder::initial_sys_path(&dir)
        .iter()
        .map(|p| vm.str_value(p))
        .collect();
    put_owned_list(vm, m, "path", path);
    let modules = vm.sys_modules();
    put(vm, m, "modules", modules);
    put(vm, m, "maxsize", Value::Int(i64::MAX));
    let info = crate::import::python::python_info();
    let (exe, prefix, base) = match &info {
        Some(i) => (
            i.executable.clone(),
            i.prefix.clone(),
            i.base_prefix.clone(),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    for (n, v) in [
        ("version", "3.11.7 (yieldscope)"),
        ("executable", exe.as_str()),
        ("_base_executable", exe.as_str()),
        ("prefix", prefix.as_str()),
        ("exec_prefix", prefix.as_str()),
        ("base_prefix", base.as_str()),
        ("base_exec_prefix", base.as_str()),
        ("platlibdir", "lib"),
    ] {
        let s = vm.str_value(v);
        put(vm, m, n, s);
        vm.heap.decref(s);
    }
    run_prelude(vm, m, "sys", include_str!("prelude/sys.py"));
}

fn put_owned_list(vm: &mut Vm, m: Ref, name: &str, items: Vec<Value>) {
    let l = vm.list(items);
    put(vm, m, name, l);
    vm.heap.decref(l);
}
