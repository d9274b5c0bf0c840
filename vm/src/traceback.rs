//! CPython 3.11-style traceback printing: entries with source lines and
//! `^`/`~` markers, chained exceptions, and "Exception ignored in" reports.

use crate::code::CodeId;
use crate::object::{Object, TbEntry};
use crate::value::Value;
use crate::vm::{Stream, Vm};

impl Vm {
    /// One `File "...", line N, in name` entry with its source line and markers.
    #[must_use]
    pub fn format_tb_entry(&self, code: CodeId, pc: u32) -> String {
        let c = self.code(code);
        let src = &self.sources[c.source as usize];
        let span = c.spans.get(pc as usize).copied().unwrap_or_default();
        let line = src.line_of(span.start);
        let mut out = format!("  File \"{}\", line {}, in {}\n", src.path, line, c.name);
        // Code compiled from a string (`<string>`, `<stdin>`): no line to
        // show. Expressions a debugger user typed (a sent value, an entry
        // point, an evaluated expression) are shown: the user wants to see them.
        let typed = matches!(&*src.path, "<send>" | "<entry>" | "<eval>" | "<expression>");
        if src.path.starts_with('<') && !typed {
            return out;
        }
        let text = src.line_text(line);
        let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
        if stripped.trim_end().is_empty() {
            return out;
        }
        let stripped = stripped.trim_end();
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        let indent = text.len() - text.trim_start_matches([' ', '\t', '\x0c']).len();
        let line_start = src.line_start(line) as usize;
        let end_line = src.line_of(span.end.max(span.start));
        let start_col = span.start as usize - line_start;
        let (end_col, single) = if end_line == line {
            (span.end as usize - line_start, true)
        } else {
            (indent + stripped.len(), false)
        };
        let end_col = end_col.min(text.len());
        if start_col >= end_col {
            return out;
        }
        // Anchors for binary operators and subscripts on one line.
        let mut anchors = None;
        if single && span.focus_end > span.focus_start && span.focus_start as usize >= line_start {
            let fs = span.focus_start as usize - line_start;
            let fe = (span.focus_end as usize - line_start).min(end_col);
            if fs >= start_col && fe > fs {
                anchors = Some((fs - start_col, fe - start_col));
            }
        }
        let to_chars = |b: usize| text[..b.min(text.len())].chars().count();
        let (sc, ec) = (to_chars(start_col), to_chars(end_col));
        let stripped_chars = text[..indent].chars().count();
        let stripped_len = stripped.chars().count();
        let show = (ec - sc) < stripped_len || anchors.is_some_and(|(a, b)| b > a);
        if !show {
            return out;
        }
        out.push_str("    ");
        out.push_str(&" ".repeat(sc.saturating_sub(stripped_chars)));
        match anchors {
            Some((a, b)) => {
                let seg = &text[start_col..end_col];
                let ca = seg[..a.min(seg.len())].chars().count();
                let cb = seg[..b.min(seg.len())].chars().count();
                let total = seg.chars().count();
                out.push_str(&"~".repeat(ca));
                out.push_str(&"^".repeat(cb - ca));
                out.push_str(&"~".repeat(total - cb));
            }
            None => out.push_str(&"^".repeat(ec - sc)),
        }
        out.push('\n');
        out
    }

    /// The last line: `Type: message`.
    pub fn format_exception_only(&mut self, exc: Value) -> String {
        let cls = self.class_ref(exc);
        let name = match self.heap.get(cls) {
            Object::Class(c) => {
                if &*c.module == "builtins" || &*c.module == "__main__" {
                    c.qualname.to_string()
                } else {
                    format!("{}.{}", c.module, c.qualname)
                }
            }
            _ => "Exception".to_string(),
        };
        let msg = match self.to_str(exc) {
            Ok(m) => m,
            Err(e) => {
                self.heap.decref(e);
                "<exception str() failed>".to_string()
            }
        };
        if let Some((block, m)) = self.syntax_error_block(exc) {
            return format!("{block}{name}: {m}\n");
        }
        let hint = self
            .suggestion(exc)
            .map(|s| format!(". Did you mean: '{s}'?"))
            .unwrap_or_default();
        if msg.is_empty() {
            format!("{name}{hint}\n")
        } else {
            format!("{name}: {msg}{hint}\n")
        }
    }

