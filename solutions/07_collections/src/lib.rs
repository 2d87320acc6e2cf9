//! Chapter 07: std's collections, HashMap, HashSet, VecDeque and BinaryHeap.
//!
//! Python has one of each and uses them everywhere: dict, set, deque, heapq.
//! Rust's are generic over their item types, and that is where the surprises
//! are: `BinaryHeap` is a max-heap, and `f64` cannot go into one as it is.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

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
        // Number the nodes 0, 1, 2... in the order they are first seen, so that
        // the adjacency lists and the distances are Vecs indexed by number,
        // not hash maps looked up on every step of the search.
        let mut number: HashMap<i64, usize> = HashMap::new();
        let mut adjacency: Vec<Vec<(usize, f64)>> = Vec::new();
        for &(u, v, weight) in &edges {
            let [a, b] = [u, v].map(|node| {
                let next = number.len();
                *number.entry(node).or_insert_with(|| {
                    adjacency.push(Vec::new());
                    next
                })
            });
            adjacency[a].push((b, weight));
        }
        // A node on no edge cannot be reached from another node.
        let (Some(&start), Some(&target)) = (number.get(&src), number.get(&dst)) else {
            return None;
        };

        let mut dist = vec![f64::INFINITY; adjacency.len()];
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
            for &(next, weight) in &adjacency[node] {
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
