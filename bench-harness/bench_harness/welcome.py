"""The first run: check the toolchain, then build every exercise crate once so
that the learner's first check takes a second, not a minute."""

from __future__ import annotations

import shutil
import subprocess
import sys

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from . import course
from .build import build_one

NEEDS = [
    ("cargo", "Rust's build tool: install Rust from https://rustup.rs"),
    ("rustc", "the Rust compiler: install Rust from https://rustup.rs"),
]


def _version(tool: str) -> str | None:
    if shutil.which(tool) is None:
        return None
    out = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    return out.strip() or None


def toolchain_problems(console: Console) -> list[str]:
    """Print what is there; return what is missing, each with how to get it."""
    missing = []
    for tool, how in NEEDS:
        version = _version(tool)
        if version is None:
            missing.append(f"{tool} is missing: {how}")
        else:
            console.print(f"  [green]✓[/] {version}")
    # ./workbook itself refuses a Python older than 3.11.
    console.print(f"  [green]✓[/] Python {sys.version.split()[0]} in {sys.prefix}")
    return missing


def welcome(console: Console) -> bool:
    """True when the learner is ready to start."""
    console.print("[bold]Welcome to Rust for Python programmers.[/] Checking your tools:")
    missing = toolchain_problems(console)
    for problem in missing:
        console.print(f"  [red]✗ {problem}[/]")
    if missing:
        return False
    chapters = course.chapters()
    console.print("Building the exercises once (the first one compiles pyo3: about a minute).")
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        job = bar.add_task("building", total=len(chapters))
        for chapter in chapters:
            bar.update(job, description=f"building {chapter.folder}")
            # A stub that does not build is reported by `workbook check`, not here.
            build_one(course.exercise_dir(chapter), color=False)
            bar.advance(job)
    console.print(
        "[green]Ready.[/] Read the book's introduction, then run [bold]./workbook check[/]."
    )
    return True
