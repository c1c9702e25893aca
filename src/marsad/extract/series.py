"""Issues of a publication series: "issue 412", "issue.416", "No. 49", "al-Naba #454", "issues 478-479",
«العدد ٤١٢», "the first issue" -> `publication_issue` facts, linked to the series the document names and
dated when the passage gives the issue's date.

Written here: issue numbers are a convention of this field no library models. An Arabic «النبأ» counts
as the series only beside a word that makes it a publication (صحيفة، العدد، الأسبوعية) or in quotes:
alone it is the ordinary word "the news".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from marsad.extract.actors import ActorExtractor
from marsad.extract.base import Member
from marsad.extract.dates import DateExtractor
from marsad.extract.dates.lexicon import AR_MONTHS, EN_MONTHS
from marsad.extract.dates.near import NearDates
from marsad.extract.events.modality import modality
from marsad.kb import Watchlist
from marsad.model import Document, Entity, EntityType, PartialDate, Span, Statement
from marsad.model.event import Modality
from marsad.text.fold import fold, fold_with_offsets
from marsad.text.script import has_arabic

_NUM = r"(?P<n>\d{1,4})(?:\s*(?P<sep>-|–|and|&|و|or|nor)\s*(?P<n2>\d{1,4}))?(?!\d|[.,:/]\d)"
_EN_ISSUE = re.compile(rf"(?<![a-z])(?:issues?|editions?|numbers?|no|nos|#)\s*[.#:]?\s*(?:no\.?\s*)?{_NUM}")
_AR_ISSUE = re.compile(
    rf"(?<![\u0621-\u064a])(?:[وب]?(?:العدد|العددين|العددان|عددها|عدده|عدد|الاصدار)|رقم)\s+(?:رقم\s+)?{_NUM}"
)
# no look-ahead after "issue": scraped infoboxes glue words ("First issueOctober 16, 2015")
# "the 317th edition of al-Naba", «العدد الـ317»
_ORDINAL = re.compile(
    r"(?<![\w])(?P<n>\d{1,4})(?:st|nd|rd|th)\s+(?:weekly\s+)?(?:issue|edition|number)(?![a-z])|(?<![\u0621-\u064a])العدد\s+ال\s*(?P<n_ar>\d{1,4})(?!\d)"
)
_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_NUMBER_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
# "the first issue", "the inaugural issue", "its fifteenth edition", "its first broadcast", «العدد الأول»
_FIRST = re.compile(
    r"(?<![a-z])(?P<w>inaugural|"
    + "|".join(_ORDINAL_WORDS)
    + r")\s+(?:weekly\s+)?(?:issue|edition|broadcast|episode)(?!s)"
    r"|(?P<ar>العدد\s+الاول)(?![\u0621-\u064a])"
)
# "issues eight and nine", "issue fifteen"
_SPELLED = re.compile(
    r"(?<![a-z])(?:issues?|editions?)\s+(?P<a>"
    + "|".join(_NUMBER_WORDS)
    + r")(?:\s+(?:and|&|to)\s+(?P<b>"
    + "|".join(_NUMBER_WORDS)
    + r"))?(?![a-z])"
)
# an issue named by reference to the issues just listed: "These issues, released on May 2", «هذان العددان»
_THESE = re.compile(
    r"(?<![a-z])(?:these|those|both|the\s+two|the\s+three)\s+(?:new\s+)?(?:issues|editions|numbers)(?![a-z])"
    r"|(?<![\u0621-\u064a])(?:هذان\s+العددان|هذين\s+العددين|العددان|هذه\s+الاعداد)(?![\u0621-\u064a])"
)
_ANTECEDENT_REACH = 400  # characters back to the issues "these issues" refers to
# a magazine's infobox as pages print it: "Final issue — Number / 31 July 2016 / 15" (date line, then the number)
_INFOBOX = re.compile(
    r"(?<![a-z])(?:first|final|last)\s+issue\s*[—–-]*\s*numbers?\s*\n\s*[^\n]{4,40}\n\s*(?P<n>\d{1,4})[ \t]*(?=\n|$)"
)
# a day-month-year after a number is a date, not an issue: "— Number\n31 July 2016" is the 31st of July
_MONTH_AFTER = re.compile(
    r"\s+(?:"
    + "|".join(sorted({re.escape(fold(m)) for m in (*EN_MONTHS, *AR_MONTHS)}, key=len, reverse=True))
    + r")[\s,]+\d{4}(?!\d)"
)
# an article, editorial or page of an issue, by its quoted title: 'an article titled "X"', «مقال تحت عنوان "X"»
_ARTICLE = re.compile(
    r"(?:(?<![a-z])(?:(?:lead|main|front-page|full-page)\s+)?(?:article|editorial|op-ed)\s+"
    r"(?:titled|entitled|headlined|called)\s*:?\s*"
    r"|(?<![\u0621-\u064a])[لب]?(?:مقال|مقالا|مقاله|افتتاحيه|افتتاحيتها)\s+(?:[\u0621-\u064a]+\s+){0,2}?"
    r"(?:تحت\s+عنوان|بعنوان)\s*:?\s*)"
    r"[\"“«']\s*(?P<title>[^\"“”«»'\n]{3,90}?)\s*[\"”»']"
)
_TAIL = re.compile(rf"\s*\(?\s*(?:#|no\.?|issue|العدد)?\s*[.#]?\s*{_NUM}")  # "al-Naba 413", "(No.49"
_AR_PUBLICATION_WORDS = re.compile(r"صحيف|جريد|نشر|العدد|اسبوعي|مجل")
_MAX_DATE_GAP = 90  # characters between an issue and the date that belongs to it
# what stops an issue from taking the date that follows: a sentence end, another issue, or a clause about the
# issue's content ("In issue 412, al-Naba claimed an attack in Mosul on 3 October": the attack's day, not the
# issue's) — a verb of claiming, reporting or discussing, an act of violence, a complement clause («أن», «عن»)
_CONTENT_CUE = (
    r"\b(?:claim\w*|attack\w*|kill\w*|carried out|discuss\w*|describ\w*|said|says|stated|urg\w*|called|prais\w*|"
    r"mock\w*|condemn\w*|threat\w*|boast\w*|reported that|about|against|murder\w*|bomb\w*|assassinat\w*|"
    r"death|died|wounded|shot|raid\w*|strike\w*|clash\w*)\b|"
    r"تبن|هجوم|هجمات|هجمه|مقتل|قتل|اغتيال|تفجير|ادعي|ادعت|زعم|ناقش|تحدث|وصف|هاجم|دعا|دعت|غاره|اشتباك|"
    r"(?<![\u0621-\u064a])(?:ان|أن|إن|عن)(?![\u0621-\u064a])"
)
_DATE_BARRIER = r"(?i)[.;!?\n]|\bissue\b|العدد|" + _CONTENT_CUE


@dataclass(frozen=True, slots=True)
class _Series:
    entity: Entity
    patterns: tuple[re.Pattern[str], ...]
    names: tuple[str, ...] = ()  # what the patterns match, folded: a text holding none of them is not scanned


def _series(watchlist: Watchlist) -> tuple[_Series, ...]:
    out = []
    for e in watchlist.entities:
        if e.type is not EntityType.SERIES:
            continue
        names = sorted({fold(a.name).split(" (")[0].rstrip("'") for a in e.aliases}, key=len, reverse=True)
        kept = tuple(n for n in names if len(n) >= 4)  # longest first
        alternatives = "|".join(re.escape(n) for n in kept)
        pats = (re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])"),) if alternatives else ()
        out.append(_Series(e, pats, kept))
    return tuple(out)


class SeriesExtractor(Member):
    NAME = "series"
    VERSION = "0.5"

    def __init__(self, dates: DateExtractor | None = None, actors: ActorExtractor | None = None) -> None:
        self._dates = dates or DateExtractor()
        self._actors = actors or ActorExtractor()  # its watchlist's series, and the topics an issue names
        self._last: tuple[str, list[tuple[_Series, re.Match[str]]]] | None = None  # a folded text and _named's

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_last": None}

    def _named(self, text: str) -> list[tuple[_Series, re.Match[str]]]:
        """Every match of a series' names in a folded text, series by series; a series none of whose names the
        text holds (a substring search, far faster than the pattern) is not scanned. Read by three callers in a
        row: the last text's are kept."""
        last = self._last
        if last is not None and last[0] is text:
            return list(last[1])
        series = self._actors.derived("series", _series)
        found = [
            (s, m) for s in series if any(n in text for n in s.names) for pat in s.patterns for m in pat.finditer(text)
        ]
        self._last = (text, found)
        return list(found)

    def extract(self, doc: Document) -> list[Statement]:
        folded = fold_with_offsets(doc.text)
        text = folded.text
        mentions = self._series_mentions(text, doc.text, folded)
        if not mentions:
            return []
        issues = self._issue_mentions(text)
        if not issues:
            return []
        dates = NearDates([s for s in self._dates.extract(doc) if s.kind == "date" and s.date is not None])
        out = []
        mentions.sort(key=lambda m: m[0])
        starts = [m[0] for m in mentions]
        for start, end, numbers in issues:
            series = _nearest(mentions, starts, start)
            for number in numbers:
                out.append(self._statement(doc, folded, start, end, number, series, dates))
        out += self._articles(doc, folded, mentions, starts, out)
        return _with_topics(doc, folded, out, self._actors)

    def _articles(
        self,
        doc: Document,
        folded: Any,
        mentions: list[tuple[int, int, Entity]],
        starts: list[int],
        issues: list[Statement],
    ) -> list[Statement]:
        """An article of the one issue a page discusses: 'al-Naba ran an article titled "X"' on a page whose issue
        numbers of that series are all one number is an article of that issue, dated as the issue is. A page that
        names two issues of the series says nothing about which one holds the article: no fact."""
        numbers: dict[str, set[int]] = {}
        for s in issues:
            numbers.setdefault(str(s.subject), set()).add(int(str(s.value)))
        out = []
        for m in _ARTICLE.finditer(folded.text):
            series = _nearest(mentions, starts, m.start())
            held = numbers.get(series.id, set())
            if len(held) != 1:
                continue
            (number,) = held
            dated = next((s for s in issues if s.subject == series.id and s.date is not None), None)
            o_start, o_end = folded.original_span(m.start(), m.end())
            title = doc.text[slice(*folded.original_span(m.start("title"), m.end("title")))].strip()
            date = dated.date if dated else None
            out.append(self._issue(Span(doc.id, o_start, o_end), series, number, date, 0.7, {"article": title}))
        return out

    def mentions(self, doc: Document, folded: Any = None) -> list[tuple[int, int, Entity]]:
        """The series named in a document, in original offsets («النبأ» only in a publication's context, "Inspire"
        only capitalised): who speaks when "al-Naba said" (the statement reader's participants). `folded`: the
        caller's fold of the text, when it has one."""
        folded = folded if folded is not None else fold_with_offsets(doc.text)
        return [(*folded.original_span(a, b), e) for a, b, e in self._series_mentions(folded.text, doc.text, folded)]

    def _series_mentions(self, text: str, original: str, folded: Any) -> list[tuple[int, int, Entity]]:
        found = []
        for series, m in self._named(text):
            if has_arabic(m.group(0)) and not _publication_context(text, m.start(), m.end()):
                continue  # «النبأ» alone is "the news"
            where = folded.original_span(m.start(), m.end())
            if not has_arabic(m.group(0)) and not _capitalised(original, *where):
                continue  # "to inspire attacks" is not Inspire magazine
            found.append((m.start(), m.end(), series.entity))
        return found

    def _issue_mentions(self, text: str) -> list[tuple[int, int, list[int]]]:
        out: list[tuple[int, int, list[int]]] = []
        for rx in (_EN_ISSUE, _AR_ISSUE):
            for m in rx.finditer(text):
                first, second = int(m.group("n")), m.group("n2")
                if not second and first <= 31 and _MONTH_AFTER.match(text, m.end("n")):
                    continue  # the day of a date

                numbers = [first]
                if second and m.group("sep") in ("-", "–") and first < int(second) <= first + 10:
                    numbers = list(range(first, int(second) + 1))  # "issues 478-479": a run
                elif second and int(second) != first:
                    numbers = [first, int(second)]  # "issues 411 and 415", "411 or 412": the two
                out.append((m.start(), m.end(), numbers))
        for m in _FIRST.finditer(text):
            word = m.group("w")
            out.append((m.start(), m.end(), [_ORDINAL_WORDS.get(word, 1) if word else 1]))
        for m in _SPELLED.finditer(text):
            a, b = _NUMBER_WORDS[m.group("a")], _NUMBER_WORDS.get(m.group("b") or "")
            out.append((m.start(), m.end(), list(range(a, b + 1)) if b and a < b <= a + 10 else [a]))
        for m in _ORDINAL.finditer(text):
            out.append((m.start(), m.end(), [int(m.group("n") or m.group("n_ar"))]))
        for m in _INFOBOX.finditer(text):
            out.append((m.start(), m.end(), [int(m.group("n"))]))
        for _, m in self._named(text):  # "al-Naba 413", "al-Naba #454", "Al-Naba (No.49"
            tail = _TAIL.match(text, m.end())
            if tail:
                out.append((m.start(), tail.end(), [int(tail.group("n"))]))
        out.sort()
        merged: list[tuple[int, int, list[int]]] = []
        for item in out:
            if merged and item[0] < merged[-1][1]:
                if item[1] - item[0] > merged[-1][1] - merged[-1][0] and item[2] == merged[-1][2]:
                    merged[-1] = item
                continue
            merged.append(item)
        return _with_references(text, merged)

    def _statement(
        self,
        doc: Document,
        folded: Any,
        start: int,
        end: int,
        number: int,
        series: Entity,
        dates: NearDates,
    ) -> Statement:
        o_start, o_end = folded.original_span(start, end)
        date: PartialDate | None = None
        chosen = dates.inside(o_start, o_end)
        if chosen is None:
            chosen = dates.following(doc.text, o_end, _MAX_DATE_GAP, _DATE_BARRIER)
        if chosen is not None:
            date = chosen.date
            if chosen.evidence[0].end > o_end:
                o_end = chosen.evidence[0].end
                if o_end < len(doc.text) and doc.text[o_end] == ")":
                    o_end += 1
        return self._issue(Span(doc.id, o_start, o_end), series, number, date, 0.85)

    def _issue(
        self,
        span: Span,
        series: Entity,
        number: int,
        date: PartialDate | None,
        confidence: float,
        more: dict[str, Any] | None = None,
    ) -> Statement:
        detail = {"series": series.name, "issue": number, "title": series.name, **(more or {})}
        return Statement(
            kind="publication_issue",
            predicate="published_issue",
            evidence=(span,),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            subject=series.id,
            value=str(number),
            date=date,
            confidence=confidence,
            detail=detail,
        )


