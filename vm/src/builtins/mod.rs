//! Built-in classes, exception hierarchy and the table of native functions.
//!
//! A native function is named by its index in [`TABLE`], so a world holding
//! one serializes as a small number. Methods of built-in types are entries
//! in their class's namespace, found by the same attribute look-up as user
//! methods.

mod bytearraymeth;
mod bytesarity;
mod bytesmeth;
mod bytesops;
mod complexmeth;
mod floatformat;
mod frameobj;
pub(crate) mod funcs;
mod intbytes;
pub(crate) mod introspect;
mod isascii;
mod methods;
mod strmeth;
mod strtrans;

use crate::intern::Sym;
use crate::object::{Attrs, Class, ClassKind, Object};
use crate::types::TypeTag;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use serde::{Deserialize, Serialize};

/// A native function's index in [`TABLE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BuiltinId(pub u16);

/// Arguments passed to a native function (borrowed; keep what you store with `incref`).
pub struct Args<'a> {
    /// Positional arguments (for methods, the receiver first).
    pub pos: &'a [Value],
    /// Keyword arguments.
    pub kw: &'a [(Sym, Value)],
}

/// What a native function did.
pub enum Ret {
    /// Finished with this (owned) value.
    Value(Value),
    /// Pushed a frame; its outcome will be delivered to the caller.
    Pushed,
}

