"""Read one sentence: its predicates, the clause of each, who takes which part, what was released, and whether
it is asserted, reported (inside what a speaker said), denied or doubted.

English is read subject-verb-object (with the passive's "by" agent and the nominal's "of" participant);
Arabic verb-subject-object (with «الذي» relatives, masdar genitives such as «مقتل X» and «تم تعيين X», and
pronouns glued to a masdar: «مقتله»). What a speech verb introduces ("said that ...", «أعلن أن»,
«أعلن مقتل X») is reported content: its events are the speaker's claims, never the speaker's own acts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from marsad.extract.events.lexicon import (
    IDIOMS_AR,
    MEDIA_AR,
    MEDIA_EN,
    NOT_AFTER_AR,
    NOT_AFTER_EN,
    PHRASES_EN,
    Pred,
    arabic,
    english,
)
from marsad.extract.events.modality import modality
from marsad.extract.events.participants import ORG, OUTLET, PERSON, Participant
from marsad.extract.events.text import CLOSED_RELATIVE, Word, arabic_pronoun, arabic_stems, words
from marsad.model.event import Modality
from marsad.text.fold import Folded, fold, fold_map

_AR_LETTER = re.compile(r"[\u0621-\u064a]")
_BE = frozenset("was were been being is are be 's".split())
_CLAUSE_BREAK = re.compile(
    r"[;؛]|,\s+(?:and|but|while|whereas|although|after|before|when|as)\s|"
    r",\s+(?:a|an)\s+(?:claim|allegation|report|charge|assertion|account|version)\b|"  # ", a claim the army denied"
    r"،\s*(?:و(?=[\u0621-\u064a]{3})|ثم|بينما|لكن|كما)|\sثم\s"
)
_THAT_EN = re.compile(r"\W*(?:that|:|,?\s*[\"“«])", re.IGNORECASE)
_THAT_AR = re.compile(r"\W*(?:ب?[اأإ]ن(?:ه|ها|هم)?|:|[\"“«])(?![\u0621-\u064a])")
_BY_EN = re.compile(r"^\s*(?:by|from)\s", re.IGNORECASE)
_BY_AR = re.compile(r"(?:على\s+يد|علي\s+يد|من\s+قبل|بواسطه|بواسطة)\s*$")
_OF_EN = re.compile(r"^\s*(?:of|from|by|for)\s+(?:the\s+)?", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\s*$")
_RELATIVE_AR = re.compile(r"(?:الذي|التي|الذين|اللذين)\s*(?:(?:سبق|قد|كان|كانت|ان|أن)\s+){0,2}(?:[^\s]+\s*){0,1}$")
# what may stand between a verb and its subject: a time («الخميس»، «أمس الأحد»، «يوم 3 أغسطس 2023»), a medium
# («في بيان»، «عبر تسجيل صوتي»), punctuation, the word «تنظيم» — not a noun of its own («وأعلنت اسم الزعيم «X»»:
# X is what was announced)
_VSO_GAP = re.compile(
    r"[\s،,«\"“()-]*(?:(?:يوم|اليوم|امس|مساء|صباح|ليله|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الماضي|"
    r"\d+|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|"
    r"(?:في|عبر|خلال)\s+[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?|(?:ال)?(?:تنظيم|جماعه|حركه)|"
    r"(?:ال)?(?:متحدث|ناطق|زعيم|امير|قائد|مؤسسه|وكاله|صحيفه)"
    r"(?:\s+(?:الرسمي|الجديد|باسم(?:\s+(?:ال)?(?:تنظيم|جماعه|مجموعه))?))*|المسمي|ما\s+يسمي|المدعو|واسمه|ويدعي)[\s،,«\"“()-]*)*"
)
# «أصدر ما يُسمى ولاية "كركوك"»: a naming phrase between a verb and the name of its subject
_NAMING_AR = re.compile(r"\s*(?:ما\s+)?(?:يُسمى|يسمى|يُسمّى|المسمى|المسماة|المدعو|المدعوة)(?=\s)")
_PREPOSITION_AR = re.compile(r"(?<![\u0621-\u064a])(?:إلى|الى|على|عن|حول|بشأن|بشان|ضد)(?![\u0621-\u064a])")
_TITLE = re.compile(
    r"(?:entitled|titled|called|named|بعنوان|تحت\s+عنوان|عنوانه|حمل\s+عنوان|حملت\s+عنوان)\s*[:،,]?\s*"
    r"(?:[\"“«”]([^\"“”«»]{2,120})[\"”»“]|\(([^()]{2,120})\))"
)
_QUOTE_AFTER = re.compile(r"\s*[,،]?\s*[\"“«]([^\"“”«»]{2,120})[\"”»]")
_COUNT_AFTER = re.compile(
    r"\s*(?:(?:about|at\s+least|more\s+than|over|nearly|some|dozens|hundreds|scores|نحو|حوالي|أكثر\s+من|اكثر\s+من|"
    r"عشرات|مئات|ما\s+لا\s+يقل\s+عن)\b\s*)*[\d٠-٩]"
)
# a title before the group it is of: «زعيم», «أمير», «قائد», «مؤسس», «المتحدث باسم» (then the group, then the man)
_TITLE_OF_AR = re.compile(
    r"\s*(?:ال)?(?:زعيم|امير|قائد|مؤسس|مسؤول|(?:ال)?متحدث\s+(?:الرسمي\s+)?باسم|(?:ال)?ناطق\s+باسم)\s*"
    r"(?:(?:ال)?(?:تنظيم|جماعه|حركه)\s*)?[«\"“]?"
)
# "... and attacked": a verb conjoined to the one before it, whose subject it shares
_CONJOINED_EN = re.compile(r"\band\s+(?:then\s+|later\s+)?$")
# a speech verb joined to the verb before ("denied ... and condemned", "targeted X but could not confirm")
_JOINED_SPEECH_EN = re.compile(
    r"\b(?:and|but)\s+(?:then\s+|later\s+|also\s+)?(?:(?:could|did|would|has|had)\s+)?"
    r"(?:not\s+|never\s+)?(?:yet\s+)?$"
)
_BY_IN_APPOSITION_EN = re.compile(r",[^,;]{0,50}\bby\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
_REPORTS_OF_BEFORE_EN = re.compile(
    r"\b(?:reports?|rumou?rs?|news|claims?|word|accounts?)\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:of\s+)?$", re.I
)
_GENITIVE_BEFORE_EN = re.compile(r"\bof\s+(?:(?:its|the|his|her|their|a)\s+)?(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# a name right after a verb is its object: "tracked down Baghdadi", "found al-Adnani", "targeted X"
_OBJECT_OF_VERB_EN = re.compile(r"(?<![a-z])[a-z]{3,}(?:ed|ted)(?:\s+(?:down|out|up|off))?\s+(?:the\s+)?$")
_THAT_BETWEEN_EN = re.compile(
    r"\b(?:that|saying|claiming|whether|said|says|told|announced|announces|claimed|claims|confirmed|stated|added|alleged)\b"
    r"|[:\"“]",
    re.IGNORECASE,
)
_AUXILIARY_AR = re.compile(r"(?<![\u0621-\u064a])(?:[وف]?(?:كان|كانت)|قد|لقد)(?![\u0621-\u064a])")


def _only_auxiliaries(between: str) -> bool:
    """Nothing but «كان» / «قد» between a subject and its verb («وكانت وكالة أعماق قد نشرت»)."""
    return not _AUXILIARY_AR.sub("", between).strip()


# "..., the group said (on Sunday).": a speech verb after a comma ending the sentence, its content before
_TRAILING_SAID_EN = re.compile(r",\s*(?:the\s+|its\s+|a\s+)?$")
_TRAILING_END_EN = re.compile(
    r"(?:\s+(?:on\s+\w+|in\s+a\s+\w+(?:\s+\w+)?|yesterday|today|late\s+on\s+\w+|on\s+\d{1,2}\s+\w+))*"
    r"(?:,\s*without\s+[^.]{0,60})?\s*[.!?]?\s*$"
)
# a sentence whose facts someone else vouches for: "according to US officials", «بحسب ما أعلن», «وفقاً لـ»
_ATTRIBUTION = re.compile(
    r"(?<![a-z])(?:according\s+to(?!\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:calendar|plan|schedule|tradition|law|rules?|sharia)\b)"
    r"|citing|as\s+reported\s+by)(?![a-z])"
    r"|(?<![\u0621-\u064a])[وف]?(?:بحسب|حسب|وفقا\s+ل|وفقاً\s+ل|نقلا\s+عن|نقلاً\s+عن)(?![\u0621-\u064a])"
)
# after a name, a comma and another noun before the verb: that noun is the verb's subject
_NEW_SUBJECT_EN = re.compile(
    r",\s*(?!(?:also|then|later|further|again|now|once|too|still|even|however|meanwhile|in\s+turn)\b)(?![a-z]+ly\b)"
    r"(?:the\s+|US\s+|some\s+)?[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s*$"
)  # ", officials said", not ", also called" nor ", reportedly said"
_NAME_BEFORE_VERB_EN = re.compile(
    r"(?<![.!?]\s)(?<=\s)(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Then|Also|Later)\b)[A-Z][a-z]{2,}\s*$"
)  # "... after Turkey said": a name the watchlist does not know; not "his first in October announced"
_POSSESSOR_EN = re.compile(r"['’]s?\s+(?!(?:own|first|last|new|former)\b)[a-z]")
_CLAUSE_BREAK_EN = re.compile(r",\s*(?:where|which|who|when|while|after|before|as)\b|;")
_PATIENT_GAP = 45  # characters between a predicate and the person it happens to


@dataclass(slots=True)
class Reading:
    pred: Pred
    at: int  # the predicate word, original offsets
    at_end: int
    sentence: tuple[int, int]
    clause: tuple[int, int]
    roles: dict[str, Participant] = field(default_factory=dict)
    obj: dict[str, Any] = field(default_factory=dict)
    modality: Modality = Modality.ASSERTED
    cue: str | None = None
    content: tuple[int, int] | None = None  # a speech's reported content
    embedded_in: Reading | None = None
    voice: str = "active"
    lang: str = "en"
    participle: bool = False  # "saying", "adding", «معلناً»: goes on from the statement before it
    reduced: bool = False  # "a statement posted on July 26": a participle that describes a noun, not a clause
    bound: bool = False  # its subject is in the clause («الذين سبق أن أعلنت»), named or not: no one else's speech

    @property
    def principal(self) -> Participant | None:
        """Who the fact is about: the speaker (or publisher) of a statement, the one an event happens to, the doer."""
        r = self.roles
        if self.pred.kind == "statement":
            return r.get("speaker") or r.get("publisher")
        if self.pred.frame == "agent":
            return r.get("agent")
        return r.get("patient")


_HEADLINE_CHARS = 300  # longer than any headline


def _title_case(text: str, start: int, end: int, parts: Sequence[Participant] = ()) -> bool:
    """An English headline set in Title Case: its words do not say who did what to whom reliably. The words of a
    name are not counted: "The Islamic State killed Abu Bakr Shekau in May 2021." is a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    stop = end if line_end < 0 else line_end
    if stop - line_start > _HEADLINE_CHARS:
        return False  # a paragraph, not a headline (and a long line is not scanned again for each of its sentences)
    long = [
        m.group(0)
        for m in re.finditer(r"[A-Za-z][\w'’-]*", text[line_start:stop])
        if len(m.group(0)) > 3 and not any(p.start <= line_start + m.start() < p.end for p in parts)
    ]
    lower = sum(w[0].islower() for w in long)
    if lower and text[line_start:stop].rstrip().endswith((".", "!", "?")):
        return False  # a headline has no full stop: "designated X as a Specially Designated Global Terrorist."
    return len(long) >= 5 and len(long) - lower >= 0.8 * len(long)


