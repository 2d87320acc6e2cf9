//! Chapter 06: errors as values.
//!
//! A Rust function that can fail returns `Result<T, E>`. Here `E` is an enum of
//! our own with a `Display` message; `impl From<E> for PyErr` turns it into a
//! Python exception, so that `?` in a `#[pyfunction]` raises it. The two
//! exception classes are made with `create_exception!`: subclasses of
//! ValueError, as in the Python baseline.

use std::fmt;
use std::hash::{Hash, Hasher};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

create_exception!(
    errors_rs,
    InvalidVersion,
    PyValueError,
    "A string that is not a version in the chapter's grammar."
);
create_exception!(
    errors_rs,
    InvalidDuration,
    PyValueError,
    "A string that is not a duration in the chapter's grammar."
);

// ---------------------------------------------------------------- versions --

/// Why a string is not a version. Both variants keep the input, to quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    /// The text does not follow the grammar: `1.0.`, `1..0`, `1.0-rc1`.
    Syntax(String),
    /// A number is above 2**64 - 1 and does not fit in a `u64`.
    TooLarge(String),
}

impl fmt::Display for VersionError {
    /// The message of the exception: it quotes the input, e.g.
    /// `invalid version: "1.0."`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // BEGIN SOLUTION
        // {:?} quotes the string and escapes what is not printable.
        match self {
            Self::Syntax(input) => write!(f, "invalid version: {input:?}"),
            Self::TooLarge(input) => {
                write!(
                    f,
                    "invalid version: {input:?} (a number is above 2**64 - 1)"
                )
            }
        }
        // END SOLUTION
    }
}

impl std::error::Error for VersionError {}

impl From<VersionError> for PyErr {
    /// What `?` calls when a `VersionError` leaves a function returning `PyResult`.
    fn from(err: VersionError) -> PyErr {
        // BEGIN SOLUTION
        InvalidVersion::new_err(err.to_string())
        // END SOLUTION
    }
}

/// The kind of a pre-release, in sort order: alpha < beta < release candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PreKind {
    Alpha,
    Beta,
    Rc,
}

impl PreKind {
    /// How the kind is written in a normalized version: `a`, `b` or `rc`.
    pub fn as_str(self) -> &'static str {
        match self {
            PreKind::Alpha => "a",
            PreKind::Beta => "b",
            PreKind::Rc => "rc",
        }
    }
}

/// A version: `1.2`, `2.0rc1`, `1.0.post2.dev3`.
///
/// `#[pyclass(eq, ord, hash, str)]` makes Python's `==`, `<`..., `hash()` and
/// `str()` call the Rust traits `PartialEq`, `PartialOrd`, `Hash` and
/// `Display`. `frozen`: a hashed value must not change.
#[pyclass(module = "errors_rs", frozen, eq, ord, hash, str)]
#[derive(Clone, Debug)]
pub struct Version {
    /// The release numbers as written, trailing zeros included.
    release: Vec<u64>,
    /// `rc2` is `Some((PreKind::Rc, 2))`.
    pre: Option<(PreKind, u64)>,
    /// `.post3` is `Some(3)`.
    #[pyo3(get)]
    post: Option<u64>,
    /// `.dev4` is `Some(4)`.
    #[pyo3(get)]
    dev: Option<u64>,
}

/// Where a version sorts among the versions of one release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// A developmental release without a pre- or post-release part: `1.0.dev1`.
    Dev,
    /// A pre-release: `1.0a1`, `1.0rc2.post1.dev3`.
    Pre(PreKind, u64),
    /// Neither: `1.0`, `1.0.post1`, `1.0.post1.dev1`.
    Release,
}

/// The `.devN` part in sort order: a version with it comes before the same
/// version without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DevKey {
    Dev(u64),
    Absent,
}

/// What versions are compared and hashed by. The derived `Ord` compares the
/// fields in order, and variants of an enum in the order they are declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key<'a> {
    /// The release numbers without trailing zeros: `1.0.0` is `[1]`.
    pub release: &'a [u64],
    pub phase: Phase,
    /// `None` (no post-release) sorts before any `Some`.
    pub post: Option<u64>,
    pub dev: DevKey,
}

