//! Chapter 13: a module that ships.
//!
//! The two functions are small on purpose: the work of this chapter is what
//! Python sees of them. `#[pyo3(signature = ...)]` gives their parameters
//! defaults, the `///` comments become their `__doc__`, and
//! `packaging_rs.pyi` (next to Cargo.toml) tells type checkers their types.
//! `maturin build` puts the extension, the stub and `py.typed` in one wheel.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Turn `text` into a URL slug: its runs of ASCII letters and digits,
/// lowercased, joined by `sep`.
///
/// With `max_len`, whole words are kept while the slug stays within
/// `max_len` characters; a first word longer than that gives "".
#[pyfunction]
pub fn slugify(text: &str, sep: &str, max_len: Option<usize>) -> String {
    todo!()
}

/// Shorten `text` to at most `width` characters. A text that is cut ends with
/// `placeholder`, which counts towards the width.
///
/// Raises ValueError when the text must be cut and `placeholder` is longer
/// than `width`.
#[pyfunction]
pub fn truncate(text: &str, width: usize, placeholder: &str) -> PyResult<String> {
    todo!()
}

/// Small text helpers, written in Rust and shipped as a wheel with type stubs.
#[pymodule]
#[pyo3(name = "packaging_rs")]
mod packaging {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::{slugify, truncate};

    /// The crate's version, `__version__` for Python.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