/// A native function.
pub type NativeFn = fn(&mut Vm, &Args<'_>, crate::frame::RetMode) -> PyResult<Ret>;

/// Where a native function is installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The `builtins` module.
    Global,
    /// A method of a built-in type.
    Type(TypeTag),
    /// A function of a module.
    Module(&'static str),
}

/// One native function.
pub struct Def {
    /// Its `__name__`.
    pub name: &'static str,
    /// Where it lives.
    pub owner: Owner,
    /// The implementation.
    pub func: NativeFn,
}

macro_rules! table {
    ($($owner:expr => [$($name:literal : $f:path),* $(,)?]),* $(,)?) => {
        /// Every native function.
        pub static TABLE: &[Def] = &[
            $($(Def { name: $name, owner: $owner, func: $f },)*)*
        ];
    };
}

/// Whether two names are equal, at compile time.
const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The id of the native function `name` installed as `owner` (found at
/// compile time, so the interpreter can recognise a few hot natives).
const fn native_id(owner: Owner, name: &str) -> BuiltinId {
    let mut i = 0;
    while i < TABLE.len() {
        let same_owner = match (TABLE[i].owner, owner) {
            (Owner::Global, Owner::Global) => true,
            (Owner::Type(a), Owner::Type(b)) => a as u8 == b as u8,
            _ => false,
        };
        if same_owner && same_name(TABLE[i].name, name) {
            return BuiltinId(i as u16);
        }
        i += 1;
    }
    panic!("no such native function")
}

/// `generator.send`.
pub const GEN_SEND: BuiltinId = native_id(Owner::Type(TypeTag::Generator), "send");
/// The built-in `next`.
pub const NEXT: BuiltinId = native_id(Owner::Global, "next");
/// The built-in `reversed`.
pub const REVERSED: BuiltinId = native_id(Owner::Global, "reversed");

use bytearraymeth as ba;
use bytesmeth as bm;
use funcs as f;
pub(crate) use funcs::kw as arg_kw;
pub(crate) use funcs::next as next_native;
use intbytes as ib;
use methods as m;
pub(crate) use methods::file_write as file_write_native;
pub(crate) use methods::throw_exception;
use strmeth as s;
use Owner::{Global as G, Module as Md, Type as T};

table! {
    G => [
        "print": f::print, "len": f::len, "repr": f::repr, "abs": f::abs, "isinstance": f::isinstance,
        "issubclass": f::issubclass, "iter": f::iter, "next": f::next, "hash": f::hash, "id": f::id,
        "getattr": f::getattr, "setattr": f::setattr, "hasattr": f::hasattr, "delattr": f::delattr,
        "callable": f::callable, "chr": f::chr, "ord": f::ord, "divmod": f::divmod, "pow": f::pow,
        "round": f::round, "sum": f::sum, "min": f::min, "max": f::max, "any": f::any, "all": f::all,
        "sorted": f::sorted, "enumerate": f::enumerate, "zip": f::zip, "map": f::map,
        "filter": f::filter, "reversed": f::reversed, "bin": f::bin, "oct": f::oct, "hex": f::hex,
        "format": f::format, "vars": f::vars, "dir": f::dir, "globals": f::globals,
        "locals": f::locals, "ascii": f::ascii, "input": f::input, "open": f::open,
        "__build_class__": f::build_class, "__import__": f::import,
    ],
    T(TypeTag::List) => [
        "append": m::list_append, "extend": m::list_extend, "pop": m::list_pop, "insert": m::list_insert,
        "remove": m::list_remove, "index": m::list_index, "count": m::list_count, "clear": m::list_clear,
        "reverse": m::list_reverse, "sort": m::list_sort, "copy": m::list_copy,
    ],
    T(TypeTag::Tuple) => ["index": m::tuple_index, "count": m::tuple_count],
    T(TypeTag::Dict) => [
        "get": m::dict_get, "keys": m::dict_keys, "values": m::dict_values, "items": m::dict_items,
        "pop": m::dict_pop, "setdefault": m::dict_setdefault, "update": m::dict_update,
        "clear": m::dict_clear, "copy": m::dict_copy, "popitem": m::dict_popitem,
        "fromkeys": m::dict_fromkeys, "most_common": m::counter_most_common,
        "elements": m::counter_elements, "subtract": m::counter_subtract, "total": m::counter_total,
    ],
    T(TypeTag::Set) => [
        "add": m::set_add, "remove": m::set_remove, "discard": m::set_discard, "pop": m::set_pop,
        "clear": m::set_clear, "copy": m::set_copy, "union": m::set_union,
        "intersection": m::set_intersection, "difference": m::set_difference,
        "symmetric_difference": m::set_symmetric_difference, "issubset": m::set_issubset,
        "issuperset": m::set_issuperset, "isdisjoint": m::set_isdisjoint, "update": m::set_update,
        "intersection_update": m::set_intersection_update, "difference_update": m::set_difference_update,
    ],
    T(TypeTag::Str) => [
        "join": s::join, "split": s::split, "rsplit": s::rsplit, "strip": s::strip, "lstrip": s::lstrip,
        "rstrip": s::rstrip, "upper": s::upper, "lower": s::lower, "replace": s::replace,
        "startswith": s::startswith, "endswith": s::endswith, "find": s::find, "rfind": s::rfind,
        "index": s::index, "rindex": s::rindex, "count": s::count, "format": s::format,
        "isdigit": s::isdigit, "isalpha": s::isalpha, "isalnum": s::isalnum, "isspace": s::isspace,
        "isupper": s::isupper, "islower": s::islower, "isnumeric": s::isdigit, "isdecimal": s::isdigit,
        "isidentifier": s::isidentifier, "title": s::title, "capitalize": s::capitalize,
        "swapcase": s::swapcase, "center": s::center, "ljust": s::ljust, "rjust": s::rjust,
        "zfill": s::zfill, "splitlines": s::splitlines, "partition": s::partition,
        "rpartition": s::rpartition, "encode": bm::str_encode, "casefold": s::lower,
        "removeprefix": s::removeprefix, "removesuffix": s::removesuffix, "expandtabs": s::expandtabs,
        "istitle": s::istitle,
    ],
    T(TypeTag::Generator) => [
        "send": m::gen_send, "throw": m::gen_throw, "close": m::gen_close, "copy": f::gen_copy,
    ],
    T(TypeTag::Int) => ["bit_length": m::int_bit_length, "to_bytes": ib::int_to_bytes, "conjugate": m::int_conjugate],
    T(TypeTag::Float) => ["is_integer": m::float_is_integer, "as_integer_ratio": m::float_as_integer_ratio],
    T(TypeTag::Deque) => [
        "append": m::deque_append, "appendleft": m::deque_appendleft, "pop": m::deque_pop,
        "popleft": m::deque_popleft, "extend": m::deque_extend, "extendleft": m::deque_extendleft,
        "rotate": m::deque_rotate, "clear": m::deque_clear, "count": m::deque_count,
        "index": m::deque_index, "remove": m::deque_remove, "reverse": m::deque_reverse,
        "copy": m::deque_copy,
    ],
    T(TypeTag::BaseException) => [
        "with_traceback": m::exc_with_traceback, "__init__": m::exc_init, "__str__": m::exc_str,
        "__repr__": m::exc_repr,
    ],
    T(TypeTag::Object) => [
        "__init_subclass__": m::object_init_subclass, "__init__": m::object_init,
        "__repr__": m::object_repr, "__str__": m::object_str, "__eq__": m::object_eq,
        "__ne__": m::object_ne, "__hash__": m::object_hash, "__setattr__": m::object_setattr,
        "__delattr__": introspect::object_delattr,
        "__getattribute__": m::object_getattribute, "__format__": m::object_format,
        "__lt__": m::object_notimpl, "__le__": m::object_notimpl, "__gt__": m::object_notimpl,
        "__ge__": m::object_notimpl,
    ],
    T(TypeTag::Property) => ["setter": m::prop_setter, "getter": m::prop_getter, "deleter": m::prop_deleter],
    T(TypeTag::Range) => ["index": m::range_index, "count": m::range_count],
    T(TypeTag::Slice) => ["indices": m::slice_indices],
    T(TypeTag::Type) => ["mro": m::type_mro],
    T(TypeTag::Random) => [
        "seed": m::rnd_seed, "random": m::rnd_random, "randrange": m::rnd_randrange,
        "randint": m::rnd_randint, "choice": m::rnd_choice, "choices": m::rnd_choices,
        "shuffle": m::rnd_shuffle, "sample": m::rnd_sample, "uniform": m::rnd_uniform,
        "getrandbits": m::rnd_getrandbits, "gauss": m::rnd_gauss, "normalvariate": m::rnd_gauss,
        "expovariate": m::rnd_expovariate, "getstate": m::rnd_getstate, "setstate": m::rnd_setstate,
    ],
    T(TypeTag::File) => [
        "read": m::file_read, "readline": m::file_readline, "readlines": m::file_readlines,
        "write": m::file_write, "close": m::file_close, "__enter__": m::file_enter,
        "__exit__": m::file_exit,
    ],
    Md("itertools") => [
        "count": f::it_count, "cycle": f::it_cycle, "repeat": f::it_repeat, "islice": f::it_islice,
        "chain": f::it_chain, "takewhile": f::it_takewhile, "dropwhile": f::it_dropwhile,
        "accumulate": f::it_accumulate, "product": f::it_product, "permutations": f::it_permutations,
        "combinations": f::it_combinations, "combinations_with_replacement": f::it_combinations_wr,
        "zip_longest": f::it_zip_longest, "starmap": f::it_starmap,
    ],
    // Retired natives keep their indices (a recorded world names natives by
    // index); they are installed nowhere.
    Md("_retired") => ["tee": f::retired],
    Md("itertools") => ["filterfalse": f::it_filterfalse],
    Md("_retired") => ["pairwise": f::retired],
    Md("itertools") => ["from_iterable": f::it_chain_from_iterable],
    Md("_retired") => ["compress": f::retired],
    Md("heapq") => [
        "heappush": f::heappush, "heappop": f::heappop, "heapify": f::heapify,
        "heappushpop": f::heappushpop, "heapreplace": f::heapreplace,
    ],
    Md("bisect") => [
        "bisect_left": f::bisect_left, "bisect_right": f::bisect_right, "bisect": f::bisect_right,
        "insort_left": f::insort_left, "insort_right": f::insort_right, "insort": f::insort_right,
    ],
    Md("operator") => [
        "itemgetter": f::op_itemgetter, "getitem": f::op_getitem, "_getitem_rev": f::op_getitem_rev,
        "add": f::op_add, "mul": f::op_mul,
    ],
    Md("functools") => [
        "reduce": f::ft_reduce, "wraps": f::ft_wraps, "_wrap_apply": f::ft_wrap_apply,
    ],
    Md("math") => [
        "sqrt": f::math_sqrt, "floor": f::math_floor, "ceil": f::math_ceil, "log": f::math_log,
        "exp": f::math_exp, "sin": f::math_sin, "cos": f::math_cos, "tan": f::math_tan,
        "atan2": f::math_atan2, "atan": f::math_atan, "hypot": f::math_hypot, "fabs": f::math_fabs,
        "gcd": f::math_gcd, "factorial": f::math_factorial, "isqrt": f::math_isqrt,
        "log2": f::math_log2, "log10": f::math_log10, "pow": f::math_pow, "trunc": f::math_trunc,
        "isclose": f::math_isclose, "comb": f::math_comb, "perm": f::math_perm, "prod": f::math_prod,
        "fsum": f::math_fsum, "isinf": f::math_isinf, "isnan": f::math_isnan, "copysign": f::math_copysign,
        "asin": f::math_asin, "acos": f::math_acos, "degrees": f::math_degrees, "radians": f::math_radians,
        "isfinite": f::math_isfinite, "frexp": f::math_frexp, "ldexp": f::math_ldexp, "lcm": f::math_lcm, "modf": f::math_modf, "fmod": f::math_fmod, "dist": f::math_dist,
    ],
    Md("gc") => ["collect": f::gc_collect, "enable": f::gc_enable, "disable": f::gc_disable, "isenabled": f::gc_isenabled],
    Md("sys") => ["exit": f::sys_exit, "getrecursionlimit": f::sys_getrecursionlimit, "setrecursionlimit": f::sys_setrecursionlimit, "exc_info": f::sys_exc_info, "exception": f::sys_exception],
    Md("copy") => ["copy": f::copy_copy, "deepcopy": f::copy_deepcopy],
    Md("_introspect") => ["_frames": introspect::frames, "_gen": introspect::gen, "_code": introspect::code, "_weak_new": introspect::weak_new, "_weak_get": introspect::weak_get, "_source_line": introspect::source_line, "_report_ignored": introspect::report_ignored,
        "_format_exception": introspect::format_exception,
        "_format_exception_only": introspect::format_exception_only, "_tb": introspect::tb],
    Md("pickle") => [
        "dumps": crate::pickle::dumps, "loads": crate::pickle::loads, "dump": crate::pickle::dump,
        "load": crate::pickle::load,
    ],
    // Appended, so the indices above stay those recorded worlds hold.
    Md("_introspect") => ["_frame_keep": frameobj::frame_keep, "_frame_find": frameobj::frame_find],
    // New entries go last: a recorded world names native functions by index.
    T(TypeTag::Int) => ["from_bytes": ib::int_from_bytes],
    T(TypeTag::Bytes) => [
        "decode": bm::decode, "hex": bm::hex, "fromhex": bm::fromhex, "join": bm::join,
        "split": bm::split, "rsplit": bm::rsplit, "splitlines": bm::splitlines,
        "strip": bm::strip, "lstrip": bm::lstrip, "rstrip": bm::rstrip,
        "startswith": bm::startswith, "endswith": bm::endswith, "find": bm::find,
        "rfind": bm::rfind, "index": bm::index, "rindex": bm::rindex, "count": bm::count,
        "replace": bm::replace, "upper": bm::upper, "lower": bm::lower, "isdigit": bm::isdigit,
        "isalpha": bm::isalpha, "isalnum": bm::isalnum, "isspace": bm::isspace,
        "isupper": bm::isupper, "islower": bm::islower, "partition": bm::partition,
        "rpartition": bm::rpartition, "ljust": bm::ljust, "rjust": bm::rjust,
        "center": bm::center, "zfill": bm::zfill, "removeprefix": bm::removeprefix,
        "removesuffix": bm::removesuffix, "title": bm::title, "capitalize": bm::capitalize,
        "swapcase": bm::swapcase, "isascii": bm::isascii,
    ],
    T(TypeTag::ByteArray) => [
        "decode": bm::decode, "hex": bm::hex, "fromhex": bm::ba_fromhex, "join": bm::join,
        "split": bm::split, "rsplit": bm::rsplit, "splitlines": bm::splitlines,
        "strip": bm::strip, "lstrip": bm::lstrip, "rstrip": bm::rstrip,
        "startswith": bm::startswith, "endswith": bm::endswith, "find": bm::find,
        "rfind": bm::rfind, "index": bm::index, "rindex": bm::rindex, "count": bm::count,
        "replace": bm::replace, "upper": bm::upper, "lower": bm::lower, "isdigit": bm::isdigit,
        "isalpha": bm::isalpha, "isalnum": bm::isalnum, "isspace": bm::isspace,
        "isupper": bm::isupper, "islower": bm::islower, "partition": bm::partition,
        "rpartition": bm::rpartition, "ljust": bm::ljust, "rjust": bm::rjust,
        "center": bm::center, "zfill": bm::zfill, "removeprefix": bm::removeprefix,
        "removesuffix": bm::removesuffix, "title": bm::title, "capitalize": bm::capitalize,
        "swapcase": bm::swapcase, "isascii": bm::isascii, "append": ba::ba_append, "extend": ba::ba_extend,
        "pop": ba::ba_pop, "insert": ba::ba_insert, "remove": ba::ba_remove,
        "clear": ba::ba_clear, "reverse": ba::ba_reverse, "copy": ba::ba_copy,
    ],
    T(TypeTag::Bytes) => [
        "maketrans": bm::maketrans, "translate": bm::translate, "expandtabs": bm::expandtabs,
    ],
    T(TypeTag::ByteArray) => [
        "maketrans": bm::maketrans, "translate": bm::translate, "expandtabs": bm::expandtabs,
    ],
    T(TypeTag::Function) => ["__get__": crate::descr::descr_get],
    T(TypeTag::Property) => [
        "__get__": crate::descr::descr_get, "__set__": crate::descr::prop_set,
        "__delete__": crate::descr::prop_delete,
    ],
    T(TypeTag::ClassMethod) => ["__get__": crate::descr::descr_get],
    T(TypeTag::StaticMethod) => ["__get__": crate::descr::descr_get],
    T(TypeTag::Object) => ["__new__": crate::classnew::object_new],
    T(TypeTag::Type) => [
        "__new__": crate::meta::type_new, "__init__": crate::meta::type_init,
        "__call__": crate::meta::type_call, "__subclasses__": crate::meta::type_subclasses,
    ],
    // Later additions go last: a recorded world names natives by their index here.
    G => [
        "exec": crate::dyncode::exec, "eval": crate::dyncode::eval, "compile": crate::dyncode::compile,
    ],
    T(TypeTag::Generator) => [
        "__next__": crate::funcattrs::iter_next, "__iter__": crate::funcattrs::iter_self,
    ],
    T(TypeTag::Iterator) => [
        "__next__": crate::funcattrs::iter_next, "__iter__": crate::funcattrs::iter_self,
    ],
    T(TypeTag::File) => [
        "writelines": crate::textio::writelines, "__next__": crate::textio::file_next,
        "__iter__": crate::funcattrs::iter_self,
    ],
    Md("sys") => ["displayhook": crate::dyncode::displayhook],
    Md("_sre") => [
        "_run": crate::stdlib::_sre::run_one, "_scan": crate::stdlib::_sre::scan,
        "getcodesize": crate::stdlib::_sre::getcodesize,
        "ascii_iscased": crate::stdlib::_sre::ascii_iscased,
        "unicode_iscased": crate::stdlib::_sre::unicode_iscased,
        "ascii_tolower": crate::stdlib::_sre::ascii_tolower,
        "unicode_tolower": crate::stdlib::_sre::unicode_tolower,
    ],
    Md("_struct") => [
        "calcsize": crate::stdlib::_struct::calcsize, "_pack": crate::stdlib::_struct::pack,
        "_unpack": crate::stdlib::_struct::unpack,
    ],
    Md("math") => [
        "acosh": crate::stdlib::math::acosh, "asinh": crate::stdlib::math::asinh,
        "atanh": crate::stdlib::math::atanh, "cosh": crate::stdlib::math::cosh,
        "sinh": crate::stdlib::math::sinh, "tanh": crate::stdlib::math::tanh,
        "cbrt": crate::stdlib::math::cbrt, "exp2": crate::stdlib::math::exp2,
        "expm1": crate::stdlib::math::expm1, "log1p": crate::stdlib::math::log1p,
        "nextafter": crate::stdlib::math::nextafter, "ulp": crate::stdlib::math::ulp,
        "remainder": crate::stdlib::math::remainder,
    ],
    Md("zlib") => [
        "crc32": crate::stdlib::zlib::crc32, "adler32": crate::stdlib::zlib::adler32,
        "_compress": crate::stdlib::zlib::compress, "_decompress": crate::stdlib::zlib::decompress,
    ],
    Md("_ys_imp") => [
        "_modules": crate::import::natives::modules, "_find_spec": crate::import::natives::find_spec,
        "_new_module": crate::import::natives::new_module, "_exec": crate::import::natives::exec,
        "_native": crate::import::natives::native, "_forget": crate::import::natives::forget,
        "_display": crate::import::natives::display, "_run_main": crate::import::natives::run_main,
    ],
    Md("importlib") => ["import_module": crate::import::natives::import_module],
    Md("time") => [
        "time": crate::stdlib::time::time, "time_ns": crate::stdlib::time::time_ns,
        "monotonic": crate::stdlib::time::monotonic, "monotonic_ns": crate::stdlib::time::monotonic_ns,
        "perf_counter": crate::stdlib::time::perf_counter,
        "perf_counter_ns": crate::stdlib::time::perf_counter_ns,
        "process_time": crate::stdlib::time::process_time,
        "process_time_ns": crate::stdlib::time::process_time_ns, "sleep": crate::stdlib::time::sleep,
    ],
    Md("sys") => ["_stdin_readline": crate::stdlib::inputs::stdin_readline],
    Md("posix") => [
        "_environ": crate::stdlib::posix::environ, "getcwd": crate::stdlib::posix::getcwd,
        "getpid": crate::stdlib::posix::getpid, "listdir": crate::stdlib::posix::listdir,
        "_stat": crate::stdlib::posix::stat, "urandom": crate::stdlib::posix::urandom,
        "fspath": crate::stdlib::posix::fspath,
    ],
    // `object.__subclasshook__`: answers `NotImplemented`, so ABCs fall back
    // to their registries and MRO.
    T(TypeTag::Object) => ["__subclasshook__": m::object_notimpl],
    Md("_slotwrap") => [
        "__contains__": crate::slotwrap::contains, "__getitem__": crate::slotwrap::getitem,
        "__len__": crate::slotwrap::len,
    ],
    // The container protocol as methods, for subclasses reaching them
    // through `super()` or `dict.__setitem__(self, ...)`.
    T(TypeTag::Dict) => [
        "__getitem__": crate::subclass::proto_getitem, "__setitem__": crate::subclass::proto_setitem,
        "__delitem__": crate::subclass::proto_delitem, "__contains__": crate::subclass::proto_contains,
        "__len__": crate::subclass::proto_len, "__iter__": crate::subclass::proto_iter,
    ],
    T(TypeTag::List) => [
        "__getitem__": crate::subclass::proto_getitem, "__setitem__": crate::subclass::proto_setitem,
        "__delitem__": crate::subclass::proto_delitem, "__contains__": crate::subclass::proto_contains,
        "__len__": crate::subclass::proto_len, "__iter__": crate::subclass::proto_iter,
    ],
    T(TypeTag::Object) => ["__reduce_ex__": crate::subclass::object_reduce_ex],
    T(TypeTag::Int) => ["__new__": crate::subclass::new_int],
    T(TypeTag::Float) => ["__new__": crate::subclass::new_float],
    T(TypeTag::Str) => ["__new__": crate::subclass::new_str],
    T(TypeTag::Tuple) => ["__new__": crate::subclass::new_tuple],
    T(TypeTag::Bytes) => ["__new__": crate::subclass::new_bytes],
    T(TypeTag::FrozenSet) => ["__new__": crate::subclass::new_frozenset],
    T(TypeTag::List) => ["__new__": crate::subclass::new_list],
    T(TypeTag::Dict) => ["__new__": crate::subclass::new_dict],
    T(TypeTag::Set) => ["__new__": crate::subclass::new_set],
    T(TypeTag::Int) => ["__repr__": crate::subclass::proto_repr],
    T(TypeTag::Float) => ["__repr__": crate::subclass::proto_repr],
    T(TypeTag::Str) => ["__repr__": crate::subclass::proto_repr, "__str__": crate::subclass::proto_str],
    T(TypeTag::Tuple) => ["__repr__": crate::subclass::proto_repr],
    T(TypeTag::List) => ["__repr__": crate::subclass::proto_repr],
    T(TypeTag::Dict) => ["__repr__": crate::subclass::proto_repr],
    // Methods of the lazily made classes of `crate::asyncgen`.
    Md("_coroutine") => [
        "send": m::gen_send, "throw": m::gen_throw, "close": m::gen_close,
        "__await__": crate::asyncgen::aw_self,
    ],
    Md("_async_generator") => [
        "__aiter__": crate::asyncgen::ag_aiter, "__anext__": crate::asyncgen::ag_anext,
        "asend": crate::asyncgen::ag_asend, "athrow": crate::asyncgen::ag_athrow,
        "aclose": crate::asyncgen::ag_aclose,
    ],
    Md("_introspect") => ["_iterable_coroutine": crate::asyncgen::mark_iterable_coroutine],
    T(TypeTag::Function) => ["__call__": crate::asyncgen::call_self],
    T(TypeTag::BuiltinFunction) => ["__call__": crate::asyncgen::call_self],
    T(TypeTag::Method) => ["__call__": crate::asyncgen::call_self],
    T(TypeTag::Dict) => ["__reversed__": crate::asyncgen::dict_reversed],
    G => ["aiter": crate::asyncgen::aiter, "anext": crate::asyncgen::anext],
    Md("_ag_await") => [
        "send": crate::asyncgen::aw_send, "throw": crate::asyncgen::aw_throw,
        "close": crate::asyncgen::aw_close, "__await__": crate::asyncgen::aw_self,
        "__iter__": crate::asyncgen::aw_self, "__next__": crate::asyncgen::aw_next,
    ],
    Md("_warnings") => ["_source_line": crate::stdlib::_warnings::source_line],
    T(TypeTag::Str) => [
        "maketrans": strtrans::maketrans, "translate": strtrans::translate,
        "format_map": strtrans::format_map, "isascii": strtrans::isascii,
        "isprintable": strtrans::isprintable,
    ],
    T(TypeTag::Bytes) => ["istitle": strtrans::bytes_istitle],
    T(TypeTag::ByteArray) => ["istitle": strtrans::bytes_istitle],
    T(TypeTag::Set) => ["symmetric_difference_update": strtrans::set_symmetric_difference_update],
    T(TypeTag::FrozenSet) => [
        "copy": strtrans::frozenset_copy, "union": m::set_union, "intersection": m::set_intersection,
        "difference": m::set_difference, "symmetric_difference": m::set_symmetric_difference,
        "issubset": m::set_issubset, "issuperset": m::set_issuperset, "isdisjoint": m::set_isdisjoint,
    ],
    Md("_hash") => ["_digest": crate::stdlib::digest::digest_fn],
    Md("posix") => ["_fsop": crate::stdlib::posix::fsop],
    T(TypeTag::Complex) => [
        "__new__": crate::subclass::new_complex, "__repr__": crate::subclass::proto_repr,
        "conjugate": complexmeth::conjugate, "__complex__": complexmeth::dunder_complex,
        "__getnewargs__": complexmeth::getnewargs, "__format__": complexmeth::format,
        "__add__": complexmeth::add, "__radd__": complexmeth::radd, "__sub__": complexmeth::sub,
        "__rsub__": complexmeth::rsub, "__mul__": complexmeth::mul, "__rmul__": complexmeth::rmul,
        "__truediv__": complexmeth::truediv, "__rtruediv__": complexmeth::rtruediv,
        "__pow__": complexmeth::pow, "__rpow__": complexmeth::rpow, "__neg__": complexmeth::neg,
        "__pos__": complexmeth::pos, "__abs__": complexmeth::abs, "__bool__": complexmeth::bool_,
        "__eq__": complexmeth::eq, "__ne__": complexmeth::ne, "__hash__": complexmeth::hash,
    ],
    Md("cmath") => [
        "acos": crate::stdlib::cmath::acos, "acosh": crate::stdlib::cmath::acosh,
        "asin": crate::stdlib::cmath::asin, "asinh": crate::stdlib::cmath::asinh,
        "atan": crate::stdlib::cmath::atan, "atanh": crate::stdlib::cmath::atanh,
        "cos": crate::stdlib::cmath::cos, "cosh": crate::stdlib::cmath::cosh,
        "exp": crate::stdlib::cmath::exp, "isclose": crate::stdlib::cmath::isclose,
        "isfinite": crate::stdlib::cmath::isfinite, "isinf": crate::stdlib::cmath::isinf,
        "isnan": crate::stdlib::cmath::isnan, "log": crate::stdlib::cmath::log,
        "log10": crate::stdlib::cmath::log10, "phase": crate::stdlib::cmath::phase,
        "polar": crate::stdlib::cmath::polar, "rect": crate::stdlib::cmath::rect,
        "sin": crate::stdlib::cmath::sin, "sinh": crate::stdlib::cmath::sinh,
        "sqrt": crate::stdlib::cmath::sqrt, "tan": crate::stdlib::cmath::tan,
        "tanh": crate::stdlib::cmath::tanh,
    ],
    Md("math") => ["erf": crate::stdlib::math::erf, "erfc": crate::stdlib::math::erfc],
    T(TypeTag::Float) => ["__getformat__": floatformat::getformat],
    T(TypeTag::Str) => ["isascii": isascii::str_isascii],
    T(TypeTag::Bytes) => ["isascii": isascii::bytes_isascii],
    T(TypeTag::ByteArray) => ["isascii": isascii::bytes_isascii],
}

/// The built-in exception types the VM raises itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum ExcType {
    BaseException,
    Exception,
    GeneratorExit,
    KeyboardInterrupt,
    SystemExit,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    AssertionError,
    AttributeError,
    LookupError,
    IndexError,
    KeyError,
    NameError,
    UnboundLocalError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    StopIteration,
    TypeError,
    ValueError,
    UnicodeError,
    ImportError,
    ModuleNotFoundError,
    OSError,
    FileNotFoundError,
    EOFError,
    MemoryError,
    UnpicklingError,
    PicklingError,
    Warning,
    UserWarning,
    DeprecationWarning,
    UnicodeDecodeError,
    UnicodeEncodeError,
    PermissionError,
    SyntaxError,
    SystemError,
}

/// (type, name, parent)
const EXC_TREE: &[(ExcType, &str, Option<ExcType>)] = {
    use ExcType as E;
    &[
        (E::BaseException, "BaseException", None),
        (E::Exception, "Exception", Some(E::BaseException)),
        (E::GeneratorExit, "GeneratorExit", Some(E::BaseException)),
        (
            E::KeyboardInterrupt,
            "KeyboardInterrupt",
            Some(E::BaseException),
        ),
        (E::SystemExit, "SystemExit", Some(E::BaseException)),
        (E::ArithmeticError, "ArithmeticError", Some(E::Exception)),
        (
            E::ZeroDivisionError,
            "ZeroDivisionError",
            Some(E::ArithmeticError),
        ),
        (E::OverflowError, "OverflowError", Some(E::ArithmeticError)),
        (E::AssertionError, "AssertionError", Some(E::Exception)),
        (E::AttributeError, "AttributeError", Some(E::Exception)),
        (E::LookupError, "LookupError", Some(E::Exception)),
        (E::IndexError, "IndexError", Some(E::LookupError)),
        (E::KeyError, "KeyError", Some(E::LookupError)),
        (E::NameError, "NameError", Some(E::Exception)),
        (
            E::UnboundLocalError,
            "UnboundLocalError",
            Some(E::NameError),
        ),
        (E::RuntimeError, "RuntimeError", Some(E::Exception)),
        (E::RecursionError, "RecursionError", Some(E::RuntimeError)),
        (
            E::NotImplementedError,
            "NotImplementedError",
            Some(E::RuntimeError),
        ),
        (E::StopIteration, "StopIteration", Some(E::Exception)),
        (E::TypeError, "TypeError", Some(E::Exception)),
        (E::ValueError, "ValueError", Some(E::Exception)),
        (E::UnicodeError, "UnicodeError", Some(E::ValueError)),
        (E::ImportError, "ImportError", Some(E::Exception)),
        (
            E::ModuleNotFoundError,
            "ModuleNotFoundError",
            Some(E::ImportError),
        ),
        (E::OSError, "OSError", Some(E::Exception)),
        (E::FileNotFoundError, "FileNotFoundError", Some(E::OSError)),
        (E::EOFError, "EOFError", Some(E::Exception)),
        (E::MemoryError, "MemoryError", Some(E::Exception)),
        (E::UnpicklingError, "UnpicklingError", Some(E::Exception)),
        (E::PicklingError, "PicklingError", Some(E::Exception)),
        (E::Warning, "Warning", Some(E::Exception)),
        (E::UserWarning, "UserWarning", Some(E::Warning)),
        (
            E::DeprecationWarning,
            "DeprecationWarning",
            Some(E::Warning),
        ),
        (
            E::UnicodeDecodeError,
            "UnicodeDecodeError",
            Some(E::UnicodeError),
        ),
        (
            E::UnicodeEncodeError,
            "UnicodeEncodeError",
            Some(E::UnicodeError),
        ),
        (E::PermissionError, "PermissionError", Some(E::OSError)),
        (E::SyntaxError, "SyntaxError", Some(E::Exception)),
        (E::SystemError, "SystemError", Some(E::Exception)),
    ]
};

/// Handles of the built-in classes and modules.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Builtins {
    /// Class per type tag, indexed by `TypeTag as usize`.
    pub types: Vec<Ref>,
    /// Exception classes, indexed by `ExcType as usize`.
    pub excs: Vec<Ref>,
    /// The `builtins` module.
    pub module: Option<Ref>,
    /// The native function objects, by table index.
    pub funcs: Vec<Ref>,
    /// `random`'s hidden instance.
    pub random: Option<Ref>,
    /// `sys.modules` (a dict), made on the first import.
    #[serde(default)]
    pub sys_modules: Option<Ref>,
    /// `coroutine`, `async_generator` and its awaitables' classes, made on
    /// first use (`crate::asyncgen`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub async_types: Vec<Ref>,
    /// `random`'s hidden instance still waits for its entropy seed, read
    /// on its first draw unless the program seeds it first.
    #[serde(default)]
    pub random_unseeded: bool,
}

