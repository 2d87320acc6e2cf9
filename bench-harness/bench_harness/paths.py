"""Where things live in the repository."""

from __future__ import annotations

import os
from pathlib import Path


def repo_root() -> Path:
    """The workspace root: $WORKBOOK_ROOT, else the checkout this package sits in."""
    if env := os.environ.get("WORKBOOK_ROOT"):
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


ROOT = repo_root()
EXERCISES = ROOT / "exercises"
SOLUTIONS = ROOT / "solutions"
TARGET = ROOT / "target"
STATE_DIR = ROOT / ".workbook"
# WORKBOOK_RESULTS moves the run history elsewhere (the test suite keeps its own).
RESULTS_DIR = Path(os.environ.get("WORKBOOK_RESULTS") or ROOT / ".benchmarks")
