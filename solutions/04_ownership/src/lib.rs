//! Chapter 04: ownership, and what crossing the Python/Rust boundary costs.
//!
//! A Python list reaches Rust as a `Vec<i64>` that pyo3 builds element by
//! element: a copy that Rust owns. A buffer (an `array.array('q')`, a numpy
//! array) reaches Rust as a borrow of memory that Python keeps owning.

use std::collections::HashSet;

use pyo3::buffer::{Element, PyBuffer, PyUntypedBuffer};
use pyo3::prelude::*;

/// The sum of a list of integers that each fit in 64 bits.
///
/// pyo3 builds `xs` before the body runs: it converts every item of the list
/// to an `i64` (OverflowError for an item that does not fit) and copies it
/// into a new `Vec` that this function owns. The sum itself may not fit in 64
/// bits; the answer must still equal Python's `sum(xs)`.
#[pyfunction]
pub fn sum_list(xs: Vec<i64>) -> i128 {
    // BEGIN SOLUTION
    // i128 holds the sum of 2^64 values of i64 without overflowing.
    xs.iter().map(|&x| i128::from(x)).sum()
    // END SOLUTION
}

/// The sum of an object that exports a buffer of signed 64-bit integers
/// (`array.array('q')`, a numpy `int64` array), read in place without copying.
///
/// A buffer of another item type (`array('d')`, `array('i')`) raises
/// BufferError; an object with no buffer at all (a list) raises TypeError.
#[pyfunction]
pub fn sum_buffer(buf: &Bound<'_, PyAny>) -> PyResult<i128> {
    // BEGIN SOLUTION
    let py = buf.py();
    // Borrow the exporter's memory (TypeError if it has none).
    let untyped = PyUntypedBuffer::get(buf)?;
    // An empty array('q') owns no memory: CPython (until gh-140557) points it
    // at a 1-byte placeholder that need not be aligned for i64, and
    // `into_typed` refuses that. Zero items of the right type sum to 0.
    if untyped.item_count() == 0 && i64::is_compatible_format(untyped.format()) {
        return Ok(0);
    }
    // Check that the items are i64 (BufferError if not).
    let view: PyBuffer<i64> = untyped.into_typed()?;
    // pyo3 0.30 deprecates `as_slice`: a slice promises that nobody writes the
    // memory while it is read, and a buffer cannot promise that to every
    // thread. Here the GIL is held and no Python code runs during the loop, so
    // nothing in Python can write to the array while we read it.
    #[allow(deprecated)]
    let total = match view.as_slice(py) {
        Some(cells) => cells.iter().map(|cell| i128::from(cell.get())).sum(),
        // A strided view (`memoryview(a)[::2]`) is not one block of memory:
        // copy it into a Vec first.
        None => view.to_vec(py)?.into_iter().map(i128::from).sum(),
    };
    Ok(total)
    // END SOLUTION
}

/// The items of `xs` without repeats, each kept where it first appears:
/// `dedupe([3, 1, 3, 2, 1]) == [3, 1, 2]`.
#[pyfunction]
pub fn dedupe(xs: Vec<i64>) -> Vec<i64> {
    // BEGIN SOLUTION
    // `xs` is already our own copy of the list, so we may change it in place:
    // rebinding it as `mut` moves it, nothing is copied.
    let mut xs = xs;
    let mut seen = HashSet::with_capacity(xs.len());
    // `insert` returns false for a value already seen: `retain` drops it.
    xs.retain(|&x| seen.insert(x));
    // Returning `xs` moves it out; pyo3 then builds a new Python list from it.
    xs
    // END SOLUTION
}

/// The Python module `ownership_rs`.
#[pymodule]
#[pyo3(name = "ownership_rs")]
mod ownership {
    #[pymodule_export]
    use super::{dedupe, sum_buffer, sum_list};
}
