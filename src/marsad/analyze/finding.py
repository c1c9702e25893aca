"""A finding of `marsad check`: what was stated, what is expected, the evidence of each side, and why.

Its id is deterministic (the check, what was stated, its summary and the spans of its evidence), so
`marsad check --explain ID` finds the finding `marsad check` listed, run after run, while the archive is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.analyze.timeline import Source
from marsad.model.ids import stable_id

STATED = "stated"  # the side found not to hold
EXPECTED = "expected"  # what the check expects instead, and what supports it
OTHER = "other"  # a side of a dispute neither supported nor flagged


@dataclass
class Side:
    """One side of a finding: what it says, the archived spans that say so, and any record from outside the
    archive that supports it (the reference chronology's page, a cadence, the calendar)."""

    role: str
    says: str
    sources: list[Source] = field(default_factory=list)
    reference: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"role": self.role, "says": self.says, "reference": self.reference,
                "sources": [vars(s) for s in self.sources]}  # fmt: skip


@dataclass
class Finding:
    check: str
    summary: str
    reasoning: str
    evidence: list[Source] = field(default_factory=list)
    expected: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    flagged: list[Source] | None = None  # the evidence stored as inconsistency facts (None: all of it)
    stated: str | None = None  # what the page says, in a few words (None: the summary says it)
    sides: list[Side] = field(default_factory=list)  # each side's claim and support (empty: the evidence)
    confidence: float = 0.8  # how sure the check is that a date here does not hold
    stored_as: list[str] = field(default_factory=list)  # an extractor's finding: the inconsistency fact it is

    @property
    def id(self) -> str:
        spans = sorted({f"{s.doc_id}:{s.start}:{s.end}" for s in self.evidence})
        return stable_id("finding", self.check, self.stated or "", self.summary, *spans)

    def all_sides(self) -> list[Side]:
        """The sides, or for a finding that names none its flagged evidence as what was stated."""
        if self.sides:
            return self.sides
        out = [Side(STATED, self.stated or self.summary, list(self.flagged or self.evidence))]
        if self.expected:
            out.append(Side(EXPECTED, self.expected))
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "check": self.check,
            "summary": self.summary,
            "reasoning": self.reasoning,
            "stated": self.stated,
            "expected": self.expected,
            "confidence": self.confidence,
            "evidence": [vars(s) for s in self.evidence],
            "sides": [s.as_dict() for s in self.all_sides()],
            "detail": self.detail,
        }
