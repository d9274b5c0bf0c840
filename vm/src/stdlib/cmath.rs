//! `cmath`: the complex functions of CPython 3.11, with its algorithms for
//! finite arguments (care near overflow and underflow), C99's special
//! values where a part is infinite or NaN (`cmath_special.rs`), and its
//! errors: `ValueError: math domain error`, `OverflowError: math range error`.

use super::cmath_special as sv;
use crate::builtins::{Args, ExcType, Ret};
use crate::complex::{c_quot, CErr};
use crate::frame::RetMode;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use std::f64::consts::{E, LN_10, LN_2, PI};

/// One entry of a special-value table.
#[derive(Clone, Copy, Debug)]
pub(super) enum Sp {
    /// Both parts finite: the formula applies.
    F,
    /// Computed by the formula, without error.
    C,
    /// A domain error.
    D,
    /// This value.
    V(f64, f64),
}

type Z = (f64, f64);
type Out = Result<Z, CErr>;

const LARGE: f64 = f64::MAX / 4.0;
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

/// `asinh` as the C library computes it (Rust's own formula differs in
/// the last bit): `log` of `2|x|` past `2**28`, `log1p` near zero.
fn m_asinh(x: f64) -> f64 {
    let ax = x.abs();
    if ax.is_nan() || ax.is_infinite() {
        return x + x;
    }
    if ax < 2f64.powi(-28) {
        return x;
    }
    let w = if ax > 2f64.powi(28) {
        ax.ln() + LN_2
    } else if ax > 2.0 {
        (2.0 * ax + 1.0 / ((ax * ax + 1.0).sqrt() + ax)).ln()
    } else {
        let t = ax * ax;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn kind(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        if x > 0.0 {
            5
        } else {
            0
        }
    } else if x == 0.0 {
        if x.is_sign_negative() {
            2
        } else {
            3
        }
    } else if x < 0.0 {
        1
    } else {
        4
    }
}

/// The table's answer for a non-finite argument, else `None`.
fn special(z: Z, table: &[Sp; 49]) -> Option<Out> {
    if z.0.is_finite() && z.1.is_finite() {
        return None;
    }
    match table[kind(z.0) * 7 + kind(z.1)] {
        Sp::V(a, b) => Some(Ok((a, b))),
        Sp::D => Some(Err(CErr::Dom)),
        Sp::F | Sp::C => None,
    }
}

/// Whether the table computes this non-finite argument without error.
fn computed(z: Z, table: &[Sp; 49]) -> bool {
    !(z.0.is_finite() && z.1.is_finite()) && matches!(table[kind(z.0) * 7 + kind(z.1)], Sp::C)
}

fn range_check(r: Z) -> Out {
    if r.0.is_infinite() || r.1.is_infinite() {
        Err(CErr::Range)
    } else {
        Ok(r)
    }
}

fn c_sqrt(z: Z) -> Out {
    if let Some(r) = special(z, &sv::SQRT) {
        return r;
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return Ok((0.0, z.1));
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    Ok(if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    })
}

fn c_acos(z: Z) -> Out {
    if let Some(r) = special(z, &sv::ACOS) {
        return r;
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = z.1.abs().atan2(z.0);
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let im = if z.0 < 0.0 {
            -l.copysign(z.1)
        } else {
            l.copysign(-z.1)
        };
        return Ok((re, im));
    }
    let s1 = c_sqrt((1.0 - z.0, -z.1))?;
    let s2 = c_sqrt((1.0 + z.0, z.1))?;
    Ok((2.0 * s1.0.atan2(s2.0), m_asinh(s2.0 * s1.1 - s2.1 * s1.0)))
}

fn c_acosh(z: Z) -> Out {
    if let Some(r) = special(z, &sv::ACOSH) {
        return r;
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        return Ok((
            (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0,
            z.1.atan2(z.0),
        ));
    }
    let s1 = c_sqrt((z.0 - 1.0, z.1))?;
    let s2 = c_sqrt((z.0 + 1.0, z.1))?;
    Ok((m_asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0)))
}

fn c_asinh(z: Z) -> Out {
    if let Some(r) = special(z, &sv::ASINH) {
        return r;
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let re = if z.1 >= 0.0 {
            l.copysign(z.0)
        } else {
            -l.copysign(-z.0)
        };
        return Ok((re, z.1.atan2(z.0.abs())));
    }
    let s1 = c_sqrt((1.0 + z.1, -z.0))?;
    let s2 = c_sqrt((1.0 - z.1, z.0))?;
    Ok((
        m_asinh(s1.0 * s2.1 - s2.0 * s1.1),
        z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    ))
}

fn c_asin(z: Z) -> Out {
    let s = c_asinh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_atanh(z: Z) -> Out {
    if let Some(r) = special(z, &sv::ATANH) {
        return r;
    }
    if z.0 < 0.0 {
        let r = c_atanh((-z.0, -z.1))?;
        return Ok((-r.0, -r.1));
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return Ok((z.0 / 4.0 / h / h, -(PI / 2.0).copysign(-z.1)));
    }
    if z.0 == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(CErr::Dom);
        }
        return Ok((
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2.0f64.atan2(-ay) / 2.0).copysign(z.1),
        ));
    }
    Ok((
        (4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0,
    ))
}

