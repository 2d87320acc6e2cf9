"""Chapter 02: the Python a Python programmer writes first."""

import math
import statistics


def collatz_length(n: int) -> int:
    """The number of terms of the Collatz sequence from n down to 1, both counted."""
    length = 1
    while n != 1:
        n = 3 * n + 1 if n % 2 else n // 2
        length += 1
    return length


def collatz_longest(limit: int) -> tuple[int, int]:
    """The start below ``limit`` with the longest Collatz sequence, and its length."""
    if limit < 2:
        raise ValueError(f"limit must be at least 2, got {limit}")
    # max() keeps the first of equal keys: ties go to the smallest start.
    best = max(range(1, limit), key=collatz_length)
    return best, collatz_length(best)


def mean_std(xs: list[float]) -> tuple[float, float]:
    """The mean and the sample standard deviation of ``xs``."""
    return statistics.mean(xs), statistics.stdev(xs)


def checked_factorial(n: int) -> int:
    """n! (the Rust version must say when it does not fit in 64 bits)."""
    return math.factorial(n)
