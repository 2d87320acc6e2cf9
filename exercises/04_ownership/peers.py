"""What a Python programmer reaches for once the first version is too slow.

numpy is optional: without it, its peers are simply not timed.
"""

from array import array
from collections.abc import Callable
from typing import Any

try:
    import numpy
except ImportError:
    numpy = None


def sum_tolist(buf: array) -> int:
    """Unpack the array into a list in one C loop, then let sum() add the list."""
    return sum(buf.tolist())


def sum_memoryview(buf: array) -> int:
    """Iterate a memoryview of the array instead of the array itself."""
    return sum(memoryview(buf))


def _numpy_only(peers: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    return peers if numpy is not None else {}


def numpy_sum_list(xs: list[int]) -> int:
    """numpy converts the list to an int64 array first: the same per-item cost as Rust."""
    return int(numpy.array(xs, dtype=numpy.int64).sum())


def numpy_sum_buffer(buf: array) -> int:
    """A view of the array's memory, no copy. numpy's sum wraps past 64 bits."""
    return int(numpy.frombuffer(buf, dtype=numpy.int64).sum())


def numpy_dedupe(xs: list[int]) -> list[int]:
    """First occurrences by numpy.unique's indices, put back in the input's order."""
    values = numpy.array(xs, dtype=numpy.int64)
    _, first = numpy.unique(values, return_index=True)
    return values[numpy.sort(first)].tolist()


SUM_LIST = _numpy_only({"numpy.array(xs).sum()": numpy_sum_list})
SUM_BUFFER = {
    "sum(buf.tolist())": sum_tolist,
    "sum(memoryview(buf))": sum_memoryview,
    **_numpy_only({"numpy.frombuffer(buf).sum()": numpy_sum_buffer}),
}
DEDUPE = _numpy_only({"numpy.unique, first indices": numpy_dedupe})
