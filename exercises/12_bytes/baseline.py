"""Chapter 12: the Python a Python programmer writes first."""

import csv
import io
import re

# One Common Log Format line: HOST IDENT USER [DATE] "METHOD PATH PROTOCOL" STATUS SIZE.
# The date holds a space and the request two, so splitting at spaces does not give the
# fields; a regular expression states the format and checks it in one go.
LOG_LINE = re.compile(
    rb'[^ ]+ [^ ]+ [^ ]+ \[[^\]]*\] "[^ "]+ ([^ "]+) [^ "]+" ([0-9]{3}) ([0-9]{1,18}|-)'
)


def parse_access_log(data: bytes) -> tuple[dict[int, int], dict[str, int]]:
    """Responses per status and bytes sent per path, from a Common Log Format log."""
    statuses: dict[int, int] = {}
    sizes: dict[str, int] = {}
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.endswith(b"\r"):
            line = line[:-1]
        if not line:
            continue
        match = LOG_LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"line {number}: not a Common Log Format line")
        raw_path, status, size = match.groups()
        try:
            path = raw_path.decode()
        except UnicodeDecodeError:
            raise ValueError(f"line {number}: the path is not valid UTF-8") from None
        code = int(status)
        statuses[code] = statuses.get(code, 0) + 1
        sizes[path] = sizes.get(path, 0) + (0 if size == b"-" else int(size))
    return statuses, sizes


def csv_column_sum(data: bytes, col: int) -> float:
    """The sum of the numbers in column ``col`` of a CSV file with a header line."""
    text = data.decode()
    quote = text.find('"')
    if quote >= 0:
        line = text.count("\n", 0, quote) + 1
        raise ValueError(f"line {line}: quoted fields are not supported")
    reader = csv.reader(io.StringIO(text))
    next(reader, None)  # the header
    total = 0.0
    for row in reader:
        if not row:  # an empty line
            continue
        try:
            total += float(row[col])
        except IndexError:
            raise IndexError(f"line {reader.line_num}: no column {col}") from None
        except ValueError:
            raise ValueError(f"line {reader.line_num}: {row[col]!r} is not a number") from None
    return total
