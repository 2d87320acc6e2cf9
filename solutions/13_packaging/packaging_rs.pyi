"""Small text helpers, written in Rust and shipped as a wheel with type stubs."""

# What a type checker knows of packaging_rs: only what this file says. maturin
# puts it in the wheel, with py.typed, when it sits next to Cargo.toml.
# stubtest compares it with the module Python imports: every name, parameter
# and default of the module must be here, as Python sees them.

__version__: str

# BEGIN SOLUTION: __all__, slugify and truncate.
__all__ = ["__version__", "slugify", "truncate"]

def slugify(text: str, sep: str = "-", max_len: int | None = None) -> str:
    """Turn ``text`` into a URL slug."""

def truncate(text: str, width: int = 70, placeholder: str = "...") -> str:
    """Shorten ``text`` to at most ``width`` characters."""

# END SOLUTION
