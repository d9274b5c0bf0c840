//! The format-spec mini-language of `format()`, f-strings and `str.format`.
//!
//! A spec such as `*^+#012,.3f` is parsed once into a [`FormatSpec`] and
//! then applied by the formatter of the value's type: ints, floats and
//! strings each accept a different subset and report misuse with their own
//! CPython messages.  Padding, sign placement, zero fill and digit
//! grouping follow CPython's `formatter_unicode.c` exactly, including the
//! quirk that zero padding with `,`/`_` also groups the padding zeros.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive};

use super::dtoa::{double_to_string, style_for, Flags, Style};
use super::literals::{decimal_value, int_to_decimal, int_to_f64};
use super::{FormatError, MAX_FIELD_WIDTH};

/// Alignment of a padded field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: pad on the right.
    Left,
    /// `>`: pad on the left.
    Right,
    /// `^`: pad both sides, the extra character on the right.
    Center,
    /// `=`: pad between the sign (and base prefix) and the digits.
    AfterSign,
}

/// Sign option of a numeric field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `-`: sign only negative numbers (the default).
    Minus,
    /// `+`: sign all numbers.
    Plus,
    /// `' '`: a space in place of the plus sign.
    Space,
}

/// Digit grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`: groups of three decimal digits.
    Comma,
    /// `_`: groups of three decimal digits, or four for `b`, `o`, `x`, `X`.
    Underscore,
}

/// A parsed format spec, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Fields hold what was written; defaults that depend on the value's type
/// (alignment, type code, what `0` implies) are applied by the formatters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only together with an alignment).
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    /// Explicit sign option.
    pub sign: Option<Sign>,
    /// `z`: print negative zero (after rounding) as positive zero.
    pub z: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width: zero fill, `=` alignment for numbers.
    pub zero: bool,
    /// Minimum field width in characters.
    pub width: Option<usize>,
    /// Digit grouping.
    pub grouping: Option<Grouping>,
    /// Precision (digits for floats, maximum length for strings).
    pub precision: Option<usize>,
    /// Presentation type character, exactly as written.
    pub ty: Option<char>,
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of (Unicode) decimal digits; `None` when there is none.
fn read_number(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut value: Option<i64> = None;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let next = value
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d)))
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        value = Some(next);
        *pos += 1;
    }
    Ok(value.map(|v| usize::try_from(v).unwrap_or(usize::MAX)))
}

/// Parses a format spec as written after `:` in a replacement field.
///
/// `type_name` is the Python type name of the value being formatted; it
/// only appears in the message for trailing garbage
/// (`Invalid format specifier '...' for object of type 'int'`).
///
/// An empty spec means `str(value)` in CPython; formatting the default
/// spec gives the same text for exact `int`, `float` and `str` values,
/// but the interpreter must call `str()` itself for other types (`bool`
/// prints `True`).
///
/// # Errors
/// `ValueError` with CPython's message for malformed specs.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = FormatSpec::default();
    let mut pos = 0;
    if let Some(align) = chars.get(1).copied().and_then(align_of) {
        out.fill = Some(chars[0]);
        out.align = Some(align);
        pos = 2;
    } else if let Some(align) = chars.first().copied().and_then(align_of) {
        out.align = Some(align);
        pos = 1;
    }
    out.sign = match chars.get(pos) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    if out.sign.is_some() {
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.z = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && chars.get(pos) == Some(&'0') {
        out.zero = true;
        pos += 1;
    }
    out.width = read_number(&chars, &mut pos)?;
    let both = || FormatError::value("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some(Grouping::Underscore) {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = read_number(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(FormatError::value("Format specifier missing precision"));
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => out.ty = Some(chars[pos]),
        _ => {
            return Err(FormatError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
    }
    Ok(out)
}

/// A type code as CPython quotes it in messages.
fn quoted_code(c: char) -> String {
    if c > ' ' && c < '\u{7f}' {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", u32::from(c))
    }
}

pub(super) fn unknown_code(c: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quoted_code(c)
    ))
}

