//! `repr()`, `str()`, `format()` and `%`-formatting of values, with
//! CPython's spelling for every built-in type.

use crate::builtins::ExcType;
use crate::dict::DictFlavor;
use crate::fmt as pf;
use crate::intern::sym;
use crate::object::{ClassKind, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;

/// Python's `repr` of a str.
#[must_use]
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..=0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_unprintable(c) => {
                let n = c as u32;
                if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn is_unprintable(c: char) -> bool {
    matches!(c as u32, 0x2028 | 0x2029 | 0xfeff | 0x200b..=0x200f
        // Space separators other than ' ' (Zs), unprintable for repr.
        | 0x1680 | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000 | 0x2060..=0x2064 | 0xd800..=0xdfff | 0xe000..=0xf8ff)
}

/// `ascii()` escaping applied to a repr.
#[must_use]
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

impl Vm {
    /// An object address as CPython prints it (`0x7f…`).
    #[must_use]
    pub fn addr(&self, v: Value) -> String {
        format!("0x{:012x}", self.id_of(v))
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_into(v, &mut out, &mut Vec::new())?;
        Ok(out)
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: Value) -> PyResult<String> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::Str(s) => return Ok(s.to_string()),
                Object::Instance(_) | Object::Exception(_) => {
                    let cls = self.class_ref(v);
                    if let Some(f) = self.class_lookup(cls, sym::STR) {
                        if matches!(
                            f.as_ref().map(|x| self.heap.get(x)),
                            Some(Object::Function(_))
                        ) {
                            let m = self.lookup_special(v, sym::STR).expect("str method");
                            let r = self.call_sync(m, Vec::new(), Vec::new());
                            self.heap.decref(m);
                            let r = r?;
                            return self.expect_str(r, "__str__");
                        }
                    }
                    if let Some(f) = self.class_lookup(cls, sym::STR) {
                        if crate::subclass::is_type_slot_native(self, f) {
                            let m = self.lookup_special(v, sym::STR).expect("str method");
                            let r = self.call_sync(m, Vec::new(), Vec::new());
                            self.heap.decref(m);
                            let r = r?;
                            return self.expect_str(r, "__str__");
                        }
                    }
                    if let Some(b) = self.payload(v) {
                        if let Object::Str(s) =
                            b.as_ref().map_or(&Object::Free, |x| self.heap.get(x))
                        {
                            return Ok(s.to_string());
                        }
                    }
                    if let Object::Exception(e) = self.heap.get(r) {
                        // A user __repr__ does not change str() of exceptions.
                        let args = e.args;
                        let key_error =
                            self.class_is_subclass(e.class, self.b.exc(ExcType::KeyError));
                        let items = match args.as_ref().map(|x| self.heap.get(x)) {
                            Some(Object::Tuple(t)) => t.to_vec(),
                            _ => Vec::new(),
                        };
                        if let Some(m) = self.unicode_error_str(e.class, &items) {
                            return Ok(m);
                        }
                        return match items.len() {
                            0 => Ok(String::new()),
                            1 if key_error => self.repr(items[0]),
                            1 => self.to_str(items[0]),
                            _ => self.repr(args),
                        };
                    }
                }
                _ => {}
            }
        }
        self.repr(v)
    }

    fn expect_str(&mut self, r: Value, what: &str) -> PyResult<String> {
        match self.as_str(r).map(str::to_string) {
            Some(s) => {
                self.heap.decref(r);
                Ok(s)
            }
            None => {
                let tn = self.type_name(r);
                self.heap.decref(r);
                self.type_error(format!("{what} returned non-string (type {tn})"))
            }
        }
    }

    fn qual_class_name(&self, cls: Ref) -> String {
        match self.heap.get(cls) {
            Object::Class(c) => {
                if &*c.module == "builtins" {
                    c.qualname.to_string()
                } else {
                    format!("{}.{}", c.module, c.qualname)
                }
            }
            _ => "?".to_string(),
        }
    }

    #[allow(clippy::too_many_lines)]
    fn repr_into(&mut self, v: Value, out: &mut String, stack: &mut Vec<Ref>) -> PyResult<()> {
        match v {
            Value::None | Value::Undef => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => out.push_str(&pf::float_repr(f)),
            Value::NotImplemented => out.push_str("NotImplemented"),
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::Obj(r) => {
                let is_container = matches!(
                    self.heap.get(r),
                    Object::List(_)
                        | Object::Dict(_)
                        | Object::Tuple(_)
                        | Object::Set(..)
                        | Object::Deque(_)
                );
                if is_container && stack.contains(&r) {
                    out.push_str(match self.heap.get(r) {
                        Object::Dict(_) => "{...}",
                        _ => "[...]",
                    });
                    return Ok(());
                }
                if is_container {
                    stack.push(r);
                }
                let res = self.nested(crate::nesting::Nest::Repr, |vm| {
                    vm.repr_obj(v, r, out, stack)
                });
                if is_container {
                    stack.pop();
                }
                res?;
            }
        }
        Ok(())
    }

    fn repr_seq(
        &mut self,
        items: &[Value],
        out: &mut String,
        stack: &mut Vec<Ref>,
    ) -> PyResult<()> {
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.repr_into(*it, out, stack)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)]
    fn repr_obj(
        &mut self,
        v: Value,
        r: Ref,
        out: &mut String,
        stack: &mut Vec<Ref>,
    ) -> PyResult<()> {
        match self.heap.get(r) {
            Object::Str(s) => out.push_str(&str_repr(s)),
            Object::Bytes(b) => out.push_str(&crate::bytes::bytes_repr(b)),
            Object::ByteArray(b) => out.push_str(&crate::bytes::bytearray_repr(b)),
            Object::Complex(re, im) => out.push_str(&crate::complex::complex_repr(*re, *im)),
            Object::BigInt(b) => {
                let b: &BigInt = b;
                match pf::int_to_decimal(b) {
                    Ok(s) => out.push_str(&s),
                    Err(e) => return self.value_error(e.message),
                }
            }
            Object::List(items) => {
                let items = items.clone();
                out.push('[');
                self.repr_seq(&items, out, stack)?;
                out.push(']');
            }
            Object::Tuple(items) => {
                let items = items.to_vec();
                out.push('(');
                self.repr_seq(&items, out, stack)?;
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Object::Dict(d) => {
                let entries: Vec<(Value, Value)> = d.iter().map(|e| (e.key, e.value)).collect();
                let flavor = d.flavor;
                match flavor {
                    DictFlavor::Plain => {}
                    DictFlavor::Default(f) => {
                        out.push_str("defaultdict(");
                        self.repr_into(f, out, stack)?;
                        out.push_str(", ");
                    }
                    DictFlavor::Counter => {
                        if entries.is_empty() {
                            out.push_str("Counter()");
                            return Ok(());
                        }
                        out.push_str("Counter(");
                    }
                }
                let entries = if flavor == DictFlavor::Counter {
                    self.counter_sorted(entries)?
                } else {
                    entries
                };
                out.push('{');
                for (i, (k, val)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(*k, out, stack)?;
                    out.push_str(": ");
                    self.repr_into(*val, out, stack)?;
                }
                out.push('}');
                if flavor != DictFlavor::Plain {
                    out.push(')');
                }
            }
            Object::Set(d, frozen) => {
                let keys: Vec<Value> = d.iter().map(|e| e.key).collect();
                let frozen = *frozen;
                if keys.is_empty() {
                    out.push_str(if frozen { "frozenset()" } else { "set()" });
                    return Ok(());
                }
                if frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                self.repr_seq(&keys, out, stack)?;
                out.push('}');
                if frozen {
                    out.push(')');
                }
            }
            Object::Deque(d) => {
                let items: Vec<Value> = d.items.iter().copied().collect();
                let maxlen = d.maxlen;
                out.push_str("deque([");
                self.repr_seq(&items, out, stack)?;
                out.push_str("])");
                if let Some(m) = maxlen {
                    out.pop();
                    out.push_str(&format!(", maxlen={m})"));
                }
            }
            Object::Range(a, b, c) => {
                out.push_str(&crate::range::repr_parts(a, b, c, *c == 1));
            }
            Object::BigRange(br) => out.push_str(&br.repr()),
            Object::Slice(a, b, c) => {
                let (a, b, c) = (*a, *b, *c);
                out.push_str("slice(");
                self.repr_seq(&[a, b, c], out, stack)?;
                out.push(')');
            }
            Object::Function(f) => {
                let q = f.qualname.to_string();
                out.push_str(&format!("<function {q} at {}>", self.addr(v)));
            }
            Object::Builtin(id) => {
                let d = &crate::builtins::TABLE[id.0 as usize];
                match d.owner {
                    crate::builtins::Owner::Type(t) => {
                        out.push_str(&format!("<method '{}' of '{}' objects>", d.name, t.name()))
                    }
                    _ => out.push_str(&format!("<built-in function {}>", d.name)),
                }
            }
            Object::BoundMethod(this, f) => {
                let (this, f) = (*this, *f);
                match f.as_ref().map(|x| self.heap.get(x)) {
                    Some(Object::Builtin(id)) => {
                        let name = crate::builtins::TABLE[id.0 as usize].name;
                        let tn = self.type_name(this);
                        out.push_str(&format!(
                            "<built-in method {name} of {tn} object at {}>",
                            self.addr(this)
                        ));
                    }
                    Some(Object::Function(func)) => {
                        let q = func.qualname.to_string();
                        out.push_str(&format!("<bound method {q} of "));
                        self.repr_into(this, out, stack)?;
                        out.push('>');
                    }
                    _ => out.push_str("<bound method>"),
                }
            }
            Object::Class(c) => {
                let _ = c;
                out.push_str(&format!("<class '{}'>", self.qual_class_name(r)));
            }
            Object::Instance(_) | Object::Exception(_) => {
                let cls = self.class_ref(v);
                if let Some(f) = self.class_lookup(cls, sym::REPR) {
                    if matches!(
                        f.as_ref().map(|x| self.heap.get(x)),
                        Some(Object::Function(_))
                    ) {
                        let m = self.lookup_special(v, sym::REPR).expect("repr method");
                        let res = self.call_sync(m, Vec::new(), Vec::new());
                        self.heap.decref(m);
                        let res = res?;
                        let s = self.expect_str(res, "__repr__")?;
                        out.push_str(&s);
                        return Ok(());
                    }
                }
                if let Some(b) = self.payload(v) {
                    return self.repr_into(b, out, stack);
                }
                if let Object::Exception(e) = self.heap.get(r) {
                    let args = e.args;
                    let items = match args.as_ref().map(|x| self.heap.get(x)) {
                        Some(Object::Tuple(t)) => t.to_vec(),
                        _ => Vec::new(),
                    };
                    out.push_str(&self.class_name(cls));
                    out.push('(');
                    self.repr_seq(&items, out, stack)?;
                    out.push(')');
                    return Ok(());
                }
                out.push_str(&format!(
                    "<{} object at {}>",
                    self.qual_class_name(cls),
                    self.addr(v)
                ));
            }
            Object::Generator(g) => {
                let q = g.qualname.to_string();
                let kind = match v.as_ref() {
                    Some(r) if self.is_async_gen(r) => "async_generator",
                    Some(r) => self.gen_kind_name(r),
                    None => "generator",
                };
                out.push_str(&format!("<{kind} object {q} at {}>", self.addr(v)));
            }
            Object::AgAwait(a) => {
                let kind = if a.kind == crate::asyncgen::AgAwaitKind::ASend {
                    "async_generator_asend"
                } else {
                    "async_generator_athrow"
                };
                out.push_str(&format!("<{kind} object at {}>", self.addr(v)));
            }
            Object::Module(m) => {
                let name = m.name.to_string();
                let file = m.globals.get(&sym::FILE).copied();
                match file.and_then(|f| self.as_str(f).map(str::to_string)) {
                    Some(p) => out.push_str(&format!("<module '{name}' from '{p}'>")),
                    None => out.push_str(&format!("<module '{name}' (built-in)>")),
                }
            }
            Object::Iter(it)
                if matches!(
                    **it,
                    crate::iter::IterObj::Count { .. } | crate::iter::IterObj::Repeat { .. }
                ) =>
            {
                match &**it {
                    crate::iter::IterObj::Count { cur, step } => {
                        let (cur, step) = (*cur, *step);
                        out.push_str("count(");
                        self.repr_into(cur, out, stack)?;
                        if step != Value::Int(1) {
                            out.push_str(", ");
                            self.repr_into(step, out, stack)?;
                        }
                        out.push(')');
                    }
                    crate::iter::IterObj::Repeat { value, remaining } => {
                        let (value, remaining) = (*value, *remaining);
                        out.push_str("repeat(");
                        self.repr_into(value, out, stack)?;
                        if let Some(n) = remaining {
                            out.push_str(&format!(", {n}"));
                        }
                        out.push(')');
                    }
                    _ => {}
                }
            }
            Object::Iter(it) => {
                let tn = it.type_name();
                out.push_str(&format!("<{tn} object at {}>", self.addr(v)));
            }
            Object::Cell(_) => out.push_str(&format!("<cell at {}>", self.addr(v))),
            Object::Property(..) => out.push_str(&format!("<property object at {}>", self.addr(v))),
            Object::StaticMethod(_) => {
                out.push_str(&format!("<staticmethod object at {}>", self.addr(v)))
            }
            Object::ClassMethod(_) => {
                out.push_str(&format!("<classmethod object at {}>", self.addr(v)))
            }
            Object::Super(..) => out.push_str("<super object>"),
            Object::Namespace(_) => out.push_str("{}"),
            Object::Random(_) => {
                out.push_str(&format!("<random.Random object at {}>", self.addr(v)))
            }
            Object::Partial(p) => {
                let (f, args) = (p.func, p.args.clone());
                out.push_str("functools.partial(");
                self.repr_into(f, out, stack)?;
                for a in args {
                    out.push_str(", ");
                    self.repr_into(a, out, stack)?;
                }
                out.push(')');
            }
            Object::File(f) if f.binary => {
                let kind = if f.writable {
                    "BufferedWriter"
                } else {
                    "BufferedReader"
                };
                out.push_str(&format!("<_io.{kind} name={}>", str_repr(&f.path)));
            }
            Object::File(f) => {
                let (p, m) = (f.path.clone(), f.mode.clone());
                out.push_str(&format!(
                    "<_io.TextIOWrapper name={} mode={} encoding='UTF-8'>",
                    str_repr(&p),
                    str_repr(&m)
                ));
            }
            Object::WeakHandle(h) => out.push_str(&format!("<weak handle {h}>")),
            Object::Free => out.push_str("<freed>"),
        }
        Ok(())
    }

    /// Counter entries in `most_common()` order (stable by count, descending).
    pub(crate) fn counter_sorted(
        &mut self,
        mut entries: Vec<(Value, Value)>,
    ) -> PyResult<Vec<(Value, Value)>> {
        // Stable insertion sort by descending count.
        let mut err = None;
        let n = entries.len();
        for i in 1..n {
            let mut j = i;
            while j > 0 {
                match self.compare_bool(crate::code::CmpOp::Gt, entries[j].1, entries[j - 1].1) {
                    Ok(true) => {
                        entries.swap(j, j - 1);
                        j -= 1;
                    }
                    Ok(false) => break,
                    Err(e) => {
                        err = Some(e);
                        break;
                    }
                }
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(entries),
        }
    }

    /// `f"{v!conv:spec}"`; returns an owned `str`.
    pub(crate) fn format_value(
        &mut self,
        v: Value,
        conv: u32,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let converted;
        let target = match conv {
            1 => {
                let s = self.to_str(v)?;
                converted = self.str_value(&s);
                converted
            }
            2 => {
                let s = self.repr(v)?;
                converted = self.str_value(&s);
                converted
            }
            3 => {
                let s = self.repr(v)?;
                let s = ascii_escape(&s);
                converted = self.str_value(&s);
                converted
            }
            _ => {
                converted = Value::None;
                v
            }
        };
        let spec_s = spec
            .and_then(|s| self.as_str(s).map(str::to_string))
            .unwrap_or_default();
        let r = self.format_spec(target, &spec_s);
        if conv != 0 {
            self.heap.decref(converted);
        }
        let s = r?;
        Ok(self.str_value(&s))
    }

    /// `format(v, spec)`.
    pub fn format_spec(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let map = |vm: &mut Vm, e: pf::FormatError| -> Value {
            let ty = match e.kind {
                pf::ExcKind::ValueError => ExcType::ValueError,
                pf::ExcKind::TypeError => ExcType::TypeError,
                pf::ExcKind::OverflowError => ExcType::OverflowError,
                pf::ExcKind::MemoryError => ExcType::MemoryError,
            };
            vm.new_exc(ty, &e.message)
        };
        if self.is_user_object(v) {
            let cls = self.class_ref(v);
            if let Some(f) = self.class_lookup(cls, sym::FORMAT) {
                if matches!(
                    f.as_ref().map(|x| self.heap.get(x)),
                    Some(Object::Function(_))
                ) {
                    let m = self.lookup_special(v, sym::FORMAT).expect("format method");
                    let sv = self.str_value(spec);
                    let r = self.call_sync(m, vec![sv], Vec::new());
                    self.heap.decref(m);
                    let r = r?;
                    return self.expect_str(r, "__format__");
                }
            }
        }
        if spec.is_empty() {
            return self.to_str(v);
        }
        if let Some(b) = self.payload(v) {
            return self.format_spec(b, spec);
        }
        let tn = self.type_name(v);
        match v {
            Value::Bool(b) => {
                // `bool.__format__` is `int.__format__`: a non-empty spec formats 0 or 1.
                let ps = pf::parse_format_spec(spec, "bool").map_err(|e| map(self, e))?;
                pf::format_int(&BigInt::from(i64::from(b)), &ps, "bool").map_err(|e| map(self, e))
            }
            Value::Int(i) => {
                let ps = pf::parse_format_spec(spec, "int").map_err(|e| map(self, e))?;
                pf::format_int(&BigInt::from(i), &ps, "int").map_err(|e| map(self, e))
            }
            Value::Float(f) => {
                let ps = pf::parse_format_spec(spec, "float").map_err(|e| map(self, e))?;
                pf::format_float(f, &ps, "float").map_err(|e| map(self, e))
            }
            Value::Obj(r) => match self.heap.get(r) {
                Object::Complex(re, im) => {
                    let (re, im) = (*re, *im);
                    let ps = pf::parse_format_spec(spec, "complex").map_err(|e| map(self, e))?;
                    pf::format_complex(re, im, &ps).map_err(|e| map(self, e))
                }
                Object::BigInt(b) => {
                    let b = b.clone();
                    let ps = pf::parse_format_spec(spec, "int").map_err(|e| map(self, e))?;
                    pf::format_int(&b, &ps, "int").map_err(|e| map(self, e))
                }
                Object::Str(s) => {
                    let s = s.to_string();
                    let ps = pf::parse_format_spec(spec, "str").map_err(|e| map(self, e))?;
                    pf::format_str(&s, &ps, "str").map_err(|e| map(self, e))
                }
                _ => self.type_error(format!(
                    "unsupported format string passed to {tn}.__format__"
                )),
            },
            _ => self.type_error(format!(
                "unsupported format string passed to {tn}.__format__"
            )),
        }
    }

    /// `fmt % args`.
    pub(crate) fn percent_format(&mut self, fmt: &str, args: Value) -> PyResult<Value> {
        let s = self.percent_format_text(fmt, args, false)?;
        Ok(self.str_value(&s))
    }

    /// `fmt % args` for `bytes`/`bytearray` (`%b`/`%s` take bytes-like
    /// values, `%r`/`%a` give `ascii()`, `%c` one byte); `array` makes the
    /// result a `bytearray`.
    pub(crate) fn percent_format_bytes(
        &mut self,
        fmt: &[u8],
        args: Value,
        array: bool,
    ) -> PyResult<Value> {
        let text = crate::file::latin1_string(&bytes_conversions_as_s(fmt));
        let s = match self.percent_format_text(&text, args, true) {
            Ok(s) => s,
            Err(e) => {
                // The shared engine speaks of strings.
                let msg = self.to_str(e).unwrap_or_default();
                if msg == "not all arguments converted during string formatting" {
                    self.heap.decref(e);
                    return self.type_error("not all arguments converted during bytes formatting");
                }
                return Err(e);
            }
        };
        let out = crate::file::latin1_bytes(&s);
        Ok(if array {
            self.bytearray_value(out)
        } else {
            self.bytes_value(&out)
        })
    }

    fn percent_format_text(&mut self, fmt: &str, args: Value, bytes: bool) -> PyResult<String> {
        // A tuple or dict subclass gives its items as a tuple or dict does.
        let args = match self.payload(args) {
            Some(b) if matches!(self.tag_of(b), TypeTag::Tuple | TypeTag::Dict) => b,
            _ => args,
        };
        let mut pa = PctArgs {
            vm: self,
            args,
            current: args,
            owned: Vec::new(),
            bytes,
        };
        let r = pf::percent_format(fmt, &mut pa);
        let owned = std::mem::take(&mut pa.owned);
        self.heap.decref_all(owned);
        match r {
            Ok(s) => Ok(s),
            Err(PctErr::Py(e)) => Err(e),
            Err(PctErr::Fmt(e)) => {
                let ty = match e.kind {
                    pf::ExcKind::ValueError => ExcType::ValueError,
                    pf::ExcKind::TypeError => ExcType::TypeError,
                    pf::ExcKind::OverflowError => ExcType::OverflowError,
                    pf::ExcKind::MemoryError => ExcType::MemoryError,
                };
                Err(self.new_exc(ty, &e.message))
            }
        }
    }

    /// The `TypeTag` of a built-in class object.
    pub(crate) fn class_tag(&self, r: Ref) -> Option<TypeTag> {
        match self.heap.get(r) {
            Object::Class(c) => match c.kind {
                ClassKind::Builtin(t) => Some(t),
                ClassKind::User => None,
            },
            _ => None,
        }
    }
}

/// The conversions that differ when formatting bytes; `None` for the
/// numeric ones, which are `str`'s.
fn render_bytes_arg(
    vm: &mut Vm,
    v: Value,
    spec: &pf::PercentSpec,
) -> Result<Option<String>, PctErr> {
    let text = match spec.conv {
        's' => match vm.as_bytes_like(v) {
            Some(b) => crate::file::latin1_string(b),
            None => {
                let tn = vm.type_name(v);
                return Err(PctErr::Py(vm.new_exc(
                    ExcType::TypeError,
                    &format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
                    ),
                )));
            }
        },
        'r' | 'a' => {
            let s = vm.repr(v).map_err(PctErr::Py)?;
            ascii_escape(&s)
        }
        'i' if vm.num_f64(v).is_none() => {
            // Bytes formatting names %i as %d.
            let tn = vm.type_name(v);
            return Err(PctErr::Py(vm.new_exc(
                ExcType::TypeError,
                &format!("%d format: a real number is required, not {tn}"),
            )));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' if vm.num_f64(v).is_none() => {
            let tn = vm.type_name(v);
            return Err(PctErr::Py(vm.new_exc(
                ExcType::TypeError,
                &format!("float argument required, not {tn}"),
            )));
        }
        'c' => {
            let byte = match (vm.int_ref(v), vm.as_bytes_like(v)) {
                (Some(i), _) => match num_traits::ToPrimitive::to_u8(&i.to_big()) {
                    Some(b) => b,
                    None => {
                        return Err(PctErr::Py(
                            vm.new_exc(ExcType::OverflowError, "%c arg not in range(256)"),
                        ))
                    }
                },
                (None, Some([b])) => *b,
                _ => {
                    return Err(PctErr::Py(vm.new_exc(
                        ExcType::TypeError,
                        "%c requires an integer in range(256) or a single byte",
                    )))
                }
            };
            char::from(byte).to_string()
        }
        _ => return Ok(None),
    };
    Ok(Some(pf::percent_pad_str(&text, spec)?))
}

