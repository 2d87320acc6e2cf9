"""``workbook watch`` driven in tmux as a learner would: each fault saved into
the exercise shows its own verdict, and the watcher keeps running."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, make_repo

from bench_harness.paths import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

SESSION = f"workbook-watch-test-{os.getpid()}"
LIB = REPO / "exercises" / "01_hello" / "src" / "lib.rs"


def pane() -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", SESSION], capture_output=True, text=True
    ).stdout


def wait_for(pattern: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = pane()
        if re.search(pattern, text):
            return text
        time.sleep(0.2)
    raise AssertionError(f"{pattern!r} never appeared; the pane shows:\n{pane()}")


@pytest.fixture(scope="module")
def watcher() -> Iterator[None]:
    make_repo()
    env = f"WORKBOOK_ROOT={REPO} WORKBOOK_TIME_LIMIT=3"
    command = f"{env} {Path(sys.executable).parent / 'workbook'} watch hello.add; echo WATCH-ENDED"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            "160",
            "-y",
            "50",
            command + "; sleep 600",
        ],
        check=True,
    )
    try:
        wait_for(r"add: not implemented", seconds=240)  # the first build compiles pyo3
        yield
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)


ORIGINAL = (ROOT / "exercises" / "01_hello" / "src" / "lib.rs").read_text()


def save_add_body(body: str) -> None:
    LIB.write_text(ORIGINAL.replace("    todo!()", body, 1))


FAULTS = [
    ("Ok(a + b + c)", r"add: compile error"),
    ('panic!("boom {a}")', r"add: panic[\s\S]*boom 2"),
    ("std::process::abort()", r"add: crash[\s\S]*SIGABRT"),
    ("loop { std::hint::black_box(a); }", r"add: timeout"),
    ("Ok(std::hint::black_box(vec![1u8; 1 << 40]).len() as i64 + a + b)", r"add: out of memory"),
    ('loop { println!("{a} + {b}, again"); }', r"add: output flood"),
    ("Ok(a.wrapping_add(b))", r"add: wrong answer[\s\S]*OverflowError"),
]


@pytest.mark.parametrize(
    ("body", "verdict"), FAULTS, ids=[v.split(":")[1].split("[")[0].strip() for _, v in FAULTS]
)
def test_each_fault_gets_its_verdict_and_the_watcher_survives(
    watcher: None, body: str, verdict: str
) -> None:
    save_add_body(f"    {body}")
    wait_for(verdict)
    assert "WATCH-ENDED" not in pane()


def test_a_deleted_file_is_a_verdict_and_a_fix_passes(watcher: None) -> None:
    LIB.unlink()
    wait_for(r"add: compile error")
    save_add_body('    a.checked_add(b).ok_or_else(|| PyOverflowError::new_err("too big"))')
    wait_for(r"add: passed[\s\S]*Speed at")


def test_q_quits(watcher: None) -> None:
    subprocess.run(["tmux", "send-keys", "-t", SESSION, "q"], check=True)
    wait_for("WATCH-ENDED", seconds=10)
