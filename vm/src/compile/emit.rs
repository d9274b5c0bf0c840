//! Code generation from the parser's tree.

use super::scope::{self, ScopeKind, ScopeTable, MODULE_KEY};
use super::{Ctx, SyntaxError};
use crate::code::{BinOp, CmpOp, Code, CodeId, CodeKind, Op, Span, UnOp};
use crate::object::Object;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

#[path = "annotations.rs"]
mod annotations;
#[path = "asyncs.rs"]
mod asyncs;
#[path = "pattern.rs"]
mod pattern;

/// Compiles a module's source; returns the module body's code.
///
/// # Errors
/// A [`SyntaxError`] for source the parser rejects or constructs the VM
/// refuses (with CPython's wording where it has one).
pub fn compile_module(
    ctx: &mut Ctx<'_>,
    source: &str,
    source_index: u32,
) -> Result<CodeId, SyntaxError> {
    compile_statements(ctx, source, source_index, false)
}

/// Compiles statements for `exec` (`compile(..., 'exec')`): module-level
/// names are looked up by name, so a separate locals mapping works.
///
/// # Errors
/// As [`compile_module`].
pub fn compile_exec(
    ctx: &mut Ctx<'_>,
    source: &str,
    source_index: u32,
) -> Result<CodeId, SyntaxError> {
    compile_statements(ctx, source, source_index, true)
}

fn compile_statements(
    ctx: &mut Ctx<'_>,
    source: &str,
    source_index: u32,
    dynamic: bool,
) -> Result<CodeId, SyntaxError> {
    let parsed = ruff_python_parser::parse_module(source).map_err(|e| {
        let message = python_message(&e.error);
        let mut err = syntax_error(source, e.location, message);
        bytes_error_span(source, e.location, &mut err);
        err
    })?;
    let module = parsed.into_syntax();
    let table = scope::analyze(&module.body);
    let mut c = Compiler {
        ctx,
        source,
        source_index,
        table: &table,
        units: Vec::new(),
        line_starts: line_starts(source),
        dynamic,
        display_hook: None,
    };
    c.push_unit(MODULE_KEY, "<module>", "<module>", CodeKind::Module, 1);
    c.docstring(&module.body);
    c.setup_annotations(&module.body);
    c.body(&module.body)?;
    c.load_const(Value::None);
    c.emit(Op::Return);
    Ok(c.pop_unit())
}

/// Compiles an expression (`eval` mode): the code returns its value.
pub fn compile_eval(
    ctx: &mut Ctx<'_>,
    source: &str,
    source_index: u32,
) -> Result<CodeId, SyntaxError> {
    let parsed = ruff_python_parser::parse_expression(source).map_err(|e| {
        let message = python_message(&e.error);
        syntax_error(source, e.location, message)
    })?;
    let expr = parsed.into_expr();
    let body = vec![Stmt::Expr(ast::StmtExpr {
        node_index: ast::AtomicNodeIndex::default(),
        range: expr.range(),
        value: Box::new(expr),
    })];
    let table = scope::analyze(&body);
    let mut c = Compiler {
        ctx,
        source,
        source_index,
        table: &table,
        units: Vec::new(),
        line_starts: line_starts(source),
        dynamic: true,
        display_hook: None,
    };
    c.push_unit(MODULE_KEY, "<module>", "<module>", CodeKind::Module, 1);
    if let Some(Stmt::Expr(e)) = body.first() {
        c.expr(&e.value)?;
    }
    c.emit(Op::Return);
    Ok(c.pop_unit())
}

/// Compiles one interactive statement (`single` mode): the value of each
/// top-level expression statement is passed to `hook` (`sys.displayhook`).
pub fn compile_single(
    ctx: &mut Ctx<'_>,
    source: &str,
    source_index: u32,
    hook: Value,
) -> Result<CodeId, SyntaxError> {
    let parsed = ruff_python_parser::parse_module(source).map_err(|e| {
        let message = python_message(&e.error);
        syntax_error(source, e.location, message)
    })?;
    let module = parsed.into_syntax();
    if let Some(second) = module.body.get(1) {
        return Err(syntax_error(
            source,
            second.range(),
            "multiple statements found while compiling a single statement".to_string(),
        ));
    }
    let table = scope::analyze(&module.body);
    let mut c = Compiler {
        ctx,
        source,
        source_index,
        table: &table,
        units: Vec::new(),
        line_starts: line_starts(source),
        dynamic: true,
        display_hook: None,
    };
    c.push_unit(MODULE_KEY, "<module>", "<module>", CodeKind::Module, 1);
    c.display_hook = {
        let u = c.unit();
        u.code.consts.push(hook);
        Some(u.code.consts.len() as u32 - 1)
    };
    c.body(&module.body)?;
    c.load_const(Value::None);
    c.emit(Op::Return);
    Ok(c.pop_unit())
}

fn python_message(e: &ruff_python_parser::ParseErrorType) -> String {
    use ruff_python_parser::ParseErrorType as P;
    let text = e.to_string();
    match e {
        P::ExpectedToken { expected, .. } => {
            let exp = expected.to_string();
            if exp.contains(':') {
                "expected ':'".to_string()
            } else {
                "invalid syntax".to_string()
            }
        }
        P::Lexical(_)
            if text.contains("unterminated string") || text.contains("Unterminated string") =>
        {
            "unterminated string literal".to_string()
        }
        P::Lexical(_) if text.to_lowercase().contains("indent") => {
            if text.contains("unindent") || text.contains("Unindent") {
                "unindent does not match any outer indentation level".to_string()
            } else {
                "unexpected indent".to_string()
            }
        }
        P::OtherError(m) if m.contains("Bytes literal cannot be mixed") => {
            "cannot mix bytes and nonbytes literals".to_string()
        }
        P::Lexical(_) if text.contains("bytes can only contain ASCII") => {
            "bytes can only contain ASCII literal characters".to_string()
        }
        _ => "invalid syntax".to_string(),
    }
}

/// CPython's carets for the two bytes-literal errors: one caret after a
/// mixed concatenation, and one per UTF-8 byte under a non-ASCII literal.
fn bytes_error_span(source: &str, range: TextRange, err: &mut SyntaxError) {
    let (start, end) = (
        range.start().to_u32() as usize,
        range.end().to_u32() as usize,
    );
    if err.message == "cannot mix bytes and nonbytes literals" {
        let mixed = syntax_error(
            source,
            TextRange::new(range.end(), range.end()),
            String::new(),
        );
        if mixed.line == err.line {
            err.col = mixed.col;
            err.end_col = mixed.col + 1;
        }
    } else if err.message == "bytes can only contain ASCII literal characters"
        && end <= source.len()
        && source.is_char_boundary(start)
    {
        // The whole literal, prefix to closing quote, measured in bytes as
        // CPython measures it.
        let line_start = source[..start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |p| start + p);
        let line = &source.as_bytes()[line_start..line_end];
        let at = start - line_start;
        let Some(q) = line[..=at.min(line.len().saturating_sub(1))]
            .iter()
            .rposition(|c| *c == b'"' || *c == b'\'')
        else {
            return;
        };
        let mut lit = q;
        while lit > 0 && matches!(line[lit - 1], b'b' | b'B' | b'r' | b'R') {
            lit -= 1;
        }
        if lit == q {
            return;
        }
        let quote = line[q];
        let mut close = q + 1;
        while close < line.len() && line[close] != quote {
            close += if line[close] == b'\\' { 2 } else { 1 };
        }
        let close = (close + 1).min(line.len());
        let col = source[line_start..line_start + lit].chars().count() as u32 + 1;
        err.col = col;
        err.end_col = col + (close - lit) as u32;
        err.carets = (close - lit) as u32;
    }
}

