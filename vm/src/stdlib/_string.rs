//! `_string`: the format-string parsers behind `string.Formatter`
//! (`formatter_parser`, `formatter_field_name_split`), in the prelude
//! `prelude/_string.py`.

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_string", include_str!("prelude/_string.py"));
}
