//! Source to bytecode. The parser crate's tree is consumed here and nowhere
//! else, so its churn stays in this module.

mod emit;
pub mod scope;

use crate::code::{Code, CodeId};
use crate::heap::Heap;
use crate::intern::Interner;
use std::sync::Arc;

pub use emit::{compile_eval, compile_exec, compile_module, compile_single};

/// A syntax error with its location (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} ({line}:{col})")]
pub struct SyntaxError {
    /// CPython-style message.
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// End column on the same line (for the caret run).
    pub end_col: u32,
    /// The offending line's text.
    pub text: String,
    /// How many carets the report draws (CPython draws one for most errors).
    pub carets: u32,
}

/// What the compiler needs from the VM: where constants and code go.
pub struct Ctx<'a> {
    /// Constants are immortal heap objects.
    pub heap: &'a mut Heap,
    /// Names.
    pub names: &'a mut Interner,
    /// The code table.
    pub codes: &'a mut Vec<Arc<Code>>,
    /// Set when the code holds a `complex` constant (the VM then makes
    /// the `complex` class, which exists only once it is used).
    pub complex_used: bool,
}

impl Ctx<'_> {
    fn add_code(&mut self, code: Code) -> CodeId {
        let id = CodeId(u32::try_from(self.codes.len()).expect("code table overflow"));
        self.codes.push(Arc::new(code));
        id
    }
}

impl SyntaxError {
    /// The report CPython prints for this error (`File`, line, caret, message).
    #[must_use]
    pub fn render(&self, path: &str) -> String {
        let trimmed = self.text.trim_start();
        let indent = self.text.chars().count() - trimmed.chars().count();
        let caret_pad = (self.col as usize).saturating_sub(1 + indent);
        format!(
            "  File \"{path}\", line {}\n    {}\n    {}{}\nSyntaxError: {}\n",
            self.line,
            trimmed.trim_end(),
            " ".repeat(caret_pad),
            "^".repeat(self.carets.max(1) as usize),
            self.message
        )
    }
}
