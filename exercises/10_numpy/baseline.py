"""Chapter 10: the Python a Python programmer writes first.

Both functions unpack the array into a list of floats with ``tolist()`` (one C
loop) and run a plain Python loop over the list: for a loop where each step
needs the previous one, that is faster than indexing the numpy array, whose
every item read creates a numpy scalar.
"""

from itertools import islice

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def ewma(arr: FloatArray, alpha: float) -> FloatArray:
    """y[0] = x[0], then y[i] = alpha * x[i] + (1 - alpha) * y[i - 1]."""
    if not 0 < alpha <= 1:
        raise ValueError(f"alpha must be in (0, 1], got {alpha}")
    xs = arr.tolist()
    if not xs:
        return np.array([], dtype=np.float64)
    beta = 1 - alpha
    y = xs[0]
    out = [y]
    append = out.append
    for x in islice(xs, 1, None):
        y = alpha * x + beta * y
        append(y)
    return np.array(out, dtype=np.float64)


def moving_average(arr: FloatArray, w: int) -> FloatArray:
    """The mean of each window of w consecutive items: n - w + 1 of them, by a running sum."""
    if w < 1:
        raise ValueError(f"the window must hold at least one item, got w={w}")
    xs = arr.tolist()
    if w > len(xs):
        return np.array([], dtype=np.float64)
    total = sum(xs[:w])
    out = [total / w]
    append = out.append
    # The item entering the window, and the one leaving it (xs is the longer: not strict).
    for new, old in zip(islice(xs, w, None), xs, strict=False):
        total += new - old
        append(total / w)
    return np.array(out, dtype=np.float64)
