//! Chapter 02: numbers. Integer widths, overflow, casts, and what f64 does
//! with NaN.
//!
//! A Python `int` grows as needed and a Python `float` is an IEEE 754 double.
//! Rust's integers have a fixed width, chosen by you, and arithmetic that
//! leaves it wraps around silently in a release build: every function here
//! says what happens at the edge instead.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

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
    todo!()
}

/// The start `n`, `1 <= n < limit`, whose Collatz sequence has the most
/// terms, and that number of terms. Ties go to the smallest `n`.
///
/// `limit < 2` leaves no start: raise ValueError ("limit must be at least 2").
/// A term too large for `u64` raises OverflowError instead of wrapping around.
#[pyfunction]
pub fn collatz_longest(limit: i64) -> PyResult<(u64, u64)> {
    todo!()
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
    todo!()
}

/// `n!` as a `u64`. 20! is the largest factorial that fits: from 21 on,
/// raise OverflowError. A negative `n` raises OverflowError too, because
/// pyo3 cannot convert it to a `u64` (`math.factorial` raises ValueError).
#[pyfunction]
pub fn checked_factorial(n: u64) -> PyResult<u64> {
    todo!()
}

/// The Python module `numbers_rs`.
#[pymodule]
#[pyo3(name = "numbers_rs")]
mod numbers {
    #[pymodule_export]
    use super::{StatisticsError, checked_factorial, collatz_longest, mean_std};
}
