"""The GitHub Actions workflows: actionlint (with shellcheck on the scripts)
and zizmor find nothing, and the grading workflow keeps what Classroom needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bench_harness.paths import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed: it comes with the dev extra (pip install -e .[dev])"
    return found


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "classroom.yml"}


def test_actionlint_finds_nothing() -> None:
    cmd = [tool("actionlint"), "-shellcheck", tool("shellcheck"), *map(str, WORKFLOWS)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_finds_nothing() -> None:
    # --offline: the audits that would ask GitHub's API are left out.
    cmd = [tool("zizmor"), "--offline", "--no-progress", *map(str, WORKFLOWS)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout, proc.stdout + proc.stderr


def test_classroom_workflow_has_what_classroom_reads() -> None:
    text = (ROOT / ".github" / "workflows" / "classroom.yml").read_text()
    # Classroom takes the points from the check run of this job name.
    assert "  run-autograding-tests:\n" in text and "name: run-autograding-tests\n" in text
    assert "pull_request_target" not in text
    assert "persist-credentials: false" in text
    for line in text.splitlines():
        if "uses:" in line:
            ref = line.split("@", 1)[1]
            assert len(ref.split()[0]) == 40 and "# v" in ref, f"not pinned by SHA: {line}"
