//! Chapter 04: ownership, and what crossing the Python/Rust boundary costs.
//!
//! A Python list reaches Rust as a `Vec<i64>` that pyo3 builds element by
//! element: a copy that Rust owns. A buffer (an `array.array('q')`, a numpy
//! array) reaches Rust as a borrow of memory that Python keeps owning.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

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
    todo!()
}

/// The sum of an object that exports a buffer of signed 64-bit integers
/// (`array.array('q')`, a numpy `int64` array), read in place without copying.
///
/// A buffer of another item type (`array('d')`, `array('i')`) raises
/// BufferError; an object with no buffer at all (a list) raises TypeError.
#[pyfunction]
pub fn sum_buffer(buf: &Bound<'_, PyAny>) -> PyResult<i128> {
    todo!()
}

/// The items of `xs` without repeats, each kept where it first appears:
/// `dedupe([3, 1, 3, 2, 1]) == [3, 1, 2]`.
#[pyfunction]
pub fn dedupe(xs: Vec<i64>) -> Vec<i64> {
    todo!()
}

/// The Python module `ownership_rs`.
#[pymodule]
#[pyo3(name = "ownership_rs")]
mod ownership {
    #[pymodule_export]
    use super::{dedupe, sum_buffer, sum_list};
}