impl Builtins {
    /// The class of a built-in type.
    #[must_use]
    pub fn ty(&self, t: TypeTag) -> Ref {
        // A world recorded before a type existed lacks its class; `object`
        // stands in for it there.
        match self.types.get(t as usize) {
            Some(r) => *r,
            None => self.types[0],
        }
    }

    /// The class of a built-in exception.
    #[must_use]
    pub fn exc(&self, e: ExcType) -> Ref {
        // A world recorded before an exception class existed raises its
        // parent instead.
        match self.excs.get(e as usize) {
            Some(r) => *r,
            None => match e {
                ExcType::UnicodeDecodeError | ExcType::UnicodeEncodeError => {
                    self.excs[ExcType::UnicodeError as usize]
                }
                ExcType::PermissionError => self.excs[ExcType::OSError as usize],
                _ => self.excs[ExcType::Exception as usize],
            },
        }
    }

    /// The `builtins` module.
    #[must_use]
    pub fn module(&self) -> Ref {
        self.module.expect("builtins installed")
    }
}

pub(crate) fn make_class(
    vm: &mut Vm,
    name: &str,
    bases: Vec<Ref>,
    kind: ClassKind,
    module: &str,
) -> Ref {
    let mut mro = Vec::new();
    let r = vm.heap.alloc_immortal(Object::Class(Box::new(Class {
        name: name.into(),
        qualname: name.into(),
        bases: bases.clone(),
        mro: Vec::new(),
        attrs: Attrs::default(),
        kind,
        meta: None,
        custom_getattribute: false,
        slots: None,
        module: module.into(),
        version: 0,
    })));
    mro.push(r);
    if let Some(b) = bases.first() {
        if let Object::Class(c) = vm.heap.get(*b) {
            mro.extend(c.mro.iter().copied());
        }
    }
    if let Object::Class(c) = vm.heap.get_mut(r) {
        c.mro = mro;
    }
    vm.heap.class_epoch += 1;
    r
}

