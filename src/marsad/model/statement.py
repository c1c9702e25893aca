"""Statement: one extracted fact with its provenance (document, evidence spans, extractor, version)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.model.dates import PartialDate
from marsad.model.ids import stable_id
from marsad.model.span import Span


@dataclass(frozen=True, slots=True)
class Statement:
    kind: str  # date | actor | publication_issue | campaign | statement | event | inconsistency
    predicate: str  # mentions, published_issue, issued_statement, occurred, ...
    evidence: tuple[Span, ...]
    extractor: str  # "dates"
    extractor_version: str  # "1.0"
    subject: str | None = None  # entity id
    value: str | None = None  # object entity id, or a literal such as an issue number
    date: PartialDate | None = None
    confidence: float = 1.0
    detail: Mapping[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.evidence:
            raise ValueError("a statement needs at least one evidence span")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")
        if not self.id:
            first = self.evidence[0]
            object.__setattr__(
                self,
                "id",
                stable_id(
                    self.extractor,
                    self.kind,
                    self.predicate,
                    first.document,
                    first.start,
                    first.end,
                    self.subject,
                    self.value,
                    self.date.value if self.date else None,
                ),
            )

    @property
    def document(self) -> str:
        return self.evidence[0].document

    @property
    def extractor_tag(self) -> str:
        return f"{self.extractor}/{self.extractor_version}"
