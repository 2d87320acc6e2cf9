"""Chapter 08, iterators: closures, adaptors, laziness, and a Rust iterator driven by Python."""

import random
from collections import deque
from typing import Any

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Call, Chapter, Example, Task

from . import baseline, peers

I64_MIN, I64_MAX = -(2**63), 2**63 - 1


def take_rest(tokenizer: Any) -> list[Any]:
    """``list(x)``: every token not yet taken."""
    return list(tokenizer)


NEXT = Call(next, label="next")
REST = Call(take_rest, label="list")


def normalize(value: Any) -> Any:
    """The object itself (what the constructor returns) compares by its class name;
    tokens and lists of tokens compare as they are, tuples and all."""
    return "<Tokenizer>" if type(value).__name__ == "Tokenizer" else value


def strings_of(chars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Strings of ``chars``, keeping the weights of a one_of (st.text would not)."""
    return st.lists(chars).map("".join)


# Few letters and digits, so that runs form; the five skipped ASCII spaces; ASCII
# punctuation; and the traps: \x0b (whitespace to str.isspace, not to Rust's
# is_ascii_whitespace), non-ASCII letters, digits and spaces (punct here), and
# characters of 2, 3 and 4 bytes in UTF-8 (where byte and character offsets part).
token_text = strings_of(
    st.one_of(
        st.sampled_from("abzXY_"),
        st.sampled_from("abzXY_"),
        st.sampled_from("0179"),
        st.sampled_from(" \t\n\r\x0c"),
        st.sampled_from(" \t\n\r\x0c"),
        st.sampled_from(".,;:()+-=*'\"#"),
        st.sampled_from(
            "\x0b\x00\x1c\x7f\xe9\xdf\xa0\u0130\u0301\u0663\u00b2\u2167\u3000\u4e2d\U0001f600"
        ),
    )
)

token_steps = st.lists(st.sampled_from([NEXT, NEXT, NEXT, REST]), max_size=12)


def scenario(text: str, *steps: Call) -> Example:
    """A fixed scenario: ``Tokenizer(text)``, ``steps``, then ``list(x)`` and ``next(x)``,
    which must agree once the tokens are used up as well."""
    return Example((text,), steps=[*steps, REST, NEXT, NEXT])


def last_token(cls: Any, text: str) -> deque[Any]:
    """The timed work: stream every token of the text through the class's iterator,
    keeping only the last one (itertools' "consume" recipe: the loop runs in C, and
    each token is freed as the next arrives, as in a program that processes a
    stream). The last token carries the last offset: a check at scale."""
    return deque(cls(text), maxlen=1)


VOCABULARY = [
    "the", "a", "of", "to", "and", "in", "is", "for", "x", "i", "self", "value",
    "return", "result", "count_words", "tokenizer", "HTTP", "Data2", "_private",
    "caf\xe9", "na\xefve", "r\xe9sum\xe9", "item_3",
]  # fmt: skip
PUNCTUATION = list(".,;:()[]{}=+-*/<>'\"#!?")
ODD = ["\u2014", "\xa0", "\u4e2d", "\U0001f600", "\u20ac", "\xb2"]


def text_input(size: int, seed: int) -> Args:
    """Prose and code mixed: about ``size`` tokens of words, numbers and punctuation
    with a few non-ASCII characters, between spaces, newlines and nothing."""
    rng = random.Random(seed)
    parts = []
    for _ in range(size):
        kind = rng.choices("wnpo", [60, 12, 25, 3])[0]
        if kind == "w":
            parts.append(rng.choice(VOCABULARY))
        elif kind == "n":
            parts.append(str(rng.randrange(10 ** rng.randint(1, 6))))
        elif kind == "p":
            parts.append(rng.choice(PUNCTUATION))
        else:
            parts.append(rng.choice(ODD))
        parts.append(rng.choices([" ", "", "\n", "  ", "\t"], [60, 25, 10, 3, 2])[0])
    return ("".join(parts),)


# Small values as well as any i64, so that windows hold ties and extremes.
window_items = st.lists(st.one_of(st.integers(-3, 3), st.integers(I64_MIN, I64_MAX)), max_size=40)
window_args = st.tuples(window_items, st.integers(-2, 12)) | st.tuples(
    window_items, st.integers(1, 45)
)


def window_input(size: int, seed: int) -> Args:
    rng = random.Random(seed)
    return ([rng.randint(-1_000_000, 1_000_000) for _ in range(size)], 100)


CHAPTER = Chapter(
    number=8,
    slug="iterators",
    title="Iterators: closures, adaptors and laziness",
    module="iterators_rs",
    minutes=55,
    tasks=[
        Task(
            name="Tokenizer",
            summary="a lazy iterator of (kind, text, start) tokens, start counted in characters",
            baseline=baseline.Tokenizer,
            strategy=st.tuples(token_text),
            steps=token_steps,
            normalize=normalize,
            examples=[
                # Nothing to read: StopIteration at once, and again after that.
                scenario(""),
                scenario("   \t\n\r\x0c"),
                scenario("hello world", NEXT),
                scenario("x = 42 + y_2;", NEXT, NEXT),
                # Words start with a letter or _; a digit starts a number.
                scenario("123abc abc123 _9 __"),
                # Non-ASCII characters are one-character punct tokens, and offsets
                # count characters: "au" starts at 5, not at byte 6.
                scenario("caf\xe9 au lait"),
                scenario("\u4e2d\u6587 abc \U0001f600 x1"),
                scenario("\U0001f600\U0001f600a", NEXT, NEXT, NEXT, NEXT),
                scenario("e\u0301t\xe9 na\xefve"),
                # \x0b and the non-ASCII spaces are not skipped; non-ASCII digits are punct.
                scenario("a\x0bb\u3000c\xa0d\u2028e"),
                scenario("\u0663\xb2 \u2167 9"),
                # Exhausted stays exhausted.
                scenario("a", NEXT, NEXT, NEXT),
            ],
            bench=Bench(
                make_input=text_input,
                sizes=[1_000, 100_000],
                size_label="tokens",
                driver=last_token,
                # Each token costs both sides the same three new objects (tuple, str,
                # int); Rust saves the scanning, not those. About 3x on 2 cores.
                min_speedup=2.5,
                peers=peers.TOKENIZER,
                # The three-way split: benches/core.rs reads the largest text as UTF-8.
                criterion="Tokenizer/rust",
                core_input=str.encode,
            ),
            hints=[
                "A #[pyclass] cannot hold a `Chars<'_>` borrowed from its own text, so the "
                "struct owns the `String` and two positions: `pos` in bytes, to slice "
                "`&self.text[self.pos..]`, and `chars` in characters, the `start` Python "
                "expects. `new` starts both at 0 and `__iter__` returns `slf`. `__next__` "
                "returns `None` at the end, which pyo3 raises as StopIteration.",
                "In `next_token`, skip whitespace first: `self.text.as_bytes()[self.pos..]"
                ".iter().take_while(|b| b.is_ascii_whitespace()).count()` bytes, which are "
                "as many characters (ASCII), so add the count to both positions. Then "
                "`let rest = &self.text[self.pos..];` and `rest.chars().next()?` is the first "
                "character, or None at the end of the text.",
                "`match` on that character: a word start gives `(Kind::Word, "
                "rest.bytes().take_while(|&b| continues_word(b)).count())`, an ASCII digit "
                "`(Kind::Number, ...take_while(u8::is_ascii_digit)...)`, anything else "
                "`(Kind::Punct, c.len_utf8())`. Then `let token = &rest[..len];`, "
                "`let start = self.chars;`, `self.pos += len; self.chars += "
                "token.chars().count();` and `Some((kind, token, start))`. In `__next__`: "
                "`let (kind, text, start) = self.next_token()?; "
                "Some((kind.name(py).clone(), text, start))`.",
            ],
        ),
        Task(
            name="sliding_window_max",
            summary="the maximum of every window of k consecutive items, with a monotonic queue",
            baseline=baseline.sliding_window_max,
            strategy=window_args,
            examples=[
                Example(([1, 3, -1, -3, 5, 3, 6, 7], 3), expected=[3, 3, 5, 5, 6, 7]),
                Example(([], 1)),
                Example(([], 3)),
                Example(([5], 1), expected=[5]),
                Example(([4, -2, 7, 7, 0], 1), expected=[4, -2, 7, 7, 0]),
                Example(([4, -2, 7, 7, 0], 5), expected=[7]),
                Example(([4, -2], 3), expected=[]),
                Example(([2, 2, 2, 1], 2), expected=[2, 2, 2]),
                Example(([5, 4, 3, 2, 1], 2), expected=[5, 4, 3, 2]),
                Example(([I64_MIN, I64_MAX, I64_MIN, I64_MIN], 2)),
                Example(([3, 1, 2], 0), raises=ValueError, match="k must be at least 1"),
                Example(([], 0), raises=ValueError, match="k must be at least 1"),
                Example(([3, 1, 2], -5), raises=ValueError, match="k must be at least 1"),
                Example(([1, 2**63], 1), raises=OverflowError),
            ],
            bench=Bench(
                make_input=window_input,
                sizes=[10_000, 1_000_000],
                size_label="items (k=100)",
                min_speedup=3.0,
                peers=peers.SLIDING_WINDOW_MAX,
            ),
            hints=[
                "Check k first: `usize::try_from(k)` fails for a negative k, and 0 must fail "
                "too: `PyValueError::new_err(format!(...))`. Then keep a `VecDeque` of "
                "`(index, value, item)` whose values decrease from front to back: the front "
                "is the largest of the current window, and its `item` is the list's own "
                "`int` object, which is what to return.",
                "For each `(i, item)` of `xs.iter().enumerate()`: `let x: i64 = "
                "item.extract()?;`, pop the back while its value is `<= x`, push "
                "`(i, x, item)`, pop the front once it has left the window (`j + k <= i`: "
                "stay in usize, never subtract), and from `i + 1 >= k` on the answer is "
                "`window[0].2.clone()`: a new reference to the same object, no new `int`. "
                "A `for` loop that pushes into a `Vec` is a fine answer.",
                "As one pipeline: `.map(|(i, item)| -> PyResult<Option<Bound<'py, PyAny>>> "
                "{ /* extract, pop, push, pop */ Ok((i + 1 >= k).then(|| "
                "window[0].2.clone())) })`, then `.filter_map(Result::transpose)` (drops the "
                "`Ok(None)`s, keeps answers and errors) and `.collect()` into "
                "`PyResult<Vec<_>>`, which stops at the first error. The closure changes "
                "`window`: it is an FnMut, which is all `map` asks for.",
            ],
        ),
    ],
)
