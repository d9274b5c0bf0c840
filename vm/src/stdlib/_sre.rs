//! `_sre`: the regular-expression engine under CPython's `re`.
//!
//! CPython's `re._compiler` turns a pattern into a list of SRE opcodes and
//! hands it to `_sre.compile`. The matching itself is done here by
//! `rustpython-sre_engine` (MIT; its opcode set is CPython 3.11's), always
//! to completion inside one native call, so no engine state outlives the
//! call. `Pattern`, `Match` and the scanner are classes of the module's
//! prelude (`prelude/_sre.py`) holding plain data — the pattern's code as a
//! tuple of ints, a match's spans as a tuple — and calling the natives
//! below; replacement callables of `sub` are called from that Python code,
//! so they run as ordinary frames.

use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use rustpython_sre_engine::{Request, State, StrDrive};

/// `MAGIC` of CPython 3.11's `re._constants` (the opcode set the engine runs).
pub const MAGIC: i64 = 20_220_615;

/// Installs the module's constants and prelude into `m`.
pub fn install(vm: &mut Vm, m: crate::value::Ref) {
    super::put_funcs(vm, m, "_sre");
    for (n, v) in [
        ("MAGIC", MAGIC),
        ("CODESIZE", 4),
        ("MAXREPEAT", i64::from(u32::MAX)),
        ("MAXGROUPS", i64::from(u32::MAX / 4)),
    ] {
        super::put(vm, m, n, Value::Int(v));
    }
    let cr = vm.str_value(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    super::put(vm, m, "copyright", cr);
    vm.heap.decref(cr);
    super::run_prelude(vm, m, "_sre", include_str!("prelude/_sre.py"));
}

/// The text matched against, copied out of the heap for one call.
enum Subject {
    Str(Box<str>),
    Bytes(Vec<u8>),
}

fn subject(vm: &mut Vm, v: Value) -> PyResult<Subject> {
    match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => Ok(Subject::Str(s.clone())),
        Some(Object::Bytes(b)) => Ok(Subject::Bytes(b.to_vec())),
        Some(Object::ByteArray(b)) => Ok(Subject::Bytes(b.clone())),
        _ => {
            let tn = vm.type_name(v);
            vm.type_error(format!("expected string or bytes-like object, got '{tn}'"))
        }
    }
}

fn code_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u32>> {
    let items: Vec<Value> = match v.as_ref().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(t)) => t.to_vec(),
        Some(Object::List(l)) => l.clone(),
        _ => return vm.type_error("code must be a list of ints"),
    };
    let mut code = Vec::with_capacity(items.len());
    for it in items {
        // Opcodes are `int` subclass instances (`_NamedIntConstant`).
        match vm.payload(it).unwrap_or(it) {
            Value::Int(i) if (0..=i64::from(u32::MAX)).contains(&i) => {
                code.push(u32::try_from(i).unwrap_or(0));
            }
            Value::Int(_) | Value::Obj(_) => {
                return vm.err(
                    crate::builtins::ExcType::OverflowError,
                    "regular expression code size limit exceeded",
                )
            }
            _ => return vm.type_error("an integer is required"),
        }
    }
    Ok(code)
}

fn arg_i64(vm: &mut Vm, a: &Args<'_>, i: usize) -> PyResult<i64> {
    match a.pos.get(i).copied().unwrap_or(Value::Int(0)) {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        v => {
            let tn = vm.type_name(v);
            vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
        }
    }
}

/// CPython's clamping of `pos` / `endpos` to the subject.
fn bounds(len: usize, pos: i64, endpos: i64) -> (usize, usize) {
    let clamp = |x: i64| usize::try_from(x.max(0)).unwrap_or(usize::MAX).min(len);
    (clamp(pos), clamp(endpos))
}

/// One match's marks: `[lastindex, start0, end0, start1, end1, ...]`, -1 for
/// a group that did not take part.
fn marks(state: &State, groups: usize) -> Vec<i64> {
    let as_i = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    let mut out = Vec::with_capacity(3 + 2 * groups);
    let li = state.marks.last_index();
    out.push(if li >= 0 { li as i64 } else { -1 });
    out.push(as_i(state.start));
    out.push(as_i(state.cursor.position));
    for g in 0..groups {
        let (s, e) = state.marks.get(g);
        match (s.into_option(), e.into_option()) {
            (Some(s), Some(e)) => {
                out.push(as_i(s));
                out.push(as_i(e));
            }
            _ => {
                out.push(-1);
                out.push(-1);
            }
        }
    }
    out
}

/// What one native call asks of the engine.
#[derive(Clone, Copy)]
enum Mode {
    Match,
    FullMatch,
    Search,
    /// Consecutive searches (the scanner loop), at most this many (0: all).
    Scan(usize),
}

fn drive<S: StrDrive>(
    s: S,
    code: &[u32],
    start: usize,
    end: usize,
    groups: usize,
    mode: Mode,
    must_advance: bool,
) -> Vec<Vec<i64>> {
    let mut found = Vec::new();
    if start > end {
        return found;
    }
    let mut req = Request {
        string: s,
        start,
        end,
        pattern_codes: code,
        match_all: matches!(mode, Mode::FullMatch),
        must_advance,
    };
    let mut state = State::default();
    match mode {
        Mode::Match | Mode::FullMatch => {
            state.reset(&req, start);
            if state.py_match(&req) {
                found.push(marks(&state, groups));
            }
        }
        Mode::Search => {
            state.reset(&req, start);
            if state.search(req) {
                found.push(marks(&state, groups));
            }
        }
        Mode::Scan(limit) => {
            while req.start <= req.end && (limit == 0 || found.len() < limit) {
                state.reset(&req, req.start);
                if !state.search(req) {
                    break;
                }
                found.push(marks(&state, groups));
                req.must_advance = state.cursor.position == state.start;
                req.start = state.cursor.position;
            }
        }
    }
    found
}

