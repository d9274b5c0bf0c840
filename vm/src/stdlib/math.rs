//! The `math` functions of CPython 3.11 that the first set of natives (in
//! `builtins/funcs.rs`) lacked: hyperbolic functions, `cbrt`, `exp2`,
//! `expm1`, `log1p`, `nextafter`, `remainder`, `ulp`. Errors follow
//! CPython's rule: a NaN from a non-NaN argument is a domain error, an
//! infinity from a finite one a range error where the function can
//! overflow and a domain error otherwise.

use crate::builtins::{Args, ExcType, Ret};
use crate::frame::RetMode;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn real(vm: &mut Vm, v: Value) -> PyResult<f64> {
    let big = matches!(vm.int_ref(v), Some(crate::ops::IntRef::Big(_)));
    match vm.num_f64(v) {
        Some(x) if big && x.is_infinite() => {
            vm.err(ExcType::OverflowError, "int too large to convert to float")
        }
        Some(x) => Ok(x),
        None => {
            if big {
                return vm.err(ExcType::OverflowError, "int too large to convert to float");
            }
            let tn = vm.type_name(v);
            vm.type_error(format!("must be real number, not {tn}"))
        }
    }
}

fn one(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<f64> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        let n = a.pos.len() + a.kw.len();
        return vm.type_error(format!(
            "math.{name}() takes exactly one argument ({n} given)"
        ));
    }
    real(vm, a.pos[0])
}

fn two(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    if a.pos.len() != 2 {
        let n = a.pos.len();
        return vm.type_error(format!("{name} expected 2 arguments, got {n}"));
    }
    Ok((real(vm, a.pos[0])?, real(vm, a.pos[1])?))
}

/// Applies `f` with CPython's `math_1` error rules.
fn math_1(
    vm: &mut Vm,
    a: &Args<'_>,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Ret> {
    let x = one(vm, a, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return vm.value_error("math domain error");
    }
    if r.is_infinite() && x.is_finite() {
        if can_overflow {
            return vm.err(ExcType::OverflowError, "math range error");
        }
        return vm.value_error("math domain error");
    }
    Ok(Ret::Value(Value::Float(r)))
}

macro_rules! unary {
    ($($fname:ident, $py:literal, $f:expr, $ovf:expr;)*) => {
        $(
            #[doc = concat!("`math.", $py, "`.")]
            pub fn $fname(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
                math_1(vm, a, $py, $f, $ovf)
            }
        )*
    };
}

unary! {
    acosh, "acosh", f64::acosh, false;
    asinh, "asinh", f64::asinh, false;
    atanh, "atanh", f64::atanh, false;
    cosh, "cosh", f64::cosh, true;
    sinh, "sinh", f64::sinh, true;
    tanh, "tanh", f64::tanh, false;
    cbrt, "cbrt", f64::cbrt, false;
    exp2, "exp2", f64::exp2, true;
    expm1, "expm1", f64::exp_m1, true;
    log1p, "log1p", f64::ln_1p, false;
    erf, "erf", libm::erf, false;
    erfc, "erfc", libm::erfc, false;
}

/// The next float after `x` towards `y`.
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        let tiny = f64::from_bits(1);
        return if y > 0.0 { tiny } else { -tiny };
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.nextafter(x, y)`.
pub fn nextafter(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (x, y) = two(vm, a, "nextafter")?;
    Ok(Ret::Value(Value::Float(next_toward(x, y))))
}

/// `math.ulp(x)`: the distance from `|x|` to the next float away from zero
/// (towards zero for the largest finite float).
pub fn ulp(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let x = one(vm, a, "ulp")?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Ret::Value(Value::Float(x)));
    }
    let up = next_toward(x, f64::INFINITY);
    let r = if up.is_infinite() {
        x - next_toward(x, f64::NEG_INFINITY)
    } else {
        up - x
    };
    Ok(Ret::Value(Value::Float(r)))
}

/// `math.remainder(x, y)`: IEEE 754 remainder, `x - n*y` with `n` the
/// integer nearest `x/y` (ties to even).
pub fn remainder(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let (x, y) = two(vm, a, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Ret::Value(Value::Float(f64::NAN)));
    }
    if x.is_infinite() || y == 0.0 {
        return vm.value_error("math domain error");
    }
    if y.is_infinite() {
        return Ok(Ret::Value(Value::Float(x)));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let rest = ay - m;
    let r = if m < rest {
        m
    } else if m > rest {
        -rest
    } else {
        // Exactly half way: pick the even multiple.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(Ret::Value(Value::Float(1f64.copysign(x) * r)))
}
