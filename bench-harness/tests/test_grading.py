"""``workbook grade``: the scoring rules, whole chapters graded for real, and
every output format checked by what reads it (junitparser, GitHub Classroom's
reporter's fields, JSON read back)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from conftest import REPO, make_repo
from junitparser import Error, Failure, JUnitXml

from bench_harness import classroom, course, grade_report, grading, runner
from bench_harness.grading import (
    CHECK_POINTS,
    ERROR,
    FAIL,
    PARTIAL,
    PASS,
    POINTS,
    SPEED_POINTS,
    TAMPERED,
    Grade,
    TaskGrade,
)
from bench_harness.spec import Bench
from bench_harness.tamper import Change, TamperReport
from bench_harness.verdict import Kind, Verdict

CLEAN = TamperReport([])


def bench(floor: float | None) -> Bench:
    return Bench(make_input=lambda size, seed: (size,), sizes=[10], min_speedup=floor)


# --- the rules -------------------------------------------------------------


def test_a_wrong_answer_scores_nothing_whatever_its_speed() -> None:
    wrong = Verdict(Kind.WRONG_ANSWER, "f", "expected 1, got 2")
    assert grading.score(wrong, bench(2.0), speedup=100.0) == (0, 0, "")


def test_speed_points_at_eighty_percent_of_the_floor() -> None:
    passed = Verdict(Kind.PASSED, "f")
    assert grading.score(passed, bench(10.0), 8.0)[:2] == (CHECK_POINTS, SPEED_POINTS)
    check, speed, note = grading.score(passed, bench(10.0), 7.9)
    assert (check, speed) == (CHECK_POINTS, 0)
    assert note == "7.90× < 8× (80% of the 10× floor)"


def test_expected_losses_and_untimed_tasks_earn_speed_points_with_the_check() -> None:
    passed = Verdict(Kind.PASSED, "f")
    assert grading.score(passed, bench(None), 0.6)[:2] == (CHECK_POINTS, SPEED_POINTS)
    assert grading.score(passed, None, None)[:2] == (CHECK_POINTS, SPEED_POINTS)
    # ...but a timed task that could not be timed earns none.
    assert grading.score(passed, bench(None), None)[:2] == (CHECK_POINTS, 0)
    assert CHECK_POINTS + SPEED_POINTS == POINTS == 10


# --- whole chapters, graded for real ------------------------------------------


def chapter_refs(*selectors: str) -> list[course.TaskRef]:
    return [ref for selector in selectors for ref in course.resolve(selector)]


def test_the_reference_solutions_score_full_marks() -> None:
    refs = chapter_refs("hello", "ownership")
    grade = grading.grade(refs, solutions=True, tamper=CLEAN)
    assert [t.task for t in grade.tasks] == [r.id for r in refs]
    assert grade.score == grade.max_score == POINTS * len(refs), grade_report.text(grade)
    assert grade.full_marks
    timed = [t for t in grade.tasks if t.benchmarked]
    assert timed and all(t.speedup is not None and t.size for t in timed)
    count_primes = next(t for t in grade.tasks if t.task == "hello.count_primes")
    assert count_primes.source == "solutions/01_hello/src/lib.rs" and count_primes.line > 0


def test_the_stubs_score_nothing_and_are_not_implemented() -> None:
    refs = chapter_refs("hello", "ownership")
    grade = grading.grade(refs, solutions=False, tamper=CLEAN)
    assert grade.score == 0 and grade.max_score == POINTS * len(refs)
    assert {t.kind for t in grade.tasks} == {"not implemented"}
    assert {t.status for t in grade.tasks} == {FAIL}


def test_a_harness_fault_on_one_task_does_not_stop_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = grading.check_tasks

    def flaky(chapter: Any, built: Any, tasks: list[str], *rest: Any) -> list[Verdict]:
        if tasks == ["add"]:
            raise RuntimeError("the checker tripped")
        return real(chapter, built, tasks, *rest)

    monkeypatch.setattr(grading, "check_tasks", flaky)
    add, count_primes = grading.grade(chapter_refs("hello"), solutions=False, tamper=CLEAN).tasks
    assert add.status == ERROR and add.kind == "harness error"
    assert "RuntimeError: the checker tripped" in add.message
    assert count_primes.status == FAIL and count_primes.kind == "not implemented"


@pytest.mark.parametrize(
    ("figures", "points", "kept"), [((10.0, 17.0), 10, 17.0), ((10.0, 6.0), 7, 10.0)]
)
def test_a_shortfall_is_measured_once_more_and_the_better_figure_counts(
    monkeypatch: pytest.MonkeyPatch, figures: tuple[float, float], points: int, kept: float
) -> None:
    """count_primes' floor is 20×, so 16× earns the speed points."""
    measured = iter(figures)
    calls = []

    def bench(chapter: Any, library: Any, task: str, *rest: Any) -> runner.QuickTiming:
        calls.append("bench")
        x = next(measured)
        return runner.QuickTiming(1000, x, x * 0.9, x * 1.1)

    monkeypatch.setattr(grading, "time_quickly", bench)
    (ref,) = chapter_refs("hello.count_primes")
    (task,) = grading.grade([ref], solutions=True, tamper=CLEAN).tasks
    assert calls == ["bench", "bench"] and task.measurements == 2
    assert (task.score, task.speedup) == (points, kept)
    assert task.note.endswith("(the better of 2 measurements)")


