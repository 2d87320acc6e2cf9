"""Chapter 14: the Python a Python programmer writes first."""

from collections import Counter


def ngram_counts(text: str, n: int) -> Counter[str]:
    """How often each run of ``n`` consecutive words of ``text.split()`` occurs,
    keyed by the words joined with one space."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    words = text.split()
    # zip(words, words[1:], ..., words[n-1:]) makes each window a tuple, in C, and
    # stops at the shortest list; " ".join makes the window's key, Counter counts it.
    return Counter(map(" ".join, zip(*(words[i:] for i in range(n)), strict=False)))
