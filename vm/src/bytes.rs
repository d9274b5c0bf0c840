//! `bytes` and `bytearray`: their `repr`, the codecs (in [`codec`]) and the
//! byte-string algorithms their methods share. Pure functions over byte
//! slices; the Python-facing methods live in `builtins/bytesmeth.rs`.

pub mod codec;

pub use codec::*;

use crate::object::Object;
use crate::value::Value;
use crate::vm::Vm;

/// `repr(b)` of a `bytes` value, as CPython writes it (`b'…'`).
#[must_use]
pub fn bytes_repr(b: &[u8]) -> String {
    quoted(b, false)
}

/// `repr` of a `bytearray`: CPython escapes every `'` there, whichever
/// quote it picked.
#[must_use]
pub fn bytearray_repr(b: &[u8]) -> String {
    format!("bytearray({})", quoted(b, true))
}

fn quoted(b: &[u8], escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\'' if escape_single => out.push_str("\\'"),
            c if char::from(c) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(c)),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `bytes.fromhex(s)`: `Err(position)` names the first character that is
/// not a hex digit pair.
///
/// # Errors
/// The position of the offending character.
pub fn from_hex(s: &str) -> Result<Vec<u8>, usize> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or(i)?;
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16)).ok_or(i + 1)?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `b.hex(sep, bytes_per_sep)`.
#[must_use]
pub fn to_hex(b: &[u8], sep: Option<char>, per: i64) -> String {
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep else {
        return digits.concat();
    };
    if per == 0 || b.is_empty() {
        return digits.concat();
    }
    let n = per.unsigned_abs() as usize;
    let groups: Vec<String> = if per > 0 {
        // Groups counted from the right.
        let first = match digits.len() % n {
            0 => n,
            r => r,
        };
        let mut gs = vec![digits[..first.min(digits.len())].concat()];
        let mut i = first;
        while i < digits.len() {
            gs.push(digits[i..(i + n).min(digits.len())].concat());
            i += n;
        }
        gs
    } else {
        digits.chunks(n).map(<[String]>::concat).collect()
    };
    groups.join(&sep.to_string())
}

