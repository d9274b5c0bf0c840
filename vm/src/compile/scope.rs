//! Symbol-table pass: decides for every name in every scope whether it is a
//! fast local, a cell, a free variable, a global or a class-namespace name.
//! Scopes are keyed by the start offset of the node that opens them.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;
use std::collections::{BTreeMap, BTreeSet};

/// What kind of scope a node opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module.
    Module,
    /// A class body.
    Class,
    /// A function or lambda.
    Function,
    /// A comprehension or generator expression.
    Comprehension,
}

/// Facts about one scope.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    /// Kind (None only transiently).
    pub kind: Option<ScopeKind>,
    /// Parameters in order.
    pub params: Vec<String>,
    /// Names bound in this scope.
    pub bound: BTreeSet<String>,
    /// Names bound, in first-binding order.
    pub bound_order: Vec<String>,
    /// Names used (loaded).
    pub used: BTreeSet<String>,
    /// `global` declarations.
    pub globals: BTreeSet<String>,
    /// `nonlocal` declarations.
    pub nonlocals: BTreeSet<String>,
    /// Contains `yield`.
    pub is_generator: bool,
    /// Child scopes (keys).
    pub children: Vec<u32>,
    /// Parent scope key.
    pub parent: Option<u32>,
    /// Names resolved as cells (captured by children).
    pub cells: Vec<String>,
    /// Names resolved as free (captured from parents).
    pub frees: Vec<String>,
    /// Uses `super()` or `__class__` (needs the class cell).
    pub uses_class_cell: bool,
}

impl Scope {
    fn bind(&mut self, name: &str) {
        if self.bound.insert(name.to_string()) {
            self.bound_order.push(name.to_string());
        }
    }

    /// True if the name is a local of this (function) scope.
    #[must_use]
    pub fn is_local(&self, name: &str) -> bool {
        self.bound.contains(name) && !self.globals.contains(name) && !self.nonlocals.contains(name)
    }
}

/// All scopes of a module.
#[derive(Debug, Default)]
pub struct ScopeTable {
    /// Scopes by key.
    pub scopes: BTreeMap<u32, Scope>,
}

/// The key of the module scope.
pub const MODULE_KEY: u32 = u32::MAX;

struct Builder<'t> {
    table: &'t mut ScopeTable,
    stack: Vec<u32>,
}

