"""A grade as text, JSON, JUnit XML, GitHub Classroom's result format and Markdown.

- ``json``: the whole grade (``Grade.to_json``); ``--from`` reads it back, and
  ``workbook class`` reads one per learner.
- ``junit``: one ``testsuite`` per chapter, one ``testcase`` per task; a task
  short of full marks is a ``failure`` (a harness fault an ``error``) whose
  message is the verdict's one line and whose text is ``Verdict.as_text()``.
- ``classroom``: the result that GitHub Classroom's graders hand to
  classroom-resources/autograding-grading-reporter (``version`` 1, ``status``,
  ``max_score``, one test per task with ``score`` and ``max_score``).
- ``markdown``: for a job summary ($GITHUB_STEP_SUMMARY) or a pull request.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .grading import (
    CHECK_POINTS,
    ERROR,
    FAIL,
    PARTIAL,
    PASS,
    POINTS,
    SPEED_GRACE,
    SPEED_POINTS,
    TAMPERED,
    Grade,
    TaskGrade,
)

FORMATS = ("text", "json", "junit", "classroom", "markdown")

LABELS = {
    PASS: "full marks",
    PARTIAL: "correct, not fast enough",
    FAIL: "failing",
    TAMPERED: "tampered",
    ERROR: "grader error",
}
COLOURS = {PASS: "green", PARTIAL: "yellow", FAIL: "red", TAMPERED: "magenta", ERROR: "red"}
ICONS = {PASS: "✅", PARTIAL: "🟡", FAIL: "❌", TAMPERED: "⚠️", ERROR: "💥"}

SCORING = (
    f"Each task is worth {POINTS} points: {CHECK_POINTS} for a correct answer (a wrong one "
    f"scores 0 whatever its speed) and {SPEED_POINTS} for speed, earned when one quick "
    f"measurement at the largest size (two, if the first falls short) reaches "
    f"{SPEED_GRACE:.0%} of the chapter's floor "
    "(tasks that are not timed, or where Rust is expected to lose, earn them with the check)."
)
SCORING_BY_INSTRUCTIONS = (
    " Speed here came from instruction counts (--instructions): the reference solution's "
    "measured speedup, scaled by how many instructions one call at the largest size runs "
    "against the reference's, the same on every run."
)


def scoring(grade: Grade) -> str:
    counted = any(t.instructions for t in grade.tasks)
    return SCORING + (SCORING_BY_INSTRUCTIONS if counted else "")


def render(grade: Grade, fmt: str) -> str:
    renderers = {
        "text": text,
        "json": as_json,
        "junit": junit,
        "classroom": lambda g: json.dumps(classroom(g), indent=1) + "\n",
        "markdown": markdown,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
    return renderers[fmt](grade)


def as_json(grade: Grade) -> str:
    return json.dumps(grade.to_json(), indent=1, ensure_ascii=False) + "\n"


def _speed(task: TaskGrade) -> str:
    if task.speedup is None:
        return ""
    return f"{task.speedup:.2f}×" if task.speedup < 1.95 else f"{task.speedup:.1f}×"


def _floor(task: TaskGrade) -> str:
    if not task.benchmarked:
        return ""
    return "loss expected" if task.floor is None else f"{task.floor:g}×"


def _headline(grade: Grade) -> str:
    percent = 100 * grade.score / grade.max_score if grade.max_score else 0.0
    who = f" for {grade.learner}" if grade.learner else ""
    crates = " (reference solutions)" if grade.crates == "solutions" else ""
    return f"{grade.score}/{grade.max_score} points ({percent:.0f}%){who}{crates}"


def _counts(grade: Grade) -> str:
    counts = {status: 0 for status in LABELS}
    for task in grade.tasks:
        counts[task.status] += 1
    return ", ".join(f"{n} {LABELS[s]}" for s, n in counts.items() if n)


def _tamper_lines(grade: Grade) -> list[str]:
    if not grade.tamper_checked:
        return [grade.tamper_note]
    return [
        f"{c['path']}: {c['how']}: the tasks it concerns score 0 (restore the file to regrade)"
        for c in grade.changes
    ]


def rich_table(grade: Grade) -> Table:
    table = Table(
        "task", "result", "points", "speedup", "floor", "note",
        title=f"Grade: {_headline(grade)}", caption=_counts(grade),
    )  # fmt: skip
    for task in grade.tasks:
        colour = COLOURS[task.status]
        result = task.kind if task.status in (FAIL, ERROR, TAMPERED) else LABELS[task.status]
        note = task.note if task.status in (PASS, PARTIAL) else task.message
        table.add_row(
            task.task, f"[{colour}]{escape(result)}[/]", f"{task.score}/{task.max_score}",
            _speed(task), _floor(task), escape(note),
        )  # fmt: skip
    return table


def print_text(console: Console, grade: Grade) -> None:
    console.print(rich_table(grade))
    for task in _to_fix(grade):
        console.print(clean(task.details()), markup=False, highlight=False)
    for line in _tamper_lines(grade):
        console.print(f"[magenta]{escape(line)}[/]")
    console.print(f"[dim]{escape(scoring(grade))}[/]")


def text(grade: Grade) -> str:
    buffer = io.StringIO()
    print_text(Console(file=buffer, width=140, color_system=None, highlight=False), grade)
    return buffer.getvalue()


def _to_fix(grade: Grade) -> list[TaskGrade]:
    """The tasks whose details are worth reading: failing, but not as a stub, and
    not tampered with (the changed files are listed once, above the table)."""
    return [t for t in grade.tasks if t.status in (FAIL, ERROR) and t.kind != "not implemented"]


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(value: str) -> str:
    """Text safe for XML 1.0: no terminal colours, no control characters."""
    return _NOT_XML.sub("", _ANSI.sub("", value))


def junit(grade: Grade) -> str:
    suites = ET.Element("testsuites", name="workbook grade")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    total_time = 0.0
    for chapter, tasks in grade.chapters().items():
        suite = ET.SubElement(suites, "testsuite", name=chapter)
        properties = ET.SubElement(suite, "properties")
        for name, value in (
            ("score", sum(t.score for t in tasks)),
            ("max_score", sum(t.max_score for t in tasks)),
        ):
            ET.SubElement(properties, "property", name=name, value=str(value))
        counts = {"tests": len(tasks), "failures": 0, "errors": 0, "skipped": 0}
        for task in tasks:
            case = ET.SubElement(
                suite, "testcase", name=task.name, classname=chapter, time=f"{task.seconds:.3f}"
            )
            if task.status != PASS:
                tag = "error" if task.status == ERROR else "failure"
                counts["errors" if tag == "error" else "failures"] += 1
                element = ET.SubElement(case, tag, message=clean(task.message), type=task.kind)
                element.text = clean(task.details())
            out = ET.SubElement(case, "system-out")
            out.text = clean(
                f"score {task.score}/{task.max_score} "
                f"(check {task.check_points}, speed {task.speed_points})"
                + (f"; {task.note}" if task.note else "")
                + (f"; {task.source}:{task.line}" if task.line else "")
            )
        seconds = sum(t.seconds for t in tasks)
        total_time += seconds
        for key, value in counts.items():
            suite.set(key, str(value))
        suite.set("time", f"{seconds:.3f}")
        for key in totals:
            totals[key] += counts[key]
    for key, value in totals.items():
        suites.set(key, str(value))
    suites.set("time", f"{total_time:.3f}")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


def classroom_status(task: TaskGrade) -> str:
    """pass: all its points; error: the grader failed; fail: anything else."""
    return {PASS: "pass", ERROR: "error"}.get(task.status, "fail")


def classroom(grade: Grade) -> dict[str, Any]:
    """The result of one GitHub Classroom grader run, as its reporter reads it."""
    tests = [
        {
            "name": task.task,
            "status": classroom_status(task),
            "score": task.score,
            "max_score": task.max_score,
            "message": task.message if task.status != PASS else f"{task.task}: {task.note}",
            "test_code": f"./workbook check {task.task}",
            "filename": task.source,
            "line_no": task.line,
            "duration": round(task.seconds * 1000),  # milliseconds, as the command grader
            "execution_time": f"{task.seconds:.2f}s",
        }
        for task in grade.tasks
    ]
    statuses = {t["status"] for t in tests}
    status = "error" if "error" in statuses else "fail" if "fail" in statuses else "pass"
    return {"version": 1, "status": status, "max_score": grade.max_score, "tests": tests}


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown(grade: Grade) -> str:
    lines = [
        f"## Workbook grade: {_headline(grade)}",
        "",
        " · ".join(
            f"{ICONS[s]} {sum(t.status == s for t in grade.tasks)} {LABELS[s]}"
            for s in LABELS
            if any(t.status == s for t in grade.tasks)
        ),
        "",
    ]
    lines += [f"> ⚠️ {_cell(line)}" for line in _tamper_lines(grade)]
    if grade.changes or not grade.tamper_checked:
        lines.append("")
    lines += [
        "| task | result | points | speedup | floor | note |",
        "|---|---|---|---|---|---|",
    ]
    for task in grade.tasks:
        result = task.kind if task.status in (FAIL, ERROR, TAMPERED) else LABELS[task.status]
        note = task.note if task.status in (PASS, PARTIAL) else task.message
        cells = [
            f"`{task.task}`", f"{ICONS[task.status]} {result}", f"{task.score}/{task.max_score}",
            _speed(task), _floor(task), _cell(note),
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    failing = _to_fix(grade)
    if failing:
        lines += ["", "### What to fix", ""]
        for task in failing:
            details = clean(task.details()).replace("```", "'''")
            lines += [
                f"<details><summary><code>{task.task}</code>: {task.kind}</summary>",
                "",
                "```text",
                details,
                "```",
                "",
                "</details>",
                "",
            ]
    lines += ["", f"_{scoring(grade)}_", ""]
    if grade.commit or grade.machine:
        lines += [f"_Graded at commit {grade.commit or '?'} on {grade.machine}._", ""]
    return "\n".join(lines)