/// Rejects grouping with presentation types that do not support it;
/// `ty` is the type code after the value type's default was applied.
pub(super) fn check_grouping(
    grouping: Option<Grouping>,
    ty: Option<char>,
) -> Result<(), FormatError> {
    let Some(grouping) = grouping else {
        return Ok(());
    };
    match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if grouping == Grouping::Underscore => Ok(()),
        Some(c) => {
            let sep = if grouping == Grouping::Comma {
                ','
            } else {
                '_'
            };
            Err(FormatError::value(format!(
                "Cannot specify '{sep}' with {}.",
                quoted_code(c)
            )))
        }
    }
}

pub(super) fn check_width(spec: &FormatSpec) -> Result<usize, FormatError> {
    let width = spec.width.unwrap_or(0);
    if width > MAX_FIELD_WIDTH {
        return Err(FormatError::memory());
    }
    Ok(width)
}

/// Fill character and alignment after applying the type's default
/// alignment and the meaning of the `0` flag.
fn resolve_fill(spec: &FormatSpec, default_align: Align) -> (char, Align) {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec
        .align
        .unwrap_or(if spec.zero && default_align == Align::Right {
            Align::AfterSign
        } else {
            default_align
        });
    (fill, align)
}

fn push_repeated(out: &mut String, c: char, count: usize) {
    out.extend(std::iter::repeat_n(c, count));
}

/// Inserts separators into `digits`, padding with zeros up to
/// `min_width` characters the way CPython's grouping routine does (the
/// zeros are grouped too, and a group may be cut short at the left).
fn group_digits(digits: &str, min_width: i64, grouping: Option<(i64, char)>) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let mut min_width = min_width;
    let chunk = |remaining: i64, len: i64| {
        let zeros = usize::try_from((len - remaining).max(0)).unwrap_or(0);
        let taken = usize::try_from(remaining.min(len).max(0)).unwrap_or(0);
        let end = usize::try_from(remaining.max(0)).unwrap_or(0);
        let mut text = "0".repeat(zeros);
        text.push_str(&digits[end - taken..end]);
        (text, i64::try_from(taken).unwrap_or(0))
    };
    let Some((size, sep)) = grouping else {
        let len = remaining.max(min_width).max(1);
        return chunk(remaining, len).0;
    };
    let mut groups: Vec<String> = Vec::new();
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        let (text, taken) = chunk(remaining, len);
        groups.push(text);
        remaining -= taken;
        min_width -= size;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    let mut out = String::new();
    for (i, group) in groups.iter().rev().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(group);
    }
    out
}

/// The pieces of a formatted number, before padding.
pub(super) struct NumberParts<'a> {
    pub(super) negative: bool,
    pub(super) prefix: &'a str,
    pub(super) digits: &'a str,
    pub(super) has_decimal: bool,
    pub(super) remainder: &'a str,
    pub(super) grouping: Option<(i64, char)>,
}

/// Lays out `[lpad][sign][prefix][spad][grouped digits][.][remainder][rpad]`.
pub(super) fn render_number(
    parts: &NumberParts<'_>,
    spec: &FormatSpec,
    fill: char,
    align: Align,
    width: usize,
) -> String {
    let sign = match (spec.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some(Sign::Plus), false) => Some('+'),
        (Some(Sign::Space), false) => Some(' '),
        _ => None,
    };
    let width = i64::try_from(width).unwrap_or(i64::MAX);
    let count = |s: &str| i64::try_from(s.chars().count()).unwrap_or(0);
    let non_digit = i64::from(sign.is_some())
        + count(parts.prefix)
        + i64::from(parts.has_decimal)
        + count(parts.remainder);
    let min_width = if fill == '0' && align == Align::AfterSign {
        width - non_digit
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, parts.grouping)
    };
    let padding = usize::try_from(width - non_digit - count(&grouped)).unwrap_or(0);
    let (left, inner, right) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let mut out = String::with_capacity(grouped.len() + parts.remainder.len() + padding + 4);
    push_repeated(&mut out, fill, left);
    if let Some(sign) = sign {
        out.push(sign);
    }
    out.push_str(parts.prefix);
    push_repeated(&mut out, fill, inner);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    push_repeated(&mut out, fill, right);
    out
}

