"""Who did what, when: statements (said, announced, released ...) and events (killed, appointed, attacked ...),
each with the roles of its participants, its object, its modality and the date that is its own.

The reading of each sentence is marsad.extract.events.reader's; this module dates what it reads and makes the
facts. Dates, in order: the date in the predicate's own stretch of the sentence (between the predicates around
it: «أعلن التنظيم، الأربعاء، مقتل زعيمه» dates the announcement, not the death); for an appointment reported in
an announcement, the announcement's date; for a statement whose sentence gives none, the previous statement's
date when the sentence continues it («كما أعلن», "He added"), else the story's (the first dated statement of the
page), else the page's own date, at low confidence. An event whose own date is not given stays undated (a death
is never dated by the day it was announced).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from typing import Any

from marsad.extract.actors import ActorExtractor
from marsad.extract.base import Member
from marsad.extract.dates import DateExtractor
from marsad.extract.events.participants import ORG, OUTLET, PERSON, Participant, from_facts, resolve_role, role_nouns
from marsad.extract.events.reader import Reading, read_sentence
from marsad.extract.events.text import CLOSED_RELATIVE, lifespan, sentences
from marsad.extract.names import NameExtractor
from marsad.extract.series import SeriesExtractor
from marsad.model import Document, PartialDate, Span, Statement
from marsad.model.event import Modality
from marsad.text.fold import fold, fold_with_offsets

# a habit or a condition has no one day: the page's or the story's date does not become theirs (a negation holds
# as of the page: "did not announce a campaign" keeps the page's date)
_UNDATED_MOODS = frozenset({Modality.HABITUAL, Modality.CONDITIONAL})
# the statements that make an appointment by announcing it (not "alleged that X had been appointed")
_MAKES_IT_KNOWN = frozenset(
    {"announced", "confirmed", "said", "released", "published", "broadcast", "issued_statement"}
)
_ANNOUNCED_WITH = frozenset({"appointed", "took_office", "pledged_allegiance", "succeeded", "designated"})
_CONTINUES = re.compile(
    r"\W*(?:(?:he|she|it|the\s+group|the\s+spokesman)\s+)?(?:also|added|further|continued)\b|\W*(?:كما|وأضاف|واضاف|وتابع|"
    r"وأكد|واكد|وقال|واشار|وأشار|وأوضح|واوضح|ومضى)",
    re.IGNORECASE,
)
# what may open a sentence before its subject: "However, Muhajir ...", "In the speech, al-Adnani ..."
_OPENER = (
    r"\W*(?:(?:however|but|and|meanwhile|moreover|also|then|later|earlier|separately|in\s+\w+(?:\s+\w+)?|"
    r"on\s+\w+(?:\s+\w+){0,2}|ثم|كما|وكان|وقد|لكن)\W*)?\s*"
)
_OPENS_WITH = re.compile(_OPENER + r"(?:the\s+)?", re.IGNORECASE)
# a sentence whose subject is a name the watchlist does not know ("However, Muhajir picks up ...", "In the
# statement, Al-Muhajir praised ..."): a "He" after it is not the person named before
_UNKNOWN_SUBJECT = re.compile(
    r"(?i:" + _OPENER + r")(?!The\b|This\b|That\b|It\b|In\b|On\b|At\b|A\b|An\b|He\b|She\b|They\b)"
    r"(?P<name>[A-Z][a-z’'-]+(?:[\s-](?:al|el|bin|ibn)[\s-][A-Z][a-z’'-]+)?)\s+(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b"
)


_SUBJECT_REACH = 60  # characters from a sentence's start within which its first named person is taken as its subject


def _same_man(short: str, name: str) -> bool:
    """ "Al-Muhajir" for Abu Umar al-Muhajir: a short form whose last word is the name's last word."""
    last = re.split(r"[\s-]+", short.lower())[-1]
    return bool(last) and re.split(r"[\s-]+", name.lower())[-1] == last


_PRONOUN = re.compile(r"\s*(?:he|she)\b", re.IGNORECASE)  # matched at a sentence's start (pos), so no "^"


def _covered(named: list[Participant], starts: list[int], a: int, b: int) -> bool:
    """Does a mention in `named` (in text order, none overlapping: from_facts) overlap [a, b)? Only the last one
    starting before b can: their ends rise with their starts."""
    i = bisect.bisect_left(starts, b)
    return i > 0 and named[i - 1].end > a


