//! A fast writer of compact RON: the exact bytes `ron::ser::to_writer`
//! writes with its default options, for the shapes recordings use, written
//! straight into a byte buffer (integers without `fmt`, identifiers without
//! per-character checks, strings without per-character escaping unless
//! they need it). Anything it is not sure to write exactly like `ron`
//! (unusual identifiers, deep nesting) is handed to `ron` itself.

use serde::ser::{self, Serialize};
use std::fmt::Display;

/// Nesting beyond which `ron`'s own writer takes over (it stops at 128).
const MAX_DEPTH: u32 = 96;

/// Why the fast path gave up.
#[derive(Debug)]
pub struct Bail(String);

impl Display for Bail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Bail {}

impl ser::Error for Bail {
    fn custom<T: Display>(msg: T) -> Self {
        Bail(msg.to_string())
    }
}

/// Appends `v` as compact RON to `out`, byte for byte what `ron` writes.
///
/// # Errors
/// `ron` cannot serialize the value.
pub fn to_writer<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> Result<(), ron::Error> {
    let start = out.len();
    let mut w = Writer { out, depth: 0 };
    if v.serialize(&mut w).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    ron::ser::to_writer(&mut *out, v)
}

/// One record as its line (without the newline).
///
/// # Errors
/// The record cannot be serialized.
pub fn to_line<T: Serialize>(v: &T) -> std::result::Result<String, ron::Error> {
    let mut out = Vec::new();
    to_writer(&mut out, v)?;
    String::from_utf8(out).map_err(|e| ron::Error::Message(e.to_string()))
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
    depth: u32,
}

fn plain_ident(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

impl Writer<'_> {
    fn ident(&mut self, name: &str) -> Result<(), Bail> {
        if !plain_ident(name) {
            return Err(Bail(String::new()));
        }
        self.out.extend_from_slice(name.as_bytes());
        Ok(())
    }

    fn enter(&mut self) -> Result<(), Bail> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Bail(String::new()));
        }
        Ok(())
    }

    fn uint(&mut self, v: u64) {
        if v < 10 {
            self.out.push(b'0' + v as u8);
            return;
        }
        let mut buf = [0u8; 20];
        let i = digits(v, &mut buf);
        self.out.extend_from_slice(&buf[i..]);
    }

    fn sint(&mut self, v: i64) {
        if v < 0 {
            self.out.push(b'-');
        }
        self.uint(v.unsigned_abs());
    }

    fn str(&mut self, s: &str) {
        self.out.push(b'"');
        let plain = s
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\'' && b != b'\\');
        if plain {
            self.out.extend_from_slice(s.as_bytes());
        } else {
            let mut scalar = [0u8; 4];
            for c in s.chars().flat_map(char::escape_debug) {
                self.out
                    .extend_from_slice(c.encode_utf8(&mut scalar).as_bytes());
            }
        }
        self.out.push(b'"');
    }

    fn nested<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Bail> {
        self.enter()?;
        v.serialize(&mut *self)?;
        self.depth -= 1;
        Ok(())
    }
}

/// "00" to "99": integers are written two digits at a time.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// One short line composed in a fixed buffer (single-byte stores and
/// copies of known size, no calls), then appended in one copy.
#[derive(Clone, Debug)]
pub struct Line {
    b: [u8; 96],
    n: usize,
}

impl Default for Line {
    fn default() -> Self {
        Line { b: [0; 96], n: 0 }
    }
}

/// Decimal digits of `v`.
#[inline(always)]
fn count_digits(mut v: u64) -> usize {
    let mut d = 1;
    while v >= 10 {
        v /= 10;
        d += 1;
    }
    d
}

impl Line {
    /// Appends a literal.
    #[inline(always)]
    pub fn lit<const N: usize>(&mut self, s: &[u8; N]) {
        self.b[self.n..self.n + N].copy_from_slice(s);
        self.n += N;
    }

    /// Appends the decimal digits of `v`.
    #[inline(always)]
    pub fn uint(&mut self, mut v: u64) {
        let d = count_digits(v);
        let mut i = self.n + d;
        while v >= 100 {
            let k = (v % 100) as usize * 2;
            v /= 100;
            i -= 2;
            self.b[i] = PAIRS[k];
            self.b[i + 1] = PAIRS[k + 1];
        }
        if v >= 10 {
            let k = v as usize * 2;
            self.b[i - 2] = PAIRS[k];
            self.b[i - 1] = PAIRS[k + 1];
        } else {
            self.b[i - 1] = b'0' + v as u8;
        }
        self.n += d;
    }