def read_sentence(text: str, start: int, end: int, parts: list[Participant]) -> list[Reading]:
    # parts are in start order (the statement extractor sorts them): the sentence's own by bisection
    inside = parts[bisect.bisect_left(parts, start, key=_start) : bisect.bisect_left(parts, end, key=_start)]
    if _title_case(text, start, end, inside):
        return []
    ws = words(text, start, end)
    readings: list[Reading] = []
    for i, w in enumerate(ws):
        if not _may_predicate(w.key):
            continue
        found = _predicate(text, ws, i)
        if found is None:
            continue
        pred, suffix = found
        if pred.name == "announced" and not pred.nominal and _RESPONSIBILITY.match(fold(text[w.end : w.end + 60])):
            pred = _CLAIMED  # "announced responsibility for", «أعلن مسؤوليته عن»: a claim
        arabic_word = bool(_AR_LETTER.search(w.text))
        r = Reading(
            pred, w.start, w.end, (start, end), _clause(text, start, end, w.start), lang="ar" if arabic_word else "en"
        )
        if arabic_word:
            _roles_ar(r, text, ws, i, inside, suffix, parts)
        else:
            _roles_en(r, text, ws, i, inside)
        if w.key in PARTICIPLES:  # "..., saying that", «معلناً أن»: the speaker is the one of the verb before
            r.roles.pop("speaker", None)
            r.participle = True
        _verbal_attack(r, text)
        r.modality, r.cue = _modality_of(r, text)
        if r.modality is Modality.ASSERTED and r.pred.kind == "event":
            vouched = _ATTRIBUTION.search(text, start, end)
            if vouched is not None:  # "X was killed, according to US officials": reported, not the page's own word
                r.modality, r.cue = Modality.REPORTED, vouched.group(0).strip()
        readings.append(r)
        named = _announced_person(r, inside, text)
        if named is not None:  # "X was announced (as caliph) by the spokesman": X is appointed, on that day
            readings.append(
                Reading(_APPOINTED, r.at, r.at_end, r.sentence, r.clause, {"patient": named}, modality=r.modality,
                        cue=r.cue, embedded_in=r, voice="passive", lang=r.lang)
            )  # fmt: skip
    _nest(readings, text)
    return readings


_CRITICIZED = Pred("criticized", "statement", "speech")
_CLAIMED = Pred("claimed", "statement", "speech")
# (folded) what turns "announced" into a claim: responsibility for something, a few words on at most
_RESPONSIBILITY = re.compile(
    r"\s*(?:[^\s.،,;]+\s+){0,4}?(?:(?:its|his|their|full)\s+)?(?:responsibility\s+for|مسؤوليت\S*\s+عن|مسئوليت\S*\s+عن|"
    r"تبني\S*\s)"
)
# a speech in the sentence: a person who "attacks" someone in it attacks with words («هاجم ... في كلمته»)
_IN_SPEECH = re.compile(
    r"(?<![a-z])(?:speech|sermon|message|audio|recording|statement|address|interview|video|tweet|post)s?(?![a-z])"
    r"|(?<![\u0621-\u064a])[وفب]?(?:ال)?(?:كلمه|كلمته|خطاب|خطابه|خطبه|خطبته|تسجيل|تسجيله|رساله|رسالته|بيان|بيانه|مقابله|تغريده)"
    r"(?![\u0621-\u064a])"
)


def _verbal_attack(r: Reading, text: str) -> None:
    """ "In his speech, Abu Hamza attacked the Taliban", «هاجم أبو حمزة القرشي حركة طالبان في كلمته»: a person
    attacking someone in a speech criticizes them; an organisation's attack stays an attack."""
    agent = r.roles.get("agent")
    if r.pred.name != "attacked" or agent is None or agent.type != PERSON:
        return
    if _IN_SPEECH.search(fold(text[r.sentence[0] : r.sentence[1]])):
        r.pred = _CRITICIZED
        r.roles = {"speaker": agent}


def _start(p: Participant) -> int:
    return p.start


def _modality_of(r: Reading, text: str) -> tuple[Modality, str | None]:
    """The modality of r's predicate from its clause, folded on its own (folding drops harakat and tatweel: an
    offset in the page is not an offset in a fold of the page)."""
    c0, c1 = r.clause
    folded = _folded_clause(text[c0:c1])
    at = bisect.bisect_left(folded.offsets, r.at - c0)
    return modality(folded.text, 0, at, len(folded.text), nominal=r.pred.nominal)


@lru_cache(maxsize=64)
def _folded_clause(clause: str) -> Folded:
    """A clause's fold, once for the readings of its predicates (a sentence's clauses come in turn)."""
    return fold_map(clause)


_APPOINTED = Pred("appointed", "event", "patient")
_RELEASED_NOUNS = frozenset("statements messages videos recordings speeches issues communique".split())
PARTICIPLES = frozenset(
    fold(w)
    for w in "saying adding announcing confirming claiming stating noting warning urging calling "
    "مضيفا مضيفاً مضيفة معلنا معلناً معلنة مبينا مبيناً مؤكدا مؤكداً مشيرا مشيراً".split()
)


_ROLE_NOUN_AR = re.compile(r"(?<![\u0621-\u064a])(?:ال)?(?:خليفه|زعيم|امير|متحدث|ناطق|قائد|والي)(?![\u0621-\u064a])")
_TAMMA_BEFORE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:تم|يتم|جرى|جري)\s+$")  # «وتم إعلان»: a passive masdar


def _announced_person(r: Reading, parts: list[Participant], text: str) -> Participant | None:
    """The person of a passive "was announced / named / declared" (an appointment made public), «تم إعلان» too."""
    passive = r.voice == "passive" or (r.voice == "nominal" and _TAMMA_BEFORE.search(text, max(0, r.at - 8), r.at))
    if r.pred.frame != "speech" or not passive or r.pred.name not in ("announced", "confirmed"):
        return None
    if r.lang == "ar":  # «وتم إعلان خليفة التنظيم الجديد واسمه أبو الحسين»: the person named after it, as a role
        after = [p for p in parts if r.at_end <= p.start <= r.at_end + 60 and p.end <= r.clause[1] and p.type == PERSON]
        return next(
            (
                p
                for p in after
                if p.resolved
                and p.role_noun is None
                and (
                    _ROLE_NOUN_AR.search(fold(text[r.at_end : p.start]))  # «إعلان خليفة ... واسمه X»
                    or _ROLE_ACCUSATIVE.match(fold(text[p.end : p.end + 20]))  # «إعلان X خليفةً»
                )
            ),
            None,
        )  # not «تم إعلان مقتل X»: X is not made anything
    people = [p for p in parts if r.clause[0] <= p.start and p.end <= r.at and p.type == PERSON]
    if not people or not _PASSIVE_SUBJECT_EN.fullmatch(text[people[-1].end : r.at]):
        return None  # "X's death was confirmed", "X, whose ..., was": not X made anything
    following = text[r.at_end : r.at_end + 40]
    if _DEAD_AFTER_EN.match(following) or (r.pred.name == "confirmed" and not _AS_ROLE_EN.match(following)):
        return None  # "X was confirmed dead", "X was confirmed killed"; "confirmed" appoints only "as" something
    return people[-1]


# between the person and a passive "was announced/confirmed": only the auxiliary (an apposition set off by commas)
_PASSIVE_SUBJECT_EN = re.compile(
    r"\s*(?:,[^,;]{0,80},\s*)?(?:(?:[a-z]+\s+){0,5}?(?:since|after|when|before|until|as)\s+(?:he|she)\s+)?"
    r"(?:was|were|has\s+been|had\s+been|is|have\s+been)\s+(?:officially\s+|formally\s+|"
    r"publicly\s+|later\s+|then\s+)?",
    re.IGNORECASE,
)
_DEAD_AFTER_EN = re.compile(r"\s*(?:as\s+)?(?:dead|killed|to\s+have|deceased|among)\b", re.IGNORECASE)
_AS_ROLE_EN = re.compile(r"\s*(?:on\s+\w+\s+|in\s+\w+\s+)?as\s+(?:the\s+)?(?:new\s+)?[a-z]", re.IGNORECASE)


