//! The codecs `str.encode` and `bytes.decode` support (UTF-8, ASCII,
//! Latin-1 and their aliases), with CPython's error handlers and the
//! messages of its `UnicodeDecodeError`/`UnicodeEncodeError`.

use crate::object::Object;

/// A codec known to the VM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8.
    Utf8,
    /// ASCII.
    Ascii,
    /// ISO-8859-1.
    Latin1,
}

impl Codec {
    /// Looks an encoding name up as CPython's codec registry normalises it.
    #[must_use]
    pub fn lookup(name: &str) -> Option<Codec> {
        let norm: String = name
            .trim()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
                Some(Codec::Utf8)
            }
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "cp367" | "csascii"
            | "ibm367" | "iso646_us" | "iso_646.irv_1991" => Some(Codec::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "ibm819" | "csisolatin1" | "iso_8859_1_1987" => {
                Some(Codec::Latin1)
            }
            _ => None,
        }
    }

    /// The name CPython's messages use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Why encoding or decoding failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// `LookupError: unknown encoding: NAME`.
    UnknownEncoding(String),
    /// `LookupError: unknown error handler name 'NAME'`.
    UnknownHandler(String),
    /// `TypeError`: a handler that cannot repair this kind of error
    /// (`xmlcharrefreplace` while decoding).
    HandlerCannot(&'static str),
    /// `UnicodeDecodeError` over bytes `start..end`.
    Decode {
        /// The codec's name.
        encoding: &'static str,
        /// First offending byte.
        start: usize,
        /// One past the last.
        end: usize,
        /// CPython's reason text.
        reason: &'static str,
    },
    /// `UnicodeEncodeError` over characters `start..end`.
    Encode {
        /// The codec's name.
        encoding: &'static str,
        /// First offending character.
        start: usize,
        /// One past the last.
        end: usize,
        /// CPython's reason text.
        reason: &'static str,
    },
}

fn codec(encoding: &str) -> Result<Codec, CodecError> {
    Codec::lookup(encoding).ok_or_else(|| CodecError::UnknownEncoding(encoding.to_string()))
}

fn check_handler(errors: &str) -> Result<(), CodecError> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace"
        | "surrogateescape" | "surrogatepass" | "namereplace" => Ok(()),
        _ => Err(CodecError::UnknownHandler(errors.to_string())),
    }
}

/// `s.encode(encoding, errors)`.
///
/// # Errors
/// An unknown encoding or handler, or a character the codec cannot encode
/// under the `strict` handler.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, CodecError> {
    let c = codec(encoding)?;
    let limit: u32 = match c {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if (ch as u32) < limit {
            out.push(ch as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" | "namereplace" => {
                check_handler(errors)?;
                return Err(CodecError::Encode {
                    encoding: c.name(),
                    start: i,
                    end,
                    reason: if limit == 0x80 {
                        "ordinal not in range(128)"
                    } else {
                        "ordinal not in range(256)"
                    },
                });
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "xmlcharrefreplace" => {
                for ch in &chars[i..end] {
                    out.extend(format!("&#{};", *ch as u32).bytes());
                }
            }
            "backslashreplace" => {
                for ch in &chars[i..end] {
                    out.extend(char_escape(*ch).bytes());
                }
            }
            other => return Err(CodecError::UnknownHandler(other.to_string())),
        }
        i = end;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character, as CPython's messages show it.
#[must_use]
pub fn char_escape(ch: char) -> String {
    let n = ch as u32;
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `b.decode(encoding, errors)`.
///
/// # Errors
/// An unknown encoding or handler, or bytes the codec cannot decode under
/// the `strict` handler.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, CodecError> {
    if b.is_empty() {
        // CPython returns before looking the codec up.
        return Ok(String::new());
    }
    let c = codec(encoding)?;
    match c {
        Codec::Latin1 => Ok(b.iter().map(|&x| char::from(x)).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(char::from(x));
                } else {
                    bad_bytes(
                        &mut out,
                        errors,
                        &b[i..=i],
                        CodecError::Decode {
                            encoding: c.name(),
                            start: i,
                            end: i + 1,
                            reason: "ordinal not in range(128)",
                        },
                    )?;
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut pos = 0;
            loop {
                match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or(""));
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (b.len(), "unexpected end of data"),
                            Some(n) => {
                                let reason = if (0xc2..=0xf4).contains(&b[start]) {
                                    "invalid continuation byte"
                                } else {
                                    "invalid start byte"
                                };
                                (start + n, reason)
                            }
                        };
                        bad_bytes(
                            &mut out,
                            errors,
                            &b[start..end],
                            CodecError::Decode {
                                encoding: c.name(),
                                start,
                                end,
                                reason,
                            },
                        )?;
                        pos = end;
                    }
                }
            }
        }
    }
}

