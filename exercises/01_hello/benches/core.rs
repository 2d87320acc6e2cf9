//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p hello-solution --bench core      (or hello-exercise)
//! ```
//!
//! `count_primes` takes a plain `usize`, so the benchmark calls it as it is,
//! at the Python benchmark's largest size. criterion writes its estimates to
//! `target/criterion/count_primes/rust/new/estimates.json`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

/// The largest of `sizes` in the count_primes `Bench` of `exercises/01_hello/chapter.py`.
const N: usize = 1_000_000;

fn count_primes(c: &mut Criterion) {
    let mut group = c.benchmark_group("count_primes");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("rust", |b| b.iter(|| chapter::count_primes(black_box(N))));
    group.finish();
}

criterion_group!(benches, count_primes);
criterion_main!(benches);
