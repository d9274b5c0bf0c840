//! `_functools`: `reduce` and `partial` are the VM's natives; `cmp_to_key`
//! is in `prelude/_functools.py`.

use crate::builtins::{Owner, TABLE};
use crate::types::TypeTag;
use crate::value::Value;

/// Installs `reduce`, `partial` and `cmp_to_key`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    for (i, d) in TABLE.iter().enumerate() {
        if d.owner == Owner::Module("functools") && d.name == "reduce" {
            let f = vm.b.funcs[i];
            super::put(vm, m, "reduce", Value::Obj(f));
        }
    }
    let p = vm.b.ty(TypeTag::Partial);
    super::put(vm, m, "partial", Value::Obj(p));
    super::run_prelude(vm, m, "_functools", include_str!("prelude/_functools.py"));
}
