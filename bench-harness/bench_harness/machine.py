"""Is the machine quiet enough to time on? Timings taken while other programs
compete for the cores mix their noise into every figure."""

from __future__ import annotations

import os
import time
from pathlib import Path

PROC_STAT = Path("/proc/stat")
# More than this many cores' worth of other work refuses a benchmark run.
BUSY_CORES = 0.5


def _cpu_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    fields = [int(x) for x in PROC_STAT.read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    total = sum(fields[:8])  # guest time is already counted in user
    return total - idle, total


def busy_cores(window: float = 0.5) -> float:
    """How many cores' worth of work other processes did over ``window`` seconds
    (this process sleeps meanwhile). Off Linux: the 1-minute load average."""
    if not PROC_STAT.exists():
        return os.getloadavg()[0]
    busy0, total0 = _cpu_jiffies()
    time.sleep(window)
    busy1, total1 = _cpu_jiffies()
    cores = os.cpu_count() or 1
    return cores * (busy1 - busy0) / max(total1 - total0, 1)


def busy_message(cores_used: float) -> str | None:
    """Why not to time now, or None when the machine is quiet."""
    if cores_used <= BUSY_CORES:
        return None
    return (
        f"The machine is busy: other programs used {cores_used:.1f} of its "
        f"{os.cpu_count()} cores over the last half second, and their noise would end up in "
        "every figure. Close them (a build, a browser tab, a test run) and try again, or pass "
        "--busy-ok to time anyway (the report then says the machine was busy)."
    )
