"""The built book: the measured tables come from book/results/reference.json,
every marker is replaced (or fails the build), the Rust snippets compile, the
links hold, the search index is there, and the data files are current."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from bench_harness import book, course, linkcheck, report
from bench_harness.build import cargo_env
from bench_harness.paths import ROOT

SRC = book.BOOK / "src"


def reference() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(book.REFERENCE.read_text())
    return document


class _Tables(HTMLParser):
    """The text of each results table's rows, keyed by chapter slug."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.charts: dict[str, int] = {}
        self._chapter: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "div" and values.get("class") == "workbook-results":
            self._chapter = values.get("data-chapter") or ""
            self.tables[self._chapter] = []
        elif tag == "figure" and values.get("class") == "workbook-chart":
            chapter = values.get("data-chapter") or ""
            self.charts[chapter] = self.charts.get(chapter, 0)
        elif tag == "g" and "bar" in (values.get("class") or "").split():
            last = list(self.charts)[-1]
            self.charts[last] += 1
        elif tag == "tr" and self._chapter is not None:
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self._chapter is not None:
            if self._row:
                self.tables[self._chapter].append(self._row)
            self._row = None
        elif tag == "table":
            self._chapter = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse(page: Path) -> _Tables:
    tables = _Tables()
    tables.feed(page.read_text())
    return tables


def html_page(chapter: Any) -> str:
    return book.chapter_page(chapter).removesuffix(".md") + ".html"


def expected_rows(document: dict[str, Any], slug: str) -> list[list[str]]:
    """The rows report.py makes of the document, as the book shows them."""
    rows = []
    for row in report.rows_from_run(document):
        if not row.task.startswith(f"{slug}."):
            continue
        ratio, low, high = row.speedup
        speedup = f"{report.fmt_ratio(ratio)} [{report.fmt_ratio(low)}–{report.fmt_ratio(high)}]"
        rows.append(
            [
                row.task.split(".", 1)[1],
                row.size,
                report.fmt_time(row.baseline),
                report.fmt_time(row.rust),
                speedup,
                row.verdict,
            ]
        )
        for name, time, over in row.peers:
            rows.append(
                [f"peer: {name}", report.fmt_time(time), "", f"Rust {report.fmt_ratio(over)}", ""]
            )
    return rows


def shown_rows(table: list[list[str]]) -> list[list[str]]:
    """The book's cells, with the size's label dropped (`n = 1,000` → `1,000`)."""
    return [[row[0], row[1].split(" = ")[-1], *row[2:]] if len(row) == 6 else row for row in table]


# The data files.


def test_chapters_json_is_current() -> None:
    assert json.loads(book.CHAPTERS.read_text()) == book.chapters_data(), (
        "book/results/chapters.json is stale: run ./workbook dev book-data"
    )


def test_reference_is_a_run_of_every_timed_task_of_the_solutions() -> None:
    document = reference()
    assert book.covers_course(document)
    assert document["workbook"]["crates"] == "solutions"
    assert document["commit_info"]["id"] and document["machine_info"]["cpu_count"]


