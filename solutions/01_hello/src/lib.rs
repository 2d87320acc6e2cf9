//! Chapter 01: a first Python module written in Rust.

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;

/// Add two integers that fit in 64 bits.
///
/// Python ints have no size limit; Rust's `i64` does. An answer that does not
/// fit raises `OverflowError` instead of wrapping around silently.
#[pyfunction]
pub fn add(a: i64, b: i64) -> PyResult<i64> {
    // BEGIN SOLUTION
    a.checked_add(b)
        .ok_or_else(|| PyOverflowError::new_err("add: the sum does not fit in 64 bits"))
    // END SOLUTION
}

/// Count the primes below or equal to `n` with the sieve of Eratosthenes.
#[pyfunction]
pub fn count_primes(n: usize) -> usize {
    // BEGIN SOLUTION
    if n < 2 {
        return 0;
    }
    // Even numbers other than 2 are never prime, so only odd numbers get a
    // slot: index k stands for 2k + 1. Half the memory, half the marking.
    let mut is_prime = vec![true; n.div_ceil(2)];
    is_prime[0] = false; // 1 is not prime
    let mut i = 3;
    while i * i <= n {
        if is_prime[i / 2] {
            // Odd multiples only: i*i, i*i + 2i, ...
            for multiple in (i * i..=n).step_by(2 * i) {
                is_prime[multiple / 2] = false;
            }
        }
        i += 2;
    }
    1 + is_prime.iter().filter(|&&p| p).count() // 1 for the prime 2
    // END SOLUTION
}

/// The Python module `hello_rs`.
#[pymodule]
#[pyo3(name = "hello_rs")]
mod hello {
    #[pymodule_export]
    use super::{add, count_primes};
}
