//! Annotations, evaluated and stored as CPython 3.11 does: a function's
//! parameter and return annotations in its `__annotations__` (evaluated
//! where the `def` runs), and the annotations of simple names assigned in a
//! module or class body in that namespace's `__annotations__`. Under
//! `from __future__ import annotations` they are kept as source strings.

use super::{Compiler, R};
use crate::code::Op;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

impl<'t> Compiler<'_, '_, 't> {
    /// Whether the module postpones annotations (PEP 563).
    fn postponed_annotations(&self) -> bool {
        self.source.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("from __future__ import") && l.contains("annotations")
        })
    }

    /// Pushes one annotation's value: the expression, or its source text.
    fn annotation_value(&mut self, e: &'t Expr) -> R {
        if self.postponed_annotations() {
            let text = &self.source[e.range().start().to_usize()..e.range().end().to_usize()];
            self.load_str(text);
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// Emits the annotations dict of a function about to be made, after its
    /// defaults; returns the `MakeFunction` flag for it (4) or 0.
    pub(super) fn function_annotations(
        &mut self,
        p: &'t ast::Parameters,
        returns: Option<&'t Expr>,
    ) -> Result<u32, super::SyntaxError> {
        let mut items: Vec<(&str, &'t Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            if let Some(ann) = a.parameter.annotation.as_deref() {
                items.push((&a.parameter.name.id, ann));
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(ann) = v.annotation.as_deref() {
                items.push((&v.name.id, ann));
            }
        }
        for a in &p.kwonlyargs {
            if let Some(ann) = a.parameter.annotation.as_deref() {
                items.push((&a.parameter.name.id, ann));
            }
        }
        if let Some(k) = &p.kwarg {
            if let Some(ann) = k.annotation.as_deref() {
                items.push((&k.name.id, ann));
            }
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(0);
        }
        for (name, ann) in &items {
            self.load_str(name);
            self.annotation_value(ann)?;
        }
        self.emit(Op::BuildMap(items.len() as u32));
        Ok(4)
    }

    /// `SETUP_ANNOTATIONS` at the start of a module or class body that
    /// annotates names.
    pub(super) fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Op::SetupAnnotations);
        }
    }

    /// The annotation part of `target: annotation [= value]` (the value is
    /// already assigned): stored for a simple name in a module or class,
    /// evaluated and dropped for other targets there, ignored in functions.
    pub(super) fn ann_assign_annotation(&mut self, a: &'t ast::StmtAnnAssign) -> R {
        let at_namespace = matches!(
            self.unit().kind,
            None | Some(super::ScopeKind::Module | super::ScopeKind::Class)
        );
        if !at_namespace {
            return Ok(());
        }
        match &*a.target {
            Expr::Name(n) if a.simple => {
                self.annotation_value(&a.annotation)?;
                let ann = self.ctx.names.intern("__annotations__");
                self.emit(Op::LoadName(ann));
                self.load_str(&n.id);
                self.set_span(a.range);
                self.emit(Op::StoreSubscr);
            }
            _ if !self.postponed_annotations() => {
                self.expr(&a.annotation)?;
                self.emit(Op::PopTop);
            }
            _ => {}
        }
        Ok(())
    }
}

/// Whether statements annotate a name, looking into compound statements
/// but not into nested functions and classes (as CPython's `find_ann`).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        _ => false,
    })
}
