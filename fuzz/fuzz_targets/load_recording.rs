//! Arbitrary bytes fed to the recording loader: it must return a recording
//! or an error, never panic. Run with `cargo +nightly fuzz run load_recording`
//! from `fuzz/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(rec) = yieldscope_inspector::load_bytes(std::path::Path::new("fuzz.ron"), data) {
        // Restoring a loaded recording must not panic either.
        for b in 0..rec.branches.len() {
            let b = u32::try_from(b).unwrap_or(0);
            let n = rec.branches[b as usize].suspension_count();
            if n > 0 {
                let _ = rec.restore(b, n - 1);
            }
        }
    }
});
