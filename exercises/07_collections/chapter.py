"""Chapter 07, collections: HashMap, HashSet, VecDeque and BinaryHeap."""

import itertools
import math
import random

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Chapter, Example, Task, approx

from . import baseline, peers

I64_MIN, I64_MAX = -(2**63), 2**63 - 1
USIZE_MAX = 2**64 - 1

# Few nodes, so that paths exist often; two of them far from zero, so that a
# node's number is not its index. Whole-number weights make equal-length paths
# common, and zero makes free edges. Infinite weights are left to the examples.
nodes = st.sampled_from([0, 1, 2, 3, 4, -1, I64_MAX])
weights = st.one_of(st.integers(0, 4).map(float), st.floats(0.0, 10.0))


@st.composite
def graph_queries(draw: st.DrawFn) -> Args:
    """Up to 20 edges, and a query whose ends are, half the time, nodes of those
    edges: a random pair of nodes is too often unreachable to test anything."""
    edges = draw(st.lists(st.tuples(nodes, nodes, weights), max_size=20))
    sources = [u for u, _, _ in edges]
    targets = [v for _, v, _ in edges]
    src = draw(st.one_of(st.sampled_from(sources), nodes) if sources else nodes)
    dst = draw(st.one_of(st.sampled_from(targets), nodes) if targets else nodes)
    return (edges, src, dst)


def make_graph(size: int, seed: int) -> Args:
    """``size`` nodes and 5 * ``size`` edges with weights in [0, 1), and a query.

    A random cycle through every node makes each one reachable from every other;
    the other edges join random pairs, never a node to itself nor a pair twice
    (networkx's DiGraph would keep only one of two parallel edges). The edges are
    made one after another, as a program that reads them from a file would."""
    rng = random.Random(seed)
    order = list(range(size))
    rng.shuffle(order)
    cycle = list(itertools.pairwise([*order, order[0]]))
    edges = [(u, v, rng.random()) for u, v in cycle]
    seen = set(cycle)
    while len(edges) < 5 * size:
        u, v = rng.randrange(size), rng.randrange(size)
        if u != v and (u, v) not in seen:
            seen.add((u, v))
            edges.append((u, v, rng.random()))
    return (edges, order[0], order[size // 2])


def make_values(size: int, seed: int) -> Args:
    """``size`` integers drawn Zipf-like from ``size // 10`` distinct ones, and k = 100.

    A few values are very common; the long tail repeats a few times each, so equal
    counts are everywhere below the top."""
    rng = random.Random(seed)
    distinct = max(size // 10, 1)
    vocabulary = rng.sample(range(-(10**9), 10**9), distinct)
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, distinct + 1)))
    return (rng.choices(vocabulary, cum_weights=cumulative, k=size), 100)


# Values that repeat often, now and then the extremes of i64.
values = st.one_of(st.integers(-3, 3), st.sampled_from([I64_MIN, I64_MAX]))

