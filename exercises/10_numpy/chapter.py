"""Chapter 10, numpy: numpy arrays read in place and returned without a copy (rust-numpy)."""

from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from bench_harness.spec import Args, Bench, Chapter, Example, Task, approx

from . import baseline, peers

NAN, INF = float("nan"), float("inf")


def normalize(value: Any) -> Any:
    """An array of either implementation as ``("ndarray", dtype, shape, items)``: the
    answer must be a float64 numpy array, not a list, and its items are compared as floats."""
    if isinstance(value, np.ndarray):
        return "ndarray", str(value.dtype), value.shape, value.tolist()
    return value


def result(values: list[float]) -> tuple[str, str, tuple[int], list[float]]:
    """The normalized form of the float64 array of ``values``: a pinned answer."""
    return "ndarray", "float64", (len(values),), [float(v) for v in values]


def a(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float64)


# The two sides compute the same formulas in the same order and usually agree to the
# last bit, but a Rust version that rounds differently (a fused multiply-add, `s * (1/w)`
# instead of `s / w`, another order of the first window's sum) is still right. The
# tolerance covers that: the data are at most 1e6 in size (the benchmark's are near 1),
# and a running sum's rounding error after n steps is at most about n * 2.2e-16 times the
# data's size: under 1e-7 for the tests' arrays (n <= 200, values <= 1e6) and under 1e-9
# for the benchmark's million items. The absolute part matters where the mean of large
# values is near zero and a relative tolerance means nothing.
CLOSE = approx(rel=1e-9, abs_=1e-6)

finite = st.floats(-1e6, 1e6)  # bounded, so no NaN and no infinity
whole = arrays(np.float64, st.integers(0, 200), elements=finite)
# Views as well as whole arrays: every other item, and the array read backwards (a
# negative stride). The Rust side must read them in place, through their strides.
float_arrays = st.one_of(whole, whole.map(lambda x: x[::2]), whole.map(lambda x: x[::-1]))
alphas = st.one_of(st.sampled_from([1.0, 0.5, 0.1]), st.floats(0, 1, exclude_min=True))


@st.composite
def array_and_window(draw: st.DrawFn) -> Args:
    """An array and a window from 1 to two past the array's length."""
    arr = draw(float_arrays)
    return arr, draw(st.integers(1, len(arr) + 2))


