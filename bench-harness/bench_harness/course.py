"""Find the chapters and load their declarations.

Each ``exercises/NN_slug/chapter.py`` is loaded as the ``__init__`` of a
package made from its folder, so it can import its neighbours with
``from . import baseline``.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .paths import EXERCISES, SOLUTIONS
from .spec import Chapter, Task


@dataclass(frozen=True)
class TaskRef:
    chapter: Chapter
    task: Task

    @property
    def id(self) -> str:
        return f"{self.chapter.slug}.{self.task.name}"


def chapter_dirs() -> list[Path]:
    return sorted(p for p in EXERCISES.iterdir() if (p / "chapter.py").exists())


@cache
def load_chapter(folder: Path) -> Chapter:
    name = f"workbook_chapter_{folder.name}"
    spec = importlib.util.spec_from_file_location(
        name, folder / "chapter.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    chapter = getattr(module, "CHAPTER", None)
    if not isinstance(chapter, Chapter):
        raise TypeError(f"{folder / 'chapter.py'} must define CHAPTER = Chapter(...)")
    if chapter.folder != folder.name:
        raise ValueError(
            f"{folder}: CHAPTER says {chapter.folder!r}, the folder is {folder.name!r}"
        )
    return chapter


def chapters() -> list[Chapter]:
    return [load_chapter(folder) for folder in chapter_dirs()]


def exercise_dir(chapter: Chapter) -> Path:
    return EXERCISES / chapter.folder


def solution_dir(chapter: Chapter) -> Path:
    return SOLUTIONS / chapter.folder


def crate_dir(chapter: Chapter, solutions: bool) -> Path:
    return solution_dir(chapter) if solutions else exercise_dir(chapter)


def all_tasks() -> list[TaskRef]:
    return [TaskRef(chapter, task) for chapter in chapters() for task in chapter.tasks]


def resolve(selector: str) -> list[TaskRef]:
    """Tasks named by ``selector``: ``strings.count_words``, ``count_words``,
    a chapter (``strings``, ``03``, ``03_strings``) or ``all``."""
    tasks = all_tasks()
    if selector == "all":
        return tasks
    found = [
        ref
        for ref in tasks
        if selector in (ref.id, ref.task.name, f"{ref.chapter.folder}.{ref.task.name}")
    ]
    if not found:
        found = [
            ref
            for ref in tasks
            if selector in (ref.chapter.slug, ref.chapter.folder, f"{ref.chapter.number:02d}")
        ]
    if not found:
        known = ", ".join(ref.id for ref in tasks)
        raise LookupError(f"no task or chapter called {selector!r}; the tasks are: {known}")
    return found
