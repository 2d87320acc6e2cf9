//! Chapter 10: numpy arrays in Rust, read in place and returned without a copy.
//!
//! A `PyReadonlyArray1<f64>` argument is a borrow of a numpy array's memory:
//! pyo3 and rust-numpy check that the object is a one-dimensional array of
//! float64 (TypeError if not) and hand Rust a view of the numbers where they
//! lie. `as_array()` turns it into an ndarray `ArrayView1<f64>`, which knows
//! the array's stride, so a view such as `arr[::2]` or `arr[::-1]` works too.
//! A `Vec<f64>` built in Rust becomes a numpy array with `into_pyarray`, which
//! moves the Vec's memory into the array instead of copying it.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The exponentially weighted moving average of `arr`:
/// `y[0] = x[0]`, then `y[i] = alpha * x[i] + (1 - alpha) * y[i - 1]`,
/// computed in float64 in exactly that form.
///
/// `arr` must be a one-dimensional numpy array of float64 (any stride);
/// anything else raises TypeError, without conversion. `alpha` must satisfy
/// `0 < alpha <= 1` (ValueError otherwise, NaN included). An empty array gives
/// an empty array. NaN and infinity go through the formula as they are: a NaN
/// makes every later value NaN.
#[pyfunction]
pub fn ewma<'py>(
    py: Python<'py>,
    arr: PyReadonlyArray1<'py, f64>,
    alpha: f64,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    todo!()
}

/// The mean of each window of `w` consecutive items of `arr` ("valid" mode):
/// `n - w + 1` values for an array of `n` items, none when `w > n`.
///
/// Computed with a running sum: `s = x[0] + ... + x[w - 1]` added left to
/// right, then `s += x[i] - x[i - w]` for each later item; each mean is
/// `s / w`. `arr` must be a one-dimensional numpy array of float64 (TypeError
/// otherwise); `w < 1` raises ValueError. NaN and infinity go through the
/// running sum as they are: once one enters the sum, every later mean is NaN
/// or infinite.
#[pyfunction]
pub fn moving_average<'py>(
    py: Python<'py>,
    arr: PyReadonlyArray1<'py, f64>,
    w: i64,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    todo!()
}

/// The Python module `numpy_rs`.
#[pymodule]
#[pyo3(name = "numpy_rs")]
mod numpy_mod {
    #[pymodule_export]
    use super::{ewma, moving_average};
}
