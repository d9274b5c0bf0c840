//! printf-style `%` formatting (`str.__mod__`).
//!
//! CPython interleaves parsing the format string with fetching arguments,
//! so the error a program sees depends on that order (a missing argument
//! is reported before an unsupported conversion character that follows
//! it, a `KeyError` before an incomplete format, and so on).  The
//! interpreter owns the argument values, so this file splits the work:
//! [`percent_format`] drives the format string and the argument cursor in
//! CPython's order and calls back through [`PercentArgs`] for everything
//! that needs a value, while [`percent_int`], [`percent_float`] and
//! [`percent_pad_str`] render one converted value.  [`parse_percent`] is a
//! simpler whole-string parser for callers that do not need that order.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive};

use super::dtoa::{double_to_string, style_for, Flags};
use super::literals::int_to_decimal;
use super::minilang::checked_char;
use super::{FormatError, MAX_FIELD_WIDTH};

/// Flags of one `%` conversion.
#[allow(clippy::struct_excessive_bools)] // one field per flag character
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify within the width.
    pub left: bool,
    /// `+`: always print a sign for numbers.
    pub plus: bool,
    /// `' '`: a space in place of the plus sign.
    pub space: bool,
    /// `#`: alternate form (`0o`/`0x`/`0X` prefixes, kept decimal point).
    pub alt: bool,
    /// `0`: pad numbers with zeros after the sign and prefix.
    pub zero: bool,
}

/// A width or precision as written in the format string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    /// Not given.
    Absent,
    /// A decimal number.
    Fixed(usize),
    /// `*`: taken from the next argument.
    Star,
}

/// One `%` conversion as written in the format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentConv {
    /// `%(key)`: the mapping key, parentheses balanced and stripped.
    pub key: Option<String>,
    /// Conversion flags.
    pub flags: PercentFlags,
    /// Minimum field width.
    pub width: PercentCount,
    /// Precision.
    pub precision: PercentCount,
    /// Conversion character; it may be unsupported, since CPython only
    /// reports that after fetching the argument (see
    /// [`PercentConv::unsupported_error`]).
    pub conv: char,
    /// Character index of `conv` in the format string.
    pub index: usize,
}

impl PercentConv {
    /// Whether `conv` is one of `s r a c d i u o x X e E f F g G`.
    #[must_use]
    pub fn is_supported(&self) -> bool {
        is_supported(self.conv)
    }

    /// `ValueError: unsupported format character 'y' (0x79) at index 3`.
    #[must_use]
    pub fn unsupported_error(&self) -> FormatError {
        let shown = if ('\u{1f}'..='~').contains(&self.conv) {
            self.conv
        } else {
            '?'
        };
        FormatError::value(format!(
            "unsupported format character '{shown}' (0x{:x}) at index {}",
            u32::from(self.conv),
            self.index
        ))
    }
}

fn is_supported(c: char) -> bool {
    "sracdiuoxXeEfFgG".contains(c)
}

/// A piece of a parsed `%` format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece {
    /// Text copied as is (`%%` already turned into `%`).
    Literal(String),
    /// A conversion consuming an argument.
    Conv(PercentConv),
}

/// A conversion with `*` values resolved, ready to render one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    /// Conversion flags (a negative `*` width sets `left`).
    pub flags: PercentFlags,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Precision.
    pub precision: Option<usize>,
    /// Conversion character.
    pub conv: char,
}

/// Where in the conversion a parse error was found; CPython raises it
/// only after the steps before that point (mapping lookup, `*` arguments).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Key,
    Width,
    Precision,
    End,
}

/// A conversion as scanned, possibly cut short by an error.
struct RawConv {
    has_key: bool,
    key: String,
    flags: PercentFlags,
    width: PercentCount,
    precision: PercentCount,
    conv: char,
    index: usize,
    error: Option<(Stage, FormatError)>,
}

enum Item {
    Literal(String),
    Conv(RawConv),
}

/// Walks a format string one literal run or conversion at a time.
struct Scanner {
    chars: Vec<char>,
    pos: usize,
}

impl Scanner {
    fn new(format: &str) -> Self {
        Self {
            chars: format.chars().collect(),
            pos: 0,
        }
    }

