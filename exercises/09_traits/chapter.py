"""Chapter 09, traits: Python's protocols (len, [], ==, hash, +) as Rust's traits."""

import math
import operator
import random
import re
import struct
from typing import Any

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Call, Chapter, Example, Make, Task

from . import baseline, peers

# The dot product adds in increasing index order on both sides, and a sum of
# two floats is the same float in either order: every answer is compared
# exactly (the default rule), floats included.


def normalize(value: Any) -> Any:
    """A vector of either implementation, as ``(len(v), v.to_dict())``."""
    if type(value).__name__ == "SparseVector":
        return len(value), value.to_dict()
    return value


# Steps that are functions of the object ``x`` (the verdict prints them as
# ``hash_agrees(x, SparseVector(3, {...}))``). Hash values differ between the
# implementations; these compare what the __hash__/__eq__ contract says instead.


def hash_agrees(v: Any, other: Any) -> bool:
    """The contract on one pair: if ``v == other``, then ``hash(v) == hash(other)``."""
    return (v == other) <= (hash(v) == hash(other))


def equal_copy(v: Any) -> tuple[bool, bool]:
    """A vector built from x's entries given in reverse order: is it == x, and does it
    hash like x? Both must be True."""
    w = type(v)(len(v), dict(reversed(v.to_dict().items())))
    return v == w, hash(v) == hash(w)


def hash_spread(v: Any) -> int:
    """How many different hashes 8 vectors next to x have: x's entries in 4 larger
    dimensions, and x with one more entry (1.0 to 4.0) at index len(x). They are 8
    different vectors: a hash made of everything == compares gives 8 hashes, one
    that leaves out the dimension or the values gives fewer. (Not the contract,
    which any constant hash meets, but what makes a hash worth having.)"""
    cls, dim, entries = type(v), len(v), v.to_dict()
    near = [cls(dim + k, entries) for k in range(1, 5)]
    near += [cls(dim + 1, {**entries, dim: float(k)}) for k in range(1, 5)]
    return len({hash(w) for w in near})


def add_self(v: Any) -> Any:
    """``x + x``: both operands are the same object."""
    return v + v


def add_negation(v: Any) -> Any:
    """``x + (-x)``, every value cancelled: the empty vector of x's dimension."""
    return v + type(v)(len(v), {i: -x for i, x in v.to_dict().items()})


def same_dim(v: Any, ys: list[float]) -> Any:
    """A vector of x's dimension with ``ys[i]`` at index i, as many as fit."""
    return type(v)(len(v), dict(enumerate(ys[: len(v)])))


def dot_with(v: Any, ys: list[float]) -> float:
    """``x.dot(w)``, w of x's dimension with ``ys[i]`` at index i: the dimensions
    always match, and every value x holds is multiplied."""
    return v.dot(same_dim(v, ys))


def add_with(v: Any, ys: list[float]) -> Any:
    """``x + w``, w of x's dimension with ``ys[i]`` at index i."""
    return v + same_dim(v, ys)


def error_of(v: Any, dim: int, entries: dict[int, float], pattern: str) -> tuple[str, bool] | None:
    """Build another vector of x's class from arguments it must refuse: the type of
    the exception, and whether its message matches ``pattern`` (re.search)."""
    try:
        type(v)(dim, entries)
    except (IndexError, ValueError) as error:
        return type(error).__name__, re.search(pattern, str(error)) is not None
    return None


# Small values that cancel out and repeat, any finite float of a moderate size
# (no sum overflows to infinity, so no NaN appears: see the chapter), and
# +-1e16, next to which adding 1.0 changes nothing: with those, a dot product
# summed in another order than the indices' is another float.
values = st.one_of(
    st.integers(-3, 3).map(float),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    st.sampled_from([1e16, -1e16]),
)
# The object and each operand draw their dimension independently (the harness
# draws the steps apart from the constructor's arguments), both mostly 3, so
# that most operations meet an operand of the same dimension.
dims = st.one_of(st.just(3), st.integers(0, 6))
operand_dims = st.one_of(st.just(3), st.just(3), st.just(3), st.integers(0, 6))


