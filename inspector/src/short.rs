//! Short record forms (format 4). Most lines of a recording are plain
//! suspensions and resumes; the recorder writes those as one-letter records
//! that name a generator by its serial, after a `G` line has declared the
//! serial's qualified name and file once per branch:
//!
//! ```text
//! G(4,722,"pairs","pipeline.py")  generator #4, in heap slot 722, is `pairs`, in pipeline.py
//! N(4)                            next(pairs#4)
//! S(4,"'x'") T(4,"ValueError()")  send / throw, with the value rendered
//! C(4)                            close()
//! Y(4,35,Atom("3"))               pairs#4 yielded 3 at line 35
//! ```
//!
//! The loader expands them into the full [`Record`]s, so nothing else sees
//! the difference. Suspensions with a world, of the entry generator or of a
//! generator whose `__qualname__` was reassigned keep the full form.

use crate::format::{Place, Record, ResumeHow, ResumeOut, Suspension};
use crate::ronw::Line;
use crate::value::ValueView;
use serde::Deserialize;
use std::collections::HashMap;
use yieldscope_vm::driver::{Captured, ResumeKind, ResumeLog, Trace, Traced};

use yieldscope_vm::Value;

/// A short record as read.
#[derive(Clone, Debug, Deserialize)]
pub enum Short {
    /// Serial, heap slot, qualified name, file: declares a generator.
    G(u64, u32, String, String),
    /// Serial, line, yielded value: a suspension.
    Y(u64, u32, ValueView),
    /// `next()`.
    N(u64),
    /// `send(v)`, with `v` rendered.
    S(u64, String),
    /// `throw(e)`, with `e` rendered.
    T(u64, String),
    /// `close()`.
    C(u64),
}

/// Whether a line holds a short record (a single capital letter, then `(`).
#[must_use]
pub fn is_short(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 2 && b[1] == b'(' && matches!(b[0], b'G' | b'Y' | b'N' | b'S' | b'T' | b'C')
}

/// A generator a branch declared.
#[derive(Clone, Debug)]
pub struct Decl {
    slot: u32,
    qualname: String,
    path: String,
}

/// The generators a branch declared, by serial.
pub type Declared = HashMap<u64, Decl>;

/// Expands a short record read in a branch whose declarations are `names`
/// and which has `next` suspensions so far; `None` for a declaration.
///
/// # Errors
/// The record names a generator the branch has not declared.
pub fn expand(short: Short, names: &mut Declared, next: u64) -> Result<Option<Record>, String> {
    let name = |names: &Declared, serial: u64| {
        names
            .get(&serial)
            .map(|d| format!("{}#{serial}", d.qualname))
            .ok_or_else(|| format!("generator #{serial} is used before a G record declares it"))
    };
    let resume = |how: ResumeHow, serial: u64| {
        Ok(Some(Record::Resume {
            name: name(names, serial)?,
            how,
        }))
    };
    match short {
        Short::G(serial, slot, qualname, path) => {
            names.insert(
                serial,
                Decl {
                    slot,
                    qualname,
                    path,
                },
            );
            Ok(None)
        }
        Short::Y(serial, line, value) => {
            let Some(d) = names.get(&serial) else {
                return Err(name(names, serial).err().unwrap_or_default());
            };
            Ok(Some(Record::Suspend(Suspension {
                n: next,
                generator: d.slot,
                name: format!("{}#{serial}", d.qualname),
                at: format!("{}:{line}", d.path),
                value,
                entry: false,
                delta: None,
            })))
        }
        Short::N(serial) => resume(ResumeHow::Next, serial),
        Short::S(serial, v) => resume(ResumeHow::Send(v), serial),
        Short::T(serial, v) => resume(ResumeHow::Throw(v), serial),
        Short::C(serial) => resume(ResumeHow::Close, serial),
    }
}

/// Serials above this are written in full (the declared set is a bitmap).
const MAX_SHORT_SERIAL: u64 = 1 << 26;

