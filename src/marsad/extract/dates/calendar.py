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


_CIVIL_EPOCH = dt.date(622, 7, 19).toordinal()  # 1 Muharram 1 AH, Friday 16 July 622 (Julian)
_LEAP_YEARS = frozenset((2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29))  # of each 30-year cycle ("Kuwaiti")


def tabular_hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The arithmetical (tabular) Islamic calendar, civil epoch: odd months 30 days, even 29, Dhu al-Hijja 30 in
    11 years of 30. It is what date widgets and many programs compute; Umm al-Qura and sighting may differ by a
    day. 1 Ramadan 1435 falls on 29 June 2014 here, on 28 June by Umm al-Qura."""
    cycles, in_cycle = divmod(year - 1, 30)
    days = cycles * 10631 + in_cycle * 354 + sum(1 for y in range(1, in_cycle + 1) if y in _LEAP_YEARS)
    days += sum(30 if m % 2 else 29 for m in range(1, month)) + day - 1
    return dt.date.fromordinal(_CIVIL_EPOCH + days)
