"""The learner's progress: one small JSON file, always written atomically."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .files import write_atomic
from .paths import STATE_DIR

STATE_FILE = STATE_DIR / "progress.json"


class StateError(RuntimeError):
    """The progress file cannot be read."""


@dataclass
class TaskProgress:
    status: str = "untried"  # untried | passed | failed
    verdict: str = ""
    attempts: int = 0
    failures_in_a_row: int = 0
    hints_seen: int = 0
    best_speedup: float | None = None
    updated: str = ""


@dataclass
class Progress:
    tasks: dict[str, TaskProgress] = field(default_factory=dict)

    def get(self, task_id: str) -> TaskProgress:
        return self.tasks.get(task_id, TaskProgress())

    def record_check(self, task_id: str, passed: bool, verdict: str) -> None:
        entry = self.tasks.setdefault(task_id, TaskProgress())
        entry.attempts += 1
        entry.failures_in_a_row = 0 if passed else entry.failures_in_a_row + 1
        # A task once passed stays passed: a later edit does not lose the progress.
        if entry.status != "passed":
            entry.status = "passed" if passed else "failed"
        entry.verdict = verdict
        entry.updated = datetime.now(UTC).isoformat(timespec="seconds")

    def record_speedup(self, task_id: str, speedup: float) -> None:
        entry = self.tasks.setdefault(task_id, TaskProgress())
        if entry.best_speedup is None or speedup > entry.best_speedup:
            entry.best_speedup = speedup


def load(path: Path = STATE_FILE) -> Progress:
    try:
        data: dict[str, Any] = json.loads(path.read_text())
    except FileNotFoundError:
        return Progress()
    except (OSError, ValueError) as error:
        raise StateError(
            f"{path} is unreadable ({error}); move it aside to start afresh"
        ) from error
    known = {f.name for f in fields(TaskProgress)}
    return Progress(
        {
            key: TaskProgress(**{k: v for k, v in value.items() if k in known})
            for key, value in data.get("tasks", {}).items()
        }
    )


def save(progress: Progress, path: Path = STATE_FILE) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the
    old file: a reader sees the old state or the new one, never half of one."""
    data = json.dumps({"tasks": {k: asdict(v) for k, v in progress.tasks.items()}}, indent=1)
    write_atomic(path, data)
