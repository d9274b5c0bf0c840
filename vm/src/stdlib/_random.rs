//! `_random`: the `Random` base class of CPython's `random` module — the
//! VM's Mersenne Twister type (`random_mt.rs`), with `random`, `seed`,
//! `getstate`, `setstate` and `getrandbits`.

use crate::types::TypeTag;
use crate::value::Value;

/// Installs `Random`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    let c = vm.b.ty(TypeTag::Random);
    super::put(vm, m, "Random", Value::Obj(c));
}
