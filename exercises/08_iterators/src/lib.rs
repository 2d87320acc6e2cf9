//! Chapter 08: iterators. Closures, iterator adaptors, laziness, and a Rust
//! iterator that Python drives with `for`.
//!
//! A Python generator keeps its frame alive between two `next()` calls. A Rust
//! iterator keeps its state in a struct, and `next(&mut self)` moves it on by
//! one item. A `#[pyclass]` iterator is such a struct, with Python calling its
//! `__next__`.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use std::collections::VecDeque;

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// Does a word start with this byte? An ASCII letter or an underscore.
fn starts_word(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

/// Does a word go on with this byte? An ASCII letter, digit or underscore.
fn continues_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The three kinds of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

impl Kind {
    /// The kind's name as a Python `str`: `"word"`, `"number"` or `"punct"`.
    ///
    /// `intern!` makes each name once and hands out the same object every time
    /// after that, like a constant in Python code; `clone()` the result to own
    /// a reference to it. Making a new `str` for every token costs time.
    fn name<'py>(self, py: Python<'py>) -> &'py Bound<'py, PyString> {
        match self {
            Kind::Word => intern!(py, "word"),
            Kind::Number => intern!(py, "number"),
            Kind::Punct => intern!(py, "punct"),
        }
    }
}

/// The tokens of a text, one per `next()`, as `(kind, text, start)` tuples.
///
/// - `"word"`: an ASCII letter or `_`, then as many ASCII letters, digits and
///   `_` as follow.
/// - `"number"`: a run of ASCII digits `0-9`.
/// - `"punct"`: any other single character that is not skipped: ASCII
///   punctuation, control characters such as `\x0b`, and every non-ASCII
///   character (`é`, `中`, `😀`, even the non-ASCII space U+3000).
/// - Skipped: the five ASCII whitespace characters space, `\t`, `\n`, `\x0c`
///   and `\r` (Rust's `u8::is_ascii_whitespace`).
///
/// `start` is the index of the token's first character in the Python string:
/// a count of characters (code points), not of UTF-8 bytes.
///
/// A `#[pyclass]` cannot hold a borrow of anything (Python decides when the
/// object dies, and the compiler cannot check that), so the struct owns its
/// text and remembers where it is in it.
#[pyclass(module = "iterators_rs")]
pub struct Tokenizer {
    /// The whole text, owned: a copy of the Python string, made once.
    text: String,
    /// Where the next token search starts, as a byte index into `text`.
    pos: usize,
    /// The same place counted in characters: what Python calls its index.
    chars: usize,
}

// Plain Rust: Python never sees this method.
impl Tokenizer {
    /// The next token as `(kind, text, start)`, the text a slice of
    /// `self.text`; `None` once the text is used up.
    pub(crate) fn next_token(&mut self) -> Option<(Kind, &str, usize)> {
        todo!()
    }
}

#[pymethods]
impl Tokenizer {
    /// `Tokenizer(text)`: nothing read yet.
    #[new]
    pub(crate) fn new(text: String) -> Self {
        todo!()
    }

    /// `iter(x)` is `x` itself: an iterator is its own iterable.
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        todo!()
    }

    /// `next(x)`: the next `(kind, text, start)`; `None` becomes StopIteration,
    /// again and again once the text is used up.
    fn __next__<'py>(&mut self, py: Python<'py>) -> Option<(Bound<'py, PyString>, &str, usize)> {
        todo!()
    }
}

/// The largest item of every window of `k` consecutive items of `xs`, from
/// the window that starts at index 0 to the one that ends at the last item:
/// `len(xs) - k + 1` answers, none when `k > len(xs)`.
///
/// The answers are the list's own `int` objects, as in the baseline: each
/// window's maximum is one of the items, so no new `int` is made. The items
/// must fit in an `i64` (OverflowError otherwise).
///
/// `k` is an `i64`, not a `usize`, so that `k <= 0` reaches this function and
/// raises `ValueError` (a `usize` parameter would raise `OverflowError` for a
/// negative `k` before the body runs).
#[pyfunction]
pub fn sliding_window_max<'py>(
    xs: &Bound<'py, PyList>,
    k: i64,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    todo!()
}

/// The Python module `iterators_rs`.
#[pymodule]
#[pyo3(name = "iterators_rs")]
mod iterators {
    #[pymodule_export]
    use super::{Tokenizer, sliding_window_max};
}
