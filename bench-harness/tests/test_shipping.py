"""The shipping checks (chapter 13): signatures as Python sees them, and the
wheel (maturin build, fresh venv, py.typed, stubtest). One real build of the
chapter's solution; the failures are made by doctoring what it installed."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from bench_harness import course, shipping, stubs
from bench_harness.spec import Chapter, Task
from bench_harness.verdict import Kind, Verdict

SHIP = shipping.wheel_task("ship", "ships")
MODULE = "packaging_rs"


def step_verdict(call: object, *args: object) -> Verdict | None:
    """The verdict a step raises, or None when it passes."""
    assert callable(call)
    try:
        call(*args)
    except shipping._StepFailed as failed:
        return failed.verdict
    return None


# ------------------------------------------------------------- signatures --


def slugify(text: str, sep: str = "-", max_len: int | None = None) -> str:
    """Baseline."""
    return text


def chapter_with(fn_doc: str | None = "Doc.") -> tuple[Chapter, Task]:
    sig = shipping.signatures_task("signatures", "s")
    function = Task(name="slugify", baseline=slugify, strategy=SHIP.strategy)
    chapter = Chapter(1, "demo", "Demo", MODULE, tasks=[function, sig, SHIP])
    return chapter, sig


def module_with(fn: object, doc: str | None = "Module doc.") -> ModuleType:
    module = ModuleType(MODULE, doc)
    module.slugify = fn  # type: ignore[attr-defined]
    return module


def test_matching_signatures_and_docs_pass() -> None:
    def rust(text: str, sep: str = "-", max_len: int | None = None) -> str:
        """Doc."""
        return text

    chapter, sig = chapter_with()
    assert shipping.check_signatures(chapter, sig, module_with(rust)).passed


def test_no_defaults_is_not_implemented_and_shows_both_signatures() -> None:
    def rust(text: str, sep: str, max_len: int | None) -> str:
        """Doc."""
        return text

    chapter, sig = chapter_with()
    verdict = shipping.check_signatures(chapter, sig, module_with(rust))
    assert verdict.kind is Kind.NOT_IMPLEMENTED
    assert dict(verdict.details) == {
        "expected": "slugify(text, sep='-', max_len=None)",
        "found": "slugify(text, sep, max_len)",
    }


@pytest.mark.parametrize(
    "source",
    [
        "def rust(text, sep='_', max_len=None): 'Doc.'",  # another default
        "def rust(text, sep='-', *, max_len=None): 'Doc.'",  # keyword-only
        "def rust(text, separator='-', max_len=None): 'Doc.'",  # another name
        "def rust(text, sep='-'): 'Doc.'",  # a parameter short
    ],
)
def test_other_signatures_are_wrong(source: str) -> None:
    namespace: dict[str, object] = {}
    exec(source, namespace)
    chapter, sig = chapter_with()
    verdict = shipping.check_signatures(chapter, sig, module_with(namespace["rust"]))
    assert verdict.kind is Kind.WRONG_SIGNATURE, verdict.as_text()


def test_docstrings_are_required() -> None:
    def rust(text: str, sep: str = "-", max_len: int | None = None) -> str:
        return text

    chapter, sig = chapter_with()
    verdict = shipping.check_signatures(chapter, sig, module_with(rust))
    assert verdict.kind is Kind.WRONG_ANSWER and "slugify has no docstring" in verdict.summary
    rust.__doc__ = "Doc."
    verdict = shipping.check_signatures(chapter, sig, module_with(rust, doc=None))
    assert verdict.kind is Kind.WRONG_ANSWER and "no docstring" in verdict.summary
    missing = shipping.check_signatures(chapter, sig, ModuleType(MODULE, "Doc."))
    assert missing.kind is Kind.MISSING_FUNCTION


def test_solution_only_regions_leave_nothing_in_the_exercise() -> None:
    source = (
        "#[pyfunction]\n// BEGIN SOLUTION ONLY\n#[pyo3(signature = (a = 1))]\n"
        "// END SOLUTION ONLY\nfn f(a: u32) -> u32 {\n    // BEGIN SOLUTION\n    a\n"
        "    // END SOLUTION\n}\n"
    )
    assert stubs.strip_solutions(source) == "#[pyfunction]\nfn f(a: u32) -> u32 {\n    todo!()\n}\n"
    with pytest.raises(stubs.StubError):
        stubs.strip_solutions("// BEGIN SOLUTION ONLY\nx\n// END SOLUTION\n")


# ------------------------------------------------------------------ wheel --


def test_compiler_messages_are_cut_from_the_first_error() -> None:
    output = "🐍 Found CPython\n   Compiling x\nerror[E0308]: mismatched types\n --> src/lib.rs:3\n"
    assert shipping.cargo_errors(output).startswith("error[E0308]: mismatched types")


def make_wheel(path: Path, names: list[str]) -> Path:
    with zipfile.ZipFile(path, "w") as wheel:
        for name in names:
            wheel.writestr(name, "")
    return path


def test_a_wheel_needs_stubs_and_py_typed(tmp_path: Path) -> None:
    so = f"{MODULE}/{MODULE}.cpython-311-x86_64-linux-gnu.so"
    bare = make_wheel(tmp_path / "a.whl", [so])
    verdict = step_verdict(shipping.check_contents, SHIP, bare, MODULE)
    assert verdict is not None and verdict.kind is Kind.NOT_IMPLEMENTED
    untyped = make_wheel(tmp_path / "b.whl", [so, f"{MODULE}/__init__.pyi"])
    verdict = step_verdict(shipping.check_contents, SHIP, untyped, MODULE)
    assert verdict is not None and "py.typed" in verdict.summary
    typed = make_wheel(tmp_path / "c.whl", [so, f"{MODULE}/__init__.pyi", f"{MODULE}/py.typed"])
    assert step_verdict(shipping.check_contents, SHIP, typed, MODULE) is None


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The solution's wheel, built by maturin and installed into a fresh venv:
    (wheel, site-packages)."""
    (ref, *_) = course.resolve("packaging")
    work = tmp_path_factory.mktemp("ship")
    wheel = shipping.build_wheel(SHIP, course.solution_dir(ref.chapter), work / "wheels")
    return wheel, shipping.install(SHIP, wheel, work, MODULE)


