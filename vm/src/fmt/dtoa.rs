//! Decimal conversion of binary floats.
//!
//! `repr(float)`, the float presentation types of the format-spec
//! mini-language and the float conversions of `%` formatting all share one
//! pipeline in CPython: generate correctly rounded decimal digits (or the
//! shortest digits that round-trip), then lay them out in fixed or
//! exponent notation according to a handful of flags.  This file provides
//! that pipeline.  Digit generation relies on the standard library's float
//! formatting, which is exact: it rounds half-to-even on the exact binary
//! value, exactly like CPython's `dtoa`.  The one difference, how the
//! shortest round-trip digits break an exact tie, is corrected here.

use num_bigint::BigUint;

/// How digits are chosen and laid out (CPython's format codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// `e`: exponent notation with `precision` digits after the point.
    Exp,
    /// `f`: fixed notation with `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, notation chosen by magnitude.
    General,
    /// `r`: shortest round-trip digits, exponent notation outside
    /// `1e-4 <= |x| < 1e16`.
    Repr,
}

/// Layout options (CPython's `Py_DTSF_*` flags plus upper case).
#[allow(clippy::struct_excessive_bools)] // independent flags, as in CPython
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Flags {
    /// Keep a trailing decimal point and, for `g`, trailing zeros (`#`).
    pub alt: bool,
    /// Append `.0` to integral values written without an exponent.
    pub add_dot_0: bool,
    /// Drop the minus sign of a value that rounds to zero (`z`).
    pub no_neg_0: bool,
    /// Upper-case exponent marker, `INF` and `NAN`.
    pub upper: bool,
}

/// Maps a float presentation type to its style and case.
pub(super) fn style_for(code: char) -> Option<(Style, bool)> {
    match code {
        'e' => Some((Style::Exp, false)),
        'E' => Some((Style::Exp, true)),
        'f' => Some((Style::Fixed, false)),
        'F' => Some((Style::Fixed, true)),
        'g' => Some((Style::General, false)),
        'G' => Some((Style::General, true)),
        'r' => Some((Style::Repr, false)),
        _ => None,
    }
}