def _predicate(text: str, ws: list[Word], i: int) -> tuple[Pred, str | None] | None:
    w = ws[i]
    nxt = ws[i + 1].key if i + 1 < len(ws) else ""
    if not _AR_LETTER.search(w.text):
        phrase = PHRASES_EN.get((w.key, nxt))
        if phrase is not None:
            return phrase, None
        pred = english().get(w.key)
        if pred is None or nxt in NOT_AFTER_EN.get(w.key, ()):
            return None
        if text[w.start - 1 : w.start] in ("-", "‐") and w.start > 0:
            return None  # "the U.S.-led Coalition", "IS-claimed attacks": an adjective, not a predicate
        if pred.nominal and w.text[:1].isupper() and i > 0 and ws[i - 1].text[:1].isupper():
            return None  # "Islamic State Statement": a title, not a statement
        if (
            pred.name == "launched"
            and w.key.startswith(("start", "begin", "began", "begun"))
            and (nxt in ("by", "with", "to") or nxt.endswith("ing"))
        ):
            return None  # "he begins by denouncing", "started running promos": the start of another act
        after2 = ws[i + 2].key if i + 2 < len(ws) else ""
        plural_noun = i + 1 < len(ws) and ws[i + 1].text.islower() and len(nxt) > 3 and nxt.endswith("s")
        if pred.name == "claimed" and plural_noun and after2 in ("were", "are", "have", "had", "was"):
            return None  # "IS claimed attacks were generally low-scale": IS-claimed attacks, an adjective
        if w.key in _NOUN_OR_VERB and not _verb_slot(text, ws, i):
            return None  # "the group's attacks", "claimed attacks", "efforts and attacks": a noun, no one event
        return pred, None
    idiom = IDIOMS_AR.get(_idiom_key(w.key))
    if idiom is not None:
        closing, meaning = idiom
        return (meaning, None) if any(x.key in closing for x in ws[i + 1 : i + 8]) else None
    found = _arabic_predicate(w.key)
    if found is None or (found[2] is None and nxt in NOT_AFTER_AR.get(found[1], ())):
        return None
    if found[0].kind == "statement" and not found[0].nominal and i > 0 and ws[i - 1].key in _PREPOSITIONS_AR:
        return None  # «أتى على ذكر»: after a preposition the word is a noun (a mention), not a verb
    return found[0], found[2]


# English words that are a plural noun as often as a verb: a verb only right after its subject
_NOUN_OR_VERB = frozenset("attacks targets kills strikes raids names posts airs releases issues calls claims".split())
_SUBJECT_WORDS = frozenset("it he she they group organization organisation who which also now then later".split())


_PREPOSITION_NEXT = re.compile(
    r"\s+(?:in|on|at|by|during|as|near|from|with|under|since|last|earlier|inside|outside|across|throughout)\b"
)


def _phrase_end(ws: list[Word], i: int) -> int:
    """The end of the predicate at i, with the particle of a phrasal verb ("carried out")."""
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    if nxt is not None and (ws[i].key, nxt.key) in PHRASES_EN:
        return nxt.end
    return ws[i].end


def _verb_slot(text: str, ws: list[Word], i: int) -> bool:
    """Does the word at i stand where a verb does: right after a name ("IS attacks"), a pronoun or "the group"?"""
    if i == 0:
        return False
    prev = ws[i - 1]
    if re.search(r"['’]s?$", prev.text) or text[prev.end : ws[i].start].strip(" ") not in ("", ","):
        return False  # "the group's attacks", "(IS) attacks": a possessive or punctuation between
    if prev.key in _SUBJECT_WORDS:
        return True
    before = ws[i - 2] if i > 1 else None
    if before is not None and (before.key in _GOVERNS_NOUN or (before.key.endswith("ed") and before.text.islower())):
        return False  # "described IS attacks", "against IS targets": a name before a noun, inside a noun phrase
    return prev.text[:1].isupper() and prev.key not in _DETERMINER_CAPS


_GOVERNS_NOUN = frozenset(
    "of on against by about for from with and or the its their his her mentions mention describes reports "
    "claims".split()
)
_DETERMINER_CAPS = frozenset("the its their his her these those such many some several".split())


_PREPOSITIONS_AR = frozenset(fold(w) for w in "على في من عن إلى الى حول بعد قبل دون عند منذ".split())


@lru_cache(maxsize=200_000)
def _may_predicate(key: str) -> bool:
    """Can the folded word begin a predicate in either language (_predicate's tables, looked up once a word)?"""
    phrase = key in _PHRASE_FIRST or key in english()
    return phrase or _idiom_key(key) in IDIOMS_AR or _arabic_predicate(key) is not None


_PHRASE_FIRST = frozenset(first for first, _ in PHRASES_EN)


def _idiom_key(key: str) -> str:
    return key[1:] if key[:1] in "وف" and len(key) > 3 else key


@lru_cache(maxsize=100_000)
def _arabic_predicate(key: str) -> tuple[Pred, str, str | None] | None:
    """(predicate, its stem, a pronoun suffix) of a folded Arabic word, with its clitics and article dropped."""
    table = arabic()
    for stem in arabic_stems(key):
        pred = table.get(stem)
        if pred is not None:
            return pred, stem, None
    for stem in arabic_stems(key):
        split = arabic_pronoun(stem)
        if split is None:
            continue
        base, suffix = split
        for candidate in (base, base[:-1] + "ه" if base.endswith("ت") else base):
            pred = table.get(candidate)
            if pred is not None and pred.nominal and pred.kind == "event":
                return pred, candidate, suffix  # «مقتله»: his killing
    return None


def _clause(text: str, s0: int, s1: int, at: int) -> tuple[int, int]:
    left = s0
    for brk in _CLAUSE_BREAK.finditer(text, s0, min(s1, at + 8)):  # «، وقتل»: the break ends inside the word
        if brk.start() > at:
            break
        left = min(brk.end(), at)
    right = _CLAUSE_BREAK.search(text, at, s1)
    return left, (right.start() if right else s1)


def _before(
    parts: list[Participant], lo: int, at: int, types: tuple[str, ...] = (PERSON, ORG, OUTLET)
) -> list[Participant]:
    return [p for p in parts if lo <= p.start and p.end <= at and p.type in types]


def _after(
    parts: list[Participant], at: int, hi: int, types: tuple[str, ...] = (PERSON, ORG, OUTLET)
) -> list[Participant]:
    return [p for p in parts if at <= p.start < hi and p.type in types]


def _media(ws: list[Word], lo: int, hi: int, arabic_text: bool) -> tuple[str, Word] | None:
    table = MEDIA_AR if arabic_text else MEDIA_EN
    for w in ws:
        if lo <= w.start < hi:
            for stem in arabic_stems(w.key) if arabic_text else (w.key,):
                if stem in table:
                    return table[stem], w
    return None


def _title(text: str, lo: int, hi: int) -> str | None:
    m = _TITLE.search(text, lo, hi) or _QUOTE_AFTER.match(text, lo, hi)
    if m is None:
        return None
    return (m.group(1) or (m.group(2) if m.re is _TITLE else None) or "").strip() or None


