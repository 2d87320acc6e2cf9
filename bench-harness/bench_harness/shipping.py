"""Checks of what a module ships rather than of what it computes (chapter 13).

A task made by ``signatures_task`` compares how Python sees every function task
of the chapter (parameters, kinds, defaults, ``__doc__``) with the baseline.
A task made by ``wheel_task`` builds the crate into a wheel with maturin,
installs it into a fresh virtual environment without the network, imports it
there, looks for the stubs and ``py.typed`` in the wheel, and runs mypy's
stubtest against the installed module. Both run in the child process like any
check (``child.py``); the wheel's learner code runs in subprocesses of it.
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from .build import cargo_env
from .spec import Chapter, Task
from .verdict import Kind, Verdict

SIGNATURES = "signatures"
WHEEL = "wheel"
# The longest output a verdict carries, from each tool.
OUTPUT_CHARS = 6000
# One step (the build, the install, the import, stubtest) may take this long.
STEP_SECONDS = 240.0


def _not_compared(*args: Any) -> None:
    """A shipping task has no baseline: its check looks at the module itself."""


def _task(name: str, check: str, summary: str, hints: Sequence[str]) -> Task:
    return Task(
        name=name,
        baseline=_not_compared,
        strategy=st.just(()),
        summary=summary,
        hints=hints,
        shipping=check,
    )


def signatures_task(name: str, summary: str, hints: Sequence[str] = ()) -> Task:
    """A task that passes when every function task's Rust function has the
    baseline's signature (names, kinds, defaults) and a docstring, and the
    module has a docstring."""
    return _task(name, SIGNATURES, summary, hints)


def wheel_task(name: str, summary: str, hints: Sequence[str] = ()) -> Task:
    """A task that passes when the crate ships: see the module's docstring."""
    return _task(name, WHEEL, summary, hints)


def check(chapter: Chapter, task: Task, module: ModuleType, crate: Path | None) -> Verdict:
    """The verdict of a shipping task; never raises for a learner's mistake."""
    if task.shipping == SIGNATURES:
        return check_signatures(chapter, task, module)
    if task.shipping == WHEEL and crate is not None:
        return check_wheel(chapter, task, crate)
    return Verdict(Kind.HARNESS_ERROR, task.name, f"no shipping check {task.shipping!r} here")


# ------------------------------------------------------------- signatures --


def _parameters(fn: Any) -> list[tuple[str, inspect._ParameterKind, Any]] | None:
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # a builtin without __text_signature__
        return None
    return [(p.name, p.kind, p.default) for p in signature.parameters.values()]


