//! `match` statements. Each `case` matches a copy of the subject; a pattern
//! consumes the value on top of the stack and, where it can fail, jumps to a
//! failure label that pops whatever the pattern had pushed by then (the
//! `on_top` count, as CPython's compiler keeps it). Captured names are stored
//! as soon as their sub-pattern matches; which names a failed case leaves
//! bound is not defined by the language.

use super::{Compiler, Ctx3, R};
use crate::code::{CmpOp, MatchOp, Op};
use crate::value::Value;
use ruff_python_ast::{self as ast, Pattern};
use ruff_text_size::Ranged;

/// Failure jumps of the pattern being compiled.
struct Fails {
    /// Values the pattern has on the stack now (above the case's own).
    on_top: u32,
    /// (instruction, values to pop when it jumps).
    sites: Vec<(usize, u32)>,
}

impl Fails {
    fn new(on_top: u32) -> Self {
        Fails {
            on_top,
            sites: Vec::new(),
        }
    }
}

impl<'t> Compiler<'_, '_, 't> {
    pub(super) fn match_stmt(&mut self, m: &'t ast::StmtMatch) -> R {
        self.check_cases(m)?;
        self.expr(&m.subject)?;
        let mut ends = Vec::new();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let last = i + 1 == n;
            self.set_span(case.pattern.range());
            if !last {
                self.emit(Op::DupTop);
            }
            let mut fails = Fails::new(1);
            self.pattern(&case.pattern, &mut fails)?;
            if let Some(g) = &case.guard {
                self.expr(g)?;
                self.set_span(g.range());
                fails.on_top += 1;
                self.fail_if(Op::PopJumpIfFalse(0), &mut fails);
            }
            if !last {
                self.set_span(case.pattern.range());
                self.emit(Op::PopTop);
            }
            self.body(&case.body)?;
            if !last || !fails.sites.is_empty() {
                ends.push(self.emit(Op::Jump(0)));
            }
            self.resolve_fails(fails.sites, 0);
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        Ok(())
    }

    /// Emits a conditional jump (which pops its operand) to the failure path.
    fn fail_if(&mut self, op: Op, fails: &mut Fails) {
        fails.on_top -= 1;
        let at = self.emit(op);
        fails.sites.push((at, fails.on_top));
    }

    /// Places the failure labels here: each site jumps to the point that pops
    /// its extra values down to `keep`, then falls through.
    fn resolve_fails(&mut self, mut sites: Vec<(usize, u32)>, keep: u32) {
        let max = sites.iter().map(|s| s.1).max().unwrap_or(keep);
        for k in (keep..=max).rev() {
            let here = self.here();
            sites.retain(|&(at, pops)| {
                if pops == k {
                    self.patch(at, here);
                    false
                } else {
                    true
                }
            });
            if k > keep {
                self.emit(Op::PopTop);
            }
        }
    }