impl Version {
    /// Parse `input` by the chapter's grammar.
    pub fn parse(input: &str) -> Result<Version, VersionError> {
        // BEGIN SOLUTION
        /// `text` split after its leading ASCII digits.
        fn split_digits(text: &str) -> (&str, &str) {
            let end = text
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len());
            text.split_at(end)
        }
        /// `text` without `prefix`, which is compared ignoring ASCII case.
        fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
            // `get` is None, not a panic, where `prefix.len()` is not on a char boundary.
            let head = text.get(..prefix.len())?;
            head.eq_ignore_ascii_case(prefix)
                .then(|| &text[prefix.len()..])
        }

        // The number at the start of `rest`, which then moves past it. Any
        // digits parse as a u64 unless the value is too large for one.
        let number = |rest: &mut &str| -> Result<u64, VersionError> {
            let (digits, after) = split_digits(rest);
            if digits.is_empty() {
                return Err(VersionError::Syntax(input.to_string()));
            }
            *rest = after;
            digits
                .parse()
                .map_err(|_| VersionError::TooLarge(input.to_string()))
        };

        let text = input.trim_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
        let mut rest = text.strip_prefix(['v', 'V']).unwrap_or(text);

        let mut release = vec![number(&mut rest)?];
        // A dot continues the release only when a digit follows: `1.0.post1`.
        while let Some(after) = rest.strip_prefix('.')
            && after.starts_with(|c: char| c.is_ascii_digit())
        {
            rest = after;
            release.push(number(&mut rest)?);
        }

        let mut pre = None;
        for (tag, kind) in [
            ("rc", PreKind::Rc),
            ("a", PreKind::Alpha),
            ("b", PreKind::Beta),
        ] {
            if let Some(after) = strip_prefix_ignore_case(rest, tag) {
                rest = after;
                pre = Some((kind, number(&mut rest)?));
                break;
            }
        }
        let mut tagged = |tag: &str| -> Result<Option<u64>, VersionError> {
            match strip_prefix_ignore_case(rest, tag) {
                Some(after) => {
                    rest = after;
                    number(&mut rest).map(Some)
                }
                None => Ok(None),
            }
        };
        let post = tagged(".post")?;
        let dev = tagged(".dev")?;

        if !rest.is_empty() {
            return Err(VersionError::Syntax(input.to_string()));
        }
        Ok(Version {
            release,
            pre,
            post,
            dev,
        })
        // END SOLUTION
    }

    /// The sort key: versions with equal keys are equal.
    pub fn key(&self) -> Key<'_> {
        // BEGIN SOLUTION
        let end = self
            .release
            .iter()
            .rposition(|&n| n != 0)
            .map_or(0, |i| i + 1);
        Key {
            release: &self.release[..end],
            phase: match (self.pre, self.post, self.dev) {
                (Some((kind, n)), _, _) => Phase::Pre(kind, n),
                (None, None, Some(_)) => Phase::Dev,
                _ => Phase::Release,
            },
            post: self.post,
            dev: self.dev.map_or(DevKey::Absent, DevKey::Dev),
        }
        // END SOLUTION
    }
}

// Equality, order and hash all come from `key()`, so they cannot disagree:
// a == b implies hash(a) == hash(b), as Python's dicts and sets require.
impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Version {}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl Hash for Version {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Display for Version {
    /// The normalized form: `v1.02RC3.POST04` is `1.2rc3.post4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // BEGIN SOLUTION
        for (i, n) in self.release.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{n}")?;
        }
        if let Some((kind, n)) = self.pre {
            write!(f, "{}{n}", kind.as_str())?;
        }
        if let Some(n) = self.post {
            write!(f, ".post{n}")?;
        }
        if let Some(n) = self.dev {
            write!(f, ".dev{n}")?;
        }
        Ok(())
        // END SOLUTION
    }
}

#[pymethods]
impl Version {
    /// The release numbers as a tuple of ints (a `Vec` would become a list).
    #[getter]
    fn release<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.release)
    }

    /// `('rc', 2)` for `rc2`, or None.
    #[getter]
    fn pre(&self) -> Option<(&'static str, u64)> {
        self.pre.map(|(kind, n)| (kind.as_str(), n))
    }

    fn __repr__(&self) -> String {
        format!("<Version('{self}')>")
    }
}

/// Parse a version; InvalidVersion, quoting `s`, when it is not one.
#[pyfunction]
pub fn parse_version(s: &str) -> PyResult<Version> {
    // BEGIN SOLUTION
    // `?` converts the VersionError into a PyErr with our `From` impl.
    Ok(Version::parse(s)?)
    // END SOLUTION
}

/// The strings in version order, equal versions in their original order;
/// InvalidVersion for the first string that is not a version.
///
/// Like `sorted()`, it returns the very string objects it was given: a
/// `Bound<PyString>` is a reference to one, and cloning it copies no text.
#[pyfunction]
pub fn sort_versions<'py>(
    versions: Vec<Bound<'py, PyString>>,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    // BEGIN SOLUTION
    // Two kinds of error meet in the closure: `to_str` fails with a PyErr
    // (for a str that is not valid UTF-8), `Version::parse` with a
    // VersionError. `?` converts each into the closure's error type, PyErr.
    // Collecting Results into a Result stops at the first Err, and the last
    // `?` returns it.
    let parsed = versions
        .iter()
        .map(|s| Ok(Version::parse(s.to_str()?)?))
        .collect::<PyResult<Vec<Version>>>()?;
    // Sort positions by key. A key borrows its Version's numbers (nothing is
    // copied) and is made once, not at every comparison. The position breaks
    // ties, so equal versions keep their order, as sorted() keeps them.
    let mut order: Vec<(Key<'_>, usize)> = parsed.iter().map(Version::key).zip(0..).collect();
    order.sort_unstable();
    Ok(order
        .into_iter()
        .map(|(_, i)| versions[i].clone())
        .collect())
    // END SOLUTION
}

// --------------------------------------------------------------- durations --