    fn next_char(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// Reads digits following `first`; `None` on overflow past `limit`.
    fn read_count(&mut self, first: char, limit: u64) -> (Option<usize>, Option<char>) {
        let mut value = u64::from(first) - u64::from('0');
        loop {
            let next = self.next_char();
            match next {
                Some(c) if c.is_ascii_digit() => {
                    let digit = u64::from(c) - u64::from('0');
                    if value > (limit - digit) / 10 {
                        return (None, next);
                    }
                    value = value * 10 + digit;
                }
                _ => return (usize::try_from(value).ok(), next),
            }
        }
    }

    fn next_item(&mut self) -> Option<Item> {
        let start = self.pos;
        if start >= self.chars.len() {
            return None;
        }
        if self.chars[start] != '%' {
            while self.pos < self.chars.len() && self.chars[self.pos] != '%' {
                self.pos += 1;
            }
            return Some(Item::Literal(self.chars[start..self.pos].iter().collect()));
        }
        self.pos += 1;
        if self.chars.get(self.pos) == Some(&'%') {
            self.pos += 1;
            return Some(Item::Literal("%".to_string()));
        }
        Some(Item::Conv(self.scan_conv()))
    }

    fn scan_conv(&mut self) -> RawConv {
        let mut raw = RawConv {
            has_key: false,
            key: String::new(),
            flags: PercentFlags::default(),
            width: PercentCount::Absent,
            precision: PercentCount::Absent,
            conv: '\0',
            index: 0,
            error: None,
        };
        let fail = |stage: Stage, message: &str, mut raw: RawConv| {
            raw.error = Some((stage, FormatError::value(message)));
            raw
        };
        if self.chars.get(self.pos) == Some(&'(') {
            raw.has_key = true;
            self.pos += 1;
            let key_start = self.pos;
            let mut depth = 1;
            while depth > 0 {
                match self.next_char() {
                    Some(')') => depth -= 1,
                    Some('(') => depth += 1,
                    Some(_) => {}
                    None => return fail(Stage::Key, "incomplete format key", raw),
                }
            }
            raw.key = self.chars[key_start..self.pos - 1].iter().collect();
        }
        let mut ch = loop {
            match self.next_char() {
                Some('-') => raw.flags.left = true,
                Some('+') => raw.flags.plus = true,
                Some(' ') => raw.flags.space = true,
                Some('#') => raw.flags.alt = true,
                Some('0') => raw.flags.zero = true,
                other => break other,
            }
        };
        if ch == Some('*') {
            raw.width = PercentCount::Star;
            ch = self.next_char();
        } else if let Some(c) = ch.filter(char::is_ascii_digit) {
            let (value, next) = self.read_count(c, i64::MAX.unsigned_abs());
            let Some(value) = value else {
                return fail(Stage::Width, "width too big", raw);
            };
            raw.width = PercentCount::Fixed(value);
            ch = next;
        }
        if ch == Some('.') {
            raw.precision = PercentCount::Fixed(0);
            ch = self.next_char();
            if ch == Some('*') {
                raw.precision = PercentCount::Star;
                ch = self.next_char();
            } else if let Some(c) = ch.filter(char::is_ascii_digit) {
                let (value, next) = self.read_count(c, i32::MAX.unsigned_abs().into());
                let Some(value) = value else {
                    return fail(Stage::Precision, "precision too big", raw);
                };
                raw.precision = PercentCount::Fixed(value);
                ch = next;
            }
        }
        if matches!(ch, Some('h' | 'l' | 'L')) {
            ch = self.next_char();
        }
        match ch {
            Some(c) => {
                raw.conv = c;
                raw.index = self.pos - 1;
                raw
            }
            None => fail(Stage::End, "incomplete format", raw),
        }
    }
}

/// Splits a `%` format string into literal text and conversions.
///
/// Errors that CPython raises while scanning (`incomplete format`,
/// `incomplete format key`, `width too big`, `precision too big`) are
/// returned for the first faulty conversion.  Argument-related errors
/// (`format requires a mapping`, missing or extra arguments) and
/// unsupported conversion characters are left to the caller, which must
/// check [`PercentConv::is_supported`] after fetching the argument.
/// [`percent_format`] does all of that in CPython's exact order.
///
/// # Errors
/// `ValueError` for the scanning errors listed above.
pub fn parse_percent(format: &str) -> Result<Vec<PercentPiece>, FormatError> {
    let mut scanner = Scanner::new(format);
    let mut pieces: Vec<PercentPiece> = Vec::new();
    while let Some(item) = scanner.next_item() {
        match item {
            Item::Literal(text) => {
                if let Some(PercentPiece::Literal(last)) = pieces.last_mut() {
                    last.push_str(&text);
                } else {
                    pieces.push(PercentPiece::Literal(text));
                }
            }
            Item::Conv(raw) => {
                if let Some((_, error)) = raw.error {
                    return Err(error);
                }
                pieces.push(PercentPiece::Conv(PercentConv {
                    key: raw.has_key.then_some(raw.key),
                    flags: raw.flags,
                    width: raw.width,
                    precision: raw.precision,
                    conv: raw.conv,
                    index: raw.index,
                }));
            }
        }
    }
    Ok(pieces)
}

/// Which argument a conversion uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgRef {
    /// Item `n` of the tuple right operand.
    Item(usize),
    /// The right operand itself when it is not a tuple, or the value of
    /// the most recent `%(key)` lookup.
    Current,
}

