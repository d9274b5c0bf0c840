//! Feeds arbitrary text to the compiler: it must answer with code or a
//! syntax error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mut vm = yieldscope_vm::Vm::new();
        let _ = vm.compile("fuzz.py", text, "__main__");
    }
});
