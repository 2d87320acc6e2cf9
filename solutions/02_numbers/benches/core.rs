//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p numbers-solution --bench core      (or numbers-exercise)
//! ```
//!
//! A benchmark cannot call a function that returns `PyResult`: its error path
//! needs the Python interpreter, which a benchmark is not linked with. So this
//! one times `collatz_length`, the Rust function that does the work, over every
//! start below the Python benchmark's largest limit, keeping the longest as
//! `collatz_longest` does. criterion writes its estimates to
//! `target/criterion/collatz_longest/rust/new/estimates.json`.
//!
//! (`mean_std` has no such Rust function to time: its work is all in the
//! #[pyfunction] itself.)

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

/// The largest of `sizes` in the collatz_longest `Bench` of `exercises/02_numbers/chapter.py`.
const LIMIT: u64 = 300_000;

/// The start below `limit` with the longest sequence, and its length; ties
/// go to the smaller start.
fn longest(limit: u64) -> (u64, u64) {
    let mut best = (1, 1);
    for n in 2..limit {
        let length = chapter::collatz_length(n).expect("no term above 2**64 below the limit");
        if length > best.1 {
            best = (n, length);
        }
    }
    best
}

fn collatz_longest(c: &mut Criterion) {
    let mut group = c.benchmark_group("collatz_longest");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("rust", |b| b.iter(|| longest(black_box(LIMIT))));
    group.finish();
}

criterion_group!(benches, collatz_longest);
criterion_main!(benches);
