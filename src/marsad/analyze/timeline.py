"""The timeline: statements, events, series issues and campaigns in time order, merged across documents.

One row per thing that happened — an issue of a series, an actor's statement or event on a date, a
campaign — with every source that reports it and the evidence text of each. Rows sort by the middle of
their date range (a month-precision fact is a range, not its 1st day). An issue that sources date
differently stays one row, with each date and who gives it (`marsad check` says which is right).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
from collections import Counter
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from marsad.analyze.dating import bounds, label, sort_key
from marsad.analyze.explained import explaining
from marsad.analyze.issues import series_issue_documents
from marsad.analyze.subjects import ACTOR_TYPES, MENTIONABLE, entity, with_members
from marsad.extract.campaigns import display_title
from marsad.kb import Watchlist
from marsad.model import EntityType
from marsad.model.dates import GRANULARITIES
from marsad.store import FactFilter, ReadView
from marsad.store.facts import Fact
from marsad.text.fold import fold

KINDS = ("statement", "event", "publication_issue", "campaign")
PRECISIONS = ("day", "month", "year", *GRANULARITIES, "none")  # what a row may be dated to (`timeline(precisions=)`)
ONCE = frozenset({"killed", "died"})  # what happens to a person once: every source's date is a date of one event
MAX_SOURCES = 20  # sources kept per row (the count is always exact)
# up to this many facts, or this many a row, every source is read in one pass; else row by row
ONE_PASS_FACTS, ONE_PASS_PER_ROW = 2_000, 4


@dataclass
class Source:
    doc_id: str
    source: str
    url: str | None
    title: str | None
    text: str
    start: int
    end: int
    date: str | None
    date_end: str | None
    fact_id: str
    confidence: float
    work: str | None = None  # what a statement released: audio, video, speech ...
    work_title: str | None = None

    @classmethod
    def of(cls, f: Mapping[str, Any]) -> Source:
        """A fact in the contract (or an issue document's record, as _issue_documents reads it) as a source."""
        work = (f.get("roles") or {}).get("object") or {}
        return cls(
            f["document"]["id"],
            f["document"]["source"],
            f["document"]["url"],
            f.get("title_of_document"),
            f["text"],
            f["start"],
            f["end"],
            f["date"],
            f["date_end"],
            f["id"],
            f["confidence"],
            work.get("type"),
            work.get("title"),
        )

    @classmethod
    def of_issue_document(cls, d: dict[str, Any], text: str | None = None) -> Source:
        """An archived issue document (store.issue_documents) as a source: no span, its title as the text."""
        return cls(d["id"], d["source"], d["url"], d["title"], (d["title"] or "") if text is None else text, 0, 0,
                   d["published"], None, "", 1.0)  # fmt: skip


@dataclass
class Unread:
    """A row's sources not read yet: fact_groups keys and sources given ready, in reading order, and how to read
    them (as its timeline read the others)."""

    items: list[tuple[Any, ...] | Source]
    about: str | None
    unasserted: bool
    withdrawn: set[str]  # facts its timeline took out of their rows (reviews): not read back in


@dataclass
class Row:
    kind: str
    what: str
    date: str
    date_end: str | None
    precision: str | None
    subject: str | None
    actor: str | None = None
    series: str | None = None
    issue: int | None = None
    title: str | None = None
    sources: list[Source] = field(default_factory=list)
    mentions: int = 0  # facts merged into the row (a document may report it twice)
    dates: dict[str, int] = field(default_factory=dict)  # each date given -> how many facts give it
    explained: str | None = None  # the page's own words for the gap between its dates (a named delay)
    findings: list[dict[str, str]] = field(default_factory=list)  # findings of `marsad check` on its facts
    reviewed: list[dict[str, Any]] = field(default_factory=list)  # reviews that moved a fact into this row
    unread: Unread | None = field(default=None, repr=False)  # sources not read yet (timeline's `sources_of`)

    @property
    def sources_read(self) -> bool:
        """Are its sources read (False: a row outside the asked `sources_of`, until read_sources; its counts and
        dates are exact)?"""
        return self.unread is None

    @property
    def when(self) -> str:
        return label(self.date, self.date_end)

    @property
    def page_dated(self) -> bool:
        """Every source dates it only by its page's date (the sentence gave none): a weaker dating."""
        return (
            bool(self.sources)
            and self.kind in ("statement", "event")
            and all(s.confidence <= 0.5 for s in self.sources)
        )

    @property
    def dating(self) -> str:
        """The precision, and "page date" when no sentence dates it."""
        return f"{self.precision or ''}, page date" if self.page_dated else (self.precision or "")

    @property
    def dates_clash(self) -> bool:
        """Two dates given for it that cannot both hold (2023-10 and 2023-10-12 can)."""
        ranges = sorted(bounds(*_unlabel(d)) for d in self.dates)
        return any(b[0] > a[1] for a, b in itertools.pairwise(ranges))

    @property
    def disputed(self) -> bool:
        """Dates that clash, unless the one page giving them names the gap (a cover date and a late release:
        analyze/explained.py, as `marsad check` reads it)."""
        return self.dates_clash and self.explained is None

    @property
    def evidence(self) -> str:
        return self.sources[0].text if self.sources else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "what": self.what,
            "date": self.date,
            "date_end": self.date_end,
            "precision": self.precision,
            "page_dated": self.page_dated,
            "entity_id": self.subject,
            "actor": self.actor,
            "series": self.series,
            "issue": self.issue,
            "title": self.title,
            "dates": self.dates,
            "disputed": self.disputed,
            "explained": self.explained,
            "findings": self.findings,
            "reviewed": self.reviewed,
            "mentions": self.mentions,
            "documents": len({s.doc_id for s in self.sources}),
            "evidence": self.evidence,
            "sources": [vars(s) for s in self.sources],
        }


