//! Chapter 03: strings. Borrowed `&str` slices, UTF-8, and Python's whitespace.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use std::collections::HashMap;

use pyo3::prelude::*;

/// Whether `c` is whitespace to Python: what `str.split()` with no argument splits on.
///
/// That is Rust's `char::is_whitespace` plus the four ASCII "information
/// separators" U+001C, U+001D, U+001E and U+001F, which Python's
/// `str.isspace()` accepts and Rust's `split_whitespace()` does not.
pub fn is_py_whitespace(c: char) -> bool {
    todo!()
}

/// How often each word of `text` occurs, the words being those of `text.split()`.
///
/// The keys borrow from `text`: nothing is copied until PyO3 builds the dict,
/// which makes one Python `str` per distinct word.
#[pyfunction]
pub fn count_words(text: &str) -> HashMap<&str, usize> {
    todo!()
}

/// The words of `text` (as `text.split()` finds them) in reverse order,
/// joined by single spaces.
#[pyfunction]
pub fn reverse_words(text: &str) -> String {
    todo!()
}

/// Whether the alphanumeric characters of `text`, each lower-cased on its
/// own, read the same forwards and backwards.
#[pyfunction]
pub fn is_palindrome(text: &str) -> bool {
    todo!()
}

/// The Python module `strings_rs`.
#[pymodule]
#[pyo3(name = "strings_rs")]
mod strings {
    #[pymodule_export]
    use super::{count_words, is_palindrome, reverse_words};
}
