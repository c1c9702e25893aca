"""(j) A successor appointed, by the page, before the predecessor's tenure ended by the record.

"Saad bin Atef al-Awlaki succeeded Khalid Batarfi in 2021": the page names the predecessor (after a cue: succeeded,
replaced, in place of, after the death of; «خلفاً لـ», «بعد مقتل»; or "his successor", «خلفاً له» for the man
named before), and the record ends Batarfi's tenure on 10 March 2024 (a watchlist role's end, or a recorded
death when no role of his ends). An appointment that ends before the earliest of those ends (less a day; a Hijri
date a day more) is in an order the record rules out. Named, not guessed: a man holds several posts, and the
page's date may be of another; naming whom he succeeded says which.

A date the reference chronology already flags (analyze/reference.py: the successor's own recorded start) is
left to that finding.
"""

from __future__ import annotations

import datetime as dt
import re

from marsad.analyze.dating import SURE, bounds, label
from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.timeline import Source
from marsad.kb import Watchlist
from marsad.kb.chronology import Chronology, load_chronology
from marsad.model import Entity, EntityType
from marsad.store import FactFilter, ReadView
from marsad.store.facts import Fact, dated, subject_of
from marsad.text.fold import fold

PREDICATES = ("appointed", "took_office", "succeeded")
DAY_SLACK = 1
HIJRI_SLACK = 1
_WORDS = r"(?:[^\W\d_]+\s+){0,4}"  # "succeeded the slain AQAP leader Khalid Batarfi"
_NAMES_PREDECESSOR = re.compile(  # on folded text, ending where the predecessor's name begins
    r"(?:\b(?:succeed(?:ed|ing|s)?|successor (?:to|of)|replac(?:ed|ing|es)|in place of|took over from|"
    r"taking over from|after the (?:death|killing) of|following the (?:death|killing) of)\s+" + _WORDS + r"$)"
    r"|(?:(?<![\u0621-\u064a])(?:خلفا|خليفه|بديلا|بدلا)\s*(?:ل|عن|من)?\s*" + _WORDS + r"(?:ل)?$)"
    r"|(?:(?<![\u0621-\u064a])(?:بعد|عقب)\s+(?:مقتل|وفاه|مصرع|مقتله)\s+" + _WORDS + r"(?:ل)?$)"
)
_POINTS_BACK = re.compile(  # after the successor's name: the predecessor is the man named before him
    r"^\W{0,3}(?:\s*\w+){0,6}?\s*(?:\b(?:to replace him|to succeed him|as his successor|replacing him)\b|"
    r"(?<![\u0621-\u064a])(?:خلفا|بديلا|خليفه)\s+(?:له|عنه))"
)
CUE_REACH = 60  # characters before the predecessor's name (or after the successor's) a cue is looked for in


def succession_findings(
    store: ReadView,
    watchlist: Watchlist,
    chronology: Chronology | None = None,
    flagged: set[tuple[str, int, int]] | None = None,
) -> list[Finding]:
    """`flagged`: (document, start, end) of facts another check already found off the record."""
    chronology = chronology or load_chronology(watchlist)
    people = {e.id: e for e in watchlist.entities if e.type is EntityType.PERSON}
    ends = {pid: _recorded_ends(e, chronology) for pid, e in people.items()}
    if not any(ends.values()):
        return []
    out = []
    seen: set[tuple[str, int, int]] = set(flagged or ())
    where = FactFilter(("event",), predicates=PREDICATES, min_confidence=SURE)
    mentions: dict[str, list[Fact]] = {}
    for f in store.select_facts(where):
        key = (f["document"]["id"], f["start"], f["end"])
        if key in seen or f["entity_id"] not in people:
            continue
        seen.add(key)
        doc_id = f["document"]["id"]
        if doc_id not in mentions:
            mentions[doc_id] = [m for m in store.iter_facts("actor", document=doc_id) if m["entity_id"] in people]
        found = _predecessor(store, f, mentions[doc_id])
        if found is None:
            continue
        predecessor, mention = found
        finding = _check(f, people[f["entity_id"]], people[predecessor], ends[predecessor], mention)
        if finding is not None:
            out.append(finding)
    return out


