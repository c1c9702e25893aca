"""Dates that check each other: a Hijri date beside its Gregorian twin, a stated interval ("89 days after"),
a range and its stated length ("(3 سنوات و5 أشهر)"), a weekday written beside a date. Each disagreement
is a finding (an `inconsistency` fact) with both sides and the reason.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from marsad.extract.dates.calendar import tabular_hijri_to_gregorian
from marsad.extract.dates.mention import Found
from marsad.model import Calendar, PartialDate
from marsad.text.fold import Folded

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PUNCT = r"[\s,،/()\[\]\-–—|]*"
# what joins a date to its twin in the other calendar: «الموافق ل», «الذي يوافق», «المصادف», "corresponding to",
# "coinciding with", "i.e.", "=" — each a claim that the two name one day (or one run of days)
_DUAL_GAP = re.compile(
    rf"^{_PUNCT}(?:(?:(?:الذي|التي)\s+)?(?:الموافق|يوافق|وافق|توافق|المصادف|يصادف|صادف)\s*(?:ل\s*|لـ\s*)?"
    rf"|(?:which\s+)?(?:correspond(?:s|ing)?|coincid(?:es|ing))\s+(?:to|with)|equivalent\s+to|i\.?e\.?|or|=)?{_PUNCT}$",
    re.IGNORECASE,
)


def pair_duals(found: list[Found], folded: Folded) -> tuple[list[Found], list[dict[str, Any]]]:
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
            if _ranges(hijri, greg):
                out[-1], problem = _pair_ranges(prev, f, hijri, greg)
                if problem:
                    problems.append(problem)
                continue
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
                if gap:
                    problems.append({"start": prev.start, "end": f.end, **_dual_problem(hijri, greg, gap)})
                continue
        out.append(f)
    return out, problems


def _ranges(hijri: Found, greg: Found) -> bool:
    return all(x.date.precision.value == "day" and x.date.end and len(x.date.end) == 10 for x in (hijri, greg))


def _pair_ranges(prev: Found, f: Found, hijri: Found, greg: Found) -> tuple[Found, dict[str, Any] | None]:
    """ "3-9 Rabi al-Thani 1447 (25 September - 1 October 2025)": one run of days in two calendars. Each end is
    compared; a day apart is within the reckoning of the month's start (sighting or Umm al-Qura), more is an error."""
    h_first, h_last = hijri.date.first_day(), hijri.date.last_day()
    g_first, g_last = greg.date.first_day(), greg.date.last_day()
    gaps = ((g_first - h_first).days, (g_last - h_last).days)
    gap = max(gaps, key=abs)
    merged = PartialDate(
        greg.date.value,
        calendar=Calendar.HIJRI if hijri is prev else Calendar.GREGORIAN,
        end=greg.date.end,
        hijri=hijri.date.hijri,
        uncertainty_days=1 if abs(gap) == 1 else 0,
        anchor="absolute",
    )
    detail = {"dual": True, "hijri_as_gregorian": [h_first.isoformat(), h_last.isoformat()], "days_apart": gap}
    pair = Found(prev.start, f.end, merged, min(prev.confidence, f.confidence), "dual", f.lang, detail)
    if abs(gap) <= 1:
        return pair, None
    problem = {
        "check": "hijri_gregorian_disagree",
        "start": prev.start,
        "end": f.end,
        "hijri": hijri.date.hijri,
        "hijri_as_gregorian": [h_first.isoformat(), h_last.isoformat()],
        "gregorian": [g_first.isoformat(), g_last.isoformat()],
        "days_apart": gap,
        "why": f"the Hijri days run {h_first.isoformat()} to {h_last.isoformat()} by Umm al-Qura; the Gregorian days "
        f"written beside them, {g_first.isoformat()} to {g_last.isoformat()}, are {abs(gap)} days "
        f"{'later' if gap > 0 else 'earlier'} (tolerance 1 day)",
    }
    return pair, problem


