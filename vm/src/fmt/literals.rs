//! Conversions between Python numbers and their text forms.
//!
//! `int(text, base)` and `float(text)` accept more than Rust's parsers:
//! surrounding whitespace (including Unicode spaces), digits from any
//! Unicode script, underscores between digits, base prefixes, and the
//! `inf`/`nan` spellings.  Python 3.11 also caps decimal conversions of
//! integers at 4300 digits.  This file reproduces those rules, plus the
//! `bin`/`oct`/`hex` spelling of integers and the exact int-to-float
//! conversion used by float presentation types.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{ToPrimitive, Zero};

use super::FormatError;

/// CPython 3.11's default `sys.get_int_max_str_digits()`: decimal
/// conversions of integers with more digits raise `ValueError`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// Code points of the digit zero of every Unicode 14 decimal-digit run
/// outside ASCII; each run holds the ten digits 0..9 in order.
const DECIMAL_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(u32::from(c) - u32::from('0'));
    }
    let cp = u32::from(c);
    let idx = DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
    let zero = *DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    (cp - zero < 10).then_some(cp - zero)
}

/// Non-ASCII characters for which `str.isspace()` is true.
fn is_non_ascii_space(c: char) -> bool {
    matches!(
        c,
        '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// ASCII whitespace as C's `isspace` sees it.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Rewrites number text to ASCII the way CPython does before parsing:
/// ASCII is kept, Unicode spaces become `' '`, Unicode decimal digits
/// become ASCII digits, and anything else ends the text with a `?` that
/// no parser accepts.
fn to_ascii_number_text(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(b) = u8::try_from(c).ok().filter(|&b| b < 127) {
            out.push(b);
            continue;
        }
        if is_non_ascii_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + u8::try_from(d).unwrap_or(0));
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// Value of an ASCII digit or letter in bases up to 36 (`99` otherwise).
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

/// Why `int(text, base)` rejected its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntParseError {
    /// Not a valid integer literal in the requested base.
    Invalid,
    /// Valid so far, but a decimal-like base with more digits than
    /// [`INT_MAX_STR_DIGITS`]; carries the digit count CPython reports.
    TooManyDigits(usize),
}

impl IntParseError {
    /// The `ValueError` CPython raises, given the base as passed to `int()`
    /// and `repr()` of the original argument (cut to 200 characters, as
    /// CPython does).
    #[must_use]
    pub fn into_format_error(self, base: u32, input_repr: &str) -> FormatError {
        match self {
            IntParseError::Invalid => {
                let shown: String = input_repr.chars().take(200).collect();
                FormatError::value(format!(
                    "invalid literal for int() with base {base}: {shown}"
                ))
            }
            IntParseError::TooManyDigits(count) => FormatError::value(format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                 value has {count} digits; use sys.set_int_max_str_digits() to increase the limit"
            )),
        }
    }
}

/// `int(text, base)` without the digit limit: surrounding whitespace, one
/// sign, underscores between digits, Unicode decimal digits, and base
/// prefixes (`0x`/`0o`/`0b`, optionally followed by one underscore) when
/// `base` is 0 or matches the prefix.  Base 0 infers the base from the
/// prefix and rejects non-zero numbers with leading zeros.  `base` must be
/// 0 or 2..=36; other bases yield `None`.
#[must_use]
pub fn parse_int_literal(text: &str, base: u32) -> Option<BigInt> {
    parse_int(text, base, false).ok()
}

/// `int(text, base)` exactly as CPython 3.11 evaluates it, including the
/// 4300-digit limit for bases that are not powers of two.  See
/// [`parse_int_literal`] for the accepted syntax.
///
/// # Errors
/// [`IntParseError::Invalid`] for malformed text, and
/// [`IntParseError::TooManyDigits`] when the digit limit is exceeded.
pub fn parse_int_str(text: &str, base: u32) -> Result<BigInt, IntParseError> {
    parse_int(text, base, true)
}

