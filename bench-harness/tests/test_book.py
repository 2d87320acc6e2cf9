"""The book's pages exist and what they include is there (without building it)."""

from __future__ import annotations

import re

from bench_harness import course
from bench_harness.paths import ROOT

SRC = ROOT / "book" / "src"
INCLUDE = re.compile(r"\{\{#include ([^}:]+)(?::[^}]*)?\}\}")


def test_every_summary_entry_exists() -> None:
    pages = re.findall(r"\]\(([^)]+\.md)\)", (SRC / "SUMMARY.md").read_text())
    assert pages
    assert [p for p in pages if not (SRC / p).is_file()] == []


def test_every_chapter_has_a_page_in_the_summary() -> None:
    summary = (SRC / "SUMMARY.md").read_text()
    for chapter in course.chapters():
        page = f"ch{chapter.number:02d}-{chapter.slug}.md"
        assert f"]({page})" in summary, f"{page} is not in SUMMARY.md"


def test_includes_point_at_files() -> None:
    missing = [
        f"{page.name}: {target}"
        for page in SRC.glob("*.md")
        for target in INCLUDE.findall(page.read_text())
        if not (page.parent / target).is_file()
    ]
    assert missing == []
