"""Tables of measured results: rich for the terminal, Markdown for the report file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pytest_benchmark.utils import time_unit
from rich.table import Table


def fmt_time(seconds: float) -> str:
    prefix, scale = time_unit(seconds)
    return f"{seconds * scale:.3g} {prefix.replace('u', 'µ')}s"


def fmt_ratio(ratio: float) -> str:
    return f"{ratio:.1f}×" if ratio >= 1.95 else f"{ratio:.2f}×"


@dataclass
class Row:
    task: str
    size: str
    baseline: float
    rust: float
    speedup: tuple[float, float, float]  # ratio, low, high
    peers: list[tuple[str, float, float]]  # name, median time, rust's speedup over it
    verdict: str
    ok: bool
    bytes: int | None = None  # the input's size in bytes, for a throughput
    outliers: str = ""  # rounds outside Tukey's fences: "baseline+Rust of rounds"


def rows_from_run(document: dict[str, Any]) -> list[Row]:
    """One row per task and size; the floor is judged at each task's largest size."""
    medians: dict[tuple[str, int], dict[str, float]] = {}
    rust: dict[tuple[str, int], dict[str, Any]] = {}
    outliers: dict[tuple[str, int], dict[str, str]] = {}
    for entry in document["benchmarks"]:
        info = entry["extra_info"]
        key = (info["task"], info["size"])
        medians.setdefault(key, {})[info["contender"]] = entry["stats"]["median"]
        count = f"{info.get('outliers', 0)}/{len(entry['stats'].get('data', []))}"
        outliers.setdefault(key, {})[info["contender"]] = count
        if info["contender"] == "rust":
            rust[key] = info
    largest: dict[str, int] = {}
    for task, size in rust:
        largest[task] = max(size, largest.get(task, size))
    rows = []
    for (task, size), info in rust.items():
        times = medians[(task, size)]
        low, high = info["speedup_ci95"]
        speedup = (info["speedup"], low, high)
        peers = [(name, times[name], ratio[0]) for name, ratio in info["peer_speedups"].items()]
        verdict, ok = ("", True) if size != largest[task] else _judge(info)
        counts = outliers[(task, size)]
        rows.append(
            Row(
                task, f"{size:,}", times["baseline"], times["rust"], speedup, peers, verdict, ok,
                info.get("bytes"), f"{counts['baseline']}, {counts['rust']}",
            )
        )  # fmt: skip
    return rows


def _judge(info: dict[str, Any]) -> tuple[str, bool]:
    """The floor column: the floor against the baseline and any against peers."""
    floors = [("", info["speedup"], info["min_speedup"])] + [
        (f" vs {peer}", info["peer_speedups"][peer][0], floor)
        for peer, floor in info.get("peer_floors", {}).items()
        if peer in info["peer_speedups"]
    ]
    if (floor := info.get("scaling_floor")) is not None and "scaling_speedup" in info:
        threads, gain = info["scaling_speedup"]
        floors.append((f" on {threads} threads", gain, floor))
    parts, ok = [], True
    for against, ratio, floor in floors:
        if floor is None:
            parts.append("loss expected")
            continue
        met = ratio >= floor
        ok = ok and met
        parts.append(f"{'✓' if met else '✗'} {floor:g}×{against}")
    return ", ".join(parts), ok


def _speedup_text(row: Row) -> str:
    ratio, low, high = row.speedup
    return f"{fmt_ratio(ratio)} [{fmt_ratio(low)}–{fmt_ratio(high)}]"


