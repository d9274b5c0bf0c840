//! CPython-compatible hash table layout for `set` and `frozenset`, plus the
//! Python `hash()` functions for the value types the VM can place in them.
//!
//! CPython iterates (and therefore prints) a set in the order of the slots of
//! its open-addressing hash table (`Objects/setobject.c`).  That order depends
//! on the hash values, the table size, the history of insertions and removals
//! (deleted slots become "dummy" markers that later insertions may reuse), and
//! on which construction path built the set.  To print `{5, 1, 3, 100, 33}` or
//! the result of `s.pop()` exactly as CPython 3.11 does, [`SetTable`] keeps the
//! same slot array and applies the same algorithms:
//!
//! * the probe sequence: up to `LINEAR_PROBES` (9) consecutive slots after the
//!   start slot, then `i = (i * 5 + 1 + perturb) & mask` with
//!   `perturb >>= PERTURB_SHIFT` (5);
//! * growth: a table of 8 slots initially (`PySet_MINSIZE`); after an insertion
//!   into a never-used slot, when `fill * 5 >= mask * 3` the table is rebuilt
//!   with the smallest power-of-two size greater than `used * 4` (`used * 2`
//!   above 50 000 elements), dropping dummies;
//! * removal leaves a dummy; an insertion of an absent key whose probe path
//!   crossed dummies fills the last dummy crossed before the empty slot that
//!   ended the search (this is what CPython 3.11 observably does), and then
//!   neither `fill` nor the table size changes;
//! * `set.pop()` scans from a persistent "finger";
//! * `set(other_set)`, `s.copy()` and `s.update(other_set)` follow `set_merge`,
//!   including its presizing and its slot-for-slot copy fast path.
//!
//! Keys are opaque `u32` ids owned by the caller; the table stores only the id
//! and the key's Python hash.  Equality is decided by a caller-supplied closure,
//! called only for stored entries whose hash equals the probed hash, which is
//! exactly when CPython performs its identity test and `==` comparison.
//!
//! The hash functions at the end of the module reproduce CPython 3.11 on
//! 64-bit platforms (`sys.hash_info.width == 64`).

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;
use serde::{Deserialize, Serialize};

/// Number of slots of an empty set's table (`PySet_MINSIZE`).
const MIN_SIZE: usize = 8;
/// Number of extra consecutive slots inspected after each probe start.
const LINEAR_PROBES: u64 = 9;
/// Shift applied to `perturb` between probe starts.
const PERTURB_SHIFT: u32 = 5;
/// Above this many live entries a resize only doubles instead of quadrupling.
const LARGE_SET: usize = 50_000;

/// One slot of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Slot {
    /// Never used since the table was (re)built.
    Empty,
    /// Held a key that was removed; ends no probe sequence.
    Dummy,
    /// Holds a key.
    Used {
        /// The key's Python hash.
        hash: i64,
        /// The caller's key id.
        key: u32,
    },
}

/// The sequence of slot indices CPython visits for one hash value.
///
/// From each start index `i` it yields `i`, then `i + 1 ..= i + 9` when those
/// all lie inside the table, then moves to the next start index.
struct Probe {
    mask: u64,
    perturb: u64,
    start: u64,
    offset: u64,
    run: u64,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Self {
        let mask = mask as u64;
        let perturb = hash as u64;
        let start = perturb & mask;
        Probe {
            mask,
            perturb,
            start,
            offset: 0,
            run: Self::run_len(start, mask),
        }
    }

    fn run_len(start: u64, mask: u64) -> u64 {
        if start + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        }
    }

    fn next_index(&mut self) -> usize {
        if self.offset > self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.start = self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
            self.offset = 0;
            self.run = Self::run_len(self.start, self.mask);
        }
        let index = self.start + self.offset;
        self.offset += 1;
        index as usize
    }
}

/// Places a key known to be absent into a table without dummies
/// (`set_insert_clean`).
fn insert_clean(slots: &mut [Slot], hash: i64, key: u32) {
    let mut probe = Probe::new(hash, slots.len() - 1);
    loop {
        let index = probe.next_index();
        if slots[index] == Slot::Empty {
            slots[index] = Slot::Used { hash, key };
            return;
        }
    }
}

/// An open-addressing table with CPython's set layout.
///
/// Keys are opaque `u32` ids chosen by the caller, which keeps the key values
/// elsewhere; equality is decided by a caller-supplied closure.  Hashes must be
/// Python hash values, so never `-1`.  The same table serves `set` and
/// `frozenset`, whose layouts are identical in CPython.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "SetTableData")]
pub struct SetTable {
    /// The slot array; its length is a power of two, at least [`MIN_SIZE`].
    slots: Vec<Slot>,
    /// Slots that are not [`Slot::Empty`] (live entries plus dummies).
    fill: usize,
    /// Live entries.
    used: usize,
    /// Where `pop` starts scanning (CPython's `finger`); reduced modulo the
    /// table size when used.
    finger: usize,
}

/// The serialized form of a [`SetTable`], checked before use so that a
/// damaged snapshot cannot produce a table whose probes never terminate.
#[derive(Deserialize)]
#[serde(rename = "SetTable")]
struct SetTableData {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl TryFrom<SetTableData> for SetTable {
    type Error = String;