def timeline(
    store: ReadView,
    watchlist: Watchlist,
    actor: str | None = None,
    series: str | None = None,
    topic: str | None = None,
    campaign: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_confidence: float = 0.0,
    unasserted: bool = False,
    reviewed: bool = True,
    sources_of: Container[int] | None = None,
    precisions: Collection[str] = (),
) -> list[Row]:
    """Rows in time order. --actor keeps its statements and events (an organisation's people included),
    --topic those whose sentence names the topic, --series that series' issues, --campaign that campaign.
    What is denied, negated, rumoured, habitual, conditional or only called for is left out unless `unasserted`.
    `reviewed`: the analyst's reviews apply (a rejected fact out, a corrected date or issue in its new row, the
    row's `reviewed` saying so); False: the rows as extracted.
    `sources_of`: the row numbers (in the answer's order) whose sources a series issue's row needs, as a page of
    the answer does; the other issue rows keep theirs unread (`sources_read` False; every count and date is exact),
    unless their dates clash (`disputed` reads them, when they are few enough to be read whole). None: every row's.
    `precisions`: only the rows dated to one of these (PRECISIONS: "day", "month", "year", a week, a season ...;
    "none" for a row with no precision); empty: all.

    Facts are counted in SQL (fact_groups); the sources of each row are read in one pass when the facts
    are few for their rows, else row by row, up to MAX_SOURCES each."""
    kinds: tuple[str, ...] = KINDS
    subjects: list[str] | None = None
    about = None
    if actor:
        kinds = ("statement", "event")
        subjects = [e.id for e in with_members(watchlist, entity(watchlist, actor, ACTOR_TYPES, "actor"))]
    if topic:
        kinds = ("statement", "event")
        about = entity(watchlist, topic, MENTIONABLE, "topic").id
    if series:
        kinds = ("publication_issue",)
        subjects = [entity(watchlist, series, (EntityType.SERIES,), "series").id]
    if campaign:
        kinds = ("campaign",)
        subjects = [entity(watchlist, campaign, (EntityType.CAMPAIGN,), "campaign").id]
    names = {e.id: display_title(e) if e.type is EntityType.CAMPAIGN else e.name for e in watchlist.entities}
    build = _Builder(names, {e.id for e in watchlist.entities if e.type is EntityType.PERSON}, about, unasserted)
    where = FactFilter(kinds, subjects, date_from, date_to, about, min_confidence, unasserted=unasserted)
    groups = store.fact_groups(where)
    for g in groups:
        build.group(*g)
    # Measured at 100,000 documents: reading every fact costs ~18 us a fact (each a random read of it and of its
    # document), one indexed read per row ~85 us: a kind whose rows hold few facts each (statements) is read in one
    # pass, one whose rows hold many (series issues) row by row.
    facts: Counter[str] = Counter()
    rows_of: Counter[str] = Counter()
    for g in groups:
        facts[g[0]] += g[7]
        rows_of[g[0]] += 1
    one_pass = tuple(k for k in facts if facts[k] <= max(ONE_PASS_FACTS, ONE_PASS_PER_ROW * rows_of[k]))
    if one_pass:
        for r in store.fact_sources(dataclasses.replace(where, kinds=one_pass)):
            build.source(r[:7], source_of_row(r))
    for g in groups:
        if g[0] in one_pass:
            continue
        if sources_of is not None and g[0] == "publication_issue":
            build.defer(g)  # a series issue's sources shape no row: read for the rows asked only
            continue
        for r in store.group_sources(g, MAX_SOURCES, about, unasserted):
            build.source(r[:7], source_of_row(r))
    if "publication_issue" in kinds and not about:
        for f in _issue_documents(store, watchlist, subjects, date_from, date_to):
            key = (
                "publication_issue",
                f["entity_id"],
                "issue_document",
                str(f["issue"]),
                f["date"],
                None,
                f["precision"],
            )
            build.group(*key, 1)
            build.source(key, Source.of(f))
    applied = apply_reviews(build, store, watchlist, where) if reviewed else {}
    rows = build.rows()
    if precisions:  # after the reviews: a corrected date may make a row day-precise
        rows = [r for r in rows if (r.precision or "none") in precisions]
    for n, row in enumerate(rows):
        # a row with dates that clash reads its sources to see whether one page explains the gap (all of them)
        if row.unread and (sources_of is None or n in sources_of or (row.mentions <= MAX_SOURCES and row.dates_clash)):
            _read(row, store)
        if row.dates_clash and len(row.sources) >= row.mentions:  # every source read: all from one page?
            row.explained = explaining(store, row.sources)
        row.reviewed = [applied[s.fact_id] for s in row.sources if s.fact_id in applied]
    return rows