fn bad_bytes(
    out: &mut String,
    errors: &str,
    bad: &[u8],
    err: CodecError,
) -> Result<(), CodecError> {
    match errors {
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for x in bad {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        // `str` holds no lone surrogates: each byte CPython would escape
        // to U+DC80..U+DCFF reads as U+FFFD (it cannot be encoded back).
        "surrogateescape" => {
            for _ in bad {
                out.push('\u{fffd}');
            }
            Ok(())
        }
        "strict" | "surrogatepass" => Err(err),
        "xmlcharrefreplace" | "namereplace" => Err(CodecError::HandlerCannot(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        other => Err(CodecError::UnknownHandler(other.to_string())),
    }
}

/// The text of a codec error as `str(exc)` shows it, given the object it
/// was raised for (bytes for decoding, the string for encoding).
#[must_use]
pub fn codec_error_message(err: &CodecError, object: &Object) -> String {
    match err {
        CodecError::UnknownEncoding(n) => format!("unknown encoding: {n}"),
        CodecError::UnknownHandler(n) => format!("unknown error handler name '{n}'"),
        CodecError::HandlerCannot(m) => (*m).to_string(),
        CodecError::Decode {
            encoding,
            start,
            end,
            reason,
        } => decode_message(encoding, object_bytes(object), *start, *end, reason),
        CodecError::Encode {
            encoding,
            start,
            end,
            reason,
        } => {
            let s = match object {
                Object::Str(s) => s.chars().collect::<Vec<char>>(),
                _ => Vec::new(),
            };
            encode_message(encoding, &s, *start, *end, reason)
        }
    }
}

fn object_bytes(o: &Object) -> &[u8] {
    match o {
        Object::Bytes(b) => b,
        Object::ByteArray(b) => b,
        _ => &[],
    }
}

/// `str()` of a `UnicodeDecodeError`.
#[must_use]
pub fn decode_message(encoding: &str, b: &[u8], start: usize, end: usize, reason: &str) -> String {
    if end == start + 1 && start < b.len() {
        format!(
            "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            b[start]
        )
    } else {
        format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end.saturating_sub(1)
        )
    }
}

/// `str()` of a `UnicodeEncodeError`.
#[must_use]
pub fn encode_message(
    encoding: &str,
    s: &[char],
    start: usize,
    end: usize,
    reason: &str,
) -> String {
    if end == start + 1 && start < s.len() {
        format!(
            "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
            char_escape(s[start])
        )
    } else {
        format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_name_the_bytes_as_cpython_does() {
        let e = decode(b"a\xffb", "utf-8", "strict").unwrap_err();
        assert_eq!(
            e,
            CodecError::Decode {
                encoding: "utf-8",
                start: 1,
                end: 2,
                reason: "invalid start byte"
            }
        );
        let e = decode(b"\xe4\xb8", "utf8", "strict").unwrap_err();
        assert!(matches!(
            e,
            CodecError::Decode {
                start: 0,
                end: 2,
                reason: "unexpected end of data",
                ..
            }
        ));
        let e = decode(b"\xe4A", "utf8", "strict").unwrap_err();
        assert!(matches!(
            e,
            CodecError::Decode {
                start: 0,
                end: 1,
                reason: "invalid continuation byte",
                ..
            }
        ));
        assert_eq!(decode(b"a\xffb", "utf-8", "replace").unwrap(), "a\u{fffd}b");
        assert_eq!(decode(b"a\xffb", "utf-8", "ignore").unwrap(), "ab");
    }

    #[test]
    fn encoders_group_runs_of_unencodable_characters() {
        let e = encode("a\u{e9}\u{e8}b", "ascii", "strict").unwrap_err();
        assert!(matches!(
            e,
            CodecError::Encode {
                start: 1,
                end: 3,
                ..
            }
        ));
        assert_eq!(encode("a\u{e9}", "latin-1", "strict").unwrap(), b"a\xe9");
        assert_eq!(encode("a\u{e9}", "ascii", "replace").unwrap(), b"a?");
        assert!(matches!(
            encode("x", "nope", "strict"),
            Err(CodecError::UnknownEncoding(_))
        ));
    }
}
