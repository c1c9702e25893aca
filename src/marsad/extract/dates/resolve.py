"""Calendar arithmetic for anchoring: shifting by units, weeks and weekends, quarters and seasons, and the
choice among the years a partial date could fall in (past or future of the document's date)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from marsad.extract.dates.lexicon import SEASON_MONTHS

Interval = tuple[dt.date, dt.date]


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
    if unit == "decade":
        return add_months(day, 120 * amount)
    return add_months(day, 12 * amount)


def month_interval(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def months_interval(year: int, first: int, last: int) -> Interval:
    """Months first..last of `year`; a span that wraps (winter, 12..2) starts in the year before."""
    start_year = year - 1 if first > last else year
    return dt.date(start_year, first, 1), month_interval(year, last)[1]


def quarter_interval(year: int, q: int, unit: str = "quarter") -> Interval:
    size = 3 if unit == "quarter" else 6
    return months_interval(year, size * q - size + 1, size * q)


def season_interval(year: int, season: str) -> Interval:
    first, last = SEASON_MONTHS[season]
    return months_interval(year, first, last)


def week_of(day: dt.date) -> Interval:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def weekend_of(day: dt.date) -> Interval:
    monday = week_of(day)[0]
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def choose_year(interval_of: Callable[[int], Interval], low: dt.date, high: dt.date, tense: str | None) -> int:
    """The year whose occurrence of a partial date fits a document written between `low` and `high` (one day,
    or the month a URL gives): the next one for a future clause, the last one for a past clause; without a
    cue the one of the document's year unless it starts more than a month after it (reports look back)."""
    years = (low.year - 1, low.year, low.year + 1)
    if tense == "future":
        return next(y for y in years if interval_of(y)[1] >= low)
    if tense == "past":
        return [y for y in years if interval_of(y)[0] <= high][-1]

    # no cue: reports look back, so the last occurrence, unless the next one starts within a month
    first, _ = interval_of(high.year)
    return high.year if first <= high + dt.timedelta(days=31) else high.year - 1


def weekday_near(low: dt.date, high: dt.date, weekday: int, direction: int | None, tense: str | None) -> dt.date:
    """'last Thursday' (-1), 'next Thursday' (+1), 'this Thursday' (0: of this week); a bare 'Thursday' is the
    one on or before the document's date, or on or after it in a future clause."""
    if direction == 0:
        return week_of(low)[0] + dt.timedelta(days=weekday)
    if direction is None:
        direction = 1 if tense == "future" else -1
        if low.weekday() == weekday:
            return low
    if direction < 0:
        return low - dt.timedelta(days=(low.weekday() - weekday) % 7 or 7)
    return high + dt.timedelta(days=(weekday - high.weekday()) % 7 or 7)
