"""PartialDate: a date known to a precision, with its calendar of origin and the text it came from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Calendar(StrEnum):
    GREGORIAN = "gregorian"
    HIJRI = "hijri"


# Periods that are not a plain day, month or year (TimeML's weeks, weekends, quarters, seasons, decades).
GRANULARITIES = ("week", "weekend", "quarter", "half", "season", "part", "decade", "century")

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """`value` is an ISO prefix (2024, 2024-01, 2024-01-04) whose length sets the precision.

    `end` closes a range (same form), `hijri` keeps the Hijri reading when the text gave one,
    `uncertainty_days` widens the date both ways (a Hijri date by moon sighting is +-1),
    `anchor` says how it was fixed: absolute, document-date, or the id of another fact.
    `granularity` names a period coarser or other than the ISO prefix says (week, weekend, quarter, half,
    season, part of a year, decade, century): `value` is then its first day or month and `end` its last,
    so "fall 2011" is 2011-09..2011-11 with granularity "season", never a made-up day.
    """

    value: str
    calendar: Calendar = Calendar.GREGORIAN
    end: str | None = None
    hijri: str | None = None
    uncertainty_days: int = 0
    original: str = ""
    anchor: str = "absolute"
    granularity: str | None = None

    def __post_init__(self) -> None:
        for v in (self.value, self.end):
            if v is not None:
                _check_iso_prefix(v)
        if self.granularity is not None and self.granularity not in GRANULARITIES:
            raise ValueError(f"unknown granularity {self.granularity!r}; known: {', '.join(GRANULARITIES)}")

    @property
    def precision(self) -> Precision:
        return {4: Precision.YEAR, 7: Precision.MONTH}.get(len(self.value), Precision.DAY)

    def first_day(self) -> dt.date:
        """Earliest day the date can mean (before uncertainty)."""
        parts = [int(p) for p in self.value.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def last_day(self) -> dt.date:
        """Latest day the date (or its range end) can mean (before uncertainty)."""
        last = self.end or self.value
        parts = [int(p) for p in last.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 12, 31)

    @classmethod
    def from_date(cls, day: dt.date, original: str = "", anchor: str = "absolute") -> PartialDate:
        return cls(value=day.isoformat(), original=original, anchor=anchor)


def _check_iso_prefix(value: str) -> None:
    m = _ISO_PREFIX.match(value)
    if not m:
        raise ValueError(f"not an ISO date prefix: {value!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month out of range in {value!r}")
    if day is not None and month is not None:
        dt.date(year or 1, month, day)  # raises ValueError for 2023-02-30
