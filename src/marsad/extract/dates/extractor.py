"""DateExtractor: a document's text -> `date` facts (and `inconsistency` facts) with exact evidence spans.

The pipeline, in order: every date written out (grammar.py, filtered by guards.py) -> those with their year
resolved -> dual Hijri/Gregorian pairs (checks.py) -> the document's own date (document_date.py) -> the
rest read in text order (anchor.py): months and days without a year, relative phrases, each counted from
the document's date or the date just given -> the checks of stated intervals, lengths and weekdays.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from typing import Any

from marsad.extract.base import Member
from marsad.extract.dates import document_date as dd
from marsad.extract.dates.anchor import Context, anchor_partial, anchor_relative
from marsad.extract.dates.calendar import hijri_month_span, hijri_to_gregorian, hijri_year_span
from marsad.extract.dates.checks import (
    WEEKDAYS,
    check_stated_length,
    check_weekday,
    check_weekday_apposition,
    check_years_told_twice,
    pair_duals,
)
from marsad.extract.dates.grammar import find_absolute
from marsad.extract.dates.guards import keep
from marsad.extract.dates.mention import Found, Mention
from marsad.extract.dates.relative import find_relative
from marsad.model import Calendar, Document, PartialDate, Span, Statement
from marsad.text.fold import Folded, fold_with_offsets

_RANGE_GAP = re.compile(r"^\s*(?:[-–—ـ]+|to|until|till|through|الى|إلى|حتى)\s*$")
_BETWEEN_GAP = re.compile(r"^\s*(?:and|و)\s*$")  # a range only after "between": "between May 2022 and June 2023"
_BETWEEN = re.compile(r"(?:between|بين)(?:\s+(?:عامي|سنتي|شهري|the\s+years))?\s*$")
_FROM = re.compile(r"(?:from|من|منذ)\s*$")
_FATHER = re.compile(r"(?<![\u0621-\u064a])أب(?![\u0621-\u064a])")


class DateExtractor(Member):
    NAME = "dates"
    VERSION = "2.5"

    def __init__(self) -> None:
        # The series, campaign and statement extractors of its set date what they find with this one: the same
        # document object asked twice in a row is answered from memory (facts are immutable).
        self._last: tuple[Document, list[Statement], dd.DocumentDate] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"_last": None}

    def extract(self, doc: Document) -> list[Statement]:
        return list(self._run(doc)[0])

    def document_date(self, doc: Document) -> dd.DocumentDate:
        """The document's own date (metadata, URL or dateline), with every candidate and where it came from."""
        return self._run(doc)[1]

    def _run(self, doc: Document) -> tuple[list[Statement], dd.DocumentDate]:
        last = self._last
        if last is not None and last[0] is doc:
            return last[1], last[2]
        facts, document = self._extract(doc)
        self._last = (doc, facts, document)
        return facts, document

    def _extract(self, doc: Document) -> tuple[list[Statement], dd.DocumentDate]:
        folded = fold_with_offsets(doc.text)
        mentions = _link_ranges(_select(_candidates(folded, doc.text)), folded, doc.text)
        _numeric_order(mentions)
        complete = [f for m in mentions if m.year is not None and (f := _resolve(m)) is not None]
        complete, problems = pair_duals(complete, folded)
        document = dd.choose(doc, folded.text, complete)
        problems += list(document.problems)
        _settle_by_document(complete, document.day())
        for f in complete:
            if document.chosen and document.chosen.span == (f.start, f.end):
                f.detail["document_date"] = True
                f.detail["document_date_from"] = document.chosen.source
        ctx = Context(folded.text, document, sorted(complete, key=lambda f: f.start))
        ctx.current_months = [m.month for m in mentions if m.relation in ("الجاري", "الحالي") and m.month]
        taken = [(m.start, m.end) for m in mentions]
        pending: list[tuple[int, Any]] = [(m.start, m) for m in mentions if m.year is None]
        pending += [(r.start, r) for r in find_relative(folded.text) if not _overlaps(r.start, r.end, taken)]
        # months and days without a year first (they lean on written-out dates only), then the relative phrases,
        # which may count from them ("twelve days after the 7 October attack")
        for _, item in sorted(pending, key=lambda p: (not isinstance(p[1], Mention), p[0])):
            f = anchor_partial(item, ctx) if isinstance(item, Mention) else anchor_relative(item, ctx)
            if f is not None:
                ctx.add(f)
        found = ctx.found
        problems += ctx.problems
        problems += [p for f in found if (p := check_stated_length(f, folded.text)) is not None]
        problems += [p for f in found if (p := check_weekday(f)) is not None]
        problems += check_weekday_apposition(found, folded.text)
        page = document.date.first_day() if document.date is not None else None
        problems += check_years_told_twice(found, folded.text, page)
        facts = [self._statement(doc, folded, f) for f in found]
        facts += [self._inconsistency(doc, folded, p) for p in problems]
        return facts, document

    def _statement(self, doc: Document, folded: Folded, f: Found) -> Statement:
        start, end = folded.original_span(f.start, f.end)
        while end < len(doc.text) and doc.text[end] == "ـ":  # "هـ": the tatweel folded away belongs to the mark
            end += 1
        detail = {"form": f.form, "lang": f.lang, **f.detail}
        detail.pop("range_end_at", None)
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
        p = dict(p)
        start, end = folded.original_span(p.pop("start"), p.pop("end"))
        return Statement(
            kind="inconsistency",
            predicate=p["check"],
            evidence=(Span(doc.id, start, end),),
            extractor=self.NAME,
            extractor_version=self.VERSION,
            confidence=p.pop("confidence", 0.9),
            detail=p,
        )


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