/// Position of `needle` in `hay` at or after `from`.
#[must_use]
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Last position of `needle` in `hay`.
#[must_use]
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences of `needle` (an empty one matches `len + 1` times).
#[must_use]
pub fn count(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

/// `hay.replace(old, new, count)`.
#[must_use]
pub fn replace(hay: &[u8], old: &[u8], new: &[u8], max: Option<usize>) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut left = max.unwrap_or(usize::MAX);
    if old.is_empty() {
        for &c in hay {
            if left > 0 {
                out.extend_from_slice(new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut i = 0;
    while i < hay.len() {
        if left > 0 && hay[i..].starts_with(old) {
            out.extend_from_slice(new);
            i += old.len();
            left -= 1;
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// ASCII whitespace as `bytes` methods see it.
#[must_use]
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `split()` with no separator: runs of whitespace.
#[must_use]
pub fn split_ws(b: &[u8], max: Option<usize>) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut left = max.unwrap_or(usize::MAX);
    while i < b.len() {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if left == 0 {
            out.push(b[i..].to_vec());
            return out;
        }
        let s = i;
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        out.push(b[s..i].to_vec());
        left -= 1;
    }
    out
}

/// `rsplit()` with no separator.
#[must_use]
pub fn rsplit_ws(b: &[u8], max: Option<usize>) -> Vec<Vec<u8>> {
    let rev: Vec<u8> = b.iter().rev().copied().collect();
    let mut parts = split_ws(&rev, max);
    for p in &mut parts {
        p.reverse();
    }
    parts.reverse();
    parts
}

/// `split(sep)`.
#[must_use]
pub fn split_sep(b: &[u8], sep: &[u8], max: Option<usize>) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = max.unwrap_or(usize::MAX);
    let mut start = 0;
    let mut i = 0;
    while left > 0 && i + sep.len() <= b.len() {
        if &b[i..i + sep.len()] == sep {
            out.push(b[start..i].to_vec());
            i += sep.len();
            start = i;
            left -= 1;
        } else {
            i += 1;
        }
    }
    out.push(b[start..].to_vec());
    out
}

/// `rsplit(sep)`.
#[must_use]
pub fn rsplit_sep(b: &[u8], sep: &[u8], max: Option<usize>) -> Vec<Vec<u8>> {
    let rb: Vec<u8> = b.iter().rev().copied().collect();
    let rs: Vec<u8> = sep.iter().rev().copied().collect();
    let mut parts = split_sep(&rb, &rs, max);
    for p in &mut parts {
        p.reverse();
    }
    parts.reverse();
    parts
}

/// `splitlines(keepends)`.
#[must_use]
pub fn splitlines(b: &[u8], keep: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol > 0 {
            let end = if keep { i + eol } else { i };
            out.push(b[start..end].to_vec());
            i += eol;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(b[start..].to_vec());
    }
    out
}

impl Vm {
    /// A new `bytes` object.
    pub fn bytes_value(&mut self, b: &[u8]) -> Value {
        Value::Obj(self.heap.alloc(Object::Bytes(b.into())))
    }

    /// A new `bytearray` object.
    pub fn bytearray_value(&mut self, b: Vec<u8>) -> Value {
        Value::Obj(self.heap.alloc(Object::ByteArray(b)))
    }

    /// The contents of a `bytes` or `bytearray` value.
    #[must_use]
    pub fn as_bytes_like(&self, v: Value) -> Option<&[u8]> {
        match v.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Bytes(b)) => Some(b),
            Some(Object::ByteArray(b)) => Some(b),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_picks_quotes_and_escapes_like_cpython() {
        assert_eq!(bytes_repr(b"abc"), "b'abc'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(
            bytes_repr(b"\x00\t\n\r\\\x7f\xff"),
            "b'\\x00\\t\\n\\r\\\\\\x7f\\xff'"
        );
    }

    #[test]
    fn huge_sequences_raise_memory_error_instead_of_aborting() {
        let src = "for f in [lambda: 'ab' * (10**12), lambda: b'ab' * (10**12), lambda: [1] * (2**40),\n\
                   lambda: bytes(2**40), lambda: bytearray(2**40), lambda: bytearray(b'x') * 2**40,\n\
                   lambda: (b'x' * 1000).replace(b'', b'y' * 10**7), lambda: (b'x' * 10**6).join([b''] * 10**4)]:\n\
                   \x20   try:\n\
                   \x20       f()\n\
                   \x20   except MemoryError as e:\n\
                   \x20       print(repr(e))\n";
        let out = Vm::run_script("t.py", src, std::path::Path::new("."));
        assert_eq!(out.stderr, "");
        assert_eq!(out.stdout, "MemoryError()\n".repeat(8));
    }

    #[test]
    fn hex_round_trips_with_separators() {
        assert_eq!(from_hex("de ad be ef").unwrap(), b"\xde\xad\xbe\xef");
        assert_eq!(from_hex("0g"), Err(1));
        assert_eq!(to_hex(b"\x01\x02\x03", Some(':'), 1), "01:02:03");
        assert_eq!(to_hex(b"\x01\x02\x03", Some('-'), 2), "01-0203");
        assert_eq!(to_hex(b"\x01\x02\x03", Some('-'), -2), "0102-03");
    }

    #[test]
    fn splitting_follows_str_rules() {
        assert_eq!(
            split_ws(b"  a b  c ", None),
            vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]
        );
        assert_eq!(
            split_ws(b" a b c ", Some(1)),
            vec![b"a".to_vec(), b"b c ".to_vec()]
        );
        assert_eq!(
            rsplit_ws(b" a b c ", Some(1)),
            vec![b" a b".to_vec(), b"c".to_vec()]
        );
        assert_eq!(split_sep(b"a,b,,c", b",", None).len(), 4);
        assert_eq!(
            rsplit_sep(b"a,b,c", b",", Some(1)),
            vec![b"a,b".to_vec(), b"c".to_vec()]
        );
        assert_eq!(replace(b"aaa", b"a", b"b", Some(2)), b"bba");
        assert_eq!(replace(b"ab", b"", b"-", None), b"-a-b-");
    }
}