def read_sources(rows: Iterable[Row], store: ReadView) -> None:
    """Read the unread sources of these rows (a page of a timeline asked with `sources_of`, kept and paged on).
    A row's `reviewed` is not worked out again (the web UI marks a page's reviewed sources itself, web/reviewed.py);
    its sources are the reviewed ones: a withdrawn fact stays out, one a review moved in is kept."""
    for row in rows:
        if row.unread is not None:
            _read(row, store)


def _read(row: Row, store: ReadView) -> None:
    """Read a row's unread sources in their order (a withdrawn fact left out), and sort them as _settle does."""
    assert row.unread is not None
    unread, row.unread = row.unread, None
    for item in unread.items:
        if isinstance(item, Source):
            got = [item]
        else:
            read = (source_of_row(r) for r in store.group_sources(item, MAX_SOURCES, unread.about, unread.unasserted))
            got = [s for s in read if s.fact_id not in unread.withdrawn]
        row.sources += got[: MAX_SOURCES - len(row.sources)]
    row.sources.sort(key=lambda s: (s.date != row.date or s.date_end != row.date_end, -s.confidence, s.doc_id))


def apply_reviews(
    build: _Builder, store: ReadView, watchlist: Watchlist, where: FactFilter
) -> dict[str, dict[str, Any]]:
    """The analyst's reviews in force on the facts this timeline counted, applied as every export applies them
    (store/reviews.apply): a rejected fact is taken out of its row; a corrected date or issue moves it to the row
    of the corrected value, a corrected actor to that actor's row when the watchlist knows the name (else it stays,
    marked); the row then says so (`reviewed`). A fact this timeline did not count joins it when a corrected actor
    or date makes it one of the asked (`where.admits`: another actor's statement re-assigned to the one asked about,
    an issue whose year is corrected into the asked range), and one it counted leaves it when its date is corrected
    out of that range.
    Fact id -> the review's account of it."""
    from marsad.store.reviews import apply, by_evidence, latest

    def resolve(name: str) -> str | None:
        found = watchlist.resolve(name)
        return found[0].id if found else None

    out: dict[str, dict[str, Any]] = {}
    for key, reviews in by_evidence(store.reviews()).items():
        review = latest(reviews)
        if review is None or review.verdict == "confirm":
            continue
        doc_id, start, end, kind = key
        for f in store.iter_facts(kind, document=doc_id):
            if f["document"]["id"] != doc_id or f["start"] != start or f["end"] != end or not f["date"]:
                continue
            group = _group_of(f)
            reviewed = apply([f], [review], resolve)
            g = reviewed[0] if reviewed else None
            moves = review.field in ("date", "issue") or (
                review.field == "actor" and g is not None and g["entity_id"] not in (None, f["entity_id"])
            )
            counted = build.has(group)
            if counted and (g is None or moves):
                build.withdraw(group, f["id"])  # rejected, or moved to the row of its corrected value
            # the row of its corrected value takes it: one this timeline counted (a corrected date: that still falls
            # in the asked range), or one its corrected actor or date makes one of the asked
            if g is None or not moves:
                lands = False
            elif review.field == "actor":
                lands = where.admits(g)
            elif review.field == "date":
                lands = (counted and _in_range(g, where)) or where.admits(g)
            else:
                lands = counted
            if g is None or not (counted or lands):
                continue  # rejected, or not a fact this timeline counts, before or after its review
            if lands:
                moved = _group_of(g)
                build.group(*moved[:7], 1)
                build.source(moved, Source.of(g))
            out[f["id"]] = g["detail"]["reviewed"]
    return out


