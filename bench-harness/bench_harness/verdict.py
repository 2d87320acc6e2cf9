"""What a check concludes about one task, in a form that crosses process boundaries."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    PASSED = "passed"
    WRONG_ANSWER = "wrong answer"
    NOT_IMPLEMENTED = "not implemented"
    PANIC = "panic"
    CRASH = "crash"
    TIMEOUT = "timeout"
    OUT_OF_MEMORY = "out of memory"
    OUTPUT_FLOOD = "output flood"
    COMPILE_ERROR = "compile error"
    MISSING_FUNCTION = "missing function"
    WRONG_SIGNATURE = "wrong signature"
    LOAD_ERROR = "load error"
    HARNESS_ERROR = "harness error"


@dataclass
class Verdict:
    """``summary`` is one line; ``details`` are (label, text) rows shown under it.

    ``call`` is the smallest failing call when there is one, written as Python.
    """

    kind: Kind
    task: str
    summary: str = ""
    call: str | None = None
    details: list[tuple[str, str]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.kind is Kind.PASSED

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Verdict:
        return cls(
            kind=Kind(data["kind"]),
            task=data["task"],
            summary=data.get("summary", ""),
            call=data.get("call"),
            details=[(label, text) for label, text in data.get("details", [])],
        )

    def as_text(self) -> str:
        """Plain text, for pytest failures, JUnit messages and logs."""
        lines = [f"{self.task}: {self.kind.value}" + (f": {self.summary}" if self.summary else "")]
        if self.call:
            first, *rest = self.call.splitlines()
            lines.append(f"  call:     {first}")
            lines.extend(f"            {line}" for line in rest)
        for label, text in self.details:
            first, *rest = text.splitlines() or [""]
            lines.append(f"  {label + ':':<9} {first}")
            lines.extend(f"            {line}" for line in rest)
        return "\n".join(lines)
