"""Chapter 06, errors: Result, ?, error enums, and Python exceptions raised from Rust."""

import random
import re
from typing import Any

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Call, Chapter, Example, Make, Task, approx

from . import baseline, peers
from .baseline import InvalidDuration, InvalidVersion


def strings_of(chars: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    """Strings of ``chars`` that keep the weights of a one_of (st.text would not)."""
    return st.lists(chars, max_size=max_size).map("".join)


def quoted(text: str) -> str:
    """A pattern for ``text`` between quotes: Python's repr() writes 'x', Rust's {:?} "x"."""
    return "[\"']" + re.escape(text) + "[\"']"


def mutated(texts: st.SearchStrategy[str], fragments: list[str]) -> st.SearchStrategy[str]:
    """A text with a fragment added at its end or anywhere, or one character deleted."""

    def insert(text: str, at: int, fragment: str) -> str:
        at = len(text) if at < 0 else at % (len(text) + 1)
        return text[:at] + fragment + text[at:]

    def delete(text: str, at: int) -> str:
        at = len(text) - 1 if at < 0 else at % (len(text) + 1)
        return text[:at] + text[at + 1 :]

    # -1 is the end: typos there (a trailing dot) deserve more than their share.
    position = st.one_of(st.just(-1), st.integers(0, 40))
    return st.one_of(
        st.builds(insert, texts, position, st.sampled_from(fragments)),
        st.builds(insert, texts, position, st.sampled_from(fragments)),
        st.builds(delete, texts, position),
    )


# ---------------------------------------------------------------- versions --

# Mostly small numbers, so that equal and nearly equal versions are common; a
# few with leading zeros, and the largest u64 (2**64 - 1).
version_number = st.one_of(
    st.integers(0, 3).map(str),
    st.integers(0, 3).map(str),
    st.sampled_from(["00", "01", "007", "10", "2026", "18446744073709551615"]),
)


def render_version(
    prefix: str,
    release: list[str],
    pre: tuple[str, str] | None,
    post: str | None,
    dev: str | None,
    case: str,
    around: tuple[str, str],
) -> str:
    text = prefix + ".".join(release)
    if pre is not None:
        text += pre[0] + pre[1]
    if post is not None:
        text += ".post" + post
    if dev is not None:
        text += ".dev" + dev
    if case == "upper":
        text = text.upper()
    elif case == "mixed":
        text = "".join(c.upper() if i % 2 else c for i, c in enumerate(text))
    return around[0] + text + around[1]


WHITESPACE = ["", "", "", " ", "\t", "\n ", "\x0b", "\x0c\r "]
# Versions of one release written in different ways, so that equal versions
# written differently (trailing zeros, case, a "v") meet often.
NEAR_VERSIONS = [
    "1", "1.0", "1.0.0", "V1.0", "1.00", "01", "1.0.1", "1.1",
    "1a0", "1.0a0", "1.0A0", "1.0rc1", "1.0.0RC1", "1.0.dev0", "1.dev0", "1.0.post0",
    "1.post0", "1.0.post0.dev0", "1.0a0.post0", "1.0a0.dev0",
]  # fmt: skip
any_version = st.builds(
    render_version,
    st.sampled_from(["", "", "", "v", "V"]),
    st.lists(version_number, min_size=1, max_size=4),
    st.none() | st.tuples(st.sampled_from(["a", "b", "rc"]), version_number),
    st.none() | version_number,
    st.none() | version_number,
    st.sampled_from(["lower", "lower", "upper", "mixed"]),
    st.tuples(st.sampled_from(WHITESPACE), st.sampled_from(WHITESPACE)),
)
valid_version = st.one_of(any_version, st.sampled_from(NEAR_VERSIONS))
# Fragments of full PEP 440 that the chapter's grammar leaves out (epochs, local
# versions, separators, spelled-out pre-releases), look-alike characters, and
# numbers above 2**64 - 1.
VERSION_FRAGMENTS = [
    ".", ".", "..", "-", "_", "+local", "1!", " ", "x", "c", "alpha", "rc", "post", "dev",
    ".post", ".dev", "a", "b", "0", "\u0661", "\xa0", "\u017f", "\x1c", "\u2028",
    "18446744073709551616", "99999999999999999999",
]  # fmt: skip
version_text = st.one_of(
    any_version,
    st.sampled_from(NEAR_VERSIONS),
    st.sampled_from(NEAR_VERSIONS),
    mutated(valid_version, VERSION_FRAGMENTS),
    mutated(valid_version, VERSION_FRAGMENTS),
    strings_of(st.sampled_from("0123456789..abcdeoprstvV -"), max_size=12),
)


def compare(v: Any, other: Any) -> tuple[bool, ...]:
    """Every comparison operator, and whether equal versions hash alike."""
    equal_hashes = v != other or hash(v) == hash(other)
    return (v == other, v != other, v < other, v <= other, v > other, v >= other, equal_hashes)


def compare_step(other: str) -> Call:
    return Call(compare, (Make((other,)),), label="compare")


version_steps = st.lists(
    st.one_of(
        st.sampled_from(
            [
                Call(str, label="str"),
                Call(repr, label="repr"),
                Call("release", None),
                Call("pre", None),
                Call("post", None),
                Call("dev", None),
            ]
        ),
        st.builds(compare_step, valid_version),
        st.builds(compare_step, valid_version),
    ),
    max_size=6,
)


def normalize_version(value: Any) -> Any:
    """A Version of either implementation as its normalized string; anything else as is."""
    return str(value) if type(value).__name__ == "Version" else value


# Every form the grammar refuses, printable, so that the message can be pinned.
INVALID_VERSIONS = [
    "",  # nothing
    "   ",  # nothing but whitespace
    "v",  # no release
    "1.0.",  # a trailing dot
    "1..0",  # an empty release segment
    ".1",  # a leading dot
    "1.0-rc1",  # a separator before the pre-release
    "1.0.rc1",
    "1.0rc",  # a pre-release without its number
    "1.0c1",  # "c" is PEP 440's spelling of rc, not ours
    "1.0alpha1",
    "1.0.post",  # a post-release without its number
    "1.0post1",  # a post-release without its dot
    "1.0-1",
    "1.0.dev",
    "1.0dev1",
    "1!2.0",  # an epoch
    "1.0+local",  # a local version
    "1.0.dev1.post1",  # the parts in the wrong order
    "1.0rc1a1",  # two pre-releases
    "vv1.0",
    "x1.0",
    "1.0 rc1",  # whitespace inside
    "18446744073709551616",  # 2**64: above the largest u64
    "1.0rc18446744073709551616",
    "1.0.post99999999999999999999",
]
# Invalid too, but quoted differently by repr() and {:?}: pinned by type only.
UNPRINTABLE_INVALID_VERSIONS = [
    "\u0661.0",  # an Arabic-Indic digit one
    "1.0.po\u017ft1",  # a long s, which re.IGNORECASE alone would match to s
    "\xa01.0",  # a no-break space, not in the stripped set
    "1.0\x1c",  # U+001C, which str.strip() would strip
]
VALID_VERSIONS = [
    "0",
    "1.0",
    "1.0.0.0.0",
    "v1.2.3",
    " V1.02RC3.POST04.DEV05 ",
    "\t1.0\x0b\x0c\r\n",
    "1.0a1",
    "1.0B2",
    "2.0rc1.post2.dev3",
    "1.0.dev0",
    "007.0010",
    "18446744073709551615",
    "0" * 30 + "1",  # leading zeros do not count
]
# Pairs that are equal, or in order, by the chapter's rules.
ORDERED_PAIRS = [
    ("1.0", "1.0.0"),
    ("1", "1.0.0.0"),
    ("v1.0", "1.0"),
    ("1.0.dev1", "1.0a1"),
    ("1.0a1.dev1", "1.0a1"),
    ("1.0a1", "1.0a1.post1.dev1"),
    ("1.0a2", "1.0b1"),
    ("1.0b1", "1.0rc1"),
    ("1.0rc1", "1.0"),
    ("1.0", "1.0.post1.dev1"),
    ("1.0.post1.dev1", "1.0.post1"),
    ("1.0.post1", "1.0.1.dev1"),
    ("1.0.9", "1.0.10"),
    ("1.01", "1.1"),
    ("0.9.9", "1"),
]


def pairs_input(pairs: list[tuple[str, str]]) -> list[str]:
    """Every version of ``pairs``, reversed, so that sorting has work to do."""
    return [v for pair in pairs for v in pair][::-1]


version_lists = st.one_of(
    st.lists(valid_version, max_size=8),
    # Now and then one string that may be invalid, anywhere in the list.
    st.builds(
        lambda vs, at, bad: [*vs[:at], bad, *vs[at:]],
        st.lists(valid_version, max_size=6),
        st.integers(0, 6),
        st.one_of(version_text, mutated(valid_version, VERSION_FRAGMENTS)),
    ),
)


def sort_by_parsing(parse: Any, versions: list[str]) -> list[str]:
    """The bench driver for parse_version: ``sorted(versions, key=parse)``."""
    return sorted(versions, key=parse)


def make_versions(size: int, seed: int) -> Args:
    """``size`` versions like those of a package's release history, shuffled."""
    rng = random.Random(seed)
    versions = []
    for _ in range(size):
        release = [rng.randrange(4), rng.randrange(30), rng.randrange(20)][
            : rng.choice([1, 2, 3, 3])
        ]
        text = ".".join(map(str, release))
        roll = rng.random()
        if roll < 0.15:
            text += f"{rng.choice(['a', 'b', 'rc'])}{rng.randrange(1, 4)}"
        elif roll < 0.20:
            text += f".post{rng.randrange(1, 3)}"
        if rng.random() < 0.05:
            text += f".dev{rng.randrange(5)}"
        versions.append(text)
    return (versions,)


# --------------------------------------------------------------- durations --

duration_number = st.one_of(
    st.integers(0, 99).map(str),
    st.builds("{}.{}".format, st.integers(0, 99), st.sampled_from(["0", "5", "25", "05", "001"])),
    st.sampled_from(["0", "007", "0.0", "1" * 25, "9" * 320]),
)
UNIT_NAMES = ["h", "m", "s", "ms"]
# One to four parts with distinct units, in order.
valid_duration = st.lists(
    st.tuples(st.integers(0, 3), duration_number),
    min_size=1,
    max_size=4,
    unique_by=lambda part: part[0],
).map(lambda parts: "".join(n + UNIT_NAMES[u] for u, n in sorted(parts)))
# Any units, in any order, repeats allowed.
shuffled_duration = st.lists(
    st.tuples(st.sampled_from(UNIT_NAMES), duration_number), min_size=1, max_size=4
).map(lambda parts: "".join(n + u for u, n in parts))
DURATION_FRAGMENTS = [
    ".", ".", "..", " ", "\t", "H", "M", "x", "d", "us", "\xb5s", "e5", "-", "+", "1", "h", "m",
    "ms", "hm", "\u0663", "\xe9",
]  # fmt: skip
duration_text = st.one_of(
    valid_duration,
    valid_duration,
    valid_duration,
    shuffled_duration,
    mutated(valid_duration, DURATION_FRAGMENTS),
    mutated(valid_duration, DURATION_FRAGMENTS),
    strings_of(st.sampled_from("0123456789..hmsx "), max_size=10),
)

# Each invalid form, with what its message must name.
INVALID_DURATIONS = [
    ("", "empty"),
    ("90", "missing unit after " + quoted("90")),
    ("1h30", "missing unit after " + quoted("30")),
    ("h", "expected a number at " + quoted("h")),
    ("1h 30m", "expected a number at " + quoted(" 30m")),
    (" 1h", "expected a number at " + quoted(" 1h")),
    ("1h ", "expected a number at " + quoted(" ")),
    ("-1h", "expected a number at " + quoted("-1h")),
    ("1h-", "expected a number at " + quoted("-")),
    ("1.h", "bad number " + quoted("1.")),
    (".5h", "bad number " + quoted(".5")),
    ("1.2.3s", "bad number " + quoted("1.2.3")),
    ("1..5m", "bad number " + quoted("1..5")),
    ("5x", "unknown unit " + quoted("x")),
    ("1H", "unknown unit " + quoted("H")),
    ("2d", "unknown unit " + quoted("d")),
    ("1hm", "unknown unit " + quoted("hm")),
    ("1e5s", "unknown unit " + quoted("e")),
    ("1h2h", "repeated unit " + quoted("h")),
    ("1ms2ms", "repeated unit " + quoted("ms")),
    ("30m1h", "unit " + quoted("h") + " after " + quoted("m")),
    ("1ms1s", "unit " + quoted("s") + " after " + quoted("ms")),
    ("1s1m1h", "unit " + quoted("m") + " after " + quoted("s")),
    ("9" * 400 + "s", "too large"),
    ("9" * 306 + "h", "too large"),
    # Two problems: the first one from the left is the one reported.
    ("1h1h5x", "repeated unit " + quoted("h")),
    ("5x1h1h", "unknown unit " + quoted("x")),
    ("1.h5x", "bad number " + quoted("1.")),
    ("30m1h 5", "unit " + quoted("h") + " after " + quoted("m")),
    ("1h 30", "expected a number at " + quoted(" 30")),
]
VALID_DURATIONS = [
    "1h30m",
    "90s",
    "2h",
    "1h2m3s",
    "1.5h",
    "0s",
    "0.0ms",
    "007m",
    "250ms",
    "2m250ms",
    "1h1ms",
    "1.25h0.5m0.75s500.5ms",
    "9" * 300 + "h",
]

CHAPTER = Chapter(
    number=6,
    slug="errors",
    title="Errors: Result, ? and exceptions",
    module="errors_rs",
    minutes=60,
    tasks=[
        Task(
            name="parse_version",
            summary="parse a version (a PEP 440 subset) into an ordered, hashable Version; "
            "InvalidVersion otherwise",
            baseline=baseline.parse_version,
            strategy=st.tuples(version_text),
            steps=version_steps,
            normalize=normalize_version,
            examples=[Example((text,)) for text in INVALID_VERSIONS + UNPRINTABLE_INVALID_VERSIONS]
            + [
                Example(
                    (text,),
                    steps=[Call(str, label="str"), Call("release", None), Call("pre", None)],
                )
                for text in VALID_VERSIONS
            ]
            + [
                Example((a,), steps=[compare_step(b), compare_step(a), Call(str, label="str")])
                for a, b in ORDERED_PAIRS
            ],
            max_examples=300,
            # The same sort as sort_versions, with the key computed by parse_version:
            # one call into Rust per version and one per comparison.
            bench=Bench(
                make_input=make_versions,
                sizes=[100, 10_000],
                size_label="versions",
                driver=sort_by_parsing,
                min_speedup=3.5,
                peers=peers.SORT_VERSIONS,
                # The three-way split: benches/core.rs reads the largest list, one
                # version a line, and sorts the parsed Versions.
                criterion="parse_version/rust",
                core_input=lambda versions: "\n".join(versions).encode(),
            ),
            hints=[
                "Write `Version::parse(input: &str) -> Result<Version, VersionError>` as plain "
                "Rust, returning `Err(VersionError::Syntax(input.to_string()))` wherever the "
                "grammar fails. Then `impl From<VersionError> for PyErr` with "
                "`InvalidVersion::new_err(err.to_string())`, and `parse_version` is "
                "`Ok(Version::parse(s)?)`.",
                "Parse left to right with a `rest: &str` that shrinks: trim the six whitespace "
                "characters (`trim_matches([' ', '\\t', '\\n', '\\r', '\\x0b', '\\x0c'])`; not "
                "`trim()`, which strips U+00A0 too), `strip_prefix(['v', 'V'])`, then numbers "
                "separated by dots, the optional pre-release, `.post` and `.dev` parts, and "
                "finally require `rest.is_empty()`. A number is the leading ASCII digits; "
                "`digits.parse::<u64>()` can then only fail when the value is too large.",
                "Order and equality: `key()` trims trailing zeros from the release "
                "(`rposition(|&n| n != 0)`) and returns "
                "`Key { release, phase, post, dev }`, whose derived `Ord` compares field by "
                "field. `phase` is `Phase::Pre(kind, n)` when there is a pre-release, "
                "`Phase::Dev` for a `.devN` with no pre- or post-release, else "
                "`Phase::Release`; `dev` is `DevKey::Dev(n)` or `DevKey::Absent`. `Display` "
                "writes the numbers joined by dots, then `a1`/`b1`/`rc1`, `.postN`, `.devN`.",
            ],
        ),
        Task(
            name="sort_versions",
            summary="sort version strings by version order; InvalidVersion for the first "
            "string that is not one",
            baseline=baseline.sort_versions,
            strategy=st.tuples(version_lists),
            examples=[
                Example((["1.0", text, "2.0"],), raises=InvalidVersion, match=quoted(text))
                for text in INVALID_VERSIONS
            ]
            + [
                Example((["1.0", text],), raises=InvalidVersion)
                for text in UNPRINTABLE_INVALID_VERSIONS
            ]
            + [
                # The first string that is not a version is the one reported.
                Example((["1.0.", "2..0"],), raises=InvalidVersion, match=quoted("1.0.")),
                Example(([],)),
                Example((pairs_input(ORDERED_PAIRS),)),
                # Equal versions keep their order: sorted() is stable.
                Example((["1.0.0", "2", "1", "v1.0", "1.0"],)),
                Example((["1.0", "1.0.0", "1"],), expected=["1.0", "1.0.0", "1"]),
                Example((VALID_VERSIONS,)),
            ],
            bench=Bench(
                make_input=make_versions,
                sizes=[100, 10_000],
                size_label="versions",
                min_speedup=6.0,
                peers=peers.SORT_VERSIONS,
                peer_floors={peers.PACKAGING: 5.0},
                # The three-way split: benches/core.rs reads the largest list, one
                # version a line, parses them and sorts their keys.
                criterion="sort_versions/rust",
                core_input=lambda versions: "\n".join(versions).encode(),
            ),
            hints=[
                "Parse every string first, then sort. `s.to_str()?` lends the text of a "
                "`Bound<PyString>` as a `&str`; keep each `Version` in a tuple with its string, "
                "so that you can return the very strings you were given.",
                "An iterator of `Result`s collects into a `Result`: "
                "`.map(|s| Ok((Version::parse(s.to_str()?)?, s))).collect::<PyResult<Vec<_>>>()?` "
                "stops at the first error. In the closure, `?` turns both the PyErr of `to_str` "
                "and your VersionError (through your `From` impl) into a PyErr.",
                "`parsed.sort_by(|a, b| a.0.cmp(&b.0))` is stable, like sorted(): equal versions "
                "keep their order (`sort_unstable_by` would not). Then "
                "`Ok(parsed.into_iter().map(|(_, s)| s).collect())`.",
            ],
        ),
        Task(
            name="parse_duration",
            summary="seconds in a duration such as 1h30m; InvalidDuration naming the "
            "offending part",
            baseline=baseline.parse_duration,
            strategy=st.tuples(duration_text),
            compare=approx(),
            examples=[Example((text,)) for text in VALID_DURATIONS]
            + [
                Example(("1h30m",), expected=5400.0),
                Example(("2m250ms",), expected=120.25),
            ]
            + [
                Example((text,), raises=InvalidDuration, match=pattern)
                for text, pattern in INVALID_DURATIONS
            ]
            + [
                Example(("\u0663h",), raises=InvalidDuration),  # an Arabic-Indic three
                Example(("1\xb5s",), raises=InvalidDuration),  # a micro sign
                Example(("1\u212as",), raises=InvalidDuration),  # a Kelvin sign
            ],
            max_examples=300,
            hints=[
                "Write `duration_seconds(s: &str) -> Result<f64, DurationError>` in plain "
                "Rust: each way the text can be wrong is a variant, and `Display` turns a "
                "variant into its message. `parse_duration` is then `Ok(duration_seconds(s)?)` "
                "once `impl From<DurationError> for PyErr` exists.",
                "Loop over `rest: &str`: the number is the longest prefix of ASCII digits and "
                "dots (`rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))`), the unit "
                "the longest run of ASCII letters after it. Check them in the order of the "
                "chapter's table, returning the first error found.",
                'Check the number\'s shape yourself: `"1.".parse::<f64>()` and '
                '`".5".parse::<f64>()` both succeed in Rust. Keep the index of the last unit '
                'in `["h", "m", "s", "ms"]`: the same index is a repeat, a smaller one '
                "is out of order. Add `value * seconds_per_unit` to the total, and refuse an "
                "infinite total at the end.",
            ],
        ),
    ],
)