# -- English --------------------------------------------------------------------------------------------
def _roles_en(r: Reading, text: str, ws: list[Word], i: int, parts: list[Participant]) -> None:
    c0, c1 = r.clause
    s1 = r.sentence[1]
    prev = [w.text for w in ws[max(0, i - 3) : i]]  # as written: "IS" (the group) is not "is"
    passive = not r.pred.nominal and any(k in _BE for k in prev[-2:]) and ws[i].key.endswith(("ed", "en", "ain", "ck"))
    if (
        r.pred.frame == "release"
        and not r.pred.nominal
        and not passive
        and i > 0
        and (ws[i - 1].key in MEDIA_EN or ws[i - 1].key in _RELEASED_NOUNS)
        and ws[i].key.endswith(("ed", "st", "ut"))
    ):  # "the new video released by the group", "a statement posted on July 26": the media noun's participle
        passive = r.reduced = True
    elif (
        not r.pred.nominal
        and not passive
        and r.pred.frame != "speech"
        and i > 0
        and ws[i - 1].text.isalpha()
        and ws[i - 1].text.islower()
        and ws[i - 1].key not in _SUBJECT_WORDS
        and ws[i].key.endswith(("ed", "en", "out"))
        and _PREPOSITION_NEXT.match(text, _phrase_end(ws, i))
    ):  # "attacks carried out as part of the campaign", "fighters killed in the raid": a participle after a noun
        passive = r.reduced = True
    r.voice = "nominal" if r.pred.nominal else ("passive" if passive else "active")
    before = _before(parts, c0, r.at)
    after = _after(parts, r.at_end, c1)
    by_phrase = [
        p
        for p in _after(parts, r.at_end, min(c1, r.at_end + 90))
        if re.search(r"\bby\s+(?:the\s+|its\s+|his\s+)?(?:[\w'’-]+\s+){0,5}$", text[r.at_end : p.start])
        and not re.search(r"\bthat\b|[,;]", text[r.at_end : text.rfind(" by ", r.at_end, p.start) + 1 or p.start])
    ]
    # "by Islamic State's official spokesman Abu Umar": the person the title belongs to, not the group of the title
    by_agent = next((p for p in by_phrase if p.type == PERSON), by_phrase[0] if by_phrase else None)
    frame = r.pred.frame
    if frame == "speech":
        speaker = None
        # "Abu Bakr al-Baghdadi's courier, a man who claims": a possessor is not the one who speaks
        before = [
            p
            for p in before
            if not _KIN_AFTER.match(text, p.end) and not _MODIFIER_OF.search(text, max(0, p.start - 6), p.start + 1)
        ]
        before = [p for p in before if not _OTHER_VOICE.match(text[p.end : r.at])]
        own_subject = _OWN_SUBJECT_EN.search(text, max(c0, r.at - 40), r.at)
        if passive:  # "he was announced as the new caliph": an appointment, not his statement
            r.bound = True
            if by_agent is not None:
                speaker = by_agent
        elif own_subject is not None:
            # "that he claims", "a letter ..., which detailed": the verb's subject is a pronoun or the noun before
            # "which"; a name further back belongs to another clause
            r.bound = True
            if own_subject.group(1).lower() in ("which", "who", "that"):
                speaker = next((p for p in reversed(before) if 0 <= own_subject.start() - p.end <= 2), None)
        elif (
            before
            and _JOINED_SPEECH_EN.search(text, max(c0, r.at - 24), r.at)
            # "The group's spokesman X", "In a speech on Thursday, X": the clause's first name, before any verb
            and re.fullmatch(r"\W*(?:[^,;]{0,60},\s*)?(?:[\w'’-]+\s+){0,5}", text[c0 : before[0].start])
            and before[0] is not before[-1]
        ):
            speaker = before[0]  # "Hamas denied any link to the Islamic State and condemned ...": the clause's subject
        elif (
            after
            and after[0].start - r.at_end <= 12
            and re.search(r"[\"”],?\s*$|,\s*[\"”]\s*$", text[max(c0, r.at - 4) : r.at])
        ):
            speaker = after[0]  # '"...," said the spokesman Abu X'
        elif before and re.search(r"[”\"]", text[before[-1].end : r.at]):
            # '"... the caliph Abu X ...," al-Muhajir added': a name inside the quotation is not its speaker
            speaker = _name_before_en(text, r.at)
        elif (
            before
            and not re.search(r"\b(?:on\s+behalf\s+of|according\s+to)\s", text[before[-1].end : r.at])
            and not _NEW_SUBJECT_EN.search(text[before[-1].end : r.at])
            and not _NAME_BEFORE_VERB_EN.search(text[before[-1].end : r.at])
            and not (
                re.search(r"\b(?:and|but)\b", text[before[-1].end : r.at])
                and _OBJECT_OF_VERB_EN.search(text, max(c0, before[-1].start - 30), before[-1].start)
            )
        ):  # not "X was killed alongside Y, officials said", not "... after Turkey said": another subject speaks;
            # not "it had targeted X in a strike but could not confirm": X belongs to the clause before "but"
            speaker = _head_of_apposition(text, before, r.at)
        elif after and after[0].start - r.at_end <= 12 and re.search(r"[,\"”]\s*$", text[max(c0, r.at - 3) : r.at]):
            speaker = after[0]  # '"...," said the spokesman Abu X'
        if speaker is None and not passive:
            speaker = _named_body_en(text, c0, r.at)
        if speaker is None and _NAME_BEFORE_VERB_EN.search(text, max(c0, r.at - 30), r.at):
            r.bound = True  # "... after Turkey said": a subject the watchlist does not know; no one else's words
        if speaker is not None:
            r.roles["speaker"] = speaker
        content_from = max(r.at_end, speaker.end if speaker and speaker.start > r.at else r.at_end)
        r.content = (_content_start_en(text, ws, i, content_from, s1), _quotation_end(text, r.sentence[0], r.at, s1))
        quoted = _QUOTE_BEFORE.search(text, r.sentence[0], r.at)
        if quoted is not None:  # '"We announce ...," he added': what he said is the quotation before the verb
            r.content = (quoted.start() + 1, quoted.end(1))
        elif speaker is not None and speaker.start < r.at:
            trailing = _TRAILING_SAID_EN.search(text, r.sentence[0], speaker.start)
            if trailing is not None and _TRAILING_END_EN.match(text, r.at_end, s1):
                # "X was killed, the group said on Sunday": what it said is the clause before the comma
                r.content = (r.sentence[0], trailing.start())
        if passive:
            r.voice = "passive"
        return
    if frame == "release":
        _release_en(r, text, ws, parts, before, after, by_agent, passive)
        return
    if r.pred.nominal:  # "the death of X", "X's death", "his death"
        of = next(
            (
                p
                for p in _after(parts, r.at_end, min(c1, r.at_end + 40), (PERSON,))
                if _OF_EN.match(text[r.at_end : p.start])
                and not _POSSESSOR_EN.match(text, p.end)  # "the death of X's deputy": the deputy, not X
            ),
            None,
        )
        owner = next(
            (
                p
                for p in reversed(_before(parts, max(c0, r.at - 40), r.at, (PERSON,)))
                if re.fullmatch(r"['’]s?\s*", text[p.end : r.at])  # "X's death"
            ),
            None,
        )
        if of is not None or owner is not None:
            r.roles["patient" if frame != "agent" else "agent"] = of or owner  # type: ignore[assignment]
        if by_agent is not None and frame != "agent":
            r.roles["agent"] = by_agent
        return
    if frame == "subject" and passive and r.pred.name == "succeeded":
        # "He was replaced by Abu Hamza": the one named after "by" succeeded the subject
        if by_agent is not None and by_agent.type == PERSON:
            r.roles["patient"] = by_agent
            predecessor = next((p for p in reversed(before) if p.type == PERSON), None)
            if predecessor is not None:
                r.roles["predecessor"] = predecessor
        return
    if frame == "subject":
        subject = (
            next((p for p in reversed(before) if p.type == PERSON), None)
            if r.pred.name != "appeared"
            else (before[-1] if before else None)
        )
        if (
            subject is not None and r.pred.name in ("took_office", "appeared", "pledged_allegiance")
        ) or subject is not None:
            r.roles["patient"] = subject
        return
    if frame == "agent":
        agent = by_agent if passive else (before[-1] if before else None)
        if (
            agent is not None
            and not passive
            and _CONJOINED_EN.search(text, agent.end, r.at)
            and _OBJECT_OF_VERB_EN.search(text, max(c0, agent.start - 30), agent.start)
        ):
            agent = None  # "forces tracked down Baghdadi ... and attacked his compound": the object of the verb before
        if (
            agent is not None
            and not passive
            and _CONJOINED_EN.search(text, agent.end, r.at)
            and _GENITIVE_BEFORE_EN.search(text, max(c0, agent.start - 40), agent.start)
        ):
            agent = None  # "announced the death of its leader X and named Y": X is in an "of" phrase, not a subject
        if agent is not None and not passive and _SUBORDINATE_BETWEEN_EN.search(text, agent.end, r.at):
            agent = None  # "X released a message, his first since the Gaza war began": the war began, not X
        if agent is not None and not passive and _SAID_BETWEEN_EN.search(text, agent.end, r.at):
            # "Amaq posted a claim that two bombers had carried out ...", "Amaq said fighters had carried out ...":
            # a clause with its own subject (not "statements claiming attacks carried out": the claimer's)
            agent = None
        if agent is not None:
            r.roles["agent"] = agent
        target = next(
            (
                p
                for p in (before if passive else after)
                if passive
                or (
                    not _POSSESSOR_EN.match(text, p.end)  # "killed X's rival": the rival, not X
                    and not re.search(r"\band\s+[a-z]+(?:ed)?\b|[,;]", text[r.at_end : p.start])  # another clause's
                )
            ),
            None,
        )
        if target is not None and target is not agent:
            r.roles["patient"] = target
        return
    # patient frame: "US forces killed X" / "X was killed (by Y)"
    if passive:
        relative = CLOSED_RELATIVE.search(text, c0, r.at)
        if relative is not None:  # "X, who succeeded Y in March, was killed": X, not the Y of the relative clause
            before = [p for p in before if p.end <= relative.start()] or before
        patient = next((p for p in reversed(before) if p.type == PERSON), None)
        if patient is not None and patient.role_noun is not None and patient.entity_id is None:
            # "Qasim al-Raymi, the leader of AQAP, was killed": the man the title is set beside, not the title
            named = [p for p in before if p.type == PERSON and p.end <= patient.start and p.entity_id is not None]
            if named and re.fullmatch(r"\s*,\s*", text[named[-1].end : patient.start]):
                patient = named[-1]
        if r.reduced and patient is not None and r.at - patient.end > 2:
            patient = (
                None  # "the many fighters killed in 2020": the noun before the participle, not a name further back
            )
        if patient is not None:
            r.roles["patient"] = patient
        if by_agent is not None and by_agent is not patient:
            r.roles["agent"] = by_agent
        return
    people = [
        p
        for p in after
        if p.type == PERSON
        and p.start - r.at_end <= _PATIENT_GAP
        and not _POSSESSOR_EN.match(text, p.end)  # "detained X's sister": the sister, not X
        and not _CLAUSE_BREAK_EN.search(text, r.at_end, p.start)  # "captured the mosque, where X declared"
    ]
    if people and not _COUNT_AFTER.match(text, r.at_end):
        r.roles["patient"] = people[0]
    subject = _joined_subject_en(text, before, c0, r.at)
    if subject is not None:  # "Al-Shabaab confirmed that its leader X had been killed and named Y": al-Shabaab named
        r.roles["agent"] = subject
    elif (
        before
        and not _THAT_BETWEEN_EN.search(text, before[-1].end, r.at)
        and not (
            _CONJOINED_EN.search(text, before[-1].end, r.at)
            and _GENITIVE_BEFORE_EN.search(text, max(c0, before[-1].start - 40), before[-1].start)
        )
        and not (  # "The strike, first reported by Amaq, killed X": Amaq is the participle's agent, in commas
            _BY_IN_APPOSITION_EN.search(text, max(c0, before[-1].start - 60), before[-1].start)
            and re.match(r"\s*,", text[before[-1].end : r.at])
        )
    ):
        # not "Erdogan said that Turkish intelligence had killed X": the speaker is not the killer; not "announced
        # the death of its leader X and named Y": X is in an "of" phrase, not the subject of "named"
        r.roles["agent"] = before[-1]


_JOINED_BY_AND_OR_COMMA = re.compile(r"(?:\band|,)\s+(?:then\s+|later\s+|also\s+)?$")  # "confirms X's death, names Y"


def _joined_subject_en(text: str, before: list[Participant], c0: int, at: int) -> Participant | None:
    """The subject of the clause a verb is joined to by "and": its first name, before any verb, when another name
    stands between it and the joined verb."""
    if len(before) < 2 or not _JOINED_BY_AND_OR_COMMA.search(text, max(c0, at - 12), at):
        return None
    first = before[0]
    if re.fullmatch(r"\W*(?:[^,;]{0,60},\s*)?(?:[\w'’-]+\s+){0,5}", text[c0 : first.start]):
        return first
    return None