/// Pads `text` (already truncated) to `width` characters.
pub(super) fn pad_text(text: &str, width: usize, align: Align, fill: char) -> String {
    let len = text.chars().count();
    let padding = width.saturating_sub(len);
    let left = match align {
        Align::Right => padding,
        Align::Center => padding / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let mut out = String::with_capacity(text.len() + padding);
    push_repeated(&mut out, fill, left);
    out.push_str(text);
    push_repeated(&mut out, fill, padding - left);
    out
}

/// `format(text, spec)` for a `str` (`type_name` is the value's Python
/// type name, used in the unknown-type message).
///
/// Only the `s` type is known; strings default to left alignment, a
/// precision truncates, and signs, `z`, `#` and `=` alignment are errors.
///
/// # Errors
/// `ValueError` with CPython's message, e.g.
/// `Sign not allowed in string format specifier`.
pub fn format_str(text: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec.grouping, Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if spec.z {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = resolve_fill(spec, Align::Left);
    if align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let width = check_width(spec)?;
    let shown = match spec.precision {
        Some(p) => text.char_indices().nth(p).map_or(text, |(i, _)| &text[..i]),
        None => text,
    };
    Ok(pad_text(shown, width, align, fill))
}

/// `format(value, spec)` for an `int` (or `bool`; `type_name` is the
/// value's Python type name, used in the unknown-type message).
///
/// Types `b c d o x X n` format the integer (`n` as `d`, since the
/// interpreter runs in the C locale); `e E f F g G %` convert it to float
/// first.  Decimal output obeys the 4300-digit limit.
///
/// # Errors
/// `ValueError` for misuse (`Precision not allowed in integer format
/// specifier`, unknown codes, ...), `OverflowError` for `c` out of range
/// or ints too large for a float type.
pub fn format_int(
    value: &BigInt,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    check_grouping(spec.grouping, Some(ty))?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_integer(value, spec, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            format_float_as(int_to_f64(value)?, spec, Some(ty))
        }
        _ => Err(unknown_code(ty, type_name)),
    }
}

/// Converts an int to the character for the `c` presentation type.
fn char_for_code(value: &BigInt) -> Result<char, FormatError> {
    let code = value
        .to_i64()
        .ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?;
    checked_char(code)
}

/// A code point in `range(0x110000)` as a `char`.
pub(super) fn checked_char(code: i64) -> Result<char, FormatError> {
    let code = u32::try_from(code)
        .ok()
        .filter(|&c| c <= 0x10_ffff)
        .ok_or_else(|| FormatError::overflow("%c arg not in range(0x110000)"))?;
    char::from_u32(code).ok_or_else(|| {
        FormatError::value(format!(
            "lone surrogate U+{code:04X} cannot be represented in a string"
        ))
    })
}

fn format_integer(value: &BigInt, spec: &FormatSpec, ty: char) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.z {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let (fill, align) = resolve_fill(spec, Align::Right);
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let ch = char_for_code(value)?.to_string();
        let width = check_width(spec)?;
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &ch,
            grouping: None,
        };
        return Ok(render_number(&parts, spec, fill, align, width));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let magnitude = value.abs();
    let mut digits = if radix == 10 {
        int_to_decimal(&magnitude)?
    } else {
        magnitude.to_str_radix(radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let grouping = match (spec.grouping, ty) {
        (_, 'n') | (None, _) => None,
        (Some(Grouping::Comma), _) => Some((3, ',')),
        (Some(Grouping::Underscore), _) => Some((if radix == 10 { 3 } else { 4 }, '_')),
    };
    let width = check_width(spec)?;
    let parts = NumberParts {
        negative: value.sign() == BigSign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
        grouping,
    };
    Ok(render_number(&parts, spec, fill, align, width))
}

/// `format(value, spec)` for a `float` (`type_name` is the value's Python
/// type name, used in the unknown-type message).
///
/// Types `e E f F g G n %` and none.  Without a type the result matches
/// `repr()` when no precision is given, and otherwise behaves like `g`
/// but keeps at least one digit after the point and switches to exponent
/// notation one digit earlier.  Digits are correctly rounded, half to
/// even on the exact binary value.
///
/// # Errors
/// `ValueError` for unknown codes, grouping misuse, or a precision above
/// `2**31 - 1` (`precision too big`).
pub fn format_float(value: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    check_grouping(spec.grouping, spec.ty)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_as(value, spec, spec.ty)
        }
        Some(c) => Err(unknown_code(c, type_name)),
    }
}