def _dual_problem(hijri: Found, greg: Found, gap: int) -> dict[str, Any]:
    """A pair written as one day is a claim that they are the same day. Umm al-Qura is the reference. Two days
    or more apart is an error. One day apart is flagged too, as minor (confidence 0.5): the pair names no day
    that Umm al-Qura gives; if the arithmetical (tabular) calendar gives it, the pair was computed by a
    date widget or a program, otherwise the month was begun by local sighting — either way the two dates
    are not the one day they are written as, and an anniversary reckoned from either is a day out."""
    problem: dict[str, Any] = {
        "check": "hijri_gregorian_disagree",
        "hijri": hijri.date.hijri,
        "hijri_as_gregorian": hijri.date.value,
        "gregorian": greg.date.value,
        "days_apart": gap,
    }
    if abs(gap) > 1:
        problem["why"] = (
            f"the Hijri date is {hijri.date.value} by Umm al-Qura, {abs(gap)} days from the Gregorian date given "
            f"beside it (tolerance 1 day)"
        )
        return problem
    tabular = _tabular(hijri.date.hijri)
    follows = (
        f"the arithmetical (tabular) calendar, which date widgets compute, gives {tabular}: the pair follows it"
        if tabular == greg.date.value
        else "the pair may follow a month begun by local sighting"
    )
    problem |= {
        "severity": "minor",
        "confidence": 0.5,
        "hijri_tabular": tabular,
        "why": f"the Hijri date is {hijri.date.value} by Umm al-Qura, one day {'before' if gap > 0 else 'after'} "
        f"the Gregorian date given beside it; {follows}",
    }
    return problem


def _tabular(hijri: str | None) -> str | None:
    if not hijri or len(hijri) != 10:
        return None
    y, m, d = (int(x) for x in hijri.split("-"))
    return tabular_hijri_to_gregorian(y, m, d).isoformat()


def check_interval(amount: int, unit: str, stated: Found, computed: Found) -> dict[str, Any] | None:
    """'4 Jan 2024, 89 days after 7 Oct 2023': both ends are given, so the count can be checked."""
    if stated.date.precision.value != "day" or computed.date.precision.value != "day" or unit not in ("day", "week"):
        return None
    expected = computed.date.first_day()
    actual = stated.date.first_day()
    if abs((actual - expected).days) <= 1:
        computed.detail["checked_against"] = stated.date.value
        return None
    anchor = dt.date.fromisoformat(computed.detail["anchor_date"])
    return {
        "check": "stated_interval_wrong",
        "start": min(stated.start, computed.start),  # the stated date may stand before or after the phrase
        "end": max(stated.end, computed.end),
        "stated": f"{amount} {unit}{'s' if amount != 1 else ''}",
        "stated_date": stated.date.value,
        "anchor_date": anchor.isoformat(),
        "expected_date": expected.isoformat(),
        "actual_interval_days": (actual - anchor).days,
        "why": f"{stated.date.value} is {(actual - anchor).days} days after {anchor.isoformat()}, "
        f"not {amount} {unit}{'s' if amount != 1 else ''}",
    }


def check_weekday(f: Found) -> dict[str, Any] | None:
    """ "Thursday 12 October 2024": 12 October 2024 is a Saturday."""
    if f.detail.get("weekday_matches") is not False:
        return None
    actual = WEEKDAYS[f.date.first_day().weekday()]
    return {
        "check": "weekday_mismatch",
        "start": f.start,
        "end": f.end,
        "date": f.date.value,
        "weekday_written": f.detail["weekday"],
        "weekday_of_date": actual,
        "why": f"{f.date.value} is a {actual}, not a {f.detail['weekday']} as written",
    }


_APPOSED_DAY = re.compile(r"^[\s,،]*(?:(?:on|in|at|في|خلال|مع)\s+)?$")


def check_weekday_apposition(found: list[Found], folded: str) -> list[dict[str, Any]]:
    """ "On Friday, the 20th anniversary of the 11 September 2001 attacks": the weekday names the day of the date
    set beside it (an anniversary, or a day written out); 11 September 2021 was a Saturday."""
    out = []
    ordered = sorted(found, key=lambda f: f.start)
    for weekday, beside in itertools.pairwise(ordered):
        if weekday.detail.get("relative") != "weekday" or beside.date.precision.value != "day" or beside.date.end:
            continue
        if beside.date.calendar is not Calendar.GREGORIAN or not _APPOSED_DAY.match(folded[weekday.end : beside.start]):
            continue
        if beside.form == "relative" and not beside.detail.get("anniversary_of"):
            continue  # "On Friday, a day before the anniversary": a phrase of its own, not the same day
        written, actual = weekday.date.first_day().weekday(), beside.date.first_day().weekday()
        if written == actual:
            continue
        what = (
            f"the {_ordinal(int(beside.detail['amount']))} anniversary of {beside.detail['anniversary_of']}"
            if beside.detail.get("anniversary_of")
            else "the date written beside it"
        )
        out.append(
            {
                "check": "weekday_mismatch",
                "start": weekday.start,
                "end": beside.end,
                "date": beside.date.value,
                "weekday_written": WEEKDAYS[written],
                "weekday_of_date": WEEKDAYS[actual],
                "why": f"{beside.date.value} ({what}) is a {WEEKDAYS[actual]}, not a {WEEKDAYS[written]} as written",
            }
        )
    return out


