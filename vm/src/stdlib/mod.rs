//! The small stdlib: modules built on first import from native functions
//! (see the builtins table) and a few constants.

pub mod _bisect;
pub mod _blake2;
pub mod _codecs;
pub mod _collections;
pub mod _contextvars;
pub mod _csv;
pub mod _functools;
pub mod _heapq;
pub mod _imp;
pub mod _io;
pub mod _locale;
pub mod _md5;
pub mod _operator;
pub mod _random;
pub mod _sha1;
pub mod _sha256;
pub mod _sha3;
pub mod _sha512;
pub mod _signal;
pub mod _sre;
pub mod _stat;
pub mod _string;
pub mod _struct;
pub mod _thread;
pub mod _warnings;
pub mod _weakref;
pub mod array;
pub mod atexit;
pub mod binascii;
pub mod cmath;
mod cmath_special;
pub(crate) mod digest;
pub mod errno;
pub(crate) mod inputs;
pub mod math;
pub(crate) mod posix;
pub mod random_mt;
mod sys;
pub(crate) mod time;
pub mod zlib;

use crate::builtins::{set_attr, Owner, TABLE};
use crate::object::Object;
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::Vm;

/// Nothing is created up front; modules appear when imported.
pub fn install_modules(_vm: &mut Vm) {}

pub(crate) fn put(vm: &mut Vm, m: Ref, name: &str, v: Value) {
    let s = vm.sym(name);
    set_attr(vm, m, s, v);
}

pub(crate) fn put_funcs(vm: &mut Vm, m: Ref, module: &'static str) {
    for (i, d) in TABLE.iter().enumerate() {
        if d.owner == Owner::Module(module) {
            let f = vm.b.funcs[i];
            put(vm, m, d.name, Value::Obj(f));
        }
    }
}

/// The modules the VM provides itself, one a line: `C` where CPython
/// writes the module in C (the VM's is native, in this folder, named after
/// the module); `Py` where CPython writes it in Python and the VM keeps its
/// own version, with the reason.
pub const REGISTRY: &[(&str, Source)] = &[
    ("sys", Source::C),
    ("gc", Source::C),
    ("math", Source::C),
    ("itertools", Source::C),
    ("_ys_imp", Source::C),
    ("_introspect", Source::C),
    ("time", Source::C),
    ("posix", Source::C),
    // CPython's needs `_collections_abc` (metaclasses) and all of `posix`.
    ("os", Source::Py),
    // The import system is the VM's own (CPython's needs `_imp`, `_io` and
    // `marshal`): `import_module` only.
    ("importlib", Source::Py),
    ("importlib.util", Source::Py),
    // CPython's needs metaclasses (ABCMeta via `_collections_abc`).
    ("collections", Source::Py),
    // CPython's needs `_functools` and metaclass-free `abc` support; `partial` is a native type here.
    ("functools", Source::Py),
    // Seeded like CPython's Mersenne Twister, natively; CPython's needs `_random` and `_sha512`.
    ("random", Source::Py),
    // Copies suspended generators (see the design's copy semantics).
    ("copy", Source::Py),
    // Pickles suspended generators in the VM's own format.
    ("pickle", Source::Py),
    // CPython's needs metaclasses, `__class_getitem__` and descriptors.
    ("typing", Source::Py),
    ("__future__", Source::Py),
    // Generator and frame introspection over the VM's frames.
    ("inspect", Source::Py),
    ("types", Source::Py),
    ("traceback", Source::Py),
    // Weak references over the VM's weak table.
    ("weakref", Source::Py),
];

/// Who writes a module in CPython (see [`REGISTRY`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// C: the VM provides it natively.
    C,
    /// Python: the VM keeps its own version for a reason.
    Py,
}

/// Fills a new native module.
type Install = fn(&mut Vm, Ref);

/// Modules CPython writes in C, each provided by its own file here.
const NATIVE: &[(&str, Install)] = &[
    ("_sre", _sre::install),
    ("_struct", _struct::install),
    ("_heapq", _heapq::install),
    ("_bisect", _bisect::install),
    ("_collections", _collections::install),
    ("_weakref", _weakref::install),
    ("errno", errno::install),
    ("_string", _string::install),
    ("_thread", _thread::install),
    ("_contextvars", _contextvars::install),
    ("_functools", _functools::install),
    ("_random", _random::install),
    ("binascii", binascii::install),
    ("_stat", _stat::install),
    ("atexit", atexit::install),
    ("_locale", _locale::install),
    ("zlib", zlib::install),
    ("_codecs", _codecs::install),
    ("_operator", _operator::install),
    ("_warnings", _warnings::install),
    ("_md5", _md5::install),
    ("_sha1", _sha1::install),
    ("_sha256", _sha256::install),
    ("_sha512", _sha512::install),
    ("_sha3", _sha3::install),
    ("_blake2", _blake2::install),
    ("array", array::install),
    ("_csv", _csv::install),
    ("cmath", cmath::install),
    ("_io", _io::install),
    ("_signal", _signal::install),
    ("_imp", _imp::install),
];

