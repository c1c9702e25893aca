"""Who can take part in a statement or event: the actors found in the text (watchlist entities and names the
watchlist does not know), and the role nouns that stand for one ("the spokesman", «زعيم التنظيم», "the group",
«التنظيم») resolved through the watchlist's roles with tenure at the date of the clause.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from marsad.kb import Watchlist
from marsad.model import Entity, EntityType, Statement
from marsad.text.fold import Folded, fold
from marsad.text.script import has_arabic

PERSON, ORG, OUTLET = "person", "organization", "media_outlet"


@dataclass(frozen=True, slots=True)
class Participant:
    start: int
    end: int
    name: str  # canonical name, or the name as written when the watchlist does not know it
    type: str  # person | organization | media_outlet
    entity_id: str | None = None
    role_noun: str | None = None  # spokesman | leader | group: a noun standing for an actor, resolved later
    of: str | None = None  # the organisation a role noun belongs to (its name)
    resolved_by: str | None = None

    @property
    def resolved(self) -> bool:
        return self.role_noun is None or self.entity_id is not None


def from_facts(facts: list[Statement]) -> list[Participant]:
    """Actor facts (actors and names extractors) as participants; an ambiguous mention takes no part."""
    out = []
    for f in facts:
        if f.kind != "actor" or not f.detail.get("actor"):
            continue
        e = f.evidence[0]
        kind = str(f.detail.get("entity_type") or PERSON)
        out.append(Participant(e.start, e.end, str(f.detail["actor"]), kind, f.subject))
    out.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Participant] = []
    for p in out:  # the longer of two overlapping mentions
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    return kept


_ROLE_NOUNS = [
    # (pattern over folded text, role noun, whose: "group" = the organisation named nearby)
    (
        r"(?<![a-z])(?:the|its|his|their|the\s+group['’]s|the\s+organi[sz]ation['’]s|the\s+is|the\s+isis|the\s+isil|is['’]s?|isis['’]s?)\s+(?:new\s+|official\s+|former\s+|previous\s+|late\s+)?spokes(?:man|person)(?![a-z])",
        "spokesman",
    ),
    (
        r"(?<![a-z])(?:the|its|his|their|the\s+group['’]s|the\s+organi[sz]ation['’]s|the\s+is|the\s+isis|the\s+isil|is['’]s?|isis['’]s?)\s+(?:new\s+|former\s+|previous\s+|late\s+|slain\s+)?(?:leader|caliph|emir|chief)(?![a-z])",
        "leader",
    ),
    (
        r"(?<![\u0621-\u064a])(?:[وفب]?ال|لل)?(?:متحدث|ناطق)\s+(?:الرسمي\s+)?(?:الجديد\s+)?(?:باسم\s+(?:التنظيم|الجماعه|المجموعه)|باسمه|باسمها|(?:ال)?رسمي(?:\s+باسم\s+(?:التنظيم|الجماعه|المجموعه))?)(?![\u0621-\u064a])",
        "spokesman",
    ),
    (
        r"(?<![\u0621-\u064a])(?:زعيمه|زعيمها|قائده|زعيم\s+(?:التنظيم|الجماعه)|قائد\s+(?:التنظيم|الجماعه)|خليفه\s+التنظيم|امير\s+التنظيم)(?![\u0621-\u064a])",
        "leader",
    ),
    (
        r"(?<![\u0621-\u064a])(?:[وب]?ال)?(?:وكاله|مؤسسه|صحيفه|نشره)(?![\u0621-\u064a])"
        r"(?!\s+(?:[\u0621-\u064a]+\s+)?(?:اعماق|الفرقان|النبا|السحاب))",
        "outlet",
    ),
    (r"(?<![a-z])the\s+(?:news\s+)?(?:agency|outlet|newsletter|newspaper|foundation)(?![a-z'’])", "outlet"),
    (r"(?<![\u0621-\u064a])(?:[وب]?ا)?علام\s+(?:التنظيم|الجماعه)(?![\u0621-\u064a])", "group"),
    (
        r"(?<![a-z])the\s+(?:jihadist\s+|terror(?:ist)?\s+|militant\s+|extremist\s+)?(?:group|organi[sz]ation)(?![a-z'’])",
        "group",
    ),
    (r"(?<![\u0621-\u064a])(?:[وب]?ال)?(?:تنظيم|جماعه)(?![\u0621-\u064a])(?!\s+(?:ال)?(?:دوله|قاعده|داعش))", "group"),
]
_ROLE_RX = [(re.compile(rx), noun) for rx, noun in _ROLE_NOUNS]
# the patterns written in Arabic words only (no ASCII letter but in an escape: \s, \u0621): every match holds an
# Arabic letter, so a text without one is not scanned by them
_NEEDS_ARABIC = frozenset(
    i for i, (rx, _) in enumerate(_ROLE_NOUNS) if not re.search(r"[A-Za-z]", re.sub(r"\\(?:u[0-9a-fA-F]{4}|.)", "", rx))
)
# between a title and the name it is: a comma, a quote, «المسمى/المدعو/واسمه», "named"
_NAMED_AS = re.compile(
    r"\s*(?:(?:السابق|الجديد|الراحل|المقتول|الحالي|former|new|late|slain|current)\s*)?[،,]?\s*"
    r"(?:(?:المسمى|المدعو|واسمه|ويدعى|يدعى|named|called)\s*)?[«\"“]?\s*"
)  # «زعيمه السابق أبو إبراهيم», "its former spokesman, Abu X"
_APPOSED_TO_NAME = re.compile(r"(?<![.!?])\s([A-Z][a-z’'-]+),\s*$")
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Meanwhile However Yesterday Today Earlier Later Separately".split()
)
_FORMER = re.compile(r"former|previous|late|slain|السابق")


def role_nouns(text: str, folded: Folded, taken: list[Participant]) -> list[Participant]:
    """The role nouns of the text that no actor mention already covers ("the spokesman, Abu X," is Abu X)."""
    out: list[Participant] = []
    covered: list[tuple[int, int]] = []  # a role noun's words are its own: «المتحدث باسم التنظيم» holds «التنظيم»
    taken = sorted(taken, key=lambda p: p.start)
    starts = [p.start for p in taken]
    introductions = _introductions(text, taken)
    introduced_at = [p.start for p in introductions]
    arabic = has_arabic(folded.text)
    for i, (rx, noun) in enumerate(_ROLE_RX):
        if i in _NEEDS_ARABIC and not arabic:
            continue
        for m in rx.finditer(folded.text):
            start, end = folded.original_span(m.start(), m.end())
            near = taken[max(0, bisect.bisect_left(starts, start) - 8) : bisect.bisect_left(starts, end + 17)]
            if any(p.start < end and start < p.end for p in near) or _overlaps_any(covered, start, end):
                continue
            bisect.insort(covered, (start, end))
            named = [
                p
                for p in near
                if p.type == PERSON and 0 <= p.start - end <= 16 and _NAMED_AS.fullmatch(text[end : p.start])
            ]
            if noun != "group" and named:
                continue  # "the spokesman, Abu Hamza," / «المتحدث "أبو عمر"»: the name that follows is the actor
            if noun == "group" and any(
                p.type == ORG and 0 <= p.start - end <= 3 and not text[end : p.start].strip(' «"“') for p in near
            ):
                continue  # «تنظيم «داعش»», "the group al-Shabaab": the word is part of the name that follows
            called = _NAME_FOLLOWS_AR.match(folded.text, m.end()) if noun == "group" else None
            if called is not None:  # «تنظيم ما يسمى "ولاية نينوى"»: the group is the one named, not one named before
                a, b = folded.original_span(called.start("name"), called.end("name"))
                known = next((p for p in taken[bisect.bisect_left(starts, a - 2) :][:3] if a - 2 <= p.start < b), None)
                if known is not None:  # a watchlist name: the group is it, its span from «تنظيم» on
                    out.append(replace(known, start=start))
                else:  # a name the watchlist does not know, as written
                    out.append(Participant(start, b, text[a:b], ORG))
                continue
            apposed = _APPOSED_TO_NAME.search(text[max(0, start - 40) : start])
            if noun in ("spokesman", "leader") and apposed and apposed.group(1) not in _NOT_NAMES:
                continue  # "Asim Umar, the chief of AQIS,": the role says who the name before it is

            kind = ORG if noun == "group" else (OUTLET if noun == "outlet" else PERSON)
            of = (
                _introduced_as(introductions, introduced_at, start)
                if noun == "group" and "تنظيم" in folded.text[m.start() : m.end()]
                else None
            )
            out.append(Participant(start, end, text[start:end], kind, role_noun=noun, of=of))
    return out


_NAME_FOLLOWS_AR = re.compile(
    r"\s*(?:ما\s+)?(?:يسمي|يسمى|المسمي|المدعو|المعروف\s+(?:باسم|ب))(?![\u0621-\u064a])[\s،,:«\"“]*"
    r"(?P<name>[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,3}?)(?=\s*[،,»\"”.:؛]|$)"
)
_TANZIM_OPENS = re.compile(r"[وب]?تنظيم(?![\u0621-\u064a])")
_TANZIM_BEFORE = re.compile(r"(?<![\u0621-\u064a])[وب]?تنظيم\s*[«\"“]?\s*$")


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of `spans` (sorted, not overlapping each other)?"""
    i = bisect.bisect_left(spans, (start, start))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