class StatementExtractor(Member):
    NAME = "statements"
    VERSION = "1.4"

    def __init__(
        self,
        dates: DateExtractor | None = None,
        actors: ActorExtractor | None = None,
        names: NameExtractor | None = None,
        series: SeriesExtractor | None = None,
    ) -> None:
        """What it reads with: the other extractors of its set (registry.extractors_for), which read each document
        once for all of them; one of its own for each not given."""
        self._dates = dates or DateExtractor()
        self._actors = actors or ActorExtractor()
        self._names = names or NameExtractor(self._actors)
        self._series = series or SeriesExtractor(self._dates, self._actors)

    def extract(self, doc: Document) -> list[Statement]:
        mentions = self._actors.extract(doc) + self._names.extract(doc)
        folded = fold_with_offsets(doc.text)
        # a series speaks as an outlet: "al-Naba said", «قالت صحيفة النبأ» (where no actor mention covers it)
        named = from_facts(mentions)
        starts = [p.start for p in named]
        series = [
            Participant(a, b, e.name, OUTLET, e.id)
            for a, b, e in self._series.mentions(doc, folded)
            if not _covered(named, starts, a, b)
            and not _SERIES_AS_OBJECT_BEFORE.search(doc.text, max(0, a - 40), a)
            and not _SERIES_PUBLISHED_AFTER.match(doc.text, b)
        ]
        parts = sorted(named + series, key=lambda p: (p.start, -(p.end - p.start)))
        if not parts:
            return []
        parts = sorted(parts + role_nouns(doc.text, folded, parts), key=lambda p: p.start)
        dates = [d for d in self._dates.extract(doc) if d.kind == "date" and d.date is not None]
        page = self._dates.document_date(doc)
        about = [a for a in mentions if a.subject]
        read = self._read(doc, parts, dates)
        stories = _story_dates(read, page.day())
        # the news the page reports: its first dated statement in the ten days before the page's date, whoever said it
        # («أعلن تنظيم القاعدة مقتل زعيمه» beside «أكد في تسجيل بث أمس الأحد»: the same Sunday)
        news = next(iter(stories.values()), None) if page.day() is not None else None
        out: list[Statement] = []
        previous: tuple[Reading, PartialDate | None] | None = None
        seen: set[tuple[Any, ...]] = set()
        for start, sentence_parts, readings, own, continues in read:
            page_date = page.at(start).date
            kept = _kept(readings)
            for r in kept:
                sub = _subordinate_start(r, doc.text)
                if r.pred.frame == "speech" and "speaker" not in r.roles and "publisher" not in r.roles and not r.bound:
                    _inherit_speaker(r, kept, previous, continues)
                date, date_from, confidence = own[id(r)], None, 0.75
                if date is None and r.pred.kind == "statement":
                    # «أكد في تسجيل بث أمس الأحد مقتل باطرفي، معلناً أن ...»: the date of the one it goes on from
                    date = _lead_date(r, readings, own)
                    date_from = "the statement of the sentence it goes on from" if date is not None else None
                if (
                    r.embedded_in is not None
                    and date is None
                    and r.pred.name in _ANNOUNCED_WITH
                    and r.embedded_in.pred.name in _MAKES_IT_KNOWN
                ):
                    story = stories.get(_speaker_name(r.embedded_in) or "", news)
                    date = (
                        own.get(id(r.embedded_in))
                        or _lead_date(r.embedded_in, readings, own)
                        or _fallback(previous, continues, story, page_date)[0]
                    )
                    date_from = "the date of the announcement that reports it"
                if (
                    date is None
                    and r.pred.kind == "statement"
                    and sub is None
                    and r.modality not in _UNDATED_MOODS
                    # what another speaker reports someone said ("Amaq confirmed ... that through him was announced")
                    # is not of the report's day; a speaker quoting himself («قال ...: "إنني أعلن"») is
                    and (r.embedded_in is None or _speaker_name(r.embedded_in) in (None, _speaker_name(r)))
                ):
                    # (a statement in an "after ..." or "who ..." clause is not dated by the page or the story)
                    date, date_from = _fallback(
                        previous, continues, stories.get(_speaker_name(r) or "", news), page_date
                    )
                    confidence = 0.5
                when = date.value if date is not None else (page_date.value if page_date is not None else None)
                if (
                    r.pred.kind == "event"
                    and date is None
                    and r.principal is not None
                    and r.principal.role_noun in ("leader", "spokesman")
                ):
                    when = None  # "after the caliph had been killed": whose tenure is meant depends on a date not given
                principal = self._resolve(r.principal, sentence_parts, when)
                if principal is None or not principal.resolved or not _fits(r, principal):
                    continue
                fact = self._fact(doc, r, principal, date, date_from, confidence, own, about, sentence_parts, when)
                key = (fact.kind, fact.predicate, principal.name, date.value if date else None, start)
                if key in seen:  # "celebrated and welcomed the news": one statement
                    continue
                seen.add(key)
                out.append(fact)
                if r.pred.kind == "statement" and r.embedded_in is None and sub is None:
                    previous = (r, date)  # ("since Erdogan said in April": no sentence after goes on from it)
        return out

    def _resolve(self, p: Participant | None, parts: list[Participant], when: str | None) -> Participant | None:
        if p is None or p.resolved:
            return p
        return resolve_role(p, parts, when, self._actors.watchlist)

    def _read(self, doc: Document, parts: list[Participant], dates: list[Statement]) -> Read:
        """Each sentence read, its predicates' own dates, and whether it continues the statement before it."""
        out: Read = []
        last_person: Participant | None = None
        starts = [p.start for p in parts]
        dates = sorted(dates, key=lambda d: d.evidence[0].start)
        date_starts = [d.evidence[0].start for d in dates]
        for start, end in sentences(doc.text):
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            if lo == hi and not (last_person is not None and _PRONOUN.match(doc.text, start, end)):
                unknown = _UNKNOWN_SUBJECT.match(doc.text, start, end)
                if unknown and not (last_person is not None and _same_man(unknown.group("name"), last_person.name)):
                    last_person = None  # someone the watchlist does not know is now the subject
                continue  # no one takes part: nothing to read
            sentence_parts = parts  # a role noun may refer to an actor named well before
            if last_person is not None and _PRONOUN.match(doc.text, start, end):
                he = re.match(r"\s*\w+", doc.text[start:end])
                assert he is not None
                by = "the person of the sentence before"
                he_part = (
                    Participant(
                        start, start + he.end(), last_person.name, PERSON, last_person.entity_id, resolved_by=by
                    )
                    if last_person.resolved
                    else replace(last_person, start=start, end=start + he.end())  # a role noun, resolved by the date
                )
                sentence_parts = sorted([*parts, he_part], key=lambda p: p.start)
            readings = read_sentence(doc.text, start, end, sentence_parts)
            in_sentence = dates[bisect.bisect_left(date_starts, start) : bisect.bisect_left(date_starts, end)]
            own: dict[int, PartialDate | None] = {
                id(r): _own_date(r, readings, in_sentence, doc.text) for r in readings
            }
            claimed = {d.value for r in readings if (d := own[id(r)]) is not None and r.principal is not None}
            free = [
                d
                for d in in_sentence
                if d.date is not None
                and d.date.value not in claimed
                and not _since(doc.text, d)
                and not _issue_date(doc.text, d)
            ]
            after_participle = _participle_dates(readings, in_sentence)
            for r in _kept(readings):
                if own[id(r)] is not None or r.pred.kind != "statement" or r.embedded_in is not None:
                    continue
                sub = _subordinate_start(r, doc.text)
                said_from = _said_from(r, in_sentence, doc.text)
                next_at = _window(r, readings)[1]  # a date after the next predicate is that one's
                nominal_object = r.lang == "en" and any(
                    o.embedded_in is r and o.pred.nominal and o.pred.name in ("killed", "died") for o in readings
                )
                if nominal_object and any(o.embedded_in is r and o.at == next_at for o in readings):
                    next_at = r.clause[1]  # "announced the death of X on Thursday": the death takes no date, the
                    # announcement does
                candidates = [
                    d
                    for d in free
                    if id(d) not in after_participle
                    and r.clause[0]
                    <= d.evidence[0].start
                    < min(r.clause[1], next_at if next_at > r.at else r.clause[1])
                    and abs(d.evidence[0].start - r.at) < 120
                    and (sub is None or d.evidence[0].start >= sub)
                    and (
                        r.content is None
                        or not said_from <= d.evidence[0].start < r.content[1]
                        or (
                            nominal_object
                            and not re.search(r"\bthat\b|[:\"“]", doc.text[r.at_end : d.evidence[0].start])
                        )
                    )
                    and not _of_another_phrase(doc.text, r, d)
                ]
                lead = _MEDIA_LEAD.match(doc.text, start, r.at)
                if not candidates and lead is not None and r.lang == "ar":
                    # «وفي كلمة صوتية نشرت الخميس، دعا X»: the fronted phrase of the medium dates its statement
                    candidates = [d for d in in_sentence if d.date is not None and d.evidence[0].end <= lead.end()]
                if candidates:
                    # "IN A STATEMENT released on 29 September, al-Naba announced ...": the sentence's one date
                    own[id(r)] = min(candidates, key=lambda d: abs(d.evidence[0].start - r.at)).date
                    free = []
            continues = bool(_CONTINUES.match(doc.text, start, end)) or _starts_with_conjoined_statement(
                readings, doc.text, start
            )
            out.append((start, sentence_parts, readings, own, continues))
            people = [p for p in parts[lo:hi] if p.type == PERSON and p.resolved]
            said_by = [
                r
                for r in readings
                if r.principal is not None
                and r.principal.type == PERSON
                and (
                    r.principal.resolved
                    or (r.pred.kind == "statement" and r.principal.role_noun in ("spokesman", "leader"))
                )
            ]
            # the sentence's own "He" first ("He took over after the death of X" is still about him), then the
            # subject of a finite verb before a noun's or a participle's ("a message from its leader X, the
            # spokesman assures": the spokesman)
            said_by.sort(
                key=lambda r: (
                    r.principal is None or r.principal.resolved_by != "the person of the sentence before",
                    r.voice == "nominal" or r.participle,
                )
            )
            subjects = [r.principal for r in said_by if r.principal is not None]
            if subjects:  # "He" is who the sentence before was about ("the spokesman assures ...": the spokesman)
                last_person = subjects[0]
            else:  # else the first person named near its start, unless someone the watchlist does not know opens it
                unknown = _UNKNOWN_SUBJECT.match(doc.text, start, end)
                if unknown and not (people and _same_man(unknown.group("name"), people[0].name)):
                    if not (last_person is not None and _same_man(unknown.group("name"), last_person.name)):
                        last_person = None  # "However, Muhajir picks up where Adnani left off": not Adnani
                elif people and people[0].start - start <= _SUBJECT_REACH:
                    last_person = people[0]
                elif people:
                    last_person = None  # a name deep in the sentence is not what it is about
        return out

    def _fact(
        self,
        doc: Document,
        r: Reading,
        principal: Participant,
        date: PartialDate | None,
        date_from: str | None,
        confidence: float,
        own: dict[int, PartialDate | None],
        about: list[Statement],
        parts: list[Participant],
        when: str | None,
    ) -> Statement:
        s0, s1 = r.sentence
        detail: dict[str, Any] = {"actor": principal.name, "predicate": r.pred.name, "frame": r.pred.frame}
        roles = {}
        for role, p in r.roles.items():
            p = self._resolve(p, parts, when) or p
            if p.resolved:
                roles[role] = {"name": p.name, "entity_id": p.entity_id, "span": [p.start, p.end]}
                if p.resolved_by:
                    roles[role]["resolved_by"] = p.resolved_by
        if r.obj:
            roles["object"] = dict(r.obj)
        detail["roles"] = roles
        if r.obj.get("title"):
            detail["title"] = r.obj["title"]
        mood = r.modality
        outer_speaker = self._resolve(r.embedded_in.principal, parts, when) if r.embedded_in is not None else None
        if (
            r.embedded_in is not None
            and r.pred.kind == "statement"
            and outer_speaker is not None
            and outer_speaker.name == principal.name
        ):
            pass  # «أعلن التنظيم أن ... وقال إن»: the speaker's own second statement, not a claim about himself
        elif r.embedded_in is not None and mood is Modality.ASSERTED:
            # what a denial denies is denied; what a doubtful or negated speech says is not asserted either
            # what a call or a threat asks for has not happened ("called for attacks", «توعد بشن هجمات»)
            outer = r.embedded_in.modality
            if r.embedded_in.pred.name == "denied":
                mood = Modality.DENIED
            elif _ALLEGED.fullmatch(fold(doc.text[r.embedded_in.at : r.embedded_in.at_end])):
                mood = Modality.SPECULATED  # "a channel alleged that X was appointed": an allegation, not a report
            elif r.embedded_in.pred.name in ("called_for", "threatened"):
                mood = Modality.INTENDED
            elif outer is Modality.NEGATED:
                # "AQAP did not confirm the death of X", «لم يؤكد التنظيم مقتل X»: the death is unconfirmed, not
                # denied — what a speech that was not made would have said is in doubt
                mood = Modality.SPECULATED
            else:
                mood = outer if outer is not Modality.ASSERTED else Modality.REPORTED
            outer_when = own.get(id(r.embedded_in))
            speaker = self._resolve(
                r.embedded_in.principal, parts, outer_when.value if outer_when is not None else when
            )
            if speaker is not None and speaker.resolved:
                detail["claimed_by"] = speaker.name
        detail["modality"] = mood.value
        if r.cue:
            detail["modality_cue"] = r.cue
        dates: dict[str, Any] = {}
        if date is not None:
            role = "announced" if r.pred.kind == "statement" or date_from else "occurred"
            dates[role] = date.value
        if r.embedded_in is not None and (announced := own.get(id(r.embedded_in))) is not None:
            dates.setdefault("announced", announced.value)
        detail["dates"] = dates
        if date_from:
            detail["date_from"] = date_from
        detail["clause"] = [r.clause[0], r.clause[1]]
        named = {
            str(a.subject): a.detail.get("topic") or a.detail.get("actor")
            for a in about
            if s0 <= a.evidence[0].start < s1 and a.subject != principal.entity_id
        }
        if named:  # what else the sentence names: the topics and actors it is about
            detail["about"] = sorted(named)
            detail["about_names"] = sorted({str(n) for n in named.values()})
        if principal.entity_id is None:
            detail["resolved"] = False
        if principal.resolved_by:
            detail["resolved_by"] = principal.resolved_by
        if mood is not Modality.ASSERTED and mood is not Modality.REPORTED:
            confidence = min(confidence, 0.5)
        if principal.entity_id is None:
            confidence = min(confidence, 0.5)
        return Statement(
            kind=r.pred.kind,
            predicate=r.pred.name,
            evidence=(Span(doc.id, s0, s1),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            subject=principal.entity_id,
            date=date,
            confidence=confidence,
            detail=detail,
        )


def _lead_date(r: Reading, readings: list[Reading], own: dict[int, PartialDate | None]) -> PartialDate | None:
    """The date of the last dated statement before r in its sentence (r goes on from it)."""
    lead = [x for x in readings if x.pred.kind == "statement" and x.at < r.at and own[id(x)] is not None]
    return own[id(lead[-1])] if lead else None


def _kept(readings: list[Reading]) -> list[Reading]:
    """One reading per thing said: a noun ("speech", «بيان») that a verb of the same sentence releases or
    announces is that verb's object, not a statement of its own."""
    verbs = [r for r in readings if r.pred.kind == "statement" and not r.pred.nominal]
    out = []
    for r in readings:
        if (
            r.pred.kind == "statement"
            and r.pred.nominal
            and any(v.clause == r.clause or abs(v.at - r.at) < 80 for v in verbs)
        ):
            continue
        out.append(r)
    return out


def _window(r: Reading, readings: list[Reading]) -> tuple[int, int]:
    """The stretch of the sentence whose dates are this predicate's: from the predicate before it to the one
    after it (a speech verb's stretch ends where the first thing it reports begins)."""
    # a predicate with no one taking part ("in a recording broadcast yesterday") does not cut the stretch
    positions = sorted(
        {
            x.at
            for x in readings
            if x is not r and x.at != r.at and (x.principal is not None or x.bound) and not x.reduced
        }
    )
    before = [p for p in positions if p < r.at]
    after = [p for p in positions if p > r.at]
    return (before[-1] if before else r.sentence[0]), (after[0] if after else r.sentence[1])


_THEN = re.compile(
    r"(?<![a-z])at\s+(?:the|that)\s+time(?![a-z])|(?<![\u0621-\u064a])(?:وقتها|وقتذاك|حينها|حينذاك|آنذاك|انذاك|"
    r"في\s+ذلك\s+الوقت|في\s+ذلك\s+اليوم)(?![\u0621-\u064a])",
    re.IGNORECASE,
)
# since, after, before, until a date: a bound of when, not the day it happened ("rarely appeared after 2015")
_SINCE = re.compile(
    r"(?<![\w])(?:since|after|before|until|till|prior\s+to|منذ|من\s+عام|بعد(?:\s+عام)?|قبل(?:\s+عام)?|حتى(?:\s+عام)?)\s*$",
    re.IGNORECASE,
)


# a subordinate clause's predicate right after its conjunction: the dates before the conjunction are the main clause's
# («عُيّن في مارس بعدما أعلن الرئيس مقتل X»: March is the appointment's); "who claims" is not dated by the sentence.
# "when" / «عندما» joins two things of one time («في 3 أغسطس عندما أفادت»): its clause keeps the sentence's date
_SUBORDINATE = re.compile(
    r"(?:(?<![a-z])(?:after|before|until|since|who|which)|(?<![\u0621-\u064a])(?:بعدما|بعد\s+ان|بعد\s+أن|قبل\s+ان|"
    r"قبل\s+أن|منذ\s+ان|منذ\s+أن|الذي|التي|الذين))\s+(?:[\w’'-]+\s+){0,4}$"
    r"|(?<![\u0621-\u064a])(?:بعد|قبل|اثر|إثر|عقب)\s+$",  # «تولى في فبراير 2020 بعد مقتل الريمي»: the masdar's own time
    re.IGNORECASE,
)


def _subordinate_start(r: Reading, text: str) -> int | None:
    """Where the subordinate clause holding the predicate begins (its conjunction), when it holds one."""
    m = _SUBORDINATE.search(text, max(r.clause[0], r.at - 48), r.at)
    return m.start() if m is not None else None


def _said_from(r: Reading, dates: list[Statement], text: str) -> int:
    """Where what a speech verb says begins. "who claims his name is X, in custody on 20 May": with no "that", a
    colon or a quote, a clause right after the English verb is what is said, and only a date right after the verb
    ("announced on Monday its new campaign") is the verb's; an object noun ("announced the launch of a channel in
    a statement posted on July 26") leaves the clause's dates to the verb."""
    if r.content is None or r.content[0] < r.at:  # '"...," he added on Monday': what was said stands before
        return r.sentence[1]
    if (
        r.lang == "en"
        and r.pred.frame == "speech"
        and r.content[0] >= r.sentence[1]
        and _FINITE.search(text, r.at_end, min(r.sentence[1], r.at_end + 40))
    ):
        right_after = [d.evidence[0].end for d in dates if 0 <= d.evidence[0].start - r.at_end <= 12]
        return max([r.at_end + 1, *right_after])
    return r.content[0]


_FINITE = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would|could|can)\b")


