"""First mention of a topic, and its absence from a run of a series' issues.

A statement or event "mentions" a topic when its sentence names it (in either language: mentions are
matched across scripts). A series issue mentions it when an archived document that *is* that issue (a
JSON Lines record with "series" and "issue") has a mention of it; for an issue not archived, what a page
about it says ("Issue 412 did not mention Gaza", «خصص العدد 416 افتتاحيته لغزة») is reported, marked as such.
Issues of the range with neither are listed apart: absence of evidence is not evidence of absence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.analyze.issues import series_issue_documents
from marsad.analyze.reviewed import reviewed_facts
from marsad.analyze.subjects import ACTOR_TYPES, MENTIONABLE, entity, with_members
from marsad.analyze.timeline import Source
from marsad.errors import ConfigError
from marsad.kb import Watchlist
from marsad.model import EntityType
from marsad.store import FactFilter, ReadView
from marsad.store.facts import Fact
from marsad.store.reviews import Review, apply

MENTION_KINDS = ("actor", "topic")  # the facts that say a document names an entity (store.documents_mentioning)

MAX_RANGE = 100_000  # issue numbers in one absence question


@dataclass
class FirstMention:
    topic: str
    scope: str  # "by Islamic State (and its people)", "in al-Naba", "anywhere in the archive"
    first: Source | None
    fact: Fact | None = None
    issue: int | None = None  # for a series
    next: list[Source] = field(default_factory=list)  # the following mentions, for context
    note: str = ""
    # what was counted: "statement" (dated statements and events whose sentence names the topic) or
    # "issue" (archived issues of the series whose text mentions it, dated by the issue): an issue can
    # mention a topic long before anyone makes a statement about it
    basis: str = "statement"

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "scope": self.scope,
            "date": self.first.date if self.first else None,
            "issue": self.issue,
            "actor": self.fact.get("actor") if self.fact else None,
            "evidence": self.first.text if self.first else None,
            "source": vars(self.first) if self.first else None,
            "next": [vars(s) for s in self.next],
            "note": self.note,
            "basis": self.basis,
        }


@dataclass
class IssueDoc:
    issue: int
    doc_id: str
    source: str
    date: str | None
    mentions: bool
    # not the issue itself but a page about it: "Issue 412 did not mention Gaza", «خصص العدد 416 افتتاحيته لغزة»
    reported: bool = False
    evidence: str | None = None


@dataclass
class Absence:
    topic: str
    series: str
    from_issue: int
    to_issue: int
    silent: list[IssueDoc]  # archived, and no mention of the topic in either language
    mentioning: list[IssueDoc]
    missing: list[int]  # not in the archive at all: nothing can be said about them

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "series": self.series,
            "range": [self.from_issue, self.to_issue],
            "no_mention": [vars(d) for d in self.silent],
            "mention": [vars(d) for d in self.mentioning],
            "not_archived": self.missing,
        }


def first_mention(
    store: ReadView, watchlist: Watchlist, topic: str, series: str | None = None, actor: str | None = None
) -> FirstMention:
    subject = entity(watchlist, topic, MENTIONABLE, "topic")
    if series:
        s = entity(watchlist, series, (EntityType.SERIES,), "series")
        docs = series_issue_documents(store, s)
        mentioning = _mentioning(store, subject.id, docs)
        hits = [d for d in docs if d["rowid"] in mentioning]
        if not docs:
            return FirstMention(
                subject.name, f"in {s.name}", None, note=f"no issue of {s.name} is archived", basis="issue"
            )
        missing = sorted(set(range(docs[0]["issue"], docs[-1]["issue"] + 1)) - {d["issue"] for d in docs})
        note = f"{len(docs)} issues of {s.name} archived ({docs[0]['issue']}-{docs[-1]['issue']})"
        if not hits:
            return FirstMention(subject.name, f"in {s.name}", None, note=note + "; none mentions it", basis="issue")
        first = hits[0]
        earlier_missing = [n for n in missing if n < first["issue"]]
        if earlier_missing:
            note += f"; issues {_ranges(earlier_missing)} before it are not archived, so it may be earlier"
        mention = _mention_in(store, first, subject.id)
        src = mention or Source.of_issue_document(first, text="")
        src.date = first["published"] or src.date
        return FirstMention(subject.name, f"in {s.name}", src, issue=first["issue"], note=note, basis="issue")
    subjects = None
    scope = "anywhere in the archive"
    if actor:
        a = entity(watchlist, actor, ACTOR_TYPES, "actor")
        people = with_members(watchlist, a)
        subjects = [e.id for e in people]
        scope = f"by {a.name}" + (f" and its people ({len(people) - 1})" if len(people) > 1 else "")
    where = FactFilter(("statement", "event"), subjects=subjects, about=subject.id)
    # as the analyst reviewed them: a rejected fact is no first mention, a corrected date may change which is first
    facts = reviewed_facts(store, watchlist, where, limit=6)
    if not facts:
        return FirstMention(subject.name, scope, None, note="no dated statement or event names it")
    earliest, rest = facts[0], facts[1:]
    note = ""
    if earliest["detail"].get("date_from"):
        note = "dated by the page's own date: the sentence gives none"
    return FirstMention(
        subject.name, scope, Source.of(earliest), fact=earliest, next=[Source.of(f) for f in rest], note=note
    )


def _mention_in(store: ReadView, doc: dict[str, Any], subject: str) -> Source | None:
    """The first mention of `subject` in an archived issue, as the analyst reviewed its mentions."""
    reviews = _mention_reviews(store, doc["id"])
    if reviews:
        kept = _reviewed_mentions(store, doc["id"], subject, reviews)
        return Source.of(min(kept, key=lambda f: f["start"])) if kept else None
    row = store.mention_in_document(doc["rowid"], subject)
    return Source.of(row) if row else None


def _mentioning(store: ReadView, subject: str, docs: list[dict[str, Any]]) -> set[int]:
    """Row ids of the documents that mention `subject`, as the analyst reviewed the mentions of those in `docs`
    (archived issues): one whose every mention of it is rejected, or corrected to another name, no longer does."""
    mentioning = store.documents_mentioning([subject])
    rowids = {d["id"]: d["rowid"] for d in docs}
    reviews: dict[str, list[Review]] = {}
    for r in store.reviews():
        if r.kind in MENTION_KINDS and rowids.get(r.doc_id) in mentioning:
            reviews.setdefault(r.doc_id, []).append(r)
    for doc_id, of_doc in reviews.items():
        if not _reviewed_mentions(store, doc_id, subject, of_doc):
            mentioning.discard(rowids[doc_id])
    return mentioning


def _mention_reviews(store: ReadView, doc_id: str) -> list[Review]:
    return [r for r in store.reviews(doc_id) if r.kind in MENTION_KINDS]


def _reviewed_mentions(store: ReadView, doc_id: str, subject: str, reviews: list[Review]) -> list[Fact]:
    facts = [f for k in MENTION_KINDS for f in store.iter_facts(k, document=doc_id) if f["entity_id"] == subject]
    return [f for f in apply(facts, reviews) if f["entity_id"] == subject]  # a corrected name is no longer it


def absence(store: ReadView, watchlist: Watchlist, topic: str, series: str, from_issue: int, to_issue: int) -> Absence:
    if from_issue > to_issue:
        from_issue, to_issue = to_issue, from_issue
    if to_issue - from_issue > MAX_RANGE:
        raise ConfigError(f"issues {from_issue}-{to_issue}: a range of at most {MAX_RANGE:,} issues, please")
    subject = entity(watchlist, topic, MENTIONABLE, "topic")
    s = entity(watchlist, series, (EntityType.SERIES,), "series")
    docs = [d for d in series_issue_documents(store, s) if from_issue <= d["issue"] <= to_issue]
    mentioning = _mentioning(store, subject.id, docs)
    silent: list[IssueDoc] = []
    hits: list[IssueDoc] = []
    by_issue: dict[int, list[dict[str, Any]]] = {}
    for d in docs:
        by_issue.setdefault(d["issue"], []).append(d)
    for n, group in sorted(by_issue.items()):
        d = next((d for d in group if d["rowid"] in mentioning), group[0])
        item = IssueDoc(n, d["id"], d["source"], d["published"], d["rowid"] in mentioning)
        (hits if item.mentions else silent).append(item)
    for n, item in sorted(_reported(store, s.id, subject.id, from_issue, to_issue).items()):
        if n not in by_issue:  # the issue itself, where archived, is the better witness
            (hits if item.mentions else silent).append(item)
    silent.sort(key=lambda d: d.issue)
    hits.sort(key=lambda d: d.issue)
    known = {d.issue for d in silent} | {d.issue for d in hits}
    missing = [n for n in range(from_issue, to_issue + 1) if n not in known]
    return Absence(subject.name, s.name, from_issue, to_issue, silent, hits, missing)


def _reported(store: ReadView, series: str, topic: str, lo: int, hi: int) -> dict[int, IssueDoc]:
    """What pages about a series' issues say each issue named or did not name: the topics the series extractor
    found in an issue's sentence, with the sentence's negation. A page saying it is named wins over one saying
    it is not (a mention is a positive finding; a page may have missed it). As the analyst reviewed them: a
    rejected fact says nothing, a corrected issue number speaks of that issue."""
    out: dict[int, IssueDoc] = {}
    # the issues asked whose sentence names the topic (never every issue fact), and the facts of the documents
    # where a review corrects an issue number (one may now be an issue asked)
    reviews = store.reviews()
    facts: dict[str, Fact] = {f["id"]: f for f in store.issue_facts_naming(series, topic, lo, hi)}
    for doc_id in {r.doc_id for r in reviews if r.kind == "publication_issue" and r.field == "issue"}:
        facts |= {f["id"]: f for f in store.iter_facts("publication_issue", document=doc_id)}
    for f in apply(list(facts.values()), reviews):
        n = f.get("issue")
        said = [t for t in f["detail"].get("topics") or [] if t.get("id") == topic]
        if n is None or not said or not lo <= int(n) <= hi or f["detail"].get("issue_document"):
            continue
        mentioned = any(t.get("mentioned") for t in said)
        if int(n) in out and (out[int(n)].mentions or not mentioned):
            continue
        doc = f["document"]
        out[int(n)] = IssueDoc(int(n), doc["id"], doc["source"], f.get("date"), mentioned, True, f["text"])
    return out


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in numbers:
        if out and "-" not in out[-1] and int(out[-1]) == n - 1:
            out[-1] = f"{out[-1]}-{n}"
        elif out and "-" in out[-1] and int(out[-1].split("-")[1]) == n - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)