    /// Appends the decimal digits of `v`, with its sign.
    #[inline(always)]
    pub fn int(&mut self, v: i64) {
        if v < 0 {
            self.lit(b"-");
        }
        self.uint(v.unsigned_abs());
    }

    /// Appends the line to `out` and empties it.
    #[inline(always)]
    pub fn flush_into(&mut self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.b[..self.n]);
        self.n = 0;
    }
}

/// Writes the decimal digits of `v` at the end of `buf`; returns where they start.
fn digits(mut v: u64, buf: &mut [u8; 20]) -> usize {
    let mut i = buf.len();
    while v >= 100 {
        let k = (v % 100) as usize * 2;
        v /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[k..k + 2]);
    }
    if v >= 10 {
        let k = v as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[k..k + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + v as u8;
    }
    i
}

/// Appends the decimal digits of `v` to `s` (as `write!(s, "{v}")`, without `fmt`).
pub fn push_uint(s: &mut String, v: u64) {
    let mut buf = [0u8; 20];
    let i = digits(v, &mut buf);
    for &b in &buf[i..] {
        s.push(char::from(b));
    }
}

/// Appends the decimal digits of `v` to `out`.
pub fn push_uint_bytes(out: &mut Vec<u8>, v: u64) {
    let mut buf = [0u8; 20];
    let i = digits(v, &mut buf);
    out.extend_from_slice(&buf[i..]);
}

/// A sequence, tuple, map or struct being written.
struct Compound<'a, 'b> {
    w: &'a mut Writer<'b>,
    first: bool,
    close: u8,
}

impl<'a, 'b> Compound<'a, 'b> {
    fn open(w: &'a mut Writer<'b>, open: u8, close: u8) -> Result<Self, Bail> {
        w.enter()?;
        w.out.push(open);
        Ok(Compound {
            w,
            first: true,
            close,
        })
    }

    fn sep(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(b',');
        }
    }

    fn finish(self) -> Result<(), Bail> {
        self.w.out.push(self.close);
        self.w.depth -= 1;
        Ok(())
    }
}

impl<'a, 'b> ser::Serializer for &'a mut Writer<'b> {
    type Ok = ();
    type Error = Bail;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = Compound<'a, 'b>;

