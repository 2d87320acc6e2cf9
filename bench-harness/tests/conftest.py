"""A small copy of the course (chapter 01 only) for tests that drive the
``workbook`` command as a learner would, without touching the real exercises."""

from __future__ import annotations

import shutil

from bench_harness.paths import ROOT

# A fixed place, so that pyo3 built there once is reused by later runs.
REPO = ROOT / "target" / "watch-test" / "repo"


def make_repo() -> None:
    """(Re)make REPO: chapter 01's exercise and solution, the workspace files,
    the real .venv, and no progress."""
    for part in ("exercises", "solutions", ".workbook"):
        shutil.rmtree(REPO / part, ignore_errors=True)
    for part in ("exercises/01_hello", "solutions/01_hello"):
        # shutil.copy gives the copies a new mtime: with the originals' older
        # one, cargo would take the last run's build as up to date.
        shutil.copytree(ROOT / part, REPO / part, copy_function=shutil.copy)
    for part in ("Cargo.toml", "Cargo.lock", ".cargo/config.toml"):
        (REPO / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / part, REPO / part)
    venv = REPO / ".venv"
    if not venv.exists():
        venv.symlink_to(ROOT / ".venv")
