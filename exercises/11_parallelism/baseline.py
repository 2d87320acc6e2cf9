"""Chapter 11: the Python a Python programmer writes first."""


def count_words_many(docs: list[str]) -> dict[str, int]:
    """How often each whitespace-separated word occurs over all of ``docs``."""
    counts: dict[str, int] = {}
    for doc in docs:
        for word in doc.split():
            counts[word] = counts.get(word, 0) + 1
    return counts


def count_words(text: str) -> dict[str, int]:
    """How often each whitespace-separated word occurs in ``text``."""
    counts: dict[str, int] = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def mandelbrot(width: int, height: int, max_iter: int) -> bytes:
    """The escape time of each pixel of a ``width`` x ``height`` image of the rectangle
    [-2, 1] x [-1.5, 1.5] of the complex plane, one byte per pixel, row by row from the top."""
    return mandelbrot_rows(width, height, max_iter, range(height))


def mandelbrot_rows(width: int, height: int, max_iter: int, rows: range) -> bytes:
    """The rows ``rows`` of that image (the thread and process peers split it by rows)."""
    image = bytearray(width * len(rows))
    i = 0
    for row in rows:
        cy = -1.5 + 3.0 * row / height
        for col in range(width):
            cx = -2.0 + 3.0 * col / width
            zr = zi = 0.0
            n = 0
            while n < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + cy
                zr = zr2 - zi2 + cx
                n += 1
            image[i] = n
            i += 1
    return bytes(image)
