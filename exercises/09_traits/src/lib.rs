//! Chapter 09: traits. Python's protocols (`len`, `[]`, `==`, `hash`, `+`)
//! are Rust's traits (`PartialEq`, `Hash`, `Add`) seen from Python.
//!
//! The vector's arithmetic and equality are plain Rust trait impls that any
//! Rust code can use (`&a + &b`, `a == b`, a hash of it); the `#[pymethods]`
//! check what Python callers can get wrong, then call them.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use std::cmp::Ordering;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Add;

use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A vector of dimension `dim` that stores only its non-zero entries.
///
/// `entries` is sorted by index, holds each index once and no zero value, so
/// a vector has exactly one representation: the derived `PartialEq` (same
/// `dim`, same `entries`) is equality of vectors. `f64` is `PartialEq` but
/// neither `Eq` nor `Hash` (NaN is not equal to itself), so those two cannot
/// be derived: `Hash` is written by hand below, and `Eq` is not claimed.
///
/// `frozen`: Python cannot change the object after `__new__`, which a
/// hashable object must promise (a dict key whose hash changes is lost).
#[pyclass(module = "traits_rs", frozen)]
#[derive(Clone, Debug, PartialEq)]
pub struct SparseVector {
    pub(crate) dim: usize,
    pub(crate) entries: Vec<(usize, f64)>,
}

/// The hash of any value whose type implements `Hash`: a generic function
/// with a trait bound. std's `DefaultHasher::new()` uses fixed keys, so a
/// value hashes the same in every run of the program.
fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

// Plain Rust methods: Python never sees these.
impl SparseVector {
    /// The value at `index` (which is `< dim`): 0.0 where nothing is stored.
    fn get(&self, index: usize) -> f64 {
        todo!()
    }

    /// `ValueError` unless `other` has the same dimension; `operation` names
    /// what was attempted in the message.
    fn check_same_dim(&self, other: &SparseVector, operation: &str) -> PyResult<()> {
        todo!()
    }

    /// The sum of `self[i] * other[i]` over the indices where both are
    /// non-zero, added left to right in increasing index order, from 0.0.
    /// The dimensions are the same (the caller checked).
    pub(crate) fn dot_product(&self, other: &SparseVector) -> f64 {
        todo!()
    }
}

/// `&a + &b`: the sum, entry by entry, as a new vector. Borrowing both
/// operands means neither is moved or copied. A value that cancels out
/// (`1.5 + -1.5`) is a zero and is not stored.
///
/// # Panics
///
/// When the dimensions differ: `Add` has no way to return an error, so the
/// Python method checks the dimensions first and raises `ValueError`.
impl Add for &SparseVector {
    type Output = SparseVector;

    fn add(self, other: &SparseVector) -> SparseVector {
        todo!()
    }
}

/// `a + b` on owned vectors, for Rust callers who no longer need `a` and `b`:
/// it borrows them for the addition above, then drops them.
impl Add for SparseVector {
    type Output = SparseVector;

    fn add(self, other: SparseVector) -> SparseVector {
        &self + &other
    }
}

/// Hashing consistent with `==`: equal vectors hash the same.
///
/// `f64` is not `Hash`: hash its bits, `x.to_bits()`. That agrees with `==`
/// only because no zero is stored (`0.0 == -0.0` with different bits) and a
/// NaN equals nothing, so two equal vectors always hold the same bits.
impl Hash for SparseVector {
    fn hash<H: Hasher>(&self, state: &mut H) {
        todo!()
    }
}

#[pymethods]
impl SparseVector {
    /// `SparseVector(dim, entries)`: the vector of dimension `dim` whose
    /// value at index `i` is `entries.get(i, 0.0)`. Zero values (`0.0`,
    /// `-0.0`) are not stored. `dim < 0` raises ValueError; an index outside
    /// `0..dim` raises IndexError, and its message names the index ("index 7
    /// out of range for dimension 5").
    #[new]
    fn new(dim: i64, entries: &Bound<'_, PyDict>) -> PyResult<Self> {
        todo!()
    }

    /// `len(v)`: the dimension.
    fn __len__(&self) -> usize {
        todo!()
    }

    /// `v[i]`: the value at index `i`, 0.0 where none is stored. A negative
    /// `i` counts from the end, as in a list (`v[-1]` is `v[len(v) - 1]`);
    /// outside `-dim..dim` raises IndexError.
    fn __getitem__(&self, i: isize) -> PyResult<f64> {
        todo!()
    }

    /// How many values are stored (are not zero).
    #[getter]
    fn nnz(&self) -> usize {
        todo!()
    }

    /// The dot product with `other` (see `dot_product`); ValueError when the
    /// dimensions differ.
    fn dot(&self, other: &Self) -> PyResult<f64> {
        todo!()
    }

    /// `v + w`: a new vector, through `impl Add for &SparseVector`.
    /// ValueError when the dimensions differ. When `w` is not a SparseVector,
    /// pyo3 returns NotImplemented for us, and Python raises TypeError.
    fn __add__(&self, other: &Self) -> PyResult<Self> {
        todo!()
    }

    /// `v == w`: the same dimension and the same stored values, through
    /// `PartialEq`. `v != w` is its negation (pyo3 derives it), and comparing
    /// with anything else than a SparseVector gives NotImplemented.
    fn __eq__(&self, other: &Self) -> bool {
        todo!()
    }

    /// `hash(v)`, through `impl Hash`: equal vectors have equal hashes.
    fn __hash__(&self) -> u64 {
        todo!()
    }

    /// The stored entries as a new dict `{index: value}`, in index order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        todo!()
    }
}

/// The Python module `traits_rs`.
#[pymodule]
#[pyo3(name = "traits_rs")]
mod traits {
    #[pymodule_export]
    use super::SparseVector;
}
