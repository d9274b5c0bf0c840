//! `_locale` in the C locale: `setlocale` (answers `"C"`), `localeconv`,
//! `strcoll`, `strxfrm`, `getencoding`, the `LC_*` categories and `Error`
//! (`prelude/_locale.py`). The machine's locale is not read, so runs stay
//! the same everywhere.

/// Runs the prelude into `m`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    super::run_prelude(vm, m, "_locale", include_str!("prelude/_locale.py"));
}
