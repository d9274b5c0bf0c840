//! Text-file behaviour shared by `open`, file methods and `print`:
//! the `newline` argument, `writelines`, and where `print(file=…)` writes.

use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Stream, Vm};

/// The `newline` argument of `open` (validated as CPython does).
pub(crate) fn newline_arg(vm: &mut Vm, a: &Args<'_>, binary: bool) -> PyResult<Option<Box<str>>> {
    let v = a
        .pos
        .get(5)
        .copied()
        .or_else(|| crate::builtins::arg_kw(vm, a, "newline"));
    let Some(v) = v.filter(|v| *v != Value::None) else {
        return Ok(None);
    };
    let Some(s) = vm.as_str(v).map(str::to_string) else {
        let tn = vm.type_name(v);
        return vm.type_error(format!(
            "open() argument 'newline' must be str or None, not {tn}"
        ));
    };
    if binary {
        return vm.value_error("binary mode doesn't take a newline argument");
    }
    if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
        return vm.value_error(format!("illegal newline value: {s}"));
    }
    Ok(Some(s.into()))
}

/// `file.writelines(lines)`: writes each item in turn.
pub fn writelines(vm: &mut Vm, a: &Args<'_>, ret: RetMode) -> PyResult<Ret> {
    if a.pos.len() != 2 {
        return vm.type_error(format!(
            "writelines() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        ));
    }
    let items = vm.collect_sync(a.pos[1])?;
    let mut result = Ok(());
    for &it in &items {
        let args = [a.pos[0], it];
        let r = crate::builtins::file_write_native(
            vm,
            &Args {
                pos: &args,
                kw: &[],
            },
            ret.clone(),
        );
        match r {
            Ok(Ret::Value(v)) => vm.heap.decref(v),
            Ok(Ret::Pushed) => {}
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.heap.decref_all(items);
    result.map(|()| Ret::Value(Value::None))
}

/// Where `print` writes.
pub(crate) enum Target {
    /// The process's standard output or error (`sys.stdout`/`sys.stderr`).
    Stream(Stream),
    /// Anything else: its `write` method is called with each piece.
    Object(Value),
}

impl Vm {
    /// `sys.stdout` when a program imported `sys` (borrowed): `print()`
    /// writes there, so a stream assigned to it receives the output.
    pub(crate) fn sys_stdout(&mut self) -> Option<Value> {
        let m = *self.modules.get("sys")?;
        let s = self.names.lookup("stdout")?;
        match self.heap.get(m) {
            Object::Module(md) => md.globals.get(&s).copied(),
            _ => None,
        }
    }

    /// The target of `print(file=f)` (`f` borrowed).
    pub(crate) fn print_target(&mut self, f: Value) -> Target {
        if f == Value::None {
            return Target::Stream(Stream::Stdout);
        }
        if let Some(r) = f.as_ref() {
            if let Object::Instance(inst) = self.heap.get(r) {
                let cls = inst.class;
                let std = matches!(self.heap.get(cls), Object::Class(c)
                    if &*c.name == "TextIOWrapper" && &*c.module == "_io");
                if std {
                    let name_sym = self.sym("name");
                    let name = match self.heap.get(r) {
                        Object::Instance(i) => i.attrs.get(&name_sym).copied(),
                        _ => None,
                    };
                    match name.and_then(|n| self.as_str(n)) {
                        Some("<stderr>") => return Target::Stream(Stream::Stderr),
                        Some("<stdout>") => return Target::Stream(Stream::Stdout),
                        _ => {}
                    }
                }
            }
        }
        Target::Object(f)
    }

    /// Writes one piece of `print`'s output to `target`.
    pub(crate) fn print_piece(&mut self, target: &Target, text: &str) -> PyResult<()> {
        match target {
            Target::Stream(s) => {
                self.write(*s, text);
                Ok(())
            }
            Target::Object(f) => {
                let write = self.sym("write");
                let m = self.get_attr(*f, write)?;
                let s = self.str_value(text);
                let r = self.call_sync(m, vec![s], Vec::new());
                self.heap.decref(m);
                r.map(|v| self.heap.decref(v))
            }
        }
    }
}

/// `file.__next__()`: the next line; `StopIteration` at the end.
pub fn file_next(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    let Some(r) = a
        .pos
        .first()
        .and_then(|v| v.as_ref())
        .filter(|r| matches!(vm.heap.get(*r), Object::File(_)))
    else {
        return vm.type_error("file method needs a file");
    };
    match vm.file_readline(r)? {
        Some(line) => Ok(Ret::Value(line)),
        None => Err(vm.new_exc_empty(crate::builtins::ExcType::StopIteration)),
    }
}
