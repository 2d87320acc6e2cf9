"""The checker on plain Python stand-ins for a Rust module (fast, in-process)."""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from bench_harness.checking import check_task
from bench_harness.spec import Call, Chapter, Example, Make, Task, approx, unordered
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


def test_an_expected_exception_whose_constructor_takes_arguments() -> None:
    def decode(data: bytes) -> str:
        return data.decode()

    task = Task(
        name="decode",
        baseline=decode,
        strategy=st.tuples(st.binary(max_size=3).filter(lambda b: b.isascii())),
        examples=[Example((b"\xff",), raises=UnicodeDecodeError)],
    )
    assert check_task(module(decode=decode), task).kind is Kind.PASSED
    verdict = check_task(module(decode=lambda data: data.decode("latin-1")), task)
    assert verdict.kind is Kind.WRONG_ANSWER
    assert "UnicodeDecodeError" in verdict.summary


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


class Counter2:
    """A baseline class: counts pushes, adds counters, refuses negative values."""

    def __init__(self, start: int = 0) -> None:
        self.total = start

    def push(self, value: int) -> None:
        if value < 0:
            raise ValueError(f"negative value {value}")
        self.total += value

    def __add__(self, other: Counter2) -> Counter2:
        return type(self)(self.total + other.total)


def counter_task(**kwargs: Any) -> Task:
    step = st.one_of(
        st.builds(lambda v: Call("push", (v,)), st.integers(-2, 50)),
        st.just(Call("total", None)),
        st.builds(lambda v: Call("__add__", (Make((v,)),)), st.integers(0, 5)),
    )
    return Task(
        name="Counter2",
        baseline=Counter2,
        strategy=st.tuples(st.integers(0, 10)),
        steps=st.lists(step, max_size=8),
        normalize=lambda v: v.total if hasattr(v, "push") else v,
        **kwargs,
    )


def test_a_class_that_behaves_the_same_passes() -> None:
    class Same(Counter2):
        pass

    assert check_task(module(Counter2=Same), counter_task()).kind is Kind.PASSED


def test_a_class_scenario_failure_is_shrunk_to_a_script() -> None:
    class Wrong(Counter2):
        def push(self, value: int) -> None:
            if value < 0:
                raise ValueError("negative")
            self.total += min(value, 40)

    verdict = check_task(module(Counter2=Wrong), counter_task())
    assert verdict.kind is Kind.WRONG_ANSWER
    assert verdict.call == "x = Counter2(start=0)\nx.push(41)\nx.total"
    assert dict(verdict.details) == {"expected": "41", "got": "40"}


def test_a_class_must_raise_where_the_baseline_does() -> None:
    class Lenient(Counter2):
        def push(self, value: int) -> None:
            self.total += value

    verdict = check_task(module(Counter2=Lenient), counter_task())
    assert verdict.kind is Kind.WRONG_ANSWER
    assert verdict.call == "x = Counter2(start=0)\nx.push(-1)"


def test_class_examples_run_their_steps() -> None:
    class OffByOne(Counter2):
        def __add__(self, other: Counter2) -> Counter2:
            return type(self)(self.total + other.total + 1)

    task = counter_task(examples=[Example((1,), steps=[Call("__add__", (Make((2,)),))])])
    verdict = check_task(module(Counter2=OffByOne), task)
    assert verdict.call == "x = Counter2(start=1)\nx.__add__(Counter2(2))"


def test_a_panic_while_reading_a_new_object_is_a_verdict() -> None:
    class Fragile(Counter2):
        @property
        def total(self) -> int:  # type: ignore[override]
            raise PanicException("called `Option::unwrap()` on a `None` value")

        @total.setter
        def total(self, value: int) -> None:
            pass

    verdict = check_task(module(Counter2=Fragile), counter_task())
    assert verdict.kind is Kind.PANIC
    assert verdict.call == "x = Counter2(start=0)"


def test_a_step_may_bring_its_own_comparison() -> None:
    class Shouty(Counter2):
        def __repr__(self) -> str:
            return "COUNTER"

    def same_length(expected: object, got: object) -> bool:
        return len(str(expected)) > 0 and len(str(got)) > 0

    strict = counter_task(examples=[Example((1,), steps=[Call(repr)])])
    assert check_task(module(Counter2=Shouty), strict).kind is Kind.WRONG_ANSWER
    lenient = counter_task(examples=[Example((1,), steps=[Call(repr, compare=same_length)])])
    assert check_task(module(Counter2=Shouty), lenient).kind is Kind.PASSED


def test_stop_iteration_needs_no_message() -> None:
    def countdown(n: int) -> Any:
        return iter(range(n, 0, -1))

    task = Task(
        name="countdown",
        baseline=countdown,
        strategy=st.tuples(st.integers(0, 3)),
        steps=st.lists(st.just(Call(next, label="next")), max_size=5),
        normalize=lambda v: "iterator" if hasattr(v, "__next__") else v,
    )
    assert check_task(module(countdown=lambda n: iter(list(range(n, 0, -1)))), task).passed
    verdict = check_task(module(countdown=lambda n: iter(range(n, -1, -1))), task)
    assert verdict.call == "x = countdown(n=0)\nnext(x)"


def test_class_examples_can_pin_what_construction_raises() -> None:
    class Picky(Counter2):
        def __init__(self, start: int = 0) -> None:
            if start < 0:
                raise ValueError("start below zero")
            super().__init__(start)

    task = counter_task(examples=[Example((-1,), raises=ValueError, match="below zero")])
    verdict = check_task(module(Counter2=Counter2), task)
    assert verdict.kind is Kind.WRONG_ANSWER and verdict.call == "x = Counter2(start=-1)"
    assert check_task(module(Counter2=Picky), task).passed
