"""Chapter 03, strings: &str and String, UTF-8, and what Python means by whitespace."""

import random
import string

from hypothesis import strategies as st

from bench_harness.spec import Bench, Chapter, Example, Task

from . import baseline, peers

# Every character that str.isspace() accepts, which is what str.split() splits on
# (Python 3.11, Unicode 14): Rust's char::is_whitespace plus U+001C..U+001F, the
# four ASCII "information separators". Python has no whitespace above U+3000.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
assert set(WHITESPACE) == {c for c in map(chr, range(0x3001)) if c.isspace()}

# Word characters: a few letters (so that words repeat), multi-byte ones (2, 3 and
# 4 bytes in UTF-8), and characters that look like separators but are not
# whitespace to either language: NUL, ESC, DEL, U+180E, U+200B and U+FEFF.
WORD_CHARS = "abcA\xe9\xdf\u0130\u03a3\u0436\u4e2d\U0001f600\x00\x1b\x7f\u180e\u200b\ufeff"


def strings_of(
    chars: st.SearchStrategy[str], max_size: int | None = None
) -> st.SearchStrategy[str]:
    """Strings of ``chars``. Not st.text(chars): it merges a one_of of characters into
    one set drawn uniformly, and the weights below would be lost."""
    return st.lists(chars, max_size=max_size).map("".join)


# Half word characters, half whitespace, so that runs of mixed separators are common.
words_text = strings_of(st.one_of(st.sampled_from(WORD_CHARS), st.sampled_from(WHITESPACE)))

# The alphabet is_palindrome is checked on. Across these ranges, and the upper-case
# forms of their characters, Python's c.isalnum() agrees with Rust's
# char::is_alphanumeric() and c.lower() with char::to_lowercase(). Outside them
# they part: Rust's Unicode is newer, and Rust also calls some combining marks
# (Hebrew, Arabic and Indic vowel signs) and circled letters alphanumeric.
PALINDROME_RANGES = [
    (0x0000, 0x02FF),  # ASCII, Latin-1, Latin Extended-A and -B, IPA
    (0x0370, 0x052F),  # Greek and Coptic, Cyrillic
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2000, 0x218F),  # punctuation, super- and subscripts, letterlike symbols, number forms
    (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
    (0x4E00, 0x4FFF),  # some CJK ideographs
    (0xFF00, 0xFFEF),  # fullwidth forms
]
palindrome_chars = st.one_of(
    # Half the time a usual suspect: 'İ' lowers to two chars, 'Σ' has a final form.
    st.sampled_from("aA1 ,\xdf\u0130\u03a3\u03c3\u03c2"),
    st.one_of([st.characters(min_codepoint=lo, max_codepoint=hi) for lo, hi in PALINDROME_RANGES]),
)


def _mirrored(half: str, middle: str, shout: bool) -> str:
    """A text that is a palindrome, or nearly: Unicode upper-casing can change letters."""
    tail = half[::-1]
    return half + middle + (tail.upper() if shout else tail)


palindrome_text = st.one_of(
    strings_of(palindrome_chars),
    st.builds(
        _mirrored,
        strings_of(palindrome_chars),
        strings_of(palindrome_chars, max_size=2),
        st.booleans(),
    ),
)


def make_words(size: int, seed: int) -> tuple[str]:
    """``size`` ASCII words drawn Zipf-like from a vocabulary of 4000, between mixed
    whitespace: spaces mostly, some newlines and tabs."""
    rng = random.Random(seed)
    vocabulary: dict[str, None] = {}
    while len(vocabulary) < 4000:
        length = min(1 + int(rng.expovariate(1 / 5)), 14)
        vocabulary["".join(rng.choices(string.ascii_lowercase, k=length))] = None
    words = list(vocabulary)
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    drawn = rng.choices(words, weights=weights, k=size)
    separators = rng.choices([" ", "  ", "\n", "\t", " \n", "\n\n"], [85, 3, 6, 3, 2, 1], k=size)
    return ("".join(w + s for w, s in zip(drawn, separators, strict=True)),)


# Whitespace-only texts and the edges of whitespace, shared by both splitting tasks.
SPLIT_EDGES = [
    "",
    "   ",
    " \t\n\r\x0b\x0c ",
    "\x1c",
    "a\x1cb\x1dc\x1ed\x1fe",
    "a\u3000b\xa0a\u2028b\x85c",
    "a\u200bb \u180e \ufeff",
    "  leading and trailing  ",
    "one",
]

