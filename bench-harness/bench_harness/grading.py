"""``workbook grade``: points for every task, correctness first, then speed.

Each task is worth ``POINTS`` (10): ``CHECK_POINTS`` (7) for passing its check,
and ``SPEED_POINTS`` (3) for speed. A task that fails its check scores 0,
whatever its speed. The speed points of a benchmarked task are earned when the
median speedup over the baseline at the task's largest size reaches
``SPEED_GRACE`` (80%) of the chapter's floor (``Bench.min_speedup``): one quick
measurement on a shared CI machine is noisy, and the grade should not swing on
that noise (for the same reason, a task that falls short is measured once more
and the better figure counts). A task whose Rust is expected to lose (``min_speedup=None``) earns
them when the benchmark runs to the end, and a task without a ``Bench`` earns
them with its check. A wrong answer found on the benchmark's input is a wrong
answer: 0. A changed grader-owned file (see ``tamper.py``) scores 0 for every
task it could sway, and a fault of the harness on one task is recorded as an
error for that task while the others are graded.
"""

from __future__ import annotations

import ast
import os
import platform
import re
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import course
from .build import BuildResult, build
from .course import TaskRef
from .paths import ROOT
from .runner import check_tasks, time_quickly
from .sandbox import Limits
from .spec import Bench, Chapter
from .tamper import TamperReport
from .verdict import Kind, Verdict

POINTS = 10
CHECK_POINTS = 7
SPEED_POINTS = POINTS - CHECK_POINTS
SPEED_GRACE = 0.8
# The quick benchmark of one task at its largest size; the reference solutions
# take a few seconds each on 2 cores. Slower than this, the speed points are lost.
GRADE_BENCH_LIMITS = Limits(
    seconds=float(os.environ.get("WORKBOOK_GRADE_BENCH_LIMIT", "120")), memory_mb=8192
)
FORMAT = "workbook-grade"
FORMAT_VERSION = 1

# What a task's grade comes to: all its points, some, none, voided, or not graded.
PASS, PARTIAL, FAIL, TAMPERED, ERROR = "pass", "partial", "fail", "tampered", "error"


@dataclass
class TaskGrade:
    task: str  # "hello.add"
    chapter: str  # "01_hello"
    status: str  # PASS | PARTIAL | FAIL | TAMPERED | ERROR
    verdict: Verdict | None  # None when the task was not run (tampered)
    score: int = 0
    max_score: int = POINTS
    check_points: int = 0
    speed_points: int = 0
    note: str = ""  # one line on the speed points, or why there are none
    speedup: float | None = None  # median speedup at the largest size
    speedup_ci: tuple[float, float] | None = None
    floor: float | None = None  # Bench.min_speedup
    size: int | None = None  # the size it was timed at
    benchmarked: bool = False  # the task has a Bench
    seconds: float = 0.0
    tampered: list[str] = field(default_factory=list)  # what changed, as sentences
    source: str = ""  # the learner's file, relative to the root
    line: int = 0  # where the task's function or class starts in it (0: unknown)
    measurements: int = 0  # quick benchmarks run: 1, or 2 when the first fell short
    # --instructions: one call's instructions at the largest size, yours and the reference's
    instructions: tuple[int, int] | None = None

    @property
    def name(self) -> str:
        return self.task.split(".", 1)[-1]

    @property
    def kind(self) -> str:
        """The verdict's kind, or "tampered" for a task that was not run."""
        if self.status == TAMPERED:
            return TAMPERED
        return self.verdict.kind.value if self.verdict else ERROR

    @property
    def message(self) -> str:
        """One line: the verdict's, the speed note, or what was tampered with."""
        if self.status == TAMPERED:
            return f"{self.task}: tampered: " + "; ".join(self.tampered)
        if self.verdict is None:
            return f"{self.task}: {self.note}"
        line = self.verdict.as_text().splitlines()[0]
        return f"{line} ({self.note})" if self.note and self.status == PARTIAL else line

    def details(self) -> str:
        """Plain text for a report: the verdict as_text, then the speed note."""
        if self.status == TAMPERED:
            return self.message
        text = self.verdict.as_text() if self.verdict else self.task
        return f"{text}\n  speed:    {self.note}" if self.note else text

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["verdict"] = self.verdict.to_json() if self.verdict else None
        data["speedup_ci"] = list(self.speedup_ci) if self.speedup_ci else None
        data["kind"] = self.kind
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TaskGrade:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        verdict = data.get("verdict")
        known["verdict"] = Verdict.from_json(verdict) if verdict else None
        ci = data.get("speedup_ci")
        known["speedup_ci"] = (ci[0], ci[1]) if ci else None
        counts = data.get("instructions")
        known["instructions"] = (counts[0], counts[1]) if counts else None
        return cls(**known)


