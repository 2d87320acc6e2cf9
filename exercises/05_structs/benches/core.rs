//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p structs-solution --bench core      (or structs-exercise)
//! ```
//!
//! The Python benchmark makes a `RunningStats()`, extends it with a list of
//! floats and reads count, mean and variance. Without Python that work is
//! `RunningStats::add` on every float, which is what this benchmark times. Run
//! by the workbook (`./workbook bench`), it reads the Python benchmark's
//! largest list, which the harness writes to
//! `$WORKBOOK_BENCH_INPUTS/RunningStats.bin` as f64s in the machine's byte
//! order (see `core_input` in `exercises/05_structs/chapter.py`). criterion
//! writes its estimates to `target/criterion/RunningStats/rust/new/estimates.json`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

use chapter::RunningStats;

/// The largest of `sizes` in the RunningStats `Bench` of `exercises/05_structs/chapter.py`.
const FLOATS: usize = 1_000_000;

/// The bytes that `core_input` in chapter.py made of the task's largest input,
/// which the harness writes before it runs this benchmark; None when the
/// benchmark runs by hand.
fn harness_input(task: &str) -> Option<Vec<u8>> {
    let path = Path::new(&std::env::var_os("WORKBOOK_BENCH_INPUTS")?).join(format!("{task}.bin"));
    std::fs::read(path).ok()
}

fn running_stats(c: &mut Criterion) {
    let xs: Vec<f64> = match harness_input("RunningStats") {
        Some(bytes) => bytes
            .chunks_exact(8)
            .map(|b| f64::from_ne_bytes(b.try_into().expect("8 bytes")))
            .collect(),
        // Run by hand: `FLOATS` values from 85 to 115, not chapter.py's
        // gauss(100, 15) draws but as costly to add.
        None => (0..FLOATS)
            .map(|i| 85.0 + (i * 7919 % 3001) as f64 / 100.0)
            .collect(),
    };
    let mut group = c.benchmark_group("RunningStats");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("rust", |b| {
        b.iter(|| {
            let mut stats = RunningStats::default();
            for &x in black_box(&xs) {
                stats.add(x);
            }
            stats
        })
    });
    group.finish();
}

criterion_group!(benches, running_stats);
criterion_main!(benches);
