//! Chapter 12: bytes, slices and zero-copy parsing.
//!
//! A `bytes` argument reaches Rust as a `&[u8]`: a borrow of the bytes
//! object's own memory, with nothing copied. Every line, field and path found
//! in it is again a `&[u8]` (or a `&str`) pointing into that same memory, so
//! parsing allocates only for what it returns.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

use std::collections::HashMap;

use memchr::{memchr, memchr_iter};
use pyo3::exceptions::{PyIndexError, PyUnicodeDecodeError, PyValueError};
use pyo3::prelude::*;

/// The number of newline bytes (`b"\n"`) in `data`: `data.count(b"\n")`.
///
/// Given, not an exercise: the benchmark times it next to the parsers as the
/// speed limit of any code that has to look at every byte. `memchr` compares
/// 16 or 32 bytes per instruction, and its `count()` never stops at a match.
#[pyfunction]
pub fn count_lines(data: &[u8]) -> usize {
    memchr_iter(b'\n', data).count()
}

/// The lines of `data`, each with its number (the first line is 1): the
/// pieces between `\n` bytes, as `data.split(|&b| b == b'\n')` gives them,
/// less one `\r` at the end of a piece. Data that ends with `\n` ends with
/// an empty piece, and `b""` is one empty piece.
///
/// Given, not an exercise. The lines are found with `memchr_iter`, and each
/// one borrows from `data`: the iterator copies nothing, and the compiler
/// keeps any line from outliving the bytes it points into.
pub fn lines(data: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    memchr_iter(b'\n', data)
        .chain(std::iter::once(data.len()))
        .enumerate()
        .map(move |(index, end)| {
            let line = &data[start..end];
            start = end + 1;
            (index + 1, line.strip_suffix(b"\r").unwrap_or(line))
        })
}

/// The parts of an access log line that the report needs. The path borrows
/// from the line (the lifetime `'a`): making an `Entry` copies no bytes.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub status: u16,
    pub path: &'a [u8],
    pub size: u64,
}

/// Parse one line (no `\n`, no trailing `\r`) of the Common Log Format:
///
/// `HOST IDENT USER [DATE] "METHOD PATH PROTOCOL" STATUS SIZE`
///
/// with single spaces between the parts. HOST, IDENT and USER are one or
/// more bytes other than a space; DATE is any bytes other than `]`; METHOD,
/// PATH and PROTOCOL are one or more bytes other than a space or `"`; STATUS
/// is exactly three ASCII digits; SIZE is 1 to 18 ASCII digits, or `-` for 0.
/// Nothing may follow SIZE. `None` for a line that does not match.
pub fn parse_line(line: &[u8]) -> Option<Entry<'_>> {
    todo!()
}

/// What `parse_access_log` returns: responses per status, bytes per path.
/// The paths borrow from the log (`'a`); pyo3 copies each one into a Python
/// `str` when it builds the dict, after the parsing is done.
pub type Report<'a> = (HashMap<u16, u64>, HashMap<&'a str, u128>);

/// Count the responses of a Common Log Format access log per status, and add
/// up the bytes sent per path: `({200: 2, 404: 1}, {"/": 2326, "/x": 0})`.
///
/// Lines are separated by `\n`; one `\r` at the end of a line is removed and
/// an empty line is skipped. Any other line that does not match the format
/// (see `parse_line`), or whose PATH is not valid UTF-8, raises ValueError
/// naming its line number (the first line is 1).
#[pyfunction]
pub fn parse_access_log(data: &[u8]) -> PyResult<Report<'_>> {
    todo!()
}

/// The sum of the numbers in column `col` (0-based) of a CSV file whose first
/// line is a header: `csv_column_sum(b"a,b\n1,2.5\n3,4\n", 1) == 6.5`.
///
/// `data` must be UTF-8 (UnicodeDecodeError otherwise, as `data.decode()`)
/// and hold no `"` at all (ValueError naming the line of the first one:
/// quoted fields are not supported). Lines are separated by `\n`; one `\r`
/// at the end of a line is removed; empty lines are skipped; the header is
/// never read. Fields are separated by `,`. On every other line, a line
/// without column `col` raises IndexError, and a field that is not a number
/// raises ValueError, both naming the line (the first line is 1). A number is
/// what `str::trim` then `str::parse::<f64>` accept: Python's `float()` minus
/// its underscores (`1_000`) and non-ASCII digits. The numbers are added in
/// order, from the top, starting at 0.0.
#[pyfunction]
pub fn csv_column_sum(py: Python<'_>, data: &[u8], col: usize) -> PyResult<f64> {
    todo!()
}

/// The Python module `bytes_rs`.
#[pymodule]
#[pyo3(name = "bytes_rs")]
mod bytes {
    #[pymodule_export]
    use super::{count_lines, csv_column_sum, parse_access_log};
}
