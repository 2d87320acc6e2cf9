"""Time the baseline, the Rust function and the peers on the same inputs.

Rounds are interleaved (baseline, Rust and peers in a shuffled order each
round) so that machine noise hits all of them; each round times a batch of
calls long enough for the clock, so a 30 ns call is timed as well as a 3 s one.
Speedups are ratios of medians with a paired bootstrap 95% interval.
"""

from __future__ import annotations

import random
import statistics
import timeit
from collections.abc import Callable
from functools import partial
from types import ModuleType
from typing import Any

from .checking import format_call, short_repr
from .spec import Args, Task
from .verdict import Kind, Verdict

SEED = 20261125
BATCH_SECONDS = 0.01
BOOTSTRAP_RESAMPLES = 2000


def make_timer(fn: Callable[..., Any], args: Args) -> timeit.Timer:
    # Spell the call out (fn(a0, a1)) so the timing loop adds no frame of its own.
    names = [f"a{i}" for i in range(len(args))]
    namespace: dict[str, Any] = {"fn": fn, **dict(zip(names, args, strict=True))}
    return timeit.Timer(f"fn({', '.join(names)})", globals=namespace)


def calibrate(timer: timeit.Timer) -> int:
    """Calls per batch so that one batch takes about BATCH_SECONDS."""
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= BATCH_SECONDS:
            return number
        number = max(number * 2, int(number * BATCH_SECONDS / max(elapsed, 1e-9) * 1.2))


def interleaved(
    timers: dict[str, timeit.Timer], budget: float, min_rounds: int, max_rounds: int
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Per-call times, one per round, for every contender."""
    numbers = {name: calibrate(timer) for name, timer in timers.items()}
    per_round = sum(timers[name].timeit(numbers[name]) for name in timers)
    rounds = max(min_rounds, min(max_rounds, int(budget / max(per_round, 1e-9))))
    times: dict[str, list[float]] = {name: [] for name in timers}
    order = list(timers)
    shuffle = random.Random(SEED).shuffle
    for _ in range(rounds):
        shuffle(order)
        for name in order:
            times[name].append(timers[name].timeit(numbers[name]) / numbers[name])
    return times, numbers


def ratio_interval(slow: list[float], fast: list[float]) -> tuple[float, float, float]:
    """median(slow) / median(fast) and its paired bootstrap 95% interval."""
    ratio = statistics.median(slow) / statistics.median(fast)
    rng = random.Random(SEED)
    n = len(slow)
    samples = []
    for _ in range(BOOTSTRAP_RESAMPLES):
        picks = [rng.randrange(n) for _ in range(n)]
        samples.append(
            statistics.median(slow[i] for i in picks) / statistics.median(fast[i] for i in picks)
        )
    samples.sort()
    low = samples[int(0.025 * len(samples))]
    high = samples[int(0.975 * len(samples)) - 1]
    return ratio, low, high


def contenders(
    task: Task, module: ModuleType, args: Args
) -> dict[str, tuple[Callable[..., Any], Args]]:
    """What to time for each contender, and the arguments to time it on."""
    bench = task.bench
    assert bench is not None
    timed: dict[str, tuple[Callable[..., Any], Args]] = {}
    for name, impl in (("baseline", task.baseline), ("rust", getattr(module, task.name))):
        if bench.driver is None:
            timed[name] = (impl, args)
        else:
            # Untimed: e.g. build the objects whose method is timed.
            prepared = bench.setup(impl, *args) if bench.setup is not None else args
            timed[name] = (partial(bench.driver, impl), prepared)
    peers = bench.peers | {peer: take(module) for peer, take in bench.rust_peers.items()}
    return timed | {peer: (f, args) for peer, f in peers.items()}


def outliers(times: list[float]) -> int:
    """Rounds outside 1.5 IQR of the quartiles (Tukey's fences, as pytest-benchmark counts them)."""
    if len(times) < 4:
        return 0
    q1, _, q3 = statistics.quantiles(times, n=4)
    low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    return sum(not low <= t <= high for t in times)


def bench_task(
    module: ModuleType, task: Task, options: dict[str, Any], on_call: Callable[[str], None]
) -> dict[str, Any]:
    """Timings for every size of ``task``, or a verdict when the Rust answer is wrong at scale.

    Options: ``quick`` (fewer rounds), ``largest_only``, ``rust_only`` (time Rust alone:
    a scaling run, where the baseline was timed already)."""
    assert task.bench is not None, f"{task.name} is not benchmarked"
    bench = task.bench
    quick = bool(options.get("quick"))
    sizes = []
    for size in bench.sizes[-1:] if options.get("largest_only") else bench.sizes:
        args = bench.make_input(size, SEED)
        timed = contenders(task, module, args)
        if options.get("rust_only"):
            timed = {"rust": timed["rust"]}
        else:
            on_call(format_call(task, args))
            expected, got = (f(*a) for f, a in (timed["baseline"], timed["rust"]))
            if not task.compare(task.normalize(expected), task.normalize(got)):
                return Verdict(
                    Kind.WRONG_ANSWER,
                    task.name,
                    f"wrong answer on the benchmark input of size {size}",
                    format_call(task, args),
                    [("expected", short_repr(expected)), ("got", short_repr(got))],
                ).to_json()
        timers = {name: make_timer(f, a) for name, (f, a) in timed.items()}
        times, numbers = interleaved(
            timers,
            budget=0.3 if quick else 2.0,
            min_rounds=5 if quick else 9,
            max_rounds=15 if quick else 60,
        )
        measured: dict[str, Any] = {
            "size": size,
            "times": times,
            "numbers": numbers,
            "bytes": bench.bytes_of(*args) if bench.bytes_of is not None else None,
        }
        if "baseline" in times:
            measured["speedup"] = ratio_interval(times["baseline"], times["rust"])
            measured["peer_speedups"] = {
                peer: ratio_interval(times[peer], times["rust"])
                for peer in timed
                if peer not in ("baseline", "rust")
            }
        sizes.append(measured)
    return {"kind": "bench", "task": task.name, "sizes": sizes}
