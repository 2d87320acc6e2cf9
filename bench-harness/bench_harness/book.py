"""The course book: its data files, the pinned mdbook, the preprocessor, the build.

``workbook book build`` installs mdbook (the version below, into
``target/tools``) when it is missing, builds the book's preprocessor
(``book/preprocessor``, the workspace package ``workbook-mdbook``) and runs
``mdbook build book``. The preprocessor reads two files this module writes:

- ``book/results/reference.json``: the document of the last
  ``workbook bench --solutions`` run that timed every timed task of the course
  (pytest-benchmark's format, as under ``.benchmarks/``): the chapters'
  results tables and charts;
- ``book/results/chapters.json``: each chapter's number, slug, title, minutes
  and tasks (``workbook dev book-data``): the workshop schedule.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import course
from .build import cargo_env
from .files import write_atomic
from .paths import ROOT, SOLUTIONS, TARGET
from .spec import Chapter

MDBOOK_VERSION = "0.5.4"
BOOK = ROOT / "book"
RESULTS = BOOK / "results"
REFERENCE = RESULTS / "reference.json"
CHAPTERS = RESULTS / "chapters.json"
TOOLS = TARGET / "tools"
MDBOOK = TOOLS / "bin" / "mdbook"
PREPROCESSOR = "workbook-mdbook"
# Only the renderer and the search index: watch and serve would double the
# install time (a minute on 2 cores) for commands the course does not use.
MDBOOK_FEATURES = "search"

Log = Callable[[str], None]


class BookError(Exception):
    """A step of the book's build failed; the message says which and why."""


def _quiet(_: str) -> None:
    pass


# The data files.


def chapter_page(chapter: Chapter) -> str:
    return f"ch{chapter.number:02d}-{chapter.slug}.md"


def chapters_data() -> dict[str, Any]:
    """What the book needs to know of each chapter's declaration."""
    return {
        "about": "Written by `workbook dev book-data` from exercises/*/chapter.py; do not edit.",
        "chapters": [
            {
                "number": chapter.number,
                "slug": chapter.slug,
                "title": chapter.title,
                "minutes": chapter.minutes,
                "page": chapter_page(chapter),
                "tasks": [
                    {"name": task.name, "summary": task.summary, "timed": task.bench is not None}
                    for task in chapter.tasks
                ],
            }
            for chapter in course.chapters()
        ],
    }


def _write_json(path: Path, data: Any) -> None:
    """Atomically, with a stable layout (small diffs in review)."""
    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def write_chapters() -> Path:
    _write_json(CHAPTERS, chapters_data())
    return CHAPTERS


def timed_tasks() -> set[str]:
    return {ref.id for ref in course.all_tasks() if ref.task.bench is not None}


def covers_course(document: dict[str, Any]) -> bool:
    """Whether a run timed every timed task of the course."""
    timed = {entry["extra_info"]["task"] for entry in document["benchmarks"]}
    return timed >= timed_tasks()


