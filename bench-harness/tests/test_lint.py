"""The project's own code style: ruff, mypy, rustfmt and clippy (-D warnings)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench_harness.build import cargo_env, package_name
from bench_harness.paths import ROOT, SOLUTIONS


def run(*cmd: str) -> None:
    proc = subprocess.run(cmd, cwd=ROOT, env=cargo_env(), capture_output=True, text=True)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}"


def test_ruff_check() -> None:
    run(sys.executable, "-m", "ruff", "check", ".")


def test_ruff_format() -> None:
    run(sys.executable, "-m", "ruff", "format", "--check", ".")


def test_mypy() -> None:
    run(sys.executable, "-m", "mypy")


def test_rustfmt() -> None:
    run("cargo", "fmt", "--all", "--check")


@pytest.mark.parametrize("crate", sorted(SOLUTIONS.iterdir()), ids=lambda p: p.name)
def test_clippy_on_solutions(crate) -> None:  # type: ignore[no-untyped-def]
    run("cargo", "clippy", "--quiet", "-p", package_name(crate), "--", "-D", "warnings")