def _render(name: str, fn: Any) -> str:
    """``name(a, b='-')`` as help() shows it, without annotations."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return f"{name}(...)  (no signature Python can read)"
    empty = inspect.Parameter.empty
    bare = signature.replace(
        parameters=[p.replace(annotation=empty) for p in signature.parameters.values()],
        return_annotation=empty,
    )
    return f"{name}{bare}"


def check_signatures(chapter: Chapter, task: Task, module: ModuleType) -> Verdict:
    if not (module.__doc__ or "").strip():
        return Verdict(
            Kind.WRONG_ANSWER,
            task.name,
            f"module {chapter.module} has no docstring",
            details=[("hint", "a /// comment above the #[pymodule] becomes its __doc__")],
        )
    for other in chapter.tasks:
        if other.shipping or other.steps is not None:
            continue
        fn = getattr(module, other.name, None)
        if fn is None:
            return Verdict(
                Kind.MISSING_FUNCTION, task.name, f"module {chapter.module} has no {other.name!r}"
            )
        wanted, found = _parameters(other.baseline), _parameters(fn)
        rows = [
            ("expected", _render(other.name, other.baseline)),
            ("found", _render(other.name, fn)),
        ]
        if found != wanted:
            assert wanted is not None
            no_defaults = all(default is inspect.Parameter.empty for *_, default in found or [])
            if any(default is not inspect.Parameter.empty for *_, default in wanted) and (
                no_defaults
            ):
                return Verdict(
                    Kind.NOT_IMPLEMENTED,
                    task.name,
                    f"{other.name} has no defaults yet: give it #[pyo3(signature = (...))]",
                    details=rows,
                )
            return Verdict(
                Kind.WRONG_SIGNATURE,
                task.name,
                f"Python sees {other.name} with other parameters than the chapter's",
                details=rows,
            )
        if not (fn.__doc__ or "").strip():
            return Verdict(
                Kind.WRONG_ANSWER,
                task.name,
                f"{other.name} has no docstring",
                details=[("hint", "a /// comment above #[pyfunction] becomes its __doc__")],
            )
    return Verdict(
        Kind.PASSED, task.name, "help() shows every function's parameters, defaults and docs"
    )


# ------------------------------------------------------------------ wheel --


class _StepFailed(Exception):
    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.summary)
        self.verdict = verdict


def _tail(text: str) -> str:
    text = text.strip()
    return text if len(text) <= OUTPUT_CHARS else "...\n" + text[-OUTPUT_CHARS:]


def _run(
    task: Task, what: str, cmd: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=STEP_SECONDS,
        )
    except subprocess.TimeoutExpired as error:
        raise _StepFailed(
            Verdict(Kind.TIMEOUT, task.name, f"{what} took more than {STEP_SECONDS:g} s")
        ) from error
    except OSError as error:  # maturin missing, say
        raise _StepFailed(
            Verdict(Kind.HARNESS_ERROR, task.name, f"cannot run {what}: {error}")
        ) from error


def cargo_errors(output: str) -> str:
    """The compiler's messages in maturin's output: from the first error on."""
    lines = output.splitlines()
    first = next(
        (i for i, line in enumerate(lines) if re.match(r"(error|warning)(\[\w+\])?:", line)),
        None,
    )
    return _tail("\n".join(lines[first:] if first is not None else lines))


def build_wheel(task: Task, crate: Path, out: Path) -> Path:
    """``maturin build --release`` into ``out``; the wheel's path."""
    crate = crate.resolve()
    env = cargo_env()
    env["CARGO_TERM_COLOR"] = "never"
    maturin = Path(sys.executable).with_name("maturin")
    cmd = [
        str(maturin) if maturin.exists() else shutil.which("maturin") or "maturin",
        "build",
        "--release",
        # The interpreter pyo3 was built for (.cargo/config.toml): no rebuild of pyo3.
        "--interpreter",
        env["PYO3_PYTHON"],
        "--manifest-path",
        str(crate / "Cargo.toml"),
        "--out",
        str(out),
    ]
    proc = _run(task, "maturin build", cmd, crate, env)
    wheels = sorted(out.glob("*.whl"))
    if proc.returncode != 0 or not wheels:
        output = proc.stderr + proc.stdout
        compiled = "could not compile" in output or "error[" in output
        raise _StepFailed(
            Verdict(
                Kind.COMPILE_ERROR if compiled else Kind.WRONG_ANSWER,
                task.name,
                "cargo could not build the crate"
                if compiled
                else "maturin could not build a wheel (read its message)",
                details=[("maturin", cargo_errors(output))],
            )
        )
    return wheels[-1]


def check_contents(task: Task, wheel: Path, module: str) -> None:
    """The wheel carries the stubs and py.typed of ``module``."""
    names = set(zipfile.ZipFile(wheel).namelist())
    listing = ("wheel", "\n".join(sorted(names)))
    if f"{module}/__init__.pyi" not in names and f"{module}.pyi" not in names:
        raise _StepFailed(
            Verdict(
                Kind.NOT_IMPLEMENTED,
                task.name,
                f"the wheel has no type stubs: write {module}.pyi next to Cargo.toml",
                details=[listing],
            )
        )
    if f"{module}/py.typed" not in names:
        raise _StepFailed(
            Verdict(
                Kind.WRONG_ANSWER,
                task.name,
                f"the wheel has no {module}/py.typed: type checkers will ignore its stubs",
                details=[listing],
            )
        )


