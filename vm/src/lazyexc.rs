//! Built-in exception and warning classes made on first use.
//!
//! CPython's `builtins` has more exception classes than the VM creates at
//! start-up (`ExcType`). Creating them all up front would shift the heap
//! slots of every world and so every golden recording; instead each one is
//! made, with CPython's place in the hierarchy, the first time a name look-up
//! in `builtins` misses it (a global name, `builtins.X`, `dir(builtins)`), or
//! when native code raises it.

use crate::builtins::{make_class, ExcType};
use crate::object::{ClassKind, Object};
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};

/// Where a lazily made class hangs: a class made at start-up or another
/// lazy one.
#[derive(Clone, Copy)]
enum Parent {
    Eager(ExcType),
    Lazy(&'static str),
}

/// `(name, parent)`, parents before their children.
const LAZY: &[(&str, Parent)] = {
    use ExcType as E;
    use Parent::{Eager, Lazy};
    &[
        ("BufferError", Eager(E::Exception)),
        ("FloatingPointError", Eager(E::ArithmeticError)),
        ("ReferenceError", Eager(E::Exception)),
        ("IndentationError", Eager(E::SyntaxError)),
        ("TabError", Lazy("IndentationError")),
        ("UnicodeTranslateError", Eager(E::UnicodeError)),
        ("BlockingIOError", Eager(E::OSError)),
        ("ChildProcessError", Eager(E::OSError)),
        ("ConnectionError", Eager(E::OSError)),
        ("BrokenPipeError", Lazy("ConnectionError")),
        ("ConnectionAbortedError", Lazy("ConnectionError")),
        ("ConnectionRefusedError", Lazy("ConnectionError")),
        ("ConnectionResetError", Lazy("ConnectionError")),
        ("FileExistsError", Eager(E::OSError)),
        ("InterruptedError", Eager(E::OSError)),
        ("IsADirectoryError", Eager(E::OSError)),
        ("NotADirectoryError", Eager(E::OSError)),
        ("ProcessLookupError", Eager(E::OSError)),
        ("TimeoutError", Eager(E::OSError)),
        ("PendingDeprecationWarning", Eager(E::Warning)),
        ("SyntaxWarning", Eager(E::Warning)),
        ("RuntimeWarning", Eager(E::Warning)),
        ("FutureWarning", Eager(E::Warning)),
        ("ImportWarning", Eager(E::Warning)),
        ("UnicodeWarning", Eager(E::Warning)),
        ("BytesWarning", Eager(E::Warning)),
        ("ResourceWarning", Eager(E::Warning)),
        ("EncodingWarning", Eager(E::Warning)),
    ]
};

/// Whether `name` is a built-in class this module makes on demand.
#[must_use]
pub fn is_lazy(name: &str) -> bool {
    LAZY.iter().any(|(n, _)| *n == name)
}

impl Vm {
    /// The built-in class `name` (borrowed), made and stored in `builtins`
    /// if this is its first use; `None` when `name` is not one of them.
    pub(crate) fn lazy_builtin_class(&mut self, name: &str) -> Option<Ref> {
        let &(_, parent) = LAZY.iter().find(|(n, _)| *n == name)?;
        let s = self.sym(name);
        let bmod = self.b.module();
        if let Object::Module(md) = self.heap.get(bmod) {
            if let Some(Value::Obj(r)) = md.globals.get(&s) {
                return Some(*r);
            }
        }
        let base = match parent {
            Parent::Eager(e) => self.b.exc(e),
            Parent::Lazy(p) => self.lazy_builtin_class(p)?,
        };
        let c = make_class(self, name, vec![base], ClassKind::User, "builtins");
        self.module_set(bmod, s, Value::Obj(c));
        Some(c)
    }

    /// Makes every lazy built-in class (before `builtins` is listed).
    pub(crate) fn make_all_lazy_builtins(&mut self) {
        for (n, _) in LAZY {
            self.lazy_builtin_class(n);
        }
        let _ = self.stop_async_iteration();
    }

    /// An exception of the lazy built-in class `name` with one message.
    pub fn new_lazy_exc(&mut self, name: &str, msg: &str) -> Value {
        let Some(c) = self.lazy_builtin_class(name) else {
            return self.new_exc(ExcType::Exception, msg);
        };
        let m = self.str_value(msg);
        let args = self.tuple(vec![m]);
        self.make_exception(c, args)
    }

    /// Shorthand: `Err(name(msg))` for a lazy built-in class.
    ///
    /// # Errors
    /// Always: the exception raised.
    pub fn lazy_err<T>(&mut self, name: &str, msg: impl AsRef<str>) -> PyResult<T> {
        Err(self.new_lazy_exc(name, msg.as_ref()))
    }
}