# The head nouns of a speaker the watchlist does not know: an office, a government body, officials, sources.
_BODY_EN = re.compile(
    r"(?:^|[,;]\s+|\b(?:the|a|an)\s+)((?:[A-Z][\w.’'-]*\s+){0,5}?(?:[A-Z][\w.’'-]*\s+)?(?:White\s+House|Pentagon|Kremlin|"
    r"[Oo]fficials?|[Mm]inistry|[Mm]inister|[Gg]overnment|[Aa]rmy|[Mm]ilitary|[Pp]olice|[Ss]ources?|[Cc]ommand|[Aa]uthorities|"
    r"[Dd]epartment|[Cc]ouncil|[Oo]bservatory|[Cc]ent(?:er|re)|[Mm]onitors?|[Aa]nalysts?|[Ii]ntelligence|[Pp]resident|"
    r"[Pp]rime\s+[Mm]inister|[Ss]pokes(?:man|woman|person)))\s*(?:\([A-Z]{2,8}\)\s*)?$"
)
_BODY_AR_WORDS = (
    r"(?:ال)?(?:مرصد|مركز|وكاله|مؤسسه|وزاره|وزير|صحيفه|موقع|قناه|جيش|قياده|حكومه|البيت\s+الابيض|شرطه|مجلس|هيئه|منظمه|"
    r"مسؤول|مسؤولون|مصادر|مصدر|متحدث|ناطق|رئيس|سلطات)"
)
_BODY_AR_BEFORE = re.compile(
    rf"(?:^|[،,]\s*|(?<![\u0621-\u064a])(?:ان|بان|إن|أن)\s+)({_BODY_AR_WORDS}(?:\s+[\u0621-\u064a]+){{0,7}}?)\s*$"
)
_BODY_AR = re.compile(
    r"\s*((?:ال)?(?:مرصد|مركز|وكاله|مؤسسه|وزاره|وزير|صحيفه|موقع|قناه|جيش|الجيش|القياده|قياده|حكومه|الحكومه|البيت\s+الابيض|"
    r"الشرطه|شرطه|مجلس|هيئه|منظمه|مسؤول|مسؤولون|مصادر|مصدر|المتحدث|متحدث|الناطق|ناطق|الرئيس|رئيس|السلطات|المرصد)"
    r"(?:\s+[\"«“]?[\u0621-\u064a]+[\"»”]?){0,7}?)\s*(?=[،,]|\s+(?:ب?[اأإ]ن|عن|ان|الي|:|وقتها|حينها|انذاك|امس|اليوم|في|خلال|"
    r"يوم|مساء|صباح|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?![\u0621-\u064a])|$)"
)


# "an anti-IS channel alleged", "pro-IS accounts said": the actor qualifies another voice
_MODIFIER_OF = re.compile(r"(?<![a-z])(?:anti|pro|non|post|ex)[-‐]\w?$", re.IGNORECASE)
_OTHER_VOICE = re.compile(
    r"['’]?s?\s+(?:[a-z-]+\s+){0,2}(?:channels?|accounts?|supporters?|sympathi[sz]ers?|critics?|opponents?|dissidents?|"
    r"rivals?|experts?|analysts?|researchers?|observers?|watchers?|monitors?|defectors?|detainees?|prisoners?|victims?|"
    r"enemies|members?\s+of\s+parliament)\s+(?:\w+\s+)?$"
)
# "X's courier said", "al-Baghdadi's widow told": another person, not X (X's media, spokesman or paper speak for X)
_KIN_AFTER = re.compile(
    r"['’]s?\s+(?:[a-z-]+\s+)?(?:courier|wife|wives|widow|son|sons|daughter|brother|sister|father|mother|aide|aides|"
    r"deputy|driver|friend|bodyguard|rival|rivals|relative|relatives|family|nephew|cousin|lawyer|victims|enemies|critics|"
    r"opponents|captors|guards|neighbou?rs)\b"
)
_OWN_SUBJECT_EN = re.compile(
    r"(?:^|[\s,])(he|she|they|it|we|i|which|who|that)\s+(?:(?:also|then|later|now|only|has|have|had|had\s+been|"
    r"reportedly|previously|first|once|never|not|did|does)\s+){0,2}$",
    re.IGNORECASE,
)
_QUOTE_BEFORE = re.compile(
    r"[“\"][^“”\"]{2,}?(,?[”\"])\s*,?\s*(?:(?:al|el|bin|ibn|abu|abd)[\s-]+|[A-Z][\w’'-]*\s+|he\s+|she\s+|it\s+){0,5}$"
)


def _name_before_en(text: str, at: int) -> Participant | None:
    """The capitalised name right before a verb after a quotation ('," al Muhager added'), as written."""
    m = re.search(r"[”\"]\s*((?:(?:al|el|bin|ibn|abu|abd)[\s-]+|[A-Z][\w’'-]*\s+){1,5})$", text[max(0, at - 80) : at])
    if m is None or not re.search(r"[A-Z]", m.group(1)):
        return None
    name = m.group(1).strip()
    start = at - len(m.group(1)) + (len(m.group(1)) - len(m.group(1).lstrip()))
    return Participant(start, start + len(name), name, PERSON)


def _named_body_en(text: str, c0: int, at: int) -> Participant | None:
    """ "The White House said", "Iraqi officials said", "the Syrian Observatory said": a speaker by its office."""
    m = _BODY_EN.search(text, c0, at)
    if m is None or at - m.end() > 2:
        return None
    name = m.group(1).strip()
    kind = PERSON if re.search(r"(?i)minister|president|spokes", name.split()[-1]) else ORG
    return Participant(m.start(1), m.start(1) + len(name), name, kind)


def _named_body_ar_before(text: str, c0: int, at: int) -> Participant | None:
    """«... أن المسؤول الشرعي في التنظيم إبراهيم القوصي أكد ...»: an office and a name right before the verb."""
    lo = max(c0, at - 90)
    folded = _fold_span(text, lo, at)
    m = _BODY_AR_BEFORE.search(folded.text)
    if m is None:
        return None
    a, b = folded.original_span(m.start(1), m.end(1))
    kind = PERSON if re.match(r"(?:ال)?(?:وزير|مسؤول|متحدث|ناطق|رئيس)", m.group(1)) else ORG
    return Participant(lo + a, lo + b, text[lo + a : lo + b].strip(" ،,"), kind)


_TITLE_AR = re.compile(
    r"(?<![\u0621-\u064a])(?:[وفل]?ال|لل)?(?:متحدث|ناطق|زعيم|امير|قائد)(?:\s+(?:ال)?رسمي)?(?:\s+باسم)?\s*"
    r"(?:(?:ال)?(?:تنظيم|جماعه|حركه)\s*)?$"
)


# (folded) between a title and the name it announces: «باسم» and the group, commas
_TITLE_TAIL_AR = re.compile(r"[\s،,]*(?:باسم\s+)?(?:[\u0621-\u064a]+\s+){0,4}?[\s،,]*")


def _title_holder_ar(text: str, between: list[Participant], parts: list[Participant]) -> Participant:
    """«قال متحدث داعش، أبو عمر المهاجر،»: the organisation of a title is not the speaker; the name in apposition
    is, else the title itself (resolved through the watchlist's roles at the date)."""
    first = between[0]
    if first.type == PERSON and first.role_noun is not None and first.entity_id is None:
        # «المتحدث الرسمي باسم تنظيم الدولة الإسلامية أبو عمر المهاجر»: the title, its group, then the man it names
        named = next(
            (
                p
                for p in parts
                if p.type == PERSON
                and p.entity_id is not None
                and 0 < p.start - first.end <= 45
                and _TITLE_TAIL_AR.fullmatch(fold(text[first.end : p.start]))
            ),
            None,
        )
        return named or first
    if first.type != ORG or not _TITLE_AR.search(fold(text[max(0, first.start - 28) : first.start])):
        return first
    apposed = next(
        (
            p
            for p in parts
            if p.type == PERSON
            and (0 <= p.start - first.end <= 2 or (p.start - first.end <= 4 and "،" in text[first.end : p.start]))
        ),
        None,
    )
    if apposed is not None:
        return apposed
    lo = max(0, first.start - 28)
    folded = _fold_span(text, lo, first.start)
    title = _TITLE_AR.search(folded.text)
    assert title is not None
    start = lo + folded.original_span(title.start(), title.end())[0]
    noun = "spokesman" if re.search("متحدث|ناطق", title.group(0)) else "leader"
    return Participant(start, first.end, text[start : first.end], PERSON, role_noun=noun, of=first.name)


# between a media noun and its speaker: an adjective or two, then «من/لـ/بصوت» and at most a title
# («رسالة مصورة من زعيم التنظيم أبو بكر», «كلمة صوتية للشيخ أبي محمد», «فيديو يظهر فيه X»); «فيديو عن X» is about X
_SPEAKER_GAP_AR = re.compile(
    r"^[^،.:؛]{0,30}?(?:(?<![\u0621-\u064a])(?:من|بصوت|على\s+لسان|يتحدث\s+فيه|يظهر\s+فيه)\s+|(?<![\u0621-\u064a])(?:ل|لل))"
    r"(?:(?:ال)?(?:زعيم|امير|أمير|قائد|القيادي|قيادي|الشيخ|شيخ|المتحدث|متحدث|الناطق|ناطق|خليفة|الخليفة)"
    r"(?:\s+[\u0621-\u064a]+){0,4}\s+)?$"
    r"|^[^،.:؛]{0,25}?(?<![\u0621-\u064a])(?:ل|لل)$"
)
_ROLE_ACCUSATIVE = re.compile(r"\s*(?:متحدثا|ناطقا|خليفه|اميرا|زعيما|قائدا|واليا)(?![\u0621-\u064a])")
_KUNYA_BEFORE = re.compile(
    r"(?:^|[،,:]\s*|\s)((?:أبو|ابو|أبي|ابي)\s+[\u0621-\u064a]{3,}(?:\s+ال[\u0621-\u064a]{3,})?)\s*$"
)
_NOT_SUBJECT_AR = frozenset(
    fold(w)
    for w in "في على عن من إلى الى مع خلال أمس امس اليوم الخميس الجمعة السبت الأحد الاحد الاثنين الإثنين الثلاثاء "
    "الأربعاء الاربعاء أيضا ايضا كذلك إن ان أن بأن انه إنه أنه لها له لهم فيه فيها بعد قبل ذلك هذا هذه".split()
)