def _in_range(f: Fact, where: FactFilter) -> bool:
    """Does the fact's date fall in the filter's dates (its own range overlapping the asked one)?"""
    date, end = f["date"], f["date_end"]
    if where.on is not None and (date != where.on or end is not None):
        return False
    return (not where.date_from or (date is not None and (end or date) + "~" >= where.date_from)) and (
        not where.date_to or (date is not None and date <= where.date_to + "~")
    )


def _group_of(f: Fact) -> tuple[str, str | None, str, str | None, str, str | None, str | None]:
    """A fact's fact_groups key (kind, subject, predicate, value, date, date_end, precision)."""
    predicate = f.get("predicate") or (f.get("detail") or {}).get("predicate") or f["kind"]
    value = str(f["issue"]) if f["issue"] is not None else None
    date = cast(str, f["date"])  # a timeline's facts are dated (its FactFilter)
    return (f["kind"], f["entity_id"], predicate, value, date, f["date_end"], f["precision"])


def source_of_row(r: tuple[Any, ...]) -> Source:
    """A Source from a store.fact_sources / group_sources row."""
    work, title = (r[16], r[17]) if len(r) > 17 else (None, None)
    return Source(r[12], r[13], r[14], r[15], r[10], r[8], r[9], r[4], r[5], r[7], r[11], work, title)


def merge(facts: list[Fact], people: set[str] | None = None) -> list[Row]:
    """Rows from facts in the contract (one fact = one mention); `people`: the entity ids that are persons."""
    build = _Builder({}, people)
    for f in facts:
        name = f["actor"] or f["series"] or f["title"]
        if f["entity_id"] and name:
            build.names.setdefault(f["entity_id"], name)
        key = _group_of(f)
        build.group(*key, 1)
        build.source(key, Source.of(f))
    return build.rows()


def _row_key(
    kind: str, subject: str | None, predicate: str, value: str | None, date: str, end: str | None
) -> tuple[Any, ...]:
    if kind == "publication_issue":
        return (kind, subject, value)
    if kind == "campaign":
        return (kind, subject, date, end)
    if kind == "statement":  # "released" in one source is "published" or «بثت» in another: one row a day
        return (kind, subject, date, end)
    return (kind, subject, predicate, date, end)


