//! `pickle.dumps`/`loads`/`dump`/`load`: a self-describing, versioned text
//! format (not CPython's opcodes) that can hold suspended generators,
//! carried in `bytes` as its UTF-8 encoding (see `docs/python-subset.md`);
//! [`format`] describes the layout.

mod dump;
pub mod format;
mod load;
pub(crate) mod stack_depth;
pub(crate) use load::resumable_at;

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
            let plan = Plan::make(self, r, Verb::Pickle, None)?;
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

/// The text of a pickle given as bytes (CPython's `TypeError` for anything
/// else; text that is not UTF-8 cannot be a pickle of ours).
fn pickle_text(vm: &mut Vm, v: Value) -> PyResult<String> {
    match vm.as_bytes_like(v) {
        Some(b) => match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => vm.err(
                ExcType::UnpicklingError,
                "invalid pickle data: not a yieldscope pickle",
            ),
        },
        None => {
            let tn = vm.type_name(v);
            vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
        }
    }
}

/// `pickle.dumps(obj, protocol=None)`: `bytes`.
pub fn dumps(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "dumps", 1, 2)?;
    let s = vm.pickle_dumps(a.pos[0])?;
    Ok(Ret::Value(vm.bytes_value(s.as_bytes())))
}

/// `pickle.loads(data)`.
pub fn loads(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "loads", 1, 1)?;
    let text = pickle_text(vm, a.pos[0])?;
    Ok(Ret::Value(vm.pickle_loads(&text)?))
}

/// `pickle.dump(obj, file)`: writes the bytes with `file.write`.
pub fn dump(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "dump", 2, 3)?;
    let s = vm.pickle_dumps(a.pos[0])?;
    let data = vm.bytes_value(s.as_bytes());
    let write = vm.sym("write");
    let r = vm.call_method_sync(a.pos[1], write, vec![data])?;
    vm.heap.decref(r);
    Ok(Ret::Value(Value::None))
}

/// `pickle.load(file)`: reads everything with `file.read()`.
pub fn load(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    one_arg(vm, a, "load", 1, 1)?;
    let read = vm.sym("read");
    let data = vm.call_method_sync(a.pos[0], read, Vec::new())?;
    let text = pickle_text(vm, data);
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