# -- candidates ------------------------------------------------------------------------------------
def _candidates(folded: Folded, original: str) -> list[tuple[int, Mention]]:
    out = []
    for priority, m in enumerate(find_absolute(folded.text)):
        if m.lang == "ar" and m.month == 8 and _FATHER.search(original[slice(*folded.original_span(m.start, m.end))]):
            continue  # «أب» (father, or a cut «أبو») folds like the Levantine month «آب»
        if m.start > 0 and folded.text[m.start - 1].isascii() and folded.text[m.start - 1].isalpha():
            # "First issueOctober 16, 2015": words glued by page scraping; accept only a capital after a small letter
            o = folded.offsets[m.start]
            if not (o > 0 and original[o].isupper() and original[o - 1].islower()) and not _label_before(original, o):
                continue
        if not keep(m, folded, original):
            continue
        out.append((priority, m))
    return out


_LABEL = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{2,}$")


def _label_before(original: str, pos: int) -> bool:
    """ "Died29 April 2023": an infobox label glued to the date that follows it."""
    return original[pos : pos + 1].isdigit() and _LABEL.search(original, max(0, pos - 20), pos) is not None


def _select(cands: list[tuple[int, Mention]]) -> list[Mention]:
    """Longest first, then the more specific form; no two selected mentions overlap. The chosen ones are kept in
    start order, so each candidate is checked against its two neighbours only (linear in a long document)."""
    starts: list[int] = []
    chosen: list[Mention] = []
    for _, m in sorted(cands, key=lambda pm: (-(pm[1].end - pm[1].start), pm[0])):
        i = bisect.bisect_left(starts, m.start)
        if (i > 0 and chosen[i - 1].end > m.start) or (i < len(chosen) and chosen[i].start < m.end):
            continue
        starts.insert(i, m.start)
        chosen.insert(i, m)
    return chosen


