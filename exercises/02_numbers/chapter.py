"""Chapter 02, numbers: integer widths, overflow, casts, f64 and NaN."""

import math
import random
import statistics

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Chapter, Example, Task, approx

from . import baseline, peers

nan, inf = math.nan, math.inf

# mean_std is checked on finite floats of moderate size, no subnormals, at most 50 of
# them: there a plain two-pass sum in f64 stays within TOLERANCE of statistics' exact
# answer (see the chapter page). Half the lists are values scattered over the range;
# half sit close to one value far from zero, where a one-pass formula loses its digits.
finite = st.floats(-1e6, 1e6, allow_subnormal=False)
near_one = st.floats(-1.0, 1.0, allow_subnormal=False)


def clustered(base: float, offsets: list[float]) -> list[float]:
    return [base + offset for offset in offsets]


samples = st.one_of(
    st.lists(finite, max_size=50),
    st.builds(
        clustered,
        st.floats(-999_999.0, 999_999.0, allow_subnormal=False),
        st.lists(near_one, max_size=50),
    ),
)
# Relative 1e-9, or absolute 1e-8: the most a two-pass sum of 50 values of at most 1e6
# can drift by rounding is about 50 * 2**-53 * 1e6, some 5.5e-9.
TOLERANCE = approx(rel=1e-9, abs_=1e-8)


def measurements(size: int, seed: int) -> Args:
    """Readings as a program usually holds them: around 100, spread 15."""
    rng = random.Random(seed)
    return ([rng.gauss(100.0, 15.0) for _ in range(size)],)


