"""(k) A page's own date that cannot be the article's: a weekday phrase that fits no day of the page's month.

A page dated only to a month (a URL such as /2018/03/) says "al-Naba published issue 112 last Thursday": counted
from any day of March 2018, "last Thursday" is a day from 22 February to 29 March; issue 112 came out on
28 December 2017 by the series' cadence. No day of the page's month makes the phrase fit: the page's date is not
the article's (a URL of the crawl, a re-posting), or the number is wrong. The same for "yesterday", "today,
Wednesday" and a person's death or appointment the reference chronology dates.

The date extractor cannot count such a phrase from a month (it needs a day), so the fact stays undated or dated
by its page: only those are read. A day-precise page date resolves the phrase, and the cadence and reference
checks compare the result.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import cast

from marsad.analyze.cadence import Cadence, cadence_from_watchlist
from marsad.analyze.dating import SURE, bounds
from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.reference import PREDICATES as RECORDED_EVENTS
from marsad.analyze.timeline import Source
from marsad.extract.dates.relative import Relative, find_relative
from marsad.extract.dates.resolve import weekday_near
from marsad.extract.dates.tense import tense
from marsad.kb import Watchlist
from marsad.kb.chronology import Chronology, load_chronology
from marsad.model import Document
from marsad.store import ReadView
from marsad.store.facts import Fact, FactOfDocument, subject_of
from marsad.text.fold import fold_map

SENTENCE_REACH = 300  # characters either side of a fact's span searched for its sentence's phrase
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def page_date_findings(store: ReadView, watchlist: Watchlist, chronology: Chronology | None = None) -> list[Finding]:
    chronology = chronology or load_chronology(watchlist)
    cadences = {sid: cadence_from_watchlist(raw) for sid, raw in watchlist.cadence.items()}
    out = []
    documents: dict[str, Document | None] = {}
    for f in _undated(store, cadences, chronology):
        if len(str(f.get("published") or "")) != 7:
            continue  # the page's date (read with the fact) is not a month: its text is never read
        doc_id = f["document"]["id"]
        if doc_id not in documents:
            read = store.get_document(doc_id)
            documents[doc_id] = read if read.published is not None and len(read.published.value) == 7 else None
        doc = documents[doc_id]
        if doc is None:
            continue
        expected = _expected(f, cadences, chronology)
        if expected is None:
            continue
        finding = _check(doc, f, *expected)
        if finding is not None:
            out.append(finding)
    return out


def _undated(store: ReadView, cadences: dict[str, Cadence], chronology: Chronology) -> Iterator[FactOfDocument]:
    """Issues of a series with a cadence, and recorded events of a person the chronology knows, that their own
    sentence does not date — on pages dated only to a month (store.documents_dated): never every fact."""
    series, people = set(cadences), set(chronology.entity_ids)
    kinds = [k for k, wanted in (("publication_issue", series), ("event", people)) if wanted]
    for doc_id, published in store.documents_dated(precision="month"):
        for kind in kinds:
            for f in store.iter_facts(kind, document=doc_id):
                if f["document"]["id"] != doc_id or not (f["date"] is None or f["confidence"] < SURE):
                    continue
                if _wanted(f, series, people):
                    fact = cast(FactOfDocument, f)  # with its page's date beside it, as select_facts gives it
                    fact["published"] = published
                    yield fact


def _wanted(f: Fact, series: set[str], people: set[str]) -> bool:
    if f["kind"] == "publication_issue":
        return f["entity_id"] in series and str(f.get("issue") or "").isdigit()
    return f["entity_id"] in people and f["predicate"] in RECORDED_EVENTS


def _expected(f: Fact, cadences: dict[str, Cadence], chronology: Chronology) -> tuple[list[str], int, str] | None:
    """The dates the fact should have (ISO), the tolerance in days, and what says so."""
    if f["kind"] == "publication_issue":
        model = cadences.get(subject_of(f))
        if model is None:
            return None
        issue = int(f["issue"])
        return (
            [model.expected(issue).isoformat()],
            model.tolerance_for(issue),
            f"{f['series']}'s cadence ({model.source})",
        )
    event = RECORDED_EVENTS[str(f["predicate"])]
    refs = chronology.about(subject_of(f), event)
    if not refs:
        return None
    dates = sorted({d for r in refs for d in r.dates})
    return dates, 1, "the reference chronology (" + "; ".join(sorted({r.source for r in refs})) + ")"


def _check(doc: Document, f: Fact, expected: list[str], tolerance: int, why: str) -> Finding | None:
    assert doc.published is not None
    folded = fold_map(doc.text)
    lo = folded.folded_offset(max(0, f["start"] - SENTENCE_REACH))
    hi = folded.folded_offset(min(len(doc.text), f["end"] + SENTENCE_REACH))
    sentence = _sentence_bounds(folded.text, folded.folded_offset(f["start"]), folded.folded_offset(f["end"]), lo, hi)
    month = doc.published.value
    for r in find_relative(folded.text[sentence[0] : sentence[1]]):
        r.start, r.end = r.start + sentence[0], r.end + sentence[0]  # offsets into the whole folded text
        if not _counts_days(r):
            continue
        days = _candidates(r, folded.text, month)
        if not days:
            continue
        first, last = min(days), max(days)
        slack = dt.timedelta(days=tolerance)
        if any(bounds(e)[0] - slack <= d <= bounds(e)[1] + slack for e in expected for d in days):
            return None
        start, end = folded.original_span(r.start, r.end)
        phrase = doc.text[start:end]
        return _finding(doc, f, phrase, (start, end), month, (first, last), expected, why)
    return None


def _sentence_bounds(folded: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    left = max((folded.rfind(c, lo, start) for c in ".!?؟\n"), default=-1)
    rights = [i for i in (folded.find(c, end, hi) for c in ".!?؟\n") if i >= 0]
    return (left + 1 if left >= lo else lo), (min(rights) if rights else hi)


def _counts_days(r: Relative) -> bool:
    return (r.kind == "weekday" and r.weekday is not None) or (r.kind == "deictic" and r.unit == "day")


def _candidates(r: Relative, folded: str, month: str) -> set[dt.date]:
    """Every day the phrase can mean, counted from each day of the page's month."""
    year, mon = (int(x) for x in month.split("-"))
    out = set()
    for n in range(1, calendar.monthrange(year, mon)[1] + 1):
        today = dt.date(year, mon, n)
        if r.kind == "deictic":
            day = today + dt.timedelta(days=r.amount)
            if r.says_weekday is None or day.weekday() == r.says_weekday:
                out.add(day)
            continue
        assert r.weekday is not None
        t = tense(folded, r.start, r.end) if r.direction is None else None
        out.add(weekday_near(today, today, r.weekday, r.direction, t))
    return out


