//! Chapter 11: parallelism. Releasing the GIL with `py.detach`, rayon, and
//! the `Send`/`Sync` rules that decide what may cross into another thread.
//!
//! The helpers and the `_seq`/`_gil` functions are given: they are the
//! one-thread versions that the parallel ones are measured against, running
//! the same inner code. What changes is only who runs it, and on how many
//! cores.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{IntoPyDict, PyBytes, PyDict};
use rayon::prelude::*;

/// Whether `c` is whitespace to Python: what `str.split()` with no argument
/// splits on (chapter 3). Rust's `char::is_whitespace` plus U+001C..U+001F.
pub fn is_py_whitespace(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

/// Adds the words of `text` (those of `text.split()`) to `counts`. The keys
/// borrow from `text`: a word is copied only when the dict is built.
pub fn count_into<'a>(counts: &mut HashMap<&'a str, usize>, text: &'a str) {
    for word in text.split(is_py_whitespace).filter(|word| !word.is_empty()) {
        *counts.entry(word).or_insert(0) += 1;
    }
}

/// Given: `count_words_many` on one thread, holding the GIL throughout.
/// The same conversion in, the same `count_into`, the same dict out.
#[pyfunction]
pub fn count_words_many_seq<'py>(
    py: Python<'py>,
    docs: Vec<PyBackedStr>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut counts = HashMap::new();
    for doc in &docs {
        count_into(&mut counts, doc);
    }
    counts.into_py_dict(py)
}

/// How often each word occurs over all of `docs`, the words of each document
/// being those of `doc.split()`; counted on every core with the GIL released.
///
/// `docs` holds each str's UTF-8 text, borrowed, not copied (`PyBackedStr`
/// keeps a reference to the str object): owned by this function, it is
/// `Send` and `Sync`, so rayon's threads may read it while the GIL is let go.
#[pyfunction]
pub fn count_words_many<'py>(
    py: Python<'py>,
    docs: Vec<PyBackedStr>,
) -> PyResult<Bound<'py, PyDict>> {
    todo!()
}

/// Given: the word counts of one text, like chapter 3's `count_words`,
/// computed while holding the GIL.
#[pyfunction]
pub fn count_words_gil(text: &str) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    count_into(&mut counts, text);
    counts
}

/// The word counts of one text, like `count_words_gil`, but with the GIL
/// released while counting, so that Python threads calling this function at
/// the same time run on different cores.
#[pyfunction]
pub fn count_words<'a>(py: Python<'_>, text: &'a str) -> HashMap<&'a str, usize> {
    todo!()
}

/// The escape time of the point `cx + cy·i`: how many times
/// `z ← z² + c` runs, from `z = 0`, before `|z|² > 4`, at most `max_iter`.
/// Every operation is written in the order the Python baseline does it, so
/// that the f64 results, and the counts, are identical.
pub fn escape_time(cx: f64, cy: f64, max_iter: u8) -> u8 {
    let (mut zr, mut zi) = (0.0_f64, 0.0_f64);
    let mut n = 0;
    while n < max_iter {
        let (zr2, zi2) = (zr * zr, zi * zi);
        if zr2 + zi2 > 4.0 {
            break;
        }
        zi = 2.0 * zr * zi + cy;
        zr = zr2 - zi2 + cx;
        n += 1;
    }
    n
}

/// Fills `pixels` (one row of the image, `width` long) with the escape times
/// of row `row` of a `height`-row image of the rectangle
/// [-2, 1] × [-1.5, 1.5] of the complex plane.
pub fn mandelbrot_row(pixels: &mut [u8], row: usize, height: usize, max_iter: u8) {
    let width = pixels.len();
    let cy = -1.5 + 3.0 * row as f64 / height as f64;
    for (col, pixel) in pixels.iter_mut().enumerate() {
        let cx = -2.0 + 3.0 * col as f64 / width as f64;
        *pixel = escape_time(cx, cy, max_iter);
    }
}

/// Given: `mandelbrot` on one thread, holding the GIL throughout.
#[pyfunction]
pub fn mandelbrot_seq(
    py: Python<'_>,
    width: usize,
    height: usize,
    max_iter: u8,
) -> Bound<'_, PyBytes> {
    let mut image = vec![0u8; width * height];
    if width > 0 {
        for (row, pixels) in image.chunks_mut(width).enumerate() {
            mandelbrot_row(pixels, row, height, max_iter);
        }
    }
    PyBytes::new(py, &image)
}

/// The escape times of a `width` × `height` image of the rectangle
/// [-2, 1] × [-1.5, 1.5], one byte per pixel, row by row from the top
/// (imaginary part -1.5) and, in each row, from the left (real part -2);
/// the rows computed on every core with the GIL released.
#[pyfunction]
pub fn mandelbrot(py: Python<'_>, width: usize, height: usize, max_iter: u8) -> Bound<'_, PyBytes> {
    todo!()
}

/// The Python module `parallelism_rs`.
#[pymodule]
#[pyo3(name = "parallelism_rs")]
mod parallelism {
    #[pymodule_export]
    use super::{
        count_words, count_words_gil, count_words_many, count_words_many_seq, mandelbrot,
        mandelbrot_seq,
    };
}