impl Builder<'_> {
    fn cur(&mut self) -> &mut Scope {
        let k = *self.stack.last().expect("scope");
        self.table.scopes.get_mut(&k).expect("scope")
    }

    fn open(&mut self, key: u32, kind: ScopeKind) {
        let parent = self.stack.last().copied();
        if let Some(p) = parent {
            self.table
                .scopes
                .get_mut(&p)
                .expect("parent")
                .children
                .push(key);
        }
        self.table.scopes.insert(
            key,
            Scope {
                kind: Some(kind),
                parent,
                ..Scope::default()
            },
        );
        self.stack.push(key);
    }

    fn close(&mut self) {
        self.stack.pop();
    }

    fn body(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn params(&mut self, p: &ast::Parameters) {
        // Defaults are evaluated in the enclosing scope.
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        // Annotations are evaluated where the `def` runs, after the defaults.
        let params = p.posonlyargs.iter().chain(&p.args).map(|a| &a.parameter);
        let rest = p.vararg.iter().chain(p.kwarg.iter()).map(|b| &**b);
        let kwonly = p.kwonlyargs.iter().map(|a| &a.parameter);
        for a in params.chain(rest).chain(kwonly) {
            if let Some(ann) = &a.annotation {
                self.expr(ann);
            }
        }
    }

    fn declare_params(&mut self, p: &ast::Parameters) {
        let mut names = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            names.push(a.parameter.name.id.to_string());
        }
        // CPython's slot order: positional, keyword-only, `*args`, `**kwargs`.
        for a in &p.kwonlyargs {
            names.push(a.parameter.name.id.to_string());
        }
        if let Some(v) = &p.vararg {
            names.push(v.name.id.to_string());
        }
        if let Some(k) = &p.kwarg {
            names.push(k.name.id.to_string());
        }
        for n in &names {
            self.cur().bind(n);
        }
        self.cur().params = names;
    }

    fn target(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => self.cur().bind(&n.id),
            Expr::Tuple(t) => t.elts.iter().for_each(|x| self.target(x)),
            Expr::List(t) => t.elts.iter().for_each(|x| self.target(x)),
            Expr::Starred(s) => self.target(&s.value),
            other => self.expr(other),
        }
    }

    #[allow(clippy::too_many_lines)]
    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                self.params(&f.parameters);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.cur().bind(&f.name.id);
                self.open(f.range.start().to_u32(), ScopeKind::Function);
                self.declare_params(&f.parameters);
                self.body(&f.body);
                self.close();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    args.args.iter().for_each(|a| self.expr(a));
                    args.keywords.iter().for_each(|k| self.expr(&k.value));
                }
                self.cur().bind(&c.name.id);
                self.open(c.range.start().to_u32(), ScopeKind::Class);
                self.body(&c.body);
                self.close();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => d.targets.iter().for_each(|t| self.target(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value);
                a.targets.iter().for_each(|t| self.target(t));
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let Expr::Name(n) = &*a.target {
                    self.cur().used.insert(n.id.to_string());
                }
                self.target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                    self.target(&a.target);
                } else if let Expr::Name(n) = &*a.target {
                    self.cur().bind(&n.id);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.target(&f.target);
                self.body(&f.body);
                self.body(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.body(&w.body);
                self.body(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.body(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(v);
                    }
                }
                self.body(&w.body);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.cur().bind(&n.id);
                    }
                    self.body(&h.body);
                }
                self.body(&t.orelse);
                self.body(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.cur().bind(&bound);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name.id == "*" {
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.cur().bind(&bound);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.cur().globals.insert(n.id.to_string());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.cur().nonlocals.insert(n.id.to_string());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::TypeAlias(_)
            | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    /// A `case` pattern: captures bind, values and classes are loads.
    fn pattern(&mut self, p: &ast::Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => s.patterns.iter().for_each(|x| self.pattern(x)),
            P::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(k));
                m.patterns.iter().for_each(|x| self.pattern(x));
                if let Some(r) = &m.rest {
                    self.cur().bind(&r.id);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls);
                c.arguments.patterns.iter().for_each(|x| self.pattern(x));
                c.arguments
                    .keywords
                    .iter()
                    .for_each(|k| self.pattern(&k.pattern));
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.cur().bind(&n.id);
                }
            }
            P::MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern(x);
                }
                if let Some(n) = &a.name {
                    self.cur().bind(&n.id);
                }
            }
            P::MatchOr(o) => o.patterns.iter().for_each(|x| self.pattern(x)),
        }
    }

    fn comprehension(&mut self, key: u32, gens: &[ast::Comprehension], elts: &[&Expr]) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = gens.first() {
            self.expr(&first.iter);
        }
        self.open(key, ScopeKind::Comprehension);
        self.cur().params = vec![".0".to_string()];
        self.cur().bind(".0");
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            g.ifs.iter().for_each(|c| self.expr(c));
        }
        for e in elts {
            self.expr(e);
        }
        self.close();
    }

    #[allow(clippy::too_many_lines)]
    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => {
                if n.ctx == ast::ExprContext::Load {
                    self.cur().used.insert(n.id.to_string());
                    if &*n.id == "super" || &*n.id == "__class__" {
                        self.cur().uses_class_cell = true;
                    }
                } else {
                    self.cur().bind(&n.id);
                }
            }
            Expr::BoolOp(b) => b.values.iter().for_each(|v| self.expr(v)),
            Expr::Named(n) => {
                self.expr(&n.value);
                // A walrus inside a comprehension binds in the enclosing function.
                let mut idx = self.stack.len() - 1;
                while idx > 0
                    && self.table.scopes[&self.stack[idx]].kind == Some(ScopeKind::Comprehension)
                {
                    idx -= 1;
                }
                if let Expr::Name(t) = &*n.target {
                    let key = self.stack[idx];
                    self.table.scopes.get_mut(&key).expect("scope").bind(&t.id);
                    if idx != self.stack.len() - 1 {
                        self.cur().nonlocals.insert(t.id.to_string());
                        self.cur().used.insert(t.id.to_string());
                    }
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.open(l.range.start().to_u32(), ScopeKind::Function);
                if let Some(p) = &l.parameters {
                    self.declare_params(p);
                }
                self.expr(&l.body);
                self.close();
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k);
                    }
                    self.expr(&it.value);
                }
            }
            Expr::Set(s) => s.elts.iter().for_each(|x| self.expr(x)),
            Expr::ListComp(c) => {
                self.comprehension(c.range.start().to_u32(), &c.generators, &[&c.elt]);
            }
            Expr::SetComp(c) => {
                self.comprehension(c.range.start().to_u32(), &c.generators, &[&c.elt]);
            }
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.insert(0, k);
                }
                self.comprehension(c.range.start().to_u32(), &c.generators, &elts);
            }
            Expr::Generator(c) => {
                self.comprehension(c.range.start().to_u32(), &c.generators, &[&c.elt]);
                let key = c.range.start().to_u32();
                self.table.scopes.get_mut(&key).expect("scope").is_generator = true;
            }
            Expr::Await(a) => self.expr(&a.value),
            Expr::Yield(y) => {
                self.cur().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.cur().is_generator = true;
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                c.comparators.iter().for_each(|x| self.expr(x));
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                c.arguments.args.iter().for_each(|a| self.expr(a));
                c.arguments
                    .keywords
                    .iter()
                    .for_each(|k| self.expr(&k.value));
            }
            Expr::FString(f) => {
                for part in &f.value {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::List(l) => l.elts.iter().for_each(|x| self.expr(x)),
            Expr::Tuple(l) => l.elts.iter().for_each(|x| self.expr(x)),
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x);
                }
            }
            Expr::TString(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) {
        for el in els {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements);
                }
            }
        }
    }
}

