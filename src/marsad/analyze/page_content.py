"""(l) A page's URL date before what the page reports as done: "was killed on 20 April 2019" on /2019/03/01/.

A page cannot tell in the past tense what happened after it was written: its URL date is not the article's (a
re-used address, an updated page) or the content's date is wrong. Read: the page's own dates that are absolute
(not counted from the page's date), to the day or month, in a clause whose tense is past (extract/dates/tense.py:
"will open on", "is expected on" and a clause with no cue are left alone; so is the page's housekeeping, "last
updated", "accessed"), beginning more than GRACE_DAYS after the last day the URL date can mean. One finding per
page, on its latest such date.
"""

from __future__ import annotations

import datetime as dt
import re

from marsad.analyze.dating import bounds, label
from marsad.analyze.finding import EXPECTED, STATED, Finding, Side
from marsad.analyze.timeline import Source
from marsad.extract.dates.tense import tense
from marsad.model import Document
from marsad.store import ReadView
from marsad.store.facts import Fact, dated
from marsad.text.fold import fold_map

GRACE_DAYS = 1  # a URL dated in one time zone, an event of the next morning in another
HOUSEKEEPING_REACH = 40  # characters before a date searched for a word that makes it the page's own
_HOUSEKEEPING = re.compile(
    r"\b(?:updated?|modified|edited|accessed|retrieved|archived|copyright|reviewed)\b"
    r"|(?<![\u0621-\u064a])(?:تحديث|تعديل|محدث)"
)
FROM_URL = "url"


def page_content_findings(store: ReadView) -> list[Finding]:
    """Only pages dated by their URL (store.documents_dated), never every date fact; a page's text only when one of
    its dates is after its URL's."""
    out = []
    for doc_id, published in store.documents_dated(source=FROM_URL):
        last = bounds(published)[1]
        facts = [
            f for f in store.iter_facts("date", document=doc_id) if f["document"]["id"] == doc_id and _after(f, last)
        ]
        if not facts:
            continue
        doc = store.get_document(doc_id)  # its text, only for a page with a date after its URL's
        if doc.published is None:
            continue
        folded = fold_map(doc.text)
        past = [f for f in facts if _reports_as_done(folded.text, folded.folded_offset(f["start"]),
                                                     folded.folded_offset(f["end"]))]  # fmt: skip
        if past:
            out.append(_finding(doc, max(past, key=lambda f: (bounds(f["date"])[0], f["start"]))))
    return out


def _reports_as_done(folded: str, start: int, end: int) -> bool:
    """A past clause, not the page's own housekeeping ("last updated", "accessed", «آخر تحديث»)."""
    if _HOUSEKEEPING.search(folded, max(0, start - HOUSEKEEPING_REACH), start):
        return False
    return tense(folded, start, end) == "past"


def _after(f: Fact, last: dt.date) -> bool:
    detail = f.get("detail") or {}
    if not f["date"] or f["precision"] not in ("day", "month") or detail.get("relative") or "document_date" in detail:
        return False
    return bounds(f["date"])[0] > last + dt.timedelta(days=GRACE_DAYS)


def _finding(doc: Document, f: Fact) -> Finding:
    assert doc.published is not None
    page = doc.published.value
    stated = label(dated(f), f["date_end"])
    days = (bounds(f["date"])[0] - bounds(page)[1]).days
    at = Source.of(f)
    where = doc.url or doc.source
    return Finding(
        "page_date_before_content",
        f"the page's date ({page}, from its URL) is {days} days before what it reports as done ({stated})",
        f"the page's address dates it to {page} ({where}), and it tells in the past tense of {stated} ('{f['text']}'), "
        f"{days} days later: a page cannot report what had not happened when it was written. The URL's date is "
        f"not the article's (a re-used address, a page updated later), or the content's date is wrong",
        [at],
        f"a page date on or after {f['date']}",
        {"page_date": page, "page_date_from": FROM_URL, "content_date": f["date"], "days_after": days},
        stated=f"the page dated {page} by its URL reports {stated}",
        sides=[
            Side(STATED, f"the page was written on {page} (its URL)", reference=where),
            Side(EXPECTED, f"a page written on or after {stated}, the date it reports as done", [at]),
        ],
        confidence=0.6,
    )
