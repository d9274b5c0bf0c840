//! `_warnings`: the filters, the once-registry and `warn`/`warn_explicit`
//! that CPython's `warnings` takes from its C half (`prelude/_warnings.py`).
//! A warning shown through the unmodified `warnings` machinery is printed
//! here with its source line taken from the code the VM loaded, so it needs
//! neither `linecache` nor a new read of the file.

use crate::builtins::funcs::nargs;
use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::vm::{PyResult, Vm};

/// Runs the prelude into `m`.
pub fn install(vm: &mut Vm, m: crate::value::Ref) {
    super::put_funcs(vm, m, "_warnings");
    super::run_prelude(vm, m, "_warnings", include_str!("prelude/_warnings.py"));
}

/// `_source_line(filename, lineno)`: the line of a loaded source file, or
/// `None` when the VM holds no source of that name.
pub fn source_line(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "_source_line", 2, 2)?;
    let path = vm.to_str(a.pos[0])?;
    let Some(n) = (match a.pos[1] {
        crate::value::Value::Int(n) => u32::try_from(n).ok(),
        _ => None,
    }) else {
        return Ok(Ret::Value(crate::value::Value::None));
    };
    let line = vm
        .sources
        .iter()
        .rev()
        .find(|s| s.path == path)
        .map(|s| s.line_text(n).to_string());
    Ok(Ret::Value(match line {
        Some(l) if n >= 1 => vm.str_value(&l),
        _ => crate::value::Value::None,
    }))
}
