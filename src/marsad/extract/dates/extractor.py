"""DateExtractor: a document's text -> `date` facts (and `inconsistency` facts) with exact evidence spans."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.dates.calendar import hijri_month_span, hijri_to_gregorian, hijri_year_span
from marsad.extract.dates.grammar import find_absolute
from marsad.extract.dates.mention import Mention
from marsad.extract.dates.relative import Relative, find_relative
from marsad.extract.dates.resolve import resolve_year, shift, weekday_before
from marsad.model import Calendar, Document, PartialDate, Span, Statement
from marsad.text.fold import Folded, fold_with_offsets

_RANGE_GAP = re.compile(r"^\s*(?:[-–—ـ]+|to|until|till|through|الى|إلى|حتى)\s*$")
_BETWEEN_GAP = re.compile(r"^\s*(?:and|و)\s*$")  # a range only after "between": "between May 2022 and June 2023"
_BETWEEN = re.compile(r"(?:between|بين)\s*$")
_PUNCT = r"[\s,،/()\[\]\-–—]*"
_DUAL_GAP = re.compile(rf"^{_PUNCT}(?:الموافق\s*(?:ل\s*)?|الموافق لـ|corresponding to|i\.?e\.?|or|=)?{_PUNCT}$")
_NEW_CLAUSE = re.compile(r"(?:\band\b|\bthen\b|;|؛|،\s*و|\sثم\s|\sو(?=[\u0621-\u064a]{3}))")
_ANAPHOR = re.compile(r"\s*(?:من\s+)?(?:that|this|it|ذلك|هذا|ذاك|ذلك\s+التاريخ)(?![\w])")
_FATHER = re.compile(r"(?<![\u0621-\u064a])أب(?![\u0621-\u064a])")
_CURRENT = ("الجاري", "الحالي")
_SENTENCE_END = re.compile(r"[.!?؟\n]\s")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_LAST: list[Any] = []  # [document, its facts]: the last document extracted


@dataclass(slots=True)
class Found:
    start: int  # folded offsets
    end: int
    date: PartialDate
    confidence: float
    form: str
    lang: str
    detail: dict[str, Any] = field(default_factory=dict)


class DateExtractor:
    NAME = "dates"
    VERSION = "1.1"

    def extract(self, doc: Document) -> list[Statement]:
        # The series and campaign extractors date what they find with this one: the same document object
        # asked twice in a row is answered from memory (facts are immutable).
        if _LAST and _LAST[0] is doc:
            return list(_LAST[1])
        facts = self._extract(doc)
        _LAST[:] = [doc, facts]
        return list(facts)

    def _extract(self, doc: Document) -> list[Statement]:
        folded = fold_with_offsets(doc.text)
        mentions = _merge_ranges(_select(_candidates(folded, doc.text)), folded, doc.text)
        _numeric_order(mentions)
        dct = doc.published.first_day() if doc.published else _writing_date(mentions)
        found: list[Found] = []
        for m in mentions:
            f = _resolve(m, mentions, dct)
            if f is not None:
                found.append(f)
        found, problems = _pair_duals(found, folded)
        problems += [p for f in found if (p := _check_stated_length(f, folded.text)) is not None]
        problems += [p for f in found if (p := _check_weekday(f)) is not None]
        taken = [(f.start, f.end) for f in found]
        relatives = [r for r in find_relative(folded.text) if not any(r.start < e and s < r.end for s, e in taken)]
        for r in relatives:
            result = _anchor_relative(r, found, folded.text, dct)
            if result is not None:
                rel_found, problem = result
                found.append(rel_found)
                if problem:
                    problems.append(problem)
        return [self._statement(doc, folded, f) for f in sorted(found, key=lambda f: f.start)] + [
            self._inconsistency(doc, folded, p) for p in problems
        ]

    def _statement(self, doc: Document, folded: Folded, f: Found) -> Statement:
        start, end = folded.original_span(f.start, f.end)
        while end < len(doc.text) and doc.text[end] == "ـ":  # "هـ": the tatweel folded away belongs to the mark
            end += 1
        detail = {"form": f.form, "lang": f.lang, **f.detail}
        return Statement(
            kind="date",
            predicate="mentions",
            evidence=(Span(doc.id, start, end),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            date=f.date,
            confidence=round(f.confidence, 2),
            detail=detail,
        )

    def _inconsistency(self, doc: Document, folded: Folded, p: dict[str, Any]) -> Statement:
        start, end = folded.original_span(p.pop("start"), p.pop("end"))
        return Statement(
            kind="inconsistency",
            predicate=p["check"],
            evidence=(Span(doc.id, start, end),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            confidence=0.9,
            detail=p,
        )


# -- candidates ------------------------------------------------------------------------------------
def _candidates(folded: Folded, original: str) -> list[tuple[int, Mention]]:
    out = []
    for priority, m in enumerate(find_absolute(folded.text)):
        if m.lang == "ar" and m.month == 8 and _FATHER.search(original[slice(*folded.original_span(m.start, m.end))]):
            continue  # «أب» (father, or a cut «أبو») folds like the Levantine month «آب»
        if m.start > 0 and folded.text[m.start - 1].isascii() and folded.text[m.start - 1].isalpha():
            # "First issueOctober 16, 2015": words glued by page scraping; accept only a capital after a small letter
            o = folded.offsets[m.start]
            if not (o > 0 and original[o].isupper() and original[o - 1].islower()):
                continue
        out.append((priority, m))
    return out


def _select(cands: list[tuple[int, Mention]]) -> list[Mention]:
    """Longest first, then the more specific form; no two selected mentions overlap."""
    chosen: list[Mention] = []
    for _, m in sorted(cands, key=lambda pm: (-(pm[1].end - pm[1].start), pm[0])):
        if not any(m.overlaps(c) for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _merge_ranges(mentions: list[Mention], folded: Folded, original: str) -> list[Mention]:
    """'October 2019 – February 2022', 'يونيو 2014 ـ أكتوبر 2019': two mentions joined by a dash are one range."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.calendar == m.calendar == "gregorian"
            and prev.end_month is None
            and prev.end_day is None
            and prev.end_year is None
            and m.year is not None
        ):
            a, _ = folded.original_span(prev.end, prev.end)
            b, _ = folded.original_span(m.start, m.start)
            gap = original[a:b]
            between = _BETWEEN_GAP.match(gap) and _BETWEEN.search(folded.text[max(0, prev.start - 12) : prev.start])
            if (_RANGE_GAP.match(gap) or between) and _same_shape(prev, m):
                prev.end = m.end
                prev.end_year, prev.end_month, prev.end_day = m.year, m.month, m.day
                if prev.year is None:
                    prev.year = m.year if (prev.month or 0) <= (m.month or 0) else (m.year or 1) - 1
                prev.form = "range"
                continue
        out.append(m)
    return out