def _kunya_before_ar(text: str, c0: int, at: int) -> Participant | None:
    """«أبو عمر أكد»: a kunya right before the verb is its subject, even when the watchlist cannot tell whose."""
    m = _KUNYA_BEFORE.search(text, max(c0, at - 40), at)
    if m is None:
        return None
    return Participant(m.start(1), m.end(1), m.group(1), PERSON)


def _noun_after_ar(text: str, ws: list[Word], i: int, boundary: int) -> Participant | None:
    """«وقال العراق في كانون الثاني إن»: VSO's subject is the definite noun right after the verb (a country, a body)."""
    if i + 1 >= len(ws) or ws[i + 1].start >= boundary or text[ws[i].end : ws[i + 1].start].strip():
        return None
    w = ws[i + 1]
    if w.key in _NOT_SUBJECT_AR or not w.key.startswith("ال") or len(w.key) < 5:
        return None
    if any(stem in MEDIA_AR for stem in arabic_stems(w.key)):
        return None  # «وأوضح البيان أن»: a document says it, its author is not named
    if w.key.endswith(("ه", "ات")) and w.key not in ("الحكومه",):
        return None  # «قال البيان», «قالت الوكالة» are bodies named by the role nouns; «الجماعة» a role noun
    return Participant(w.start, w.end, w.text, ORG)


def _fold_span(text: str, start: int, end: int) -> Folded:
    return fold_map(text[start:end])


def _named_body_ar(text: str, start: int, boundary: int) -> Participant | None:
    """«أكد مرصد الفتاوى التكفيرية ... أن»: a speaker the watchlist does not know, named by its office."""
    folded = _fold_span(text, start, boundary)
    m = _BODY_AR.match(folded.text)
    if m is None or not m.group(1).strip():
        return None
    a, b = folded.original_span(m.start(1), m.end(1))
    kind = PERSON if re.match(r"(?:ال)?(?:وزير|مسؤول|المتحدث|متحدث|الناطق|ناطق|الرئيس|رئيس)", m.group(1)) else ORG
    name = re.sub(r"[\"«»“”]", "", text[start + a : start + b]).strip(" ،,")
    return Participant(start + a, start + b, name, kind)


# what a work is about stands between it and a name that is not its speaker ("a statement concerning the death
# of the group's leader")
_ABOUT_EN = re.compile(r"\b(?:concerning|about|on|regarding|mentioning|announcing|confirming|mourning|death|killing)\b")
_APPOSITIVE = re.compile(r"^\s*,[^,]{0,80},\s*$")
_RELATIVE_CLAUSE = re.compile(r"^[^,]{0,30},\s*(?:which|who|that|whose)\b[^;]{0,160},\s*$")


def _head_of_apposition(text: str, before: list[Participant], at: int) -> Participant:
    """ "Abu Omar, spokesman for the Islamic State (IS), confirmed": the person, not the group of his title."""
    for p in reversed(before):
        if p.type == PERSON and _APPOSITIVE.match(text[p.end : at]):
            return p
    if (
        len(before) >= 2
        and before[-2].role_noun in ("spokesman", "leader")
        and before[-1].type == ORG
        and re.fullmatch(r"\s+(?:of|for)\s+(?:the\s+)?", text[before[-2].end : before[-1].start])
    ):
        return replace(before[-2], of=before[-1].name)  # "the spokesman of the Islamic State said"
    for p in reversed(before):  # "Al-Furqan, which circulates statements of the Islamic State, released"
        if _RELATIVE_CLAUSE.match(text[p.end : at]):
            return p
    return before[-1]


def _release_en(
    r: Reading,
    text: str,
    ws: list[Word],
    parts: list[Participant],
    before: list[Participant],
    after: list[Participant],
    by_agent: Participant | None,
    passive: bool,
) -> None:
    c0, c1 = r.clause
    if r.pred.nominal:  # "the speech of X", "an audio message from X", "X's statement"
        owner = next(
            (
                p
                for p in _after(parts, r.at_end, min(c1, r.at_end + 70))
                if _OF_EN.match(text[r.at_end : p.start])
                or (
                    re.match(r"^[^\S,]*(?:[\w’'-]+[^\w,]+){0,4}?(?:of|from|by)\s", text[r.at_end : p.start])
                    and not _ABOUT_EN.search(text[r.at_end : p.start])
                    and "," not in text[r.at_end : p.start]
                )
            ),
            None,
        )
        if owner is None:
            owner = next(
                (
                    p
                    for p in reversed(_before(parts, max(c0, r.at - 50), r.at))
                    if re.search(r"['’]s?\b", text[p.end : p.end + 3])
                ),
                None,
            )
        if owner is not None:
            r.roles["speaker"] = owner
        r.obj = {"type": MEDIA_EN.get(ws[[w.start for w in ws].index(r.at)].key, "statement")}
        title = _title(text, r.at_end, c1)
        if title:
            r.obj["title"] = title
        return
    publisher = by_agent if passive else (_head_of_apposition(text, before, r.at) if before else None)
    if (
        publisher is not None
        and not passive
        and _REPORTS_OF_BEFORE_EN.search(text, max(c0, publisher.start - 50), publisher.start)
    ):
        publisher = None  # "Reports of the death of X circulated": X is in an "of" phrase; the reports circulated
    if publisher is not None:
        r.roles["publisher"] = publisher
    media = _media(ws, c0 if passive else r.at_end, r.at if passive else c1, arabic_text=False)
    if media is not None:
        kind, mw = media
        r.obj = {"type": kind}
        lo = mw.end
        hi = r.at if passive and mw.start < r.at else c1
        speaker = next(
            (
                p
                for p in _after(parts, lo, min(hi, lo + 70), (PERSON,))
                if re.match(r"^\W*(?:\w+\W+){0,2}?(?:of|from|by)\b[^.;]{0,60}$", text[lo : p.start])
                and not re.search(r"\b(?:announcing|confirming|on|about|regarding|mourning)\b", text[lo : p.start])
            ),
            None,
        )
        if speaker is None:
            speaker = next(
                (
                    p
                    for p in reversed(_before(parts, max(c0, mw.start - 40), mw.start, (PERSON,)))
                    if re.search(r"['’]s?\s*$", text[p.end : p.end + 3] + " ")
                ),
                None,
            )
        _speaker_and_title(r, text, speaker, publisher, mw.end, c1)
    _publisher_speaks(r, publisher)


def _speaker_and_title(
    r: Reading, text: str, speaker: Participant | None, publisher: Participant | None, lo: int, hi: int
) -> None:
    """A released work's voice (when it is not its publisher) and its title after the media noun."""
    if speaker is not None and speaker is not publisher:
        r.roles["speaker"] = speaker
    title = _title(text, lo, hi)
    if title:
        r.obj["title"] = title


def _publisher_speaks(r: Reading, publisher: Participant | None) -> None:
    """A person who releases his own work ("al-Baghdadi released a speech") is its speaker too."""
    if "speaker" not in r.roles and publisher is not None and publisher.type == PERSON:
        r.roles["speaker"] = publisher


