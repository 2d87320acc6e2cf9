"""What a Python programmer reaches for once the first version is too slow.

networkx and numpy are optional: without them, their peers are simply not timed.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

try:
    import networkx
except ImportError:
    networkx = None

try:
    import numpy
except ImportError:
    numpy = None


def networkx_shortest_path(edges: list[tuple[int, int, float]], src: int, dst: int) -> float | None:
    """Build a networkx DiGraph, then ask it. A DiGraph keeps one edge per pair of
    nodes (the last one added), so parallel edges need care; the benchmark's graph
    has none."""
    graph = networkx.DiGraph()
    graph.add_weighted_edges_from(edges)
    try:
        return float(networkx.dijkstra_path_length(graph, src, dst))
    except networkx.NodeNotFound:
        return 0.0 if src == dst else None
    except networkx.NetworkXNoPath:
        return None


def sorted_counts(xs: list[int], k: int) -> list[int]:
    """Sort every distinct value by (count descending, value), then keep k of them.

    Not ``Counter(xs).most_common(k)``: it breaks ties by first appearance in xs,
    not by the smaller value, so it is a different function."""
    counts = Counter(xs)
    ranked = sorted(counts, key=lambda value: (-counts[value], value))
    return ranked[:k]


def numpy_top_k(xs: list[int], k: int) -> list[int]:
    """numpy.unique sorts the values and counts them; a stable sort by count
    descending keeps equal counts in that ascending order of value."""
    values, counts = numpy.unique(numpy.array(xs, dtype=numpy.int64), return_counts=True)
    order = numpy.argsort(-counts, kind="stable")[:k]
    return values[order].tolist()


def _only_if(module: Any, peers: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    return peers if module is not None else {}


SHORTEST_PATH = _only_if(networkx, {"networkx": networkx_shortest_path})
TOP_K_FREQUENT = {
    "sorted(Counter(xs))[:k]": sorted_counts,
    **_only_if(numpy, {"numpy.unique + argsort": numpy_top_k}),
}