def _link_ranges(mentions: list[Mention], folded: Folded, original: str) -> list[Mention]:
    """'October 2019 – February 2022', 'from 2009 to 2011', 'between 2014 and 2016': two dates joined as a
    range. Each stays its own fact (TimeML's way: each end is a date of its own); the first carries the
    range's end, the second says it ends one."""
    for prev, m in itertools.pairwise(mentions):
        if (
            prev.calendar != "gregorian"
            or m.calendar != "gregorian"
            or prev.end_month is not None
            or prev.end_day is not None
            or prev.end_year is not None
            or prev.granularity
            or m.granularity
        ):
            continue
        a, _ = folded.original_span(prev.end, prev.end)
        b, _ = folded.original_span(m.start, m.start)
        gap = original[a:b]
        left = folded.text[max(0, prev.start - 16) : prev.start]
        between = _BETWEEN_GAP.match(gap) and _BETWEEN.search(left)
        if not ((_RANGE_GAP.match(gap) or between) and _same_shape(prev, m)):
            continue
        if (
            _RANGE_GAP.match(gap)
            and gap.strip() in ("to", "until", "till", "through", "الى", "إلى", "حتى")
            and not (_FROM.search(left) or prev.year is None or prev.month is not None)
        ):
            continue  # "raised from 2009 to 2011 levels" needs "from"; "2009 to 2011" alone may be a count
        if prev.year is None and m.year is not None:
            prev.year = m.year if (prev.month or 0) <= (m.month or 0) else m.year - 1
        if m.year is None and prev.year is not None:
            m.year = prev.year if (m.month or 0) >= (prev.month or 0) else prev.year + 1
        if (
            prev.year is not None
            and m.year is not None
            and (prev.year, prev.month or 1, prev.day or 1)
            >= (
                m.year,
                m.month or 12,
                m.day or 31,
            )
        ):
            continue  # "2024 – 2023": not a range (a list, or two dates that happen to meet)
        prev.end_year, prev.end_month, prev.end_day = m.year, m.month, m.day
        prev.detail["range_end_at"] = m.end
        prev.detail["range"] = "start"
        m.detail["range"] = "end"
    return mentions


def _same_shape(a: Mention, b: Mention) -> bool:
    return (a.day is None) == (b.day is None) and (a.month is None) == (b.month is None)


def _numeric_order(mentions: list[Mention]) -> None:
    """An ambiguous 3/4/2024 follows the document's own convention when another numeric date shows it
    (19/1/2024 is day-first, 1/19/2024 month-first); otherwise day-first, with both readings kept."""
    numeric = [m for m in mentions if m.form in ("numeric", "numeric-short")]
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


def _settle_by_document(found: list[Found], day: dt.date | None) -> None:
    """3/4/2024 or 7/8/07 with no convention in the document: the reading on or before the document's date
    and nearest to it (a page dated 9 July 2007 means 8 July by 7/8/07, not 7 August)."""
    if day is None:
        return
    for f in found:
        readings = f.detail.get("readings")
        if not f.detail.get("ambiguous") or not readings:
            continue
        past = [r for r in readings if dt.date.fromisoformat(r) <= day + dt.timedelta(days=1)]
        if not past:
            continue
        best = max(past, key=dt.date.fromisoformat)
        f.date = PartialDate(best, anchor="absolute")
        f.detail["ambiguous"] = False
        f.detail["order_from"] = "the document's date"
        f.confidence = 0.7


# -- resolution of dates written with their year -----------------------------------------------------
def _resolve(m: Mention) -> Found | None:
    detail: dict[str, Any] = dict(m.detail)
    if m.calendar == "hijri":
        return _resolve_hijri(m)
    assert m.year is not None
    year = m.year
    confidence = 0.5 if m.detail.get("ambiguous") else (0.8 if "order_from" in m.detail else m.confidence)
    value = _iso(year, m.month, m.day)
    end = None
    if m.end_day is not None:
        end = _iso(m.end_year or year, m.end_month or m.month, m.end_day)
    elif m.end_month is not None or m.end_year is not None:
        end = _iso(m.end_year or year, m.end_month, m.end_day)
    if m.part:
        detail["part"] = m.part
    if m.relation:
        detail["relation"] = m.relation
    try:
        date = PartialDate(value, end=end if end != value else None, anchor="absolute", granularity=m.granularity)
    except ValueError:
        return None
    if m.weekday is not None and date.precision.value == "day":
        detail["weekday"] = WEEKDAYS[m.weekday]
        detail["weekday_matches"] = date.first_day().weekday() == m.weekday
    return Found(m.start, m.end, date, confidence, m.form, m.lang, detail)


def _resolve_hijri(m: Mention) -> Found | None:
    if m.year is None:
        return None
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
