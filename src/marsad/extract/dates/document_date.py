"""The document's own date, the anchor of every "yesterday", "on Thursday" and "in June" in it.

Candidates, each kept with where it came from: the page's metadata and URL (recorded at ingest in
`meta["date_candidates"]`, or `published` for older archives), a message's or record's own date, and a
dateline or byline in the first lines of the text ("By X on 28 May 2020", a bare "October 19, 2020" line,
«تاريخ النشر: ...», "date 2022-11-30", «اليوم الخميس، 31 تشرين الأول، 2019»). Precedence: a message's or
record's date, then metadata, then a day in the URL, then the text's dateline, then a month in the URL; a
less precise choice is refined by a more precise candidate that falls inside it. Candidates that disagree
are a finding. A site header that shows the day of the visit (a weekday with Hijri and Gregorian dates, or
a dateline far after every date the article gives) is not the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.dates.mention import Found
from marsad.model import Calendar, Document, PartialDate

_HEAD_LINES, _HEAD_CHARS = 8, 700
_RANKS = (
    ("telegram", 0),
    ("jsonl", 0),
    ("record", 0),
    ("eval", 0),
    ("meta", 1),
    ("json-ld", 1),
    ("html", 1),
    ("url-day", 2),
    ("pdf", 3),
    ("dateline", 3),
    ("url-month", 4),
)
# a dateline's label, at the start of its line (after at most an outlet's name): "Published: ...", «تاريخ النشر:»
_CUE = re.compile(
    r"^[^,،.;]{0,24}?(?<![a-z\u0621-\u064a])(?:published|posted|updated|last\s+updated|date|dated|filed|تاريخ\s+النشر|تاريخ|"
    r"نشر\s+في|نشر\s+بتاريخ|بتاريخ|اخر\s+تحديث|تحديث|نشر|منشور)\s*[:：]?\s*(?:on\s+|في\s+)?$"
)
_UPDATED = re.compile(r"updated|تحديث")
_BYLINE = re.compile(r"^\s*(?:by|بقلم|كتب|كتبه)\b.{0,80}?(?:\bon|في)?\s*$")
_TODAY = re.compile(
    r"(?<![a-z\u0621-\u064a])(?:اليوم|today)\s*[،,]?\s*(?:يوم\s+)?(?:الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)?\s*[،,]?\s*$"
)
_RESIDUE_NOISE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[صم](?![\u0621-\u064a]))?|\b(?:gmt|utc|est|cet|ast)\b|[+-]\d{2}:?\d{2}"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?<![\u0621-\u064a])(?:الاثنين|الثلاثاء|الاربعاء|"
    r"الخميس|الجمعه|السبت|الاحد|يوم|م|دقيقه|ساعه|منذ)(?![\u0621-\u064a])|[^\w\s]|_"
)
# words of an infobox or a biography: a line "Term start: 3 August 2023" is a fact, not the page's date
_NOT_DATELINE = re.compile(
    r"born|died|death|founded|term|start|office|succeeded|preceded|predecessor|successor|issue|launched|established|"
    r"tenure|reign|birth|aged|revision|edited|ولد|توفي|الميلاد|الوفاه|تاسس|العدد|تولي|مواليد"
)


@dataclass(frozen=True, slots=True)
class DateSource:
    date: PartialDate
    source: str  # meta:article:published_time, json-ld:datePublished, url, telegram:date, dateline, byline ...
    span: tuple[int, int] | None = None  # folded offsets of a dateline in the text

    @property
    def rank(self) -> int:
        key = self.source.split(":", 1)[0]
        if key == "url":
            key = "url-day" if self.date.precision.value == "day" else "url-month"
        if key in ("byline", "today"):
            key = "dateline"
        return dict(_RANKS).get(key, 3)


@dataclass(frozen=True, slots=True)
class DocumentDate:
    chosen: DateSource | None
    candidates: tuple[DateSource, ...] = ()
    problems: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    # an archive page of several posts: (where a post begins, its byline's date), in text order
    sections: tuple[tuple[int, DateSource], ...] = ()

    def at(self, pos: int) -> DocumentDate:
        """The date that anchors text at `pos`: the byline of the post it belongs to, else the document's."""
        current = self
        for start, source in self.sections:
            if start <= pos:
                current = DocumentDate(source, self.candidates)
        return current

    @property
    def date(self) -> PartialDate | None:
        return self.chosen.date if self.chosen else None

    def day(self) -> dt.date | None:
        """The document's day, when it is known to the day."""
        d = self.date
        return d.first_day() if d is not None and d.precision.value == "day" and d.end is None else None


