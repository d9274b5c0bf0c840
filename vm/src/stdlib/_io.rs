//! `_io`: the I/O classes CPython's `io` module builds on
//! (`prelude/_io.py`): `_IOBase`, `_RawIOBase`, `_BufferedIOBase`,
//! `_TextIOBase` (real classes programs subclass), `StringIO`, `BytesIO`,
//! `FileIO`, the `Buffered*` classes, `TextIOWrapper`,
//! `IncrementalNewlineDecoder`, `UnsupportedOperation`, `open` (the
//! built-in `open`, whose reads are recorded inputs and sandboxed on
//! re-runs), `open_code`, `text_encoding` and `DEFAULT_BUFFER_SIZE`.
//! Files are read through `open`, never around it, so the recording of
//! outside inputs and the sandbox of re-runs hold for every class here.

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    let file = vm.b.ty(crate::types::TypeTag::File);
    super::put(vm, m, "_ys_file_type", crate::value::Value::Obj(file));
    super::run_prelude(vm, m, "_io", include_str!("prelude/_io.py"));
}