CHAPTER = Chapter(
    number=3,
    slug="strings",
    title="Strings: &str, String and UTF-8",
    module="strings_rs",
    minutes=60,
    tasks=[
        Task(
            name="count_words",
            summary="count each whitespace-separated word, splitting exactly like str.split()",
            baseline=baseline.count_words,
            strategy=st.tuples(words_text),
            examples=[Example((text,)) for text in SPLIT_EDGES]
            + [
                Example(
                    ("the cat and the hat\nthe end",),
                    expected={"the": 3, "cat": 1, "and": 1, "hat": 1, "end": 1},
                ),
                Example(("na\xefve caf\xe9 na\xefve \U0001f600 \U0001f600",)),
                Example(("stra\xdfe STRASSE strasse",)),
                Example(("\u0130stanbul istanbul \u0130STANBUL",)),
            ],
            bench=Bench(
                make_input=make_words,
                sizes=[1_000, 100_000, 1_000_000],
                size_label="words",
                min_speedup=4.0,
                peers={"Counter": peers.counter},
                peer_floors={"Counter": 1.5},
                # The three-way split: benches/core.rs reads the largest text as UTF-8.
                criterion="count_words/rust",
                core_input=str.encode,
            ),
            hints=[
                "str.split() and Rust's split_whitespace() disagree on four characters, "
                "U+001C to U+001F, which Python calls whitespace and Rust does not. Write "
                "`is_py_whitespace(c)` first: `char::is_whitespace` plus those four.",
                "`text.split(is_py_whitespace)` splits at every separator, so a run of them "
                "leaves empty pieces: `.filter(|word| !word.is_empty())` drops them. What is "
                "left are exactly Python's words, as `&str` slices of `text`: nothing copied.",
                "Count into a `HashMap<&str, usize>` with `*counts.entry(word).or_insert(0) += 1` "
                "and return the map itself: PyO3 turns it into a dict, making one Python str per "
                "distinct word rather than one per occurrence.",
            ],
        ),
        Task(
            name="reverse_words",
            summary="the words in reverse order joined by single spaces, like str.split()",
            baseline=baseline.reverse_words,
            strategy=st.tuples(words_text),
            examples=[Example((text,)) for text in SPLIT_EDGES]
            + [
                Example(("hello   world\n",), expected="world hello"),
                Example(("na\xefve\u3000caf\xe9\x1f\U0001f600",)),
                Example(("stra\xdfe\xa0\u0130stanbul",), expected="\u0130stanbul stra\xdfe"),
            ],
            hints=[
                "Split like Python with `text.split(is_py_whitespace)` and drop the empty "
                "pieces that runs of whitespace leave behind.",
                "Collect the words into a `Vec<&str>`: no word is copied yet, each is a slice "
                "of `text`. `.rev()` on the iterator (or `words.reverse()`) turns them round.",
                '`words.join(" ")` builds the one String that goes back to Python: '
                '`let mut words: Vec<&str> = ...collect(); words.reverse(); words.join(" ")`.',
            ],
        ),
        Task(
            name="is_palindrome",
            summary="do the letters and digits read the same backwards, ignoring case",
            baseline=baseline.is_palindrome,
            strategy=st.tuples(palindrome_text),
            examples=[
                Example(("",)),
                Example(("   ",)),
                Example(("\x1c\x1d\x1e\x1f",), expected=True),
                Example(("\x1ca\x1db\x1eB\x1fA",), expected=True),
                Example(("A man, a plan, a canal: Panama",), expected=True),
                Example(("race a car",), expected=False),
                Example(("\xc9sope reste ici et se repose",), expected=False),
                Example(("No 'x' in Nixon",), expected=True),
                Example(("\xdf\xdf",), expected=True),
                Example(("SS\xdf",)),
                Example(("\u0130",), expected=False),  # 'İ' lowers to 'i' + U+0307
                Example(("\u0130i",)),
                # Per character, capital sigma lowers to U+03C3; str.lower() and Rust's
                # str::to_lowercase give the final form U+03C2 at the end of a word.
                Example(("\u03a3\u0391\u03a3",), expected=True),
                Example(("\u03c3\u03b1\u03c2",), expected=False),
                Example(("\u0436\u0416",), expected=True),
                Example(("12\u00b2\u00b2 21",)),
                Example(("\u3000a\xa0A\x1c",), expected=True),
            ],
            hints=[
                "Work on chars, not bytes: `text.chars()` decodes UTF-8 into Unicode scalar "
                "values. Keep those with `c.is_alphanumeric()`.",
                "Lower-casing one char can give several (`'\\u{130}'` gives 'i' and U+0307), so "
                "`char::to_lowercase` returns an iterator: use `flat_map`, not `map`.",
                "`let kept: Vec<char> = text.chars().filter(|c| c.is_alphanumeric())"
                ".flat_map(char::to_lowercase).collect();` then compare "
                "`kept.iter().eq(kept.iter().rev())`.",
            ],
        ),
    ],
)
