//! The two pure Rust cores timed by criterion, with no Python anywhere:
//!
//! ```text
//! cargo bench -p profiling-solution --bench ngrams      (or profiling-exercise)
//! ```
//!
//! The input is the Python benchmark's largest one: a million characters from
//! `make_text` below, which repeats `make_text` in `exercises/14_profiling/chapter.py`
//! step for step (the same generator, the same seed, the same text). Set
//! `NGRAMS_TEXT` to a file's path to time the cores on that file instead (a
//! book from Project Gutenberg, say), and `NGRAMS_N` for another `n`.
//!
//! criterion writes its estimates to `target/criterion/ngram_counts/slow/` and
//! `target/criterion/ngram_counts/fast/` (`new/estimates.json`) and compares each
//! run with the one before it.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

// The crate's own source, compiled into this benchmark as a module. A benchmark
// could instead `use` the library by its crate name, but that name differs
// between the solution and the exercise; this line is the same in both.
#[path = "../src/lib.rs"]
mod chapter;

/// The seed of the Python benchmark (`bench_harness.timing.SEED`).
const SEED: u64 = 20261125;
/// The Python benchmark's largest size, in characters.
const SIZE: usize = 1_000_000;

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "gu", "ho", "ji", "pe", "so", "ze",
];
const VOCABULARY: u64 = 100;

/// A linear congruential generator (Knuth's MMIX constants): the top 31 bits
/// of each state. Written the same way in chapter.py.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// `size` ASCII characters of words drawn by Zipf's law from a vocabulary of
/// `VOCABULARY`, between spaces mostly, some newlines, double spaces and tabs.
/// The same text as `make_text(size, seed)` in chapter.py.
fn make_text(size: usize, seed: u64) -> String {
    // Word `rank` spells `rank + 1` in base 16, one syllable per digit.
    let words: Vec<String> = (1..=VOCABULARY)
        .map(|mut k| {
            let mut word = String::new();
            while k > 0 {
                word.push_str(SYLLABLES[(k % 16) as usize]);
                k /= 16;
            }
            word
        })
        .collect();
    // Zipf's law: the word of rank r has weight 1/r (in integers, 1_000_000 / r).
    let cumulative: Vec<u64> = (1..=VOCABULARY)
        .scan(0, |total, rank| {
            *total += 1_000_000 / rank;
            Some(*total)
        })
        .collect();
    let total = cumulative[cumulative.len() - 1];
    let mut rng = Lcg(seed);
    let mut text = String::new();
    while text.len() < size {
        let x = rng.next() % total;
        text.push_str(&words[cumulative.partition_point(|&c| c <= x)]);
        text.push_str(match rng.next() % 100 {
            0..85 => " ",
            85..92 => "\n",
            92..96 => "  ",
            96..99 => "\t",
            _ => "\n\n",
        });
    }
    text.truncate(size);
    text
}

fn bench(c: &mut Criterion) {
    let text = match std::env::var_os("NGRAMS_TEXT") {
        Some(path) => std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("NGRAMS_TEXT={}: {error}", path.display())),
        None => make_text(SIZE, SEED),
    };
    let n: usize = std::env::var("NGRAMS_N").map_or(2, |n| n.parse().expect("NGRAMS_N: a number"));
    let mut group = c.benchmark_group("ngram_counts");
    // Each call takes milliseconds: fewer samples than criterion's 100 do.
    group.sample_size(20);
    // Report bytes of text per second too, as the workbook's table does.
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("slow", |b| {
        b.iter(|| chapter::ngram_counts_slow(black_box(&text), black_box(n)))
    });
    group.bench_function("fast", |b| {
        b.iter(|| chapter::ngram_counts(black_box(&text), black_box(n)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
