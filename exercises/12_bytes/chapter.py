"""Chapter 12, bytes: &[u8], slices and lifetimes, parsing without copying."""

import random
from datetime import datetime, timedelta

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Chapter, Example, Task, approx

from . import baseline, peers

# ---------------------------------------------------------------- access logs

APACHE = b'127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326'


def log_line(
    path: bytes = b"/",
    status: bytes = b"200",
    size: bytes = b"512",
    request: bytes | None = None,
    date: bytes = b"14/Mar/2026:09:26:53 +0000",
    host: bytes = b"10.0.0.1",
) -> bytes:
    """One line of the format, with the given parts."""
    request = b"GET " + path + b" HTTP/1.1" if request is None else request
    return host + b" - - [" + date + b'] "' + request + b'" ' + status + b" " + size


def pieces(alphabet: bytes | list[bytes], min_size: int = 1) -> st.SearchStrategy[bytes]:
    chunks = list(alphabet) if isinstance(alphabet, list) else [bytes([b]) for b in alphabet]
    return st.lists(st.sampled_from(chunks), min_size=min_size, max_size=5).map(b"".join)


# The bytes the parts are made of: letters, digits, punctuation, brackets and a tab,
# never a space or a quote (HOST, IDENT and USER also get a quote: the format allows
# one there). Paths also get UTF-8 letters and, rarely, a byte that is not UTF-8.
WORD = b"az09-._:/?=%&+[]\t"
PATH = [bytes([b]) for b in WORD] + ["é".encode(), "文".encode()]


