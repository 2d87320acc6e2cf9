import random

from bench_harness.timing import calibrate, interleaved, make_timer, ratio_interval


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