_SINCE_PHRASE = re.compile(
    r"(?:since|منذ)\s+(?:[^\s،,.;]+\s+){0,5}?(?:في\s+|in\s+)?(?:عام\s+|العام\s+)?$", re.IGNORECASE
)


def _since(text: str, d: Statement, pred_at: int = -1) -> bool:
    """A date that says since when ("leader since February 2020", «منذ ظهوره في الموصل عام 2014») dates a state,
    not the predicate beside it — unless the predicate stands between "since" and the date ("since he was announced
    in December 2016": the date is the announcement's)."""
    at = d.evidence[0].start
    if _SINCE.search(text[max(0, at - 10) : at]):
        return True
    m = _SINCE_PHRASE.search(text, max(0, at - 60), at)
    return m is not None and not (m.start() < pred_at < at)


# a date in the parentheses of an issue ("Al-Naba 476 (2 January) claimed", «العدد 112 الصادر يوم الخميس») is the
# issue's, not the date of what the issue reports
_ISSUE_PAREN = re.compile(
    r"(?:issue|edition|no\.?|#|naba['’]?|\d)\s*\(\s*(?:published\s+(?:on\s+)?|dated\s+)?$"
    r"|\(\s*(?:العدد|عدد)\s+[\d٠-٩]+\s+(?:الصادر|الصادره)?\s*(?:يوم|في|بتاريخ)?\s*(?:الخميس|الاثنين|الإثنين|الثلاثاء|"
    r"الأربعاء|الاربعاء|الجمعة|السبت|الأحد|الاحد)?\s*$",
    re.IGNORECASE,
)