def test_save_reference_writes_the_run_and_a_partial_run_does_not_cover_the_course(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = reference()
    monkeypatch.setattr(book, "REFERENCE", tmp_path / "reference.json")
    monkeypatch.setattr(book, "CHAPTERS", tmp_path / "chapters.json")
    book.save_reference(document)
    saved = json.loads((tmp_path / "reference.json").read_text())
    assert saved["benchmarks"] == document["benchmarks"]
    assert saved["workbook"]["solutions_digest"] == book.solutions_digest()
    assert not book.reference_is_stale()
    partial = {**document, "benchmarks": document["benchmarks"][:3]}
    assert not book.covers_course(partial)


# The pages as written.


def section(text: str, heading: str) -> str:
    match = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


# Chapters with a timed task: chapter 13 (packaging) has nothing to time.
TIMED = [ch for ch in course.chapters() if any(task.bench for task in ch.tasks)]


def test_only_the_packaging_chapter_is_untimed() -> None:
    assert [ch.folder for ch in course.chapters() if ch not in TIMED] == ["13_packaging"]


@pytest.mark.parametrize("chapter", TIMED, ids=lambda ch: ch.folder)
def test_what_the_numbers_say_shows_the_table_and_the_chart(chapter: Any) -> None:
    text = (SRC / book.chapter_page(chapter)).read_text()
    numbers = section(text, "What the numbers say")
    assert f"{{{{#results {chapter.slug}}}}}" in numbers
    assert f"{{{{#chart {chapter.slug}}}}}" in numbers


@pytest.mark.parametrize("chapter", course.chapters(), ids=lambda ch: ch.folder)
def test_teacher_notes_give_the_chapters_minutes(chapter: Any) -> None:
    notes = section((SRC / book.chapter_page(chapter)).read_text(), "Teacher notes")
    found = re.search(r"\*\*(?:Minutes|Time):\*\*\s*(?:about )?(\d+)", notes)
    assert found, "the teacher notes should start with **Minutes:** N"
    assert int(found.group(1)) == chapter.minutes, "chapter.py's minutes and the notes differ"


# The built book.


@pytest.mark.parametrize("chapter", TIMED, ids=lambda ch: ch.folder)
def test_each_chapter_shows_the_reference_run_as_the_report_does(
    built_book: Path, chapter: Any
) -> None:
    page = parse(built_book / html_page(chapter))
    assert chapter.slug in page.tables, "no results table"
    assert shown_rows(page.tables[chapter.slug]) == expected_rows(reference(), chapter.slug)
    assert page.charts.get(chapter.slug, 0) > 0, "no chart, or a chart without bars"


def test_no_marker_is_left_and_teacher_notes_are_wrapped(built_book: Path) -> None:
    for page in sorted(built_book.glob("*.html")):
        text = "".join(parse(page).text)
        assert "{{#" not in text, f"{page.name}: a marker reached the reader"
    for chapter in course.chapters():
        html = (built_book / html_page(chapter)).read_text()
        assert '<div class="teacher-notes">' in html


def test_the_measuring_appendix_pulls_the_add_row(built_book: Path) -> None:
    page = parse(built_book / "measuring.html")
    rows = page.tables["hello"]
    assert [row[0] for row in rows] == ["add"]
    assert shown_rows(rows) == [r for r in expected_rows(reference(), "hello") if r[0] == "add"]


def test_search_works_offline(built_book: Path) -> None:
    (index,) = built_book.glob("searchindex*.js")
    assert "ownership" in index.read_text().lower()
    for page in built_book.glob("*.html"):
        html = page.read_text()
        remote = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?:[^"]+)"', html)
        assert remote == [], f"{page.name} loads {remote}"


def test_internal_links_and_anchors_resolve(built_book: Path) -> None:
    assert linkcheck.check(built_book) == []


def test_rust_snippets_compile_and_run() -> None:
    book.test_snippets()  # raises BookError with mdbook's output on a failure


def test_the_table_is_rendered_from_the_reference_file(tmp_path: Path) -> None:
    """A doctored copy of the results, and the page shows the doctored numbers."""
    document = copy.deepcopy(reference())
    for entry in document["benchmarks"]:
        info = entry["extra_info"]
        if info["task"] == "hello.count_primes" and info["contender"] == "rust":
            entry["stats"]["median"] = 0.000123456
            info["speedup"], info["speedup_ci95"] = 77.77, [66.66, 88.88]
    doctored = tmp_path / "reference.json"
    doctored.write_text(json.dumps(document))
    site = book.build(dest=tmp_path / "html", results=doctored)
    rows = parse(site / "ch01-hello.html").tables["hello"]
    count_primes = [row for row in rows if row[0] == "count_primes"]
    assert {row[3] for row in count_primes} == {"123 µs"}
    assert {row[4] for row in count_primes} == {"77.8× [66.7×–88.9×]"}
    assert shown_rows(rows) == expected_rows(document, "hello")


def tiny_book(tmp_path: Path, page: str, results: Path | None = None) -> Path:
    root = tmp_path / "tiny"
    (root / "src").mkdir(parents=True)
    (root / "src" / "SUMMARY.md").write_text("# Summary\n\n- [Page](page.md)\n")
    (root / "src" / "page.md").write_text(page)
    (root / "book.toml").write_text(
        "[book]\ntitle = 'tiny'\n\n[preprocessor.workbook]\nbefore = ['links']\n"
        f"results = '{results or book.REFERENCE}'\nchapters = '{book.CHAPTERS}'\n"
    )
    return root


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("{{#resluts hello}}", "unknown marker `{{#resluts hello}}`"),
        ("{{#results nosuch}}", "no chapter `nosuch`"),
        ("{{#results hello nosuch}}", "no task `hello.nosuch`"),
        ("{{#chart}}", "usage: {{#chart CHAPTER-SLUG}}"),
        ("{{#schedule}}", "usage: {{#schedule DAYS}}"),
        ("text\n{{#results hello", "line 2: a marker starts with `{{#` and has no closing"),
    ],
)
def test_a_bad_marker_fails_the_build_and_says_where(
    tmp_path: Path, page: str, message: str
) -> None:
    with pytest.raises(book.BookError) as failed:
        book.build(dest=tmp_path / "out", book=tiny_book(tmp_path, page))
    assert "src/page.md" in str(failed.value) and message in str(failed.value)


def test_a_missing_results_file_fails_the_build(tmp_path: Path) -> None:
    root = tiny_book(tmp_path, "{{#results hello}}", results=tmp_path / "missing.json")
    with pytest.raises(book.BookError, match=r"cannot read .*missing\.json"):
        book.build(dest=tmp_path / "out", book=root)


def test_escaped_and_mdbook_markers_are_left_alone(tmp_path: Path) -> None:
    root = tiny_book(tmp_path, "\\{{#results hello}}\n\n{{#include x.txt}}\n")
    (root / "src" / "x.txt").write_text("included text")
    site = book.build(dest=tmp_path / "out", book=root)
    html = (site / "page.html").read_text()
    assert "{{#results hello}}" in html and "included text" in html


# The preprocessor's own checks.


def run_cargo(*args: str) -> None:
    proc = subprocess.run(
        ["cargo", *args], cwd=ROOT, env=cargo_env(), capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_preprocessor_unit_tests() -> None:
    run_cargo("test", "--quiet", "-p", book.PREPROCESSOR)


def test_preprocessor_clippy() -> None:
    run_cargo("clippy", "--quiet", "-p", book.PREPROCESSOR, "--all-targets", "--", "-D", "warnings")