@dataclass
class Grade:
    tasks: list[TaskGrade]
    crates: str = "exercises"  # or "solutions"
    tamper_checked: bool = True
    tamper_note: str = ""
    changes: list[dict[str, str]] = field(default_factory=list)  # {"path", "how"}
    learner: str = ""
    started: str = ""
    seconds: float = 0.0
    commit: str = ""
    machine: str = ""

    @property
    def score(self) -> int:
        return sum(t.score for t in self.tasks)

    @property
    def max_score(self) -> int:
        return sum(t.max_score for t in self.tasks)

    @property
    def full_marks(self) -> bool:
        return all(t.status == PASS for t in self.tasks)

    def chapters(self) -> dict[str, list[TaskGrade]]:
        groups: dict[str, list[TaskGrade]] = {}
        for task in self.tasks:
            groups.setdefault(task.chapter, []).append(task)
        return groups

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "learner": self.learner,
            "crates": self.crates,
            "score": self.score,
            "max_score": self.max_score,
            "started": self.started,
            "seconds": self.seconds,
            "commit": self.commit,
            "machine": self.machine,
            "scoring": {
                "points": POINTS,
                "check": CHECK_POINTS,
                "speed": SPEED_POINTS,
                "speed_grace": SPEED_GRACE,
            },
            "tamper": {
                "checked": self.tamper_checked,
                "note": self.tamper_note,
                "changes": self.changes,
            },
            "tasks": [t.to_json() for t in self.tasks],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Grade:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a workbook grade (format {data.get('format')!r})")
        tamper = data.get("tamper", {})
        return cls(
            tasks=[TaskGrade.from_json(t) for t in data["tasks"]],
            crates=data.get("crates", "exercises"),
            tamper_checked=tamper.get("checked", True),
            tamper_note=tamper.get("note", ""),
            changes=list(tamper.get("changes", [])),
            learner=data.get("learner", ""),
            started=data.get("started", ""),
            seconds=data.get("seconds", 0.0),
            commit=data.get("commit", ""),
            machine=data.get("machine", ""),
        )


def speed_points(bench: Bench | None, speedup: float | None) -> tuple[int, str]:
    """The speed points of a task that passed its check, and a one-line reason."""
    if bench is None:
        return SPEED_POINTS, "not benchmarked: the speed points come with the check"
    if speedup is None:
        return 0, "not timed"
    if bench.min_speedup is None:
        return SPEED_POINTS, f"{speedup:.2f}× (a loss is expected: the speed points come with it)"
    needed = SPEED_GRACE * bench.min_speedup
    floor = f"{SPEED_GRACE:.0%} of the {bench.min_speedup:g}× floor"
    if speedup >= needed:
        return SPEED_POINTS, f"{speedup:.2f}× ≥ {needed:.3g}× ({floor})"
    return 0, f"{speedup:.2f}× < {needed:.3g}× ({floor})"


def score(verdict: Verdict, bench: Bench | None, speedup: float | None) -> tuple[int, int, str]:
    """(check points, speed points, note): correctness first, then speed."""
    if not verdict.passed:
        return 0, 0, ""
    speed, note = speed_points(bench, speedup)
    return CHECK_POINTS, speed, note


def _status(points: int) -> str:
    return PASS if points == POINTS else PARTIAL if points else FAIL