/// Creates the built-in classes, functions and modules.
pub fn install(vm: &mut Vm) {
    // object and type first; everything else derives from object.
    let object = make_class(
        vm,
        "object",
        vec![],
        ClassKind::Builtin(TypeTag::Object),
        "builtins",
    );
    let mut types = vec![object];
    // `complex` (and any later tag) gets its class on first use.
    for t in &TypeTag::ALL[1..TypeTag::Complex as usize] {
        let bases = match t {
            TypeTag::Bool => vec![types[TypeTag::Int as usize]],
            TypeTag::DefaultDict | TypeTag::Counter => vec![types[TypeTag::Dict as usize]],
            _ => vec![object],
        };
        let module = match t {
            TypeTag::Deque | TypeTag::DefaultDict | TypeTag::Counter => "collections",
            TypeTag::Random => "random",
            TypeTag::Partial => "functools",
            _ => "builtins",
        };
        let c = make_class(vm, t.name(), bases, ClassKind::Builtin(*t), module);
        types.push(c);
    }
    vm.b.types = types;
    let mut excs: Vec<Ref> = Vec::new();
    for (ty, name, parent) in EXC_TREE {
        let base = parent.map_or(object, |p| excs[p as usize]);
        let kind = if *ty == ExcType::BaseException {
            ClassKind::Builtin(TypeTag::BaseException)
        } else {
            ClassKind::User
        };
        let module = match ty {
            ExcType::UnpicklingError | ExcType::PicklingError => "_pickle",
            _ => "builtins",
        };
        let c = make_class(vm, name, vec![base], kind, module);
        excs.push(c);
    }
    vm.b.types[TypeTag::BaseException as usize] = excs[0];
    vm.b.excs = excs;
    let bmod = vm.new_module("builtins", None);
    vm.b.module = Some(bmod);
    // Native functions.
    let mut funcs = Vec::with_capacity(TABLE.len());
    for (i, d) in TABLE.iter().enumerate() {
        let r = vm.heap.alloc_immortal(Object::Builtin(BuiltinId(
            u16::try_from(i).expect("table size"),
        )));
        funcs.push(r);
        let name = vm.sym(d.name);
        match d.owner {
            Owner::Global => set_attr(vm, bmod, name, Value::Obj(r)),
            Owner::Type(TypeTag::Complex) => {}
            Owner::Type(t) => {
                let c = vm.b.ty(t);
                set_attr(vm, c, name, Value::Obj(r));
            }
            Owner::Module(_) => {}
        }
    }
    vm.b.funcs = funcs;
    // Type names in builtins.
    for t in [
        TypeTag::Object,
        TypeTag::Type,
        TypeTag::Bool,
        TypeTag::Int,
        TypeTag::Float,
        TypeTag::Str,
        TypeTag::List,
        TypeTag::Tuple,
        TypeTag::Dict,
        TypeTag::Set,
        TypeTag::FrozenSet,
        TypeTag::Range,
        TypeTag::Slice,
        TypeTag::Property,
        TypeTag::StaticMethod,
        TypeTag::ClassMethod,
        TypeTag::Super,
        TypeTag::Bytes,
        TypeTag::ByteArray,
    ] {
        let name = vm.sym(t.name());
        let c = vm.b.ty(t);
        set_attr(vm, bmod, name, Value::Obj(c));
    }
    for (i, (_, name, _)) in EXC_TREE.iter().enumerate() {
        if matches!(
            EXC_TREE[i].0,
            ExcType::UnpicklingError | ExcType::PicklingError
        ) {
            continue;
        }
        let s = vm.sym(name);
        let c = vm.b.excs[i];
        set_attr(vm, bmod, s, Value::Obj(c));
    }
    let io = vm.b.exc(ExcType::OSError);
    for alias in ["IOError", "EnvironmentError"] {
        let s = vm.sym(alias);
        set_attr(vm, bmod, s, Value::Obj(io));
    }
    let ni = vm.sym("NotImplemented");
    set_attr(vm, bmod, ni, Value::NotImplemented);
    let el = vm.sym("Ellipsis");
    set_attr(vm, bmod, el, Value::Ellipsis);
    // Unhashable built-in types say so as CPython's do (`__hash__ = None`),
    // which is what `collections.abc.Hashable` reads.
    let hash = vm.sym("__hash__");
    for t in [
        TypeTag::List,
        TypeTag::Dict,
        TypeTag::Set,
        TypeTag::ByteArray,
        TypeTag::Deque,
    ] {
        let c = vm.b.ty(t);
        set_attr(vm, c, hash, Value::None);
    }
    crate::stdlib::install_modules(vm);
}