fn format_float_as(value: f64, spec: &FormatSpec, ty: Option<char>) -> Result<String, FormatError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut flags = Flags {
        alt: spec.alternate,
        no_neg_0: spec.z,
        ..Flags::default()
    };
    let mut x = value;
    let mut percent = false;
    let mut default_precision = 6;
    let mut style = match ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            Style::Repr
        }
        Some('n') => Style::General,
        Some('%') => {
            x *= 100.0;
            percent = true;
            Style::Fixed
        }
        Some(c) => {
            let (style, upper) = style_for(c).unwrap_or((Style::General, false));
            flags.upper = upper;
            style
        }
    };
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if style == Style::Repr {
                style = Style::General;
            }
            p
        }
    };
    let mut text = double_to_string(x, style, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, after) = body.split_at(int_len);
    let (has_decimal, remainder) = match after.strip_prefix('.') {
        Some(rest) => (true, rest),
        None => (false, after),
    };
    let grouping = match (spec.grouping, ty) {
        (_, Some('n')) | (None, _) => None,
        (Some(Grouping::Comma), _) => Some((3, ',')),
        (Some(Grouping::Underscore), _) => Some((3, '_')),
    };
    let (fill, align) = resolve_fill(spec, Align::Right);
    let width = check_width(spec)?;
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
        grouping,
    };
    Ok(render_number(&parts, spec, fill, align, width))
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are what is under test
mod tests {
    use super::*;

    fn fmt_int(v: i64, spec: &str) -> String {
        let spec = parse_format_spec(spec, "int").unwrap();
        format_int(&BigInt::from(v), &spec, "int").unwrap()
    }

    fn fmt_float(v: f64, spec: &str) -> String {
        let spec = parse_format_spec(spec, "float").unwrap();
        format_float(v, &spec, "float").unwrap()
    }

    fn fmt_str(v: &str, spec: &str) -> String {
        let spec = parse_format_spec(spec, "str").unwrap();
        format_str(v, &spec, "str").unwrap()
    }

    fn err_message(result: Result<String, FormatError>) -> String {
        result.unwrap_err().message
    }

    fn int_err(v: &BigInt, spec: &str, type_name: &str) -> FormatError {
        parse_format_spec(spec, type_name)
            .and_then(|s| format_int(v, &s, type_name))
            .unwrap_err()
    }

    fn float_err(v: f64, spec: &str) -> String {
        err_message(parse_format_spec(spec, "float").and_then(|s| format_float(v, &s, "float")))
    }

    fn str_err(v: &str, spec: &str) -> String {
        err_message(parse_format_spec(spec, "str").and_then(|s| format_str(v, &s, "str")))
    }

