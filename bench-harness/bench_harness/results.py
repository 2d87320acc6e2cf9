"""Benchmark results as JSON that ``pytest-benchmark compare`` reads.

One file per run under ``.benchmarks/<machine id>/NNNN_<commit>_<time>.json``,
the layout pytest-benchmark itself keeps, so the history is per machine. The
workbook's own figures (speedup, interval, peers, floor) ride in ``extra_info``.
"""

from __future__ import annotations

import json
import os
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest_benchmark
from pytest_benchmark.plugin import pytest_benchmark_generate_machine_info
from pytest_benchmark.stats import Stats
from pytest_benchmark.utils import get_commit_info, get_machine_id, get_tag

from .course import TaskRef
from .files import write_atomic
from .paths import RESULTS_DIR
from .spec import Bench
from .timing import outliers


def _entry(
    ref: TaskRef, group: str, param: str, times: list[float], number: int, extra: dict[str, Any]
) -> dict[str, Any]:
    stats = Stats()
    for t in times:
        stats.update(t)
    return {
        "group": group,
        "name": f"{ref.task.name}[{param}]",
        "fullname": f"{ref.chapter.folder}::{ref.task.name}[{param}]",
        "params": {k: extra[k] for k in ("contender", "size") if k in extra},
        "param": param,
        "extra_info": {"task": ref.id, **extra},
        "options": {"timer": "perf_counter", "disable_gc": True, "interleaved": True},
        "stats": {**stats.as_dict(), "data": times, "iterations": number},
    }


def _scaling_judged(bench: Bench, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Rust's speedup on 2 threads (or the most below 2) over 1 thread, with its floor."""
    times = {row["threads"]: statistics.median(row["times"]) for row in rows}
    if bench.scaling_floor is None or 1 not in times or len(times) < 2:
        return {}
    threads = max(n for n in times if n <= 2)
    return {
        "scaling_floor": bench.scaling_floor,
        "scaling_speedup": [threads, times[1] / times[threads]],
    }


def benchmark_entries(ref: TaskRef, measured: dict[str, Any], crates: str) -> list[dict[str, Any]]:
    """pytest-benchmark entries for every size and contender of one task, and one per
    thread count of a scaling run. Memory rides on Rust's entry at the largest size,
    instruction counts on Rust's entry at the smallest."""
    bench = ref.task.bench
    assert bench is not None
    entries = []
    sizes = measured["sizes"]
    for size in sizes:
        group = f"{ref.id}[{bench.size_label}={size['size']}]"
        for contender, times in size["times"].items():
            extra: dict[str, Any] = {
                "size": size["size"],
                "contender": contender,
                "bytes": size.get("bytes"),
                "outliers": outliers(times),
            }
            if contender == "rust":
                speedup, low, high = size["speedup"]
                extra |= {
                    "crates": crates,
                    "speedup": speedup,
                    "speedup_ci95": [low, high],
                    "min_speedup": bench.min_speedup,
                    "peer_floors": dict(bench.peer_floors),
                    "peer_speedups": size["peer_speedups"],
                }
                if size is sizes[-1]:
                    extra |= {k: measured[k] for k in ("memory", "core") if k in measured}
                    extra |= _scaling_judged(bench, measured.get("scaling", []))
                if size is sizes[0] and "instructions" in measured:
                    extra["instructions"] = measured["instructions"]
            param = f"{contender}-{size['size']}"
            entries.append(_entry(ref, group, param, times, size["numbers"][contender], extra))
    largest = sizes[-1]["size"]
    for row in measured.get("scaling", []):
        # Its own contender name: readers that pair "rust" with "baseline" skip it.
        extra = {"size": largest, "contender": f"rust, {row['threads']} threads"}
        extra["threads"] = row["threads"]
        param = f"rust-{largest}-{row['threads']}threads"
        group = f"{ref.id}[threads]"
        entries.append(_entry(ref, group, param, row["times"], row["number"], extra))
    return entries


def run_document(
    entries: list[dict[str, Any]], crates: str, busy_cores: float = 0.0
) -> dict[str, Any]:
    """A whole run; ``busy_cores``: the other programs' load when timing started."""
    machine = pytest_benchmark_generate_machine_info()
    return {
        "machine_info": machine | {"cpu_count": os.cpu_count(), "busy_cores": round(busy_cores, 2)},
        "commit_info": get_commit_info(),
        "benchmarks": entries,
        "datetime": datetime.now(UTC).isoformat(),
        "version": pytest_benchmark.__version__,
        "workbook": {"crates": crates},
    }


def save_run(document: dict[str, Any], storage: Path = RESULTS_DIR) -> Path:
    """Save atomically as the next numbered run of this machine."""
    folder = storage / get_machine_id()
    folder.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name[:4]) for p in folder.glob("[0-9][0-9][0-9][0-9]_*.json")]
    path: Path = folder / f"{max(numbers, default=0) + 1:04d}_{get_tag()}.json"
    write_atomic(path, json.dumps(document, indent=1))
    return path
