//! `time` (written in C in CPython): the clocks, each reading an outside
//! input recorded for replay (see `inputs.rs`), and `sleep`.

use crate::builtins::funcs::nargs;
use crate::builtins::{Args, Ret};
use crate::frame::RetMode;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

fn since_start() -> std::time::Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn wall_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(0))
}

fn mono_ns() -> i128 {
    i128::try_from(since_start().as_nanos()).unwrap_or(0) + 1_000_000_000
}

fn int(vm: &mut Vm, n: i128) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => vm.int_from_big(num_bigint::BigInt::from(n)),
    }
}

macro_rules! clock {
    ($name:ident, $ns:ident, $key:literal, $read:expr) => {
        /// The clock in seconds, as a float (recorded).
        pub fn $name(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
            nargs(vm, a, stringify!($name), 0, 0)?;
            #[allow(clippy::cast_precision_loss)]
            let v = vm.outside_f64(concat!("<clock:", $key, ">"), || $read() as f64 / 1e9);
            Ok(Ret::Value(Value::Float(v)))
        }

        /// The clock in nanoseconds, as an int (recorded).
        pub fn $ns(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
            nargs(vm, a, stringify!($ns), 0, 0)?;
            let v = vm.outside_i128(concat!("<clock:", $key, "_ns>"), $read);
            Ok(Ret::Value(int(vm, v)))
        }
    };
}

clock!(time, time_ns, "time", wall_ns);
clock!(monotonic, monotonic_ns, "monotonic", mono_ns);
clock!(perf_counter, perf_counter_ns, "perf_counter", mono_ns);
clock!(process_time, process_time_ns, "process_time", mono_ns);

/// `time.sleep(secs)`: sleeps in a live run; a replay does not wait.
pub fn sleep(vm: &mut Vm, a: &Args<'_>, _ret: RetMode) -> PyResult<Ret> {
    nargs(vm, a, "sleep", 1, 1)?;
    let Some(secs) = vm.num_f64(a.pos[0]) else {
        let t = vm.type_name(a.pos[0]).to_string();
        return vm.type_error(format!("'{t}' object cannot be interpreted as an integer"));
    };
    if secs < 0.0 {
        return vm.value_error("sleep length must be non-negative");
    }
    if vm.driver.replay_reads.is_none() && secs.is_finite() {
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e6)));
    }
    Ok(Ret::Value(Value::None))
}