    fn try_from(data: SetTableData) -> Result<Self, String> {
        let size = data.slots.len();
        if size < MIN_SIZE || !size.is_power_of_two() {
            return Err(format!("set table size {size} is not a power of two >= 8"));
        }
        let used = data
            .slots
            .iter()
            .filter(|slot| matches!(slot, Slot::Used { .. }))
            .count();
        let fill = data
            .slots
            .iter()
            .filter(|slot| **slot != Slot::Empty)
            .count();
        if used != data.used || fill != data.fill || fill == size {
            return Err(format!(
                "set table counts fill={} used={} do not match its {size} slots",
                data.fill, data.used
            ));
        }
        Ok(SetTable {
            slots: data.slots,
            fill,
            used,
            finger: data.finger,
        })
    }
}

impl Default for SetTable {
    /// An empty set: the same as [`SetTable::new`].
    fn default() -> Self {
        Self::new()
    }
}

impl SetTable {
    /// An empty table of 8 slots, as `set()` creates.
    #[must_use]
    pub fn new() -> Self {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// An empty table presized the way `set(d)` presizes for an exact `dict`
    /// `d` of `dict_len` entries, before the keys are inserted in dict order
    /// with [`SetTable::insert`] (using the hashes the dict stores).
    #[must_use]
    pub fn with_capacity_like_cpython(dict_len: usize) -> Self {
        let mut table = Self::new();
        table.presize_for_dict_update(dict_len);
        table
    }

    /// The single up-front resize `s.update(d)` (and `set(d)`,
    /// `frozenset(d)`) performs when `d` is an exact `dict` of `dict_len`
    /// entries; call it, then insert the dict's keys in dict order.
    ///
    /// Other iterables (lists, tuples, generators, dict views) are not
    /// presized: insert their items one by one without calling this.
    pub fn presize_for_dict_update(&mut self, dict_len: usize) {
        if (self.fill + dict_len) * 5 >= self.mask() * 3 {
            self.resize((self.used + dict_len) * 2);
        }
    }

    /// Number of live entries (`len(s)`).
    #[must_use]
    pub fn len(&self) -> usize {
        self.used
    }

    /// True when the table holds no live entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Index of the live slot whose key equals the probed key (`set_lookkey`).
    fn lookup(&self, hash: i64, mut eq: impl FnMut(u32) -> bool) -> Option<usize> {
        let mut probe = Probe::new(hash, self.mask());
        loop {
            let index = probe.next_index();
            match self.slots[index] {
                Slot::Empty => return None,
                Slot::Used { hash: h, key } if h == hash && eq(key) => return Some(index),
                _ => {}
            }
        }
    }

    /// Finds the stored key equal to the probed key, given the probed key's
    /// hash.
    ///
    /// `eq(stored)` must answer whether the stored key equals the probed key,
    /// like CPython's `PyObject_RichCompareBool(stored, probed, Py_EQ)`: true
    /// on identity, otherwise the result of `stored == probed`.  It is called
    /// only for stored keys whose hash equals `hash`, in probe order.
    pub fn find(&self, hash: i64, eq: impl FnMut(u32) -> bool) -> Option<u32> {
        self.lookup(hash, eq).map(|index| match self.slots[index] {
            Slot::Used { key, .. } => key,
            Slot::Empty | Slot::Dummy => unreachable!("lookup returns live slots only"),
        })
    }

    /// Adds `key` unless an equal key is present (`set.add`, CPython's
    /// `set_add_entry`).  Returns true if the key was inserted, false if an
    /// equal key was already present (the stored key is kept).
    ///
    /// `eq` is called as for [`SetTable::find`].  The table may be resized
    /// after the insertion, exactly when CPython resizes.
    pub fn insert(&mut self, hash: i64, key: u32, mut eq: impl FnMut(u32) -> bool) -> bool {
        debug_assert_ne!(hash, -1, "-1 is never a Python hash value");
        let mask = self.mask();
        let mut probe = Probe::new(hash, mask);
        let mut free_slot = None;
        loop {
            let index = probe.next_index();
            match self.slots[index] {
                Slot::Empty => {
                    self.used += 1;
                    if let Some(free) = free_slot {
                        self.slots[free] = Slot::Used { hash, key };
                        return true;
                    }
                    self.slots[index] = Slot::Used { hash, key };
                    self.fill += 1;
                    if self.fill * 5 >= mask * 3 {
                        let used = self.used;
                        self.resize(if used > LARGE_SET { used * 2 } else { used * 4 });
                    }
                    return true;
                }
                // CPython remembers the most recent dummy, not the first one.
                Slot::Dummy => free_slot = Some(index),
                Slot::Used {
                    hash: h,
                    key: stored,
                } => {
                    if h == hash && eq(stored) {
                        return false;
                    }
                }
            }
        }
    }

    /// Removes the key equal to the probed key and returns its id
    /// (`set.discard` / `set.remove`, CPython's `set_discard_entry`).  The slot
    /// becomes a dummy; the table never shrinks on removal.
    ///
    /// `eq` is called as for [`SetTable::find`].
    pub fn remove(&mut self, hash: i64, eq: impl FnMut(u32) -> bool) -> Option<u32> {
        let index = self.lookup(hash, eq)?;
        let Slot::Used { key, .. } = self.slots[index] else {
            unreachable!("lookup returns live slots only");
        };
        self.slots[index] = Slot::Dummy;
        self.used -= 1;
        Some(key)
    }

    /// Removes and returns the key `set.pop()` would return, or `None` for an
    /// empty set (where Python raises `KeyError`).
    ///
    /// The scan starts at the finger left by the previous `pop`, wrapping
    /// around the table; the finger survives `clear` and resizes, as in
    /// CPython.
    pub fn pop(&mut self) -> Option<u32> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut index = self.finger & mask;
        loop {
            if let Slot::Used { key, .. } = self.slots[index] {
                self.slots[index] = Slot::Dummy;
                self.used -= 1;
                self.finger = index + 1;
                return Some(key);
            }
            index = if index == mask { 0 } else { index + 1 };
        }
    }

    /// Key ids in CPython's iteration order (slot order).
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.iter_entries().map(|(_, key)| key)
    }

