"""``workbook class``: a class report from synthetic learners' grade files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from rich.console import Console

from bench_harness import classreport
from bench_harness.grading import FAIL, PARTIAL, PASS, TAMPERED, Grade, TaskGrade
from bench_harness.verdict import Kind, Verdict

TASKS = ["hello.add", "hello.count_primes", "strings.count_words"]


def task(task_id: str, outcome: str, speedup: float | None = None) -> TaskGrade:
    """One task of a learner: 'pass', 'slow', 'todo', 'wrong', 'panic' or 'tampered'."""
    chapter = {"hello": "01_hello", "strings": "03_strings"}[task_id.split(".")[0]]
    name = task_id.split(".")[1]
    floor = {"hello.add": None}.get(task_id, 4.0)
    if outcome == "tampered":
        return TaskGrade(task_id, chapter, TAMPERED, None, tampered=["x changed"])
    kind = {
        "pass": Kind.PASSED,
        "slow": Kind.PASSED,
        "todo": Kind.NOT_IMPLEMENTED,
        "wrong": Kind.WRONG_ANSWER,
        "panic": Kind.PANIC,
    }[outcome]
    status = {"pass": PASS, "slow": PARTIAL}.get(outcome, FAIL)
    check = 7 if kind is Kind.PASSED else 0
    speed = 3 if outcome == "pass" else 0
    return TaskGrade(
        task_id, chapter, status, Verdict(kind, name), check + speed, 10, check, speed,
        speedup=speedup, floor=floor, benchmarked=True,
    )  # fmt: skip


LEARNERS = {
    "ada": [("pass", 0.9), ("pass", 45.0), ("pass", 5.1)],
    "bob": [("pass", 0.8), ("slow", 6.0), ("wrong", None)],
    "cy": [("pass", 0.7), ("wrong", None), ("wrong", None)],
    "dee": [("todo", None), ("todo", None), ("panic", None)],
    "eve": [("tampered", None), ("tampered", None), ("tampered", None)],
}


def write_grades(folder: Path) -> None:
    for name, outcomes in LEARNERS.items():
        grade = Grade([task(t, o, s) for t, (o, s) in zip(TASKS, outcomes, strict=True)])
        (folder / f"{name}.json").write_text(json.dumps(grade.to_json()))
    (folder / "classroom.json").write_text('{"version": 1, "tests": []}')  # left alone
    (folder / "broken.json").write_text('{"format": "workbook-grade", "tasks": [{}]}')


def test_class_report(tmp_path: Path) -> None:
    grades = tmp_path / "grades"
    grades.mkdir()
    write_grades(grades)
    out = tmp_path / "report"
    console = Console(record=True, width=200, color_system=None)
    assert classreport.class_command(console, grades, out) == 0

    md = (out / "class-report.md").read_text()
    assert md.startswith("# Class report: 5 learners, 3 tasks")
    assert "| ada | ✓ | ✓ | ✓ | 30/30 (100%) |" in md
    assert "| bob | ✓ | ◐ | ✗ | 17/30 (57%) |" in md
    assert "| dee | · | · | ✗ | 0/30 (0%) |" in md
    assert "| eve | ! | ! | ! | 0/30 (0%) |" in md
    # Stuck: count_words fails for 4 of 5, mostly with a wrong answer.
    stuck = md.split("## Where people are stuck")[1].split("## Best speedups")[0]
    rows = [line for line in stuck.splitlines() if line.startswith("| `")]
    assert rows[0] == "| `strings.count_words` | 4/5 | wrong answer (2) |"
    assert rows[-1] == "| `hello.add` | 2/5 | not implemented (1) |"
    # Best speedups: who reached them, and the median over those timed.
    assert "| `hello.count_primes` | 45.00× | ada | 25.50× | 2 | 4× |" in md
    assert "| `hello.add` | 0.90× | ada | 0.80× | 3 | loss expected |" in md
    assert "![who passed what](class-report.svg)" in md

    svg = ET.parse(out / "class-report.svg").getroot()
    assert svg.tag.endswith("svg")
    assert "cy" in (out / "class-report.svg").read_text()

    printed = console.export_text()
    assert "1a hello.add · 1b hello.count_primes · 3a strings.count_words" in printed
    assert "Who passed what" in printed and "Skipped" in printed and "broken.json" in printed
    assert "classroom.json" not in printed


def test_learners_named_by_folder_when_files_share_a_name(tmp_path: Path) -> None:
    for name in ("ann", "ben"):
        (tmp_path / name).mkdir()
        grade = Grade([task("hello.add", "pass", 1.0)], learner="")
        (tmp_path / name / "grade.json").write_text(json.dumps(grade.to_json()))
    learners, skipped = classreport.load(tmp_path)
    assert [learner.name for learner in learners] == ["ann", "ben"] and skipped == []
