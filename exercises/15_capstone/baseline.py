"""Chapter 15: the Python a Python programmer writes first: an inverted index, BM25."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable

K1 = 1.5
B = 0.75

# ASCII letters and digits only, spelled out: \w would take "_" and every Unicode
# letter, and re.IGNORECASE would let the Kelvin sign "\u212a" match "k".
_TOKEN = re.compile(r"[A-Za-z0-9]+")


def tokenize(text: str) -> list[str]:
    """The maximal runs of ASCII letters and digits, lowercased. Each run is ASCII, so
    str.lower() changes A-Z alone. (text.lower() first would not do: "\u212a", the Kelvin
    sign, lowercases to an ASCII "k", and "İ" to "i" and a combining dot.)"""
    return [token.lower() for token in _TOKEN.findall(text)]


class SearchIndex:
    """An inverted index searched with BM25 (k1 = 1.5, b = 0.75).

    ``postings[term]`` lists ``(doc_id, tf)`` for each document that holds the term,
    in increasing id order; a document's id is the order in which it was added."""

    def __init__(self) -> None:
        self._postings: dict[str, list[tuple[int, int]]] = {}
        self._lengths: list[int] = []
        self._total_length = 0

    def add(self, docs: Iterable[str]) -> None:
        """Index ``docs``; they get the ids ``len(self)``, ``len(self) + 1``, ..."""
        if isinstance(docs, str):
            raise TypeError("add() takes a list of documents, not one str")
        postings = self._postings
        for text in docs:
            doc_id = len(self._lengths)
            terms = tokenize(text)
            self._lengths.append(len(terms))
            self._total_length += len(terms)
            for term, tf in Counter(terms).items():
                postings.setdefault(term, []).append((doc_id, tf))

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """The best ``k`` documents for ``query`` as ``(id, score)``: higher scores
        first, equal scores by the smaller id; only documents holding a query term."""
        if k < 0:
            raise ValueError(f"k must be >= 0, got {k}")
        n = len(self._lengths)
        if k == 0 or n == 0:
            return []
        avgdl = self._total_length / n
        lengths = self._lengths
        scores: dict[int, float] = {}
        # A term repeated in the query counts once (dict.fromkeys keeps the first).
        for term in dict.fromkeys(tokenize(query)):
            postings = self._postings.get(term)
            if postings is None:
                continue
            df = len(postings)
            idf = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
            for doc_id, tf in postings:
                # Left to right, as the chapter defines it: the Rust must compute
                # the same operations in the same order to get the same float.
                share = (
                    idf * (tf * (K1 + 1.0)) / (tf + K1 * (1.0 - B + B * lengths[doc_id] / avgdl))
                )
                scores[doc_id] = scores.get(doc_id, 0.0) + share
        return heapq.nsmallest(k, scores.items(), key=lambda item: (-item[1], item[0]))

    def __len__(self) -> int:
        return len(self._lengths)


def build_index(docs: Iterable[str]) -> SearchIndex:
    """A new index of ``docs``: ``SearchIndex()`` and then ``add(docs)``."""
    index = SearchIndex()
    index.add(docs)
    return index
