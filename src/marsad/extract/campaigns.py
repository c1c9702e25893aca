"""Campaigns: quoted titles introduced by campaign / titled / entitled / حملة / غزوة / بعنوان / تحت عنوان,
linked to one campaign entity across English and Arabic variants, dated from the passage.

Written here: a campaign is named by a quoted title after a cue word; no library reads that. A quoted
title after «بعنوان» with no campaign word near it is the title of a release, not a campaign.
"""

from __future__ import annotations

import re
from typing import Any

from marsad.extract.actors import ActorExtractor
from marsad.extract.base import Member
from marsad.extract.dates import DateExtractor
from marsad.extract.dates.near import NearDates
from marsad.kb import Watchlist
from marsad.kb.names import name_key
from marsad.model import Document, Entity, EntityType, PartialDate, Span, Statement
from marsad.text.fold import fold_with_offsets

# a quote mark glued to a letter is an apostrophe or an ʿayn ("al-‘Istinzâf", "Nidâ’"), not a quotation
_QUOTED = re.compile(r"(?<![\w-])[\"“”«‘']\s*([^\"“”«»‘’'\n]{3,90}?)\s*[,،]?\s*[\"“”»’'](?!\w)")
# a campaign named in transliteration: "ghazwat al-‘Istinzâf", "ghazwat Labbû al-Nidâ’"
_GHAZWA = re.compile(
    r"(?<![a-z])(ghazwat?\s+(?:(?:al|ad|as|an|ash|at|ar)-)?[\w‘’ʿʾ'-]+(?:\s+(?:(?:al|ad|as|an|ash|at|ar)-)[\w‘’ʿʾ'-]+)?)"
)
_CUE = re.compile(r"(?<![a-z])(?:campaigns?|offensive|operations?\s+series|ghazwat?)(?![a-z])|حمله|غزوه|حملات")
_INTRO = re.compile(
    r"(?:titled|entitled|called|named|dubbed|brands?\s+[^.]{0,40}?\s+as|under\s+the\s+(?:title|banner|name)(?:\s+of)?|"
    r"the\s+name|بعنوان|تحت\s+عنوان|باسم|اسم)\s*[:,،]?\s*(?:the\s+)?$"
)
# a campaign named only by the man it honours: "a military campaign named after Abu Muhammad al-Adnani"
_NAMED_AFTER = re.compile(
    r"(?<![a-z])((?:military\s+|media\s+|new\s+)?(?:campaign|offensive)\s+named\s+(?:after|for)\s+"
    r"(?:(?:their|its|the|his)\s+)?(?:(?:former|late|slain)\s+)?(?:spokesman\s+|leader\s+|caliph\s+)?"
    r"((?:abu|umm|abd)\s+[a-z][\w’'-]+(?:\s+(?:al|el|ad|as|an|ar|at)[\s-][a-z][\w’'-]+)?|[a-z][\w’'-]+\s+(?:al|el|bin|ibn)[\s-]"
    r"[a-z][\w’'-]+))",
)
# a campaign described by whom it supports, with no title: "a media campaign in support of X",
# «حملة إعلامية ضخمة، تشمل عدداً من الإصدارات دعماً لـX»; X must be a watchlist actor named right after the cue
_IN_SUPPORT = re.compile(
    r"(?<![a-z])(?P<kind>(?:(?P<medium>media|military|online|propaganda)\s+)?campaign)\s+(?:[^.;!?\n]{0,40}?\s)?"
    r"(?:in\s+support\s+of|in\s+solidarity\s+with|supporting)\s+(?:the\s+)?"
    r"|(?<![\u0621-\u064a])(?P<kind_ar>حمله(?:\s+(?P<medium_ar>اعلاميه|عسكريه|الكترونيه|دعائيه))?)(?![\u0621-\u064a])"
    r"[^.;!?؟\n]{0,60}?\s(?:دعما|نصره|تضامنا|مؤازره)\s+(?:مع\s+)?(?:ل|لـ)?"
)
_MEDIUM_AR = {"اعلاميه": "media", "عسكريه": "military", "الكترونيه": "online", "دعائيه": "propaganda"}
_CUE_AFTER = re.compile(r"\s*(?:campaigns?|offensive|ghazwat?)(?![a-z])|\s*(?:حمله|غزوه)(?![\u0621-\u064a])")
_LOOKBACK = 90
_MAX_DATE_GAP = 140


def _campaigns(watchlist: Watchlist) -> tuple[tuple[Entity, tuple[str, ...]], ...]:
    out = []
    for e in watchlist.entities:
        if e.type is EntityType.CAMPAIGN:
            out.append((e, tuple({name_key(a.name) for a in e.aliases} - {""})))
    return tuple(out)