def test_a_crate_that_cannot_be_built_sinks_only_its_chapter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = grading.build

    def build(crates: list[Path]) -> Any:
        if any(crate.name == "01_hello" for crate in crates):
            raise ValueError("Cargo.toml: invalid TOML")
        return real(crates)

    monkeypatch.setattr(grading, "build", build)
    grade = grading.grade(chapter_refs("hello", "strings"), solutions=True, tamper=CLEAN)
    hello = [t for t in grade.tasks if t.chapter == "01_hello"]
    strings = [t for t in grade.tasks if t.chapter == "03_strings"]
    assert {t.status for t in hello} == {ERROR}
    assert "invalid TOML" in hello[0].message
    assert {t.check_points for t in strings} == {CHECK_POINTS}


def test_a_changed_chapter_file_voids_that_chapter_only() -> None:
    report = TamperReport([Change("exercises/01_hello/baseline.py", "changed")])
    grade = grading.grade(chapter_refs("hello", "strings"), solutions=True, tamper=report)
    hello = [t for t in grade.tasks if t.chapter == "01_hello"]
    strings = [t for t in grade.tasks if t.chapter == "03_strings"]
    assert {t.status for t in hello} == {TAMPERED} and all(t.score == 0 for t in hello)
    assert all("exercises/01_hello/baseline.py" in t.message for t in hello)
    assert {t.check_points for t in strings} == {CHECK_POINTS}


def test_a_changed_harness_file_voids_every_task() -> None:
    report = TamperReport([Change("bench-harness/bench_harness/checking.py", "changed")])
    grade = grading.grade(chapter_refs("hello", "strings"), solutions=True, tamper=report)
    assert {t.status for t in grade.tasks} == {TAMPERED} and grade.score == 0
    assert "checking.py differs from the grader's copy" in grade.tasks[0].message


def test_a_tampered_chapter_is_not_loaded_and_its_tasks_score_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = course.load_chapter

    def load(folder: Path) -> Any:
        assert folder.name != "01_hello", "the tampered chapter's code ran"
        return real(folder)

    monkeypatch.setattr(course, "load_chapter", load)
    report = TamperReport([Change("exercises/01_hello/chapter.py", "changed")])
    refs, decided = grading.select(["hello", "strings.count_words"], report)
    assert [r.id for r in refs] == ["strings.count_words"]
    assert [(t.task, t.status) for t in decided] == [
        ("hello.add", TAMPERED),
        ("hello.count_primes", TAMPERED),
    ]
    grade = grading.grade([], solutions=True, tamper=report, decided=decided)
    assert (grade.score, grade.max_score) == (0, 20)
    with pytest.raises(LookupError, match="no task or chapter called 'nope'"):
        grading.select(["nope"], report)


def test_task_names_are_read_without_running_the_chapter() -> None:
    names = grading.task_names(
        course.exercise_dir(course.resolve("errors")[0].chapter) / "chapter.py"
    )
    assert names == [r.task.name for r in course.resolve("errors")]


# --- the formats, on a grade with one task of each outcome ---------------------


