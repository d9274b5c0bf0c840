//! Coroutines: `async def`, `await` and `async with`. A coroutine is a
//! generator whose code is marked `is_coroutine`; `await x` delegates to the
//! awaitable's iterator exactly as `yield from` does.

use super::CompLoop;
use super::{Compiler, FBlock, R};
use crate::code::{AsyncOp, Op};
use crate::compile::scope::ScopeKind;
use crate::value::Value;
use ruff_python_ast::visitor::{walk_expr, Visitor};
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::Ranged;

impl<'t> Compiler<'_, '_, 't> {
    /// Marks the unit just opened for `async def f` as a coroutine.
    pub(super) fn mark_coroutine(&mut self, f: &ast::StmtFunctionDef) -> R {
        let _ = f;
        let code = &mut self.unit().code;
        code.is_async_gen = code.is_generator;
        code.is_generator = true;
        code.is_coroutine = true;
        Ok(())
    }

    /// Inside an `async def` (or an asynchronous comprehension).
    pub(super) fn in_async_function(&mut self) -> bool {
        self.in_coroutine()
    }

    fn in_coroutine(&mut self) -> bool {
        let u = self.unit();
        matches!(u.kind, Some(ScopeKind::Function | ScopeKind::Comprehension))
            && u.code.is_coroutine
    }

    /// `[awaitable] -> [result]`.
    pub(super) fn emit_await(&mut self) {
        self.emit(Op::Async(AsyncOp::GetAwaitable));
        self.load_const(Value::None);
        self.emit(Op::YieldFrom);
    }

    pub(super) fn await_expr(&mut self, a: &'t ast::ExprAwait) -> R {
        if !self.in_coroutine() {
            let msg = if matches!(self.unit().kind, Some(ScopeKind::Comprehension)) {
                "asynchronous comprehension outside of an asynchronous function"
            } else {
                "'await' outside async function"
            };
            let mut e = self.err(a.range, msg);
            e.carets = e.end_col.saturating_sub(e.col).max(1);
            return Err(e);
        }
        self.expr(&a.value)?;
        self.set_span(a.range);
        self.emit_await();
        Ok(())
    }

    /// `async with`: as `with`, with `__aenter__`/`__aexit__` awaited.
    pub(super) fn async_with_items(&mut self, items: &'t [ast::WithItem], body: &'t [Stmt]) -> R {
        let Some((first, rest)) = items.split_first() else {
            return self.body(body);
        };
        if !self.in_coroutine() {
            return Err(self.err(first.range(), "'async with' outside async function"));
        }
        self.expr(&first.context_expr)?;
        self.set_span(first.context_expr.range());
        self.emit(Op::Async(AsyncOp::BeforeAsyncWith));
        self.emit_await();
        let setup = self.emit(Op::SetupWith(0));
        match &first.optional_vars {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::PopTop);
            }
        }
        self.unit().fblocks.push(FBlock::AsyncWith);
        self.async_with_items(rest, body)?;
        self.unit().fblocks.pop();
        self.set_span(first.context_expr.range());
        self.emit(Op::PopBlock);
        self.emit(Op::WithExitNormal);
        self.emit_await();
        self.emit(Op::PopTop);
        let j = self.emit(Op::Jump(0));
        let h = self.here();
        self.patch(setup, h);
        self.emit(Op::WithExceptStart);
        self.emit_await();
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
}

