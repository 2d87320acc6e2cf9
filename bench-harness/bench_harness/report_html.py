"""``workbook report``: a run as one self-contained HTML page (and Markdown).

The chapters' tables and speedup charts come from the book's own preprocessor
(``workbook-mdbook report RUN``), so the report and the book show the same
charts; the page adds how each task's cost grows with its input (matplotlib, SVG
inline), thread scaling, memory and instruction counts, and the machine.
"""

from __future__ import annotations

import html
import io
import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from .files import write_atomic
from .paths import ROOT
from .report import extra_tables, machine_line, markdown

CSS = ROOT / "book" / "theme" / "workbook.css"
RUST = "#b7410e"  # the book's colour for Rust (workbook.css)
PAGE_CSS = """
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
       --fg: #222; --quote-bg: #f6f7f8; --quote-border: #ccc; color: var(--fg); }
table { border-collapse: collapse; } th, td { padding: 0.2em 0.6em; border-bottom: 1px solid #ddd; }
td.num { text-align: right; } .busy { color: #a40000; font-weight: bold; }
.growth { display: flex; flex-wrap: wrap; gap: 1em; }
"""


def chapters_html(document: dict[str, Any]) -> str:
    """The book's tables and charts for every chapter of the run."""
    from .book import build_preprocessor

    preprocessor = build_preprocessor()
    with tempfile.NamedTemporaryFile("w", suffix=".json") as run:
        json.dump(document, run)
        run.flush()
        proc = subprocess.run(
            [str(preprocessor), "report", run.name], capture_output=True, text=True, check=False
        )
    if proc.returncode != 0:
        raise RuntimeError(f"the book's preprocessor could not render the run: {proc.stderr}")
    return proc.stdout


def growth_svgs(document: dict[str, Any]) -> list[str]:
    """Per task timed at several sizes: time against size, log-log, baseline and Rust."""
    import matplotlib

    matplotlib.use("svg")
    from matplotlib import pyplot as plt

    series: dict[str, dict[str, list[tuple[int, float]]]] = {}
    for entry in document["benchmarks"]:
        info = entry["extra_info"]
        if info["contender"] in ("baseline", "rust"):
            points = series.setdefault(info["task"], {}).setdefault(info["contender"], [])
            points.append((info["size"], entry["stats"]["median"]))
    svgs = []
    for task, lines in series.items():
        if len(lines.get("rust", [])) < 2:
            continue
        fig, ax = plt.subplots(figsize=(3.6, 2.6))
        for contender, style, colour in (("baseline", "o--", "#4a6fa5"), ("rust", "s-", RUST)):
            xs, ys = zip(*sorted(lines[contender]), strict=True)
            label = "Python" if contender == "baseline" else "Rust"
            ax.loglog(xs, ys, style, color=colour, label=label)
        ax.set_title(task, fontsize=9)
        ax.set_xlabel("input size", fontsize=8)
        ax.set_ylabel("seconds per call", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.legend(fontsize=7)
        fig.tight_layout()
        out = io.StringIO()
        fig.savefig(out, format="svg")
        plt.close(fig)
        svg = out.getvalue()
        svgs.append(svg[svg.index("<svg") :])
    return svgs


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def page(document: dict[str, Any]) -> str:
    busy = document["machine_info"].get("busy_cores", 0.0)
    warning = (
        f'<p class="busy">Timed on a busy machine: other programs used {busy} cores.</p>'
        if busy > 0.5
        else ""
    )
    extras = "".join(
        f"<h2>{html.escape(title)}</h2>{_table(headers, rows)}"
        for title, headers, rows in extra_tables(document)
    )
    growth = "".join(f'<div class="workbook-chart">{svg}</div>' for svg in growth_svgs(document))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Measured speedups</title>
<link rel="icon" href="data:,">
<style>{CSS.read_text()}{PAGE_CSS}</style></head>
<body>
<h1>Measured speedups</h1>
<p id="machine">Measured on {html.escape(machine_line(document))},
{html.escape(document["datetime"][:19])} UTC.</p>{warning}
<p>Times are medians of interleaved rounds; the interval is a paired bootstrap 95% interval of
the speedup; a floor applies at each task's largest size. Bars: how many times faster Rust is
than the baseline (and than each peer) at the largest size.</p>
{chapters_html(document)}
<h2>How cost grows with the input</h2>
<div class="growth">{growth}</div>
{extras}
</body></html>
"""


def write_reports(
    document: dict[str, Any], folder: Path, markdown_path: Path | None = None
) -> list[Path]:
    """report.md and report.html in ``folder`` (the Markdown at ``markdown_path`` if given)."""
    folder.mkdir(parents=True, exist_ok=True)
    md = markdown_path or folder / "report.md"
    write_atomic(md, markdown(document))
    page_path = md.with_suffix(".html")
    write_atomic(page_path, page(document))
    return [md, page_path]