fn line_starts(source: &str) -> Vec<u32> {
    let mut v = vec![0u32];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            v.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
        }
    }
    v
}

fn syntax_error(source: &str, range: TextRange, message: String) -> SyntaxError {
    let starts = line_starts(source);
    let off = range.start().to_u32();
    let line_idx = match starts.binary_search(&off) {
        Ok(i) => i,
        Err(i) => i - 1,
    };
    let line_start = starts[line_idx] as usize;
    let line_end = source[line_start..]
        .find('\n')
        .map_or(source.len(), |p| line_start + p);
    let text = source[line_start..line_end].to_string();
    let col = source[line_start..(off as usize).min(line_end)]
        .chars()
        .count() as u32
        + 1;
    let end = (range.end().to_u32() as usize).clamp(off as usize, line_end);
    let end_col = col + source[off as usize..end].chars().count().max(1) as u32;
    SyntaxError {
        message,
        line: line_idx as u32 + 1,
        col,
        end_col,
        text,
        carets: 1,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx3 {
    Load,
    Store,
    Del,
}

enum FBlock<'a> {
    Loop { start: u32, breaks: Vec<usize> },
    ForLoop { start: u32, breaks: Vec<usize> },
    TryExcept,
    Finally(&'a [Stmt]),
    With,
    AsyncWith,
    Handler(Option<String>),
}

struct Unit<'a> {
    code: Code,
    key: u32,
    kind: Option<ScopeKind>,
    fblocks: Vec<FBlock<'a>>,
    locals: HashMap<String, u32>,
    cells: HashMap<String, u32>,
    span: Span,
    consts: HashMap<ConstKey, u32>,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
    Big(String),
    Names(Vec<String>),
    Ellipsis,
    Bytes(Vec<u8>),
    Complex(u64, u64),
}

struct Compiler<'c, 'x, 't> {
    ctx: &'c mut Ctx<'x>,
    source: &'t str,
    source_index: u32,
    table: &'t ScopeTable,
    units: Vec<Unit<'t>>,
    line_starts: Vec<u32>,
    /// Module-level names use the name ops (`exec`/`eval` code, whose
    /// locals may be a mapping apart from the globals).
    dynamic: bool,
    /// `single` mode: the constant index of `sys.displayhook`, called with
    /// the value of each expression statement of the module's code.
    display_hook: Option<u32>,
}

type R = Result<(), SyntaxError>;

