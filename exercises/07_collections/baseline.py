"""Chapter 07: the Python a Python programmer writes first."""

import heapq
import math
from collections import Counter, defaultdict


def shortest_path(edges: list[tuple[int, int, float]], src: int, dst: int) -> float | None:
    """The length of the shortest path from src to dst along the directed, weighted
    edges (u, v, weight), or None when dst cannot be reached (Dijkstra)."""
    graph: defaultdict[int, list[tuple[int, float]]] = defaultdict(list)
    for u, v, weight in edges:
        if not weight >= 0:  # negative, or NaN
            raise ValueError(f"edge {u} -> {v} has weight {weight}: weights must be >= 0")
        graph[u].append((v, weight))
    dist = {src: 0.0}
    heap = [(0.0, src)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == dst:
            return d
        if d > dist[u]:
            continue  # a stale entry: u was reached more cheaply since it was pushed
        for v, weight in graph[u]:
            candidate = d + weight
            if candidate < dist.get(v, math.inf):
                dist[v] = candidate
                heapq.heappush(heap, (candidate, v))
    return None


def top_k_frequent(xs: list[int], k: int) -> list[int]:
    """The k most frequent values of xs, most frequent first; equal counts put the
    smaller value first."""
    counts = Counter(xs)
    best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
    return [value for value, _ in best]
