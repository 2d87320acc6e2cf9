//! Chapter 05: structs. A Rust struct with methods, exposed to Python as a class.
//!
//! The data lives in a plain Rust struct; `#[pyclass]` lets Python hold it.
//! Methods that only Rust needs sit in an ordinary `impl` block; the ones
//! Python calls sit in a `#[pymethods]` block.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyFloat;

/// Count, mean and sample variance of a stream of floats, in one pass and
/// constant memory (Welford's online algorithm).
///
/// `Clone, Copy`: three numbers, as cheap to copy as to borrow.
#[pyclass(module = "structs_rs")]
#[derive(Clone, Copy, Debug, Default)]
pub struct RunningStats {
    /// How many values have been pushed.
    count: u64,
    /// Their mean (0.0 while there are none).
    mean: f64,
    /// The sum of their squared distances from the mean.
    m2: f64,
}

/// Python's `repr()` of a float: `2e-07`, `1e+16`, `nan`, `1.0`.
///
/// Rust's `{}` and `{:?}` write the same value differently (`0.0000002` and
/// `2e-7`, `NaN`, `1`), so ask Python to format it.
fn float_repr(py: Python<'_>, x: f64) -> PyResult<String> {
    Ok(PyFloat::new(py, x).repr()?.to_string())
}

// Plain Rust methods: Python never sees these.
impl RunningStats {
    /// One step of Welford's algorithm: take `x` into the count, mean and m2.
    pub(crate) fn add(&mut self, x: f64) {
        todo!()
    }

    /// Chan et al.'s combination: afterwards `self` describes the values of
    /// both. `other` is a copy, so `self` and `other` can never be the same.
    fn combine(&mut self, other: RunningStats) {
        todo!()
    }
}

#[pymethods]
impl RunningStats {
    /// `RunningStats()`: nothing seen yet.
    #[new]
    fn new() -> Self {
        todo!()
    }

    /// Take one value into the statistics.
    fn push(&mut self, x: f64) {
        todo!()
    }

    /// Take every value of `xs` (a list, or any iterable of numbers) into the
    /// statistics, in order. A value that is not a number raises TypeError;
    /// the values before it have been taken.
    fn extend(&mut self, xs: &Bound<'_, PyAny>) -> PyResult<()> {
        todo!()
    }

    /// How many values have been seen.
    #[getter]
    fn count(&self) -> u64 {
        todo!()
    }

    /// Their mean; ValueError when there are none.
    #[getter]
    fn mean(&self) -> PyResult<f64> {
        todo!()
    }

    /// Their sample variance, `m2 / (count - 1)`; ValueError with fewer than
    /// two values.
    #[getter]
    fn variance(&self) -> PyResult<f64> {
        todo!()
    }

    /// Add everything `other` has seen to this object; `other` is left as it
    /// was. `x.merge(x)` is allowed and counts every value twice.
    ///
    /// Not `&mut self`: pyo3 would borrow `x` mutably for `self` and then
    /// fail to borrow it again for `other` (see the chapter).
    fn merge(slf: &Bound<'_, Self>, other: &Bound<'_, Self>) {
        todo!()
    }

    /// `RunningStats(count=3, mean=2.0, variance=1.0)`, the floats as Python's
    /// `repr()` writes them; `mean` only from one value on, `variance` only
    /// from two.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        todo!()
    }
}

/// The Python module `structs_rs`.
#[pymodule]
#[pyo3(name = "structs_rs")]
mod structs {
    #[pymodule_export]
    use super::RunningStats;
}
