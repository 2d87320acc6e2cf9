//! Chapter 10: numpy arrays in Rust, read in place and returned without a copy.
//!
//! A `PyReadonlyArray1<f64>` argument is a borrow of a numpy array's memory:
//! pyo3 and rust-numpy check that the object is a one-dimensional array of
//! float64 (TypeError if not) and hand Rust a view of the numbers where they
//! lie. `as_array()` turns it into an ndarray `ArrayView1<f64>`, which knows
//! the array's stride, so a view such as `arr[::2]` or `arr[::-1]` works too.
//! A `Vec<f64>` built in Rust becomes a numpy array with `into_pyarray`, which
//! moves the Vec's memory into the array instead of copying it.

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
    // BEGIN SOLUTION
    // Written so that NaN fails the test: `alpha <= 0.0 || alpha > 1.0` is
    // false for NaN, and would let it through.
    if !(alpha > 0.0 && alpha <= 1.0) {
        return Err(PyValueError::new_err(format!(
            "alpha must be in (0, 1], got {alpha}"
        )));
    }
    let beta = 1.0 - alpha;
    // A view of the array's memory: no copy, and strided arrays work.
    let x = arr.as_array();
    // Release the interpreter while the loop runs: other Python threads may
    // go on meanwhile. The view is `Send` (it only reads f64s), so it may go
    // into the closure; the output is a Vec that the closure owns and returns.
    let y = py.detach(|| {
        // The whole output at once, then filled in place: no `push` (and no
        // possible reallocation) inside the loop.
        let mut y = vec![0.0; x.len()];
        if let Some(&first) = x.first() {
            y[0] = first;
            let mut prev = first;
            for (out, &value) in y[1..].iter_mut().zip(x.iter().skip(1)) {
                // Each step needs the previous one: a chain of dependent
                // multiply-adds that no compiler can run in parallel.
                prev = alpha * value + beta * prev;
                *out = prev;
            }
        }
        y
    });
    // Move the Vec's memory into a new numpy array: no copy.
    Ok(y.into_pyarray(py))
    // END SOLUTION
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
    // BEGIN SOLUTION
    if w < 1 {
        return Err(PyValueError::new_err(format!(
            "the window must hold at least one item, got w={w}"
        )));
    }
    let x = arr.as_array();
    let n = x.len();
    // A window longer than the array (or than memory could hold) has no
    // complete position: an empty result.
    let w = match usize::try_from(w) {
        Ok(w) if w <= n => w,
        _ => return Ok(Vec::<f64>::new().into_pyarray(py)),
    };
    let width = w as f64;
    let means = py.detach(|| {
        let mut means = vec![0.0; n - w + 1];
        // The first window, added left to right.
        let mut sum = x.iter().take(w).fold(0.0, |s, &v| s + v);
        means[0] = sum / width;
        // Slide: the item entering the window and the one leaving it.
        let entering = x.iter().skip(w);
        let leaving = x.iter();
        for ((out, &new), &old) in means[1..].iter_mut().zip(entering).zip(leaving) {
            sum += new - old;
            *out = sum / width;
        }
        means
    });
    Ok(means.into_pyarray(py))
    // END SOLUTION
}

/// The Python module `numpy_rs`.
#[pymodule]
#[pyo3(name = "numpy_rs")]
mod numpy_mod {
    #[pymodule_export]
    use super::{ewma, moving_average};
}
