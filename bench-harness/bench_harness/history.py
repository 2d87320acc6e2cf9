"""The recorded runs of this machine, and ``workbook compare`` between two of them.

A change is judged on the speedup (Rust against the baseline timed in the same
rounds), which a slower or busier machine moves far less than either time: a
regression is a drop larger than the threshold whose 95% intervals do not overlap.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytest_benchmark.utils import get_machine_id
from rich.console import Console
from rich.table import Table

from .paths import RESULTS_DIR
from .report import fmt_ratio


def runs(storage: Path = RESULTS_DIR) -> list[Path]:
    """This machine's runs, oldest first."""
    return sorted((storage / get_machine_id()).glob("[0-9][0-9][0-9][0-9]_*.json"))


def find_run(spec: str | None, storage: Path = RESULTS_DIR) -> Path:
    """A run by path, by number (``3`` or ``0003``), or the latest when ``spec`` is None."""
    recorded = runs(storage)
    if spec is None:
        if not recorded:
            raise LookupError("No recorded run yet: `workbook bench` records one.")
        return recorded[-1]
    if spec.isdigit():
        for path in recorded:
            if int(path.name[:4]) == int(spec):
                return path
        raise LookupError(f"This machine has no run number {spec} under {storage}.")
    path = Path(spec)
    if not path.is_file():
        raise LookupError(f"No run file {spec}.")
    return path


def load_run(spec: str | None, storage: Path = RESULTS_DIR) -> dict[str, Any]:
    path = find_run(spec, storage)
    try:
        document: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise LookupError(f"{path} is not a readable run: {error}") from error
    document.setdefault("path", str(path))
    return document


@dataclass(frozen=True)
class Change:
    task: str
    size: int
    before: tuple[float, float, float]  # speedup, low, high
    after: tuple[float, float, float]
    verdict: str  # "regression", "improvement" or "" (within the noise)


def _speedups(document: dict[str, Any]) -> dict[tuple[str, int], tuple[float, float, float]]:
    found = {}
    for entry in document["benchmarks"]:
        info = entry["extra_info"]
        if info["contender"] == "rust":
            low, high = info["speedup_ci95"]
            found[(info["task"], info["size"])] = (info["speedup"], low, high)
    return found


def compare(before: dict[str, Any], after: dict[str, Any], threshold: float) -> list[Change]:
    """Every task and size timed in both runs, judged."""
    old, new = _speedups(before), _speedups(after)
    changes = []
    for key in sorted(old.keys() & new.keys()):
        (b, b_low, b_high), (a, a_low, a_high) = old[key], new[key]
        verdict = ""
        if a < b * (1 - threshold) and a_high < b_low:
            verdict = "regression"
        elif a > b * (1 + threshold) and a_low > b_high:
            verdict = "improvement"
        changes.append(Change(key[0], key[1], old[key], new[key], verdict))
    return changes


def _pick(specs: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    if len(specs) > 2:
        raise LookupError("compare takes at most two runs.")
    if len(specs) == 2:
        return load_run(specs[0]), load_run(specs[1])
    if len(specs) == 1:
        return load_run(specs[0]), load_run(None)
    recorded = runs()
    if len(recorded) < 2:
        raise LookupError("compare needs two recorded runs: run `workbook bench` twice.")
    return load_run(str(recorded[-2])), load_run(str(recorded[-1]))


def compare_command(console: Console, specs: list[str], threshold: float) -> int:
    """Print the comparison; 1 when anything regressed."""
    before, after = _pick(specs)
    changes = compare(before, after, threshold)
    table = Table(
        "task", "size", "before", "after", "change", "",
        title=f"{before['path']} → {after['path']}",
        caption=f"flagged: a change beyond {threshold:.0%} whose 95% intervals do not overlap",
    )  # fmt: skip
    for c in changes:
        style = {"regression": "bold red", "improvement": "green"}.get(c.verdict)
        table.add_row(
            c.task, f"{c.size:,}", fmt_ratio(c.before[0]), fmt_ratio(c.after[0]),
            f"{c.after[0] / c.before[0] - 1:+.0%}", c.verdict, style=style,
        )  # fmt: skip
    console.print(table)
    if not changes:
        console.print("[yellow]The two runs have no task and size in common.[/]")
    regressions = [c for c in changes if c.verdict == "regression"]
    if regressions:
        console.print(f"[red]{len(regressions)} regression(s).[/]")
    return 1 if regressions else 0
