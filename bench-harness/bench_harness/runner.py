"""Build a chapter crate and run its tasks, each in its own sandboxed child."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build import BuildResult
from .course import exercise_dir
from .sandbox import Limits, death_verdict, run_child, snapshot
from .spec import Chapter
from .verdict import Kind, Verdict

# WORKBOOK_TIME_LIMIT (seconds) lets a slow machine, or a test, change the check's limit.
CHECK_LIMITS = Limits(seconds=float(os.environ.get("WORKBOOK_TIME_LIMIT", "30")))
BENCH_LIMITS = Limits(seconds=600.0, memory_mb=8192)
# A wheel task (shipping.py) runs maturin (cargo, rustc), pip and stubtest from
# the child: minutes on a busy machine, rustc's memory, cargo's files.
WHEEL_LIMITS = Limits(seconds=max(CHECK_LIMITS.seconds, 600.0), memory_mb=16384, output_mb=2048)


def compile_error(build: BuildResult, task: str) -> Verdict:
    # Without rustc diagnostics for this crate, cargo stopped before compiling
    # it: a missing or broken Cargo.toml somewhere in the workspace, say.
    summary = (
        "cargo could not build the crate"
        if build.diagnostics
        else "cargo stopped before compiling the crate (read its message above)"
    )
    return Verdict(Kind.COMPILE_ERROR, task, summary, details=[("cargo", build.errors)])


def run_task(
    chapter: Chapter,
    library: Path,
    task: str,
    mode: str,
    limits: Limits,
    options: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
    prefix: list[str] | None = None,
    crate: Path | None = None,
) -> dict[str, Any]:
    """The child's JSON answer for one task, or a verdict for how it died.
    ``crate``: the folder the library was built from (a wheel task builds it again)."""
    with tempfile.TemporaryDirectory(prefix="workbook-lib-") as tmp:
        request = {
            "chapter_dir": str(exercise_dir(chapter)),
            "library": str(snapshot(library, Path(tmp))),
            "task": task,
            "mode": mode,
            "options": options or {},
            "crate": str(crate) if crate is not None else None,
        }
        if mode in ("bench", "memory"):
            # One hash seed for every timing process: with a random one, the cost of
            # the baseline's dicts and sets moves from run to run at small sizes.
            env = {"PYTHONHASHSEED": "0", **(env or {})}
        run = run_child(request, limits, env, prefix)
    if run.result is not None:
        return run.result
    return death_verdict(task, run, limits).to_json()


@dataclass(frozen=True)
class QuickTiming:
    """One quick measurement at a task's largest size."""

    size: int
    speedup: float
    low: float
    high: float


def time_quickly(
    chapter: Chapter, library: Path, task: str, limits: Limits = BENCH_LIMITS
) -> QuickTiming | Verdict:
    """A rough speedup figure at the largest size, or the verdict that stopped it."""
    options = {"quick": True, "largest_only": True}
    measured = run_task(chapter, library, task, "bench", limits, options)
    if measured.get("kind") != "bench":
        return Verdict.from_json(measured)
    (size,) = measured["sizes"]
    ratio, low, high = size["speedup"]
    return QuickTiming(size["size"], ratio, low, high)


def check_tasks(
    chapter: Chapter,
    build: BuildResult,
    tasks: list[str],
    limits: Limits = CHECK_LIMITS,
) -> list[Verdict]:
    if not build.ok or build.library is None:
        return [compile_error(build, task) for task in tasks]
    return [
        Verdict.from_json(
            run_task(
                chapter,
                build.library,
                task,
                "check",
                WHEEL_LIMITS if chapter.task(task).shipping == "wheel" else limits,
                crate=build.crate,
            )
        )
        for task in tasks
    ]