    /// CPython's "Did you mean" for a printed `NameError` or `AttributeError`.
    fn suggestion(&mut self, exc: Value) -> Option<String> {
        let (ns, os) = (self.sym("name"), self.sym("obj"));
        let (name, obj, last) = match exc.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Exception(e)) => (
                e.attrs.get(&ns).copied()?,
                e.attrs.get(&os).copied(),
                e.traceback.last().copied(),
            ),
            _ => return None,
        };
        let name = self.as_str(name)?.to_string();
        if self.is_instance_of_exc(exc, crate::builtins::ExcType::AttributeError) {
            let obj = obj?;
            let mut cands: Vec<String> = Vec::new();
            if let Some(Object::Instance(i)) = obj.as_ref().map(|r| self.heap.get(r)) {
                cands.extend(i.attrs.keys().map(|k| self.names.name(*k).to_string()));
            }
            let cls = match obj.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::Class(_)) => obj.as_ref()?,
                _ => self.class_ref(obj),
            };
            if let Object::Class(c) = self.heap.get(cls) {
                for k in c.mro.clone() {
                    if let Object::Class(kc) = self.heap.get(k) {
                        cands.extend(kc.attrs.keys().map(|s| self.names.name(*s).to_string()));
                    }
                }
            }
            if let Some(Object::Module(m)) = obj.as_ref().map(|r| self.heap.get(r)) {
                cands.extend(m.globals.keys().map(|k| self.names.name(*k).to_string()));
            }
            cands.sort();
            cands.dedup();
            return crate::suggest::best_match(&name, cands.iter().map(String::as_str))
                .map(str::to_string);
        }
        if !self.is_instance_of_exc(exc, crate::builtins::ExcType::NameError) {
            return None;
        }
        let last = last?;
        let code = self.code(last.code).clone();
        let locals: Vec<String> = code
            .varnames
            .iter()
            .map(|s| self.names.name(*s).to_string())
            .collect();
        if let Some(s) = crate::suggest::best_match(&name, locals.iter().map(String::as_str)) {
            return Some(s.to_string());
        }
        let module = self.sources[code.source as usize].module.clone();
        let globals: Vec<String> = match self.modules.get(&module).map(|m| self.heap.get(*m)) {
            Some(Object::Module(m)) => m
                .globals
                .keys()
                .map(|k| self.names.name(*k).to_string())
                .collect(),
            _ => Vec::new(),
        };
        if let Some(s) = crate::suggest::best_match(&name, globals.iter().map(String::as_str)) {
            return Some(s.to_string());
        }
        let builtins: Vec<String> = match self.heap.get(self.b.module()) {
            Object::Module(m) => m
                .globals
                .keys()
                .map(|k| self.names.name(*k).to_string())
                .collect(),
            _ => Vec::new(),
        };
        crate::suggest::best_match(&name, builtins.iter().map(String::as_str)).map(str::to_string)
    }

    /// The full report of an exception with its chain.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut seen = Vec::new();
        self.format_chain(exc, &mut seen)
    }

    fn format_chain(&mut self, exc: Value, seen: &mut Vec<Value>) -> String {
        seen.push(exc);
        let mut out = String::new();
        let (cause, context, suppress, tb) = match exc.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Exception(e)) => {
                (e.cause, e.context, e.suppress_context, e.traceback.clone())
            }
            _ => (Value::None, Value::None, false, Vec::new()),
        };
        if cause != Value::None && !seen.iter().any(|s| s.is(cause)) {
            out.push_str(&self.format_chain(cause, seen));
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if context != Value::None && !suppress && !seen.iter().any(|s| s.is(context)) {
            out.push_str(&self.format_chain(context, seen));
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        out.push_str(&self.format_tb(&tb));
        out.push_str(&self.format_exception_only(exc));
        out
    }

    fn format_tb(&self, tb: &[TbEntry]) -> String {
        // Frames of the built-in Python preludes stand for C code in CPython: hidden.
        let shown: Vec<TbEntry> = tb
            .iter()
            .filter(|e| {
                let c = self.code(e.code);
                !self.sources[c.source as usize].path.starts_with("<frozen")
            })
            .copied()
            .collect();
        let tb = &shown[..];
        if tb.is_empty() {
            return String::new();
        }
        let mut out = String::from("Traceback (most recent call last):\n");
        // CPython collapses runs of more than three identical entries.
        let mut last: Option<(CodeId, u32)> = None;
        let mut count = 0usize;
        for e in tb {
            let c = self.code(e.code);
            let line = self.sources[c.source as usize]
                .line_of(c.spans.get(e.pc as usize).map_or(0, |s| s.start));
            let key = (e.code, line);
            if last == Some(key) {
                count += 1;
            } else {
                if count > 3 {
                    let n = count - 3;
                    out.push_str(&format!(
                        "  [Previous line repeated {n} more time{}]\n",
                        if n > 1 { "s" } else { "" }
                    ));
                }
                last = Some(key);
                count = 1;
            }
            if count <= 3 {
                out.push_str(&self.format_tb_entry(e.code, e.pc));
            }
        }
        if count > 3 {
            let n = count - 3;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        }
        out
    }

    /// Prints an uncaught exception to stderr (consumes it); `SystemExit`
    /// ends the run with its status instead, as CPython does.
    pub(crate) fn report_uncaught(&mut self, exc: Value) -> crate::vm::Event {
        if self.is_instance_of_exc(exc, crate::builtins::ExcType::SystemExit) {
            let arg = match exc.as_ref().map(|r| self.heap.get(r)) {
                Some(Object::Exception(e)) => match e.args.as_ref().map(|r| self.heap.get(r)) {
                    Some(Object::Tuple(t)) if t.len() == 1 => t[0],
                    Some(Object::Tuple(t)) if t.is_empty() => Value::None,
                    _ => e.args,
                },
                _ => Value::None,
            };
            let code = match arg {
                Value::None => 0,
                Value::Int(i) => i32::try_from(i).unwrap_or(-1),
                Value::Bool(b) => i32::from(b),
                other => {
                    let text = self.to_str(other).unwrap_or_default();
                    self.write(Stream::Stderr, &format!("{text}\n"));
                    1
                }
            };
            self.heap.decref(exc);
            return crate::vm::Event::Exit(code);
        }
        let text = self.format_exception(exc);
        self.write(Stream::Stderr, &text);
        self.heap.decref(exc);
        crate::vm::Event::Uncaught
    }

    /// "Exception ignored in: <obj>" (borrowed exception).
    pub(crate) fn report_ignored(&mut self, obj: Value, exc: Value) {
        let what = self.repr(obj).unwrap_or_else(|_| "<object>".to_string());
        let tb = match exc.as_ref().map(|r| self.heap.get(r)) {
            Some(Object::Exception(e)) => e.traceback.clone(),
            _ => Vec::new(),
        };
        let text = format!("{}{}", self.format_tb(&tb), self.format_exception_only(exc));
        self.write(
            Stream::Stderr,
            &format!("Exception ignored in: {what}\n{text}"),
        );
    }

    /// A `__del__` that raised (consumes the exception).
    pub(crate) fn report_ignored_del(&mut self, obj: Value, exc: Value) {
        let del = self.get_attr(obj, crate::intern::sym::DEL);
        let what = match del {
            Ok(d) => {
                let s = self.repr(d).unwrap_or_default();
                self.heap.decref(d);
                s
            }
            Err(e) => {
                self.heap.decref(e);
                String::from("<__del__>")
            }
        };
        let text = self.format_exception(exc);
        self.write(
            Stream::Stderr,
            &format!("Exception ignored in: {what}\n{text}"),
        );
        self.heap.decref(exc);
    }
}
