//! Chapter 09: traits. Python's protocols (`len`, `[]`, `==`, `hash`, `+`)
//! are Rust's traits (`PartialEq`, `Hash`, `Add`) seen from Python.
//!
//! The vector's arithmetic and equality are plain Rust trait impls that any
//! Rust code can use (`&a + &b`, `a == b`, a hash of it); the `#[pymethods]`
//! check what Python callers can get wrong, then call them.

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
        // BEGIN SOLUTION
        // `entries` is sorted by index: a binary search finds it in O(log n).
        match self.entries.binary_search_by_key(&index, |&(i, _)| i) {
            Ok(at) => self.entries[at].1,
            Err(_) => 0.0,
        }
        // END SOLUTION
    }

    /// `ValueError` unless `other` has the same dimension; `operation` names
    /// what was attempted in the message.
    fn check_same_dim(&self, other: &SparseVector, operation: &str) -> PyResult<()> {
        // BEGIN SOLUTION
        if self.dim != other.dim {
            return Err(PyValueError::new_err(format!(
                "{operation}: dimensions differ ({} and {})",
                self.dim, other.dim
            )));
        }
        Ok(())
        // END SOLUTION
    }

    /// The sum of `self[i] * other[i]` over the indices where both are
    /// non-zero, added left to right in increasing index order, from 0.0.
    /// The dimensions are the same (the caller checked).
    pub(crate) fn dot_product(&self, other: &SparseVector) -> f64 {
        // BEGIN SOLUTION
        // Both lists are sorted by index: walk them side by side, as the merge
        // step of merge sort does, and multiply where the indices meet.
        let (a, b) = (&self.entries, &other.entries);
        let (mut p, mut q) = (0, 0);
        let mut total = 0.0;
        while p < a.len() && q < b.len() {
            let ((i, x), (j, y)) = (a[p], b[q]);
            if i == j {
                total += x * y;
            }
            // Step past the smaller index, or past both where they meet. The
            // comparisons become 0 or 1 without a jump, so the processor has
            // no branch to mispredict on random indices.
            p += usize::from(i <= j);
            q += usize::from(j <= i);
        }
        total
        // END SOLUTION
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
        // BEGIN SOLUTION
        assert_eq!(
            self.dim, other.dim,
            "adding vectors of different dimensions"
        );
        let (a, b) = (&self.entries, &other.entries);
        let mut entries = Vec::with_capacity(a.len() + b.len());
        let (mut p, mut q) = (0, 0);
        // Merge the two sorted lists; the result is sorted too.
        while p < a.len() && q < b.len() {
            let ((i, x), (j, y)) = (a[p], b[q]);
            match i.cmp(&j) {
                Ordering::Less => {
                    entries.push((i, x));
                    p += 1;
                }
                Ordering::Greater => {
                    entries.push((j, y));
                    q += 1;
                }
                Ordering::Equal => {
                    let sum = x + y;
                    if sum != 0.0 {
                        entries.push((i, sum));
                    }
                    p += 1;
                    q += 1;
                }
            }
        }
        // One list is used up; the rest of the other follows as it is.
        entries.extend_from_slice(&a[p..]);
        entries.extend_from_slice(&b[q..]);
        SparseVector {
            dim: self.dim,
            entries,
        }
        // END SOLUTION
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
        // BEGIN SOLUTION
        // Everything `==` compares: the dimension and every entry, in the one
        // order they are stored in (sorted by index), so the order they were
        // given in cannot change the hash.
        self.dim.hash(state);
        self.entries.len().hash(state);
        for &(i, x) in &self.entries {
            i.hash(state);
            x.to_bits().hash(state);
        }
        // END SOLUTION
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
        // BEGIN SOLUTION
        let dim = usize::try_from(dim)
            .map_err(|_| PyValueError::new_err(format!("the dimension must be >= 0, got {dim}")))?;
        let mut kept = Vec::with_capacity(entries.len());
        // Read the dict directly: no intermediate HashMap is built.
        for (key, value) in entries.iter() {
            // i64, not usize: a negative index must be an IndexError, not the
            // OverflowError that converting -1 to a usize raises.
            let i: i64 = key.extract()?;
            let index = usize::try_from(i)
                .ok()
                .filter(|&index| index < dim)
                .ok_or_else(|| {
                    PyIndexError::new_err(format!("index {i} out of range for dimension {dim}"))
                })?;
            let x: f64 = value.extract()?;
            if x != 0.0 {
                kept.push((index, x));
            }
        }
        // A dict's keys are distinct, so sorting by index alone is enough.
        kept.sort_unstable_by_key(|&(i, _)| i);
        Ok(Self { dim, entries: kept })
        // END SOLUTION
    }

    /// `len(v)`: the dimension.
    fn __len__(&self) -> usize {
        // BEGIN SOLUTION
        self.dim
        // END SOLUTION
    }

    /// `v[i]`: the value at index `i`, 0.0 where none is stored. A negative
    /// `i` counts from the end, as in a list (`v[-1]` is `v[len(v) - 1]`);
    /// outside `-dim..dim` raises IndexError.
    fn __getitem__(&self, i: isize) -> PyResult<f64> {
        // BEGIN SOLUTION
        let index = if i < 0 {
            // `checked_sub` is None where -i > dim: out of range.
            self.dim.checked_sub(i.unsigned_abs())
        } else {
            Some(i.unsigned_abs())
        };
        match index.filter(|&index| index < self.dim) {
            Some(index) => Ok(self.get(index)),
            None => Err(PyIndexError::new_err(format!(
                "index {i} out of range for dimension {}",
                self.dim
            ))),
        }
        // END SOLUTION
    }

    /// How many values are stored (are not zero).
    #[getter]
    fn nnz(&self) -> usize {
        // BEGIN SOLUTION
        self.entries.len()
        // END SOLUTION
    }

    /// The dot product with `other` (see `dot_product`); ValueError when the
    /// dimensions differ.
    fn dot(&self, other: &Self) -> PyResult<f64> {
        // BEGIN SOLUTION
        self.check_same_dim(other, "dot")?;
        Ok(self.dot_product(other))
        // END SOLUTION
    }

    /// `v + w`: a new vector, through `impl Add for &SparseVector`.
    /// ValueError when the dimensions differ. When `w` is not a SparseVector,
    /// pyo3 returns NotImplemented for us, and Python raises TypeError.
    fn __add__(&self, other: &Self) -> PyResult<Self> {
        // BEGIN SOLUTION
        self.check_same_dim(other, "add")?;
        Ok(self + other)
        // END SOLUTION
    }

    /// `v == w`: the same dimension and the same stored values, through
    /// `PartialEq`. `v != w` is its negation (pyo3 derives it), and comparing
    /// with anything else than a SparseVector gives NotImplemented.
    fn __eq__(&self, other: &Self) -> bool {
        // BEGIN SOLUTION
        self == other
        // END SOLUTION
    }

    /// `hash(v)`, through `impl Hash`: equal vectors have equal hashes.
    fn __hash__(&self) -> u64 {
        // BEGIN SOLUTION
        hash_of(self)
        // END SOLUTION
    }

    /// The stored entries as a new dict `{index: value}`, in index order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        // BEGIN SOLUTION
        let dict = PyDict::new(py);
        for &(i, x) in &self.entries {
            dict.set_item(i, x)?;
        }
        Ok(dict)
        // END SOLUTION
    }
}

/// The Python module `traits_rs`.
#[pymodule]
#[pyo3(name = "traits_rs")]
mod traits {
    #[pymodule_export]
    use super::SparseVector;
}
