"""The built book in headless Chromium: every page whole at a desktop and a
phone width, in the light and the dark theme, with the teacher view and the
search working. Screenshots land in target/book-check/ for a person to look at.

Without Chromium the test is skipped, except in CI (CI=true), where .ci/run
installs it and its absence is a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench_harness import browser
from bench_harness.paths import TARGET

SHOTS = TARGET / "book-check"


def test_the_book_is_whole_in_a_browser(built_book: Path) -> None:
    if browser.find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium in CI: .ci/run installs it (apt-get install chromium)")
        pytest.skip("no Chromium on this machine (Debian: apt-get install chromium)")
    problems = browser.check_book(built_book, SHOTS, log=lambda line: None)
    assert problems == []
    for name in ("chapter-light.png", f"chapter-{browser.DARK_THEME}.png", "chapter-teacher.png"):
        assert (SHOTS / name).stat().st_size > 10_000, f"{name} looks empty"
