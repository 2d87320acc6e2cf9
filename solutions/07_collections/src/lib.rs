//! Chapter 07: std's collections, HashMap, HashSet, VecDeque and BinaryHeap.
//!
//! Python has one of each and uses them everywhere: dict, set, deque, heapq.
//! Rust's are generic over their item types, and that is where the surprises
//! are: `BinaryHeap` is a max-heap, and `f64` cannot go into one as it is.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// A directed graph whose nodes are numbered `0..len()`, stored compactly:
/// the edges out of node `n` are `targets[starts[n]..starts[n + 1]]`, one
/// block of memory for the whole graph instead of a `Vec` per node.
struct Graph {
    /// Node id -> number, when the ids are not already `0..len()`.
    numbers: Option<HashMap<i64, usize>>,
    starts: Vec<usize>,
    targets: Vec<(usize, f64)>,
}

impl Graph {
    fn new(edges: &[(i64, i64, f64)]) -> Self {
        // BEGIN SOLUTION
        // Ids are often 0, 1, 2...: then they can index the Vecs directly, and
        // no hashing is needed. Other ids (negative, or far apart) are
        // numbered in the order they are first seen, through a HashMap.
        let ends = edges.iter().flat_map(|&(u, v, _)| [u, v]);
        let (low, high) = ends.fold((0, -1), |(lo, hi), id| (lo.min(id), hi.max(id)));
        let dense = low >= 0 && high < 2 * edges.len() as i64 + 16;
        let mut numbers = (!dense).then(|| HashMap::with_capacity(edges.len()));
        let mut number = |id: i64| match numbers.as_mut() {
            None => id as usize,
            Some(map) => {
                let next = map.len();
                *map.entry(id).or_insert(next)
            }
        };
        let numbered: Vec<(usize, usize, f64)> = edges
            .iter()
            .map(|&(u, v, weight)| (number(u), number(v), weight))
            .collect();
        let len = match &numbers {
            None => (high + 1) as usize,
            Some(map) => map.len(),
        };
        // Count the edges out of each node, then lay them out in order.
        let mut starts = vec![0; len + 1];
        for &(u, _, _) in &numbered {
            starts[u + 1] += 1;
        }
        for n in 0..len {
            starts[n + 1] += starts[n];
        }
        let mut filled = starts.clone();
        let mut targets = vec![(0, 0.0); numbered.len()];
        for &(u, v, weight) in &numbered {
            targets[filled[u]] = (v, weight);
            filled[u] += 1;
        }
        Graph {
            numbers,
            starts,
            targets,
        }
        // END SOLUTION
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The number of the node with this id, if it is on an edge.
    fn number(&self, id: i64) -> Option<usize> {
        match &self.numbers {
            Some(map) => map.get(&id).copied(),
            None => usize::try_from(id).ok().filter(|&n| n < self.len()),
        }
    }

    fn neighbours(&self, node: usize) -> &[(usize, f64)] {
        &self.targets[self.starts[node]..self.starts[node + 1]]
    }
}

/// The length of the shortest path from `src` to `dst` along the directed
/// edges `(u, v, weight)`, or `None` when `dst` cannot be reached (Dijkstra).
///
/// Nodes are any integers that fit in 64 bits; a node that is on no edge
/// exists all the same, alone: `src == dst` is always `0.0`. Every weight must
/// be a number `>= 0`: a negative or NaN weight anywhere in `edges` raises
/// `ValueError`, whose message says "weight". An infinite weight, or a sum that
/// overflows to infinity, is no way through.
#[pyfunction]
pub fn shortest_path(
    py: Python<'_>,
    edges: Vec<(i64, i64, f64)>,
    src: i64,
    dst: i64,
) -> PyResult<Option<f64>> {
    // BEGIN SOLUTION
    // Check every edge first, as the baseline does, reachable or not.
    if let Some(&(u, v, weight)) = edges.iter().find(|e| e.2.is_nan() || e.2 < 0.0) {
        return Err(PyValueError::new_err(format!(
            "edge {u} -> {v} has weight {weight}: weights must be >= 0"
        )));
    }
    if src == dst {
        return Ok(Some(0.0));
    }

    /// A node waiting in the queue, with the distance it was reached at.
    /// BinaryHeap pops the greatest item, so "greater" here means "closer":
    /// the comparison is reversed. f64 is not Ord (NaN is not equal to
    /// itself), but `total_cmp` is a total order, and no NaN gets this far.
    struct Visit {
        dist: f64,
        node: usize,
    }
    impl Ord for Visit {
        fn cmp(&self, other: &Self) -> Ordering {
            other.dist.total_cmp(&self.dist)
        }
    }
    impl PartialOrd for Visit {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl PartialEq for Visit {
        fn eq(&self, other: &Self) -> bool {
            self.cmp(other) == Ordering::Equal
        }
    }
    impl Eq for Visit {}

    // The graph itself needs no Python objects: search it with the GIL released.
    let found = py.detach(|| {
        let graph = Graph::new(&edges);
        // A node on no edge cannot be reached from another node.
        let (Some(start), Some(target)) = (graph.number(src), graph.number(dst)) else {
            return None;
        };

        let mut dist = vec![f64::INFINITY; graph.len()];
        let mut queue = BinaryHeap::new();
        dist[start] = 0.0;
        queue.push(Visit {
            dist: 0.0,
            node: start,
        });
        while let Some(Visit { dist: d, node }) = queue.pop() {
            if node == target {
                return Some(d);
            }
            if d > dist[node] {
                continue; // stale: reached more cheaply since it was queued
            }
            for &(next, weight) in graph.neighbours(node) {
                let candidate = d + weight;
                if candidate < dist[next] {
                    dist[next] = candidate;
                    queue.push(Visit {
                        dist: candidate,
                        node: next,
                    });
                }
            }
        }
        None
    });
    Ok(found)
    // END SOLUTION
}

/// The `k` most frequent values of `xs`, most frequent first. Values seen
/// equally often come smaller value first. Fewer than `k` distinct values: all
/// of them. `k` is a `usize`, so a negative `k` raises `OverflowError`.
#[pyfunction]
pub fn top_k_frequent(py: Python<'_>, xs: Vec<i64>, k: usize) -> Vec<i64> {
    // BEGIN SOLUTION
    py.detach(|| {
        let mut counts: HashMap<i64, usize> = HashMap::new();
        for &x in &xs {
            *counts.entry(x).or_insert(0) += 1;
        }
        // Rank by (Reverse(count), value): the smaller key is the better value.
        // BinaryHeap is a max-heap, so its top is the worst of the k kept so
        // far: a better value replaces it, and the heap never grows past k.
        // (Not `with_capacity(k)`: k may be 2**63.)
        let mut best = BinaryHeap::with_capacity(k.min(counts.len()));
        for (value, count) in counts {
            let key = (Reverse(count), value);
            if best.len() < k {
                best.push(key);
            } else if let Some(mut worst) = best.peek_mut()
                && key < *worst
            {
                *worst = key; // PeekMut restores the heap order when dropped
            }
        }
        // Ascending keys: the most frequent first, ties by smaller value.
        best.into_sorted_vec()
            .into_iter()
            .map(|(_, value)| value)
            .collect()
    })
    // END SOLUTION
}

/// The Python module `collections_rs`.
#[pymodule]
#[pyo3(name = "collections_rs")]
mod collections {
    #[pymodule_export]
    use super::{shortest_path, top_k_frequent};
}
