//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p traits-solution --bench core      (or traits-exercise)
//! ```
//!
//! The Python benchmark builds two vectors (untimed) and times `u.dot(v)`.
//! Without Python that is `SparseVector::dot_product`, which this benchmark
//! times on the same two vectors. Run by the workbook (`./workbook bench`), it
//! reads the Python benchmark's largest pair, which the harness writes to
//! `$WORKBOOK_BENCH_INPUTS/SparseVector.bin` (see `core_input` in
//! `exercises/09_traits/chapter.py`): little-endian, the dimension as a u64,
//! then for each vector its count of entries as a u64, its indices as u64s
//! and its values as f64s. criterion writes its estimates to
//! `target/criterion/SparseVector/rust/new/estimates.json`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

use chapter::SparseVector;

/// The largest of `sizes` in the SparseVector `Bench` of `exercises/09_traits/chapter.py`:
/// values per vector, in a dimension 100 times larger.
const VALUES: usize = 100_000;

/// The bytes that `core_input` in chapter.py made of the task's largest input,
/// which the harness writes before it runs this benchmark; None when the
/// benchmark runs by hand.
fn harness_input(task: &str) -> Option<Vec<u8>> {
    let path = Path::new(&std::env::var_os("WORKBOOK_BENCH_INPUTS")?).join(format!("{task}.bin"));
    std::fs::read(path).ok()
}

/// A vector as `SparseVector::new` keeps it: zeros dropped, sorted by index.
fn vector(dim: usize, mut entries: Vec<(usize, f64)>) -> SparseVector {
    entries.retain(|&(_, x)| x != 0.0);
    entries.sort_unstable_by_key(|&(i, _)| i);
    SparseVector { dim, entries }
}

/// The two vectors of SparseVector.bin.
fn read_pair(bytes: &[u8]) -> (SparseVector, SparseVector) {
    let mut words = bytes
        .chunks_exact(8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")));
    let mut word = || words.next().expect("SparseVector.bin: more input");
    let index = |w: u64| usize::try_from(w).expect("an index that fits in a usize");
    let dim = index(word());
    let mut one = || {
        let len = index(word());
        let indices: Vec<usize> = (0..len).map(|_| index(word())).collect();
        let values: Vec<f64> = (0..len).map(|_| f64::from_bits(word())).collect();
        vector(dim, indices.into_iter().zip(values).collect())
    };
    let u = one();
    let v = one();
    (u, v)
}

/// Run by hand: two vectors of `VALUES` values in a dimension 100 times
/// larger, at indices drawn by a linear congruential generator: as full and
/// as long as chapter.py's `vectors_input`, not the same vectors.
fn pair_by_hand() -> (SparseVector, SparseVector) {
    let dim = 100 * VALUES;
    let mut state: u64 = 20261125;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        state >> 33
    };
    let mut one = || {
        let mut entries: Vec<(usize, f64)> = (0..VALUES)
            .map(|_| (next() as usize % dim, next() as f64 / 2f64.powi(30) - 1.0))
            .collect();
        // Each index once, as in a dict.
        entries.sort_unstable_by_key(|&(i, _)| i);
        entries.dedup_by_key(|&mut (i, _)| i);
        vector(dim, entries)
    };
    let u = one();
    let v = one();
    (u, v)
}

fn sparse_vector(c: &mut Criterion) {
    let (u, v) = match harness_input("SparseVector") {
        Some(bytes) => read_pair(&bytes),
        None => pair_by_hand(),
    };
    let mut group = c.benchmark_group("SparseVector");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("rust", |b| {
        b.iter(|| black_box(&u).dot_product(black_box(&v)))
    });
    group.finish();
}

criterion_group!(benches, sparse_vector);
criterion_main!(benches);
