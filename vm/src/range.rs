//! `range` arithmetic, as CPython 3.11's `Objects/rangeobject.c` does it.
//!
//! A range whose start, stop and step all fit in `i64` is `Object::Range`:
//! the common case, iterated inline by the interpreter. Any other range is
//! `Object::BigRange`. The length of a 64-bit range can reach `2**64 - 1`,
//! so it is computed in `u64`; everything that may leave 64 bits (slicing,
//! big indices, lengths past `sys.maxsize`) goes through [`BigRange`].

use crate::iter::IterObj;
use crate::object::Object;
use crate::settable as st;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use serde::{Deserialize, Serialize};

mod protocol;

/// A `range` whose start, stop or step does not fit in `i64`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BigRange {
    /// `start`.
    pub start: BigInt,
    /// `stop`.
    pub stop: BigInt,
    /// `step` (never zero).
    pub step: BigInt,
}

/// A `longrange_iterator`: the iterator of a range whose values or length
/// may leave 64 bits.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BigRangeIter {
    /// The value it yields next.
    pub next: BigInt,
    /// Added after each value.
    pub step: BigInt,
    /// How many values are left.
    pub left: BigInt,
}

impl BigRangeIter {
    /// The next value, or `None` once exhausted.
    pub fn advance(&mut self) -> Option<BigInt> {
        if !self.left.is_positive() {
            return None;
        }
        self.left -= 1;
        let v = self.next.clone();
        self.next += &self.step;
        Some(v)
    }
}

/// The number of values of `range(start, stop, step)`; 0 for a zero step,
/// which only a corrupt state can hold.
#[must_use]
pub fn small_len(start: i64, stop: i64, step: i64) -> u64 {
    let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    let n = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / -step + 1
    } else {
        0
    };
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Whether `x` is one of the values of `range(start, stop, step)`.
#[must_use]
pub fn small_contains(start: i64, stop: i64, step: i64, x: i64) -> bool {
    let inside = if step > 0 {
        start <= x && x < stop
    } else {
        x <= start && stop < x
    };
    inside && step != 0 && (i128::from(x) - i128::from(start)) % i128::from(step) == 0
}

/// The value at index `i` (negative counts from the end), if in range.
#[must_use]
pub fn small_item(start: i64, stop: i64, step: i64, i: i64) -> Option<i64> {
    let len = i128::from(small_len(start, stop, step));
    let i = i128::from(i);
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return None;
    }
    i64::try_from(i128::from(start) + j * i128::from(step)).ok()
}

/// The iterator of a 64-bit range: the inline `range_iterator` when, as in
/// CPython, its length and every step past the last value stay within
/// `i64`, and a `longrange_iterator` otherwise.
#[must_use]
pub fn small_iter(start: i64, stop: i64, step: i64) -> IterObj {
    let len = small_len(start, stop, step);
    let fits = i64::try_from(len).is_ok()
        && (len == 0
            || if step > 0 {
                stop <= i64::MAX - (step - 1)
            } else {
                stop >= i64::MIN + (-1 - step)
            });
    if fits {
        IterObj::Range {
            cur: start,
            stop,
            step,
        }
    } else {
        BigRange::from_small(start, stop, step).iter()
    }
}

/// `reversed()` of a 64-bit range, with CPython's choice of iterator:
/// `range(start + (n-1)*step, start - step, -step)` when `-step`,
/// `start - step` and the length fit in `i64`.
#[must_use]
pub fn small_reversed(start: i64, stop: i64, step: i64) -> IterObj {
    let len = small_len(start, stop, step);
    let new_stop = start.checked_sub(step);
    match (step.checked_neg(), new_stop, i64::try_from(len)) {
        (Some(neg), Some(new_stop), Ok(len)) => {
            let new_start = i128::from(new_stop) + i128::from(len) * i128::from(step);
            match i64::try_from(new_start) {
                Ok(cur) => IterObj::Range {
                    cur,
                    stop: new_stop,
                    step: neg,
                },
                Err(_) => BigRange::from_small(start, stop, step).reversed(),
            }
        }
        _ => BigRange::from_small(start, stop, step).reversed(),
    }
}

