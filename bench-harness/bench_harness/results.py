"""Benchmark results as JSON that ``pytest-benchmark compare`` reads.

One file per run under ``.benchmarks/<machine id>/NNNN_<commit>_<time>.json``,
the layout pytest-benchmark itself keeps, so the history is per machine. The
workbook's own figures (speedup, interval, peers, floor) ride in ``extra_info``.
"""

from __future__ import annotations

import json
import os
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


def benchmark_entries(ref: TaskRef, measured: dict[str, Any], crates: str) -> list[dict[str, Any]]:
    """pytest-benchmark entries for every size and contender of one task."""
    bench = ref.task.bench
    assert bench is not None
    entries = []
    for size in measured["sizes"]:
        group = f"{ref.id}[{bench.size_label}={size['size']}]"
        for contender, times in size["times"].items():
            stats = Stats()
            for t in times:
                stats.update(t)
            extra: dict[str, Any] = {"task": ref.id, "size": size["size"], "contender": contender}
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
            param = f"{contender}-{size['size']}"
            entries.append(
                {
                    "group": group,
                    "name": f"{ref.task.name}[{param}]",
                    "fullname": f"{ref.chapter.folder}::{ref.task.name}[{param}]",
                    "params": {"contender": contender, "size": size["size"]},
                    "param": param,
                    "extra_info": extra,
                    "options": {
                        "timer": "perf_counter",
                        "disable_gc": True,
                        "interleaved": True,
                    },
                    "stats": {
                        **stats.as_dict(),
                        "data": times,
                        "iterations": size["numbers"][contender],
                    },
                }
            )
    return entries


def run_document(entries: list[dict[str, Any]], crates: str) -> dict[str, Any]:
    return {
        "machine_info": pytest_benchmark_generate_machine_info() | {"cpu_count": os.cpu_count()},
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
