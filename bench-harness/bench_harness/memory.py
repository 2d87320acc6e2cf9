"""Peak memory of one call: what the process grew by (peak RSS, Rust's heap
included) and what Python objects it allocated at the peak (tracemalloc).

Each contender is measured in a child process of its own, at the task's largest
size: memory a first call returned to the allocator would hide a second call's.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path
from types import ModuleType
from typing import Any

from .spec import Task
from .timing import SEED, contenders

STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_kb(field: str) -> int:
    for line in STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (Linux >= 4.0); False where that is not possible."""
    try:
        CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def peak_memory(module: ModuleType, task: Task, contender: str) -> dict[str, Any]:
    """Bytes: ``rss`` grown by the call at its peak (None off Linux), ``python`` peak
    of Python allocations during the call. The result is kept alive, so it counts."""
    assert task.bench is not None
    args = task.bench.make_input(task.bench.sizes[-1], SEED)
    fn, fn_args = contenders(task, module, args)[contender]
    rss = None
    gc.collect()
    if STATUS.exists() and _reset_peak():
        before = _status_kb("VmRSS")
        result = fn(*fn_args)
        rss = max(0, _status_kb("VmHWM") - before) * 1024
        del result
        gc.collect()
    tracemalloc.start()
    result = fn(*fn_args)
    _, python = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return {"kind": "memory", "contender": contender, "rss": rss, "python": python}
