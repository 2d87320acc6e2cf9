from pathlib import Path

import pytest

from bench_harness import course, stubs

SOLUTION = """//! Doc.

use std::collections::HashMap;

/// Kept.
pub fn f(x: u32) -> u32 {
    // BEGIN SOLUTION
    let y = x + 1;
    y * 2
    // END SOLUTION
}
"""


def test_regions_become_todo_and_the_rest_is_kept() -> None:
    out = stubs.strip_solutions(SOLUTION)
    assert "    todo!()\n" in out
    assert "let y" not in out and "BEGIN" not in out
    assert "/// Kept.\npub fn f(x: u32) -> u32 {" in out


@pytest.mark.parametrize(
    "broken",
    ["// BEGIN SOLUTION\nx\n", "x\n// END SOLUTION\n", "// BEGIN SOLUTION\n// BEGIN SOLUTION\n"],
)
def test_unbalanced_markers_are_errors(broken: str) -> None:
    with pytest.raises(stubs.StubError):
        stubs.strip_solutions(broken)


def test_generated_crate_renames_the_package_and_allows_unused(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "demo-solution"\n')
    (tmp_path / "src" / "lib.rs").write_text(SOLUTION)
    files = stubs.exercise_files(tmp_path)
    assert files["Cargo.toml"] == '[package]\nname = "demo-exercise"\n'
    assert files["src/lib.rs"].startswith("//! Doc.\n\n// Until the todo!()s")


def test_drift_is_reported(tmp_path: Path) -> None:
    solution, exercise = tmp_path / "sol", tmp_path / "ex"
    (solution / "src").mkdir(parents=True)
    (solution / "Cargo.toml").write_text('[package]\nname = "demo-solution"\n')
    (solution / "src" / "lib.rs").write_text(SOLUTION)
    assert stubs.write_exercise(solution, exercise) == ["Cargo.toml", "src/lib.rs"]
    assert stubs.out_of_sync(solution, exercise) == []
    (exercise / "src" / "lib.rs").write_text("// edited\n")
    (exercise / "src" / "extra.rs").write_text("")
    assert stubs.out_of_sync(solution, exercise) == [
        "src/lib.rs",
        "src/extra.rs (not in the solution)",
    ]


@pytest.mark.parametrize("chapter", course.chapters(), ids=lambda ch: ch.folder)
def test_checked_in_exercises_match_their_solutions(chapter: course.Chapter) -> None:
    assert stubs.out_of_sync(course.solution_dir(chapter), course.exercise_dir(chapter)) == []


def test_reset_backs_up_then_restores(tmp_path: Path) -> None:
    solution, exercise, backups = tmp_path / "sol", tmp_path / "ex", tmp_path / "backups"
    (solution / "src").mkdir(parents=True)
    (solution / "Cargo.toml").write_text('[package]\nname = "demo-solution"\n')
    (solution / "src" / "lib.rs").write_text(SOLUTION)
    stubs.write_exercise(solution, exercise)
    assert stubs.backup_and_restore(solution, exercise, backups) is None  # nothing to keep
    (exercise / "src" / "lib.rs").write_text("// my work\n")
    backup = stubs.backup_and_restore(solution, exercise, backups)
    assert backup is not None
    assert (backup / "src" / "lib.rs").read_text() == "// my work\n"
    assert stubs.out_of_sync(solution, exercise) == []


def test_a_type_stub_region_becomes_a_todo_line(tmp_path: Path) -> None:
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "demo-solution"\n')
    (tmp_path / "demo.pyi").write_text(
        "__version__: str\n\n# BEGIN SOLUTION: f and g.\ndef f() -> None: ...\n# END SOLUTION\n"
    )
    files = stubs.exercise_files(tmp_path)
    assert files["demo.pyi"] == "__version__: str\n\n# TODO: f and g.\n"
    with pytest.raises(stubs.StubError, match="never closed"):
        stubs.strip_solutions("# BEGIN SOLUTION\ndef f() -> None: ...\n", comment="#")


def test_reset_restores_the_type_stub_too(tmp_path: Path) -> None:
    solution, exercise = tmp_path / "sol", tmp_path / "ex"
    solution.mkdir()
    (solution / "Cargo.toml").write_text('[package]\nname = "demo-solution"\n')
    (solution / "demo.pyi").write_text(
        "# BEGIN SOLUTION: f.\ndef f() -> None: ...\n# END SOLUTION\n"
    )
    stubs.write_exercise(solution, exercise)
    (exercise / "demo.pyi").write_text("def f() -> int: ...\n")
    backup = stubs.backup_and_restore(solution, exercise, tmp_path / "backups")
    assert backup is not None and (backup / "demo.pyi").read_text() == "def f() -> int: ...\n"
    assert (exercise / "demo.pyi").read_text() == "# TODO: f.\n"