def _same_shape(a: Mention, b: Mention) -> bool:
    return (a.day is None) == (b.day is None) and (a.month is None) == (b.month is None)


def _numeric_order(mentions: list[Mention]) -> None:
    """An ambiguous 3/4/2024 follows the document's own convention when another numeric date shows it
    (19/1/2024 is day-first, 1/19/2024 month-first); otherwise day-first, with both readings kept."""
    numeric = [m for m in mentions if m.form == "numeric"]
    orders = {m.detail["order"] for m in numeric if "order" in m.detail}
    if len(orders) != 1:
        return
    (order,) = orders
    for m in numeric:
        if m.detail.get("ambiguous"):
            m.detail["order_from"] = "the document's other numeric dates"
            if order == "month-first":
                m.day, m.month = m.month, m.day
            m.confidence = 0.8
            m.detail["ambiguous"] = False


# -- resolution ------------------------------------------------------------------------------------
def _writing_date(mentions: list[Mention]) -> dt.date | None:
    """A page without a date was written after the latest date it states; "غشت الجاري" (this August)
    then names the first August from that floor on. None when the text states no year."""
    stated = [
        dt.date(m.end_year or m.year or 1, m.end_month or m.month or 1, 1)
        for m in mentions
        if m.calendar == "gregorian" and m.year is not None and 1900 < m.year < 2100
    ]
    if not stated:
        return None
    floor = max(stated)
    current = [m for m in mentions if m.relation in _CURRENT and m.year is None and m.month]
    if current:
        month = current[0].month or 1
        year = floor.year if month >= floor.month else floor.year + 1
        return dt.date(year, month, 1)
    return None


