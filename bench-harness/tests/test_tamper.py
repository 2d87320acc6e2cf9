"""The grader-owned files: the committed manifest is up to date, and a change
to a copy of them is found and pinned on the tasks it concerns."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from bench_harness import tamper
from bench_harness.paths import ROOT
from bench_harness.tamper import Change, TamperReport

MANIFEST = ROOT / tamper.MANIFEST


def test_the_manifest_is_up_to_date() -> None:
    assert MANIFEST.exists(), "no grader manifest: run ./workbook dev hash-grader-files"
    expected = tamper.read_manifest(MANIFEST)
    stale = [c.describe() for c in tamper.check(ROOT, MANIFEST)]
    assert not stale, (
        "the grader-owned files changed since the manifest was written: "
        "run ./workbook dev hash-grader-files and commit "
        f"{tamper.MANIFEST}\n  " + "\n  ".join(stale)
    )
    assert MANIFEST.read_text() == tamper.manifest_text(ROOT)
    assert list(expected) == sorted(expected)


def test_the_manifest_covers_what_decides_a_grade() -> None:
    paths = set(tamper.read_manifest(MANIFEST))
    for path in (
        "exercises/01_hello/baseline.py",
        "exercises/01_hello/chapter.py",
        "exercises/01_hello/peers.py",
        "bench-harness/bench_harness/checking.py",
        "bench-harness/tests/test_grading.py",
        "pyproject.toml",
        "Cargo.toml",
        ".cargo/config.toml",
        ".github/workflows/classroom.yml",
        "workbook",
    ):
        assert path in paths, path
    assert not any("/src/" in p or p.startswith("solutions/") for p in paths)
    assert not any("__pycache__" in p or ".egg-info" in p for p in paths)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The grader-owned files copied into a fresh folder, with their manifest."""
    for path in tamper.read_manifest(MANIFEST):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, tmp_path / path)
    (tmp_path / tamper.MANIFEST).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(MANIFEST, tmp_path / tamper.MANIFEST)
    return tmp_path


def test_an_untouched_copy_passes(copy: Path) -> None:
    assert tamper.check(copy, copy / tamper.MANIFEST) == []
    assert tamper.report(copy).checked


def test_a_tampered_baseline_is_found(copy: Path) -> None:
    baseline = copy / "exercises" / "03_strings" / "baseline.py"
    baseline.write_text(baseline.read_text() + "\ncount_words = lambda text: {}\n")
    (change,) = tamper.check(copy, copy / tamper.MANIFEST)
    assert change == Change("exercises/03_strings/baseline.py", "changed")
    assert change.chapter == "03_strings"
    report = tamper.report(copy)
    assert report.affecting("03_strings") == [change]
    assert report.affecting("01_hello") == []
    assert change.describe() == "exercises/03_strings/baseline.py differs from the grader's copy"


def test_a_changed_or_added_harness_file_concerns_every_chapter(copy: Path) -> None:
    checking = copy / "bench-harness" / "bench_harness" / "checking.py"
    checking.write_text(checking.read_text().replace("return", "return  ", 1))
    (copy / "bench-harness" / "sitecustomize.py").write_text("import os\n")
    (copy / "exercises" / "01_hello" / "peers.py").unlink()
    changes = tamper.check(copy, copy / tamper.MANIFEST)
    assert {(c.path, c.how) for c in changes} == {
        ("bench-harness/bench_harness/checking.py", "changed"),
        ("bench-harness/sitecustomize.py", "added"),
        ("exercises/01_hello/peers.py", "missing"),
    }
    report = TamperReport(changes)
    # A missing chapter file counts everywhere: the chapter must not drop out.
    assert len(report.affecting("09_traits")) == 3


def test_a_python_file_at_the_root_is_tampering(copy: Path) -> None:
    # It would shadow the standard library's timeit in the harness's child.
    (copy / "timeit.py").write_text("def default_timer(): return 0.0\n")
    (change,) = tamper.check(copy, copy / tamper.MANIFEST)
    assert change == Change("timeit.py", "added") and change.chapter is None


def test_an_unreadable_manifest_counts_as_changed(copy: Path) -> None:
    (copy / tamper.MANIFEST).write_text("not a manifest\n")
    report = tamper.report(copy)
    assert report.changes == [Change(str(tamper.MANIFEST), "changed")]
    assert len(report.affecting("01_hello")) == 1


def test_generated_files_are_not_the_graders(copy: Path) -> None:
    cache = copy / "bench-harness" / "bench_harness" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "checking.cpython-311.pyc").write_bytes(b"\0")
    (copy / "exercises" / "01_hello" / "src").mkdir()
    (copy / "exercises" / "01_hello" / "src" / "lib.rs").write_text("// the learner's\n")
    assert tamper.check(copy, copy / tamper.MANIFEST) == []


def test_without_a_manifest_nothing_is_checked(tmp_path: Path) -> None:
    report = tamper.report(tmp_path)
    assert not report.checked and report.changes == []
    assert "grader-files.sha256" in report.note


def test_the_manifest_is_sha256sum_format(tmp_path: Path) -> None:
    (tmp_path / "Cargo.toml").write_text("[workspace]\n")
    path = tamper.write_manifest(tmp_path)
    digest = hashlib.sha256(b"[workspace]\n").hexdigest()
    assert path.read_text() == f"{digest}  Cargo.toml\n"
    if shutil.which("sha256sum"):
        proc = subprocess.run(
            ["sha256sum", "-c", str(tamper.MANIFEST)], cwd=tmp_path, capture_output=True, text=True
        )
        assert proc.returncode == 0 and "Cargo.toml: OK" in proc.stdout
