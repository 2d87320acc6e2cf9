"""Chapter 15, capstone: a BM25 search index, tokenised in parallel, searched in Rust."""

import itertools
import math
import random
from typing import Any

from hypothesis import strategies as st

from bench_harness.spec import Args, Bench, Call, Chapter, Example, Task

from . import baseline, peers

# Both sides compute every score with the same operations in the same order (see the
# chapter), so the floats are normally equal to the last bit. The comparison still
# allows a relative error of 1e-9 per score, and then has to allow what that implies
# for the ranking: two documents whose scores are that close may come in either order,
# and at the cut-off k, either may be the one kept. Everything else is exact.
REL = 1e-9


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL)


def is_ranking(value: Any) -> bool:
    """A list of ``(int, float)`` tuples."""
    return isinstance(value, list) and all(
        type(item) is tuple and len(item) == 2 and type(item[0]) is int and type(item[1]) is float
        for item in value
    )


def same_ranking(expected: list[tuple[int, float]], got: Any) -> bool:
    """``got`` ranks as ``expected`` does, up to near-ties.

    1. As many results, and the scores position by position within the tolerance.
    2. ``got`` is in ranking order by its own scores: each score lower than the one
       before, or equal with a larger id. The tie rule is checked exactly here.
    3. A document in both lists has close scores in both; a document in only one of
       them is near-tied with the last score kept (it fell on the other side of k).
    A document at the wrong place fails 1 or 3 unless its score is within the tolerance
    of the score it displaced, which is a near-tie."""
    if not is_ranking(got) or len(got) != len(expected):
        return False
    if not all(close(e[1], g[1]) for e, g in zip(expected, got, strict=True)):
        return False
    if len({doc for doc, _ in got}) != len(got):
        return False
    for (doc_a, score_a), (doc_b, score_b) in itertools.pairwise(got):
        if not (score_a > score_b or (score_a == score_b and doc_a < doc_b)):
            return False
    want, have = dict(expected), dict(got)
    last = expected[-1][1] if expected else 0.0
    for doc, score in have.items():
        if not close(want.get(doc, last), score):
            return False
    return all(doc in have or close(score, last) for doc, score in want.items())


def same_answer(expected: Any, got: Any) -> bool:
    """The task's comparison: a ranking (a list) by ``same_ranking``, a normalized index
    by its length and its ranking for ``PROBE``, a tuple of rankings (the benchmark's
    batch of queries) ranking by ranking, anything else exactly."""
    if isinstance(expected, list):
        return same_ranking(expected, got)
    if isinstance(expected, tuple):
        if not isinstance(got, tuple) or len(got) != len(expected):
            return False
        if expected[:1] == ("SearchIndex",):
            return expected[:2] == got[:2] and same_ranking(expected[2], got[2])
        return all(same_ranking(e, g) for e, g in zip(expected, got, strict=True))
    return type(expected) is type(got) and expected == got


# ---- The benchmark's corpus: made-up words with Zipf frequencies ----

SYLLABLES = ["ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "pi", "zu", "ba", "do"]
VOCABULARY = 30_000


def word(rank: int) -> str:
    """The word of a rank: ``rank + 12`` in base 12, one syllable per digit (at least
    two syllables, all different words)."""
    n, syllables = rank + len(SYLLABLES), []
    while n:
        n, digit = divmod(n, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    return "".join(reversed(syllables))


WORDS = [word(rank) for rank in range(VOCABULARY)]
# Zipf: the word of rank r is drawn with a weight of 1 / (r + 1).
ZIPF = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(VOCABULARY)))


def corpus(size: int, seed: int) -> list[str]:
    """``size`` documents of 40 to 160 words in sentences of 4 to 14: a capital at the
    start of each, a full stop at its end, a comma now and then."""
    rng = random.Random(seed)
    docs = []
    for _ in range(size):
        drawn = rng.choices(WORDS, cum_weights=ZIPF, k=rng.randint(40, 160))
        sentences, start = [], 0
        while start < len(drawn):
            stop = start + rng.randint(4, 14)
            sentence = drawn[start:stop]
            sentence[0] = sentence[0].capitalize()
            if len(sentence) > 5 and rng.random() < 0.3:
                sentence[2] += ","
            sentences.append(" ".join(sentence) + ".")
            start = stop
        docs.append(" ".join(sentences))
    return docs


