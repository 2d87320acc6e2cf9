import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench_harness import progress


def test_round_trip_and_passed_stays_passed(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    state = progress.load(path)
    state.record_check("hello.add", True, "passed")
    state.record_check("hello.add", False, "panic")
    state.record_speedup("hello.add", 1.5)
    state.record_speedup("hello.add", 1.2)
    progress.save(state, path)
    again = progress.load(path).get("hello.add")
    assert (again.status, again.verdict, again.attempts, again.best_speedup) == (
        "passed",
        "panic",
        2,
        1.5,
    )


def test_unreadable_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text("{not json")
    with pytest.raises(RuntimeError, match="unreadable"):
        progress.load(path)
    assert path.read_text() == "{not json"


WRITER = """
import sys
from pathlib import Path
from bench_harness import progress
path = Path(sys.argv[1])
state = progress.load(path)
i = 0
while True:
    i += 1
    state.record_check(f"{sys.argv[2]}.task{i}", True, "passed")
    progress.save(state, path)
"""


def test_killing_a_writer_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    for run, delay in enumerate((0.3, 0.37, 0.44, 0.51)):
        before = set(progress.load(path).tasks)
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"run{run}"])
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        data = json.loads(path.read_text())  # always whole
        assert before < set(data["tasks"])  # nothing lost, something added