/// Writes records in their short form where one exists, and the full form
/// otherwise; remembers which generators it declared.
#[derive(Clone, Debug, Default)]
pub struct ShortWriter {
    declared: Vec<u64>,
    /// The line being composed.
    line: Line,
    /// For owned records: what each declared serial was declared as.
    owned: HashMap<u64, Decl>,
}

use crate::ronw::push_uint_bytes as push_uint;

impl ShortWriter {
    /// Appends a `G` line for the generator unless this writer declared it.
    fn declare(&mut self, out: &mut Vec<u8>, p: &Place<'_>) -> Result<(), ron::Error> {
        let (w, bit) = ((p.serial >> 6) as usize, 1u64 << (p.serial & 63));
        if self.declared.len() <= w {
            self.declared.resize(w + 1, 0);
        }
        if self.declared[w] & bit != 0 {
            return Ok(());
        }
        self.declared[w] |= bit;
        out.extend_from_slice(b"G(");
        push_uint(out, p.serial);
        out.push(b',');
        push_uint(out, u64::from(p.slot));
        out.push(b',');
        crate::ronw::to_writer(out, p.qualname)?;
        out.push(b',');
        crate::ronw::to_writer(out, p.path)?;
        out.extend_from_slice(b")\n");
        Ok(())
    }

    /// Whether this writer declared generator `serial`.
    fn is_declared(&self, serial: u64) -> bool {
        self.declared
            .get((serial >> 6) as usize)
            .is_some_and(|w| w & (1u64 << (serial & 63)) != 0)
    }

    /// Appends the lines of suspensions and resumes the VM noted in its
    /// trace (see [`yieldscope_vm::driver::Trace`]), in order, with what
    /// the writer knows of the codes they name (`codes`, by code index);
    /// the first suspension is number `n`.
    ///
    /// # Errors
    /// A record cannot be serialized.
    pub fn traced(
        &mut self,
        out: &mut Vec<u8>,
        codes: &[CodeInfo],
        trace: &Trace,
        events: &[Traced],
        mut n: u64,
    ) -> Result<(), ron::Error> {
        let mut l = std::mem::take(&mut self.line);
        let res = self.traced_with(&mut l, out, codes, trace, events, &mut n);
        self.line = l;
        res
    }

