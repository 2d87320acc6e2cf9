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
    // BEGIN SOLUTION
    !c.is_ascii_alphanumeric()
    // END SOLUTION
}

/// The raw tokens of `text`, in order: the maximal runs of characters that
/// are not separators. Not lowercased yet.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_separator).filter(|token| !token.is_empty())
}

/// A token lowercased (ASCII `A-Z` only: a token is ASCII). Borrowed when it
/// has no capital letter, which is most of them: no allocation then.
pub fn lowercase(token: &str) -> Cow<'_, str> {
    // BEGIN SOLUTION
    if token.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(token.to_ascii_lowercase())
    } else {
        Cow::Borrowed(token)
    }
    // END SOLUTION
}

/// The segment of `docs`, a run of consecutive documents whose first has id
/// `first`, and the length in tokens of each document.
pub fn index_segment(docs: &[PyBackedStr], first: u32) -> (Segment, Vec<u32>) {
    // BEGIN SOLUTION
    let mut segment = Segment::default();
    let mut lengths = Vec::with_capacity(docs.len());
    for (doc, text) in (first..).zip(docs) {
        let mut length = 0;
        for token in tokens(text) {
            length += 1;
            let term = lowercase(token);
            // Look up with a borrowed &str; a String is made only for a term
            // the segment has not seen yet.
            match segment.get_mut(term.as_ref()) {
                // The documents come in id order: a posting for this document,
                // if the term has one, is the last of its list.
                Some(list) => match list.last_mut() {
                    Some(last) if last.doc == doc => last.tf += 1,
                    _ => list.push(Posting { doc, tf: 1 }),
                },
                None => {
                    segment.insert(term.into_owned(), vec![Posting { doc, tf: 1 }]);
                }
            }
        }
        lengths.push(length);
    }
    (segment, lengths)
    // END SOLUTION
}

/// The inverse document frequency of a term that `df` of the `n` documents
/// hold: `ln(1 + (n - df + 0.5) / (df + 0.5))`, computed in that order
/// (`(1.0 + x).ln()`, not `ln_1p`, so that it is the baseline's float).
pub fn idf(n: usize, df: usize) -> f64 {
    // BEGIN SOLUTION
    (1.0 + ((n - df) as f64 + 0.5) / (df as f64 + 0.5)).ln()
    // END SOLUTION
}

/// One term's share of a document's score:
/// `idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * dl / avgdl))`,
/// evaluated left to right as Python evaluates the baseline's expression.
pub fn term_score(idf: f64, tf: u32, dl: u32, avgdl: f64) -> f64 {
    // BEGIN SOLUTION
    let tf = f64::from(tf);
    idf * (tf * (K1 + 1.0)) / (tf + K1 * (1.0 - B + B * f64::from(dl) / avgdl))
    // END SOLUTION
}

/// Ranking order: the higher score first; equal scores by the smaller id.
pub fn by_rank(a: &(u32, f64), b: &(u32, f64)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The best `k` of `scored`, in ranking order (`by_rank`).
pub fn top_k(scored: Vec<(u32, f64)>, k: usize) -> Vec<(u32, f64)> {
    // BEGIN SOLUTION
    let mut scored = scored;
    if k == 0 {
        return Vec::new();
    }
    if scored.len() > k {
        // The best k to the front in linear time, in no particular order;
        // then sort only those.
        scored.select_nth_unstable_by(k - 1, by_rank);
        scored.truncate(k);
    }
    scored.sort_unstable_by(by_rank);
    scored
    // END SOLUTION
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
        // BEGIN SOLUTION
        let first = self.lengths.len();
        let last = first + docs.len();
        assert!(u32::try_from(last).is_ok(), "more than 2**32 documents");
        // One segment per run of SEGMENT documents, built in parallel;
        // collect() keeps them in order.
        let built: Vec<(Segment, Vec<u32>)> = docs
            .par_chunks(SEGMENT)
            .enumerate()
            .map(|(number, run)| index_segment(run, (first + number * SEGMENT) as u32))
            .collect();
        for (segment, lengths) in built {
            self.total_length += lengths.iter().map(|&n| u64::from(n)).sum::<u64>();
            self.lengths.extend(lengths);
            self.segments.push(segment);
        }
        // END SOLUTION
    }

    /// Every document that holds a term of `query`, with its score, in no
    /// particular order.
    fn scores(&self, query: &str) -> Vec<(u32, f64)> {
        // BEGIN SOLUTION
        let n = self.lengths.len();
        if n == 0 {
            return Vec::new();
        }
        let avgdl = self.total_length as f64 / n as f64;
        let mut scores = vec![0.0_f64; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut seen: Vec<Cow<str>> = Vec::new();
        for token in tokens(query) {
            let term = lowercase(token);
            // A term repeated in the query counts once.
            if seen.contains(&term) {
                continue;
            }
            let lists: Vec<&Vec<Posting>> = self
                .segments
                .iter()
                .filter_map(|segment| segment.get(term.as_ref()))
                .collect();
            seen.push(term);
            let df: usize = lists.iter().map(|list| list.len()).sum();
            if df == 0 {
                continue;
            }
            let weight = idf(n, df);
            for &Posting { doc, tf } in lists.into_iter().flatten() {
                let score = &mut scores[doc as usize];
                // Every share is > 0: a score still 0.0 is a document not
                // seen yet.
                if *score == 0.0 {
                    touched.push(doc);
                }
                *score += term_score(weight, tf, self.lengths[doc as usize], avgdl);
            }
        }
        touched
            .into_iter()
            .map(|doc| (doc, scores[doc as usize]))
            .collect()
        // END SOLUTION
    }
}

#[pymethods]
impl SearchIndex {
    /// `SearchIndex()`: an empty index.
    #[new]
    fn new() -> Self {
        // BEGIN SOLUTION
        Self::default()
        // END SOLUTION
    }

    /// Add `docs` (a list of str); they get the ids `len(self)`,
    /// `len(self) + 1`, ... in order. Indexes on every core, with the
    /// interpreter released.
    fn add(&mut self, py: Python<'_>, docs: Vec<PyBackedStr>) {
        // BEGIN SOLUTION
        py.detach(|| self.index(&docs));
        // END SOLUTION
    }

    /// The best `k` documents for `query`: `[(id, score), ...]`, the higher
    /// score first, equal scores by the smaller id. Only documents that hold a
    /// term of the query; `k = 0` gives `[]`, a negative `k` is a ValueError.
    fn search(&self, query: &str, k: i64) -> PyResult<Vec<(u32, f64)>> {
        // BEGIN SOLUTION
        let k = usize::try_from(k)
            .map_err(|_| PyValueError::new_err(format!("k must be >= 0, got {k}")))?;
        if k == 0 {
            return Ok(Vec::new());
        }
        Ok(top_k(self.scores(query), k))
        // END SOLUTION
    }

    /// The number of documents.
    fn __len__(&self) -> usize {
        // BEGIN SOLUTION
        self.lengths.len()
        // END SOLUTION
    }
}

/// `build_index(docs)`: a new index of `docs`, the same as `SearchIndex()`
/// followed by `add(docs)`.
#[pyfunction]
pub fn build_index(py: Python<'_>, docs: Vec<PyBackedStr>) -> SearchIndex {
    // BEGIN SOLUTION
    let mut index = SearchIndex::new();
    index.add(py, docs);
    index
    // END SOLUTION
}

/// The Python module `capstone_rs`.
#[pymodule]
#[pyo3(name = "capstone_rs")]
mod capstone {
    #[pymodule_export]
    use super::{SearchIndex, build_index};
}
