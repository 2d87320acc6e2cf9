"""Chapter 05: the Python a Python programmer writes first."""

from collections.abc import Iterable


class RunningStats:
    """Count, mean and sample variance of a stream of floats, in one pass and
    constant memory (Welford's online algorithm)."""

    def __init__(self) -> None:
        self.count = 0
        self._mean = 0.0
        self._m2 = 0.0  # the sum of squared distances from the mean

    def push(self, x: float) -> None:
        self.count += 1
        delta = x - self._mean
        self._mean += delta / self.count
        self._m2 += delta * (x - self._mean)

    def extend(self, xs: Iterable[float]) -> None:
        for x in xs:
            self.push(x)

    @property
    def mean(self) -> float:
        if self.count == 0:
            raise ValueError("mean of an empty RunningStats")
        return self._mean

    @property
    def variance(self) -> float:
        """The sample variance: the sum of squared distances over count - 1."""
        if self.count < 2:
            raise ValueError(f"variance needs at least two values, got {self.count}")
        return self._m2 / (self.count - 1)

    def merge(self, other: "RunningStats") -> None:
        """Add everything ``other`` has seen to this one (Chan et al.); ``other``
        is left as it was. ``x.merge(x)`` counts every value twice."""
        n_a, n_b = self.count, other.count
        if n_b == 0:
            return
        if n_a == 0:
            self.count, self._mean, self._m2 = n_b, other._mean, other._m2
            return
        total = n_a + n_b
        delta = other._mean - self._mean
        self._mean += delta * n_b / total
        self._m2 += other._m2 + delta * delta * n_a * n_b / total
        self.count = total

    def __repr__(self) -> str:
        if self.count == 0:
            return "RunningStats(count=0)"
        if self.count == 1:
            return f"RunningStats(count=1, mean={self._mean!r})"
        return f"RunningStats(count={self.count}, mean={self._mean!r}, variance={self.variance!r})"