impl<'t> Compiler<'_, '_, 't> {
    /// `async for`: `__aiter__`, then `await __anext__()` until it raises
    /// `StopAsyncIteration`.
    pub(super) fn async_for(&mut self, f: &'t ast::StmtFor) -> R {
        if !self.in_coroutine() {
            let mut e = self.err(f.range, "'async for' outside async function");
            e.carets = e.end_col.saturating_sub(e.col).max(1);
            return Err(e);
        }
        self.expr(&f.iter)?;
        self.set_span(f.iter.range());
        self.emit(Op::Async(AsyncOp::GetAIter));
        let start = self.here();
        self.set_span(f.range);
        let setup = self.emit(Op::SetupExcept(0));
        self.emit(Op::Async(AsyncOp::GetANext));
        self.load_const(Value::None);
        self.emit(Op::YieldFrom);
        self.emit(Op::PopBlock);
        self.store(&f.target)?;
        self.unit().fblocks.push(FBlock::ForLoop {
            start,
            breaks: Vec::new(),
        });
        self.body(&f.body)?;
        self.set_span(f.iter.range());
        self.emit(Op::Jump(start));
        let Some(FBlock::ForLoop { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!("the loop's own block")
        };
        let handler = self.here();
        self.patch(setup, handler);
        self.set_span(f.range);
        self.emit(Op::Async(AsyncOp::LoadStopAsyncIteration));
        self.emit(Op::ExcMatch);
        let other = self.emit(Op::PopJumpIfFalse(0));
        self.emit(Op::PopTop);
        self.emit(Op::PopExcept);
        self.emit(Op::PopTop);
        self.body(&f.orelse)?;
        let done = self.emit(Op::Jump(0));
        let reraise = self.here();
        self.patch(other, reraise);
        self.emit(Op::Reraise);
        let end = self.here();
        self.patch(done, end);
        for b in breaks {
            self.patch(b, end);
        }
        Ok(())
    }
}

/// Whether a comprehension is asynchronous: an `async for` clause, or an
/// `await` (or an inner asynchronous comprehension) anywhere but in its
/// first iterable, which is evaluated outside it.
pub(super) fn comprehension_is_async(gens: &[ast::Comprehension], elts: Vec<&ast::Expr>) -> bool {
    let mut v = AwaitFinder(false);
    for (i, g) in gens.iter().enumerate() {
        if g.is_async {
            return true;
        }
        if i > 0 {
            v.visit_expr(&g.iter);
        }
        for c in &g.ifs {
            v.visit_expr(c);
        }
    }
    for e in elts {
        v.visit_expr(e);
    }
    v.0
}

/// Finds an `await` or an asynchronous comprehension (not a generator
/// expression) in an expression, without entering lambdas.
struct AwaitFinder(bool);

impl<'a> Visitor<'a> for AwaitFinder {
    fn visit_expr(&mut self, e: &'a ast::Expr) {
        match e {
            ast::Expr::Await(_) => self.0 = true,
            ast::Expr::Lambda(_) => {}
            ast::Expr::ListComp(ast::ExprListComp { generators, .. })
            | ast::Expr::SetComp(ast::ExprSetComp { generators, .. })
            | ast::Expr::DictComp(ast::ExprDictComp { generators, .. })
                if generators.iter().any(|g| g.is_async) =>
            {
                self.0 = true;
            }
            _ => walk_expr(self, e),
        }
    }
}

impl<'t> Compiler<'_, '_, 't> {
    /// The head of an `async for` clause of a comprehension: the next item
    /// awaited, `StopAsyncIteration` ending the loop.
    pub(super) fn async_comp_next(&mut self, range: ruff_text_size::TextRange) -> CompLoop {
        let _ = range;
        let setup = self.emit(Op::SetupExcept(0));
        self.emit(Op::Async(AsyncOp::GetANext));
        self.load_const(Value::None);
        self.emit(Op::YieldFrom);
        self.emit(Op::PopBlock);
        CompLoop::Async(setup)
    }

    /// The exit of an `async for` clause of a comprehension (after its
    /// jump back).
    pub(super) fn async_comp_end(&mut self, setup: usize, range: ruff_text_size::TextRange) {
        let handler = self.here();
        self.patch(setup, handler);
        self.set_span(range);
        self.emit(Op::Async(AsyncOp::LoadStopAsyncIteration));
        self.emit(Op::ExcMatch);
        let other = self.emit(Op::PopJumpIfFalse(0));
        self.emit(Op::PopTop);
        self.emit(Op::PopExcept);
        self.emit(Op::PopTop);
        let done = self.emit(Op::Jump(0));
        let reraise = self.here();
        self.patch(other, reraise);
        self.emit(Op::Reraise);
        let end = self.here();
        self.patch(done, end);
    }
}
