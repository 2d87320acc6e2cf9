"""Chapter 01, hello: a first #[pyfunction], and what one call costs."""

from hypothesis import strategies as st

from bench_harness.spec import Bench, Chapter, Example, Task

from . import baseline, peers

I64_MIN, I64_MAX = -(2**63), 2**63 - 1
i64 = st.integers(I64_MIN, I64_MAX)

CHAPTER = Chapter(
    number=1,
    slug="hello",
    title="Hello, PyO3",
    module="hello_rs",
    minutes=40,
    tasks=[
        Task(
            name="add",
            summary="add two 64-bit integers; OverflowError when the sum does not fit",
            baseline=baseline.add,
            # Property tests stay where Python's answer fits in an i64 ...
            strategy=st.tuples(i64, i64).filter(lambda ab: I64_MIN <= ab[0] + ab[1] <= I64_MAX),
            # ... and the fixed examples pin down what happens outside that range.
            examples=[
                Example((2, 3)),
                Example((-7, 7)),
                Example((I64_MAX, 0)),
                Example((I64_MAX, 1), raises=OverflowError),
                Example((I64_MIN, -1), raises=OverflowError),
                Example((2**63, 0), raises=OverflowError),
            ],
            bench=Bench(
                make_input=lambda size, seed: (123_456_789, 987_654_321),
                sizes=[1],
                size_label="call",
                min_speedup=None,
            ),
            hints=[
                "The parameters and the result are i64. Which method of i64 adds and tells you "
                "when the answer does not fit?",
                "`a.checked_add(b)` returns an Option<i64>: None on overflow. Turn None into "
                "an error with `.ok_or_else(...)`.",
                "Return `PyResult<i64>`: `a.checked_add(b).ok_or_else(|| "
                'PyOverflowError::new_err("the sum does not fit in 64 bits"))`.',
            ],
        ),
        Task(
            name="count_primes",
            summary="how many primes are <= n, with the sieve of Eratosthenes",
            baseline=baseline.count_primes,
            strategy=st.tuples(st.integers(0, 5000)),
            examples=[Example((n,)) for n in (0, 1, 2, 3, 10, 100)]
            + [Example((1_000_000,), expected=78_498)],
            bench=Bench(
                make_input=lambda size, seed: (size,),
                sizes=[10_000, 1_000_000],
                min_speedup=20.0,
                peers={"sieve with slices": peers.sieve_slices},
                # The three-way split: benches/core.rs calls count_primes at the largest n.
                criterion="count_primes/rust",
            ),
            hints=[
                "Make a `vec![true; n + 1]`, mark 0 and 1 as not prime, then for each i with "
                "i * i <= n that is still marked prime, mark its multiples from i * i.",
                "`(i * i..=n).step_by(i)` walks the multiples. Guard n < 2 first: `n + 1` "
                "slots are needed and indices 0 and 1 must exist.",
                "Count what is left with `is_prime.iter().filter(|&&p| p).count()`.",
            ],
        ),
    ],
)