# -- Arabic ---------------------------------------------------------------------------------------------
def _roles_ar(
    r: Reading,
    text: str,
    ws: list[Word],
    i: int,
    parts: list[Participant],
    suffix: str | None,
    all_parts: list[Participant],
) -> None:
    c0, c1 = r.clause
    s1 = r.sentence[1]
    frame = r.pred.frame
    after = _after(parts, r.at_end, c1)
    before = _before(parts, c0, r.at)
    if r.pred.nominal:
        r.voice = "nominal"
    elif i > 0 and any(k in ("تم", "جري", "يتم") for k in arabic_stems(ws[i - 1].key)):
        r.voice = "passive"
    if suffix is not None:  # «مقتله», «تعيينه»: the person the pronoun stands for (the last person named)
        earlier = [p for p in all_parts if p.end <= r.at and p.type == PERSON]
        # «وقبل توليه قيادة التنظيم، كان باطرفي ...»: a phrase opening the sentence points to the main clause's subject
        opening = (
            re.fullmatch(r"\W*(?:و|ف)?(?:قبل|بعد|منذ|عند|اثر|إثر|عقب)?\s*", text[r.sentence[0] : r.at]) is not None
        )
        later = [p for p in parts if p.start > r.at and p.type == PERSON and "،" in text[r.at : p.start]]
        if opening and later and frame != "agent":
            r.roles["patient"] = later[0]
        elif earlier and frame != "agent" and not _OTHER_SUBJECT_AR.search(text, earlier[-1].end, r.at):
            # not when a clause with a subject of its own stands between: «قال المهاجر إن القرشي قتل ...، دون أن
            # يحدد تاريخ مقتله» — his is al-Qurashi's, a name not on the watchlist, never the speaker's
            r.roles["patient"] = earlier[-1]
        return
    if frame == "speech" and r.pred.nominal:  # «إعلان الولايات المتحدة مقتل X»; «تم إعلان X خليفة»
        tamma = _TAMMA_BEFORE.search(text, max(0, r.at - 8), r.at) is not None  # «تم إعلان X»: X is announced
        if r.voice != "passive" and not tamma and after and after[0].start - r.at_end <= 3:
            r.roles["speaker"] = after[0]
        boundary = _content_start(text, ws, i, s1)
        r.content = (boundary, _quotation_end(text, r.sentence[0], r.at, s1)) if "speaker" in r.roles else None
        return
    if frame == "speech":
        # VSO: the speaker stands between the verb and what is said («قال المتحدث ... إن», «أعلن التنظيم مقتل»);
        # SVO: right before the verb («داعش يعلن»); after «الذي» only a subject that follows counts
        boundary = _content_start(text, ws, i, s1)
        # VSO's subject follows the verb with at most a time or a «في تسجيل» between, never after «إلى/على/عن»
        # («يشير إلى قرب إعلان التنظيم»: the organisation is not who points)
        between = [
            p
            for p in after
            if p.start < boundary
            and p.start - r.at_end < 40
            and not _PREPOSITION_AR.search(text[r.at_end : p.start])
            and _VSO_GAP.fullmatch(fold(text[r.at_end : p.start]))
        ]
        relative = _RELATIVE_AR.search(text, max(c0, r.at - 24), r.at)
        r.bound = relative is not None
        speaker = None
        conjoined = ws[i].key[:1] in ("و", "ف") and ws[i].key[1:] in arabic_stems(ws[i].key)
        if (
            relative is None
            and before
            and not conjoined
            and _only_auxiliaries(text[before[-1].end : r.at])  # «العدناني كان قد دعا»
        ):
            # SVO first: «تنظيم القاعدة ينعى خالد باطرفي» (the name after the verb is its object); not «في تنظيم
            # القاعدة، تقول مصادر», not «بايع أبا الحسين وقال» (the «و» goes on with the clause's subject)
            speaker = before[-1]
        elif between and (relative is None or between[0].start - r.at_end <= 3):
            # «الذي أعلن الرئيس الأميركي أنه ...»: a subject right after the verb speaks, even in a relative clause
            speaker = _title_holder_ar(text, between, all_parts)
        elif relative is not None:
            # «الجماعة التي أعلنت ولاءها»: an organisation before «التي» speaks; after a person «الذي أعلن
            # متحدثا» is as often «أُعلن» (was announced), so no one does
            speaker = next(
                (p for p in reversed(all_parts) if 0 <= relative.start() - p.end <= 2 and p.type != PERSON), None
            )
        if speaker is None and relative is not None:
            speaker = _named_body_ar(text, r.at_end, boundary)  # «الذي أعلن الرئيس الأميركي أنه»
        if speaker is None and relative is None:
            speaker = _named_body_ar(text, r.at_end, boundary) or (
                None if conjoined else _named_body_ar_before(text, c0, r.at)
            )
        if speaker is None and relative is None:  # «أبو عمر أكد ...», «وقال العراق إن»: a subject not on the watchlist
            speaker = (None if conjoined else _kunya_before_ar(text, c0, r.at)) or _noun_after_ar(text, ws, i, boundary)
        if r.pred.name == "announced" and _ROLE_ACCUSATIVE.match(fold(text[r.at_end : r.at_end + 20])):
            # «الذي أعلن متحدثاً باسم التنظيم», «أُعلن خليفة»: announced as the spokesman, the caliph: appointed
            subject = speaker or next((p for p in reversed(before) if p.type == PERSON), None)
            r.pred = _APPOINTED
            if subject is not None and subject.type == PERSON:
                r.roles["patient"] = subject
            return
        if speaker is not None:
            r.roles["speaker"] = speaker
        content_from = max(boundary, speaker.end if speaker is not None and speaker.start > r.at else r.at_end)
        m = _THAT_AR.match(text, content_from, s1)
        r.content = (m.end() if m else content_from, _quotation_end(text, r.sentence[0], r.at, s1))
        return
    if frame == "release" and not r.pred.nominal:
        # «نشرت مؤسسة الفرقان», «بثت وكالة أعماق»: the publisher stands right after the verb (not «بُث أمس ... مقتل X»)
        publisher = (
            after[0]
            if after
            and after[0].start - r.at_end <= (22 if _NAMING_AR.match(text, r.at_end) else 12)
            and re.fullmatch(r"\s*(?:[\u0621-\u0652]+\s+)?[«\"“]?", _NAMING_AR.sub("", text[r.at_end : after[0].start]))
            and _media(ws, r.at_end, after[0].start, arabic_text=True) is None
            else None
        )  # «نشرت مؤسسة الفرقان», «بثت أمس وكالة أعماق»; not «نشر صوراً لجثة باطرفي» (the photos are of him)
        if (
            publisher is None
            and before
            and not ws[i].key.startswith("ل")  # «لنشر»: "to publish", a masdar, not the verb of a subject
            and before[-1].type in (ORG, OUTLET)
            and _only_auxiliaries(text[before[-1].end : r.at])
        ):  # «وكالة أعماق نشرت», «وكانت وكالة أعماق قد نشرت»: the subject first
            publisher = before[-1]
        if publisher is not None:
            r.roles["publisher"] = publisher
        media = _media(ws, r.at_end, c1, arabic_text=True)
        if media is not None:
            kind, mw = media
            r.obj = {"type": kind}
            speaker = next(
                (
                    p
                    for p in _after(parts, mw.end, min(c1, mw.end + 100), (PERSON,))
                    if _SPEAKER_GAP_AR.search(text[mw.end : p.start])
                    or (p.role_noun is not None and text[p.start : p.start + 2] == "لل" and p.start - mw.end <= 25)
                ),
                None,
            )
            _speaker_and_title(r, text, speaker, publisher, mw.end, c1)
        _publisher_speaks(r, publisher)
        return
    if r.pred.nominal and frame == "release":  # «الكلمة الصوتية ... بصوت أبي عمر المهاجر»
        owner = next(
            (
                p
                for p in _after(parts, r.at_end, c1, (PERSON,))
                if re.search(
                    r"(?<![\u0621-\u064a])[وف]?بصوت\s*$|(?<![\u0621-\u064a])[وف]?لل?$",
                    text[max(r.at_end, p.start - 6) : p.start],
                )
                or (p.role_noun is not None and text[p.start : p.start + 2] == "لل")
            ),
            None,
        )
        if owner is not None:
            r.roles["speaker"] = owner
        r.obj = {"type": next((MEDIA_AR[k] for k in arabic_stems(ws[i].key) if k in MEDIA_AR), "statement")}
        return
    if r.pred.nominal and _RELATIVE_AR.search(text, max(c0, r.at - 16), r.at):
        r.voice = "active"  # «الذي تولى»: after a relative pronoun «تولى/تولي» is the verb, never the masdar
    elif r.pred.nominal:  # «مقتل X», «تعيين X»: the genitive that follows is the person
        nxt = next((p for p in after if p.start - r.at_end <= 25), None)
        if nxt is not None and (nxt.type == PERSON or frame == "agent"):
            r.roles["patient" if frame != "agent" else "agent"] = nxt
        elif (
            nxt is not None
            and nxt.type == ORG
            and frame == "patient"
            and _TITLE_OF_AR.fullmatch(fold(text[r.at_end : nxt.start]))
        ):  # «مقتل زعيم تنظيم داعش أبو بكر البغدادي»: the man the title names, not the group in it
            person = next(
                (p for p in after if p.type == PERSON and p.start >= nxt.end and p.start - nxt.end <= 30), None
            )
            if person is not None:
                r.roles["patient"] = person
        limit = (r.roles["patient"].end if "patient" in r.roles else r.at_end) + 30
        agent = next(
            (
                p
                for p in _after(parts, r.at_end, min(c1, limit + 20))
                if p.start <= limit and _BY_AR.search(text[max(r.at_end, p.start - 14) : p.start])
            ),
            None,
        )
        if agent is not None and agent is not r.roles.get("patient"):
            r.roles["agent"] = agent
        return
    who = _RELATIVE_AR.search(text, max(c0, r.at - 16), r.at)  # «البغدادي الذي قُتل»
    if who is not None:
        antecedent = next(
            (p for p in reversed(_before(parts, max(c0, who.start() - 60), who.start(), (PERSON,)))), None
        )
        if antecedent is not None:
            r.roles["patient" if frame != "agent" else "agent"] = antecedent
            return
    if r.pred.name == "succeeded" and not r.pred.nominal:
        # «وكان باطرفي قد خلف قاسم الريمي»: the subject before succeeded the man after; «خلف أبو إبراهيم البغدادي»
        # (verb, subject, object): the first after succeeded the second; one name after alone is the predecessor
        people_after = [p for p in after if p.type == PERSON and p.start - r.at_end <= 60]
        subject = (
            before[-1]
            if before and before[-1].type == PERSON and _adjacent_subject_ar(text[before[-1].end : r.at])
            else None
        )
        if subject is None and len(people_after) >= 2 and people_after[0].start - r.at_end <= 3:
            subject, people_after = people_after[0], people_after[1:]
        if subject is not None:
            r.roles["patient"] = subject
        edge = subject.end if subject is not None and subject.start > r.at else r.at_end
        if people_after and people_after[0].start - edge <= 25:
            r.roles["predecessor"] = people_after[0]
        return
    if frame in ("subject", "patient"):
        nxt = next((p for p in after if p.start - r.at_end <= 25), None)
        if nxt is not None and nxt.type == PERSON and not _COUNT_AFTER.match(text, r.at_end):
            r.roles["patient"] = nxt
        elif (
            nxt is not None
            and nxt.type == ORG
            and frame == "patient"
            and _TITLE_OF_AR.fullmatch(fold(text[r.at_end : nxt.start]))
        ):  # «قُتل زعيم تنظيم القاعدة أيمن الظواهري»: the man the title names (passive), not the group in it
            person = next(
                (p for p in after if p.type == PERSON and p.start >= nxt.end and p.start - nxt.end <= 30), None
            )
            if person is not None:
                r.roles["patient"] = person
        elif nxt is not None and nxt.type in (ORG, OUTLET) and frame == "patient" and nxt.start - r.at_end <= 3:
            r.roles["agent"] = nxt  # «قتل الجيش ...»: an organisation after the verb does it
            person = next(
                (p for p in after if p.type == PERSON and p.start > nxt.end and p.start - nxt.end <= 30), None
            )
            if person is not None:
                r.roles["patient"] = person
        elif (
            before
            and before[-1].type == PERSON
            and r.at - before[-1].end < 20
            and (
                _adjacent_subject_ar(text[before[-1].end : r.at])
                or (_PRONOUN_THAT_AR.match(text[before[-1].end : r.at]) and not _speaker_ar(text, before[-1]))
            )
            and (frame != "patient" or _passive_ar(text, r))
        ):
            closed = CLOSED_RELATIVE.search(text, r.sentence[0], r.at)
            if closed is None:
                r.roles["patient"] = before[-1]  # «أبو بكر البغدادي ظهر»
            else:  # «X، الذي خلف Y في مارس، قُتل»: X, the one before the relative clause, not the Y inside it
                head = next((p for p in reversed(before) if p.end <= closed.start() and p.type == PERSON), None)
                if head is not None:
                    r.roles["patient"] = head
        elif (closed := CLOSED_RELATIVE.search(text, r.sentence[0], r.at)) is not None:
            # «أبو بكر البغدادي، الذي أعلن الخلافة في يوليو 2014، قُتل»: the man right before the clause
            head = next((p for p in reversed(before) if 0 <= closed.start() - p.end <= 2), None)
            if head is not None and head.type == PERSON and (frame != "patient" or _passive_ar(text, r)):
                r.roles["patient"] = head
        return
    # agent frame: «شن التنظيم», «نفذ مسلحو التنظيم»; «نفذ العملية، مؤكدا أن التنظيم» has its subject before it
    agent = (
        after[0]
        if after
        and after[0].start - r.at_end < 30
        and re.fullmatch(r"\s*(?:[\u0621-\u064a]+\s+)?(?:تنظيم\s+|جماعة\s+)?[«\"“]?", text[r.at_end : after[0].start])
        else None
    )
    if agent is not None:
        r.roles["agent"] = agent
        target = next((p for p in after if p.start > agent.end), None)
        if target is not None:
            r.roles["patient"] = target


