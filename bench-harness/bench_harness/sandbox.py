"""Run learner code in a child process with limits on time, memory and output,
so that a panic, an abort, a segfault or an endless loop becomes a verdict."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .verdict import Kind, Verdict

OUTPUT_TAIL = 3000


@dataclass(frozen=True)
class Limits:
    seconds: float = 30.0
    memory_mb: int = 4096
    output_mb: int = 8


@dataclass
class ChildRun:
    result: dict[str, Any] | None
    returncode: int | None
    timed_out: bool
    output: str
    last_call: str | None


def snapshot(library: Path, into: Path) -> Path:
    """Copy a built extension to a private path: the child loads the copy, so a
    rebuild during the run cannot change the code under test."""
    copy = into / f"{library.stem}-{os.getpid()}{library.suffix}"
    shutil.copy2(library, copy)
    return copy


def _apply_limits(limits: Limits) -> None:
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    output = limits.output_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (output, output))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_child(
    request: dict[str, Any],
    limits: Limits,
    env: dict[str, str] | None = None,
    prefix: list[str] | None = None,
) -> ChildRun:
    """Run ``python -m bench_harness.child`` on ``request`` and collect what it wrote;
    ``env`` adds variables to the child's environment, ``prefix`` runs it under a
    tool (``valgrind ...``)."""
    with tempfile.TemporaryDirectory(prefix="workbook-") as tmp:
        work = Path(tmp)
        request = {**request, "result": str(work / "result.json"), "call_log": str(work / "call")}
        out_path = work / "output"
        timed_out = False
        with out_path.open("wb") as out:
            proc = subprocess.Popen(
                [*(prefix or []), sys.executable, "-m", "bench_harness.child", json.dumps(request)],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=lambda: _apply_limits(limits),
                start_new_session=True,
                # The verdict carries the panic message; a backtrace would bury it.
                env={**os.environ, "RUST_BACKTRACE": "0", **(env or {})},
            )
            try:
                proc.wait(timeout=limits.seconds)
            except subprocess.TimeoutExpired:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        result_path = work / "result.json"
        call_log = work / "call"
        return ChildRun(
            result=json.loads(result_path.read_text()) if result_path.exists() else None,
            returncode=proc.returncode,
            timed_out=timed_out,
            output=_tail(out_path),
            last_call=call_log.read_text() if call_log.exists() else None,
        )


def _tail(path: Path) -> str:
    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - OUTPUT_TAIL))
        return fh.read().decode("utf-8", "replace")


def death_verdict(task: str, run: ChildRun, limits: Limits) -> Verdict:
    """The verdict for a task whose child process died without answering."""
    call = run.last_call
    output = [("output", run.output.strip())] if run.output.strip() else []
    if run.timed_out:
        return Verdict(
            Kind.TIMEOUT, task, f"no answer within {limits.seconds:g} s (an endless loop?)", call
        )
    code = run.returncode or 0
    if code == -signal.SIGXFSZ:
        return Verdict(
            Kind.OUTPUT_FLOOD, task, f"the code printed more than {limits.output_mb} MB", call
        )
    if "memory allocation of" in run.output or "MemoryError" in run.output:
        return Verdict(
            Kind.OUT_OF_MEMORY, task, f"the code used more than {limits.memory_mb} MB", call, output
        )
    if code < 0:
        name = signal.Signals(-code).name
        why = {
            "SIGSEGV": "a segmentation fault",
            "SIGABRT": "an abort",
            "SIGBUS": "a bus error",
            "SIGILL": "an illegal instruction",
            "SIGFPE": "an arithmetic fault",
        }.get(name, name)
        if "has overflowed its stack" in run.output:
            why = "a stack overflow (endless recursion?)"
        return Verdict(Kind.CRASH, task, f"the process died of {why} ({name})", call, output)
    if call is None:
        # The child catches every learner exception, so this is the harness itself failing.
        return Verdict(
            Kind.HARNESS_ERROR, task, f"the checker failed (status {code})", None, output
        )
    return Verdict(Kind.CRASH, task, f"the process exited with status {code}", call, output)