    /// The used slot at or after `pos` and its key (for resumable iteration).
    #[must_use]
    pub fn next_from(&self, pos: usize) -> Option<(usize, u32)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, slot)| match *slot {
                Slot::Used { key, .. } => Some((i, key)),
                Slot::Empty | Slot::Dummy => None,
            })
    }

    /// Renames every stored key id (the caller compacted its key storage).
    pub fn remap_keys(&mut self, mut f: impl FnMut(u32) -> u32) {
        for slot in &mut self.slots {
            if let Slot::Used { key, .. } = slot {
                *key = f(*key);
            }
        }
    }

    /// `(hash, key)` pairs in CPython's iteration order.
    ///
    /// CPython's set algorithms that walk another set (intersection,
    /// difference, symmetric difference) reuse the stored hashes instead of
    /// rehashing; this gives the caller the same information.
    pub fn iter_entries(&self) -> impl Iterator<Item = (i64, u32)> + '_ {
        self.slots.iter().filter_map(|slot| match *slot {
            Slot::Used { hash, key } => Some((hash, key)),
            Slot::Empty | Slot::Dummy => None,
        })
    }

    /// Empties the table back to 8 slots (`set.clear()`).  The `pop` finger is
    /// kept, as CPython keeps it.
    pub fn clear(&mut self) {
        self.slots.clear();
        self.slots.resize(MIN_SIZE, Slot::Empty);
        self.fill = 0;
        self.used = 0;
    }

    /// The table `set(other)` and `s.copy()` produce when `other` / `s` is a
    /// set or frozenset (and `frozenset(other)` when `other` is a set; CPython
    /// returns an exact frozenset itself from `frozenset(fs)` and
    /// `fs.copy()`): CPython's `set_merge` into a new empty set.  The copy
    /// starts with a fresh `pop` finger.
    ///
    /// The copy's order can differ from `other`'s: the new table is sized from
    /// `len(other)`, which may be smaller than `other`'s table.
    ///
    /// This is also how a set display such as `{5, 1, 3, 100, 33}` is built
    /// when it has three or more elements that are all constants: CPython
    /// compiles it to a frozenset constant (its elements added in source
    /// order) and merges that into a new empty set.
    #[must_use]
    pub fn copy_from(other: &SetTable) -> SetTable {
        let mut table = SetTable::new();
        table.update_from(other, |_, _| {
            unreachable!("merging into an empty set compares no keys")
        });
        table
    }

    /// Adds every key of `other` (`s.update(other)`, `s |= other` and the
    /// second half of `s | other` when `other` is a set or frozenset):
    /// CPython's `set_merge`, with its up-front resize and its fast paths for
    /// an empty target.
    ///
    /// `eq(stored, incoming)` answers whether a key already in `self` equals
    /// a key of `other`, like `PyObject_RichCompareBool(stored, incoming,
    /// Py_EQ)`; it is only called when `self` was not empty.  `s.update(s)` is
    /// a no-op in CPython and needs no call.
    pub fn update_from(&mut self, other: &SetTable, mut eq: impl FnMut(u32, u32) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 {
            if self.slots.len() == other.slots.len() && other.fill == other.used {
                self.slots.copy_from_slice(&other.slots);
            } else {
                for (hash, key) in other.iter_entries() {
                    insert_clean(&mut self.slots, hash, key);
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (hash, key) in other.iter_entries() {
            self.insert(hash, key, |stored| eq(stored, key));
        }
    }

    /// Exchanges the contents of two tables but not their `pop` fingers
    /// (CPython's `set_swap_bodies`).  `s &= t` and `s.intersection_update(t)`
    /// compute the intersection into a new set and then swap it into `s`.
    pub fn swap_contents(&mut self, other: &mut SetTable) {
        std::mem::swap(&mut self.slots, &mut other.slots);
        std::mem::swap(&mut self.fill, &mut other.fill);
        std::mem::swap(&mut self.used, &mut other.used);
    }

    /// Rebuilds the table with the smallest power-of-two size (at least 8)
    /// greater than `min_used`, dropping dummies (`set_table_resize`).
    fn resize(&mut self, min_used: usize) {
        let mut new_size = MIN_SIZE;
        while new_size <= min_used {
            new_size <<= 1;
        }
        if new_size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            // CPython leaves a small table without dummies untouched.
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; new_size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Used { hash, key } = slot {
                insert_clean(&mut self.slots, hash, key);
            }
        }
    }
}

/// The modulus of Python's numeric hash, `sys.hash_info.modulus` (2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// Number of bits of [`HASH_MODULUS`].
const HASH_BITS: u32 = 61;
/// `hash(float('inf'))`, `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314_159;

/// The value `hash(None)` has in this VM.
///
/// CPython 3.11 hashes `None` by its memory address, which changes from run
/// to run, so no fixed value can match it; the VM uses the constant CPython
/// 3.12 adopted (`0xFCA86420`).
pub const HASH_NONE: i64 = 0xFCA8_6420;

/// `hash(None)`; see [`HASH_NONE`].
#[must_use]
pub fn hash_none() -> i64 {
    HASH_NONE
}

/// `hash(True)` / `hash(False)`: 1 and 0, as for the equal ints.
#[must_use]
pub fn hash_bool(v: bool) -> i64 {
    i64::from(v)
}

/// Maps the reserved hash value -1 to -2, as every CPython hash function does.
fn avoid_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(v)` for an int: the absolute value reduced modulo 2**61 - 1, with
/// the sign of `v`, and -1 replaced by -2.
#[must_use]
pub fn hash_int_i64(v: i64) -> i64 {
    let reduced = (v.unsigned_abs() % HASH_MODULUS) as i64;
    avoid_minus_one(if v < 0 { -reduced } else { reduced })
}

/// `hash(v)` for an int of any size; agrees with [`hash_int_i64`] on values
/// that fit in an `i64`.
#[must_use]
pub fn hash_bigint(v: &BigInt) -> i64 {
    if let Some(small) = v.to_i64() {
        return hash_int_i64(small);
    }
    let reduced = (v.magnitude() % HASH_MODULUS)
        .to_u64()
        .expect("a value reduced modulo 2**61 - 1 fits in u64") as i64;
    avoid_minus_one(if v.sign() == Sign::Minus {
        -reduced
    } else {
        reduced
    })
}

/// `hash(v)` for a float.
///
/// A finite float hashes as the rational number it represents, reduced
/// modulo 2**61 - 1, so floats equal to ints hash like those ints.
/// Infinities hash to ±314159.  In CPython 3.11 a NaN hashes by the identity
/// (address) of the float object; `identity` stands for that address and is
/// used only for NaN, through [`hash_pointer`].
#[must_use]
pub fn hash_float(v: f64, identity: i64) -> i64 {
    if v.is_nan() {
        return hash_pointer(identity);
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let bits = v.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    // |v| == mantissa * 2**exponent with an integer mantissa below 2**53.
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased_exponent - 1075)
    };
    // 2**61 == 1 (mod 2**61 - 1), so multiplying by 2**e is a rotation of
    // the 61-bit residue by e mod 61 bits.
    let rotation = exponent.rem_euclid(i64::from(HASH_BITS)) as u32;
    let x = mantissa % HASH_MODULUS;
    let reduced = if rotation == 0 {
        x
    } else {
        ((x << rotation) & HASH_MODULUS) | (x >> (HASH_BITS - rotation))
    } as i64;
    avoid_minus_one(if v.is_sign_negative() {
        -reduced
    } else {
        reduced
    })
}

/// CPython's hash of an object address (`_Py_HashPointer`): the address
/// rotated right by 4 bits, with -1 replaced by -2.  It is the default
/// `object.__hash__` and the 3.11 hash of NaN floats.
#[must_use]
pub fn hash_pointer(address: i64) -> i64 {
    avoid_minus_one((address as u64).rotate_right(4) as i64)
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(t)` for a tuple whose items have the hashes `item_hashes`, in
/// order: CPython 3.11's xxHash-based `tuplehash`.
#[must_use]
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &item in item_hashes {
        acc = acc.wrapping_add((item as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// `hash(f)` for a frozenset whose elements have the hashes `item_hashes`
/// (in any order): CPython 3.11's `frozenset_hash`.
#[must_use]
pub fn hash_frozenset(item_hashes: &[i64]) -> i64 {
    fn shuffle_bits(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash = item_hashes
        .iter()
        .fold(0u64, |acc, &h| acc ^ shuffle_bits(h as u64));
    hash ^= (item_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        590_923_713
    } else {
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by CPython 3.11.7 (64-bit): set orders are
    //! `print(s)` output for sets built the same way, table sizes and slot
    //! contents were read from the `PySetObject` structure.

    use super::*;

    /// A Python value usable as a set element in these tests.
    #[derive(Clone, Debug)]
    enum Key {
        Int(BigInt),
        Float(f64),
        Tuple(Vec<Key>),
    }

    impl Key {
        fn hash(&self) -> i64 {
            match self {
                Key::Int(v) => hash_bigint(v),
                Key::Float(v) => hash_float(*v, 0),
                Key::Tuple(items) => hash_tuple(&items.iter().map(Key::hash).collect::<Vec<_>>()),
            }
        }

        fn py_eq(&self, other: &Key) -> bool {
            match (self, other) {
                (Key::Int(a), Key::Int(b)) => a == b,
                (Key::Float(a), Key::Float(b)) => a == b,
                (Key::Int(a), Key::Float(b)) | (Key::Float(b), Key::Int(a)) => {
                    b.fract() == 0.0 && a.to_f64() == Some(*b)
                }
                (Key::Tuple(a), Key::Tuple(b)) => {
                    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.py_eq(y))
                }
                _ => false,
            }
        }

        fn repr(&self) -> String {
            match self {
                Key::Int(v) => v.to_string(),
                Key::Float(v) => format!("{v:?}"),
                Key::Tuple(items) if items.len() == 1 => format!("({},)", items[0].repr()),
                Key::Tuple(items) => {
                    let inner: Vec<String> = items.iter().map(Key::repr).collect();
                    format!("({})", inner.join(", "))
                }
            }
        }
    }

    fn int(v: i64) -> Key {
        Key::Int(BigInt::from(v))
    }

    fn big(v: &str) -> Key {
        Key::Int(v.parse().expect("decimal integer"))
    }

    fn ints(values: &[i64]) -> Vec<Key> {
        values.iter().copied().map(int).collect()
    }

    fn tuple(items: Vec<Key>) -> Key {
        Key::Tuple(items)
    }

    /// Owns the key values; tables refer to them by index.
    #[derive(Default)]
    struct Arena {
        keys: Vec<Key>,
    }

    impl Arena {
        /// `s.add(key)`.
        fn add(&mut self, table: &mut SetTable, key: Key) -> bool {
            let id = u32::try_from(self.keys.len()).expect("few keys");
            let keys = &self.keys;
            let inserted = table.insert(key.hash(), id, |stored| keys[stored as usize].py_eq(&key));
            if inserted {
                self.keys.push(key);
            }
            inserted
        }

        /// A set built by `set()` followed by `add` of each item.
        fn build(&mut self, items: Vec<Key>) -> SetTable {
            let mut table = SetTable::new();
            for key in items {
                self.add(&mut table, key);
            }
            table
        }

        /// `s.discard(key)`; true if something was removed.
        fn discard(&self, table: &mut SetTable, key: &Key) -> bool {
            table
                .remove(key.hash(), |stored| self.keys[stored as usize].py_eq(key))
                .is_some()
        }

        fn contains(&self, table: &SetTable, key: &Key) -> bool {
            table
                .find(key.hash(), |stored| self.keys[stored as usize].py_eq(key))
                .is_some()
        }

        /// `repr(s.pop())`.
        fn pop(&self, table: &mut SetTable) -> Option<String> {
            table.pop().map(|id| self.keys[id as usize].repr())
        }

        /// `s.update(other)` for a set `other`.
        fn update(&self, table: &mut SetTable, other: &SetTable) {
            table.update_from(other, |stored, incoming| {
                self.keys[stored as usize].py_eq(&self.keys[incoming as usize])
            });
        }

        /// `s.update(dict.fromkeys(items))`.
        fn update_from_dict(&mut self, table: &mut SetTable, items: Vec<Key>) {
            let mut dict_keys: Vec<Key> = Vec::new();
            for key in items {
                if !dict_keys.iter().any(|k| k.py_eq(&key)) {
                    dict_keys.push(key);
                }
            }
            table.presize_for_dict_update(dict_keys.len());
            for key in dict_keys {
                self.add(table, key);
            }
        }

        /// `repr(s)`, as `print(s)` shows it.
        fn repr(&self, table: &SetTable) -> String {
            if table.is_empty() {
                return "set()".to_string();
            }
            let items: Vec<String> = table
                .iter()
                .map(|id| self.keys[id as usize].repr())
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }

    /// Slot contents rendered like the CPython structure dump: `E` for empty,
    /// `D` for dummy, otherwise the key's repr.
    fn slot_dump(arena: &Arena, table: &SetTable) -> Vec<String> {
        table
            .slots
            .iter()
            .map(|slot| match *slot {
                Slot::Empty => "E".to_string(),
                Slot::Dummy => "D".to_string(),
                Slot::Used { key, .. } => arena.keys[key as usize].repr(),
            })
            .collect()
    }

    /// `(fill, used, mask)` of a table.
    fn shape(table: &SetTable) -> (usize, usize, usize) {
        (table.fill, table.used, table.mask())
    }

    const M: i64 = HASH_MODULUS as i64;

    #[test]
    fn hash_of_small_and_negative_ints() {
        assert_eq!(hash_int_i64(0), 0);
        assert_eq!(hash_int_i64(5), 5);
        assert_eq!(hash_int_i64(-5), -5);
        assert_eq!(hash_int_i64(-1), -2);
        assert_eq!(hash_int_i64(-2), -2);
        assert_eq!(hash_bool(true), 1);
        assert_eq!(hash_bool(false), 0);
    }

    #[test]
    fn hash_of_ints_wraps_at_the_modulus() {
        assert_eq!(hash_int_i64(M), 0);
        assert_eq!(hash_int_i64(M + 1), 1);
        assert_eq!(hash_int_i64(-(M + 1)), -2);
        assert_eq!(hash_int_i64(-(1 << 61)), -2);
        assert_eq!(hash_int_i64(i64::MAX), 3);
        assert_eq!(hash_int_i64(i64::MIN), -4);
    }

    #[test]
    fn hash_of_bigints_matches_python() {
        let cases = [
            ("18446744073709551616", 8),
            ("-18446744073709551616", -8),
            ("1000000000000000000000000000000", 465_258_685_558_744_706),
            ("12345678901234567890123", 195_429_904_450_476_469),
            ("-2305843009213693952", -2),
            ("9223372036854775807", 3),
            ("-9223372036854775808", -4),
        ];
        for (text, expected) in cases {
            let value: BigInt = text.parse().unwrap();
            assert_eq!(hash_bigint(&value), expected, "hash({text})");
        }
    }

    #[test]
    fn hash_of_bigint_agrees_with_hash_of_i64() {
        for v in [0, 1, -1, -2, 7, M - 1, M, M + 1, -M, i64::MAX, i64::MIN] {
            assert_eq!(hash_bigint(&BigInt::from(v)), hash_int_i64(v), "hash({v})");
        }
    }

    #[test]
    fn hash_of_fractional_floats_matches_python() {
        let cases = [
            (0.5, 1_152_921_504_606_846_976),
            (1.5, 1_152_921_504_606_846_977),
            (-2.25, -576_460_752_303_423_490),
            (1e300, 1_224_995_262_755_759_164),
            (0.1, 230_584_300_921_369_408),
            (-0.1, -230_584_300_921_369_408),
            (1e-300, 482_449_582_752_280_463),
            (5e-324, 16_777_216),
        ];
        for (value, expected) in cases {
            assert_eq!(hash_float(value, 0), expected, "hash({value:?})");
        }
    }

    #[test]
    fn hash_of_integral_floats_equals_hash_of_the_int() {
        assert_eq!(hash_float(1.0, 0), 1);
        assert_eq!(hash_float(-1.0, 0), -2);
        assert_eq!(hash_float(2f64.powi(61), 0), 1);
        assert_eq!(hash_float(1e20, 0), 848_750_603_811_160_107);
        assert_eq!(
            hash_float(1e20, 0),
            hash_bigint(&"100000000000000000000".parse().unwrap())
        );
        assert_eq!(hash_float(12345.0, 0), hash_int_i64(12345));
    }

    #[test]
    fn hash_of_zero_and_infinite_floats() {
        assert_eq!(hash_float(0.0, 0), 0);
        assert_eq!(hash_float(-0.0, 0), 0);
        assert_eq!(hash_float(f64::INFINITY, 0), 314_159);
        assert_eq!(hash_float(f64::NEG_INFINITY, 0), -314_159);
    }

    #[test]
    fn hash_of_nan_depends_on_identity_only() {
        let address = 0x7f12_3456_7890;
        assert_eq!(hash_float(f64::NAN, address), hash_pointer(address));
        assert_eq!(hash_float(-f64::NAN, address), hash_pointer(address));
        assert_ne!(
            hash_float(f64::NAN, address),
            hash_float(f64::NAN, address + 16)
        );
    }

    #[test]
    fn hash_pointer_rotates_right_by_four_bits() {
        assert_eq!(hash_pointer(0x7f12_3456_7890), 0x7f1_2345_6789);
        assert_eq!(hash_pointer(0x1f), (0xf000_0000_0000_0001_u64) as i64);
        // An address whose rotation is -1 hashes to -2.
        assert_eq!(hash_pointer(-1), -2);
    }

    #[test]
    fn hash_of_tuples_matches_python() {
        let h = hash_int_i64;
        assert_eq!(hash_tuple(&[]), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple(&[h(1), h(2)]), -3_550_055_125_485_641_917);
        let inner = hash_tuple(&[h(1), h(2)]);
        assert_eq!(hash_tuple(&[inner, h(3)]), -333_907_151_259_015_829);
        assert_eq!(hash_tuple(&[h(-1)]), 8_078_679_518_589_016_365);
        assert_eq!(hash_tuple(&[h(1), h(2), h(3)]), 529_344_067_295_497_451);
        assert_eq!(hash_tuple(&[h(0)]), -8_753_497_827_991_233_192);
    }

    #[test]
    fn hash_of_tuples_with_floats_and_bools() {
        let pair = [hash_float(1.5, 0), hash_int_i64(2)];
        assert_eq!(hash_tuple(&pair), 8_274_728_468_405_361_693);
        let bools = [hash_bool(true), hash_bool(false)];
        assert_eq!(hash_tuple(&bools), -5_164_621_852_614_943_976);
    }

    #[test]
    fn hash_of_frozensets_matches_python() {
        let h = hash_int_i64;
        assert_eq!(hash_frozenset(&[]), 133_146_708_735_736);
        assert_eq!(hash_frozenset(&[h(1), h(2)]), -1_826_646_154_956_904_602);
        assert_eq!(hash_frozenset(&[h(2), h(1)]), -1_826_646_154_956_904_602);
        let pair = hash_tuple(&[h(1), h(2)]);
        assert_eq!(hash_frozenset(&[pair]), 3_819_360_209_092_968_377);
        assert_eq!(hash_frozenset(&[h(-1)]), 6_776_983_852_052_281_967);
        let digits: Vec<i64> = (0..10).map(h).collect();
        assert_eq!(hash_frozenset(&digits), 3_895_031_357_313_128_696);
    }

    #[test]
    fn hash_of_none_is_a_fixed_constant() {
        assert_eq!(hash_none(), HASH_NONE);
        assert_eq!(HASH_NONE, 4_238_894_112);
    }

    #[test]
    fn new_table_is_empty_with_eight_slots() {
        let table = SetTable::new();
        assert!(table.is_empty());
        assert_eq!(table.len(), 0);
        assert_eq!(shape(&table), (0, 0, 7));
        assert_eq!(table.iter().count(), 0);
        assert_eq!(shape(&SetTable::default()), (0, 0, 7));
    }

    #[test]
    fn small_ints_iterate_in_slot_order() {
        let mut arena = Arena::default();
        let table = arena.build(ints(&[5, 1, 3, 100, 33]));
        assert_eq!(arena.repr(&table), "{1, 33, 3, 100, 5}");
    }

    #[test]
    fn set_display_of_constants_matches_python() {
        // `{5, 1, 3, 100, 33}` compiles to a frozenset constant built by
        // successive adds, merged into a new empty set.
        let mut arena = Arena::default();
        let frozen = arena.build(ints(&[5, 1, 3, 100, 33]));
        let display = SetTable::copy_from(&frozen);
        assert_eq!(arena.repr(&display), "{1, 33, 3, 100, 5}");
    }

    #[test]
    fn negative_ints_order_matches_python() {
        let mut arena = Arena::default();
        let table = arena.build(ints(&[-1, -2, -3, -8, -9, 7, 0]));
        assert_eq!(arena.repr(&table), "{0, 7, -2, -9, -8, -3, -1}");
    }

    #[test]
    fn colliding_hashes_of_one_and_two_pow_61() {
        let mut arena = Arena::default();
        let mut table = arena.build(vec![
            int(1),
            int(1 << 61),
            int(M),
            int(0),
            int(2 * M + 1),
            int(-(1 << 61)),
        ]);
        assert_eq!(
            arena.repr(&table),
            "{2305843009213693951, 1, 4611686018427387903, 2305843009213693952, 0, -2305843009213693952}"
        );
        assert!(arena.contains(&table, &int(1 << 61)));
        assert!(!arena.contains(&table, &int(3 * M + 1)));
        assert!(arena.discard(&mut table, &int(1)));
        assert!(arena.contains(&table, &int(1 << 61)));
    }

    #[test]
    fn large_int_collisions_across_multiples_of_the_modulus() {
        let mut arena = Arena::default();
        let mut items = Vec::new();
        for k in -3..4 {
            for c in 0..3 {
                items.push(int(k * M + c));
            }
        }
        let table = arena.build(items);
        assert_eq!(
            arena.repr(&table),
            "{-6917529027641081853, -4611686018427387902, -6917529027641081852, \
             -6917529027641081851, -4611686018427387901, -4611686018427387900, \
             -2305843009213693951, -2305843009213693950, -2305843009213693949, 0, 1, 2, \
             2305843009213693951, 2305843009213693952, 2305843009213693953, \
             4611686018427387902, 4611686018427387904, 6917529027641081855, \
             6917529027641081853, 4611686018427387903, 6917529027641081854}"
        );
    }

    #[test]
    fn ints_beyond_i64_as_keys() {
        let mut arena = Arena::default();
        let table = arena.build(vec![
            big("18446744073709551616"),
            big("18446744073709551617"),
            int(1),
            big("36893488147419103232"),
            big("-18446744073709551616"),
        ]);
        assert_eq!(
            arena.repr(&table),
            "{1, 18446744073709551616, 18446744073709551617, 36893488147419103232, \
             -18446744073709551616}"
        );
    }

    /// 0..100 in a shuffled order (`random.Random(2024).shuffle`).
    const SHUFFLED_0_TO_99: [i64; 100] = [
        3, 64, 99, 34, 62, 30, 73, 95, 49, 0, 48, 90, 85, 72, 76, 6, 56, 94, 5, 86, 37, 10, 28, 88,
        43, 4, 82, 40, 19, 35, 11, 58, 8, 98, 29, 65, 46, 61, 79, 80, 51, 83, 54, 32, 16, 1, 77,
        47, 2, 70, 14, 55, 13, 36, 57, 75, 71, 20, 12, 50, 22, 21, 24, 41, 17, 15, 96, 84, 44, 7,
        97, 87, 89, 18, 59, 26, 9, 66, 42, 69, 39, 27, 78, 67, 53, 45, 63, 81, 31, 68, 33, 91, 52,
        92, 25, 38, 74, 93, 23, 60,
    ];

    #[test]
    fn growth_over_several_resizes() {
        let mut arena = Arena::default();
        let mut table = SetTable::new();
        let mut sizes = vec![(0, 8)];
        for &v in &SHUFFLED_0_TO_99 {
            arena.add(&mut table, int(v));
            if table.slots.len() != sizes.last().unwrap().1 {
                sizes.push((table.len(), table.slots.len()));
            }
        }
        // CPython: 8 slots, 32 after the 5th add, 128 after the 19th, 512 after the 77th.
        assert_eq!(sizes, vec![(0, 8), (5, 32), (19, 128), (77, 512)]);
        let expected: Vec<String> = (0..100).map(|v: i64| v.to_string()).collect();
        assert_eq!(arena.repr(&table), format!("{{{}}}", expected.join(", ")));
    }

    #[test]
    fn table_sizes_follow_the_growth_rule() {
        // Table sizes of `set()` after adding 0..n, read from CPython; above
        // 50 000 live entries a resize doubles instead of quadrupling.
        let cases = [
            (1, 8),
            (4, 8),
            (5, 32),
            (18, 32),
            (19, 128),
            (76, 128),
            (77, 512),
            (306, 512),
            (307, 2048),
            (1228, 2048),
            (1229, 8192),
            (4914, 8192),
            (4915, 32768),
            (19660, 32768),
            (19661, 131_072),
            (50001, 131_072),
            (78643, 262_144),
            (100_000, 262_144),
        ];
        let mut table = SetTable::new();
        let mut next = 0;
        for (n, size) in cases {
            while next < n {
                let key = u32::try_from(next).unwrap();
                assert!(table.insert(hash_int_i64(next), key, |_| false));
                next += 1;
            }
            assert_eq!(table.slots.len(), size, "size after adding 0..{n}");
        }
    }

    #[test]
    fn insert_reports_whether_the_key_was_new() {
        let mut arena = Arena::default();
        let mut table = SetTable::new();
        assert!(arena.add(&mut table, int(7)));
        assert!(!arena.add(&mut table, int(7)));
        assert!(!arena.add(&mut table, Key::Float(7.0)));
        assert_eq!(table.len(), 1);
        // The first stored key is kept.
        assert_eq!(arena.repr(&table), "{7}");
    }

    #[test]
    fn find_and_remove_return_the_stored_key() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&[10, 20, 30]));
        let probe = Key::Float(20.0);
        let found = table.find(probe.hash(), |id| arena.keys[id as usize].py_eq(&probe));
        assert_eq!(
            found.map(|id| arena.keys[id as usize].repr()),
            Some("20".into())
        );
        let removed = table.remove(probe.hash(), |id| arena.keys[id as usize].py_eq(&probe));
        assert_eq!(removed, found);
        assert_eq!(table.len(), 2);
        assert_eq!(table.remove(probe.hash(), |_| true), None);
        assert!(!arena.discard(&mut table, &int(99)));
    }

    #[test]
    fn equality_closure_sees_only_equal_hashes() {
        let mut arena = Arena::default();
        let table = arena.build(ints(&[1, 2, 3, 9, 17, M + 1]));
        let mut seen = Vec::new();
        let probe = int(2 * M + 1);
        let found = table.find(probe.hash(), |id| {
            seen.push(arena.keys[id as usize].repr());
            false
        });
        assert_eq!(found, None);
        // 9 and 17 share the start slot but not the hash, so only 1 and
        // 2**61 are compared.
        assert_eq!(seen, vec!["1", "2305843009213693952"]);
    }

    #[test]
    fn removals_leave_dummies_and_later_inserts_reuse_them() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&(0..12).collect::<Vec<_>>()));
        for v in [3, 5, 7, 11] {
            assert!(arena.discard(&mut table, &int(v)));
        }
        assert_eq!(arena.repr(&table), "{0, 1, 2, 4, 6, 8, 9, 10}");
        assert_eq!(shape(&table), (12, 8, 31));
        for v in [19, 27, 3, 35, 100] {
            arena.add(&mut table, int(v));
        }
        assert_eq!(
            arena.repr(&table),
            "{0, 1, 2, 4, 100, 6, 35, 8, 9, 10, 3, 19, 27}"
        );
        assert_eq!(shape(&table), (14, 13, 31));
    }

    #[test]
    fn insert_reuses_the_last_dummy_on_the_probe_path() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&[0, 1, 2, 3, 4]));
        arena.discard(&mut table, &int(1));
        arena.discard(&mut table, &int(2));
        arena.add(&mut table, int(M + 1));
        assert_eq!(arena.repr(&table), "{0, 2305843009213693952, 3, 4}");

        let mut table = arena.build(ints(&[1, M + 1, 17]));
        arena.discard(&mut table, &int(1));
        arena.discard(&mut table, &int(M + 1));
        arena.add(&mut table, int(2 * M + 1));
        assert_eq!(
            slot_dump(&arena, &table),
            ["E", "D", "E", "E", "E", "E", "4611686018427387903", "17"]
        );
        assert_eq!(shape(&table), (3, 2, 7));
    }

    #[test]
    fn pop_sequence_follows_the_finger() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&[40, 3, 17, 8, 99, 64, 5, 23, 71, 2]));
        let popped: Vec<String> = std::iter::from_fn(|| arena.pop(&mut table)).collect();
        assert_eq!(
            popped,
            ["64", "2", "3", "99", "5", "71", "40", "8", "17", "23"]
        );
        assert!(table.is_empty());
        assert_eq!(table.pop(), None);
    }

    #[test]
    fn popped_slot_stays_filled_and_counts_toward_growth() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&[10, 20, 30, 40]));
        assert_eq!(
            slot_dump(&arena, &table),
            ["40", "E", "10", "E", "20", "E", "30", "E"]
        );
        assert_eq!(arena.pop(&mut table).as_deref(), Some("40"));
        assert_eq!(shape(&table), (4, 3, 7));
        // 50 takes a fifth never-used slot, so the table grows to 32.
        arena.add(&mut table, int(50));
        assert_eq!(arena.repr(&table), "{10, 50, 20, 30}");
        assert_eq!(shape(&table), (4, 4, 31));
        assert_eq!(table.finger, 1);
        arena.discard(&mut table, &int(50));
        arena.discard(&mut table, &int(40));
        assert_eq!(arena.repr(&table), "{10, 20, 30}");
        assert_eq!(arena.pop(&mut table).as_deref(), Some("10"));
    }

    #[test]
    fn clear_resets_the_table_but_keeps_the_finger() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&[9, 4, 12, 30, 1]));
        assert_eq!(arena.pop(&mut table).as_deref(), Some("1"));
        assert_eq!(arena.pop(&mut table).as_deref(), Some("4"));
        table.clear();
        assert_eq!(shape(&table), (0, 0, 7));
        assert_eq!(table.finger, 5);
        for v in 0..7 {
            arena.add(&mut table, int(v));
        }
        let popped: Vec<String> = (0..3).filter_map(|_| arena.pop(&mut table)).collect();
        assert_eq!(popped, ["5", "6", "0"]);
    }

    #[test]
    fn copy_of_a_set_is_sized_from_its_length() {
        let mut arena = Arena::default();
        let original = arena.build(ints(&[6, 7, 8, 14, 22]));
        assert_eq!(arena.repr(&original), "{6, 7, 8, 14, 22}");
        assert_eq!(shape(&original), (5, 5, 31));
        let copy = SetTable::copy_from(&original);
        assert_eq!(arena.repr(&copy), "{6, 7, 8, 22, 14}");
        assert_eq!(shape(&copy), (5, 5, 15));
    }

    #[test]
    fn copy_of_a_small_set_copies_its_slots() {
        let mut arena = Arena::default();
        let original = arena.build(ints(&[1, 9, 17, 25]));
        let copy = SetTable::copy_from(&original);
        assert_eq!(arena.repr(&copy), "{1, 25, 9, 17}");
        assert_eq!(slot_dump(&arena, &copy), slot_dump(&arena, &original));
    }

    #[test]
    fn copy_drops_dummies() {
        let mut arena = Arena::default();
        let mut original = arena.build(ints(&[1, 9, 17]));
        arena.discard(&mut original, &int(9));
        assert_eq!(
            slot_dump(&arena, &original),
            ["E", "1", "E", "E", "E", "E", "D", "17"]
        );
        let copy = SetTable::copy_from(&original);
        assert_eq!(
            slot_dump(&arena, &copy),
            ["E", "1", "E", "E", "E", "E", "17", "E"]
        );
        assert_eq!(shape(&copy), (2, 2, 7));
    }

    #[test]
    fn copy_of_a_shrunken_set_reorders() {
        let mut arena = Arena::default();
        let mut original = arena.build(ints(&SHUFFLED_0_TO_99[..30]));
        for &v in &SHUFFLED_0_TO_99[..20] {
            arena.discard(&mut original, &int(v));
        }
        assert_eq!(
            arena.repr(&original),
            "{4, 10, 19, 28, 35, 37, 40, 43, 82, 88}"
        );
        assert_eq!(shape(&original), (30, 10, 127));
        let copy = SetTable::copy_from(&original);
        assert_eq!(arena.repr(&copy), "{35, 4, 37, 40, 10, 43, 82, 19, 88, 28}");
        assert_eq!(shape(&copy), (10, 10, 31));
        assert_eq!(copy.finger, 0);
    }

    #[test]
    fn update_from_a_set_presizes_then_inserts() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&[3, 11, 19]));
        let other = arena.build(ints(&[27, 11, 2, 35, 43]));
        arena.update(&mut table, &other);
        assert_eq!(arena.repr(&table), "{2, 3, 35, 11, 43, 19, 27}");
        assert_eq!(shape(&table), (7, 7, 31));

        // `s | t` is a copy of `s` updated with `t`.
        let mut left = arena.build(ints(&[3, 11, 19]));
        arena.discard(&mut left, &int(11));
        let mut union = SetTable::copy_from(&left);
        let right = arena.build(ints(&[4, 5]));
        arena.update(&mut union, &right);
        assert_eq!(arena.repr(&union), "{3, 19, 4, 5}");
    }

    #[test]
    fn set_from_dict_is_presized() {
        let keys = [64, 0, 128, 8, 1, 72, 9];
        let mut arena = Arena::default();
        let mut from_dict = SetTable::with_capacity_like_cpython(0);
        arena.update_from_dict(&mut from_dict, ints(&keys));
        assert_eq!(arena.repr(&from_dict), "{64, 0, 128, 1, 8, 9, 72}");
        assert_eq!(shape(&from_dict), (7, 7, 15));
        let presized = SetTable::with_capacity_like_cpython(keys.len());
        assert_eq!(presized.slots.len(), 16);
        // The same keys added one by one end up elsewhere.
        let added = arena.build(ints(&keys));
        assert_eq!(arena.repr(&added), "{64, 0, 128, 1, 8, 72, 9}");

        let mut table = arena.build(ints(&[2, 3]));
        arena.update_from_dict(&mut table, ints(&keys));
        assert_eq!(arena.repr(&table), "{64, 0, 2, 3, 128, 1, 8, 72, 9}");
        assert_eq!(shape(&table), (9, 9, 31));
    }

    #[test]
    fn tuples_of_ints_as_keys() {
        let mut arena = Arena::default();
        let pair = |a, b| tuple(ints(&[a, b]));
        let table = arena.build(vec![
            pair(1, 2),
            pair(2, 1),
            pair(0, 0),
            pair(3, 4),
            tuple(vec![pair(1, 2), int(3)]),
            tuple(vec![]),
            pair(-1, -2),
            pair(1, 2),
        ]);
        assert_eq!(
            arena.repr(&table),
            "{(1, 2), (2, 1), (3, 4), (0, 0), (-1, -2), ((1, 2), 3), ()}"
        );
    }

    #[test]
    fn floats_equal_to_ints_are_the_same_element() {
        let mut arena = Arena::default();
        let mixed = arena.build(vec![
            int(1),
            Key::Float(1.0),
            Key::Float(2.5),
            int(2),
            Key::Float(0.5),
            Key::Float(3.0),
            Key::Float(-1.5),
            int(8),
        ]);
        assert_eq!(arena.repr(&mixed), "{0.5, 1, 2.5, 2, 3.0, 8, -1.5}");
        let floats_first = arena.build(vec![
            Key::Float(1.0),
            int(1),
            Key::Float(2.0),
            Key::Float(2.5),
        ]);
        assert_eq!(arena.repr(&floats_first), "{1.0, 2.0, 2.5}");
    }

    #[test]
    fn swap_contents_keeps_each_finger() {
        // s = set(range(10)); pop() x3; s.add(0); s &= set(range(10)); s.pop()
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&(0..10).collect::<Vec<_>>()));
        for _ in 0..3 {
            arena.pop(&mut table);
        }
        arena.add(&mut table, int(0));
        let other = arena.build(ints(&(0..10).collect::<Vec<_>>()));
        let mut intersection = SetTable::new();
        for id in table.iter() {
            let key = arena.keys[id as usize].clone();
            if arena.contains(&other, &key) {
                arena.add(&mut intersection, key);
            }
        }
        table.swap_contents(&mut intersection);
        assert_eq!(arena.repr(&table), "{0, 3, 4, 5, 6, 7, 8, 9}");
        assert_eq!(arena.pop(&mut table).as_deref(), Some("3"));
        assert_eq!(intersection.finger, 0);
    }

    #[test]
    fn iter_entries_reports_stored_hashes() {
        let mut arena = Arena::default();
        let table = arena.build(vec![int(-1), int(M + 5), Key::Float(0.5)]);
        let entries: Vec<(i64, String)> = table
            .iter_entries()
            .map(|(hash, id)| (hash, arena.keys[id as usize].repr()))
            .collect();
        assert_eq!(
            entries,
            vec![
                (1_152_921_504_606_846_976, "0.5".to_string()),
                (5, "2305843009213693956".to_string()),
                (-2, "-1".to_string()),
            ]
        );
    }

    #[test]
    fn serde_round_trip_preserves_order_and_finger() {
        let mut arena = Arena::default();
        let mut table = arena.build(ints(&[40, 3, 17, 8, 99, 64, 5, 23, 71, 2]));
        arena.pop(&mut table);
        arena.discard(&mut table, &int(17));
        let text = ron::to_string(&table).expect("serialize");
        let mut restored: SetTable = ron::from_str(&text).expect("deserialize");
        assert_eq!(arena.repr(&restored), arena.repr(&table));
        assert_eq!(shape(&restored), shape(&table));
        assert_eq!(arena.pop(&mut restored), arena.pop(&mut table));
    }

    #[test]
    fn deserializing_an_inconsistent_table_fails() {
        let three_slots = "(slots: [Empty, Empty, Empty], fill: 0, used: 0, finger: 0)";
        assert!(ron::from_str::<SetTable>(three_slots).is_err());
        let wrong_count = "(slots: [Used(hash: 1, key: 0), Empty, Empty, Empty, Empty, \
                           Empty, Empty, Empty], fill: 0, used: 0, finger: 0)";
        assert!(ron::from_str::<SetTable>(wrong_count).is_err());
        let consistent = "(slots: [Empty, Used(hash: 1, key: 0), Dummy, Empty, Empty, \
                          Empty, Empty, Empty], fill: 2, used: 1, finger: 9)";
        let table: SetTable = ron::from_str(consistent).expect("valid table");
        assert_eq!(table.iter().collect::<Vec<_>>(), [0]);
    }
}
