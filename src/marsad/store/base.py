"""What every store offers; analyze/, export/ and the CLI only ever talk to this."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from marsad.model import Document, Entity, Original, Statement
from marsad.store.query import Query


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

    def admits(self, fact: dict[str, Any]) -> bool:
        """Does a fact in the contract pass this filter, as the store's query selects facts (store.sqlite
        _fact_filter, clause by clause)? For a fact as the analyst corrected it, which the query saw uncorrected."""
        from marsad.store.facts import ASSERTING  # facts imports model only; base is imported first

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


class Store(Protocol):
    rank_window: int  # a query matching more documents is ranked among the most recently archived this many

    def transaction(self) -> AbstractContextManager[None]: ...

    def known_ids(self, ids: Iterable[str]) -> set[str]: ...

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

    def extracted_versions(self, extractor: str) -> dict[str, str]: ...

    def iter_facts(
        self, kind: str | None = None, document: str | None = None, subjects: Sequence[str] | None = None
    ) -> Iterator[dict[str, Any]]: ...

    def get_document(self, id_or_prefix: str) -> Document: ...

    def document_text(self, doc_id: str) -> str: ...

    def original(self, doc_id: str) -> bytes: ...

    def children(self, doc_id: str) -> list[str]: ...

    def iter_documents(self, earlier_versions: bool = False) -> Iterator[Document]: ...

    def versions(self, doc_id: str) -> tuple[str | None, list[str]]:
        """(the later version superseding this document, or None; the earlier versions it supersedes)."""
        ...

    def search(self, query: Query, limit: int = 20, offset: int = 0) -> list[SearchHit]: ...

    def count_matches(self, query: Query) -> int: ...

    def stats(self) -> Stats: ...

    def replace_kb(self, source: str, entities: Sequence[Entity]) -> tuple[int, int]: ...

    def kb_entities(self) -> list[Entity]: ...

    def close(self) -> None: ...