def rarely(strategy: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """``strategy``'s bytes one time in twenty, else b"". (The trigger is not 0:
    hypothesis draws the simplest values, 0 among them, far more often than others.)"""
    return st.integers(0, 19).flatmap(lambda k: strategy if k == 7 else st.just(b""))


@st.composite
def well_formed_line(draw: st.DrawFn) -> bytes:
    host, ident, user = (draw(pieces(WORD + b'"')) for _ in range(3))
    date = draw(pieces(b'09/:+- [" a', min_size=0))
    method, protocol = draw(pieces(WORD)), draw(pieces(WORD))
    path = draw(pieces(PATH)) + draw(rarely(st.sampled_from([b"\xff", b"\xc3"])))
    status = b"%03d" % draw(st.integers(0, 999))
    size = draw(
        st.one_of(
            st.just(b"-"),
            st.integers(0, 10**6).map(b"%d".__mod__),
            st.integers(0, 10**18 - 1).map(b"%d".__mod__),
            st.integers(1, 18).map(lambda n: b"0" * n),
        )
    )
    return b"%s %s %s [%s] \"%s %s %s\" %s %s" % (
        host, ident, user, date, method, path, protocol, status, size
    )  # fmt: skip


@st.composite
def broken_line(draw: st.DrawFn) -> bytes:
    """A well-formed line with one byte replaced, inserted or removed; often no longer
    in the format, sometimes still in it. The baseline decides which."""
    line = draw(well_formed_line())
    at = draw(st.integers(0, len(line)))
    new = draw(st.sampled_from([b"", b" ", b'"', b"[", b"]", b"-", b"0", b"x", b"\r", b"\n"]))
    cut = draw(st.integers(0, 1))
    return line[:at] + new + line[at + cut :]


# One line in twenty is broken: most inputs are logs, a good part of them raise.
any_line = st.integers(0, 19).flatmap(lambda k: broken_line() if k == 7 else well_formed_line())
log_lines = st.lists(st.one_of(any_line, any_line, any_line, st.just(b"")), max_size=8)


@st.composite
def access_log(draw: st.DrawFn) -> bytes:
    lines = draw(log_lines)
    ends = [draw(st.sampled_from([b"\n", b"\n", b"\r\n"])) for _ in lines]
    data = b"".join(line + end for line, end in zip(lines, ends, strict=True))
    if lines and draw(st.booleans()):
        data = data[: -len(ends[-1])]  # no newline after the last line
    return data


def log_input(size: int, seed: int) -> Args:
    """About ``size`` bytes of a web server's log: about 900 paths, a few of them
    requested far more often than the rest."""
    rng = random.Random(seed)
    words = ["index", "about", "blog", "news", "café", "docs", "api", "img", "search", "文档"]
    paths = ["/", "/favicon.ico", "/robots.txt"]
    paths += [f"/{rng.choice(words)}/{rng.choice(words)}/{i}" for i in range(700)]
    paths += [f"/static/app.{i:04x}.js" for i in range(100)]
    paths += [f"/search?q={rng.choice(words)}&page={i}" for i in range(100)]
    popularity = [1.0 / (rank + 1) for rank in range(len(paths))]
    hosts = [".".join(str(rng.randrange(1, 255)) for _ in range(4)) for _ in range(2000)]
    users = ["-"] * 20 + ["alice", "bob", "carol"]
    methods = ["GET"] * 20 + ["POST"] * 3 + ["HEAD", "PUT", "DELETE"]
    protocols = ["HTTP/1.1"] * 6 + ["HTTP/2.0"] * 3 + ["HTTP/1.0"]
    statuses = [200, 304, 404, 301, 302, 500, 403, 206, 503]
    frequency = [70, 10, 8, 4, 3, 2, 1, 1, 1]
    start = datetime(2026, 3, 14, 9, 26, 53)
    dates = [f"{start + timedelta(seconds=s):%d/%b/%Y:%H:%M:%S} +0000" for s in range(3600)]
    lines: list[bytes] = []
    total = 0
    while total < size:
        chosen = rng.choices(paths, popularity, k=256)
        for path, status in zip(chosen, rng.choices(statuses, frequency, k=256), strict=True):
            sent = "-" if status in (304, 500) else str(rng.randrange(20, 60_000))
            line = (
                f"{rng.choice(hosts)} - {rng.choice(users)} [{dates[len(lines) // 64 % 3600]}] "
                f'"{rng.choice(methods)} {path} {rng.choice(protocols)}" {status} {sent}\n'
            ).encode()
            lines.append(line)
            total += len(line)
            if total >= size:
                break
    return (b"".join(lines),)


# ---------------------------------------------------------------- CSV

# Numbers as float() and Rust's parse both read them, written in many ways; around
# them, whitespace both ignore (ASCII and Unicode).
digits = st.text("0123456789", min_size=1, max_size=4)
written_numbers = st.builds(
    lambda sign, whole, point, fraction, exponent: sign + whole + point + fraction + exponent,
    st.sampled_from(["", "", "-", "+"]),
    st.one_of(digits, st.just("")),
    st.sampled_from([".", ""]),
    st.one_of(digits, st.just("")),
    st.one_of(st.just(""), st.builds("{}{}{}".format, st.sampled_from("eE"),
                                      st.sampled_from(["", "-", "+"]), digits)),
)  # fmt: skip
regular_numbers = st.one_of(
    written_numbers.filter(lambda text: any(c.isdigit() for c in text.partition("e")[0])),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.integers(-(10**30), 10**30).map(str),
)
special_numbers = st.sampled_from(
    ["inf", "-inf", "Infinity", "+INF", "nan", "-NaN", "1e400", "-1e-400"]
)
numbers = st.integers(0, 19).flatmap(lambda k: special_numbers if k == 7 else regular_numbers)
space = st.sampled_from(["", "", "", " ", "  ", "\t", "\xa0", "\u3000", " \t"])
number_field = st.builds("{}{}{}".format, space, numbers, space)
# Often not a number: an empty field, spaces, a bad exponent, "." or a word.
maybe_number = st.one_of(
    written_numbers, st.text("0123456789.eE+-infatyINFATY ", max_size=5), st.just("")
)
other_field = st.text("abcé文xyz 0123.-", max_size=6)


@st.composite
def csv_args(draw: st.DrawFn) -> Args:
    width = draw(st.integers(1, 4))
    col = draw(st.integers(0, width - 1))
    lines = []
    for _ in range(draw(st.integers(0, 7))):
        fields = [draw(other_field) for _ in range(width)]
        # Mostly a number in column `col`; rarely not, or a row too short for it.
        fields[col] = draw(st.integers(0, 19).flatmap(
            lambda k: maybe_number if k == 7 else number_field
        ))  # fmt: skip
        cut = draw(st.integers(0, 19).map(lambda k: col if k == 7 else width))
        lines.append(",".join(fields[:cut]))
    lines.insert(0, ",".join(draw(other_field) for _ in range(draw(st.integers(0, 4)))))
    ends = [draw(st.sampled_from(["\n", "\n", "\r\n", "\n\n"])) for _ in lines]
    text = "".join(line + end for line, end in zip(lines, ends, strict=True))
    if draw(st.booleans()):
        text = text[: -len(ends[-1])]  # no newline after the last line
    data = text.encode()
    # Rarely, a quote or a byte that is not UTF-8 somewhere.
    for bad in (b'"', b"\xff"):
        if draw(rarely(st.just(bad))):
            at = draw(st.integers(0, len(data)))
            data = data[:at] + bad + data[at:]
    return (data, col)


def csv_input(size: int, seed: int) -> Args:
    """About ``size`` bytes of orders; column 3 holds the prices."""
    rng = random.Random(seed)
    products = ["tea", "coffee", "café crème", "croissant", "bagel", "muffin", "juice", "scone"]
    discounts = ["0", "0.05", "0.1", "0.25"]
    rows = ["order,date,product,price,quantity,discount\n"]
    total = len(rows[0])
    order = 100_000
    while total < size:
        order += 1
        day = rng.randrange(1, 366)
        line = (
            f"{order},2026-{day // 31 + 1:02d}-{day % 28 + 1:02d},{rng.choice(products)},"
            f"{rng.randrange(50, 100_000) / 100},{rng.randrange(1, 20)},{rng.choice(discounts)}\n"
        )
        rows.append(line)
        total += len(line.encode())
    return ("".join(rows).encode(), 3)


def gigabytes(data: bytes, *rest: object) -> int:
    return len(data)


# Added in order, from the top, as the baseline does: the same floats bit for bit.
# approx(rel=0.0) is equality that also counts NaN as equal to NaN.
same_float = approx(rel=0.0)

MEMCHR_SCAN = "memchr newline scan (count_lines)"

CHAPTER = Chapter(
    number=12,
    slug="bytes",
    title="Bytes: slices, lifetimes and parsing without copying",
    module="bytes_rs",
    minutes=55,
    tasks=[
        Task(
            name="parse_access_log",
            summary="responses per status and bytes per path from a Common Log Format log",
            baseline=baseline.parse_access_log,
            strategy=st.tuples(access_log()),
            examples=[
                Example((b"",), expected=({}, {})),
                Example((APACHE,), expected=({200: 1}, {"/apache_pb.gif": 2326})),
                Example((APACHE + b"\n",), expected=({200: 1}, {"/apache_pb.gif": 2326})),
                # "\r\n" endings, blank lines (skipped), no newline at the end.
                Example((b"\n" + APACHE + b"\r\n\r\n\n" + log_line(status=b"404") + b"\r",)),
                # SIZE "-" means 0; a path keeps its query string.
                Example(
                    (log_line(size=b"-") + b"\n" + log_line(path=b"/?q=1", status=b"304"),),
                    expected=({200: 1, 304: 1}, {"/": 0, "/?q=1": 512}),
                ),
                Example(
                    (log_line(path="/café/文".encode()),), expected=({200: 1}, {"/café/文": 512})
                ),
                Example((log_line(status=b"000", size=b"007"),), expected=({0: 1}, {"/": 7})),
                # A date may hold spaces and brackets; HOST, IDENT, USER any byte but a space.
                Example((log_line(date=b"[ yesterday ", host=b'"[x]"'),)),
                # Totals beyond 64 bits: twenty responses of the largest SIZE.
                Example(
                    (b"\n".join([log_line(size=b"9" * 18)] * 20),),
                    expected=({200: 20}, {"/": 20 * (10**18 - 1)}),
                ),
                # Errors name the first line that is not in the format (blank lines count).
                Example(
                    (APACHE + b"\n\n" + log_line(size=b"") + b"\n" + b"junk",),
                    raises=ValueError,
                    match=r"\bline 3\b",
                ),
                Example((log_line(size=b"9" * 19),), raises=ValueError, match=r"\bline 1\b"),
                Example((log_line(size=b"+5"),), raises=ValueError),
                Example((log_line(size=b"12 "),), raises=ValueError),
                Example((log_line(status=b"20"),), raises=ValueError),
                Example((log_line(status=b"2000"),), raises=ValueError),
                Example((log_line(request=b"-", status=b"400"),), raises=ValueError),
                Example((log_line(request=b"GET /"),), raises=ValueError),
                Example((log_line(request=b"GET /a b HTTP/1.1"),), raises=ValueError),
                Example((log_line(path=b'/a"b'),), raises=ValueError),
                Example((log_line().replace(b" - - ", b" -  - "),), raises=ValueError),
                Example((log_line().replace(b"[", b""),), raises=ValueError),
                Example(
                    (APACHE + b"\n" + log_line(path=b"/caf\xe9"),),
                    raises=ValueError,
                    match=r"\bline 2\b",
                ),
            ],
            bench=Bench(
                make_input=log_input,
                sizes=[10_000, 20_000_000],
                size_label="bytes",
                min_speedup=5.0,
                peers=peers.PARSE_ACCESS_LOG,
                rust_peers={MEMCHR_SCAN: lambda m: m.count_lines},
                bytes_of=gigabytes,
                # The three-way split: benches/core.rs reads the largest log as it is.
                criterion="parse_access_log/rust",
                core_input=bytes,
            ),
            hints=[
                "Write `parse_line` first, left to right over a shrinking slice `rest`: "
                "`let space = memchr(b' ', rest)?;` finds where HOST ends (`?` on an Option "
                "returns None from the function), then `rest = &rest[space + 1..];`. "
                '`rest.strip_prefix(b"[")?` checks and drops a fixed byte.',
                "No byte is copied: `Entry { path: &rest[..at], .. }` points into the line, "
                "and the line into `data`. In `parse_access_log`, loop over "
                "`lines(data)`, skip empty lines, and turn a `None` into the error with "
                '`parse_line(line).ok_or_else(|| PyValueError::new_err(format!("line '
                '{number}: ...")))?`; `std::str::from_utf8(entry.path)` checks the path.',
                "Count statuses in `[0u64; 1000]` indexed by the status, and sizes in a "
                "`HashMap<&str, u128>` whose keys borrow from `data`: "
                "`*sizes.entry(path).or_insert(0) += u128::from(entry.size);`. At the end, "
                "`(0u16..).zip(statuses).filter(|&(_, n)| n > 0).collect()` builds the "
                "status map; return `Ok((statuses, sizes))`.",
            ],
        ),
        Task(
            name="csv_column_sum",
            summary="the sum of one column of a CSV file, read from bytes",
            baseline=baseline.csv_column_sum,
            strategy=csv_args(),
            compare=same_float,
            examples=[
                Example((b"", 0), expected=0.0),
                Example((b"price,qty", 7), expected=0.0),
                Example((b"a,b\n1,2.5\n3,4\n", 1), expected=6.5),
                # "\r\n" endings, blank lines skipped, no newline at the end.
                Example((b"a\r\n1\r\n\r\n\n2.5\r", 0), expected=3.5),
                # Whitespace around a number is ignored, as float() ignores it.
                Example((" a\n 1.5 \n\t2\n\u00a03\u3000\n".encode(), 0), expected=6.5),
                Example((b"a\n.5\n5.\n-0\n+1e3\n1E-2\n", 0)),
                Example((b"a\ninf\n1\n", 0), expected=float("inf")),
                Example((b"a\nInfinity\n-inf\n", 0), expected=float("nan")),
                Example((b"a\nnan\n", 0), expected=float("nan")),
                # The header is never read; only the rows need column `col`.
                Example((b"a\n1,2\n", 1), expected=2.0),
                # In order from the top: 1e16 + 1 rounds back to 1e16.
                Example((b"a\n1e16\n1\n-1e16\n", 0), expected=0.0),
                Example((b"a,b\n1,\n", 1), raises=ValueError, match=r"\bline 2\b"),
                Example((b"a\n \n", 0), raises=ValueError),
                Example((b"a\n\n\nx\n", 0), raises=ValueError, match=r"\bline 4\b"),
                Example((b"a\n0x10\n", 0), raises=ValueError),
                Example((b"a,b\n1,2\n3\n", 1), raises=IndexError, match=r"\bline 3\b"),
                Example((b"a\n1\n", 10**6), raises=IndexError),
                Example((b"a\n1\n", -1), raises=OverflowError),
                Example((b'a\n1\n"2"\n', 0), raises=ValueError, match=r"\bline 3\b"),
                Example((b'"a"\n1\n', 0), raises=ValueError, match=r"\bline 1\b"),
                # UnicodeDecodeError, as the baseline's data.decode() raises it.
                Example((b"a,b\nx,1\n\xff,2\n", 1)),
                # Where float() is more generous than the chapter's definition:
                # underscores, digits of other scripts, a lone "\r" in a line (for
                # which the csv module raises csv.Error).
                Example((b"a\n1_000\n", 0), raises=ValueError),
                Example(("a\n\u0661\u0662\n".encode(), 0), raises=ValueError),  # Arabic-Indic 12
                Example((b"a\n1\r2\n", 0), raises=ValueError),
            ],
            bench=Bench(
                make_input=csv_input,
                sizes=[10_000, 20_000_000],
                size_label="bytes",
                min_speedup=5.0,
                peers=peers.CSV_COLUMN_SUM,
                rust_peers={MEMCHR_SCAN: lambda m: lambda data, col: m.count_lines(data)},
                bytes_of=gigabytes,
            ),
            hints=[
                "Check the whole input before the lines, as the baseline does: "
                "`std::str::from_utf8(data)` (turn its error into Python's with "
                "`PyUnicodeDecodeError::new_err_from_utf8(py, data, err)`), then "
                "`memchr(b'\"', data)` for a quote, whose line is 1 plus the newlines "
                "before it: `memchr_iter(b'\\n', &data[..at]).count() + 1`.",
                "`for (number, line) in lines(data).skip(1)` skips the header; skip empty "
                "lines. `line.split(|&b| b == b',').nth(col)` is the field, a slice of the "
                "line, or None when the line is too short: "
                '`.ok_or_else(|| PyIndexError::new_err(format!("line {number}: ...")))?`.',
                "The field is UTF-8 (the whole input is), so "
                "`std::str::from_utf8(field).expect(...)` cannot fail; then "
                "`field.trim().parse::<f64>()` reads the number as float() does, its error "
                "mapped to PyValueError. Add with `total += value` from the top, starting "
                "at 0.0: another order changes the last bits.",
            ],
        ),
    ],
)