_SENTENCE_END = re.compile(r"[.!?؟\n]")
# a negated mention, however far the negation stands from the topic in its sentence: "did not mention",
# "made no reference to", "was silent on", "ignored", «لم يشر/يذكر/يتطرق/يتناول», «خلا من أي ذكر ل», «تجاهل»
_NOT_MENTIONED = re.compile(
    r"(?<![a-z])(?:(?:not|never|neither|nor|no|without)\s+(?:[\w'’-]+\s+){0,6}?(?:mention|mentions|mentioned|mentioning|"
    r"refer|refers|referred|reference|references|cite|cited|name|named|discuss|discussed|address|addressed|cover|covered)|"
    r"silent\s+(?:on|about)|ignored|ignores|omitted|omits)(?![a-z])"
    r"|(?<![\u0621-\u064a])(?:(?:لم|لا|ولم|ولا)\s+(?:[\u0621-\u064a\d]+\s+){0,5}?(?:يشر|تشر|يذكر|تذكر|يتطرق|تتطرق|"
    r"يتناول|تتناول|يات\s+علي\s+ذكر|تات\s+علي\s+ذكر)|خلا\s+من|خلت\s+من|تجاهل|تجاهلت|اغفل|اغفلت)(?![\u0621-\u064a])"
)


def _with_topics(doc: Document, folded: Any, issues: list[Statement], actors: ActorExtractor) -> list[Statement]:
    """Each issue with the topics its sentence names, and whether the sentence says the issue did not name them
    ("Issue 412 did not mention Gaza", «لم يشر العدد 412 إلى غزة»): what an absence question asks of pages that
    discuss an issue without being it."""
    topics = [t for t in actors.extract(doc) if t.kind in ("topic", "actor") and t.subject]
    if not topics or not issues:
        return issues
    topics.sort(key=lambda t: t.evidence[0].start)
    starts = [t.evidence[0].start for t in topics]
    text = folded.text
    out = []
    # (sentence start, topic's start, sentence end) -> whether the sentence names the topic (None: in doubt); the
    # issues of one sentence share it
    read: dict[tuple[int, int, int], bool | None] = {}
    for s in issues:
        a, b = s.evidence[0].start, s.evidence[0].end
        lo = max((m.end() for m in _SENTENCE_END.finditer(doc.text, max(0, a - 400), a)), default=max(0, a - 400))
        end = _SENTENCE_END.search(doc.text, b)
        hi = end.start() if end else len(doc.text)
        named = []
        for t in topics[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]:
            key = (lo, t.evidence[0].start, hi)
            if key not in read:
                read[key] = _topic_named(
                    text, folded.folded_offset(lo), folded.folded_offset(key[1]), folded.folded_offset(hi)
                )
            mentioned = read[key]
            if mentioned is None:
                continue  # "may mention Gaza": neither
            name = t.detail.get("topic") or t.detail.get("actor")
            named.append({"id": t.subject, "name": name, "mentioned": mentioned})
        out.append(replace(s, detail={**s.detail, "topics": named}) if named else s)
    return out


