"""What a Python programmer reaches for once the first version is too slow."""


def sieve_slices(n: int) -> int:
    """The sieve with slice assignment: the inner loop runs in C."""
    if n < 2:
        return 0
    is_prime = bytearray([1]) * (n + 1)
    is_prime[0] = is_prime[1] = 0
    i = 2
    while i * i <= n:
        if is_prime[i]:
            is_prime[i * i :: i] = bytes(len(range(i * i, n + 1, i)))
        i += 1
    return sum(is_prime)
