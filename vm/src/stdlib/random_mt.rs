//! CPython-compatible pseudo-random number generation for the `random` module.
//!
//! Programs run by yieldscope must observe exactly the same pseudo-random
//! streams as under CPython 3.11 when they seed the generator with the same
//! integer: the same floats from `random()`, the same integers from
//! `randrange()`, the same orderings from `shuffle()` and so on.  This module
//! provides that guarantee.  It contains
//!
//! * the MT19937 Mersenne Twister with CPython's seeding procedure
//!   (`init_by_array` over the 32-bit chunks of the seed's absolute value),
//!   its 53-bit `random()` and its `getrandbits()`;
//! * the integer and sequence helpers of `Lib/random.py` that sit on top of
//!   it (`_randbelow`, `randrange`, `randint`, `choice`, `shuffle`, `sample`,
//!   `choices`) and a few cheap continuous distributions (`uniform`,
//!   `triangular`, `normalvariate`, `expovariate`), each consuming the
//!   underlying stream draw for draw as CPython 3.11 does.
//!
//! Everything here works on indices and numbers; the interpreter maps them to
//! the actual sequence elements and turns [`RandomError`] values into Python
//! exceptions carrying the same messages CPython uses.

// "CPython" is a proper name here, not a code identifier.
#![allow(clippy::doc_markdown)]

use std::collections::HashSet;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use serde::{Deserialize, Serialize};

/// Number of 32-bit words in the Mersenne Twister state.
const N: usize = 624;
/// Middle word offset of the twist transformation.
const M: usize = 397;
/// Constant vector `a` of the twist transformation.
const MATRIX_A: u32 = 0x9908_b0df;
/// Most significant bit of a state word.
const UPPER_MASK: u32 = 0x8000_0000;
/// Least significant 31 bits of a state word.
const LOWER_MASK: u32 = 0x7fff_ffff;
/// `4 * exp(-0.5) / sqrt(2.0)`, as `random.NV_MAGICCONST` holds it.
const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5;
/// `2**26`, the weight of the high part of a 53-bit `random()` numerator.
const TWO_POW_26: f64 = 67_108_864.0;
/// `2**-53`, which scales a 53-bit integer into `[0, 1)`.
const TWO_POW_MINUS_53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// An error raised by one of the `random` operations, carrying the message
/// CPython 3.11 puts in the corresponding exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RandomError {
    /// Raised as `ValueError(message)`.
    Value(String),
    /// Raised as `IndexError(message)`.
    Index(String),
    /// Raised as `TypeError(message)`.
    Type(String),
}

impl RandomError {
    /// The exception message, exactly as CPython formats it.
    #[must_use]
    pub fn message(&self) -> &str {
        match self {
            Self::Value(message) | Self::Index(message) | Self::Type(message) => message,
        }
    }

    /// The name of the Python exception class this error maps to.
    #[must_use]
    pub fn exception_name(&self) -> &'static str {
        match self {
            Self::Value(_) => "ValueError",
            Self::Index(_) => "IndexError",
            Self::Type(_) => "TypeError",
        }
    }

    /// The `TypeError` that `random.sample` raises when its population is not
    /// a sequence (for example a `set` or a `dict`).  The interpreter checks
    /// the population type itself and raises this before drawing anything.
    #[must_use]
    pub fn sample_population_not_sequence() -> Self {
        Self::Type("Population must be a sequence.  For dicts or sets, use sorted(d).".to_owned())
    }

    fn value(message: &str) -> Self {
        Self::Value(message.to_owned())
    }

    fn index(message: &str) -> Self {
        Self::Index(message.to_owned())
    }

    fn type_error(message: &str) -> Self {
        Self::Type(message.to_owned())
    }
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exception_name(), self.message())
    }
}

impl std::error::Error for RandomError {}

/// CPython's Mersenne Twister state, as plain data.
///
/// The state is the 624-word MT19937 vector plus the position of the next
/// word to temper, exactly what `random.getstate()[1]` exposes.  Every method
/// consumes the stream in the same order and amount as the CPython 3.11
/// method of the same name, so two generators seeded alike stay in lockstep
/// with CPython across any mix of calls.
///
/// Deserialization validates the data: the vector must hold 624 words and
/// the index must not exceed 624.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawState")]
pub struct Mt19937 {
    state: Vec<u32>,
    index: usize,
}

/// Unvalidated serialized form of [`Mt19937`].
#[derive(Deserialize)]
struct RawState {
    state: Vec<u32>,
    index: usize,
}

impl TryFrom<RawState> for Mt19937 {
    type Error = RandomError;

    fn try_from(raw: RawState) -> Result<Self, Self::Error> {
        let mut generator = Self::from_key(&[0]);
        generator.setstate(&raw.state, raw.index)?;
        Ok(generator)
    }
}

impl Mt19937 {
    /// Seeds a generator as `random.seed(seed)` does for an `int` seed.
    ///
    /// The absolute value of `seed` is split into 32-bit chunks, least
    /// significant first, and fed to `init_by_array`; zero gives the key
    /// `[0]`.  Consequently `seed` and `-seed` produce the same stream.
    #[must_use]
    pub fn from_seed(seed: &BigInt) -> Self {
        Self::from_key(&seed.magnitude().to_u32_digits())
    }

