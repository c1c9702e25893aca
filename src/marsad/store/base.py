"""What every store offers; analyze/, export/ and the CLI only ever talk to this."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from marsad.model import Document, Entity, Original, Statement
from marsad.store.facets import Narrowing
from marsad.store.facts import ASSERTING, Fact, FactOfDocument
from marsad.store.query import Query
from marsad.store.reviews import Review

MAX_OFFSET = 2**63 - 1  # the largest paging offset a store takes: a 64-bit signed integer, SQLite's and PostgreSQL's


@dataclass(frozen=True, slots=True)
class SearchHit:
    document: Document
    score: float  # bm25: lower is better


@dataclass(frozen=True, slots=True)
class Stats:
    documents: int
    original_bytes: int
    text_chars: int
    by_media_type: dict[str, int] = field(default_factory=dict)
    by_language: dict[str, int] = field(default_factory=dict)
    by_origin: dict[str, int] = field(default_factory=dict)
    first_published: str | None = None
    last_published: str | None = None
    with_warnings: int = 0
    earlier_versions: int = 0  # earlier versions of edited messages, kept but not counted above


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts an answer reads. A date range keeps facts whose own range overlaps it; `about` keeps
    statements whose sentence also names that entity; `dated` drops facts with no date."""

    kinds: tuple[str, ...]
    subjects: Sequence[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    about: str | None = None
    min_confidence: float = 0.0
    values: Sequence[str] | None = None
    dated: bool = True
    on: str | None = None  # exactly this date, no range
    predicates: Sequence[str] | None = None
    not_extractor: str | None = None  # leave out what this extractor found (check: its own findings)
    unasserted: bool = False  # also what is denied, negated, rumoured, habitual, conditional or only called for

    def admits(self, fact: Fact) -> bool:
        """Does a fact in the contract pass this filter, as the store's query selects facts (store.sqlite
        _fact_filter, clause by clause)? For a fact as the analyst corrected it, which the query saw uncorrected."""
        date, end = fact.get("date"), fact.get("date_end")
        detail = {k: v for k, v in (fact.get("detail") or {}).items() if k != "reviewed"}
        mood = fact.get("modality") or detail.get("modality")
        issue = fact.get("issue")
        value = str(issue) if issue is not None else fact.get("value")
        about = f'"{self.about}"'.lower() if self.about else None
        return (
            fact["kind"] in self.kinds
            and (self.subjects is None or fact.get("entity_id") in self.subjects)
            and (self.predicates is None or fact.get("predicate") in self.predicates)
            and (self.values is None or value in self.values)
            and (not self.dated or date is not None)
            and (self.unasserted or not mood or mood in ASSERTING)
            and (self.not_extractor is None or str(fact.get("extractor")).split("/")[0] != self.not_extractor)
            and (self.on is None or (date == self.on and end is None))
            and (not self.date_from or (date is not None and (end or date) + "~" >= self.date_from))
            and (not self.date_to or (date is not None and date <= self.date_to + "~"))
            and (about is None or about in json.dumps(detail, ensure_ascii=False, sort_keys=True).lower())
            and (not self.min_confidence or fact["confidence"] >= self.min_confidence)
        )


class ReadView(Protocol):
    """What analyze/, export/, the web pages and the CLI read: documents, facts in the contract, search, kept
    counts, reviews. A store's document numbers (`documents_mentioning`, `mention_in_document`) are its own and
    mean nothing across stores. SQLiteStore is one; `reviewed_view` gives the same archive as the analyst reviewed
    its facts."""

    path: str  # where the archive is, as it was named (a file; a server's URL for a store that has one)
    rank_window: int  # a query matching more documents is ranked among the most recently archived this many

    def reviewed_view(self, resolve: Callable[[str], str | None] | None = None) -> ReadView:
        """This archive with its fact reads (iter_facts, select_facts, fact_groups, fact_sources) as reviewed: a
        rejected fact is not read, a corrected one is read corrected (an actor linked through `resolve`)."""
        ...

    # -- documents
    def known_ids(self, ids: Iterable[str]) -> set[str]: ...

    def get_document(self, id_or_prefix: str) -> Document: ...

    def document_text(self, doc_id: str) -> str: ...

    def original(self, doc_id: str) -> bytes: ...

    def children(self, doc_id: str) -> list[str]: ...

    def iter_documents(self, earlier_versions: bool = False) -> Iterator[Document]: ...

    def documents_matching(self, query: Query) -> Iterator[Document]: ...

    def versions(self, doc_id: str) -> tuple[str | None, list[str]]:
        """(the later version superseding this document, or None; the earlier versions it supersedes)."""
        ...

    def issue_documents(self) -> list[dict[str, Any]]: ...

    def documents_dated(self, source: str | None = None, precision: str | None = None) -> list[tuple[str, str]]: ...

    def documents_about(self, subjects: Sequence[str], limit: int = 100) -> list[dict[str, Any]]: ...

    def count_documents_about(self, subjects: Sequence[str], cap: int = 10_000) -> int: ...

    def documents_mentioning(self, subjects: Sequence[str]) -> set[int]: ...

    def stats(self) -> Stats: ...

    # -- search
    def search(
        self, query: Query, limit: int = 20, offset: int = 0, narrow: Narrowing | None = None
    ) -> list[SearchHit]: ...

    def count_matches(self, query: Query, narrow: Narrowing | None = None) -> int: ...

    def rank_window_start(self, query: Query, narrow: Narrowing | None = None) -> int | None: ...

    def facets(self, query: Query, narrow: Narrowing | None = None) -> dict[str, list[tuple[str, int]]]: ...

    # -- facts, in the JSON Lines contract (store.facts.contract)
    def extracted_versions(self, extractor: str) -> dict[str, str]: ...

    def iter_facts(
        self, kind: str | None = None, document: str | None = None, subjects: Sequence[str] | None = None
    ) -> Iterator[Fact]: ...

    def select_facts(self, where: FactFilter, limit: int | None = None) -> list[FactOfDocument]: ...

    def issue_facts_naming(self, series: str, topic: str, lo: int, hi: int) -> list[FactOfDocument]: ...

    def mention_in_document(self, rowid: int, subject: str) -> FactOfDocument | None: ...

    def fact_groups(self, where: FactFilter) -> list[tuple[Any, ...]]: ...

    def fact_sources(self, where: FactFilter) -> Iterator[tuple[Any, ...]]: ...

    def group_sources(
        self, key: tuple[Any, ...], limit: int, about: str | None = None, unasserted: bool = False
    ) -> list[tuple[Any, ...]]: ...

    # -- the analyst's side
    def reviews(self, doc_id: str | None = None) -> list[Review]: ...

    def kb_entities(self) -> list[Entity]: ...

    def check_integrity(self, full_text: bool = True) -> list[str]:
        """The archive's own checks and the kept tables against a recount: one line a problem, [] when sound."""
        ...


class Writer(Protocol):
    """What writes to an archive: documents with their facts (pipeline/), re-extracted facts, the checks'
    findings, the watchlist, reviews. One writer at a time; every method is its own transaction unless called
    inside `transaction()`."""

    def transaction(self) -> AbstractContextManager[None]: ...

    def add_document(self, doc: Document, original: bytes) -> bool:
        """Insert inside a transaction; False if a document with that id is already archived."""
        ...

    @staticmethod
    def row_of(doc: Document) -> tuple[Any, ...]:
        """The store's row for a document: a pure function, so worker processes can build it."""
        ...

    @staticmethod
    def fact_rows_of(statements: list[Statement], text: str, offset: int = 0) -> list[tuple[Any, ...]]:
        """The store's rows for a document's statements: pure, so worker processes can build them. `text` is the
        document's text, or the part of it that begins at `offset` (the facts' spans are the document's)."""
        ...

    def add_row(
        self,
        row: tuple[Any, ...],
        original: Original,
        index_text: str | Callable[[], str],
        facts: Iterable[tuple[Any, ...]] = (),
        extracted: tuple[tuple[str, str], ...] = (),
    ) -> bool:
        """add_document for a row built by row_of, with its folded text to index and its facts."""
        ...

    def replace_facts(
        self, doc_id: str, extracted: tuple[tuple[str, str], ...], facts: Iterable[tuple[Any, ...]]
    ) -> None: ...

    def replace_findings(self, extractor: str, findings: Sequence[tuple[str, tuple[Any, ...]]]) -> None:
        """Every fact of `extractor` (the checks) replaced by `findings`: (document id, fact row) pairs, the rows
        as store.facts.fact_row builds them."""
        ...

    def replace_kb(self, source: str, entities: Sequence[Entity]) -> tuple[int, int]: ...

    def add_review(self, review: Review) -> int: ...


class Store(ReadView, Writer, Protocol):
    """An archive open for reading and writing: what opening one gives (store.open_store)."""

    def close(self) -> None: ...
