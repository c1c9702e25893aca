"""Hijri <-> Gregorian with hijridate (Umm al-Qura tables, 1343-1500 AH)."""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Raises ValueError outside the Umm al-Qura range or for a day the month does not have."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except OverflowError as exc:
        raise ValueError(str(exc)) from None
    return dt.date(g.year, g.month, g.day)


def hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = hijri_to_gregorian(year, month, 1)
    length = Hijri(year, month, 1).month_length()
    return first, first + dt.timedelta(days=length - 1)


def hijri_year_span(year: int) -> tuple[dt.date, dt.date]:
    return hijri_month_span(year, 1)[0], hijri_month_span(year, 12)[1]


def gregorian_to_hijri(day: dt.date) -> str:
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return f"{h.year:04d}-{h.month:02d}-{h.day:02d}"
