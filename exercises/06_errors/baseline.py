"""Chapter 06: the Python a Python programmer writes first.

Both parsers raise a ValueError subclass whose message says what was wrong.
The exact grammars are in the chapter page, book/src/ch06-errors.md.
"""

from __future__ import annotations

import math
import re
import string
from functools import partial, total_ordering


class InvalidVersion(ValueError):
    """A string that is not a version in the chapter's grammar."""


class InvalidDuration(ValueError):
    """A string that is not a duration in the chapter's grammar."""


# re.ASCII: [0-9] and the letters only, so that neither U+0661 (an Arabic-Indic
# one) nor U+017F (a long s, which re.IGNORECASE alone matches to "s") get in.
_VERSION = re.compile(
    r"v?([0-9]+(?:\.[0-9]+)*)(?:(a|b|rc)([0-9]+))?(?:\.post([0-9]+))?(?:\.dev([0-9]+))?",
    re.ASCII | re.IGNORECASE,
)
U64_MAX = 2**64 - 1
_PRE_RANK = {"a": 0, "b": 1, "rc": 2}


@total_ordering
class Version:
    """A parsed version: compared, hashed and printed by the chapter's rules."""

    __slots__ = ("_key", "dev", "post", "pre", "release")

    def __init__(
        self,
        release: tuple[int, ...],
        pre: tuple[str, int] | None,
        post: int | None,
        dev: int | None,
    ) -> None:
        self.release = release
        self.pre = pre
        self.post = post
        self.dev = dev
        # Trailing zeros do not count: 1.0 == 1.0.0.
        trimmed = list(release)
        while trimmed and trimmed[-1] == 0:
            trimmed.pop()
        if pre is not None:
            pre_key: tuple[int, int] = (_PRE_RANK[pre[0]], pre[1])
        elif post is None and dev is not None:
            pre_key = (-1, 0)  # 1.0.dev1 comes before 1.0a1
        else:
            pre_key = (3, 0)  # a final release comes after its pre-releases
        post_key = -1 if post is None else post  # no post-release comes first
        dev_key = math.inf if dev is None else dev  # no dev-release comes last
        self._key = (tuple(trimmed), pre_key, post_key, dev_key)

    def __str__(self) -> str:
        text = ".".join(map(str, self.release))
        if self.pre is not None:
            text += f"{self.pre[0]}{self.pre[1]}"
        if self.post is not None:
            text += f".post{self.post}"
        if self.dev is not None:
            text += f".dev{self.dev}"
        return text

    def __repr__(self) -> str:
        return f"<Version({str(self)!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key == other._key

    def __lt__(self, other: Version) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key < other._key

    def __hash__(self) -> int:
        return hash(self._key)


def parse_version(s: str) -> Version:
    match = _VERSION.fullmatch(s.strip(string.whitespace))
    if match is None:
        raise InvalidVersion(f"invalid version: {s!r}")
    release, pre_kind, pre_number, post, dev = match.groups()
    # Only a string of 20 characters or more can hold a number above 2**64 - 1.
    number = int if len(s) < 20 else partial(_checked_int, s)
    return Version(
        tuple(map(number, release.split("."))),
        None if pre_kind is None else (pre_kind.lower(), number(pre_number)),
        None if post is None else number(post),
        None if dev is None else number(dev),
    )


def _checked_int(s: str, digits: str) -> int:
    # Leading zeros first: they do not count, and int() refuses more than 4300 digits.
    digits = digits.lstrip("0") or "0"
    if len(digits) > 20 or int(digits) > U64_MAX:
        raise InvalidVersion(f"invalid version: {s!r} (a number is above 2**64 - 1)")
    return int(digits)


def sort_versions(versions: list[str]) -> list[str]:
    """The strings in version order; equal versions keep their order."""
    return sorted(versions, key=parse_version)


# A duration is one or more <number><unit> parts. The scan takes the longest run
# of digits and dots, then the longest run of ASCII letters after it.
_PART = re.compile(r"([0-9.]*)([A-Za-z]*)")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_UNITS = {"h": (0, 3600.0), "m": (1, 60.0), "s": (2, 1.0), "ms": (3, 0.001)}
_UNIT_NAMES = list(_UNITS)


def parse_duration(s: str) -> float:
    """Seconds in a duration such as "1h30m", "90s", "1.5h" or "2m250ms"."""
    if not s:
        raise InvalidDuration("invalid duration: empty string")
    total = 0.0
    previous = -1  # the rank of the last unit seen: h, m, s, ms must come in that order
    position = 0
    while position < len(s):
        part = _PART.match(s, position)
        assert part is not None  # the pattern matches the empty string
        number, unit = part.groups()
        if not number:
            raise InvalidDuration(f"invalid duration: expected a number at {s[position:]!r}")
        if not _NUMBER.fullmatch(number):
            raise InvalidDuration(f"invalid duration: bad number {number!r}")
        if not unit:
            raise InvalidDuration(f"invalid duration: missing unit after {number!r}")
        if unit not in _UNITS:
            raise InvalidDuration(f"invalid duration: unknown unit {unit!r}")
        rank, seconds = _UNITS[unit]
        if rank == previous:
            raise InvalidDuration(f"invalid duration: repeated unit {unit!r}")
        if rank < previous:
            raise InvalidDuration(
                f"invalid duration: unit {unit!r} after {_UNIT_NAMES[previous]!r}"
            )
        previous = rank
        total += float(number) * seconds
        position = part.end()
    if total == math.inf:
        raise InvalidDuration("invalid duration: too large for a float")
    return total