def solutions_digest() -> str:
    """A fingerprint of the reference solutions' sources."""
    digest = hashlib.sha256()
    for path in sorted(SOLUTIONS.rglob("*")):
        if path.is_file() and path.suffix in (".rs", ".toml"):
            digest.update(str(path.relative_to(SOLUTIONS)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def save_reference(document: dict[str, Any]) -> Path:
    """Write the run the book shows (and the chapters' data beside it)."""
    saved = dict(document)
    saved["workbook"] = {**document.get("workbook", {}), "solutions_digest": solutions_digest()}
    _write_json(REFERENCE, saved)
    write_chapters()
    return REFERENCE


def reference_is_stale() -> bool:
    """Whether the solutions changed since the reference results were measured."""
    try:
        saved = json.loads(REFERENCE.read_text())["workbook"]["solutions_digest"]
    except (OSError, ValueError, KeyError):
        return True
    return bool(saved != solutions_digest())


# The tools.


def _run(cmd: list[str], what: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, **kwargs)
    if proc.returncode != 0:
        raise BookError(f"{what} failed ({' '.join(cmd)}):\n{proc.stdout}{proc.stderr}".rstrip())
    return proc


def installed_mdbook_version(mdbook: Path = MDBOOK) -> str | None:
    try:
        out = subprocess.run([str(mdbook), "--version"], capture_output=True, text=True).stdout
    except OSError:
        return None
    return out.strip().removeprefix("mdbook v") or None


def ensure_mdbook(log: Log = _quiet) -> Path:
    """The pinned mdbook, installed into target/tools by cargo on first use."""
    if installed_mdbook_version() == MDBOOK_VERSION:
        return MDBOOK
    log(f"Installing mdbook {MDBOOK_VERSION} into {TOOLS.relative_to(ROOT)} (once; about a minute)")
    _run(
        [
            "cargo", "install", "mdbook", "--version", f"={MDBOOK_VERSION}", "--locked",
            "--no-default-features", "--features", MDBOOK_FEATURES, "--root", str(TOOLS),
        ],
        f"installing mdbook {MDBOOK_VERSION}",
        cwd=ROOT, env=cargo_env(),
    )  # fmt: skip
    if installed_mdbook_version() != MDBOOK_VERSION:
        raise BookError(f"cargo installed {MDBOOK} but it does not report v{MDBOOK_VERSION}")
    return MDBOOK


def build_preprocessor(log: Log = _quiet) -> Path:
    """Build workbook-mdbook (release) and return its executable."""
    log(f"Building the preprocessor ({PREPROCESSOR})")
    cmd = ["cargo", "build", "--release", "-p", PREPROCESSOR]
    proc = _run(
        [*cmd, "--message-format=json-render-diagnostics"],
        "building the preprocessor",
        cwd=ROOT,
        env=cargo_env(),
    )
    for line in proc.stdout.splitlines():
        message = json.loads(line) if line.startswith("{") else {}
        artifact = message.get("reason") == "compiler-artifact" and message.get("executable")
        if artifact and message["target"]["name"] == PREPROCESSOR:
            return Path(message["executable"])
    raise BookError(f"{' '.join(cmd)} named no executable {PREPROCESSOR}")


def mdbook_env(preprocessor: Path, results: Path | None = None) -> dict[str, str]:
    """mdbook reads MDBOOK_* variables as book.toml settings: use the
    preprocessor just built (and, for tests, another results file)."""
    env = dict(os.environ)
    env["MDBOOK_PREPROCESSOR__WORKBOOK__COMMAND"] = str(preprocessor)
    if results is not None:
        env["MDBOOK_PREPROCESSOR__WORKBOOK__RESULTS"] = str(results.resolve())
    return env


def build(
    dest: Path | None = None,
    results: Path | None = None,
    log: Log = _quiet,
    book: Path = BOOK,
) -> Path:
    """Build the book into ``dest`` (default: book/book); its folder."""
    mdbook = ensure_mdbook(log)
    preprocessor = build_preprocessor(log)
    dest = (dest or book / "book").resolve()
    log(f"Building the book into {dest}")
    _run(
        [str(mdbook), "build", str(book), "--dest-dir", str(dest)],
        "mdbook build",
        env=mdbook_env(preprocessor, results),
    )
    return dest


def test_snippets(log: Log = _quiet, book: Path = BOOK) -> str:
    """``mdbook test``: every Rust block not marked ``ignore`` compiles and runs."""
    mdbook = ensure_mdbook(log)
    preprocessor = build_preprocessor(log)
    log("Testing the book's Rust snippets (mdbook test)")
    proc = _run([str(mdbook), "test", str(book)], "mdbook test", env=mdbook_env(preprocessor))
    return proc.stdout + proc.stderr


def command(what: str, log: Log) -> int:
    """``workbook book build`` and ``workbook book check``."""
    from . import linkcheck

    try:
        if reference_is_stale():
            log(
                "Note: the solutions changed since book/results/reference.json was measured; "
                "`./workbook bench --solutions` measures them again."
            )
        dest = build(log=log)
        if what == "check":
            test_snippets(log)
            broken = linkcheck.check(dest)
            for problem in broken:
                log(f"broken link: {problem}")
            if broken:
                return 1
            from . import browser

            if browser.find_chromium() is None:
                log("No Chromium found: the browser check is left out.")
            else:
                shots = TARGET / "book-check"
                problems = browser.check_book(dest, shots, log)
                for problem in problems:
                    log(f"browser: {problem}")
                if problems:
                    return 1
                log(f"Screenshots: {shots.relative_to(ROOT)}")
    except BookError as error:
        log(str(error))
        return 1
    log(f"The book: {dest / 'index.html'}")
    return 0
