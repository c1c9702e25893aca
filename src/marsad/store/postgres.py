"""The archive on a PostgreSQL server (`--db postgresql://USER@HOST/DB`): the SQLite store's reads and writes run
over psycopg 3, with PostgreSQL's full-text search over the same folded words.

What differs from the SQLite store, and why:
- The SQL the two share is written once (store.sqlite) and run here through `_Connection`, which turns SQLite's
  `?` into psycopg's `%s`, `IS ?` into `IS NOT DISTINCT FROM`, drops SQLite's `+column` (read-without-an-index
  mark) and sorts NULL dates first, as SQLite does. What PostgreSQL spells otherwise (upserts, JSON, the index) is
  written here.
- Fewer kept tables: fact_groups and facets count from the facts' indexes, where SQLite's store keeps counts beside
  them; only the issue topics are kept (a trigger), as absence reads them.
- Search: the folded text's words (store.sqlite's fold_index, tokens as SQLite's tokenizer cuts them) as tsvectors
  in parts (documents_fts), ranked by ts_rank, not bm25: the same documents match, in a close but not equal order.
- A NUL character, which PostgreSQL's text cannot hold, is kept as U+FFFD (one character for one: every span
  stays right); the original bytes are kept as they are.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar, cast
from urllib.parse import urlsplit, urlunsplit

import psycopg

from marsad.errors import StoreError
from marsad.model import Document, Entity, Original
from marsad.store.base import FactFilter, SearchHit
from marsad.store.facets import Narrowing, counted
from marsad.store.facts import FACT_COLUMNS, FactOfDocument
from marsad.store.migrations import migrations
from marsad.store.query import Query, Term
from marsad.store.rows import COLUMNS, entity_json, from_row
from marsad.store.sqlite import SQLiteStore, _contract_with_document, _fact_filter, _pieces_of
from marsad.store.versions import link_versions
from marsad.text.fold import iter_tokens

_PART = 4000  # words in one row of the index: a tsvector holds at most 1 MB, and positions up to 16,383
_OVERLAP = 64  # words a part repeats of the one before it: a phrase up to this long is never split between two
_FIRST_LANGUAGE = "CASE WHEN languages = '' THEN 'und' ELSE split_part(languages, ' ', 1) END"
_LATEST = "m.doc NOT IN (SELECT rowid FROM documents WHERE superseded_by IS NOT NULL)"
_BATCH = 5000


def shown(url: str) -> str:
    """The URL as said to the user: without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


@functools.lru_cache(maxsize=512)
def _dialect(sql: str) -> str:
    """SQLite's SQL as PostgreSQL's (what the shared reads use of it)."""
    sql = sql.replace("%", "%%")
    sql = re.sub(r"\bIS \?", "IS NOT DISTINCT FROM ?", sql)
    sql = re.sub(r"(?<=[\s(])\+(?=[a-z])", "", sql)
    sql = sql.replace("ORDER BY f.date,", "ORDER BY f.date NULLS FIRST,")
    return sql.replace("?", "%s")


class _Row(tuple[Any, ...]):
    """A row read by position or by column name, as sqlite3.Row is (the shared reads use both)."""

    _names: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _rows(cursor: Any) -> Callable[[Sequence[Any]], _Row]:
    names: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        names.setdefault(column.name, i)
    kind = type("Row", (_Row,), {"_names": names})
    return lambda values: cast(_Row, kind(values))


class _Connection:
    """A psycopg connection that speaks sqlite3's `execute` and `executemany`, in SQLite's SQL (_dialect)."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        cur = self.raw.cursor(row_factory=_rows)
        cur.execute(_dialect(sql), tuple(args))
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        cur = self.raw.cursor()
        cur.executemany(_dialect(sql), list(rows))
        return cur


def _no_nul(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in row)


def _parts(folded: str) -> Iterator[str]:
    """The folded text's words, _PART a part, each part beginning with the last _OVERLAP words of the one before."""
    part: list[str] = []
    given = False
    for word in iter_tokens(folded):
        part.append(word)
        if len(part) == _PART:
            yield " ".join(part)
            given = True
            part = part[-_OVERLAP:]
    if not given or len(part) > _OVERLAP:
        yield " ".join(part)


def _term(t: Term) -> str:
    forms = []
    for words in t.variants():
        quoted = [f"'{w}'" for w in words]  # folded tokens: letters and digits only, nothing to escape
        if t.prefix:
            quoted[-1] += ":*"
        forms.append("(" + " <-> ".join(quoted) + ")")
    return " | ".join(forms)