CHAPTER = Chapter(
    number=2,
    slug="numbers",
    title="Numbers: widths, overflow and NaN",
    module="numbers_rs",
    minutes=50,
    tasks=[
        Task(
            name="collatz_longest",
            summary="the start below limit with the longest Collatz sequence, in u64 with "
            "checked arithmetic",
            baseline=baseline.collatz_longest,
            strategy=st.tuples(st.integers(-3, 5000)),
            examples=[
                Example((1,), raises=ValueError, match="at least 2"),
                Example((0,), raises=ValueError, match="at least 2"),
                Example((-7,), raises=ValueError, match="at least 2"),
                Example((2,), expected=(1, 1)),
                Example((3,), expected=(2, 2)),
                Example((4,), expected=(3, 8)),
                Example((10,), expected=(9, 20)),
                # Ties: 18 and 19 both have 21 terms, 54 and 55 both 113.
                Example((20,), expected=(18, 21)),
                Example((56,), expected=(54, 113)),
                # Below 113_383 every term fits in an i32; 113_383 reaches 2_482_111_348.
                Example((113_383,), expected=(106_239, 354)),
                Example((113_384,), expected=(106_239, 354)),
                # 159_487 reaches 17_202_377_752: more than a u32 holds.
                Example((159_488,), expected=(156_159, 383)),
                Example((1_000_000,), expected=(837_799, 525)),
            ],
            bench=Bench(
                make_input=lambda size, seed: (size,),
                sizes=[10_000, 300_000],
                size_label="limit",
                min_speedup=20.0,
                peers=peers.COLLATZ_LONGEST,
                # The three-way split: benches/core.rs times collatz_length below the
                # largest limit. (mean_std has no Rust core apart from its #[pyfunction].)
                criterion="collatz_longest/rust",
            ),
            hints=[
                "Write `collatz_length(n)` first, in `u64`: the terms outgrow 32 bits from "
                "n = 113_383 on. `x.checked_mul(3)` and `.checked_add(1)` return None on "
                "overflow, and `?` passes that None on out of a function returning Option.",
                "`limit` is an i64 so that a negative limit reaches your code: "
                "`u64::try_from(limit)` fails for negatives. Raise "
                '`PyValueError::new_err("limit must be at least 2")` when it fails or is below '
                "2, and turn a None from collatz_length into a PyOverflowError.",
                "Start from `let mut best = (1, 1);` and loop `for n in 2..limit`, replacing "
                "best only when `length > best.1`: strictly longer, so a tie keeps the smaller "
                "n. In collatz_length, `while x != 1 { x = if x % 2 == 0 { x / 2 } else { "
                "x.checked_mul(3)?.checked_add(1)? }; length += 1; }`.",
            ],
        ),
        Task(
            name="mean_std",
            summary="mean and sample standard deviation in f64, like statistics.mean and "
            "statistics.stdev",
            baseline=baseline.mean_std,
            strategy=st.tuples(samples),
            compare=TOLERANCE,
            examples=[
                Example(([],), raises=statistics.StatisticsError, match="at least two"),
                Example(([1.5],), raises=statistics.StatisticsError, match="at least two"),
                Example(([1.0, 2.0],)),
                Example(([2.5, 2.5, 2.5],)),
                Example(([-1e6, 1e6],)),
                Example(([1e6 + 0.1, 1e6 + 0.2, 1e6 + 0.3],)),
                Example(([1e6, 1e-5, -1e6],)),
                Example(([float(i) for i in range(1001)],)),
                # statistics.stdev raises for NaN and infinities (AttributeError on
                # Python 3.11): the answers here are the chapter's definition.
                Example(([nan, 1.0],), expected=(nan, nan)),
                Example(([1.0, 2.0, nan],), expected=(nan, nan)),
                Example(([nan, inf],), expected=(nan, nan)),
                Example(([inf, 1.0],), expected=(inf, nan)),
                Example(([-inf, -inf, 3.0],), expected=(-inf, nan)),
                Example(([inf, -inf],), expected=(nan, nan)),
            ],
            bench=Bench(
                make_input=measurements,
                sizes=[1_000, 1_000_000],
                size_label="floats",
                min_speedup=1.5,
                peers=peers.MEAN_STD,
            ),
            hints=[
                "Check `xs.len() < 2` first and return `Err(StatisticsError::new_err(...))`: "
                "the exception class is already declared at the top of lib.rs. Then "
                "`let n = xs.len() as f64;` (there is no `f64::from(usize)`).",
                "Two passes: the mean is `xs.iter().sum::<f64>() / n`; then sum the squares "
                "of the deviations `x - mean`. Sample standard deviation divides by n - 1, "
                "not n. NaN and infinities need no special case.",
                "`let squares: f64 = xs.iter().map(|&x| (x - mean) * (x - mean)).sum();` and "
                "return `Ok((mean, (squares / (n - 1.0)).sqrt()))`.",
            ],
        ),
        Task(
            name="checked_factorial",
            summary="n! as a u64; OverflowError from 21! on, where it no longer fits",
            baseline=baseline.checked_factorial,
            strategy=st.tuples(st.integers(0, 20)),
            examples=[
                Example((0,), expected=1),
                Example((1,), expected=1),
                Example((5,), expected=120),
                Example((20,), expected=2_432_902_008_176_640_000),
                Example((21,), raises=OverflowError),
                Example((25,), raises=OverflowError),
                # A loop that multiplies all the way up before looking would take years here.
                Example((10**18,), raises=OverflowError),
                Example((2**64 - 1,), raises=OverflowError),
                # Raised by pyo3 while converting the argument, before your code runs.
                Example((2**64,), raises=OverflowError),
                Example((-1,), raises=OverflowError),
            ],
            # math.factorial is C and answers in tens of nanoseconds: the call itself is
            # all there is to time (chapter 01's add).
            bench=None,
            hints=[
                "Multiply 1 * 2 * ... * n in u64 with `checked_mul`, which returns None as "
                "soon as a product does not fit. Stop at the first None.",
                "`(1..=n).try_fold(1u64, |product, k| product.checked_mul(k))` is an "
                "Option<u64>: try_fold stops at the first None, so a huge n costs 21 steps.",
                "Turn the None into an error: `.ok_or_else(|| PyOverflowError::new_err("
                'format!("{n}! does not fit in 64 bits")))`. 0! is 1: the empty product.',
            ],
        ),
    ],
)