def _introductions(text: str, taken: list[Participant]) -> list[Participant]:
    """The organisations the text introduces as «تنظيم X», in start order."""
    return [
        p
        for p in taken
        if p.type == ORG
        and p.entity_id
        and (
            _TANZIM_BEFORE.search(text[max(0, p.start - 12) : p.start])
            or _TANZIM_OPENS.match(text, p.start, p.end)  # the alias holds the word: «تنظيم القاعدة في جزيرة العرب»
        )
    ]


def _introduced_as(introductions: list[Participant], starts: list[int], at: int) -> str | None:
    """«التنظيم» is the organisation the text last introduced as «تنظيم X» («تنظيم «داعش»»), not the last one
    named («هيئة تحرير الشام»)."""
    introduced = introductions[: bisect.bisect_left(starts, at)]
    if not introduced:
        return None
    last = introduced[-1]
    # «تنظيم القاعدة في جزيرة العرب ... القيادي في تنظيم القاعدة ... التنظيم»: the branch the text is about, not its
    # parent named in passing
    branch = next((p for p in introduced if p.name != last.name and p.name.startswith(last.name + " ")), None)
    return (branch or last).name


def resolve_role(p: Participant, context: list[Participant], when: str | None, watchlist: Watchlist) -> Participant:
    """A role noun as the entity holding the role: "the group" is the organisation named last before it (else
    the page's most named one); "the spokesman"/«زعيمه» is the watchlist person holding that role in that
    organisation on the clause's date, when exactly one does."""
    orgs = [c for c in context if c.type == ORG and c.entity_id and (c.start < p.start or c.name == p.of)]
    named = [c for c in orgs if c.name == p.of]
    org = named[-1] if named else (orgs[-1] if orgs else None)
    if p.role_noun == "outlet":  # «الوكالة», "the agency": the outlet named before it
        outlets = [c for c in context if c.type == OUTLET and c.entity_id and c.start < p.start]
        if not outlets:
            return p
        o = outlets[-1]
        return replace(p, name=o.name, entity_id=o.entity_id, resolved_by=f"the outlet named before it ({o.name})")
    if p.role_noun == "group":
        if org is None:
            return p
        return replace(p, name=org.name, entity_id=org.entity_id, resolved_by=f"the group named before it ({org.name})")
    if org is None or when is None:
        return p
    wanted = {"spokesman": ("spokesman",), "leader": ("caliph", "emir", "leader")}[str(p.role_noun)]
    former = bool(_FORMER.search(fold(p.name)))
    people = [e for e in watchlist.entities if e.type is EntityType.PERSON]
    if former:  # "the former spokesman": the holder whose tenure ended last before the date
        ended = [(end, e) for e in people if (end := _ended_by(e, wanted, org.name, when)) is not None]
        holders = [max(ended, key=lambda pair: pair[0])[1]] if ended else []
    else:
        holders = [e for e in people if _held(e, wanted, org.name, when)]
    if len(holders) != 1:
        return p
    person = holders[0]
    how = "before" if former else "on"
    return replace(
        p,
        name=person.name,
        entity_id=person.id,
        of=org.name,
        resolved_by=f"{p.role_noun} of {org.name} {how} {when} (watchlist roles)",
    )


def _held(e: Entity, wanted: tuple[str, ...], of: str, when: str) -> bool:
    for r in e.roles:
        if r.role not in wanted or (r.of or "").lower() != of.lower():
            continue
        start, end = (r.start or "0000")[: len(when)], (r.end or "9999")[: len(when)]
        if start <= when <= end:
            return True
    return False


def _ended_by(e: Entity, wanted: tuple[str, ...], of: str, when: str) -> str | None:
    ends = [
        r.end
        for r in e.roles
        if r.role in wanted and (r.of or "").lower() == of.lower() and r.end and r.end[: len(when)] <= when
    ]
    return max(ends) if ends else None