def _resolve(m: Mention, mentions: list[Mention], dct: dt.date | None) -> Found | None:
    detail: dict[str, Any] = dict(m.detail)
    confidence = m.confidence
    anchor = "absolute"
    if m.calendar == "hijri":
        return _resolve_hijri(m)
    year = m.year
    if year is None:
        resolved = resolve_year(m, mentions, dct)
        if resolved is None:
            return None
        year, how, confidence = resolved
        detail["year_from"] = how
        anchor = "document-date" if how.startswith("document-date") else "context"
    if m.detail.get("ambiguous"):
        confidence = 0.5
    elif "order_from" in m.detail:
        confidence = 0.8
    value = _iso(year, m.month, m.day)
    end = None
    if m.end_day is not None:
        end = _iso(year, m.month, m.end_day)
    elif m.end_month is not None or m.end_year is not None:
        end = _iso(m.end_year or year, m.end_month, m.end_day)
    if m.part:
        detail["part"] = m.part
    if m.relation:
        detail["relation"] = m.relation
    try:
        date = PartialDate(value, end=end if end != value else None, original="", anchor=anchor)
    except ValueError:
        return None
    if m.weekday is not None and date.precision.value == "day":
        detail["weekday"] = _WEEKDAYS[m.weekday]
        detail["weekday_matches"] = date.first_day().weekday() == m.weekday
    return Found(m.start, m.end, date, confidence, m.form, m.lang, detail)


def _resolve_hijri(m: Mention) -> Found | None:
    assert m.year is not None
    try:
        if m.day is not None and m.month is not None:
            first = hijri_to_gregorian(m.year, m.month, m.day)
            last = hijri_to_gregorian(m.year, m.month, m.end_day) if m.end_day else None
            hijri = f"{m.year:04d}-{m.month:02d}-{m.day:02d}"
            value, end = first.isoformat(), last.isoformat() if last else None
        elif m.month is not None:
            first, last = hijri_month_span(m.year, m.month)
            hijri, value, end = f"{m.year:04d}-{m.month:02d}", first.isoformat(), last.isoformat()
        else:
            first, last = hijri_year_span(m.year)
            hijri, value, end = f"{m.year:04d}", first.isoformat(), last.isoformat()
    except ValueError:
        return None  # outside 1343-1500 AH, or a day the month does not have
    date = PartialDate(value, calendar=Calendar.HIJRI, end=end, hijri=hijri, uncertainty_days=1)
    return Found(m.start, m.end, date, m.confidence, m.form, m.lang, dict(m.detail))


def _iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


# -- dual dates ------------------------------------------------------------------------------------
def _pair_duals(found: list[Found], folded: Folded) -> tuple[list[Found], list[dict[str, Any]]]:
    """'2 Muharram 1437 / 15 October 2015', '... هـ الموافق ... م': one fact; a disagreement is a finding."""
    out: list[Found] = []
    problems: list[dict[str, Any]] = []
    for f in sorted(found, key=lambda f: f.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and {prev.date.calendar, f.date.calendar} == {Calendar.HIJRI, Calendar.GREGORIAN}
            and _DUAL_GAP.match(folded.text[prev.end : f.start])
            and f.start - prev.end <= 30
        ):
            hijri, greg = (prev, f) if prev.date.calendar is Calendar.HIJRI else (f, prev)
            if hijri.date.precision.value == "day" and greg.date.precision.value == "day" and hijri.date.end is None:
                gap = (greg.date.first_day() - hijri.date.first_day()).days
                merged = PartialDate(
                    greg.date.value,
                    calendar=Calendar.HIJRI if hijri is prev else Calendar.GREGORIAN,
                    hijri=hijri.date.hijri,
                    uncertainty_days=1 if abs(gap) <= 1 else 0,
                    anchor="absolute",
                )
                detail = {"dual": True, "hijri_as_gregorian": hijri.date.value, "days_apart": gap}
                out[-1] = Found(prev.start, f.end, merged, min(prev.confidence, f.confidence), "dual", f.lang, detail)
                if abs(gap) > 1:
                    problems.append(
                        {
                            "check": "hijri_gregorian_disagree",
                            "start": prev.start,
                            "end": f.end,
                            "hijri": hijri.date.hijri,
                            "hijri_as_gregorian": hijri.date.value,
                            "gregorian": greg.date.value,
                            "days_apart": gap,
                            "why": f"the Hijri date is {hijri.date.value} by Umm al-Qura, {abs(gap)} days from the "
                            f"Gregorian date given beside it (tolerance 1 day)",
                        }
                    )
                continue
        out.append(f)
    return out, problems


