"""What a Python programmer reaches for instead of writing a search index: rank-bm25.

rank-bm25 (``from rank_bm25 import BM25Okapi``) keeps one dict of term counts per
document and, for each query term, looks the term up in every one of them: a scan of
the whole corpus per term, with numpy doing the arithmetic. Its BM25 differs from the
chapter's (its idf is ``ln((N - df + 0.5) / (df + 0.5))``, negative for a term in more
than half the documents and then replaced by a floor), so its scores are not the
baseline's: it is timed, not checked.

Each peer gets the benchmark's plain input. The query peer needs the model built
outside the timing, as the class gets it from the bench's ``setup``: it builds it on
its first call for a corpus and keeps it (``_model``). That first call falls in the
harness's calibration, which is not recorded. rank-bm25 is optional: without it,
its peers are simply not timed.
"""

from collections.abc import Callable
from typing import Any

from .baseline import tokenize

try:
    import numpy
    from rank_bm25 import BM25Okapi
except ImportError:
    BM25Okapi = None

_models: dict[int, tuple[list[str], Any]] = {}


def bm25_okapi(docs: list[str]) -> Any:
    """Indexing: tokenise every document (the chapter's tokens), then BM25Okapi."""
    return BM25Okapi([tokenize(text) for text in docs])


def _model(docs: list[str]) -> Any:
    """The model of ``docs``, built on the first call and kept with the list itself,
    so that its id cannot be reused."""
    if id(docs) not in _models:
        _models[id(docs)] = (docs, bm25_okapi(docs))
    return _models[id(docs)][1]


def bm25_okapi_search(docs: list[str], queries: list[str], k: int) -> list[list[int]]:
    """Each query: ``get_scores`` (one score per document), then the ``k`` best ids,
    picked by numpy (argpartition, then a sort of those ``k``)."""
    model = _model(docs)
    results = []
    for query in queries:
        scores = model.get_scores(tokenize(query))
        best = numpy.argpartition(-scores, k - 1)[:k]
        results.append(best[numpy.argsort(-scores[best], kind="stable")].tolist())
    return results


INDEX: dict[str, Callable[..., Any]] = {}
SEARCH: dict[str, Callable[..., Any]] = {}
if BM25Okapi is not None:
    INDEX["rank-bm25"] = bm25_okapi
    SEARCH["rank-bm25"] = bm25_okapi_search