/// Builds and resolves the scope table of a module.
#[must_use]
pub fn analyze(body: &[Stmt]) -> ScopeTable {
    let mut table = ScopeTable::default();
    {
        let mut b = Builder {
            table: &mut table,
            stack: Vec::new(),
        };
        b.open(MODULE_KEY, ScopeKind::Module);
        b.body(body);
        b.close();
    }
    resolve(&mut table, MODULE_KEY);
    table
}

/// Is `name` bound as a local in some enclosing function scope of `key`
/// (skipping class scopes)?
fn provided_by_enclosing(table: &ScopeTable, key: u32, name: &str) -> Option<u32> {
    let mut cur = table.scopes[&key].parent;
    while let Some(k) = cur {
        let s = &table.scopes[&k];
        match s.kind {
            Some(ScopeKind::Module) => return None,
            Some(ScopeKind::Class) => {}
            _ => {
                if s.globals.contains(name) {
                    return None;
                }
                if s.is_local(name) || s.nonlocals.contains(name) {
                    return Some(k);
                }
            }
        }
        cur = s.parent;
    }
    None
}

fn resolve(table: &mut ScopeTable, key: u32) {
    let children = table.scopes[&key].children.clone();
    for c in &children {
        resolve(table, *c);
    }
    let s = table.scopes[&key].clone();
    if matches!(s.kind, Some(ScopeKind::Module)) {
        return;
    }
    // Names this scope needs from outside: used-but-not-local, nonlocals,
    // and whatever its children need that it does not provide.
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    for n in s.used.iter().chain(&s.nonlocals) {
        let local = match s.kind {
            Some(ScopeKind::Class) => s.bound.contains(n) && !s.nonlocals.contains(n),
            _ => s.is_local(n),
        };
        if !local && !s.globals.contains(n) {
            wanted.insert(n.clone());
        }
    }
    for c in &children {
        for f in &table.scopes[c].frees {
            let cs = &table.scopes[&key];
            let provides = cs.kind != Some(ScopeKind::Class) && cs.is_local(f);
            // A class's own `global` does not reach the functions inside it:
            // it still passes their free variables through.
            let class = cs.kind == Some(ScopeKind::Class);
            if !provides && (class || !s.globals.contains(f)) {
                wanted.insert(f.clone());
            }
        }
    }
    if s.uses_class_cell && s.kind != Some(ScopeKind::Class) {
        wanted.insert("__class__".to_string());
    }
    let mut frees = Vec::new();
    for n in wanted {
        if n == "__class__" {
            // Provided by the nearest enclosing class.
            let mut cur = s.parent;
            while let Some(k) = cur {
                if table.scopes[&k].kind == Some(ScopeKind::Class) {
                    frees.push(n.clone());
                    break;
                }
                cur = table.scopes[&k].parent;
            }
            continue;
        }
        if provided_by_enclosing(table, key, &n).is_some() {
            frees.push(n);
        }
    }
    // Cells: own locals some child captures.
    let mut cells = Vec::new();
    for c in &children {
        for f in &table.scopes[c].frees {
            let own = &table.scopes[&key];
            let is_own = if own.kind == Some(ScopeKind::Class) {
                f == "__class__"
            } else {
                own.is_local(f)
            };
            if is_own && !cells.contains(f) {
                cells.push(f.clone());
            }
        }
    }
    let sm = table.scopes.get_mut(&key).expect("scope");
    sm.frees = frees;
    sm.cells = cells;
}

/// The source offset key of a scope-opening expression or statement.
#[must_use]
pub fn key_of(node: &impl Ranged) -> u32 {
    node.range().start().to_u32()
}
