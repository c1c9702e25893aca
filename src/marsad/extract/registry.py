"""The extractors, as an explicit list with lookup by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from marsad.errors import ConfigError
from marsad.extract.actors import ActorExtractor
from marsad.extract.base import Extractor
from marsad.extract.budget import time_budget
from marsad.extract.campaigns import CampaignExtractor
from marsad.extract.chunks import CHUNK_CHARS, chunks, shifted
from marsad.extract.dates import DateExtractor
from marsad.extract.names import NameExtractor
from marsad.extract.series import SeriesExtractor
from marsad.extract.statements import StatementExtractor
from marsad.model import Document, Statement

__all__ = [
    "CHUNK_CHARS",
    "EXTRACTORS",
    "extract_rows",
    "extractor_by_name",
    "iter_extracted",
    "run_extractors",
    "warm_up",
]

EXTRACTORS: tuple[Extractor, ...] = (
    DateExtractor(),
    ActorExtractor(),
    NameExtractor(),
    SeriesExtractor(),
    CampaignExtractor(),
    StatementExtractor(),
)


def extractor_by_name(name: str) -> Extractor:
    for ex in EXTRACTORS:
        if name == ex.NAME:
            return ex
    raise ConfigError(f"unknown extractor {name!r}; known: {', '.join(e.NAME for e in EXTRACTORS)}")


_WARM: list[bool] = []


def warm_up() -> None:
    """Build what the extractors build on first use (the watchlist's automaton, the date grammar), once per process:
    a document's time budget is for reading it, not for loading them."""
    if not _WARM:
        run_extractors(
            Document("0" * 64, "warm-up", "text/plain", "On 4 January 2024 the group said so. قال التنظيم.", 0)
        )
        _WARM.append(True)


def extract_rows(
    doc: Document,
    to_rows: Callable[[list[Statement], str], list[tuple[Any, ...]]],
    extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS,
    seconds: float = 0.0,
) -> tuple[list[tuple[Any, ...]], int]:
    """The store's rows for `doc`'s facts and how many facts, each part's facts turned into rows as it comes (a fact
    object is ~6x its row), within a budget of `seconds` (0: none; marsad.extract.budget.OverBudget past it). The
    extractors are warmed up first, so the budget times the reading, not the loading."""
    warm_up()
    rows: list[tuple[Any, ...]] = []
    facts = 0
    with time_budget(seconds):
        for part in iter_extracted(doc, extractors):
            rows += to_rows(part, doc.text)
            facts += len(part)
    return rows, facts


def run_extractors(
    doc: Document, extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS, chunk: int = CHUNK_CHARS
) -> list[Statement]:
    """Every extractor's facts for `doc` (see iter_extracted)."""
    return [s for part in iter_extracted(doc, extractors, chunk) for s in part]


def iter_extracted(
    doc: Document, extractors: tuple[Extractor, ...] | list[Extractor] = EXTRACTORS, chunk: int = CHUNK_CHARS
) -> Iterator[list[Statement]]:
    """Every extractor's facts for `doc`, a part of the document at a time: a document longer than `chunk`
    characters is read part by part, each part ending at a paragraph break (marsad.extract.chunks), so that memory
    follows the part and not the document when the caller keeps each part's facts in a compact form."""
    for part, offset, own in chunks(doc, chunk):
        out: list[Statement] = []
        for ex in extractors:
            found = ex.extract(part)
            if own:  # the lead-in's facts are the previous part's
                found = [f for f in found if f.evidence[0].start >= own]
            out.extend(shifted(found, offset) if offset else found)
        yield out
