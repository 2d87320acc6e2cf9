"""Chapter 05, structs: a Rust struct with methods, exposed to Python as a class."""

import math
import random
from array import array
from typing import Any

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Call, Chapter, Example, Make, Task, approx

from . import baseline, peers

# Welford against Welford: the same formulae in the same order give the same
# floats, bit for bit. The tolerance only forgives a different rounding order.
close = approx(rel=1e-9, abs_=1e-9)


def repr_fields(text: str) -> list[tuple[str, str]] | None:
    """``[("count", "3"), ("mean", "2.0"), ...]`` from ``RunningStats(count=3, mean=2.0, ...)``."""
    if not (text.startswith("RunningStats(") and text.endswith(")")):
        return None
    pairs = [part.partition("=") for part in text[len("RunningStats(") : -1].split(", ")]
    if any(not key or sep != "=" for key, sep, _ in pairs):
        return None
    return [(key, value) for key, _, value in pairs]


def same_repr(expected: str, got: str) -> bool:
    """The same text, except that the floats in it only need to be close. Each float
    must be written as Python's repr() writes it: ``2e-07``, not ``2e-7``."""
    want, have = repr_fields(expected), repr_fields(got)
    if want is None or have is None or [k for k, _ in want] != [k for k, _ in have]:
        return False
    for (key, w), (_, h) in zip(want, have, strict=True):
        if key == "count":
            if w != h:
                return False
            continue
        try:
            value = float(h)
        except ValueError:
            return False
        if repr(value) != h or not close(float(w), value):
            return False
    return True


def normalize(value: Any) -> Any:
    """An object of the class (what the constructor returns) compares by its class name;
    its state is compared through the steps that read it."""
    return type(value).__name__ if type(value).__name__ == "RunningStats" else value


def read(stats: Any) -> tuple[Any, ...]:
    """count, mean and variance, with None where they raise ValueError."""

    def attempt(name: str) -> Any:
        try:
            return getattr(stats, name)
        except ValueError:
            return None

    return stats.count, attempt("mean"), attempt("variance")


def merge_with(stats: Any, xs: list[float]) -> tuple[Any, ...]:
    """Merge in a new object of the same class that has seen ``xs``; return what that
    object reads afterwards, which must be what it read before."""
    other = type(stats)()
    other.extend(xs)
    stats.merge(other)
    return read(other)


def merge_self(stats: Any) -> None:
    """``x.merge(x)``: every value counted twice."""
    stats.merge(stats)


def push(x: float) -> Call:
    return Call("push", (x,))


def extend(xs: list[float]) -> Call:
    return Call("extend", (xs,))


def merge_with_step(xs: list[float]) -> Call:
    return Call(merge_with, (xs,), label="merge_with")


MERGE_EMPTY = Call("merge", (Make(()),))
MERGE_SELF = Call(merge_self, label="merge_self")
# The readings: the three properties and repr(x).
READ = [
    Call("count", None),
    Call("mean", None),
    Call("variance", None),
    Call(repr, compare=same_repr),
]

# Finite floats of a moderate size, and small whole ones that shrink well and repeat.
values = st.one_of(
    st.integers(-5, 5).map(float),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
)
short_lists = st.lists(values, max_size=6)
step = st.one_of(
    st.builds(push, values),
    st.builds(extend, short_lists),
    st.sampled_from(READ),
    st.just(MERGE_EMPTY),
    st.builds(merge_with_step, short_lists),
    st.just(MERGE_SELF),
)


def scenario(*steps: Call) -> Example:
    """A fixed scenario on a new object: ``steps``, then every reading."""
    return Example((), steps=[*steps, *READ])


def extend_then_stats(cls: Any, xs: list[float]) -> tuple[int, float, float]:
    """The timed work: one object, every value through extend, then the three readings."""
    stats = cls()
    stats.extend(xs)
    return stats.count, stats.mean, stats.variance