def _issue_date(text: str, d: Statement) -> bool:
    at = d.evidence[0].start
    return bool(_ISSUE_PAREN.search(text, max(0, at - 48), at))


def _participle_dates(readings: list[Reading], dates: list[Statement], but: Reading | None = None) -> set[int]:
    """The dates right after an event's participle ("the fighters killed in 2020"): that event's, not the
    sentence's (ids of the date facts; `but` is the reading asking, whose own participle does not count)."""
    return {
        id(d)
        for x in readings
        if x.reduced and x.pred.kind == "event" and x is not but
        for d in dates
        if 0 <= d.evidence[0].start - x.at_end <= 12
    }


# an event noun in a statement's object, then only its place or target before a date: the date is the event's
# ("claimed the attack in Kerman on 3 January 2024", «أعلن مسؤوليته عن تفجير كرمان في 3 يناير»)
_OBJECT_EVENT_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:attacks?|bombings?|blasts?|raids?|assaults?|killings?|massacres?|shootings?|strikes?|ambush(?:es)?)"
    r"(?:\s+(?:in|at|on|against|near|of|targeting)\s+[^,;.\n]{1,50}?)?"
    r"|(?<![\u0621-\u064a])(?:ال)?(?:هجوم|هجمات|تفجير|تفجيري|تفجيرات|غاره|غارة|اعتداء|كمين|مجزرة|مجزره)"
    r"(?:\s+[^،,;.\n]{1,40}?)?)\s+(?:on|in|يوم|في)?\s*$",
    re.IGNORECASE,
)