def normal(size: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(size)


def ewma_input(size: int, seed: int) -> Args:
    return normal(size, seed), 0.1


def moving_average_input(size: int, seed: int) -> Args:
    return normal(size, seed), 100


ARANGE = np.arange(10, dtype=np.float64)
READ_ONLY = a(1, 2, 4, 8)
READ_ONLY.flags.writeable = False
# Not numpy arrays of float64, or not one-dimensional: TypeError, no conversion.
WRONG_ARRAYS = [
    ARANGE.astype(np.int64),
    ARANGE.astype(np.float32),
    ARANGE.astype(">f8"),  # float64, but big-endian: not the machine's own float64
    ARANGE.reshape(2, 5),
    np.array(1.0),
    [1.0, 2.0, 3.0],
]
# Whole arrays are not the only arrays: views with a stride, negative or not.
VIEWS = [ARANGE[::2], ARANGE[::-1], ARANGE[1::3], np.arange(12.0).reshape(3, 4)[:, 1], READ_ONLY]

CHAPTER = Chapter(
    number=10,
    slug="numpy",
    title="numpy: arrays without copies",
    module="numpy_rs",
    minutes=50,
    tasks=[
        Task(
            name="ewma",
            summary="exponentially weighted moving average: each value needs the one before",
            baseline=baseline.ewma,
            strategy=st.tuples(float_arrays, alphas),
            normalize=normalize,
            compare=CLOSE,
            examples=[
                Example((a(), 0.5), expected=result([])),
                Example((a(3), 0.5), expected=result([3])),
                Example((a(1, 2, 3, 4), 0.5), expected=result([1, 1.5, 2.25, 3.125])),
                # alpha = 1 keeps each value as it is.
                Example((a(5, -1, 7), 1.0), expected=result([5, -1, 7])),
                Example((ARANGE, 0.25)),
                Example((a(1e6, -1e6, 1e6, -1e6), 0.3)),
                # NaN and infinity go through the formula as they are: NaN stays NaN
                # from then on (0 * NaN is NaN too, so even with alpha = 1).
                Example((a(1, NAN, 2, 3), 0.5), expected=result([1, NAN, NAN, NAN])),
                Example((a(1, NAN, 2), 1.0), expected=result([1, NAN, NAN])),
                Example((a(NAN, 1), 0.5), expected=result([NAN, NAN])),
                Example((a(1, INF, 2), 0.5), expected=result([1, INF, INF])),
                # With alpha = 1 the next step is 2 + 0 * inf: NaN.
                Example((a(1, INF, 2), 1.0), expected=result([1, INF, NAN])),
                Example((a(INF, -INF), 0.5), expected=result([INF, NAN])),
                # y[0] is x[0] itself, not alpha * x[0] + (1 - alpha) * x[0] (NaN here).
                Example((a(INF, 1), 1.0), expected=result([INF, NAN])),
            ]
            + [Example((view, 0.5)) for view in VIEWS]
            + [
                Example((arr, alpha), raises=ValueError, match="alpha")
                for arr, alpha in [
                    (ARANGE, 0.0),
                    (ARANGE, -0.5),
                    (ARANGE, 1.5),
                    (ARANGE, NAN),
                    (ARANGE, INF),
                    (a(), 0.0),
                ]
            ]
            # The argument's type is checked before alpha's value.
            + [Example((arr, 0.5), raises=TypeError) for arr in WRONG_ARRAYS]
            + [Example(([1.0, 2.0], 0.0), raises=TypeError)],
            bench=Bench(
                make_input=ewma_input,
                sizes=[1_000, 1_000_000],
                size_label="floats",
                min_speedup=20.0,
                peers=peers.EWMA,
                peer_floors={"scipy.signal.lfilter": 1.3},
            ),
            hints=[
                "Take the array as `PyReadonlyArray1<'py, f64>`: pyo3 and rust-numpy then "
                "reject anything that is not a one-dimensional float64 numpy array with "
                "TypeError before your body runs. `arr.as_array()` is an ndarray view of its "
                "memory, strides included; `.iter()` reads it in order.",
                "Check alpha first, in a form that NaN fails: `!(alpha > 0.0 && alpha <= 1.0)`. "
                "Allocate the output once, `vec![0.0; x.len()]`, set `y[0]` to the first item "
                "and fill the rest in a loop over `y[1..].iter_mut().zip(x.iter().skip(1))`, "
                "carrying the previous value in a local variable.",
                "`let x = arr.as_array(); let y = py.detach(|| { ...fill a Vec... });` then "
                "`Ok(y.into_pyarray(py))` (trait `numpy::IntoPyArray`) moves the Vec into a new "
                "numpy array without copying it. Each step is "
                "`prev = alpha * value + (1.0 - alpha) * prev;`.",
            ],
        ),
        Task(
            name="moving_average",
            summary="the mean of each window of w items, by a running sum",
            baseline=baseline.moving_average,
            strategy=array_and_window(),
            normalize=normalize,
            compare=CLOSE,
            examples=[
                Example((a(1, 2, 3, 4, 5), 2), expected=result([1.5, 2.5, 3.5, 4.5])),
                Example((a(1, 2, 3, 4, 5), 5), expected=result([3])),
                # A window longer than the array has no complete position: no means.
                Example((a(1, 2, 3, 4, 5), 6), expected=result([])),
                Example((a(), 1), expected=result([])),
                Example((a(4, -2, 7), 1), expected=result([4, -2, 7])),
                Example((ARANGE, 3)),
                Example((a(1e6, -1e6, 0.5, 1e6, -1e6), 2)),
                # NaN and infinity go through the running sum as they are: once in the sum,
                # they stay (NaN - NaN is NaN, inf - inf is NaN), even after they leave
                # the window.
                Example((a(1, NAN, 2, 3), 1), expected=result([1, NAN, NAN, NAN])),
                Example((a(1, INF, 2, 3, 4), 2), expected=result([INF, INF, NAN, NAN])),
                Example((a(NAN, 1, 2), 3), expected=result([NAN])),
            ]
            + [Example((view, 2)) for view in VIEWS]
            + [
                Example((ARANGE, 0), raises=ValueError),
                Example((ARANGE, -3), raises=ValueError),
                Example((a(), 0), raises=ValueError),
                # The window is a 64-bit signed integer on the Rust side.
                Example((ARANGE, 2**63), raises=OverflowError),
                Example((ARANGE, 2.0), raises=TypeError),
            ]
            + [Example((arr, 2), raises=TypeError) for arr in WRONG_ARRAYS],
            bench=Bench(
                make_input=moving_average_input,
                sizes=[1_000, 1_000_000],
                size_label="floats",
                min_speedup=20.0,
                peers=peers.MOVING_AVERAGE,
                # numpy already runs the cumsum trick in C: Rust only has to stay close.
                peer_floors={"numpy cumsum": 0.67},
            ),
            hints=[
                "As in ewma: `PyReadonlyArray1<'py, f64>` and `as_array()`. Take `w` as `i64`, "
                "so that 0 and negative windows reach your code (a `usize` parameter would "
                "turn -3 into OverflowError): `w < 1` is a ValueError, `w > n` an empty array.",
                "Sum the first window, then slide: the item entering the window is "
                "`x.iter().skip(w)`, the one leaving is `x.iter()`; zip them and do "
                "`sum += new - old` for each pair. Each mean is `sum / w as f64`.",
                "Allocate `vec![0.0; n - w + 1]`, store the first mean at index 0 and the "
                "rest through `means[1..].iter_mut().zip(x.iter().skip(w)).zip(x.iter())`; "
                "release the interpreter around it with `py.detach` and return "
                "`means.into_pyarray(py)`.",
            ],
        ),
    ],
)
