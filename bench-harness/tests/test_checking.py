"""The checker on plain Python stand-ins for a Rust module (fast, in-process)."""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from bench_harness.checking import check_task
from bench_harness.spec import Chapter, Example, Task, approx, unordered
from bench_harness.verdict import Kind


class PanicException(BaseException):
    """Named like pyo3's, which is how the checker recognises a panic."""


def module(**functions: Callable[..., Any]) -> types.ModuleType:
    m = types.ModuleType("fake_rs")
    for name, fn in functions.items():
        setattr(m, name, fn)
    return m


def double(x: int) -> int:
    return 2 * x


TASK = Task(
    name="double",
    baseline=double,
    strategy=st.tuples(st.integers(-1000, 1000)),
    examples=[Example((1,)), Example((2,), expected=4), Example((-1,), raises=None)],
)


def test_a_correct_function_passes() -> None:
    assert check_task(module(double=lambda x: x + x), TASK).kind is Kind.PASSED


def test_missing_function() -> None:
    assert check_task(module(), TASK).kind is Kind.MISSING_FUNCTION


def test_wrong_answer_in_the_examples_names_the_example() -> None:
    verdict = check_task(module(double=lambda x: x * 3), TASK)
    assert verdict.kind is Kind.WRONG_ANSWER
    assert verdict.call == "double(x=1)"
    assert dict(verdict.details) == {"expected": "2", "got": "3"}


def test_property_failure_is_shrunk() -> None:
    verdict = check_task(module(double=lambda x: 2 * x if x < 500 else 0), TASK)
    assert verdict.kind is Kind.WRONG_ANSWER
    assert verdict.call == "double(x=500)"


def test_a_result_of_another_type_is_wrong() -> None:
    verdict = check_task(module(double=lambda x: float(2 * x)), TASK)
    assert verdict.kind is Kind.WRONG_ANSWER
    assert dict(verdict.details)["got"] == "2.0"


def test_panics_and_todo_are_told_apart() -> None:
    def panics(x: int) -> int:
        raise PanicException("index out of bounds: the len is 0 but the index is 0")

    def todo(x: int) -> int:
        raise PanicException("not yet implemented")

    assert check_task(module(double=panics), TASK).kind is Kind.PANIC
    assert check_task(module(double=todo), TASK).kind is Kind.NOT_IMPLEMENTED


def test_expected_exception_type() -> None:
    def strict(x: int) -> int:
        if x < 0:
            raise OverflowError("negative")
        return 2 * x

    task = Task(
        name="double",
        baseline=double,
        strategy=st.tuples(st.integers(0, 10)),
        examples=[Example((-1,), raises=OverflowError)],
    )
    assert check_task(module(double=strict), task).kind is Kind.PASSED
    verdict = check_task(module(double=double), task)
    assert verdict.kind is Kind.WRONG_ANSWER
    assert "OverflowError" in verdict.summary


def test_wrong_signature_from_text_signature() -> None:
    def fake(y: int) -> int:
        return 2 * y

    fake.__text_signature__ = "(y, /)"  # type: ignore[attr-defined]
    verdict = check_task(module(double=fake), TASK)
    assert verdict.kind is Kind.WRONG_SIGNATURE


def test_comparisons() -> None:
    close = approx(rel=1e-9)
    assert close(1.0, 1.0 + 1e-12)
    assert not close(1.0, 1.1)
    assert close(float("nan"), float("nan"))
    assert close([1.0, 2.0], (1.0, 2.0))
    assert not close(1.0, 1)
    assert unordered([1, 2, 3], [3, 1, 2])
    assert not unordered([1, 2], [1, 2, 2])


def test_chapter_lookup() -> None:
    chapter = Chapter(number=99, slug="demo", title="Demo", module="demo_rs", tasks=[TASK])
    assert chapter.folder == "99_demo"
    assert chapter.task("double") is TASK


def parse_positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise BaselineError(f"not positive: {text!r}")
    return value


class BaselineError(ValueError):
    pass


def rust_like_module(message: str) -> types.ModuleType:
    # The Rust module defines its own class of the same name (create_exception!).
    error = type("BaselineError", (ValueError,), {})

    def parse(text: str) -> int:
        if int(text) <= 0:
            raise error(message.format(text=text))
        return int(text)

    return module(parse=parse)


PARSE = Task(
    name="parse",
    baseline=parse_positive,
    strategy=st.tuples(st.integers(-50, 50).map(str)),
    examples=[Example(("-3",), raises=BaselineError, match="-3")],
)


def test_exception_classes_of_the_same_name_match() -> None:
    assert check_task(rust_like_module("not positive: {text}"), PARSE).kind is Kind.PASSED


def test_exception_message_must_match_and_not_be_empty() -> None:
    verdict = check_task(rust_like_module("bad input"), PARSE)
    assert verdict.kind is Kind.WRONG_ANSWER and "message" in verdict.summary
    verdict = check_task(rust_like_module(""), PARSE)
    assert verdict.kind is Kind.WRONG_ANSWER and "no message" in verdict.summary


def test_another_exception_type_is_wrong() -> None:
    def parse(text: str) -> int:
        raise KeyError(text)

    verdict = check_task(module(parse=parse), PARSE)
    assert verdict.kind is Kind.WRONG_ANSWER
    assert verdict.summary.startswith("expected the call to raise BaselineError")
