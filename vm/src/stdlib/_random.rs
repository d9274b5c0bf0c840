//! `_random`: the `Random` base class of CPython's `random` module — the
//! VM's Mersenne Twister type (`random_mt.rs`), with `random`, `seed`,
//! `getstate`, `setstate` and `getrandbits`.

use crate::types::TypeTag;
use crate::value::Value;

/// Installs `Random`.
pub fn install(vm: &mut crate::vm::Vm, m: crate::value::Ref) {
    let c = vm.b.ty(TypeTag::Random);
    super::put(vm, m, "Random", Value::Obj(c));
}

impl crate::vm::Vm {
    /// The seed of an unseeded generator (`random` at import,
    /// `random.seed()`, `Random()`): 32 bytes of the system's entropy, read
    /// as a recorded outside input, so two runs differ as CPython's do while
    /// a replay draws the same numbers. A re-run of a recording that never
    /// read it (made before unseeded generators read entropy) gets seed 0,
    /// as that run did.
    pub(crate) fn entropy_seed(&mut self) -> num_bigint::BigInt {
        let text = self.outside_input("<random-seed>", || {
            let mut buf = [0u8; 32];
            let ok = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
                .is_ok();
            ok.then(|| crate::bytes::to_hex(&buf, None, 0))
        });
        text.and_then(|t| num_bigint::BigInt::parse_bytes(t.as_bytes(), 16))
            .unwrap_or_default()
    }
}
