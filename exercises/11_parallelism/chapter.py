"""Chapter 11, parallelism: releasing the GIL, rayon, and what Send and Sync allow."""

import random
import string
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Chapter, Example, Task

from . import baseline, peers

# Every character that str.isspace() accepts (chapter 3): what str.split() splits on.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
# A few letters (so that words repeat), multi-byte characters and look-alikes of
# whitespace that are not whitespace to either language (NUL, U+200B, U+FEFF).
WORD_CHARS = "abcA\xe9\u0436\u4e2d\U0001f600\x00\u200b\ufeff"

# Half word characters, half whitespace. Not st.text(chars): it would draw from
# the union of both sets uniformly, and whitespace would be rare.
text = st.lists(st.one_of(st.sampled_from(WORD_CHARS), st.sampled_from(WHITESPACE))).map("".join)
docs = st.lists(text, max_size=8)


def words(size: int, seed: int) -> list[str]:
    """``size`` ASCII words, each followed by whitespace (spaces mostly, some newlines
    and tabs), drawn Zipf-like from a vocabulary of 4000, as in chapter 3."""
    rng = random.Random(seed)
    vocabulary: dict[str, None] = {}
    while len(vocabulary) < 4000:
        length = min(1 + int(rng.expovariate(1 / 5)), 14)
        vocabulary["".join(rng.choices(string.ascii_lowercase, k=length))] = None
    ranked = list(vocabulary)
    weights = [1 / rank for rank in range(1, len(ranked) + 1)]
    drawn = rng.choices(ranked, weights=weights, k=size)
    separators = rng.choices([" ", "  ", "\n", "\t", " \n", "\n\n"], [85, 3, 6, 3, 2, 1], k=size)
    return [w + s for w, s in zip(drawn, separators, strict=True)]