def metadata_candidates(doc: Document) -> list[DateSource]:
    recorded = doc.meta.get("date_candidates") if isinstance(doc.meta, dict) or hasattr(doc.meta, "get") else None
    out: list[DateSource] = []
    if isinstance(recorded, list) and recorded:
        for item in recorded:
            try:
                value, source = str(item[0]), str(item[1])
                out.append(DateSource(PartialDate(value, anchor="document-metadata"), source))
            except (ValueError, IndexError, TypeError):
                continue
    elif doc.published is not None:
        out.append(DateSource(doc.published, doc.published_from or "metadata"))
    return out


def head_end(text: str) -> int:
    """Where the first lines end: the dateline, if any, stands before this offset."""
    pos, lines = 0, 0
    while lines < _HEAD_LINES and pos < len(text):
        nl = text.find("\n", pos)
        if nl < 0:
            return min(len(text), _HEAD_CHARS)
        if text[pos:nl].strip():
            lines += 1
        pos = nl + 1
    return min(pos, _HEAD_CHARS)


def text_candidates(folded: str, found: list[Found]) -> list[tuple[DateSource, bool]]:
    """(candidate, is_masthead) for every dateline-shaped date in the first lines."""
    end = head_end(folded)
    out: list[tuple[DateSource, bool]] = []
    for f in found:
        if f.start >= end or f.date.precision.value != "day" or f.date.end is not None or f.form == "relative":
            continue
        line_start = folded.rfind("\n", 0, f.start) + 1
        line_end = folded.find("\n", f.end)
        line_end = len(folded) if line_end < 0 else line_end
        before, after = folded[max(line_start, f.start - 90) : f.start], folded[f.end : min(line_end, f.end + 90)]
        source = _dateline_kind(before, after, folded, f, found)
        if source is None:
            continue
        masthead = source == "masthead"
        out.append((DateSource(_plain(f.date), source, (f.start, f.end)), masthead))
    return out


def _dateline_kind(before: str, after: str, folded: str, f: Found, found: list[Found]) -> str | None:
    if _TODAY.search(before[-40:]):
        return "today"  # «أعلن التنظيم، اليوم الخميس، 31 تشرين الأول، 2019، ...»
    if _CUE.search(before):
        return "dateline:updated" if _UPDATED.search(before) else "dateline"
    if len(before) + len(after) > 120:
        return None  # a date inside a sentence, not a line of its own
    residue = _RESIDUE_NOISE.sub(" ", before + " " + after)
    if _NOT_DATELINE.search(residue) and not _BYLINE.match(before):
        return None
    if _BYLINE.match(before) and len(after.strip()) < 30:
        return "byline"
    words = residue.split()
    if len(words) > 3 or len(" ".join(words)) > 30:
        return None
    others = [o for o in found if o is not f and o.start >= f.start - len(before) and o.end <= f.end + len(after)]
    if any(o.date.calendar is Calendar.HIJRI for o in others) or f.date.hijri:
        return "masthead"  # "الثلاثاء 18 ذو الحجة 1440 | 20 آب 2019": the site's calendar widget
    return "dateline"


def _plain(date: PartialDate) -> PartialDate:
    return PartialDate(date.value, anchor="document-text")