/// Decimal digits `d1 d2 .. dn` without trailing zeros (a lone `0` for
/// zero) and the decimal point position: the value is `0.d1d2..dn * 10^decpt`.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    fn zero() -> Self {
        Self {
            digits: vec![b'0'],
            decpt: 1,
        }
    }

    fn is_zero(&self) -> bool {
        self.digits == b"0"
    }

    /// Builds from raw digits, dropping leading and trailing zeros.
    fn normalized(mut digits: Vec<u8>, mut decpt: i64) -> Self {
        let lead = digits.iter().take_while(|&&d| d == b'0').count();
        if lead == digits.len() {
            return Self::zero();
        }
        digits.drain(..lead);
        decpt -= to_i64(lead);
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        Self { digits, decpt }
    }

    /// Parses the standard library's exponent notation (`1.25e-7`, `5e0`).
    fn from_exp_notation(text: &str) -> Self {
        let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        Self::normalized(digits, exp + 1)
    }

    /// Parses the standard library's fixed notation (`123.4500`).
    fn from_fixed_notation(text: &str) -> Self {
        let int_len = text.find('.').unwrap_or(text.len());
        let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
        Self::normalized(digits, to_i64(int_len))
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn push_zeros(out: &mut String, count: i64) {
    for _ in 0..count.max(0) {
        out.push('0');
    }
}

/// Splits a finite float into an odd (or zero) integer mantissa and a
/// binary exponent: `|x| == mantissa * 2^exponent`.
pub(super) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    let (mut mantissa, mut exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if mantissa != 0 {
        let shift = mantissa.trailing_zeros();
        mantissa >>= shift;
        exponent += i64::from(shift);
    }
    (mantissa, exponent)
}

/// Whether `mantissa * 2^exp2 == digits * 10^exp10` exactly.
fn equals_decimal(mantissa: u64, exp2: i64, digits: &[u8], exp10: i64) -> bool {
    let Some(decimal) = BigUint::parse_bytes(digits, 10) else {
        return false;
    };
    let mut binary = BigUint::from(mantissa);
    let mut decimal = decimal;
    let shift = |n: i64| usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
    if exp2 >= 0 {
        binary <<= shift(exp2);
    } else {
        decimal <<= shift(exp2);
    }
    let ten = BigUint::from(10u8);
    if exp10 >= 0 {
        decimal *= num_traits::pow(ten, shift(exp10));
    } else {
        binary *= num_traits::pow(ten, shift(exp10));
    }
    binary == decimal
}

/// Shortest digits that read back as `x`; among several, the nearest,
/// and of two equally near the one with an even last digit (the standard
/// library rounds such ties up, CPython to even).
fn shortest(x: f64) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let ax = x.abs();
    let found = Digits::from_exp_notation(&format!("{ax:e}"));
    let n = found.digits.len();
    // Two n-digit neighbours can both read back as `x` only when their
    // spacing is at most one ulp, which needs n >= 16 for normal floats.
    if n < 16 && ax >= f64::MIN_POSITIVE {
        return found;
    }
    // A tie needs `x` to be exactly an (n+1)-digit decimal ending in 5.
    // With a negative binary exponent, the exact expansion of an odd
    // multiple of 2^exp2 ends at the 10^exp2 digit; the decimal exponent of
    // `x` is the one found or one less.  That rules out most values before
    // any further formatting.
    let (mantissa, exp2) = decompose(ax);
    let last_place = found.decpt - to_i64(n) - 1;
    if exp2 < 0 && exp2 != last_place && exp2 != last_place - 1 {
        return found;
    }
    let probe = format!("{ax:.n$e}");
    let (mantissa_text, exp_text) = probe.split_once('e').unwrap_or((&probe, "0"));
    let probe_digits: Vec<u8> = mantissa_text.bytes().filter(u8::is_ascii_digit).collect();
    if probe_digits.last() != Some(&b'5') {
        return found;
    }
    let probe_exp10 = exp_text.parse::<i64>().unwrap_or(0) - to_i64(n);
    let exact = if exp2 < 0 {
        // An odd multiple of 2^exp2 ends exactly at the 10^exp2 digit.
        exp2 == probe_exp10
    } else {
        equals_decimal(mantissa, exp2, &probe_digits, probe_exp10)
    };
    if !exact {
        return found;
    }
    let lower = &probe_digits[..n];
    let mut upper = lower.to_vec();
    let mut carry = true;
    for d in upper.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            carry = false;
            break;
        }
    }
    let upper_exp10 = probe_exp10 + 1 + i64::from(carry);
    if carry {
        upper.insert(0, b'1');
        upper.pop();
    }
    let round_trips = |digits: &[u8], exp10: i64| {
        let text = format!("{}e{exp10}", std::str::from_utf8(digits).unwrap_or("0"));
        text.parse::<f64>().ok() == Some(ax)
    };
    let lower_even = lower.last().is_some_and(|d| d % 2 == 0);
    let candidates = if lower_even {
        [(lower.to_vec(), probe_exp10 + 1), (upper, upper_exp10)]
    } else {
        [(upper, upper_exp10), (lower.to_vec(), probe_exp10 + 1)]
    };
    for (digits, exp10) in candidates {
        if round_trips(&digits, exp10) {
            let decpt = exp10 + to_i64(digits.len());
            return Digits::normalized(digits, decpt);
        }
    }
    found
}

/// `count >= 1` significant digits, correctly rounded.
fn significant(x: f64, count: usize) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    // Past 800 digits a double has only zeros left (and Rust's formatter
    // refuses precisions past `u16::MAX`): format that many, pad the rest.
    let shown = (count - 1).min(800);
    let mut text = format!("{:.*e}", shown, x.abs());
    if let Some(e) = text.find('e') {
        text.insert_str(e, &"0".repeat(count - 1 - shown));
    }
    Digits::from_exp_notation(&text)
}

/// Digits rounded to `frac` places after the decimal point.
fn fixed(x: f64, frac: usize) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    // A double's binary fraction ends within 1074 places: format that
    // many, pad the rest with zeros.
    let shown = frac.min(1100);
    let mut text = format!("{:.*}", shown, x.abs());
    text.push_str(&"0".repeat(frac - shown));
    Digits::from_fixed_notation(&text)
}

