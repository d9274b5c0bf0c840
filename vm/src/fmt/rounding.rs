//! Python's `round()` for floats.
//!
//! `round(x, n)` must round the exact binary value of `x` to `n` decimal
//! places, half to even, and then return the double nearest to that
//! decimal, which is what CPython does through `dtoa`.  Naive scaling by
//! `10**n` gets cases such as `round(2.675, 2)` wrong, so the rounding is
//! done on exact decimal digits here.

use num_bigint::BigUint;
use num_integer::Integer;

use super::dtoa::decompose;
use super::FormatError;

/// Beyond this many digits every float rounds to itself.
const NDIGITS_MAX: i64 = 323;
/// Below this many digits every float rounds to a signed zero.
const NDIGITS_MIN: i64 = -308;

/// `round(x)` for a float before conversion to `int`: nearest integer,
/// ties to even (`round(2.5) == 2`, `round(-0.5) == -0.0`).  The caller
/// raises for infinities (`OverflowError: cannot convert float infinity
/// to integer`) and NaN (`ValueError: cannot convert float NaN to
/// integer`).
#[must_use]
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

/// `round(x, ndigits)` for a float: the exact value of `x` rounded half to
/// even at `10**-ndigits`, then converted to the nearest float.  Infinities
/// and NaN are returned unchanged; the sign of a zero result follows `x`.
///
/// # Errors
/// `OverflowError: rounded value too large to represent` when rounding
/// carries past the largest float (`round(1.7976931348623157e308, -308)`).
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let decimal = if let Ok(places) = usize::try_from(ndigits) {
        format!("{x:.places$}")
    } else {
        let places = usize::try_from(ndigits.unsigned_abs()).unwrap_or(0);
        let (mantissa, exp2) = decompose(x);
        let shift = usize::try_from(exp2.unsigned_abs()).unwrap_or(0);
        let mut numerator = BigUint::from(mantissa);
        let mut denominator = num_traits::pow(BigUint::from(10u8), places);
        if exp2 >= 0 {
            numerator <<= shift;
        } else {
            denominator <<= shift;
        }
        let (mut quotient, remainder) = numerator.div_rem(&denominator);
        let twice = remainder << 1;
        if twice > denominator || (twice == denominator && quotient.is_odd()) {
            quotient += 1u8;
        }
        let sign = if x.is_sign_negative() { "-" } else { "" };
        format!("{sign}{quotient}e{places}")
    };
    let rounded: f64 = decimal.parse().unwrap_or(x);
    if rounded.is_infinite() {
        return Err(FormatError::overflow(
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are what is under test
mod tests {
    use super::*;

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits()
    }

    #[test]
    fn round_float_rounds_exact_value_half_even() {
        let cases = [
            (2.675, 2, 2.67),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (2.5, 0, 2.0),
            (0.1 + 0.2, 15, 0.3),
            (1.000_000_000_000_000_2, 15, 1.0),
            (-0.4, 0, -0.0),
        ];
        for (x, n, want) in cases {
            assert!(same(round_float(x, n).unwrap(), want), "round({x}, {n})");
        }
    }

    #[test]
    fn round_float_negative_ndigits_rounds_to_tens() {
        let cases = [
            (-4.0, -1, -0.0),
            (5.0, -1, 0.0),
            (15.0, -1, 20.0),
            (25.0, -1, 20.0),
            (12_345.678_9, -2, 12_300.0),
            (1e22, -22, 1e22),
            (123.456, -400, 0.0),
            (-123.456, -400, -0.0),
        ];
        for (x, n, want) in cases {
            assert!(same(round_float(x, n).unwrap(), want), "round({x}, {n})");
        }
    }

    #[test]
    fn round_float_handles_extreme_digits_and_specials() {
        assert!(same(round_float(1e-320, 323).unwrap(), 1e-320));
        assert!(same(round_float(1e-320, 400).unwrap(), 1e-320));
        assert!(same(round_float(5e-324, 323).unwrap(), 0.0));
        assert!(same(round_float(5e-324, 324).unwrap(), 5e-324));
        assert!(same(round_float(f64::INFINITY, 2).unwrap(), f64::INFINITY));
        assert!(round_float(f64::NAN, 2).unwrap().is_nan());
    }

    #[test]
    fn round_float_reports_overflow() {
        for n in [-308, -307] {
            let err = round_float(f64::MAX, n).unwrap_err();
            assert_eq!(err.kind, super::super::ExcKind::OverflowError);
            assert_eq!(err.message, "rounded value too large to represent");
        }
    }

    #[test]
    fn round_half_even_rounds_ties_to_even() {
        assert!(same(round_half_even(0.5), 0.0));
        assert!(same(round_half_even(1.5), 2.0));
        assert!(same(round_half_even(2.5), 2.0));
        assert!(same(round_half_even(-0.5), -0.0));
        assert!(same(round_half_even(-2.6), -3.0));
    }
}