def sample() -> Grade:
    passed, slow = Verdict(Kind.PASSED, "full"), Verdict(Kind.PASSED, "slow")
    wrong = Verdict(
        Kind.WRONG_ANSWER,
        "wrong",
        "wrong answer",
        call="wrong(xs=[1, 2])",
        details=[("expected", "3"), ("got", "4 \x1b[31m<>&\x00")],
    )
    return Grade(
        tasks=[
            TaskGrade(
                "demo.full", "01_demo", PASS, passed, 10, 10, 7, 3, "12.50× ≥ 4× (...)",
                12.5, (11.0, 13.0), 5.0, 1000, True, 1.5, [], "exercises/01_demo/src/lib.rs", 12,
            ),
            TaskGrade(
                "demo.slow", "01_demo", PARTIAL, slow, 7, 10, 7, 0, "1.10× < 4× (...)",
                1.1, (1.0, 1.2), 5.0, 1000, True, 2.25,
            ),
            TaskGrade("demo.wrong", "01_demo", FAIL, wrong, seconds=0.5),
            TaskGrade(
                "demo.todo", "01_demo", FAIL,
                Verdict(Kind.NOT_IMPLEMENTED, "todo", "the body is still todo!()"),
            ),
            TaskGrade(
                "other.hacked", "02_other", TAMPERED, None,
                tampered=["exercises/02_other/baseline.py differs from the grader's copy"],
            ),
            TaskGrade(
                "other.broken", "02_other", ERROR,
                Verdict(Kind.HARNESS_ERROR, "broken", "the grader failed on this task: boom"),
            ),
        ],
        learner="ada",
        changes=[{"path": "exercises/02_other/baseline.py", "how": "changed"}],
        started="2026-11-25T10:00:00+00:00",
        commit="abc123",
        machine="Linux x86_64, 2 cores",
    )  # fmt: skip


def test_json_round_trips() -> None:
    grade = sample()
    again = Grade.from_json(json.loads(grade_report.render(grade, "json")))
    assert again.to_json() == grade.to_json()
    assert again.score == 17 and again.max_score == 60


def test_junit_is_what_junitparser_reads(tmp_path: Path) -> None:
    grade = sample()
    path = tmp_path / "junit.xml"
    path.write_text(grade_report.render(grade, "junit"))
    xml = JUnitXml.fromfile(str(path))
    suites = {suite.name: suite for suite in xml}
    assert list(suites) == ["01_demo", "02_other"]
    assert (suites["01_demo"].tests, suites["01_demo"].failures) == (4, 3)
    assert (suites["02_other"].failures, suites["02_other"].errors) == (1, 1)
    cases = {case.name: case for suite in xml for case in suite}
    assert cases["full"].is_passed and cases["full"].time == 1.5
    (failure,) = cases["wrong"].result
    assert isinstance(failure, Failure) and failure.type == "wrong answer"
    assert failure.message == "wrong: wrong answer: wrong answer"
    assert "call:     wrong(xs=[1, 2])" in failure.text and "<>&" in failure.text
    assert "\x1b" not in failure.text and "\x00" not in failure.text
    (slow,) = cases["slow"].result
    assert "1.10× < 4×" in slow.message
    (error,) = cases["broken"].result
    assert isinstance(error, Error)
    properties = {p.name: p.value for p in suites["01_demo"].properties()}
    assert properties == {"score": "17", "max_score": "40"}


CLASSROOM_TEST_FIELDS = {
    "name": str,
    "status": str,
    "score": int,
    "max_score": int,
    "message": str,
    "test_code": str,
    "filename": str,
    "line_no": int,
    "duration": int,
    "execution_time": str,
}


def test_classroom_result_has_the_reporters_fields() -> None:
    result = json.loads(grade_report.render(sample(), "classroom"))
    assert set(result) == {"version", "status", "max_score", "tests"}
    assert result["version"] == 1 and result["status"] == "error" and result["max_score"] == 60
    for test in result["tests"]:
        assert {k: type(v) for k, v in test.items()} == CLASSROOM_TEST_FIELDS
        assert test["status"] in ("pass", "fail", "error")
    statuses = {t["name"]: t["status"] for t in result["tests"]}
    assert statuses == {
        "demo.full": "pass",
        "demo.slow": "fail",
        "demo.wrong": "fail",
        "demo.todo": "fail",
        "other.hacked": "fail",
        "other.broken": "error",
    }
    full = result["tests"][0]
    assert (full["score"], full["duration"], full["execution_time"]) == (10, 1500, "1.50s")
    assert (full["filename"], full["line_no"]) == ("exercises/01_demo/src/lib.rs", 12)
    # The reporter sums the tests' scores against max_score: these are the points.
    assert classroom.points(result) == (17, 60)