/// Lays digits out like CPython's `format_float_short`: the output is a
/// window of the digit string padded with zeros on either side, with the
/// decimal point inside the window.
fn layout(d: &Digits, style: Style, precision: usize, flags: Flags) -> String {
    let n = to_i64(d.digits.len());
    let p = to_i64(precision);
    let mut decpt = d.decpt;
    let (use_exp, mut end) = match style {
        Style::Exp => (true, p + 1),
        Style::Fixed => (false, decpt + p),
        Style::General => {
            let p = p.max(1);
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            (decpt <= -4 || decpt > limit, if flags.alt { p } else { n })
        }
        Style::Repr => (decpt <= -4 || decpt > 16, n),
    };
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let min_end = if !use_exp && flags.add_dot_0 {
        decpt + 1
    } else {
        decpt
    };
    end = end.max(min_end);

    let digits = std::str::from_utf8(&d.digits).unwrap_or("0");
    let mut out = String::with_capacity(usize::try_from(end.max(n) + 8).unwrap_or(16));
    if decpt <= 0 {
        out.push_str("0.");
        push_zeros(&mut out, -decpt);
        out.push_str(digits);
        push_zeros(&mut out, end - n);
    } else if decpt <= n {
        let split = usize::try_from(decpt).unwrap_or(0);
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
        push_zeros(&mut out, end - n);
    } else {
        out.push_str(digits);
        push_zeros(&mut out, decpt - n);
        out.push('.');
        push_zeros(&mut out, end - decpt);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

/// CPython's `PyOS_double_to_string`: `x` in the given style, with a
/// leading `-` for negative values (never for NaN).
pub(super) fn double_to_string(x: f64, style: Style, precision: usize, flags: Flags) -> String {
    if x.is_nan() {
        return if flags.upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        let text = if flags.upper { "INF" } else { "inf" };
        return if x < 0.0 {
            format!("-{text}")
        } else {
            text.to_string()
        };
    }
    let digits = match style {
        Style::Exp => significant(x, precision.saturating_add(1)),
        Style::Fixed => fixed(x, precision),
        Style::General => significant(x, precision.max(1)),
        Style::Repr => shortest(x),
    };
    let body = layout(&digits, style, precision, flags);
    if x.is_sign_negative() && !(flags.no_neg_0 && digits.is_zero()) {
        format!("-{body}")
    } else {
        body
    }
}

/// `repr(x)` / `str(x)` for a float, as CPython 3.11 prints it: the
/// shortest digits that round-trip, exponent notation when the decimal
/// exponent is below -4 or at least 16, `.0` appended to integral values,
/// and `inf`, `-inf`, `nan` for the special values.
#[must_use]
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        Style::Repr,
        0,
        Flags {
            add_dot_0: true,
            ..Flags::default()
        },
    )
}

/// The shortest round-trip digits of `x` without the `.0` a float's
/// repr adds (how `complex` writes each of its parts).
#[must_use]
pub fn repr_digits(x: f64) -> String {
    double_to_string(x, Style::Repr, 0, Flags::default())
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are what is under test
mod tests {
    use super::*;

    fn styled(x: f64, code: char, precision: usize, alt: bool) -> String {
        let (style, upper) = style_for(code).unwrap();
        double_to_string(
            x,
            style,
            precision,
            Flags {
                alt,
                upper,
                ..Flags::default()
            },
        )
    }

    #[test]
    fn float_repr_uses_exponent_from_1e16() {
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(
            float_repr(123_456_789_012_345_680.0),
            "1.2345678901234568e+17"
        );
        assert_eq!(float_repr(9_999_999_999_999_998.0), "9999999999999998.0");
        assert_eq!(float_repr(f64::MAX), "1.7976931348623157e+308");
    }

    #[test]
    fn float_repr_uses_exponent_below_1e_minus_4() {
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(5e-324), "5e-324");
        assert_eq!(float_repr(0.000_123_4), "0.0001234");
    }

    #[test]
    fn float_repr_prints_shortest_round_trip_digits() {
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_repr(2.675), "2.675");
        assert_eq!(float_repr(100.0), "100.0");
        assert_eq!(float_repr(-1.5), "-1.5");
    }

    #[test]
    fn float_repr_breaks_digit_ties_to_even() {
        assert_eq!(
            float_repr(f64::from_bits(0x4318_a274_65f3_1dcd)), /* 1733505062848371.25 */
            "1733505062848371.2"
        );
        assert_eq!(
            float_repr(f64::from_bits(0x4318_a274_65f3_1dcf)), /* 1733505062848371.75 */
            "1733505062848371.8"
        );
        assert_eq!(
            float_repr(1_152_921_504_606_846_976.0),
            "1.152921504606847e+18"
        );
        assert_eq!(float_repr(1.5e-323), "1.5e-323");
    }

    #[test]
    fn float_repr_handles_zero_and_special_values() {
        assert_eq!(float_repr(0.0), "0.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(-f64::NAN), "nan");
    }

    #[test]
    fn double_to_string_alt_keeps_point_and_zeros() {
        assert_eq!(styled(1.0, 'e', 0, true), "1.e+00");
        assert_eq!(styled(1.0, 'f', 0, true), "1.");
        assert_eq!(styled(1.0, 'g', 6, true), "1.00000");
        assert_eq!(styled(100.0, 'g', 3, true), "100.");
        assert_eq!(styled(1e-5, 'g', 6, true), "1.00000e-05");
    }

    #[test]
    fn double_to_string_general_switches_on_precision() {
        assert_eq!(styled(1_234_567.0, 'g', 6, false), "1.23457e+06");
        assert_eq!(styled(123_456.0, 'g', 6, false), "123456");
        assert_eq!(styled(1_234_567.0, 'G', 6, false), "1.23457E+06");
        assert_eq!(styled(9.9999, 'g', 3, false), "10");
        assert_eq!(styled(0.0, 'g', 6, false), "0");
    }
}