_ALLEGED = re.compile(r"alleged|alleges|alleging|allege|[وف]?(?:زعم|زعمت|يزعم|تزعم|ادعى|ادعت|يدعي|تدعي)")


# a sentence opening on the medium its statement came in, up to the comma: «وفي كلمة صوتية نشرت الخميس،»
_MEDIA_LEAD = re.compile(
    r"\W*[وف]?(?:في|عبر|وفي|خلال)\s+(?:ال)?(?:كلمة|كلمته|تسجيل|تسجيله|بيان|بيانه|رسالة|رسالته|خطاب|خطابه|مقطع|إصدار|اصدار|فيديو)"
    r"[^،,.\n]{0,80}[،,]"
)


def _of_another_phrase(text: str, r: Reading, d: Statement) -> bool:
    """Does date `d` belong to another phrase of r's sentence: a relative clause closed just before r's verb ("X,
    which split in 2015, claimed ..."), or, for a statement, the event its object names ("claimed the attack in
    Kerman on 3 January": the attack's day)?"""
    closed = CLOSED_RELATIVE.search(text, r.sentence[0], r.at)
    if closed is not None and closed.start() < d.evidence[0].start < r.at:
        return True
    return r.pred.kind == "statement" and _OBJECT_EVENT_BEFORE.search(text, r.at_end, d.evidence[0].start) is not None


