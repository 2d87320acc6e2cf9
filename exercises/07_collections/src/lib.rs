//! Chapter 07: std's collections, HashMap, HashSet, VecDeque and BinaryHeap.
//!
//! Python has one of each and uses them everywhere: dict, set, deque, heapq.
//! Rust's are generic over their item types, and that is where the surprises
//! are: `BinaryHeap` is a max-heap, and `f64` cannot go into one as it is.

// Until the todo!()s are written, their parameters and imports are unused.
#![allow(unused_imports, unused_variables, dead_code)]

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
        todo!()
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
    todo!()
}

/// The `k` most frequent values of `xs`, most frequent first. Values seen
/// equally often come smaller value first. Fewer than `k` distinct values: all
/// of them. `k` is a `usize`, so a negative `k` raises `OverflowError`.
#[pyfunction]
pub fn top_k_frequent(py: Python<'_>, xs: Vec<i64>, k: usize) -> Vec<i64> {
    todo!()
}

/// The Python module `collections_rs`.
#[pymodule]
#[pyo3(name = "collections_rs")]
mod collections {
    #[pymodule_export]
    use super::{shortest_path, top_k_frequent};
}
