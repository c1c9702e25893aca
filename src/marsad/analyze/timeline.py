"""The timeline: statements, events, series issues and campaigns in time order, merged across documents.

One row per thing that happened — an issue of a series, an actor's statement or event on a date, a
campaign — with every source that reports it and the evidence text of each. Rows sort by the middle of
their date range (a month-precision fact is a range, not its 1st day). An issue that sources date
differently stays one row, with each date and who gives it (`marsad check` says which is right).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from marsad.analyze.dating import bounds, label, sort_key
from marsad.analyze.subjects import ACTOR_TYPES, MENTIONABLE, entity, with_members
from marsad.kb import Watchlist
from marsad.kb.match import same_name
from marsad.model import EntityType
from marsad.store import SQLiteStore

KINDS = ("statement", "event", "publication_issue", "campaign")
MAX_SOURCES = 20  # sources kept per row (the count is always exact)


@dataclass
class Source:
    doc_id: str
    source: str
    url: str | None
    title: str | None
    text: str
    start: int
    end: int
    date: str | None
    date_end: str | None
    fact_id: str
    confidence: float

    @classmethod
    def of(cls, f: dict[str, Any]) -> Source:
        return cls(
            f["document"]["id"],
            f["document"]["source"],
            f["document"]["url"],
            f.get("title_of_document"),
            f["text"],
            f["start"],
            f["end"],
            f["date"],
            f["date_end"],
            f["id"],
            f["confidence"],
        )


@dataclass
class Row:
    kind: str
    what: str
    date: str
    date_end: str | None
    precision: str | None
    subject: str | None
    actor: str | None = None
    series: str | None = None
    issue: int | None = None
    title: str | None = None
    sources: list[Source] = field(default_factory=list)
    mentions: int = 0  # facts merged into the row (a document may report it twice)
    dates: dict[str, int] = field(default_factory=dict)  # each date given -> how many facts give it

    @property
    def when(self) -> str:
        return label(self.date, self.date_end)

    @property
    def disputed(self) -> bool:
        """Two dates given for it that cannot both hold (2023-10 and 2023-10-12 can)."""
        ranges = sorted(bounds(*_unlabel(d)) for d in self.dates)
        return any(b[0] > a[1] for a, b in itertools.pairwise(ranges))

    @property
    def evidence(self) -> str:
        return self.sources[0].text if self.sources else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "what": self.what,
            "date": self.date,
            "date_end": self.date_end,
            "precision": self.precision,
            "entity_id": self.subject,
            "actor": self.actor,
            "series": self.series,
            "issue": self.issue,
            "title": self.title,
            "dates": self.dates,
            "disputed": self.disputed,
            "mentions": self.mentions,
            "documents": len({s.doc_id for s in self.sources}),
            "evidence": self.evidence,
            "sources": [vars(s) for s in self.sources],
        }


def timeline(
    store: SQLiteStore,
    watchlist: Watchlist,
    actor: str | None = None,
    series: str | None = None,
    topic: str | None = None,
    campaign: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_confidence: float = 0.0,
) -> list[Row]:
    """Rows in time order. --actor keeps its statements and events (an organisation's people included),
    --topic those whose sentence names the topic, --series that series' issues, --campaign that campaign."""
    kinds: tuple[str, ...] = KINDS
    subjects: list[str] | None = None
    about = None
    if actor:
        kinds = ("statement", "event")
        subjects = [e.id for e in with_members(watchlist, entity(watchlist, actor, ACTOR_TYPES, "actor"))]
    if topic:
        kinds = ("statement", "event")
        about = entity(watchlist, topic, MENTIONABLE, "topic").id
    if series:
        kinds = ("publication_issue",)
        subjects = [entity(watchlist, series, (EntityType.SERIES,), "series").id]
    if campaign:
        kinds = ("campaign",)
        subjects = [entity(watchlist, campaign, (EntityType.CAMPAIGN,), "campaign").id]
    facts = store.select_facts(
        kinds, subjects=subjects, date_from=date_from, date_to=date_to, about=about, min_confidence=min_confidence
    )
    if "publication_issue" in kinds:
        facts += _issue_documents(store, watchlist, subjects, date_from, date_to)
    return merge(facts)


def _issue_documents(
    store: SQLiteStore, watchlist: Watchlist, subjects: list[str] | None, date_from: str | None, date_to: str | None
) -> list[dict[str, Any]]:
    """Archived documents that are an issue (JSON Lines "series"/"issue" fields), as sources of its row."""
    series = [e for e in watchlist.entities if e.type is EntityType.SERIES and (subjects is None or e.id in subjects)]
    out = []
    for d in store.issue_documents():
        issue, date = str(d["issue"]), d["published"]
        s = next((e for e in series if any(same_name(str(d["series"]), a.name) for a in e.aliases)), None)
        if s is None or not issue.isdigit() or not date:
            continue
        if (date_from and date + "~" < date_from) or (date_to and date > date_to + "~"):
            continue
        out.append(
            {
                "id": "",
                "kind": "publication_issue",
                "document": {"id": d["id"], "source": d["source"], "url": d["url"]},
                "title_of_document": d["title"],
                "text": d["title"] or f"{s.name} {issue}",
                "start": 0,
                "end": 0,
                "date": date,
                "date_end": None,
                "precision": "day" if len(date) == 10 else ("month" if len(date) == 7 else "year"),
                "entity_id": s.id,
                "series": s.name,
                "issue": int(issue),
                "title": s.name,
                "actor": None,
                "confidence": 1.0,
                "detail": {"issue_document": True},
            }
        )
    return out


def _unlabel(text: str) -> tuple[str, str | None]:
    first, _, last = text.partition(" .. ")
    return first, last or None


def _key(f: dict[str, Any]) -> tuple[Any, ...]:
    if f["kind"] == "publication_issue":
        return (f["kind"], f["entity_id"] or f["series"], f["issue"])
    if f["kind"] == "campaign":
        return (f["kind"], f["entity_id"] or f["title"], f["date"], f["date_end"])
    return (f["kind"], f["entity_id"], f["detail"].get("predicate"), f["date"], f["date_end"])


def _what(f: dict[str, Any]) -> str:
    d = f["detail"]
    if f["kind"] == "publication_issue":
        return f"{f['series'] or 'issue'} {f['issue']}"
    if f["kind"] == "campaign":
        return f"campaign {f['title'] or d.get('campaign') or ''}".strip()
    return f"{f['actor'] or '?'}: {d.get('predicate') or f['kind']}"


def merge(facts: list[dict[str, Any]]) -> list[Row]:
    rows: dict[tuple[Any, ...], Row] = {}
    by_date: dict[tuple[Any, ...], Counter[tuple[str, str | None]]] = {}
    precision: dict[tuple[str, str | None], str | None] = {}
    for f in facts:
        key = _key(f)
        row = rows.get(key)
        if row is None:
            row = rows[key] = Row(
                f["kind"],
                _what(f),
                f["date"],
                f["date_end"],
                f["precision"],
                f["entity_id"],
                actor=f["actor"],
                series=f["series"],
                issue=int(f["issue"]) if f["issue"] is not None and str(f["issue"]).isdigit() else None,
                title=f["title"],
            )
            by_date[key] = Counter()
        row.mentions += 1
        by_date[key][(f["date"], f["date_end"])] += 1
        precision[(f["date"], f["date_end"])] = f["precision"]
        if len(row.sources) < MAX_SOURCES:
            row.sources.append(Source.of(f))
    for key, row in rows.items():
        counts = by_date[key]
        # the date most facts give; on a tie the more precise, then the earlier
        (date, date_end), _ = max(counts.items(), key=lambda kv: (kv[1], -sort_key(*kv[0])[1], -sort_key(*kv[0])[0]))
        row.date, row.date_end, row.precision = date, date_end, precision[(date, date_end)]
        row.dates = {label(d, e): n for (d, e), n in sorted(counts.items(), key=lambda kv: sort_key(*kv[0]))}
        row.sources.sort(key=lambda s: (s.date != date or s.date_end != date_end, -s.confidence, s.doc_id))
    return sorted(_fold_coarse(list(rows.values())), key=lambda r: (sort_key(r.date, r.date_end), r.kind, r.what))


def _fold_coarse(rows: list[Row]) -> list[Row]:
    """A statement dated "August 2023" and the same actor's same statement on 3 August 2023 are one row:
    a coarser row whose range holds exactly one finer row of the same actor and predicate joins it."""
    finer: dict[tuple[Any, ...], list[Row]] = {}
    for r in rows:
        if r.kind in ("statement", "event"):
            finer.setdefault((r.kind, r.subject, r.what), []).append(r)
    dropped: set[int] = set()
    for group in finer.values():
        for coarse in group:
            lo, hi = bounds(coarse.date, coarse.date_end)
            inside = [r for r in group if r is not coarse and lo <= bounds(r.date, r.date_end)[0] and
                      bounds(r.date, r.date_end)[1] <= hi and (bounds(r.date, r.date_end) != (lo, hi))]  # fmt: skip
            if len(inside) == 1 and id(inside[0]) not in dropped:
                target = inside[0]
                target.sources += coarse.sources
                target.mentions += coarse.mentions
                for d, n in coarse.dates.items():
                    target.dates[d] = target.dates.get(d, 0) + n
                dropped.add(id(coarse))
    return [r for r in rows if id(r) not in dropped]
