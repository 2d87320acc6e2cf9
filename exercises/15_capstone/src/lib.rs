//! Chapter 15: capstone. A BM25 search index: documents in, ranked ids out.
//!
//! `add` cuts the documents into runs of `SEGMENT` and indexes every run on
//! its own core (rayon), with the interpreter released (`py.detach`). Each
//! run becomes a segment: an inverted index of its documents, from each term
//! to the documents that hold it and how often. Segments are never merged:
//! `search` looks a term up in each of them, adds up every document's BM25
//! score in a dense `Vec<f64>`, and keeps the best `k`.
//!
//! The exact definitions (tokens, the BM25 formula and its order of
//! operations, ties) are in the chapter; the Python baseline is the reference.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use std::borrow::Cow;
use std::cmp::Ordering;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// BM25's term-frequency saturation: how fast a repeated term stops counting.
pub const K1: f64 = 1.5;
/// BM25's length normalisation: 0 ignores a document's length, 1 divides by it.
pub const B: f64 = 0.75;
/// The most documents in one segment: one rayon task indexes one segment.
pub const SEGMENT: usize = 2_000;

/// One entry of a term's postings list: a document that holds the term, and
/// how many times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub tf: u32,
}

/// The inverted index of a run of consecutive documents: each term they hold,
/// with its postings in increasing id order.
pub type Segment = FxHashMap<String, Vec<Posting>>;

/// Whether `c` separates tokens: every character but the ASCII letters and
/// digits (`[A-Za-z0-9]`). `_` separates, and so does every non-ASCII
/// character, letters included.
pub fn is_separator(c: char) -> bool {
    todo!()
}

/// The raw tokens of `text`, in order: the maximal runs of characters that
/// are not separators. Not lowercased yet.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_separator).filter(|token| !token.is_empty())
}

/// A token lowercased (ASCII `A-Z` only: a token is ASCII). Borrowed when it
/// has no capital letter, which is most of them: no allocation then.
pub fn lowercase(token: &str) -> Cow<'_, str> {
    todo!()
}

/// The segment of `docs`, a run of consecutive documents whose first has id
/// `first`, and the length in tokens of each document.
pub fn index_segment(docs: &[PyBackedStr], first: u32) -> (Segment, Vec<u32>) {
    todo!()
}

/// The inverse document frequency of a term that `df` of the `n` documents
/// hold: `ln(1 + (n - df + 0.5) / (df + 0.5))`, computed in that order
/// (`(1.0 + x).ln()`, not `ln_1p`, so that it is the baseline's float).
pub fn idf(n: usize, df: usize) -> f64 {
    todo!()
}

/// One term's share of a document's score:
/// `idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * dl / avgdl))`,
/// evaluated left to right as Python evaluates the baseline's expression.
pub fn term_score(idf: f64, tf: u32, dl: u32, avgdl: f64) -> f64 {
    todo!()
}

/// Ranking order: the higher score first; equal scores by the smaller id.
pub fn by_rank(a: &(u32, f64), b: &(u32, f64)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The best `k` of `scored`, in ranking order (`by_rank`).
pub fn top_k(scored: Vec<(u32, f64)>, k: usize) -> Vec<(u32, f64)> {
    todo!()
}

/// An inverted index of documents, searched with BM25.
#[pyclass(module = "capstone_rs")]
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The segments, in id order: each holds up to SEGMENT documents.
    segments: Vec<Segment>,
    /// The length in tokens of each document; a document's id is its position.
    lengths: Vec<u32>,
    /// The sum of `lengths`.
    total_length: u64,
}

impl SearchIndex {
    /// Index `docs`, the first of them getting id `len(self)`. Plain Rust,
    /// run with the interpreter released.
    fn index(&mut self, docs: &[PyBackedStr]) {
        todo!()
    }

    /// Every document that holds a term of `query`, with its score, in no
    /// particular order.
    fn scores(&self, query: &str) -> Vec<(u32, f64)> {
        todo!()
    }
}

#[pymethods]
impl SearchIndex {
    /// `SearchIndex()`: an empty index.
    #[new]
    fn new() -> Self {
        todo!()
    }

    /// Add `docs` (a list of str); they get the ids `len(self)`,
    /// `len(self) + 1`, ... in order. Indexes on every core, with the
    /// interpreter released.
    fn add(&mut self, py: Python<'_>, docs: Vec<PyBackedStr>) {
        todo!()
    }

    /// The best `k` documents for `query`: `[(id, score), ...]`, the higher
    /// score first, equal scores by the smaller id. Only documents that hold a
    /// term of the query; `k = 0` gives `[]`, a negative `k` is a ValueError.
    fn search(&self, query: &str, k: i64) -> PyResult<Vec<(u32, f64)>> {
        todo!()
    }

    /// The number of documents.
    fn __len__(&self) -> usize {
        todo!()
    }
}

/// `build_index(docs)`: a new index of `docs`, the same as `SearchIndex()`
/// followed by `add(docs)`.
#[pyfunction]
pub fn build_index(py: Python<'_>, docs: Vec<PyBackedStr>) -> SearchIndex {
    todo!()
}

/// The Python module `capstone_rs`.
#[pymodule]
#[pyo3(name = "capstone_rs")]
mod capstone {
    #[pymodule_export]
    use super::{SearchIndex, build_index};
}
