"""Instruction counts under valgrind's callgrind: a speed figure that does not
move when the machine is busy, for CI runners shared with other jobs.

A count covers a whole process, so each contender's calls are counted as the
difference between a child that makes the input and calls it ``calls`` times and
one that only makes the input. The counts repeat exactly only with the same
interpreter binary, input and environment: PYTHONHASHSEED is fixed and valgrind
starts the interpreter itself (a shell shim such as pyenv's would be counted
instead, differently on every run).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from .course import TaskRef, solution_dir
from .runner import run_task
from .sandbox import Limits
from .spec import Chapter, Task
from .timing import SEED, contenders

# valgrind maps far more address space than the program uses: no memory limit.
COUNT_LIMITS = Limits(seconds=600.0, memory_mb=1 << 20)
ENV = {"PYTHONHASHSEED": "0"}
TARGET_SECONDS = 0.02  # native time of the counted calls: far above the run-to-run noise


def run_calls(module: ModuleType, task: Task, options: dict[str, Any]) -> dict[str, Any]:
    """The child's side: make the input (at the smallest size unless ``size`` is given)
    and call one contender ``calls`` times."""
    assert task.bench is not None
    args = task.bench.make_input(options.get("size", task.bench.sizes[0]), SEED)
    if options["contender"] != "none":
        fn, fn_args = contenders(task, module, args)[options["contender"]]
        for _ in range(options["calls"]):
            fn(*fn_args)
    return {"kind": "counted"}


def interpreter_problem() -> str | None:
    """Why valgrind cannot count here, or None."""
    if shutil.which("valgrind") is None:
        return "valgrind is not installed (Debian/Ubuntu: apt install valgrind)"
    with open(os.path.realpath(sys.executable), "rb") as exe:
        if exe.read(4) != b"\x7fELF":
            return (
                f"{sys.executable} is a script, not the interpreter binary (a pyenv shim?): "
                "valgrind would count the script's shell. Create the virtual environment "
                "from the real python binary."
            )
    return None


def calls_for(seconds_per_call: float) -> int:
    """A power of two of calls lasting about TARGET_SECONDS natively: the same count on
    every run unless the machine's speed changes by a factor of two."""
    wanted = max(1.0, TARGET_SECONDS / max(seconds_per_call, 1e-9))
    return int(2 ** math.ceil(math.log2(wanted)))


def _total(profile: Path) -> int:
    for line in profile.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise ValueError(f"no total in {profile}")


def _count(
    ref: TaskRef, libraries: dict[str, Path], options: dict[str, dict[str, Any]]
) -> dict[str, int] | dict[str, Any]:
    """Total instructions of one child per name (``options[name]`` says what it calls,
    ``libraries[name]`` which build it loads), or the verdict of a child that died."""
    totals: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="workbook-callgrind-") as tmp:
        for name, option in options.items():
            profile = Path(tmp) / f"{name}.out"
            prefix = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}"]
            answer = run_task(
                ref.chapter, libraries[name], ref.task.name, "count", COUNT_LIMITS, option, ENV,
                prefix,
            )  # fmt: skip
            if answer.get("kind") != "counted":
                return answer
            totals[name] = _total(profile)
    return totals


def count_instructions(
    ref: TaskRef, library: Path, seconds_per_call: dict[str, float]
) -> dict[str, Any]:
    """Instructions per call of the baseline and of Rust at the smallest size;
    ``seconds_per_call`` (each contender's native time there) sets the calls counted."""
    if problem := interpreter_problem():
        return {"kind": "instructions-unavailable", "why": problem}
    calls = {c: calls_for(seconds_per_call[c]) for c in ("baseline", "rust")} | {"none": 0}
    options = {c: {"contender": c, "calls": calls[c]} for c in ("none", "baseline", "rust")}
    totals = _count(ref, dict.fromkeys(options, library), options)
    if "kind" in totals:
        return totals
    assert ref.task.bench is not None
    per_call = {c: (totals[c] - totals["none"]) / calls[c] for c in ("baseline", "rust")}
    return {
        "kind": "instructions",
        "size": ref.task.bench.sizes[0],
        "calls": calls,
        "baseline": per_call["baseline"],
        "rust": per_call["rust"],
        "ratio": per_call["baseline"] / max(per_call["rust"], 1.0),
        "totals": totals,
    }


def rust_against_reference(ref: TaskRef, library: Path, reference: Path) -> dict[str, Any]:
    """Instructions of one call at the largest size of this Rust and of the reference
    solution's (at that size one call is millions of instructions: no calibration)."""
    assert ref.task.bench is not None
    size = ref.task.bench.sizes[-1]
    call = {"contender": "rust", "calls": 1, "size": size}
    options = {"none": {**call, "calls": 0}, "rust": call, "reference": call}
    libraries = {"none": library, "rust": library, "reference": reference}
    totals = _count(ref, libraries, options)
    if "kind" in totals:
        return totals
    return {
        "kind": "instructions",
        "size": size,
        "rust": totals["rust"] - totals["none"],
        "reference": totals["reference"] - totals["none"],
    }


def reference_speedups() -> dict[str, float]:
    """Each timed task's speedup at its largest size in the book's reference run."""
    from .book import REFERENCE
    from .report import rows_from_run

    if not REFERENCE.exists():
        return {}
    rows = rows_from_run(json.loads(REFERENCE.read_text()))
    return {row.task: row.speedup[0] for row in rows if row.verdict}


_REFERENCE_BUILDS: dict[str, Path | None] = {}


def reference_build(chapter: Chapter) -> Path | None:
    """The reference solution's extension, built once per chapter (None if it fails)."""
    from .build import build_one

    if chapter.folder not in _REFERENCE_BUILDS:
        built = build_one(solution_dir(chapter), color=False)
        _REFERENCE_BUILDS[chapter.folder] = built.library if built.ok and built.release else None
    return _REFERENCE_BUILDS[chapter.folder]