def queries(count: int, seed: int) -> list[str]:
    """Queries of 2 to 4 terms: one common word (rank 5 to 199: in a few percent to
    most of the documents), one or two from the rest of the vocabulary (mostly rare),
    now and then a capitalised one or a word no document holds."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        terms = [WORDS[rng.randrange(5, 200)]]
        terms += [WORDS[rng.randrange(200, VOCABULARY)] for _ in range(rng.randint(1, 2))]
        if number % 3 == 0:
            terms.append("zzyzx")
        if number % 4 == 0:
            terms[0] = terms[0].capitalize()
        rng.shuffle(terms)
        made.append(" ".join(terms))
    return made


K = 10
QUERIES = 30


def search_input(size: int, seed: int) -> Args:
    return corpus(size, seed), queries(QUERIES, seed), K


def index_input(size: int, seed: int) -> Args:
    return (corpus(size, seed),)


def build(cls: Any, docs: list[str], batch: list[str], k: int) -> Args:
    """Untimed: the index of ``docs``."""
    index = cls()
    index.add(docs)
    return index, batch, k


def run_queries(cls: Any, index: Any, batch: list[str], k: int) -> tuple[Any, ...]:
    """Timed: every query of the batch, on the index already built."""
    return tuple(index.search(query, k) for query in batch)


# ---- The checks ----

# The index of a whole object is compared through its length and one search that
# finds documents of the checks' texts and of the benchmark's corpus alike.
PROBE = f"rust py a {WORDS[3]} {WORDS[40]} {WORDS[2000]}"


def normalize(value: Any) -> Any:
    """An index of either implementation, as ``("SearchIndex", len(x), x.search(PROBE, 10))``."""
    if type(value).__name__ == "SearchIndex":
        return "SearchIndex", len(value), value.search(PROBE, 10)
    return value


# Words that repeat (so that scores tie and ranks matter), their capitals, digits, and
# the separators where a tokenizer goes wrong: "_", non-ASCII letters (é, ß, the
# ligature "ﬁ", whose capital is "FI"), the Kelvin sign "\u212a" (lowercased by
# str.lower() to an ASCII "k"), "İ" (to "i" and a combining dot), a non-breaking
# space, an emoji. Pieces are joined with no space added: words run together too.
WORD_PIECES = ["rust", "Rust", "RUST", "py", "Py", "a", "A", "b", "index", "x1", "X1", "2024"]
SEPARATORS = [" ", " ", " ", "  ", ", ", ".", "-", "_", "\n", "\t", "é", "ß", "ﬁ"]
SEPARATORS += ["\u212a", "İ", "\u00a0", "🦀"]
piece = st.one_of(st.sampled_from(WORD_PIECES), st.sampled_from(SEPARATORS))
texts = st.lists(piece, max_size=10).map("".join)
doc_lists = st.lists(texts, max_size=6)
ks = st.one_of(st.integers(1, 4), st.integers(-2, 12))

LEN = Call(len, label="len")


def add(docs: list[str]) -> Call:
    return Call("add", (docs,))


def search(query: str, k: int = 10) -> Call:
    return Call("search", (query, k))


step = st.one_of(
    st.builds(add, doc_lists),
    st.builds(search, texts, ks),
    st.builds(search, texts, ks),
    st.just(LEN),
)
steps = st.lists(step, max_size=8)


def scenario(*steps: Call) -> Example:
    """A fixed scenario on a new ``SearchIndex()``."""
    return Example((), steps=steps)


def built(docs: list[str], *steps: Call) -> Example:
    """A fixed scenario on ``build_index(docs)``."""
    return Example((docs,), steps=steps)


def add_corpus(index: Any, size: int, seed: int) -> None:
    """``x.add(corpus(size, seed))``: the benchmark's kind of documents, more of them in
    one call than a Rust index may put in one piece."""
    index.add(corpus(size, seed))


def big(size: int, seed: int = 7) -> Call:
    return Call(add_corpus, (size, seed), label="add_corpus")


# 2,345 short documents of up to 5 of the 50 commonest words: cheap to build at import.
MANY = [" ".join(WORDS[(7 * i + 3 * j) % 50] for j in range(i % 5 + 1)) for i in range(2_345)]
CRAB = ["Rust is fast.", "Python is friendly; Rust and Python work together.", "A crab."]

CHAPTER = Chapter(
    number=15,
    slug="capstone",
    title="Capstone: a search index",
    module="capstone_rs",
    minutes=90,
    tasks=[
        Task(
            name="SearchIndex",
            summary="an inverted index searched with BM25: add documents, top-k search",
            baseline=baseline.SearchIndex,
            strategy=st.just(()),
            steps=steps,
            normalize=normalize,
            compare=same_answer,
            examples=[
                # Nothing indexed: every search finds nothing.
                scenario(LEN, search("rust"), search("")),
                # k = 0 is an empty answer, a negative k a ValueError, indexed or not.
                scenario(search("rust", 0), search("rust", -1)),
                scenario(add(CRAB), search("rust", 0), search("rust", -1), search("rust", 1)),
                # A str is not a list of documents: TypeError, and nothing is indexed.
                scenario(add("rust"), LEN, search("rust")),
                # The example corpus: ids in the order added, only documents that hold a
                # query term, k larger than the matches.
                scenario(add(CRAB), LEN, search("rust python", 10), search("crab", 10)),
                scenario(add(CRAB), search("RUST", 1), search("is", 2), search("go", 3)),
                # Ties: equal scores come by the smaller id.
                scenario(add(["b a", "a b", "a b", "b b a"]), search("a", 4), search("a", 2)),
                scenario(add(["x", "x", "x"]), search("x", 2), search("x X", 5)),
                # Ties between documents found by different query terms.
                scenario(add(["py", "rust", "a b"]), search("rust py", 3), search("b rust a", 3)),
                # Many documents at once, and again: ids, N and lengths across them all.
                scenario(big(2_345), LEN, search(PROBE, 12), big(777, 8), search(PROBE, 12)),
                scenario(add(CRAB), big(2_100), search(f"rust {WORDS[0]} {WORDS[999]}", 20)),
                # A term in every document still counts (idf > 0); rank-bm25 differs here.
                scenario(add(["a", "a a", "a b"]), search("a", 3)),
                # A query term repeated counts once.
                scenario(add(CRAB), search("rust rust Rust RUST", 3), search("rust", 3)),
                # Tokens: ASCII letters and digits; everything else separates.
                scenario(add(["snake_case", "SnakeCase", "snake-case"]), search("snake case", 3)),
                scenario(add(["x1 X1 x12", "2024-01-02", "1x"]), search("x1 2024 01", 5)),
                scenario(add(["na\u00efve caf\u00e9", "naive cafe"]), search("na ve caf", 5)),
                # The Kelvin sign and "İ" are separators, not "k" and "i".
                scenario(add(["\u212a9 k9", "K9", "\u0130stanbul"]), search("k9 9", 5)),
                scenario(
                    add(["\u212a9 k9", "K9", "\u0130stanbul"]), search("\u212a9 stanbul i", 5)
                ),
                # Documents with no tokens count in N and in the average length.
                scenario(
                    add(["", "!!!", "\u00e9\u00df \U0001f980", "rust"]), LEN, search("rust", 5)
                ),
                scenario(add(["", ""]), LEN, search("rust", 5), search("", 5)),
                # Adding again: ids go on, N and the average length change.
                scenario(add(["a b"]), search("a", 5), add(["c", "a a a"]), search("a", 5), LEN),
                scenario(add([]), LEN, add(CRAB), add([]), LEN, search("crab", 2)),
                # The length of a document: the shorter one ranks first for the same tf.
                scenario(add(["rust " + "py " * 20, "rust py", "rust"]), search("rust", 3)),
                # Saturation: more of a term counts, less and less.
                scenario(add(["a b", "a a b", "a a a a a a a a b"]), search("a", 3)),
            ],
            bench=Bench(
                make_input=search_input,
                sizes=[1_000, 20_000],
                size_label="documents",
                setup=build,
                driver=run_queries,
                min_speedup=20.0,
                peers=peers.SEARCH,
                peer_floors={"rank-bm25": 20.0},
            ),
            hints=[
                "Start with the free functions: each is a line or a loop, and each is one "
                "rule of the chapter. The std methods they need: `char::is_ascii_alphanumeric`, "
                "`str::to_ascii_lowercase` (and `Cow` to skip it when there is no capital), "
                "`f64::ln`, `slice::select_nth_unstable_by`. Then `index_segment` (one "
                "segment, sequentially), `index` (`par_chunks(SEGMENT)`), `scores`, and the "
                "four Python methods, which are a few lines each.",
                "`scores`: `avgdl = total_length as f64 / n as f64`, a `vec![0.0; n]` of "
                "scores and a list of the ids touched. For each distinct lowercased query "
                "term: its postings lists from every segment (`segment.get(term.as_ref())`), "
                "`df` their total length, `w = idf(n, df)`, then each `Posting { doc, tf }` "
                "adds `term_score(w, tf, self.lengths[doc as usize], avgdl)`; a share is "
                "always > 0, so a score still 0.0 is a document not touched yet. `search` "
                "turns `k` into a usize with `usize::try_from(k)` (a negative k is the "
                "ValueError), then `top_k(self.scores(query), k)`; in `top_k`, "
                "`select_nth_unstable_by(k - 1, by_rank)` and `truncate(k)` keep the best k "
                "in linear time, and `sort_unstable_by(by_rank)` orders them.",
                "`index_segment`: `for (doc, text) in (first..).zip(docs)`, count the tokens "
                "for the length, and for each `term = lowercase(token)`: "
                "`match segment.get_mut(term.as_ref()) { Some(list) => match "
                "list.last_mut() { Some(last) if last.doc == doc => last.tf += 1, _ => "
                "list.push(Posting { doc, tf: 1 }) }, None => { segment.insert("
                "term.into_owned(), vec![Posting { doc, tf: 1 }]); } }`. `index`: "
                "`docs.par_chunks(SEGMENT).enumerate().map(|(i, run)| index_segment(run, "
                "(first + i * SEGMENT) as u32)).collect::<Vec<_>>()`, then push each segment "
                "and extend `lengths` in order; `add` is `py.detach(|| self.index(&docs))`.",
            ],
        ),
        Task(
            name="build_index",
            summary="index a corpus at once: rayon tokenises with the interpreter released",
            baseline=baseline.build_index,
            strategy=st.tuples(doc_lists),
            steps=st.lists(st.one_of(st.builds(search, texts, ks), st.builds(add, doc_lists))),
            normalize=normalize,
            compare=same_answer,
            max_examples=100,
            examples=[
                built([], LEN, search("rust")),
                Example(("rust",), raises=TypeError),
                built(CRAB, LEN, search("python rust", 3)),
                built(["a"] * 5 + ["b"], search("a b", 4)),
                built(["", "rust"], search("rust", 1)),
                built(MANY, LEN, search(PROBE, 15), search(f"{WORDS[0]} {WORDS[45]}", 15)),
            ],
            bench=Bench(
                make_input=index_input,
                sizes=[1_000, 20_000],
                size_label="documents",
                min_speedup=5.0,
                peers=peers.INDEX,
                scaling=True,
            ),
            hints=[
                "`build_index` is `SearchIndex::new()` followed by `add`: once `SearchIndex` "
                "passes, so does this. What its benchmark times is `add`: reading the "
                "documents, tokenising, counting.",
                "Too slow? Check that the work runs inside `py.detach` over "
                "`par_chunks(SEGMENT)`, that `docs` is a `Vec<PyBackedStr>` (pyo3 reads each "
                "str's UTF-8 in place) rather than a `Vec<String>`, and that a `String` is "
                "made per new term of a segment, never per token: look up with "
                "`term.as_ref()`, a `&str`.",
                "Merging the segments into one map afterwards is sequential work over every "
                "posting again: keep them as they are (`self.segments.push(segment)`) and let "
                "`scores` look each term up in every segment. The scaling table of "
                "`./workbook bench capstone` shows what a merge costs.",
            ],
        ),
    ],
)
