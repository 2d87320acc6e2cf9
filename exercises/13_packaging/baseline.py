"""Chapter 13: the Python a Python programmer writes first.

The signatures matter as much as the bodies: Python must see the Rust functions
with the same parameters and the same defaults.
"""

import re

_WORD = re.compile(r"[A-Za-z0-9]+")


def slugify(text: str, sep: str = "-", max_len: int | None = None) -> str:
    """Turn ``text`` into a URL slug: its runs of ASCII letters and digits,
    lowercased, joined by ``sep``. With ``max_len``, whole words are kept while
    the slug stays within ``max_len`` characters."""
    if max_len is not None and max_len < 0:
        raise OverflowError("max_len must not be negative")
    slug = ""
    for word in _WORD.findall(text):
        longer = word.lower() if not slug else slug + sep + word.lower()
        if max_len is not None and len(longer) > max_len:
            break
        slug = longer
    return slug


def truncate(text: str, width: int = 70, placeholder: str = "...") -> str:
    """``text`` if it has at most ``width`` characters; otherwise its start and
    ``placeholder``, ``width`` characters in all."""
    if width < 0:
        raise OverflowError("width must not be negative")
    if len(text) <= width:
        return text
    if len(placeholder) > width:
        raise ValueError(f"placeholder {placeholder!r} is longer than width {width}")
    return text[: width - len(placeholder)] + placeholder