def floats_input(size: int, seed: int) -> Args:
    """Measurements around 100 with a spread of about 15."""
    rng = random.Random(seed)
    return ([rng.gauss(100.0, 15.0) for _ in range(size)],)


CHAPTER = Chapter(
    number=5,
    slug="structs",
    title="Structs: a Rust type as a Python class",
    module="structs_rs",
    minutes=50,
    tasks=[
        Task(
            name="RunningStats",
            summary="a class with state: count, mean and variance of a stream (Welford)",
            baseline=baseline.RunningStats,
            strategy=st.just(()),
            steps=st.lists(step, max_size=12),
            normalize=normalize,
            compare=close,
            examples=[
                # Nothing seen: mean and variance raise ValueError.
                scenario(),
                # One value: a mean, still no variance.
                scenario(push(5.0)),
                scenario(push(1.0), push(2.0)),
                scenario(extend([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])),
                scenario(extend([])),
                scenario(extend([3.0, 3.0, 3.0])),
                # NaN and infinity propagate; the count still counts them.
                scenario(push(1.0), push(math.nan)),
                scenario(push(math.nan), push(2.0), push(3.0)),
                scenario(extend([1.0, math.inf])),
                scenario(extend([1.0, -math.inf, 2.0])),
                # Merging: empty into empty, into empty, empty into full, full into full.
                scenario(MERGE_EMPTY),
                scenario(merge_with_step([1.0, 2.0, 4.0])),
                scenario(extend([1.0, 2.0, 4.0]), MERGE_EMPTY),
                scenario(extend([1.0, 2.0]), merge_with_step([10.0, 20.0, 30.0])),
                scenario(push(7.0), merge_with_step([7.5])),
                # x.merge(x) counts every value twice.
                scenario(MERGE_SELF),
                scenario(push(4.0), MERGE_SELF),
                scenario(extend([1.0, 2.0, 4.0]), MERGE_SELF, MERGE_SELF),
                # A large offset: the naive sum of squares loses every digit here.
                scenario(extend([1e9 + 4.0, 1e9 + 7.0, 1e9 + 13.0, 1e9 + 16.0])),
                scenario(extend([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3]), merge_with_step([1e9 + 0.4])),
                # repr() of floats as Python writes them: exponents, nan, inf.
                scenario(push(1e-7), push(3e-7)),
                scenario(push(1e16), push(3e16)),
                scenario(push(-0.0)),
                scenario(push(math.inf)),
            ],
            bench=Bench(
                make_input=floats_input,
                sizes=[1_000, 1_000_000],
                size_label="floats",
                driver=extend_then_stats,
                min_speedup=5.0,
                peers=peers.RUNNING_STATS,
                # The three-way split: benches/core.rs reads the largest list as f64s.
                criterion="RunningStats/rust",
                core_input=lambda xs: array("d", xs).tobytes(),
            ),
            hints=[
                "Write the two plain Rust methods first: `add` is one step of Welford's "
                "algorithm on `self.count`, `self.mean` and `self.m2`, exactly as the baseline's "
                "`push`; `combine` is the baseline's `merge`. The #[pymethods] then only call "
                "them and check for empty objects (`PyValueError::new_err(...)`).",
                "`count` is a u64: convert it with `as f64` where it divides a float. "
                "`extend` walks any iterable: `for item in xs.try_iter()? { "
                "self.add(item?.extract::<f64>()?); }`. In `merge`, `slf` and `other` may be "
                "the same object: `*other.borrow()` copies the three fields out (the struct is "
                "`Copy`) and ends the shared borrow, so `slf.borrow_mut()` can follow.",
                "`fn add(&mut self, x: f64) { self.count += 1; let delta = x - self.mean; "
                "self.mean += delta / self.count as f64; self.m2 += delta * (x - self.mean); }` "
                "and `merge` is `let theirs = *other.borrow(); slf.borrow_mut().combine(theirs);`. "
                "In `__repr__`, `match self.count { 0 => ..., 1 => ..., n => ... }` with "
                "`float_repr(py, ...)?` for each float.",
            ],
        ),
    ],
)