/// `hash(range)` of a 64-bit range (see [`hash_parts`]).
#[must_use]
pub fn small_hash(start: i64, stop: i64, step: i64) -> i64 {
    let len = small_len(start, stop, step);
    let none = st::hash_none();
    let h_len =
        i64::try_from(len).map_or_else(|_| st::hash_bigint(&BigInt::from(len)), st::hash_int_i64);
    let (h_start, h_step) = match len {
        0 => (none, none),
        1 => (st::hash_int_i64(start), none),
        _ => (st::hash_int_i64(start), st::hash_int_i64(step)),
    };
    st::hash_tuple(&[h_len, h_start, h_step])
}

/// `hash(range)`: the hash of `(len, start, step)`, with `start` and `step`
/// replaced by `None` when they do not matter (an empty range, one value).
#[must_use]
pub fn hash_parts(len: &BigInt, start: &BigInt, step: &BigInt) -> i64 {
    let none = st::hash_none();
    let (h_start, h_step) = if len.is_zero() {
        (none, none)
    } else if len.is_one() {
        (st::hash_bigint(start), none)
    } else {
        (st::hash_bigint(start), st::hash_bigint(step))
    };
    st::hash_tuple(&[st::hash_bigint(len), h_start, h_step])
}

/// `repr(range)`: the step is shown unless it is 1.
#[must_use]
pub fn repr_parts(
    start: &dyn std::fmt::Display,
    stop: &dyn std::fmt::Display,
    step: &dyn std::fmt::Display,
    step_is_one: bool,
) -> String {
    if step_is_one {
        format!("range({start}, {stop})")
    } else {
        format!("range({start}, {stop}, {step})")
    }
}

/// Normalized `slice.indices(len)` for a length of any size: start, stop
/// and step, each `None` when the slice leaves it out. The error is
/// CPython's message for a zero step.
///
/// # Errors
/// `"slice step cannot be zero"`.
pub fn slice_indices(
    start: Option<BigInt>,
    stop: Option<BigInt>,
    step: Option<BigInt>,
    len: &BigInt,
) -> Result<(BigInt, BigInt, BigInt), &'static str> {
    let step = step.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err("slice step cannot be zero");
    }
    let (lower, upper) = if step.is_negative() {
        (-BigInt::one(), len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    let fix = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(x) if x.is_negative() => (x + len).max(lower.clone()),
            Some(x) => x.min(upper.clone()),
        }
    };
    let (first, last) = if step.is_negative() {
        (&upper, &lower)
    } else {
        (&lower, &upper)
    };
    let start = fix(start, first);
    let stop = fix(stop, last);
    Ok((start, stop, step))
}

impl BigRange {
    /// The same range, widened.
    #[must_use]
    pub fn from_small(start: i64, stop: i64, step: i64) -> Self {
        BigRange {
            start: start.into(),
            stop: stop.into(),
            step: step.into(),
        }
    }

    /// The heap object for this range: `Object::Range` when all three
    /// numbers fit in `i64`, so that each range has one representation.
    #[must_use]
    pub fn into_object(self) -> Object {
        match (self.start.to_i64(), self.stop.to_i64(), self.step.to_i64()) {
            (Some(a), Some(b), Some(c)) => Object::Range(a, b, c),
            _ => Object::BigRange(Box::new(self)),
        }
    }

    /// The number of values.
    #[must_use]
    pub fn len(&self) -> BigInt {
        if self.step.is_positive() && self.start < self.stop {
            (&self.stop - &self.start - 1) / &self.step + 1
        } else if self.step.is_negative() && self.start > self.stop {
            (&self.start - &self.stop - 1) / -&self.step + 1
        } else {
            BigInt::zero()
        }
    }

