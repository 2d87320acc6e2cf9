"""``workbook class FOLDER``: one report from many learners' grades.

Reads every workbook grade JSON file under FOLDER (``workbook grade --format
json``, one per learner, named after the learner) and writes
``class-report.md`` (who passed what, where people are stuck, the best
speedups) and ``class-report.svg`` (the same at a glance), and prints the
tables.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .files import write_atomic
from .grading import ERROR, FAIL, FORMAT, PARTIAL, PASS, TAMPERED, Grade, TaskGrade

# How a learner's task shows in the tables: full marks, correct but slow,
# failing, not started (still todo!()), tampered, grader error, not graded.
MARKS = {PASS: "✓", PARTIAL: "◐", FAIL: "✗", "todo": "·", TAMPERED: "!", ERROR: "E", "": " "}
LEGEND = (
    "✓ full marks · ◐ correct, not fast enough · ✗ failing · · not implemented · "
    "! tampered · E grader error"
)
COLOURS = {
    PASS: "#2e7d32",
    PARTIAL: "#f9a825",
    FAIL: "#c62828",
    "todo": "#bdbdbd",
    TAMPERED: "#6a1b9a",
    ERROR: "#4e342e",
    "": "#ffffff",
}
NAMES = {
    PASS: "full marks",
    PARTIAL: "correct, slow",
    FAIL: "failing",
    "todo": "not implemented",
    TAMPERED: "tampered",
    ERROR: "grader error",
    "": "not graded",
}


@dataclass
class Learner:
    name: str
    grade: Grade

    def task(self, task_id: str) -> TaskGrade | None:
        return next((t for t in self.grade.tasks if t.task == task_id), None)


def state(task: TaskGrade | None) -> str:
    """The key of MARKS for a learner's task: a failing stub is 'todo'."""
    if task is None:
        return ""
    if task.status == FAIL and task.kind == "not implemented":
        return "todo"
    return task.status


def load(folder: Path) -> tuple[list[Learner], list[str]]:
    """Every grade file under ``folder`` (recursively), and the files skipped, with why.

    Other JSON files (the classroom.json and junit.xml beside each grade.json
    in the workflow's artifact, say) are left alone without a word.
    """
    found: list[tuple[Path, Grade]] = []
    skipped = []
    for path in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text())
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                continue
            found.append((path, Grade.from_json(data)))
        except (OSError, ValueError, KeyError, TypeError) as error:
            skipped.append(f"{path}: {error}")
    stems = Counter(path.stem for path, _ in found)
    learners = []
    for path, grade in found:
        # Files named after their learner; where the names repeat (grade.json in
        # one folder per learner, say), the folder or the learner recorded inside.
        name = path.stem if stems[path.stem] == 1 else grade.learner or path.parent.name
        learners.append(Learner(name, grade))
    return sorted(learners, key=lambda learner: learner.name.lower()), skipped


def task_ids(learners: list[Learner]) -> list[str]:
    """Every task any learner was graded on, in course order."""
    ids: dict[str, tuple[str, int]] = {}
    for learner in learners:
        for index, task in enumerate(learner.grade.tasks):
            ids.setdefault(task.task, (task.chapter, index))
    return sorted(ids, key=lambda t: ids[t])


@dataclass
class Stuck:
    task: str
    failing: int  # learners whose answer is not correct (not implemented included)
    graded: int
    verdict: str  # the most common failing verdict
    verdict_count: int


def stuck(learners: list[Learner], tasks: list[str]) -> list[Stuck]:
    """Tasks by how many learners do not pass their check, most first."""
    rows = []
    for task_id in tasks:
        graded = [t for learner in learners if (t := learner.task(task_id)) is not None]
        failing = [t for t in graded if t.check_points == 0]
        kinds = Counter(t.kind for t in failing).most_common(1)
        verdict, count = kinds[0] if kinds else ("", 0)
        rows.append(Stuck(task_id, len(failing), len(graded), verdict, count))
    return sorted(rows, key=lambda r: (-r.failing, tasks.index(r.task)))


@dataclass
class Speed:
    task: str
    best: float
    who: str
    median: float
    timed: int
    floor: float | None


def speeds(learners: list[Learner], tasks: list[str]) -> list[Speed]:
    """The best and the median speedup reached on each timed task."""
    rows = []
    for task_id in tasks:
        timed = [
            (t.speedup, learner.name, t.floor)
            for learner in learners
            if (t := learner.task(task_id)) is not None and t.speedup is not None
        ]
        if timed:
            best, who, floor = max(timed)
            rows.append(
                Speed(task_id, best, who, median(s for s, _, _ in timed), len(timed), floor)
            )
    return rows


def _total(learner: Learner) -> str:
    grade = learner.grade
    percent = 100 * grade.score / grade.max_score if grade.max_score else 0
    return f"{grade.score}/{grade.max_score} ({percent:.0f}%)"


def _short(task_id: str) -> str:
    return task_id.split(".", 1)[-1]


def markdown(learners: list[Learner], tasks: list[str], chart: str | None = None) -> str:
    lines = [f"# Class report: {len(learners)} learners, {len(tasks)} tasks", ""]
    if chart:
        lines += [f"![who passed what]({chart})", ""]
    lines += ["## Who passed what", "", LEGEND, ""]
    lines.append("| learner | " + " | ".join(f"`{_short(t)}`" for t in tasks) + " | points |")
    lines.append("|---|" + "---|" * len(tasks) + "---|")
    for learner in learners:
        marks = [MARKS[state(learner.task(t))] for t in tasks]
        lines.append(f"| {learner.name} | " + " | ".join(marks) + f" | {_total(learner)} |")
    lines += ["", "## Where people are stuck", ""]
    lines += ["| task | not passing | most common verdict |", "|---|---|---|"]
    for row in stuck(learners, tasks):
        verdict = f"{row.verdict} ({row.verdict_count})" if row.verdict else "—"
        lines.append(f"| `{row.task}` | {row.failing}/{row.graded} | {verdict} |")
    lines += ["", "## Best speedups", ""]
    lines += ["| task | best | by | median | timed | floor |", "|---|---|---|---|---|---|"]
    for s in speeds(learners, tasks):
        floor = "loss expected" if s.floor is None else f"{s.floor:g}×"
        lines.append(
            f"| `{s.task}` | {s.best:.2f}× | {s.who} | {s.median:.2f}× | {s.timed} | {floor} |"
        )
    return "\n".join(lines) + "\n"