/// The interpreter's side of `format % args`.
pub trait PercentArgs {
    /// The interpreter's error type; formatting errors convert into it.
    type Error: From<FormatError>;

    /// `Some(len)` when the right operand is a tuple, else `None`.
    fn tuple_len(&self) -> Option<usize>;

    /// CPython's test for `%(key)` support: the right operand supports
    /// item access (`dict`, but also `list`) and is not a tuple or `str`.
    fn is_mapping(&self) -> bool;

    /// Looks `key` up in the right operand (`KeyError` and the like are
    /// the interpreter's); the value becomes [`ArgRef::Current`].
    ///
    /// # Errors
    /// Whatever the lookup raises.
    fn select_key(&mut self, key: &str) -> Result<(), Self::Error>;

    /// The value of a `*` width or precision argument: `Some` for `int`
    /// (and `bool`), `None` for anything else (`TypeError: * wants int`).
    ///
    /// # Errors
    /// Only errors of the interpreter's own making.
    fn star_int(&mut self, arg: ArgRef) -> Result<Option<BigInt>, Self::Error>;

    /// Converts the argument for `spec.conv` (always a supported
    /// character), typically with `str()`/`repr()`/`ascii()` then
    /// [`percent_pad_str`], or [`percent_int`], [`percent_float`],
    /// [`percent_char_from_int`]/[`percent_char_from_str`], and
    /// [`percent_type_error`] for unsuitable types.
    ///
    /// # Errors
    /// Conversion errors, as CPython raises them.
    fn render(&mut self, arg: ArgRef, spec: &PercentSpec) -> Result<String, Self::Error>;
}

/// Argument cursor with CPython's `arglen`/`argidx` bookkeeping.
struct Cursor {
    len: i64,
    idx: i64,
}

impl Cursor {
    fn single() -> Self {
        Self { len: -1, idx: -2 }
    }

    fn next(&mut self) -> Result<ArgRef, FormatError> {
        if self.idx < self.len {
            let current = self.idx;
            self.idx += 1;
            if self.len < 0 {
                Ok(ArgRef::Current)
            } else {
                Ok(ArgRef::Item(usize::try_from(current).unwrap_or(0)))
            }
        } else {
            Err(FormatError::type_error(
                "not enough arguments for format string",
            ))
        }
    }

    fn unused(&self) -> bool {
        self.idx < self.len
    }
}

fn not_all_converted() -> FormatError {
    FormatError::type_error("not all arguments converted during string formatting")
}

fn star_value<A: PercentArgs>(args: &mut A, cursor: &mut Cursor) -> Result<BigInt, A::Error> {
    let arg = cursor.next()?;
    args.star_int(arg)?
        .ok_or_else(|| FormatError::type_error("* wants int").into())
}

