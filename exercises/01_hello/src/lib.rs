//! Chapter 01: a first Python module written in Rust.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;

/// Add two integers that fit in 64 bits.
///
/// Python ints have no size limit; Rust's `i64` does. An answer that does not
/// fit raises `OverflowError` instead of wrapping around silently.
#[pyfunction]
pub fn add(a: i64, b: i64) -> PyResult<i64> {
    todo!()
}

/// Count the primes below or equal to `n` with the sieve of Eratosthenes.
#[pyfunction]
pub fn count_primes(n: usize) -> usize {
    todo!()
}

/// The Python module `hello_rs`.
#[pymodule]
#[pyo3(name = "hello_rs")]
mod hello {
    #[pymodule_export]
    use super::{add, count_primes};
}