# "ten years ago, in 2016", «منذ عشر سنوات، أي في عام 2016», "in 2016, ten years ago": one time told twice
_AGO_APPOSED = re.compile(
    r"^[\s,،(\-–]*(?:i\.?e\.?|that\s+is|or|اي|أي|يعني)?[\s,،]*(?:(?:in|في|عام|سنه|سنة)\s*){0,2}[\s,،]*$"
)
# "for ten years, since 2016", "over the past eight years, since 2016": a length and its start
_FOR_SINCE = re.compile(
    r"(?<![a-z])(?:for|over)\s+(?:the\s+(?:past|last)\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty)\s+years?\s*,?\s*(?:ever\s+)?since\s+(?P<y>(?:19|20)\d\d)(?![\d])"
)
_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_SMALL |= {"fifteen": 15, "twenty": 20}


def check_years_told_twice(found: list[Found], folded: str, page: dt.date | None) -> list[dict[str, Any]]:
    """A count of years from the page's date beside the year it names: "ten years ago, in 2016" on a page of 2024
    (eight years); "for ten years, since 2016". A year either way is the reckoning (the month is not given)."""
    out = []
    ordered = sorted(found, key=lambda f: f.start)
    for a, b in itertools.pairwise(ordered):
        ago, year = (a, b) if a.detail.get("relative") == "ago" else (b, a)
        if ago.detail.get("relative") != "ago" or ago.detail.get("unit") != "year" or year.form == "relative":
            continue
        if year.date.precision.value != "year" or year.date.end or not _AGO_APPOSED.match(folded[a.end : b.start]):
            continue
        anchor = dt.date.fromisoformat(str(ago.detail["anchor_date"]))
        stated, actual = int(ago.detail["amount"]), anchor.year - year.date.first_day().year
        if abs(stated - actual) > 1:
            out.append(_years_problem(a.start, b.end, stated, actual, year.date.value, anchor))
    if page is not None:
        for m in _FOR_SINCE.finditer(folded):
            n = m.group("n")
            stated = int(n) if n.isdigit() else _SMALL.get(n, 0)
            actual = page.year - int(m.group("y"))
            if stated and abs(stated - actual) > 1:
                out.append(_years_problem(m.start(), m.end(), stated, actual, m.group("y"), page))
    return out


def _years_problem(start: int, end: int, stated: int, actual: int, year: str, anchor: dt.date) -> dict[str, Any]:
    return {
        "check": "stated_interval_wrong",
        "start": start,
        "end": end,
        "stated": f"{stated} years",
        "stated_date": year,
        "anchor_date": anchor.isoformat(),
        "actual_interval_years": actual,
        "why": f"{year} is {actual} years before the page's date ({anchor.isoformat()}), not the {stated} stated "
        f"(a year either way allowed)",
    }


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


_YEARS = r"(?P<y>\d{1,2}|سنه|سنتين|عام|عامين)\s*(?:سنوات|سنه|سنين|اعوام|عام|years?)?"
_MONTHS = r"(?P<m>\d{1,2}|شهر|شهرين)\s*(?:اشهر|شهور|شهرا|شهر|months?)?"
_STATED_LENGTH = re.compile(
    rf"\s*\(\s*(?:{_YEARS}(?:\s*(?:و|and|,)\s*{_MONTHS})?|{_MONTHS.replace('?P<m>', '?P<m2>')})\s*\)"
)
_WORD_COUNT = {"سنه": 1, "عام": 1, "سنتين": 2, "عامين": 2, "شهر": 1, "شهرين": 2}


def check_stated_length(f: Found, folded: str) -> dict[str, Any] | None:
    """'أكتوبر 2019 ـ فبراير 2022 (3 سنوات و5 أشهر)': a range followed by its length can be checked."""
    if f.date.end is None or f.date.precision.value != "month" or f.date.calendar is not Calendar.GREGORIAN:
        return None
    m = _STATED_LENGTH.match(folded, f.detail.get("range_end_at", f.end))
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
