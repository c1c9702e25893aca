"""(h) An issue dated before what it reports: "On 16 February 2021 ... published issue 22", and an article
of that issue about an earthquake of February 2022.

A release of an issue (a published/released statement whose sentence names the issue) is dated D; the
sentences after it that speak of the issue's content (an article, the issue, the magazine) give dates. One of
them more than GRACE_DAYS after D cannot be in an issue out on D: the release date is wrong (often the year;
the expected date is D moved on by whole years past the content). The scan stops at the next issue named.
"""

from __future__ import annotations

import datetime as dt
import re

from marsad.analyze.dating import SURE, bounds
from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.timeline import Source
from marsad.store import FactFilter, ReadView
from marsad.store.facts import Fact, FactOfDocument, dated
from marsad.text.fold import fold

GRACE_DAYS = 31
_CONTENT = re.compile(
    r"\b(?:article|articles|the issue|this issue|this edition|the magazine|editorial|infographic|feature)\b"
    r"|(?<![\u0621-\u064a])(?:مقال|المقال|افتتاحيه|العدد|المجله|الصحيفه)"
)
_SENTENCE_END = re.compile(r"[.!?؟]\s|\n")


def content_findings(store: ReadView) -> list[Finding]:
    out = []
    where = FactFilter(("statement",), predicates=("published", "released"), min_confidence=SURE)
    for release in store.select_facts(where):
        if release["precision"] not in ("day", "month"):
            continue
        doc_id = release["document"]["id"]
        issues = list(store.iter_facts("publication_issue", document=doc_id))
        named = [i for i in issues if release["start"] <= i["start"] and i["end"] <= release["end"]]
        if not named:
            continue
        later = _later_content(store, release, named[0], issues)
        if later is not None:
            out.append(_finding(release, named[0], later))
    return out


def _later_content(store: ReadView, release: FactOfDocument, issue: Fact, issues: list[Fact]) -> Fact | None:
    """The latest date a content sentence after the release gives beyond the grace, before another issue."""
    doc_id = release["document"]["id"]
    others = [i["start"] for i in issues if i["start"] > release["end"] and i["issue"] != issue["issue"]]
    stop = min(others, default=None)
    _, released_last = bounds(release["date"], release["date_end"])
    text = ""
    latest: Fact | None = None
    for d in store.iter_facts("date", document=doc_id):
        if d["start"] < release["end"] or not d["date"] or (stop is not None and d["start"] >= stop):
            continue
        if bounds(d["date"])[0] <= released_last + dt.timedelta(days=GRACE_DAYS):
            continue
        text = text or store.document_text(doc_id)  # read once, and only for a candidate
        if _CONTENT.search(fold(_sentence(text, d["start"], d["end"])).lower()) is None:
            continue
        if latest is None or d["date"] > dated(latest):
            latest = d
    return latest


def _sentence(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else max(0, start - 400) : after.start() if after else len(text)]


def _finding(release: FactOfDocument, issue: Fact, later: Fact) -> Finding:
    released = dt.date.fromisoformat(dated(release)) if release["precision"] == "day" else None
    content_first = bounds(later["date"])[0]
    expected = None
    if released is not None:
        years = content_first.year - released.year
        while years < 100:
            try:
                moved = released.replace(year=released.year + years)
            except ValueError:  # 29 February
                moved = released.replace(year=released.year + years, day=28)
            if moved >= content_first:
                expected = moved.isoformat()
                break
            years += 1
    what = f"{issue['series'] or 'the issue'} {issue['issue']}" if issue.get("issue") else "the issue"
    return Finding(
        "issue_before_its_content",
        f"{what} dated {release['date']}, but its content reports {later['date']}",
        f"the page dates the release of {what} to {release['date']}, and then describes its content with a date "
        f"{(content_first - bounds(release['date'])[1]).days} days later ('{later['text']}'): an issue cannot "
        f"report what had not happened when it came out" + (f"; if the year is a slip, {expected}" if expected else ""),
        [Source.of(release), Source.of(later)],
        expected,
        {
            "series": issue.get("series"),
            "issue": issue.get("issue"),
            "date": release["date"],
            "content_date": later["date"],
        },
        flagged=[Source.of(release)],
        stated=f"{what} released {release['date']}",
        sides=[
            Side(STATED, f"{what} released {release['date']}", [Source.of(release)]),
            Side(
                EXPECTED,
                f"{what} released after {later['date']}, the date its content reports"
                + (f" (the same day and month, a year on: {expected})" if expected else ""),
                [Source.of(later)],
            ),
        ],
        confidence=0.7,
    )
