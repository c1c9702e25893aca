"""Dated statements and events: per sentence, a watchlist actor, a predicate and a date.

Written here: no library extracts Arabic and English statement/event predicates tied to a watchlist.
A statement (released, announced, بثت، أعلن) or an event (killed, captured, مقتل، تولى) with an actor in
the same sentence becomes a `statement` or `event` fact, dated by the sentence's date nearest the
predicate; one whose sentence gives no date takes the page's own date, at low confidence. "He" or
"It" starting a sentence refers to the previous sentence's person.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from marsad.extract.actors import ActorExtractor
from marsad.extract.dates import DateExtractor
from marsad.model import Document, PartialDate, Span, Statement
from marsad.text.fold import fold

_STATEMENT = {
    "released": "released",
    "releases": "released",
    "published": "published",
    "publishes": "published",
    "announced": "announced",
    "announces": "announced",
    "issued": "issued",
    "said": "said",
    "says": "said",
    "claimed": "claimed",
    "declared": "declared",
    "broadcast": "broadcast",
    "speech": "gave_speech",
    "statement": "issued_statement",
    "audio": "released",
    "pledged": "pledged",
    "named": "named",
    "appointed": "appointed",
    "confirmed": "confirmed",
    "اعلن": "announced",
    "اعلنت": "announced",
    "اصدر": "issued",
    "اصدرت": "issued",
    "نشر": "published",
    "نشرت": "published",
    "بث": "broadcast",
    "بثت": "broadcast",
    "بثه": "broadcast",
    "قال": "said",
    "اكد": "confirmed",
    "اكدت": "confirmed",
    "تبني": "claimed",
    "نعي": "mourned",
    "بايع": "pledged",
    "بايعت": "pledged",
    "الكلمه": "gave_speech",
    "كلمه": "gave_speech",
    "تسجيل": "released",
    "بيان": "issued_statement",
}
_EVENT = {
    "killed": "killed",
    "died": "died",
    "captured": "captured",
    "arrested": "arrested",
    "attacked": "attacked",
    "became": "became",
    "led": "led",
    "succeeded": "succeeded",
    "launched": "launched",
    "مقتل": "killed",
    "قتل": "killed",
    "اعتقال": "arrested",
    "اعتقل": "arrested",
    "هجوم": "attacked",
    "تولي": "became",
    "اطلاق": "launched",
    "اطلق": "launched",
}
_VICTIM_EVENTS = frozenset({"killed", "captured", "arrested"})  # "killed X": X may be described, not named
_PERSON_EVENTS = frozenset({"killed", "died", "captured", "arrested", "became", "led", "succeeded"})
# "killed 85 people", «مقتل نحو 85 شخصا»: a casualty count, not an event of a named actor
_COUNT_AFTER = re.compile(
    r"\s*(?:(?:about|at\s+least|more\s+than|over|nearly|some|dozens|hundreds|scores|نحو|حوالي|أكثر\s+من|اكثر\s+من|"
    r"عشرات|مئات|ما\s+لا\s+يقل\s+عن)\b\s*)*[\d٠-٩]"
)
# «مقتل زعيم التنظيم السابق», "killed the group's former leader": the victim is described, not named here
_DESCRIBED_AFTER = re.compile(
    r"\s*(?:(?:the|its|their|his|group's|former|then|new)\s+)*(?:(?:ال)?(?:زعيم|قائد|امير|أمير|خليفه|خليفة|متحدث|مسؤول)"
    r"|leader|chief|commander|caliph|spokesman|emir)",
    re.IGNORECASE,
)
_NAMED_WITHIN = 40  # characters after the predicate where the victim's name would stand
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"[^.!?؟;؛\n]+[.!?؟;؛]?")  # sentences, and clauses a semicolon ends
_PRONOUN = re.compile(r"^\s*(?:he|she)\b", re.IGNORECASE)  # not "It is not clear ..."


@lru_cache(maxsize=100_000)
def _predicate_of(word: str) -> tuple[str, str] | None:
    """("event" | "statement", verb) for a word (folded; «و»/«ف» before it dropped), else None."""
    key = fold(word)
    if len(key) > 3 and key[0] in "وف" and (key[1:] in _STATEMENT or key[1:] in _EVENT):
        key = key[1:]
    if key in _EVENT:
        return "event", _EVENT[key]
    if key in _STATEMENT:
        return "statement", _STATEMENT[key]
    return None


_CLAUSE_END = re.compile(r"[,،;؛]")


def _clause(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The stretch of the sentence around `at` between commas or semicolons."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, start, at)), default=start)
    right = _CLAUSE_END.search(text, at, end)
    return left, right.start() if right else end


_NOUNS = frozenset({"speech", "statement", "audio"})  # "the speech of X": the actor may follow
_BY = re.compile(r"\bby\b", re.IGNORECASE)


def _english_agent(text: str, actor: Statement, at: int) -> bool:
    """An actor before the predicate, or after it behind "by" ("was released by al-Furqan")."""
    span = actor.evidence[0]
    if span.end <= at:
        return True
    return bool(_BY.search(text, at, span.start))


class StatementExtractor:
    NAME = "statements"
    VERSION = "0.5"

    def __init__(self) -> None:
        self._dates = DateExtractor()
        self._actors = ActorExtractor()
        self._mentions: list[Statement] = []

    def extract(self, doc: Document) -> list[Statement]:
        mentions = self._actors.extract(doc)
        actors = [a for a in mentions if a.kind == "actor" and a.subject]
        if not actors:
            return []
        self._mentions = [a for a in mentions if a.subject]
        dates = [d for d in self._dates.extract(doc) if d.kind == "date" and d.date is not None]
        out: list[Statement] = []
        previous_person: Statement | None = None
        for m in _SENTENCE.finditer(doc.text):
            start, end = m.start(), m.end()
            inside = [a for a in actors if start <= a.evidence[0].start < end]
            predicate = None
            for w in _WORD.finditer(m.group(0)):
                found = _predicate_of(w.group(0))
                if found is not None and found[0] == "event":
                    predicate = (*found, start + w.start())
                    break
                if found is not None and predicate is None:
                    predicate = (*found, start + w.start())
            persons = [a for a in inside if a.detail.get("entity_type") == "person"]
            actor = None
            if predicate and previous_person is not None and _PRONOUN.match(m.group(0)):
                actor = previous_person  # "He was named ...": the person of the sentence before
            elif predicate and inside:
                candidates = inside
                word = _WORD.match(doc.text, predicate[2])
                if (
                    word
                    and word.group(0).isascii()
                    and word.group(0).lower() not in _NOUNS
                    and predicate[1] not in _PERSON_EVENTS
                ):
                    # English puts the actor before the verb ("X released"), or after it with "by";
                    # "issue 413, released ..., made no reference to Hamas" is not Hamas releasing
                    candidates = [a for a in candidates if _english_agent(doc.text, a, predicate[2])]
                    passive = [a for a in candidates if a.evidence[0].start > predicate[2]]
                    candidates = passive or candidates  # "was announced ... by the spokesman X"
                people = [a for a in candidates if a.detail.get("entity_type") == "person"]
                if predicate[1] in _PERSON_EVENTS:  # an organisation is not killed, arrested or named caliph
                    word_end = _WORD.match(doc.text, predicate[2])
                    after = word_end.end() if word_end else predicate[2]
                    counted = _COUNT_AFTER.match(doc.text, after) is not None
                    described = (
                        predicate[1] in _VICTIM_EVENTS
                        and _DESCRIBED_AFTER.match(doc.text, after) is not None
                        and not any(0 <= a.evidence[0].start - after <= _NAMED_WITHIN for a in people)
                    )
                    candidates = [] if counted or described else people
                else:
                    candidates = people or candidates  # a person speaks; the organisation is context
                if candidates:
                    actor = min(candidates, key=lambda a: abs(a.evidence[0].start - predicate[2]))
            if persons:
                previous_person = persons[-1]
            if predicate is None or actor is None:
                continue
            out.append(self._fact(doc, m, predicate, actor, dates))
        return out

    def _fact(
        self,
        doc: Document,
        m: re.Match[str],
        predicate: tuple[str, str, int],
        actor: Statement,
        dates: list[Statement],
    ) -> Statement:
        kind, verb, at = predicate
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        end = m.end()
        in_sentence = [d for d in dates if start <= d.evidence[0].start < end]
        date: PartialDate | None = None
        detail: dict[str, Any] = {"actor": actor.detail["actor"], "predicate": verb}
        about = {
            str(a.subject): a.detail.get("topic") or a.detail.get("actor")
            for a in self._mentions
            if start <= a.evidence[0].start < end and a.subject != actor.subject
        }
        if about:  # what else the sentence names: the topics and actors it is about
            detail["about"] = sorted(about)
            detail["about_names"] = sorted({str(n) for n in about.values()})
        confidence = 0.7
        clause = _clause(doc.text, start, end, at)
        in_clause = [d for d in in_sentence if clause[0] <= d.evidence[0].start < clause[1]]
        if in_clause or in_sentence:  # the predicate's own clause first: «ظهر ... عام ٢٠١٤، وقتل ... في أغسطس ٢٠١٦»
            date = min(in_clause or in_sentence, key=lambda d: abs(d.evidence[0].start - at)).date
        elif (page := self._dates.document_date(doc).at(start).date) is not None:
            date = PartialDate(page.value, anchor="document-date")
            detail["date_from"] = "the document's date (the sentence gives none)"
            confidence = 0.5 if kind == "statement" else 0.4
        return Statement(
            kind=kind,
            predicate=verb,
            evidence=(Span(doc.id, start, end),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            subject=actor.subject,
            date=date,
            confidence=confidence,
            detail=detail,
        )
