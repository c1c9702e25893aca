"""A finding of `marsad check`: what was stated, what is expected, the evidence of each side, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.analyze.timeline import Source


@dataclass
class Finding:
    check: str
    summary: str
    reasoning: str
    evidence: list[Source] = field(default_factory=list)
    expected: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    flagged: list[Source] | None = None  # the evidence stored as inconsistency facts (None: all of it)

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "summary": self.summary,
            "reasoning": self.reasoning,
            "expected": self.expected,
            "evidence": [vars(s) for s in self.evidence],
            "detail": self.detail,
        }
