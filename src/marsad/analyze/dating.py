"""Dates as ranges: a month-precision fact spans its month, so it is sorted and compared as a range."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from marsad.model import PartialDate

# a statement or event at or above this confidence is dated by its own sentence; below it, by its page's date
# (the statement extractor's fallback): the checks compare only the former with a record or another source
SURE = 0.6


@lru_cache(maxsize=65_536)
def bounds(date: str, date_end: str | None = None) -> tuple[dt.date, dt.date]:
    """First and last day a (possibly partial) ISO date, or a range of them, can mean."""
    return PartialDate(date).first_day(), PartialDate(date_end or date).last_day()


@lru_cache(maxsize=65_536)
def sort_key(date: str, date_end: str | None = None) -> tuple[float, int]:
    """Middle of the range, then width: "October 2023" sits mid-October, after a fact of 2 October."""
    first, last = bounds(date, date_end)
    return (first.toordinal() + last.toordinal()) / 2, last.toordinal() - first.toordinal()


def label(date: str, date_end: str | None = None) -> str:
    return f"{date} .. {date_end}" if date_end and date_end != date else date


def parse_day(text: str) -> dt.date | None:
    """An ISO date, or the first day-precision date marsad's own date extractor reads in `text`
    ("7 Oct 2023", «٧ أكتوبر ٢٠٢٣»)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    from marsad.extract.dates import DateExtractor
    from marsad.model import Document

    doc = Document("0" * 64, "argument", "text/plain", text, len(text.encode()))
    for fact in DateExtractor().extract(doc):
        if fact.kind == "date" and fact.date is not None and fact.date.precision.value == "day" and not fact.date.end:
            return fact.date.first_day()
    return None
