//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p bytes-solution --bench core      (or bytes-exercise)
//! ```
//!
//! A benchmark cannot call a function that returns `PyResult`: its error path
//! needs the Python interpreter, which a benchmark is not linked with. So this
//! one times the Rust functions that do `parse_access_log`'s work, `lines` and
//! `parse_line`, on every line of the log, adding up the statuses and the
//! sizes per path as `parse_access_log` does; what is left of the Python time
//! is building the two dicts. Run by the workbook (`./workbook bench`), it
//! reads the Python benchmark's largest log, which the harness writes to
//! `$WORKBOOK_BENCH_INPUTS/parse_access_log.bin` (see `core_input` in
//! `exercises/12_bytes/chapter.py`). criterion writes its estimates to
//! `target/criterion/parse_access_log/rust/new/estimates.json`.
//!
//! (`csv_column_sum` has no Rust function apart from its #[pyfunction] to time.)

use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

/// The largest of `sizes` in the parse_access_log `Bench` of
/// `exercises/12_bytes/chapter.py`, in bytes.
const BYTES: usize = 20_000_000;

/// The bytes that `core_input` in chapter.py made of the task's largest input,
/// which the harness writes before it runs this benchmark; None when the
/// benchmark runs by hand.
fn harness_input(task: &str) -> Option<Vec<u8>> {
    let path = Path::new(&std::env::var_os("WORKBOOK_BENCH_INPUTS")?).join(format!("{task}.bin"));
    std::fs::read(path).ok()
}

/// Run by hand: `BYTES` bytes of log lines with 900 paths, statuses and sizes
/// drawn by a linear congruential generator: the format and mix of
/// chapter.py's `log_input`, not its log.
fn log_by_hand() -> Vec<u8> {
    let mut state: u64 = 20261125;
    let mut next = move |below: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % below
    };
    let mut log = Vec::with_capacity(BYTES + 200);
    while log.len() < BYTES {
        // Two draws, the smaller kept: the first paths are the popular ones.
        let path = next(900).min(next(900));
        let status = [200, 200, 200, 200, 200, 200, 304, 404, 301, 500][next(10) as usize];
        let line = format!(
            "10.{}.{}.{} - - [14/Mar/2026:09:{:02}:{:02} +0000] \
             \"GET /blog/café/{path} HTTP/1.1\" {status} {}\n",
            next(255),
            next(255),
            next(255),
            next(60),
            next(60),
            20 + next(60_000),
        );
        log.extend_from_slice(line.as_bytes());
    }
    log
}

/// The statuses and the sizes per path of a log, as `parse_access_log`
/// counts them.
fn report(data: &[u8]) -> (HashMap<u16, u64>, HashMap<&str, u128>) {
    let mut statuses = [0u64; 1000];
    let mut sizes: HashMap<&str, u128> = HashMap::new();
    for (number, line) in chapter::lines(data) {
        if line.is_empty() {
            continue;
        }
        let entry = chapter::parse_line(line)
            .unwrap_or_else(|| panic!("line {number}: not a Common Log Format line"));
        let path = std::str::from_utf8(entry.path)
            .unwrap_or_else(|_| panic!("line {number}: the path is not valid UTF-8"));
        statuses[usize::from(entry.status)] += 1;
        *sizes.entry(path).or_insert(0) += u128::from(entry.size);
    }
    let statuses = (0u16..)
        .zip(statuses)
        .filter(|&(_, count)| count > 0)
        .collect();
    (statuses, sizes)
}

fn parse_access_log(c: &mut Criterion) {
    let data = harness_input("parse_access_log").unwrap_or_else(log_by_hand);
    let mut group = c.benchmark_group("parse_access_log");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function("rust", |b| b.iter(|| report(black_box(&data))));
    group.finish();
}

criterion_group!(benches, parse_access_log);
criterion_main!(benches);