def _topic_named(text: str, f_lo: int, f_at: int, f_hi: int) -> bool | None:
    """Whether the sentence [f_lo, f_hi) of the folded text names the topic at f_at, or says it does not (False); None
    when it is in doubt ("may mention Gaza")."""
    mood, _ = modality(text, f_lo, f_at, f_hi)
    if mood in (Modality.SPECULATED, Modality.CONDITIONAL):
        return None
    # the negation of a mention verb in the topic's own clause («لم يشر العدد 412 من صحيفة النبأ إلى غزة»);
    # "which did not appear on time, covered Gaza" negates another clause
    return not any(not re.search(r"[,،;؛]", text[m.end() : f_at]) for m in _NOT_MENTIONED.finditer(text, f_lo, f_at))


def _with_references(text: str, issues: list[tuple[int, int, list[int]]]) -> list[tuple[int, int, list[int]]]:
    """The issues in start order, with "these issues" read as the last mention of two or more issues before it
    within reach (its own sentence or the one before)."""
    refs = []
    for m in _THESE.finditer(text):
        i = bisect.bisect_left(issues, (m.start(),))
        listed = [x for x in issues[:i] if len(x[2]) > 1 and m.start() - x[1] <= _ANTECEDENT_REACH]
        if listed and not any(a <= m.start() < b for a, b, _ in issues):
            refs.append((m.start(), m.end(), listed[-1][2]))
    return sorted(issues + refs) if refs else issues


def _nearest(mentions: list[tuple[int, int, Entity]], starts: list[int], at: int) -> Entity:
    """The series named nearest to `at` (mentions in start order; the earlier one on a tie, as min() chose)."""
    i = bisect.bisect_left(starts, at)
    near = mentions[max(0, i - 1) : i + 1]
    return min(near, key=lambda m: (abs(m[0] - at), m[0]))[2]


def _capitalised(text: str, start: int, end: int) -> bool:
    """A periodical's Latin name is written as a name: "Inspire", "al-Naba", "Dabiq" (the article may be lower case)."""
    name = re.sub(r"^(?:al|el|an|ad|as)[-\s]", "", text[start:end], flags=re.IGNORECASE)
    return name[:1].isupper()


def _publication_context(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 25) : end + 25]
    quoted = text[max(0, start - 1) : start] in ("«", '"', "“", "”") or text[end : end + 1] in ("»", '"', "“", "”")
    return quoted or bool(_AR_PUBLICATION_WORDS.search(window))
