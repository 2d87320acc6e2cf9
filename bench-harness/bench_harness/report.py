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


def rows_from_run(document: dict[str, Any]) -> list[Row]:
    """One row per task and size; the floor is judged at each task's largest size."""
    medians: dict[tuple[str, int], dict[str, float]] = {}
    rust: dict[tuple[str, int], dict[str, Any]] = {}
    for entry in document["benchmarks"]:
        info = entry["extra_info"]
        key = (info["task"], info["size"])
        medians.setdefault(key, {})[info["contender"]] = entry["stats"]["median"]
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
        rows.append(
            Row(task, f"{size:,}", times["baseline"], times["rust"], speedup, peers, verdict, ok)
        )
    return rows


def _judge(info: dict[str, Any]) -> tuple[str, bool]:
    """The floor column: the floor against the baseline and any against peers."""
    floors = [("", info["speedup"], info["min_speedup"])] + [
        (f" vs {peer}", info["peer_speedups"][peer][0], floor)
        for peer, floor in info.get("peer_floors", {}).items()
        if peer in info["peer_speedups"]
    ]
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


def _peers_text(row: Row) -> str:
    return "; ".join(f"{name} {fmt_time(t)} (Rust {fmt_ratio(r)})" for name, t, r in row.peers)


def machine_line(document: dict[str, Any]) -> str:
    machine = document["machine_info"]
    cpu = machine.get("cpu", {}).get("brand_raw") or machine.get("processor") or "?"
    return (
        f"{cpu}, {machine.get('cpu_count', '?')} cores, {machine['system']} {machine['release']}, "
        f"{machine['python_implementation']} {machine['python_version']}, "
        f"commit {document['commit_info'].get('id', '?')[:10]}"
    )


HEADERS = ["task", "size", "Python baseline", "Rust", "speedup [95% CI]", "peers", "floor"]


def rich_table(document: dict[str, Any]) -> Table:
    table = Table(
        *HEADERS, title="Rust against the Python baseline", caption=machine_line(document)
    )
    for row in rows_from_run(document):
        style = None if row.ok else "bold red"
        table.add_row(
            row.task, row.size, fmt_time(row.baseline), fmt_time(row.rust),
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
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
    ]
    for row in rows_from_run(document):
        cells = [
            row.task, row.size, fmt_time(row.baseline), fmt_time(row.rust),
            _speedup_text(row), _peers_text(row) or "—", row.verdict,
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
