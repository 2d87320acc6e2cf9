"""Plain ``pytest`` in a chapter folder checks that chapter's crate.

Each task of ``chapter.py`` becomes a test item; ``pytest --solutions`` checks
the reference solution instead of the learner's exercise. The checks run in
the same sandboxed child as ``workbook check``, so a crash fails one item.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .build import BuildResult, build_one
from .course import crate_dir, load_chapter
from .runner import check_tasks
from .spec import Chapter, Task
from .verdict import Verdict


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--solutions",
        action="store_true",
        help="workbook: check the reference solution crates instead of the exercises",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name == "chapter.py" and file_path.parent.parent.name == "exercises":
        return ChapterFile.from_parent(parent, path=file_path)
    return None


class ChapterFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        chapter = load_chapter(self.path.parent)
        for task in chapter.tasks:
            yield TaskItem.from_parent(self, name=task.name, chapter=chapter, task=task)


class TaskFailed(Exception):
    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.as_text())
        self.verdict = verdict


_builds: dict[Path, BuildResult] = {}


class TaskItem(pytest.Item):
    def __init__(self, *, chapter: Chapter, task: Task, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.chapter = chapter
        self.task = task

    def runtest(self) -> None:
        crate = crate_dir(self.chapter, self.config.getoption("--solutions"))
        if crate not in _builds:
            _builds[crate] = build_one(crate, color=False)
        (verdict,) = check_tasks(self.chapter, _builds[crate], [self.task.name])
        if not verdict.passed:
            raise TaskFailed(verdict)

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | Any:
        if isinstance(excinfo.value, TaskFailed):
            return excinfo.value.verdict.as_text()
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.chapter.folder}::{self.task.name}"
