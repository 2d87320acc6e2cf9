"""Generate exercise crates from the solution crates.

The solutions are the source of truth. In a solution's Rust source, the lines
from ``// BEGIN SOLUTION`` to ``// END SOLUTION`` become ``todo!()`` in the
exercise; everything else (signatures, doc comments, the module) is kept.
Lines from ``// BEGIN SOLUTION ONLY`` to ``// END SOLUTION ONLY`` are left out
of the exercise with nothing in their place (chapter 13's signature attributes).
Type stubs (``*.pyi`` next to Cargo.toml) use the same markers as ``#``
comments, and a region ``# BEGIN SOLUTION: what it holds`` becomes the line
``# TODO: what it holds``. The package name ``<topic>-solution`` becomes
``<topic>-exercise``.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

from .paths import STATE_DIR

BEGIN = "BEGIN SOLUTION"
END = "END SOLUTION"
BEGIN_ONLY = "BEGIN SOLUTION ONLY"
END_ONLY = "END SOLUTION ONLY"
ALLOW = (
    "// Until the todo!()s are written, their parameters and imports are unused.\n"
    "#![allow(unused_imports, unused_variables, dead_code)]\n\n"
)
# What is generated: the crate, not the chapter's Python side or build output.
CRATE_PATHS = ("Cargo.toml", "pyproject.toml", "src", "benches", "build.rs")


class StubError(ValueError):
    pass


def strip_solutions(source: str, where: str = "<source>", comment: str = "//") -> str:
    """The exercise's version of a solution file whose comments start with ``comment``."""
    out: list[str] = []
    inside = ""  # the BEGIN marker of the region we are in
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        text = line.strip()
        marker, _, note = text.removeprefix(comment).strip().partition(":")
        if not text.startswith(comment) or marker not in (BEGIN, END, BEGIN_ONLY, END_ONLY):
            if not inside:
                out.append(line)
            continue
        if marker in (BEGIN, BEGIN_ONLY):
            if inside:
                raise StubError(f"{where}:{number}: {text} inside another region")
            inside = marker
            if marker == BEGIN:
                indent = line[: len(line) - len(line.lstrip())]
                out.append(indent + _placeholder(comment, note.strip()) + "\n")
        else:
            begin = BEGIN if marker == END else BEGIN_ONLY
            if inside != begin:
                raise StubError(f"{where}:{number}: {text} without {comment} {begin}")
            inside = ""
    if inside:
        raise StubError(f"{where}: {comment} {inside} is never closed")
    return "".join(out)


def _placeholder(comment: str, note: str) -> str:
    """What stands in the exercise for a solution region: Rust's todo!(), or a TODO line."""
    if comment == "//":
        return "todo!()"
    return f"{comment} TODO: {note or 'the rest of this file'}"


def _allow_unused(source: str) -> str:
    """Put ALLOW after the crate's leading //! doc comment."""
    lines = source.splitlines(keepends=True)
    at = 0
    while at < len(lines) and lines[at].startswith("//!"):
        at += 1
    return "".join(lines[:at]) + ("\n" if at else "") + ALLOW + "".join(lines[at:]).lstrip("\n")


def exercise_files(solution: Path) -> dict[str, str]:
    """The exercise crate's files, by path relative to the crate root."""
    files: dict[str, str] = {}
    for entry in CRATE_PATHS:
        path = solution / entry
        paths = sorted(path.rglob("*")) if path.is_dir() else [path] if path.exists() else []
        for file in paths:
            if not file.is_file():
                continue
            rel = file.relative_to(solution).as_posix()
            text = file.read_text()
            if rel == "Cargo.toml":
                text, count = re.subn(
                    r'(?m)^name = "(.+)-solution"$', r'name = "\1-exercise"', text
                )
                if count != 1:
                    raise StubError(f"{file}: the package must be named <topic>-solution")
            elif file.suffix == ".rs":
                stripped = strip_solutions(text, str(file))
                if stripped != text and rel == "src/lib.rs":
                    stripped = _allow_unused(stripped)
                text = stripped
            files[rel] = text
    for stub in sorted(solution.glob("*.pyi")):
        files[stub.name] = strip_solutions(stub.read_text(), str(stub), comment="#")
    return files


def out_of_sync(solution: Path, exercise: Path) -> list[str]:
    """Paths (relative to the exercise) that differ from what would be generated."""
    wanted = exercise_files(solution)
    problems = [rel for rel, text in wanted.items() if _read(exercise / rel) != text]
    for entry in CRATE_PATHS:
        path = exercise / entry
        if path.is_dir():
            problems += [
                f.relative_to(exercise).as_posix() + " (not in the solution)"
                for f in sorted(path.rglob("*"))
                if f.is_file() and f.relative_to(exercise).as_posix() not in wanted
            ]
    return problems


def write_exercise(solution: Path, exercise: Path) -> list[str]:
    """Write the generated crate into ``exercise``; the paths that changed."""
    changed = []
    for rel, text in exercise_files(solution).items():
        target = exercise / rel
        if _read(target) != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            changed.append(rel)
    return changed


def backup_and_restore(
    solution: Path, exercise: Path, backups: Path = STATE_DIR / "backups"
) -> Path | None:
    """Copy the exercise crate's generated files aside, then regenerate them.
    The backup folder, or None when nothing differed from the stubs."""
    wanted = exercise_files(solution)
    changed = [rel for rel, text in wanted.items() if _read(exercise / rel) != text]
    if not changed:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    backup = backups / f"{exercise.name}-{stamp}"
    for rel in changed:
        if (exercise / rel).is_file():
            (backup / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(exercise / rel, backup / rel)
    write_exercise(solution, exercise)
    return backup


def _read(path: Path) -> str | None:
    return path.read_text() if path.is_file() else None