/// Sets an attribute in a class or module namespace (no refcount changes for immortal values).
pub fn set_attr(vm: &mut Vm, target: Ref, name: Sym, v: Value) {
    vm.heap.incref(v);
    vm.heap.class_epoch += 1;
    let old = match vm.heap.get_mut(target) {
        Object::Class(c) => {
            c.version = c.version.wrapping_add(1);
            c.attrs.insert(name, v)
        }
        Object::Module(m) => m.globals.insert(name, v),
        _ => None,
    };
    if let Some(o) = old {
        vm.heap.decref(o);
    }
}

/// The native function object of a table entry by owner and name.
#[must_use]
pub fn func_ref(vm: &Vm, owner: Owner, name: &str) -> Option<Ref> {
    TABLE
        .iter()
        .position(|d| d.owner == owner && d.name == name)
        .and_then(|i| vm.b.funcs.get(i).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worlds_recorded_before_bytes_existed_fall_back_instead_of_panicking() {
        let mut vm = Vm::new();
        // A world from before `bytes`: fewer type classes and exception classes.
        vm.b.types.truncate(TypeTag::Bytes as usize);
        vm.b.excs.truncate(ExcType::UnicodeDecodeError as usize);
        assert_eq!(vm.b.ty(TypeTag::Bytes), vm.b.ty(TypeTag::Object));
        assert_eq!(
            vm.b.exc(ExcType::UnicodeDecodeError),
            vm.b.exc(ExcType::UnicodeError)
        );
        let b = vm.bytes_value(b"x");
        assert_eq!(vm.repr(b).ok().as_deref(), Some("b'x'"));
    }

    #[test]
    fn new_native_functions_come_after_the_old_ones() {
        // Recorded worlds name native functions by table index: the entries
        // added with `bytes` come after those that existed before them
        // (the last of which was `pickle.load`).
        let pos = |owner: Owner, name: &str| {
            TABLE
                .iter()
                .position(|d| d.owner == owner && d.name == name)
                .expect("entry")
        };
        let load = pos(Owner::Module("pickle"), "load");
        let from_bytes = pos(Owner::Type(TypeTag::Int), "from_bytes");
        assert!(from_bytes > load);
        for (i, d) in TABLE.iter().enumerate() {
            if matches!(d.owner, Owner::Type(TypeTag::Bytes | TypeTag::ByteArray)) {
                assert!(i > from_bytes, "{} at {i}", d.name);
            }
        }
    }
}
