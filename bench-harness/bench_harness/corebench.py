"""The pure Rust side of the three-way split: a task's core timed by criterion.

A task whose ``Bench.criterion`` names a criterion benchmark (``group/function``)
of its solution crate gets a third time beside the Python baseline and Rust
through PyO3: the same work with no Python around it. The difference between
the last two is what the boundary costs (converting arguments and results).
The benchmark must time the task's largest input: with ``Bench.core_input``, the
harness writes that input's bytes to ``$WORKBOOK_BENCH_INPUTS/<task>.bin`` for
the benchmark to read.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from .build import cargo_env, package_name
from .course import TaskRef, solution_dir
from .paths import ROOT, TARGET
from .timing import SEED


def estimate_path(bench_id: str) -> Path:
    """Where criterion writes its estimates for ``group/function``."""
    return TARGET / "criterion" / bench_id / "new" / "estimates.json"


def core_seconds(ref: TaskRef) -> dict[str, Any]:
    """``{"kind": "core", "seconds": median}``, or ``{"kind": "core-error", "why": ...}``."""
    bench = ref.task.bench
    assert bench is not None and bench.criterion is not None
    crate = solution_dir(ref.chapter)
    with tempfile.TemporaryDirectory(prefix="workbook-core-") as inputs:
        if bench.core_input is not None:
            args = bench.make_input(bench.sizes[-1], SEED)
            (Path(inputs) / f"{ref.task.name}.bin").write_bytes(bench.core_input(*args))
        # A bare filter: every bench target gets it, the library's libtest harness too
        # (which would refuse criterion's own options).
        cmd = ["cargo", "bench", "-p", package_name(crate), "--benches", "--"]
        cmd.append(f"^{re.escape(bench.criterion)}$")
        proc = subprocess.run(
            cmd, cwd=ROOT, env=cargo_env() | {"WORKBOOK_BENCH_INPUTS": inputs},
            capture_output=True, text=True, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    if proc.returncode != 0:
        return {"kind": "core-error", "why": proc.stderr[-2000:]}
    estimates = estimate_path(bench.criterion)
    if not estimates.exists():
        return {"kind": "core-error", "why": f"criterion wrote no {estimates}"}
    median_ns = json.loads(estimates.read_text())["median"]["point_estimate"]
    return {"kind": "core", "seconds": median_ns * 1e-9, "criterion": bench.criterion}