def entries_for(dim: int) -> st.SearchStrategy[dict[int, float]]:
    return st.dictionaries(st.integers(0, max(dim - 1, 0)), values, max_size=dim)


def args_for(dims: st.SearchStrategy[int]) -> st.SearchStrategy[Args]:
    return dims.flatmap(lambda dim: st.tuples(st.just(dim), entries_for(dim)))


vector_args = args_for(dims)
# Now and then an operand that its class must refuse to build.
bad_args = st.one_of(
    st.tuples(st.integers(-3, -1), st.just({})),
    dims.flatmap(
        lambda dim: st.tuples(
            st.just(dim), st.dictionaries(st.sampled_from([-1, dim, dim + 7]), values, min_size=1)
        )
    ),
)
# Values for the indices 0 to 5 of an operand built with x's own dimension.
dense_values = st.lists(values, min_size=6, max_size=6)
operands = st.one_of(*[args_for(operand_dims)] * 7, bad_args).map(Make)


def vector(dim: int, entries: dict[int, float]) -> Make:
    return Make((dim, entries))


def getitem(i: int) -> Call:
    return Call("__getitem__", (i,))


def with_operand(method: Any, label: str = "") -> st.SearchStrategy[Call]:
    return st.builds(lambda other: Call(method, (other,), label=label), operands)


LEN = Call(len, label="len")
NNZ = Call("nnz", None)
TO_DICT = Call("to_dict")
LIST = Call(list, label="list")
EQUAL_COPY = Call(equal_copy, label="equal_copy")
HASH_SPREAD = Call(hash_spread, label="hash_spread")
# What a reader checks first: the state of x, and the hash on x itself.
READ = [LEN, NNZ, TO_DICT, LIST, EQUAL_COPY, HASH_SPREAD]

step = st.one_of(
    st.sampled_from(READ),
    st.just(Call(bool, label="bool")),
    st.builds(getitem, st.one_of(st.integers(-3, 2), st.integers(-8, 8))),
    with_operand("dot"),
    st.builds(lambda ys: Call(dot_with, (ys,), label="dot_with"), dense_values),
    st.builds(lambda ys: Call(add_with, (ys,), label="add_with"), dense_values),
    with_operand("__add__"),
    st.just(Call(add_self, label="add_self")),
    st.just(Call(add_negation, label="add_negation")),
    with_operand("__eq__"),
    with_operand(operator.ne, "ne"),
    with_operand(hash_agrees, "hash_agrees"),
)


def scenario(dim: int, entries: dict[int, float], *steps: Call) -> Example:
    """A fixed scenario: ``steps`` on ``SparseVector(dim, entries)``. The object itself
    is compared first, as ``(len(x), x.to_dict())``."""
    return Example((dim, entries), steps=steps)


def hash_agrees_with(dim: int, entries: dict[int, float]) -> Call:
    return Call(hash_agrees, (vector(dim, entries),), label="hash_agrees")


def refused(dim: int, entries: dict[int, float], pattern: str) -> Call:
    return Call(error_of, (dim, entries, pattern), label="error_of")


def vectors_input(size: int, seed: int) -> Args:
    """Two vectors of dimension 100 * size with ``size`` values each, at random
    indices: 1% full, as a bag of words over a large vocabulary is, and sharing
    about size / 100 indices."""
    rng = random.Random(seed)
    dim = 100 * size

    def entries() -> dict[int, float]:
        return {i: rng.uniform(-1.0, 1.0) for i in rng.sample(range(dim), size)}

    return dim, entries(), entries()


def build_pair(cls: Any, dim: int, a: dict[int, float], b: dict[int, float]) -> Args:
    """Untimed: the two vectors."""
    return cls(dim, a), cls(dim, b)


def dot_of(cls: Any, u: Any, v: Any) -> float:
    """Timed: their dot product alone."""
    return u.dot(v)