def _group(group: Sequence[Term]) -> str:
    return " | ".join(f"({_term(t)})" for t in group)


def _matching(query: Query, ranked: bool = True) -> tuple[str, list[Any]]:
    """SQL of (doc, score) for the documents a query matches (score: lower is better, as bm25's); a document matches
    when each group of its terms matches some part of it and no excluded term any part."""
    groups = [_group(g) for g in query.groups]
    any_group = " | ".join(f"({g})" for g in groups)
    score = "-max(ts_rank(fts.body, to_tsquery('simple', ?)))" if ranked else "0"
    sql = f"SELECT fts.doc, {score} AS score FROM documents_fts fts WHERE fts.body @@ to_tsquery('simple', ?)"
    args: list[Any] = [any_group] * (2 if ranked else 1)
    for t in query.excluded:
        sql += " AND fts.doc NOT IN (SELECT doc FROM documents_fts WHERE body @@ to_tsquery('simple', ?))"
        args.append(_term(t))
    sql += " GROUP BY fts.doc"
    if len(groups) > 1:
        sql += " HAVING " + " AND ".join("bool_or(fts.body @@ to_tsquery('simple', ?))" for _ in groups)
        args += groups
    return sql, args


def _connect(url: str) -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{shown(url)}: cannot connect to the PostgreSQL server ({reason})") from None


def _state(raw: psycopg.Connection[Any]) -> tuple[set[int], bool]:
    """(the migrations recorded, whether the schema holds tables that are not marsad's archive). A table named
    schema_migrations is marsad's only with marsad's columns and its first migration recorded under its name (the
    marker, as SQLite's application_id is): Rails, Django and others keep a table of that name."""
    with raw.cursor() as cur:
        cur.execute("SELECT to_regclass('schema_migrations') IS NOT NULL, to_regclass('documents') IS NOT NULL")
        has_migrations, has_documents = cast(tuple[bool, bool], cur.fetchone())
        if not has_migrations:
            cur.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            tables = int(cast(tuple[int], cur.fetchone())[0])
            return set(), tables > 0 or has_documents
        cur.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
        )
        if dict(cur.fetchall()) != _MIGRATIONS_TABLE:
            return set(), True
        cur.execute("SELECT version, name FROM schema_migrations")
        recorded = dict(cur.fetchall())
        first = migrations("pgsql")[0]
        if recorded.get(first.version) != first.name:
            return set(), True
        return set(recorded), False


_MIGRATIONS_TABLE = {"version": "integer", "name": "text", "applied_at": "text"}  # as _migrate makes it


def check_readable_server(url: str) -> None:
    """Refuse a server database that holds no marsad archive before a read answers from it."""
    raw = _connect(url)
    try:
        done, foreign = _state(raw)
    finally:
        raw.close()
    if foreign:
        raise StoreError(f"{shown(url)}: holds tables of another application, not a marsad archive")
    if not done:
        raise StoreError(
            f"no archive at {shown(url)}; ingest something first (marsad ingest PATH) or point --db (or MARSAD_DB) "
            "at an existing archive"
        )


def _migrate(raw: psycopg.Connection[Any]) -> None:
    """Apply what is missing of store/pgsql, each migration in its own transaction, one process at a time."""
    for mig in migrations("pgsql"):
        with raw.transaction(), raw.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(7166385)")  # "mrsd": two writers never migrate at once
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            cur.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (mig.version,))
            if cur.fetchone() is not None:
                continue
            cur.execute(mig.sql.encode("utf-8"))  # the file's statements, in one simple query
            cur.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (%s, %s, %s)",
                (mig.version, mig.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )


