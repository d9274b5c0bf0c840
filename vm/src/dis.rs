//! A disassembler: every code object a source file compiles to, with each
//! instruction's source place (`line:col`, from the span table the
//! tracebacks use) and its operands resolved to names and constants. It is
//! the readable form of what the compiler emits, and its golden files under
//! `vm/tests/dis/` test the span table instruction by instruction.
//!
//! Operands are shown by name, never by interned symbol or code id, so the
//! output of a file does not change when the VM interns more names or
//! compiles more built-in modules.

use crate::code::{Code, CodeId, CodeKind, Op};
use crate::vm::{Source, Vm, VmError};
use std::fmt::Write as _;

/// The disassembly of the source file `text` (shown as `path`): its module
/// code first, then every function, class body, lambda and comprehension in
/// the order their definitions appear, each as a header and one line per
/// instruction (`>>` marks a jump or handler target):
///
/// ```text
///  >>   12  3:9-3:14        PopJumpIfFalse     20
/// ```
///
/// # Errors
/// The file does not compile (the syntax error, with `path`).
pub fn disassemble(path: &str, text: &str) -> Result<String, VmError> {
    let mut vm = Vm::new();
    let top = vm.compile(path, text, "__main__")?;
    let mut out = String::new();
    let mut todo = vec![top];
    let mut first = true;
    while let Some(id) = todo.pop() {
        let code = vm.code(id).clone();
        if !first {
            out.push('\n');
        }
        first = false;
        code_into(&mut vm, &code, &mut out);
        // Nested definitions, in the order they appear (the stack pops the first one next).
        let nested: Vec<CodeId> = code
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::MakeFunction(c, _) => Some(CodeId(*c)),
                _ => None,
            })
            .collect();
        todo.extend(nested.into_iter().rev());
    }
    Ok(out)
}

/// `line:col` of a byte offset: 1-based, the column counted in characters.
fn place(src: Option<&Source>, off: u32) -> String {
    let Some(src) = src else {
        return format!("@{off}");
    };
    let line = src.line_of(off);
    let start = src.line_start(line) as usize;
    let col = src
        .text
        .get(start..(off as usize).max(start))
        .map_or(0, |s| s.chars().count());
    format!("{line}:{}", col + 1)
}

fn names(vm: &Vm, syms: &[crate::intern::Sym]) -> String {
    syms.iter()
        .map(|s| vm.names.name(*s))
        .collect::<Vec<_>>()
        .join(", ")
}

fn header(vm: &Vm, code: &Code, src: Option<&Source>, out: &mut String) {
    let kind = match code.kind {
        CodeKind::Module => "module",
        CodeKind::Class => "class body",
        CodeKind::Function if code.is_generator => "generator function",
        CodeKind::Function => "function",
    };
    let file = src.map_or("?", |s| s.path.as_str());
    let _ = writeln!(
        out,
        "code {} ({kind}, {file}:{})",
        code.qualname, code.firstlineno
    );
    if code.kind == CodeKind::Function {
        let mut params = format!(
            "  params: {} positional ({} positional-only), {} keyword-only",
            code.argcount, code.posonly, code.kwonly
        );
        if code.varargs {
            params.push_str(", *args");
        }
        if code.varkw {
            params.push_str(", **kwargs");
        }
        let _ = writeln!(out, "{params}");
    }
    for (label, syms) in [
        ("varnames", &code.varnames),
        ("cellvars", &code.cellvars),
        ("freevars", &code.freevars),
    ] {
        if !syms.is_empty() {
            let _ = writeln!(out, "  {label}: {}", names(vm, syms));
        }
    }
}

