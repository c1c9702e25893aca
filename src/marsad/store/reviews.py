"""An analyst's reviews of facts: confirm, reject or correct one field, with a note.

A review is its own record, never an edit of a fact. It is keyed to the fact's evidence (document id, span,
kind), so it outlives re-extraction: the facts a new extractor version writes at the same span and of the
same kind are the ones it reviews. A review whose evidence no longer carries a fact of its kind is
"detached" and listed as such, never dropped.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from marsad.errors import ConfigError
from marsad.store.facts import Fact

F = TypeVar("F", bound=Fact)  # a fact, or one with its document's date and title (FactOfDocument)

VERDICTS = ("confirm", "reject", "correct")
CORRECTABLE = ("date", "actor", "predicate", "issue")  # the fields a correction may set
MAX_NOTE = 4000  # characters of a reviewer's note
MAX_VALUE = 500  # characters of a corrected value
_ISO_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

_COLUMNS = "doc_id, span_start, span_end, kind, fact_id, verdict, field, value, note, reviewer, created_at"


@dataclass(frozen=True, slots=True)
class Review:
    doc_id: str
    start: int
    end: int
    kind: str
    fact_id: str
    verdict: str
    field: str | None = None
    value: str | None = None
    note: str = ""
    reviewer: str = "analyst"
    created_at: str = ""
    id: int = 0

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.doc_id, self.start, self.end, self.kind)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.doc_id,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "fact": self.fact_id,
            "verdict": self.verdict,
            "field": self.field,
            "value": self.value,
            "note": self.note,
            "reviewer": self.reviewer,
            "created_at": self.created_at,
        }


def review_of_fact(
    fact: Mapping[str, Any],
    verdict: str,
    field: str | None = None,
    value: str | None = None,
    note: str = "",
    reviewer: str = "analyst",
) -> Review:
    """A checked review of a fact in the contract (`store.iter_facts`); ConfigError says what is wrong."""
    if verdict not in VERDICTS:
        raise ConfigError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    field = field or None
    value = (value or "").strip() or None
    if verdict == "correct":
        if field not in CORRECTABLE:
            raise ConfigError(f"a correction names the field it corrects: one of {', '.join(CORRECTABLE)}")
        if value is None:
            raise ConfigError(f"a correction of the {field} gives the corrected value")
    else:
        field = value = None
    if verdict == "correct" and field == "date" and not _ISO_DATE.fullmatch(value or ""):
        raise ConfigError(f"a corrected date is an ISO date or its prefix (2024-01-05, 2024-01, 2024), not {value!r}")
    if verdict == "correct" and field == "issue" and not (value or "").isdigit():
        raise ConfigError(f"a corrected issue is a number, not {value!r}")
    if len(note) > MAX_NOTE or (value is not None and len(value) > MAX_VALUE):
        raise ConfigError(f"a note is at most {MAX_NOTE} characters and a value at most {MAX_VALUE}")
    return Review(
        doc_id=fact["document"]["id"],
        start=int(fact["start"]),
        end=int(fact["end"]),
        kind=str(fact["kind"]),
        fact_id=str(fact["id"]),
        verdict=verdict,
        field=field,
        value=value,
        note=note.strip(),
        reviewer=reviewer.strip() or "analyst",
        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def insert_review(con: sqlite3.Connection, review: Review) -> int:
    cur = con.execute(
        f"INSERT INTO reviews({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (review.doc_id, review.start, review.end, review.kind, review.fact_id, review.verdict, review.field,
         review.value, review.note, review.reviewer, review.created_at),
    )  # fmt: skip
    return int(cur.fetchone()[0])


def select_reviews(con: sqlite3.Connection, doc_id: str | None = None) -> list[Review]:
    """Every review (of one document), oldest first."""
    sql = f"SELECT id, {_COLUMNS} FROM reviews" + (" WHERE doc_id = ?" if doc_id else "") + " ORDER BY id"
    return [
        Review(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[0])
        for r in con.execute(sql, (doc_id,) if doc_id else ())
    ]


def attach(
    facts: Iterable[Mapping[str, Any]], reviews: Iterable[Review]
) -> tuple[dict[str, list[Review]], list[Review]]:
    """Reviews by the id of the fact they review now (same document, span and kind), and those that attach to
    no fact any more (its extractor no longer finds it)."""
    by_key: dict[tuple[str, int, int, str], list[str]] = {}
    for f in facts:
        by_key.setdefault((f["document"]["id"], int(f["start"]), int(f["end"]), str(f["kind"])), []).append(f["id"])
    attached: dict[str, list[Review]] = {}
    detached: list[Review] = []
    for r in reviews:
        ids = by_key.get(r.key)
        if not ids:
            detached.append(r)
            continue
        for fact_id in ids:
            attached.setdefault(fact_id, []).append(r)
    return attached, detached


def latest(reviews: list[Review]) -> Review | None:
    """The review in force: the last one given."""
    return reviews[-1] if reviews else None


def by_evidence(reviews: Iterable[Review]) -> dict[tuple[str, int, int, str], list[Review]]:
    """Reviews by what they are keyed to (document id, start, end, kind), oldest first."""
    out: dict[tuple[str, int, int, str], list[Review]] = {}
    for r in reviews:
        out.setdefault(r.key, []).append(r)
    return out


def apply(facts: Iterable[F], reviews: Iterable[Review], resolve: Any = None) -> list[F]:
    """The facts (in the contract) as the analyst reviewed them: a rejected fact left out; a corrected field set to
    the reviewer's value (a corrected actor re-linked through `resolve(name) -> entity id | None`); every reviewed
    fact keeps what the extractor said and who reviewed it, when and why, in `detail["reviewed"]`."""
    index = by_evidence(reviews)
    return [g for f in facts if (g := reviewed(f, index, resolve)) is not None]


def reviewed(f: F, index: Mapping[tuple[str, int, int, str], list[Review]], resolve: Any = None) -> F | None:
    """One fact as reviewed (see apply), `index` being by_evidence of the reviews: None when it is rejected."""
    review = latest(index.get((f["document"]["id"], int(f["start"]), int(f["end"]), str(f["kind"])), []))
    if review is None:
        return f
    if review.verdict == "reject":
        return None
    g = copy.copy(f)
    g["detail"] = dict(f["detail"] or {})
    said: dict[str, Any] = {}
    if review.verdict == "correct" and review.field and review.value is not None:
        said = {"was": f.get(review.field)}
        if review.field == "date":
            g["date"], g["date_end"], g["precision"] = review.value, None, _precision(review.value)
        elif review.field == "issue":
            g["issue"] = int(review.value)
        elif review.field == "actor":
            g["actor"] = review.value
            g["entity_id"] = resolve(review.value) if resolve is not None else None
        else:
            cast(dict[str, Any], g)[review.field] = review.value  # a field of the contract: CORRECTABLE
    g["detail"]["reviewed"] = {
        "verdict": review.verdict,
        "field": review.field,
        "value": review.value,
        **said,
        "note": review.note,
        "reviewer": review.reviewer,
        "at": review.created_at,
    }
    return g


def reviewed_key(key: tuple[Any, ...], review: Review | None) -> tuple[Any, ...] | None:
    """A fact's fact_groups key (kind, subject, predicate, value, date, date_end, precision) as `review` leaves it,
    as `reviewed` leaves the fact: None when rejected; a corrected date, issue, predicate or actor in its place (an
    actor re-linked to no entity: the store does not read the watchlist)."""
    if review is None or review.verdict == "confirm":
        return key
    if review.verdict == "reject":
        return None
    kind, subject, predicate, value, date, date_end, precision = key
    if review.verdict != "correct" or not review.field or review.value is None:
        return key
    if review.field == "date":
        date, date_end, precision = review.value, None, _precision(review.value)
    elif review.field == "issue":
        value = str(int(review.value))
    elif review.field == "predicate":
        predicate = review.value
    elif review.field == "actor":
        subject = None
    return (kind, subject, predicate, value, date, date_end, precision)


def _precision(date: str) -> str:
    """The precision of a reviewer's ISO date: 2024, 2024-01 or 2024-01-04."""
    return {4: "year", 7: "month"}.get(len(date), "day")
