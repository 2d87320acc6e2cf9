"""Chapter 08: the Python a Python programmer writes first."""

from collections import deque
from collections.abc import Iterator

Token = tuple[str, str, int]

# The token rules are ASCII-only on purpose: str.isalpha() and str.isdigit() are
# Unicode-wide in Python, and their Rust namesakes follow a different Unicode version.
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
_DIGITS = "0123456789"
_WORD_START = frozenset(_LETTERS)
_WORD = frozenset(_LETTERS + _DIGITS)
_NUMBER = frozenset(_DIGITS)
# What Rust's u8::is_ascii_whitespace accepts: not \x0b, not any non-ASCII space.
_SPACE = frozenset(" \t\n\x0c\r")


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` as ``(kind, text, start)``, produced one at a time.

    A word is an ASCII letter or ``_`` followed by ASCII letters, digits and ``_``;
    a number is a run of ASCII digits; every other character that is not ASCII
    whitespace is a one-character "punct" token. ``start`` is an index into ``text``.
    """
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in _SPACE:
            i += 1
            continue
        start = i
        i += 1
        if c in _WORD_START:
            while i < n and text[i] in _WORD:
                i += 1
            yield "word", text[start:i], start
        elif c in _NUMBER:
            while i < n and text[i] in _NUMBER:
                i += 1
            yield "number", text[start:i], start
        else:
            yield "punct", c, start


class Tokenizer:
    """``Tokenizer(text)``: an iterator over the tokens of ``text``.

    The generator does the work. ``for`` and ``list()`` call ``iter()`` first and
    then drive the generator directly; ``next(x)`` goes through ``__next__``.
    """

    def __init__(self, text: str) -> None:
        self._tokens = tokens(text)

    def __iter__(self) -> Iterator[Token]:
        return self._tokens

    def __next__(self) -> Token:
        return next(self._tokens)


def sliding_window_max(xs: list[int], k: int) -> list[int]:
    """The largest item of every window of ``k`` consecutive items of ``xs``."""
    if k <= 0:
        raise ValueError(f"k must be at least 1, got {k}")
    maxima = []
    window: deque[int] = deque()  # indices; their items decrease from front to back
    for i, x in enumerate(xs):
        while window and xs[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            maxima.append(xs[window[0]])
    return maxima
