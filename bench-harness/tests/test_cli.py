"""The ``workbook`` command as a learner meets it, on a copy of chapter 01."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, make_repo

WORKBOOK = Path(sys.executable).parent / "workbook"


def workbook(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(WORKBOOK), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "WORKBOOK_ROOT": str(REPO), **env},
        stdin=subprocess.DEVNULL,
        timeout=600,
    )


def test_first_run_welcomes_checks_the_tools_and_builds_once() -> None:
    make_repo()
    first = workbook()
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Welcome" in first.stdout and "✓ cargo" in first.stdout
    assert "Ready." in first.stdout and "Next: hello.add" in first.stdout
    again = workbook()
    assert "Welcome" not in again.stdout and "Next: hello.add" in again.stdout


def test_no_colour_when_asked_or_not_a_terminal() -> None:
    make_repo()
    for env in ({"NO_COLOR": "1"}, {}):
        result = workbook("check", "add", **env)
        assert result.returncode == 1
        assert "add: not implemented" in result.stdout
        assert "\x1b[" not in result.stdout + result.stderr


def test_unknown_task_is_a_clear_error() -> None:
    result = workbook("check", "no_such_task")
    assert result.returncode == 2
    assert "no task or chapter called 'no_such_task'" in result.stdout