fn parse_int(text: &str, base: u32, limit: bool) -> Result<BigInt, IntParseError> {
    use IntParseError::Invalid;
    if base == 1 || base > 36 {
        return Err(Invalid);
    }
    let bytes = to_ascii_number_text(text);
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let negative = match at(i) {
        b'-' => {
            i += 1;
            true
        }
        b'+' => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut base = base;
    let mut zero_only = false;
    if base == 0 {
        base = if at(i) == b'0' {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    zero_only = true;
                    10
                }
            }
        } else {
            10
        };
    }
    let has_prefix = at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        );
    if has_prefix {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(Invalid);
    }
    let mut clean = Vec::new();
    let mut prev = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'_' {
            if prev == b'_' {
                return Err(Invalid);
            }
        } else if digit_value(b) < base {
            clean.push(b);
        } else {
            break;
        }
        prev = b;
        i += 1;
    }
    if prev == b'_' {
        return Err(Invalid);
    }
    if limit && !base.is_power_of_two() && clean.len() > INT_MAX_STR_DIGITS {
        return Err(IntParseError::TooManyDigits(clean.len()));
    }
    if clean.is_empty() {
        return Err(Invalid);
    }
    let magnitude = BigInt::parse_bytes(&clean, base).ok_or(Invalid)?;
    if zero_only && !magnitude.is_zero() {
        return Err(Invalid);
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if i != bytes.len() {
        return Err(Invalid);
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// `float(text)`: surrounding whitespace, an optional sign, decimal
/// mantissa with optional exponent, underscores only between digits,
/// Unicode decimal digits, and case-insensitive `inf`, `infinity` and
/// `nan`.  Out-of-range values become infinities or zeros, as in CPython.
/// Returns `None` where CPython raises
/// `ValueError: could not convert string to float: ...`.
#[must_use]
pub fn parse_float_str(text: &str) -> Option<f64> {
    let bytes = to_ascii_number_text(text);
    let mut start = 0;
    let mut end = bytes.len();
    while start < end && is_c_space(bytes[start]) {
        start += 1;
    }
    while end > start + 1 && is_c_space(bytes[end - 1]) {
        end -= 1;
    }
    let body = &bytes[start..end];
    let cleaned: Vec<u8> = if body.contains(&b'_') {
        let mut out = Vec::with_capacity(body.len());
        let mut prev = 0u8;
        for &b in body {
            if b == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !b.is_ascii_digit() {
                    return None;
                }
                out.push(b);
            }
            prev = b;
        }
        if prev == b'_' {
            return None;
        }
        out
    } else {
        body.to_vec()
    };
    let (negative, unsigned) = match cleaned.first() {
        Some(b'-') => (true, &cleaned[1..]),
        Some(b'+') => (false, &cleaned[1..]),
        _ => (false, &cleaned[..]),
    };
    let lower = unsigned.to_ascii_lowercase();
    let special = match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(value) = special {
        return Some(if negative { -value } else { value });
    }
    if !is_decimal_float(unsigned) {
        return None;
    }
    let text = std::str::from_utf8(&cleaned).ok()?;
    text.parse::<f64>().ok()
}

/// `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
fn is_decimal_float(text: &[u8]) -> bool {
    let mut i = 0;
    let count_digits = |from: usize| {
        text[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let int_digits = count_digits(i);
    i += int_digits;
    let mut frac_digits = 0;
    if text.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = count_digits(i);
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(text.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(text.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = count_digits(i);
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == text.len()
}

/// Spells an integer in base 2..=36 with lower-case letters, as `bin`,
/// `oct` and `hex` do when `prefix` is set (`-0x1f`, `0b101`, `0o17`; other
/// radices get no prefix).  No digit limit applies.
#[must_use]
pub fn int_to_str_radix(value: &BigInt, radix: u32, prefix: bool) -> String {
    let digits = value.magnitude().to_str_radix(radix);
    let marker = match (prefix, radix) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let sign = if value.sign() == BigSign::Minus {
        "-"
    } else {
        ""
    };
    format!("{sign}{marker}{digits}")
}

/// `str(value)` for an int, enforcing CPython 3.11's 4300-digit limit.
///
/// # Errors
/// `ValueError` when the decimal form has more than
/// [`INT_MAX_STR_DIGITS`] digits.
pub fn int_to_decimal(value: &BigInt) -> Result<String, FormatError> {
    let too_long = || {
        FormatError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    // Any number of 14286 bits or more has at least 4301 decimal digits.
    if value.bits() >= 14286 {
        return Err(too_long());
    }
    let digits = value.magnitude().to_string();
    if digits.len() > INT_MAX_STR_DIGITS {
        return Err(too_long());
    }
    Ok(if value.sign() == BigSign::Minus {
        format!("-{digits}")
    } else {
        digits
    })
}

/// `float(value)` for an int: correctly rounded (half to even).
///
/// # Errors
/// `OverflowError: int too large to convert to float` when the rounded
/// value exceeds the float range.
pub fn int_to_f64(value: &BigInt) -> Result<f64, FormatError> {
    match value.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(FormatError::overflow("int too large to convert to float")),
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are what is under test
mod tests {
    use super::*;

    fn int(text: &str, base: u32) -> Option<String> {
        parse_int_literal(text, base).map(|v| v.to_string())
    }

    #[test]
    fn parse_int_accepts_whitespace_sign_and_underscores() {
        assert_eq!(int(" \t-12 \n", 10).as_deref(), Some("-12"));
        assert_eq!(int("1_0", 10).as_deref(), Some("10"));
        assert_eq!(int("+7", 10).as_deref(), Some("7"));
        assert_eq!(int("z", 36).as_deref(), Some("35"));
        assert_eq!(int("Z", 36).as_deref(), Some("35"));
        for bad in [
            "_1", "1_", "1__0", "- 12", "+-12", "", " ", "-", "1 2", "12\x00",
        ] {
            assert_eq!(int(bad, 10), None, "{bad:?}");
        }
    }

    #[test]
    fn parse_int_handles_base_prefixes() {
        assert_eq!(int("0x_1f", 16).as_deref(), Some("31"));
        assert_eq!(int("0x_1f", 0).as_deref(), Some("31"));
        assert_eq!(int("0X1F", 16).as_deref(), Some("31"));
        assert_eq!(int("0b101", 0).as_deref(), Some("5"));
        assert_eq!(int("0b101", 16).as_deref(), Some("45313"));
        assert_eq!(int("0o17", 0).as_deref(), Some("15"));
        assert_eq!(int("b1", 16).as_deref(), Some("177"));
        for (bad, base) in [
            ("0_x1f", 0),
            ("0x", 16),
            ("0x", 0),
            ("0x_", 16),
            ("0b", 2),
            ("0o", 8),
            ("12", 2),
            ("0x1f", 10),
        ] {
            assert_eq!(int(bad, base), None, "{bad:?} base {base}");
        }
    }

    #[test]
    fn parse_int_base_zero_rejects_leading_zeros() {
        assert_eq!(int("017", 0), None);
        assert_eq!(int("0__0", 0), None);
        assert_eq!(int("00", 0).as_deref(), Some("0"));
        assert_eq!(int("0_0", 0).as_deref(), Some("0"));
    }

    #[test]
    fn parse_int_maps_unicode_digits_and_spaces() {
        assert_eq!(int("\u{661}\u{662}\u{663}", 10).as_deref(), Some("123"));
        assert_eq!(int("\u{2003} 12\u{3000}", 10).as_deref(), Some("12"));
        assert_eq!(int("\u{a0}12\u{85}", 10).as_deref(), Some("12"));
        assert_eq!(int("\u{660}x1", 0).as_deref(), Some("1"));
        assert_eq!(int("\x1c12\x1f", 10), None);
    }

    #[test]
    fn parse_int_enforces_digit_limit_before_trailing_garbage() {
        let long = "1".repeat(5000);
        assert_eq!(
            parse_int_str(&long, 10),
            Err(IntParseError::TooManyDigits(5000))
        );
        assert_eq!(
            parse_int_str(&format!("{long}x"), 10),
            Err(IntParseError::TooManyDigits(5000))
        );
        assert_eq!(
            parse_int_str(&"1_".repeat(4400), 10),
            Err(IntParseError::Invalid)
        );
        assert_eq!(
            parse_int_str(&format!("{}1", "1_".repeat(4400)), 10),
            Err(IntParseError::TooManyDigits(4401))
        );
        assert!(parse_int_str(&long, 16).is_ok());
        assert!(parse_int_str(&"1".repeat(4300), 10).is_ok());
        assert_eq!(
            IntParseError::TooManyDigits(4301)
                .into_format_error(10, "")
                .message,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        let repr = format!("'{}'", "x".repeat(300));
        assert_eq!(
            IntParseError::Invalid
                .into_format_error(10, &repr)
                .message
                .len(),
            240
        );
    }

    #[test]
    fn parse_float_follows_float_constructor_rules() {
        let ok = [
            ("1_000.5", 1000.5),
            ("1e1_0", 1e10),
            ("1.", 1.0),
            (".5", 0.5),
            ("1E+5", 100_000.0),
            ("+.5e-3", 0.0005),
            ("0_0.0_0", 0.0),
            ("1.5e+0_3", 1500.0),
            (" 1.5\u{3000}", 1.5),
            ("\u{661}.\u{665}", 1.5),
            ("  -iNF  ", f64::NEG_INFINITY),
            ("-InFiNiTy", f64::NEG_INFINITY),
            ("1e500", f64::INFINITY),
        ];
        for (text, want) in ok {
            assert_eq!(parse_float_str(text), Some(want), "{text:?}");
        }
        assert!(parse_float_str("+nan").unwrap().is_nan());
        assert!(parse_float_str("-nan").unwrap().is_sign_negative());
        let neg_zero = parse_float_str("-1e-500").unwrap();
        assert!(neg_zero == 0.0 && neg_zero.is_sign_negative());
        for bad in [
            "1__0", "_1", "1_", "1_.5", "1._5", "1e_5", "1_e5", "infinit", "nan(1)", ".", "e5",
            "1e", "1e+", "0x1p3", "--1", "", "1.5_", "in_f", "12e1_", " ", "1\x00",
        ] {
            assert_eq!(parse_float_str(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn int_to_str_radix_spells_bin_oct_hex() {
        let v = BigInt::from(-31);
        assert_eq!(int_to_str_radix(&v, 16, true), "-0x1f");
        assert_eq!(int_to_str_radix(&BigInt::from(5), 2, true), "0b101");
        assert_eq!(int_to_str_radix(&BigInt::from(15), 8, true), "0o17");
        assert_eq!(int_to_str_radix(&BigInt::from(0), 16, true), "0x0");
        assert_eq!(int_to_str_radix(&BigInt::from(255), 16, false), "ff");
    }

    #[test]
    fn int_to_decimal_enforces_digit_limit() {
        let ten = BigInt::from(10);
        assert_eq!(int_to_decimal(&-BigInt::from(42)).unwrap(), "-42");
        assert_eq!(
            int_to_decimal(&num_traits::pow(ten.clone(), 4299))
                .unwrap()
                .len(),
            4300
        );
        let err = int_to_decimal(&-num_traits::pow(ten, 4300)).unwrap_err();
        assert_eq!(
            err.message,
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
    }

    #[test]
    fn int_to_f64_rounds_half_even_and_reports_overflow() {
        let two = BigInt::from(2);
        let p = |n: usize| num_traits::pow(two.clone(), n);
        assert_eq!(int_to_f64(&(p(53) + 1)).unwrap(), 9_007_199_254_740_992.0);
        assert_eq!(int_to_f64(&(p(54) + 6)).unwrap(), 18_014_398_509_481_990.0);
        assert_eq!(int_to_f64(&(p(1024) - p(971))).unwrap(), f64::MAX);
        let err = int_to_f64(&(p(1024) - p(970))).unwrap_err();
        assert_eq!(err.message, "int too large to convert to float");
    }
}
