//! The Python-facing operations of `range` objects (both representations):
//! construction, `len`, indexing and slicing, `in`, `index`, `count`,
//! equality and hashing, with CPython's error messages.

use super::{slice_indices, small_contains, small_hash, small_item, small_len, BigRange};
use crate::builtins::ExcType;
use crate::iter::IterObj;
use crate::object::Object;
use crate::ops::IntRef;
use crate::value::{Ref, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// The message of `len()` and friends when a length exceeds `sys.maxsize`.
const SSIZE_OVERFLOW: &str = "Python int too large to convert to C ssize_t";

impl Vm {
    /// The range at `r`, widened, if it is one.
    pub(crate) fn range_view(&self, r: Ref) -> Option<BigRange> {
        match self.heap.get(r) {
            Object::Range(a, b, c) => Some(BigRange::from_small(*a, *b, *c)),
            Object::BigRange(br) => Some((**br).clone()),
            _ => None,
        }
    }

    /// A new `range` value in its canonical representation.
    pub(crate) fn new_range(&mut self, r: BigRange) -> Value {
        Value::Obj(self.heap.alloc(r.into_object()))
    }

    /// `range(...)` from its positional arguments.
    pub(crate) fn range_new(&mut self, args: &[Value]) -> PyResult<Value> {
        match args.len() {
            0 => return self.type_error("range expected at least 1 argument, got 0"),
            1..=3 => {}
            n => return self.type_error(format!("range expected at most 3 arguments, got {n}")),
        }
        let mut small = [0_i64; 3];
        let mut all_small = true;
        for (slot, v) in small.iter_mut().zip(args) {
            match self.int_ref(*v) {
                Some(IntRef::Small(i)) => *slot = i,
                Some(IntRef::Big(_)) => all_small = false,
                None => {
                    let tn = self.type_name(*v);
                    return self
                        .type_error(format!("'{tn}' object cannot be interpreted as an integer"));
                }
            }
        }
        if all_small {
            let (a, b, c) = match small {
                [n, _, _] if args.len() == 1 => (0, n, 1),
                [a, b, _] if args.len() == 2 => (a, b, 1),
                [a, b, c] => (a, b, c),
            };
            if c == 0 {
                return self.value_error("range() arg 3 must not be zero");
            }
            return Ok(Value::Obj(self.heap.alloc(Object::Range(a, b, c))));
        }
        let nums: Vec<BigInt> = args
            .iter()
            .map(|v| {
                self.int_ref(*v)
                    .map_or_else(BigInt::default, |i| i.to_big())
            })
            .collect();
        let mut nums = nums.into_iter();
        let mut next = || nums.next().unwrap_or_default();
        let r = match args.len() {
            1 => BigRange {
                start: BigInt::default(),
                stop: next(),
                step: 1.into(),
            },
            2 => BigRange {
                start: next(),
                stop: next(),
                step: 1.into(),
            },
            _ => BigRange {
                start: next(),
                stop: next(),
                step: next(),
            },
        };
        if r.step == BigInt::default() {
            return self.value_error("range() arg 3 must not be zero");
        }
        Ok(self.new_range(r))
    }

    /// `len(range)`: `OverflowError` past `sys.maxsize`, as in CPython.
    pub(crate) fn range_len(&mut self, r: Ref) -> PyResult<usize> {
        let n = match self.heap.get(r) {
            Object::Range(a, b, c) => usize::try_from(small_len(*a, *b, *c))
                .ok()
                .filter(|n| isize::try_from(*n).is_ok()),
            Object::BigRange(br) => br.len().to_isize().and_then(|n| usize::try_from(n).ok()),
            _ => Some(0),
        };
        match n {
            Some(n) => Ok(n),
            None => self.err(ExcType::OverflowError, SSIZE_OVERFLOW),
        }
    }

    /// CPython sizes the result of `list()`, `tuple()`, `sorted()`,
    /// `list.extend()`, `bytes()` … from `len()` or `__length_hint__` before
    /// iterating: for a range or range iterator longer than `sys.maxsize`
    /// that raises `OverflowError` instead of building the list.
    pub(crate) fn check_range_size_hint(&mut self, v: Value) -> PyResult<()> {
        if self.range_too_long(v) {
            self.err(ExcType::OverflowError, SSIZE_OVERFLOW)
        } else {
            Ok(())
        }
    }

    /// Whether `v` is a range or range iterator longer than `sys.maxsize`.
    pub(crate) fn range_too_long(&self, v: Value) -> bool {
        let Some(r) = v.as_ref() else {
            return false;
        };
        match self.heap.get(r) {
            Object::Range(a, b, c) => isize::try_from(small_len(*a, *b, *c)).is_err(),
            Object::BigRange(br) => br.len().to_isize().is_none(),
            Object::Iter(it) => {
                matches!(&**it, IterObj::BigRange(b) if b.left.to_isize().is_none())
            }
            _ => false,
        }
    }

    /// `bool(range)`.
    pub(crate) fn range_truthy(&self, r: Ref) -> bool {
        match self.heap.get(r) {
            Object::Range(a, b, c) => small_len(*a, *b, *c) > 0,
            Object::BigRange(br) => !br.is_empty(),
            _ => false,
        }
    }

    /// `range[key]`: an int (of any size) gives a value, a slice a range.
    pub(crate) fn range_subscript(&mut self, r: Ref, key: Value) -> PyResult<Value> {
        if let (Object::Range(a, b, c), Value::Int(i)) = (self.heap.get(r), key) {
            return match small_item(*a, *b, *c, i) {
                Some(v) => Ok(Value::Int(v)),
                None => self.err(ExcType::IndexError, "range object index out of range"),
            };
        }
        let Some(view) = self.range_view(r) else {
            return self.type_error("descriptor '__getitem__' requires a 'range' object");
        };
        if let Some(i) = self.int_ref(key).map(|i| i.to_big()) {
            return match view.item(&i) {
                Some(v) => Ok(self.int_from_big(v)),
                None => self.err(ExcType::IndexError, "range object index out of range"),
            };
        }
        let parts = match key.as_ref().map(|k| self.heap.get(k)) {
            Some(Object::Slice(a, b, c)) => Some([*a, *b, *c]),
            _ => None,
        };
        let Some([start, stop, step]) = parts else {
            let tn = self.type_name(key);
            return self.type_error(format!(
                "range indices must be integers or slices, not {tn}"
            ));
        };
        // CPython evaluates the step first, then the start and the stop.
        let step = self.slice_part(step)?;
        let start = self.slice_part(start)?;
        let stop = self.slice_part(stop)?;
        match slice_indices(start, stop, step, &view.len()) {
            Ok((a, b, c)) => Ok(self.new_range(view.slice(&a, &b, &c))),
            Err(m) => self.value_error(m),
        }
    }

    /// One component of a slice as an int of any size (`None` when left out).
    fn slice_part(&mut self, v: Value) -> PyResult<Option<BigInt>> {
        if v == Value::None {
            return Ok(None);
        }
        match self.int_ref(v) {
            Some(i) => Ok(Some(i.to_big())),
            None => self
                .type_error("slice indices must be integers or None or have an __index__ method"),
        }
    }

    /// `item in range`: arithmetic for ints and bools, a search by `==` for
    /// anything else (as CPython's `range_contains`).
    pub(crate) fn range_contains(
        &mut self,
        r: Ref,
        container: Value,
        item: Value,
    ) -> PyResult<bool> {
        match self.range_int_search(r, item) {
            Some(found) => Ok(found.is_some()),
            None => self.contains_by_iter(container, item),
        }
    }

    /// For an int or bool `item`: `Some` of its index in the range, if it
    /// is there. `None` for any other kind of item.
    fn range_int_search(&self, r: Ref, item: Value) -> Option<Option<BigInt>> {
        let x = self.int_ref(item)?;
        if let (Object::Range(a, b, c), IntRef::Small(x)) = (self.heap.get(r), &x) {
            let (a, b, c, x) = (*a, *b, *c, *x);
            if !small_contains(a, b, c, x) {
                return Some(None);
            }
            return Some(Some(BigInt::from(
                (i128::from(x) - i128::from(a)) / i128::from(c),
            )));
        }
        let x = x.to_big();
        Some(self.range_view(r).and_then(|v| v.position(&x)))
    }

    /// `range.index(item)`.
    pub(crate) fn range_index(&mut self, r: Ref, container: Value, item: Value) -> PyResult<Value> {
        match self.range_int_search(r, item) {
            Some(Some(i)) => Ok(self.int_from_big(i)),
            Some(None) => {
                let s = self.repr(item)?;
                self.value_error(format!("{s} is not in range"))
            }
            None => match self.range_search(container, item, true)? {
                Some(i) => Ok(Value::Int(i)),
                None => self.value_error("sequence.index(x): x not in sequence"),
            },
        }
    }

    /// `range.count(item)`.
    pub(crate) fn range_count(&mut self, r: Ref, container: Value, item: Value) -> PyResult<Value> {
        match self.range_int_search(r, item) {
            Some(found) => Ok(Value::Int(i64::from(found.is_some()))),
            None => Ok(Value::Int(
                self.range_search(container, item, false)?.unwrap_or(0),
            )),
        }
    }

    /// Walks the range comparing each value with `item` by `==`: the index
    /// of the first match when `first`, else the number of matches.
    fn range_search(
        &mut self,
        container: Value,
        item: Value,
        first: bool,
    ) -> PyResult<Option<i64>> {
        let it = self.get_iter_sync(container)?;
        let mut pos = 0_i64;
        let mut count = 0_i64;
        let out = loop {
            let v = match self.next_sync(it) {
                Ok(Some(v)) => v,
                Ok(None) => break Ok(if first { None } else { Some(count) }),
                Err(e) => break Err(e),
            };
            let e = self.eq(v, item);
            self.heap.decref(v);
            match e {
                Ok(true) if first => break Ok(Some(pos)),
                Ok(true) => count += 1,
                Ok(false) => {}
                Err(e) => break Err(e),
            }
            pos += 1;
        };
        self.heap.decref(it);
        out
    }

    /// `a == b` for two ranges: whether they produce the same values.
    pub(crate) fn range_eq(&self, a: Ref, b: Ref) -> bool {
        if let (Object::Range(a1, b1, c1), Object::Range(a2, b2, c2)) =
            (self.heap.get(a), self.heap.get(b))
        {
            let (l1, l2) = (small_len(*a1, *b1, *c1), small_len(*a2, *b2, *c2));
            return l1 == l2 && (l1 == 0 || (a1 == a2 && (l1 == 1 || c1 == c2)));
        }
        match (self.range_view(a), self.range_view(b)) {
            (Some(x), Some(y)) => x.same_values(&y),
            _ => false,
        }
    }

    /// `hash(range)`.
    pub(crate) fn range_hash(&self, r: Ref) -> i64 {
        match self.heap.get(r) {
            Object::Range(a, b, c) => small_hash(*a, *b, *c),
            Object::BigRange(br) => br.hash(),
            _ => 0,
        }
    }

    /// `reversed(range)`.
    pub(crate) fn range_reversed(&mut self, r: Ref) -> Value {
        let it = match self.heap.get(r) {
            Object::Range(a, b, c) => super::small_reversed(*a, *b, *c),
            Object::BigRange(br) => br.reversed(),
            _ => IterObj::Empty,
        };
        Value::Obj(self.heap.alloc(Object::Iter(Box::new(it))))
    }

    /// `range.start`, `range.stop` and `range.step`.
    pub(crate) fn range_attr(&mut self, r: Ref, name: &str) -> Option<Value> {
        let view = self.range_view(r)?;
        let v = match name {
            "start" => view.start,
            "stop" => view.stop,
            "step" => view.step,
            _ => return None,
        };
        Some(self.int_from_big(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().expect("digits")
    }

    fn message(vm: &mut Vm, e: Value) -> String {
        vm.format_exception_only(e).trim_end().to_string()
    }

    #[test]
    fn construction_picks_the_narrowest_representation() {
        let mut vm = Vm::new();
        let two_64 = vm.int_from_big(big("18446744073709551616"));
        let r = vm.range_new(&[two_64]).expect("range");
        assert!(matches!(
            vm.heap.get(r.as_ref().expect("obj")),
            Object::BigRange(_)
        ));
        let r = vm
            .range_new(&[Value::Int(3), Value::Bool(true)])
            .expect("range");
        assert!(matches!(
            vm.heap.get(r.as_ref().expect("obj")),
            Object::Range(3, 1, 1)
        ));
        let sliced = vm.new_range(BigRange {
            start: big("9223372036854775808") - 5,
            stop: big("0"),
            step: big("-1"),
        });
        assert!(matches!(
            vm.heap.get(sliced.as_ref().expect("obj")),
            Object::Range(..)
        ));
        let e = vm
            .range_new(&[Value::Int(1), two_64, Value::Int(0)])
            .expect_err("zero step");
        assert_eq!(
            message(&mut vm, e),
            "ValueError: range() arg 3 must not be zero"
        );
    }

    #[test]
    fn lengths_past_maxsize_overflow() {
        let mut vm = Vm::new();
        let wide = vm.heap.alloc(Object::Range(i64::MIN, i64::MAX, 1));
        let e = vm.range_len(wide).expect_err("too long");
        assert_eq!(
            message(&mut vm, e),
            format!("OverflowError: {SSIZE_OVERFLOW}")
        );
        assert!(vm.range_truthy(wide));
        assert!(vm.range_too_long(Value::Obj(wide)));
        let fits = vm.heap.alloc(Object::Range(0, i64::MAX, 1));
        assert_eq!(vm.range_len(fits).expect("len"), i64::MAX as usize);
        assert!(!vm.range_too_long(Value::Obj(fits)));
    }

    #[test]
    fn equality_crosses_representations() {
        let mut vm = Vm::new();
        let empty = vm.heap.alloc(Object::Range(0, 0, 1));
        let empty_big = vm.heap.alloc(BigRange::from_small(0, 0, 1).into_object());
        let far_empty = vm.heap.alloc(
            BigRange {
                start: big("36893488147419103232"),
                stop: big("0"),
                step: big("1"),
            }
            .into_object(),
        );
        assert!(vm.range_eq(empty, far_empty));
        assert!(vm.range_eq(empty, empty_big));
        assert_eq!(vm.range_hash(empty), vm.range_hash(far_empty));
    }
}
