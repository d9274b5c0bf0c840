//! The yieldscope VM: a Python 3.11 subset whose entire state is plain data.
//!
//! Objects live in a reference-counted arena ([`heap`]), frames live on the
//! VM's own stack ([`frame`]), and a suspended generator is just its saved
//! frame. The whole world ([`Vm`]) derives `Clone`, `Serialize` and
//! `Deserialize`, which is what lets the inspector snapshot, restore and
//! branch a run at any suspension.

pub mod asyncgen;
pub mod attr;
pub mod attrhooks;
pub mod attrs;
pub mod builtins;
pub mod bytes;
pub mod call;
pub mod callargs;
pub mod classnew;
pub mod code;
pub mod compile;
pub mod complex;
pub mod copy;
pub mod coro;
pub mod descr;
pub mod dict;
pub mod dis;
pub mod driver;
pub mod dyncode;
pub mod file;
pub mod fmt;
pub mod frame;
pub mod funcattrs;
pub mod gc;
pub mod gen;
pub mod guard;
pub mod heap;
pub mod import;
pub mod intern;
pub mod interp;
pub mod iter;
pub mod lazyexc;
pub mod matching;
pub mod memory;
pub mod memview;
pub mod meta;
pub mod namespace;
pub mod native;
pub(crate) mod nesting;
pub mod object;
pub mod ops;
pub mod pickle;
pub mod range;
pub mod repr;
pub mod sandbox;
pub mod settable;
pub mod slots;
pub mod slotwrap;
pub mod stdlib;
pub mod subclass;
pub mod suggest;
pub mod textio;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;
pub mod world_check;

pub use guard::{InternalError, INTERNAL_ERROR_EXIT};
pub use value::{Ref, Value};
pub use vm::{Event, Stream, Vm, VmError};
