//! Chapter 06: errors as values.
//!
//! A Rust function that can fail returns `Result<T, E>`. Here `E` is an enum of
//! our own with a `Display` message; `impl From<E> for PyErr` turns it into a
//! Python exception, so that `?` in a `#[pyfunction]` raises it. The two
//! exception classes are made with `create_exception!`: subclasses of
//! ValueError, as in the Python baseline.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use std::fmt;
use std::hash::{Hash, Hasher};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

create_exception!(
    errors_rs,
    InvalidVersion,
    PyValueError,
    "A string that is not a version in the chapter's grammar."
);
create_exception!(
    errors_rs,
    InvalidDuration,
    PyValueError,
    "A string that is not a duration in the chapter's grammar."
);

// ---------------------------------------------------------------- versions --

/// Why a string is not a version. Both variants keep the input, to quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    /// The text does not follow the grammar: `1.0.`, `1..0`, `1.0-rc1`.
    Syntax(String),
    /// A number is above 2**64 - 1 and does not fit in a `u64`.
    TooLarge(String),
}

impl fmt::Display for VersionError {
    /// The message of the exception: it quotes the input, e.g.
    /// `invalid version: "1.0."`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

impl std::error::Error for VersionError {}

impl From<VersionError> for PyErr {
    /// What `?` calls when a `VersionError` leaves a function returning `PyResult`.
    fn from(err: VersionError) -> PyErr {
        todo!()
    }
}

/// The kind of a pre-release, in sort order: alpha < beta < release candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PreKind {
    Alpha,
    Beta,
    Rc,
}

impl PreKind {
    /// How the kind is written in a normalized version: `a`, `b` or `rc`.
    pub fn as_str(self) -> &'static str {
        match self {
            PreKind::Alpha => "a",
            PreKind::Beta => "b",
            PreKind::Rc => "rc",
        }
    }
}

/// A version: `1.2`, `2.0rc1`, `1.0.post2.dev3`.
///
/// `#[pyclass(eq, ord, hash, str)]` makes Python's `==`, `<`..., `hash()` and
/// `str()` call the Rust traits `PartialEq`, `PartialOrd`, `Hash` and
/// `Display`. `frozen`: a hashed value must not change.
#[pyclass(module = "errors_rs", frozen, eq, ord, hash, str)]
#[derive(Clone, Debug)]
pub struct Version {
    /// The release numbers as written, trailing zeros included.
    release: Vec<u64>,
    /// `rc2` is `Some((PreKind::Rc, 2))`.
    pre: Option<(PreKind, u64)>,
    /// `.post3` is `Some(3)`.
    #[pyo3(get)]
    post: Option<u64>,
    /// `.dev4` is `Some(4)`.
    #[pyo3(get)]
    dev: Option<u64>,
}

/// Where a version sorts among the versions of one release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// A developmental release without a pre- or post-release part: `1.0.dev1`.
    Dev,
    /// A pre-release: `1.0a1`, `1.0rc2.post1.dev3`.
    Pre(PreKind, u64),
    /// Neither: `1.0`, `1.0.post1`, `1.0.post1.dev1`.
    Release,
}

/// The `.devN` part in sort order: a version with it comes before the same
/// version without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DevKey {
    Dev(u64),
    Absent,
}

/// What versions are compared and hashed by. The derived `Ord` compares the
/// fields in order, and variants of an enum in the order they are declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key<'a> {
    /// The release numbers without trailing zeros: `1.0.0` is `[1]`.
    pub release: &'a [u64],
    pub phase: Phase,
    /// `None` (no post-release) sorts before any `Some`.
    pub post: Option<u64>,
    pub dev: DevKey,
}

impl Version {
    /// Parse `input` by the chapter's grammar.
    pub fn parse(input: &str) -> Result<Version, VersionError> {
        todo!()
    }

    /// The sort key: versions with equal keys are equal.
    pub fn key(&self) -> Key<'_> {
        todo!()
    }
}

// Equality, order and hash all come from `key()`, so they cannot disagree:
// a == b implies hash(a) == hash(b), as Python's dicts and sets require.
impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Version {}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl Hash for Version {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Display for Version {
    /// The normalized form: `v1.02RC3.POST04` is `1.2rc3.post4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

#[pymethods]
impl Version {
    /// The release numbers as a tuple of ints (a `Vec` would become a list).
    #[getter]
    fn release<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.release)
    }

    /// `('rc', 2)` for `rc2`, or None.
    #[getter]
    fn pre(&self) -> Option<(&'static str, u64)> {
        self.pre.map(|(kind, n)| (kind.as_str(), n))
    }

    fn __repr__(&self) -> String {
        format!("<Version('{self}')>")
    }
}

/// Parse a version; InvalidVersion, quoting `s`, when it is not one.
#[pyfunction]
pub fn parse_version(s: &str) -> PyResult<Version> {
    todo!()
}

/// The strings in version order, equal versions in their original order;
/// InvalidVersion for the first string that is not a version.
///
/// Like `sorted()`, it returns the very string objects it was given: a
/// `Bound<PyString>` is a reference to one, and cloning it copies no text.
#[pyfunction]
pub fn sort_versions<'py>(
    versions: Vec<Bound<'py, PyString>>,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    todo!()
}

// --------------------------------------------------------------- durations --

/// Why a string is not a duration. Each variant holds the offending part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DurationError {
    /// The whole string is empty.
    Empty,
    /// Where a number should start, something else: holds the rest of the input.
    ExpectedNumber(String),
    /// Digits and dots that are not a number: `1.`, `.5`, `1.2.3`.
    BadNumber(String),
    /// A number with no unit after it: holds the number.
    MissingUnit(String),
    /// Letters that are not h, m, s or ms.
    UnknownUnit(String),
    /// A unit that has already been used.
    RepeatedUnit(String),
    /// A unit after a smaller one: `unit` came after `after`.
    OutOfOrder { unit: String, after: String },
    /// The total overflows a float.
    TooLarge,
}

impl fmt::Display for DurationError {
    /// The message of the exception, e.g. `invalid duration: unknown unit "x"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

impl std::error::Error for DurationError {}

impl From<DurationError> for PyErr {
    fn from(err: DurationError) -> PyErr {
        todo!()
    }
}

/// The units in the order they must appear, with their length in seconds.
pub const UNITS: [(&str, f64); 4] = [("h", 3600.0), ("m", 60.0), ("s", 1.0), ("ms", 0.001)];

/// The seconds in a duration such as `1h30m`: plain Rust, no Python involved.
pub fn duration_seconds(s: &str) -> Result<f64, DurationError> {
    todo!()
}

/// Parse a duration into seconds; InvalidDuration naming the offending part.
#[pyfunction]
pub fn parse_duration(s: &str) -> PyResult<f64> {
    todo!()
}

/// The Python module `errors_rs`.
#[pymodule]
#[pyo3(name = "errors_rs")]
mod errors {
    #[pymodule_export]
    use super::{
        InvalidDuration, InvalidVersion, Version, parse_duration, parse_version, sort_versions,
    };
}
