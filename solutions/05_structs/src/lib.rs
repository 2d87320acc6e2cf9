//! Chapter 05: structs. A Rust struct with methods, exposed to Python as a class.
//!
//! The data lives in a plain Rust struct; `#[pyclass]` lets Python hold it.
//! Methods that only Rust needs sit in an ordinary `impl` block; the ones
//! Python calls sit in a `#[pymethods]` block.

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
        // BEGIN SOLUTION
        self.count += 1;
        let delta = x - self.mean;
        self.mean += delta / self.count as f64;
        self.m2 += delta * (x - self.mean);
        // END SOLUTION
    }

    /// Chan et al.'s combination: afterwards `self` describes the values of
    /// both. `other` is a copy, so `self` and `other` can never be the same.
    fn combine(&mut self, other: RunningStats) {
        // BEGIN SOLUTION
        if other.count == 0 {
            return;
        }
        if self.count == 0 {
            *self = other;
            return;
        }
        let (n_a, n_b) = (self.count as f64, other.count as f64);
        let total = self.count + other.count;
        let delta = other.mean - self.mean;
        // The same formulae, in the same order, as the baseline: the results
        // are then the same floats, bit for bit.
        self.mean += delta * n_b / total as f64;
        self.m2 += other.m2 + delta * delta * n_a * n_b / total as f64;
        self.count = total;
        // END SOLUTION
    }
}

#[pymethods]
impl RunningStats {
    /// `RunningStats()`: nothing seen yet.
    #[new]
    fn new() -> Self {
        // BEGIN SOLUTION
        Self::default()
        // END SOLUTION
    }

    /// Take one value into the statistics.
    fn push(&mut self, x: f64) {
        // BEGIN SOLUTION
        self.add(x);
        // END SOLUTION
    }

    /// Take every value of `xs` (a list, or any iterable of numbers) into the
    /// statistics, in order. A value that is not a number raises TypeError;
    /// the values before it have been taken.
    fn extend(&mut self, xs: &Bound<'_, PyAny>) -> PyResult<()> {
        // BEGIN SOLUTION
        // Convert each value as it comes, rather than all of them into a
        // Vec<f64> first: no second pass over memory, and the processor
        // converts the next value while the division of this one finishes.
        for item in xs.try_iter()? {
            self.add(item?.extract::<f64>()?);
        }
        Ok(())
        // END SOLUTION
    }

    /// How many values have been seen.
    #[getter]
    fn count(&self) -> u64 {
        // BEGIN SOLUTION
        self.count
        // END SOLUTION
    }

    /// Their mean; ValueError when there are none.
    #[getter]
    fn mean(&self) -> PyResult<f64> {
        // BEGIN SOLUTION
        if self.count == 0 {
            return Err(PyValueError::new_err("mean of an empty RunningStats"));
        }
        Ok(self.mean)
        // END SOLUTION
    }

    /// Their sample variance, `m2 / (count - 1)`; ValueError with fewer than
    /// two values.
    #[getter]
    fn variance(&self) -> PyResult<f64> {
        // BEGIN SOLUTION
        if self.count < 2 {
            return Err(PyValueError::new_err(format!(
                "variance needs at least two values, got {}",
                self.count
            )));
        }
        Ok(self.m2 / (self.count - 1) as f64)
        // END SOLUTION
    }

    /// Add everything `other` has seen to this object; `other` is left as it
    /// was. `x.merge(x)` is allowed and counts every value twice.
    ///
    /// Not `&mut self`: pyo3 would borrow `x` mutably for `self` and then
    /// fail to borrow it again for `other` (see the chapter).
    fn merge(slf: &Bound<'_, Self>, other: &Bound<'_, Self>) {
        // BEGIN SOLUTION
        // Copy `other` out; the shared borrow ends with this statement ...
        let theirs: RunningStats = *other.borrow();
        // ... so this exclusive borrow succeeds even when `other` is `slf`.
        slf.borrow_mut().combine(theirs);
        // END SOLUTION
    }

    /// `RunningStats(count=3, mean=2.0, variance=1.0)`, the floats as Python's
    /// `repr()` writes them; `mean` only from one value on, `variance` only
    /// from two.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        // BEGIN SOLUTION
        Ok(match self.count {
            0 => "RunningStats(count=0)".to_string(),
            1 => format!("RunningStats(count=1, mean={})", float_repr(py, self.mean)?),
            n => format!(
                "RunningStats(count={n}, mean={}, variance={})",
                float_repr(py, self.mean)?,
                float_repr(py, self.m2 / (n - 1) as f64)?
            ),
        })
        // END SOLUTION
    }
}

/// The Python module `structs_rs`.
#[pymodule]
#[pyo3(name = "structs_rs")]
mod structs {
    #[pymodule_export]
    use super::RunningStats;
}
