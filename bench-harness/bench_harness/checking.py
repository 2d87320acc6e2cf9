"""Check a Rust function against its Python baseline: fixed examples first,
then hypothesis property tests whose failures are shrunk to the smallest input.

This runs inside the child process (see ``child.py``) or inside pytest; it
never lets a learner's exception escape.
"""

from __future__ import annotations

import inspect
import re
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

from .spec import FROM_BASELINE, Args, Example, Task
from .verdict import Kind, Verdict

OnCall = Callable[[str], None]

_repr = reprlib.Repr()
_repr.maxstring = 120
_repr.maxother = 120
_repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 12
_repr.maxarray = 12
_repr.maxlong = 60


def short_repr(value: Any) -> str:
    return _repr.repr(value)


def format_call(task: Task, args: Args) -> str:
    names = list(inspect.signature(task.baseline).parameters)
    parts = [f"{name}={short_repr(arg)}" for name, arg in zip(names, args, strict=False)]
    return f"{task.name}({', '.join(parts)})"


@dataclass(frozen=True)
class Outcome:
    """What a call did: returned ``value`` or raised ``error``."""

    value: Any = None
    error: BaseException | None = None
    match: str | None = None  # for an expected error: what its message must say

    def describe(self) -> str:
        if self.error is None:
            return short_repr(self.value)
        return f"raised {type(self.error).__name__}: {self.error}"


def is_panic(error: BaseException) -> bool:
    # pyo3 turns a Rust panic into pyo3_runtime.PanicException (a BaseException).
    return type(error).__name__ == "PanicException"


def same_exception(expected: BaseException, got: BaseException) -> bool:
    """``got`` is of ``expected``'s type or a subclass. A class defined twice (in
    the Python baseline and in the Rust module) is matched by name."""
    wanted = type(expected)
    return isinstance(got, wanted) or any(
        cls.__name__ == wanted.__name__ and issubclass(cls, wanted.__mro__[1])
        for cls in type(got).__mro__
    )


def _run(fn: Callable[..., Any], args: Args) -> Outcome:
    try:
        return Outcome(value=fn(*args))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - a learner's panic is a BaseException
        return Outcome(error=error)


def _expected(task: Task, example: Example) -> Outcome:
    if example.raises is not None:
        return Outcome(error=example.raises(), match=example.match)
    if example.expected is not FROM_BASELINE:
        return Outcome(value=example.expected)
    return _run(task.baseline, example.args)


def _judge(task: Task, args: Args, expected: Outcome, got: Outcome) -> Verdict | None:
    """None when ``got`` is acceptable, else the verdict for this call."""
    call = format_call(task, args)
    if got.error is not None and is_panic(got.error):
        message = str(got.error)
        if message.startswith(("not yet implemented", "not implemented")):
            return Verdict(Kind.NOT_IMPLEMENTED, task.name, "the body is still todo!()", call)
        return Verdict(
            Kind.PANIC,
            task.name,
            "the Rust code panicked",
            call,
            [("panic", message), ("expected", expected.describe())],
        )
    if expected.error is not None:
        want = f"raise {type(expected.error).__name__}"
        if expected.match:
            want += f" with a message matching {expected.match!r}"
        if got.error is None or not same_exception(expected.error, got.error):
            summary = f"expected the call to {want}"
        elif not str(got.error).strip():
            summary = "the exception has no message: say what was wrong with the input"
        elif expected.match and not re.search(expected.match, str(got.error)):
            summary = "the exception's message does not say what the chapter asks for"
        else:
            return None
        return Verdict(
            Kind.WRONG_ANSWER, task.name, summary, call,
            [("expected", want), ("got", got.describe())],
        )  # fmt: skip
    if got.error is None and task.compare(expected.value, got.value):
        return None
    return Verdict(
        Kind.WRONG_ANSWER, task.name, "the answer differs from the baseline's", call,
        [("expected", expected.describe()), ("got", got.describe())],
    )  # fmt: skip


def _signature_verdict(task: Task, fn: Callable[..., Any]) -> Verdict | None:
    text = getattr(fn, "__text_signature__", None)
    if not text:
        return None
    found = [
        part.split("=")[0].strip().lstrip("*")
        for part in text.strip("()").split(",")
        if part.strip() not in ("", "/", "*", "$module")
    ]
    wanted = list(inspect.signature(task.baseline).parameters)
    if found == wanted:
        return None
    return Verdict(
        Kind.WRONG_SIGNATURE,
        task.name,
        "the parameters differ from the chapter's",
        details=[
            ("expected", f"{task.name}({', '.join(wanted)})"),
            ("found", f"{task.name}{text}"),
        ],
    )


class _Mismatch(Exception):
    pass


def check_task(module: ModuleType, task: Task, on_call: OnCall | None = None) -> Verdict:
    """The verdict for ``task`` as implemented by ``module``."""
    fn = getattr(module, task.name, None)
    if fn is None:
        return Verdict(
            Kind.MISSING_FUNCTION,
            task.name,
            f"module {module.__name__} has no {task.name!r}",
            details=[("hint", "is it a #[pyfunction] exported from the #[pymodule]?")],
        )
    if (verdict := _signature_verdict(task, fn)) is not None:
        return verdict

    def attempt(args: Args, expected: Outcome | None = None) -> Verdict | None:
        if on_call is not None:
            on_call(format_call(task, args))
        if expected is None:
            expected = _run(task.baseline, args)
        return _judge(task, args, expected, _run(fn, args))

    for example in task.examples:
        if (verdict := attempt(example.args, _expected(task, example))) is not None:
            return verdict

    failures: list[Verdict] = []

    @settings(
        max_examples=task.max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        print_blob=False,
        # No explain phase: it re-runs variants after shrinking, and the last
        # failure seen must be the shrunk one.
        phases=[Phase.explicit, Phase.generate, Phase.target, Phase.shrink],
    )
    @given(task.strategy)
    def property_test(args: Args) -> None:
        if (verdict := attempt(args)) is not None:
            failures.append(verdict)
            raise _Mismatch

    try:
        property_test()
    except Exception:
        # Hypothesis replays the shrunk example last, so the last failure is the smallest.
        if failures:
            return failures[-1]
        raise
    return Verdict(
        Kind.PASSED, task.name, f"{len(task.examples)} examples and the property tests pass"
    )