# what follows an unvowelled «قتل» after its subject when it is passive ("X was killed in/by/with ..."), not active
# ("X killed a number of ...", «قتل عددا», «قتل الرهائن»): a preposition, a time, the clause's end
_PASSIVE_NEXT_AR = re.compile(
    r"\s*(?:$|[،,.;:!؟)\-–]|(?:في|فى|ب\S*|خلال|اثر|إثر|أثر|جراء|جرّاء|على\s+يد|مع|رفقة|عام|سنة|يوم|أمس|امس|اليوم|"
    r"منذ|بعد|قبل|عن\s+عمر|وهو|وكان|و)(?![\u0621-\u064a]))"
)


# «إن القرشي»: a complement clause opening on a subject of its own (not «إنه», «أنها»: a pronoun)
_OTHER_SUBJECT_AR = re.compile(r"(?<![\u0621-\u064a])[إأا]ن\s+(?!ه\b|ها\b)[\u0621-\u064a]{3,}")
_DAY_WORD_AR = re.compile(
    r"(?<![\u0621-\u064a])(?:امس|أمس|اليوم|يوم|(?:ال)?(?:احد|أحد|اثنين|إثنين|ثلاثاء|اربعاء|أربعاء|"
    r"خميس|جمعة|جمعه|سبت))(?![\u0621-\u064a])"
)


# «"أنعى أبا الحسن"، ملمحاً إلى أنه قُتل»: a «that he» clause whose «he» is the man just named
_PRONOUN_THAT_AR = re.compile(r"[\s\"“”«»،,]*(?:[\u0621-\u064a\u064b-\u0652]+\s+){0,3}[إأا]نه\s*$")
# a speech verb, then up to five words of title, right before a name: the man is who speaks («قال المتحدث باسم
# التنظيم أبو عمر المهاجر إنه ...»), and no one reports his own death
_SPEAKS_BEFORE_AR = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:قال|أعلن|اعلن|أكد|اكد|أضاف|اضاف|ذكر|أوضح|اوضح|صرح|نفى)[\u0621-\u064a]?\s+"
    r"(?:[\u0621-\u064a\"«“]+\s+){0,5}$"
)


def _speaker_ar(text: str, p: Participant) -> bool:
    return _SPEAKS_BEFORE_AR.search(text, max(0, p.start - 60), p.start) is not None


def _adjacent_subject_ar(between: str) -> bool:
    """Only auxiliaries, a day, punctuation between a subject and its verb («البغدادي، الأحد، قُتل»), no other word
    («المهاجر إن القرشي قتل»: another subject's verb)."""
    return _only_auxiliaries(re.sub(r"[\s،,\"“”«»'()\-–]+", " ", _DAY_WORD_AR.sub(" ", between)))


def _passive_ar(text: str, r: Reading) -> bool:
    """Is this verb of killing after its subject passive? Vowelled «قُتل» is; unvowelled, by what follows."""
    if "\u064f" in text[r.at : r.at_end]:  # damma: «قُتل»
        return True
    return _PASSIVE_NEXT_AR.match(text, r.at_end) is not None


def _content_start_en(text: str, ws: list[Word], i: int, pos: int, s1: int) -> int:
    """Where what an English speech verb introduces begins: "that", a colon or quote, else the first event it
    names ("confirmed on Thursday the death of X": "on Thursday" is the confirmation's)."""
    m = re.search(r"\bthat\b|[:\"“«]", text[pos:s1])
    first_event = next(
        (
            w.start
            for j, w in enumerate(ws[i + 1 :], start=i + 1)
            if w.start >= pos
            and (
                ((p := english().get(w.key)) is not None and p.kind == "event")
                or (
                    j + 1 < len(ws)
                    and PHRASES_EN.get((w.key, ws[j + 1].key), _APPOINTED).kind == "event"
                    and (w.key, ws[j + 1].key) in PHRASES_EN
                )
            )
        ),
        s1,
    )
    return min(pos + m.end() if m else s1, first_event)


_SHORT_QUOTE = re.compile(r"[\"“«][^\"“”«»]{1,30}[\"”»]")


def _content_start(text: str, ws: list[Word], i: int, s1: int) -> int:
    """Where what a speech verb introduces begins: «أن/إن», a colon or quote, or a reported masdar («مقتل»)."""
    # «وأضاف "لقد اجتمع ..."»: a quotation opens what was said; «داعش» in guillemets is a name, not a quotation
    m = next(
        (
            q
            for q in re.finditer(r"[:\"“«]", text[ws[i].end : s1])
            if q.group(0) == ":" or not _SHORT_QUOTE.match(text, ws[i].end + q.start())
        ),
        None,
    )
    quoted = ws[i].end + m.start() if m else s1
    for j, w in enumerate(ws[i + 1 :]):
        if w.start >= min(s1, quoted):
            break
        if w.key in ("ان", "بان", "انه", "انها", "انهم", "عن"):
            return w.start
        table = arabic()
        # «أكد قتل X»: right after a speech verb «قتل» is the masdar of what was said, not a second verb
        if any(k in table and (table[k].nominal or j == 0) and table[k].kind == "event" for k in arabic_stems(w.key)):
            return w.start
    return quoted


# a relative clause inside what was said gives the page's background, not the speaker's claim
_BACKGROUND = re.compile(
    r"(?:,\s*(?:who|which)\s+(?:had\s+)?(?:been\s+)?|(?<![\u0621-\u064a])(?:الذي|التي)\s+(?:تم|كان|قد)?\s*)"
    r"(?:[^\s,،]+\s+){0,6}$"
)


def _quotation_end(text: str, s0: int, at: int, s1: int) -> int:
    """Where what a speech verb says ends: the close of the quotation the verb stands in ('"We announce the death
    of X," he added': "he added" is not part of what was announced), else the sentence's end."""
    before = text[s0:at]
    for opener, closer in (("“", "”"), ("«", "»")):
        if before.rfind(opener) > before.rfind(closer):
            close = text.find(closer, at, s1)
            return close if close >= 0 else s1
    if before.count('"') % 2 == 1:
        close = text.find('"', at, s1)
        return close if close >= 0 else s1
    comment = _COMMENT_ON_CLAIM.search(text, at, s1)  # "..., a claim the government denied": not what was said
    if comment is not None:
        s1 = comment.start()
    if _OPEN_RELATIVE.search(before):  # "X, who declared the caliphate in 2014, was killed": the clause's comma
        comma = _CLAUSE_CLOSE.search(text, at, s1)
        if comma is not None:
            return comma.start()
    return s1


_SAID_BETWEEN_EN = re.compile(r"\b(?:that|said|says|told|tells|stated|added|announced|reported)\b|[:\"“]", re.I)
# a subordinate clause opening between a name and a verb: the verb is that clause's, with a subject of its own
_SUBORDINATE_BETWEEN_EN = re.compile(
    r"\b(?:since|until|till|because|although|though|whereas|unless|once|if)\s+(?:the|a|an|its|his|their|this)\b",
    re.IGNORECASE,
)
_COMMENT_ON_CLAIM = re.compile(r",\s+(?:a|an)\s+(?:claim|allegation|report|charge|assertion|account|version)\b")
_OPEN_RELATIVE = re.compile(r"[،,]\s*(?:who|which|whose|الذي|التي|الذين|اللذين)\s[^،,.;]{0,120}$")
_CLAUSE_CLOSE = re.compile(r"[،,]")


def _nest(readings: list[Reading], text: str) -> None:
    """A predicate inside what a speech verb introduced is the speaker's claim, not the page's."""
    for s in readings:  # «أعلن X مقتل Y، كما أعلن اختيار Z»: a second speech verb joined to the first ends what it says
        if s.content is None or s.pred.frame != "speech":
            continue
        for r in readings:
            if (
                r is not s
                and r.pred.frame == "speech"
                and s.content[0] <= r.at < s.content[1]
                and r.clause[0] > s.at
                and not text[r.clause[0] : r.at].strip()
            ):
                s.content = (s.content[0], r.clause[0])
    for r in readings:
        for s in readings:
            if s is r or s.content is None or s.pred.frame != "speech":
                continue
            if r.pred.kind == "event" and _BACKGROUND.search(text, max(s.content[0], r.at - 70), r.at):
                continue  # "confirmed the death of X, who had been appointed in March": the page's background
            inside = s.content[0] <= r.at < s.content[1]
            if inside and (r.embedded_in is None or r.embedded_in.at < s.at):
                r.embedded_in = s
