"""What a Python programmer reaches for instead of writing a version parser.

packaging is optional: without it, its peer is simply not timed.
"""

from collections.abc import Callable
from typing import Any

try:
    from packaging.version import Version as PackagingVersion
except ImportError:
    PackagingVersion = None


def sort_packaging(versions: list[str]) -> list[str]:
    """packaging (what pip uses) parses all of PEP 440, a superset of the chapter's grammar."""
    return sorted(versions, key=PackagingVersion)


PACKAGING = "sorted(key=packaging.version.Version)"
SORT_VERSIONS: dict[str, Callable[..., Any]] = (
    {PACKAGING: sort_packaging} if PackagingVersion is not None else {}
)