    #[test]
    fn format_spec_parses_every_field() {
        let spec = parse_format_spec("*^+z#012,.3f", "float").unwrap();
        assert_eq!(
            spec,
            FormatSpec {
                fill: Some('*'),
                align: Some(Align::Center),
                sign: Some(Sign::Plus),
                z: true,
                alternate: true,
                zero: false,
                width: Some(12),
                grouping: Some(Grouping::Comma),
                precision: Some(3),
                ty: Some('f'),
            }
        );
        let zero = parse_format_spec("08_x", "int").unwrap();
        assert!(zero.zero && zero.fill.is_none());
        assert_eq!(zero.width, Some(8));
        assert_eq!(zero.grouping, Some(Grouping::Underscore));
    }

    #[test]
    fn format_spec_reports_malformed_specs() {
        let one = BigInt::from(1);
        let cases = [
            (
                "abc",
                "Invalid format specifier 'abc' for object of type 'int'",
            ),
            (".", "Format specifier missing precision"),
            (",_", "Cannot specify both ',' and '_'."),
            ("_,", "Cannot specify both ',' and '_'."),
            (",,", "Cannot specify ',' with ','."),
            ("__", "Cannot specify '_' with '_'."),
            (",x", "Cannot specify ',' with 'x'."),
            (
                "99999999999999999999",
                "Too many decimal digits in format string",
            ),
            (
                ".99999999999999999999",
                "Too many decimal digits in format string",
            ),
            (
                "\x01",
                "Unknown format code '\\x1' for object of type 'int'",
            ),
            (
                "\u{e9}",
                "Unknown format code '\\xe9' for object of type 'int'",
            ),
            (
                "z,",
                "Negative zero coercion (z) not allowed in integer format specifier",
            ),
        ];
        for (spec, message) in cases {
            let err = int_err(&one, spec, "int");
            assert_eq!(err.message, message, "{spec:?}");
            assert_eq!(err.kind, super::super::ExcKind::ValueError);
        }
        assert_eq!(
            int_err(&one, "y", "bool").message,
            "Unknown format code 'y' for object of type 'bool'"
        );
    }

    #[test]
    fn format_int_pads_signs_and_prefixes() {
        let cases = [
            (5, "=+5", "+   5"),
            (5, " 5", "    5"),
            (-5, "^+6", "  -5  "),
            (-5, "0^7", "00-5000"),
            (-5, "=^7", "==-5==="),
            (-5, "=08", "-0000005"),
            (5, "x<05", "5xxxx"),
            (5, "<05", "50000"),
            (0, "+", "+0"),
            (255, "#X", "0XFF"),
            (255, "#b", "0b11111111"),
            (255, "#o", "0o377"),
            (0, "#x", "0x0"),
            (-255, "#010x", "-0x00000ff"),
            (-255, " ^#12x", "   -0xff    "),
            (5, "\u{661}\u{660}d", "         5"),
            (65, "05c", "0000A"),
            (1234, "n", "1234"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fmt_int(v, spec), want, "{v} {spec:?}");
        }
    }

    #[test]
    fn format_int_groups_zero_padding_like_cpython() {
        let cases = [
            (1234, "08,", "0,001,234"),
            (1234, "09,", "0,001,234"),
            (1234, "010,", "00,001,234"),
            (1234, "010_x", "0_0000_04d2"),
            (0x12345, "#012_x", "0x0_0001_2345"),
            (-0x12345, "#012_X", "-0X0001_2345"),
            (-12345, "020_X", "-0000_0000_0000_3039"),
            (12345, "_b", "11_0000_0011_1001"),
            (12345, "_o", "3_0071"),
            (12345, " ,", " 12,345"),
            (1_234_567, ",d", "1,234,567"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fmt_int(v, spec), want, "{v} {spec:?}");
        }
    }