enum PctErr {
    Py(Value),
    Fmt(pf::FormatError),
}

impl From<pf::FormatError> for PctErr {
    fn from(e: pf::FormatError) -> Self {
        PctErr::Fmt(e)
    }
}

struct PctArgs<'a> {
    vm: &'a mut Vm,
    args: Value,
    current: Value,
    owned: Vec<Value>,
    /// Formatting `bytes` (the text is one char per byte).
    bytes: bool,
}

/// A bytes format with each `%b` conversion spelled `%s` (the shared
/// scanner knows `str`'s conversions; `%s` of bytes means `%b`).
fn bytes_conversions_as_s(fmt: &[u8]) -> Vec<u8> {
    let mut out = fmt.to_vec();
    let mut i = 0;
    while i < out.len() {
        if out[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if out.get(i) == Some(&b'(') {
            let mut depth = 0;
            while i < out.len() {
                match out[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        }
        while i < out.len() && b"-+ #0123456789.*hlL".contains(&out[i]) {
            i += 1;
        }
        if out.get(i) == Some(&b'b') {
            out[i] = b's';
        }
        i += 1;
    }
    out
}

impl PctArgs<'_> {
    fn arg(&self, a: pf::ArgRef) -> Value {
        match a {
            pf::ArgRef::Current => self.current,
            pf::ArgRef::Item(i) => match self.args.as_ref().map(|r| self.vm.heap.get(r)) {
                Some(Object::Tuple(t)) => t.get(i).copied().unwrap_or(Value::None),
                _ => self.current,
            },
        }
    }
}

impl pf::PercentArgs for PctArgs<'_> {
    type Error = PctErr;

    fn tuple_len(&self) -> Option<usize> {
        match self.args.as_ref().map(|r| self.vm.heap.get(r)) {
            Some(Object::Tuple(t)) => Some(t.len()),
            _ => None,
        }
    }

    fn is_mapping(&self) -> bool {
        match self.args.as_ref().map(|r| self.vm.heap.get(r)) {
            Some(Object::Dict(_) | Object::List(_) | Object::Instance(_)) => true,
            // CPython's bytes formatting leaves bytes-like arguments out.
            Some(Object::Bytes(_) | Object::ByteArray(_)) => !self.bytes,
            _ => false,
        }
    }

    fn select_key(&mut self, key: &str) -> Result<(), PctErr> {
        let k = if self.bytes {
            let b = crate::file::latin1_bytes(key);
            self.vm.bytes_value(&b)
        } else {
            self.vm.str_value(key)
        };
        let r = self.vm.get_item_sync(self.args, k);
        self.vm.heap.decref(k);
        let v = r.map_err(PctErr::Py)?;
        self.owned.push(v);
        self.current = v;
        Ok(())
    }

    fn star_int(&mut self, arg: pf::ArgRef) -> Result<Option<BigInt>, PctErr> {
        let v = self.arg(arg);
        Ok(self.vm.int_ref(v).map(|i| i.to_big()))
    }

    fn render(&mut self, arg: pf::ArgRef, spec: &pf::PercentSpec) -> Result<String, PctErr> {
        let v = self.arg(arg);
        let vm = &mut *self.vm;
        if self.bytes {
            if let Some(out) = render_bytes_arg(vm, v, spec)? {
                return Ok(out);
            }
        }
        match spec.conv {
            's' => {
                let s = vm.to_str(v).map_err(PctErr::Py)?;
                Ok(pf::percent_pad_str(&s, spec)?)
            }
            'r' => {
                let s = vm.repr(v).map_err(PctErr::Py)?;
                Ok(pf::percent_pad_str(&s, spec)?)
            }
            'a' => {
                let s = vm.repr(v).map_err(PctErr::Py)?;
                Ok(pf::percent_pad_str(&ascii_escape(&s), spec)?)
            }
            'c' => {
                let c = if let Some(i) = vm.int_ref(v) {
                    pf::percent_char_from_int(&i.to_big())?
                } else if let Some(s) = vm.as_str(v) {
                    pf::percent_char_from_str(s)?
                } else {
                    let tn = vm.type_name(v);
                    return Err(PctErr::Fmt(pf::percent_type_error('c', &tn)));
                };
                Ok(pf::percent_pad_str(&c.to_string(), spec)?)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                if let Some(i) = vm.int_ref(v) {
                    return Ok(pf::percent_int(&i.to_big(), spec)?);
                }
                if let Value::Float(f) = v {
                    if matches!(spec.conv, 'd' | 'i' | 'u') {
                        if !f.is_finite() {
                            return Err(PctErr::Fmt(pf::FormatError {
                                kind: pf::ExcKind::OverflowError,
                                message: "cannot convert float infinity to integer".into(),
                            }));
                        }
                        let b: BigInt =
                            num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default();
                        return Ok(pf::percent_int(&b, spec)?);
                    }
                }
                let tn = vm.type_name(v);
                Err(PctErr::Fmt(pf::percent_type_error(spec.conv, &tn)))
            }
            _ => {
                if let Some(f) = vm.num_f64(v) {
                    return Ok(pf::percent_float(f, spec)?);
                }
                let tn = vm.type_name(v);
                Err(PctErr::Fmt(pf::percent_type_error(spec.conv, &tn)))
            }
        }
    }
}
