//! The built-in `complex` type: a heap object holding two floats, with
//! CPython 3.11's arithmetic (Smith's division, `c_powi` for small integral
//! exponents), hashing, repr and string parsing.
//!
//! The class is made on first use (a `complex` literal, the name
//! `complex`, or a value built by `cmath`), so programs that never touch
//! complex numbers keep the heap layout they always had.

use crate::builtins::{ExcType, Owner, TABLE};
use crate::code::BinOp;
use crate::object::{ClassKind, Object};
use crate::ops::IntRef;
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// Why a complex computation failed (CPython's `errno` after the C code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CErr {
    /// `EDOM`: division by zero or a domain error.
    Dom,
    /// `ERANGE`: the result overflowed.
    Range,
}

/// `a * b`.
#[must_use]
pub fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` by Smith's method; `Err` when `b` is zero.
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), CErr> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(CErr::Dom);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one part of the divisor is a NaN.
        Ok((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_powi(x: (f64, f64), n: i64) -> Result<(f64, f64), CErr> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        c_quot((1.0, 0.0), c_powu(x, -n))
    }
}

/// The general power by polar form.
fn c_pow_general(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), CErr> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(CErr::Dom);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` as CPython's `complex_pow` computes it, with its error.
pub fn c_pow(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), CErr> {
    #[allow(clippy::cast_possible_truncation)] // |b.0| <= 100 and integral
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)?
    } else {
        c_pow_general(a, b)?
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(CErr::Range);
    }
    Ok(p)
}

/// `abs(z)`: infinite if either part is, NaN if either is, else `hypot`.
#[must_use]
pub fn c_abs(z: (f64, f64)) -> f64 {
    if z.0.is_infinite() || z.1.is_infinite() {
        return f64::INFINITY;
    }
    if z.0.is_nan() || z.1.is_nan() {
        return f64::NAN;
    }
    z.0.hypot(z.1)
}

/// One part as `repr` writes it (`r` format, no `.0`).
fn part_repr(x: f64, sign: bool) -> String {
    let s = crate::fmt::repr_digits(x);
    if sign && !s.starts_with('-') {
        format!("+{s}")
    } else {
        s
    }
}

/// `repr(complex(re, im))`.
#[must_use]
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part_repr(im, false))
    } else {
        format!("({}{}j)", part_repr(re, false), part_repr(im, true))
    }
}

/// `hash(complex(re, im))`, equal to the hash of an equal int or float.
#[must_use]
pub fn complex_hash(re: f64, im: f64, identity: i64) -> i64 {
    let hr = crate::settable::hash_float(re, identity) as u64;
    let hi = crate::settable::hash_float(im, identity) as u64;
    let combined = hr.wrapping_add(1_000_003u64.wrapping_mul(hi)) as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}

