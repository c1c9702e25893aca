"""(f) Events against the reference chronology: a death or an appointment a page dates differently from the record.

Each dated event about a person the chronology knows (kb/chronology.py) is compared with every date recorded
for that person and event; it holds when it can mean one of them. Tolerances, by what each side can mean:
- a month (or year) covers its days: "in January 2020" holds for a record of 2020-01-14, not of 2020-02;
- a day-precise side may be a day off (a raid after midnight, a release read in another time zone): ±1 day;
- a date read from a Hijri date may be a day further off (the month begun by local moon sighting): ±1 more.
A took_office date further than REACH_DAYS from every recorded start is left alone: a man holds several
posts, and the chronology may not record the one the page speaks of.
"""

from __future__ import annotations

import datetime as dt

from marsad.analyze.dating import SURE, bounds, label
from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.timeline import Source
from marsad.kb import Watchlist
from marsad.kb.chronology import Chronology, Reference, load_chronology
from marsad.store import FactFilter, ReadView
from marsad.store.facts import FactOfDocument, dated, subject_of

PREDICATES = {"died": "died", "killed": "died", "appointed": "took_office", "took_office": "took_office",
              "succeeded": "took_office"}  # fmt: skip
DAY_SLACK = 1
HIJRI_SLACK = 1
REACH_DAYS = 800


def reference_findings(store: ReadView, watchlist: Watchlist, chronology: Chronology | None = None) -> list[Finding]:
    chronology = chronology or load_chronology(watchlist)
    if not chronology.entity_ids:
        return []
    where = FactFilter(("event",), subjects=sorted(chronology.entity_ids), predicates=sorted(PREDICATES),
                       min_confidence=SURE)  # fmt: skip
    out = []
    seen: set[tuple[str, int, int, str]] = set()
    for f in store.select_facts(where):
        event = PREDICATES[str(f["predicate"])]
        key = (f["document"]["id"], f["start"], f["end"], event)
        if key in seen:
            continue
        seen.add(key)
        finding = _compare(f, event, chronology.about(subject_of(f), event))
        if finding is not None:
            out.append(finding)
    undated = FactFilter(("event",), subjects=sorted(chronology.entity_ids), predicates=sorted(PREDICATES),
                         dated=False)  # fmt: skip
    for f in store.select_facts(undated):
        event = PREDICATES[str(f["predicate"])]
        key = (f["document"]["id"], f["start"], f["end"], event)
        if f["date"] or key in seen:
            continue
        seen.add(key)
        finding = _announced_early(f, event, chronology.about(subject_of(f), event))
        if finding is not None:
            out.append(finding)
    return out


def _announced_early(f: FactOfDocument, event: str, refs: list[Reference]) -> Finding | None:
    """ "Biden announced on Monday the killing of al-Zawahiri" on a page of August 2021: an announcement dated
    before every date the record gives for what it announces."""
    detail = f.get("detail") or {}
    when = (detail.get("dates") or {}).get("announced")
    if not refs or not when or not detail.get("claimed_by") or f.get("modality") != "reported":
        return None
    _, announced = bounds(str(when))
    recorded = sorted({d for r in refs for d in r.dates})
    slack = DAY_SLACK + (HIJRI_SLACK if f.get("calendar") == "hijri" else 0)
    earliest = min(bounds(d)[0] for d in recorded)
    if (earliest - announced).days <= slack:
        return None
    name = refs[0].subject
    what = "took office" if event == "took_office" else "died"
    noun = "appointment" if event == "took_office" else "death"
    return Finding(
        "reference_chronology",
        f"{name}'s {noun} announced on {when}; the record dates it {' or '.join(recorded)}",
        f"the page dates {detail['claimed_by']}'s announcement that {name} {what} to {when}, "
        f"{(earliest - announced).days} days before the earliest date the reference chronology records ("
        + "; ".join(f"{d} ({r.source})" for r in refs for d in r.dates)
        + "): an announcement cannot precede what it announces, so the page's date, or the record, is wrong",
        [Source.of(f)],
        recorded[0],
        {"actor": name, "event": event, "announced": when, "reference": [{"date": d} for d in recorded]},
        stated=f"{name}'s {noun} announced {when}",
        sides=[
            Side(STATED, f"{detail['claimed_by']} announced on {when} that {name} {what}", [Source.of(f)]),
            *(Side(EXPECTED, f"{name} {what} {d}", reference=r.source) for r in refs for d in r.dates),
        ],
        confidence=0.7,
    )


def _compare(f: FactOfDocument, event: str, refs: list[Reference]) -> Finding | None:
    if not refs:
        return None
    first, last = bounds(f["date"], f["date_end"])
    offs = []  # (days off, recorded date, reference)
    for ref in refs:
        for recorded in ref.dates:
            if holds(first, last, f["precision"], f.get("calendar"), recorded):
                return None
            lo, hi = bounds(recorded)
            offs.append((_days_off(first, last, lo, hi), recorded, ref))
    off, recorded, ref = min(offs, key=lambda o: (abs(o[0]), o[1]))
    if event == "took_office" and abs(off) > REACH_DAYS:
        return None
    what = "took office" if event == "took_office" else "died"
    stated = label(dated(f), f["date_end"])
    records = sorted({(d, r.source) for r in refs for d in r.dates})
    return Finding(
        "reference_chronology",
        f"{ref.subject} {what}: dated {stated}; the record gives {recorded}",
        f"the page dates when {ref.subject} {what} to {stated}; the reference chronology records "
        + "; ".join(f"{d} ({s})" for d, s in records)
        + f". The nearest, {recorded}, is {_distance(off, f['precision'], recorded)} "
        f"{'before' if off > 0 else 'after'} what the page says"
        + (f" ({ref.describe()}; {ref.via})" if ref.via else ""),
        [Source.of(f)],
        recorded,
        {
            "actor": ref.subject,
            "event": event,
            "date": f["date"],
            "date_end": f["date_end"],
            "days_off": off,
            "reference": [{"date": d, "source": s} for d, s in records],
        },
        stated=f"{ref.subject} {what} {stated}",
        sides=[
            Side(STATED, f"{ref.subject} {what} {stated}", [Source.of(f)]),
            *(Side(EXPECTED, f"{ref.subject} {what} {d}", reference=s) for d, s in records),
        ],
        confidence=0.8,
    )


def holds(first: dt.date, last: dt.date, precision: str | None, calendar: str | None, recorded: str) -> bool:
    """Can a page's date (its first and last day) mean the recorded one, with the tolerances above?"""
    lo, hi = bounds(recorded)
    slack = DAY_SLACK if precision == "day" or len(recorded) == 10 else 0
    slack += HIJRI_SLACK if calendar == "hijri" else 0
    return first - dt.timedelta(days=slack) <= hi and lo <= last + dt.timedelta(days=slack)


def _days_off(first: dt.date, last: dt.date, lo: dt.date, hi: dt.date) -> int:
    """Positive when the page's date is later than the record's."""
    return (first - hi).days if first > hi else (last - lo).days


def _distance(off: int, precision: str | None, recorded: str) -> str:
    """'a month' between two months, not the day between the last of one and the first of the next."""
    if precision in ("month", "year") and len(recorded) < 10:
        months = max(1, round(abs(off) / 30.4))
        return "a month" if months == 1 else f"{months} months"
    return f"{abs(off)} day{'s' if abs(off) != 1 else ''}"