/// Why a string is not a duration. Each variant holds the offending part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DurationError {
    /// The whole string is empty.
    Empty,
    /// Where a number should start, something else: holds the rest of the input.
    ExpectedNumber(String),
    /// Digits and dots that are not a number: `1.`, `.5`, `1.2.3`.
    BadNumber(String),
    /// A number with no unit after it: holds the number.
    MissingUnit(String),
    /// Letters that are not h, m, s or ms.
    UnknownUnit(String),
    /// A unit that has already been used.
    RepeatedUnit(String),
    /// A unit after a smaller one: `unit` came after `after`.
    OutOfOrder { unit: String, after: String },
    /// The total overflows a float.
    TooLarge,
}

impl fmt::Display for DurationError {
    /// The message of the exception, e.g. `invalid duration: unknown unit "x"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // BEGIN SOLUTION
        f.write_str("invalid duration: ")?;
        match self {
            Self::Empty => f.write_str("empty string"),
            Self::ExpectedNumber(rest) => write!(f, "expected a number at {rest:?}"),
            Self::BadNumber(number) => write!(f, "bad number {number:?}"),
            Self::MissingUnit(number) => write!(f, "missing unit after {number:?}"),
            Self::UnknownUnit(unit) => write!(f, "unknown unit {unit:?}"),
            Self::RepeatedUnit(unit) => write!(f, "repeated unit {unit:?}"),
            Self::OutOfOrder { unit, after } => write!(f, "unit {unit:?} after {after:?}"),
            Self::TooLarge => f.write_str("too large for a float"),
        }
        // END SOLUTION
    }
}

impl std::error::Error for DurationError {}

impl From<DurationError> for PyErr {
    fn from(err: DurationError) -> PyErr {
        // BEGIN SOLUTION
        InvalidDuration::new_err(err.to_string())
        // END SOLUTION
    }
}

/// The units in the order they must appear, with their length in seconds.
pub const UNITS: [(&str, f64); 4] = [("h", 3600.0), ("m", 60.0), ("s", 1.0), ("ms", 0.001)];

/// The seconds in a duration such as `1h30m`: plain Rust, no Python involved.
pub fn duration_seconds(s: &str) -> Result<f64, DurationError> {
    // BEGIN SOLUTION
    /// `text` split after the longest prefix whose characters satisfy `keep`.
    fn split_while(text: &str, keep: impl Fn(char) -> bool) -> (&str, &str) {
        text.split_at(text.find(|c| !keep(c)).unwrap_or(text.len()))
    }
    /// Digits, then optionally a dot and more digits (the text holds only digits and dots).
    fn is_decimal(number: &str) -> bool {
        match number.split_once('.') {
            None => true,
            Some((whole, fraction)) => {
                !whole.is_empty() && !fraction.is_empty() && !fraction.contains('.')
            }
        }
    }

    if s.is_empty() {
        return Err(DurationError::Empty);
    }
    let mut total = 0.0;
    let mut previous: Option<usize> = None; // the index in UNITS of the last unit
    let mut rest = s;
    while !rest.is_empty() {
        let (number, after) = split_while(rest, |c| c.is_ascii_digit() || c == '.');
        if number.is_empty() {
            return Err(DurationError::ExpectedNumber(rest.to_string()));
        }
        if !is_decimal(number) {
            return Err(DurationError::BadNumber(number.to_string()));
        }
        let (unit, after) = split_while(after, |c| c.is_ascii_alphabetic());
        if unit.is_empty() {
            return Err(DurationError::MissingUnit(number.to_string()));
        }
        let rank = UNITS
            .iter()
            .position(|&(name, _)| name == unit)
            .ok_or_else(|| DurationError::UnknownUnit(unit.to_string()))?;
        match previous {
            Some(last) if last == rank => {
                return Err(DurationError::RepeatedUnit(unit.to_string()));
            }
            Some(last) if last > rank => {
                return Err(DurationError::OutOfOrder {
                    unit: unit.to_string(),
                    after: UNITS[last].0.to_string(),
                });
            }
            _ => previous = Some(rank),
        }
        // `is_decimal` has checked the syntax, so this parse cannot fail; still,
        // an Err costs nothing to pass on and a panic would crash the caller.
        let value: f64 = number
            .parse()
            .map_err(|_| DurationError::BadNumber(number.to_string()))?;
        total += value * UNITS[rank].1;
        rest = after;
    }
    if total.is_infinite() {
        return Err(DurationError::TooLarge);
    }
    Ok(total)
    // END SOLUTION
}

/// Parse a duration into seconds; InvalidDuration naming the offending part.
#[pyfunction]
pub fn parse_duration(s: &str) -> PyResult<f64> {
    // BEGIN SOLUTION
    Ok(duration_seconds(s)?)
    // END SOLUTION
}

/// The Python module `errors_rs`.
#[pymodule]
#[pyo3(name = "errors_rs")]
mod errors {
    #[pymodule_export]
    use super::{
        InvalidDuration, InvalidVersion, Version, parse_duration, parse_version, sort_versions,
    };
}