    /// Seeds a generator with MT19937's `init_by_array(key)`.
    ///
    /// This is the primitive behind [`Mt19937::from_seed`]; CPython also uses
    /// it with 624 words of operating-system entropy for `random.seed(None)`.
    /// An empty key is treated as `[0]`.
    #[must_use]
    pub fn from_key(key: &[u32]) -> Self {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let mut mt = init_genrand(19_650_218);
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            // The key position is added as a 32-bit word, wrapping like C.
            #[allow(clippy::cast_possible_truncation)]
            let j_word = j as u32;
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j_word);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            #[allow(clippy::cast_possible_truncation)]
            let i_word = i as u32;
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i_word);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        Self {
            state: mt,
            index: N,
        }
    }

    /// Returns the next tempered 32-bit output (`genrand_uint32`), which is
    /// also what `random.getrandbits(32)` returns.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// Regenerates all 624 state words at once.
    fn twist(&mut self) {
        let mt = &mut self.state;
        for kk in 0..N {
            let y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 0 { 0 } else { MATRIX_A };
            mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// `random.random()`: a float in `[0, 1)` with 53 random bits, built from
    /// two consecutive 32-bit outputs (27 high bits, then 26 low bits).
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * TWO_POW_26 + f64::from(b)) * TWO_POW_MINUS_53
    }

    /// `random.getrandbits(k)`: a non-negative integer with `k` random bits.
    ///
    /// `k == 0` returns 0 without consuming the stream.  Otherwise
    /// `ceil(k / 32)` outputs are drawn and laid out least significant word
    /// first; the most significant word keeps only its top bits.  (CPython
    /// limits `k` to a C `int` and raises `ValueError("number of bits must be
    /// non-negative")` for negative `k`; those checks belong to the caller.)
    ///
    /// # Panics
    ///
    /// Panics if the result could not be addressed in memory (`k` beyond
    /// `usize::MAX` words).
    pub fn getrandbits(&mut self, k: u64) -> BigUint {
        if k == 0 {
            return BigUint::zero();
        }
        if k <= 32 {
            return BigUint::from(self.next_u32() >> (32 - k));
        }
        let words =
            usize::try_from((k - 1) / 32 + 1).expect("bit count exceeds addressable memory");
        let mut digits = Vec::with_capacity(words);
        let mut remaining = k;
        for _ in 0..words {
            let mut word = self.next_u32();
            if remaining < 32 {
                word >>= 32 - remaining;
            }
            digits.push(word);
            remaining = remaining.saturating_sub(32);
        }
        BigUint::new(digits)
    }

    /// `getrandbits(k)` for `1 <= k <= 64`, without allocating.
    fn getrandbits_u64(&mut self, k: u32) -> u64 {
        debug_assert!((1..=64).contains(&k));
        if k <= 32 {
            u64::from(self.next_u32() >> (32 - k))
        } else {
            let low = u64::from(self.next_u32());
            let high = u64::from(self.next_u32() >> (64 - k));
            (high << 32) | low
        }
    }

    /// `_randbelow` for a bound that fits in 64 bits.
    fn randbelow_u64(&mut self, n: u64) -> u64 {
        assert!(n > 0, "randbelow requires a positive bound");
        let k = u64::BITS - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `Random._randbelow_with_getrandbits(n)`: a uniform integer in
    /// `[0, n)`.
    ///
    /// Draws `getrandbits(n.bit_length())` until the value is below `n`.
    /// Note that the bit length of `n` itself is used, so a power of two
    /// such as 8 draws 4 bits and rejects about half the candidates.
    ///
    /// # Panics
    ///
    /// Panics if `n` is zero (CPython would loop forever).
    pub fn randbelow(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// [`Mt19937::randbelow`] for a machine-sized bound; consumes the stream
    /// identically.
    ///
    /// # Panics
    ///
    /// Panics if `n` is zero.
    pub fn randbelow_usize(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).expect("usize fits in u64");
        usize::try_from(self.randbelow_u64(n)).expect("result is below a usize bound")
    }

    /// `random.randrange(start, stop, step)` with CPython 3.11's semantics
    /// and error messages.
    ///
    /// `stop == None` is the one-argument form `randrange(start)`, which
    /// rejects any `step` other than 1 with `TypeError`.  The interpreter is
    /// responsible for converting non-`int` arguments (CPython 3.11 accepts
    /// integral floats with a `DeprecationWarning`).
    ///
    /// # Errors
    ///
    /// * `TypeError("Missing a non-None stop argument")` for `stop == None`
    ///   with `step != 1`;
    /// * `ValueError("empty range for randrange()")` for an empty range,
    ///   except that with `step == 1` and a stop the message also shows
    ///   `(start, stop, width)`, e.g. `empty range for randrange() (0, 0, 0)`;
    /// * `ValueError("zero step for randrange()")` for `step == 0`.
    #[allow(clippy::similar_names)] // `stop` and `step` are Python's names.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> Result<BigInt, RandomError> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(RandomError::type_error("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(BigInt::from(self.randbelow(start.magnitude())));
            }
            return Err(RandomError::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + BigInt::from(self.randbelow(width.magnitude())));
            }
            return Err(RandomError::Value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let count = match step.sign() {
            Sign::Plus => (&width + step - 1_u8).div_floor(step),
            Sign::Minus => (&width + step + 1_u8).div_floor(step),
            Sign::NoSign => return Err(RandomError::value("zero step for randrange()")),
        };
        if !count.is_positive() {
            return Err(RandomError::value("empty range for randrange()"));
        }
        Ok(start + step * BigInt::from(self.randbelow(count.magnitude())))
    }

    /// `random.randint(a, b)`: an integer in `[a, b]`, computed as
    /// `randrange(a, b + 1)`.
    ///
    /// # Errors
    ///
    /// `ValueError` when `b < a`; the message shows `b + 1`, as CPython's
    /// does, e.g. `randint(5, 1)` gives `empty range for randrange() (5, 2, -3)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, RandomError> {
        let stop = b + 1;
        self.randrange(a, Some(&stop), &BigInt::one())
    }

    /// `random.uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.choice(seq)` for a sequence of length `len`: the index of the
    /// chosen element.
    ///
    /// # Errors
    ///
    /// `IndexError("Cannot choose from an empty sequence")` when `len == 0`.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, RandomError> {
        if len == 0 {
            return Err(RandomError::index("Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow_usize(len))
    }

    /// The swaps `random.shuffle(x)` performs on a list of length `len`, in
    /// order: for `i` from `len - 1` down to 1, `x[i]` is exchanged with
    /// `x[j]` where `j = randbelow(i + 1)`.  Pairs with `i == j` are kept so
    /// that the list mirrors CPython's loop one to one.
    pub fn shuffle_swaps(&mut self, len: usize) -> Vec<(usize, usize)> {
        (1..len)
            .rev()
            .map(|i| (i, self.randbelow_usize(i + 1)))
            .collect()
    }

    /// `random.sample(population, k)` for a sequence of length `population`:
    /// the indices of the selected elements, in selection order.
    ///
    /// Both of CPython 3.11's strategies are reproduced, including the rule
    /// that chooses between them: a shrinking pool when
    /// `population <= 21 + (4 ** ceil(log(3 * k, 4)) if k > 5 else 0)`, and a
    /// set of already chosen indices with redraws otherwise.  The `counts=`
    /// form is `sample(range(sum(counts)), k)` followed by a bisection, which
    /// the interpreter can build on this method.
    ///
    /// # Errors
    ///
    /// `ValueError("Sample larger than population or is negative")` when
    /// `k > population`.  (A negative `k` raises the same error; the
    /// non-sequence `TypeError` is [`RandomError::sample_population_not_sequence`].)
    pub fn sample_indices(
        &mut self,
        population: usize,
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        let n = population;
        if k > n {
            return Err(RandomError::value(
                "Sample larger than population or is negative",
            ));
        }
        let mut result = Vec::with_capacity(k);
        if (n as u128) <= sample_set_size(k) {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.choices(population, weights, cum_weights=..., k=k)` for a
    /// sequence of length `population`: the indices of the `k` selections
    /// (with replacement).
    ///
    /// Without weights each index is `floor(random() * population)`; this
    /// does not use `randbelow` and so consumes two 32-bit outputs per pick.
    /// With weights, the cumulative weights are summed left to right as
    /// floats and each pick bisects (`bisect_right`) `random() * total` over
    /// them, limited to the last index.  Integer weights are exact in
    /// CPython, so they agree as long as the partial sums stay below `2**53`.
    ///
    /// # Errors
    ///
    /// * `TypeError("Cannot specify both weights and cumulative weights")`;
    /// * `ValueError("The number of weights does not match the population")`;
    /// * `ValueError("Total of weights must be greater than zero")`;
    /// * `ValueError("Total of weights must be finite")` (also for NaN);
    /// * `IndexError("list index out of range")` for an empty population:
    ///   with weights this comes from `cum_weights[-1]`, without weights it
    ///   comes from indexing the population after one `random()` has been
    ///   drawn (CPython's message then names the population's type, e.g.
    ///   `tuple index out of range`; the interpreter may substitute it).
    ///   With `k == 0` and no weights, an empty population is not an error.
    pub fn choices_indices(
        &mut self,
        population: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        let cumulative: Vec<f64> = match (weights, cum_weights) {
            (None, None) => {
                let n = usize_to_f64(population);
                return (0..k)
                    .map(|_| {
                        let index = floor_to_usize(self.random() * n);
                        if index < population {
                            Ok(index)
                        } else {
                            Err(RandomError::index("list index out of range"))
                        }
                    })
                    .collect();
            }
            (Some(weights), None) => weights
                .iter()
                .scan(None, |sum: &mut Option<f64>, &w| {
                    let next = sum.map_or(w, |s| s + w);
                    *sum = Some(next);
                    Some(next)
                })
                .collect(),
            (None, Some(cum_weights)) => cum_weights.to_vec(),
            (Some(_), Some(_)) => {
                return Err(RandomError::type_error(
                    "Cannot specify both weights and cumulative weights",
                ));
            }
        };
        if cumulative.len() != population {
            return Err(RandomError::value(
                "The number of weights does not match the population",
            ));
        }
        let Some(&total) = cumulative.last() else {
            return Err(RandomError::index("list index out of range"));
        };
        if total <= 0.0 {
            return Err(RandomError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(RandomError::value("Total of weights must be finite"));
        }
        let hi = population - 1;
        Ok((0..k)
            .map(|_| bisect_right(&cumulative, self.random() * total, hi))
            .collect())
    }

    /// `random.triangular(low, high, mode)`; `mode == None` means the
    /// midpoint.
    ///
    /// One `random()` is always drawn first.  When `high - low == 0.0`
    /// CPython catches the `ZeroDivisionError` of computing the mode's
    /// position and returns `low`; so does this method (also when `mode` is
    /// `None`, where CPython returns `low + 0 * ...`, i.e. `low` as well).
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(mode) => {
                let span = high - low;
                if span == 0.0 {
                    return low;
                }
                (mode - low) / span
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `random.normalvariate(mu, sigma)`, by the Kinderman–Monahan
    /// ratio-of-uniforms method; draws two `random()` values per attempt.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.expovariate(lambd)`: `-log(1 - random()) / lambd`.
    ///
    /// For `lambd == 0.0` CPython draws one `random()` and then raises
    /// `ZeroDivisionError("float division by zero")`; this method draws the
    /// same value and returns the IEEE quotient, so the interpreter should
    /// call it and then raise when `lambd == 0.0`.
    pub fn expovariate(&mut self, lambd: f64) -> f64 {
        -(1.0 - self.random()).ln() / lambd
    }

    /// The internal state as `random.getstate()[1]` exposes it: the 624
    /// state words and the index of the next word (0..=624).
    #[must_use]
    pub fn getstate(&self) -> (Vec<u32>, usize) {
        (self.state.clone(), self.index)
    }

    /// Restores a state taken with [`Mt19937::getstate`], as
    /// `_random.Random.setstate` does.  On error the generator is unchanged.
    ///
    /// The interpreter unpacks the Python-level tuple: CPython reduces each
    /// word to 32 bits, and a negative index gives the same `invalid state`
    /// error as one above 624.
    ///
    /// # Errors
    ///
    /// * `ValueError("state vector is the wrong size")` unless `state` holds
    ///   624 words;
    /// * `ValueError("invalid state")` when `index > 624`.
    pub fn setstate(&mut self, state: &[u32], index: usize) -> Result<(), RandomError> {
        if state.len() != N {
            return Err(RandomError::value("state vector is the wrong size"));
        }
        if index > N {
            return Err(RandomError::value("invalid state"));
        }
        self.state.clear();
        self.state.extend_from_slice(state);
        self.index = index;
        Ok(())
    }
}

/// MT19937's `init_genrand(seed)`: the linear-congruential fill of the state.
fn init_genrand(seed: u32) -> Vec<u32> {
    let mut mt = Vec::with_capacity(N);
    mt.push(seed);
    for i in 1..N {
        let prev = mt[i - 1];
        #[allow(clippy::cast_possible_truncation)]
        let i_word = i as u32;
        mt.push(
            1_812_433_253_u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i_word),
        );
    }
    mt
}

/// The population size up to which `random.sample` uses the pool strategy:
/// `21`, plus `4 ** ceil(log(k * 3, 4))` when `k > 5`.
///
/// The logarithm is computed in floating point exactly as `math.log(x, 4)`
/// does (`log(float(x)) / log(4.0)`), so the boundary agrees with CPython.
fn sample_set_size(k: usize) -> u128 {
    let mut size: u128 = 21;
    if k > 5 {
        // `k * 3` is exact as an integer and rounded to nearest once, like
        // CPython's int-to-float conversion.
        #[allow(clippy::cast_precision_loss)]
        let x = (k as u128 * 3) as f64;
        let exponent = (x.ln() / 4.0_f64.ln()).ceil();
        // The exponent is at most 34 for any `usize` value of `k`.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let exponent = exponent as u32;
        size += 4_u128.pow(exponent);
    }
    size
}

/// `float(n)`, rounded to nearest like CPython's int-to-float conversion.
#[allow(clippy::cast_precision_loss)]
fn usize_to_f64(n: usize) -> f64 {
    n as f64
}

/// `math.floor(x)` for a non-negative finite `x`; values past `usize::MAX`
/// saturate, which callers treat as out of range.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn floor_to_usize(x: f64) -> usize {
    x.floor() as usize
}

/// `bisect.bisect_right(a, x, 0, hi)`, with the same midpoint sequence and
/// `x < a[mid]` comparisons as CPython's `_bisect`, so NaN entries steer the
/// search identically.
fn bisect_right(a: &[f64], x: f64, hi: usize) -> usize {
    let mut lo = 0;
    let mut hi = hi;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

#[cfg(test)]
// Exact float equality is the point: outputs must be bit-identical to CPython's.
#[allow(clippy::float_cmp, clippy::similar_names)]
mod tests {
    use super::*;

    fn seeded(seed: i64) -> Mt19937 {
        Mt19937::from_seed(&BigInt::from(seed))
    }

    fn big(text: &str) -> BigInt {
        text.parse().expect("valid integer literal")
    }

    fn randoms(generator: &mut Mt19937, count: usize) -> Vec<f64> {
        (0..count).map(|_| generator.random()).collect()
    }

    fn u32s(generator: &mut Mt19937, count: usize) -> Vec<u32> {
        (0..count).map(|_| generator.next_u32()).collect()
    }

    fn ints(values: &[BigInt]) -> Vec<i64> {
        values
            .iter()
            .map(|v| v.to_i64().expect("small value"))
            .collect()
    }

    fn randrange_seq(
        generator: &mut Mt19937,
        start: i64,
        stop: Option<i64>,
        step: i64,
        count: usize,
    ) -> Vec<i64> {
        let start = BigInt::from(start);
        let stop = stop.map(BigInt::from);
        let step = BigInt::from(step);
        let values: Vec<BigInt> = (0..count)
            .map(|_| {
                generator
                    .randrange(&start, stop.as_ref(), &step)
                    .expect("non-empty range")
            })
            .collect();
        ints(&values)
    }

    fn value_error(message: &str) -> RandomError {
        RandomError::Value(message.to_owned())
    }

    #[test]
    fn random_seed_0_matches_cpython() {
        let mut g = seeded(0);
        assert_eq!(
            randoms(&mut g, 5),
            [
                0.844_421_851_525_048_1,
                0.757_954_402_940_302_5,
                0.420_571_580_830_845,
                0.258_916_750_292_963_35,
                0.511_274_721_368_608_5
            ]
        );
    }

    #[test]
    fn random_seed_42_matches_cpython() {
        let mut g = seeded(42);
        assert_eq!(
            randoms(&mut g, 5),
            [
                0.639_426_798_457_883_7,
                0.025_010_755_222_666_936,
                0.275_029_318_369_119_26,
                0.223_210_738_148_822_75,
                0.736_471_214_164_012_4
            ]
        );
    }

    #[test]
    fn random_multi_word_seed_matches_cpython() {
        let mut g = Mt19937::from_seed(&(BigInt::one() << 100));
        assert_eq!(
            randoms(&mut g, 5),
            [
                0.758_658_171_299_677_8,
                0.225_620_046_869_186_13,
                0.980_068_210_669_710_5,
                0.130_288_606_260_525_3,
                0.829_758_235_630_231_3
            ]
        );
        // 2**100 + 12345 * 2**64 + 7: four chunks, three of them non-zero.
        let seed = (BigInt::one() << 100) + (BigInt::from(12_345) << 64) + 7;
        let mut g = Mt19937::from_seed(&seed);
        assert_eq!(
            randoms(&mut g, 3),
            [
                0.050_216_617_305_270_83,
                0.518_367_328_504_165_7,
                0.213_751_469_329_426_8
            ]
        );
    }

    #[test]
    fn negative_seed_uses_absolute_value() {
        let expected = [
            0.622_901_694_889_701_9,
            0.741_786_989_260_729_4,
            0.795_193_565_565_696_6,
            0.942_450_283_777_050_3,
            0.739_898_574_739_930_7,
        ];
        assert_eq!(randoms(&mut seeded(-5), 5), expected);
        assert_eq!(randoms(&mut seeded(5), 5), expected);
        assert_eq!(seeded(-5), seeded(5));
    }

    #[test]
    fn next_u32_matches_cpython_getrandbits_32() {
        assert_eq!(
            u32s(&mut seeded(0), 5),
            [
                3_626_764_237,
                1_654_615_998,
                3_255_389_356,
                3_823_568_514,
                1_806_341_205
            ]
        );
        assert_eq!(
            u32s(&mut seeded(42), 5),
            [
                2_746_317_213,
                478_163_327,
                107_420_369,
                3_184_935_163,
                1_181_241_943
            ]
        );
        assert_eq!(
            u32s(&mut Mt19937::from_seed(&(BigInt::one() << 100)), 5),
            [
                3_258_412_053,
                345_648_520,
                969_030_735,
                352_340_553,
                4_209_360_913
            ]
        );
        assert_eq!(
            u32s(&mut seeded(-5), 5),
            [
                2_675_342_405,
                1_097_127_993,
                3_185_950_873,
                1_539_898_300,
                3_415_330_359
            ]
        );
    }

    #[test]
    fn next_u32_crosses_state_regeneration() {
        let mut g = seeded(0);
        let values = u32s(&mut g, 1000);
        assert_eq!(values[999], 2_971_151_651);
    }

    #[test]
    fn getrandbits_various_widths_match_cpython() {
        let mut g = seeded(42);
        assert_eq!(g.getrandbits(1), BigUint::from(1_u32));
        assert_eq!(g.getrandbits(31), BigUint::from(239_081_663_u32));
        assert_eq!(g.getrandbits(32), BigUint::from(107_420_369_u32));
        assert_eq!(g.getrandbits(33), BigUint::from(3_184_935_163_u32));
        assert_eq!(
            g.getrandbits(100),
            "882565121070403957190206503824".parse::<BigUint>().unwrap()
        );
        let mut g = seeded(42);
        assert_eq!(g.getrandbits(64), BigUint::from(0x1c80_317f_a3b1_799d_u64));
        assert_eq!(g.getrandbits(65), BigUint::from(0xbdd6_40fb_0667_1ad1_u64));
    }

    #[test]
    fn getrandbits_zero_returns_zero_without_drawing() {
        let mut g = seeded(42);
        assert_eq!(g.getrandbits(0), BigUint::zero());
        assert_eq!(g.random(), 0.639_426_798_457_883_7);
    }

    #[test]
    fn randrange_single_argument_matches_cpython() {
        assert_eq!(
            randrange_seq(&mut seeded(1), 10, None, 1, 10),
            [2, 9, 1, 4, 1, 7, 7, 7, 6, 3]
        );
    }

    #[test]
    fn randbelow_power_of_two_uses_full_bit_length() {
        // randrange(8) draws 4 bits per attempt and rejects values >= 8.
        assert_eq!(
            randrange_seq(&mut seeded(1), 8, None, 1, 10),
            [2, 1, 4, 1, 7, 7, 7, 6, 3, 1]
        );
    }

    #[test]
    fn randrange_positive_step_matches_cpython() {
        assert_eq!(
            randrange_seq(&mut seeded(1), 3, Some(30), 3, 10),
            [9, 6, 15, 6, 24, 24, 24, 21, 12, 6]
        );
    }

    #[test]
    fn randrange_negative_step_matches_cpython() {
        assert_eq!(
            randrange_seq(&mut seeded(1), 10, Some(0), -2, 10),
            [8, 2, 10, 6, 10, 4, 4, 4, 4, 8]
        );
    }

    #[test]
    fn randrange_negative_start_matches_cpython() {
        assert_eq!(
            randrange_seq(&mut seeded(3), -5, Some(5), 1, 8),
            [-2, 4, 3, -3, 0, 4, 2, 4]
        );
    }

    #[test]
    fn randint_dice_rolls_match_cpython() {
        let mut g = seeded(1);
        let rolls: Vec<BigInt> = (0..10)
            .map(|_| g.randint(&BigInt::from(1), &BigInt::from(6)).unwrap())
            .collect();
        assert_eq!(ints(&rolls), [2, 5, 1, 3, 1, 4, 4, 4, 6, 4]);
    }

    #[test]
    fn randrange_huge_range_matches_cpython() {
        let one = BigInt::one();
        let ten_30 = num_traits::pow(BigInt::from(10), 30);
        let mut g = seeded(1);
        let values: Vec<BigInt> = (0..3)
            .map(|_| g.randrange(&ten_30, None, &one).unwrap())
            .collect();
        assert_eq!(
            values,
            [
                big("99436813185968347955962756036"),
                big("590209488520255358040687302011"),
                big("300173589674248222863405272091")
            ]
        );

        let mut g = seeded(1);
        let low = -ten_30.clone();
        let seven = BigInt::from(7);
        let values: Vec<BigInt> = (0..3)
            .map(|_| g.randrange(&low, Some(&ten_30), &seven).unwrap())
            .collect();
        assert_eq!(
            values,
            [
                big("-858539445298071927463068360100"),
                big("-196116405957314672644034800035"),
                big("-562576285079813529420586052419")
            ]
        );
    }

    #[test]
    fn randrange_full_u64_range_matches_cpython() {
        let bound = BigInt::one() << 64;
        let mut g = seeded(1);
        let values: Vec<BigInt> = (0..3)
            .map(|_| g.randrange(&bound, None, &BigInt::one()).unwrap())
            .collect();
        assert_eq!(
            values,
            [
                big("14089154938208861744"),
                big("2175216119781798972"),
                big("8291646586825371460")
            ]
        );
    }

    #[test]
    fn randrange_error_messages_match_cpython() {
        let mut g = seeded(0);
        let i = BigInt::from;
        let one = i(1);
        let empty = value_error("empty range for randrange()");
        assert_eq!(g.randrange(&i(0), None, &one), Err(empty.clone()));
        assert_eq!(g.randrange(&i(-3), None, &one), Err(empty.clone()));
        assert_eq!(
            g.randrange(&i(0), Some(&i(0)), &one),
            Err(value_error("empty range for randrange() (0, 0, 0)"))
        );
        assert_eq!(
            g.randrange(&i(5), Some(&i(2)), &one),
            Err(value_error("empty range for randrange() (5, 2, -3)"))
        );
        assert_eq!(
            g.randrange(&i(0), Some(&i(10)), &i(0)),
            Err(value_error("zero step for randrange()"))
        );
        assert_eq!(
            g.randrange(&i(10), None, &i(2)),
            Err(RandomError::Type(
                "Missing a non-None stop argument".to_owned()
            ))
        );
        assert_eq!(g.randrange(&i(0), Some(&i(10)), &i(-1)), Err(empty.clone()));
        assert_eq!(g.randrange(&i(10), Some(&i(0)), &i(2)), Err(empty));
        // Errors consume nothing.
        assert_eq!(g, seeded(0));
    }

    #[test]
    fn randint_reversed_bounds_reports_stop_plus_one() {
        let err = seeded(0)
            .randint(&BigInt::from(5), &BigInt::from(1))
            .unwrap_err();
        assert_eq!(err, value_error("empty range for randrange() (5, 2, -3)"));
        assert_eq!(err.exception_name(), "ValueError");
        assert_eq!(
            err.to_string(),
            "ValueError: empty range for randrange() (5, 2, -3)"
        );
    }

    #[test]
    fn choice_indices_match_cpython() {
        let mut g = seeded(7);
        let picks: Vec<usize> = (0..10).map(|_| g.choice_index(5).unwrap()).collect();
        assert_eq!(picks, [2, 1, 3, 0, 0, 4, 0, 2, 4, 0]);
        let mut g = seeded(7);
        let picks: Vec<usize> = (0..5).map(|_| g.choice_index(1000).unwrap()).collect();
        assert_eq!(picks, [331, 970, 154, 404, 666]);
    }

    #[test]
    fn choice_from_empty_sequence_is_index_error() {
        assert_eq!(
            seeded(0).choice_index(0),
            Err(RandomError::Index(
                "Cannot choose from an empty sequence".to_owned()
            ))
        );
    }

    fn apply_swaps(len: usize, swaps: &[(usize, usize)]) -> Vec<usize> {
        let mut items: Vec<usize> = (0..len).collect();
        for &(i, j) in swaps {
            items.swap(i, j);
        }
        items
    }

    #[test]
    fn shuffle_range_10_matches_cpython() {
        let swaps = seeded(3).shuffle_swaps(10);
        assert_eq!(swaps.len(), 9);
        assert_eq!(swaps[0].0, 9);
        assert_eq!(apply_swaps(10, &swaps), [1, 5, 6, 0, 9, 4, 7, 2, 8, 3]);
    }

    #[test]
    fn shuffle_deck_of_52_matches_cpython() {
        let swaps = seeded(3).shuffle_swaps(52);
        assert_eq!(
            apply_swaps(52, &swaps),
            [
                13, 28, 3, 19, 29, 26, 51, 22, 36, 10, 32, 6, 11, 17, 33, 48, 24, 31, 1, 18, 5, 2,
                21, 44, 47, 43, 41, 27, 42, 20, 7, 9, 25, 49, 39, 12, 14, 35, 16, 45, 0, 46, 4, 50,
                40, 30, 38, 23, 8, 34, 37, 15
            ]
        );
    }

    #[test]
    fn shuffle_of_short_lists_draws_nothing() {
        let mut g = seeded(3);
        assert!(g.shuffle_swaps(0).is_empty());
        assert!(g.shuffle_swaps(1).is_empty());
        assert_eq!(g, seeded(3));
    }

    #[test]
    fn sample_set_branch_matches_cpython() {
        // n = 100 > 21 + 4**3: previously chosen indices are redrawn.
        assert_eq!(
            seeded(5).sample_indices(100, 10).unwrap(),
            [79, 32, 94, 45, 88, 83, 67, 3, 59, 99]
        );
        assert_eq!(
            seeded(5).sample_indices(1_000_000, 3).unwrap(),
            [653_159, 267_853, 777_820]
        );
    }

    #[test]
    fn sample_pool_branch_matches_cpython() {
        assert_eq!(
            seeded(5).sample_indices(10, 8).unwrap(),
            [9, 4, 5, 6, 7, 8, 0, 1]
        );
    }

    #[test]
    fn sample_branch_threshold_matches_cpython() {
        // k = 6: setsize = 21 + 4**ceil(log(18, 4)) = 85.
        assert_eq!(
            seeded(5).sample_indices(85, 6).unwrap(),
            [79, 32, 45, 67, 3, 59]
        );
        assert_eq!(
            seeded(5).sample_indices(86, 6).unwrap(),
            [79, 32, 45, 83, 67, 3]
        );
        // k <= 5: setsize = 21.
        assert_eq!(seeded(5).sample_indices(21, 5).unwrap(), [19, 8, 11, 16, 0]);
        assert_eq!(
            seeded(5).sample_indices(22, 5).unwrap(),
            [19, 8, 11, 20, 16]
        );
        assert_eq!(sample_set_size(5), 21);
        assert_eq!(sample_set_size(6), 85);
        assert_eq!(sample_set_size(22), 21 + 256);
    }

    #[test]
    fn sample_whole_and_empty_populations_match_cpython() {
        let mut g = seeded(5);
        assert_eq!(g.sample_indices(5, 5).unwrap(), [4, 2, 3, 1, 0]);
        assert_eq!(g.random(), 0.840_348_120_522_667_8);
        let mut g = seeded(5);
        assert!(g.sample_indices(5, 0).unwrap().is_empty());
        assert_eq!(g.random(), 0.622_901_694_889_701_9);
    }

    #[test]
    fn sample_larger_than_population_is_value_error() {
        assert_eq!(
            seeded(0).sample_indices(3, 4),
            Err(value_error("Sample larger than population or is negative"))
        );
        assert_eq!(
            RandomError::sample_population_not_sequence().message(),
            "Population must be a sequence.  For dicts or sets, use sorted(d)."
        );
    }

    #[test]
    fn choices_without_weights_use_floor_of_random() {
        assert_eq!(
            seeded(9).choices_indices(4, None, None, 10).unwrap(),
            [1, 1, 0, 3, 0, 2, 3, 0, 2, 2]
        );
        assert_eq!(seeded(9).choices_indices(4, None, None, 1).unwrap(), [1]);
        assert_eq!(
            seeded(9).choices_indices(1_000_000, None, None, 4).unwrap(),
            [463_007, 373_311, 138_539, 866_561]
        );
    }

    #[test]
    fn choices_with_weights_match_cpython() {
        let expected = [2, 2, 1, 3, 0, 2, 3, 0, 2, 3];
        assert_eq!(
            seeded(9)
                .choices_indices(4, Some(&[1.0, 2.0, 3.0, 4.0]), None, 10)
                .unwrap(),
            expected
        );
        assert_eq!(
            seeded(9)
                .choices_indices(4, None, Some(&[1.0, 3.0, 6.0, 10.0]), 10)
                .unwrap(),
            expected
        );
        assert_eq!(
            seeded(9)
                .choices_indices(4, Some(&[0.0, 0.0, 1.5, 0.0]), None, 6)
                .unwrap(),
            [2, 2, 2, 2, 2, 2]
        );
        assert_eq!(
            seeded(9)
                .choices_indices(5, Some(&[2.5, -1.0, 0.0, 3.25, 1.0]), None, 8)
                .unwrap(),
            [3, 3, 0, 4, 0, 3, 4, 0]
        );
    }

    #[test]
    fn choices_error_messages_match_cpython() {
        let mut g = seeded(0);
        assert_eq!(
            g.choices_indices(3, Some(&[1.0, 2.0]), None, 1),
            Err(value_error(
                "The number of weights does not match the population"
            ))
        );
        assert_eq!(
            g.choices_indices(3, None, Some(&[1.0, 2.0]), 1),
            Err(value_error(
                "The number of weights does not match the population"
            ))
        );
        assert_eq!(
            g.choices_indices(3, Some(&[0.0, 0.0, 0.0]), None, 1),
            Err(value_error("Total of weights must be greater than zero"))
        );
        assert_eq!(
            g.choices_indices(3, Some(&[-1.0, -2.0, -3.0]), None, 1),
            Err(value_error("Total of weights must be greater than zero"))
        );
        assert_eq!(
            g.choices_indices(3, Some(&[1.0, f64::INFINITY, 1.0]), None, 1),
            Err(value_error("Total of weights must be finite"))
        );
        assert_eq!(
            g.choices_indices(3, Some(&[1.0, f64::NAN, 1.0]), None, 1),
            Err(value_error("Total of weights must be finite"))
        );
        assert_eq!(
            g.choices_indices(3, Some(&[1.0, 2.0, 3.0]), Some(&[1.0, 2.0, 3.0]), 1),
            Err(RandomError::Type(
                "Cannot specify both weights and cumulative weights".to_owned()
            ))
        );
        assert_eq!(
            g.choices_indices(0, Some(&[]), None, 1),
            Err(RandomError::Index("list index out of range".to_owned()))
        );
        // None of the above drew from the stream.
        assert_eq!(g, seeded(0));
    }

    #[test]
    fn choices_from_empty_population_draws_once_then_fails() {
        let mut g = seeded(0);
        assert_eq!(
            g.choices_indices(0, None, None, 1),
            Err(RandomError::Index("list index out of range".to_owned()))
        );
        assert_eq!(g.random(), 0.757_954_402_940_302_5);
        assert!(seeded(0)
            .choices_indices(0, None, None, 0)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn uniform_matches_cpython() {
        let mut g = seeded(11);
        let values: Vec<f64> = (0..4).map(|_| g.uniform(2.0, 5.0)).collect();
        assert_eq!(
            values,
            [
                3.357_138_660_529_456,
                3.679_317_158_241_487_6,
                4.772_631_752_071_188,
                3.396_950_210_299_32
            ]
        );
        let mut g = seeded(11);
        let values: Vec<f64> = (0..4).map(|_| g.uniform(5.0, -3.0)).collect();
        assert_eq!(
            values,
            [
                1.380_963_571_921_451,
                0.521_820_911_356_032_4,
                -2.393_684_672_189_835,
                1.274_799_439_201_813_4
            ]
        );
    }

    #[test]
    fn triangular_matches_cpython() {
        let mut g = seeded(11);
        let values: Vec<f64> = (0..5).map(|_| g.triangular(0.0, 10.0, None)).collect();
        assert_eq!(
            values,
            [
                4.755_941_302_780_232,
                5.308_371_210_765_37,
                8.053_343_687_546_892,
                4.825_194_659_802_718,
                5.039_361_296_477_393
            ]
        );
        let mut g = seeded(11);
        let values: Vec<f64> = (0..5).map(|_| g.triangular(0.0, 10.0, Some(2.0))).collect();
        assert_eq!(
            values,
            [
                3.381_115_220_883_920_4,
                4.065_506_836_000_202_5,
                7.537_652_892_441_512,
                3.461_804_959_163_565_3,
                3.725_233_219_073_532
            ]
        );
    }

    #[test]
    fn triangular_degenerate_range_returns_low_after_one_draw() {
        let mut g = seeded(11);
        assert_eq!(g.triangular(3.0, 3.0, Some(3.0)), 3.0);
        assert_eq!(g.random(), 0.559_772_386_080_496);
    }

    #[test]
    fn normalvariate_matches_cpython() {
        assert_eq!(NV_MAGICCONST, 4.0 * (-0.5_f64).exp() / 2.0_f64.sqrt());
        let mut g = seeded(11);
        let values: Vec<f64> = (0..5).map(|_| g.normalvariate(0.0, 1.0)).collect();
        assert_eq!(
            values,
            [
                -0.185_572_635_125_293_87,
                1.361_925_952_386_992_4,
                0.032_601_616_785_848_18,
                -1.108_345_650_724_934_3,
                1.076_292_374_079_470_8
            ]
        );
        let mut g = seeded(11);
        let values: Vec<f64> = (0..5).map(|_| g.normalvariate(10.0, 2.5)).collect();
        assert_eq!(
            values,
            [
                9.536_068_412_186_765,
                13.404_814_880_967_482,
                10.081_504_041_964_621,
                7.229_135_873_187_664,
                12.690_730_935_198_676
            ]
        );
    }

    #[test]
    fn expovariate_matches_cpython() {
        let mut g = seeded(11);
        let values: Vec<f64> = (0..5).map(|_| g.expovariate(1.5)).collect();
        assert_eq!(
            values,
            [
                0.401_448_565_264_766_63,
                0.546_975_587_642_064_2,
                1.719_864_418_002_018_4,
                0.417_802_903_465_493_15,
                0.472_635_999_194_667_6
            ]
        );
        let mut g = seeded(11);
        let values: Vec<f64> = (0..3).map(|_| g.expovariate(-2.0)).collect();
        assert_eq!(
            values,
            [
                -0.301_086_423_948_575,
                -0.410_231_690_731_548_2,
                -1.289_898_313_501_513_8
            ]
        );
    }

    #[test]
    fn expovariate_zero_rate_draws_once() {
        let mut g = seeded(0);
        assert!(g.expovariate(0.0).is_infinite());
        assert_eq!(g.random(), 0.757_954_402_940_302_5);
    }

    #[test]
    fn getstate_matches_cpython_layout() {
        let mut g = seeded(0);
        let (state, index) = g.getstate();
        assert_eq!(state.len(), 624);
        assert_eq!(index, 624);
        assert_eq!(state[..3], [2_147_483_648, 766_982_754, 497_961_170]);
        assert_eq!(
            state[620..],
            [789_127_738, 4_027_610_014, 1_057_334_138, 2_902_720_905]
        );
        g.random();
        assert_eq!(g.getstate().1, 2);
    }

    #[test]
    fn setstate_restores_the_stream() {
        let mut g = seeded(0);
        randoms(&mut g, 311);
        let (state, index) = g.getstate();
        let expected = randoms(&mut g, 3);
        assert_eq!(expected[1], 0.519_003_728_701_329_3);
        let mut other = seeded(99);
        other.setstate(&state, index).unwrap();
        assert_eq!(randoms(&mut other, 3), expected);
    }

    #[test]
    fn setstate_rejects_invalid_states() {
        let mut g = seeded(0);
        assert_eq!(
            g.setstate(&[0; 623], 624),
            Err(value_error("state vector is the wrong size"))
        );
        assert_eq!(
            g.setstate(&[0; 624], 625),
            Err(value_error("invalid state"))
        );
        assert_eq!(g, seeded(0));
        assert!(Mt19937::try_from(RawState {
            state: vec![0; 624],
            index: 625
        })
        .is_err());
    }

    #[test]
    fn randbelow_fast_paths_follow_getrandbits_rejection() {
        // Reference: CPython's `_randbelow_with_getrandbits`, spelled out on
        // top of the general `getrandbits`.
        fn reference(g: &mut Mt19937, n: &BigUint) -> BigUint {
            loop {
                let r = g.getrandbits(n.bits());
                if &r < n {
                    return r;
                }
            }
        }
        let mut fast = seeded(17);
        let mut general = seeded(17);
        let mut slow = seeded(17);
        for n in [
            1_usize,
            2,
            3,
            7,
            8,
            1000,
            1 << 31,
            (1 << 32) + 5,
            usize::MAX,
        ] {
            let bound = BigUint::from(n);
            let expected = reference(&mut slow, &bound);
            assert_eq!(BigUint::from(fast.randbelow_usize(n)), expected);
            assert_eq!(general.randbelow(&bound), expected);
        }
        let huge = BigUint::from(3_u32) << 70;
        let expected = reference(&mut slow, &huge);
        assert_eq!(general.randbelow(&huge), expected);
        assert_eq!(fast.randbelow(&huge), expected);
        assert_eq!(fast, slow);
        assert_eq!(general, slow);
    }
}
