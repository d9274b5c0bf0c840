//! The mutating methods of `bytearray`.

use super::bytesmeth::{byte_of, val};
use super::funcs::{nargs, to_i64};
use super::{Args, Ret};
use crate::builtins::ExcType;
use crate::frame::RetMode;
use crate::native::{NativeKind, Then};
use crate::object::Object;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

fn ba_ref(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Ref> {
    match a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .filter(|r| matches!(vm.heap.get(*r), Object::ByteArray(_)))
    {
        Some(r) => {
            let kws = super::bytesmeth::kw_names(vm, a);
            super::bytesarity::check(vm, "bytearray", name, a.pos.len() - 1, &kws)?;
            Ok(r)
        }
        None => vm.type_error(format!("descriptor '{name}' requires a 'bytearray' object")),
    }
}

fn ba_mut(vm: &mut Vm, r: Ref) -> &mut Vec<u8> {
    match vm.heap.get_mut(r) {
        Object::ByteArray(x) => x,
        _ => unreachable!("bytearray receiver"),
    }
}

pub fn ba_append(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "append")?;
    nargs(vm, a, "append", 2, 2)?;
    let c = byte_of(vm, a.pos[1])?;
    ba_mut(vm, r).push(c);
    val(Value::None)
}

pub fn ba_extend(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "extend")?;
    nargs(vm, a, "extend", 2, 2)?;
    if let Some(x) = vm.as_bytes_like(a.pos[1]).map(<[u8]>::to_vec) {
        ba_mut(vm, r).extend(x);
        return val(Value::None);
    }
    if vm.not_iterable(a.pos[1]) {
        let tn = vm.type_name(a.pos[1]);
        return vm.type_error(format!("can't extend bytearray with {tn}"));
    }
    vm.heap.incref(a.pos[0]);
    super::funcs::consume(
        vm,
        a.pos[1],
        NativeKind::Collect {
            items: Vec::new(),
            then: Then::Extend(a.pos[0]),
        },
        ret,
    )
}

impl Vm {
    /// `Then::Extend` into a bytearray.
    pub(crate) fn bytearray_extend_items(
        &mut self,
        target: Value,
        items: Vec<Value>,
    ) -> PyResult<()> {
        let r = self.ints_to_bytes(&items, true);
        self.heap.decref_all(items);
        let data = r?;
        if let Some(Object::ByteArray(x)) = target.as_ref().map(|t| self.heap.get_mut(t)) {
            x.extend(data);
        }
        Ok(())
    }
}

pub fn ba_pop(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "pop")?;
    nargs(vm, a, "pop", 1, 2)?;
    let given = match a.pos.get(1) {
        None => None,
        Some(v) => Some(to_i64(vm, *v, "pop")?),
    };
    let len = ba_mut(vm, r).len();
    if len == 0 {
        return vm.err(ExcType::IndexError, "pop from empty bytearray");
    }
    let i = given.unwrap_or(len as i64 - 1);
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return vm.err(ExcType::IndexError, "pop index out of range");
    }
    let c = ba_mut(vm, r).remove(j as usize);
    val(Value::Int(i64::from(c)))
}

pub fn ba_insert(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "insert")?;
    nargs(vm, a, "insert", 3, 3)?;
    let i = to_i64(vm, a.pos[1], "insert")?;
    let c = byte_of(vm, a.pos[2])?;
    let x = ba_mut(vm, r);
    let len = x.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    x.insert(j as usize, c);
    val(Value::None)
}

pub fn ba_remove(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "remove")?;
    nargs(vm, a, "remove", 2, 2)?;
    let c = byte_of(vm, a.pos[1])?;
    let x = ba_mut(vm, r);
    match x.iter().position(|y| *y == c) {
        Some(p) => {
            x.remove(p);
            val(Value::None)
        }
        None => vm.value_error("value not found in bytearray"),
    }
}

pub fn ba_clear(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "clear")?;
    ba_mut(vm, r).clear();
    val(Value::None)
}

pub fn ba_reverse(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "reverse")?;
    ba_mut(vm, r).reverse();
    val(Value::None)
}

pub fn ba_copy(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let r = ba_ref(vm, a, "copy")?;
    let x = ba_mut(vm, r).clone();
    val(vm.bytearray_value(x))
}