class _Builder:
    def __init__(
        self, names: dict[str, str], people: set[str] | None = None, about: str | None = None, unasserted: bool = False
    ) -> None:
        self.names = names
        self.about, self.unasserted = about, unasserted
        self.people = people or set()
        self._rows: dict[tuple[Any, ...], Row] = {}
        self._dates: dict[tuple[Any, ...], Counter[tuple[str, str | None]]] = {}
        self._precision: dict[tuple[str, str | None], str | None] = {}
        self._verbs: dict[tuple[Any, ...], set[str]] = {}
        self._withdrawn: set[str] = set()  # facts taken out of their row (reviews), kept out of unread sources

    def group(
        self, kind: str, subject: str | None, predicate: str, value: str | None, date: str, end: str | None,
        precision: str | None, n: int,
    ) -> None:  # fmt: skip
        key = _row_key(kind, subject, predicate, value, date, end)
        row = self._rows.get(key)
        if row is None:
            name = self.names.get(subject or "", subject or "?")
            issue = int(value) if kind == "publication_issue" and value and value.isdigit() else None
            if kind == "publication_issue":
                what = f"{name} {value}"
            elif kind == "campaign":
                what = f"campaign {name}"
            else:
                what = f"{name}: {predicate}"
            row = self._rows[key] = Row(
                kind, what, date, end, precision, subject,
                actor=name if kind in ("statement", "event") else None,
                series=name if kind == "publication_issue" else None,
                issue=issue,
                title=name if kind in ("publication_issue", "campaign") else None,
            )  # fmt: skip
            self._dates[key] = Counter()
        row.mentions += n
        self._verbs.setdefault(key, set()).add(predicate)
        self._dates[key][(date, end)] += n
        self._precision[(date, end)] = precision

    def source(self, group: tuple[Any, ...], source: Source) -> None:
        row = self._rows.get(_row_key(*group[:6]))
        if row is not None and row.unread:
            row.unread.items.append(source)  # after the unread ones, as it would have come
        elif row is not None and len(row.sources) < MAX_SOURCES:
            row.sources.append(source)

    def defer(self, group: tuple[Any, ...]) -> None:
        """Leave a group's sources unread, for read_sources if its row is asked."""
        row = self._rows.get(_row_key(*group[:6]))
        if row is not None:
            if row.unread is None:
                row.unread = Unread([], self.about, self.unasserted, self._withdrawn)
            row.unread.items.append(tuple(group[:7]))

    def has(self, group: tuple[Any, ...]) -> bool:
        return _row_key(*group[:6]) in self._rows

    def withdraw(self, group: tuple[Any, ...], fact_id: str) -> None:
        """Take one fact out of its row (a rejected or corrected fact): its count, its date, its source; a row
        left with nothing is dropped."""
        key = _row_key(*group[:6])
        row = self._rows.get(key)
        if row is None:
            return
        row.mentions -= 1
        dates = self._dates[key]
        dates[(group[4], group[5])] -= 1
        if dates[(group[4], group[5])] <= 0:
            del dates[(group[4], group[5])]
        row.sources = [s for s in row.sources if s.fact_id != fact_id]
        self._withdrawn.add(fact_id)
        if row.mentions <= 0 or not dates:
            del self._rows[key]
            del self._dates[key]

    def rows(self) -> list[Row]:
        for key, row in self._rows.items():
            if row.kind == "statement":
                row.what = f"{row.actor}: {', '.join(sorted(self._verbs[key]))}{_work(row.sources)}"
            _settle(row, self._dates[key], self._precision)
        rows = _fold_coarse(list(self._rows.values()))
        rows = _merge_one_event(rows, self.people, {id(r): self._verbs[k] for k, r in self._rows.items()})
        return sorted(rows, key=lambda r: (sort_key(r.date, r.date_end), r.kind, r.what))


def _work(sources: list[Source]) -> str:
    """What the row's statement released, as its sources name it: " audio «title»" (the most given title)."""
    titles = Counter(s.work_title for s in sources if s.work_title)
    works = Counter(s.work for s in sources if s.work)
    if not titles and not works:
        return ""
    work = f" {works.most_common(1)[0][0]}" if works else ""
    return work + (f" «{titles.most_common(1)[0][0]}»" if titles else "")


def _issue_documents(
    store: ReadView, watchlist: Watchlist, subjects: list[str] | None, date_from: str | None, date_to: str | None
) -> list[dict[str, Any]]:
    """Archived documents that are an issue (JSON Lines "series"/"issue" fields), as sources of its row."""
    series = [e for e in watchlist.entities if e.type is EntityType.SERIES and (subjects is None or e.id in subjects)]
    out = []
    documents = store.issue_documents() if series else []
    for s, d in ((one, d) for one in series for d in series_issue_documents(store, one, documents)):
        issue, date = str(d["issue"]), d["published"]
        if not date:
            continue
        if (date_from and date + "~" < date_from) or (date_to and date > date_to + "~"):
            continue
        out.append(
            {
                "id": "",
                "kind": "publication_issue",
                "document": {"id": d["id"], "source": d["source"], "url": d["url"]},
                "title_of_document": d["title"],
                "text": d["title"] or f"{s.name} {issue}",
                "start": 0,
                "end": 0,
                "date": date,
                "date_end": None,
                "precision": "day" if len(date) == 10 else ("month" if len(date) == 7 else "year"),
                "entity_id": s.id,
                "series": s.name,
                "issue": int(issue),
                "title": s.name,
                "actor": None,
                "confidence": 1.0,
                "detail": {"issue_document": True},
            }
        )
    return out


def _unlabel(text: str) -> tuple[str, str | None]:
    first, _, last = text.partition(" .. ")
    return first, last or None


