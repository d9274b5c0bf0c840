//! Methods of `complex` (`conjugate`, `__complex__`, `__getnewargs__`,
//! `__format__`) and its operator dunders, read as attributes by programs
//! and by subclasses through `super()`.

use super::{Args, Ret};
use crate::code::{BinOp, CmpOp};
use crate::frame::RetMode;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn val(v: Value) -> PyResult<Ret> {
    Ok(Ret::Value(v))
}

/// The receiver's parts (the built-in value of a subclass instance too).
fn recv(vm: &mut Vm, a: &Args<'_>, name: &str, n: usize) -> PyResult<(f64, f64)> {
    let z = a.pos.first().and_then(|&s| {
        let s = vm.payload(s).unwrap_or(s);
        vm.complex_parts(s)
    });
    let Some(z) = z else {
        let what = a
            .pos
            .first()
            .map_or_else(|| "nothing".to_string(), |v| vm.type_name(*v));
        return vm.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{what}' object"
        ));
    };
    if a.pos.len() != n + 1 || !a.kw.is_empty() {
        let given = a.pos.len().saturating_sub(1) + a.kw.len();
        return vm.type_error(if n == 0 {
            format!("complex.{name}() takes no arguments ({given} given)")
        } else {
            format!("expected {n} argument, got {given}")
        });
    }
    Ok(z)
}

/// `z.conjugate()`.
pub fn conjugate(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "conjugate", 0)?;
    val(vm.new_complex(re, -im))
}

/// `z.__complex__()`: the value as an exact `complex`.
pub fn dunder_complex(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__complex__", 0)?;
    val(vm.new_complex(re, im))
}

/// `z.__getnewargs__()`: `(real, imag)`, what copy and pickle rebuild from.
pub fn getnewargs(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__getnewargs__", 0)?;
    val(vm.tuple(vec![Value::Float(re), Value::Float(im)]))
}

/// `z.__format__(spec)`.
pub fn format(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__format__", 1)?;
    let Some(spec) = vm.as_str(a.pos[1]).map(str::to_string) else {
        let tn = vm.type_name(a.pos[1]);
        return vm.type_error(format!("__format__() argument must be str, not {tn}"));
    };
    let z = vm.new_complex(re, im);
    let out = vm.format_spec(z, &spec);
    vm.heap.decref(z);
    let s = out?;
    val(vm.str_value(&s))
}

fn binary(vm: &mut Vm, a: &Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, name, 1)?;
    let other = a.pos[1];
    let other = vm.payload(other).unwrap_or(other);
    if vm.complex_operand(other)?.is_none() {
        return val(Value::NotImplemented);
    }
    let z = vm.new_complex(re, im);
    let (x, y) = if reflected { (other, z) } else { (z, other) };
    let out = vm.complex_binop(op, x, y);
    vm.heap.decref(z);
    val(out?.unwrap_or(Value::NotImplemented))
}

macro_rules! binaries {
    ($($f:ident => $name:literal, $op:ident, $refl:expr;)*) => {
        $(
            #[doc = concat!("`complex.", $name, "`.")]
            pub fn $f(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
                binary(vm, a, $name, BinOp::$op, $refl)
            }
        )*
    };
}

binaries! {
    add => "__add__", Add, false;
    radd => "__radd__", Add, true;
    sub => "__sub__", Sub, false;
    rsub => "__rsub__", Sub, true;
    mul => "__mul__", Mul, false;
    rmul => "__rmul__", Mul, true;
    truediv => "__truediv__", TrueDiv, false;
    rtruediv => "__rtruediv__", TrueDiv, true;
    pow => "__pow__", Pow, false;
    rpow => "__rpow__", Pow, true;
}

/// `complex.__neg__`.
pub fn neg(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__neg__", 0)?;
    val(vm.new_complex(-re, -im))
}

/// `complex.__pos__`.
pub fn pos(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__pos__", 0)?;
    val(vm.new_complex(re, im))
}

/// `complex.__abs__`.
pub fn abs(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__abs__", 0)?;
    let z = vm.new_complex(re, im);
    let out = super::funcs::abs(vm, &Args { pos: &[z], kw: &[] }, ret);
    vm.heap.decref(z);
    out
}

/// `complex.__bool__`.
pub fn bool_(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__bool__", 0)?;
    val(Value::Bool(re != 0.0 || im != 0.0))
}

fn compare(vm: &mut Vm, a: &Args<'_>, name: &str, op: CmpOp) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, name, 1)?;
    let other = a.pos[1];
    let other = vm.payload(other).unwrap_or(other);
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return val(Value::NotImplemented);
    }
    let z = vm.new_complex(re, im);
    let eq = vm.complex_eq(z, other);
    vm.heap.decref(z);
    val(match eq {
        Some(e) => Value::Bool(e == (op == CmpOp::Eq)),
        None => Value::NotImplemented,
    })
}

/// `complex.__eq__`.
pub fn eq(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    compare(vm, a, "__eq__", CmpOp::Eq)
}

/// `complex.__ne__`.
pub fn ne(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    compare(vm, a, "__ne__", CmpOp::Ne)
}

/// `complex.__hash__`.
pub fn hash(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (re, im) = recv(vm, a, "__hash__", 0)?;
    let id = a.pos.first().map_or(0, |v| vm.id_of(*v));
    val(Value::Int(crate::complex::complex_hash(re, im, id)))
}