fn c_atan(z: Z) -> Out {
    let s = c_atanh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_cosh(z: Z) -> Out {
    if let Some(r) = special(z, &sv::COSH) {
        return r;
    }
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - 1f64.copysign(z.0);
        (z.1.cos() * x1.cosh() * E, z.1.sin() * x1.sinh() * E)
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    if computed(z, &sv::COSH) {
        return Ok(r);
    }
    range_check(r)
}

fn c_cos(z: Z) -> Out {
    c_cosh((-z.1, z.0))
}

fn c_sinh(z: Z) -> Out {
    if let Some(r) = special(z, &sv::SINH) {
        return r;
    }
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - 1f64.copysign(z.0);
        (z.1.cos() * x1.sinh() * E, z.1.sin() * x1.cosh() * E)
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    if computed(z, &sv::SINH) {
        return Ok(r);
    }
    range_check(r)
}

fn c_sin(z: Z) -> Out {
    let s = c_sinh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_tanh(z: Z) -> Out {
    if let Some(r) = special(z, &sv::TANH) {
        return r;
    }
    if z.0.abs() > log_large() {
        return Ok((
            1f64.copysign(z.0),
            4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp(),
        ));
    }
    let tx = z.0.tanh();
    let ty = z.1.tan();
    let cx = 1.0 / z.0.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn c_tan(z: Z) -> Out {
    let s = c_tanh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_exp(z: Z) -> Out {
    if let Some(r) = special(z, &sv::EXP) {
        return r;
    }
    let r = if z.0 > log_large() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    if computed(z, &sv::EXP) {
        return Ok(r);
    }
    range_check(r)
}

fn c_log(z: Z) -> Out {
    if let Some(r) = special(z, &sv::LOG) {
        return r;
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return Err(CErr::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((re, z.1.atan2(z.0)))
}

fn c_log10(z: Z) -> Out {
    if let Some(r) = special(z, &sv::LOG10) {
        return r;
    }
    let r = c_log(z)?;
    Ok((r.0 / LN_10, r.1 / LN_10))
}

/// An argument as a complex: a complex (or subclass), a number, or an
/// object with `__complex__`, `__float__` or `__index__`.
fn arg(vm: &mut Vm, v: Value) -> PyResult<Z> {
    let base = vm.payload(v).unwrap_or(v);
    if let Some(z) = vm.complex_parts(base) {
        if !vm.is_user_object(v) {
            return Ok(z);
        }
    }
    if vm.is_user_object(v) {
        let name = vm.sym("__complex__");
        if let Some(m) = vm.lookup_special(v, name) {
            let out = vm.call_sync(m, Vec::new(), Vec::new());
            vm.heap.decref(m);
            let out = out?;
            let z = vm.complex_parts(vm.payload(out).unwrap_or(out));
            vm.heap.decref(out);
            return match z {
                Some(z) => Ok(z),
                None => vm.type_error("__complex__ should return a complex object"),
            };
        }
    }
    match vm.number_as_float(v)? {
        Some(f) => Ok((f, 0.0)),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!("must be real number, not {tn}"))
        }
    }
}

fn real_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.number_as_float(v)? {
        Some(f) => Ok(f),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!("must be real number, not {tn}"))
        }
    }
}

fn math_error<T>(vm: &mut Vm, e: CErr) -> PyResult<T> {
    match e {
        CErr::Dom => vm.value_error("math domain error"),
        CErr::Range => vm.err(ExcType::OverflowError, "math range error"),
    }
}

fn one_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Z> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        let n = a.pos.len() + a.kw.len();
        return vm.type_error(format!(
            "cmath.{name}() takes exactly one argument ({n} given)"
        ));
    }
    arg(vm, a.pos[0])
}