def display_title(entity: Entity, written: str | None = None) -> str:
    """A known campaign's title: its recorded name, then in brackets the form the page wrote when that differs
    ("Battle of Attrition (ghazwat al-‘Istinzâf)"), else its English rendering when the name is not English
    ("واقتلوهم حيث ثقفتموهم (And Kill Them Wherever You Find Them)")."""
    if written:
        written = re.sub(r"^(?:the|al)\s+(?=[A-Z])", "", written.strip(" \"“”«»'’"))
        if name_key(written) != name_key(entity.name):
            return f"{entity.name} ({written})"
    own = entity.aliases[0].language if entity.aliases else None
    english = next(
        (a.name for a in entity.aliases[1:] if a.language == "en" or (own is None and a.script == "latin")), None
    )
    if own == "en" or not english or name_key(english) == name_key(entity.name):
        return entity.name
    return f"{entity.name} ({english})"


class CampaignExtractor(Member):
    NAME = "campaigns"
    VERSION = "0.3"

    def __init__(self, dates: DateExtractor | None = None, actors: ActorExtractor | None = None) -> None:
        self._dates = dates or DateExtractor()
        self._actors = actors or ActorExtractor()  # its watchlist's campaigns, and the actors a campaign supports

    def extract(self, doc: Document) -> list[Statement]:
        folded = fold_with_offsets(doc.text)
        text = folded.text
        found = []
        for m in _QUOTED.finditer(text):
            before = text[max(0, m.start() - _LOOKBACK) : m.start()]
            before = re.split(r"[.!?؟\n]", before)[-1]
            cue_after = _CUE_AFTER.match(text, m.end(), m.end() + 15) is not None  # 'the "Breaking the Walls" campaign'
            cue_inside = _CUE.search(m.group(1)[:16]) is not None  # 'what it called "the Campaign of Vengeance ..."'
            cue = _CUE.search(before) or cue_after or cue_inside
            if not cue or not (_INTRO.search(before) or _CUE.search(before[-12:]) or cue_after):
                continue
            start, end = folded.original_span(m.start(1), m.end(1))
            found.append((start, end, doc.text[start:end]))
        for m in _NAMED_AFTER.finditer(text):
            start, end = folded.original_span(m.start(1), m.end(1))
            a, b = folded.original_span(m.start(2), m.end(2))
            found.append((start, end, f"campaign named after {doc.text[a:b]}"))
        for m in _GHAZWA.finditer(text):
            if any(a <= folded.original_span(m.start(1), m.end(1))[0] < b for a, b, _ in found):
                continue
            start, end = folded.original_span(m.start(1), m.end(1))
            found.append((start, end, doc.text[start:end].rstrip("’'")))
        found += self._in_support(doc, folded)
        if not found:
            return []
        dates = NearDates([s for s in self._dates.extract(doc) if s.kind == "date" and s.date is not None])
        return [self._statement(doc, start, end, title, dates) for start, end, title in found]

    def _in_support(self, doc: Document, folded: Any) -> list[tuple[int, int, str]]:
        """'a media campaign in support of Sinai Province' -> its title in English, from the actor named."""
        cues = list(_IN_SUPPORT.finditer(folded.text))
        if not cues:
            return []
        actors = sorted(
            (s for s in self._actors.extract(doc) if s.kind == "actor" and s.detail.get("actor")),
            key=lambda s: s.evidence[0].start,
        )
        out = []
        for m in cues:
            start, end = folded.original_span(m.start(), m.end())
            named = next((a for a in actors if end <= a.evidence[0].start <= end + 3), None)
            if named is None:
                continue
            if m.group("kind"):
                kind = doc.text[slice(*folded.original_span(m.start("kind"), m.end("kind")))].lower()
            else:
                medium = _MEDIUM_AR.get(m.group("medium_ar") or "")
                kind = f"{medium} campaign" if medium else "campaign"
            out.append((start, named.evidence[0].end, f"{kind} in support of {named.detail['actor']}"))
        return out

    def _statement(self, doc: Document, start: int, end: int, title: str, dates: NearDates) -> Statement:
        key = name_key(title)
        entity = next(
            (
                e
                for e, keys in self._actors.derived("campaigns", _campaigns)
                if any(k == key or (len(k) > 8 and (k in key or key in k)) for k in keys)
            ),
            None,
        )
        dated = dates.following(doc.text, end, _MAX_DATE_GAP, r"[.!?؟\n]") or dates.preceding(
            doc.text, start, _LOOKBACK, r"[.!?؟\n]"
        )
        date: PartialDate | None = dated.date if dated else None
        detail = {"title": display_title(entity, title) if entity else title, "quoted": title}
        if entity:
            detail["campaign"] = entity.name
        return Statement(
            kind="campaign",
            predicate="announced_campaign",
            evidence=(Span(doc.id, start, end),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            subject=entity.id if entity else None,
            date=date,
            confidence=0.85 if entity else 0.6,
            detail=detail,
        )
