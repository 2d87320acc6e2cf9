"""A small copy of the course (chapter 01 only) for tests that drive the
``workbook`` command as a learner would, without touching the real exercises."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench_harness.paths import ROOT

# A fixed place, so that pyo3 built there once is reused by later runs.
REPO = ROOT / "target" / "watch-test" / "repo"


def make_repo() -> None:
    """(Re)make REPO: chapter 01's exercise and solution, the workspace files,
    the real .venv, and no progress."""
    for part in ("exercises", "solutions", ".workbook", "book"):
        shutil.rmtree(REPO / part, ignore_errors=True)
    # book/preprocessor: a member of the workspace that Cargo.toml names.
    for part in ("exercises/01_hello", "solutions/01_hello", "book/preprocessor"):
        # shutil.copy gives the copies a new mtime: with the originals' older
        # one, cargo would take the last run's build as up to date.
        shutil.copytree(ROOT / part, REPO / part, copy_function=shutil.copy)
    for part in ("Cargo.toml", "Cargo.lock", ".cargo/config.toml"):
        (REPO / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / part, REPO / part)
    venv = REPO / ".venv"
    if not venv.exists():
        venv.symlink_to(ROOT / ".venv")


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The book, built once per test session (the pinned mdbook is installed
    into target/tools on first use) into target/book-test/html."""
    from bench_harness import book

    return book.build(dest=ROOT / "target" / "book-test" / "html")