fn run(vm: &mut Vm, a: &Args<'_>, mode: Mode) -> PyResult<Vec<Vec<i64>>> {
    // (code, string, pos, endpos, groups, mode or limit[, must_advance])
    let code = code_of(vm, a.pos.first().copied().unwrap_or(Value::None))?;
    let subj = subject(vm, a.pos.get(1).copied().unwrap_or(Value::None))?;
    let pos = arg_i64(vm, a, 2)?;
    let endpos = arg_i64(vm, a, 3)?;
    let groups = usize::try_from(arg_i64(vm, a, 4)?.max(0)).unwrap_or(0);
    let must_advance = arg_i64(vm, a, 6)? != 0;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &subj {
        // An ASCII str is matched byte-wise: its positions are the same and
        // the byte cursor moves back in O(1), where the str cursor restarts
        // from the front (quadratic searches on long subjects).
        Subject::Str(s) if s.is_ascii() => {
            let (b, e) = bounds(s.len(), pos, endpos);
            drive(s.as_bytes(), &code, b, e, groups, mode, must_advance)
        }
        Subject::Str(s) => {
            let (b, e) = bounds(s.chars().count(), pos, endpos);
            drive(&**s, &code, b, e, groups, mode, must_advance)
        }
        Subject::Bytes(v) => {
            let (b, e) = bounds(v.len(), pos, endpos);
            drive(v.as_slice(), &code, b, e, groups, mode, must_advance)
        }
    }));
    match outcome {
        Ok(found) => Ok(found),
        Err(_) => vm.err(crate::builtins::ExcType::RuntimeError, "invalid SRE code"),
    }
}

fn marks_value(vm: &mut Vm, m: Vec<i64>) -> Value {
    vm.tuple(m.into_iter().map(Value::Int).collect())
}

/// `_sre._run(code, string, pos, endpos, groups, mode, must_advance)`: one
/// match (`mode` 0), full match (1) or search (2); its marks or `None`.
/// With `must_advance`, an empty match at `pos` does not count (the scanner
/// after an empty match).
pub fn run_one(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let mode = match arg_i64(vm, a, 5)? {
        0 => Mode::Match,
        1 => Mode::FullMatch,
        _ => Mode::Search,
    };
    let found = run(vm, a, mode)?;
    Ok(Ret::Value(match found.into_iter().next() {
        Some(m) => marks_value(vm, m),
        None => Value::None,
    }))
}

/// `_sre._scan(code, string, pos, endpos, groups, limit)`: the marks of
/// consecutive non-overlapping searches, as `finditer`, `sub` and `split`
/// walk them (an empty match forces the next one to advance).
pub fn scan(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let limit = usize::try_from(arg_i64(vm, a, 5)?.max(0)).unwrap_or(0);
    let found = run(vm, a, Mode::Scan(limit))?;
    let items: Vec<Value> = found.into_iter().map(|m| marks_value(vm, m)).collect();
    Ok(Ret::Value(vm.list(items)))
}

fn char_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<u32> {
    if a.pos.len() != 1 {
        let n = a.pos.len();
        return vm.type_error(format!("{name}() takes exactly one argument ({n} given)"));
    }
    let c = arg_i64(vm, a, 0)?;
    match u32::try_from(c) {
        Ok(c) => Ok(c),
        Err(_) => vm.err(
            crate::builtins::ExcType::OverflowError,
            "Python int too large to convert to C unsigned long",
        ),
    }
}

/// `_sre.getcodesize()`.
pub fn getcodesize(_vm: &mut Vm, _a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    Ok(Ret::Value(Value::Int(4)))
}

/// `_sre.ascii_iscased(ch)`.
pub fn ascii_iscased(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let c = char_arg(vm, a, "ascii_iscased")?;
    let cased = u8::try_from(c).is_ok_and(|b| b.is_ascii_alphabetic());
    Ok(Ret::Value(Value::Bool(cased)))
}

/// `_sre.unicode_iscased(ch)`.
pub fn unicode_iscased(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let c = char_arg(vm, a, "unicode_iscased")?;
    let cased = c != first_of_case(c, false) || c != first_of_case(c, true);
    Ok(Ret::Value(Value::Bool(cased)))
}

/// `_sre.ascii_tolower(ch)`.
pub fn ascii_tolower(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let c = char_arg(vm, a, "ascii_tolower")?;
    let l = rustpython_sre_engine::string::lower_ascii(c);
    Ok(Ret::Value(Value::Int(i64::from(l))))
}

/// `_sre.unicode_tolower(ch)`.
pub fn unicode_tolower(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let c = char_arg(vm, a, "unicode_tolower")?;
    Ok(Ret::Value(Value::Int(i64::from(first_of_case(c, false)))))
}

/// CPython's `Py_UNICODE_TOLOWER` / `Py_UNICODE_TOUPPER`: the first character
/// of the full case mapping (so `ß` upper-cases to `S`).
fn first_of_case(c: u32, upper: bool) -> u32 {
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let first = if upper {
        ch.to_uppercase().next()
    } else {
        ch.to_lowercase().next()
    };
    first.map_or(c, u32::from)
}
