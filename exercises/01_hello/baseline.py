"""Chapter 01: the Python a Python programmer writes first."""


def add(a: int, b: int) -> int:
    return a + b


def count_primes(n: int) -> int:
    """How many primes are <= n (sieve of Eratosthenes)."""
    if n < 2:
        return 0
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for multiple in range(i * i, n + 1, i):
                is_prime[multiple] = False
        i += 1
    return sum(is_prime)
