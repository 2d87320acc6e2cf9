"""Check a Rust function against its Python baseline: fixed examples first,
then hypothesis property tests whose failures are shrunk to the smallest input.

This runs inside the child process (see ``child.py``) or inside pytest; it
never lets a learner's exception escape.
"""

from __future__ import annotations

import inspect
import re
import reprlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .spec import FROM_BASELINE, Args, Call, Compare, Example, Make, Task
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


def _run(task: Task, fn: Callable[..., Any], args: Args) -> Outcome:
    """Call ``fn``; its result is normalized at once, before later steps can change it."""
    try:
        return Outcome(value=task.normalize(fn(*args)))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - a learner's panic is a BaseException
        return Outcome(error=error)


def _expected(task: Task, example: Example) -> Outcome:
    if example.raises is not None:
        # Only the type is compared; __new__ makes one even of a type whose
        # constructor needs arguments (UnicodeDecodeError takes five).
        return Outcome(error=example.raises.__new__(example.raises), match=example.match)
    if example.expected is not FROM_BASELINE:
        return Outcome(value=example.expected)
    return _run(task, task.baseline, example.args)


def _judge(
    task: Task, call: str, expected: Outcome, got: Outcome, compare: Compare | None = None
) -> Verdict | None:
    """None when ``got`` is acceptable, else the verdict for ``call``."""
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
        elif not str(got.error).strip() and not isinstance(got.error, StopIteration):
            # StopIteration ends an iterator and by convention says nothing.
            summary = "the exception has no message: say what was wrong with the input"
        elif expected.match and not re.search(expected.match, str(got.error)):
            summary = "the exception's message does not say what the chapter asks for"
        else:
            return None
        return Verdict(
            Kind.WRONG_ANSWER, task.name, summary, call,
            [("expected", want), ("got", got.describe())],
        )  # fmt: skip
    if got.error is None and (compare or task.compare)(expected.value, got.value):
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


def _describe_arg(task: Task, arg: Any) -> str:
    if isinstance(arg, Make):
        return f"{task.name}({', '.join(short_repr(a) for a in arg.args)})"
    return short_repr(arg)


def format_step(task: Task, step: Call) -> str:
    args = ", ".join(_describe_arg(task, a) for a in step.args or ())
    if callable(step.method):
        name = step.label or getattr(step.method, "__name__", "check")
        return f"{name}(x{', ' + args if args else ''})"
    return f"x.{step.method}" if step.args is None else f"x.{step.method}({args})"


def format_script(task: Task, args: Args, steps: Sequence[Call]) -> str:
    """A scenario as the Python a learner can paste to replay it."""
    lines = [f"x = {format_call(task, args)}"]
    lines += [format_step(task, step) for step in steps]
    return "\n".join(lines)


def run_scenario(
    impl: Callable[..., Any], args: Args, steps: Sequence[Call], log: OnCall, task: Task
) -> list[Outcome]:
    """The outcome of constructing the object, then of each step in turn."""
    try:
        obj = impl(*args)
        outcomes = [Outcome(value=task.normalize(obj))]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - as in _run
        return [Outcome(error=error)]
    for number, step in enumerate(steps, start=1):
        log(format_script(task, args, steps[:number]))
        outcomes.append(_run(task, _do_step, (impl, obj, step)))
    return outcomes


def _do_step(impl: Callable[..., Any], obj: Any, step: Call) -> Any:
    args = [impl(*a.args) if isinstance(a, Make) else a for a in step.args or ()]
    if callable(step.method):
        return step.method(obj, *args)
    if step.args is None:
        return getattr(obj, step.method)
    return getattr(obj, step.method)(*args)


def _pins_outcome(task: Task, example: Example) -> bool:
    """Whether the example itself says what the call (for a class task: the
    construction) must give; otherwise the baseline is asked."""
    return task.steps is None or example.raises is not None


def _attempt_scenario(
    task: Task,
    impl: Callable[..., Any],
    args: Args,
    steps: Sequence[Call],
    log: OnCall,
    construction: Outcome | None = None,
) -> Verdict | None:
    if construction is not None:  # an example that pins what constructing gives
        expected = [construction]
        steps = ()
    else:
        expected = run_scenario(task.baseline, args, steps, _ignore, task)
    got = run_scenario(impl, args, steps, log, task)
    compares = [None, *(step.compare for step in steps)]
    for number, (want, have) in enumerate(zip(expected, got, strict=False)):
        script = format_script(task, args, steps[:number])
        verdict = _judge(task, script, want, have, compares[number])
        if verdict is not None:
            return verdict
    return None


def _ignore(call: str) -> None:
    """The baseline's steps need no log: Python code cannot crash the child."""


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
            details=[
                ("hint", "is it a #[pyfunction] or #[pyclass] exported from the #[pymodule]?")
            ],
        )
    if (verdict := _signature_verdict(task, fn)) is not None:
        return verdict

    log = on_call or _ignore

    def attempt(
        args: Args, steps: Sequence[Call], expected: Outcome | None = None
    ) -> Verdict | None:
        if task.steps is not None:
            return _attempt_scenario(task, fn, args, steps, log, expected)
        log(format_call(task, args))
        if expected is None:
            expected = _run(task, task.baseline, args)
        return _judge(task, format_call(task, args), expected, _run(task, fn, args))

    for example in task.examples:
        expected = _expected(task, example) if _pins_outcome(task, example) else None
        if (verdict := attempt(example.args, example.steps, expected)) is not None:
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
    @given(task.strategy, task.steps if task.steps is not None else st.just(()))
    def property_test(args: Args, steps: Sequence[Call]) -> None:
        if (verdict := attempt(args, steps)) is not None:
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