def test_classroom_status_is_pass_only_with_full_marks() -> None:
    grade = sample()
    grade.tasks = grade.tasks[:1]
    assert grade_report.classroom(grade)["status"] == "pass"
    grade.tasks = sample().tasks[:2]
    assert grade_report.classroom(grade)["status"] == "fail"


def test_markdown_and_text_say_what_to_fix() -> None:
    grade = sample()
    md = grade_report.render(grade, "markdown")
    assert md.startswith("## Workbook grade: 17/60 points (28%) for ada")
    assert "| `demo.slow` | 🟡 correct, not fast enough | 7/10 | 1.10× | 5× |" in md
    assert "exercises/02_other/baseline.py: changed" in md
    assert "<summary><code>demo.wrong</code>: wrong answer</summary>" in md
    assert "demo.todo</code>" not in md  # a stub is in the table; no details to read
    text = grade_report.render(grade, "text")
    assert "17/60 points" in text and "expected: 3" in text and "\x1b" not in text


# --- GitHub Classroom: the points on the check run ----------------------------


class FakeGitHub(BaseHTTPRequestHandler):
    calls: ClassVar[list[tuple[str, str, Any]]] = []

    def _answer(self, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self.calls.append(("GET", self.path, self.headers["Authorization"]))
        if self.path == "/repos/org/alice/actions/runs/42":
            self._answer({"check_suite_url": "http://x/repos/org/alice/check-suites/777"})
        elif self.path.startswith("/repos/org/alice/check-suites/777/check-runs"):
            self._answer({"total_count": 1, "check_runs": [{"id": 99}]})
        else:
            self.send_error(404)

    def do_PATCH(self) -> None:
        length = int(self.headers["Content-Length"])
        self.calls.append(("PATCH", self.path, json.loads(self.rfile.read(length))))
        self._answer({})

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def github() -> Iterator[str]:
    FakeGitHub.calls = []
    server = HTTPServer(("127.0.0.1", 0), FakeGitHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_points_go_to_the_check_run_as_the_reporter_sends_them(github: str) -> None:
    result = grade_report.classroom(sample())
    env = {
        "GITHUB_TOKEN": "t0ken",
        "GITHUB_REPOSITORY": "org/alice",
        "GITHUB_RUN_ID": "42",
        "GITHUB_API_URL": github,
    }
    assert classroom.notify(result, env) == "Points 17/60 (sent to check run 99)"
    (_, _, auth), (_, runs, _), (method, path, body) = FakeGitHub.calls
    assert auth == "Bearer t0ken"
    assert runs.endswith("check_name=run-autograding-tests")
    assert (method, path) == ("PATCH", "/repos/org/alice/check-runs/99")
    assert body["output"]["summary"] == "Points 17/60"
    assert json.loads(body["output"]["text"]) == {"totalPoints": 17, "maxPoints": 60}
    assert body["output"]["annotations"][0]["message"] == "Points 17/60"


def test_without_github_actions_nothing_is_sent() -> None:
    result = grade_report.classroom(sample())
    said = classroom.notify(result, {})
    assert said == "Points 17/60 (not on GitHub Actions with a token: nothing sent)"


# --- the command, as a teacher's workflow runs it -----------------------------

WORKBOOK = Path(sys.executable).parent / "workbook"


def test_workbook_grade_command(tmp_path: Path) -> None:
    """On the copy of chapter 01: full marks as JSON and the job summary; then
    the saved grade re-rendered as JUnit without grading again."""
    make_repo()
    summary = tmp_path / "summary.md"
    env = {**os.environ, "WORKBOOK_ROOT": str(REPO), "GITHUB_STEP_SUMMARY": str(summary)}
    env.pop("GITHUB_REPOSITORY", None)
    saved = tmp_path / "out" / "grade.json"
    run = subprocess.run(
        [str(WORKBOOK), "grade", "--solutions", "--format", "json", "--output", str(saved)],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads(saved.read_text())
    assert (data["score"], data["max_score"], data["crates"]) == (20, 20, "solutions")
    assert data["tamper"]["checked"] is False  # the copy has no manifest
    assert summary.read_text().startswith("## Workbook grade: 20/20 points")
    junit = tmp_path / "junit.xml"
    env.pop("GITHUB_STEP_SUMMARY")
    again = subprocess.run(
        [str(WORKBOOK), "grade", "--from", str(saved), "--format", "junit", "--output", str(junit)],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    assert again.returncode == 0, again.stdout + again.stderr
    assert [case.name for suite in JUnitXml.fromfile(str(junit)) for case in suite] == [
        "add",
        "count_primes",
    ]
