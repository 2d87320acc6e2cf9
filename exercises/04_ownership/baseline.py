"""Chapter 04: the Python a Python programmer writes first."""

from array import array


def sum_list(xs: list[int]) -> int:
    return sum(xs)


def sum_buffer(buf: array) -> int:
    """The sum of an array('q') of 64-bit integers."""
    return sum(buf)


def dedupe(xs: list[int]) -> list[int]:
    """The items without repeats, each where it first appears (dicts keep order)."""
    return list(dict.fromkeys(xs))
