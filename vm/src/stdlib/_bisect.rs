//! `_bisect`: the C half of CPython's `bisect`, served by the VM's bisect
//! natives (only the four names CPython's C module has).

/// Installs `bisect_left`, `bisect_right`, `insort_left`, `insort_right`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    for (i, d) in crate::builtins::TABLE.iter().enumerate() {
        let wanted = ["bisect_left", "bisect_right", "insort_left", "insort_right"];
        if d.owner == crate::builtins::Owner::Module("bisect") && wanted.contains(&d.name) {
            let f = vm.b.funcs[i];
            super::put(vm, m, d.name, crate::value::Value::Obj(f));
        }
    }
}
