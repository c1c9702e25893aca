"""A date as found in text, before it is resolved into a PartialDate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.model import PartialDate


@dataclass(slots=True)
class Mention:
    start: int  # offsets in the folded text
    end: int
    form: str  # e.g. "day-month-year", "month-year", "hijri-day", "relative", "numeric"
    lang: str  # en | ar | xx (language-neutral: ISO, numeric)
    calendar: str = "gregorian"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None  # a range's other end
    end_month: int | None = None
    end_day: int | None = None
    part: str | None = None  # early / mid / late part of the period
    relation: str | None = None  # "current" / "last" / "next" month words (الجاري، الماضي)
    weekday: int | None = None  # a weekday written beside the date (support only)
    granularity: str | None = None  # season, quarter, half, part (of a year), decade (PartialDate.granularity)
    confidence: float = 0.95
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Found:
    """A mention resolved into a PartialDate (offsets still in the folded text)."""

    start: int
    end: int
    date: PartialDate
    confidence: float
    form: str
    lang: str
    detail: dict[str, Any] = field(default_factory=dict)