    /// Whether it has no values.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        if self.step.is_positive() {
            self.start >= self.stop
        } else {
            self.step.is_zero() || self.start <= self.stop
        }
    }

    /// The value at index `i` (not checked against the length).
    #[must_use]
    pub fn at(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// The value at index `i` (negative counts from the end), if in range.
    #[must_use]
    pub fn item(&self, i: &BigInt) -> Option<BigInt> {
        let len = self.len();
        let j = if i.is_negative() { i + &len } else { i.clone() };
        if j.is_negative() || j >= len {
            return None;
        }
        Some(self.at(&j))
    }

    /// Whether `x` is one of its values.
    #[must_use]
    pub fn contains(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            x <= &self.start && &self.stop < x
        };
        inside && !self.step.is_zero() && (x - &self.start).is_multiple_of(&self.step)
    }

    /// The index of `x`, if it is one of its values.
    #[must_use]
    pub fn position(&self, x: &BigInt) -> Option<BigInt> {
        self.contains(x)
            .then(|| (x - &self.start).div_floor(&self.step))
    }

    /// `self[start:stop:step]` for slice indices already normalized against
    /// the length (see [`slice_indices`]).
    #[must_use]
    pub fn slice(&self, start: &BigInt, stop: &BigInt, step: &BigInt) -> BigRange {
        BigRange {
            start: self.at(start),
            stop: self.at(stop),
            step: &self.step * step,
        }
    }

    /// Whether both produce the same values (CPython's `range_equals`).
    #[must_use]
    pub fn same_values(&self, other: &BigRange) -> bool {
        let len = self.len();
        if len != other.len() {
            return false;
        }
        len.is_zero() || (self.start == other.start && (len.is_one() || self.step == other.step))
    }

    /// `hash(range)`.
    #[must_use]
    pub fn hash(&self) -> i64 {
        hash_parts(&self.len(), &self.start, &self.step)
    }

    /// `repr(range)`.
    #[must_use]
    pub fn repr(&self) -> String {
        repr_parts(&self.start, &self.stop, &self.step, self.step.is_one())
    }

    /// Its `longrange_iterator`.
    #[must_use]
    pub fn iter(&self) -> IterObj {
        IterObj::BigRange(Box::new(BigRangeIter {
            next: self.start.clone(),
            step: self.step.clone(),
            left: self.len(),
        }))
    }

    /// The `longrange_iterator` of `reversed()`.
    #[must_use]
    pub fn reversed(&self) -> IterObj {
        let len = self.len();
        IterObj::BigRange(Box::new(BigRangeIter {
            next: self.at(&(&len - 1)),
            step: -&self.step,
            left: len,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn br(a: &str, b: &str, c: &str) -> BigRange {
        BigRange {
            start: big(a),
            stop: big(b),
            step: big(c),
        }
    }

    fn drain(it: IterObj, max: usize) -> Vec<BigInt> {
        let mut out = Vec::new();
        match it {
            IterObj::Range {
                mut cur,
                stop,
                step,
            } => {
                while out.len() < max && ((step > 0 && cur < stop) || (step < 0 && cur > stop)) {
                    out.push(BigInt::from(cur));
                    cur = cur.saturating_add(step);
                }
            }
            IterObj::BigRange(mut b) => {
                while out.len() < max {
                    match b.advance() {
                        Some(v) => out.push(v),
                        None => break,
                    }
                }
            }
            _ => panic!("not a range iterator"),
        }
        out
    }

    #[test]
    fn small_len_does_not_overflow() {
        assert_eq!(small_len(i64::MIN, i64::MAX, 1), u64::MAX);
        assert_eq!(small_len(i64::MAX, i64::MIN, -1), u64::MAX);
        assert_eq!(small_len(i64::MIN, i64::MAX, i64::MAX), 3);
        assert_eq!(small_len(0, 10, 3), 4);
        assert_eq!(small_len(10, 0, 3), 0);
        assert_eq!(small_len(0, 10, 0), 0);
    }

    #[test]
    fn small_len_agrees_with_big_len() {
        for (a, b, c) in [
            (i64::MIN, i64::MAX, 1),
            (-7, 30, 4),
            (30, -7, -4),
            (i64::MAX, i64::MIN, i64::MIN),
            (5, 5, 1),
        ] {
            let l = BigRange::from_small(a, b, c).len();
            assert_eq!(l, BigInt::from(small_len(a, b, c)));
            assert_eq!(l.is_zero(), BigRange::from_small(a, b, c).is_empty());
        }
    }

    #[test]
    fn small_contains_at_the_edges() {
        assert!(small_contains(i64::MIN, i64::MAX, 1, i64::MAX - 1));
        assert!(!small_contains(i64::MIN, i64::MAX, 1, i64::MAX));
        assert!(small_contains(i64::MAX, i64::MIN, -3, i64::MAX - 3));
        assert!(!small_contains(i64::MAX, i64::MIN, -3, i64::MIN));
        assert!(!small_contains(0, 10, 0, 0));
    }

    #[test]
    fn small_item_counts_from_both_ends() {
        assert_eq!(small_item(i64::MIN, i64::MAX, 1, -1), Some(i64::MAX - 1));
        assert_eq!(small_item(2, 20, 3, 5), Some(17));
        assert_eq!(small_item(2, 20, 3, 6), None);
        assert_eq!(small_item(2, 20, 3, -7), None);
    }

    #[test]
    fn big_range_basics() {
        let r = br(
            "-1180591620717411303424",
            "1180591620717411303424",
            "12157665459056928801",
        );
        assert_eq!(r.len(), big("195"));
        assert_eq!(r.item(&big("-1")), Some(r.at(&big("194"))));
        assert!(r.item(&big("195")).is_none());
        let x = r.at(&big("123"));
        assert!(r.contains(&x));
        assert!(!r.contains(&(x.clone() + 1)));
        assert_eq!(r.position(&x), Some(big("123")));
        assert!(matches!(r.clone().into_object(), Object::BigRange(_)));
        assert!(matches!(
            BigRange::from_small(1, 2, 3).into_object(),
            Object::Range(1, 2, 3)
        ));
    }

    #[test]
    fn equality_and_hash_follow_the_values() {
        let empty_a = br("0", "0", "1");
        let empty_b = br("36893488147419103232", "5", "7");
        assert!(empty_a.same_values(&empty_b));
        assert_eq!(empty_a.hash(), empty_b.hash());
        let one_a = br("18446744073709551616", "18446744073709551617", "1");
        let one_b = br("18446744073709551616", "18446744073709551620", "9");
        assert!(one_a.same_values(&one_b));
        assert_eq!(one_a.hash(), one_b.hash());
        assert!(!one_a.same_values(&empty_a));
    }

    #[test]
    fn iterators_pick_the_cpython_kind() {
        assert!(matches!(small_iter(0, 10, 1), IterObj::Range { .. }));
        assert!(matches!(
            small_iter(0, i64::MAX, 1 << 62),
            IterObj::BigRange(_)
        ));
        assert!(matches!(
            small_iter(i64::MIN, i64::MAX, 1),
            IterObj::BigRange(_)
        ));
        assert!(matches!(small_reversed(0, 10, 1), IterObj::Range { .. }));
        assert!(matches!(
            small_reversed(i64::MIN, 0, 1),
            IterObj::BigRange(_)
        ));
        assert!(matches!(
            small_reversed(0, 10, i64::MIN),
            IterObj::BigRange(_)
        ));
    }

    #[test]
    fn iterators_yield_the_values() {
        let near_end = drain(small_iter(0, i64::MAX, 1 << 62), 10);
        assert_eq!(near_end, vec![BigInt::zero(), BigInt::from(1_i64 << 62)]);
        assert_eq!(
            drain(small_reversed(i64::MIN, i64::MIN + 3, 1), 10),
            vec![
                BigInt::from(i64::MIN + 2),
                BigInt::from(i64::MIN + 1),
                BigInt::from(i64::MIN)
            ]
        );
        assert_eq!(
            drain(small_reversed(2, 20, 3), 10),
            [17, 14, 11, 8, 5, 2].map(BigInt::from).to_vec()
        );
        let r = br("18446744073709551616", "18446744073709551619", "1");
        assert_eq!(
            drain(r.iter(), 10),
            vec![r.at(&big("0")), r.at(&big("1")), r.at(&big("2"))]
        );
        assert_eq!(
            drain(r.reversed(), 10),
            vec![r.at(&big("2")), r.at(&big("1")), r.at(&big("0"))]
        );
        assert!(drain(br("5", "0", "18446744073709551616").reversed(), 10).is_empty());
    }

    #[test]
    fn slicing_a_huge_range() {
        let r = BigRange::from_small(i64::MIN, i64::MAX, 1);
        let len = r.len();
        let (a, b, c) = slice_indices(None, None, Some(big("-1")), &len).unwrap();
        let reversed = BigRange {
            start: BigInt::from(i64::MAX - 1),
            stop: BigInt::from(i64::MIN) - 1,
            step: big("-1"),
        };
        assert_eq!(r.slice(&a, &b, &c), reversed);
        assert!(matches!(reversed.into_object(), Object::BigRange(_)));
        assert_eq!(
            slice_indices(None, None, Some(big("0")), &len),
            Err("slice step cannot be zero")
        );
        let far = big("99999999999999999999999");
        let (a, b, c) = slice_indices(Some(big("-5")), Some(far), None, &len).unwrap();
        assert_eq!((a, b, c), (&len - 5, len.clone(), BigInt::one()));
    }

    #[test]
    fn small_hash_agrees_with_big_hash() {
        for (a, b, c) in [(0, 0, 1), (5, 6, 1), (0, 10, 3), (i64::MIN, i64::MAX, 1)] {
            assert_eq!(small_hash(a, b, c), BigRange::from_small(a, b, c).hash());
        }
    }
}
