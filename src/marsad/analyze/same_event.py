"""(d) for events across sources: one event, dates that cannot all hold.

A person dies once, and takes an office once: every archived fact about X's death (killed, died) is one
event, and X's appointments (appointed, took office) within OFFICE_WINDOW_DAYS of each other another (further
apart they may be two offices). Within each event:
- **its own dates**: sides that no day can satisfy, with the tolerances of the reference check (a month
  covers its days; a day-precise side may be a day off; a Hijri reading a day more);
- **the event after its announcement**: a death dated after a page (or passage) already dates its announcement;
- **one announcement, two days**: the same claimer's announcement of the event dated differently (two weekday
  phrases, "on Sunday" and "yesterday, Saturday", resolving to different days), within a fortnight.

Which side holds: the reference chronology's date when it records the event, else the side more independent
documents give (strictly more); else none, and every side is a side of the dispute. A fact the reference check
already flags is not flagged twice. Events dated by their page (below SURE) only bound an announcement.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.analyze.dating import SURE, bounds, label
from marsad.analyze.finding import EXPECTED, OTHER, STATED, Finding, Side
from marsad.analyze.reference import holds
from marsad.analyze.timeline import Source
from marsad.kb import Watchlist
from marsad.kb.chronology import Chronology
from marsad.model import EntityType
from marsad.store import FactFilter, ReadView
from marsad.store.facts import Fact, dated

CLASSES = {"killed": "died", "died": "died", "appointed": "took_office", "took_office": "took_office"}
WHAT = {"died": "died", "took_office": "took office"}
OFFICE_WINDOW_DAYS = 120
ANNOUNCEMENT_WINDOW_DAYS = 14  # one claimer announcing one death twice further apart: two announcements
EVIDENCE = 3  # facts quoted per side


@dataclass
class _Side:
    date: str
    date_end: str | None
    precision: str | None
    calendar: str | None
    facts: list[Fact] = field(default_factory=list)

    @property
    def docs(self) -> int:
        return len({f["document"]["id"] for f in self.facts})

    def span(self) -> tuple[dt.date, dt.date]:
        return bounds(self.date, self.date_end)

    def meets(self, other: _Side) -> bool:
        first, last = self.span()
        return (
            holds(first, last, self.precision, self.calendar, other.date)
            or holds(*other.span(), other.precision, other.calendar, self.date)
            or _overlap(self, other)
        )


def _overlap(a: _Side, b: _Side) -> bool:
    (a1, a2), (b1, b2) = a.span(), b.span()
    return a1 <= b2 and b1 <= a2


def same_event_findings(
    store: ReadView, watchlist: Watchlist, chronology: Chronology, flagged: set[tuple[str, int, int]]
) -> list[Finding]:
    names = {e.id: e.name for e in watchlist.entities}
    people = {e.id for e in watchlist.entities if e.type is EntityType.PERSON}
    events: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    where = FactFilter(("event",), predicates=sorted(CLASSES), dated=False)
    for f in store.select_facts(where):
        if f["entity_id"] in people:
            events[(f["entity_id"], CLASSES[str(f["predicate"])])].append(f)
    out: list[Finding] = []
    for (subject, event), facts in sorted(events.items()):
        name = names.get(subject, subject)
        record = [d for r in chronology.about(subject, event) for d in r.dates]
        for group in _windows(facts, event):
            out += _own_dates(name, event, group, record, flagged)
        if event == "died":
            out += _after_announcement(name, facts, flagged)
        out += _announcements(name, event, facts)
    return out


def _occurred(f: Fact) -> tuple[str, str | None] | None:
    """The event's own date: the sentence's date of it, not of its announcement."""
    if f["confidence"] < SURE or not f["date"]:
        return None
    dates = (f.get("detail") or {}).get("dates") or {}
    if f["predicate"] in ("killed", "died") and "announced" in dates and "occurred" not in dates:
        return None  # "IS announced on Sunday the death of X": the day of the announcement, not of the death
    return str(f["date"]), f["date_end"]


def _windows(facts: list[Fact], event: str) -> list[list[Fact]]:
    """A death is one event; appointments further apart than the window are separate ones."""
    dated = sorted((f for f in facts if _occurred(f)), key=lambda f: bounds(*_occurred(f) or ("0001",))[0])
    if event == "died":
        return [dated]
    groups: list[list[Fact]] = []
    for f in dated:
        first = bounds(*(_occurred(f) or ("0001", None)))[0]
        if groups and (first - bounds(*(_occurred(groups[-1][-1]) or ("0001", None)))[1]).days <= OFFICE_WINDOW_DAYS:
            groups[-1].append(f)
        else:
            groups.append([f])
    return groups


def _sides(facts: Iterable[Fact]) -> list[_Side]:
    by_date: dict[tuple[str, str | None, str | None, str | None], _Side] = {}
    for f in facts:
        date, end = _occurred(f) or (dated(f), f["date_end"])
        key = (date, end, f["precision"], f.get("calendar"))
        by_date.setdefault(key, _Side(*key)).facts.append(f)
    return sorted(by_date.values(), key=lambda s: s.span())


def _own_dates(
    name: str, event: str, facts: list[Fact], record: list[str], flagged: set[tuple[str, int, int]]
) -> list[Finding]:
    facts = [f for f in facts if (f["document"]["id"], f["start"], f["end"]) not in flagged]
    sides = _sides(facts)
    if len(sides) < 2 or all(a.meets(b) for i, a in enumerate(sides) for b in sides[i + 1 :]):
        return []
    holding, why = _holding(sides, record)
    gap = (sides[-1].span()[0] - sides[0].span()[1]).days
    what = WHAT[event]
    said = [f"{label(s.date, s.date_end)} ({s.docs} document{'s' if s.docs != 1 else ''})" for s in sides]
    out_sides = [
        Side(
            EXPECTED if s is holding else STATED if holding else OTHER,
            f"{name} {what} {label(s.date, s.date_end)}",
            [Source.of(f) for f in s.facts[:EVIDENCE]],
        )
        for s in sides
    ]
    if record:
        out_sides.append(Side(EXPECTED, f"{name} {what} {' or '.join(record)}", reference="reference chronology"))
    wrong = [Source.of(f) for s in sides if s is not holding and s.facts for f in s.facts[:EVIDENCE]]
    return [
        Finding(
            "same_event_dates",
            f"{name} {what} on different dates: " + " vs ".join(said),
            f"{name} {what} once; the archive dates it {len(sides)} ways, up to {gap} days apart, which no one day "
            f"can satisfy (a month covers its days, a day may be one off){why}",
            [Source.of(f) for s in sides for f in s.facts[:EVIDENCE]],
            label(holding.date, holding.date_end) if holding else None,
            {"actor": name, "event": event, "dates": [label(s.date, s.date_end) for s in sides], "days_apart": gap},
            flagged=wrong,
            stated=f"{name} {what} " + " and ".join(label(s.date, s.date_end) for s in sides),
            sides=out_sides,
            confidence=0.7 if holding else 0.6,
        )
    ]


def _holding(sides: list[_Side], record: list[str]) -> tuple[_Side | None, str]:
    if record:
        fit = [s for s in sides if any(holds(*s.span(), s.precision, s.calendar, d) for d in record)]
        if len(fit) == 1:
            fits = label(fit[0].date, fit[0].date_end)
            return fit[0], f"; the reference chronology records {' or '.join(record)}, which {fits} fits"
    most = max(s.docs for s in sides)
    top = [s for s in sides if s.docs == most]
    if len(top) == 1 and most > 1:
        return top[0], f"; {most} independent documents give {label(top[0].date, top[0].date_end)}"
    return None, "; which holds is not known"


def _after_announcement(name: str, facts: list[Fact], flagged: set[tuple[str, int, int]]) -> list[Finding]:
    """A death dated after a page dates its announcement: one of the two dates is wrong."""
    announced = [  # "AQAP announced the death of X on Sunday": an event its page reports as someone's announcement
        (bounds(str(d["announced"]))[1], f)
        for f in facts
        if (d := (f.get("detail") or {}).get("dates") or {}).get("announced")
        and (f.get("detail") or {}).get("claimed_by")
        and f.get("modality") == "reported"
    ]
    if not announced:
        return []
    first_word, by = min(announced, key=lambda a: a[0])
    out = []
    for side in _sides(f for f in facts if _occurred(f) and (f["document"]["id"], f["start"], f["end"]) not in flagged):
        first, _ = side.span()
        slack = 1 if side.precision == "day" else 0
        if (first - first_word).days <= slack:
            continue
        said = label(side.date, side.date_end)
        when = by["detail"]["dates"]["announced"]
        out.append(
            Finding(
                "same_event_dates",
                f"{name} died {said}, after the death was announced on {when}",
                f"a page dates the announcement of {name}'s death to {when}; the death itself is dated {said}, "
                f"{(first - first_word).days} days later: the announcement cannot precede the death",
                [Source.of(f) for f in side.facts[:EVIDENCE]] + [Source.of(by)],
                None,
                {"actor": name, "event": "died", "date": said, "announced": when},
                flagged=[Source.of(f) for f in side.facts[:EVIDENCE]],
                stated=f"{name} died {said}",
                sides=[
                    Side(STATED, f"{name} died {said}", [Source.of(f) for f in side.facts[:EVIDENCE]]),
                    Side(OTHER, f"{name}'s death announced on {when}", [Source.of(by)]),
                ],
                confidence=0.6,
            )
        )
    return out


def _announcements(name: str, event: str, facts: list[Fact]) -> list[Finding]:
    """One claimer's announcement of one event, dated on different days by different passages."""
    by_claimer: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        d = f.get("detail") or {}
        when = (d.get("dates") or {}).get("announced")
        if when and len(str(when)) == 10 and d.get("claimed_by") and f["confidence"] >= SURE:
            by_claimer[str(d["claimed_by"])].append(f)
    out = []
    what = "death" if event == "died" else "appointment"
    for claimer, group in sorted(by_claimer.items()):
        days = sorted({str(f["detail"]["dates"]["announced"]) for f in group})
        if len(days) < 2:
            continue
        gap = (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days
        if gap <= 1 or gap > ANNOUNCEMENT_WINDOW_DAYS:
            continue
        per_day = {d: [f for f in group if f["detail"]["dates"]["announced"] == d] for d in days}
        out.append(
            Finding(
                "same_event_dates",
                f"{claimer}'s announcement of {name}'s {what} dated " + " and ".join(days),
                f"{claimer} announced {name}'s {what}; the archive dates that announcement {len(days)} ways, "
                f"{gap} days apart (a second announcement so soon is unlikely; a weekday phrase read against "
                f"another day is likelier)",
                [Source.of(f) for d in days for f in per_day[d][:EVIDENCE]],
                None,
                {"actor": name, "event": event, "claimed_by": claimer, "dates": days, "days_apart": gap},
                stated=f"{claimer} announced {name}'s {what} on " + " and ".join(days),
                sides=[Side(OTHER, f"announced on {d}", [Source.of(f) for f in per_day[d][:EVIDENCE]]) for d in days],
                confidence=0.5,
            )
        )
    return out