def choose(doc: Document, folded: str, found: list[Found]) -> DocumentDate:
    meta = metadata_candidates(doc)
    in_text = text_candidates(folded, found)
    problems: list[dict[str, Any]] = []
    text_dates = []
    for cand, masthead in in_text:
        if masthead:
            continue
        far = _far_from_content(cand, found, folded)
        if far is not None and not meta:
            problems.append(far)
            continue
        text_dates.append(cand)
    candidates = sorted(meta + text_dates, key=lambda c: (c.rank, -len(c.date.value)))
    if not candidates:
        return DocumentDate(None, tuple(c for c, _ in in_text), tuple(problems), _sections(folded, found))
    chosen = candidates[0]
    if chosen.date.precision.value != "day":
        inside = [c for c in candidates[1:] if c.date.precision.value == "day" and _within(c.date, chosen.date)]
        if inside:
            chosen = DateSource(
                inside[0].date, f"{inside[0].source} (within {chosen.source} {chosen.date.value})", inside[0].span
            )
    for other in candidates:
        if other is chosen or (other.span is None and chosen.span is None):
            continue
        gap = _disagreement(chosen.date, other.date)
        if gap is not None:
            problems.append(_disagree(chosen, other, gap))
    return DocumentDate(chosen, tuple(candidates), tuple(problems), _sections(folded, found))


def _sections(folded: str, found: list[Found]) -> tuple[tuple[int, DateSource], ...]:
    """Bylines after the first lines ("By X on 9 December 2016" heading each post of a tag page): each dates
    the text that follows it, up to the next."""
    end = head_end(folded)
    out = []
    for f in found:
        if f.start < end or f.date.precision.value != "day" or f.date.end is not None:
            continue
        line_start = folded.rfind("\n", 0, f.start) + 1
        line_end = folded.find("\n", f.end)
        before, after = folded[line_start : f.start], folded[f.end : len(folded) if line_end < 0 else line_end]
        if (_BYLINE.match(before) or _CUE.search(before)) and len(after.strip()) < 30:
            out.append((line_start, DateSource(_plain(f.date), "byline (section)", (f.start, f.end))))
    return tuple(out)


def _within(inner: PartialDate, outer: PartialDate) -> bool:
    return outer.first_day() <= inner.first_day() <= outer.last_day()


def _disagreement(a: PartialDate, b: PartialDate) -> int | None:
    """Days between two document dates beyond what a time zone or a late edit explains, else None."""
    if a.precision.value == "day" and b.precision.value == "day":
        gap = abs((a.first_day() - b.first_day()).days)
        return gap if gap > 2 else None
    if _within(a, b) or _within(b, a):
        return None
    return abs((a.first_day() - b.first_day()).days)


def _disagree(chosen: DateSource, other: DateSource, gap: int) -> dict[str, Any]:
    span = other.span or chosen.span
    assert span is not None
    return {
        "check": "document_dates_disagree",
        "start": span[0],
        "end": span[1],
        "document_date": chosen.date.value,
        "document_date_from": chosen.source,
        "other_date": other.date.value,
        "other_from": other.source,
        "days_apart": gap,
        "why": f"the page gives {chosen.date.value} ({chosen.source}) and {other.date.value} ({other.source}), "
        f"{gap} days apart",
    }


# words that count from the day of writing: a body using them was written near the date at its top
_DEICTIC = re.compile(
    r"(?<![\w])(?:(?:on|last|this|next)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|"
    r"tonight|this\s+week|امس|اليوم|البارحه|(?:يوم\s+)?(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)\s+(?:الماضي|"
    r"المقبل)|الاسبوع\s+(?:الماضي|الجاري))(?![\w])"
)


def _far_from_content(cand: DateSource, found: list[Found], folded: str) -> dict[str, Any] | None:
    """A dateline more than a year after every date the article states is the day of a visit, not of writing."""
    assert cand.span is not None
    body = [
        f
        for f in found
        if f.start > cand.span[1]
        and f.date.calendar is Calendar.GREGORIAN
        and f.form != "relative"
        and len(f.date.value) >= 7
    ]
    if len(body) < 2:
        return None
    if _DEICTIC.search(folded, cand.span[1]):
        return None  # "announced on Sunday", «أمس»: the article counts from its own day; old dates are background
    latest = max(f.date.last_day() for f in body)
    gap = (cand.date.first_day() - latest).days
    if gap <= 365:
        return None
    return {
        "check": "document_date_far_from_content",
        "start": cand.span[0],
        "end": cand.span[1],
        "document_date": cand.date.value,
        "latest_content_date": latest.isoformat(),
        "days_apart": gap,
        "why": f"the date at the top of the page ({cand.date.value}) is {gap} days after the latest date the article "
        f"gives ({latest.isoformat()}): a site header showing the day of the visit, not the article's date",
    }