def _fold_coarse(rows: list[Row]) -> list[Row]:
    """A statement dated "August 2023" and the same actor's same statement on 3 August 2023 are one row:
    a coarser row whose range holds exactly one finer row of the same actor and predicate joins it."""
    groups: dict[tuple[Any, ...], list[tuple[tuple[dt.date, dt.date], Row]]] = {}
    for r in rows:
        if r.kind in ("statement", "event", "campaign"):
            groups.setdefault((r.kind, r.subject, r.what), []).append((bounds(r.date, r.date_end), r))
    dropped: set[int] = set()
    for group in groups.values():
        coarse = [(b, r) for b, r in group if b[0] != b[1]]
        if not coarse:
            continue
        fine = sorted((b[0], id(r), r) for b, r in group if b[0] == b[1])
        days = [d for d, _, _ in fine]
        for (lo, hi), row in coarse:
            inside = [r for _, _, r in fine[bisect.bisect_left(days, lo) : bisect.bisect_right(days, hi)]]
            if len(inside) == 1:
                target = inside[0]
                target.sources += row.sources
                target.mentions += row.mentions
                for d, n in row.dates.items():
                    target.dates[d] = target.dates.get(d, 0) + n
                dropped.add(id(row))
    return [r for r in rows if id(r) not in dropped]


def _merge_one_event(rows: list[Row], people: set[str], verbs: dict[int, set[str]]) -> list[Row]:
    """One real-world event across sources, whatever dates they give: a person's death (killed, died) is one row;
    a statement releasing a titled work is one row per title, unless one page gives it two dates (the audio and its
    reprint are two releases). The row keeps every date given with how many facts
    give it, takes the most given, and is `disputed` when two of them cannot both hold."""
    groups: dict[tuple[Any, ...], list[Row]] = {}
    for r in rows:
        key: tuple[Any, ...] | None = None
        if r.kind == "event" and r.subject in people and verbs.get(id(r), set()) <= ONCE:
            key = ("death", r.subject)
        elif r.kind == "statement" and r.subject:
            titles = {_title_key(s.work_title) for s in r.sources if s.work_title}
            if len(titles) == 1:
                key = ("work", r.subject, titles.pop())
        if key is not None:
            groups.setdefault(key, []).append(r)
    dropped: set[int] = set()
    for key, group in groups.items():
        if len(group) < 2:
            continue
        if key[0] == "work" and len({s.doc_id for r in group for s in r.sources}) < sum(
            len({s.doc_id for s in r.sources}) for r in group
        ):
            continue  # one page dating a work twice tells of two releases (the audio, then its printing)
        target = max(group, key=lambda r: (r.mentions, -sort_key(r.date, r.date_end)[1]))
        for r in group:
            if r is not target:
                _absorb(target, r)
                dropped.add(id(r))
        if key[0] == "death":
            said = sorted({v for r in group for v in verbs.get(id(r), set())})
            target.what = f"{target.actor}: {', '.join(said)}"
        precisions = {(r.date, r.date_end): r.precision for r in reversed(group)}  # the first row's wins
        _settle(target, {_unlabel(d): n for d, n in target.dates.items()}, precisions, target.precision)
    return [r for r in rows if id(r) not in dropped]


def _settle(
    row: Row,
    counts: Mapping[tuple[str, str | None], int],
    precisions: Mapping[tuple[str, str | None], str | None],
    default: str | None = None,
) -> None:
    """A row's date from the dates its facts give (`counts`): the one most give, on a tie the more precise, then the
    earlier, with its precision; every date kept with its count, and the sources that give the chosen date first."""
    (date, end), _ = max(counts.items(), key=lambda kv: (kv[1], -sort_key(*kv[0])[1], -sort_key(*kv[0])[0]))
    row.date, row.date_end, row.precision = date, end, precisions.get((date, end), default)
    row.dates = {label(d, e): n for (d, e), n in sorted(counts.items(), key=lambda kv: sort_key(*kv[0]))}
    row.sources.sort(key=lambda s: (s.date != date or s.date_end != end, -s.confidence, s.doc_id))


def _absorb(target: Row, row: Row) -> None:
    target.sources = (target.sources + row.sources)[:MAX_SOURCES]
    target.mentions += row.mentions
    for d, n in row.dates.items():
        target.dates[d] = target.dates.get(d, 0) + n


def _title_key(title: str) -> str:
    return " ".join(fold(title).strip(" \"'“”«»").split())