fn apply(vm: &mut Vm, a: &Args<'_>, name: &str, f: fn(Z) -> Out) -> PyResult<Ret> {
    let z = one_arg(vm, a, name)?;
    match f(z) {
        Ok(r) => Ok(Ret::Value(vm.new_complex(r.0, r.1))),
        Err(e) => math_error(vm, e),
    }
}

macro_rules! unary {
    ($($f:ident => $c:ident),* $(,)?) => {
        $(
            #[doc = concat!("`cmath.", stringify!($f), "(z)`.")]
            pub fn $f(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
                apply(vm, a, stringify!($f), $c)
            }
        )*
    };
}

unary!(
    acos => c_acos, acosh => c_acosh, asin => c_asin, asinh => c_asinh, atan => c_atan,
    atanh => c_atanh, cos => c_cos, cosh => c_cosh, exp => c_exp, log10 => c_log10,
    sin => c_sin, sinh => c_sinh, sqrt => c_sqrt, tan => c_tan, tanh => c_tanh,
);

/// `cmath.log(z[, base])`.
pub fn log(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.is_empty() || a.pos.len() > 2 || !a.kw.is_empty() {
        let n = a.pos.len() + a.kw.len();
        return vm.type_error(if n == 0 {
            "log expected at least 1 argument, got 0".to_string()
        } else {
            format!("log expected at most 2 arguments, got {n}")
        });
    }
    let z = arg(vm, a.pos[0])?;
    let base = match a.pos.get(1) {
        Some(&b) => Some(arg(vm, b)?),
        None => None,
    };
    let mut err = None;
    let x = match c_log(z) {
        Ok(x) => x,
        Err(e) => {
            err = Some(e);
            (f64::NEG_INFINITY, z.1.atan2(z.0))
        }
    };
    let r = match base {
        None => x,
        Some(b) => {
            let y = match c_log(b) {
                Ok(y) => y,
                Err(e) => {
                    err = Some(e);
                    (f64::NEG_INFINITY, b.1.atan2(b.0))
                }
            };
            match c_quot(x, y) {
                Ok(r) => r,
                Err(e) => {
                    err = Some(e);
                    (0.0, 0.0)
                }
            }
        }
    };
    if let Some(e) = err {
        return math_error(vm, e);
    }
    Ok(Ret::Value(vm.new_complex(r.0, r.1)))
}

/// `cmath.phase(z)`.
pub fn phase(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let z = one_arg(vm, a, "phase")?;
    let r = z.1.atan2(z.0);
    if z.0.is_finite() && z.1.is_finite() && z.1 != 0.0 && r == 0.0 {
        // The C library reports the underflow as a range error.
        return math_error(vm, CErr::Range);
    }
    Ok(Ret::Value(Value::Float(r)))
}

/// `cmath.polar(z)`: `(abs(z), phase(z))`.
pub fn polar(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let z = one_arg(vm, a, "polar")?;
    let r = crate::complex::c_abs(z);
    if r.is_infinite() && z.0.is_finite() && z.1.is_finite() {
        return math_error(vm, CErr::Range);
    }
    let t = vm.tuple(vec![Value::Float(r), Value::Float(z.1.atan2(z.0))]);
    Ok(Ret::Value(t))
}