_INSERT = (
    f"INSERT INTO documents({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
    "ON CONFLICT (id) DO NOTHING RETURNING rowid"
)
_FACT_ROW = ("id", "doc", *FACT_COLUMNS[1:])
# fact rows are COPYed into a temporary table and moved from it with one upsert: against an upsert a row, the
# server parses and plans one statement a batch, not one a row; of several rows with one id the last is kept
_FACT_LOAD = (
    f"CREATE TEMP TABLE IF NOT EXISTS fact_load ON COMMIT DELETE ROWS AS SELECT 0 AS n, {', '.join(_FACT_ROW)} "
    "FROM facts WITH NO DATA"
)
_COPY_FACTS = f"COPY fact_load (n, {', '.join(_FACT_ROW)}) FROM STDIN"
_MOVE_FACTS = (
    f"INSERT INTO facts({', '.join(_FACT_ROW)}) SELECT {', '.join(_FACT_ROW)} FROM (SELECT DISTINCT ON (id) * "
    "FROM fact_load ORDER BY id, n DESC) last ORDER BY n "
    "ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in _FACT_ROW[1:])
)
_names = itertools.count()
_TOPICS = "SELECT fact, series, issue, topic FROM issue_topics"
_RECOUNTED_TOPICS = (
    "SELECT DISTINCT f.id, f.subject, f.value, t ->> 'id' FROM facts f, json_array_elements(CASE WHEN "
    "json_typeof(f.detail::json -> 'topics') = 'array' THEN f.detail::json -> 'topics' END) t "
    "WHERE f.kind = 'publication_issue' AND t ->> 'id' IS NOT NULL"
)