def source_line(ref: TaskRef, solutions: bool) -> tuple[str, int]:
    """The learner's lib.rs and the line where the task's function or class starts."""
    path = course.crate_dir(ref.chapter, solutions) / "src" / "lib.rs"
    line = 0
    try:
        pattern = re.compile(rf"^\s*(pub\s+)?(fn|struct|enum)\s+{re.escape(ref.task.name)}\b")
        for number, text in enumerate(path.read_text().splitlines(), start=1):
            if pattern.match(text):
                line = number
                break
    except (OSError, ValueError):  # unreadable, or not UTF-8: no line, no matter
        pass
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path), line


Progress = Callable[[str], None]


def grade_task(
    ref: TaskRef,
    built: BuildResult,
    solutions: bool,
    on_progress: Progress | None = None,
    instructions: bool = False,
) -> TaskGrade:
    """Check one task and, once it passes, time it (or count its instructions); never raises."""
    start = time.perf_counter()
    bench = ref.task.bench
    source, line = source_line(ref, solutions)
    result = TaskGrade(
        ref.id,
        ref.chapter.folder,
        FAIL,
        None,
        floor=bench.min_speedup if bench else None,
        benchmarked=bench is not None,
        source=source,
        line=line,
    )
    try:
        if on_progress:
            on_progress(f"Checking {ref.id}")
        (verdict,) = check_tasks(ref.chapter, built, [ref.task.name])
        speedup = None
        if verdict.passed and bench is not None and built.library is not None:
            if not built.release:
                result.note = "not a release build: not timed"
            else:
                if on_progress:
                    on_progress(f"{'Counting' if instructions else 'Timing'} {ref.id}")
                if instructions and bench.min_speedup is not None:
                    verdict, speedup = _count(ref, built, verdict, result)
                else:
                    verdict, speedup = _time(ref, built, verdict, result)
                if verdict.passed and _short(bench, speedup) and result.instructions is None:
                    # Short of the threshold: once more, and the better figure counts,
                    # so that one unlucky measurement on a busy machine costs nothing.
                    first = (result.speedup, result.speedup_ci, result.note)
                    verdict, again = _time(ref, built, verdict, result)
                    if again is None or again < (speedup or 0.0):
                        result.speedup, result.speedup_ci, result.note = first
                    speedup = result.speedup
                    result.measurements = 2
        result.verdict = verdict
        check, speed, note = score(verdict, bench, speedup)
        result.check_points, result.speed_points = check, speed
        result.score = check + speed
        result.note = result.note or note
        if result.measurements == 2:
            result.note += " (the better of 2 measurements)"
        if result.instructions:
            yours, reference = result.instructions
            result.note += (
                f" (from instruction counts: {yours:,} per call, the reference's {reference:,})"
            )
        result.status = _status(result.score)
    except Exception as error:  # noqa: BLE001 - one task's fault must not stop the grading
        result.verdict = Verdict(
            Kind.HARNESS_ERROR,
            ref.task.name,
            f"the grader failed on this task: {type(error).__name__}: {error}",
            details=[("traceback", traceback.format_exc().rstrip())],
        )
        result.status, result.score, result.check_points, result.speed_points = ERROR, 0, 0, 0
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def _short(bench: Bench, speedup: float | None) -> bool:
    """A timed task below the speed threshold (a shortfall worth measuring again)."""
    floor = bench.min_speedup
    return floor is not None and speedup is not None and speedup < SPEED_GRACE * floor


def _time(
    ref: TaskRef, built: BuildResult, verdict: Verdict, result: TaskGrade
) -> tuple[Verdict, float | None]:
    """The quick benchmark at the largest size: (verdict, median speedup or None)."""
    assert built.library is not None
    timing = time_quickly(ref.chapter, built.library, ref.task.name, GRADE_BENCH_LIMITS)
    if isinstance(timing, Verdict):
        if timing.kind is Kind.TIMEOUT:
            # Correct but too slow to time at the largest size: no speed points.
            result.note = f"too slow to time: {timing.summary}"
            return verdict, None
        return timing, None  # wrong, or crashed, on the benchmark's input: correctness first
    result.size = timing.size
    result.measurements = 1
    result.speedup = timing.speedup
    result.speedup_ci = (timing.low, timing.high)
    return verdict, timing.speedup


