"""The other way a Python programmer writes it: a slice of the word list per n-gram."""

from collections import Counter


def counter_of_slices(text: str, n: int) -> Counter[str]:
    """One list slice and one join per window, in a generator expression."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    words = text.split()
    return Counter(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
