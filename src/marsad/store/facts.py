"""Statements <-> fact rows, and fact rows -> the JSON Lines facts contract (DESIGN.md section 4)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

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


def contract(row: sqlite3.Row) -> dict[str, Any]:
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
