"""``workbook grade`` and ``workbook dev hash-grader-files``: the command glue."""

from __future__ import annotations

import json
import os
from pathlib import Path

from rich.console import Console

from . import grade_report, grading, tamper
from .files import write_atomic
from .paths import ROOT

# Progress goes to stderr so that --format json (or junit...) on stdout stays clean.
progress_console = Console(stderr=True, highlight=False)


def grade_command(
    console: Console,
    selectors: list[str],
    solutions: bool = False,
    fmt: str = "text",
    output: str | None = None,
    from_file: str | None = None,
    instructions: bool = False,
) -> int:
    """Grade (or re-render a saved grade); 0 when every task has full marks, else 1."""
    if from_file:
        grade = grading.Grade.from_json(json.loads(Path(from_file).read_text()))
    else:
        grade = run_grading(selectors, solutions, instructions)
        if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
            try:
                with open(summary, "a", encoding="utf-8") as fh:
                    fh.write(grade_report.markdown(grade))
            except OSError as error:
                progress_console.print(f"[yellow]No job summary: {error}[/]")
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, grade_report.render(grade, fmt))
        progress_console.print(f"Grade: {grade.score}/{grade.max_score}, written to {path}")
    elif fmt == "text":
        grade_report.print_text(console, grade)
    else:
        print(grade_report.render(grade, fmt), end="")
    if from_file:
        return 0
    return 0 if grade.full_marks else 1


def run_grading(selectors: list[str], solutions: bool, instructions: bool = False) -> grading.Grade:
    report = tamper.report(ROOT)
    refs, decided = grading.select(selectors, report)
    with progress_console.status("Grading") as status:
        return grading.grade(
            refs, solutions, report, decided, lambda m: status.update(m), instructions
        )


def hash_command(console: Console) -> int:
    path = tamper.write_manifest(ROOT)
    count = len(tamper.read_manifest(path))
    console.print(f"{path.relative_to(ROOT)}: {count} grader-owned files hashed")
    return 0