# an event named as what an interval counts from: "eleven years after the killing of X", «بعد أكثر من 11 عاماً على
# مقتل X», «قبل عامين من مقتل X»: its date is the interval's (when the date extractor read it), never the sentence's
_INTERVAL_OBJECT = re.compile(
    r"(?:(?<![a-z])(?:years?|months?|weeks?|days?|decades?)\s+(?:after|before|since)\s+(?:the\s+)?"
    r"|(?<![\u0621-\u064a])(?:بعد|قبل|منذ)\s+(?:[^\s،,.]+\s+){1,5}(?:على|علي|من)\s+)$",
    re.IGNORECASE,
)


_NP_BREAK_EN = re.compile(r"[,;:()\"“”]|\b(?:and|but|which|who|whom|that|after|before|when|while|as|was|were|is)\b")


# an event named as what an anniversary is of: «في الذكرى الأولى لمقتل X», "the anniversary of the death of X" — the
# sentence's date is the anniversary's, never the event's
_ANNIVERSARY_OBJECT = re.compile(
    r"(?:anniversary\s+of\s+(?:the\s+)?|ذكر[ىي]\s+(?:[\u0621-\u064a]+\s+){0,2})$", re.IGNORECASE
)


def _interval_object_date(r: Reading, dates: list[Statement], text: str) -> PartialDate | bool | None:
    """False when r is not an interval's object; else the interval's own date (a relative phrase ending just before
    it), or None."""
    if not (r.pred.kind == "event" and r.pred.nominal and text):
        return False
    if _ANNIVERSARY_OBJECT.search(text, max(r.clause[0], r.at - 40), r.at) is not None:
        # «في الذكرى الأولى لمقتل البغدادي في 27 أكتوبر 2019»: the date the anniversary phrase holds, else none
        for d in dates:
            span = d.evidence[0]
            if d.detail.get("anniversary_of") and span.start <= r.at < span.end:
                inner = [
                    o.date
                    for o in dates
                    if o is not d
                    and span.start <= o.evidence[0].start
                    and o.evidence[0].end <= span.end
                    and o.date is not None
                    and o.date.value == d.detail["anniversary_of"]
                ]
                return inner[0] if inner else None
        return None
    if _INTERVAL_OBJECT.search(text, max(r.clause[0], r.at - 60), r.at) is None:
        return False
    own = [
        d
        for d in dates
        if d.detail.get("relative") and d.evidence[0].end <= r.at and r.at - d.evidence[0].end <= 12 and d.date
    ]
    return own[-1].date if own else None


