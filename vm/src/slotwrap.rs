//! Special methods of built-in types read as attributes
//! (`frozenset(...).__contains__`, `dict.__getitem__`, `list.__len__`):
//! one native per slot, over the VM's own operator implementations, found
//! when the type has no method of that name. Read on an instance it is
//! bound to it; read on the type it takes the instance first.

use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// The containers whose `in`, `[]` and `len()` the VM implements natively.
fn supports(tag: TypeTag, slot: &str) -> bool {
    use TypeTag as T;
    let seq = matches!(
        tag,
        T::List | T::Tuple | T::Str | T::Bytes | T::ByteArray | T::Range | T::Deque
    );
    let map = matches!(tag, T::Dict | T::DefaultDict | T::Counter);
    let set = matches!(tag, T::Set | T::FrozenSet);
    match slot {
        "__contains__" | "__len__" => seq || map || set,
        "__getitem__" => seq || map,
        _ => false,
    }
}

/// The slot wrapper `name` for values of type `tag`, if there is one.
pub(crate) fn find(vm: &Vm, tag: TypeTag, name: &str) -> Option<Ref> {
    if !supports(tag, name) {
        return None;
    }
    crate::builtins::TABLE
        .iter()
        .position(|d| d.owner == crate::builtins::Owner::Module("_slotwrap") && d.name == name)
        .map(|i| vm.b.funcs[i])
}

fn receiver(vm: &mut Vm, a: &Args<'_>, name: &str, n: usize) -> PyResult<()> {
    if a.pos.len() == n && a.kw.is_empty() {
        return Ok(());
    }
    if a.pos.is_empty() {
        return vm.err(
            crate::builtins::ExcType::TypeError,
            format!("descriptor '{name}' needs an argument"),
        );
    }
    let tn = vm.type_name(a.pos[0]);
    vm.err(
        crate::builtins::ExcType::TypeError,
        format!(
            "{tn}.{name}() takes exactly {} argument{} ({} given)",
            n - 1,
            if n == 2 { "" } else { "s" },
            a.pos.len() - 1
        ),
    )
}

/// `T.__contains__(self, x)`.
pub fn contains(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    receiver(vm, a, "__contains__", 2)?;
    Ok(Ret::Value(Value::Bool(vm.contains(a.pos[0], a.pos[1])?)))
}

/// `T.__getitem__(self, key)`.
pub fn getitem(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    receiver(vm, a, "__getitem__", 2)?;
    Ok(Ret::Value(vm.get_item_sync(a.pos[0], a.pos[1])?))
}

/// `T.__len__(self)`.
pub fn len(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    receiver(vm, a, "__len__", 1)?;
    let n = vm.len_of(a.pos[0])?;
    Ok(Ret::Value(vm.int_from_big(n.into())))
}