def _count(
    ref: TaskRef, built: BuildResult, verdict: Verdict, result: TaskGrade
) -> tuple[Verdict, float | None]:
    """The deterministic speed figure: the reference solution's measured speedup
    (book/results/reference.json) scaled by how many more instructions this Rust
    runs than the reference's on one call at the largest size."""
    from .counting import reference_build, reference_speedups, rust_against_reference

    assert built.library is not None
    reference_speedup = reference_speedups().get(ref.id)
    reference = reference_build(ref.chapter)
    if reference_speedup is None or reference is None:
        result.note = "no reference figure to count against: timed instead"
        return _time(ref, built, verdict, result)
    counted = rust_against_reference(ref, built.library, reference)
    if counted.get("kind") != "instructions":
        found = Verdict.from_json(counted)
        if found.kind is Kind.TIMEOUT:
            result.note = f"too slow to count: {found.summary}"
            return verdict, None
        return found, None
    yours, theirs = counted["rust"], counted["reference"]
    result.size = counted["size"]
    result.measurements = 1
    result.instructions = (yours, theirs)
    result.speedup = reference_speedup * theirs / max(yours, 1)
    return verdict, result.speedup


def tampered_grade(ref: TaskRef, changes: Iterable[str]) -> TaskGrade:
    bench = ref.task.bench
    return TaskGrade(
        ref.id,
        ref.chapter.folder,
        TAMPERED,
        None,
        floor=bench.min_speedup if bench else None,
        benchmarked=bench is not None,
        tampered=list(changes),
    )


def unloadable(folder: str, error: BaseException) -> TaskGrade:
    """A chapter whose chapter.py cannot be loaded: one entry, 0 of 10."""
    summary = f"cannot load {folder}/chapter.py: {type(error).__name__}: {error}"
    return TaskGrade(f"{folder}.*", folder, ERROR, Verdict(Kind.HARNESS_ERROR, "*", summary))


def task_names(chapter_py: Path) -> list[str]:
    """The task names a chapter.py declares (``Task(name="...")``), read without
    running it: the code of a chapter whose files were tampered with must not run,
    in the grader's process least of all."""
    try:
        tree = ast.parse(chapter_py.read_text())
    except (OSError, ValueError, SyntaxError):
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        for keyword in node.keywords if called == "Task" else []:
            value = keyword.value
            if keyword.arg == "name" and isinstance(value, ast.Constant):
                found.append((node.lineno, str(value.value)))
    return [name for _, name in sorted(found)]


def select(
    selectors: list[str], tamper: TamperReport | None = None
) -> tuple[list[TaskRef], list[TaskGrade]]:
    """The tasks named (all by default), and the grades already decided: the tasks
    of chapters tampered with (not loaded: their code does not run) and of
    chapters that cannot be loaded."""
    refs: list[TaskRef] = []
    decided: list[TaskGrade] = []
    for folder in course.chapter_dirs():
        changes = [c.describe() for c in tamper.affecting(folder.name)] if tamper else []
        if changes:
            slug = folder.name.split("_", 1)[-1]
            decided += [
                TaskGrade(f"{slug}.{name}", folder.name, TAMPERED, None, tampered=changes)
                for name in task_names(folder / "chapter.py") or ["*"]
            ]
            continue
        try:
            chapter = course.load_chapter(folder)
        except Exception as error:  # noqa: BLE001 - a broken chapter scores 0, the rest is graded
            decided.append(unloadable(folder.name, error))
            continue
        refs += [TaskRef(chapter, task) for task in chapter.tasks]
    if not selectors or selectors == ["all"]:
        return refs, decided
    keep: set[str] = set()
    every = [(r.id, r.chapter.folder) for r in refs] + [(t.task, t.chapter) for t in decided]
    for selector in selectors:
        keep |= _named(selector, every)
    return [r for r in refs if r.id in keep], [t for t in decided if t.task in keep]