/// `cmath.rect(r, phi)`.
pub fn rect(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 2 || !a.kw.is_empty() {
        let n = a.pos.len() + a.kw.len();
        return vm.type_error(format!("rect expected 2 arguments, got {n}"));
    }
    let r = real_arg(vm, a.pos[0])?;
    let phi = real_arg(vm, a.pos[1])?;
    let z = if !r.is_finite() || !phi.is_finite() {
        if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            return math_error(vm, CErr::Dom);
        }
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let s = if r > 0.0 { 1.0 } else { -1.0 };
            (
                s * f64::INFINITY.copysign(phi.cos()),
                s * f64::INFINITY.copysign(phi.sin()),
            )
        } else if r.is_nan() {
            if phi == 0.0 {
                (f64::NAN, 0.0)
            } else {
                (f64::NAN, f64::NAN)
            }
        } else if r.is_infinite() {
            // phi is 0 or NaN.
            if phi.is_nan() {
                (f64::INFINITY, f64::NAN)
            } else {
                (r, if r > 0.0 { phi } else { -phi })
            }
        } else if r == 0.0 {
            // phi is infinite or NaN.
            (0.0, 0.0)
        } else {
            (f64::NAN, f64::NAN)
        }
    } else if phi == 0.0 {
        (r, r * phi)
    } else {
        (r * phi.cos(), r * phi.sin())
    };
    Ok(Ret::Value(vm.new_complex(z.0, z.1)))
}

fn test(vm: &mut Vm, a: &Args<'_>, name: &str, f: fn(f64) -> bool, any: bool) -> PyResult<Ret> {
    let z = one_arg(vm, a, name)?;
    let r = if any {
        f(z.0) || f(z.1)
    } else {
        f(z.0) && f(z.1)
    };
    Ok(Ret::Value(Value::Bool(r)))
}

/// `cmath.isfinite(z)`.
pub fn isfinite(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    test(vm, a, "isfinite", f64::is_finite, false)
}

/// `cmath.isinf(z)`.
pub fn isinf(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    test(vm, a, "isinf", f64::is_infinite, true)
}

/// `cmath.isnan(z)`.
pub fn isnan(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    test(vm, a, "isnan", f64::is_nan, true)
}

/// `cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
pub fn isclose(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 2 {
        let n = a.pos.len();
        return vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({n} given)"
        ));
    }
    let x = arg(vm, a.pos[0])?;
    let y = arg(vm, a.pos[1])?;
    let (mut rel, mut abs_tol) = (1e-9, 0.0);
    for (k, v) in a.kw {
        let name = vm.names.name(*k).to_string();
        match name.as_str() {
            "rel_tol" => rel = real_arg(vm, *v)?,
            "abs_tol" => abs_tol = real_arg(vm, *v)?,
            _ => {
                return vm.type_error(format!(
                    "isclose() got an unexpected keyword argument '{name}'"
                ))
            }
        }
    }
    if rel < 0.0 || abs_tol < 0.0 {
        return vm.value_error("tolerances must be non-negative");
    }
    if x == y {
        return Ok(Ret::Value(Value::Bool(true)));
    }
    if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        return Ok(Ret::Value(Value::Bool(false)));
    }
    let diff = crate::complex::c_abs((x.0 - y.0, x.1 - y.1));
    let close = (diff <= rel * crate::complex::c_abs(y))
        || (diff <= rel * crate::complex::c_abs(x))
        || diff <= abs_tol;
    Ok(Ret::Value(Value::Bool(close)))
}

/// Fills the module: its functions and constants.
pub fn install(vm: &mut Vm, m: Ref) {
    super::put_funcs(vm, m, "cmath");
    super::put(vm, m, "pi", Value::Float(PI));
    super::put(vm, m, "e", Value::Float(E));
    super::put(vm, m, "tau", Value::Float(std::f64::consts::TAU));
    super::put(vm, m, "inf", Value::Float(f64::INFINITY));
    super::put(vm, m, "nan", Value::Float(f64::NAN));
    let infj = vm.new_complex(0.0, f64::INFINITY);
    super::put(vm, m, "infj", infj);
    vm.heap.decref(infj);
    let nanj = vm.new_complex(0.0, f64::NAN);
    super::put(vm, m, "nanj", nanj);
    vm.heap.decref(nanj);
}
