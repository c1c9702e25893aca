"""`marsad export timesketch`: dated facts and documents as Timesketch JSON Lines.

Timesketch needs `datetime` (ISO 8601), `timestamp_desc` (what the time means) and `message` on every
line; the rest are marsad's own fields. A date known to the month or the year is placed at its first
instant (Timesketch has no partial dates) and says so in its message and its `precision` field: "[month
precision: 2024-01]", never a made-up day. Lines sort by time, then fact id: two exports are identical.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.export.snapshot import Snapshot
from marsad.model import Document, PartialDate
from marsad.store.facts import Fact, dated, precision_of

KINDS = ("statement", "event", "publication_issue", "campaign", "inconsistency")
DESCRIPTIONS = {
    "statement": "Statement date",
    "event": "Event date",
    "publication_issue": "Issue published",
    "campaign": "Campaign dated",
    "inconsistency": "Date found inconsistent",
    "date": "Date mentioned",
    "document": "Document published",
}


def timesketch_lines(snap: Snapshot, kinds: Iterable[str] = KINDS, documents: bool = True) -> list[dict[str, Any]]:
    wanted = set(kinds)
    lines = [_fact_line(f) for f in snap.facts if f["kind"] in wanted and f.get("date")]
    if documents:
        lines += [_document_line(d) for d in snap.documents if d.published is not None]
    return sorted(lines, key=lambda line: (line["datetime"], line["fact_id"] or "", line["document_id"]))


def write_timesketch(lines: Iterable[dict[str, Any]], out: TextIO) -> Counter[str]:
    """Write the lines; returns how many of each `timestamp_desc`."""
    counts: Counter[str] = Counter()
    for line in lines:
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        counts[line["timestamp_desc"]] += 1
    return counts


def when(date: str, date_end: str | None, precision: str | None) -> tuple[str, str]:
    """(Timesketch datetime, the message's lead): the first instant, and what is really known."""
    day = PartialDate(date, end=date_end).first_day()
    span = f"{date} .. {date_end}" if date_end and date_end != date else date
    lead = "" if (precision or "day") == "day" and not date_end else f"[{precision or 'range'} precision: {span}] "
    return f"{day.isoformat()}T00:00:00+00:00", lead


def _fact_line(f: Fact) -> dict[str, Any]:
    moment, lead = when(dated(f), f["date_end"], f["precision"])
    reviewed = (f.get("detail") or {}).get("reviewed")
    said = _reviewed(reviewed) if reviewed else ""
    return {
        "datetime": moment,
        "timestamp_desc": DESCRIPTIONS.get(f["kind"], "Fact date"),
        "message": lead + _what(f) + said,
        "reviewed": reviewed,
        "precision": f["precision"] or "day",
        "date": f["date"],
        "date_end": f["date_end"],
        "calendar": f["calendar"],
        "hijri": f["hijri"],
        "kind": f["kind"],
        "predicate": f.get("predicate"),
        "actor": f.get("actor"),
        "evidence": f["text"],
        "start": f["start"],
        "end": f["end"],
        "fact_id": f["id"],
        "document_id": f["document"]["id"],
        "source": f["document"]["source"],
        "url": f["document"]["url"],
        "extractor": f["extractor"],
        "confidence": f["confidence"],
    }


def _reviewed(r: dict[str, Any]) -> str:
    """ " [reviewed: date corrected from 2024-10-12 by analyst]": the message says the value is the reviewer's."""
    if r.get("verdict") == "correct":
        return f" [reviewed: {r.get('field')} corrected from {r.get('was')} by {r.get('reviewer')}]"
    return f" [reviewed: confirmed by {r.get('reviewer')}]"


def _what(f: Fact) -> str:
    evidence = " ".join(str(f["text"]).split())
    if f["kind"] == "publication_issue":
        head = f"{f.get('series') or 'series'} issue {f.get('issue')}"
    elif f["kind"] == "campaign":
        head = f"campaign {f.get('title') or evidence}"
    elif f["kind"] == "inconsistency":
        head = str((f.get("detail") or {}).get("summary") or "inconsistent date")
    else:
        head = " ".join(str(p) for p in (f.get("actor"), f.get("predicate")) if p) or f["kind"]
    return f"{head}: {evidence}"


def _document_line(doc: Document) -> dict[str, Any]:
    pub = doc.published
    assert pub is not None
    precision = precision_of(pub)
    moment, lead = when(pub.value, pub.end, precision)
    return {
        "datetime": moment,
        "timestamp_desc": DESCRIPTIONS["document"],
        "message": lead + (doc.title or doc.source),
        "precision": precision,
        "date": pub.value,
        "date_end": pub.end,
        "calendar": pub.calendar.value,
        "hijri": pub.hijri,
        "kind": "document",
        "published_from": doc.published_from,
        "fact_id": None,
        "document_id": doc.id,
        "source": doc.source,
        "url": doc.url,
    }
