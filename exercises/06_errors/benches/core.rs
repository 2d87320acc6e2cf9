//! The pure Rust cores of this chapter's two timed tasks, timed by criterion
//! with no Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p errors-solution --bench core      (or errors-exercise)
//! ```
//!
//! Both tasks sort version strings. From Python, `parse_version` is the key of
//! `sorted()`, which compares the `Version` objects it returns (a call into Rust
//! per comparison); `sort_versions` does it all in one call. Without Python,
//! both are `Version::parse` on every string and a sort by version order:
//!
//! - `parse_version/rust` sorts the `Version`s themselves with the stable
//!   `sort()`, which compares them through `Ord` (their `key()`), as `sorted()`
//!   does through `<`;
//! - `sort_versions/rust` makes each version's `key()` once and sorts the keys.
//!
//! Run by the workbook (`./workbook bench`), they read the Python benchmark's
//! largest list, which the harness writes to `$WORKBOOK_BENCH_INPUTS/<task>.bin`,
//! one version a line (see `core_input` in `exercises/06_errors/chapter.py`).
//! criterion writes its estimates to `target/criterion/<task>/rust/new/estimates.json`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

use chapter::{Key, Version};

/// The largest of `sizes` in both `Bench`es of `exercises/06_errors/chapter.py`.
const VERSIONS: u64 = 10_000;

/// The bytes that `core_input` in chapter.py made of the task's largest input,
/// which the harness writes before it runs this benchmark; None when the
/// benchmark runs by hand.
fn harness_input(task: &str) -> Option<Vec<u8>> {
    let path = Path::new(&std::env::var_os("WORKBOOK_BENCH_INPUTS")?).join(format!("{task}.bin"));
    std::fs::read(path).ok()
}

/// The task's versions, one a line. Run by hand: `VERSIONS` versions of one to
/// three numbers, a few with a pre-, post- or dev-release, drawn by a linear
/// congruential generator: the mix of chapter.py's `make_versions`, not its list.
fn versions(task: &str) -> String {
    if let Some(bytes) = harness_input(task) {
        return String::from_utf8(bytes).expect("the versions as UTF-8 text");
    }
    let mut state: u64 = 20261125;
    let mut next = move |below: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % below
    };
    let mut lines = Vec::new();
    for _ in 0..VERSIONS {
        let release = [next(4), next(30), next(20)];
        let parts = [1, 2, 3, 3][next(4) as usize];
        let mut text = release[..parts]
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(".");
        match next(100) {
            0..15 => text += &format!("{}{}", ["a", "b", "rc"][next(3) as usize], 1 + next(3)),
            15..20 => text += &format!(".post{}", 1 + next(2)),
            _ => {}
        }
        if next(100) < 5 {
            text += &format!(".dev{}", next(5));
        }
        lines.push(text);
    }
    lines.join("\n")
}

/// Short runs: the workbook runs every chapter's benchmarks in one go.
fn quick(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
}

fn parse(text: &str) -> Version {
    Version::parse(text).expect("the benchmark's versions are valid")
}

fn parse_version(c: &mut Criterion) {
    let text = versions("parse_version");
    let mut group = c.benchmark_group("parse_version");
    quick(&mut group);
    group.bench_function("rust", |b| {
        b.iter(|| {
            let mut parsed: Vec<Version> = black_box(&text).lines().map(parse).collect();
            parsed.sort();
            parsed
        })
    });
    group.finish();
}

fn sort_versions(c: &mut Criterion) {
    let text = versions("sort_versions");
    let strings: Vec<&str> = text.lines().collect();
    let mut group = c.benchmark_group("sort_versions");
    quick(&mut group);
    group.bench_function("rust", |b| {
        b.iter(|| {
            let strings = black_box(&strings);
            let parsed: Vec<Version> = strings.iter().map(|s| parse(s)).collect();
            // The position breaks ties: equal versions keep their order.
            let mut order: Vec<(Key<'_>, usize)> =
                parsed.iter().map(Version::key).zip(0..).collect();
            order.sort_unstable();
            order
                .into_iter()
                .map(|(_, i)| strings[i])
                .collect::<Vec<&str>>()
        })
    });
    group.finish();
}

criterion_group!(benches, parse_version, sort_versions);
criterion_main!(benches);
