"""Chapter 09: the Python a Python programmer writes first."""

from __future__ import annotations


class SparseVector:
    """A vector of dimension ``dim`` that stores only its non-zero entries, in a
    dict from index to value. Immutable, so that it can be hashed."""

    __slots__ = ("_dim", "_entries")

    def __init__(self, dim: int, entries: dict[int, float]) -> None:
        if dim < 0:
            raise ValueError(f"the dimension must be >= 0, got {dim}")
        kept = {}
        for i, x in entries.items():
            if not 0 <= i < dim:
                raise IndexError(f"index {i} out of range for dimension {dim}")
            value = float(x)
            if value != 0.0:  # 0.0 and -0.0 are not stored
                kept[i] = value
        self._dim = dim
        self._entries = kept

    def __len__(self) -> int:
        return self._dim

    def __getitem__(self, i: int) -> float:
        """``v[i]``; a negative ``i`` counts from the end, as in a list."""
        index = i + self._dim if i < 0 else i
        if not 0 <= index < self._dim:
            raise IndexError(f"index {i} out of range for dimension {self._dim}")
        return self._entries.get(index, 0.0)

    @property
    def nnz(self) -> int:
        """How many values are stored (are not zero)."""
        return len(self._entries)

    def to_dict(self) -> dict[int, float]:
        return dict(self._entries)

    def dot(self, other: SparseVector) -> float:
        if self._dim != other._dim:
            raise ValueError(f"dot: dimensions differ ({self._dim} and {other._dim})")
        a, b = self._entries, other._entries
        total = 0.0
        # The indices both store, in increasing order: floating-point addition
        # is not associative, and this order makes the sum the same float as
        # Rust's. (A loop, not sum(): since Python 3.12, sum() of floats
        # compensates for rounding and gives a different, better, float.)
        for i in sorted(a.keys() & b.keys()):
            total += a[i] * b[i]
        return total

    def __add__(self, other: SparseVector) -> SparseVector:
        if not isinstance(other, SparseVector):
            return NotImplemented
        if self._dim != other._dim:
            raise ValueError(f"add: dimensions differ ({self._dim} and {other._dim})")
        total = dict(self._entries)
        for i, x in other._entries.items():
            total[i] = total.get(i, 0.0) + x
        return SparseVector(self._dim, total)  # drops what cancelled out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SparseVector):
            return NotImplemented
        return self._dim == other._dim and self._entries == other._entries

    def __hash__(self) -> int:
        # Everything == compares, and a frozenset: the order of the entries
        # does not change it.
        return hash((self._dim, frozenset(self._entries.items())))
