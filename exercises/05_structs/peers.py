"""What a Python programmer reaches for instead of a class of their own.

Each peer takes the whole list at once, so none of them can be fed a stream a
value at a time or merged with another. numpy is optional: without it, its
peer is simply not timed.
"""

import math
import statistics
from collections.abc import Callable
from typing import Any

try:
    import numpy
except ImportError:
    numpy = None


def with_statistics(xs: list[float]) -> tuple[int, float, float]:
    """The standard library: exact, and slow (variance sums fractions)."""
    return len(xs), statistics.fmean(xs), statistics.variance(xs)


def two_passes(xs: list[float]) -> tuple[int, float, float]:
    """The mean first, then the squared distances from it: stable, two passes."""
    n = len(xs)
    mean = math.fsum(xs) / n
    return n, mean, sum((x - mean) ** 2 for x in xs) / (n - 1)


def with_numpy(xs: list[float]) -> tuple[int, float, float]:
    """numpy converts the list to a float64 array first, then runs C loops."""
    values = numpy.array(xs, dtype=numpy.float64)
    return len(values), float(values.mean()), float(values.var(ddof=1))


def _numpy_only(peers: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    return peers if numpy is not None else {}


RUNNING_STATS = {
    "statistics.fmean + variance": with_statistics,
    "two passes with fsum and sum": two_passes,
    **_numpy_only({"numpy.array(xs) mean + var": with_numpy}),
}