/// Whether the VM provides this module itself.
#[must_use]
pub fn is_native(name: &str) -> bool {
    REGISTRY.iter().any(|(n, _)| *n == name) || NATIVE.iter().any(|(n, _)| *n == name)
}

/// Whether the VM's module `name` is used for an import from a program in
/// `script_dir`: one CPython writes in Python is shadowed by a file or
/// package of that name in the script's folder, as CPython's would be.
#[must_use]
pub fn provides(name: &str, script_dir: &std::path::Path) -> bool {
    if NATIVE.iter().any(|(n, _)| *n == name) {
        return true;
    }
    match REGISTRY.iter().find(|(n, _)| *n == name) {
        None => false,
        Some((_, Source::C)) => true,
        Some((_, Source::Py)) => {
            !(script_dir.join(format!("{name}.py")).is_file()
                || script_dir.join(name).join("__init__.py").is_file())
        }
    }
}

/// Creates a built-in module by name, if it is one we provide.
pub fn make_module(vm: &mut Vm, name: &str) -> Option<Ref> {
    if let Some((_, install)) = NATIVE.iter().find(|(n, _)| *n == name) {
        let m = vm.new_module(name, None);
        install(vm, m);
        return Some(m);
    }
    if !is_native(name) {
        return None;
    }
    let m = vm.new_module(name, None);
    match name {
        "itertools" => {
            put_funcs(vm, m, "itertools");
            run_prelude(vm, m, "itertools", include_str!("prelude/itertools.py"));
        }
        "gc" | "copy" => put_funcs(vm, m, leak(name)),
        "functools" => {
            put_funcs(vm, m, "functools");
            let p = vm.b.ty(TypeTag::Partial);
            put(vm, m, "partial", Value::Obj(p));
            run_prelude(vm, m, "functools", include_str!("prelude/functools.py"));
        }
        "math" => {
            put_funcs(vm, m, "math");
            put(vm, m, "pi", Value::Float(std::f64::consts::PI));
            put(vm, m, "e", Value::Float(std::f64::consts::E));
            put(vm, m, "tau", Value::Float(std::f64::consts::TAU));
            put(vm, m, "inf", Value::Float(f64::INFINITY));
            put(vm, m, "nan", Value::Float(f64::NAN));
        }
        "random" => {
            let cls = vm.b.ty(TypeTag::Random);
            put(vm, m, "Random", Value::Obj(cls));
            // Seeded from entropy on the first draw (see `random_unseeded`).
            let rng = random_mt::Mt19937::from_seed(&num_bigint::BigInt::from(0));
            vm.b.random_unseeded = true;
            let inst = vm.heap.alloc_immortal(Object::Random(Box::new(rng)));
            vm.b.random = Some(inst);
            for (i, d) in TABLE.iter().enumerate() {
                if d.owner == Owner::Type(TypeTag::Random) {
                    let f = Value::Obj(vm.b.funcs[i]);
                    let bm = vm
                        .heap
                        .alloc_immortal(Object::BoundMethod(Value::Obj(inst), f));
                    put(vm, m, d.name, Value::Obj(bm));
                }
            }
        }
        "collections" => {
            for (n, t) in [
                ("deque", TypeTag::Deque),
                ("defaultdict", TypeTag::DefaultDict),
                ("Counter", TypeTag::Counter),
            ] {
                let c = vm.b.ty(t);
                put(vm, m, n, Value::Obj(c));
            }
            let od = vm.b.ty(TypeTag::Dict);
            put(vm, m, "OrderedDict", Value::Obj(od));
            run_prelude(vm, m, "collections", include_str!("prelude/collections.py"));
            collections_path(vm, m);
        }
        "_introspect" => {
            put_funcs(vm, m, "_introspect");
            run_prelude(vm, m, name, include_str!("prelude/_introspect.py"));
        }
        "inspect" => run_prelude(vm, m, name, include_str!("prelude/inspect.py")),
        "types" => run_prelude(vm, m, name, include_str!("prelude/types.py")),
        "traceback" => run_prelude(vm, m, name, include_str!("prelude/traceback.py")),
        "weakref" => {
            run_prelude(vm, m, name, include_str!("prelude/weakref.py"));
            // `ReferenceError` is a built-in name once weak references exist.
            let s = vm.sym("ReferenceError");
            let cls = match vm.heap.get(m) {
                Object::Module(md) => md.globals.get(&s).copied(),
                _ => None,
            };
            if let (Some(c), Some(b)) = (cls, vm.b.module) {
                set_attr(vm, b, s, c);
            }
        }
        "sys" => sys::fill(vm, m),
        "time" => {
            put_funcs(vm, m, "time");
            run_prelude(vm, m, "time", include_str!("prelude/time.py"));
        }
        "_ys_imp" | "posix" => put_funcs(vm, m, leak(name)),
        "os" => run_prelude(vm, m, name, include_str!("prelude/os.py")),
        "importlib" => {
            put_funcs(vm, m, "importlib");
            run_prelude(vm, m, name, include_str!("prelude/importlib.py"));
        }
        "importlib.util" => run_prelude(vm, m, name, include_str!("prelude/importlib_util.py")),
        "typing" => {
            let obj = vm.b.ty(TypeTag::Object);
            for n in [
                "Any",
                "Optional",
                "List",
                "Dict",
                "Tuple",
                "Set",
                "Iterator",
                "Iterable",
                "Generator",
                "Callable",
                "Union",
                "Sequence",
                "Mapping",
                "TypeVar",
                "NamedTuple",
            ] {
                put(vm, m, n, Value::Obj(obj));
            }
        }
        "__future__" => {
            run_prelude(vm, m, "__future__", include_str!("prelude/__future__.py"));
        }
        "heapq" | "bisect" | "operator" => put_funcs(vm, m, leak(name)),
        "pickle" => {
            put_funcs(vm, m, "pickle");
            for (n, e) in [
                ("UnpicklingError", crate::builtins::ExcType::UnpicklingError),
                ("PicklingError", crate::builtins::ExcType::PicklingError),
            ] {
                let c = vm.b.exc(e);
                put(vm, m, n, Value::Obj(c));
            }
        }
        _ => {}
    }
    Some(m)
}