fn code_into(vm: &mut Vm, code: &Code, out: &mut String) {
    let src = vm.sources.get(code.source as usize).cloned();
    let src = src.as_ref();
    header(vm, code, src, out);
    let targets: std::collections::BTreeSet<u32> =
        code.ops.iter().filter_map(|op| target(*op)).collect();
    for (pc, op) in code.ops.iter().enumerate() {
        let pc32 = u32::try_from(pc).unwrap_or(u32::MAX);
        let mark = if targets.contains(&pc32) { ">>" } else { "  " };
        let loc = code.spans.get(pc).map_or_else(String::new, |s| {
            let mut l = format!("{}-{}", place(src, s.start), place(src, s.end));
            if s.focus_start != 0 || s.focus_end != 0 {
                let _ = write!(
                    l,
                    " ^{}-{}",
                    place(src, s.focus_start),
                    place(src, s.focus_end)
                );
            }
            l
        });
        let (name, raw) = split_op(vm, *op);
        let note = annotate(vm, code, *op);
        let mut line = format!("{mark} {pc:>4}  {loc:<22} {name:<18} {raw}");
        if let Some(n) = note {
            let _ = write!(line, " ({n})");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// The instruction a jump or a block set-up leads to.
fn target(op: Op) -> Option<u32> {
    match op {
        Op::Jump(t)
        | Op::PopJumpIfFalse(t)
        | Op::PopJumpIfTrue(t)
        | Op::JumpIfFalseOrPop(t)
        | Op::JumpIfTrueOrPop(t)
        | Op::ForIter(t)
        | Op::SetupExcept(t)
        | Op::SetupFinally(t)
        | Op::SetupWith(t) => Some(t),
        _ => None,
    }
}

/// The instruction's name and its operands as stored (names for symbols).
fn split_op(vm: &Vm, op: Op) -> (String, String) {
    let sym = match op {
        Op::LoadGlobal(s)
        | Op::StoreGlobal(s)
        | Op::DeleteGlobal(s)
        | Op::LoadName(s)
        | Op::StoreName(s)
        | Op::DeleteName(s)
        | Op::LoadAttr(s)
        | Op::StoreAttr(s)
        | Op::DeleteAttr(s)
        | Op::LoadMethod(s)
        | Op::ImportFrom(s)
        | Op::ImportName(s, _) => Some(s),
        _ => None,
    };
    let debug = format!("{op:?}");
    let (name, rest) = debug.split_once('(').unwrap_or((&debug, ""));
    let mut raw = rest.strip_suffix(')').unwrap_or(rest).replace(", ", " ");
    if let Some(s) = sym {
        raw = match op {
            Op::ImportName(_, level) => format!("{} {level}", vm.names.name(s)),
            _ => vm.names.name(s).to_string(),
        };
    }
    if let Op::MakeFunction(_, flags) = op {
        raw = format!("{flags}");
    }
    (name.to_string(), raw)
}

/// What an operand stands for: a constant's repr, a local's name, a code
/// object's qualified name.
fn annotate(vm: &mut Vm, code: &Code, op: Op) -> Option<String> {
    let cell = |i: u32| {
        let i = i as usize;
        code.cellvars
            .get(i)
            .or_else(|| code.freevars.get(i.checked_sub(code.cellvars.len())?))
    };
    let sym = match op {
        Op::LoadFast(i) | Op::StoreFast(i) | Op::DeleteFast(i) => code.varnames.get(i as usize),
        Op::LoadDeref(i) | Op::StoreDeref(i) | Op::DeleteDeref(i) | Op::LoadClosure(i) => cell(i),
        _ => None,
    };
    if let Some(s) = sym {
        return Some(vm.names.name(*s).to_string());
    }
    match op {
        Op::LoadConst(i) | Op::CallKw(_, i) => {
            let v = *code.consts.get(i as usize)?;
            Some(vm.repr(v).unwrap_or_else(|_| vm.quick_repr(v)))
        }
        Op::MakeFunction(c, _) => vm
            .codes
            .get(c as usize)
            .map(|c| format!("code {}", c.qualname)),
        Op::Is(true) => Some("is not".into()),
        Op::In(true) => Some("not in".into()),
        _ => None,
    }
}
