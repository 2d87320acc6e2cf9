"""``workbook dev check``: the course maintainer's proof that the course is whole.

Every manifest loads, every exercise crate is what the generator makes of its
solution, every solution passes every task and every stub fails every task.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from . import course, stubs
from .build import BuildResult, build
from .paths import ROOT
from .runner import check_tasks
from .spec import Chapter
from .verdict import Kind, Verdict


@dataclass
class Finding:
    chapter: str
    task: str
    crate: str  # "solution" | "exercise" | "sync"
    ok: bool
    detail: str


def sync() -> list[tuple[str, list[str]]]:
    return [
        (ch.folder, stubs.write_exercise(course.solution_dir(ch), course.exercise_dir(ch)))
        for ch in course.chapters()
    ]


def sync_findings(chapters: list[Chapter]) -> list[Finding]:
    findings = []
    for ch in chapters:
        stale = stubs.out_of_sync(course.solution_dir(ch), course.exercise_dir(ch))
        detail = "in sync" if not stale else "differs: " + ", ".join(stale) + " (workbook dev sync)"
        findings.append(Finding(ch.folder, "*", "sync", not stale, detail))
    return findings


def crate_findings(chapters: list[Chapter]) -> list[Finding]:
    """Build all crates in one cargo call, then check every task of both crates."""
    crates = [(ch, sol) for ch in chapters for sol in (True, False)]
    builds = build([course.crate_dir(ch, sol) for ch, sol in crates])

    def check(item: tuple[tuple[Chapter, bool], BuildResult]) -> list[Finding]:
        (ch, solution), built = item
        names = [t.name for t in ch.tasks]
        verdicts = check_tasks(ch, built, names)
        return [_finding(ch, solution, v) for v in verdicts]

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [f for group in pool.map(check, zip(crates, builds, strict=True)) for f in group]


def _finding(ch: Chapter, solution: bool, verdict: Verdict) -> Finding:
    if solution:
        return Finding(ch.folder, verdict.task, "solution", verdict.passed, verdict.as_text())
    # A stub must fail because it is unfinished, not because it does not build.
    ok = verdict.kind is Kind.NOT_IMPLEMENTED
    return Finding(ch.folder, verdict.task, "exercise", ok, verdict.as_text())


def findings() -> list[Finding]:
    chapters = course.chapters()
    return sync_findings(chapters) + crate_findings(chapters)


def run(console: Console) -> bool:
    found = findings()
    table = Table("chapter", "task", "crate", "", "detail", title="workbook dev check")
    for f in found:
        mark = "[green]ok[/]" if f.ok else "[red]FAIL[/]"
        detail = f.detail if not f.ok else f.detail.splitlines()[0]
        table.add_row(f.chapter, f.task, f.crate, mark, detail)
    console.print(table)
    bad = [f for f in found if not f.ok]
    console.print(f"[{'red' if bad else 'green'}]{len(found) - len(bad)} ok, {len(bad)} failed[/]")
    return not bad


def run_tests(pytest_args: list[str]) -> int:
    """The project's whole test suite (lints included) as one pytest run."""
    cmd = [sys.executable, "-m", "pytest", *pytest_args]
    code = subprocess.call(cmd, cwd=ROOT)
    if code == 5:
        # The suite always has tests: collecting none means it is broken.
        print("pytest collected no tests: the test suite is missing", file=sys.stderr)
        return 1
    return code
