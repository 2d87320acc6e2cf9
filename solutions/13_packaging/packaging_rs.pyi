"""Small text helpers, written in Rust and shipped as a wheel with type stubs."""

__all__ = ["__version__", "slugify", "truncate"]

__version__: str

def slugify(text: str, sep: str = "-", max_len: int | None = None) -> str:
    """Turn ``text`` into a URL slug."""

def truncate(text: str, width: int = 70, placeholder: str = "...") -> str:
    """Shorten ``text`` to at most ``width`` characters."""