# -- relative dates --------------------------------------------------------------------------------
def _anchor_relative(
    r: Relative, found: list[Found], folded: str, dct: dt.date | None
) -> tuple[Found, dict[str, Any] | None] | None:
    detail: dict[str, Any] = {"relative": r.kind, "amount": r.amount, "unit": r.unit, "direction": r.direction}
    if r.kind in ("deictic", "weekday", "period"):
        if dct is None:
            return None
        if r.kind == "weekday":
            assert r.weekday is not None
            day = weekday_before(dct, r.weekday, r.direction)
            return _relative_found(r, day, "day", "document-date", detail), None
        day = shift(dct, r.direction * r.amount, r.unit)
        precision = "day" if r.kind == "deictic" else r.unit
        return _relative_found(r, day, precision, "document-date", detail), None
    sentence_start = _sentence_start(folded, r.start)
    before = [f for f in found if sentence_start <= f.start and f.end <= r.start and f.date.calendar is not None]
    prev = before[-1] if before else None
    if r.object_follows:
        after = _date_right_after(found, folded, r.end)
        if after is not None:
            # "89 days after 7 October 2023": the phrase dates what it describes
            day = shift(after.date.first_day(), r.direction * r.amount, r.unit)
            f = _relative_found(r, day, _precision(r.unit, after), "fact", detail, end=after.end)
            f.detail["anchor_date"] = after.date.value
            given = prev or _date_in_apposition(found, folded, after.end)  # "..., on 28 October 2023"
            problem = _check_interval(r, given, f) if given is not None else None
            return f, problem
        if prev is not None:
            # Right after a date, an apposition: "in late March 2023, two months after the US killed X" dates X,
            # two months before. In a later clause: "posted yesterday, and stopped a week after that" counts on.
            onward = _NEW_CLAUSE.search(folded[prev.end : r.start]) or _ANAPHOR.match(folded, r.end)
            sign = 1 if onward else -1
            day = shift(prev.date.first_day(), sign * r.direction * r.amount, r.unit)
            f = _relative_found(r, day, _precision(r.unit, prev), "fact", detail)
            f.detail["anchor_date"] = prev.date.value
            return f, None
        return None
    if prev is None:  # "The raid was on 7 October. Three days later ...": the paragraph's last date
        paragraph_start = max(folded.rfind("\n\n", 0, r.start), r.start - 400)
        earlier = [f for f in found if paragraph_start <= f.start and f.end <= r.start and f.form != "relative"]
        if earlier and r.direction > 0:
            prev = earlier[-1]
    if r.direction < 0 and r.unit and dct is not None and prev is None:
        day = shift(dct, -r.amount, r.unit)  # "three days ago"
        return _relative_found(r, day, _precision(r.unit, None), "document-date", detail), None
    if prev is not None:
        day = shift(prev.date.first_day(), r.direction * r.amount, r.unit)  # "three days later"
        f = _relative_found(r, day, _precision(r.unit, prev), "fact", detail)
        f.detail["anchor_date"] = prev.date.value
        given = _date_in_apposition(found, folded, r.end)  # "a week later, on 26 October 2023": checkable
        return f, (_check_interval(r, given, f) if given is not None else None)
    return None


_APPOSITION = re.compile(r"\s*[,،(]?\s*(?:on|in|the|في|يوم)?\s*")


def _date_in_apposition(found: list[Found], folded: str, pos: int) -> Found | None:
    """A date given right after a relative phrase, as its apposition: "a week later, on 26 October 2023"."""
    for f in found:
        if f.start >= pos and f.form != "relative" and _APPOSITION.fullmatch(folded, pos, f.start):
            return f
    return None


def _relative_found(
    r: Relative, day: dt.date, precision: str, anchor: str, detail: dict[str, Any], end: int | None = None
) -> Found:
    value = {"day": day.isoformat(), "week": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}
    date = PartialDate(value[precision], anchor=anchor)
    return Found(r.start, end if end is not None else r.end, date, 0.8, "relative", r.lang, detail)


def _precision(unit: str, anchor: Found | None) -> str:
    if unit in ("day", "week"):
        return "day" if anchor is None or anchor.date.precision.value == "day" else anchor.date.precision.value
    return unit


