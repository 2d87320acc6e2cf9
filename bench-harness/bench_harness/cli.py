"""The ``workbook`` command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import course, progress
from .build import BuildResult, build_one
from .course import TaskRef
from .paths import RESULTS_DIR, ROOT
from .runner import check_tasks, time_quickly
from .show import print_verdict
from .spec import Chapter
from .verdict import Verdict

# Wide enough for the results table when the output goes to a file or a CI log.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)


def _by_chapter(refs: Iterable[TaskRef]) -> dict[str, list[TaskRef]]:
    groups: dict[str, list[TaskRef]] = {}
    for ref in refs:
        groups.setdefault(ref.chapter.folder, []).append(ref)
    return groups


@dataclass
class Checked:
    ref: TaskRef
    verdict: Verdict
    built: BuildResult


def check(refs: list[TaskRef], solutions: bool, record: bool = True) -> list[Checked]:
    """Build each chapter's crate once and check its tasks; record progress."""
    checked = []
    state = progress.load() if record else None
    for group in _by_chapter(refs).values():
        chapter = group[0].chapter
        crate = course.crate_dir(chapter, solutions)
        with console.status(f"Building {crate.relative_to(ROOT)} (release)"):
            built = build_one(crate)
        names = [ref.task.name for ref in group]
        with console.status(f"Checking {', '.join(names)}"):
            found = check_tasks(chapter, built, names)
        for ref, verdict in zip(group, found, strict=True):
            print_verdict(console, verdict)
            if state is not None:
                state.record_check(ref.id, verdict.passed, verdict.kind.value)
                _suggest_hint(ref, state.get(ref.id))
            checked.append(Checked(ref, verdict, built))
    if state is not None:
        progress.save(state)
    return checked


STUCK_AFTER = 3  # failed checks in a row before a hint is suggested


def _suggest_hint(ref: TaskRef, entry: progress.TaskProgress) -> None:
    hints = len(ref.task.hints)
    if entry.failures_in_a_row >= STUCK_AFTER and entry.hints_seen < hints:
        console.print(
            f"[cyan]Stuck? [bold]workbook hint {ref.id}[/] shows hint "
            f"{entry.hints_seen + 1} of {hints}.[/]"
        )


def next_task(state: progress.Progress) -> TaskRef | None:
    return next((r for r in course.all_tasks() if state.get(r.id).status != "passed"), None)


def cmd_check(args: argparse.Namespace) -> int:
    if args.task:
        refs = course.resolve(args.task)
    else:
        ref = next_task(progress.load())
        if ref is None:
            console.print("[green]Every task passes.[/] Try [bold]workbook bench[/].")
            return 0
        refs = [ref]
    if len(refs) == 1 and not args.solutions:
        return 0 if check_and_time(refs[0]) else 1
    checked = check(refs, args.solutions, record=not args.solutions)
    return 0 if all(c.verdict.passed for c in checked) else 1


def check_and_time(ref: TaskRef) -> bool:
    """Check one task of the learner's; once it passes, a quick speedup figure."""
    (checked,) = check([ref], solutions=False)
    if not checked.verdict.passed or ref.task.bench is None or checked.built.library is None:
        return checked.verdict.passed
    with console.status("Timing it against the baseline (workbook bench for the full run)"):
        timing = time_quickly(ref.chapter, checked.built.library, ref.task.name)
    if isinstance(timing, Verdict):
        print_verdict(console, timing)
        return False
    console.print(
        f"Speed at {ref.task.bench.size_label}={timing.size:,}: [bold]{timing.speedup:.2f}×[/] "
        f"the baseline [dim](95% interval {timing.low:.2f}–{timing.high:.2f})[/]"
    )
    state = progress.load()
    state.record_speedup(ref.id, timing.speedup)
    progress.save(state)
    return True


def cmd_watch(args: argparse.Namespace) -> int:
    from .watch import watch

    ref = _one_task(args.task) if args.task else next_task(progress.load())
    if ref is None:
        console.print("[green]Every task passes.[/] Try [bold]workbook bench[/].")
        return 0
    return watch(ref)