/// `format % args`, with arguments, errors and their order as in CPython.
///
/// # Errors
/// Scanning errors, `TypeError`s for argument count and mapping misuse,
/// `unsupported format character`, and whatever the interpreter's
/// callbacks raise.
pub fn percent_format<A: PercentArgs>(format: &str, args: &mut A) -> Result<String, A::Error> {
    let mut cursor = match args.tuple_len() {
        Some(len) => Cursor {
            len: i64::try_from(len).unwrap_or(i64::MAX),
            idx: 0,
        },
        None => Cursor::single(),
    };
    let mapping = args.tuple_len().is_none() && args.is_mapping();
    let mut scanner = Scanner::new(format);
    let mut out = String::with_capacity(format.len() + 16);
    while let Some(item) = scanner.next_item() {
        let raw = match item {
            Item::Literal(text) => {
                out.push_str(&text);
                continue;
            }
            Item::Conv(raw) => raw,
        };
        let stage_error = |stage: Stage| -> Option<FormatError> {
            match &raw.error {
                Some((s, error)) if *s == stage => Some(error.clone()),
                _ => None,
            }
        };
        if raw.has_key {
            if !mapping {
                return Err(FormatError::type_error("format requires a mapping").into());
            }
            if let Some(error) = stage_error(Stage::Key) {
                return Err(error.into());
            }
            args.select_key(&raw.key)?;
            cursor = Cursor::single();
        }
        let mut flags = raw.flags;
        let width = match raw.width {
            PercentCount::Absent => None,
            PercentCount::Fixed(w) => Some(w),
            PercentCount::Star => {
                let value = star_value(args, &mut cursor)?;
                let w = value.to_i64().ok_or_else(|| {
                    FormatError::overflow("Python int too large to convert to C ssize_t")
                })?;
                if w < 0 {
                    flags.left = true;
                }
                // CPython negates in place; i64::MIN stays negative and
                // then acts as no width at all.
                usize::try_from(w.wrapping_abs()).ok()
            }
        };
        if let Some(error) = stage_error(Stage::Width) {
            return Err(error.into());
        }
        let precision = match raw.precision {
            PercentCount::Absent => None,
            PercentCount::Fixed(p) => Some(p),
            PercentCount::Star => {
                let value = star_value(args, &mut cursor)?;
                let p = value.to_i32().ok_or_else(|| {
                    FormatError::overflow("Python int too large to convert to C int")
                })?;
                Some(usize::try_from(p).unwrap_or(0))
            }
        };
        if let Some(error) = stage_error(Stage::Precision).or_else(|| stage_error(Stage::End)) {
            return Err(error.into());
        }
        let arg = cursor.next()?;
        if !is_supported(raw.conv) {
            let conv = PercentConv {
                key: None,
                flags,
                width: raw.width,
                precision: raw.precision,
                conv: raw.conv,
                index: raw.index,
            };
            return Err(conv.unsupported_error().into());
        }
        let spec = PercentSpec {
            flags,
            width,
            precision,
            conv: raw.conv,
        };
        out.push_str(&args.render(arg, &spec)?);
        if mapping && cursor.unused() {
            return Err(not_all_converted().into());
        }
    }
    if cursor.unused() && !mapping {
        return Err(not_all_converted().into());
    }
    Ok(out)
}

