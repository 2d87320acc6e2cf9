"""Small text helpers, written in Rust and shipped as a wheel with type stubs."""

# What a type checker knows of packaging_rs: only what this file says. maturin
# puts it in the wheel, with py.typed, when it sits next to Cargo.toml.
# stubtest compares it with the module Python imports: every name, parameter
# and default of the module must be here, as Python sees them.

__version__: str

# TODO: __all__, slugify and truncate.