def cmd_list(args: argparse.Namespace | None) -> int:
    state = progress.load()
    table = Table("chapter", "task", "status", "best speedup", "what it does")
    colour = {"passed": "green", "failed": "red", "untried": "dim"}
    for ref in course.all_tasks():
        entry = state.get(ref.id)
        best = f"{entry.best_speedup:.1f}×" if entry.best_speedup else ""
        status = f"[{colour[entry.status]}]{entry.status}[/]"
        table.add_row(ref.chapter.folder, ref.task.name, status, best, escape(ref.task.summary))
    console.print(table)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    if not progress.STATE_FILE.exists():
        from .welcome import welcome

        if not welcome(console):
            return 1
        progress.save(progress.Progress())  # the welcome is shown once
    state = progress.load()
    tasks = course.all_tasks()
    done = sum(state.get(r.id).status == "passed" for r in tasks)
    console.print(f"[bold]Rust for Python programmers[/]: {done} of {len(tasks)} tasks pass.")
    ref = next_task(state)
    if ref is None:
        console.print("Every task passes. [bold]workbook bench[/] measures your speedups.")
    else:
        crate = course.exercise_dir(ref.chapter).relative_to(ROOT)
        console.print(f"Next: [bold]{ref.id}[/], {escape(ref.task.summary)}.")
        console.print(f"Edit {crate}/src/lib.rs, then run [bold]workbook check[/].")
    return 0


def _one_task(selector: str) -> TaskRef:
    refs = course.resolve(selector)
    if len(refs) != 1:
        raise LookupError(f"{selector!r} names {len(refs)} tasks; name one, e.g. {refs[0].id}")
    return refs[0]


def cmd_hint(args: argparse.Namespace) -> int:
    show_hint(_one_task(args.task), args.level)
    return 0


def show_hint(ref: TaskRef, level: int | None = None) -> None:
    """Each call reveals one more level, up to the last; ``level`` picks one."""
    hints = ref.task.hints
    state = progress.load()
    entry = state.tasks.setdefault(ref.id, progress.TaskProgress())
    level = min(max(level or entry.hints_seen + 1, 1), len(hints))
    for number, hint in enumerate(hints[:level], start=1):
        console.print(f"[bold]Hint {number}/{len(hints)}[/] {escape(hint)}")
    if level < len(hints):
        console.print(f"[dim]Ask again for hint {level + 1}.[/]")
    entry.hints_seen = max(entry.hints_seen, level)
    progress.save(state)


def cmd_reset(args: argparse.Namespace) -> int:
    """Restore a chapter's exercise crate from the solution's stub, after a backup."""
    chapters = {ref.chapter.folder: ref.chapter for ref in course.resolve(args.task)}
    if len(chapters) != 1:
        raise LookupError(f"reset works on one chapter at a time, not {args.task!r}")
    (chapter,) = chapters.values()
    reset_chapter(chapter)
    return 0


def reset_chapter(chapter: Chapter) -> None:
    from .stubs import backup_and_restore

    backup = backup_and_restore(course.solution_dir(chapter), course.exercise_dir(chapter))
    console.print(
        f"Restored the stubs of {chapter.folder} ({', '.join(t.name for t in chapter.tasks)})."
    )
    if backup is not None:
        console.print(f"Your code is kept in {backup.relative_to(ROOT)}.")


