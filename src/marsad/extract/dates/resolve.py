"""Fix what the text leaves open: the year of "3 August", the month of "غشت الجاري", relative offsets.

A missing year comes, in this order, from a date of the same month that states its year in the
document, from the document's own date, or from the nearest stated year; how is recorded.
"""

from __future__ import annotations

import calendar
import datetime as dt

from marsad.extract.dates.mention import Mention


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    if unit == "month":
        return add_months(day, amount)
    return add_months(day, 12 * amount)


def resolve_year(m: Mention, mentions: list[Mention], dct: dt.date | None) -> tuple[int, str, float] | None:
    """(year, how, confidence) for a Gregorian mention that has a month but no year."""
    month = m.month or 1
    if m.relation and dct is not None:
        if m.relation in ("الجاري", "الحالي"):
            return dct.year, "document-date (current month)", 0.9
        if m.relation in ("الماضي", "المنصرم"):
            return (dct.year if month < dct.month else dct.year - 1), "document-date (last such month)", 0.9
        return (dct.year if month > dct.month else dct.year + 1), "document-date (next such month)", 0.85
    dated = [o for o in mentions if o is not m and o.year is not None and o.calendar == "gregorian"]
    same_month = [o for o in dated if o.month == month or o.end_month == month]
    if same_month:
        nearest = min(same_month, key=lambda o: abs(o.start - m.start))
        return nearest.year or 0, "context (a date of the same month states its year)", 0.85
    if dct is not None:
        year = dct.year
        if dt.date(year, month, min(m.day or 1, 28)) > dct + dt.timedelta(days=31):
            year -= 1  # reports look back: "3 December" in a January article is last December
        return year, "document-date", 0.8
    if dated:
        nearest = min(dated, key=lambda o: abs(o.start - m.start))
        return nearest.year or 0, "context (the nearest stated year)", 0.7
    return None


def weekday_before(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """'last Thursday' (direction -1), 'next Thursday' (+1), 'this Thursday' (0: the one of this week)."""
    if direction < 0:
        delta = (dct.weekday() - weekday) % 7 or 7
        return dct - dt.timedelta(days=delta)
    if direction > 0:
        delta = (weekday - dct.weekday()) % 7 or 7
        return dct + dt.timedelta(days=delta)
    return dct + dt.timedelta(days=weekday - dct.weekday())
