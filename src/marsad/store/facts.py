"""Statements <-> fact rows, and fact rows -> the JSON Lines facts contract (DESIGN.md section 4)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, TypedDict, cast

from marsad.model import Calendar, PartialDate, Statement

FACT_COLUMNS = (
    "id",
    "kind",
    "predicate",
    "span_start",
    "span_end",
    "text",
    "date",
    "date_end",
    "precision",
    "calendar",
    "hijri",
    "uncertainty",
    "anchor",
    "subject",
    "value",
    "extractor",
    "version",
    "confidence",
    "detail",
    "modality",
)
# the moods that state something happened or was said: the rest (denied, negated, speculated, habitual,
# conditional, intended) are stored with their modality and left out of answers unless asked for
ASSERTING = frozenset({"asserted", "reported"})


def precision_of(date: PartialDate) -> str:
    """The precision of the date as written: a Hijri month is month precision even if it spans days; a week,
    a season or a decade says so (its value is the period's first day or month, its end the last)."""
    if date.granularity:
        return date.granularity
    if date.calendar is Calendar.HIJRI and date.hijri:
        return {1: "year", 2: "month"}.get(len(date.hijri.split("-")), "day")
    return date.precision.value


def fact_row(statement: Statement, text: str, evidence_text: str | None = None) -> tuple[Any, ...]:
    """The row of a statement; `text` is its document's text, or give the `evidence_text` itself."""
    span = statement.evidence[0]
    d = statement.date
    detail = dict(statement.detail)
    if len(statement.evidence) > 1:
        detail["evidence"] = [[s.start, s.end] for s in statement.evidence]
    return (
        statement.id,
        statement.kind,
        statement.predicate,
        span.start,
        span.end,
        text[span.start : span.end] if evidence_text is None else evidence_text,
        d.value if d else None,
        d.end if d else None,
        precision_of(d) if d else None,
        d.calendar.value if d else None,
        d.hijri if d else None,
        d.uncertainty_days if d else None,
        d.anchor if d else None,
        statement.subject,
        statement.value,
        statement.extractor,
        statement.extractor_version,
        statement.confidence,
        json.dumps(detail, ensure_ascii=False, sort_keys=True),
        mood if (mood := detail.get("modality")) and mood not in ASSERTING else None,
    )


class DocumentRef(TypedDict):
    id: str
    source: str
    url: str | None


class Fact(TypedDict):
    """One fact in the facts contract (DESIGN.md section 4), as `marsad facts --format jsonl` prints it and as a
    store's reads give it: stable keys, added to but never renamed. `actor`, `series`, `issue`, `title`, `roles`,
    `dates` and `modality` are read from `detail`, as the extractor wrote them (null when it did not)."""

    id: str
    kind: str
    document: DocumentRef
    text: str
    start: int
    end: int
    date: str | None
    date_end: str | None
    precision: str | None
    calendar: str | None
    hijri: str | None
    actor: Any
    entity_id: str | None
    series: Any
    issue: Any
    title: Any
    predicate: str
    roles: Any
    dates: Any
    modality: Any
    extractor: str
    confidence: float
    detail: dict[str, Any]


class FactOfDocument(Fact, total=False):
    """A fact with its document's own date and title beside it: what the answers' reads add (select_facts)."""

    published: str | None
    title_of_document: str | None


CONTRACT_KEYS = tuple(Fact.__annotations__)  # the contract's keys, in its order


def as_fact(record: dict[str, Any]) -> Fact:
    """A fact read back from `marsad facts --format jsonl` (or any JSON of the contract), checked to have every key
    of the contract: the round trip of `contract`. Raises ValueError naming the missing keys."""
    missing = [k for k in CONTRACT_KEYS if k not in record]
    if missing or not isinstance(record.get("document"), dict):
        raise ValueError(f"not a fact of the contract: missing {', '.join(missing) or 'document'}")
    return cast(Fact, {k: record[k] for k in CONTRACT_KEYS})


def dated(fact: Fact) -> str:
    """The date of a fact read as dated (FactFilter.dated, which answers and exports read through): a fact without
    one there is a bug, raised as such."""
    date = fact["date"]
    if date is None:
        raise ValueError(f"fact {fact['id']} has no date, and was read as a dated fact")
    return date


def subject_of(fact: Fact) -> str:
    """The entity of a fact read as one about an entity (FactFilter.subjects): one without is a bug, raised as such."""
    subject = fact["entity_id"]
    if subject is None:
        raise ValueError(f"fact {fact['id']} names no entity, and was read as a fact about one")
    return subject


def contract(row: sqlite3.Row) -> Fact:
    """One fact as `marsad facts --format jsonl` prints it: stable keys, added to but never renamed."""
    detail = json.loads(row["detail"])
    return {
        "id": row["id"],
        "kind": row["kind"],
        "document": {"id": row["doc_id"], "source": row["source"], "url": row["url"]},
        "text": row["text"],
        "start": row["span_start"],
        "end": row["span_end"],
        "date": row["date"],
        "date_end": row["date_end"],
        "precision": row["precision"],
        "calendar": row["calendar"],
        "hijri": row["hijri"],
        "actor": detail.get("actor"),
        "entity_id": row["subject"],
        "series": detail.get("series"),
        "issue": detail.get("issue"),
        "title": detail.get("title"),
        "predicate": row["predicate"],
        "roles": detail.get("roles"),
        "dates": detail.get("dates"),
        "modality": detail.get("modality"),
        "extractor": f"{row['extractor']}/{row['version']}",
        "confidence": row["confidence"],
        "detail": detail,
    }
