//! Chapter 12: bytes, slices and zero-copy parsing.
//!
//! A `bytes` argument reaches Rust as a `&[u8]`: a borrow of the bytes
//! object's own memory, with nothing copied. Every line, field and path found
//! in it is again a `&[u8]` (or a `&str`) pointing into that same memory, so
//! parsing allocates only for what it returns.

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
    // BEGIN SOLUTION
    /// Split `rest` at the first `end` byte: the part before it, which must be
    /// non-empty and hold no space or quote, and the part after it.
    fn word(rest: &[u8], end: u8) -> Option<(&[u8], &[u8])> {
        let at = memchr(end, rest)?;
        let word = &rest[..at];
        if word.is_empty() || word.iter().any(|&b| b == b' ' || b == b'"') {
            return None;
        }
        Some((word, &rest[at + 1..]))
    }

    /// The value of one or more ASCII digits (at most 18, so no overflow).
    fn digits(text: &[u8]) -> Option<u64> {
        if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(
            text.iter()
                .fold(0, |value, &digit| value * 10 + u64::from(digit - b'0')),
        )
    }

    // HOST, IDENT and USER: each ends at the next space and is not empty.
    let mut rest = line;
    for _ in 0..3 {
        let space = memchr(b' ', rest)?;
        if space == 0 {
            return None;
        }
        rest = &rest[space + 1..];
    }
    // [DATE] and the opening quote of the request.
    rest = rest.strip_prefix(b"[")?;
    let close = memchr(b']', rest)?;
    rest = rest[close + 1..].strip_prefix(b" \"")?;
    // METHOD and PATH end at a space, PROTOCOL at the closing quote.
    let (_method, rest) = word(rest, b' ')?;
    let (path, rest) = word(rest, b' ')?;
    let (_protocol, rest) = word(rest, b'"')?;
    // What is left: ` STATUS SIZE`.
    let rest = rest.strip_prefix(b" ")?;
    if rest.len() < 5 || rest[3] != b' ' {
        return None;
    }
    let status = digits(&rest[..3])?;
    let size = match &rest[4..] {
        b"-" => 0,
        size if size.len() <= 18 => digits(size)?,
        _ => return None,
    };
    Some(Entry {
        // Three digits: at most 999, so the cast loses nothing.
        status: status as u16,
        path,
        size,
    })
    // END SOLUTION
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
    // BEGIN SOLUTION
    // Index = status code: no hashing for the three digits.
    let mut statuses = [0u64; 1000];
    // The keys borrow from `data`: a path is copied once, when the dict is built.
    let mut sizes: HashMap<&str, u128> = HashMap::new();
    for (number, line) in lines(data) {
        if line.is_empty() {
            continue;
        }
        let entry = parse_line(line).ok_or_else(|| {
            PyValueError::new_err(format!("line {number}: not a Common Log Format line"))
        })?;
        let path = std::str::from_utf8(entry.path).map_err(|_| {
            PyValueError::new_err(format!("line {number}: the path is not valid UTF-8"))
        })?;
        statuses[usize::from(entry.status)] += 1;
        *sizes.entry(path).or_insert(0) += u128::from(entry.size);
    }
    let statuses = (0u16..)
        .zip(statuses)
        .filter(|&(_, count)| count > 0)
        .collect();
    Ok((statuses, sizes))
    // END SOLUTION
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
    // BEGIN SOLUTION
    // As `data.decode()`: the whole input, before anything else.
    std::str::from_utf8(data)
        .map_err(|err| PyUnicodeDecodeError::new_err_from_utf8(py, data, err))?;
    if let Some(quote) = memchr(b'"', data) {
        let number = memchr_iter(b'\n', &data[..quote]).count() + 1;
        return Err(PyValueError::new_err(format!(
            "line {number}: quoted fields are not supported"
        )));
    }
    let mut total = 0.0;
    // Line 1 is the header.
    for (number, line) in lines(data).skip(1) {
        if line.is_empty() {
            continue;
        }
        let field = line
            .split(|&b| b == b',')
            .nth(col)
            .ok_or_else(|| PyIndexError::new_err(format!("line {number}: no column {col}")))?;
        // All of `data` is UTF-8 and the field ends at an ASCII byte, so
        // this cannot fail; it re-reads the few bytes of one field.
        let field = std::str::from_utf8(field).expect("a field of UTF-8 text");
        let value: f64 = field.trim().parse().map_err(|_| {
            PyValueError::new_err(format!("line {number}: {field:?} is not a number"))
        })?;
        total += value;
    }
    Ok(total)
    // END SOLUTION
}

/// The Python module `bytes_rs`.
#[pymodule]
#[pyo3(name = "bytes_rs")]
mod bytes {
    #[pymodule_export]
    use super::{count_lines, csv_column_sum, parse_access_log};
}
