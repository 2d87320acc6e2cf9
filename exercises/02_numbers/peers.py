"""What a Python programmer reaches for once the first version is too slow.

numpy is optional: without it, its peer is simply not timed.
"""

import functools
import math
from collections.abc import Callable
from typing import Any

try:
    import numpy
except ImportError:
    numpy = None


def collatz_longest_cached(limit: int) -> tuple[int, int]:
    """Remember every length already found: a sequence stops at the first term seen before.
    A new cache per call, so that every timed call does the whole work."""

    @functools.cache
    def length(n: int) -> int:
        return 1 if n == 1 else 1 + length(3 * n + 1 if n % 2 else n // 2)

    best = max(range(1, limit), key=length)
    return best, length(best)


def mean_std_two_pass(xs: list[float]) -> tuple[float, float]:
    """The textbook two passes over plain floats, without statistics' exact fractions."""
    mean = sum(xs) / len(xs)
    squares = sum((x - mean) ** 2 for x in xs)
    return mean, math.sqrt(squares / (len(xs) - 1))


def mean_std_numpy(xs: list[float]) -> tuple[float, float]:
    """numpy converts the list to a float64 array first, then runs its C loops."""
    values = numpy.asarray(xs, dtype=numpy.float64)
    return float(values.mean()), float(values.std(ddof=1))


def _numpy_only(peers: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    return peers if numpy is not None else {}


COLLATZ_LONGEST = {"functools.cache": collatz_longest_cached}
MEAN_STD = {
    "two passes over floats": mean_std_two_pass,
    **_numpy_only({"numpy mean, std(ddof=1)": mean_std_numpy}),
}
