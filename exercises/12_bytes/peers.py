"""What a Python programmer reaches for once the first version is too slow.

Each peer gets the benchmark's input, ``(data,)`` or ``(data, col)``, and is
timed on well-formed input only: some of them skip or read differently what
the chapter defines as an error (their docstrings say how). The newline scan
is no parser: it is the speed of merely looking at every byte. polars, numpy
and pyarrow are optional: without them, their peers are simply not timed.
"""

import io
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

try:
    import polars
except ImportError:
    polars = None

try:
    import numpy
except ImportError:
    numpy = None

try:
    import pyarrow.compute
    import pyarrow.csv
except ImportError:
    pyarrow = None

Peers = dict[str, Callable[..., Any]]

# The baseline's pattern, applied to the whole log at once: one line per match.
LOG_LINES = re.compile(
    rb'^[^ \n]+ [^ \n]+ [^ \n]+ \[[^\]\n]*\] "[^ "\n]+ ([^ "\n]+) [^ "\n]+" '
    rb"([0-9]{3}) ([0-9]{1,18}|-)\r?$",
    re.MULTILINE,
)
# The same pattern for polars, whose regular expressions (Rust's regex crate) read str.
LOG_LINE_TEXT = (
    r'^[^ ]+ [^ ]+ [^ ]+ \[[^\]]*\] "[^ "]+ ([^ "]+) [^ "]+" ([0-9]{3}) ([0-9]{1,18}|-)$'
)


def log_findall(data: bytes) -> tuple[dict[int, int], dict[str, int]]:
    """One ``findall`` over the whole log, then a loop over the matches. It skips a
    line that does not match instead of reporting it."""
    matches = LOG_LINES.findall(data)
    statuses = Counter(status for _, status, _ in matches)
    sizes: dict[bytes, int] = {}
    for path, _, size in matches:
        sizes[path] = sizes.get(path, 0) + (0 if size == b"-" else int(size))
    return (
        {int(status): count for status, count in statuses.items()},
        {path.decode(): total for path, total in sizes.items()},
    )


def log_polars(data: bytes) -> tuple[dict[int, int], dict[str, int]]:
    """Each line as one string column (0x1f, a byte logs never hold, as the separator),
    the fields pulled out by ``str.extract_groups``, then two ``group_by``s. A line that
    does not match raises, as in the baseline, without its number."""
    lines = polars.read_csv(
        io.BytesIO(data),
        has_header=False,
        separator="\x1f",
        quote_char=None,
        schema={"line": polars.String},
    )
    parts = lines.select(
        polars.col("line")
        .str.extract_groups(LOG_LINE_TEXT)
        .struct.rename_fields(["path", "status", "size"])
    ).unnest("line")
    if parts["path"].null_count():
        raise ValueError("a line is not in the Common Log Format")
    parts = parts.with_columns(
        polars.col("status").cast(polars.Int64),
        polars.col("size").replace("-", "0").cast(polars.Int64),
    )
    statuses = parts.group_by("status").len()
    sizes = parts.group_by("path").agg(polars.col("size").sum())
    return dict(statuses.iter_rows()), dict(sizes.iter_rows())


def csv_split(data: bytes, col: int) -> float:
    """No csv module: split the lines and the fields of the bytes themselves; float()
    reads bytes too. The same answer for well-formed input, without the line numbers."""
    total = 0.0
    for line in data.split(b"\n")[1:]:
        if line and line != b"\r":
            total += float(line.split(b",", col + 1)[col])
    return total


def csv_polars(data: bytes, col: int) -> float:
    """polars reads the one column (in parallel), then sums it. Its sum adds in another
    order, so the last bits of the answer may differ; an empty field is a null, skipped."""
    frame = polars.read_csv(io.BytesIO(data), columns=[col])
    return float(frame.to_series().sum())


def csv_numpy(data: bytes, col: int) -> float:
    """numpy.loadtxt (a C parser since numpy 1.23) reads the column into an array. Its
    sum is pairwise, so the last bits may differ from adding in order."""
    return float(numpy.loadtxt(io.BytesIO(data), delimiter=",", skiprows=1, usecols=col).sum())


def csv_pyarrow(data: bytes, col: int) -> float:
    """pyarrow.csv reads the one column, named by the header (in parallel)."""
    name = data[: data.find(b"\n")].decode().rstrip("\r").split(",")[col]
    options = pyarrow.csv.ConvertOptions(include_columns=[name])
    table = pyarrow.csv.read_csv(io.BytesIO(data), convert_options=options)
    return float(pyarrow.compute.sum(table.column(0)).as_py())


def newline_count(data: bytes, *rest: object) -> int:
    """Not a parser: CPython's own scan for one byte, next to memchr's (count_lines)."""
    return data.count(b"\n")


PARSE_ACCESS_LOG: Peers = {
    "re findall over the whole log": log_findall,
    **({"polars str.extract_groups": log_polars} if polars is not None else {}),
    "bytes.count newline scan": newline_count,
}
CSV_COLUMN_SUM: Peers = {
    "bytes.split, no csv module": csv_split,
    **({"polars.read_csv": csv_polars} if polars is not None else {}),
    **({"numpy.loadtxt": csv_numpy} if numpy is not None else {}),
    **({"pyarrow.csv.read_csv": csv_pyarrow} if pyarrow is not None else {}),
    "bytes.count newline scan": newline_count,
}
