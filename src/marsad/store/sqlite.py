"""The default store: one SQLite file in WAL mode, FTS5 over a folded copy of each text."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from marsad.errors import NotFoundError, OriginalChanged, StoreError
from marsad.model import Document, Entity, Original, Statement, original_size
from marsad.store.about import count_documents_about, documents_about
from marsad.store.base import FactFilter, SearchHit, Stats, Store
from marsad.store.facets import FIRST_LANGUAGE, Narrowing, facet_counts
from marsad.store.facts import FACT_COLUMNS, Fact, FactOfDocument, contract, fact_row
from marsad.store.failures import store_failure
from marsad.store.kept import COUNTED, FACETED, Tally
from marsad.store.migrations import migrate
from marsad.store.opening import (
    APPLICATION_ID,
    FileKind,
    check_readable,
    check_writable,
    connect_read_only,
    is_server_url,
    pending_migrations,
    postgres,
)
from marsad.store.query import Query
from marsad.store.reviews import F, Review, by_evidence, insert_review, latest, reviewed, reviewed_key, select_reviews
from marsad.store.rows import COLUMNS, entity_from_json, entity_json, from_row, to_row
from marsad.store.versions import link_versions
from marsad.text.fold import fold_index

# ON CONFLICT, not INSERT OR IGNORE: only a duplicate id may be skipped; any other violation must raise.
_INSERT = (
    f"INSERT INTO documents({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) ON CONFLICT(id) DO NOTHING"
)
# A long text is bound as its UTF-8 bytes (cast back to text), and each statement bound to it is run once more
# with `WHERE 0` and nothing bound (_run_long): a statement keeps its bound values' copies until it is bound again.
_INSERT_LONG = (
    f"INSERT INTO documents({', '.join(COLUMNS)}) "
    f"SELECT {', '.join('CAST(? AS TEXT)' if c == 'text' else '?' for c in COLUMNS)} WHERE ? "
    "ON CONFLICT(id) DO NOTHING"
)
_INDEX = "INSERT INTO documents_fts(rowid, body) VALUES (?, ?)"
_INDEX_LONG = "INSERT INTO documents_fts(rowid, body) SELECT ?, ? WHERE ?"  # FTS5 reads a bound blob as text
_TEXT = COLUMNS.index("text")
_LONG_TEXT = 1 << 20  # characters: a text this long is bound as bytes, an original this large written in pieces
_BLOB_PIECE = 1 << 20
_FACT_BATCH = 5000  # fact rows written together

_INSERT_FACT = (
    f"INSERT OR REPLACE INTO facts(id, doc, {', '.join(FACT_COLUMNS[1:])}) "
    f"VALUES ({', '.join('?' * (len(FACT_COLUMNS) + 1))})"
)
# a new document's facts, or those of extractors whose facts were just deleted, have ids the table lacks: a plain
# INSERT writes them faster (REPLACE looks for a row to replace first: 117,000 rows in one batch took 55 % of the
# time; the writer's CPU on a long text ~15 % less); a batch that does repeat an id is written again with
# _INSERT_FACT, as it always was (_write_fact_rows)
_INSERT_NEW_FACT = _INSERT_FACT.replace("INSERT OR REPLACE", "INSERT", 1)
_MIN_PREFIX = 4  # shortest id prefix `show` accepts
# FTS5 scores every match before it can sort: 50k matches cost 300 ms. Past this many matches a query is
# ranked among the most recently archived ones (3,000 cost ~15 ms), and the caller is told.
RANK_WINDOW = 3000
BUSY_TIMEOUT_S = 10.0  # how long a write waits for another program's write lock before giving up


def _tune(con: sqlite3.Connection) -> None:
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA recursive_triggers = ON")  # a fact INSERT OR REPLACE replaces is uncounted (0010)
    con.execute("PRAGMA cache_size = -65536")  # 64 MiB: random 64-hex ids thrash the default 2 MiB


class SQLiteStore:
    rank_window = RANK_WINDOW
    _FIRST_LANGUAGE = FIRST_LANGUAGE  # the SQL of a document's first language
    _GROUP_ORDER = ""  # a group's sources in the grouping index's order: archive, then text order

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """Open the archive at `path`; a writer creates it, a reader (`read_only`) never does (store.opening)."""
        self.path = str(path)
        self.read_only = read_only
        self._con = self._open_for_reading() if read_only else self._open_for_writing()
        self._con.row_factory = sqlite3.Row
        self._in_tx = False
        self._tally = Tally()
        self._reviews: dict[tuple[str, int, int, str], list[Review]] | None = None  # reviewed_view's
        self._moved: dict[tuple[Any, ...], list[tuple[Any, ...]]] | None = None
        self._reviewed_facts: list[tuple[tuple[Any, ...], FactOfDocument]] | None = None
        self._resolve: Callable[[str], str | None] | None = None

    def reviewed_view(self, resolve: Callable[[str], str | None] | None = None) -> SQLiteStore:
        """This archive, on the same connection, with its fact reads (iter_facts, select_facts, fact_groups) as the
        analyst reviewed them (store/reviews.reviewed): a rejected fact is not read, a corrected one is read with
        the corrected value, a corrected actor linked through `resolve(name) -> entity id` (the store does not read
        the watchlist; without it, to no entity). What `marsad check` reads. Findings' own reviews (accept,
        dismiss) are not applied: the findings page shows them. Do not close the view; close this store."""
        view = copy.copy(self)
        view._reviews = by_evidence(r for r in self.reviews() if r.kind != "inconsistency")
        view._resolve = resolve
        view._moved = view._reviewed_facts = None
        return view

    def _as_reviewed(self, facts: Iterable[F]) -> Iterator[F]:
        if not self._reviews:
            yield from facts
            return
        for f in facts:
            g = reviewed(f, self._reviews, self._resolve)
            if g is not None:
                yield g

    def _open_for_writing(self) -> sqlite3.Connection:
        kind = check_writable(self.path)
        try:
            con = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if kind is not FileKind.ARCHIVE:
                con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
            con.execute("PRAGMA wal_autocheckpoint = 4096")
            _tune(con)
            migrate(con)
        except sqlite3.OperationalError as exc:  # locked by another writer, disk full, read-only
            raise store_failure(self.path, exc, BUSY_TIMEOUT_S) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: cannot open the archive ({exc}); is it a marsad database? "
                "Use --db to point at another file."
            ) from exc
        return con

    def _open_for_reading(self) -> sqlite3.Connection:
        check_readable(self.path)
        con = connect_read_only(self.path)
        if pending_migrations(con):  # written by an older marsad: upgrade it once, if it can be written
            con.close()
            try:
                SQLiteStore(self.path).close()
            except (StoreError, sqlite3.Error) as exc:
                raise StoreError(
                    f"{self.path}: the archive was written by an older marsad and cannot be upgraded here ({exc}); "
                    "open it once where it can be written (marsad extract upgrades it)"
                ) from None
            con = connect_read_only(self.path)
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _tune(con)
        return con

    # -- writing -------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_tx:
            yield
            return
        try:
            self._con.execute("BEGIN IMMEDIATE")
            self._in_tx = True
            try:
                yield
                self._tally.write(self._con)  # what its facts add to the answers' kept tables
            except BaseException:
                self._tally.clear()
                if self._con.in_transaction:  # SQLite may have rolled back itself (disk full)
                    self._con.execute("ROLLBACK")
                raise
            self._con.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise store_failure(self.path, exc, BUSY_TIMEOUT_S) from exc
        finally:
            self._in_tx = False

    # workers build rows with this (a pure function) so the writing process only writes
    @staticmethod
    def row_of(doc: Document) -> tuple[Any, ...]:
        return to_row(doc)

    @staticmethod
    def fact_rows_of(statements: list[Statement], text: str, offset: int = 0) -> list[tuple[Any, ...]]:
        if not offset:
            return [fact_row(s, text) for s in statements]
        return [fact_row(s, text, text[s.evidence[0].start - offset : s.evidence[0].end - offset]) for s in statements]

    def add_document(self, doc: Document, original: bytes) -> bool:
        if doc.ingested_at is None:
            doc = dataclasses.replace(doc, ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        return self.add_row(to_row(doc), original, fold_index(doc.title, doc.text))

    def add_row(
        self,
        row: tuple[Any, ...],
        original: Original,
        index_text: str | Callable[[], str],
        facts: Iterable[tuple[Any, ...]] = (),
        extracted: tuple[tuple[str, str], ...] = (),
    ) -> bool:
        """Insert a row built by `row_of`, the folded text to index (or how to fold it, for a long text: its copy is
        then made for the index and dropped before the facts), and the document's fact rows (`fact_rows_of`) from
        the extractors named in `extracted`; False if the id is archived."""
        if not self._in_tx:
            raise StoreError("documents are added inside store.transaction()")
        text = row[_TEXT]
        if isinstance(text, str) and len(text) > _LONG_TEXT:
            count, last = self._run_long(_INSERT_LONG, (*row[:_TEXT], text.encode("utf-8"), *row[_TEXT + 1 :]))
        else:
            cur = self._con.execute(_INSERT, row)
            count, last = cur.rowcount, cur.lastrowid
        if count == 0:
            return False
        rowid = int(last or 0)
        self._add_original(rowid, original)
        folded = index_text() if callable(index_text) else index_text
        if len(folded) > _LONG_TEXT:
            self._run_long(_INDEX_LONG, (rowid, folded.encode("utf-8")))
            # FTS5 holds a row's terms in memory until the transaction commits, or a savepoint opens: a long text's
            # (a GB for 300 MB) are written out now, not held while its facts are read and written
            self._con.execute("SAVEPOINT index_written")
            self._con.execute("RELEASE index_written")
        else:
            self._con.execute(_INDEX, (rowid, folded))
        del folded
        self._write_facts(rowid, facts, extracted)
        version_of = row[COLUMNS.index("version_of")]
        if version_of is not None:
            link_versions(self._con, version_of)
        return True

    def _run_long(self, sql: str, args: tuple[Any, ...]) -> tuple[int, int | None]:
        """Run a statement `... WHERE ?` that binds a long text's bytes, then again binding nothing, so that it frees
        its copy of them. (A str would keep the UTF-8 copy sqlite3 binds inside it for as long as it lives: the whole
        write of a long document.)"""
        cur = self._con.execute(sql, (*args, 1))
        ran = cur.rowcount, cur.lastrowid
        self._con.execute(sql, (None,) * (len(args) + 1))
        return ran

    def _add_original(self, rowid: int, original: Original) -> None:
        """The original file's bytes; a large one written a piece at a time into a zero blob, so that SQLite holds no
        whole copy of it (binding would copy it, then copy it again into its record). An original kept as its file
        (a streamed container) is copied from it, and must still be the bytes its document was made from."""
        if isinstance(original, bytes) and len(original) <= _BLOB_PIECE:
            self._con.execute("INSERT INTO originals(doc, data) VALUES (?, ?)", (rowid, original))
            return
        size = original_size(original)
        self._con.execute("INSERT INTO originals(doc, data) VALUES (?, zeroblob(?))", (rowid, size))
        with self._con.blobopen("originals", "data", rowid) as blob:
            for piece in _pieces_of(original):
                blob.write(piece)

    def _write_facts(
        self, rowid: int, facts: Iterable[tuple[Any, ...]], extracted: tuple[tuple[str, str], ...]
    ) -> None:
        self._record_extractions(rowid, extracted)
        # a long document's rows are written as its parts are read (extract.registry.iter_rows), a batch at a time,
        # and what they add to the kept tables written as it grows: memory follows the batch, not the document
        rows = iter(facts)
        while batch := list(itertools.islice(rows, _FACT_BATCH)):
            for row in batch:
                self._tally.add(row, rowid)
            self._write_fact_rows([(row[0], rowid, *row[1:]) for row in batch])
            if self._tally.large():
                self._tally.write(self._con)

    def _record_extractions(self, rowid: int, extracted: tuple[tuple[str, str], ...]) -> None:
        """The named extractors' facts of a document deleted, and the version of each that ran on it recorded."""
        for name, version in extracted:
            self._con.execute("DELETE FROM facts WHERE doc = ? AND extractor = ?", (rowid, name))
            self._con.execute(
                "INSERT INTO extractions(doc, extractor, version) VALUES (?, ?, ?) "
                "ON CONFLICT (doc, extractor) DO UPDATE SET version = excluded.version",
                (rowid, name, version),
            )

    def _write_fact_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert fact rows (id, doc, FACT_COLUMNS[1:]); a row whose id is already there replaces it, as the last
        of a batch's rows with one id does (the delete triggers take the replaced row out of the kept tables)."""
        self._con.execute("SAVEPOINT fact_rows")
        try:
            self._con.executemany(_INSERT_NEW_FACT, rows)
        except sqlite3.IntegrityError:  # an id the table has: the batch again, replacing (any other error raises again)
            self._con.execute("ROLLBACK TO fact_rows")
            self._con.executemany(_INSERT_FACT, rows)
        self._con.execute("RELEASE fact_rows")

    def replace_facts(
        self, doc_id: str, extracted: tuple[tuple[str, str], ...], facts: Iterable[tuple[Any, ...]]
    ) -> None:
        """Replace, in one transaction, what the named extractors found in a document."""
        row = self._con.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no document with id {doc_id!r}")
        with self.transaction():
            self._write_facts(int(row[0]), facts, extracted)

    def extracted_versions(self, extractor: str) -> dict[str, str]:
        """Document id -> the version of `extractor` that last ran on it."""
        sql = "SELECT d.id, e.version FROM extractions e JOIN documents d ON d.rowid = e.doc WHERE e.extractor = ?"
        return {r[0]: r[1] for r in self._con.execute(sql, (extractor,))}

    def iter_facts(
        self, kind: str | None = None, document: str | None = None, subjects: Sequence[str] | None = None
    ) -> Iterator[Fact]:
        """Facts in the JSON Lines contract, in document then text order; `subjects` keeps the facts about
        those entities (in the reviewed view, as reviewed: a fact a correction gives another actor leaves them, one
        it gives to one of them joins them, after the others)."""
        where: list[str] = []
        args: list[Any] = []
        if subjects is not None:
            where.append(f"f.subject IN ({','.join('?' * len(subjects))})" if subjects else "1 = 0")
            args += list(subjects)
        if kind:
            # one document's facts of a kind: through the document (its id's index, then facts_doc), never the
            # kind's index, which would read every fact of that kind for each document (minutes at 100,000)
            where.append("+f.kind = ?" if document else "f.kind = ?")
            args.append(kind)
        if document:
            where.append("f.doc IN (SELECT rowid FROM documents WHERE id >= ? AND id < ?)")
            args += [document.lower(), document.lower() + "\U0010ffff"]
        sql = (
            "SELECT f.*, d.id AS doc_id, d.source, d.url FROM facts f JOIN documents d ON d.rowid = f.doc"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY f.doc, f.span_start, f.kind, f.id"
        )
        found = (contract(row) for row in self._con.execute(sql, args))
        if not self._reviews or subjects is None:
            yield from self._as_reviewed(found)
            return
        wanted, seen = set(subjects), set()
        for f in found:
            seen.add(f["id"])
            g = reviewed(f, self._reviews, self._resolve)
            if g is not None and g.get("entity_id") in wanted:
                yield g
        for _, f in self._facts_reviewed():  # one a correction moves in
            if f["id"] in seen or (kind and f["kind"] != kind):
                continue
            if document and not f["document"]["id"].startswith(document.lower()):
                continue
            g = reviewed(f, self._reviews, self._resolve)
            if g is not None and g.get("entity_id") in wanted:
                yield _without_document(g)

    # -- answers -------------------------------------------------------------------------------
    def select_facts(self, where: FactFilter, limit: int | None = None) -> list[FactOfDocument]:
        """Facts in the contract (plus the document's `published` and `title`), earliest first. In the reviewed
        view, as corrected: a fact its correction moves out of the filter (a date out of the range) is not read, and
        one it moves in is."""
        clause, args = _fact_filter(where, self._con)
        sql = _WITH_DOCUMENT + clause + " ORDER BY f.date, f.doc, f.span_start"
        if limit is not None:  # a rejected fact, or one moved out, leaves room for the next
            sql += f" LIMIT {int(limit) + len(self._reviews or ())}"
        rows = [_contract_with_document(row) for row in self._con.execute(sql, args)]
        if not self._reviews:
            return rows
        assert self._reviews is not None
        got = [
            g
            for f in rows
            if (g := reviewed(f, self._reviews, self._resolve)) is not None and (g is f or where.admits(g))
        ]
        seen = {f["id"] for f in rows}
        moved_in = [
            g
            for _, f in self._facts_reviewed()
            if f["id"] not in seen and (g := reviewed(f, self._reviews, self._resolve)) is not None and where.admits(g)
        ]
        if moved_in:  # in the query's order (stable: the query's own order among facts of one date)
            got = sorted(got + moved_in, key=lambda f: (f["date"] is not None, f["date"] or ""))
        return got if limit is None else got[:limit]

    def _facts_reviewed(self) -> list[tuple[tuple[Any, ...], FactOfDocument]]:
        """The reviewed view's reviewed facts: (fact_groups key as extracted, the fact in select_facts' form)."""
        if self._reviewed_facts is None:
            self._reviewed_facts = []
            sql = _WITH_DOCUMENT + "d.id = ? AND f.span_start = ? AND f.span_end = ? AND f.kind = ?"
            for key in self._reviews or {}:
                for row in self._con.execute(sql, key):
                    group = tuple(row[c] for c in ("kind", "subject", "predicate", "value", "date", "date_end"))
                    self._reviewed_facts.append(((*group, row["precision"]), _contract_with_document(row)))
        return self._reviewed_facts

    def issue_facts_naming(self, series: str, topic: str, lo: int, hi: int) -> list[FactOfDocument]:
        """The issue facts of `series` numbered lo-hi whose sentence names `topic` (their detail's "topics"), in the
        contract, through the topics kept beside them (migration 0012)."""
        clause, args = _fact_filter(FactFilter(("publication_issue",), subjects=[series], dated=False), self._con)
        sql = (  # from the topics (CROSS JOIN keeps that order): never through every issue fact of the series
            "SELECT DISTINCT f.*, d.id AS doc_id, d.source, d.url, d.published, d.title FROM issue_topics t "
            "CROSS JOIN facts f ON f.id = t.fact JOIN documents d ON d.rowid = f.doc "
            "WHERE t.topic = ? AND t.series = ? AND CAST(t.issue AS INTEGER) BETWEEN ? AND ? AND " + clause
            + " ORDER BY f.date, f.doc, f.span_start"
        )  # fmt: skip
        rows = self._con.execute(sql, [topic, series, lo, hi, *args])
        return list(self._as_reviewed(_contract_with_document(row) for row in rows))

    def fact_groups(self, where: FactFilter) -> list[tuple[Any, ...]]:
        """Facts counted by what they say: (kind, subject, predicate, value, date, date_end, precision, facts).
        Aggregated in SQL over a covering index: a timeline of 100,000 documents never parses them all."""
        clause, args = _fact_filter(where, self._con)
        counted = set(where.kinds) <= COUNTED and not (where.about or where.min_confidence or where.not_extractor)
        sql = (  # the kept counts when the filter reads only what they hold (migration 0010), else the facts
            "SELECT f.kind, f.subject, f.predicate, f.value, f.date, f.date_end, f.precision, "
            + ("sum(f.n) FROM fact_group_counts f " if counted else "count(*) FROM facts f ")
            + "WHERE " + clause + " GROUP BY f.kind, f.subject, f.predicate, f.value, f.date, f.date_end, f.precision"
            + (" HAVING sum(f.n) > 0" if counted else "")  # a group emptied by a delete outside a transaction's tally
        )  # fmt: skip
        groups = [tuple(r) for r in self._con.execute(sql, args)]
        return self._groups_as_reviewed(groups, where) if self._reviews else groups

    def _groups_as_reviewed(self, groups: list[tuple[Any, ...]], where: FactFilter) -> list[tuple[Any, ...]]:
        """fact_groups with each reviewed fact counted as reviewed: out of its group when rejected, moved to the group
        of its corrected value when that is still in the filter (a date corrected out of the range: out), and a fact
        outside the filter that its correction brings into it counted in the group of its corrected value."""
        assert self._reviews is not None
        counts: dict[tuple[Any, ...], int] = {g[:7]: g[7] for g in groups}
        for old, f in self._facts_reviewed():
            review = latest(self._reviews.get((f["document"]["id"], f["start"], f["end"], f["kind"]), []))
            g = reviewed(f, self._reviews, self._resolve)
            new = self._reviewed_key(old, review) if g is not None and where.admits(g) else None
            was = where.admits(f)  # what the query counted (FactFilter.admits is its twin)
            if new == old and was:
                continue
            if was:
                counts[old] = counts.get(old, 0) - 1
                if counts[old] <= 0:
                    del counts[old]
            if new is not None:
                counts[new] = counts.get(new, 0) + 1
        return [(*key, n) for key, n in counts.items()]

    def _reviewed_key(self, key: tuple[Any, ...], review: Review | None) -> tuple[Any, ...] | None:
        """reviewed_key, with a corrected actor linked through the view's `resolve`, as `reviewed` links it."""
        new = reviewed_key(key, review)
        if new is not None and review is not None and review.field == "actor" and review.verdict == "correct":
            subject = self._resolve(review.value) if self._resolve is not None and review.value else None
            new = (new[0], subject, *new[2:])
        return new

    def _moved_sources(self) -> dict[tuple[Any, ...], list[tuple[Any, ...]]]:
        """The reviewed view's corrected facts as group_sources rows, by the group of their corrected value."""
        if self._moved is None:
            self._moved = {}
            for (doc_id, start, end, kind), reviews in (self._reviews or {}).items():
                sql = self._SOURCE + "d.id = ? AND f.span_start = ? AND f.span_end = ? AND f.kind = ?"
                for r in self._con.execute(sql, (doc_id, start, end, kind)):
                    new = self._reviewed_key(tuple(r[:7]), latest(reviews))
                    if new is not None and new != tuple(r[:7]):
                        self._moved.setdefault(new, []).append((*new, *tuple(r)[7:]))
        return self._moved

    _SOURCE = (
        "SELECT f.kind, f.subject, f.predicate, f.value, f.date, f.date_end, f.precision, f.id, f.span_start, "
        "f.span_end, f.text, f.confidence, d.id, d.source, d.url, d.title, "
        # what a statement released; other kinds have no object, so their detail is not parsed
        "CASE f.kind WHEN 'statement' THEN json_extract(f.detail, '$.roles.object.type') END, "
        "CASE f.kind WHEN 'statement' THEN json_extract(f.detail, '$.roles.object.title') END "
        "FROM facts f JOIN documents d ON d.rowid = f.doc WHERE "
    )

    def fact_sources(self, where: FactFilter) -> Iterator[tuple[Any, ...]]:
        """Every fact of the filter, light: the group key (as fact_groups), then id, span, text, confidence,
        the document's id, source, url and title, and what a statement released (its type and title)."""
        clause, args = _fact_filter(where, self._con)
        yield from self._con.execute(self._SOURCE + clause, args)

    def group_sources(
        self, key: tuple[Any, ...], limit: int, about: str | None = None, unasserted: bool = False
    ) -> list[tuple[Any, ...]]:
        """Up to `limit` facts of one fact_groups key, as fact_sources gives them."""
        kind, subject, predicate, value, date, date_end, precision = key[:7]
        sql = self._SOURCE + (
            "f.kind = ? AND f.subject IS ? AND f.predicate = ? AND f.value IS ? AND f.date = ? AND f.date_end IS ? "
            "AND f.precision IS ?"
            + (" AND f.detail LIKE ?" if about else "")
            + ("" if unasserted else " AND f.modality IS NULL")
            + self._GROUP_ORDER
            + " LIMIT ?"
        )
        args = [kind, subject, predicate, value, date, date_end, precision] + ([f'%"{about}"%'] if about else [])
        rows = [tuple(r) for r in self._con.execute(sql, [*args, limit])]
        if not self._reviews:
            return rows
        kept = [
            r for r in rows if reviewed_key(r[:7], latest(self._reviews.get((r[12], r[8], r[9], r[0]), []))) == r[:7]
        ]
        return (kept + self._moved_sources().get(tuple(key[:7]), []))[:limit]

    def issue_documents(self) -> list[dict[str, Any]]:
        """Documents that are themselves an issue of a series: a JSON Lines record with "series" and "issue"."""
        sql = (
            "SELECT rowid, id, source, url, title, published, json_extract(meta, '$.fields.series') AS series, "
            "json_extract(meta, '$.fields.issue') AS issue FROM documents "
            "WHERE json_extract(meta, '$.fields.issue') IS NOT NULL"
        )
        return [dict(r) for r in self._con.execute(sql)]

    def documents_dated(self, source: str | None = None, precision: str | None = None) -> list[tuple[str, str]]:
        """(id, own date) of the (latest versions of) documents whose own date came from `source` ("url") and/or
        has `precision` ("month"): what the page-date checks read, so that they never read every fact."""
        where = ["superseded_by IS NULL", "published IS NOT NULL"]
        args: list[Any] = []
        if source is not None:
            where.append("published_from = ?")
            args.append(source)
        if precision is not None:
            where.append("length(published) = ?")
            args.append({"year": 4, "month": 7, "day": 10}[precision])
        sql = f"SELECT id, published FROM documents WHERE {' AND '.join(where)} ORDER BY id"
        return [(str(r[0]), str(r[1])) for r in self._con.execute(sql, args)]

    def documents_mentioning(self, subjects: Sequence[str]) -> set[int]:
        """Row ids of the documents with a mention (actor or topic fact) of any of these entities."""
        if not subjects:
            return set()
        marks = ",".join("?" * len(subjects))
        sql = f"SELECT DISTINCT doc FROM facts WHERE subject IN ({marks}) AND kind IN ('actor', 'topic')"
        return {int(r[0]) for r in self._con.execute(sql, list(subjects))}

    def mention_in_document(self, rowid: int, subject: str) -> FactOfDocument | None:
        """The first mention (actor or topic fact) of an entity in one document, in the contract."""
        row = self._con.execute(
            _WITH_DOCUMENT
            + "f.doc = ? AND f.subject = ? AND f.kind IN ('actor', 'topic') ORDER BY f.span_start LIMIT 1",
            (rowid, subject),
        ).fetchone()
        return None if row is None else _contract_with_document(row)

    def replace_findings(self, extractor: str, findings: Sequence[tuple[str, tuple[Any, ...]]]) -> None:
        """Replace, in one transaction, every fact of `extractor` (the checks) by `findings`: (document id,
        fact row) pairs."""
        # findings are inconsistency facts: the kind index finds them without reading every fact
        mine = "FROM facts WHERE kind = 'inconsistency' AND extractor = ?"
        stored = {r[0] for r in self._con.execute(f"SELECT id {mine}", (extractor,))}
        if stored == {row[0] for _, row in findings}:
            return  # the same findings (ids hash what they say): nothing to rewrite
        with self.transaction():
            self._con.execute(f"DELETE {mine}", (extractor,))
            ids = sorted({doc_id for doc_id, _ in findings})
            rowids: dict[str, int] = {}
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                sql = f"SELECT id, rowid FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
                rowids.update((r[0], int(r[1])) for r in self._con.execute(sql, chunk))
            missing = [d for d in ids if d not in rowids]
            if missing:
                raise NotFoundError(f"no document with id {missing[0]!r}")
            self._write_fact_rows([(row[0], rowids[doc_id], *row[1:]) for doc_id, row in findings])

    # -- reading -------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self._con.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def document_text(self, doc_id: str) -> str:
        """A document's text alone (its id in full): what a check reads around a fact, without its record."""
        row = self._con.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no document with id {doc_id!r} in {self.path}")
        return str(row[0])

    def get_document(self, id_or_prefix: str) -> Document:
        key = id_or_prefix.strip().lower()
        if len(key) < _MIN_PREFIX:
            raise NotFoundError(f"id prefix {id_or_prefix!r} is too short: give at least {_MIN_PREFIX} characters")
        rows = self._con.execute(
            "SELECT * FROM documents WHERE id >= ? AND id < ? LIMIT 2", (key, key + "\U0010ffff")
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no document with id {id_or_prefix!r} in {self.path}")
        if len(rows) > 1:
            raise NotFoundError(f"id prefix {id_or_prefix!r} matches several documents; give more characters")
        return from_row(rows[0])

    def original(self, doc_id: str) -> bytes:
        row = self._con.execute(
            "SELECT data FROM originals JOIN documents d ON d.rowid = originals.doc WHERE d.id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no original kept for {doc_id}")
        return bytes(row[0])

    def children(self, doc_id: str) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT id FROM documents WHERE parent = ? ORDER BY rowid", (doc_id,))]

    def iter_documents(self, earlier_versions: bool = False) -> Iterator[Document]:
        """Every document, in archiving order; an earlier version of an edited message only if asked
        (re-extraction passes over them: their facts went to the latest version)."""
        where = "" if earlier_versions else " WHERE superseded_by IS NULL"
        for row in self._con.execute(f"SELECT * FROM documents{where} ORDER BY rowid"):
            yield from_row(row)

    def documents_matching(self, query: Query) -> Iterator[Document]:
        """The (latest versions of) documents the full-text index matches, in archiving order: what a check that
        looks for words reads, never every document."""
        sql = (
            "SELECT d.* FROM documents d WHERE d.superseded_by IS NULL AND d.rowid IN (SELECT rowid FROM "
            "documents_fts WHERE documents_fts MATCH ?) ORDER BY d.rowid"
        )
        for row in self._con.execute(sql, (query.fts(),)):
            yield from_row(row)

    def versions(self, doc_id: str) -> tuple[str | None, list[str]]:
        """(the later version that supersedes this document, or None; the earlier versions it supersedes)."""
        row = self._con.execute("SELECT superseded_by FROM documents WHERE id = ?", (doc_id,)).fetchone()
        earlier = self._con.execute(
            "SELECT id FROM documents WHERE superseded_by = ? ORDER BY version_at, rowid", (doc_id,)
        )
        return (row[0] if row else None), [r[0] for r in earlier]

    def search(
        self, query: Query, limit: int = 20, offset: int = 0, narrow: Narrowing | None = None
    ) -> list[SearchHit]:
        """One page of ranked hits; `narrow` keeps them to some facets' values (store.facets)."""
        expr = query.fts()
        kept, args = (narrow or Narrowing()).clause()
        try:
            bound = self.rank_window_start(query, narrow)
            ranked = self._con.execute(
                f"SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ? AND rowid >= ? AND {_LATEST} "
                f"AND {kept} ORDER BY rank LIMIT ? OFFSET ?",
                (expr, bound or 0, *args, limit, offset),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed for {query.text!r}: {exc}") from exc
        return self._hits(ranked)

    def _hits(self, ranked: Iterable[tuple[Any, ...]]) -> list[SearchHit]:
        """(rowid, score) pairs, best first, as hits with their documents."""
        hits = []
        for rowid, score in ranked:
            row = self._con.execute("SELECT * FROM documents WHERE rowid = ?", (rowid,)).fetchone()
            if row is not None:
                hits.append(SearchHit(from_row(row), float(score)))
        return hits

    def rank_window_start(self, query: Query, narrow: Narrowing | None = None) -> int | None:
        """The lowest rowid ranked when more than rank_window documents match, else None (all ranked)."""
        kept, args = (narrow or Narrowing()).clause()
        row = self._con.execute(
            f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND {_LATEST} AND {kept} "
            "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (query.fts(), *args, self.rank_window),
        ).fetchone()
        return None if row is None else int(row[0]) + 1

    def facets(self, query: Query, narrow: Narrowing | None = None) -> dict[str, list[tuple[str, int]]]:
        """The ranked matches by language, media type, origin and year (store.facets)."""
        return facet_counts(self._con, query, self.rank_window_start(query, narrow), narrow)

    def count_matches(self, query: Query, narrow: Narrowing | None = None) -> int:
        kept, args = (narrow or Narrowing()).clause()
        row = self._con.execute(
            f"SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ? AND {_LATEST} AND {kept}",
            (query.fts(), *args),
        )
        return int(row.fetchone()[0])

    def stats(self) -> Stats:
        """Counts over the documents, each edited message once (its latest version)."""
        con = self._con
        docs, size, chars = con.execute(
            "SELECT count(*), coalesce(sum(size), 0), coalesce(sum(length(text)), 0) FROM documents "
            "WHERE superseded_by IS NULL"
        ).fetchone()

        def grouped(expr: str) -> dict[str, int]:
            sql = (
                f"SELECT {expr} AS k, count(*) FROM documents WHERE superseded_by IS NULL "
                "GROUP BY k ORDER BY count(*) DESC, k"
            )
            return {str(k): int(n) for k, n in con.execute(sql)}

        first, last = con.execute(
            "SELECT min(published), max(published) FROM documents WHERE superseded_by IS NULL"
        ).fetchone()
        warned = con.execute(
            "SELECT count(*) FROM documents WHERE warnings != '[]' AND superseded_by IS NULL"
        ).fetchone()[0]
        earlier = con.execute("SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL").fetchone()[0]
        return Stats(
            documents=int(docs),
            original_bytes=int(size),
            text_chars=int(chars),
            by_media_type=grouped("media_type"),
            by_language=grouped(self._FIRST_LANGUAGE),
            by_origin=grouped("origin"),
            first_published=first,
            last_published=last,
            with_warnings=int(warned),
            earlier_versions=int(earlier),
        )

    # -- knowledge base -------------------------------------------------------------------------
    def replace_kb(self, source: str, entities: Sequence[Entity]) -> tuple[int, int]:
        """Replace every entity of `source` in one transaction; returns (removed, added)."""
        with self.transaction():
            removed = self._con.execute("DELETE FROM kb_entities WHERE source = ?", (source,)).rowcount
            self._con.executemany(
                "INSERT OR REPLACE INTO kb_entities(id, source, type, name, data) VALUES (?, ?, ?, ?, ?)",
                [(e.id, source, e.type.value, e.name, entity_json(e)) for e in entities],
            )
        return removed, len(entities)

    def kb_entities(self) -> list[Entity]:
        return [entity_from_json(r[0]) for r in self._con.execute("SELECT data FROM kb_entities ORDER BY rowid")]

    def documents_about(self, subjects: Sequence[str], limit: int = 100) -> list[dict[str, Any]]:
        """Up to `limit` documents with a fact about these entities (store.about)."""
        return documents_about(self._con, subjects, limit)

    def count_documents_about(self, subjects: Sequence[str], cap: int = 10_000) -> int:
        """How many documents have a fact about these entities, up to `cap` (cap + 1: more)."""
        return count_documents_about(self._con, subjects, cap)

    # -- reviews ---------------------------------------------------------------------------------
    def add_review(self, review: Review) -> int:
        """Record an analyst's review (store.reviews): its own row, keyed to the fact's evidence."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; reviews are written with `marsad serve --review`")
        with self.transaction():
            return insert_review(self._con, review)

    def reviews(self, doc_id: str | None = None) -> list[Review]:
        """Every review, or one document's, oldest first."""
        return select_reviews(self._con, doc_id)

    def check_integrity(self, full_text: bool = True) -> list[str]:
        """SQLite's own checks of the file and of the full-text index (`full_text`: FTS5 runs its check as a write,
        so a read-only store cannot), and the kept tables against a recount; [] when all is well."""
        problems = [r[0] for r in self._con.execute("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            if full_text:
                self._con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        kinds = ",".join(f"'{k}'" for k in sorted(COUNTED))
        counted = (
            "SELECT json_array(kind, subject, predicate, value, date, date_end, precision, modality) AS key, count(*) "
            f"FROM facts WHERE kind IN ({kinds}) GROUP BY key"
        )
        if n := self._differ("SELECT key, n FROM fact_group_counts WHERE n != 0", counted, "key"):
            problems.append(f"fact counts (fact_group_counts): {n} groups differ from the facts")
        named = (  # a topic once a fact, however often its sentence names it (the kept rows are a set: kept.Tally)
            "SELECT DISTINCT f.id, f.subject, f.value, json_extract(t.value, '$.id'), 1 FROM facts f, "
            "json_each(f.detail, '$.topics') t WHERE f.kind = 'publication_issue' "
            "AND json_extract(t.value, '$.id') IS NOT NULL"
        )
        topics = "SELECT fact, series, issue, topic, count(*) FROM issue_topics GROUP BY 1, 2, 3, 4"
        if n := self._differ(topics, named, "fact"):
            problems.append(f"issue topics (issue_topics): {n} facts differ from their detail")
        faceted = ",".join(f"'{k}'" for k in sorted(FACETED))
        subjects = (
            f"SELECT doc, kind, subject, count(*) FROM facts WHERE kind IN ({faceted}) AND subject IS NOT NULL "
            "GROUP BY doc, kind, subject"
        )
        kept_subjects = "SELECT doc, kind, subject, n FROM document_subjects WHERE n != 0"
        if n := self._differ(kept_subjects, subjects, "doc"):
            problems.append(f"search facets (document_subjects): {n} documents differ from their facts")
        described = f"SELECT rowid, {FIRST_LANGUAGE}, media_type, origin, substr(published, 1, 4) FROM documents"
        if n := self._differ("SELECT * FROM document_facets", described, "doc"):
            problems.append(f"search facets (document_facets): {n} documents differ from their record")
        return problems

    def _differ(self, kept: str, recount: str, key: str) -> int:
        """How many values of `key` (a column of `kept`) a kept table's rows and their recount from the facts
        disagree on, as multisets (each row with its count)."""
        sql = (
            f"SELECT count(DISTINCT {key}) FROM (SELECT * FROM ({kept} EXCEPT {recount}) UNION ALL SELECT * FROM "
            f"({recount} EXCEPT {kept}))"
        )
        return int(self._con.execute(sql).fetchone()[0])

    def close(self) -> None:
        self._con.close()


# a search counts an edited message once: its earlier versions stay in the index, out of the answers
_LATEST = "rowid NOT IN (SELECT rowid FROM documents WHERE superseded_by IS NOT NULL)"

_WITH_DOCUMENT = (
    "SELECT f.*, d.id AS doc_id, d.source, d.url, d.published, d.title FROM facts f "
    "JOIN documents d ON d.rowid = f.doc WHERE "
)


def _contract_with_document(row: sqlite3.Row) -> FactOfDocument:
    """A fact in the contract, plus its document's `published` and `title` (as `title_of_document`)."""
    return {**contract(row), "published": row["published"], "title_of_document": row["title"]}


def _without_document(fact: FactOfDocument) -> Fact:
    """The fact alone, as iter_facts gives it: without what select_facts adds of its document."""
    out = dict(fact)
    out.pop("published", None)
    out.pop("title_of_document", None)
    return cast(Fact, out)


def _earliest_start(con: sqlite3.Connection, where: FactFilter) -> str:
    """The earliest date of a fact of these kinds whose range may reach `where.date_from`: its year's first, or the
    start of a range (date .. date_end) that ends in or after that year (through facts_kind_date_end)."""
    year = (where.date_from or "")[:4]
    marks = ",".join("?" * len(where.kinds))
    # min(+date): not min(date), which SQLite answers by walking facts_kind_date from the start, row by row
    sql = f"SELECT min(+date) FROM facts WHERE date_end IS NOT NULL AND kind IN ({marks}) AND date_end >= ?"
    began = con.execute(sql, [*where.kinds, year]).fetchone()[0]
    return min(year, began) if began else year


def _fact_filter(where: FactFilter, con: sqlite3.Connection | None = None) -> tuple[str, list[Any]]:
    clause = [f"f.kind IN ({','.join('?' * len(where.kinds))})"]
    args: list[Any] = list(where.kinds)
    for column, wanted in (("subject", where.subjects), ("predicate", where.predicates), ("value", where.values)):
        if wanted is not None:
            clause.append(f"f.{column} IN ({','.join('?' * len(wanted))})" if wanted else "1 = 0")
            args += list(wanted)
    if where.dated and not where.date_from:  # a lower bound on the date says it (and the index then reads from it)
        clause.append("f.date IS NOT NULL")
    if not where.unasserted:
        clause.append("f.modality IS NULL")
    if where.not_extractor:
        clause.append("f.extractor != ?")
        args.append(where.not_extractor)
    if where.on:  # exactly this date (an index lookup, where a range is a scan)
        clause.append("f.date = ? AND f.date_end IS NULL")
        args.append(where.on)
    if where.date_from:  # the fact's own range overlaps the asked one: "2023-10" overlaps 2023-10-05..
        # what overlaps it is dated in or after its year, or is a range begun earlier that ends then: a lower
        # bound on the date, so the index reads from there on, not every earlier fact (and its row, for the rest)
        clause.append("f.date >= ?")
        args.append(_earliest_start(con, where) if con is not None else "")
        clause.append("coalesce(f.date_end, f.date) || '~' >= ?")
        args.append(where.date_from)
    if where.date_to:
        clause.append("f.date <= ?")
        args.append(where.date_to + "~")
    if where.about:
        clause.append("f.detail LIKE ?")
        args.append(f'%"{where.about}"%')
    if where.min_confidence:
        clause.append("f.confidence >= ?")
        args.append(where.min_confidence)
    return " AND ".join(clause), args


def open_store(path: str | Path, read_only: bool = False) -> Store:
    """The archive at `path`: an SQLite file, or a PostgreSQL database named by its URL (postgresql://...; the
    psycopg package, marsad[postgresql]); `read_only` opens it for reading only."""
    if is_server_url(path):
        return _postgres_store()(str(path), read_only=read_only)
    return SQLiteStore(path, read_only=read_only)


def _postgres_store() -> type[SQLiteStore]:
    """The PostgreSQL store's class (psycopg is needed only then: store.opening.postgres says when it is missing)."""
    store: type[SQLiteStore] = postgres().PostgresStore
    return store


def _pieces_of(original: Original) -> Iterator[bytes | memoryview]:
    """An original's bytes, _BLOB_PIECE at a time; those of a file checked against its size and SHA-256 as read."""
    if isinstance(original, bytes):
        view = memoryview(original)
        yield from (view[i : i + _BLOB_PIECE] for i in range(0, len(view), _BLOB_PIECE))
        return
    digest, read = hashlib.sha256(), 0
    shown = original.shown
    try:
        with open(original.path, "rb") as fh:
            while read < original.size and (piece := fh.read(min(_BLOB_PIECE, original.size - read))):
                digest.update(piece)
                read += len(piece)
                yield piece
            more = fh.read(1)
    except OSError as exc:
        raise StoreError(f"{shown}: cannot read the original again to archive it ({exc.strerror or exc})") from None
    if read != original.size or more or digest.hexdigest() != original.sha256:
        raise OriginalChanged(
            f"{shown}: the file changed while it was ingested (not the bytes that were read); nothing of this"
            " batch was written: run the same ingest again",
            original.path,
        )
