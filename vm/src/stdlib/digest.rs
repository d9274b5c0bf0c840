//! The digests behind CPython's built-in hash modules (`_md5`, `_sha1`,
//! `_sha256`, `_sha512`, `_sha3`, `_blake2`), over the RustCrypto crates.
//!
//! A hash object is plain data: the prelude (`prelude/_hash.py`) keeps the
//! bytes fed to it so far, and `digest()` hashes them here in one go, so a
//! suspended program holding a half-fed hash copies and pickles like any
//! other value.

use crate::builtins::funcs::nargs;
use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use sha2::digest::{Digest, ExtendableOutput, Update, VariableOutput};

/// Fills a hash module: the shared prelude, then the module's own
/// constructors (`defs`, Python source).
pub(crate) fn install_hash_module(vm: &mut Vm, m: Ref, name: &str, defs: &str) {
    super::put_funcs(vm, m, "_hash");
    let src = format!("{}\n{defs}", include_str!("prelude/_hash.py"));
    super::run_prelude(vm, m, name, &src);
}

fn fixed<D: Digest>(data: &[u8]) -> Vec<u8> {
    D::digest(data).to_vec()
}

fn shake<X: Default + Update + ExtendableOutput>(data: &[u8], n: usize) -> Vec<u8> {
    let mut h = X::default();
    h.update(data);
    let mut out = vec![0u8; n];
    h.finalize_xof_into(&mut out);
    out
}

/// The digest of `data` by the algorithm `algo`; `n` is the length of a
/// SHAKE output or of a BLAKE2 digest. `None`: unknown algorithm or size.
fn compute(algo: &str, data: &[u8], n: usize) -> Option<Vec<u8>> {
    Some(match algo {
        "md5" => fixed::<md5::Md5>(data),
        "sha1" => fixed::<sha1::Sha1>(data),
        "sha224" => fixed::<sha2::Sha224>(data),
        "sha256" => fixed::<sha2::Sha256>(data),
        "sha384" => fixed::<sha2::Sha384>(data),
        "sha512" => fixed::<sha2::Sha512>(data),
        "sha3_224" => fixed::<sha3::Sha3_224>(data),
        "sha3_256" => fixed::<sha3::Sha3_256>(data),
        "sha3_384" => fixed::<sha3::Sha3_384>(data),
        "sha3_512" => fixed::<sha3::Sha3_512>(data),
        "shake_128" => shake::<sha3::Shake128>(data, n),
        "shake_256" => shake::<sha3::Shake256>(data, n),
        "blake2b" => {
            let mut h = blake2::Blake2bVar::new(n).ok()?;
            h.update(data);
            let mut out = vec![0u8; n];
            h.finalize_variable(&mut out).ok()?;
            out
        }
        "blake2s" => {
            let mut h = blake2::Blake2sVar::new(n).ok()?;
            h.update(data);
            let mut out = vec![0u8; n];
            h.finalize_variable(&mut out).ok()?;
            out
        }
        _ => return None,
    })
}

/// `_digest(algo, data, length)`: bytes.
pub fn digest_fn(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "_digest", 3, 3)?;
    let algo = vm.to_str(a.pos[0])?;
    let data = vm.as_bytes_like(a.pos[1]).map(<[u8]>::to_vec);
    let Some(data) = data else {
        return vm.type_error("object supporting the buffer API required");
    };
    let n = match a.pos[2] {
        Value::Int(n) => usize::try_from(n).unwrap_or(0),
        _ => 0,
    };
    if n > (1 << 28) {
        return vm.err(crate::builtins::ExcType::MemoryError, "");
    }
    match compute(&algo, &data, n) {
        Some(out) => Ok(Ret::Value(vm.bytes_value(&out))),
        None => vm.value_error(format!("unsupported hash type {algo}")),
    }
}
