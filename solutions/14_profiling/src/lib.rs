//! Chapter 14: profiling. Measure first, then fix one thing at a time.
//!
//! The job is counting word n-grams. `ngram_counts_slow` is given: correct,
//! and written the way a first Rust program often is. `ngram_counts` is yours:
//! the same answers, at least three times as fast.
//!
//! Both cores are plain Rust, with no Python types, so that `cargo test` and
//! the criterion benchmark in `benches/ngrams.rs` run them without Python. The
//! module at the end wraps them for Python.

use std::collections::HashMap;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rustc_hash::FxHashMap;

/// Whether `c` is whitespace to Python: what `str.split()` with no argument
/// splits on. That is Rust's `char::is_whitespace` plus U+001C..U+001F, which
/// Python's `str.isspace()` accepts and Rust's `split_whitespace()` does not.
pub fn is_py_whitespace(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

/// How often each word n-gram occurs in `text`. The words are those of
/// Python's `text.split()`; an n-gram is `n` consecutive words joined by one
/// space. `n` must be at least 1 (the Python wrapper checks it).
///
/// Correct, and slow: it copies every word, copies `n` of them again for each
/// window, allocates a new `String` per window, looks each key up twice, and
/// hashes with the standard library's SipHash.
#[allow(clippy::map_entry)] // clippy has spotted one of the problems already
pub fn ngram_counts_slow(text: &str, n: usize) -> HashMap<String, u64> {
    assert!(n >= 1, "n must be at least 1");
    let words: Vec<String> = text
        .split(is_py_whitespace)
        .filter(|word| !word.is_empty())
        .map(|word| word.to_string())
        .collect();
    let mut counts: HashMap<String, u64> = HashMap::new();
    if words.len() < n {
        return counts;
    }
    for i in 0..=words.len() - n {
        let window: Vec<String> = words[i..i + n].to_vec();
        let key = window.join(" ");
        if counts.contains_key(&key) {
            *counts.get_mut(&key).unwrap() += 1;
        } else {
            counts.insert(key.clone(), 1);
        }
    }
    counts
}

/// The same counts as [`ngram_counts_slow`], at least three times as fast.
///
/// Start from a copy of the slow body, and measure after each change: borrow
/// the words instead of copying them (`Vec<&str>`); build no `String` per
/// window (the window `&[&str]` from `words.windows(n)` can itself be the key,
/// joined once per distinct n-gram at the end); look each key up once (the
/// entry API); hash with `rustc_hash::FxHashMap`.
pub fn ngram_counts(text: &str, n: usize) -> FxHashMap<String, u64> {
    // BEGIN SOLUTION
    assert!(n >= 1, "n must be at least 1");
    // Number each distinct word the first time it appears: a text has many
    // words but few distinct ones, and from here on a word is a u32.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut vocabulary: Vec<&str> = Vec::new();
    let sequence: Vec<u32> = text
        .split(is_py_whitespace)
        .filter(|word| !word.is_empty())
        .map(|word| {
            *ids.entry(word).or_insert_with(|| {
                let id = u32::try_from(vocabulary.len()).expect("under 2^32 distinct words");
                vocabulary.push(word);
                id
            })
        })
        .collect();
    // Count the windows of numbers. A key is a slice borrowed from `sequence`:
    // no allocation per window, one lookup, and hashing n integers is cheaper
    // than hashing the n words' bytes.
    let mut windows: FxHashMap<&[u32], u64> = FxHashMap::default();
    for window in sequence.windows(n) {
        *windows.entry(window).or_insert(0) += 1;
    }
    // Only now make strings: one per distinct n-gram, not one per window.
    let mut counts = FxHashMap::with_capacity_and_hasher(windows.len(), Default::default());
    let mut words: Vec<&str> = Vec::with_capacity(n);
    for (window, count) in windows {
        words.clear();
        words.extend(window.iter().map(|&id| vocabulary[id as usize]));
        counts.insert(words.join(" "), count);
    }
    counts
    // END SOLUTION
}

/// `n` as a count of words: ValueError below 1, as in the Python baseline.
fn check_n(n: i64) -> PyResult<usize> {
    match usize::try_from(n) {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(PyValueError::new_err(format!(
            "n must be at least 1, got {n}"
        ))),
    }
}

/// The Python module `profiling_rs`: thin wrappers around the two cores. Each
/// checks `n`, runs its core, and returns the core's map, which PyO3 turns
/// into a dict once, at the end: one Python `str` and `int` per distinct n-gram.
#[pymodule]
#[pyo3(name = "profiling_rs")]
mod profiling {
    use super::*;

    /// How often each run of `n` consecutive words of `text.split()` occurs,
    /// as a dict from the words joined by one space to the count.
    /// ValueError if `n` is below 1.
    #[pyfunction]
    fn ngram_counts(text: &str, n: i64) -> PyResult<FxHashMap<String, u64>> {
        Ok(super::ngram_counts(text, check_n(n)?))
    }

    /// The same counts, by the given slow version.
    #[pyfunction]
    fn ngram_counts_slow(text: &str, n: i64) -> PyResult<HashMap<String, u64>> {
        Ok(super::ngram_counts_slow(text, check_n(n)?))
    }
}

#[cfg(test)]
mod tests {
    // No `use super::*`: the benchmark compiles this file too, and there the
    // import would be unused.
    #[test]
    fn fast_matches_slow() {
        let texts = [
            "",
            "one",
            "the cat and the hat\nthe cat sat",
            "  a\tb\x1cc\u{3000}a b  c a b\n",
            "na\u{ef}ve caf\u{e9} na\u{ef}ve caf\u{e9} \u{1f600}",
        ];
        for text in texts {
            for n in 1..=4 {
                let fast: super::HashMap<_, _> = super::ngram_counts(text, n).into_iter().collect();
                let slow = super::ngram_counts_slow(text, n);
                assert_eq!(fast, slow, "{text:?}, n = {n}");
            }
        }
    }

    #[test]
    fn bigrams() {
        let counts = super::ngram_counts("a b\ta  b", 2);
        assert_eq!(counts.len(), 2);
        assert_eq!(counts["a b"], 2);
        assert_eq!(counts["b a"], 1);
    }
}
