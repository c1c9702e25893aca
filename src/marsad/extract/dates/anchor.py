"""Anchoring: the year of "3 August", the day of "on Thursday", the week of "last week", the date of "the
next day" — each from the document's date or from the date the text gave just before, with how recorded.

Read in text order, the way a reader reads: a date written out in full becomes the reference for what
follows it in its paragraph ("On 7 October 2023 ... the next day ..."); phrases about the present ("today",
"last week", "in June") count from the document's date, in the direction the clause's tense says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.dates.calendar import gregorian_to_hijri, hijri_month_span
from marsad.extract.dates.checks import WEEKDAYS, check_interval
from marsad.extract.dates.document_date import DocumentDate
from marsad.extract.dates.mention import Found, Mention
from marsad.extract.dates.relative import Relative
from marsad.extract.dates.resolve import (
    Interval,
    add_months,
    choose_year,
    month_interval,
    months_interval,
    quarter_interval,
    season_interval,
    shift,
    week_of,
    weekday_near,
    weekend_of,
)
from marsad.extract.dates.tense import tense
from marsad.model import Calendar, PartialDate

_SENTENCE_END = re.compile(r"[.!?؟\n]\s")
_PARAGRAPH_REACH = 600  # how far back "the next day" looks for the date it counts from
_NEW_CLAUSE = re.compile(r"(?:\band\b|\bthen\b|;|؛|،\s*و|\sثم\s|\sو(?=[\u0621-\u064a]{3}))")
_ANAPHOR = re.compile(r"\s*(?:من\s+)?(?:that|this|it|ذلك|هذا|ذاك|ذلك\s+التاريخ)(?![\w])")
# what may stand between a date and "N units after X" that dates X from it: anything but a that-clause of reported
# content ("in June, after assuring that X was arrested a month before ..." does not date the arrest from June)
_THAT = r"\b(?:[a-z]+(?:ing|ed)|says?|told|tells|claims?|reports?|believes?|shows?|suggests?|insists?)\s+that\b"
_APPOSED = re.compile(rf"(?:(?!{_THAT}|(?<![\u0621-\u064a])[اإ]ن(?![\u0621-\u064a])).)*", re.S)
_APPOSITION = re.compile(r"\s*[,،(]?\s*(?:on|in|the|في|يوم)?\s*")
_RIGHT_AFTER = re.compile(r"\s*(?:the|on|من|في|يوم)?\s*")
# "89 days after the Hamas attack of 7 October", «بعد 89 يوما من هجوم 7 أكتوبر»: the object named in up to three
# words, then its date; a comma between them makes the date the phrase's own ("three days after the attack, on ...")
_NAMED_THEN_DATE = re.compile(r"\s*(?:the|من)?\s*(?:[^\W\d_]+\s+){1,3}(?:of|on|in|في|يوم)?\s*")
_CURRENT = ("الجاري", "الحالي")
_LAST = ("الماضي", "المنصرم", "الفائت")


@dataclass(slots=True)
class Context:
    folded: str
    document: DocumentDate
    found: list[Found] = field(default_factory=list)  # resolved so far, in text order
    problems: list[dict[str, Any]] = field(default_factory=list)
    current_months: list[int] = field(default_factory=list)  # «غشت الجاري»: months the text calls current

    def dct(self, pos: int) -> PartialDate | None:
        """The date of the document, or of the section (a post of an archive page) that `pos` falls in."""
        return self.document.at(pos).date

    def bounds(self, pos: int) -> tuple[dt.date, dt.date] | None:
        d = self.dct(pos)
        return (d.first_day(), d.last_day()) if d is not None else None

    def day(self, pos: int) -> dt.date | None:
        d = self.dct(pos)
        return d.first_day() if d is not None and d.precision.value == "day" and d.end is None else None

    def add(self, f: Found) -> None:
        i = len(self.found)
        while i > 0 and self.found[i - 1].start > f.start:
            i -= 1
        self.found.insert(i, f)


# -- partial dates: a month (and day) without its year, a Hijri month without its year -------------------
def anchor_partial(m: Mention, ctx: Context) -> Found | None:
    if m.calendar == "hijri":
        return _hijri_partial(m, ctx)
    assert m.month is not None
    month, day = m.month, m.day
    detail: dict[str, Any] = dict(m.detail)
    resolved = _year_of(m, ctx)
    if resolved is None:
        return None
    year, how, confidence = resolved
    detail["year_from"] = how
    anchor = "document-date" if how.startswith("document-date") else "context"
    end = None
    if m.end_day is not None and m.end_month is None:
        end = f"{year:04d}-{month:02d}-{m.end_day:02d}"
    elif m.end_month is not None:
        end_year = m.end_year or (year if m.end_month >= month else year + 1)
        end = f"{end_year:04d}-{m.end_month:02d}" + (f"-{m.end_day:02d}" if m.end_day else "")
    value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    if m.part:
        detail["part"] = m.part
    if m.relation:
        detail["relation"] = m.relation
    try:
        date = PartialDate(value, end=end, anchor=anchor)
    except ValueError:
        return None  # 29 February of a year without one
    if m.weekday is not None and day is not None:
        detail["weekday"] = WEEKDAYS[m.weekday]
        detail["weekday_matches"] = date.first_day().weekday() == m.weekday
    return Found(m.start, m.end, date, min(confidence, m.confidence), m.form, m.lang, detail)


def _year_of(m: Mention, ctx: Context) -> tuple[int, str, float] | None:
    """(year, how, confidence) for a Gregorian month or day written without its year."""
    month, day = m.month or 1, m.day

    def interval(year: int) -> Interval:
        first, last = month_interval(year, month)
        if day is not None:
            first = last = dt.date(year, month, min(day, last.day))
        return first, last

    rel = m.detail.get("year_relation")
    bounds = ctx.bounds(m.start)
    if rel in ("this", "last", "next") and bounds is not None:
        return bounds[0].year + {"this": 0, "last": -1, "next": 1}[rel], f"document-date ({rel} year)", 0.9
    if rel in ("same", "following", "previous"):
        ref = _reference(ctx, m.start, "year")
        if ref is not None:
            return (
                ref.date.first_day().year + {"same": 0, "following": 1, "previous": -1}[rel],
                "context (that year)",
                0.8,
            )
    if m.relation:
        if bounds is None:
            bounds = _writing_date(ctx)
        if bounds is not None:
            low, high = bounds
            if m.relation in _CURRENT:
                return high.year if month <= high.month else low.year, "document-date (current month)", 0.9
            if m.relation in _LAST:
                return (high.year if month < high.month else high.year - 1), "document-date (last such month)", 0.9
            return (low.year if month > low.month else low.year + 1), "document-date (next such month)", 0.85
        # "last March", «مارس الماضي» count from the day of writing: with no date of the page, no year — a year the
        # text mentions is another time's
        return None
    same_sentence = _sentence_year(ctx, m)
    if same_sentence is not None:
        return same_sentence, "context (a date of the same sentence states its year)", 0.85
    if bounds is not None:
        t = tense(ctx.folded, m.start, m.end)
        return choose_year(interval, bounds[0], bounds[1], t), f"document-date ({t or 'no tense cue'})", 0.8
    same_month = [f for f in _explicit(ctx) if f.date.first_day().month == month and f.date.precision.value != "year"]
    if same_month:
        nearest = min(same_month, key=lambda f: abs(f.start - m.start))
        return nearest.date.first_day().year, "context (a date of the same month states its year)", 0.8
    ref = _narrative_reference(ctx, m.start)
    if ref is not None:
        return _forward(ref, interval), "context (the latest year of the paragraph before)", 0.7
    return None


def _narrative_reference(ctx: Context, pos: int) -> Found | None:
    """In a page with no date of its own: the latest date stated in the paragraph so far, else in the nearest
    paragraph before that states one ("less active in 2020 than in 2019. / ... in Ramadan (April 23-May 23)"
    is 2020)."""
    before = [f for f in _explicit(ctx) if f.end <= pos]
    if not before:
        return None
    paragraph = ctx.folded.rfind("\n", 0, pos)
    here = [f for f in before if f.start > paragraph]
    if not here and paragraph > 0:  # only the paragraph right before: further back, the story may have moved on
        previous = ctx.folded.rfind("\n", 0, paragraph)
        here = [f for f in before if previous < f.start < paragraph]
    return max(here, key=lambda f: f.date.first_day()) if here else None


def _explicit(ctx: Context) -> list[Found]:
    """Gregorian dates the text writes out with their year (not relative, not the page's own date line)."""
    return [
        f
        for f in ctx.found
        if f.form != "relative" and f.date.calendar is Calendar.GREGORIAN and "year_from" not in f.detail
    ]


def _writing_date(ctx: Context) -> tuple[dt.date, dt.date] | None:
    """A page without a date was written after the latest date it states; "غشت الجاري" (this August) then
    names the first August from that floor on, and "أبريل الماضي" the April before it."""
    stated = [
        f.date.first_day() if f.date.precision.value == "year" and not f.date.end else f.date.last_day()
        for f in _explicit(ctx)
        if 1900 < f.date.first_day().year < 2100
    ]
    if not stated or not ctx.current_months:
        return None  # without a month the text calls current, the writing date is only a lower bound
    floor = max(stated)
    if ctx.current_months:
        month = ctx.current_months[0]
        year = floor.year if month >= floor.month else floor.year + 1
        floor = dt.date(year, month, 1)
    return floor, floor


def _forward(ref: Found, interval: Any) -> int:
    """A narrative moves forward: "killed on 27 October 2019 ... confirmed on 31 October" is 31 October 2019,
    "in October 2019 ... in March" is March 2020."""
    year = ref.date.first_day().year
    return year if interval(year)[1] >= ref.date.first_day() else year + 1


_RELATIVE_OPENER = re.compile(r"[,،]\s*(?:who|which|whose|الذي|التي|الذين)\s")


def _closed_relative(folded: str, sentence_start: int, f: Found, at: int) -> bool:
    """Is `f` inside a relative clause (", which ... ,") that closes before the mention at `at`?"""
    if f.start > at:
        return False
    opener = _RELATIVE_OPENER.search(folded, max(sentence_start, f.start - 120), f.start)
    return opener is not None and ("," in folded[f.end : at] or "،" in folded[f.end : at])


def _sentence_year(ctx: Context, m: Mention) -> int | None:
    start, end = _sentence_bounds(ctx.folded, m.start)
    stated = [
        f
        for f in _explicit(ctx)
        if start <= f.start < end and f.start != m.start and not _closed_relative(ctx.folded, start, f, m.start)
    ]  # not "ISIS-K, which split ... in 2015, claimed on 27 August": a year closed in a relative clause before
    if not stated:
        return None
    same_month = [
        f for f in stated if f.date.first_day().month == m.month or (f.date.end or "")[5:7] == f"{m.month:02d}"
    ]
    nearest = min(same_month or stated, key=lambda f: abs(f.start - m.start))
    if same_month or nearest.start < m.start:
        return nearest.date.first_day().year
    return None


def _hijri_partial(m: Mention, ctx: Context) -> Found | None:
    """ "during Ramadan" (the Ramadan before the document's date), "Ramadan 2020" (the Ramadan of 2020)."""
    assert m.month is not None
    month = m.month
    gyear = m.detail.get("gregorian_year")
    hy: int | None = None
    if gyear:
        guess = round((int(gyear) - 622) * 33 / 32)
        for y in range(guess - 1, guess + 3):
            try:
                if hijri_month_span(y, month)[0].year == gyear:
                    hy = y
                    break
            except (ValueError, OverflowError):
                continue
        how = "context (the Gregorian year written beside it)"
    else:
        bounds = ctx.bounds(m.start)
        if bounds is None:
            return None
        low, high = bounds
        now = int(gregorian_to_hijri(low)[:4])
        t = tense(ctx.folded, m.start, m.end)
        spans = {}
        for y in (now - 1, now, now + 1):
            try:
                spans[y] = hijri_month_span(y, month)
            except (ValueError, OverflowError):
                continue
        if m.relation in _LAST:  # «رمضان الماضي»: the last one that has ended, not the one under way
            ended = [y for y, sp in spans.items() if sp[1] < low]
            hy, how = (ended[-1] if ended else None), "document-date (last such month)"
        elif m.relation in _CURRENT:
            hy = next((y for y, sp in spans.items() if sp[0] <= high and low <= sp[1]), None)
            hy = hy if hy is not None else next((y for y, sp in spans.items() if sp[0] > high), None)
            how = "document-date (current month)"
        elif m.relation:  # المقبل, القادم: the next one to begin
            hy, how = next((y for y, sp in spans.items() if sp[0] > high), None), "document-date (next such month)"
        elif t == "future":
            hy = next((y for y, sp in spans.items() if sp[1] >= low), None)
            how = f"document-date ({t})"
        else:
            past = [y for y, sp in spans.items() if sp[0] <= high]
            hy = past[-1] if past else None
            how = f"document-date ({t or 'no tense cue'})"
    if hy is None:
        return None
    first, last = hijri_month_span(hy, month)
    date = PartialDate(
        first.isoformat(),
        calendar=Calendar.HIJRI,
        end=last.isoformat(),
        hijri=f"{hy:04d}-{month:02d}",
        uncertainty_days=1,
        anchor="document-date" if how.startswith("document") else "context",
    )
    return Found(m.start, m.end, date, 0.75, m.form, m.lang, {**m.detail, "year_from": how})


# -- relative phrases ------------------------------------------------------------------------------------
def anchor_relative(r: Relative, ctx: Context) -> Found | None:
    detail: dict[str, Any] = {"relative": r.kind, "amount": r.amount, "unit": r.unit, "direction": r.direction}
    if r.kind == "deictic":
        return _deictic(r, ctx, detail)
    if r.kind == "weekday":
        return _weekday(r, ctx, detail)
    if r.kind == "day_of_month":
        bounds = ctx.bounds(r.start)
        if bounds is None or bounds[0].replace(day=1) != bounds[1].replace(day=1):
            return None  # the document's month must be known
        first = add_months(bounds[0].replace(day=1), r.direction or 0)
        last = add_months(first, 1) - dt.timedelta(days=1)
        if r.amount > last.day:
            return None
        return _found(r, PartialDate(first.replace(day=r.amount).isoformat()), detail, 0.85, "document-date")
    if r.kind in ("period", "quarter", "season"):
        return _period(r, ctx, detail)
    if r.kind == "decade":
        assert r.decade is not None
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(r.part or "", (0, 9))
        return _found(r, PartialDate(str(r.decade + lo), end=str(r.decade + hi), granularity="decade"), detail, 0.8)
    if r.kind in ("anaphoric", "anaphoric-weekday"):
        return _anaphoric(r, ctx, detail)
    if r.kind == "anniversary":
        return _anniversary(r, ctx, detail)
    if r.kind == "ago":
        bounds = ctx.bounds(r.start)
        if bounds is None or (r.unit in ("day", "week") and ctx.day(r.start) is None):
            return None
        day = shift(bounds[0], -r.amount, r.unit)
        return _found(
            r, _at_precision(day, r.unit), {**detail, "anchor_date": bounds[0].isoformat()}, 0.8, "document-date"
        )
    return _offset(r, ctx, detail)


def _found(
    r: Relative,
    date: PartialDate,
    detail: dict[str, Any],
    confidence: float,
    anchor: str = "absolute",
    end: int | None = None,
) -> Found:
    if anchor != date.anchor:
        date = PartialDate(
            date.value,
            date.calendar,
            date.end,
            date.hijri,
            date.uncertainty_days,
            date.original,
            anchor,
            date.granularity,
        )
    return Found(r.start, end if end is not None else r.end, date, confidence, "relative", r.lang, detail)


def _at_precision(day: dt.date, unit: str) -> PartialDate:
    value = {"day": day.isoformat(), "week": day.isoformat(), "month": day.isoformat()[:7]}.get(unit, str(day.year))
    return PartialDate(value)


def _span(first: dt.date, last: dt.date, granularity: str | None = None, months: bool = False) -> PartialDate:
    if months:
        a, b = first.isoformat()[:7], last.isoformat()[:7]
    else:
        a, b = first.isoformat(), last.isoformat()
    return PartialDate(a, end=b if b != a else None, granularity=granularity)


def _deictic(r: Relative, ctx: Context, detail: dict[str, Any]) -> Found | None:
    today = ctx.day(r.start)
    if today is None:
        return None
    day = today + dt.timedelta(days=r.amount)
    if r.says_weekday is not None:
        detail["weekday"] = WEEKDAYS[r.says_weekday]
        if day.weekday() != r.says_weekday:
            ctx.problems.append(
                {
                    "check": "document_date_weekday",
                    "start": r.start,
                    "end": r.end,
                    "date": day.isoformat(),
                    "weekday_written": WEEKDAYS[r.says_weekday],
                    "weekday_of_date": WEEKDAYS[day.weekday()],
                    "document_date_from": ctx.document.chosen.source if ctx.document.chosen else None,
                    "why": f"the text calls {day.isoformat()} a {WEEKDAYS[r.says_weekday]}; by the document's date "
                    f"({today.isoformat()}) it is a {WEEKDAYS[day.weekday()]}",
                }
            )
    return _found(r, PartialDate(day.isoformat()), detail, 0.85, "document-date")


def _weekday(r: Relative, ctx: Context, detail: dict[str, Any]) -> Found | None:
    today = ctx.day(r.start)
    if today is None or r.weekday is None:
        return None
    t = tense(ctx.folded, r.start, r.end) if r.direction is None else None
    day = weekday_near(today, today, r.weekday, r.direction, t) - dt.timedelta(days=r.amount if r.direction else 0)
    detail["tense"] = t
    return _found(r, PartialDate(day.isoformat()), detail, 0.8, "document-date")


def _period(r: Relative, ctx: Context, detail: dict[str, Any]) -> Found | None:
    bounds = ctx.bounds(r.start)
    if bounds is None:
        return None
    low, high = bounds
    today = ctx.day(r.start)
    direction = r.direction
    t = tense(ctx.folded, r.start, r.end) if direction in (None, 0) else None
    date: PartialDate
    if r.unit in ("week", "weekend"):
        if today is None:
            return None
        if r.unit == "week":
            first, last = week_of(today + dt.timedelta(weeks=direction or 0))
            if r.sub == "earlier" and direction == 0:
                last = max(first, today - dt.timedelta(days=1))
            elif r.sub == "later" and direction == 0:
                first = min(last, today + dt.timedelta(days=1))
            date = _span(first, last, "week")
        else:
            sat, sun = weekend_of(today)
            if direction is None:
                direction = 1 if t == "future" else (-1 if sat > today else 0)
            elif direction == 0 and sat > today and (t == "past" or (t is None and today.weekday() <= 1)):
                direction = -1  # "the claims came this weekend", said on a Monday: the weekend just gone
            sat, sun = sat + dt.timedelta(weeks=direction), sun + dt.timedelta(weeks=direction)
            date = _span(sat, sun, "weekend")
    elif r.unit == "month":
        first = add_months(dt.date(low.year, low.month, 1), direction or 0)
        date = PartialDate(first.isoformat()[:7])
        if r.part:
            detail["part"] = r.part
    elif r.unit == "year":
        # "the end of the year", «أواخر العام الماضي»: the year, its part said in the detail (as TimeML's MOD)
        date = PartialDate(str(low.year + (direction or 0)))
        if r.part:
            detail["part"] = r.part
    elif r.unit in ("quarter", "half"):
        size = 3 if r.unit == "quarter" else 6
        if r.quarter is not None:
            q = r.quarter

            def interval(y: int) -> Interval:
                return quarter_interval(y, q, r.unit)

            year = low.year + direction if direction is not None else choose_year(interval, low, high, t or "past")
        else:
            index = (low.month - 1) // size + (direction or 0)
            year, q = low.year + index // (12 // size), index % (12 // size) + 1
        first, last = quarter_interval(year, q, r.unit)
        date = _span(first, last, r.unit, months=True)
    elif r.unit == "season":
        assert r.season is not None
        season = r.season

        def in_year(y: int) -> Interval:
            return season_interval(y, season)

        if direction is None or direction == 0:
            year = choose_year(in_year, low, high, t or ("past" if direction is None else None))
        elif direction < 0:
            year = max(y for y in (low.year - 1, low.year) if in_year(y)[1] < low)
        else:
            year = min(y for y in (low.year, low.year + 1) if in_year(y)[0] > high)
        first, last = season_interval(year, season)
        date = _span(first, last, "season", months=True)
    else:
        return None
    if t:
        detail["tense"] = t
    return _found(r, date, detail, 0.8, "document-date")


# a clause told in the pluperfect moves the story to an earlier, undated time: "N days later" after it counts from
# that time («وكانت قوات أمريكية قد قتلت X، وبعد يومين ...», "X had been killed; two days later ...")
_PLUPERFECT = re.compile(
    r"(?<![\u0621-\u064a])[وف]?كان(?:ت|وا)?\s+(?:[\u0621-\u064a]+\s+){0,4}قد\s+[\u0621-\u064a]{3,}"
    r"|\bhad\s+(?:been\s+|already\s+)?[a-z]+(?:ed|en|ne|lt|wn)\b"
)


def _reference(
    ctx: Context, pos: int, need: str, explicit: bool = False, reach: int | None = _PARAGRAPH_REACH
) -> Found | None:
    """The date a phrase counts from: the last date given before `pos` in its paragraph (or just before it),
    precise enough for the unit ("the next day" needs a day)."""
    start = 0 if reach is None else max(0, pos - reach)
    rank = {"day": 3, "week": 3, "weekend": 3, "month": 2, "year": 1, "quarter": 2, "half": 2, "season": 2}.get(need, 1)
    for i in range(len(ctx.found) - 1, -1, -1):
        f = ctx.found[i]
        if f.end > pos or f.start < start:
            continue
        if _PLUPERFECT.search(ctx.folded, f.end, pos):
            return None  # «وكانت القوات قد قتلت البغدادي، وبعد يومين ...»: from an undated earlier event, not this date
        if explicit and (f.form == "relative" or f.detail.get("document_date")):
            continue
        if not explicit and any(g.start < f.start and g.end >= f.end for g in ctx.found[max(0, i - 3) : i]):
            continue  # "twelve days after the 7 October attack": the phrase's date counts, not its anchor
        if f.date.calendar is not Calendar.GREGORIAN and f.date.end is not None and f.date.precision.value != "day":
            continue  # a Hijri month spans two Gregorian months: no day to count from
        precision: float = {"day": 3, "month": 2, "year": 1}[f.date.precision.value]
        if f.date.granularity in ("week", "weekend") or (f.date.end and f.date.precision.value == "day"):
            precision = 2.5  # a week or a range: not one day
        if precision >= rank:
            return f
        if need == "year":
            return f
    return None


def _anaphoric(r: Relative, ctx: Context, detail: dict[str, Any]) -> Found | None:
    if r.object_follows:  # «غداة ٧ أكتوبر»: the day after the date that follows
        after = _date_right_after(ctx.found, ctx.folded, r.end)
        if after is None or after.date.precision.value != "day":
            return None
        day = after.date.first_day() + dt.timedelta(days=r.direction or 0)
        return _found(
            r, PartialDate(day.isoformat()), {**detail, "anchor_date": after.date.value}, 0.8, "fact", end=after.end
        )
    need = "day" if r.kind == "anaphoric-weekday" else r.unit
    ref = _reference(ctx, r.start, need)
    if ref is None:
        return None
    base = ref.date.first_day()
    detail["anchor_date"] = ref.date.value
    step = (r.direction or 0) * (r.amount or 1) if r.direction else 0
    if r.kind == "anaphoric-weekday" and r.weekday is not None:
        day = week_of(base)[0] + dt.timedelta(days=r.weekday)
        return _found(r, PartialDate(day.isoformat()), detail, 0.7, "fact")
    if r.unit == "day":
        return _found(r, PartialDate((base + dt.timedelta(days=step)).isoformat()), detail, 0.8, "fact")
    if r.unit in ("week", "weekend"):
        first, last = week_of(base + dt.timedelta(weeks=step))
        return _found(r, _span(first, last, "week"), detail, 0.75, "fact")
    if r.unit == "month":
        return _found(r, PartialDate(add_months(base.replace(day=1), step).isoformat()[:7]), detail, 0.8, "fact")
    return _found(r, PartialDate(str(base.year + step)), detail, 0.8, "fact")


def _anniversary(r: Relative, ctx: Context, detail: dict[str, Any]) -> Found | None:
    """ "On the tenth anniversary of the 11 September 2001 attacks": 11 September 2011, not 2001. When the date
    of the event has no year and took the document's ("the 20th anniversary of the September 11 attacks" in a
    2021 page), that date already is the anniversary."""
    window = ctx.folded[r.end : r.end + 60]
    after = next(
        (
            f
            for f in ctx.found
            if r.end <= f.start < r.end + 60
            and f.form != "relative"
            and not re.search(r"[.;!?؟\n]", window[: f.start - r.end])
        ),
        None,
    )
    if after is None:
        return None
    detail["anniversary_of"] = after.date.value
    if str(after.detail.get("year_from", "")).startswith("document-date"):
        found = _found(r, after.date, detail, 0.75, "document-date", end=after.end)
        event = after.date.first_day()  # the event itself was N years before its anniversary
        try:
            back = event.replace(year=event.year - r.amount)
        except ValueError:
            back = event.replace(year=event.year - r.amount, day=28)
        after.date = PartialDate(back.isoformat()[: len(after.date.value)], anchor="context")
        after.detail["year_from"] = f"context (the event of its {r.amount}th anniversary)"
        return found
    first = after.date.first_day()
    try:
        day = first.replace(year=first.year + r.amount)
    except ValueError:  # 29 February
        day = first.replace(year=first.year + r.amount, day=28)
    value = {"day": day.isoformat(), "month": day.isoformat()[:7]}.get(after.date.precision.value, str(day.year))
    return _found(r, PartialDate(value), detail, 0.8, "fact", end=after.end)


def _offset(r: Relative, ctx: Context, detail: dict[str, Any]) -> Found | None:
    folded = ctx.folded
    sentence_start = _sentence_bounds(folded, r.start)[0]
    before = [f for f in ctx.found if sentence_start <= f.start and f.end <= r.start]
    prev = before[-1] if before else None
    if r.delay:  # "arrives on November 11, three days later than planned": the date just given
        if prev is None:
            return None
        return _found(r, prev.date, {**detail, "delay_of": prev.date.value}, 0.7, "fact")
    if r.object_follows:
        after = _date_right_after(ctx.found, folded, r.end) or _date_right_after(
            ctx.found, folded, r.end, _NAMED_THEN_DATE
        )
        if after is not None:
            # "89 days after 7 October 2023": the phrase dates what it describes
            given = prev or _date_in_apposition(ctx.found, folded, after.end)  # "..., on 28 October 2023"
            if given is not None and r.direction:
                _year_by_side(after, given, r.direction)
            day = shift(after.date.first_day(), (r.direction or 0) * r.amount, r.unit)
            f = _found(
                r, _at(day, r.unit, after), {**detail, "anchor_date": after.date.value}, 0.8, "fact", end=after.end
            )
            _check(r, given, f, ctx)
            return f
        if prev is not None and _APPOSED.fullmatch(folded, prev.end, r.start):
            # Right after a date, an apposition: "in late March 2023, two months after the US killed X" dates X,
            # two months before. In a later clause: "posted yesterday, and stopped a week after that" counts on.
            # A clause of its own between them ("in June, after assuring that X was arrested a month before ...")
            # leaves the phrase without a date.
            onward = _NEW_CLAUSE.search(folded[prev.end : r.start]) or _ANAPHOR.match(folded, r.end)
            sign = 1 if onward else -1
            day = shift(prev.date.first_day(), sign * (r.direction or 0) * r.amount, r.unit)
            return _found(r, _at(day, r.unit, prev), {**detail, "anchor_date": prev.date.value}, 0.75, "fact")
        if prev is None and r.unit not in ("day", "week"):
            # "The channel went live on July 29. It came one month after AQAP's first magazine": the thing after
            # "after" lies N months before the date the paragraph just gave (months and years only: too coarse
            # to mislead by a day)
            ref = _reference(ctx, r.start, r.unit)
            if ref is not None and sentence_start - ref.end < 200:
                day = shift(ref.date.first_day(), -(r.direction or 0) * r.amount, r.unit)
                return _found(r, _at_precision(day, r.unit), {**detail, "anchor_date": ref.date.value}, 0.6, "fact")
        return None
    ref = prev or _reference(ctx, r.start, r.unit if r.unit in ("day", "week") else "month")
    if ref is None:
        return None
    day = shift(ref.date.first_day(), (r.direction or 0) * r.amount, r.unit)  # "three days later"
    f = _found(r, _at(day, r.unit, ref), {**detail, "anchor_date": ref.date.value}, 0.75, "fact")
    _check(r, _date_in_apposition(ctx.found, folded, r.end), f, ctx)  # "a week later, on 26 October 2023"
    return f


def _check(r: Relative, given: Found | None, computed: Found, ctx: Context) -> None:
    if given is None:
        return
    problem = check_interval(r.amount, r.unit, given, computed)
    if problem is not None:
        ctx.problems.append(problem)


def _at(day: dt.date, unit: str, anchor: Found) -> PartialDate:
    """The precision of "N units after X": a day if the unit and X allow it, else X's or the unit's."""
    if unit in ("day", "week"):
        precision = anchor.date.precision.value
        return PartialDate(
            day.isoformat() if precision == "day" else day.isoformat()[:7] if precision == "month" else str(day.year)
        )
    return _at_precision(day, unit)


def _year_by_side(anchor: Found, given: Found, direction: int) -> None:
    """ "On 4 January 2024, 89 days after the 7 October attack": a date without its year that an interval counts
    from lies on the interval's side of the date given (before it for "after", after it for "before"), so it
    takes the year that puts it there, not the sentence's year (2024 would put it nine months later)."""
    if "year_from" not in anchor.detail or anchor.date.calendar is not Calendar.GREGORIAN or anchor.date.end:
        return
    if anchor.date.precision.value == "year" or given.date.precision.value == "year":
        return
    first, target = anchor.date.first_day(), given.date.first_day()

    def moved(year: int) -> dt.date:
        try:
            return first.replace(year=year)
        except ValueError:  # 29 February
            return first.replace(year=year, day=28)

    year = target.year
    if direction > 0 and moved(year) > target:
        year -= 1
    elif direction < 0 and moved(year) < target:
        year += 1
    if year != first.year:
        anchor.date = PartialDate(f"{year:04d}{anchor.date.value[4:]}", anchor="context")
        anchor.detail["year_from"] = "context (the date an interval counts to from it)"


def _date_in_apposition(found: list[Found], folded: str, pos: int) -> Found | None:
    for f in found:
        if f.start >= pos and f.form != "relative" and _APPOSITION.fullmatch(folded, pos, f.start):
            return f
    return None


def _date_right_after(found: list[Found], folded: str, pos: int, gap: re.Pattern[str] = _RIGHT_AFTER) -> Found | None:
    for f in found:
        if f.start >= pos and (gap is _RIGHT_AFTER or f.form != "relative") and gap.fullmatch(folded, pos, f.start):
            return f
    return None


def _sentence_bounds(folded: str, pos: int) -> tuple[int, int]:
    window_start = max(0, pos - 300)
    last = None
    for m in _SENTENCE_END.finditer(folded, window_start, pos):
        last = m.end()
    end = _SENTENCE_END.search(folded, pos)
    return (last if last is not None else window_start), (end.start() + 1 if end else len(folded))


__all__ = ["Context", "anchor_partial", "anchor_relative", "months_interval"]
