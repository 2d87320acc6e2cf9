"""Chapter 13, packaging: a module that ships, with signatures, docs, stubs and a wheel."""

from hypothesis import strategies as st

from bench_harness.shipping import signatures_task, wheel_task
from bench_harness.spec import Chapter, Example, Task

from . import baseline

# Text that Rust's &str can hold (no lone surrogates), with many word
# separators and some non-ASCII letters, which are not part of a word.
text_chars = st.one_of(
    st.sampled_from("abcXYZ019"),
    st.sampled_from(" -_.,!'\t\n"),
    st.sampled_from("éßÅ日本\u0661\uff21"),
    st.characters(exclude_categories=["Cs"]),
)
texts = st.lists(text_chars, max_size=40).map("".join)
separators = st.sampled_from(["-", "_", "", "--", "·", "日本"])

CHAPTER = Chapter(
    number=13,
    slug="packaging",
    title="Packaging: signatures, stubs and a wheel",
    module="packaging_rs",
    minutes=45,
    tasks=[
        Task(
            name="slugify",
            summary="a URL slug: the ASCII words of a text, lowercased, joined by sep; "
            "max_len keeps whole words",
            baseline=baseline.slugify,
            strategy=st.tuples(texts, separators, st.none() | st.integers(0, 30)),
            examples=[
                # Every argument is given: the defaults are the next task's.
                Example(("Hello, World!", "-", None), expected="hello-world"),
                Example(("Hello, World!", "_", None), expected="hello_world"),
                Example(("  --  ", "-", None), expected=""),
                Example(("", "-", None), expected=""),
                Example(("Crème brûlée 2024", "-", None), expected="cr-me-br-l-e-2024"),
                Example(("日本語 text", "-", None), expected="text"),
                Example(("a b", "·", None), expected="a·b"),
                # max_len keeps whole words: "rust-for" is 8 characters.
                Example(("Rust for Python", "-", 8), expected="rust-for"),
                Example(("Rust for Python", "-", 7), expected="rust"),
                Example(("Rust for Python", "-", 15), expected="rust-for-python"),
                Example(("Rust for Python", "-", 3), expected=""),
                Example(("Rust for Python", "·", 8), expected="rust·for"),
                Example(("Rust for Python", "-", 0), expected=""),
                Example(("Rust", "-", -1), raises=OverflowError),
            ],
            hints=[
                "A word is a run of ASCII letters and digits: "
                "`text.split(|c: char| !c.is_ascii_alphanumeric())` cuts the text at every "
                "other character; `.filter(|w| !w.is_empty())` drops the empty pieces.",
                "Count the slug's length in characters as you go, not with `slug.len()`: "
                "`sep` may be `·` (2 bytes, 1 character). A word is ASCII, so its byte "
                "length is its length in characters.",
                "`max_len: Option<usize>`: `max_len.is_some_and(|max| len + added > max)` "
                "stops before the first word that does not fit.",
            ],
        ),
        Task(
            name="truncate",
            summary="text cut to at most width characters, ending with placeholder",
            baseline=baseline.truncate,
            strategy=st.tuples(
                texts, st.integers(0, 45), st.sampled_from(["...", "…", "", "→ more"])
            ),
            examples=[
                Example(("short", 10, "..."), expected="short"),
                Example(("exactly10!", 10, "..."), expected="exactly10!"),
                Example(("a little longer", 10, "..."), expected="a littl..."),
                Example(("a little longer", 10, "…"), expected="a little …"),
                Example(("日本語のテキスト", 5, "…"), expected="日本語の…"),
                Example(("abcdef", 2, "..."), raises=ValueError, match="longer than width"),
                Example(("ab", 2, "......"), expected="ab"),
                Example(("abc", 0, ""), expected=""),
                Example(("anything", -1, "..."), raises=OverflowError),
            ],
            hints=[
                "Characters, not bytes: `text.chars().nth(width).is_none()` says the text "
                "has at most `width` characters and is returned whole.",
                "Otherwise the room for text is `width - placeholder.chars().count()`; "
                "`checked_sub` gives `None` when the placeholder is longer, where you return "
                "`Err(PyValueError::new_err(...))` saying so.",
                "`text.chars().take(room).collect::<String>() + placeholder`. A negative "
                "width needs no code: `usize` refuses it with OverflowError.",
            ],
        ),
        signatures_task(
            "signatures",
            summary="Python sees each function with the chapter's parameters, defaults "
            "and docstrings (help(), inspect.signature)",
            hints=[
                "`inspect.signature(packaging_rs.slugify)` must equal "
                "`(text, sep='-', max_len=None)` and truncate's "
                "`(text, width=70, placeholder='...')`. Without an attribute, PyO3 makes "
                "every parameter required.",
                'Under `#[pyfunction]`, add `#[pyo3(signature = (text, sep = "-", '
                "max_len = None))]`: the defaults are Rust expressions, and an "
                "`Option<T>` parameter takes `None`.",
                "`///` comments become `__doc__`: on each function, and on the "
                "`#[pymodule]` for the module's. PyO3 writes `__text_signature__` from the "
                'signature attribute; `#[pyo3(text_signature = "...")]` is only needed to '
                "show something else.",
            ],
        ),
        wheel_task(
            "ship",
            summary="maturin builds a wheel that installs in a fresh venv, with py.typed "
            "and stubs (packaging_rs.pyi) that mypy's stubtest accepts",
            hints=[
                "Build it yourself: `.venv/bin/maturin build --release -m "
                "exercises/13_packaging/Cargo.toml -o /tmp/wheels`. With a "
                "`packaging_rs.pyi` next to Cargo.toml, maturin adds it and `py.typed` to the "
                "wheel; `python -m zipfile -l /tmp/wheels/*.whl` lists what is inside.",
                "stubtest checks names, parameters and defaults, not types: write "
                '`def slugify(text: str, sep: str = "-", max_len: int | None = None) '
                "-> str: ...` with the defaults the Rust really has. `__all__` must list "
                "what the module's `__all__` lists: print `packaging_rs.__all__`.",
                "Read stubtest's lines one by one: 'is not present in stub' is a name "
                "the stub lacks, 'stub argument ... has a default value but runtime "
                "argument does not' a default the Rust lacks (fix the Rust, not the stub), "
                "'is inconsistent' a parameter that differs.",
            ],
        ),
    ],
)
