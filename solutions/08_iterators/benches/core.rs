//! The pure Rust core of this chapter's timed task, timed by criterion with no
//! Python anywhere: the third column of the report's "Where the time goes".
//!
//! ```text
//! cargo bench -p iterators-solution --bench core      (or iterators-exercise)
//! ```
//!
//! The Python benchmark streams every token of a text through a `Tokenizer`,
//! keeping only the last one. Without Python that is `Tokenizer::new` and
//! `next_token` until it returns None, which is what this benchmark times:
//! what is left of the Python time is making a tuple, a `str` and an `int` per
//! token, and the calls of `__next__`. Run by the workbook (`./workbook bench`),
//! it reads the Python benchmark's largest text, which the harness writes to
//! `$WORKBOOK_BENCH_INPUTS/Tokenizer.bin` (see `core_input` in
//! `exercises/08_iterators/chapter.py`). criterion writes its estimates to
//! `target/criterion/Tokenizer/rust/new/estimates.json`.
//!
//! (`sliding_window_max` has no Rust function to time on its own: it reads the
//! list's items inside the #[pyfunction] itself, with the interpreter.)

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module: the same
// line works in the solution and in the exercise, whose crate names differ.
#[path = "../src/lib.rs"]
mod chapter;

use chapter::Tokenizer;

/// The largest of `sizes` in the Tokenizer `Bench` of `exercises/08_iterators/chapter.py`.
const TOKENS: usize = 100_000;

/// The bytes that `core_input` in chapter.py made of the task's largest input,
/// which the harness writes before it runs this benchmark; None when the
/// benchmark runs by hand.
fn harness_input(task: &str) -> Option<Vec<u8>> {
    let path = Path::new(&std::env::var_os("WORKBOOK_BENCH_INPUTS")?).join(format!("{task}.bin"));
    std::fs::read(path).ok()
}

/// Run by hand: `TOKENS` tokens of words, numbers, punctuation and a few
/// non-ASCII characters between spaces, newlines and nothing, drawn by a
/// linear congruential generator: the mix of chapter.py's `text_input`, not its text.
fn text_by_hand() -> String {
    const PARTS: [&str; 12] = [
        "the", "value", "return", "_private", "café", "42", "1999", "(", ".", "=", "中", "😀",
    ];
    const SEPARATORS: [&str; 4] = [" ", "", "\n", "  "];
    let mut state: u64 = 20261125;
    let mut next = move |below: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % below
    };
    let mut text = String::new();
    for _ in 0..TOKENS {
        text.push_str(PARTS[next(PARTS.len())]);
        text.push_str(SEPARATORS[next(SEPARATORS.len())]);
    }
    text
}

fn tokenizer(c: &mut Criterion) {
    let text = match harness_input("Tokenizer") {
        Some(bytes) => String::from_utf8(bytes).expect("Tokenizer.bin: UTF-8 text"),
        None => text_by_hand(),
    };
    let mut group = c.benchmark_group("Tokenizer");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    // A Tokenizer owns its text, as pyo3 hands over a copy of the Python str:
    // each run gets a copy made outside the timed part.
    group.bench_function("rust", |b| {
        b.iter_batched(
            || text.clone(),
            |text| {
                let mut tokens = Tokenizer::new(text);
                let mut last = None;
                while let Some((kind, token, start)) = tokens.next_token() {
                    last = Some((kind, token.len(), start));
                }
                black_box(last)
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, tokenizer);
criterion_main!(benches);
