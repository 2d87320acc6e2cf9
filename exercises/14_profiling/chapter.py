"""Chapter 14, profiling: measure first, then make a given slow Rust function fast."""

from bisect import bisect_right
from typing import Any

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Chapter, Example, Task

from . import baseline, peers

# Every character that str.isspace() accepts, which is what str.split() splits on
# (as in chapter 03): Rust's char::is_whitespace plus U+001C..U+001F.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
assert set(WHITESPACE) == {c for c in map(chr, range(0x3001)) if c.isspace()}

# Few word characters, so that words and n-grams repeat; some take 2, 3 and 4 bytes
# in UTF-8, and U+200B (zero width space) and NUL look like separators but are not.
WORD_CHARS = "aab\xe9\u4e2d\U0001f600\u200b\x00"

# Spaces mostly, and now and then any other whitespace; words of one to three
# characters. Built with st.lists(...).map("".join) so that the weights hold.
separators = st.one_of(st.just(" "), st.just(" "), st.sampled_from(WHITESPACE))
words = st.lists(st.sampled_from(WORD_CHARS), min_size=1, max_size=3).map("".join)
texts = st.lists(st.tuples(words, separators).map("".join), max_size=40).map("".join)
text_and_n = st.tuples(texts, st.integers(min_value=-1, max_value=5))


def same_counts(expected: Any, got: Any) -> bool:
    """A dict (not a Counter, not another mapping) with the same keys and int counts."""
    return (
        type(got) is dict
        and all(type(count) is int for count in got.values())
        and got == dict(expected)
    )


SYLLABLES = (
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo",
    "be", "da", "gu", "ho", "ji", "pe", "so", "ze",
)  # fmt: skip
VOCABULARY = 100
# A roll of 0..99 picks the separator after a word: 85 in 100 a space.
SEPARATORS = [" "] * 85 + ["\n"] * 7 + ["  "] * 4 + ["\t"] * 3 + ["\n\n"]
MASK = (1 << 64) - 1


def make_text(size: int, seed: int) -> str:
    """``size`` ASCII characters of words drawn by Zipf's law from a vocabulary of a
    hundred, between spaces mostly, some newlines, double spaces and tabs.

    Written step for step like ``make_text`` in the crate's ``benches/ngrams.rs``,
    so that criterion times the cores on this very text: integers only, a linear
    congruential generator (Knuth's MMIX constants) and the top 31 bits of each state.
    """
    # The word of rank r spells r in base 16, one syllable per digit.
    words = []
    for rank in range(1, VOCABULARY + 1):
        word, k = "", rank
        while k:
            k, digit = divmod(k, 16)
            word += SYLLABLES[digit]
        words.append(word)
    # Zipf's law: the word of rank r has weight 1/r (in integers, 1_000_000 // r).
    cumulative, total = [], 0
    for rank in range(1, VOCABULARY + 1):
        total += 1_000_000 // rank
        cumulative.append(total)
    state = seed
    parts: list[str] = []
    length = 0
    while length < size:
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        word = words[bisect_right(cumulative, (state >> 33) % total)]
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        sep = SEPARATORS[(state >> 33) % 100]
        parts += (word, sep)
        length += len(word) + len(sep)
    return "".join(parts)[:size]


def bigrams_input(size: int, seed: int) -> Args:
    return (make_text(size, seed), 2)


def utf8_bytes(text: str, n: int) -> int:
    return len(text.encode())


CHAPTER = Chapter(
    number=14,
    slug="profiling",
    title="Profiling: measure, then make it fast",
    module="profiling_rs",
    minutes=60,
    tasks=[
        Task(
            name="ngram_counts",
            summary="count word n-grams at least three times as fast as the given slow Rust",
            baseline=baseline.ngram_counts,
            strategy=text_and_n,
            compare=same_counts,
            examples=[
                Example(("", 1), expected={}),
                Example((" \t\n ", 2), expected={}),
                Example(("one", 1), expected={"one": 1}),
                Example(("one", 2), expected={}),
                Example(("x y z", 100), expected={}),
                Example(
                    ("the cat and the hat\nthe cat sat", 2),
                    expected={
                        "the cat": 2,
                        "cat and": 1,
                        "and the": 1,
                        "the hat": 1,
                        "hat the": 1,
                        "cat sat": 1,
                    },
                ),
                Example(("a a a a", 2), expected={"a a": 3}),
                Example(("  a  b\tc\n\nd  ", 3), expected={"a b c": 1, "b c d": 1}),
                # Python splits at U+001C..U+001F, Rust's split_whitespace() does not.
                Example(("a\x1cb\x1fa\x1db", 2), expected={"a b": 2, "b a": 1}),
                Example(("a\u3000b\xa0a\u2028b\x85a", 2)),
                # Zero width space and NUL are no whitespace to either language.
                Example(("a\u200bb c\x00", 1), expected={"a\u200bb": 1, "c\x00": 1}),
                Example(("na\xefve caf\xe9 na\xefve caf\xe9 \U0001f600", 2)),
                Example(("a b", 0), raises=ValueError, match="at least 1"),
                Example(("a b", -3), raises=ValueError, match="at least 1"),
            ],
            bench=Bench(
                make_input=bigrams_input,
                sizes=[1_000, 100_000, 1_000_000],
                size_label="characters",
                min_speedup=3.0,
                peers={"Counter of slices": peers.counter_of_slices},
                rust_peers={"slow Rust": lambda module: module.ngram_counts_slow},
                peer_floors={"slow Rust": 3.0},
                bytes_of=utf8_bytes,
                # The three-way split: benches/ngrams.rs times the pure Rust core on
                # the same text (make_text is written step for step in both languages).
                criterion="ngram_counts/fast",
            ),
            hints=[
                "Measure before you change anything: `cargo bench -p profiling-exercise "
                "--bench ngrams` times the slow core on the benchmark's own text (the fast "
                "one panics until you write it). Then copy the slow body into `ngram_counts` "
                "and change one thing at a time, running the bench after each change.",
                "Per window the slow code clones n Strings and a Vec (`to_vec`), allocates "
                "one more String (`join`), hashes the key twice with SipHash and clones it "
                "once more when it is new. Keep the words as a `Vec<&str>` of slices of "
                "`text`; `words.windows(n)` gives each window as a `&[&str]`, which can be "
                "the key itself: `FxHashMap<&[&str], u64>`, no String per window at all.",
                "Count with one lookup, `*counts.entry(window).or_insert(0) += 1`, then make "
                "one String per distinct n-gram: `counts.into_iter().map(|(window, count)| "
                '(window.join(" "), count)).collect()`. Still short? Number the words first '
                "(an `FxHashMap<&str, u32>`) and count windows of numbers.",
            ],
        ),
    ],
)