def fmt_bytes(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(count) < 1000 or unit == "GB":
            return f"{count:.3g} {unit}"
        count /= 1000
    raise AssertionError


def _time_text(seconds: float, row: Row) -> str:
    """A time, and the throughput it means where the input's bytes are known."""
    if row.bytes is None:
        return fmt_time(seconds)
    return f"{fmt_time(seconds)} ({fmt_bytes(row.bytes / seconds)}/s)"


def _peers_text(row: Row) -> str:
    return "; ".join(
        f"{name} {_time_text(t, row)} (Rust {fmt_ratio(r)})" for name, t, r in row.peers
    )


def machine_line(document: dict[str, Any]) -> str:
    machine = document["machine_info"]
    cpu = machine.get("cpu", {}).get("brand_raw") or machine.get("processor") or "?"
    return (
        f"{cpu}, {machine.get('cpu_count', '?')} cores, {machine['system']} {machine['release']}, "
        f"{machine['python_implementation']} {machine['python_version']}, "
        f"commit {document['commit_info'].get('id', '?')[:10]}"
    )


HEADERS = ["task", "size", "Python baseline", "Rust", "speedup [95% CI]", "peers", "floor"]
MD_HEADERS = [*HEADERS, "outliers (baseline, Rust)"]


def rich_table(document: dict[str, Any]) -> Table:
    table = Table(
        *HEADERS, title="Rust against the Python baseline", caption=machine_line(document)
    )
    for row in rows_from_run(document):
        style = None if row.ok else "bold red"
        table.add_row(
            row.task, row.size, _time_text(row.baseline, row), _time_text(row.rust, row),
            _speedup_text(row), _peers_text(row), row.verdict, style=style,
        )  # fmt: skip
    return table


def markdown(document: dict[str, Any]) -> str:
    lines = [
        "# Measured speedups",
        "",
        f"Measured on {machine_line(document)}, {document['datetime'][:19]} UTC.",
        "Times are medians of interleaved rounds; the interval is a paired bootstrap 95% interval"
        " of the speedup; the floor applies at each task's largest size.",
        "",
        "| " + " | ".join(MD_HEADERS) + " |",
        "|" + "---|" * len(MD_HEADERS),
    ]
    for row in rows_from_run(document):
        cells = [
            row.task, row.size, _time_text(row.baseline, row), _time_text(row.rust, row),
            _speedup_text(row), _peers_text(row) or "—", row.verdict, row.outliers,
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    for title, headers, body in extra_tables(document):
        lines += ["", f"## {title}", "", "| " + " | ".join(headers) + " |"]
        lines += ["|" + "---|" * len(headers)] + ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines) + "\n"


Rows = list[list[str]]


def _rust_infos(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        e["extra_info"] for e in document["benchmarks"] if e["extra_info"]["contender"] == "rust"
    ]


def memory_rows(document: dict[str, Any]) -> Rows:
    rows = []
    for info in _rust_infos(document):
        if memory := info.get("memory"):
            base, rust = memory["baseline"], memory["rust"]
            rss = [fmt_bytes(m["rss"]) if m["rss"] is not None else "—" for m in (base, rust)]
            rows.append(
                [info["task"], f"{info['size']:,}", rss[0], rss[1],
                 fmt_bytes(base["python"]), fmt_bytes(rust["python"])]
            )  # fmt: skip
    return rows


def scaling_rows(document: dict[str, Any]) -> Rows:
    """Per task: each thread count's median, its speedup over one thread and the efficiency."""
    by_task: dict[str, list[tuple[int, float]]] = {}
    for entry in document["benchmarks"]:
        info = entry["extra_info"]
        if "threads" in info:
            by_task.setdefault(info["task"], []).append((info["threads"], entry["stats"]["median"]))
    rows = []
    for task, points in by_task.items():
        points.sort()
        one = points[0][1] if points[0][0] == 1 else float("nan")
        for threads, median in points:
            gain = one / median
            rows.append(
                [task, str(threads), fmt_time(median), fmt_ratio(gain), f"{gain / threads:.0%}"]
            )
    return rows


def instruction_rows(document: dict[str, Any]) -> Rows:
    rows = []
    for info in _rust_infos(document):
        if counted := info.get("instructions"):
            rows.append(
                [info["task"], f"{counted['size']:,}", f"{counted['baseline']:,.0f}",
                 f"{counted['rust']:,.0f}", fmt_ratio(counted["ratio"]),
                 fmt_ratio(info["speedup"])]
            )  # fmt: skip
    return rows


def split_rows(document: dict[str, Any]) -> Rows:
    """Python, Rust through PyO3, pure Rust (criterion) and the boundary between the last two."""
    medians: dict[tuple[str, int], dict[str, float]] = {}
    for entry in document["benchmarks"]:
        info = entry["extra_info"]
        medians.setdefault((info["task"], info["size"]), {})[info["contender"]] = entry["stats"][
            "median"
        ]
    rows = []
    for info in _rust_infos(document):
        core = info.get("core")
        if core is None:
            continue
        times = medians[(info["task"], info["size"])]
        if core["kind"] != "core":
            why = core["why"].strip().splitlines()[-1:] or ["?"]
            rows.append(
                [info["task"], f"{info['size']:,}", f"criterion failed: {why[0]}"] + [""] * 3
            )
            continue
        pure, through = core["seconds"], times["rust"]
        rows.append(
            [info["task"], f"{info['size']:,}", fmt_time(times["baseline"]), fmt_time(through),
             fmt_time(pure), f"{fmt_time(through - pure)} ({(through - pure) / through:.0%})"]
        )  # fmt: skip
    return rows


def extra_tables(document: dict[str, Any]) -> list[tuple[str, list[str], Rows]]:
    """The report's tables beside the main one, each where the run measured it."""
    tables = [
        (
            "Where the time goes: Python, Rust through PyO3, pure Rust",
            ["task", "size", "Python baseline", "Rust through PyO3", "pure Rust (criterion)",
             "the boundary"],
            split_rows(document),
        ),
        (
            "Peak memory of one call at the largest size",
            ["task", "size", "baseline, peak RSS", "Rust, peak RSS",
             "baseline, Python objects", "Rust, Python objects"],
            memory_rows(document),
        ),
        (
            "Scaling with threads at the largest size",
            ["task", "threads", "Rust", "over 1 thread", "efficiency"],
            scaling_rows(document),
        ),
        (
            "Instructions per call (callgrind), deterministic",
            ["task", "size", "baseline", "Rust", "ratio", "wall-clock ratio"],
            instruction_rows(document),
        ),
    ]  # fmt: skip
    return [t for t in tables if t[2]]
