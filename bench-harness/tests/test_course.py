"""The whole course: `workbook dev check`, and results pytest-benchmark can read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench_harness import course, devcheck, report, results
from bench_harness.build import build
from bench_harness.paths import SOLUTIONS
from bench_harness.runner import BENCH_LIMITS, run_task

FINDINGS = devcheck.findings()


@pytest.mark.parametrize(
    "finding", FINDINGS, ids=lambda f: f"{f.chapter}-{f.task}-{f.crate}".replace("*", "all")
)
def test_dev_check(finding: devcheck.Finding) -> None:
    """Solutions pass every task, stubs fail as 'not implemented', exercises in sync."""
    assert finding.ok, finding.detail


def test_dev_check_covers_every_task() -> None:
    tasks = course.all_tasks()
    assert len([f for f in FINDINGS if f.crate == "solution"]) == len(tasks)
    assert len([f for f in FINDINGS if f.crate == "exercise"]) == len(tasks)


def test_debug_builds_are_recognised() -> None:
    (built,) = build([SOLUTIONS / "01_hello"], profile="dev")
    assert built.ok and not built.release
    (built,) = build([SOLUTIONS / "01_hello"])
    assert built.ok and built.release


def test_bench_results_are_pytest_benchmark_files(tmp_path: Path) -> None:
    (ref,) = course.resolve("hello.add")
    (built,) = build([course.solution_dir(ref.chapter)])
    assert built.library is not None
    measured = run_task(
        ref.chapter, built.library, "add", "bench", BENCH_LIMITS, {"quick": True},
    )  # fmt: skip
    assert measured["kind"] == "bench"
    document = results.run_document(results.benchmark_entries(ref, measured, "solutions"), "s")
    saved = results.save_run(document, storage=tmp_path)
    assert json.loads(saved.read_text())["benchmarks"][0]["stats"]["rounds"] >= 5
    (row,) = report.rows_from_run(document)
    assert row.verdict == "loss expected"
    compare = subprocess.run(
        [Path(sys.executable).parent / "pytest-benchmark", "compare", str(saved)],
        capture_output=True,
        text=True,
    )
    assert compare.returncode == 0, compare.stderr
    assert "add[rust-1]" in compare.stdout
