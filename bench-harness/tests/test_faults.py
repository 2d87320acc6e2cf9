"""Each kind of learner fault, planted in a copy of chapter 01's crate, gets its
own readable verdict, and the harness goes on to the next check."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bench_harness.build import build
from bench_harness.course import load_chapter
from bench_harness.paths import EXERCISES, ROOT, SOLUTIONS
from bench_harness.runner import check_tasks
from bench_harness.sandbox import Limits
from bench_harness.verdict import Kind, Verdict

CHAPTER_DIR = EXERCISES / "01_hello"
LIMITS = Limits(seconds=5.0, memory_mb=1024, output_mb=1)


class Playground:
    """A one-crate workspace holding a copy of the chapter 01 solution, built
    into the project's target folder so that pyo3 is compiled only once."""

    def __init__(self, root: Path) -> None:
        self.crate = root / "hello"
        shutil.copytree(SOLUTIONS / "01_hello", self.crate)
        manifest = self.crate / "Cargo.toml"
        manifest.write_text(manifest.read_text().replace("hello-solution", "hello-faults"))
        workspace = (ROOT / "Cargo.toml").read_text()
        workspace = re.sub(r"(?m)^members = .*$", 'members = ["hello"]', workspace)
        # The segfault test needs unsafe code, which the course itself forbids.
        workspace = workspace.replace('unsafe_code = "forbid"', "")
        (root / "Cargo.toml").write_text(workspace)
        shutil.copy(ROOT / "Cargo.lock", root / "Cargo.lock")
        (root / ".cargo").mkdir()
        (root / ".cargo" / "config.toml").write_text(f'[build]\ntarget-dir = "{ROOT / "target"}"\n')
        self.root = root
        self.original = (self.crate / "src" / "lib.rs").read_text()

    def verdict(self, task: str, edit: Callable[[str], str]) -> Verdict:
        source = edit(self.original)
        assert source != self.original, "the edit did not change the source"
        (self.crate / "src" / "lib.rs").write_text(source)
        (built,) = build([self.crate], workspace=self.root)
        chapter = load_chapter(CHAPTER_DIR)
        (verdict,) = check_tasks(chapter, built, [task], LIMITS)
        return verdict


@pytest.fixture(scope="module")
def playground(tmp_path_factory: pytest.TempPathFactory) -> Playground:
    return Playground(tmp_path_factory.mktemp("faults"))


def replace_body(fn: str, body: str) -> Callable[[str], str]:
    """Replace the solution region of ``fn`` with ``body``."""

    def edit(source: str) -> str:
        pattern = rf"(fn {fn}\(.*?// BEGIN SOLUTION\n).*?(\s*// END SOLUTION)"
        return re.sub(pattern, lambda m: m.group(1) + body + m.group(2), source, flags=re.S)

    return edit


def test_compile_error_shows_cargo_diagnostics(playground: Playground) -> None:
    verdict = playground.verdict("add", replace_body("add", "    Ok(a + b + c)"))
    assert verdict.kind is Kind.COMPILE_ERROR
    cargo = dict(verdict.details)["cargo"]
    assert "cannot find value `c`" in cargo


def test_panic_names_the_call_and_message(playground: Playground) -> None:
    verdict = playground.verdict("add", replace_body("add", '    panic!("boom: {a}")'))
    assert verdict.kind is Kind.PANIC
    assert verdict.call == "add(a=2, b=3)"
    assert "boom: 2" in dict(verdict.details)["panic"]


def test_todo_is_not_implemented(playground: Playground) -> None:
    verdict = playground.verdict("add", replace_body("add", "    todo!()"))
    assert verdict.kind is Kind.NOT_IMPLEMENTED


def test_wrong_answer_is_shrunk_to_the_smallest_input(playground: Playground) -> None:
    # Wrong between 1000 and 100_000, where no fixed example looks: the property
    # test must find it and shrink it to the edge.
    region = playground.original.split("// BEGIN SOLUTION\n")[2].split("    // END SOLUTION")[0]
    body = "    if n > 1000 && n < 100_000 {\n        return 0;\n    }\n" + region.rstrip()
    verdict = playground.verdict("count_primes", replace_body("count_primes", body))
    assert verdict.kind is Kind.WRONG_ANSWER
    assert verdict.call == "count_primes(n=1001)"
    assert dict(verdict.details) == {"expected": "168", "got": "0"}


def test_overflow_must_raise(playground: Playground) -> None:
    verdict = playground.verdict("add", replace_body("add", "    Ok(a.wrapping_add(b))"))
    assert verdict.kind is Kind.WRONG_ANSWER
    assert "OverflowError" in verdict.summary


def test_abort_is_a_crash(playground: Playground) -> None:
    verdict = playground.verdict("add", replace_body("add", "    std::process::abort()"))
    assert verdict.kind is Kind.CRASH
    assert "SIGABRT" in verdict.summary
    assert verdict.call == "add(a=2, b=3)"


def test_segfault_is_a_crash(playground: Playground) -> None:
    body = "    unsafe { std::ptr::null_mut::<i64>().write_volatile(a) };\n    Ok(b)"
    verdict = playground.verdict("add", replace_body("add", body))
    assert verdict.kind is Kind.CRASH
    assert "SIGSEGV" in verdict.summary


def test_endless_loop_times_out(playground: Playground) -> None:
    body = "    let mut k = n;\n    loop {\n        k = std::hint::black_box(k | 1);\n    }"
    verdict = playground.verdict("count_primes", replace_body("count_primes", body))
    assert verdict.kind is Kind.TIMEOUT
    assert verdict.call == "count_primes(n=0)"


def test_memory_blow_up_is_stopped(playground: Playground) -> None:
    body = "    std::hint::black_box(vec![1u8; 1 << 40]).len() + n"
    verdict = playground.verdict("count_primes", replace_body("count_primes", body))
    assert verdict.kind is Kind.OUT_OF_MEMORY


def test_output_flood_is_stopped(playground: Playground) -> None:
    body = '    loop {\n        println!("{n} is it prime? let me print that again");\n    }'
    verdict = playground.verdict("count_primes", replace_body("count_primes", body))
    assert verdict.kind is Kind.OUTPUT_FLOOD


def test_missing_function(playground: Playground) -> None:
    verdict = playground.verdict(
        "count_primes", lambda s: s.replace("use super::{add, count_primes};", "use super::add;")
    )
    assert verdict.kind is Kind.MISSING_FUNCTION


def test_wrong_signature(playground: Playground) -> None:
    verdict = playground.verdict(
        "add", lambda s: s.replace("fn add(a: i64, b: i64)", "fn add(b: i64, a: i64)")
    )
    assert verdict.kind is Kind.WRONG_SIGNATURE
    assert dict(verdict.details) == {"expected": "add(a, b)", "found": "add(b, a)"}


def test_module_that_cannot_load(playground: Playground) -> None:
    verdict = playground.verdict("add", lambda s: s.replace('name = "hello_rs"', 'name = "hi_rs"'))
    assert verdict.kind is Kind.LOAD_ERROR
    assert "hello_rs" in verdict.summary
