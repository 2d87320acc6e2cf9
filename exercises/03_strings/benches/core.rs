//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p strings-solution --bench core      (or strings-exercise)
//! ```
//!
//! `count_words` takes a `&str`, so the benchmark calls it as it is. Run by the
//! workbook (`./workbook bench`), it reads the Python benchmark's largest text,
//! which the harness writes to `$WORKBOOK_BENCH_INPUTS/count_words.bin` (see
//! `core_input` in `exercises/03_strings/chapter.py`). criterion writes its
//! estimates to `target/criterion/count_words/rust/new/estimates.json`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

/// The largest of `sizes` in the count_words `Bench` of `exercises/03_strings/chapter.py`.
const WORDS: usize = 1_000_000;

/// The bytes that `core_input` in chapter.py made of the task's largest input,
/// which the harness writes before it runs this benchmark; None when the
/// benchmark runs by hand.
fn harness_input(task: &str) -> Option<Vec<u8>> {
    let path = Path::new(&std::env::var_os("WORKBOOK_BENCH_INPUTS")?).join(format!("{task}.bin"));
    std::fs::read(path).ok()
}

/// Run by hand: `WORDS` words of 1 to 9 letters from a vocabulary of 4000,
/// the small ranks far more often, mostly between spaces: about the size and
/// the mix of chapter.py's `make_words`, not the same text.
fn words_by_hand() -> String {
    let mut state: u64 = 20261125;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        state >> 33
    };
    let mut text = String::new();
    for _ in 0..WORDS {
        // Two draws, the smaller kept: small ranks are the common words.
        let rank = (next() % 4000).min(next() % 4000);
        let mut k = rank;
        for _ in 0..=rank % 9 {
            text.push(char::from(b'a' + (k % 26) as u8));
            k = k / 26 + 7;
        }
        text.push_str(match next() % 100 {
            0..85 => " ",
            85..94 => "\n",
            94..97 => "\t",
            _ => "  ",
        });
    }
    text
}

fn count_words(c: &mut Criterion) {
    let text = match harness_input("count_words") {
        Some(bytes) => String::from_utf8(bytes).expect("count_words.bin: UTF-8 text"),
        None => words_by_hand(),
    };
    let mut group = c.benchmark_group("count_words");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("rust", |b| {
        b.iter(|| chapter::count_words(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, count_words);
criterion_main!(benches);
