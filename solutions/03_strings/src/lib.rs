//! Chapter 03: strings. Borrowed `&str` slices, UTF-8, and Python's whitespace.

use std::collections::HashMap;

use pyo3::prelude::*;

/// Whether `c` is whitespace to Python: what `str.split()` with no argument splits on.
///
/// That is Rust's `char::is_whitespace` plus the four ASCII "information
/// separators" U+001C, U+001D, U+001E and U+001F, which Python's
/// `str.isspace()` accepts and Rust's `split_whitespace()` does not.
pub fn is_py_whitespace(c: char) -> bool {
    // BEGIN SOLUTION
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
    // END SOLUTION
}

/// How often each word of `text` occurs, the words being those of `text.split()`.
///
/// The keys borrow from `text`: nothing is copied until PyO3 builds the dict,
/// which makes one Python `str` per distinct word.
#[pyfunction]
pub fn count_words(text: &str) -> HashMap<&str, usize> {
    // BEGIN SOLUTION
    let mut counts = HashMap::new();
    // Adjacent separators leave empty pieces between them: Python skips those.
    for word in text.split(is_py_whitespace).filter(|word| !word.is_empty()) {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
    // END SOLUTION
}

/// The words of `text` (as `text.split()` finds them) in reverse order,
/// joined by single spaces.
#[pyfunction]
pub fn reverse_words(text: &str) -> String {
    // BEGIN SOLUTION
    let mut words: Vec<&str> = text
        .split(is_py_whitespace)
        .filter(|word| !word.is_empty())
        .collect();
    words.reverse();
    words.join(" ")
    // END SOLUTION
}

/// Whether the alphanumeric characters of `text`, each lower-cased on its
/// own, read the same forwards and backwards.
#[pyfunction]
pub fn is_palindrome(text: &str) -> bool {
    // BEGIN SOLUTION
    // One lower-cased character can be several chars ('İ' gives 'i' and U+0307),
    // hence flat_map. Every step is double-ended, so the same chain can be
    // walked from the back: no Vec is needed.
    let kept = || {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    };
    kept().eq(kept().rev())
    // END SOLUTION
}

/// The Python module `strings_rs`.
#[pymodule]
#[pyo3(name = "strings_rs")]
mod strings {
    #[pymodule_export]
    use super::{count_words, is_palindrome, reverse_words};
}
