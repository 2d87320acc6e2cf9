//! Chapter 13: a module that ships.
//!
//! The two functions are small on purpose: the work of this chapter is what
//! Python sees of them. `#[pyo3(signature = ...)]` gives their parameters
//! defaults, the `///` comments become their `__doc__`, and
//! `packaging_rs.pyi` (next to Cargo.toml) tells type checkers their types.
//! `maturin build` puts the extension, the stub and `py.typed` in one wheel.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Turn `text` into a URL slug: its runs of ASCII letters and digits,
/// lowercased, joined by `sep`.
///
/// With `max_len`, whole words are kept while the slug stays within
/// `max_len` characters; a first word longer than that gives "".
#[pyfunction]
// BEGIN SOLUTION ONLY
#[pyo3(signature = (text, sep = "-", max_len = None))]
// END SOLUTION ONLY
pub fn slugify(text: &str, sep: &str, max_len: Option<usize>) -> String {
    // BEGIN SOLUTION
    let sep_len = sep.chars().count();
    let mut slug = String::new();
    let mut len = 0; // in characters, as Python's len() counts them
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // A word is ASCII: its length in bytes is its length in characters.
        let added = if slug.is_empty() {
            word.len()
        } else {
            sep_len + word.len()
        };
        if max_len.is_some_and(|max| len + added > max) {
            break;
        }
        if !slug.is_empty() {
            slug.push_str(sep);
        }
        slug.push_str(&word.to_ascii_lowercase());
        len += added;
    }
    slug
    // END SOLUTION
}

/// Shorten `text` to at most `width` characters. A text that is cut ends with
/// `placeholder`, which counts towards the width.
///
/// Raises ValueError when the text must be cut and `placeholder` is longer
/// than `width`.
#[pyfunction]
// BEGIN SOLUTION ONLY
#[pyo3(signature = (text, width = 70, placeholder = "..."))]
// END SOLUTION ONLY
pub fn truncate(text: &str, width: usize, placeholder: &str) -> PyResult<String> {
    // BEGIN SOLUTION
    // Characters, not bytes: is there a character after the first `width`?
    if text.chars().nth(width).is_none() {
        return Ok(text.to_string()); // at most `width` characters: kept whole
    }
    let room = width
        .checked_sub(placeholder.chars().count())
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "placeholder {placeholder:?} is longer than width {width}"
            ))
        })?;
    let kept: String = text.chars().take(room).collect();
    Ok(kept + placeholder)
    // END SOLUTION
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
