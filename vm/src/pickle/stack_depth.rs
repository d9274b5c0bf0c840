//! The value-stack depth the code expects at each instruction, found by
//! following every path from the start (and from every exception handler,
//! which starts with its block's depth plus the exception). A saved frame
//! from a pickle must have exactly that many values at its resume point,
//! and its blocks the depths their set-up instructions give them; otherwise
//! running it would read past its stack.

use crate::callargs::CALL_MERGE;
use crate::code::{AsyncOp, Code, MatchOp, Op, IMPORT_FROMLIST};

/// Depth before each instruction: `Some(d)` where every path agrees,
/// `None` where none reaches it or paths disagree (no check there).
pub(crate) fn depths(code: &Code) -> Vec<Option<i64>> {
    let n = code.ops.len();
    let mut at: Vec<Option<i64>> = vec![None; n];
    let mut conflict = vec![false; n];
    let mut work = vec![(0usize, 0i64)];
    let mut visits = 0usize;
    while let Some((pc, d)) = work.pop() {
        visits += 1;
        if pc >= n || d < 0 || visits > 16 * n + 64 {
            continue;
        }
        match at[pc] {
            Some(old) if old == d => continue,
            Some(_) => {
                conflict[pc] = true;
                continue;
            }
            None => at[pc] = Some(d),
        }
        for (next, nd) in successors(code.ops[pc], pc, d) {
            work.push((next, nd));
        }
    }
    at.iter()
        .zip(&conflict)
        .map(|(d, c)| if *c { None } else { *d })
        .collect()
}

/// The depth a block set up at `pc` records (`SetupWith` leaves the
/// `__enter__` result above it).
pub(super) fn block_depth(op: Op, before: i64) -> i64 {
    match op {
        Op::SetupWith(_) => before - 1,
        _ => before,
    }
}

fn count(flags: u32, bits: u32) -> i64 {
    i64::from((flags & bits).count_ones())
}

/// Where an instruction goes and with what depth.
fn successors(op: Op, pc: usize, d: i64) -> Vec<(usize, i64)> {
    let to = |t: u32| t as usize;
    let next = pc + 1;
    let n = |k: u32| i64::from(k);
    let step = |delta: i64| vec![(next, d + delta)];
    match op {
        Op::Nop
        | Op::RotTwo
        | Op::RotThree
        | Op::RotFour
        | Op::DeleteFast(_)
        | Op::DeleteDeref(_)
        | Op::DeleteGlobal(_)
        | Op::DeleteName(_)
        | Op::LoadAttr(_)
        | Op::Unary(_)
        | Op::ListToTuple
        | Op::GetIter
        | Op::GetYieldFromIter
        | Op::PopBlock
        | Op::PopExcept
        | Op::SetupAnnotations
        | Op::WithExitNormal
        | Op::ExcMatch
        | Op::YieldValue => step(0),
        Op::DupTop
        | Op::LoadConst(_)
        | Op::LoadFast(_)
        | Op::LoadDeref(_)
        | Op::LoadClosure(_)
        | Op::LoadGlobal(_)
        | Op::LoadName(_)
        | Op::LoadMethod(_)
        | Op::BeforeWith
        | Op::WithExceptStart
        | Op::ImportFrom(_)
        | Op::LoadAssertionError => step(1),
        Op::ImportName(_, level) => step(if level & IMPORT_FROMLIST == 0 { 1 } else { 0 }),
        Op::DupTop2 => step(2),
        Op::PopTop
        | Op::StoreFast(_)
        | Op::StoreDeref(_)
        | Op::StoreGlobal(_)
        | Op::StoreName(_)
        | Op::DeleteAttr(_)
        | Op::Binary(_)
        | Op::Inplace(_)
        | Op::Compare(_)
        | Op::Is(_)
        | Op::In(_)
        | Op::ListAppend(_)
        | Op::SetAdd(_)
        | Op::ListExtend(_)
        | Op::SetUpdate(_)
        | Op::DictUpdate(_)
        | Op::Subscript
        | Op::ImportStar => step(-1),
        Op::StoreAttr(_) | Op::MapAdd(_) | Op::DeleteSubscr => step(-2),
        Op::StoreSubscr => step(-3),
        Op::BuildTuple(k)
        | Op::BuildList(k)
        | Op::BuildSet(k)
        | Op::BuildString(k)
        | Op::BuildSlice(k) => step(1 - n(k)),
        Op::BuildMap(k) => step(1 - 2 * n(k)),
        Op::UnpackSequence(k) => step(n(k) - 1),
        Op::UnpackEx(b, a) => step(n(b) + n(a)),
        Op::Call(k) | Op::CallKw(k, _) => step(-n(k)),
        Op::CallMethod(k) => step(-n(k) - 1),
        Op::CallEx => step(-2),
        Op::MakeFunction(_, flags) => step(1 - count(flags, 1 | 2 | 4 | 8)),
        Op::BuildClass(k) => step(-n(k)),
        Op::BuildClassKw(k) => step(-n(k) - 1),
        Op::Match(m) => step(match m {
            MatchOp::Sequence | MatchOp::Mapping | MatchOp::Len | MatchOp::Keys => 1,
            MatchOp::Rest => -1,
            MatchOp::Class(_) => -2,
        }),
        Op::Async(AsyncOp::GetAwaitable | AsyncOp::GetAIter) => step(0),
        Op::Async(AsyncOp::GetANext | AsyncOp::LoadStopAsyncIteration) => step(1),
        Op::Async(AsyncOp::BeforeAsyncWith) => step(1),
        Op::FormatValue(flags) => step(-count(flags, 4)),
        Op::Jump(t) => vec![(to(t), d)],
        Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => vec![(next, d - 1), (to(t), d - 1)],
        Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => vec![(next, d - 1), (to(t), d)],
        Op::ForIter(t) => vec![(next, d + 1), (to(t), d - 1)],
        // At a `yield from` the sent value is on top; the delegate's result
        // replaces both when it finishes.
        Op::YieldFrom => step(-1),
        Op::SetupExcept(h) | Op::SetupFinally(h) | Op::SetupWith(h) => {
            vec![(next, d), (to(h), block_depth(op, d) + 1)]
        }
        Op::Return | Op::Reraise | Op::Raise(_) => Vec::new(),
    }
}