def install(task: Task, wheel: Path, work: Path, module: str) -> Path:
    """A fresh venv with only the wheel in it (no index, no dependencies), where
    ``module`` imports; the venv's site-packages."""
    venv = work / "venv"
    proc = _run(
        task, "python -m venv", [sys.executable, "-m", "venv", "--without-pip", str(venv)], work
    )
    python = venv / "bin" / "python"
    if proc.returncode != 0 or not python.exists():
        raise _StepFailed(
            Verdict(
                Kind.HARNESS_ERROR,
                task.name,
                "cannot create a venv",
                details=[("venv", _tail(proc.stderr))],
            )
        )
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install"]
    pip += ["--no-index", "--no-deps", "--disable-pip-version-check", "--quiet", str(wheel)]
    proc = _run(task, "pip install", pip, work)
    if proc.returncode != 0:
        raise _StepFailed(
            Verdict(
                Kind.WRONG_ANSWER,
                task.name,
                "the wheel does not install into a fresh venv",
                details=[("pip", _tail(proc.stdout + proc.stderr))],
            )
        )
    # -I: neither the current folder nor PYTHONPATH may supply the module.
    probe = f"import sysconfig, {module}; print(sysconfig.get_path('purelib'))"
    proc = _run(task, f"import {module}", [str(python), "-I", "-c", probe], work)
    if proc.returncode != 0:
        raise _StepFailed(
            Verdict(
                Kind.LOAD_ERROR,
                task.name,
                f"the installed wheel does not import: import {module} fails in a fresh venv",
                details=[("python", _tail(proc.stdout + proc.stderr))],
            )
        )
    return Path(proc.stdout.strip().splitlines()[-1])


def stubtest(task: Task, module: str, site_packages: Path, work: Path) -> None:
    """mypy's stubtest on the installed module and its installed stubs."""
    # maturin's layout for a Rust-only crate: a package whose __init__.py
    # re-exports the extension module of the same name, which has no stubs of
    # its own. The package's stubs are the ones that count.
    allowlist = work / "allowlist.txt"
    allowlist.write_text(f"{module}\\.{module}\n")
    cmd = [sys.executable, "-m", "mypy.stubtest", module, "--allowlist", str(allowlist)]
    cmd += ["--ignore-unused-allowlist"]
    env = {**os.environ, "PYTHONPATH": str(site_packages)}
    env.pop("MYPYPATH", None)
    proc = _run(task, "stubtest", cmd, work, env)
    if proc.returncode == 0:
        return
    # Paths in the temporary folder say nothing to the reader.
    output = _tail(proc.stdout + proc.stderr).replace(f"{site_packages}/", "")
    if "No module named mypy" in output:
        raise _StepFailed(
            Verdict(
                Kind.HARNESS_ERROR,
                task.name,
                "mypy is not installed in the workbook's .venv (pip install mypy)",
            )
        )
    errors = re.findall(r"^error: (\S+) (.*)$", output, flags=re.MULTILINE)
    missing = [name for name, what in errors if what == "is not present in stub"]
    # __all__ lacking names, and only lacking some: a stub not finished yet.
    if "Names exported in the stub but not at runtime: []" in output:
        missing += [name for name, what in errors if what.startswith("names exported from")]
    if errors and len(missing) == len(errors):
        raise _StepFailed(
            Verdict(
                Kind.NOT_IMPLEMENTED,
                task.name,
                f"the stubs lack {', '.join(missing)} (stubtest)",
                details=[("stubtest", output)],
            )
        )
    raise _StepFailed(
        Verdict(
            Kind.WRONG_ANSWER,
            task.name,
            "the stubs do not match the module (stubtest)",
            details=[("stubtest", output)],
        )
    )


def check_wheel(chapter: Chapter, task: Task, crate: Path) -> Verdict:
    with tempfile.TemporaryDirectory(prefix="workbook-ship-") as tmp:
        work = Path(tmp)
        try:
            wheel = build_wheel(task, crate, work / "wheels")
            check_contents(task, wheel, chapter.module)
            site_packages = install(task, wheel, work, chapter.module)
            stubtest(task, chapter.module, site_packages, work)
        except _StepFailed as failed:
            return failed.verdict
    return Verdict(
        Kind.PASSED,
        task.name,
        f"{wheel.name} installs in a fresh venv, with py.typed and stubs that stubtest accepts",
    )