    fn pattern(&mut self, p: &'t Pattern, fails: &mut Fails) -> R {
        self.set_span(p.range());
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.set_span(p.range());
                self.emit(Op::Compare(CmpOp::Eq));
                self.fail_if(Op::PopJumpIfFalse(0), fails);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                });
                self.emit(Op::Is(false));
                self.fail_if(Op::PopJumpIfFalse(0), fails);
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (Some(sub), Some(name)) => {
                    self.emit(Op::DupTop);
                    fails.on_top += 1;
                    self.pattern(sub, fails)?;
                    self.set_span(p.range());
                    self.capture(Some(name), fails);
                }
                (Some(sub), None) => self.pattern(sub, fails)?,
                (None, name) => self.capture(name.as_ref(), fails),
            },
            Pattern::MatchStar(s) => self.capture(s.name.as_ref(), fails),
            Pattern::MatchOr(o) => self.or_pattern(o, fails)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(s, fails)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, fails)?,
            Pattern::MatchClass(c) => self.class_pattern(c, fails)?,
        }
        Ok(())
    }

    /// Stores the value on top in `name`, or drops it for `_`.
    fn capture(&mut self, name: Option<&ast::Identifier>, fails: &mut Fails) {
        match name {
            Some(n) => self.name(&n.id, Ctx3::Store),
            None => {
                self.emit(Op::PopTop);
            }
        }
        fails.on_top -= 1;
    }

    fn or_pattern(&mut self, o: &'t ast::PatternMatchOr, fails: &mut Fails) -> R {
        let base = fails.on_top;
        let mut ends = Vec::new();
        for alt in &o.patterns {
            self.set_span(alt.range());
            self.emit(Op::DupTop);
            let mut inner = Fails::new(base + 1);
            self.pattern(alt, &mut inner)?;
            self.set_span(alt.range());
            self.emit(Op::PopTop);
            ends.push(self.emit(Op::Jump(0)));
            self.resolve_fails(inner.sites, base);
        }
        // Every alternative failed: the subject is still there.
        let at = self.emit(Op::Jump(0));
        fails.sites.push((at, base));
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        fails.on_top = base - 1;
        Ok(())
    }

    fn sequence_pattern(&mut self, s: &'t ast::PatternMatchSequence, fails: &mut Fails) -> R {
        let n = s.patterns.len();
        let star = s
            .patterns
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)));
        self.emit(Op::Match(MatchOp::Sequence));
        fails.on_top += 1;
        self.fail_if(Op::PopJumpIfFalse(0), fails);
        self.emit(Op::Match(MatchOp::Len));
        fails.on_top += 1;
        let (want, cmp) = match star {
            Some(_) => (n - 1, CmpOp::Ge),
            None => (n, CmpOp::Eq),
        };
        self.load_const(Value::Int(want as i64));
        self.emit(Op::Compare(cmp));
        self.fail_if(Op::PopJumpIfFalse(0), fails);
        match star {
            Some(i) => {
                self.emit(Op::UnpackEx(i as u32, (n - i - 1) as u32));
            }
            None => {
                self.emit(Op::UnpackSequence(n as u32));
            }
        }
        fails.on_top = fails.on_top - 1 + n as u32;
        for sub in &s.patterns {
            self.pattern(sub, fails)?;
        }
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'t ast::PatternMatchMapping, fails: &mut Fails) -> R {
        let range = m.range;
        self.emit(Op::Match(MatchOp::Mapping));
        fails.on_top += 1;
        self.fail_if(Op::PopJumpIfFalse(0), fails);
        let n = m.keys.len();
        if n == 0 && m.rest.is_none() {
            self.emit(Op::PopTop);
            fails.on_top -= 1;
            return Ok(());
        }
        if n > 0 {
            self.emit(Op::Match(MatchOp::Len));
            fails.on_top += 1;
            self.load_const(Value::Int(n as i64));
            self.emit(Op::Compare(CmpOp::Ge));
            self.fail_if(Op::PopJumpIfFalse(0), fails);
        }
        for k in &m.keys {
            self.expr(k)?;
        }
        self.set_span(range);
        self.emit(Op::BuildTuple(n as u32));
        fails.on_top += 1;
        if n > 0 {
            self.emit(Op::Match(MatchOp::Keys));
            self.emit(Op::DupTop);
            fails.on_top += 2;
            self.load_const(Value::None);
            self.emit(Op::Is(false));
            self.fail_if(Op::PopJumpIfTrue(0), fails);
            self.emit(Op::UnpackSequence(n as u32));
            fails.on_top = fails.on_top - 1 + n as u32;
            for sub in &m.patterns {
                self.pattern(sub, fails)?;
            }
            self.set_span(range);
        }
        match &m.rest {
            Some(r) => {
                self.emit(Op::Match(MatchOp::Rest));
                fails.on_top -= 1;
                self.capture(Some(r), fails);
            }
            None => {
                self.emit(Op::PopTop);
                self.emit(Op::PopTop);
                fails.on_top -= 2;
            }
        }
        Ok(())
    }

    fn class_pattern(&mut self, c: &'t ast::PatternMatchClass, fails: &mut Fails) -> R {
        let args = &c.arguments;
        let names: Vec<String> = args
            .keywords
            .iter()
            .map(|k| k.attr.id.to_string())
            .collect();
        self.expr(&c.cls)?;
        fails.on_top += 1;
        let idx = self.names_const(&names);
        self.set_span(c.range);
        self.emit(Op::LoadConst(idx));
        self.emit(Op::Match(MatchOp::Class(args.patterns.len() as u32)));
        fails.on_top -= 1;
        self.emit(Op::DupTop);
        fails.on_top += 1;
        self.load_const(Value::None);
        self.emit(Op::Is(false));
        self.fail_if(Op::PopJumpIfTrue(0), fails);
        let total = args.patterns.len() + args.keywords.len();
        self.emit(Op::UnpackSequence(total as u32));
        fails.on_top = fails.on_top - 1 + total as u32;
        for sub in &args.patterns {
            self.pattern(sub, fails)?;
        }
        for k in &args.keywords {
            self.pattern(&k.pattern, fails)?;
        }
        Ok(())
    }

    /// The checks CPython's compiler makes: an irrefutable case or
    /// alternative must come last, alternatives bind the same names, a
    /// name is bound once per pattern.
    fn check_cases(&self, m: &ast::StmtMatch) -> R {
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let mut names = Vec::new();
            self.pattern_names(&case.pattern, &mut names)?;
            if i + 1 < n && case.guard.is_none() {
                if let Some(msg) = irrefutable(&case.pattern) {
                    return Err(self.err(case.pattern.range(), &msg));
                }
            }
        }
        Ok(())
    }

    /// Names a pattern binds, in order; errors for repeated names and for
    /// alternatives that bind different names.
    fn pattern_names(&self, p: &Pattern, out: &mut Vec<String>) -> R {
        let bind = |n: &ast::Identifier, out: &mut Vec<String>| {
            if out.iter().any(|x| x == n.id.as_str()) {
                return Err(self.err(
                    n.range(),
                    &format!("multiple assignments to name '{}' in pattern", n.id),
                ));
            }
            out.push(n.id.to_string());
            Ok(())
        };
        match p {
            Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for x in &s.patterns {
                    self.pattern_names(x, out)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for x in &m.patterns {
                    self.pattern_names(x, out)?;
                }
                if let Some(r) = &m.rest {
                    bind(r, out)?;
                }
            }
            Pattern::MatchClass(c) => {
                for x in &c.arguments.patterns {
                    self.pattern_names(x, out)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern_names(&k.pattern, out)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    bind(n, out)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern_names(x, out)?;
                }
                if let Some(n) = &a.name {
                    bind(n, out)?;
                }
            }
            Pattern::MatchOr(o) => {
                let mut first: Option<Vec<String>> = None;
                let last = o.patterns.len().saturating_sub(1);
                for (i, alt) in o.patterns.iter().enumerate() {
                    let mut mine = Vec::new();
                    self.pattern_names(alt, &mut mine)?;
                    if i < last {
                        if let Some(msg) = irrefutable(alt) {
                            return Err(self.err(alt.range(), &msg));
                        }
                    }
                    mine.sort();
                    match &first {
                        None => first = Some(mine),
                        Some(f) if *f != mine => {
                            return Err(self.err(
                                last_leaf(alt).range(),
                                "alternative patterns bind different names",
                            ));
                        }
                        Some(_) => {}
                    }
                }
                for n in first.unwrap_or_default() {
                    if out.contains(&n) {
                        return Err(self.err(
                            o.range,
                            &format!("multiple assignments to name '{n}' in pattern"),
                        ));
                    }
                    out.push(n);
                }
            }
        }
        Ok(())
    }
}

/// The pattern CPython's compiler visits last in `p` (where it reports
/// errors found after compiling `p`).
fn last_leaf(p: &Pattern) -> &Pattern {
    let last = match p {
        Pattern::MatchSequence(s) => s.patterns.last(),
        Pattern::MatchMapping(m) => m.patterns.last(),
        Pattern::MatchClass(c) => c
            .arguments
            .keywords
            .last()
            .map(|k| &k.pattern)
            .or(c.arguments.patterns.last()),
        Pattern::MatchAs(a) => a.pattern.as_deref(),
        Pattern::MatchOr(o) => o.patterns.last(),
        _ => None,
    };
    last.map_or(p, last_leaf)
}

/// CPython's complaint when an irrefutable pattern is followed by others.
fn irrefutable(p: &Pattern) -> Option<String> {
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => Some(match &a.name {
            Some(n) => format!(
                "name capture '{}' makes remaining patterns unreachable",
                n.id
            ),
            None => "wildcard makes remaining patterns unreachable".to_string(),
        }),
        Pattern::MatchAs(a) => a.pattern.as_deref().and_then(irrefutable),
        Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable),
        _ => None,
    }
}