# a series that is the medium or the thing published, not who speaks: "claims in al-Naba", "the issues of al-Naba",
# «في النبأ», «عبر صحيفة النبأ»; "Rumiyah (Arabic for Rome), published in English"
_SERIES_AS_OBJECT_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:in|of|from|via|through|into)\s+(?:(?:the|its|IS|ISIS|the\s+group['’]s)\s+)?(?:[a-z]+\s+){0,3}"
    r"|(?<![a-z])[a-z]{3,}(?:ed|es)\s+(?:the\s+)?"  # "ISIL replaced Dabiq with ...": a verb's object
    r"|(?<![\u0621-\u064a])(?:في|عبر|من|على)\s+(?:[\u0621-\u064a]+\s+){0,2})$",
    re.IGNORECASE,
)
_SERIES_PUBLISHED_AFTER = re.compile(
    r"['’]?\s*(?:\([^)]{0,60}\)\s*)?,\s*(?:first\s+|also\s+)?(?:published|released|issued|distributed)\b"
    r"|\s*(?:no\.?\s*|#|issue\s+)?\d{1,4}\s*\(\s*(?:published|released|issued|dated)\b",  # "Al-Naba 478 (published on"
    re.I,
)


def _issue_own_date(r: Reading, dates: list[Statement], text: str) -> PartialDate | None:
    """ "Al-Naba 476 (2 January) claimed ...": what an issue says is dated by the issue's date in its parentheses."""
    speaker = r.principal
    if r.pred.kind != "statement" or speaker is None or speaker.type != OUTLET or speaker.end > r.at:
        return None
    for d in dates:
        at = d.evidence[0].start
        if speaker.end <= at < r.at and at - speaker.end <= 12 and _issue_date(text, d) and d.date is not None:
            return d.date
    return None


def _own_date(r: Reading, readings: list[Reading], dates: list[Statement], text: str = "") -> PartialDate | None:
    if text and (issued := _issue_own_date(r, dates, text)) is not None:
        return issued
    interval = _interval_object_date(r, dates, text)
    if interval is not False:
        return interval if isinstance(interval, PartialDate) else None
    if (
        r.pred.kind == "event"
        and r.pred.nominal
        and r.embedded_in is not None
        and r.embedded_in.pred.name in _MAKES_IT_KNOWN
        and r.embedded_in.at < r.at
        and r.pred.name in ("killed", "died")
        and r.lang == "en"
    ):
        return None  # "announced the death of X on Thursday": the announcement's day, not the death's
    if text and r.lang == "en" and r.pred.kind == "event" and r.pred.nominal and r.pred.name in ("killed", "died"):
        # "gloated over the assassination of X in Tehran on Wednesday": a death named by a noun is dated inside
        # its own phrase; the clause's date ("The weekly, published on Thursday, gloated over ...") is another's
        inside = [
            d
            for d in dates
            if r.at_end <= d.evidence[0].start < r.clause[1]
            and d.date is not None
            and not _NP_BREAK_EN.search(text, r.at_end, d.evidence[0].start)
        ]
        return inside[0].date if inside else None
    lo, hi = _window(r, readings)
    lo = max(lo, r.clause[0] if r.embedded_in is None else lo)
    hi = min(hi, r.clause[1])
    sub = _subordinate_start(r, text) if text else None
    if sub is not None and not any(d.evidence[0].start <= sub < d.evidence[0].end for d in dates):
        lo = max(lo, sub)  # (unless "after" is a date's own word: "twenty-seven months after he took office")
    if r.content is not None:  # a speech's dates stand before what it reports
        hi = min(hi, _said_from(r, dates, text))
    if r.embedded_in is not None and r.embedded_in.content is not None:
        lo = max(lo, r.embedded_in.content[0])
    participle_dates = _participle_dates(readings, dates, but=r)
    near = [
        d
        for d in dates
        if lo <= d.evidence[0].start < hi and not _issue_date(text, d) and id(d) not in participle_dates
    ]
    # "leader since February 2020", "for the first time since 2014" date a state, not the predicate beside it
    near = [d for d in near if not _since(text, d, r.at)]
    if text:  # "Abu Musab al-Zarqawi (30 October 1966 – 7 June 2006) led ...": a life, not what he did
        life = [d for d in dates if lifespan(text, d.evidence[0].start)]
        ends = {d.date.end for d in life if d.date is not None and d.date.end}
        near = [
            d
            for d in near
            if not any(d is x for x in life)
            and not (d.detail.get("range") == "end" and d.date is not None and d.date.value in ends)
        ]
    if text:  # "X, who succeeded Y in March, was killed in October": March is the relative clause's
        near = [d for d in near if not _of_another_phrase(text, r, d)]
    # the date of a phrase holding another ("the 20th anniversary of the September 11 attacks") is the phrase's
    near = [
        d
        for d in near
        if not any(
            o is not d
            and o.evidence[0].start <= d.evidence[0].start
            and d.evidence[0].end <= o.evidence[0].end
            and (o.evidence[0].end - o.evidence[0].start) > (d.evidence[0].end - d.evidence[0].start)
            for o in dates
        )
    ]
    if not near:
        then = _THEN.search(text, lo, hi) if text else None
        if then is None:
            return None
        # «وقال الرئيس وقتها», "said at the time": the date the sentence gave before it
        near = [d for d in dates if d.evidence[0].end <= then.start() and d.detail.get("range") != "end"]
        return near[-1].date if near else None
    if text and r.lang == "en":  # "seized Mosul in June 2014 and attacked Erbil ...": June is the conjunct's before
        near = [
            d for d in near if d.evidence[0].start > r.at or not re.search(r"\band\b", text[d.evidence[0].end : r.at])
        ] or near
    # the nearest; on a tie the one after the verb ("attacked Erbil in August": an English adjunct follows)
    best = min(near, key=lambda d: (abs(d.evidence[0].start - r.at), d.evidence[0].start < r.at))
    if best.detail.get("range") == "end" and best.date is not None:  # "October 2019 – February 2022": from its start
        value = best.date.value
        starts = [
            d
            for d in dates
            if d.date is not None and d.date.end == value and d.evidence[0].end <= best.evidence[0].start
        ]
        if starts:
            best = starts[-1]
    return best.date


def _fallback(
    previous: tuple[Reading, PartialDate | None] | None,
    continues: bool,
    story: PartialDate | None,
    page: PartialDate | None,
) -> tuple[PartialDate | None, str | None]:
    if continues and previous is not None and previous[1] is not None:
        return previous[1], "the statement it continues"
    if story is not None:
        return story, "the story's date (its first dated statement about the page's news)"
    if page is not None:
        return PartialDate(page.value, anchor="document-date"), "the document's date (the sentence gives none)"
    return None, None


Read = list[tuple[int, list[Participant], list[Reading], dict[int, PartialDate | None], bool]]


def _story_dates(read: Read, day: dt.date | None) -> dict[str, PartialDate]:
    """The date of the news a page reports, per speaker: a speaker's first dated statement, when it falls in the ten
    days before the page's date (a news article's peg; an older date is background), or in an undated page its first
    dated one. "IS has confirmed the death of its leader ... IS also confirmed on Thursday" dates both Thursday."""
    out: dict[str, PartialDate] = {}
    for _, _, readings, own, _ in read:
        for r in readings:
            d, name = own[id(r)], _speaker_name(r)
            if d is None or name is None or name in out or r.pred.kind != "statement" or r.embedded_in is not None:
                continue
            if day is None or (d.precision.value == "day" and d.end is None and 0 <= (day - d.first_day()).days <= 10):
                out[name] = d
    return out


def _speaker_name(r: Reading) -> str | None:
    p = r.principal
    return p.name if p is not None else None


def _inherit_speaker(
    r: Reading, readings: list[Reading], previous: tuple[Reading, PartialDate | None] | None, continues: bool
) -> None:
    """«معلناً أن ...», «وأضاف أن ...», "adding that": the speaker of the statement before it speaks on."""
    earlier = [x for x in readings if x.pred.kind == "statement" and x.at < r.at and x.roles.get("speaker")]
    if earlier:
        r.roles["speaker"] = earlier[-1].roles["speaker"]
    elif continues and previous is not None and previous[0].roles.get("speaker"):
        r.roles["speaker"] = previous[0].roles["speaker"]


def _starts_with_conjoined_statement(readings: list[Reading], text: str, start: int) -> bool:
    """«وبث إعلام التنظيم ...», «وأعلن ...»: a sentence opening with «و» glued to a statement verb goes on with the
    story of the one before."""
    first = min(readings, key=lambda r: r.at, default=None)
    if first is None or first.pred.kind != "statement":
        return False
    if first.at - start <= 2 and text[first.at : first.at + 1] in ("و", "ف"):
        return True
    # "The new IS spokesman, Abu Hamza, also called on ...": "also" before the verb carries the story on
    return bool(re.search(r"\balso\s*$|(?<![\u0621-\u064a])ايضا\s*$", text[max(start, first.at - 12) : first.at]))


def _fits(r: Reading, principal: Participant) -> bool:
    """An organisation is not killed, appointed or dead; a statement needs a speaker or a publisher."""
    if r.pred.kind == "event" and r.pred.frame in ("patient", "subject") and principal.type != PERSON:
        return r.pred.name in ("designated", "appeared", "pledged_allegiance")
    if r.pred.kind == "statement":
        return principal.type in (PERSON, ORG, OUTLET)
    return True
