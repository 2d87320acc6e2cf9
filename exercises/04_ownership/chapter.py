"""Chapter 04, ownership: moves, borrows and clones, and what crossing the boundary costs."""

import random
from array import array

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Chapter, Example, Task

from . import baseline, peers

I64_MIN, I64_MAX = -(2**63), 2**63 - 1
i64 = st.integers(I64_MIN, I64_MAX)
# Small values as well as any i64, so that lists have repeats and sums have carries.
items = st.lists(st.one_of(st.integers(-3, 3), i64))


def ints(size: int, seed: int) -> list[int]:
    """Integers as a program usually holds them: well inside 64 bits, some repeated."""
    rng = random.Random(seed)
    return [rng.randint(-1_000_000_000, 1_000_000_000) for _ in range(size)]


def list_input(size: int, seed: int) -> Args:
    return (ints(size, seed),)


def array_input(size: int, seed: int) -> Args:
    return (array("q", ints(size, seed)),)


def repeats_input(size: int, seed: int) -> Args:
    # Values drawn from range(size): about a third of the items are repeats.
    rng = random.Random(seed)
    return ([rng.randrange(-size // 2, size // 2) for _ in range(size)],)


EDGE_LISTS = [[], [7], [-5, -7, 3], [4, 4, 4], [I64_MAX, I64_MAX], [I64_MIN, I64_MIN, I64_MAX]]

CHAPTER = Chapter(
    number=4,
    slug="ownership",
    title="Ownership: moves, borrows and the boundary",
    module="ownership_rs",
    minutes=50,
    tasks=[
        Task(
            name="sum_list",
            summary="sum a list of 64-bit integers: every item is converted on the way in",
            baseline=baseline.sum_list,
            strategy=st.tuples(items),
            examples=[Example((xs,)) for xs in EDGE_LISTS]
            + [
                Example(([2**63],), raises=OverflowError),
                Example(([1, I64_MIN - 1],), raises=OverflowError),
            ],
            bench=Bench(
                make_input=list_input,
                sizes=[1_000, 1_000_000],
                size_label="items",
                # Converting each item costs more than the built-in sum's C loop spends on it.
                min_speedup=None,
                peers=peers.SUM_LIST,
            ),
            hints=[
                "pyo3 has done the expensive part before your first line runs: `xs` is a "
                "`Vec<i64>` it built from the list. Which integer type holds the sum of many "
                "i64 values without overflowing?",
                "`i128` does. `xs.iter()` borrows the Vec and yields `&i64`; widen each item "
                "with `i128::from(x)` and add them up with `.sum()`.",
                "The whole body: `xs.iter().map(|&x| i128::from(x)).sum()`. The pattern `|&x|` "
                "copies each i64 out of the borrowed `&i64`.",
            ],
        ),
        Task(
            name="sum_buffer",
            summary="sum an array('q') in place, borrowing its memory instead of copying it",
            baseline=baseline.sum_buffer,
            strategy=st.tuples(items.map(lambda xs: array("q", xs))),
            examples=[Example((array("q", xs),)) for xs in EDGE_LISTS]
            + [
                # A memoryview exports the same buffer; a strided one is not contiguous.
                Example((memoryview(array("q", [1, -2, 3])),)),
                Example((memoryview(array("q", range(-10, 10)))[::3],)),
                # The wrong item type, empty or not: floats, 4-byte ints, bytes.
                Example((array("d", [1.0, 2.0]),), raises=BufferError),
                Example((array("d"),), raises=BufferError),
                Example((array("i", [1, 2]),), raises=BufferError),
                Example((b"12345678",), raises=BufferError),
                # A list exports no buffer at all.
                Example(([1, 2, 3],), raises=TypeError),
            ],
            bench=Bench(
                make_input=array_input,
                sizes=[1_000, 1_000_000],
                size_label="items",
                min_speedup=5.0,
                peers=peers.SUM_BUFFER,
            ),
            hints=[
                "Do not convert `buf` into a Vec: borrow its memory. "
                "`PyBuffer::<i64>::get(buf)?` (from `pyo3::buffer`) raises BufferError unless "
                "the items are 8-byte signed integers, and TypeError for an object with no buffer.",
                "`view.as_slice(buf.py())` is an `Option<&[ReadOnlyCell<i64>]>`: Some when the "
                "memory is one contiguous block, None for a strided view (`view.to_vec(py)?` "
                "copies those); `cell.get()` reads one item. pyo3 0.30 deprecates `as_slice`: "
                "allow the `deprecated` lint on the `let` statement that calls it.",
                "Sum as in sum_list: `cells.iter().map(|c| i128::from(c.get())).sum()`. If the "
                "empty array('q') fails as 'insufficiently aligned', take a `PyUntypedBuffer` "
                "first, return `Ok(0)` when `item_count() == 0` and "
                "`i64::is_compatible_format(untyped.format())` (trait `Element`), then "
                "`untyped.into_typed::<i64>()?`.",
            ],
        ),
        Task(
            name="dedupe",
            summary="drop repeated items, keeping each first occurrence in order",
            baseline=baseline.dedupe,
            strategy=st.tuples(items),
            examples=[Example((xs,)) for xs in EDGE_LISTS]
            + [
                Example(([3, 1, 3, 2, 1],), expected=[3, 1, 2]),
                Example(([I64_MIN, I64_MAX, I64_MIN, -1, -1],)),
                Example(([0] * 10,)),
                Example(([1, 2**63],), raises=OverflowError),
            ],
            bench=Bench(
                make_input=repeats_input,
                sizes=[1_000, 1_000_000],
                size_label="items",
                # A tie at a thousand items (conversion both ways); about 2x at a million,
                # where Python's dict of boxed ints no longer fits in cache.
                min_speedup=1.3,
                peers=peers.DEDUPE,
                # The three-way split: benches/core.rs reads the largest list as i64s.
                criterion="dedupe/rust",
                core_input=lambda xs: array("q", xs).tobytes(),
            ),
            hints=[
                "Keep a `HashSet<i64>` of the values seen so far: an item stays the first time "
                "its value is seen and goes every later time.",
                "`seen.insert(x)` returns true when x was not in the set yet: exactly the test "
                "for 'keep this item'. `Vec::retain` keeps the items for which a closure "
                "returns true.",
                "`xs` is your own Vec (pyo3 copied the list into it), so you may change it in "
                "place: `let mut xs = xs; let mut seen = HashSet::with_capacity(xs.len()); "
                "xs.retain(|&x| seen.insert(x)); xs`.",
            ],
        ),
    ],
)