/// A function of the `_introspect` prelude (borrowed), importing it first.
pub(crate) fn introspect_helper(vm: &mut Vm, name: &str) -> Option<Value> {
    let m = match vm.modules.get("_introspect") {
        Some(&m) => m,
        None => make_module(vm, "_introspect")?,
    };
    let s = vm.sym(name);
    match vm.heap.get(m) {
        Object::Module(md) => md.globals.get(&s).copied(),
        _ => None,
    }
}

/// Runs Python source that defines part of a stdlib module, into that module.
pub(crate) fn run_prelude(vm: &mut Vm, m: Ref, name: &str, src: &str) {
    let path = format!("<frozen {name}>");
    let Ok(code) = vm.compile(&path, src, name) else {
        return;
    };
    let base = vm.frames.len();
    vm.push_module_frame(code, m, crate::frame::RetMode::Sync);
    match vm.wait_sync(base) {
        Ok(v) => vm.heap.decref(v),
        Err(e) => vm.heap.decref(e),
    }
}

fn leak(name: &str) -> &'static str {
    match name {
        "itertools" => "itertools",
        "gc" => "gc",
        "copy" => "copy",
        "heapq" => "heapq",
        "bisect" => "bisect",
        "operator" => "operator",
        "pickle" => "pickle",
        "_ys_imp" => "_ys_imp",
        "time" => "time",
        "posix" => "posix",
        _ => "",
    }
}

/// Makes the VM's `collections` a package whose `__path__` is CPython's
/// `collections` folder, so `collections.abc` is CPython's (over
/// `_collections_abc`).
fn collections_path(vm: &mut Vm, m: Ref) {
    let Some(info) = crate::import::python::python_info() else {
        return;
    };
    let Some(dir) = info
        .path
        .iter()
        .map(|p| std::path::Path::new(p).join("collections"))
        .find(|d| d.join("abc.py").is_file())
    else {
        return;
    };
    let s = vm.str_value(&dir.to_string_lossy());
    let l = vm.list(vec![s]);
    put(vm, m, "__path__", l);
    vm.heap.decref(l);
}
