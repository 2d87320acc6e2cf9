"""What a numpy user reaches for instead of a Python loop.

scipy and pandas are optional: a peer whose package is missing is simply not
timed. The peers are timed on the benchmark's inputs only (finite values, a
non-empty array); they are not the chapter's definition of the answer, and on
NaN, infinity or an empty array some of them differ from it or fail.
"""

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

try:
    from scipy.signal import lfilter
except ImportError:
    lfilter = None

try:
    import pandas
except ImportError:
    pandas = None

FloatArray = npt.NDArray[np.float64]


def ewma_numpy_loop(arr: FloatArray, alpha: float) -> FloatArray:
    """The same loop, indexing the numpy arrays directly: every read creates a numpy
    scalar, and numpy scalar arithmetic is slower than float arithmetic."""
    out = np.empty_like(arr)
    beta = 1 - alpha
    out[0] = arr[0]
    for i in range(1, len(arr)):
        out[i] = alpha * arr[i] + beta * out[i - 1]
    return out


def ewma_lfilter(arr: FloatArray, alpha: float) -> FloatArray:
    """EWMA as a linear filter: y[i] - (1 - alpha) y[i-1] = alpha x[i], run in C.
    The initial state (1 - alpha) x[0] makes y[0] = x[0] (up to one rounding)."""
    beta = 1 - alpha
    y, _ = lfilter([alpha], [1.0, -beta], arr, zi=[beta * arr[0]])
    return y


def ewma_pandas(arr: FloatArray, alpha: float) -> FloatArray:
    """pandas' own EWMA; adjust=False is this chapter's recurrence."""
    return pandas.Series(arr).ewm(alpha=alpha, adjust=False).mean().to_numpy()


def moving_average_cumsum(arr: FloatArray, w: int) -> FloatArray:
    """The classic numpy answer: prefix sums, then each window is a difference of two.
    O(n), three passes over the data, and the prefix sums drift like a running sum."""
    sums = np.cumsum(arr, dtype=np.float64)
    sums[w:] = sums[w:] - sums[:-w]
    return sums[w - 1 :] / w


def moving_average_convolve(arr: FloatArray, w: int) -> FloatArray:
    """A convolution with w weights of 1/w: the shortest spelling, w multiply-adds per
    output, each window summed afresh (no drift)."""
    return np.convolve(arr, np.full(w, 1.0 / w), mode="valid")


def moving_average_windows(arr: FloatArray, w: int) -> FloatArray:
    """A (n - w + 1) x w view of the windows, no copy, then the mean of each row."""
    return sliding_window_view(arr, w).mean(axis=1)


EWMA: dict[str, Callable[..., Any]] = {
    "numpy array, Python loop": ewma_numpy_loop,
    **({"scipy.signal.lfilter": ewma_lfilter} if lfilter is not None else {}),
    **({"pandas ewm(adjust=False)": ewma_pandas} if pandas is not None else {}),
}
MOVING_AVERAGE: dict[str, Callable[..., Any]] = {
    "numpy cumsum": moving_average_cumsum,
    "numpy.convolve": moving_average_convolve,
    "sliding_window_view(...).mean(axis=1)": moving_average_windows,
}
