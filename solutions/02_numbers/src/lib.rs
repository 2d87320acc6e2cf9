//! Chapter 02: numbers. Integer widths, overflow, casts, and what f64 does
//! with NaN.
//!
//! A Python `int` grows as needed and a Python `float` is an IEEE 754 double.
//! Rust's integers have a fixed width, chosen by you, and arithmetic that
//! leaves it wraps around silently in a release build: every function here
//! says what happens at the edge instead.

use pyo3::create_exception;
use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    numbers_rs,
    StatisticsError,
    PyValueError,
    "Raised for too few data points, like Python's statistics.StatisticsError."
);

/// The number of terms of the Collatz sequence from `n` down to 1, both
/// counted: 1 for `n = 1`, 8 for `n = 3` (3 10 5 16 8 4 2 1).
///
/// The next term after `x` is `x / 2` when `x` is even and `3x + 1` when it
/// is odd. Returns `None` when a term does not fit in a `u64`. `n` must be at
/// least 1: the sequence from 0 never reaches 1.
pub fn collatz_length(n: u64) -> Option<u64> {
    // BEGIN SOLUTION
    let mut x = n;
    let mut length = 1;
    loop {
        // Halving steps come in runs, one per trailing zero bit: a single
        // shift does a whole run, where a step-by-step loop would test the
        // parity and mispredict its branch about half the time.
        let zeros = x.trailing_zeros();
        x >>= zeros;
        length += u64::from(zeros);
        if x == 1 {
            return Some(length);
        }
        // x is odd: 3x + 1 can overflow in the multiplication or, when
        // 3x == u64::MAX, in the addition. `?` returns None for either.
        x = x.checked_mul(3)?.checked_add(1)?;
        length += 1;
    }
    // END SOLUTION
}

/// The start `n`, `1 <= n < limit`, whose Collatz sequence has the most
/// terms, and that number of terms. Ties go to the smallest `n`.
///
/// `limit < 2` leaves no start: raise ValueError ("limit must be at least 2").
/// A term too large for `u64` raises OverflowError instead of wrapping around.
#[pyfunction]
pub fn collatz_longest(limit: i64) -> PyResult<(u64, u64)> {
    // BEGIN SOLUTION
    // TryFrom fails for negative numbers where `limit as u64` would turn -1
    // into 18446744073709551615 without a word.
    let limit = match u64::try_from(limit) {
        Ok(limit) if limit >= 2 => limit,
        _ => {
            return Err(PyValueError::new_err(format!(
                "limit must be at least 2, got {limit}"
            )));
        }
    };
    let mut best = (1, 1); // n = 1: the sequence "1"
    for n in 2..limit {
        let length = collatz_length(n).ok_or_else(|| {
            PyOverflowError::new_err(format!("the Collatz sequence from {n} leaves 64 bits"))
        })?;
        // Strictly longer only: on a tie the smaller n, found first, stays.
        if length > best.1 {
            best = (n, length);
        }
    }
    Ok(best)
    // END SOLUTION
}

/// The mean and the sample standard deviation of `xs`, as
/// `statistics.mean(xs)` and `statistics.stdev(xs)` give them (up to
/// rounding: the chapter says how close).
///
/// Fewer than two values raise `StatisticsError`, a subclass of ValueError
/// ("mean_std requires at least two data points"). A NaN anywhere makes both
/// results NaN; an infinity makes the mean whatever IEEE arithmetic gives
/// (inf, -inf or NaN) and the standard deviation NaN.
#[pyfunction]
pub fn mean_std(xs: Vec<f64>) -> PyResult<(f64, f64)> {
    // BEGIN SOLUTION
    if xs.len() < 2 {
        return Err(StatisticsError::new_err(
            "mean_std requires at least two data points",
        ));
    }
    // There is no `From<usize> for f64`: a count above 2^53 would be rounded.
    // `as` is the accepted spelling for a length, which is never that large.
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    // A second pass over the deviations from the mean. The one-pass formula
    // (sum of squares minus n * mean^2) subtracts two huge, nearly equal
    // numbers when the values sit far from zero, and loses most digits.
    let squares: f64 = xs.iter().map(|&x| (x - mean) * (x - mean)).sum();
    // NaN needs no special case: any arithmetic with NaN gives NaN, and
    // inf - inf is NaN too.
    Ok((mean, (squares / (n - 1.0)).sqrt()))
    // END SOLUTION
}

/// `n!` as a `u64`. 20! is the largest factorial that fits: from 21 on,
/// raise OverflowError. A negative `n` raises OverflowError too, because
/// pyo3 cannot convert it to a `u64` (`math.factorial` raises ValueError).
#[pyfunction]
pub fn checked_factorial(n: u64) -> PyResult<u64> {
    // BEGIN SOLUTION
    // try_fold stops at the first None, so even n = 2**64 - 1 costs 21 steps.
    (1..=n)
        .try_fold(1u64, |product, k| product.checked_mul(k))
        .ok_or_else(|| PyOverflowError::new_err(format!("{n}! does not fit in 64 bits")))
    // END SOLUTION
}

/// The Python module `numbers_rs`.
#[pymodule]
#[pyo3(name = "numbers_rs")]
mod numbers {
    #[pymodule_export]
    use super::{StatisticsError, checked_factorial, collatz_longest, mean_std};
}
