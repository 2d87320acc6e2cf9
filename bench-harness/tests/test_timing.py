import random
import types

from hypothesis import strategies as st

from bench_harness.spec import Bench, Task
from bench_harness.timing import bench_task, calibrate, interleaved, make_timer, ratio_interval


def test_ratio_interval_contains_the_true_ratio() -> None:
    rng = random.Random(1)
    slow = [10.0 * rng.uniform(0.9, 1.1) for _ in range(40)]
    fast = [1.0 * rng.uniform(0.9, 1.1) for _ in range(40)]
    ratio, low, high = ratio_interval(slow, fast)
    assert low <= ratio <= high
    assert low > 9.0 and high < 11.0


def test_noise_widens_the_interval() -> None:
    rng = random.Random(2)
    quiet = [1.0 * rng.uniform(0.99, 1.01) for _ in range(30)]
    noisy = [1.0 * rng.uniform(0.5, 1.5) for _ in range(30)]
    _, ql, qh = ratio_interval([2 * t for t in quiet], quiet)
    _, nl, nh = ratio_interval([2 * t for t in noisy], quiet)
    assert nh - nl > qh - ql


def test_calibration_batches_short_calls() -> None:
    number = calibrate(make_timer(abs, (-1,)))
    assert number > 1000


def test_interleaved_times_every_contender_each_round() -> None:
    timers = {"a": make_timer(abs, (-1,)), "b": make_timer(sorted, ([3, 2, 1],))}
    times, numbers = interleaved(timers, budget=0.05, min_rounds=3, max_rounds=5)
    assert set(times) == {"a", "b"}
    assert 3 <= len(times["a"]) == len(times["b"]) <= 5
    assert all(t > 0 for t in times["a"] + times["b"])
    assert numbers["a"] >= 1


class Box:
    def __init__(self, xs: list[int]) -> None:
        self.xs = xs

    def total(self) -> int:
        return sum(self.xs)


class WrongBox(Box):
    def total(self) -> int:
        return sum(self.xs) + 1


def box_task() -> Task:
    return Task(
        name="Box",
        baseline=Box,
        strategy=st.tuples(st.lists(st.integers())),
        steps=st.just([]),
        bench=Bench(
            make_input=lambda size, seed: (list(range(size)),),
            sizes=[10, 1000],
            min_speedup=None,
            setup=lambda cls, xs: (cls(xs),),
            driver=lambda cls, box: box.total(),
        ),
    )


def test_class_bench_times_the_driver_on_prepared_objects() -> None:
    result = bench_task(
        types.SimpleNamespace(Box=Box), box_task(), {"quick": True}, on_call=lambda c: None
    )
    assert result["kind"] == "bench"
    assert [s["size"] for s in result["sizes"]] == [10, 1000]
    assert set(result["sizes"][0]["times"]) == {"baseline", "rust"}


def test_class_bench_refuses_a_wrong_answer_at_scale() -> None:
    result = bench_task(
        types.SimpleNamespace(Box=WrongBox), box_task(), {"quick": True}, on_call=lambda c: None
    )
    assert result["kind"] == "wrong answer"
    assert "size 10" in result["summary"]