    fn traced_with(
        &mut self,
        l: &mut Line,
        out: &mut Vec<u8>,
        codes: &[CodeInfo],
        trace: &Trace,
        events: &[Traced],
        n: &mut u64,
    ) -> Result<(), ron::Error> {
        for e in events {
            match e {
                Traced::Yield(y) => {
                    let code = codes.get(y.code as usize);
                    let line = code.map_or(0, |c| c.line(y.pc));
                    let place = Place {
                        serial: y.serial,
                        slot: y.slot,
                        qualname: code.map_or("?", |c| &c.qualname),
                        path: code.map_or("", |c| &c.path),
                        line,
                        unusual: code.is_none(),
                    };
                    if place.unusual || line == 0 || y.serial == 0 || y.serial > MAX_SHORT_SERIAL {
                        let rec = Record::Suspend(Suspension {
                            n: *n,
                            generator: y.slot,
                            name: place.name(),
                            at: place.at(),
                            value: crate::value::captured_view(trace, y.value),
                            entry: false,
                            delta: None,
                        });
                        crate::ronw::to_writer(out, &rec)?;
                        out.push(b'\n');
                    } else {
                        if !self.is_declared(y.serial) {
                            self.declare(out, &place)?;
                        }
                        l.lit(b"Y(");
                        l.uint(y.serial);
                        l.lit(b",");
                        l.uint(u64::from(line));
                        l.lit(b",");
                        match y.value {
                            Captured::Scalar(
                                v @ (Value::Int(_) | Value::None | Value::Bool(_)),
                            ) => {
                                line_scalar(l, v);
                            }
                            other => {
                                l.flush_into(out);
                                write_captured(out, trace, other)?;
                            }
                        }
                        l.lit(b")\n");
                        l.flush_into(out);
                    }
                    *n += 1;
                }
                Traced::Resume(log) => {
                    if !self.logged_with(l, out, trace, log) {
                        let code = codes.get(log.code as usize);
                        let how = resume_how(trace, &log.how);
                        let place = resume_place(
                            log,
                            code.map(|c| c.qualname.as_str()),
                            code.map_or("", |c| &c.path),
                        );
                        self.resume(out, &ResumeOut { place, how: &how })?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Appends the line of a logged resume of a generator this writer
    /// declared (its serial is all the line needs); `false`, writing
    /// nothing, for any other.
    #[inline]
    fn logged_with(&self, l: &mut Line, out: &mut Vec<u8>, trace: &Trace, log: &ResumeLog) -> bool {
        let s = log.serial;
        let declared =
            log.renamed.is_none() && s > 0 && s <= MAX_SHORT_SERIAL && self.is_declared(s);
        if !declared {
            return false;
        }
        let (tag, text): (&[u8], Option<&str>) = match &log.how {
            ResumeKind::Next => {
                l.lit(b"N(");
                l.uint(s);
                l.lit(b")\n");
                l.flush_into(out);
                return true;
            }
            ResumeKind::Send(t) => (b"S(", Some(t)),
            ResumeKind::SendCaptured(Captured::Scalar(Value::Int(i))) => {
                l.lit(b"S(");
                l.uint(s);
                l.lit(b",\"");
                l.int(*i);
                l.lit(b"\")\n");
                l.flush_into(out);
                return true;
            }
            ResumeKind::SendCaptured(c) => {
                let text = trace.repr(*c);
                return write_resume_line(out, s, b"S(", Some(&text)).is_ok();
            }
            ResumeKind::Throw(t) => (b"T(", Some(t)),
            ResumeKind::Close => (b"C(", None),
        };
        write_resume_line(out, s, tag, text).is_ok()
    }

    /// Appends the line(s) of a resume.
    ///
    /// # Errors
    /// The record cannot be serialized.
    pub fn resume(&mut self, out: &mut Vec<u8>, r: &ResumeOut<'_>) -> Result<(), ron::Error> {
        let p = &r.place;
        if p.unusual || p.serial > MAX_SHORT_SERIAL {
            crate::ronw::to_writer(out, &r.to_record())?;
            out.push(b'\n');
            return Ok(());
        }
        self.declare(out, p)?;
        write_resume(out, p.serial, r.how)
    }
}

impl ShortWriter {
    /// Appends the line(s) of an owned record (a whole file being written):
    /// suspensions and resumes whose names parse back into a serial, a file
    /// and a line, and agree with the generator's declaration, in their short
    /// form; the rest in full. A `Branch` record starts a new set of declarations.
    ///
    /// # Errors
    /// The record cannot be serialized.
    pub fn owned(&mut self, out: &mut Vec<u8>, rec: &Record) -> Result<(), ron::Error> {
        let short = match rec {
            Record::Branch(_) => {
                *self = ShortWriter::default();
                None
            }
            Record::Suspend(s) if !s.entry && s.delta.is_none() => {
                split_name(&s.name).and_then(|(qualname, serial)| {
                    let (path, line) = s.at.rsplit_once(':')?;
                    let line: u32 = line.parse().ok().filter(|l| *l > 0)?;
                    let d = self.owned_decl(out, serial, s.generator, qualname, path)?;
                    Some((d, Some((line, &s.value)), None))
                })
            }
            Record::Resume { name, how } => split_name(name).and_then(|(qualname, serial)| {
                let d = self.owned.get(&serial)?;
                (d.qualname == qualname).then_some((serial, None, Some(how)))
            }),
            _ => None,
        };
        match short {
            Some((serial, Some((line, value)), _)) => {
                out.extend_from_slice(b"Y(");
                push_uint(out, serial);
                out.push(b',');
                push_uint(out, u64::from(line));
                out.push(b',');
                crate::ronw::to_writer(out, value)?;
                out.extend_from_slice(b")\n");
            }
            Some((serial, None, Some(how))) => write_resume(out, serial, how)?,
            _ => {
                crate::ronw::to_writer(out, rec)?;
                out.push(b'\n');
            }
        }
        Ok(())
    }

    /// Declares `serial` for owned records (writing its `G` line) unless
    /// declared already; `None` when it was declared as something else.
    fn owned_decl(
        &mut self,
        out: &mut Vec<u8>,
        serial: u64,
        slot: u32,
        qualname: &str,
        path: &str,
    ) -> Option<u64> {
        if let Some(d) = self.owned.get(&serial) {
            return (d.slot == slot && d.qualname == qualname && d.path == path).then_some(serial);
        }
        let p = Place {
            serial,
            slot,
            qualname,
            path,
            line: 1,
            unusual: false,
        };
        self.declare(out, &p).ok()?;
        self.owned.insert(
            serial,
            Decl {
                slot,
                qualname: qualname.to_string(),
                path: path.to_string(),
            },
        );
        Some(serial)
    }
}

/// What the writer of a trace needs of a code object: its names, and the
/// line of the instruction before each `pc` (where a frame stopped at `pc`
/// suspended, as [`crate::places::traced_place`] says).
#[derive(Clone, Debug, Default)]
pub struct CodeInfo {
    /// `co_qualname`.
    pub qualname: String,
    /// Its file.
    pub path: String,
    lines: Vec<u32>,
}

impl CodeInfo {
    /// Code `code` of the world (empty when there is none).
    #[must_use]
    pub fn of(vm: &yieldscope_vm::Vm, code: usize) -> CodeInfo {
        let Some(co) = vm.codes.get(code) else {
            return CodeInfo::default();
        };
        let Some(src) = vm.sources.get(co.source as usize) else {
            return CodeInfo::default();
        };
        CodeInfo {
            qualname: co.qualname.to_string(),
            path: src.path.clone(),
            lines: (0..=co.spans.len() as u32)
                .map(|pc| vm.line_before(code as u32, pc))
                .collect(),
        }
    }

    /// The line a frame stopped before `pc` is at (0: unknown).
    #[must_use]
    pub fn line(&self, pc: u32) -> u32 {
        self.lines.get(pc as usize).copied().unwrap_or(0)
    }
}

/// Which generator a logged resume names: its own `__qualname__` when
/// renamed, else its code's (`code_qualname`; `None`: unknown code).
#[must_use]
pub fn resume_place<'a>(
    log: &'a ResumeLog,
    code_qualname: Option<&'a str>,
    path: &'a str,
) -> Place<'a> {
    Place {
        serial: log.serial,
        slot: log.slot,
        qualname: log.renamed.as_deref().or(code_qualname).unwrap_or("?"),
        path,
        line: 0,
        unusual: log.renamed.is_some() || code_qualname.is_none(),
    }
}

/// How a logged resume is recorded.
#[must_use]
pub fn resume_how(trace: &Trace, how: &ResumeKind) -> ResumeHow {
    match how {
        ResumeKind::Next => ResumeHow::Next,
        ResumeKind::Send(s) => ResumeHow::Send(s.clone()),
        ResumeKind::SendCaptured(c) => ResumeHow::Send(trace.repr(*c)),
        ResumeKind::Throw(s) => ResumeHow::Throw(s.clone()),
        ResumeKind::Close => ResumeHow::Close,
    }
}

/// `qualname#serial` split, when the serial is one a short record can carry.
fn split_name(name: &str) -> Option<(&str, u64)> {
    let (q, serial) = name.rsplit_once('#')?;
    let serial: u64 = serial.parse().ok()?;
    (serial > 0 && serial <= MAX_SHORT_SERIAL && !q.is_empty()).then_some((q, serial))
}

/// `N(serial)`, `S(serial,"v")`, `T(serial,"e")` or `C(serial)`.
fn write_resume(out: &mut Vec<u8>, serial: u64, how: &ResumeHow) -> Result<(), ron::Error> {
    let (tag, text): (&[u8], Option<&str>) = match how {
        ResumeHow::Next => (b"N(", None),
        ResumeHow::Send(t) => (b"S(", Some(t)),
        ResumeHow::Throw(t) => (b"T(", Some(t)),
        ResumeHow::Close => (b"C(", None),
    };
    write_resume_line(out, serial, tag, text)
}

fn write_resume_line(
    out: &mut Vec<u8>,
    serial: u64,
    tag: &[u8],
    text: Option<&str>,
) -> Result<(), ron::Error> {
    let start = out.len();
    out.extend_from_slice(tag);
    push_uint(out, serial);
    if let Some(t) = text {
        out.push(b',');
        if let Err(e) = crate::ronw::to_writer(out, t) {
            out.truncate(start);
            return Err(e);
        }
    }
    out.extend_from_slice(b")\n");
    Ok(())
}

/// A value the VM copied into its trace, as the RON of the [`ValueView`]
/// of the original: scalars and strings directly.
fn write_captured(out: &mut Vec<u8>, trace: &Trace, c: Captured) -> Result<(), ron::Error> {
    match c {
        Captured::Scalar(v @ (Value::Int(_) | Value::None | Value::Bool(_))) => {
            write_scalar(out, v);
        }
        Captured::Scalar(_) => {
            crate::ronw::to_writer(out, &crate::value::captured_view(trace, c))?;
        }
        Captured::Str { start, len } => write_str_atom(out, trace.str_of(start, len))?,
        Captured::Rendered { start, len } => {
            out.extend_from_slice(trace.str_of(start, len).as_bytes());
        }
        Captured::Seq { tuple, start, len } => {
            out.extend_from_slice(if tuple { b"Tuple([" } else { b"List([" });
            for (i, x) in trace.items_of(start, len).iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_captured(out, trace, *x)?;
            }
            out.extend_from_slice(b"])");
        }
    }
    Ok(())
}

/// An int, bool or `None` as its `Atom`.
fn write_scalar(out: &mut Vec<u8>, v: Value) {
    let mut l = Line::default();
    line_scalar(&mut l, v);
    l.flush_into(out);
}

/// An int, bool or `None` as its `Atom`, composed in `l`.
#[inline(always)]
fn line_scalar(l: &mut Line, v: Value) {
    match v {
        Value::Int(i) => {
            l.lit(b"Atom(\"");
            l.int(i);
            l.lit(b"\")");
        }
        Value::Bool(true) => l.lit(b"Atom(\"True\")"),
        Value::Bool(false) => l.lit(b"Atom(\"False\")"),
        _ => l.lit(b"Atom(\"None\")"),
    }
}

/// A string as its `Atom` (its `repr`, as a RON string).
fn write_str_atom(out: &mut Vec<u8>, text: &str) -> Result<(), ron::Error> {
    out.extend_from_slice(b"Atom(");
    crate::ronw::to_writer(out, &*yieldscope_vm::repr::str_repr(text))?;
    out.push(b')');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use yieldscope_vm::object::Object;

    /// `v` copied into the trace and written from there, and `v` written
    /// through its view; `None` when the VM does not copy such a value.
    fn out_for(vm: &mut yieldscope_vm::Vm, v: Value) -> Option<(String, String)> {
        let c = vm.capture(v)?;
        let mut fast = Vec::new();
        write_captured(&mut fast, &vm.driver.trace, c).expect("write");
        let mut slow = Vec::new();
        crate::ronw::to_writer(&mut slow, &crate::value::view(vm, v)).expect("write");
        Some((
            String::from_utf8(fast).expect("utf8"),
            String::from_utf8(slow).expect("utf8"),
        ))
    }

    #[test]
    fn captured_strings_tuples_and_lists_are_written_as_their_view_is() {
        let mut vm = yieldscope_vm::Vm::new();
        let mut alloc = |o: Object| Value::Obj(vm.heap.alloc(o));
        let s1 = alloc(Object::Str("it's \"q\" \\ \u{e9}\n".into()));
        let s2 = alloc(Object::Str("".into()));
        let t = alloc(Object::Tuple(
            vec![s1, Value::Int(-3), Value::None, s2, Value::Float(2.5)].into(),
        ));
        let at_most = alloc(Object::List((0..64).map(Value::Int).collect()));
        let l = alloc(Object::List(vec![Value::Bool(true), s1]));
        let empty = alloc(Object::Tuple(Vec::new().into()));
        let one = alloc(Object::Tuple(vec![Value::Int(1)].into()));
        for v in [s1, s2, t, at_most, l, empty, one] {
            let (fast, slow) = out_for(&mut vm, v).expect("captured");
            assert_eq!(fast, slow, "{v:?}");
        }
    }

    #[test]
    fn nested_and_long_sequences_are_not_captured() {
        let mut vm = yieldscope_vm::Vm::new();
        let mut alloc = |o: Object| Value::Obj(vm.heap.alloc(o));
        let long = alloc(Object::List((0..65).map(Value::Int).collect()));
        let inner = alloc(Object::Tuple(vec![Value::Int(1)].into()));
        let nested = alloc(Object::Tuple(vec![inner].into()));
        let dict = alloc(Object::Dict(Default::default()));
        for v in [long, nested, dict] {
            assert!(out_for(&mut vm, v).is_none(), "{v:?}");
        }
        assert!(vm.driver.trace.items.is_empty() && vm.driver.trace.text.is_empty());
    }

    #[test]
    fn scalar_values_are_written_as_their_view_is() {
        let mut vm = yieldscope_vm::Vm::new();
        for v in [
            Value::Int(0),
            Value::Int(-7),
            Value::Int(i64::MIN),
            Value::Int(i64::MAX),
            Value::None,
            Value::Bool(true),
            Value::Bool(false),
            Value::Float(0.1),
            Value::Float(-1e300),
        ] {
            let (fast, slow) = out_for(&mut vm, v).expect("captured");
            assert_eq!(fast, slow, "{v:?}");
        }
    }

    #[test]
    fn short_lines_expand_to_the_full_records() {
        let mut names = Declared::new();
        let g: Short = ron::from_str(r#"G(4,722,"pairs","a b.py")"#).expect("G");
        assert!(expand(g, &mut names, 0).expect("G").is_none());
        let y: Short = ron::from_str(r#"Y(4,35,Atom("3"))"#).expect("Y");
        match expand(y, &mut names, 9).expect("Y") {
            Some(Record::Suspend(s)) => {
                assert_eq!((s.n, s.generator), (9, 722));
                assert_eq!((s.name.as_str(), s.at.as_str()), ("pairs#4", "a b.py:35"));
                assert_eq!(s.value, ValueView::Atom("3".into()));
            }
            other => panic!("{other:?}"),
        }
        let r: Short = ron::from_str(r#"S(4,"'x'")"#).expect("S");
        match expand(r, &mut names, 10).expect("S") {
            Some(Record::Resume { name, how }) => {
                assert_eq!(name, "pairs#4");
                assert_eq!(how, ResumeHow::Send("'x'".into()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_undeclared_generator_is_an_error() {
        let mut names = Declared::new();
        let e = expand(Short::N(3), &mut names, 0).expect_err("undeclared");
        assert!(e.contains("#3"), "{e}");
        let e = expand(Short::Y(3, 1, ValueView::Atom("1".into())), &mut names, 0)
            .expect_err("undeclared");
        assert!(e.contains("#3"), "{e}");
    }
}