def codes(learners: list[Learner], tasks: list[str]) -> dict[str, str]:
    """Short column headers for a terminal: the chapter's number and a letter (3b)."""
    chapters: dict[str, str] = {}
    for learner in learners:
        for task in learner.grade.tasks:
            chapters.setdefault(task.task, task.chapter)
    found: dict[str, str] = {}
    seen: dict[str, int] = {}
    for task_id in tasks:
        chapter = chapters[task_id]
        number = chapter.split("_", 1)[0].lstrip("0") or "0"
        index = seen[chapter] = seen.get(chapter, -1) + 1
        found[task_id] = f"{number}{chr(ord('a') + index % 26)}"
    return found


def print_tables(console: Console, learners: list[Learner], tasks: list[str]) -> None:
    code = codes(learners, tasks)
    table = Table(title="Who passed what")
    table.add_column("learner", no_wrap=True)
    for t in tasks:
        table.add_column(code[t], justify="center", no_wrap=True)
    table.add_column("points", no_wrap=True)
    for learner in learners:
        marks = []
        for t in tasks:
            key = state(learner.task(t))
            marks.append(f"[{COLOURS[key]}]{MARKS[key]}[/]")
        table.add_row(escape(learner.name), *marks, _total(learner))
    console.print(table)
    console.print(f"[dim]{LEGEND}[/]")
    console.print("[dim]" + " · ".join(f"{code[t]} {t}" for t in tasks) + "[/]")
    table = Table("task", "not passing", "most common verdict", title="Where people are stuck")
    for row in stuck(learners, tasks):
        verdict = f"{row.verdict} ({row.verdict_count})" if row.verdict else ""
        table.add_row(row.task, f"{row.failing}/{row.graded}", verdict)
    console.print(table)
    table = Table("task", "best", "by", "median", "timed", "floor", title="Best speedups")
    for s in speeds(learners, tasks):
        floor = "loss expected" if s.floor is None else f"{s.floor:g}×"
        table.add_row(
            s.task, f"{s.best:.2f}×", escape(s.who), f"{s.median:.2f}×", str(s.timed), floor
        )
    console.print(table)


def chart(learners: list[Learner], tasks: list[str], path: Path) -> None:
    """An SVG: a grid of learners × tasks coloured by result, and bars of how
    many learners pass each task's check."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    keys = list(COLOURS)
    grid = [[keys.index(state(learner.task(t))) for t in tasks] for learner in learners]
    width = max(6.0, 0.45 * len(tasks) + 2.5)
    height = 2.8 + 0.32 * len(learners)
    with plt.rc_context({"svg.hashsalt": "workbook", "font.size": 8}):
        fig, (top, bottom) = plt.subplots(
            2, 1, figsize=(width, height + 2.2), height_ratios=[height, 2.2], sharex=True
        )
        top.imshow(
            grid,
            cmap=ListedColormap([COLOURS[k] for k in keys]),
            vmin=-0.5,
            vmax=len(keys) - 0.5,
            aspect="auto",
            interpolation="nearest",
        )
        top.set_yticks(range(len(learners)), [learner.name for learner in learners])
        # White lines between the cells.
        top.set_xticks([i - 0.5 for i in range(len(tasks) + 1)], minor=True)
        top.set_yticks([i - 0.5 for i in range(len(learners) + 1)], minor=True)
        top.grid(which="minor", color="white", linewidth=1.5)
        top.tick_params(which="minor", length=0)
        top.set_title(f"Who passed what ({len(learners)} learners)")
        used = sorted({k for row in grid for k in row})
        top.legend(
            handles=[
                Patch(facecolor=COLOURS[keys[k]], edgecolor="#9e9e9e", label=NAMES[keys[k]])
                for k in used
            ],
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
        )
        passing = []
        for t in tasks:
            graded = [task for learner in learners if (task := learner.task(t)) is not None]
            passing.append(sum(task.check_points > 0 for task in graded))
        bottom.bar(range(len(tasks)), passing, color=COLOURS[PASS])
        bottom.set_ylim(0, max(1, len(learners)))
        bottom.set_ylabel("learners correct")
        bottom.set_xticks(range(len(tasks)), [_short(t) for t in tasks], rotation=60, ha="right")
        fig.tight_layout()
        fig.savefig(path, format="svg", metadata={"Date": None})
        plt.close(fig)


def class_command(console: Console, folder: Path, output: Path) -> int:
    if not folder.is_dir():
        raise LookupError(f"{folder} is not a folder of grade files")
    learners, skipped = load(folder)
    for line in skipped:
        console.print(f"[yellow]Skipped {escape(line)}[/]")
    if not learners:
        raise LookupError(f"no workbook grade JSON files in {folder}")
    tasks = task_ids(learners)
    output.mkdir(parents=True, exist_ok=True)
    svg = output / "class-report.svg"
    chart(learners, tasks, svg)
    report = output / "class-report.md"
    write_atomic(report, markdown(learners, tasks, chart=svg.name))
    print_tables(console, learners, tasks)
    console.print(f"Report: {report}\nChart:  {svg}")
    return 0