def cmd_solution(args: argparse.Namespace) -> int:
    """The reference solution, once the task passes (like rustlings) or with --force."""
    from rich.syntax import Syntax

    ref = _one_task(args.task)
    if progress.load().get(ref.id).status != "passed" and not args.force:
        console.print(f"{ref.id} does not pass yet: solve it first, or look anyway with --force.")
        return 1
    path = course.solution_dir(ref.chapter) / "src" / "lib.rs"
    console.print(f"[bold]{path.relative_to(ROOT)}[/]")
    console.print(Syntax(path.read_text(), "rust", line_numbers=True))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from . import machine, report, results
    from .measure import measure
    from .report_html import write_reports

    refs = [r for sel in args.tasks or ["all"] for r in course.resolve(sel) if r.task.bench]
    if args.instructions:
        from .counting import interpreter_problem

        if problem := interpreter_problem():
            console.print(f"[red]Cannot count instructions: {escape(problem)}[/]")
            return 2
    crates = "solutions" if args.solutions else "exercises"
    checked = check(refs, args.solutions, record=not args.solutions)
    busy = machine.busy_cores()
    if (why := machine.busy_message(busy)) and not args.busy_ok:
        console.print(f"[red]{escape(why)}[/]")
        return 2
    entries = []
    for c in checked:
        if not c.verdict.passed:
            console.print(f"[yellow]Not timing {c.ref.id}: it does not pass its checks.[/]")
            continue
        if not c.built.release or c.built.library is None:
            console.print(f"[red]Refusing to time {c.built.crate}: it is not a release build.[/]")
            return 2
        with console.status(f"Timing {c.ref.id}"):
            core = args.solutions and not args.quick
            measured = measure(c.ref, c.built.library, args.quick, args.instructions, core)
        if measured.get("kind") != "bench":
            print_verdict(console, Verdict.from_json(measured))
            continue
        entries += results.benchmark_entries(c.ref, measured, crates)
    if not entries:
        console.print("[red]Nothing was timed.[/]")
        return 1
    document = results.run_document(entries, crates, busy)
    saved = results.save_run(document)
    console.print(report.rich_table(document))
    for title, headers, cells in report.extra_tables(document):
        table = Table(*headers, title=title)
        for line in cells:
            table.add_row(*line)
        console.print(table)
    folder = Path(args.report).parent if args.report else RESULTS_DIR
    written = write_reports(document, folder, Path(args.report) if args.report else None)
    console.print(f"Results: {saved}\nReport:  {', '.join(str(p) for p in written)}")
    if args.solutions and not args.quick:
        from . import book

        if book.covers_course(document):
            console.print(f"Book:    {book.save_reference(document).relative_to(ROOT)}")
        else:
            console.print("[dim]Book:    unchanged (it shows a run of every timed task)[/]")
    if not args.solutions:
        state = progress.load()
        for row in report.rows_from_run(document):
            if row.verdict:
                state.record_speedup(row.task, row.speedup[0])
        progress.save(state)
    timed = {entry["extra_info"]["task"] for entry in entries}
    failed = len(timed) < len(refs) or not all(r.ok for r in report.rows_from_run(document))
    return 1 if failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    from .history import load_run
    from .report_html import write_reports

    document = load_run(args.run)
    folder = Path(args.output) if args.output else RESULTS_DIR
    written = write_reports(document, folder)
    console.print(f"Report: {', '.join(str(p) for p in written)}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from .history import compare_command

    return compare_command(console, args.runs, args.threshold)


def cmd_grade(args: argparse.Namespace) -> int:
    from .grade_command import grade_command

    instructions = args.instructions or os.environ.get("WORKBOOK_SPEED") == "instructions"
    if instructions and not args.from_file:
        from .counting import interpreter_problem

        if problem := interpreter_problem():
            console.print(f"[red]Cannot count instructions: {escape(problem)}[/]")
            return 2
    return grade_command(
        console, args.tasks, args.solutions, args.format, args.output, args.from_file,
        instructions,
    )  # fmt: skip


def cmd_class(args: argparse.Namespace) -> int:
    from .classreport import class_command

    return class_command(console, Path(args.folder), Path(args.output or args.folder))


def cmd_book(args: argparse.Namespace) -> int:
    from .book import command

    return command(args.book_command, lambda line: console.print(escape(line)))


def cmd_dev(args: argparse.Namespace) -> int:
    from . import devcheck

    if args.dev_command == "book-data":
        from .book import write_chapters

        console.print(f"Wrote {write_chapters().relative_to(ROOT)}")
        return 0

    if args.dev_command == "hash-grader-files":
        from .grade_command import hash_command

        return hash_command(console)
    if args.dev_command == "sync":
        for folder, changed in devcheck.sync():
            console.print(f"{folder}: {', '.join(changed) or 'up to date'}")
        return 0
    if args.dev_command == "check":
        return 0 if devcheck.run(console) else 1
    return devcheck.run_tests(args.pytest_args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workbook", description="Rust for Python programmers.")
    p.set_defaults(func=cmd_status)
    sub = p.add_subparsers(title="commands")

    s = sub.add_parser("list", help="chapters and tasks with your progress")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("check", help="build and check a task (default: the next unfinished one)")
    s.add_argument("task", nargs="?", help="a task (count_words), a chapter (03) or 'all'")
    s.add_argument("--solutions", action="store_true", help="check the reference solutions")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("watch", help="re-check the current task every time you save")
    s.add_argument("task", nargs="?", help="the task to start with (default: the next unfinished)")
    s.set_defaults(func=cmd_watch)

    s = sub.add_parser("hint", help="show the hints of a task, one level at a time")
    s.add_argument("task")
    s.add_argument("--level", type=int, help="show the hints up to this level")
    s.set_defaults(func=cmd_hint)

    s = sub.add_parser("reset", help="restore a chapter's stubs (your code is backed up)")
    s.add_argument("task", help="a task or a chapter")
    s.set_defaults(func=cmd_reset)

    s = sub.add_parser("solution", help="show the reference solution of a task you have solved")
    s.add_argument("task")
    s.add_argument("--force", action="store_true", help="show it before the task passes")
    s.set_defaults(func=cmd_solution)

    s = sub.add_parser("bench", help="time Rust against the baseline and the peers")
    s.add_argument("tasks", nargs="*", help="tasks or chapters (default: all)")
    s.add_argument("--solutions", action="store_true", help="time the reference solutions")
    s.add_argument("--quick", action="store_true", help="fewer rounds: a rough figure, fast")
    s.add_argument("--report", help="where to write the Markdown report (HTML beside it)")
    s.add_argument(
        "--instructions", action="store_true",
        help="also count instructions under valgrind (a figure that noise does not move)",
    )  # fmt: skip
    s.add_argument("--busy-ok", action="store_true", help="time even if the machine is busy")
    s.set_defaults(func=cmd_bench)

    s = sub.add_parser("report", help="the HTML and Markdown report of a recorded run")
    s.add_argument("run", nargs="?", help="a run file (default: this machine's latest)")
    s.add_argument("--output", help="the folder to write report.html and report.md into")
    s.set_defaults(func=cmd_report)

    s = sub.add_parser("compare", help="compare two runs and flag regressions beyond the noise")
    s.add_argument(
        "runs", nargs="*",
        help="run files or numbers (default: this machine's last two; one: it against the latest)",
    )  # fmt: skip
    s.add_argument(
        "--threshold", type=float, default=0.10,
        help="a drop in speedup smaller than this fraction is noise (default 0.10)",
    )  # fmt: skip
    s.set_defaults(func=cmd_compare)

    s = sub.add_parser("grade", help="points for every task: correctness first, then speed")
    s.add_argument("tasks", nargs="*", help="tasks or chapters (default: all)")
    s.add_argument("--solutions", action="store_true", help="grade the reference solutions")
    s.add_argument(
        "--format", default="text", choices=["text", "json", "junit", "classroom", "markdown"]
    )
    s.add_argument("--output", help="write the grade to this file (atomically)")
    s.add_argument("--from", dest="from_file", help="render a saved JSON grade, do not grade")
    s.add_argument(
        "--instructions", action="store_true",
        help="speed points from instruction counts (valgrind), not the clock: the same on "
        "every run, however busy the machine (or set WORKBOOK_SPEED=instructions)",
    )  # fmt: skip
    s.set_defaults(func=cmd_grade)

    s = sub.add_parser("class", help="a class report from many learners' grade JSON files")
    s.add_argument("folder", help="a folder of grade JSON files, one per learner")
    s.add_argument("--output", help="where to write class-report.md and .svg (default: FOLDER)")
    s.set_defaults(func=cmd_class)

    s = sub.add_parser("book", help="build the course book (installs the pinned mdbook once)")
    s.add_argument(
        "book_command", choices=["build", "check"],
        help="build: into book/book; check: also mdbook test, links and the browser check",
    )  # fmt: skip
    s.set_defaults(func=cmd_book)

    s = sub.add_parser("dev", help="course maintenance")
    dev = s.add_subparsers(dest="dev_command", required=True)
    dev.add_parser("check", help="solutions pass, stubs fail, exercises in sync")
    dev.add_parser("sync", help="regenerate the exercise crates from the solutions")
    dev.add_parser("book-data", help="write book/results/chapters.json from the chapters")
    dev.add_parser("hash-grader-files", help="write the manifest of the grader-owned files")
    dev.add_parser(
        "test", help="every check of the project, ending in pytest (extra options go to pytest)"
    )
    s.set_defaults(func=cmd_dev)
    return p


def main(argv: list[str] | None = None) -> None:
    p = parser()
    args, extra = p.parse_known_args(argv)
    if extra and getattr(args, "dev_command", None) != "test":
        p.error(f"unrecognized arguments: {' '.join(extra)}")
    args.pytest_args = extra
    try:
        code = args.func(args)
    except (LookupError, progress.StateError) as error:
        console.print(f"[red]{escape(str(error))}[/]")
        code = 2
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