def _finding(
    doc: Document,
    f: Fact,
    phrase: str,
    span: tuple[int, int],
    month: str,
    days: tuple[dt.date, dt.date],
    expected: list[str],
    why: str,
) -> Finding:
    what = f"{f['series']} {f['issue']}" if f["kind"] == "publication_issue" else f"{f['actor']} {f['predicate']}"
    source = doc.published_from or "the page"
    at = Source.of(f)
    said = Source(at.doc_id, at.source, at.url, at.title, phrase, span[0], span[1], None, None, at.fact_id, 0.8)
    window = f"{days[0].isoformat()} to {days[1].isoformat()}"
    return Finding(
        "page_date_weekday",
        f"'{phrase}' counted from the page's date ({month}, its {source}) cannot be {what}: {' or '.join(expected)}",
        f"the page is dated only to {month} (its {source}); counted from any day of that month, '{phrase}' is a day "
        f"from {window}, and {what} is dated {' or '.join(expected)} by {why}. No day of the month fits: the page's "
        f"date is not the article's (the day of a crawl or a re-posting), or the sentence names the wrong "
        f"{'issue' if f['kind'] == 'publication_issue' else 'event'}",
        [said, at],
        expected[0],
        {
            "page_date": month,
            "page_date_from": source,
            "phrase": phrase,
            "can_mean": [d.isoformat() for d in days],
            "subject": what,
            "recorded": expected,
        },
        flagged=[said],
        stated=f"'{phrase}' counted from {month}",
        sides=[
            Side(STATED, f"'{phrase}', counted from {month} (the page's date): {window}", [said]),
            Side(EXPECTED, f"{what} on {' or '.join(expected)}", [at], reference=why),
        ],
        confidence=0.6,
    )