/// How many values an instruction reads from the value stack, counting
/// those below the top it only looks at.
fn needs(op: Op) -> i64 {
    let n = |k: u32| i64::from(k);
    match op {
        Op::Nop
        | Op::LoadConst(_)
        | Op::LoadFast(_)
        | Op::LoadDeref(_)
        | Op::LoadClosure(_)
        | Op::LoadGlobal(_)
        | Op::LoadName(_)
        | Op::DeleteFast(_)
        | Op::DeleteDeref(_)
        | Op::DeleteGlobal(_)
        | Op::DeleteName(_)
        | Op::Jump(_)
        | Op::SetupExcept(_)
        | Op::SetupFinally(_)
        | Op::PopBlock
        | Op::PopExcept
        | Op::SetupAnnotations
        | Op::LoadAssertionError
        | Op::Async(AsyncOp::LoadStopAsyncIteration)
        | Op::Raise(0) => 0,
        Op::PopTop
        | Op::DupTop
        | Op::StoreFast(_)
        | Op::StoreDeref(_)
        | Op::StoreGlobal(_)
        | Op::StoreName(_)
        | Op::LoadAttr(_)
        | Op::DeleteAttr(_)
        | Op::LoadMethod(_)
        | Op::Unary(_)
        | Op::ListToTuple
        | Op::UnpackSequence(_)
        | Op::UnpackEx(..)
        | Op::PopJumpIfFalse(_)
        | Op::PopJumpIfTrue(_)
        | Op::JumpIfFalseOrPop(_)
        | Op::JumpIfTrueOrPop(_)
        | Op::GetIter
        | Op::ForIter(_)
        | Op::Return
        | Op::YieldValue
        | Op::GetYieldFromIter
        | Op::SetupWith(_)
        | Op::Reraise
        | Op::BeforeWith
        | Op::WithExitNormal
        | Op::ImportFrom(_)
        | Op::ImportStar
        | Op::Async(_)
        | Op::Match(MatchOp::Sequence | MatchOp::Mapping | MatchOp::Len) => 1,
        Op::DupTop2
        | Op::RotTwo
        | Op::StoreAttr(_)
        | Op::Binary(_)
        | Op::Inplace(_)
        | Op::Compare(_)
        | Op::Is(_)
        | Op::In(_)
        | Op::Subscript
        | Op::DeleteSubscr
        | Op::YieldFrom
        | Op::ExcMatch
        | Op::WithExceptStart
        | Op::Match(MatchOp::Keys | MatchOp::Rest) => 2,
        Op::RotThree | Op::StoreSubscr | Op::CallEx | Op::Match(MatchOp::Class(_)) => 3,
        Op::RotFour => 4,
        Op::Raise(k) => n(k),
        Op::BuildTuple(k)
        | Op::BuildList(k)
        | Op::BuildSet(k)
        | Op::BuildString(k)
        | Op::BuildSlice(k) => n(k),
        Op::BuildMap(k) => 2 * n(k),
        // The collection sits `k` below the item, which is popped first.
        Op::ListAppend(k) | Op::SetAdd(k) | Op::ListExtend(k) | Op::SetUpdate(k) => n(k) + 1,
        // A call's keyword merge also looks at the callee, two below the dict.
        Op::DictUpdate(k) if k & CALL_MERGE != 0 => n(k & !CALL_MERGE) + 3,
        Op::DictUpdate(k) => n(k) + 1,
        Op::MapAdd(k) => n(k) + 2,
        Op::Call(k) | Op::CallKw(k, _) | Op::BuildClass(k) => n(k) + 1,
        Op::CallMethod(k) | Op::BuildClassKw(k) => n(k) + 2,
        Op::MakeFunction(_, flags) => count(flags, 1 | 2 | 4 | 8),
        Op::ImportName(_, level) => i64::from(level & IMPORT_FROMLIST != 0),
        Op::FormatValue(flags) => 1 + count(flags, 4),
    }
}

/// Follows every path through `code` from its start and from each
/// handler: no instruction may read more values than the paths leading to
/// it leave, two paths may not meet with different depths, and no path may
/// run past the last instruction.
///
/// # Errors
/// The first instruction where that fails.
pub(crate) fn verify(code: &Code) -> Result<(), String> {
    let n = code.ops.len();
    let mut at: Vec<Option<i64>> = vec![None; n];
    let mut work = vec![(0usize, 0i64)];
    while let Some((pc, d)) = work.pop() {
        let Some(op) = code.ops.get(pc).copied() else {
            return Err("a path runs past the last instruction".into());
        };
        match at[pc] {
            Some(old) if old == d => continue,
            Some(old) => {
                return Err(format!(
                "instruction {pc} ({op:?}) is reached with {old} and with {d} values on the stack"
            ))
            }
            None => at[pc] = Some(d),
        }
        if d < needs(op) {
            return Err(format!(
                "instruction {pc} ({op:?}) takes {} values from a stack of {d}",
                needs(op)
            ));
        }
        work.extend(successors(op, pc, d));
    }
    Ok(())
}