    fn serialize_bool(self, v: bool) -> Result<(), Bail> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Bail> {
        self.sint(i64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Bail> {
        self.sint(i64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Bail> {
        self.sint(i64::from(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Bail> {
        self.sint(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Bail> {
        self.uint(u64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Bail> {
        self.uint(u64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Bail> {
        self.uint(u64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Bail> {
        self.uint(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Bail> {
        use std::io::Write as _;
        let _ = write!(self.out, "{v}");
        if v.fract() == 0.0 {
            self.out.extend_from_slice(b".0");
        }
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Bail> {
        use std::io::Write as _;
        let _ = write!(self.out, "{v}");
        if v.fract() == 0.0 {
            self.out.extend_from_slice(b".0");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Bail> {
        self.out.push(b'\'');
        if v == '\\' || v == '\'' {
            self.out.push(b'\\');
        }
        let mut scalar = [0u8; 4];
        self.out
            .extend_from_slice(v.encode_utf8(&mut scalar).as_bytes());
        self.out.push(b'\'');
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Bail> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Bail> {
        Err(Bail(String::new()))
    }
    fn serialize_none(self) -> Result<(), Bail> {
        self.out.extend_from_slice(b"None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Bail> {
        self.out.extend_from_slice(b"Some(");
        self.nested(v)?;
        self.out.push(b')');
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Bail> {
        self.out.extend_from_slice(b"()");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Bail> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Bail> {
        self.ident(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Bail> {
        self.out.push(b'(');
        self.nested(v)?;
        self.out.push(b')');
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Bail> {
        self.ident(variant)?;
        self.out.push(b'(');
        self.nested(v)?;
        self.out.push(b')');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'b>, Bail> {
        Compound::open(self, b'[', b']')
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a, 'b>, Bail> {
        Compound::open(self, b'(', b')')
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'b>, Bail> {
        Compound::open(self, b'(', b')')
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Bail> {
        self.ident(variant)?;
        Compound::open(self, b'(', b')')
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, 'b>, Bail> {
        Compound::open(self, b'{', b'}')
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'b>, Bail> {
        Compound::open(self, b'(', b')')
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Bail> {
        self.ident(variant)?;
        Compound::open(self, b'(', b')')
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Bail;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Bail> {
        self.sep();
        self.w.nested(v)
    }
    fn end(self) -> Result<(), Bail> {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Bail;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Bail> {
        self.sep();
        self.w.nested(v)
    }
    fn end(self) -> Result<(), Bail> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Bail;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Bail> {
        self.sep();
        self.w.nested(v)
    }
    fn end(self) -> Result<(), Bail> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Bail;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Bail> {
        self.sep();
        self.w.nested(v)
    }
    fn end(self) -> Result<(), Bail> {
        self.finish()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Bail;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Bail> {
        self.sep();
        self.w.nested(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Bail> {
        self.w.out.push(b':');
        self.w.nested(v)
    }
    fn end(self) -> Result<(), Bail> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Bail;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Bail> {
        self.sep();
        self.w.ident(key)?;
        self.w.out.push(b':');
        self.w.nested(v)
    }
    fn end(self) -> Result<(), Bail> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Bail;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Bail> {
        self.sep();
        self.w.ident(key)?;
        self.w.out.push(b':');
        self.w.nested(v)
    }
    fn end(self) -> Result<(), Bail> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    enum E {
        Unit,
        New(i64),
        Tup(u8, char),
        Rec { a: Option<String>, b: f64 },
    }

    #[derive(Serialize)]
    struct S {
        xs: Vec<E>,
        m: BTreeMap<String, (i32, bool)>,
        unit: (),
        t: (u64, i16),
        r#type: u32,
        f: Vec<f64>,
        s: Vec<String>,
    }

    #[test]
    fn integers_are_written_like_fmt() {
        let mut xs: Vec<u64> = vec![0, 9, 10, 99, 100, 101, 999, 1000, u64::MAX, u64::MAX - 1];
        xs.extend((0..64).map(|k| 1u64 << k));
        xs.extend((1..20).map(|k| 10u64.pow(k) - 1));
        xs.extend((1..20).map(|k| 10u64.pow(k)));
        for x in xs {
            let mut out = Vec::new();
            let mut w = Writer {
                out: &mut out,
                depth: 0,
            };
            let y = (x as i64).wrapping_neg();
            w.uint(x);
            w.sint(y);
            w.sint(i64::MIN);
            assert_eq!(
                String::from_utf8(out).expect("utf8"),
                format!("{x}{y}{}", i64::MIN)
            );
        }
    }

    #[test]
    fn writes_exactly_what_ron_writes() {
        let v = S {
            xs: vec![
                E::Unit,
                E::New(i64::MIN),
                E::Tup(255, '\''),
                E::Rec {
                    a: Some("q\"uo\\te\n\té ∂ \u{301}x\u{0}".into()),
                    b: -0.0,
                },
                E::Rec { a: None, b: 1e300 },
            ],
            m: [("k".to_string(), (-7, true)), (String::new(), (0, false))]
                .into_iter()
                .collect(),
            unit: (),
            t: (u64::MAX, i16::MIN),
            r#type: 3,
            f: vec![0.1, 2.0, f64::NAN, f64::INFINITY, -1.5e-7],
            s: vec!["plain ascii 123".into(), "it's".into(), String::new()],
        };
        let mut out = Vec::new();
        to_writer(&mut out, &v).expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            ron::to_string(&v).expect("ron")
        );
    }

    #[derive(Serialize)]
    enum Deep {
        Leaf,
        Node(Box<Deep>),
    }

    fn deep(n: usize) -> Deep {
        (0..n).fold(Deep::Leaf, |d, _| Deep::Node(Box::new(d)))
    }

    #[test]
    fn deep_values_are_left_to_ron() {
        for n in [20, 200] {
            let v = deep(n);
            let mut out = Vec::new();
            let ours = to_writer(&mut out, &v).map(|()| String::from_utf8(out).expect("utf8"));
            let theirs = ron::to_string(&v);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "depth {n}");
            if let (Ok(a), Ok(b)) = (ours, theirs) {
                assert_eq!(a, b);
            }
        }
    }
}