def _recorded_ends(person: Entity, chronology: Chronology) -> list[tuple[str, str, str]]:
    """(date, what ended, source) for each role of his that ends; his recorded death when none does."""
    source = next((a.source for a in person.aliases if a.source), None) or "the watchlist"
    ends = [(r.end, f"{r.role}" + (f" of {r.of}" if r.of else ""), source) for r in person.roles if r.end]
    if ends:
        return ends
    return [(d, "died", ref.source) for ref in chronology.about(person.id, "died") for d in ref.dates]


def _predecessor(store: ReadView, f: Fact, mentions: list[Fact]) -> tuple[str, Fact] | None:
    """The person the appointment's sentence says the appointee succeeded, and the mention that names him."""
    inside = [m for m in mentions if f["start"] <= m["start"] and m["end"] <= f["end"]]
    others = [m for m in inside if m["entity_id"] != f["entity_id"]]
    if not others:
        return None
    text = store.document_text(f["document"]["id"])
    for m in others:
        before = fold(text[max(f["start"], m["start"] - CUE_REACH) : m["start"]]).lower()
        if _NAMES_PREDECESSOR.search(before):
            return subject_of(m), m
    for own in (m for m in inside if m["entity_id"] == f["entity_id"]):
        after = fold(text[own["end"] : min(f["end"], own["end"] + CUE_REACH)]).lower()
        if _POINTS_BACK.search(after):
            named_before = [m for m in others if m["end"] <= own["start"]]
            if named_before:
                last = max(named_before, key=lambda m: m["end"])
                return subject_of(last), last
    return None


def _check(
    f: Fact,
    successor: Entity,
    predecessor: Entity,
    ends: list[tuple[str, str, str]],
    mention: Fact,
) -> Finding | None:
    if not ends:
        return None
    ends = _same_post(successor, predecessor, ends)
    _, last = bounds(f["date"], f["date_end"])
    slack = (DAY_SLACK if f["precision"] == "day" else 0) + (HIJRI_SLACK if f.get("calendar") == "hijri" else 0)
    earliest, what, _ = min(ends, key=lambda e: (bounds(e[0])[0], e[0]))
    if last + dt.timedelta(days=slack) >= bounds(earliest)[0]:
        return None
    stated = label(dated(f), f["date_end"])
    days = (bounds(earliest)[0] - last).days
    ended = "died" if what == "died" else f"left the post ({what})"
    records = "; ".join(f"{d}: {w} ({s})" for d, w, s in sorted(set(ends)))
    return Finding(
        "succession_order",
        f"{successor.name} succeeded {predecessor.name}: dated {stated}, before {predecessor.name} {ended} on "
        f"{earliest} by the record",
        f"the page names {predecessor.name} ('{mention['text']}') as the man {successor.name} succeeded and dates "
        f"the succession to {stated}; the record ends {predecessor.name}'s tenure on {records}. The succession "
        f"is dated {days} day{'s' if days != 1 else ''} before the earliest of these: a successor cannot take a "
        f"post before it is vacant (or the page's date is wrong)",
        [Source.of(f)],
        earliest,
        {
            "actor": successor.name,
            "predecessor": predecessor.name,
            "date": f["date"],
            "date_end": f["date_end"],
            "predecessor_end": [{"date": d, "what": w, "source": s} for d, w, s in sorted(set(ends))],
            "days_before": days,
        },
        stated=f"{successor.name} succeeded {predecessor.name} {stated}",
        sides=[
            Side(STATED, f"{successor.name} succeeded {predecessor.name} {stated}", [Source.of(f)]),
            *(
                Side(EXPECTED, f"{predecessor.name}: {w} {d}; a successor on or after it", reference=s)
                for d, w, s in sorted(set(ends))
            ),
        ],
        confidence=0.7,
    )


def _same_post(successor: Entity, predecessor: Entity, ends: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The predecessor's ends of the posts the successor is recorded to have held, when the record says."""
    posts = {f"{r.role}" + (f" of {r.of}" if r.of else "") for r in successor.roles}
    same = [e for e in ends if e[1] in posts]
    return same or ends