impl<'c, 'x, 't> Compiler<'c, 'x, 't> {
    fn unit(&mut self) -> &mut Unit<'t> {
        self.units.last_mut().expect("unit")
    }

    fn line_of(&self, off: u32) -> u32 {
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn push_unit(&mut self, key: u32, name: &str, qualname: &str, kind: CodeKind, line: u32) {
        let sc = self.table.scopes.get(&key);
        let mut varnames = Vec::new();
        let mut locals = HashMap::new();
        let mut cells = HashMap::new();
        let (mut cellvars, mut freevars) = (Vec::new(), Vec::new());
        let mut arg_cells = Vec::new();
        let mut is_generator = false;
        if let Some(s) = sc {
            is_generator = s.is_generator;
            if kind == CodeKind::Function {
                for p in &s.params {
                    let i = varnames.len() as u32;
                    locals.insert(p.clone(), i);
                    varnames.push(self.ctx.names.intern(p));
                }
                for n in &s.bound_order {
                    if s.is_local(n) && !locals.contains_key(n) {
                        let i = varnames.len() as u32;
                        locals.insert(n.clone(), i);
                        varnames.push(self.ctx.names.intern(n));
                    }
                }
            }
            for (i, n) in s.cells.iter().enumerate() {
                cells.insert(n.clone(), i as u32);
                cellvars.push(self.ctx.names.intern(n));
                if let Some(&slot) = locals.get(n) {
                    if s.params.contains(n) {
                        arg_cells.push((i as u32, slot));
                    }
                }
            }
            for (i, n) in s.frees.iter().enumerate() {
                cells.insert(n.clone(), (s.cells.len() + i) as u32);
                freevars.push(self.ctx.names.intern(n));
            }
        }
        let code = Code {
            name: name.into(),
            qualname: qualname.into(),
            source: self.source_index,
            kind,
            ops: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            varnames,
            cellvars,
            freevars,
            arg_cells,
            is_generator,
            is_coroutine: false,
            is_async_gen: false,
            is_iterable_coroutine: false,
            firstlineno: line,
            doc: None,
        };
        self.units.push(Unit {
            code,
            key,
            kind: sc.and_then(|s| s.kind),
            fblocks: Vec::new(),
            locals,
            cells,
            span: Span::default(),
            consts: HashMap::new(),
        });
    }

    fn pop_unit(&mut self) -> CodeId {
        let u = self.units.pop().expect("unit");
        self.ctx.add_code(u.code)
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.code.ops.push(op);
        u.code.spans.push(u.span);
        u.code.ops.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.unit().code.ops.len() as u32
    }

    fn patch(&mut self, at: usize, target: u32) {
        let op = &mut self.unit().code.ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(target),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::ForIter(_) => Op::ForIter(target),
            Op::SetupExcept(_) => Op::SetupExcept(target),
            Op::SetupFinally(_) => Op::SetupFinally(target),
            Op::SetupWith(_) => Op::SetupWith(target),
            other => other,
        };
    }

    fn set_span(&mut self, r: TextRange) {
        self.unit().span = Span {
            start: r.start().to_u32(),
            end: r.end().to_u32(),
            focus_start: 0,
            focus_end: 0,
        };
    }

    fn set_span_focus(&mut self, r: TextRange, focus: (u32, u32)) {
        self.unit().span = Span {
            start: r.start().to_u32(),
            end: r.end().to_u32(),
            focus_start: focus.0,
            focus_end: focus.1,
        };
    }

    fn const_index(&mut self, key: ConstKey, make: impl FnOnce(&mut Self) -> Value) -> u32 {
        if let Some(&i) = self.unit().consts.get(&key) {
            return i;
        }
        let v = make(self);
        let u = self.unit();
        let i = u.code.consts.len() as u32;
        u.code.consts.push(v);
        u.consts.insert(key, i);
        i
    }

    fn load_const(&mut self, v: Value) {
        let key = match v {
            Value::None => ConstKey::None,
            Value::Bool(b) => ConstKey::Bool(b),
            Value::Int(i) => ConstKey::Int(i),
            Value::Float(f) => ConstKey::Float(f.to_bits()),
            Value::Ellipsis => ConstKey::Ellipsis,
            _ => unreachable!("inline constants only"),
        };
        let i = self.const_index(key, |_| v);
        self.emit(Op::LoadConst(i));
    }

    fn str_const(&mut self, s: &str) -> u32 {
        self.const_index(ConstKey::Str(s.to_string()), |c| {
            Value::Obj(c.ctx.heap.alloc_immortal(Object::Str(s.into())))
        })
    }

    fn load_str(&mut self, s: &str) {
        let i = self.str_const(s);
        self.emit(Op::LoadConst(i));
    }

    fn names_const(&mut self, names: &[String]) -> u32 {
        self.const_index(ConstKey::Names(names.to_vec()), |c| {
            let items: Vec<Value> = names
                .iter()
                .map(|n| Value::Obj(c.ctx.heap.alloc_immortal(Object::Str(n.as_str().into()))))
                .collect();
            Value::Obj(c.ctx.heap.alloc_immortal(Object::Tuple(items.into())))
        })
    }

    fn err(&self, range: TextRange, msg: &str) -> SyntaxError {
        syntax_error(self.source, range, msg.to_string())
    }

    // ----- names -----

    fn name_op(&mut self, name: &str, ctx: Ctx3) -> Op {
        let sym = self.ctx.names.intern(name);
        let u = self.units.last().expect("unit");
        let s = &self.table.scopes[&u.key];
        let kind = u.kind.unwrap_or(ScopeKind::Module);
        if let Some(&c) = u.cells.get(name) {
            let class_bound =
                kind == ScopeKind::Class && s.bound.contains(name) && !s.nonlocals.contains(name);
            if !class_bound {
                return match ctx {
                    Ctx3::Load => Op::LoadDeref(c),
                    Ctx3::Store => Op::StoreDeref(c),
                    Ctx3::Del => Op::DeleteDeref(c),
                };
            }
        }
        match kind {
            // A name some nested scope declares `global` is a global of the
            // module's code too (CPython's symbol table marks it there).
            ScopeKind::Module
                if self.dynamic
                    && !self
                        .table
                        .scopes
                        .values()
                        .any(|sc| sc.globals.contains(name)) =>
            {
                match ctx {
                    Ctx3::Load => Op::LoadName(sym),
                    Ctx3::Store => Op::StoreName(sym),
                    Ctx3::Del => Op::DeleteName(sym),
                }
            }
            ScopeKind::Module => match ctx {
                Ctx3::Load => Op::LoadGlobal(sym),
                Ctx3::Store => Op::StoreGlobal(sym),
                Ctx3::Del => Op::DeleteGlobal(sym),
            },
            ScopeKind::Class => {
                if s.globals.contains(name) {
                    return match ctx {
                        Ctx3::Load => Op::LoadGlobal(sym),
                        Ctx3::Store => Op::StoreGlobal(sym),
                        Ctx3::Del => Op::DeleteGlobal(sym),
                    };
                }
                match ctx {
                    Ctx3::Load => Op::LoadName(sym),
                    Ctx3::Store => Op::StoreName(sym),
                    Ctx3::Del => Op::DeleteName(sym),
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if let Some(&i) = u.locals.get(name) {
                    return match ctx {
                        Ctx3::Load => Op::LoadFast(i),
                        Ctx3::Store => Op::StoreFast(i),
                        Ctx3::Del => Op::DeleteFast(i),
                    };
                }
                match ctx {
                    Ctx3::Load => Op::LoadGlobal(sym),
                    Ctx3::Store => Op::StoreGlobal(sym),
                    Ctx3::Del => Op::DeleteGlobal(sym),
                }
            }
        }
    }

    fn name(&mut self, name: &str, ctx: Ctx3) {
        let op = self.name_op(name, ctx);
        self.emit(op);
    }

    // ----- statements -----

    fn docstring(&mut self, body: &[Stmt]) {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                let i = self.str_const(s.value.to_str());
                self.unit().code.doc = Some(i);
            }
        }
    }

    fn body(&mut self, stmts: &'t [Stmt]) -> R {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)]
    fn stmt(&mut self, s: &'t Stmt) -> R {
        self.set_span(s.range());
        match s {
            Stmt::Expr(e) => {
                let hook = self.display_hook.filter(|_| self.units.len() == 1);
                if let Some(h) = hook {
                    self.emit(Op::LoadConst(h));
                }
                self.expr(&e.value)?;
                self.set_span(s.range());
                if hook.is_some() {
                    self.emit(Op::Call(1));
                }
                self.emit(Op::PopTop);
            }
            Stmt::Pass(_) => {
                self.emit(Op::Nop);
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::DupTop);
                    }
                    self.store(t)?;
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store(&a.target)?;
                }
                self.ann_assign_annotation(a)?;
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::Return(r) => {
                let kind = self.unit().kind;
                if matches!(kind, Some(ScopeKind::Module | ScopeKind::Class)) {
                    return Err(self.err(r.range, "'return' outside function"));
                }
                if r.value.is_some() && self.unit().code.is_async_gen {
                    return Err(self.err(r.range, "'return' with value in async generator"));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.set_span(s.range());
                self.unwind_for_return()?;
                self.emit(Op::Return);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.body(&i.body)?;
                let mut ends = Vec::new();
                let mut pending = Some(j);
                for clause in &i.elif_else_clauses {
                    ends.push(self.emit(Op::Jump(0)));
                    let here = self.here();
                    if let Some(p) = pending.take() {
                        self.patch(p, here);
                    }
                    if let Some(t) = &clause.test {
                        self.set_span(t.range());
                        self.expr(t)?;
                        pending = Some(self.emit(Op::PopJumpIfFalse(0)));
                    }
                    self.body(&clause.body)?;
                }
                let end = self.here();
                if let Some(p) = pending {
                    self.patch(p, end);
                }
                for e in ends {
                    self.patch(e, end);
                }
            }
            Stmt::While(w) => {
                let start = self.here();
                self.expr(&w.test)?;
                let exit = self.emit(Op::PopJumpIfFalse(0));
                self.unit().fblocks.push(FBlock::Loop {
                    start,
                    breaks: Vec::new(),
                });
                self.body(&w.body)?;
                self.set_span(w.test.range());
                self.emit(Op::Jump(start));
                let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
                    unreachable!()
                };
                let here = self.here();
                self.patch(exit, here);
                self.body(&w.orelse)?;
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    return self.async_for(f);
                }
                self.expr(&f.iter)?;
                self.set_span(f.iter.range());
                self.emit(Op::GetIter);
                let start = self.here();
                self.set_span(f.range);
                let fi = self.emit(Op::ForIter(0));
                self.store(&f.target)?;
                self.unit().fblocks.push(FBlock::ForLoop {
                    start,
                    breaks: Vec::new(),
                });
                self.body(&f.body)?;
                self.set_span(f.iter.range());
                self.emit(Op::Jump(start));
                let Some(FBlock::ForLoop { breaks, .. }) = self.unit().fblocks.pop() else {
                    unreachable!()
                };
                let here = self.here();
                self.patch(fi, here);
                self.body(&f.orelse)?;
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            Stmt::Break(b) => self.break_continue(b.range, true)?,
            Stmt::Continue(c) => self.break_continue(c.range, false)?,
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_span(s.range());
                self.emit(Op::Raise(n));
            }
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::With(w) => {
                if w.is_async {
                    self.async_with_items(&w.items, &w.body)?;
                } else {
                    self.with_items(&w.items, &w.body)?;
                }
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                let j = self.emit(Op::PopJumpIfTrue(0));
                self.set_span(s.range());
                self.emit(Op::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.set_span(s.range());
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                let here = self.here();
                self.patch(j, here);
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let full = a.name.id.to_string();
                    let sym = self.ctx.names.intern(&full);
                    self.emit(Op::ImportName(sym, 0));
                    if let Some(asname) = &a.asname {
                        // `import a.b as c` binds the submodule.
                        for part in full.split('.').skip(1) {
                            let p = self.ctx.names.intern(part);
                            self.emit(Op::ImportFrom(p));
                            self.emit(Op::RotTwo);
                            self.emit(Op::PopTop);
                        }
                        self.name(&asname.id, Ctx3::Store);
                    } else {
                        let top = full.split('.').next().unwrap_or("").to_string();
                        self.name(&top, Ctx3::Store);
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let module = i
                    .module
                    .as_ref()
                    .map_or(String::new(), |m| m.id.to_string());
                let sym = self.ctx.names.intern(&module);
                let listed: Vec<String> = i.names.iter().map(|a| a.name.id.to_string()).collect();
                let names = self.names_const(&listed);
                self.emit(Op::LoadConst(names));
                self.emit(Op::ImportName(sym, i.level | crate::code::IMPORT_FROMLIST));
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    self.emit(Op::ImportStar);
                    return Ok(());
                }
                for a in &i.names {
                    let n = self.ctx.names.intern(&a.name.id);
                    self.emit(Op::ImportFrom(n));
                    let bound = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.name(&bound, Ctx3::Store);
                }
                self.emit(Op::PopTop);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(t) => {
                return Err(self.err(t.range, "type aliases are not supported"));
            }
            Stmt::IpyEscapeCommand(c) => return Err(self.err(c.range, "invalid syntax")),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'t ast::StmtAugAssign) -> R {
        let op = binop(a.op);
        let focus = self.find_op(
            a.target.range().end().to_u32(),
            a.value.range().start().to_u32(),
        );
        match &*a.target {
            Expr::Name(n) => {
                self.set_span(n.range);
                self.name(&n.id, Ctx3::Load);
                self.expr(&a.value)?;
                self.set_span_focus(a.range, focus);
                self.emit(Op::Inplace(op));
                self.set_span(n.range);
                self.name(&n.id, Ctx3::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::DupTop);
                let s = self.ctx.names.intern(&at.attr.id);
                self.set_span(at.range);
                self.emit(Op::LoadAttr(s));
                self.expr(&a.value)?;
                self.set_span_focus(a.range, focus);
                self.emit(Op::Inplace(op));
                self.emit(Op::RotTwo);
                self.set_span(at.range);
                self.emit(Op::StoreAttr(s));
            }
            Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.expr(&sub.slice)?;
                self.emit(Op::DupTop2);
                self.set_span(sub.range);
                self.emit(Op::Subscript);
                self.expr(&a.value)?;
                self.set_span_focus(a.range, focus);
                self.emit(Op::Inplace(op));
                self.emit(Op::RotThree);
                self.set_span(sub.range);
                self.emit(Op::StoreSubscr);
            }
            other => {
                return Err(self.err(other.range(), "illegal expression for augmented assignment"))
            }
        }
        Ok(())
    }

    /// Emits the exits of every block up to (not including) the innermost loop.
    fn break_continue(&mut self, range: TextRange, is_break: bool) -> R {
        let n = self.unit().fblocks.len();
        let mut idx = None;
        for i in (0..n).rev() {
            if matches!(
                self.unit().fblocks[i],
                FBlock::Loop { .. } | FBlock::ForLoop { .. }
            ) {
                idx = Some(i);
                break;
            }
        }
        let Some(li) = idx else {
            let what = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.err(range, what));
        };
        self.unwind_blocks(li + 1, false)?;
        self.set_span(range);
        let is_for = matches!(self.unit().fblocks[li], FBlock::ForLoop { .. });
        if is_break {
            if is_for {
                self.emit(Op::PopTop);
            }
            let j = self.emit(Op::Jump(0));
            match &mut self.unit().fblocks[li] {
                FBlock::Loop { breaks, .. } | FBlock::ForLoop { breaks, .. } => breaks.push(j),
                _ => unreachable!(),
            }
        } else {
            let start = match &self.unit().fblocks[li] {
                FBlock::Loop { start, .. } | FBlock::ForLoop { start, .. } => *start,
                _ => unreachable!(),
            };
            self.emit(Op::Jump(start));
        }
        Ok(())
    }

    fn unwind_for_return(&mut self) -> R {
        self.unwind_blocks(0, true)
    }

    /// Leaves blocks `fblocks[down_to..]` innermost first. With `keep_top`,
    /// a value on the stack (the return value) is preserved across them.
    fn unwind_blocks(&mut self, down_to: usize, keep_top: bool) -> R {
        let saved: Vec<FBlock<'t>> = self.unit().fblocks.drain(down_to..).collect();
        let mut result = Ok(());
        for (i, fb) in saved.iter().enumerate().rev() {
            match fb {
                FBlock::Loop { .. } => {}
                FBlock::ForLoop { .. } => {
                    if keep_top {
                        self.emit(Op::RotTwo);
                    }
                    self.emit(Op::PopTop);
                }
                FBlock::TryExcept => {
                    self.emit(Op::PopBlock);
                }
                FBlock::Finally(body) => {
                    self.emit(Op::PopBlock);
                    // The finally body runs with the outer blocks in force.
                    let inner_saved: Vec<FBlock<'t>> = saved[..i]
                        .iter()
                        .map(|b| match b {
                            FBlock::Loop { start, .. } => FBlock::Loop {
                                start: *start,
                                breaks: Vec::new(),
                            },
                            FBlock::ForLoop { start, .. } => FBlock::ForLoop {
                                start: *start,
                                breaks: Vec::new(),
                            },
                            FBlock::TryExcept => FBlock::TryExcept,
                            FBlock::Finally(b) => FBlock::Finally(b),
                            FBlock::With => FBlock::With,
                            FBlock::AsyncWith => FBlock::AsyncWith,
                            FBlock::Handler(n) => FBlock::Handler(n.clone()),
                        })
                        .collect();
                    let base = self.unit().fblocks.len();
                    self.unit().fblocks.extend(inner_saved);
                    if let Err(e) = self.body(body) {
                        result = Err(e);
                    }
                    self.unit().fblocks.truncate(base);
                }
                FBlock::With => {
                    self.emit(Op::PopBlock);
                    if keep_top {
                        self.emit(Op::RotTwo);
                    }
                    self.emit(Op::WithExitNormal);
                    self.emit(Op::PopTop);
                }
                FBlock::AsyncWith => {
                    self.emit(Op::PopBlock);
                    if keep_top {
                        self.emit(Op::RotTwo);
                    }
                    self.emit(Op::WithExitNormal);
                    self.emit_await();
                    self.emit(Op::PopTop);
                }
                FBlock::Handler(name) => {
                    self.emit(Op::PopExcept);
                    if let Some(n) = name {
                        self.load_const(Value::None);
                        self.name(n, Ctx3::Store);
                        self.name(n, Ctx3::Del);
                    }
                }
            }
        }
        // Breaks recorded on loops that were drained must survive: put the
        // original blocks back.
        self.unit().fblocks.extend(saved);
        result
    }

    fn try_stmt(&mut self, t: &'t ast::StmtTry) -> R {
        if t.is_star {
            return Err(self.err(t.range, "except* is not supported"));
        }
        let has_finally = !t.finalbody.is_empty();
        let mut fin_setup = None;
        if has_finally {
            fin_setup = Some(self.emit(Op::SetupFinally(0)));
            self.unit().fblocks.push(FBlock::Finally(&t.finalbody));
        }
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            let setup = self.emit(Op::SetupExcept(0));
            self.unit().fblocks.push(FBlock::TryExcept);
            self.body(&t.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.body(&t.orelse)?;
            let to_end = self.emit(Op::Jump(0));
            let handler = self.here();
            self.patch(setup, handler);
            let mut ends = vec![to_end];
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                self.set_span(h.range);
                let mut next = None;
                if let Some(ty) = &h.type_ {
                    self.expr(ty)?;
                    self.set_span(h.range);
                    self.emit(Op::ExcMatch);
                    next = Some(self.emit(Op::PopJumpIfFalse(0)));
                }
                let name = h.name.as_ref().map(|n| n.id.to_string());
                match &name {
                    Some(n) => self.name(n, Ctx3::Store),
                    None => {
                        self.emit(Op::PopTop);
                    }
                }
                self.unit().fblocks.push(FBlock::Handler(name.clone()));
                self.body(&h.body)?;
                self.unit().fblocks.pop();
                self.emit(Op::PopExcept);
                if let Some(n) = &name {
                    self.load_const(Value::None);
                    self.name(n, Ctx3::Store);
                    self.name(n, Ctx3::Del);
                }
                ends.push(self.emit(Op::Jump(0)));
                if let Some(nx) = next {
                    let here = self.here();
                    self.patch(nx, here);
                }
            }
            self.emit(Op::Reraise);
            let end = self.here();
            for e in ends {
                self.patch(e, end);
            }
        }
        if has_finally {
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.body(&t.finalbody)?;
            let j = self.emit(Op::Jump(0));
            let h = self.here();
            if let Some(fs) = fin_setup {
                self.patch(fs, h);
            }
            // Exceptional path: the exception is on the stack and being handled.
            self.unit().fblocks.push(FBlock::Handler(None));
            self.body(&t.finalbody)?;
            self.unit().fblocks.pop();
            self.emit(Op::Reraise);
            let end = self.here();
            self.patch(j, end);
        }
        Ok(())
    }

    fn with_items(&mut self, items: &'t [ast::WithItem], body: &'t [Stmt]) -> R {
        let Some((first, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&first.context_expr)?;
        self.set_span(first.context_expr.range());
        self.emit(Op::BeforeWith);
        let setup = self.emit(Op::SetupWith(0));
        match &first.optional_vars {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::PopTop);
            }
        }
        self.unit().fblocks.push(FBlock::With);
        self.with_items(rest, body)?;
        self.unit().fblocks.pop();
        self.set_span(first.context_expr.range());
        self.emit(Op::PopBlock);
        self.emit(Op::WithExitNormal);
        self.emit(Op::PopTop);
        let j = self.emit(Op::Jump(0));
        let h = self.here();
        self.patch(setup, h);
        self.emit(Op::WithExceptStart);
        let sw = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        let swallow = self.here();
        self.patch(sw, swallow);
        self.emit(Op::PopTop);
        self.emit(Op::PopExcept);
        self.emit(Op::PopTop);
        let end = self.here();
        self.patch(j, end);
        Ok(())
    }

    fn qualname_for(&self, name: &str) -> String {
        // Enclosing function scopes add `<locals>`; classes add their name.
        let mut parts: Vec<String> = Vec::new();
        for u in &self.units[1..] {
            let q = &u.code.qualname;
            parts.clear();
            parts.push(q.to_string());
            if u.code.kind == CodeKind::Function {
                parts.push("<locals>".to_string());
            }
        }
        if parts.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", parts.join("."))
        }
    }

    fn function_def(&mut self, f: &'t ast::StmtFunctionDef) -> R {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let key = f.range.start().to_u32();
        let line = self.line_of(f.name.range.start().to_u32());
        let qual = self.qualname_for(&f.name.id);
        self.set_span(f.range);
        let mut flags = self.defaults(&f.parameters)?;
        flags |= self.function_annotations(&f.parameters, f.returns.as_deref())?;
        self.push_unit(key, &f.name.id, &qual, CodeKind::Function, line);
        if f.is_async {
            self.mark_coroutine(f)?;
        }
        self.signature(&f.parameters);
        self.docstring(&f.body);
        self.body(&f.body)?;
        self.load_const(Value::None);
        self.emit(Op::Return);
        self.finish_function(flags, f.range)?;
        for d in f.decorator_list.iter().rev() {
            self.set_span(d.range);
            self.emit(Op::Call(1));
        }
        self.set_span(f.range);
        self.name(&f.name.id, Ctx3::Store);
        Ok(())
    }

    fn signature(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.code.posonly = p.posonlyargs.len() as u32;
        u.code.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.code.kwonly = p.kwonlyargs.len() as u32;
        u.code.varargs = p.vararg.is_some();
        u.code.varkw = p.kwarg.is_some();
    }

    /// Emits default tuples for a function about to be made; returns flags.
    fn defaults(&mut self, p: &'t ast::Parameters) -> Result<u32, SyntaxError> {
        let mut flags = 0;
        let defs: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defs.is_empty() {
            for d in &defs {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defs.len() as u32));
            flags |= 1;
        }
        let kw: Vec<(&str, &Expr)> = p
            .kwonlyargs
            .iter()
            .filter_map(|a| a.default.as_deref().map(|d| (&*a.parameter.name.id, d)))
            .collect();
        if !kw.is_empty() {
            for (n, d) in &kw {
                self.load_str(n);
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kw.len() as u32));
            flags |= 2;
        }
        Ok(flags)
    }

    /// Pops the finished unit and emits `MakeFunction` for it in the parent.
    fn finish_function(&mut self, mut flags: u32, range: TextRange) -> R {
        let frees: Vec<String> = self.table.scopes[&self.unit().key].frees.clone();
        let id = self.pop_unit();
        self.set_span(range);
        if !frees.is_empty() {
            for f in &frees {
                let found = self.unit().cells.get(f).copied();
                let Some(idx) = found else {
                    return Err(syntax_error(
                        self.source,
                        range,
                        format!("no binding for nonlocal '{f}' found"),
                    ));
                };
                self.emit(Op::LoadClosure(idx));
            }
            self.emit(Op::BuildTuple(frees.len() as u32));
            flags |= 8;
        }
        self.emit(Op::MakeFunction(id.0, flags));
        Ok(())
    }

    fn class_def(&mut self, c: &'t ast::StmtClassDef) -> R {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let key = c.range.start().to_u32();
        let line = self.line_of(c.name.range.start().to_u32());
        let qual = self.qualname_for(&c.name.id);
        self.push_unit(key, &c.name.id, &qual, CodeKind::Class, line);
        let module_sym = self.ctx.names.intern("__name__");
        self.emit(Op::LoadGlobal(module_sym));
        let m = self.ctx.names.intern("__module__");
        self.emit(Op::StoreName(m));
        self.load_str(&qual);
        let q = self.ctx.names.intern("__qualname__");
        self.emit(Op::StoreName(q));
        self.docstring(&c.body);
        if let Some(d) = self.unit().code.doc {
            self.emit(Op::LoadConst(d));
            let ds = self.ctx.names.intern("__doc__");
            self.emit(Op::StoreName(ds));
        }
        self.setup_annotations(&c.body);
        self.body(&c.body)?;
        if let Some(&cell) = self.unit().cells.get("__class__") {
            self.emit(Op::LoadClosure(cell));
            self.emit(Op::StoreName(crate::intern::sym::CLASS_CELL));
        }
        self.load_const(Value::None);
        self.emit(Op::Return);
        self.finish_function(0, c.range)?;
        let mut n = 0;
        let mut nkw = 0;
        if let Some(args) = &c.arguments {
            for a in &args.args {
                self.expr(a)?;
                n += 1;
            }
            for k in &args.keywords {
                let Some(arg) = &k.arg else {
                    return Err(self.err(k.range, "'**' in a class statement is not supported"));
                };
                self.load_str(&arg.id);
                self.expr(&k.value)?;
                nkw += 1;
            }
        }
        self.set_span(c.range);
        if nkw > 0 {
            self.emit(Op::BuildMap(nkw));
            self.emit(Op::BuildClassKw(n));
        } else {
            self.emit(Op::BuildClass(n));
        }
        for d in c.decorator_list.iter().rev() {
            self.set_span(d.range);
            self.emit(Op::Call(1));
        }
        self.set_span(c.range);
        self.name(&c.name.id, Ctx3::Store);
        Ok(())
    }

    // ----- targets -----

    fn store(&mut self, t: &'t Expr) -> R {
        match t {
            Expr::Name(n) => {
                self.set_span(n.range);
                self.name(&n.id, Ctx3::Store);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let s = self.ctx.names.intern(&a.attr.id);
                self.set_span(a.range);
                self.emit(Op::StoreAttr(s));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_span(s.range);
                self.emit(Op::StoreSubscr);
            }
            Expr::Tuple(_) | Expr::List(_) => {
                let elts = match t {
                    Expr::Tuple(x) => &x.elts,
                    Expr::List(x) => &x.elts,
                    _ => unreachable!(),
                };
                self.set_span(t.range());
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                match star {
                    Some(i) => {
                        let after = elts.len() - i - 1;
                        self.emit(Op::UnpackEx(i as u32, after as u32));
                    }
                    None => {
                        self.emit(Op::UnpackSequence(elts.len() as u32));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store(&s.value)?,
                        other => self.store(other)?,
                    }
                }
            }
            Expr::Starred(s) => {
                return Err(self.err(
                    s.range,
                    "starred assignment target must be in a list or tuple",
                ))
            }
            other => return Err(self.err(other.range(), "cannot assign to expression")),
        }
        Ok(())
    }

    fn delete(&mut self, t: &'t Expr) -> R {
        self.set_span(t.range());
        match t {
            Expr::Name(n) => self.name(&n.id, Ctx3::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let s = self.ctx.names.intern(&a.attr.id);
                self.set_span(a.range);
                self.emit(Op::DeleteAttr(s));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_span(s.range);
                self.emit(Op::DeleteSubscr);
            }
            Expr::Tuple(x) => {
                for e in &x.elts {
                    self.delete(e)?;
                }
            }
            Expr::List(x) => {
                for e in &x.elts {
                    self.delete(e)?;
                }
            }
            other => return Err(self.err(other.range(), "cannot delete expression")),
        }
        Ok(())
    }

    // ----- expressions -----

    /// Finds the operator token between two offsets (skipping brackets and spaces).
    fn find_op(&self, from: u32, to: u32) -> (u32, u32) {
        let bytes = self.source.as_bytes();
        let (mut i, to) = (from as usize, (to as usize).min(bytes.len()));
        while i < to {
            let b = bytes[i];
            if b == b'#' {
                while i < to && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            if b.is_ascii_whitespace() || b == b')' || b == b'(' || b == b'\\' {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < to
                && !bytes[j].is_ascii_whitespace()
                && bytes[j] != b'('
                && !bytes[j].is_ascii_alphanumeric()
                && bytes[j] != b'_'
                && bytes[j] != b'"'
                && bytes[j] != b'\''
                && bytes[j] != b'['
                && bytes[j] != b'-'
                || (j == i && j < to)
            {
                j += 1;
                if j < to && bytes[j] == b'=' && j == i + 1 && bytes[i] != b'=' {
                    j += 1;
                    break;
                }
                if j - i >= 2 {
                    break;
                }
            }
            return (i as u32, j as u32);
        }
        (from, from)
    }

    fn exprs(&mut self, es: &'t [Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)]
    fn expr(&mut self, e: &'t Expr) -> R {
        let saved = self.unit().span;
        self.set_span(e.range());
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => {
                    if let Some(v) = i.as_i64() {
                        self.load_const(Value::Int(v));
                    } else {
                        let text = i.to_string();
                        let big = parse_int_text(&text)
                            .ok_or_else(|| self.err(n.range, "invalid integer literal"))?;
                        let idx = self.const_index(ConstKey::Big(text), |c| {
                            Value::Obj(c.ctx.heap.alloc_immortal(Object::BigInt(big)))
                        });
                        self.emit(Op::LoadConst(idx));
                    }
                }
                ast::Number::Float(f) => self.load_const(Value::Float(*f)),
                ast::Number::Complex { real, imag } => {
                    let (re, im) = (*real, *imag);
                    self.ctx.complex_used = true;
                    let idx = self
                        .const_index(ConstKey::Complex(re.to_bits(), im.to_bits()), |c| {
                            Value::Obj(c.ctx.heap.alloc_immortal(Object::Complex(re, im)))
                        });
                    self.emit(Op::LoadConst(idx));
                }
            },
            Expr::StringLiteral(s) => {
                let text = s.value.to_str().to_string();
                self.load_str(&text);
            }
            Expr::BytesLiteral(b) => {
                let data: Vec<u8> = b.value.bytes().collect();
                let i = self.const_index(ConstKey::Bytes(data.clone()), |c| {
                    Value::Obj(c.ctx.heap.alloc_immortal(Object::Bytes(data.into())))
                });
                self.emit(Op::LoadConst(i));
            }
            Expr::BooleanLiteral(b) => self.load_const(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Value::None),
            Expr::EllipsisLiteral(_) => self.load_const(Value::Ellipsis),
            Expr::Name(n) => {
                if &*n.id == "__debug__" {
                    self.load_const(Value::Bool(true));
                } else {
                    self.name(&n.id, Ctx3::Load);
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                let focus = self.find_op(
                    b.left.range().end().to_u32(),
                    b.right.range().start().to_u32(),
                );
                self.set_span_focus(b.range, focus);
                self.emit(Op::Binary(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                // `-1`, `-2.5`: folded into a constant, as CPython does.
                if u.op == ast::UnaryOp::USub {
                    if let Expr::NumberLiteral(n) = &*u.operand {
                        let folded = match &n.value {
                            ast::Number::Int(i) => {
                                i.as_i64().and_then(i64::checked_neg).map(Value::Int)
                            }
                            ast::Number::Float(f) => Some(Value::Float(-*f)),
                            ast::Number::Complex { .. } => None,
                        };
                        if let Some(v) = folded {
                            self.load_const(v);
                            self.unit().span = saved;
                            return Ok(());
                        }
                    }
                }
                self.expr(&u.operand)?;
                self.set_span(u.range);
                self.emit(Op::Unary(match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                }));
            }
            Expr::BoolOp(b) => {
                let mut jumps = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        let op = match b.op {
                            ast::BoolOp::And => Op::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Op::JumpIfTrueOrPop(0),
                        };
                        jumps.push(self.emit(op));
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.expr(&i.body)?;
                let k = self.emit(Op::Jump(0));
                let here = self.here();
                self.patch(j, here);
                self.expr(&i.orelse)?;
                let end = self.here();
                self.patch(k, end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::DupTop);
                self.store(&n.target)?;
            }
            Expr::Tuple(t) => self.sequence(&t.elts, Seq::Tuple)?,
            Expr::List(l) => self.sequence(&l.elts, Seq::List)?,
            Expr::Set(s) => self.sequence(&s.elts, Seq::Set)?,
            Expr::Dict(d) => {
                let has_splat = d.items.iter().any(|it| it.key.is_none());
                if has_splat {
                    self.emit(Op::BuildMap(0));
                    for it in &d.items {
                        match &it.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&it.value)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(&it.value)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for it in &d.items {
                        if let Some(k) = &it.key {
                            self.expr(k)?;
                        }
                        self.expr(&it.value)?;
                    }
                    self.set_span(d.range);
                    self.emit(Op::BuildMap(d.items.len() as u32));
                }
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let s = self.ctx.names.intern(&a.attr.id);
                self.set_span(a.range);
                self.emit(Op::LoadAttr(s));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                let focus = (s.value.range().end().to_u32(), s.range.end().to_u32());
                self.set_span_focus(s.range, focus);
                self.emit(Op::Subscript);
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                if let Some(st) = &s.step {
                    self.expr(st)?;
                    self.emit(Op::BuildSlice(3));
                } else {
                    self.emit(Op::BuildSlice(2));
                }
            }
            Expr::Call(c) => self.call(c)?,
            Expr::Lambda(l) => {
                let key = l.range.start().to_u32();
                let line = self.line_of(key);
                let qual = self.qualname_for("<lambda>");
                let empty = ast::Parameters::default();
                let params: &ast::Parameters = l.parameters.as_deref().unwrap_or(&empty);
                let flags = match &l.parameters {
                    Some(p) => self.defaults(p)?,
                    None => 0,
                };
                self.push_unit(key, "<lambda>", &qual, CodeKind::Function, line);
                self.signature(params);
                self.expr(&l.body)?;
                self.emit(Op::Return);
                self.finish_function(flags, l.range)?;
            }
            Expr::ListComp(c) => {
                self.comprehension(c.range, "<listcomp>", &c.generators, CompKind::List(&c.elt))?
            }
            Expr::SetComp(c) => {
                self.comprehension(c.range, "<setcomp>", &c.generators, CompKind::Set(&c.elt))?
            }
            Expr::DictComp(c) => {
                let Some(k) = &c.key else {
                    return Err(self.err(
                        c.range,
                        "dict unpacking cannot be used in dict comprehension",
                    ));
                };
                self.comprehension(
                    c.range,
                    "<dictcomp>",
                    &c.generators,
                    CompKind::Dict(k, &c.value),
                )?;
            }
            Expr::Generator(c) => {
                self.comprehension(c.range, "<genexpr>", &c.generators, CompKind::Gen(&c.elt))?
            }
            Expr::Yield(y) => {
                if !matches!(
                    self.unit().kind,
                    Some(ScopeKind::Function | ScopeKind::Comprehension)
                ) {
                    return Err(self.err(y.range, "'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.set_span(y.range);
                self.emit(Op::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if !matches!(
                    self.unit().kind,
                    Some(ScopeKind::Function | ScopeKind::Comprehension)
                ) {
                    return Err(self.err(y.range, "'yield' outside function"));
                }
                if self.unit().code.is_coroutine {
                    return Err(self.err(y.range, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.set_span(y.range);
                self.emit(Op::GetYieldFromIter);
                self.load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            Expr::Await(a) => self.await_expr(a)?,
            Expr::FString(f) => {
                let mut n = 0;
                for part in &f.value {
                    match part {
                        ast::FStringPart::Literal(l) => {
                            self.load_str(&l.value);
                            n += 1;
                        }
                        ast::FStringPart::FString(fs) => {
                            n += self.fstring_elements(&fs.elements)?
                        }
                    }
                }
                self.set_span(f.range);
                if n != 1 {
                    self.emit(Op::BuildString(n));
                }
            }
            Expr::TString(t) => return Err(self.err(t.range, "template strings are not supported")),
            Expr::Starred(s) => return Err(self.err(s.range, "can't use starred expression here")),
            Expr::IpyEscapeCommand(c) => return Err(self.err(c.range, "invalid syntax")),
        }
        self.unit().span = saved;
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        els: &'t ast::InterpolatedStringElements,
    ) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for el in els {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_str(&l.value);
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(dt) = &i.debug_text {
                        let expr_text = &self.source[i.expression.range().start().to_usize()
                            ..i.expression.range().end().to_usize()];
                        let text = format!("{}{}{}", dt.leading(), expr_text, dt.trailing());
                        self.load_str(&text);
                        n += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    if let Some(spec) = &i.format_spec {
                        let k = self.fstring_elements(&spec.elements)?;
                        if k != 1 {
                            self.emit(Op::BuildString(k));
                        }
                        conv |= 4;
                    }
                    self.set_span(i.range);
                    self.emit(Op::FormatValue(conv));
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    fn compare(&mut self, c: &'t ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        let mut cleanup = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(Op::DupTop);
                self.emit(Op::RotThree);
            }
            self.set_span(c.range);
            self.emit(match op {
                ast::CmpOp::Eq => Op::Compare(CmpOp::Eq),
                ast::CmpOp::NotEq => Op::Compare(CmpOp::Ne),
                ast::CmpOp::Lt => Op::Compare(CmpOp::Lt),
                ast::CmpOp::LtE => Op::Compare(CmpOp::Le),
                ast::CmpOp::Gt => Op::Compare(CmpOp::Gt),
                ast::CmpOp::GtE => Op::Compare(CmpOp::Ge),
                ast::CmpOp::Is => Op::Is(false),
                ast::CmpOp::IsNot => Op::Is(true),
                ast::CmpOp::In => Op::In(false),
                ast::CmpOp::NotIn => Op::In(true),
            });
            if i + 1 < n {
                cleanup.push(self.emit(Op::JumpIfFalseOrPop(0)));
            }
        }
        if !cleanup.is_empty() {
            let j = self.emit(Op::Jump(0));
            let here = self.here();
            for c in cleanup {
                self.patch(c, here);
            }
            self.emit(Op::RotTwo);
            self.emit(Op::PopTop);
            let end = self.here();
            self.patch(j, end);
        }
        Ok(())
    }

    fn sequence(&mut self, elts: &'t [Expr], kind: Seq) -> R {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            self.exprs(elts)?;
            let n = elts.len() as u32;
            self.emit(match kind {
                Seq::Tuple => Op::BuildTuple(n),
                Seq::List => Op::BuildList(n),
                Seq::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        let set = kind == Seq::Set;
        self.emit(if set {
            Op::BuildSet(0)
        } else {
            Op::BuildList(0)
        });
        for e in elts {
            if let Expr::Starred(s) = e {
                self.expr(&s.value)?;
                self.emit(if set {
                    Op::SetUpdate(1)
                } else {
                    Op::ListExtend(1)
                });
            } else {
                self.expr(e)?;
                self.emit(if set {
                    Op::SetAdd(1)
                } else {
                    Op::ListAppend(1)
                });
            }
        }
        if kind == Seq::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn call(&mut self, c: &'t ast::ExprCall) -> R {
        let args = &c.arguments;
        let has_star = args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || args.keywords.iter().any(|k| k.arg.is_none());
        let range = c.range();
        // Zero-argument super() needs the class cell and the first argument.
        if let Expr::Name(n) = &*c.func {
            if &*n.id == "super" && args.args.is_empty() && args.keywords.is_empty() {
                self.name("super", Ctx3::Load);
                let first = self.table.scopes[&self.unit().key].params.first().cloned();
                let has_cell = self.unit().cells.contains_key("__class__");
                if let (Some(first), true) = (first, has_cell) {
                    self.name("__class__", Ctx3::Load);
                    self.name(&first, Ctx3::Load);
                    self.set_span(range);
                    self.emit(Op::Call(2));
                } else {
                    self.set_span(range);
                    self.emit(Op::Call(0));
                }
                return Ok(());
            }
        }
        if !has_star && args.keywords.is_empty() {
            if let Expr::Attribute(a) = &*c.func {
                self.expr(&a.value)?;
                let s = self.ctx.names.intern(&a.attr.id);
                self.set_span(a.range);
                self.emit(Op::LoadMethod(s));
                self.exprs(&args.args)?;
                self.set_span(range);
                self.emit(Op::CallMethod(args.args.len() as u32));
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        if has_star {
            if let [Expr::Starred(s)] = &args.args[..] {
                // A lone `*iterable` goes as it is: CallEx takes any iterable.
                self.expr(&s.value)?;
            } else {
                self.emit(Op::BuildList(0));
                for a in &args.args {
                    if let Expr::Starred(s) = a {
                        self.expr(&s.value)?;
                        self.emit(Op::ListExtend(1));
                    } else {
                        self.expr(a)?;
                        self.emit(Op::ListAppend(1));
                    }
                }
                self.emit(Op::ListToTuple);
            }
            if args.keywords.is_empty() {
                self.emit(Op::LoadConst(0)).to_string();
                // Replace the placeholder with an explicit "no kwargs" marker.
                let last = self.unit().code.ops.len() - 1;
                self.unit().code.ops[last] = Op::BuildMap(0);
            } else {
                self.emit(Op::BuildMap(0));
                let mut after_double_star = false;
                for k in &args.keywords {
                    match &k.arg {
                        // After a `**`, a named keyword is merged too, so a
                        // key the mapping gave is reported as repeated.
                        Some(name) if after_double_star => {
                            self.load_str(&name.id);
                            self.expr(&k.value)?;
                            self.emit(Op::BuildMap(1));
                            self.emit(Op::DictUpdate(1 | crate::callargs::CALL_MERGE));
                        }
                        Some(name) => {
                            self.load_str(&name.id);
                            self.expr(&k.value)?;
                            self.emit(Op::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Op::DictUpdate(1 | crate::callargs::CALL_MERGE));
                            after_double_star = true;
                        }
                    }
                }
            }
            self.set_span(range);
            self.emit(Op::CallEx);
            return Ok(());
        }
        self.exprs(&args.args)?;
        if args.keywords.is_empty() {
            self.set_span(range);
            self.emit(Op::Call(args.args.len() as u32));
        } else {
            let mut names = Vec::new();
            for k in &args.keywords {
                self.expr(&k.value)?;
                names.push(k.arg.as_ref().map(|n| n.id.to_string()).unwrap_or_default());
            }
            let idx = self.names_const(&names);
            self.set_span(range);
            self.emit(Op::CallKw((args.args.len() + names.len()) as u32, idx));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        range: TextRange,
        name: &str,
        gens: &'t [ast::Comprehension],
        kind: CompKind<'t>,
    ) -> R {
        let key = range.start().to_u32();
        let line = self.line_of(key);
        let qual = self.qualname_for(name);
        let Some(first) = gens.first() else {
            return Err(self.err(range, "invalid comprehension"));
        };
        let is_gen = matches!(kind, CompKind::Gen(_));
        let is_async = asyncs::comprehension_is_async(gens, kind.exprs());
        if is_async && !is_gen && !self.in_async_function() {
            let mut e = self.err(
                range,
                "asynchronous comprehension outside of an asynchronous function",
            );
            e.carets = e.end_col.saturating_sub(e.col).max(1);
            return Err(e);
        }
        self.push_unit(key, name, &qual, CodeKind::Function, line);
        self.unit().code.argcount = 1;
        if is_async {
            let code = &mut self.unit().code;
            code.is_coroutine = true;
            code.is_async_gen = is_gen;
            code.is_generator = true;
        }
        match kind {
            CompKind::List(_) => {
                self.emit(Op::BuildList(0));
            }
            CompKind::Set(_) => {
                self.emit(Op::BuildSet(0));
            }
            CompKind::Dict(..) => {
                self.emit(Op::BuildMap(0));
            }
            CompKind::Gen(_) => {}
        }
        self.emit(Op::LoadFast(0));
        let mut loops = Vec::new();
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
                self.set_span(g.iter.range());
                self.emit(if g.is_async {
                    Op::Async(crate::code::AsyncOp::GetAIter)
                } else {
                    Op::GetIter
                });
            }
            let start = self.here();
            self.set_span(g.iter.range());
            let fi = if g.is_async {
                self.async_comp_next(range)
            } else {
                CompLoop::Sync(self.emit(Op::ForIter(0)))
            };
            self.store(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
                self.emit(Op::PopJumpIfFalse(start));
            }
            loops.push((start, fi));
        }
        let depth = gens.len() as u32 + 1;
        match kind {
            CompKind::List(e) => {
                self.expr(e)?;
                self.emit(Op::ListAppend(depth));
            }
            CompKind::Set(e) => {
                self.expr(e)?;
                self.emit(Op::SetAdd(depth));
            }
            CompKind::Dict(k, v) => {
                self.expr(k)?;
                self.expr(v)?;
                self.emit(Op::MapAdd(depth));
            }
            CompKind::Gen(e) => {
                self.expr(e)?;
                self.emit(Op::YieldValue);
                self.emit(Op::PopTop);
            }
        }
        for (start, fi) in loops.into_iter().rev() {
            self.emit(Op::Jump(start));
            match fi {
                CompLoop::Sync(fi) => {
                    let here = self.here();
                    self.patch(fi, here);
                }
                CompLoop::Async(setup) => self.async_comp_end(setup, range),
            }
        }
        if matches!(kind, CompKind::Gen(_)) {
            self.load_const(Value::None);
        }
        self.emit(Op::Return);
        self.finish_function(0, range)?;
        self.expr(&first.iter)?;
        self.set_span(first.iter.range());
        self.emit(if first.is_async {
            Op::Async(crate::code::AsyncOp::GetAIter)
        } else {
            Op::GetIter
        });
        self.set_span(range);
        self.emit(Op::Call(1));
        if is_async && !is_gen {
            self.emit_await();
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    Tuple,
    List,
    Set,
}

#[derive(Clone, Copy)]
pub(super) enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

impl<'a> CompKind<'a> {
    /// The element expressions.
    fn exprs(self) -> Vec<&'a Expr> {
        match self {
            CompKind::List(e) | CompKind::Set(e) | CompKind::Gen(e) => vec![e],
            CompKind::Dict(k, v) => vec![k, v],
        }
    }
}

/// How one loop of a comprehension ends: the `ForIter` to patch, or the
/// `SetupExcept` of an `async for` loop.
pub(super) enum CompLoop {
    Sync(usize),
    Async(usize),
}

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn parse_int_text(text: &str) -> Option<num_bigint::BigInt> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix)
}
