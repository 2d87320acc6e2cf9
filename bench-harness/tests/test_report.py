from typing import Any

from bench_harness import report


def entry(task: str, size: int, contender: str, median: float, **rust: Any) -> dict[str, Any]:
    info = {"task": task, "size": size, "contender": contender, **rust}
    return {"extra_info": info, "stats": {"median": median}}


def document(speedup: float, vs_peer: float, floor: float | None) -> dict[str, Any]:
    rust = {
        "speedup": speedup,
        "speedup_ci95": [speedup * 0.9, speedup * 1.1],
        "min_speedup": floor,
        "peer_floors": {"Counter": 1.5},
        "peer_speedups": {"Counter": [vs_peer, vs_peer, vs_peer]},
    }
    return {
        "benchmarks": [
            entry("s.count", size, name, t, **(rust if name == "rust" else {}))
            for size in (10, 1000)
            for name, t in (("baseline", speedup), ("rust", 1.0), ("Counter", vs_peer))
        ]
    }


def test_floors_are_judged_at_the_largest_size_only() -> None:
    small, large = report.rows_from_run(document(5.0, 2.0, floor=4.0))
    assert (small.size, small.verdict, small.ok) == ("10", "", True)
    assert (large.size, large.verdict, large.ok) == ("1,000", "✓ 4×, ✓ 1.5× vs Counter", True)


def test_a_missed_floor_fails_the_row() -> None:
    rows = report.rows_from_run(document(3.0, 2.0, floor=4.0))
    assert not rows[-1].ok and rows[-1].verdict.startswith("✗ 4×")


def test_a_missed_peer_floor_fails_the_row() -> None:
    rows = report.rows_from_run(document(5.0, 1.2, floor=4.0))
    assert not rows[-1].ok and "✗ 1.5× vs Counter" in rows[-1].verdict


def test_an_expected_loss_is_not_a_failure() -> None:
    rows = report.rows_from_run(document(0.8, 2.0, floor=None))
    assert rows[-1].ok and rows[-1].verdict.startswith("loss expected")
    assert "loss expected" in report.markdown({**document(0.8, 2.0, None), **META})


META = {
    "machine_info": {
        "cpu": {"brand_raw": "Test CPU"},
        "cpu_count": 2,
        "system": "Linux",
        "release": "6",
        "python_implementation": "CPython",
        "python_version": "3.11",
    },
    "commit_info": {"id": "abc"},
    "datetime": "2026-11-25T00:00:00",
}