/// Places an already converted value in its field the way CPython's
/// `unicode_format_arg_output` does.  `numeric` conversions get sign
/// handling and zero fill; `s`, `r`, `a` are cut to the precision.
fn place(text: &str, spec: &PercentSpec, numeric: bool) -> Result<String, FormatError> {
    let width = spec.width.unwrap_or(0);
    if width > MAX_FIELD_WIDTH {
        return Err(FormatError::memory());
    }
    let chars: Vec<char> = text.chars().collect();
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut len = chars.len();
    let truncates = matches!(spec.conv, 's' | 'r' | 'a');
    if let Some(p) = spec.precision.filter(|_| truncates) {
        len = len.min(p);
    }
    let mut start = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                start = 1;
            }
            _ if flags.plus => sign = Some('+'),
            _ if flags.space => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = width.max(len);
    let mut out = String::with_capacity(width + 2);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefix = flags.alt && matches!(spec.conv, 'x' | 'X' | 'o');
    if prefix {
        if fill != ' ' {
            out.push('0');
            out.push(spec.conv);
            start += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        if prefix {
            out.push('0');
            out.push(spec.conv);
            start += 2;
        }
    }
    out.extend(&chars[start..start + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

/// Renders an integer for `%d %i %u %o %x %X`: the precision is a
/// minimum digit count, `#` adds `0o`/`0x`/`0X`, and the 4300-digit limit
/// applies to decimal output.  Floats must already be truncated to int
/// by the interpreter (`%d` accepts `3.7`; `%x` does not).
///
/// # Errors
/// `ValueError` past the digit limit; `MemoryError` for absurd widths.
pub fn percent_int(value: &BigInt, spec: &PercentSpec) -> Result<String, FormatError> {
    let (radix, prefix) = match spec.conv {
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
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut text = String::new();
    if value.sign() == BigSign::Minus {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    if let Some(p) = spec.precision {
        text.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    text.push_str(&digits);
    place(&text, spec, true)
}

/// Renders a float for `%e %E %f %F %g %G` (precision 6 by default,
/// correctly rounded; `#` keeps the point and trailing zeros).
///
/// # Errors
/// `MemoryError` for absurd widths.
pub fn percent_float(value: f64, spec: &PercentSpec) -> Result<String, FormatError> {
    let (style, upper) = style_for(spec.conv).unwrap_or((super::dtoa::Style::General, false));
    let flags = Flags {
        alt: spec.flags.alt,
        upper,
        ..Flags::default()
    };
    let text = double_to_string(value, style, spec.precision.unwrap_or(6), flags);
    place(&text, spec, true)
}

/// Pads the text of a `%s`, `%r`, `%a` (after the interpreter applied
/// `str`, `repr` or `ascii`) or `%c` conversion: the precision cuts
/// `s`/`r`/`a` text, the fill is always a space.
///
/// # Errors
/// `MemoryError` for absurd widths.
pub fn percent_pad_str(text: &str, spec: &PercentSpec) -> Result<String, FormatError> {
    place(text, spec, false)
}

/// The character for `%c` of an int.
///
/// # Errors
/// `OverflowError: %c arg not in range(0x110000)`; a lone surrogate,
/// which a Rust string cannot hold, gives a `ValueError`.
pub fn percent_char_from_int(value: &BigInt) -> Result<char, FormatError> {
    checked_char(value.to_i64().unwrap_or(-1))
}

/// The character for `%c` of a str.
///
/// # Errors
/// `TypeError: %c requires int or char` unless `text` is one character.
pub fn percent_char_from_str(text: &str) -> Result<char, FormatError> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(FormatError::type_error("%c requires int or char")),
    }
}

/// The `TypeError` for an argument of the wrong type, given its Python
/// type name: `%d format: a real number is required, not str`,
/// `%x format: an integer is required, not float`,
/// `must be real number, not str` (float conversions) or
/// `%c requires int or char`.
#[must_use]
pub fn percent_type_error(conv: char, type_name: &str) -> FormatError {
    let message = match conv {
        'o' | 'x' | 'X' => format!("%{conv} format: an integer is required, not {type_name}"),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => format!("must be real number, not {type_name}"),
        'c' => "%c requires int or char".to_string(),
        _ => format!("%{conv} format: a real number is required, not {type_name}"),
    };
    FormatError::type_error(message)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are what is under test
mod tests {
    use super::super::{float_repr, ExcKind};
    use super::*;

    /// A miniature value model standing in for the interpreter.
    #[derive(Clone, Debug)]
    enum V {
        I(i64),
        F(f64),
        S(&'static str),
        Tuple(Vec<V>),
        Dict(Vec<(&'static str, V)>),
        List,
    }

    impl V {
        fn type_name(&self) -> &'static str {
            match self {
                V::I(_) => "int",
                V::F(_) => "float",
                V::S(_) => "str",
                V::Tuple(_) => "tuple",
                V::Dict(_) => "dict",
                V::List => "list",
            }
        }

        fn str(&self) -> String {
            match self {
                V::I(i) => i.to_string(),
                V::F(f) => float_repr(*f),
                V::S(s) => (*s).to_string(),
                V::Tuple(_) => "(...)".to_string(),
                V::Dict(_) => "{...}".to_string(),
                V::List => "[]".to_string(),
            }
        }

        fn repr(&self) -> String {
            match self {
                V::S(s) => format!("'{s}'"),
                other => other.str(),
            }
        }
    }

    struct Args {
        operand: V,
        current: V,
    }

    impl PercentArgs for Args {
        type Error = FormatError;

        fn tuple_len(&self) -> Option<usize> {
            match &self.operand {
                V::Tuple(items) => Some(items.len()),
                _ => None,
            }
        }

        fn is_mapping(&self) -> bool {
            matches!(self.operand, V::Dict(_) | V::List)
        }

        fn select_key(&mut self, key: &str) -> Result<(), FormatError> {
            let V::Dict(items) = &self.operand else {
                return Err(FormatError::type_error("list indices must be integers"));
            };
            let found = items.iter().find(|(k, _)| *k == key);
            self.current = found
                .map(|(_, v)| v.clone())
                .ok_or_else(|| FormatError::value(format!("KeyError '{key}'")))?;
            Ok(())
        }

        fn star_int(&mut self, arg: ArgRef) -> Result<Option<BigInt>, FormatError> {
            Ok(match self.get(arg) {
                V::I(i) => Some(BigInt::from(i)),
                _ => None,
            })
        }

        fn render(&mut self, arg: ArgRef, spec: &PercentSpec) -> Result<String, FormatError> {
            let v = self.get(arg);
            match (spec.conv, &v) {
                ('s', _) => percent_pad_str(&v.str(), spec),
                ('r' | 'a', _) => percent_pad_str(&v.repr(), spec),
                ('c', V::I(i)) => {
                    let c = percent_char_from_int(&BigInt::from(*i))?;
                    percent_pad_str(&c.to_string(), spec)
                }
                ('c', V::S(s)) => percent_pad_str(&percent_char_from_str(s)?.to_string(), spec),
                ('d' | 'i' | 'u' | 'o' | 'x' | 'X', V::I(i)) => {
                    percent_int(&BigInt::from(*i), spec)
                }
                #[allow(clippy::cast_possible_truncation)]
                ('d' | 'i' | 'u', V::F(f)) => percent_int(&BigInt::from(f.trunc() as i64), spec),
                #[allow(clippy::cast_precision_loss)]
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', V::I(i)) => percent_float(*i as f64, spec),
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', V::F(f)) => percent_float(*f, spec),
                (conv, v) => Err(percent_type_error(conv, v.type_name())),
            }
        }
    }

    impl Args {
        fn get(&self, arg: ArgRef) -> V {
            match (arg, &self.operand) {
                (ArgRef::Item(i), V::Tuple(items)) => items[i].clone(),
                _ => self.current.clone(),
            }
        }
    }

    fn run(format: &str, operand: V) -> Result<String, FormatError> {
        let mut args = Args {
            current: operand.clone(),
            operand,
        };
        percent_format(format, &mut args)
    }

    fn ok(format: &str, operand: V) -> String {
        run(format, operand).unwrap()
    }

    fn err(format: &str, operand: V) -> (ExcKind, String) {
        let e = run(format, operand).unwrap_err();
        (e.kind, e.message)
    }

    fn t(items: Vec<V>) -> V {
        V::Tuple(items)
    }

    #[test]
    fn percent_pads_integers_with_sign_and_prefix() {
        let cases = [
            ("%+d", 5, "+5"),
            ("% d", 5, " 5"),
            ("%+ d", 5, "+5"),
            ("%+05d", 5, "+0005"),
            ("%+5d", -5, "   -5"),
            ("%.5d", 42, "00042"),
            ("%.5d", -42, "-00042"),
            ("%#.5x", 255, "0x000ff"),
            ("%#x", -255, "-0xff"),
            ("%#10x", 255, "      0xff"),
            ("%#010x", 255, "0x000000ff"),
            ("%#-10x|", 255, "0xff      |"),
            ("%#o", 8, "0o10"),
            ("%#X", 255, "0XFF"),
            ("%#d", 5, "5"),
            ("%#.3o", 8, "0o010"),
            ("%+#x", 255, "+0xff"),
            ("%010.5d", -42, "-000000042"),
            ("%-05d|", 5, "5    |"),
            ("%0-5d|", 3, "3    |"),
            ("%-#010x|", 255, "0xff      |"),
            ("%u", -3, "-3"),
            ("%ld %hd %Ld", 5, "5 5 5"),
        ];
        for (format, v, want) in cases {
            let operand = if format.matches('%').count() > 1 {
                t(vec![V::I(v), V::I(v), V::I(v)])
            } else {
                V::I(v)
            };
            assert_eq!(ok(format, operand), want, "{format:?}");
        }
    }

    #[test]
    fn percent_formats_floats_with_exact_rounding() {
        let cases = [
            ("%f", 1.5, "1.500000"),
            ("%.0f", 0.5, "0"),
            ("%.0f", 1.5, "2"),
            ("%#.0f", 1.5, "2."),
            ("%e", 1234.5, "1.234500e+03"),
            ("%E", 1234.5, "1.234500E+03"),
            ("%g", 1234.5, "1234.5"),
            ("%G", 1e-10, "1E-10"),
            ("%#g", 1.0, "1.00000"),
            ("%10.3f|", 3.14158, "     3.142|"),
            ("%-10.3f|", 3.14158, "3.142     |"),
            ("%010.3f", -3.14158, "-00003.142"),
            ("%+f", f64::NAN, "+nan"),
            ("%+f", f64::INFINITY, "+inf"),
            ("%010f", f64::INFINITY, "0000000inf"),
            ("%F", f64::INFINITY, "INF"),
            ("%f", -f64::NAN, "nan"),
            ("% f", 1.0, " 1.000000"),
            ("%.3g", 100_000.0, "1e+05"),
            ("%g", 100_000.0, "100000"),
            ("%g", 1_000_000.0, "1e+06"),
        ];
        for (format, v, want) in cases {
            assert_eq!(ok(format, V::F(v)), want, "{format:?}");
        }
        assert_eq!(ok("%.100f", V::F(1.0)).len(), 102);
        assert_eq!(ok("%d", V::F(3.7)), "3");
    }

    #[test]
    fn percent_pads_and_truncates_strings() {
        let cases = [
            ("%05s", V::S("a"), "    a"),
            ("%-5s|", V::S("a"), "a    |"),
            ("%.2s", V::S("abc"), "ab"),
            ("%5.1s", V::S("abc"), "    a"),
            ("%05c", V::S("a"), "    a"),
            ("%-3c|", V::S("a"), "a  |"),
            ("%r", V::S("a"), "'a'"),
            ("%.3r", V::S("abcdef"), "'ab"),
            ("%#5s", V::I(5), "    5"),
            ("%c", V::I(65), "A"),
            ("%s", V::List, "[]"),
        ];
        for (format, v, want) in cases {
            assert_eq!(ok(format, v), want, "{format:?}");
        }
    }

    #[test]
    fn percent_takes_star_width_and_precision() {
        assert_eq!(ok("%*d", t(vec![V::I(-5), V::I(1)])), "1    ");
        assert_eq!(ok("%*d|", t(vec![V::I(4), V::I(1)])), "   1|");
        assert_eq!(ok("%.*d", t(vec![V::I(-5), V::I(1)])), "1");
        assert_eq!(ok("%.*f", t(vec![V::I(-5), V::F(1.0)])), "1");
        assert_eq!(
            ok("%*.*f", t(vec![V::I(8), V::I(2), V::F(3.14158)])),
            "    3.14"
        );
        assert_eq!(
            err("%*d", t(vec![V::S("a"), V::I(1)])),
            (ExcKind::TypeError, "* wants int".into())
        );
        assert_eq!(
            err("%.*d", t(vec![V::S("a"), V::I(1)])),
            (ExcKind::TypeError, "* wants int".into())
        );
        assert_eq!(
            err("%*d", t(vec![V::I(1)])),
            (
                ExcKind::TypeError,
                "not enough arguments for format string".into()
            )
        );
    }

    #[test]
    fn percent_reports_unsupported_character_with_index() {
        let cases = [
            (
                "%y",
                V::I(5),
                "unsupported format character 'y' (0x79) at index 1",
            ),
            (
                "abc%y",
                V::I(5),
                "unsupported format character 'y' (0x79) at index 4",
            ),
            (
                "%5z",
                V::I(1),
                "unsupported format character 'z' (0x7a) at index 2",
            ),
            (
                "%\u{e9}",
                V::I(1),
                "unsupported format character '?' (0xe9) at index 1",
            ),
            (
                "%\x01",
                V::I(1),
                "unsupported format character '?' (0x1) at index 1",
            ),
            (
                "ab%\u{1234}",
                V::I(1),
                "unsupported format character '?' (0x1234) at index 3",
            ),
        ];
        for (format, v, message) in cases {
            assert_eq!(
                err(format, v),
                (ExcKind::ValueError, message.to_string()),
                "{format:?}"
            );
        }
        assert_eq!(
            err("%\x1f", V::I(1)).1,
            "unsupported format character '\x1f' (0x1f) at index 1"
        );
        let dict = V::Dict(vec![("a", V::I(1))]);
        assert_eq!(
            err("%(a)%", dict).1,
            "unsupported format character '%' (0x25) at index 4"
        );
    }

    #[test]
    fn percent_fetches_argument_before_checking_character() {
        let missing = (
            ExcKind::TypeError,
            "not enough arguments for format string".to_string(),
        );
        assert_eq!(err("%y", t(vec![])), missing);
        assert_eq!(err("%d %y", t(vec![])), missing);
        assert_eq!(err("%5%", t(vec![])), missing);
        assert_eq!(err("%z", t(vec![])), missing);
    }

    #[test]
    fn percent_counts_arguments() {
        let extra = (
            ExcKind::TypeError,
            "not all arguments converted during string formatting".to_string(),
        );
        assert_eq!(err("%s", t(vec![V::S("a"), V::S("b")])), extra);
        assert_eq!(err("abc", V::I(5)), extra);
        assert_eq!(err("%%", V::I(5)), extra);
        assert_eq!(
            err("%s %s", t(vec![V::S("a")])),
            (
                ExcKind::TypeError,
                "not enough arguments for format string".into()
            )
        );
        assert_eq!(ok("abc", t(vec![])), "abc");
        assert_eq!(ok("abc", V::Dict(vec![])), "abc");
        assert_eq!(ok("abc", V::List), "abc");
        assert_eq!(ok("%s", V::Dict(vec![])), "{...}");
    }

    #[test]
    fn percent_looks_up_mapping_keys() {
        let dict = || V::Dict(vec![("a", V::I(3)), ("a(b)", V::I(4))]);
        assert_eq!(ok("%(a)d", dict()), "3");
        assert_eq!(ok("%(a(b))d", dict()), "4");
        assert_eq!(ok("%s %(a)s", dict()), "{...} 3");
        assert_eq!(
            err("%(a)s %s", dict()),
            (
                ExcKind::TypeError,
                "not enough arguments for format string".into()
            )
        );
        let needs = (ExcKind::TypeError, "format requires a mapping".to_string());
        assert_eq!(err("%(a)d", V::I(5)), needs);
        assert_eq!(err("%(a)d", t(vec![V::I(1)])), needs);
        assert_eq!(err("%(a)%", V::I(5)), needs);
        assert_eq!(
            err("%(a", V::Dict(vec![])),
            (ExcKind::ValueError, "incomplete format key".into())
        );
        assert_eq!(err("%(zz)", V::Dict(vec![])).1, "KeyError 'zz'");
    }

    #[test]
    fn percent_reports_incomplete_and_oversized_formats() {
        let incomplete = (ExcKind::ValueError, "incomplete format".to_string());
        assert_eq!(err("%", t(vec![])), incomplete);
        assert_eq!(err("%5", V::I(1)), incomplete);
        assert_eq!(err("%.", V::I(1)), incomplete);
        assert_eq!(err("%*", V::I(1)), incomplete);
        assert_eq!(
            err("%*", t(vec![])),
            (
                ExcKind::TypeError,
                "not enough arguments for format string".into()
            )
        );
        assert_eq!(
            err("%.99999999999999999999d", V::I(1)),
            (ExcKind::ValueError, "precision too big".into())
        );
        assert_eq!(
            err("%99999999999999999999d", V::I(1)),
            (ExcKind::ValueError, "width too big".into())
        );
    }

    #[test]
    fn percent_type_errors_name_the_argument_type() {
        let cases = [
            (
                "%d",
                V::S("a"),
                "%d format: a real number is required, not str",
            ),
            (
                "%i",
                V::S("a"),
                "%i format: a real number is required, not str",
            ),
            (
                "%x",
                V::F(3.0),
                "%x format: an integer is required, not float",
            ),
            (
                "%X",
                V::S("a"),
                "%X format: an integer is required, not str",
            ),
            ("%f", V::S("a"), "must be real number, not str"),
            ("%c", V::F(1.5), "%c requires int or char"),
            ("%c", V::S("ab"), "%c requires int or char"),
        ];
        for (format, v, message) in cases {
            assert_eq!(
                err(format, v),
                (ExcKind::TypeError, message.to_string()),
                "{format:?}"
            );
        }
        assert_eq!(
            err("%c", V::I(-1)),
            (
                ExcKind::OverflowError,
                "%c arg not in range(0x110000)".into()
            )
        );
    }

    #[test]
    fn parse_percent_splits_literals_and_conversions() {
        let pieces = parse_percent("a%%b%(k)-+ #012.3lf%*.*s").unwrap();
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0], PercentPiece::Literal("a%b".into()));
        let PercentPiece::Conv(first) = &pieces[1] else {
            panic!()
        };
        assert_eq!(first.key.as_deref(), Some("k"));
        assert_eq!(
            first.flags,
            PercentFlags {
                left: true,
                plus: true,
                space: true,
                alt: true,
                zero: true
            }
        );
        assert_eq!(first.width, PercentCount::Fixed(12));
        assert_eq!(first.precision, PercentCount::Fixed(3));
        assert_eq!((first.conv, first.index), ('f', 18));
        let PercentPiece::Conv(second) = &pieces[2] else {
            panic!()
        };
        assert_eq!(
            (second.width, second.precision, second.conv),
            (PercentCount::Star, PercentCount::Star, 's')
        );
        assert_eq!(
            parse_percent("%(a").unwrap_err().message,
            "incomplete format key"
        );
        assert_eq!(
            parse_percent("x%").unwrap_err().message,
            "incomplete format"
        );
        let PercentPiece::Conv(bad) = &parse_percent("abc%y").unwrap()[1] else {
            panic!()
        };
        assert!(!bad.is_supported());
        assert_eq!(
            bad.unsupported_error().message,
            "unsupported format character 'y' (0x79) at index 4"
        );
    }
}