def make_docs(size: int, seed: int, count: int) -> list[str]:
    """``size`` words in ``count`` documents of (nearly) equal length."""
    drawn = words(size, seed)
    step = -(-size // count)
    return ["".join(drawn[start : start + step]) for start in range(0, size, step)]


def many_docs(size: int, seed: int) -> Args:
    # Documents of about a thousand words: many small jobs for rayon to share out.
    return (make_docs(size, seed, max(1, size // 1000)),)


def few_docs(size: int, seed: int) -> Args:
    # Eight long documents whatever the size: one call of the function, in a thread,
    # per document. Each call builds a dict of its document's distinct words with the
    # GIL held; long documents keep that serial part small next to the counting.
    return (make_docs(size, seed, 8),)


def doc_bytes(docs: list[str]) -> int:
    return sum(len(doc) for doc in docs)  # ASCII: one byte per character


def image(size: int, seed: int) -> Args:
    # A square image of the square [-2, 1] x [-1.5, 1.5]; no randomness to seed.
    return (size, size, 100)


def threaded(fn: Any, docs: list[str]) -> list[Any]:
    """The count_words benchmark: ``fn`` on every document, in ``threads()`` Python threads."""
    return peers.in_threads(fn, docs)


def sequentially(fn: Any) -> Any:
    """A peer that calls ``fn`` on every document, one after the other, in one thread."""
    return lambda docs: [fn(doc) for doc in docs]


def gil_in_threads(module: ModuleType) -> Any:
    """A peer that calls count_words_gil on every document in threads: Rust that keeps
    the GIL is serialised like Python."""
    return lambda docs: peers.in_threads(module.count_words_gil, docs)


CHAPTER = Chapter(
    number=11,
    slug="parallelism",
    title="Parallelism: the GIL, rayon, Send and Sync",
    module="parallelism_rs",
    minutes=60,
    tasks=[
        Task(
            name="count_words_many",
            summary="count the words of many documents on every core, the GIL released",
            baseline=baseline.count_words_many,
            strategy=st.tuples(docs),
            examples=[
                Example(([],), expected={}),
                Example(([""],), expected={}),
                Example((["", "  ", "\x1c\x1d"],), expected={}),
                Example((["the cat", "the hat\nthe end"],)),
                Example((("a b", "b\u3000c", "c\x1fc"),)),
                Example((["na\xefve caf\xe9", "caf\xe9 \U0001f600"] * 50,)),
                # A str is a sequence of str, but PyO3 refuses to make a Vec of one.
                Example(("a b c",), raises=TypeError),
                Example((["a b", 7],), raises=TypeError),
                Example((["a", b"b"],), raises=TypeError),
            ],
            bench=Bench(
                make_input=many_docs,
                sizes=[10_000, 2_000_000],
                size_label="words",
                min_speedup=4.0,
                peers=peers.COUNT_WORDS_MANY,
                rust_peers={"Rust, one thread": lambda m: m.count_words_many_seq},
                bytes_of=doc_bytes,
                # Judged on the scaling runs, as mandelbrot's (see there).
                scaling=True,
                scaling_floor=1.7,
            ),
            hints=[
                "The counting itself is given (`count_into`). What is left: hand the documents "
                "to rayon inside `py.detach(|| ...)`, and build the dict after it returns. "
                "`docs.par_iter()` (from `rayon::prelude::*`) hands each thread `&PyBackedStr` "
                "items, which deref to `&str`.",
                "Give each thread its own map and merge the maps at the end: "
                "`.fold(HashMap::new, |mut counts, doc| { count_into(&mut counts, doc); counts })` "
                "makes one map per rayon job; `.reduce(HashMap::new, merge)` adds them up "
                "pairwise, where `merge` adds every `(word, n)` of one map into the other.",
                "`let counts = py.detach(|| docs.par_iter().fold(...).reduce(...));` then "
                "`counts.into_py_dict(py)`. rayon makes more jobs than threads, and each job's "
                "map costs a merge: `.with_min_len(docs.len().div_ceil(2 * "
                "rayon::current_num_threads()).max(1))` before `.fold` caps them at two per "
                "thread.",
            ],
        ),
        Task(
            name="count_words",
            summary="count the words of one text with the GIL released, so that threads scale",
            baseline=baseline.count_words,
            strategy=st.tuples(text),
            examples=[
                Example(("",), expected={}),
                Example(("\x1c \x1f\u3000",), expected={}),
                Example(("the cat and the hat\nthe end",)),
                Example(("na\xefve\u3000caf\xe9\x85na\xefve \U0001f600",)),
                Example((b"a b",), raises=TypeError),
            ],
            bench=Bench(
                make_input=few_docs,
                sizes=[100_000, 2_000_000],
                size_label="words",
                min_speedup=4.0,
                driver=threaded,
                peers=peers.COUNT_WORDS,
                rust_peers={
                    "Rust, one thread": lambda m: sequentially(m.count_words_gil),
                    "Rust holding the GIL, threads": gil_in_threads,
                },
                bytes_of=doc_bytes,
                # Lower than the rayon tasks' 1.7: each call builds its dict with the GIL
                # held, one thread at a time (about 8% of the one-thread time on this input),
                # which caps two threads at about 1.85x (Amdahl). The scaling runs size
                # the driver's thread pool with threads().
                scaling=True,
                scaling_floor=1.5,
            ),
            hints=[
                "The counting is given: `count_words_gil(text)` does it while holding the GIL. "
                "Your function must do the same work with the GIL released.",
                "`py.detach(f)` lets go of the GIL, runs the closure `f` and takes the GIL "
                "back. The closure may capture only what is Send: `text: &str` is, a "
                "`Bound<PyString>` or `Python<'py>` is not.",
                "The whole body: `py.detach(|| count_words_gil(text))`. The map it returns "
                "borrows from `text` (lifetime `'a`), which outlives the call.",
            ],
        ),
        Task(
            name="mandelbrot",
            summary="an image of the Mandelbrot set, its rows computed on every core",
            baseline=baseline.mandelbrot,
            strategy=st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(0, 255)),
            examples=[
                Example((0, 0, 10), expected=b""),
                Example((0, 5, 10), expected=b""),
                Example((5, 0, 10), expected=b""),
                Example((1, 1, 0), expected=b"\x00"),
                Example((1, 1, 255)),
                Example((3, 2, 255)),
                Example((40, 30, 50)),
                Example((64, 48, 255)),
                Example((-1, 2, 3), raises=OverflowError),
                Example((2, 2, 256), raises=OverflowError),
                Example((2, 2, -1), raises=OverflowError),
                Example((2.0, 2, 3), raises=TypeError),
            ],
            bench=Bench(
                make_input=image,
                sizes=[50, 200],
                size_label="side",
                min_speedup=30.0,
                peers=peers.MANDELBROT,
                rust_peers={"Rust, one thread": lambda m: m.mandelbrot_seq},
                # Judged on the scaling runs (Rust alone, 1 then 2 threads): interleaved
                # with the thread and process pools of the peers, a parallel batch can
                # find a core still taken by the scheduler's last decision.
                scaling=True,
                scaling_floor=1.7,
            ),
            hints=[
                "Allocate the image as `vec![0u8; width * height]`; each row is a slice "
                "`&mut [u8]` of `width` bytes that `mandelbrot_row` (given) fills.",
                "`image.par_chunks_mut(width)` yields the rows as disjoint `&mut [u8]`, which "
                "rayon may hand to different threads; `.enumerate()` adds each row's number. "
                "`chunks_mut(0)` panics: an image zero pixels wide has nothing to compute.",
                "Inside `py.detach(|| ...)`: `image.par_chunks_mut(width).enumerate()"
                ".for_each(|(row, pixels)| mandelbrot_row(pixels, row, height, max_iter))`, "
                "guarded by `if width > 0`; then `PyBytes::new(py, &image)`.",
            ],
        ),
    ],
)
