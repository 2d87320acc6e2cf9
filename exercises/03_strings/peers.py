"""What a Python programmer reaches for once the first version is too slow."""

from collections import Counter


def counter(text: str) -> dict[str, int]:
    """collections.Counter counts in C: only the split and the Counter's dict remain."""
    return Counter(text.split())