def _named(selector: str, every: list[tuple[str, str]]) -> set[str]:
    """The ids ``selector`` names, by course.resolve's rules: a task first, else a chapter."""
    found = {
        task_id
        for task_id, folder in every
        if selector in (task_id, task_id.split(".", 1)[1], f"{folder}.{task_id.split('.', 1)[1]}")
    }
    if not found:
        found = {
            task_id
            for task_id, folder in every
            if selector in (folder.split("_", 1)[-1], folder, folder.split("_", 1)[0])
        }
    if not found and selector != "all":
        known = ", ".join(task_id for task_id, _ in every)
        raise LookupError(f"no task or chapter called {selector!r}; the tasks are: {known}")
    return found if selector != "all" else {task_id for task_id, _ in every}


def grade(
    refs: list[TaskRef],
    solutions: bool,
    tamper: TamperReport,
    decided: list[TaskGrade] | None = None,
    on_progress: Progress | None = None,
    instructions: bool = False,
) -> Grade:
    """Grade ``refs``: build each chapter's crate once (one cargo call), then every
    task; ``decided`` (from ``select``) joins the grade as it is."""
    started = datetime.now(UTC)
    start = time.perf_counter()
    chapters: dict[str, Chapter] = {}
    for ref in refs:
        chapters.setdefault(ref.chapter.folder, ref.chapter)
    voided = {folder: [c.describe() for c in tamper.affecting(folder)] for folder in chapters}
    to_build = [ch for folder, ch in chapters.items() if not voided[folder]]
    builds: dict[str, BuildResult | BaseException] = {}
    if to_build:
        if on_progress:
            on_progress(f"Building {len(to_build)} crate(s) (release)")
        builds = _build_all(to_build, solutions)
    tasks = list(decided or [])
    for ref in refs:
        folder = ref.chapter.folder
        if voided[folder]:
            tasks.append(tampered_grade(ref, voided[folder]))
            continue
        built = builds[folder]
        if isinstance(built, BaseException):
            tasks.append(_build_failure(ref, built))
        else:
            tasks.append(grade_task(ref, built, solutions, on_progress, instructions))
    tasks.sort(key=lambda t: t.chapter)  # stable: a chapter's tasks keep their order
    return Grade(
        tasks=tasks,
        crates="solutions" if solutions else "exercises",
        tamper_checked=tamper.checked,
        tamper_note=tamper.note,
        changes=[{"path": c.path, "how": c.how} for c in tamper.changes],
        learner=learner_name(),
        started=started.isoformat(timespec="seconds"),
        seconds=round(time.perf_counter() - start, 1),
        commit=_commit(),
        machine=f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    )


def _build_all(chapters: list[Chapter], solutions: bool) -> dict[str, BuildResult | BaseException]:
    """Every crate in one cargo call; if that call cannot even start (a crate's
    Cargo.toml unreadable, say), each crate on its own, so one does not sink the rest."""
    try:
        results = build([course.crate_dir(ch, solutions) for ch in chapters])
        return {ch.folder: b for ch, b in zip(chapters, results, strict=True)}
    except Exception:  # noqa: BLE001 - retried crate by crate below
        pass
    builds: dict[str, BuildResult | BaseException] = {}
    for ch in chapters:
        try:
            (builds[ch.folder],) = build([course.crate_dir(ch, solutions)])
        except Exception as error:  # noqa: BLE001 - recorded on every task it concerns
            builds[ch.folder] = error
    return builds


def _build_failure(ref: TaskRef, error: BaseException) -> TaskGrade:
    verdict = Verdict(
        Kind.HARNESS_ERROR,
        ref.task.name,
        f"the crate could not be built: {type(error).__name__}: {error}",
    )
    return TaskGrade(ref.id, ref.chapter.folder, ERROR, verdict, benchmarked=bool(ref.task.bench))


def learner_name() -> str:
    """$WORKBOOK_LEARNER, else the repository's name on GitHub Actions, else ''."""
    if name := os.environ.get("WORKBOOK_LEARNER"):
        return name
    return os.environ.get("GITHUB_REPOSITORY", "").rpartition("/")[2]


def _commit() -> str:
    import subprocess

    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""
