//! `_bisect`: the C half of CPython's `bisect` (`prelude/_bisect.py`, with
//! CPython's signatures over any sequence), on top of the VM's native
//! searches of plain lists.

/// Installs the native searches under private names, then the prelude.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    for (i, d) in crate::builtins::TABLE.iter().enumerate() {
        if d.owner == crate::builtins::Owner::Module("bisect")
            && matches!(d.name, "bisect_left" | "bisect_right")
        {
            let f = vm.b.funcs[i];
            let name = format!("_native_{}", d.name);
            super::put(vm, m, &name, crate::value::Value::Obj(f));
        }
    }
    super::run_prelude(vm, m, "_bisect", include_str!("prelude/_bisect.py"));
}
