"""Everything ``workbook bench`` measures about one task, each part in a child process:
the interleaved timing, thread scaling, peak memory, and instruction counts."""

from __future__ import annotations

import os
import statistics
from pathlib import Path
from typing import Any

from .course import TaskRef
from .runner import BENCH_LIMITS, run_task


def thread_counts(cores: int | None = None) -> list[int]:
    """1, 2, 4... up to the machine's cores, the core count itself included."""
    cores = cores or os.cpu_count() or 1
    counts = [1]
    while counts[-1] * 2 < cores:
        counts.append(counts[-1] * 2)
    return [*counts, cores] if cores > 1 else counts


# Passes over the thread counts, alternating: a phase in which the shared machine
# lends fewer cores then slows every count alike instead of one.
SCALING_PASSES = 3


def scaling(ref: TaskRef, library: Path, quick: bool) -> list[dict[str, Any]] | dict[str, Any]:
    """Rust's times at the largest size with each thread count, pooled over alternating
    passes, one child process per pass and count (a verdict if one run dies)."""
    rows = {threads: {"threads": threads, "times": [], "number": 0} for threads in thread_counts()}
    for _ in range(1 if quick else SCALING_PASSES):
        for threads, row in rows.items():
            env = {"RAYON_NUM_THREADS": str(threads), "WORKBOOK_THREADS": str(threads)}
            options = {"quick": True, "largest_only": True, "rust_only": True}
            measured = run_task(
                ref.chapter, library, ref.task.name, "bench", BENCH_LIMITS, options, env
            )
            if measured.get("kind") != "bench":
                return measured
            (size,) = measured["sizes"]
            row["times"] += size["times"]["rust"]
            row["number"] = max(row["number"], size["numbers"]["rust"])
    return list(rows.values())


def memory(ref: TaskRef, library: Path) -> dict[str, Any]:
    """Peak memory of the baseline and of Rust, each in a fresh child; a verdict if one dies."""
    found: dict[str, Any] = {}
    for contender in ("baseline", "rust"):
        options = {"contender": contender}
        measured = run_task(ref.chapter, library, ref.task.name, "memory", BENCH_LIMITS, options)
        if measured.get("kind") != "memory":
            return measured
        found[contender] = {"rss": measured["rss"], "python": measured["python"]}
    return {"kind": "memory", **found}


def measure(
    ref: TaskRef, library: Path, quick: bool, instructions: bool = False, core: bool = False
) -> dict[str, Any]:
    """The bench child's answer plus ``scaling``, ``memory``, ``instructions`` and the
    criterion time of the pure Rust ``core`` where asked for and declared; a verdict
    (a wrong answer at scale, a crash) is returned as it is."""
    measured = run_task(
        ref.chapter, library, ref.task.name, "bench", BENCH_LIMITS, {"quick": quick}
    )
    if measured.get("kind") != "bench":
        return measured
    bench = ref.task.bench
    assert bench is not None
    if bench.scaling:
        rows = scaling(ref, library, quick)
        if isinstance(rows, dict):
            return rows
        measured["scaling"] = rows
    if not quick:
        found = memory(ref, library)
        if found.get("kind") != "memory":
            return found
        measured["memory"] = {c: found[c] for c in ("baseline", "rust")}
    if core and bench.criterion is not None:
        from .corebench import core_seconds

        measured["core"] = core_seconds(ref)
    if instructions:
        from .counting import count_instructions

        smallest = measured["sizes"][0]["times"]
        native = {c: statistics.median(smallest[c]) for c in ("baseline", "rust")}
        counted = count_instructions(ref, library, native)
        if counted.get("kind") != "instructions":
            return counted
        measured["instructions"] = counted
    return measured
