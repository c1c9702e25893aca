"""(g) A tenure given as a range ("In office 16 October 2022 – 29 April 2023") against the recorded one.

A date range standing right after a mention of a person the reference chronology knows, one end of which is
the recorded end (or start) of one of his roles, is read as that tenure; its other end is then checked
against the record like any appointment (analyze/reference.py: holds). A range neither end of which is on
the record is about something else and left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import cast

from marsad.analyze.dating import bounds, label
from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.reference import holds
from marsad.analyze.timeline import Source
from marsad.extract.events.text import lifespan
from marsad.kb import Watchlist
from marsad.kb.chronology import Chronology, load_chronology
from marsad.model import Entity, EntityType
from marsad.store import ReadView
from marsad.store.facts import Fact, dated

REACH = 200  # characters from the person's name to the range (an infobox row, the rest of a sentence)
MIN_DAYS = 30  # a shorter range ("the weekend") is no tenure
ALTERNATIVE_DAYS = 45


def tenure_findings(store: ReadView, watchlist: Watchlist, chronology: Chronology | None = None) -> list[Finding]:
    chronology = chronology or load_chronology(watchlist)
    tenures = {
        e.id: [(r.start, r.end, f"{r.role}, {_source(e)}") for r in e.roles if r.start and r.end]
        for e in watchlist.entities
        if e.type is EntityType.PERSON and any(r.start and r.end for r in e.roles)
    }
    if not tenures:
        return []
    docs = {f["document"]["id"] for f in store.iter_facts("actor", subjects=sorted(tenures))}
    out = []
    text: dict[str, str] = {}
    for doc_id in sorted(docs):
        people = [f for f in store.iter_facts("actor", document=doc_id) if _is_person(f)]
        for f in store.iter_facts("date", document=doc_id):
            if not f["date"] or not f["date_end"]:
                continue
            person = _named_before(people, f["start"])
            if person is None or person["entity_id"] not in tenures:
                continue
            if _life(f, partial(_text_of, store, text, doc_id)):
                continue  # "Ahmed Abdi Godane (10 July 1977 – 1 September 2014)": his life, not his tenure
            starts = [ref_date for r in chronology.about(person["entity_id"], "took_office") for ref_date in r.dates]
            finding = _check_range(f, person, tenures[person["entity_id"]], starts)
            if finding is not None:
                out.append(finding)
    return out


def _source(e: Entity) -> str:
    return "the watchlist, from " + (next((a.source for a in e.aliases if a.source), None) or "no named source")


def _is_person(f: Fact) -> bool:
    return bool(f["entity_id"]) and (f.get("detail") or {}).get("entity_type") == EntityType.PERSON.value


def _named_before(people: list[Fact], at: int) -> Fact | None:
    """The last person named within REACH characters before `at` (no one else named between)."""
    before = [p for p in people if p["end"] <= at]
    if not before:
        return None
    last = max(before, key=lambda p: p["end"])
    return last if at - last["end"] <= REACH else None


LIFE_YEARS = 35  # a range this long after a name is a life, not a tenure


def _text_of(store: ReadView, texts: dict[str, str], doc_id: str) -> str:
    if doc_id not in texts:
        texts[doc_id] = store.document_text(doc_id)
    return texts[doc_id]


def _life(f: Fact, text: Callable[[], str]) -> bool:
    """A range as long as a life, or one in brackets right after a name (the lead of a biography)."""
    first, last = bounds(f["date"], f["date_end"])
    return (last - first).days > LIFE_YEARS * 365 or lifespan(text(), f["start"])


def _check_range(f: Fact, person: Fact, roles: list[tuple[str, str, str]], starts: list[str]) -> Finding | None:
    """A range fitting one role at both ends is that tenure, right; one fitting a role at one end only is that
    tenure with the other end wrong."""
    first, last = bounds(f["date"], f["date_end"])
    if (last - first).days < MIN_DAYS:
        return None
    start = _side(dated(f), f.get("calendar"))
    end = _side(cast(str, f["date_end"]), f.get("calendar"))  # a range: tenure_findings reads those only
    half: list[tuple[str, str, str, bool]] = []  # role start, end, name, whether its end is the one that holds
    for role_start, role_end, role in roles:
        start_ok = any(start(s) for s in (role_start, *_alternatives(role_start, starts)))
        end_ok = end(role_end)
        if start_ok and end_ok:
            return None
        if start_ok or end_ok:
            half.append((role_start, role_end, role, end_ok))
    if not half:
        return None
    role_start, role_end, role, end_ok = half[0]
    side, stated, expected = ("start", f["date"], role_start) if end_ok else ("end", f["date_end"], role_end)
    name = person["actor"]
    return Finding(
        "reference_tenure",
        f"{name}'s tenure given as {label(dated(f), f['date_end'])}; the record {side}s it on {expected}",
        f"the range follows a mention of {name}, and its {'end' if end_ok else 'start'} is the recorded "
        f"{'end' if end_ok else 'start'} of his role ({role_start} to {role_end}: {role}); "
        f"its {side}, {stated}, is not on the record",
        [Source.of(f)],
        expected,
        {"actor": name, "role": role, "side": side, "stated": stated, "recorded": [role_start, role_end]},
        stated=f"{name}'s tenure {label(dated(f), f['date_end'])}",
        sides=[
            Side(STATED, f"{name}'s tenure {side}s on {stated}", [Source.of(f)]),
            Side(EXPECTED, f"{name}'s tenure {side}s on {expected} ({role_start} to {role_end})", reference=role),
        ],
        confidence=0.7,
    )


def _side(date: str, calendar: str | None) -> Callable[[str], bool]:
    first, last = bounds(date)
    precision = "day" if len(date) == 10 else "month"
    return lambda recorded: holds(first, last, precision, calendar, recorded)


def _alternatives(role_start: str, starts: list[str]) -> list[str]:
    """Other recorded dates of the same start (an announcement weeks after a predecessor's death), not the
    starts of a man's other posts."""
    lo, hi = bounds(role_start)
    return [s for s in starts if abs((bounds(s)[0] - lo).days) <= ALTERNATIVE_DAYS or lo <= bounds(s)[0] <= hi]
