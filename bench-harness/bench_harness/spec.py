"""The declarations a chapter makes about its tasks.

A chapter's ``chapter.py`` builds one :class:`Chapter`; everything else (the
checker, the benchmark, the pytest plugin, the report, the grade) reads it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

Args = tuple[Any, ...]
Compare = Callable[[Any, Any], bool]


def threads() -> int:
    """The thread count a scaling run asks for (WORKBOOK_THREADS), else the machine's cores.
    A driver that starts Python threads sizes its pool with it."""
    return int(os.environ.get("WORKBOOK_THREADS") or os.cpu_count() or 1)


def exact(expected: Any, got: Any) -> bool:
    """Equal values of the same type (``1 == 1.0`` is not enough)."""
    return type(expected) is type(got) and expected == got


def approx(rel: float = 1e-9, abs_: float = 0.0) -> Compare:
    """Floats equal within a tolerance; NaN equals NaN. Works through tuples and lists."""

    def compare(expected: Any, got: Any) -> bool:
        if isinstance(expected, (list, tuple)):
            return (
                isinstance(got, (list, tuple))
                and len(expected) == len(got)
                and all(compare(e, g) for e, g in zip(expected, got, strict=True))
            )
        if isinstance(expected, float) and isinstance(got, float):
            if math.isnan(expected) or math.isnan(got):
                return math.isnan(expected) and math.isnan(got)
            return math.isclose(expected, got, rel_tol=rel, abs_tol=abs_)
        return exact(expected, got)

    return compare


def unordered(expected: Any, got: Any) -> bool:
    """The same items in any order."""
    return isinstance(got, list) and sorted(expected) == sorted(got)


class _FromBaseline:
    def __repr__(self) -> str:
        return "FROM_BASELINE"


FROM_BASELINE: Any = _FromBaseline()


@dataclass(frozen=True)
class Make:
    """A step argument that is a new object of the implementation under test:
    ``Make(args)`` is ``Baseline(*args)`` on the Python side and ``Rust(*args)``
    on the Rust side (e.g. the other operand of ``a + b``)."""

    args: Args


@dataclass(frozen=True)
class Call:
    """One step of a scenario run on an object: ``obj.method(*args)``; with
    ``args=None``, reading the attribute ``obj.method``; with a function as
    ``method``, ``method(obj, *args)`` (``label`` names it in verdicts).
    ``compare`` replaces the task's comparison for this step (e.g. for a repr)."""

    method: str | Callable[..., Any]
    args: Args | None = ()
    label: str = ""
    compare: Compare | None = None  # instead of the task's, for this step's result


@dataclass(frozen=True)
class Example:
    """A fixed case: the arguments and either the answer or the exception type
    expected. With neither, the baseline's answer is expected."""

    args: Args
    expected: Any = FROM_BASELINE
    raises: type[BaseException] | None = None
    # A regular expression the exception's message must contain (re.search).
    match: str | None = None
    # For a class task: the steps run on the object that ``args`` construct.
    steps: Sequence[Call] = ()


def _identity(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Bench:
    """How to time a task.

    ``make_input(size, seed)`` returns the call's arguments; it must be
    deterministic. ``peers`` are what a Python user would reach for instead,
    called with the same arguments. ``min_speedup`` is the floor the reference
    solution clears on 2 cores; ``None`` marks a task where Rust is expected to
    lose or tie (the chapter explains why).
    """

    make_input: Callable[[int, int], Args]
    sizes: Sequence[int]
    min_speedup: float | None
    peers: dict[str, Callable[..., Any]] = field(default_factory=dict)
    peer_floors: dict[str, float] = field(default_factory=dict)
    size_label: str = "n"
    # For a class task: ``driver(cls, *args)`` does the timed work with either
    # implementation (e.g. ``lambda cls, xs: cls().extend(xs)``). With ``setup``,
    # ``setup(cls, *args)`` runs untimed first and its tuple replaces ``args``
    # (e.g. build two vectors, then time only their dot product). Peers get the
    # plain ``args``.
    driver: Callable[..., Any] | None = None
    setup: Callable[..., Args] | None = None
    # Peers taken from the chapter's own Rust module: ``{"slow Rust": lambda m:
    # m.ngram_counts_slow}``. They must be given code (outside the solution
    # markers), so that a learner's module has them too. ``peer_floors`` may name them.
    rust_peers: dict[str, Callable[[ModuleType], Callable[..., Any]]] = field(default_factory=dict)
    # The size in bytes of an input, ``bytes_of(*args)``: the report adds the
    # throughput (GB/s) of every contender.
    bytes_of: Callable[..., int] | None = None
    # Time Rust again at the largest size with 1, 2, 4... threads up to the
    # machine's cores, one child process per count (RAYON_NUM_THREADS and
    # WORKBOOK_THREADS set; see ``threads()``): the report's scaling table.
    scaling: bool = False
    # With ``scaling``: the floor of Rust on 2 threads over Rust on 1 (the same code,
    # RAYON_NUM_THREADS=1 and 2), judged on the scaling runs, which time Rust alone.
    scaling_floor: float | None = None
    # The three-way split: the criterion benchmark (``group/function``) of the
    # solution crate that times the pure Rust core on the largest input, and
    # optionally that input as bytes for it to read (see corebench.py).
    criterion: str | None = None
    core_input: Callable[..., bytes] | None = None

    @property
    def expects_loss(self) -> bool:
        return self.min_speedup is None


@dataclass(frozen=True)
class Task:
    """One graded function or class of a chapter's Rust module.

    A function task calls ``name`` with argument tuples drawn from ``strategy``
    and compares the result with the baseline's. A class task (``steps`` set)
    constructs an object with arguments from ``strategy``, runs the same drawn
    sequence of steps on the baseline's object and on the Rust one, and compares
    every result and every exception type; ``normalize`` maps results (e.g. an
    object of the class itself) to comparable values first.
    """

    name: str
    baseline: Callable[..., Any]
    strategy: st.SearchStrategy[Args]
    examples: Sequence[Example] = ()
    compare: Compare = exact
    steps: st.SearchStrategy[Sequence[Call]] | None = None
    normalize: Callable[[Any], Any] = _identity
    bench: Bench | None = None
    hints: Sequence[str] = ()
    max_examples: int = 200
    summary: str = ""
    # A check of what the module ships instead of a comparison with the baseline
    # (chapter 13): "signatures" or "wheel". Made by shipping.signatures_task
    # and shipping.wheel_task, which see to ``baseline`` and ``strategy``.
    shipping: str = ""


@dataclass(frozen=True)
class Chapter:
    number: int
    slug: str
    title: str
    module: str
    tasks: Sequence[Task]
    minutes: int = 45

    @property
    def folder(self) -> str:
        return f"{self.number:02d}_{self.slug}"

    def task(self, name: str) -> Task:
        for task in self.tasks:
            if task.name == name:
                return task
        raise KeyError(f"chapter {self.folder} has no task {name!r}")