def _date_right_after(found: list[Found], folded: str, pos: int) -> Found | None:
    for f in found:
        gap = folded[pos : f.start] if f.start >= pos else None
        if gap is not None and re.fullmatch(r"\s*(?:the|on|من|في|يوم)?\s*", gap):
            return f
    return None


def _check_interval(r: Relative, stated: Found, computed: Found) -> dict[str, Any] | None:
    """'4 Jan 2024, 89 days after 7 Oct 2023': both ends are given, so the count can be checked."""
    if stated.date.precision.value != "day" or computed.date.precision.value != "day" or r.unit not in ("day", "week"):
        return None
    expected = computed.date.first_day()
    actual = stated.date.first_day()
    if abs((actual - expected).days) <= 1:
        computed.detail["checked_against"] = stated.date.value
        return None
    anchor = dt.date.fromisoformat(computed.detail["anchor_date"])
    return {
        "check": "stated_interval_wrong",
        "start": stated.start,
        "end": computed.end,
        "stated": f"{r.amount} {r.unit}{'s' if r.amount != 1 else ''}",
        "stated_date": stated.date.value,
        "anchor_date": anchor.isoformat(),
        "expected_date": expected.isoformat(),
        "actual_interval_days": (actual - anchor).days,
        "why": f"{stated.date.value} is {(actual - anchor).days} days after {anchor.isoformat()}, "
        f"not {r.amount} {r.unit}{'s' if r.amount != 1 else ''}",
    }


def _check_weekday(f: Found) -> dict[str, Any] | None:
    """ "Thursday 12 October 2024": 12 October 2024 is a Saturday."""
    if f.detail.get("weekday_matches") is not False:
        return None
    actual = _WEEKDAYS[f.date.first_day().weekday()]
    return {
        "check": "weekday_mismatch",
        "start": f.start,
        "end": f.end,
        "date": f.date.value,
        "weekday_written": f.detail["weekday"],
        "weekday_of_date": actual,
        "why": f"{f.date.value} is a {actual}, not a {f.detail['weekday']} as written",
    }


_YEARS = r"(?P<y>\d{1,2}|سنه|سنتين|عام|عامين)\s*(?:سنوات|سنه|سنين|اعوام|عام|years?)?"
_MONTHS = r"(?P<m>\d{1,2}|شهر|شهرين)\s*(?:اشهر|شهور|شهرا|شهر|months?)?"
_STATED_LENGTH = re.compile(
    rf"\s*\(\s*(?:{_YEARS}(?:\s*(?:و|and|,)\s*{_MONTHS})?|{_MONTHS.replace('?P<m>', '?P<m2>')})\s*\)"
)
_WORD_COUNT = {"سنه": 1, "عام": 1, "سنتين": 2, "عامين": 2, "شهر": 1, "شهرين": 2}


def _check_stated_length(f: Found, folded: str) -> dict[str, Any] | None:
    """'أكتوبر 2019 ـ فبراير 2022 (3 سنوات و5 أشهر)': a range followed by its length can be checked."""
    if f.date.end is None or f.date.precision.value != "month" or f.date.calendar is not Calendar.GREGORIAN:
        return None
    m = _STATED_LENGTH.match(folded, f.end)
    if not m or not (m.group("y") or m.group("m") or m.group("m2")):
        return None
    years = _count(m.group("y")) if m.group("y") and re.search(r"سن|عام|اعوام|year", m.group(0)) else 0
    month_word = m.group("m") or m.group("m2")
    months = _count(month_word) if month_word else 0
    stated = years * 12 + months
    start, end = f.date.first_day(), dt.date.fromisoformat(f.date.end + "-01")
    actual = (end.year - start.year) * 12 + end.month - start.month
    if stated == 0 or abs(stated - actual) <= 1:
        return None
    return {
        "check": "stated_length_wrong",
        "start": f.start,
        "end": m.end(),
        "stated_months": stated,
        "actual_months": actual,
        "range": [f.date.value, f.date.end],
        "why": f"{f.date.value} to {f.date.end} is {actual // 12} years {actual % 12} months, "
        f"not the {stated // 12} years {stated % 12} months stated",
    }


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORD_COUNT.get(word, 0)


def _sentence_start(folded: str, pos: int) -> int:
    window_start = max(0, pos - 300)
    last = None
    for m in _SENTENCE_END.finditer(folded, window_start, pos):
        last = m.end()
    return last if last is not None else window_start