/// Reads the longest float at the start of `s`; returns it and the bytes used.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word.as_bytes()) {
            let n = i + word.len();
            let text = std::str::from_utf8(&s[..n]).ok()?;
            return crate::fmt::parse_float_str(text).map(|f| (f, n));
        }
    }
    let start_digits = i;
    while s.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut any = i > start_digits;
    if s.get(i) == Some(&b'.') {
        i += 1;
        let f0 = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        any |= i > f0;
    }
    if !any {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let e0 = j;
        while s.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j > e0 {
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    text.parse::<f64>().ok().map(|f| (f, i))
}

/// Removes the underscores of numeric text, each of which must sit
/// between two digits; `None` when one does not.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !before || !after {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// `complex(text)`: the forms CPython accepts (`1`, `2j`, `1+2j`, `-j`,
/// `(1-2.5e3J)`, `inf+nanj`, with surrounding white space and parentheses).
#[must_use]
pub fn parse_complex_str(text: &str) -> Option<(f64, f64)> {
    // Unicode white space and decimal digits count as their ASCII forms.
    let text: String = text
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                ' '
            } else if let Some(d) = crate::fmt::decimal_value(c).filter(|_| !c.is_ascii()) {
                char::from_digit(d, 10).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let s = strip_underscores(s)?;
    if !s.is_ascii() {
        return None;
    }
    let b = s.as_bytes();
    let mut i = 0;
    let mut bracket = false;
    if b.first() == Some(&b'(') {
        bracket = true;
        i = 1;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&b[i..]) {
        Some((z, n)) => {
            i += n;
            match b.get(i) {
                Some(b'+' | b'-') => {
                    x = z;
                    match float_prefix(&b[i..]) {
                        Some((w, m)) => {
                            y = w;
                            i += m;
                        }
                        None => {
                            y = if b[i] == b'+' { 1.0 } else { -1.0 };
                            i += 1;
                        }
                    }
                    if !matches!(b.get(i), Some(b'j' | b'J')) {
                        return None;
                    }
                    i += 1;
                }
                Some(b'j' | b'J') => {
                    y = z;
                    i += 1;
                }
                _ => x = z,
            }
        }
        None => {
            let mut sign = 1.0;
            if let Some(&c @ (b'+' | b'-')) = b.get(i) {
                if c == b'-' {
                    sign = -1.0;
                }
                i += 1;
            }
            if !matches!(b.get(i), Some(b'j' | b'J')) {
                return None;
            }
            y = sign;
            i += 1;
        }
    }
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if bracket {
        if b.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
    }
    (i == b.len()).then_some((x, y))
}

impl Vm {
    /// The `complex` class (borrowed), made on first use.
    pub(crate) fn complex_class(&mut self) -> Ref {
        let idx = TypeTag::Complex as usize;
        if let Some(&r) = self.b.types.get(idx) {
            return r;
        }
        let object = self.b.types[0];
        while self.b.types.len() < idx {
            self.b.types.push(object);
        }
        let c = crate::builtins::make_class(
            self,
            "complex",
            vec![object],
            ClassKind::Builtin(TypeTag::Complex),
            "builtins",
        );
        self.b.types.push(c);
        for (i, d) in TABLE.iter().enumerate() {
            if d.owner == Owner::Type(TypeTag::Complex) {
                let name = self.sym(d.name);
                let f = self.b.funcs[i];
                crate::builtins::set_attr(self, c, name, Value::Obj(f));
            }
        }
        let bmod = self.b.module();
        let name = self.sym("complex");
        crate::builtins::set_attr(self, bmod, name, Value::Obj(c));
        c
    }

    /// A new `complex` (owned).
    pub fn new_complex(&mut self, re: f64, im: f64) -> Value {
        self.complex_class();
        Value::Obj(self.heap.alloc(Object::Complex(re, im)))
    }

    /// The parts of an exact `complex` value.
    #[must_use]
    pub fn complex_parts(&self, v: Value) -> Option<(f64, f64)> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Complex(re, im) => Some((*re, *im)),
                _ => None,
            },
            _ => None,
        }
    }

    /// An int, float or complex operand as a complex (ints past the float
    /// range raise `OverflowError`); `None` for other types.
    pub(crate) fn complex_operand(&mut self, v: Value) -> PyResult<Option<(f64, f64)>> {
        match v {
            Value::Float(f) => return Ok(Some((f, 0.0))),
            Value::Int(i) => return Ok(Some((i as f64, 0.0))),
            Value::Bool(b) => return Ok(Some((f64::from(u8::from(b)), 0.0))),
            _ => {}
        }
        if let Some(p) = self.complex_parts(v) {
            return Ok(Some(p));
        }
        if let Some(IntRef::Big(b)) = self.int_ref(v) {
            return match crate::fmt::int_to_f64(b) {
                Ok(f) => Ok(Some((f, 0.0))),
                Err(_) => self.err(ExcType::OverflowError, "int too large to convert to float"),
            };
        }
        Ok(None)
    }

    /// `a op b` when one side is a complex and the other a number; `None`
    /// when the operator or the operands are not complex arithmetic.
    pub(crate) fn complex_binop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if self.complex_parts(a).is_none() && self.complex_parts(b).is_none() {
            return Ok(None);
        }
        if !matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
        ) {
            return Ok(None);
        }
        let Some(x) = self.complex_operand(a)? else {
            return Ok(None);
        };
        let Some(y) = self.complex_operand(b)? else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => (x.0 + y.0, x.1 + y.1),
            BinOp::Sub => (x.0 - y.0, x.1 - y.1),
            BinOp::Mul => c_prod(x, y),
            BinOp::TrueDiv => match c_quot(x, y) {
                Ok(r) => r,
                Err(_) => return self.err(ExcType::ZeroDivisionError, "complex division by zero"),
            },
            _ => self.complex_pow(x, y)?,
        };
        Ok(Some(self.new_complex(r.0, r.1)))
    }

    /// `x ** y` with CPython's errors.
    pub(crate) fn complex_pow(&mut self, x: (f64, f64), y: (f64, f64)) -> PyResult<(f64, f64)> {
        match c_pow(x, y) {
            Ok(r) => Ok(r),
            Err(CErr::Dom) => self.err(
                ExcType::ZeroDivisionError,
                "0.0 to a negative or complex power",
            ),
            Err(CErr::Range) => self.err(ExcType::OverflowError, "complex exponentiation"),
        }
    }

    /// `complex == number` (`None` when neither side is a complex or the
    /// other is not a number).
    pub(crate) fn complex_eq(&mut self, a: Value, b: Value) -> Option<bool> {
        let (c, other) = match (self.complex_parts(a), self.complex_parts(b)) {
            (Some(x), Some(y)) => return Some(x.0 == y.0 && x.1 == y.1),
            (Some(x), None) => (x, b),
            (None, Some(y)) => (y, a),
            (None, None) => return None,
        };
        match other {
            Value::Float(f) => Some(c.1 == 0.0 && c.0 == f),
            _ => {
                let i = self.int_ref(other)?.to_big();
                Some(c.1 == 0.0 && crate::ops::float_eq_int(c.0, &i))
            }
        }
    }

    /// `complex(...)` for the built-in type itself (owned result).
    pub(crate) fn construct_complex(
        &mut self,
        pos: &[Value],
        kw: &[(crate::intern::Sym, Value)],
    ) -> PyResult<Value> {
        let mut real: Option<Value> = None;
        let mut imag: Option<Value> = None;
        if pos.len() > 2 {
            return self.type_error(format!(
                "complex() takes at most 2 arguments ({} given)",
                pos.len() + kw.len()
            ));
        }
        real = pos.first().copied().or(real);
        imag = pos.get(1).copied().or(imag);
        for (k, v) in kw {
            let name = self.names.name(*k).to_string();
            let slot = match name.as_str() {
                "real" => &mut real,
                "imag" => &mut imag,
                _ => {
                    return self.type_error(format!(
                        "'{name}' is an invalid keyword argument for complex()"
                    ))
                }
            };
            if slot.is_some() {
                let n = if name == "real" { 1 } else { 2 };
                return self.type_error(format!(
                    "argument for complex() given by name ('{name}') and position ({n})"
                ));
            }
            *slot = Some(*v);
        }
        let Some(r) = real.or(imag.map(|_| Value::Int(0))) else {
            return Ok(self.new_complex(0.0, 0.0));
        };
        if let Some(s) = self.as_str(r).map(str::to_string) {
            if imag.is_some() {
                return self.type_error("complex() can't take second arg if first is a string");
            }
            if strip_underscores(s.trim_matches(char::is_whitespace)).is_none() {
                return self.value_error(format!(
                    "could not convert string to complex: {}",
                    crate::repr::str_repr(&s)
                ));
            }
            return match parse_complex_str(&s) {
                Some((x, y)) => Ok(self.new_complex(x, y)),
                None => self.value_error("complex() arg is a malformed string"),
            };
        }
        if let Some(i) = imag {
            if self.as_str(i).is_some() {
                return self.type_error("complex() second arg can't be a string");
            }
        }
        if imag.is_none() && self.complex_parts(r).is_some() {
            self.heap.incref(r);
            return Ok(r);
        }
        // `__complex__` first (user classes, complex subclasses).
        let mut owned_r: Option<Value> = None;
        if self.is_user_object(r) {
            let name = self.sym("__complex__");
            if let Some(m) = self.lookup_special(r, name) {
                let out = self.call_sync(m, Vec::new(), Vec::new());
                self.heap.decref(m);
                let out = out?;
                let ok = self.complex_parts(out).is_some()
                    || self
                        .payload(out)
                        .is_some_and(|p| self.complex_parts(p).is_some());
                if !ok {
                    let tn = self.type_name(out);
                    self.heap.decref(out);
                    return self
                        .type_error(format!("__complex__ returned non-complex (type {tn})"));
                }
                owned_r = Some(out);
            }
        }
        let res = self.complex_from_parts(owned_r.unwrap_or(r), imag);
        if let Some(o) = owned_r {
            self.heap.decref(o);
        }
        res
    }

    fn complex_from_parts(&mut self, r: Value, imag: Option<Value>) -> PyResult<Value> {
        let cr = match self.complex_part_value(r)? {
            Some(v) => v,
            None => {
                let tn = self.type_name(r);
                return self.type_error(format!(
                    "complex() first argument must be a string or a number, not '{tn}'"
                ));
            }
        };
        let ci = match imag {
            None => None,
            Some(i) => match self.complex_part_value(i)? {
                Some(v) => Some(v),
                None => {
                    let tn = self.type_name(i);
                    return self.type_error(format!(
                        "complex() second argument must be a number, not '{tn}'"
                    ));
                }
            },
        };
        let (mut re, cr_imag) = cr;
        let im = match ci {
            None => cr_imag.unwrap_or(0.0),
            Some((ir, ii)) => {
                if let Some(ii) = ii {
                    re -= ii;
                }
                match cr_imag {
                    Some(ci) => ir + ci,
                    None => ir,
                }
            }
        };
        Ok(self.new_complex(re, im))
    }

    /// A constructor argument as (real, imag if it is a complex); `None`
    /// when it is not a number.
    fn complex_part_value(&mut self, v: Value) -> PyResult<Option<(f64, Option<f64>)>> {
        let base = self.payload(v).unwrap_or(v);
        if let Some((re, im)) = self.complex_parts(base) {
            return Ok(Some((re, Some(im))));
        }
        if let Some(f) = self.number_as_float(v)? {
            return Ok(Some((f, None)));
        }
        Ok(None)
    }

    /// `float(v)` for a value with `__float__` or `__index__` (ints,
    /// floats, user numbers); `None` when it has neither.
    pub(crate) fn number_as_float(&mut self, v: Value) -> PyResult<Option<f64>> {
        match v {
            Value::Float(f) => return Ok(Some(f)),
            Value::Int(i) => return Ok(Some(i as f64)),
            Value::Bool(b) => return Ok(Some(f64::from(u8::from(b)))),
            _ => {}
        }
        if let Some(IntRef::Big(b)) = self.int_ref(v) {
            return match crate::fmt::int_to_f64(b) {
                Ok(f) => Ok(Some(f)),
                Err(_) => self.err(ExcType::OverflowError, "int too large to convert to float"),
            };
        }
        if self.is_user_object(v) {
            for name in [crate::intern::sym::FLOAT, crate::intern::sym::INDEX] {
                if let Some(m) = self.lookup_special(v, name) {
                    let out = self.call_sync(m, Vec::new(), Vec::new());
                    self.heap.decref(m);
                    let out = out?;
                    let f = match out {
                        Value::Float(f) => Some(f),
                        _ => self.number_as_float(self.payload(out).unwrap_or(out))?,
                    };
                    self.heap.decref(out);
                    if f.is_none() {
                        let tn = self.type_name(v);
                        return self.type_error(format!("{tn}.__float__ returned non-float"));
                    }
                    return Ok(f);
                }
            }
            if let Some(p) = self.payload(v) {
                return self.number_as_float(p);
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_accepted_forms() {
        assert_eq!(parse_complex_str("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex_str(" ( -j ) "), Some((0.0, -1.0)));
        assert_eq!(parse_complex_str("2.5e3J"), Some((0.0, 2500.0)));
        assert_eq!(parse_complex_str("1e5"), Some((100_000.0, 0.0)));
        assert_eq!(parse_complex_str("1_0+2j"), Some((10.0, 2.0)));
        assert_eq!(parse_complex_str("1 + 2j"), None);
        assert_eq!(parse_complex_str("1e"), None);
        assert_eq!(parse_complex_str("j1"), None);
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(-0.0, 1.0), "(-0+1j)");
        assert_eq!(complex_repr(0.0, 1e100), "1e+100j");
    }
}
