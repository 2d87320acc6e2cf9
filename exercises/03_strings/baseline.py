"""Chapter 03: the Python a Python programmer writes first."""


def count_words(text: str) -> dict[str, int]:
    """How often each whitespace-separated word occurs in ``text``."""
    counts: dict[str, int] = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def reverse_words(text: str) -> str:
    """The words of ``text`` in reverse order, joined by single spaces."""
    return " ".join(reversed(text.split()))


def is_palindrome(text: str) -> bool:
    """Whether the letters and digits of ``text`` read the same both ways, ignoring case."""
    kept = "".join(c.lower() for c in text if c.isalnum())
    return kept == kept[::-1]
