//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p ownership-solution --bench core      (or ownership-exercise)
//! ```
//!
//! `dedupe` takes and returns a `Vec<i64>`, so the benchmark calls it as it is.
//! Run by the workbook (`./workbook bench`), it reads the Python benchmark's
//! largest list, which the harness writes to `$WORKBOOK_BENCH_INPUTS/dedupe.bin`
//! as i64s in the machine's byte order (see `core_input` in `exercises/04_ownership/chapter.py`).
//! criterion writes its estimates to `target/criterion/dedupe/rust/new/estimates.json`.
//!
//! (`sum_buffer` has no Rust function to time on its own: it reads the
//! buffer's cells inside the #[pyfunction] itself, with the interpreter.)

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

/// The largest of `sizes` in the dedupe `Bench` of `exercises/04_ownership/chapter.py`.
const ITEMS: i64 = 1_000_000;

/// The bytes that `core_input` in chapter.py made of the task's largest input,
/// which the harness writes before it runs this benchmark; None when the
/// benchmark runs by hand.
fn harness_input(task: &str) -> Option<Vec<u8>> {
    let path = Path::new(&std::env::var_os("WORKBOOK_BENCH_INPUTS")?).join(format!("{task}.bin"));
    std::fs::read(path).ok()
}

fn dedupe(c: &mut Criterion) {
    let xs: Vec<i64> = match harness_input("dedupe") {
        Some(bytes) => bytes
            .chunks_exact(8)
            .map(|b| i64::from_ne_bytes(b.try_into().expect("8 bytes")))
            .collect(),
        // Run by hand: `ITEMS` values spread over range(-ITEMS / 2, ITEMS / 2)
        // by a linear congruential generator, about as many repeats as in
        // chapter.py's `repeats_input`, not the same list.
        None => {
            let mut state: u64 = 20261125;
            (0..ITEMS)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (state >> 33) as i64 % ITEMS - ITEMS / 2
                })
                .collect()
        }
    };
    let mut group = c.benchmark_group("dedupe");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    // dedupe owns its Vec, as pyo3 hands it over: each call gets a copy made
    // outside the timed part.
    group.bench_function("rust", |b| {
        b.iter_batched(
            || xs.clone(),
            |xs| chapter::dedupe(black_box(xs)),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, dedupe);
criterion_main!(benches);