def test_the_solution_ships(installed: tuple[Path, Path], tmp_path: Path) -> None:
    wheel, site_packages = installed
    assert step_verdict(shipping.check_contents, SHIP, wheel, MODULE) is None
    assert step_verdict(shipping.stubtest, SHIP, MODULE, site_packages, tmp_path) is None


def doctored(site_packages: Path, tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the installed package whose stubs have ``old`` replaced by ``new``."""
    copy = tmp_path / "site-packages"
    shutil.copytree(site_packages / MODULE, copy / MODULE)
    stub = copy / MODULE / "__init__.pyi"
    text = stub.read_text()
    assert old in text
    stub.write_text(text.replace(old, new))
    return copy


def test_a_wrong_default_in_the_stubs_fails_stubtest(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    copy = doctored(installed[1], tmp_path, 'sep: str = "-"', 'sep: str = "_"')
    verdict = step_verdict(shipping.stubtest, SHIP, MODULE, copy, tmp_path)
    assert verdict is not None and verdict.kind is Kind.WRONG_ANSWER
    assert f"{MODULE}.slugify" in dict(verdict.details)["stubtest"]
    assert str(copy) not in dict(verdict.details)["stubtest"]  # no temporary paths


def test_names_missing_from_the_stubs_are_not_implemented(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    copy = doctored(installed[1], tmp_path, ', "truncate"]', "]")
    stub = copy / MODULE / "__init__.pyi"
    stub.write_text(stub.read_text().split("def truncate")[0])  # truncate is gone
    verdict = step_verdict(shipping.stubtest, SHIP, MODULE, copy, tmp_path)
    assert verdict is not None and verdict.kind is Kind.NOT_IMPLEMENTED
    assert f"{MODULE}.truncate" in verdict.summary


def test_without_py_typed_mypy_ignores_the_stubs(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    copy = doctored(installed[1], tmp_path, "", "")
    (copy / MODULE / "py.typed").unlink()
    verdict = step_verdict(shipping.stubtest, SHIP, MODULE, copy, tmp_path)
    assert verdict is not None and verdict.kind is Kind.WRONG_ANSWER
