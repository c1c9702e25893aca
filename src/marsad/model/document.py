"""Document: one archived item (a page, a PDF, a note, one channel message) and its provenance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.model.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the extracted text with the language detected for it ('und' if too short)."""

    start: int
    end: int
    language: str
    score: float


@dataclass(frozen=True, slots=True)
class Document:
    id: str  # SHA-256 of the original bytes (a message: of channel id + message id + text)
    source: str  # path or URL as given by the user
    media_type: str
    text: str
    size: int  # bytes of the original
    title: str | None = None
    url: str | None = None  # canonical URL
    published: PartialDate | None = None
    published_from: str | None = None  # e.g. "meta:article:published_time", "url", "telegram"
    captured_at: str | None = None  # ISO timestamp: file modification time, or the export's date
    ingested_at: str | None = None
    parent: str | None = None  # a message's channel export
    paragraphs: tuple[Paragraph, ...] = ()
    declared_language: str | None = None  # <html lang>, a JSONL record's language
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages that cover at least a tenth of the text's paragraphs' characters, largest first."""
        weight: dict[str, int] = {}
        for p in self.paragraphs:
            if p.language != "und":
                weight[p.language] = weight.get(p.language, 0) + (p.end - p.start)
        total = sum(weight.values())
        ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(lang for lang, w in ranked if total and w / total >= 0.1)
