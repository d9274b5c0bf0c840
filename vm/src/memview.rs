//! `memoryview`, made on first use: a Python class over `bytes` and
//! `bytearray` (`stdlib/prelude/memoryview.py`) stored in `builtins` the
//! first time a program names it, so worlds of programs that never use it
//! keep their heap layout.

use crate::object::Object;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The `memoryview` class (borrowed), made and stored in `builtins` on
    /// first use.
    pub(crate) fn memoryview_class(&mut self) -> Option<Value> {
        let s = self.names.intern("memoryview");
        let bmod = self.b.module();
        if let Object::Module(md) = self.heap.get(bmod) {
            if let Some(&v) = md.globals.get(&s) {
                return Some(v);
            }
        }
        let m = self.new_module("_ys_memoryview", None);
        crate::stdlib::run_prelude(
            self,
            m,
            "_ys_memoryview",
            include_str!("stdlib/prelude/memoryview.py"),
        );
        let cls = match self.heap.get(m) {
            Object::Module(md) => md.globals.get(&s).copied(),
            _ => None,
        };
        if let Some(c) = cls {
            self.heap.incref(c);
            self.module_set(bmod, s, c);
        }
        cls
    }
}