    #[test]
    fn format_int_rejects_misuse_with_cpython_messages() {
        let one = BigInt::from(1);
        let cases = [
            (".2", "Precision not allowed in integer format specifier"),
            ("z.2", "Precision not allowed in integer format specifier"),
            (
                "zc",
                "Negative zero coercion (z) not allowed in integer format specifier",
            ),
            ("+c", "Sign not allowed with integer format specifier 'c'"),
            (
                "#c",
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            (",n", "Cannot specify ',' with 'n'."),
            ("z,c", "Cannot specify ',' with 'c'."),
        ];
        for (spec, message) in cases {
            assert_eq!(int_err(&one, spec, "int").message, message, "{spec:?}");
        }
        let err = int_err(&BigInt::from(-1), "c", "int");
        assert_eq!(err.kind, super::super::ExcKind::OverflowError);
        assert_eq!(err.message, "%c arg not in range(0x110000)");
        let huge = num_traits::pow(BigInt::from(10), 30);
        assert_eq!(
            int_err(&huge, "c", "int").message,
            "Python int too large to convert to C long"
        );
        let big = num_traits::pow(BigInt::from(10), 400);
        assert_eq!(
            int_err(&big, "f", "int").message,
            "int too large to convert to float"
        );
    }

    #[test]
    fn format_int_with_float_type_converts_to_float() {
        assert_eq!(fmt_int(1, "%"), "100.000000%");
        assert_eq!(fmt_int(12, ".1%"), "1200.0%");
        assert_eq!(fmt_int(1_234_567, ".3e"), "1.235e+06");
        assert_eq!(fmt_int(-3, "08.2f"), "-0003.00");
    }

    #[test]
    fn format_float_f_rounds_half_even_on_exact_value() {
        let cases = [
            (2.675, ".2f", "2.67"),
            (0.5, ".0f", "0"),
            (1.5, ".0f", "2"),
            (2.5, ".0f", "2"),
            (3.5, ".0f", "4"),
            (0.125, ".2f", "0.12"),
            (0.375, ".2f", "0.38"),
            (0.1, ".20f", "0.10000000000000000555"),
            (1e22, "f", "10000000000000000000000.000000"),
            (1e23, "f", "99999999999999991611392.000000"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fmt_float(v, spec), want, "{v} {spec:?}");
        }
        assert_eq!(
            fmt_float(1e300, "f"),
            "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"
        );
    }

    #[test]
    fn format_float_without_type_is_repr_or_general() {
        let cases = [
            (1e16, "", "1e+16"),
            (1.0, ".3", "1.0"),
            (1e16, ".17", "1e+16"),
            (123_456_789.0, ".3", "1.23e+08"),
            (0.0001, ".3", "0.0001"),
            (123.0, ".3", "1.23e+02"),
            (9.9999, ".3", "10.0"),
            (99999.9, ".5", "1e+05"),
            (99999.9, ".6", "99999.9"),
            (1.0, "#.0", "1.e+00"),
            (1e30, "#", "1.e+30"),
            (1.0, "#.3", "1.00"),
            (-0.0, "", "-0.0"),
            (1e-5, "", "1e-05"),
            (5e-324, "", "5e-324"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fmt_float(v, spec), want, "{v} {spec:?}");
        }
    }

    #[test]
    fn format_float_exponent_and_general_types() {
        let cases = [
            (0.0, "e", "0.000000e+00"),
            (0.0, ".0e", "0e+00"),
            (0.0, "#g", "0.00000"),
            (1e-7, "g", "1e-07"),
            (1_234_567.0, "G", "1.23457E+06"),
            (5e-324, ".2e", "4.94e-324"),
            (f64::MAX, ".17g", "1.7976931348623157e+308"),
            (0.1, ".30g", "0.100000000000000005551115123126"),
            (1e-5, "#g", "1.00000e-05"),
            (100.0, "#.3g", "100."),
            (1234.5, "n", "1234.5"),
            (1e20, "n", "1e+20"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fmt_float(v, spec), want, "{v} {spec:?}");
        }
    }

    #[test]
    fn format_float_groups_pads_and_percent() {
        let cases = [
            (123_456.789, ",.2f", "123,456.79"),
            (123_456.789, "_", "123_456.789"),
            (1_234_567.0, ",", "1,234,567.0"),
            (1e20, ",", "1e+20"),
            (1234.5, "012,.2f", "0,001,234.50"),
            (-5.5, "=8", "-    5.5"),
            (0.5, ".0%", "50%"),
            (-3.14158, "010.3f", "-00003.142"),
            (f64::INFINITY, "010", "0000000inf"),
            (f64::NAN, "+010", "+000000nan"),
            (f64::NEG_INFINITY, "=10", "-      inf"),
            (f64::INFINITY, ",.2f", "inf"),
            (f64::INFINITY, "%", "inf%"),
            (f64::INFINITY, "G", "INF"),
            (f64::NAN, "F", "NAN"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fmt_float(v, spec), want, "{v} {spec:?}");
        }
    }

    #[test]
    fn format_float_z_drops_sign_of_rounded_zero() {
        assert_eq!(fmt_float(-0.0, "z"), "0.0");
        assert_eq!(fmt_float(-0.001, "z.1f"), "0.0");
        assert_eq!(fmt_float(-0.001, "z.1e"), "-1.0e-03");
        assert_eq!(fmt_float(-0.0, "zg"), "0");
        assert_eq!(fmt_float(-0.0001, "z.1%"), "0.0%");
        assert_eq!(fmt_float(-0.0, "+z"), "+0.0");
        assert_eq!(fmt_float(f64::NEG_INFINITY, "z"), "-inf");
    }

    #[test]
    fn format_float_reports_unknown_codes() {
        assert_eq!(
            float_err(1.5, "d"),
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            float_err(1.5, "#x"),
            "Unknown format code 'x' for object of type 'float'"
        );
        assert_eq!(
            float_err(-0.0, "z+"),
            "Unknown format code '+' for object of type 'float'"
        );
        assert_eq!(float_err(1.0, ".2147483648"), "precision too big");
        assert_eq!(
            float_err(1.0, "abc"),
            "Invalid format specifier 'abc' for object of type 'float'"
        );
    }

    #[test]
    fn format_str_truncates_and_aligns() {
        let cases = [
            ("ab", "05", "ab000"),
            ("ab", "<05", "ab000"),
            ("ab", ">05", "000ab"),
            ("abc", ".1", "a"),
            ("abc", "x^7.2", "xxabxxx"),
            ("abc", "^6", " abc  "),
            ("\u{e9}", "*>3", "**\u{e9}"),
            ("\u{e9}", "^4", " \u{e9}  "),
            ("", "5", "     "),
            ("abc", ".0", ""),
            ("abc", ".10", "abc"),
            ("abc", "^^5", "^abc^"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fmt_str(v, spec), want, "{v:?} {spec:?}");
        }
    }

    #[test]
    fn format_str_rejects_numeric_options() {
        let cases = [
            ("=5", "'=' alignment not allowed in string format specifier"),
            ("+", "Sign not allowed in string format specifier"),
            ("-", "Sign not allowed in string format specifier"),
            (" ", "Space not allowed in string format specifier"),
            (
                "#",
                "Alternate form (#) not allowed in string format specifier",
            ),
            (
                "z",
                "Negative zero coercion (z) not allowed in string format specifier",
            ),
            (",", "Cannot specify ',' with 's'."),
            ("_", "Cannot specify '_' with 's'."),
            ("d", "Unknown format code 'd' for object of type 'str'"),
            (
                "z#",
                "Negative zero coercion (z) not allowed in string format specifier",
            ),
            ("#=", "'=' alignment not allowed in string format specifier"),
            ("=+", "Sign not allowed in string format specifier"),
        ];
        for (spec, message) in cases {
            assert_eq!(str_err("ab", spec), message, "{spec:?}");
        }
    }
}