class PostgresStore(SQLiteStore):
    """The archive in a PostgreSQL database (its current schema). The SQLite store's reads are inherited and run
    through _Connection; what PostgreSQL does otherwise is overridden here."""

    _FIRST_LANGUAGE = _FIRST_LANGUAGE
    _GROUP_ORDER = " ORDER BY f.seq"  # the order SQLite's grouping index gives them: as written
    _SOURCE = SQLiteStore._SOURCE.replace(
        "json_extract(f.detail, '$.roles.object.type')", "(f.detail::json #>> '{roles,object,type}')"
    ).replace("json_extract(f.detail, '$.roles.object.title')", "(f.detail::json #>> '{roles,object,title}')")

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.path = shown(url)
        self.read_only = read_only
        raw = _connect(url)
        try:
            done, foreign = _state(raw)
            if foreign:
                raise StoreError(
                    f"{self.path}: the database holds tables of another application, not a marsad archive; marsad "
                    "will not write into it. Use --db to name a marsad archive or an empty database."
                )
            if read_only and not done:
                raise StoreError(f"no archive at {self.path}; ingest something first (marsad ingest PATH)")
            if {m.version for m in migrations("pgsql")} - done:
                _migrate(raw)
            if read_only:
                raw.execute("SET default_transaction_read_only = on")
        except BaseException:
            raw.close()
            raise
        self._raw = raw
        self._raw_owner = True
        self._con = cast(sqlite3.Connection, _Connection(raw))  # the inherited SQL runs through it
        self._in_tx = False
        self._reviews = None
        self._moved = None
        self._reviewed_facts = None
        self._resolve = None

    def reviewed_view(self, resolve: Callable[[str], str | None] | None = None) -> PostgresStore:
        view = cast(PostgresStore, super().reviewed_view(resolve))
        view._raw_owner = False  # the view shares this store's connection: dropping it closes nothing
        return view

    # -- writing -------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_tx:
            yield
            return
        try:
            with self._raw.transaction():
                self._in_tx = True
                yield
        except psycopg.OperationalError as exc:
            raise StoreError(f"{self.path}: the write failed ({str(exc).strip()})") from exc
        finally:
            self._in_tx = False

    def add_row(
        self,
        row: tuple[Any, ...],
        original: Original,
        index_text: str | Callable[[], str],
        facts: Iterable[tuple[Any, ...]] = (),
        extracted: tuple[tuple[str, str], ...] = (),
    ) -> bool:
        if not self._in_tx:
            raise StoreError("documents are added inside store.transaction()")
        got = self._con.execute(_INSERT, _no_nul(row)).fetchone()
        if got is None:
            return False
        rowid = int(got[0])
        data = original if isinstance(original, bytes) else b"".join(bytes(p) for p in _pieces_of(original))
        self._con.execute("INSERT INTO originals(doc, data) VALUES (?, ?)", (rowid, data))
        del data
        folded = index_text() if callable(index_text) else index_text
        self._con.executemany(
            "INSERT INTO documents_fts(doc, part, body) VALUES (?, ?, to_tsvector('simple', ?))",
            ((rowid, i, words) for i, words in enumerate(_parts(folded))),
        )
        del folded
        self._write_facts(rowid, facts, extracted)
        version_of = row[COLUMNS.index("version_of")]
        if version_of is not None:
            link_versions(self._con, version_of)
        return True

    def _write_facts(
        self, rowid: int, facts: Iterable[tuple[Any, ...]], extracted: tuple[tuple[str, str], ...]
    ) -> None:
        self._record_extractions(rowid, extracted)
        rows = iter(facts)
        while batch := list(itertools.islice(rows, _BATCH)):
            self._write_fact_rows([(row[0], rowid, *row[1:]) for row in batch])

    def _write_fact_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert fact rows (id, doc, FACT_COLUMNS[1:]); one whose id is there replaces it (the last of a batch)."""
        with self._raw.cursor() as cur:
            cur.execute(_FACT_LOAD)
            with cur.copy(_COPY_FACTS) as copy:
                for n, row in enumerate(rows):
                    copy.write_row((n, *_no_nul(row)))
            cur.execute(_MOVE_FACTS)
            cur.execute("TRUNCATE fact_load")

    def replace_kb(self, source: str, entities: Sequence[Entity]) -> tuple[int, int]:
        with self.transaction():
            removed = self._con.execute("DELETE FROM kb_entities WHERE source = ?", (source,)).rowcount
            self._con.executemany(
                "INSERT INTO kb_entities(id, source, type, name, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) "
                "DO UPDATE SET source = EXCLUDED.source, type = EXCLUDED.type, name = EXCLUDED.name, "
                "data = EXCLUDED.data",
                [(e.id, source, e.type.value, e.name, entity_json(e)) for e in entities],
            )
        return int(removed), len(entities)

    # -- reading -------------------------------------------------------------------------------
    def iter_documents(self, earlier_versions: bool = False) -> Iterator[Document]:
        """Every document, in archiving order, read through a server-side cursor (never the whole archive at once)."""
        where = "" if earlier_versions else " WHERE superseded_by IS NULL"
        with self._raw.cursor(name=f"documents_{next(_names)}", row_factory=_rows, withhold=True) as cur:
            cur.execute(f"SELECT * FROM documents{where} ORDER BY rowid")
            for row in cur:
                yield from_row(cast(sqlite3.Row, row))

    def issue_documents(self) -> list[dict[str, Any]]:
        sql = (
            "SELECT rowid, id, source, url, title, published, meta::json #> '{fields,series}' AS series, "
            "meta::json #> '{fields,issue}' AS issue FROM documents WHERE meta::json #> '{fields,issue}' IS NOT NULL"
        )
        return [dict(r) for r in self._con.execute(sql)]

    def issue_facts_naming(self, series: str, topic: str, lo: int, hi: int) -> list[FactOfDocument]:
        """As SQLite's store reads them: through the topics kept beside the facts (pgsql/0002_issue_topics)."""
        clause, args = _fact_filter(FactFilter(("publication_issue",), subjects=[series], dated=False), self._con)
        sql = (
            "SELECT DISTINCT f.*, d.id AS doc_id, d.source, d.url, d.published, d.title FROM issue_topics t "
            "JOIN facts f ON f.id = t.fact JOIN documents d ON d.rowid = f.doc WHERE t.topic = ? AND t.series = ? "
            "AND t.issue ~ '^[0-9]{1,18}$' AND CAST(t.issue AS BIGINT) BETWEEN ? AND ? AND " + clause
            + " ORDER BY f.date, f.doc, f.span_start"
        )  # fmt: skip
        rows = self._con.execute(sql, [topic, series, lo, hi, *args])
        return list(self._as_reviewed(_contract_with_document(row) for row in rows))

    def fact_groups(self, where: FactFilter) -> list[tuple[Any, ...]]:
        """Facts counted by what they say, from the facts' grouping index (this store keeps no counts)."""
        clause, args = _fact_filter(where, self._con)
        sql = (
            "SELECT f.kind, f.subject, f.predicate, f.value, f.date, f.date_end, f.precision, count(*) FROM facts f "
            "WHERE " + clause + " GROUP BY f.kind, f.subject, f.predicate, f.value, f.date, f.date_end, f.precision"
        )
        groups = [tuple(r) for r in self._con.execute(sql, args)]
        return self._groups_as_reviewed(groups, where) if self._reviews else groups

    # -- search --------------------------------------------------------------------------------
    def _kept(self, narrow: Narrowing | None) -> tuple[str, list[Any]]:
        return (narrow or Narrowing()).clause("m.doc", first_language=_FIRST_LANGUAGE)

    def documents_matching(self, query: Query) -> Iterator[Document]:
        matching, args = _matching(query, ranked=False)
        sql = (
            "SELECT d.* FROM documents d WHERE d.superseded_by IS NULL "
            f"AND d.rowid IN (SELECT m.doc FROM ({matching}) m) ORDER BY d.rowid"
        )
        for row in self._con.execute(sql, args):
            yield from_row(row)

    def search(
        self, query: Query, limit: int = 20, offset: int = 0, narrow: Narrowing | None = None
    ) -> list[SearchHit]:
        matching, args = _matching(query)
        kept, kept_args = self._kept(narrow)
        bound = self.rank_window_start(query, narrow)
        sql = (
            f"SELECT m.doc, m.score FROM ({matching}) m WHERE m.doc >= ? AND {_LATEST} AND {kept} "
            "ORDER BY m.score, m.doc LIMIT ? OFFSET ?"
        )
        try:
            ranked = self._con.execute(sql, (*args, bound or 0, *kept_args, limit, offset)).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"search failed for {query.text!r}: {exc}") from exc
        return self._hits(ranked)

    def rank_window_start(self, query: Query, narrow: Narrowing | None = None) -> int | None:
        matching, args = _matching(query, ranked=False)
        kept, kept_args = self._kept(narrow)
        sql = f"SELECT m.doc FROM ({matching}) m WHERE {_LATEST} AND {kept} ORDER BY m.doc DESC LIMIT 1 OFFSET ?"
        row = self._con.execute(sql, (*args, *kept_args, self.rank_window)).fetchone()
        return None if row is None else int(row[0]) + 1

    def count_matches(self, query: Query, narrow: Narrowing | None = None) -> int:
        matching, args = _matching(query, ranked=False)
        kept, kept_args = self._kept(narrow)
        sql = f"SELECT count(*) FROM ({matching}) m WHERE {_LATEST} AND {kept}"
        return int(self._con.execute(sql, (*args, *kept_args)).fetchone()[0])

    def facets(self, query: Query, narrow: Narrowing | None = None) -> dict[str, list[tuple[str, int]]]:
        matching, args = _matching(query, ranked=False)
        kept, kept_args = self._kept(narrow)
        bound = self.rank_window_start(query, narrow)
        sql = f"SELECT m.doc FROM ({matching}) m WHERE m.doc >= ? AND {_LATEST} AND {kept}"
        docs = [int(r[0]) for r in self._con.execute(sql, (*args, bound or 0, *kept_args))]
        described = (
            f"SELECT {_FIRST_LANGUAGE}, media_type, origin, substr(published, 1, 4) FROM documents WHERE rowid = ANY(?)"
        )
        named = (
            "SELECT subject, count(DISTINCT doc) FROM facts WHERE doc = ANY(?) AND kind = ? "
            "AND subject IS NOT NULL GROUP BY subject"
        )
        return counted(self._con.execute(described, (docs,)), lambda kind: self._con.execute(named, (docs, kind)))

    def check_integrity(self, full_text: bool = True) -> list[str]:
        """The archive against itself: every document indexed and with its original, every fact's text the span of
        its document it names; [] when all is well (the server checks its own files)."""
        problems = []
        checks = (
            ("documents without an index row", "SELECT count(*) FROM documents d WHERE NOT EXISTS "
             "(SELECT 1 FROM documents_fts f WHERE f.doc = d.rowid)"),
            ("documents without their original", "SELECT count(*) FROM documents d WHERE NOT EXISTS "
             "(SELECT 1 FROM originals o WHERE o.doc = d.rowid)"),
            ("issue topics that differ from their facts' detail", f"SELECT count(*) FROM (({_TOPICS} EXCEPT "
             f"{_RECOUNTED_TOPICS}) UNION ALL ({_RECOUNTED_TOPICS} EXCEPT {_TOPICS})) AS differ"),
            ("facts whose text is not their span", "SELECT count(*) FROM facts f JOIN documents d ON d.rowid = f.doc "
             "WHERE substr(d.text, f.span_start::int + 1, (f.span_end - f.span_start)::int) != f.text"),
        )  # fmt: skip
        for what, sql in checks:
            if full_text or "index" not in what:
                n = int(self._con.execute(sql).fetchone()[0])
                if n:
                    problems.append(f"{what}: {n}")
        return problems

    def close(self) -> None:
        self._raw.close()

    def __del__(self) -> None:  # a store dropped unclosed closes its connection, as an sqlite3 one does
        raw = getattr(self, "_raw", None)
        if raw is not None and self._raw_owner:
            raw.close()


__all__ = ["PostgresStore", "check_readable_server", "shown"]