CHAPTER = Chapter(
    number=9,
    slug="traits",
    title="Traits: Python's protocols in Rust",
    module="traits_rs",
    minutes=55,
    tasks=[
        Task(
            name="SparseVector",
            summary="a sparse vector class whose len, [], ==, hash and + are Rust traits",
            baseline=baseline.SparseVector,
            strategy=vector_args,
            steps=st.lists(step, max_size=10),
            normalize=normalize,
            examples=[
                # The empty vector: no index is valid; it equals, adds and
                # multiplies with another empty one.
                scenario(0, {}, NNZ, LIST, EQUAL_COPY, HASH_SPREAD),
                scenario(0, {}, getitem(0)),
                scenario(0, {}, getitem(-1)),
                scenario(0, {}, Call("dot", (vector(0, {}),))),
                scenario(0, {}, Call("__add__", (vector(0, {}),))),
                scenario(0, {}, Call("__eq__", (vector(0, {}),)), hash_agrees_with(0, {})),
                # A few values: the readings, and the hash of x.
                scenario(3, {2: -1.0, 0: 2.5}, NNZ, LIST, EQUAL_COPY, HASH_SPREAD),
                # Zeros, either sign, are not stored: this is the empty vector of
                # dimension 4, and equal to it.
                scenario(4, {0: 0.0, 2: -0.0, 3: 0.0}, NNZ, getitem(2)),
                scenario(4, {0: 0.0, 2: -0.0}, Call("__eq__", (vector(4, {}),))),
                scenario(4, {0: 0.0, 2: -0.0}, hash_agrees_with(4, {}), EQUAL_COPY),
                scenario(4, {1: 0.0, 2: 5.0}, Call("dot", (vector(4, {1: 3.0, 2: 2.0}),))),
                # A zero value next to non-zero ones; an int value is a float.
                scenario(5, {4: 2.5, 1: 0.0, 0: -1.0, 2: 3}, NNZ, LIST),
                # Cancellation: 1.5 + -1.5 is a zero and is not stored.
                scenario(3, {0: 1.5, 2: -2.0}, Call("__add__", (vector(3, {0: -1.5, 1: 4.0}),))),
                scenario(2, {1: 0.1}, Call("__add__", (vector(2, {1: -0.1}),))),
                scenario(3, {0: 1.0, 2: -4.0}, Call(add_negation, label="add_negation")),
                # 0.1 + 0.2 is not 0.3: what is left is kept, on both sides.
                scenario(1, {0: 0.1 + 0.2}, Call("__add__", (vector(1, {0: -0.3}),))),
                scenario(3, {0: 1.0, 2: -4.0}, Call(add_self, label="add_self")),
                # Dimensions that differ: add and dot raise ValueError, == is False.
                scenario(3, {0: 1.0}, Call("__add__", (vector(4, {0: 1.0}),))),
                scenario(3, {0: 1.0}, Call("dot", (vector(4, {0: 1.0}),))),
                scenario(3, {}, Call("dot", (vector(2, {}),))),
                scenario(3, {}, Call("__eq__", (vector(4, {}),)), hash_agrees_with(4, {})),
                scenario(3, {0: 1.0}, Call(operator.ne, (vector(4, {0: 1.0}),), label="ne")),
                # Indices: a negative one counts from the end, as in a list.
                scenario(3, {0: 1.0, 2: 7.5}, getitem(-1), getitem(-3), getitem(1), getitem(2)),
                scenario(3, {0: 1.0, 2: 7.5}, getitem(3)),
                scenario(3, {0: 1.0, 2: 7.5}, getitem(-4)),
                # Equal vectors built from entries given in different orders:
                # equal, with equal hashes.
                scenario(5, {3: 1.0, 0: 2.0, 4: -1.0}, EQUAL_COPY),
                scenario(
                    5,
                    {3: 1.0, 0: 2.0, 4: -1.0},
                    Call("__eq__", (vector(5, {0: 2.0, 4: -1.0, 3: 1.0}),)),
                    hash_agrees_with(5, {4: -1.0, 0: 2.0, 3: 1.0}),
                    hash_agrees_with(5, {4: -1.0, 0: 2.0, 3: 1.5}),
                ),
                # Arguments the constructor refuses. (A class task's examples are
                # scenarios: the harness compares the exception types with the
                # baseline's, and the steps with error_of check the messages.)
                Example((-1, {}), raises=ValueError),
                Example((3, {3: 1.0}), raises=IndexError, match="index 3"),
                Example((3, {-1: 1.0}), raises=IndexError, match="index -1"),
                scenario(3, {}, refused(3, {0: 1.0, 7: 1.0}, "index 7")),
                scenario(3, {}, refused(3, {-1: 1.0}, "index -1")),
                scenario(3, {}, refused(0, {0: 1.0}, "index 0")),
                scenario(3, {}, refused(-2, {}, "-2")),
                # Comparing or adding with something else than a vector.
                scenario(2, {1: 1.0}, Call(operator.eq, (3,), label="eq")),
                scenario(2, {1: 1.0}, Call(operator.ne, ("v",), label="ne")),
                scenario(2, {1: 1.0}, Call("__eq__", (3,))),
                scenario(2, {1: 1.0}, Call(operator.add, (1.0,), label="add")),
                scenario(2, {1: 1.0}, Call("__add__", (1.0,))),
                # Truth: a vector of dimension > 0 is true, even with no values
                # (bool() of an object without __bool__ asks __len__).
                scenario(3, {}, Call(bool, label="bool")),
                scenario(0, {}, Call(bool, label="bool")),
                # The order of the sum: 1.0 + 1e16 is 1e16 again, so in index order
                # the dot product is 0.0; summed from the other end it is 1.0.
                scenario(
                    3,
                    {0: 1.0, 1: 1e16, 2: -1e16},
                    Call("dot", (vector(3, {0: 1.0, 1: 1.0, 2: 1.0}),)),
                ),
                # Infinity is a value like another; the checks draw no NaN.
                scenario(2, {0: math.inf}, Call("dot", (vector(2, {0: 2.0, 1: 1.0}),))),
            ],
            bench=Bench(
                make_input=vectors_input,
                sizes=[1_000, 100_000],
                size_label="values",
                setup=build_pair,
                driver=dot_of,
                min_speedup=5.0,
                peers=peers.DOT,
                # The three-way split: benches/core.rs reads the largest pair, little-endian:
                # dim, then per vector its length, its indices and its values.
                criterion="SparseVector/rust",
                core_input=lambda dim, a, b: (
                    struct.pack("<Q", dim)
                    + b"".join(
                        struct.pack(f"<Q{len(v)}Q{len(v)}d", len(v), *v, *v.values())
                        for v in (a, b)
                    )
                ),
            ),
            hints=[
                "Keep the non-zero entries in a `Vec<(usize, f64)>` sorted by index: then a "
                "vector has one representation, the derived `PartialEq` is its equality, and "
                "`get`, `dot_product` and `+` are walks over sorted lists. In `new`, "
                "`entries.iter()` yields `(key, value)` pairs: `key.extract::<i64>()?` (i64, so "
                "that -1 is an IndexError and not an OverflowError), check `0..dim`, drop zeros, "
                "then `sort_unstable_by_key`.",
                "f64 is not `Hash`: in `impl Hash`, hash `self.dim` and each `(i, x)` as "
                "`i.hash(state); x.to_bits().hash(state);`. No zero is stored, so equal values "
                "have equal bits. `Add for &SparseVector` and `dot_product` walk both lists with "
                "two positions p and q, the merge step of merge sort: where the indices meet, "
                "add (and drop a sum that is 0.0) or multiply.",
                "The #[pymethods] call the traits: `__eq__` is `self == other`, `__hash__` is "
                '`hash_of(self)`, `__add__` is `self.check_same_dim(other, "add")?; '
                "Ok(self + other)`. `__getitem__`: `let index = if i < 0 { "
                "self.dim.checked_sub(i.unsigned_abs()) } else { Some(i.unsigned_abs()) };` "
                "then `.filter(|&j| j < self.dim)` and `self.get(j)` with "
                "`binary_search_by_key(&index, |&(i, _)| i)`. In `dot_product`: "
                "`if i == j { total += x * y; } p += usize::from(i <= j); "
                "q += usize::from(j <= i);`.",
            ],
        ),
    ],
)
