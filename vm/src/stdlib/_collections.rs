//! `_collections`: the C half of CPython's `collections` — `deque` and
//! `defaultdict` are the VM's built-in types. (`OrderedDict`,
//! `_count_elements` and `_tuplegetter` have pure-Python fallbacks there.)

use crate::types::TypeTag;
use crate::value::Value;

/// Installs `deque` and `defaultdict`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    for (n, t) in [
        ("deque", TypeTag::Deque),
        ("defaultdict", TypeTag::DefaultDict),
    ] {
        let c = vm.b.ty(t);
        super::put(vm, m, n, Value::Obj(c));
    }
}