CHAPTER = Chapter(
    number=7,
    slug="collections",
    title="Collections: HashMap, HashSet, VecDeque and BinaryHeap",
    module="collections_rs",
    minutes=60,
    tasks=[
        Task(
            name="shortest_path",
            summary="Dijkstra: the shortest distance from src to dst, or None when unreachable",
            baseline=baseline.shortest_path,
            strategy=graph_queries(),
            max_examples=400,
            # Two correct Dijkstras give the same float to the bit; the tolerance
            # forgives adding a path's weights in another order.
            compare=approx(rel=1e-9),
            examples=[
                # No edges at all: a node is its own destination, nothing else is reachable.
                Example(([], 0, 0), expected=0.0),
                Example(([], 0, 1), expected=None),
                # Nodes on no edge.
                Example(([(0, 1, 1.0)], 5, 5), expected=0.0),
                Example(([(0, 1, 1.0)], 0, 9), expected=None),
                Example(([(0, 1, 1.0)], 9, 1), expected=None),
                # Edges are one-way; a graph in two pieces.
                Example(([(1, 0, 1.0)], 0, 1), expected=None),
                Example(([(0, 1, 1.0), (2, 3, 1.0)], 0, 3), expected=None),
                # Self-loops, parallel edges (the cheapest counts), zero weights, a zero cycle.
                Example(([(0, 0, 5.0)], 0, 0), expected=0.0),
                Example(([(0, 0, 0.0), (0, 1, 2.0), (1, 1, 1.0)], 0, 1), expected=2.0),
                Example(([(0, 1, 5.0), (0, 1, 2.0), (0, 1, 7.0)], 0, 1), expected=2.0),
                Example(([(0, 1, 0.0), (1, 2, 0.0), (0, 2, 1.0)], 0, 2), expected=0.0),
                Example(([(0, 1, 0.0), (1, 0, 0.0), (1, 2, 3.0)], 0, 2), expected=3.0),
                Example(([(0, 1, -0.0)], 0, 1), expected=0.0),
                # More edges, shorter path: fewest edges (BFS) is not shortest.
                Example(
                    ([(0, 3, 10.0), (0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], 0, 3), expected=3.0
                ),
                # A node is final when it leaves the queue, not when it first enters it.
                Example(([(0, 2, 5.0), (0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], 0, 3), expected=3.0),
                # Infinity is no way through, whether a weight or an overflowing sum.
                Example(([(0, 1, math.inf)], 0, 1), expected=None),
                Example(([(0, 1, 1e308), (1, 2, 1e308)], 0, 2), expected=None),
                Example(([(0, 1, 1e308), (1, 2, 1e308), (0, 2, 5.0)], 0, 2), expected=5.0),
                # Any 64-bit node ids; int weights are accepted as floats.
                Example(([(I64_MIN, I64_MAX, 1.5)], I64_MIN, I64_MAX), expected=1.5),
                Example(([(0, 1, 2), (1, 2, 3)], 0, 2), expected=5.0),
                Example(([(0, 1, 0.1), (1, 2, 0.2), (0, 2, 0.3)], 0, 2)),
                # Bad weights anywhere raise, even off the path and even when src == dst.
                Example(([(0, 1, 1.0), (1, 2, -1.0)], 0, 1), raises=ValueError, match="weight"),
                Example(([(0, 1, 1.0), (5, 6, -0.5)], 0, 1), raises=ValueError, match="weight"),
                Example(([(0, 1, -1.0)], 0, 0), raises=ValueError, match="weight"),
                Example(([(0, 1, math.nan)], 0, 1), raises=ValueError, match="weight"),
                # Node ids are 64-bit: pyo3 refuses a bigger one before the body runs.
                Example(([(2**63, 0, 1.0)], 0, 0), raises=OverflowError),
                Example(([], 2**63, 2**63), raises=OverflowError),
            ],
            bench=Bench(
                make_input=make_graph,
                sizes=[1_000, 100_000],
                size_label="nodes",
                # Reading the edges and building the graph is most of Rust's time:
                # the reference numbers nodes without hashing when the ids are
                # already 0..n and keeps all edges in one Vec (see Graph).
                min_speedup=10.0,
                peers=peers.SHORTEST_PATH,
                peer_floors={"networkx": 20.0} if peers.SHORTEST_PATH else {},
            ),
            hints=[
                "Check the weights first (`w.is_nan() || w < 0.0` raises PyValueError). Then "
                "`Graph::new`: give every node a number 0, 1, 2... (ids that already are "
                "0..n can be their own numbers; others go through a `HashMap<i64, usize>` "
                "and its entry API), count the edges out of each node, and lay them out in "
                "one Vec: node n's edges are `targets[starts[n]..starts[n + 1]]`. The "
                "distances are a `vec![f64::INFINITY; graph.len()]`.",
                "`BinaryHeap` pops the greatest item, and `f64` is not `Ord`. Define a struct "
                "`Visit { dist: f64, node: usize }` (inside the function is fine) whose `Ord` "
                "is `other.dist.total_cmp(&self.dist)`: reversed, so the closest node is the "
                "greatest. Implement `PartialOrd`, `PartialEq` and `Eq` from that `cmp`.",
                "Push `Visit { dist: 0.0, node: start }`; `while let Some(Visit { dist: d, node }) "
                "= heap.pop()`: return `Some(d)` when `node == target`, `continue` when "
                "`d > dist[node]` (a stale entry), otherwise for each `(next, w)` of "
                "`graph.neighbours(node)`, if `d + w < dist[next]`, store it and push it. An empty "
                "queue means None. Right after the weight check, answer `src == dst` with 0.0.",
            ],
        ),
        Task(
            name="top_k_frequent",
            summary="the k most frequent values, most frequent first, ties by smaller value",
            baseline=baseline.top_k_frequent,
            strategy=st.tuples(st.lists(values, max_size=30), st.integers(0, 8)),
            examples=[
                Example(([], 0), expected=[]),
                Example(([], 3), expected=[]),
                Example(([1, 1, 2], 0), expected=[]),
                # Most frequent first.
                Example(([3, 1, 3, 2, 3, 1], 2), expected=[3, 1]),
                # Equal counts: the smaller value first, wherever it first appeared.
                Example(([5, 4, 3, 3, 4, 5], 2), expected=[3, 4]),
                Example(([9, 2, 9, 2, 7], 1), expected=[2]),
                Example(([0, -1, 1, -2], 4), expected=[-2, -1, 0, 1]),
                Example(([I64_MAX, I64_MIN, I64_MAX, I64_MIN], 1), expected=[I64_MIN]),
                # k beyond the number of distinct values: all of them, even a huge k.
                Example(([2, 1, 2], 10), expected=[2, 1]),
                Example(([2, 1, 2], USIZE_MAX), expected=[2, 1]),
                # k is a usize and the values are i64: pyo3 refuses the rest.
                Example(([1, 2], -1), raises=OverflowError),
                Example(([1, 2], USIZE_MAX + 1), raises=OverflowError),
                Example(([2**63], 1), raises=OverflowError),
            ],
            bench=Bench(
                make_input=make_values,
                sizes=[10_000, 1_000_000],
                size_label="items",
                # Converting the million ints costs Rust more than counting them.
                min_speedup=1.4,
                peers=peers.TOP_K_FREQUENT,
            ),
            hints=[
                "Count first: a `HashMap<i64, usize>` and "
                "`*counts.entry(x).or_insert(0) += 1` for every x.",
                "The order is count descending, then value ascending: the tuple "
                "`(Reverse(count), value)` sorts exactly that way. The simplest answer "
                "collects those keys into a Vec, sorts it and keeps the first k.",
                "Sorting every distinct value is more than you need. Keep a `BinaryHeap` of at "
                "most k keys: it is a max-heap, so `peek()` is the worst key kept, and a better "
                "key replaces it through `peek_mut()`. `into_sorted_vec()` then lists the keys "
                "best first. Not `with_capacity(k)`: k can be 2**64 - 1.",
            ],
        ),
    ],
)
