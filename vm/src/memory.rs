//! The memory limit. Sizes a program computes (`'x' * n`, `s.center(n)`,
//! `1 << n`, `x ** n`, a list collected from an endless iterator) are
//! checked against [`Vm::max_memory`] before anything is allocated, so a
//! program asking for too much gets `MemoryError`, as under CPython,
//! instead of the process being aborted or killed. The count is
//! approximate: live heap objects at a typical size plus the request.

use crate::builtins::ExcType;
use crate::iter::IterObj;
use crate::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// What a live heap object is taken to cost, in bytes, on average.
const OBJECT_BYTES: usize = 64;

/// A limit set for the whole process (`--max-memory`); 0 when none was.
static SET_LIMIT: AtomicUsize = AtomicUsize::new(0);

/// Sets the limit every VM made (or restored from a saved world) from now
/// on starts with: the command line's `--max-memory`.
pub fn set_max_memory(bytes: usize) {
    SET_LIMIT.store(bytes, Ordering::Relaxed);
}

/// The default limit: the one [`set_max_memory`] set, else half of the
/// machine's physical memory (4 GiB where that cannot be read).
#[must_use]
pub fn default_max_memory() -> usize {
    let set = SET_LIMIT.load(Ordering::Relaxed);
    if set != 0 {
        return set;
    }
    static LIMIT: OnceLock<usize> = OnceLock::new();
    *LIMIT.get_or_init(|| physical_memory().map_or(4 << 30, |m| m / 2))
}

fn physical_memory() -> Option<usize> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}

impl Vm {
    /// `MemoryError` unless `bytes` more fit under the limit.
    pub(crate) fn check_memory(&mut self, bytes: usize) -> PyResult<()> {
        let used = self.heap.live.saturating_mul(OBJECT_BYTES);
        if bytes > self.max_memory.saturating_sub(used) {
            return Err(self.new_exc_empty(ExcType::MemoryError));
        }
        Ok(())
    }

    /// `MemoryError` now for collecting a range too long to hold (CPython
    /// sizes the list from the range's length first).
    pub(crate) fn check_range_memory(&mut self, v: Value) -> PyResult<()> {
        let Some(r) = v.as_ref() else { return Ok(()) };
        let len = match self.heap.get(r) {
            Object::Range(a, b, c) => crate::range::small_len(*a, *b, *c),
            Object::Iter(it) => match &**it {
                IterObj::Range { cur, stop, step } => crate::range::small_len(*cur, *stop, *step),
                _ => 0,
            },
            _ => 0,
        };
        self.check_items(
            usize::try_from(len).unwrap_or(usize::MAX),
            std::mem::size_of::<Value>(),
        )
    }

    /// [`Vm::check_memory`] for `count` items of `size` bytes each.
    pub(crate) fn check_items(&mut self, count: usize, size: usize) -> PyResult<()> {
        match count.checked_mul(size) {
            Some(b) => self.check_memory(b),
            None => Err(self.new_exc_empty(ExcType::MemoryError)),
        }
    }
}
