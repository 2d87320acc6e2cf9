"""Grader-owned files and the manifest of their hashes.

The files that decide a grade (each chapter's ``chapter.py``, ``baseline.py``
and ``peers.py``, the harness and its tests, the root build and install files,
the workflows) are hashed with sha256 into a committed manifest, one
``hash  path`` line per file, sorted, as ``sha256sum`` writes them (so
``sha256sum -c`` reads it too). ``workbook dev hash-grader-files`` writes it; a
test keeps it from drifting; ``workbook grade`` compares the working tree with
it and scores the tasks a changed file could sway as 0.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomic

MANIFEST = Path(".github/classroom/grader-files.sha256")

# Single files, relative to the root.
ROOT_FILES = ("Cargo.toml", "pyproject.toml", "workbook", ".cargo/config.toml")
# Folders whose every file is the grader's (generated files aside).
OWNED_DIRS = ("bench-harness", ".github/workflows")
# A chapter's Python side: the declaration, the baseline and the peers.
CHAPTER_FILES = ("chapter.py", "baseline.py", "peers.py")
# Made by Python, pip or an editor inside the owned folders; never the grader's.
_GENERATED = ("__pycache__", ".egg-info", ".pyc", ".pytest_cache", ".mypy_cache", "~", ".swp")


@dataclass(frozen=True)
class Change:
    path: str  # relative to the root, with forward slashes
    how: str  # "changed" | "missing" | "added"

    @property
    def chapter(self) -> str | None:
        """The chapter folder this file belongs to, or None for a file every task depends on.

        A missing chapter file counts for every task: without its chapter.py
        the chapter's tasks would drop out of the grade instead of scoring 0.
        """
        parts = self.path.split("/")
        if len(parts) == 3 and parts[0] == "exercises" and self.how != "missing":
            return parts[1]
        return None

    def describe(self) -> str:
        what = {
            "changed": "differs from the grader's copy",
            "missing": "is missing",
            "added": "is not one of the grader's files",
        }[self.how]
        return f"{self.path} {what}"


def _generated(name: str) -> bool:
    return any(name.endswith(suffix) for suffix in _GENERATED)


def _walk(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not _generated(d))
        for name in sorted(filenames):
            if not _generated(name):
                yield Path(dirpath) / name


def grader_files(root: Path) -> list[str]:
    """The grader-owned files present under ``root``, relative, sorted.

    Python files at the root count too (the course has none): the harness runs
    Python from the root, where a ``random.py`` or ``timeit.py`` would shadow
    the standard library's.
    """
    found: set[Path] = {root / name for name in ROOT_FILES if (root / name).is_file()}
    found.update(p for p in root.glob("*.py") if p.is_file())
    for folder in OWNED_DIRS:
        if (root / folder).is_dir():
            found.update(_walk(root / folder))
    exercises = root / "exercises"
    if exercises.is_dir():
        for chapter in exercises.iterdir():
            found.update(chapter / n for n in CHAPTER_FILES if (chapter / n).is_file())
    return sorted(p.relative_to(root).as_posix() for p in found)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_text(root: Path) -> str:
    return "".join(f"{sha256(root / path)}  {path}\n" for path in grader_files(root))


def write_manifest(root: Path, manifest: Path | None = None) -> Path:
    """Write the manifest atomically; return its path."""
    path = manifest or root / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, manifest_text(root))
    return path


def read_manifest(manifest: Path) -> dict[str, str]:
    """path -> sha256 from a manifest file."""
    entries = {}
    for line in manifest.read_text().splitlines():
        if not line.strip():
            continue
        digest, sep, path = line.partition("  ")
        if not sep or len(digest) != 64:
            raise ValueError(f"{manifest}: not a 'sha256  path' line: {line!r}")
        entries[path] = digest
    return entries


def check(root: Path, manifest: Path | None = None) -> list[Change]:
    """How the grader-owned files under ``root`` differ from ``manifest``."""
    expected = read_manifest(manifest or root / MANIFEST)
    present = set(grader_files(root))
    changes = [Change(path, "added") for path in sorted(present - set(expected))]
    for path, digest in sorted(expected.items()):
        if path not in present:
            changes.append(Change(path, "missing"))
        elif sha256(root / path) != digest:
            changes.append(Change(path, "changed"))
    return sorted(changes, key=lambda c: c.path)


@dataclass
class TamperReport:
    """What ``workbook grade`` knows about the grader-owned files."""

    changes: list[Change]
    checked: bool = True  # False when there was no manifest to check against
    note: str = ""

    def affecting(self, chapter: str) -> list[Change]:
        """The changes that void the tasks of ``chapter`` (a folder name)."""
        return [c for c in self.changes if c.chapter in (None, chapter)]


def report(root: Path, manifest: Path | None = None) -> TamperReport:
    path = manifest or root / MANIFEST
    if not path.exists():
        return TamperReport([], checked=False, note=f"no {MANIFEST}: grader files not checked")
    try:
        return TamperReport(check(root, path))
    except (OSError, ValueError) as error:  # a manifest that cannot be read is a changed one
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        return TamperReport([Change(name, "changed")], note=str(error))
