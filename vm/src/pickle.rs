//! `pickle.dumps`/`loads`/`dump`/`load`: a self-describing, versioned text
//! format (not CPython's opcodes) that can hold suspended generators. The
//! VM has no `bytes` type, so `dumps` returns a `str` (see
//! `docs/python-subset.md`); [`format`] describes the layout.

mod dump;
pub mod format;
mod load;

use crate::builtins::{Args, ExcType, Ret};
use crate::copy::plan::{Plan, Verb};
use crate::frame::RetMode;
use crate::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Pickles a value into the text format.
    pub fn pickle_dumps(&mut self, v: Value) -> PyResult<String> {
        if let Some(r) = v.as_ref() {
            // Refusals with the copy walk's messages, before anything is written.
            let plan = Plan::make(self, r, Verb::Pickle)?;
            self.heap.decref_all(plan.hooks);
        }
        let doc = dump::Dumper::new(self).run(v);
        let doc = match doc {
            Ok(d) => d,
            Err(m) if m == "generator already executing" => return self.value_error(m),
            Err(m) if m.starts_with("cannot pickle '") || m == "cannot pickle code objects" => {
                return self.type_error(m)
            }
            Err(m) => return self.err(ExcType::PicklingError, m),
        };
        match format::encode(&doc) {
            Some(s) => Ok(s),
            None => self.err(ExcType::PicklingError, "cannot encode the pickle"),
        }
    }

    /// Rebuilds a value from the text format.
    pub fn pickle_loads(&mut self, text: &str) -> PyResult<Value> {
        match format::decode(text) {
            Ok(doc) => self.load_doc(doc),
            Err(m) => self.err(ExcType::UnpicklingError, m),
        }
    }
}

fn one_arg(vm: &mut Vm, a: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    if a.pos.len() < min || a.pos.len() > max {
        return vm.type_error(format!(
            "{name}() takes from {min} to {max} positional arguments but {} were given",
            a.pos.len()
        ));
    }
    Ok(())
}

fn text_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!(
                "{what} must be a str (yieldscope pickles are text), not '{tn}'"
            ))
        }
    }
}

/// `pickle.dumps(obj, protocol=None)`: a `str`.
pub fn dumps(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "dumps", 1, 2)?;
    let s = vm.pickle_dumps(a.pos[0])?;
    Ok(Ret::Value(vm.str_value(&s)))
}

/// `pickle.loads(data)`.
pub fn loads(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "loads", 1, 1)?;
    let text = text_arg(vm, a.pos[0], "a pickle")?;
    Ok(Ret::Value(vm.pickle_loads(&text)?))
}

/// `pickle.dump(obj, file)`: writes the text with `file.write`.
pub fn dump(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "dump", 2, 3)?;
    let s = vm.pickle_dumps(a.pos[0])?;
    let sv = vm.str_value(&s);
    let write = vm.sym("write");
    let r = vm.call_method_sync(a.pos[1], write, vec![sv])?;
    vm.heap.decref(r);
    Ok(Ret::Value(Value::None))
}

/// `pickle.load(file)`: reads everything with `file.read()`.
pub fn load(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "load", 1, 1)?;
    let read = vm.sym("read");
    let data = vm.call_method_sync(a.pos[0], read, Vec::new())?;
    let text = text_arg(vm, data, "file.read()");
    vm.heap.decref(data);
    let text = text?;
    Ok(Ret::Value(vm.pickle_loads(&text)?))
}

/// Whether a value is a generator (for `itertools.tee`).
#[must_use]
pub fn is_generator_value(vm: &Vm, v: Value) -> bool {
    matches!(
        v.as_ref().map(|r| vm.heap.get(r)),
        Some(Object::Generator(_))
    )
}
