"""What a Python programmer reaches for to use more than one core.

Threads (``concurrent.futures.ThreadPoolExecutor``) share one interpreter and
its GIL: only one of them runs Python code at a time. Processes
(``multiprocessing.Pool``) each have their own interpreter, so they do run in
parallel, but every argument and every result is pickled on the way through a
pipe. Each peer starts its own pool on every call, as a script that does this
once would; the pools are as large as ``threads()``, the cores the benchmark
runs on. The pools fork (Linux's default start method up to Python 3.13; named
here so that 3.14, whose default is forkserver, times the same thing).
"""

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bench_harness.spec import threads

from . import baseline

T = TypeVar("T")


def chunks(items: Sequence[T], per_worker: int = 4) -> Iterator[Sequence[T]]:
    """``items`` cut into about ``per_worker`` slices per thread, in order."""
    step = max(1, -(-len(items) // (threads() * per_worker)))
    for start in range(0, len(items), step):
        yield items[start : start + step]


def in_threads(fn: Callable[[Any], T], items: Sequence[Any]) -> list[T]:
    """``[fn(x) for x in items]``, the calls spread over a pool of ``threads()`` threads."""
    with ThreadPoolExecutor(threads()) as pool:
        return list(pool.map(fn, items))


def _pool() -> Any:
    return multiprocessing.get_context("fork").Pool(threads())


# count_words_many


def counter(docs: list[str]) -> dict[str, int]:
    """One Counter fed every document's words: its counting loop is in C."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(doc.split())
    return dict(counts)


def _count_chunk(docs: Sequence[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(doc.split())
    return counts


def _merge(parts: Iterator[Counter[str]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return dict(total)


def threads_counter(docs: list[str]) -> dict[str, int]:
    """Counters of slices of the documents, made in threads: they take turns with the GIL."""
    with ThreadPoolExecutor(threads()) as pool:
        return _merge(pool.map(_count_chunk, chunks(docs)))


def pool_counter(docs: list[str]) -> dict[str, int]:
    """Counters of slices of the documents, made in processes: the documents are pickled
    to the workers and the Counters back."""
    with _pool() as pool:
        return _merge(pool.imap(_count_chunk, chunks(docs)))


COUNT_WORDS_MANY = {
    "Counter": counter,
    "ThreadPoolExecutor, Counter": threads_counter,
    "multiprocessing.Pool, Counter": pool_counter,
}

# count_words: the task's own driver already runs the baseline in threads.


def one_thread(docs: list[str]) -> list[dict[str, int]]:
    """The same calls of the baseline one after the other, without threads."""
    return [baseline.count_words(doc) for doc in docs]


def pool_count_words(docs: list[str]) -> list[dict[str, int]]:
    """The baseline in processes: each document pickled there, each dict pickled back."""
    with _pool() as pool:
        return pool.map(baseline.count_words, docs)


COUNT_WORDS = {
    "Python, one thread": one_thread,
    "multiprocessing.Pool": pool_count_words,
}

# mandelbrot


def _bands(width: int, height: int, max_iter: int) -> list[tuple[int, int, int, range]]:
    return [(width, height, max_iter, band) for band in chunks(range(height))]


def _band(job: tuple[int, int, int, range]) -> bytes:
    return baseline.mandelbrot_rows(*job)


def threads_mandelbrot(width: int, height: int, max_iter: int) -> bytes:
    """Bands of rows in threads: they take turns with the GIL."""
    with ThreadPoolExecutor(threads()) as pool:
        return b"".join(pool.map(_band, _bands(width, height, max_iter)))


def pool_mandelbrot(width: int, height: int, max_iter: int) -> bytes:
    """Bands of rows in processes: little to pickle, a few bytes in, a band out."""
    with _pool() as pool:
        return b"".join(pool.map(_band, _bands(width, height, max_iter)))


try:
    import numpy
except ImportError:
    numpy = None


def numpy_mandelbrot(width: int, height: int, max_iter: int) -> bytes:
    """Whole-array steps, max_iter of them, on the points that have not escaped yet.
    The same float operations in the same order as the baseline: the same bytes."""
    cy = -1.5 + 3.0 * numpy.arange(height, dtype=numpy.float64) / height
    cx = -2.0 + 3.0 * numpy.arange(width, dtype=numpy.float64) / width
    cr = numpy.broadcast_to(cx, (height, width)).ravel()
    ci = numpy.repeat(cy, width)
    counts = numpy.zeros(width * height, dtype=numpy.uint8)
    live = numpy.arange(width * height)
    zr = numpy.zeros(live.size)
    zi = numpy.zeros(live.size)
    for _ in range(max_iter):
        zr2 = zr * zr
        zi2 = zi * zi
        inside = zr2 + zi2 <= 4.0
        live, zr, zi, zr2, zi2 = live[inside], zr[inside], zi[inside], zr2[inside], zi2[inside]
        if live.size == 0:
            break
        zi = 2.0 * zr * zi + ci[live]
        zr = zr2 - zi2 + cr[live]
        counts[live] += 1
    return counts.tobytes()


MANDELBROT = {
    **({"numpy": numpy_mandelbrot} if numpy is not None else {}),
    "ThreadPoolExecutor, rows": threads_mandelbrot,
    "multiprocessing.Pool, rows": pool_mandelbrot,
}
