//! Chapter 08: iterators. Closures, iterator adaptors, laziness, and a Rust
//! iterator that Python drives with `for`.
//!
//! A Python generator keeps its frame alive between two `next()` calls. A Rust
//! iterator keeps its state in a struct, and `next(&mut self)` moves it on by
//! one item. A `#[pyclass]` iterator is such a struct, with Python calling its
//! `__next__`.

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
        // BEGIN SOLUTION
        // Whitespace is ASCII: one byte is one character.
        let skipped = self.text.as_bytes()[self.pos..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        self.pos += skipped;
        self.chars += skipped;

        let rest = &self.text[self.pos..];
        let first = rest.chars().next()?; // None at the end: the iterator is done
        let (kind, len) = match first {
            c if c.is_ascii() && starts_word(c as u8) => (
                Kind::Word,
                rest.bytes().take_while(|&b| continues_word(b)).count(),
            ),
            c if c.is_ascii_digit() => (
                Kind::Number,
                rest.bytes().take_while(u8::is_ascii_digit).count(),
            ),
            // One character, whatever its length in bytes (1 to 4).
            c => (Kind::Punct, c.len_utf8()),
        };
        let token = &rest[..len];
        let start = self.chars;
        self.pos += len;
        self.chars += token.chars().count();
        Some((kind, token, start))
        // END SOLUTION
    }
}

#[pymethods]
impl Tokenizer {
    /// `Tokenizer(text)`: nothing read yet.
    #[new]
    pub(crate) fn new(text: String) -> Self {
        // BEGIN SOLUTION
        Self {
            text,
            pos: 0,
            chars: 0,
        }
        // END SOLUTION
    }

    /// `iter(x)` is `x` itself: an iterator is its own iterable.
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        // BEGIN SOLUTION
        slf
        // END SOLUTION
    }

    /// `next(x)`: the next `(kind, text, start)`; `None` becomes StopIteration,
    /// again and again once the text is used up.
    fn __next__<'py>(&mut self, py: Python<'py>) -> Option<(Bound<'py, PyString>, &str, usize)> {
        // BEGIN SOLUTION
        let (kind, text, start) = self.next_token()?;
        Some((kind.name(py).clone(), text, start))
        // END SOLUTION
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
    // BEGIN SOLUTION
    let k = usize::try_from(k)
        .ok()
        .filter(|&k| k > 0)
        .ok_or_else(|| PyValueError::new_err(format!("k must be at least 1, got {k}")))?;
    // The items that can still be the largest of a window, with their index
    // and value: values decrease from front to back, the front is the largest.
    let mut window: VecDeque<(usize, i64, Bound<'py, PyAny>)> =
        VecDeque::with_capacity(k.min(xs.len()));
    xs.iter()
        .enumerate()
        // The closure changes `window`, which it borrows mutably: an FnMut.
        .map(|(i, item)| -> PyResult<Option<Bound<'py, PyAny>>> {
            let x: i64 = item.extract()?;
            // Items before x that are not larger can never be a maximum again.
            while window.back().is_some_and(|&(_, v, _)| v <= x) {
                window.pop_back();
            }
            window.push_back((i, x, item));
            // The front leaves the window once i is k past it.
            if window.front().is_some_and(|&(j, _, _)| j + k <= i) {
                window.pop_front();
            }
            // The first full window ends at index k - 1.
            Ok((i + 1 >= k).then(|| window[0].2.clone()))
        })
        // Ok(None) (window not full yet) goes; Ok(Some(x)) and Err(e) stay.
        .filter_map(Result::transpose)
        // Into PyResult<Vec<_>>: the first Err stops everything.
        .collect()
    // END SOLUTION
}

/// The Python module `iterators_rs`.
#[pymodule]
#[pyo3(name = "iterators_rs")]
mod iterators {
    #[pymodule_export]
    use super::{Tokenizer, sliding_window_max};
}
