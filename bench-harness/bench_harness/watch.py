"""``workbook watch``: re-check the current task on every save, and never die of
a learner's mistake."""

from __future__ import annotations

import os
import select
import sys
import termios
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import watchfiles
from rich.rule import Rule

from . import course, progress
from .course import TaskRef
from .paths import EXERCISES, ROOT

KEYS = "[bold]n[/] next · [bold]h[/] hint · [bold]l[/] list · [bold]r[/] reset · [bold]q[/] quit"


@contextmanager
def keypresses() -> Iterator[object]:
    """Single keys without Enter while watching, when stdin is a terminal."""
    if not sys.stdin.isatty():
        yield None
        return
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)
    try:
        yield fd
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def read_key(fd: object) -> str | None:
    if not isinstance(fd, int) or not select.select([fd], [], [], 0)[0]:
        return None
    return os.read(fd, 1).decode(errors="replace")


def _wait_key(fd: object) -> str | None:
    """The next key pressed, waiting for it."""
    if not isinstance(fd, int):
        return None
    select.select([fd], [], [])
    return os.read(fd, 1).decode(errors="replace")


def _concerns(path: str, ref: TaskRef) -> bool:
    crate = course.exercise_dir(ref.chapter)
    p = Path(path)
    return p.is_relative_to(crate) and (p.suffix == ".rs" or p.name == "Cargo.toml")


def following(ref: TaskRef) -> TaskRef:
    """The next unfinished task after ``ref`` (wrapping round), else ``ref``."""
    state = progress.load()
    tasks = course.all_tasks()
    at = next(i for i, r in enumerate(tasks) if r.id == ref.id)
    later = tasks[at + 1 :] + tasks[: at + 1]
    return next((r for r in later if state.get(r.id).status != "passed"), ref)


def watch(start: TaskRef) -> int:
    # The CLI owns the console and the check; imported here to avoid a cycle.
    from .cli import check_and_time, cmd_list, console, reset_chapter, show_hint

    def run(ref: TaskRef) -> None:
        console.clear()
        crate = course.exercise_dir(ref.chapter).relative_to(ROOT)
        console.print(Rule(f"{ref.id}: {ref.task.summary}"))
        console.print(f"Edit [bold]{crate}/src/lib.rs[/] and save. {KEYS}\n")
        try:
            check_and_time(ref)
        except Exception as error:  # noqa: BLE001 - the watcher outlives anything
            console.print(f"[red]The check itself failed: {error!r}[/]")
            console.print("Fix the file (or restore it with workbook reset) and save again.")

    current = start
    with keypresses() as keys:
        run(current)
        for changes in watchfiles.watch(
            EXERCISES, debounce=200, step=50, rust_timeout=100, yield_on_timeout=True
        ):
            key = read_key(keys)
            if key == "q":
                return 0
            if key == "n":
                current = following(current)
                run(current)
            elif key == "h":
                show_hint(current)
            elif key == "l":
                cmd_list(None)
            elif key == "r":
                folder = current.chapter.folder
                console.print(f"Restore the stubs of {folder}? Your code is backed up. (y/N)")
                if _wait_key(keys) == "y":
                    reset_chapter(current.chapter)
            elif any(_concerns(path, current) for _, path in changes):
                run(current)
    return 0
