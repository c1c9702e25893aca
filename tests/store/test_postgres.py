"""The PostgreSQL store against the SQLite one: the same collection ingested into each gives the same facts and the
same answers, and what only a server archive meets (a database of another application, a text holding NUL, a
password in the URL, an index in parts) is handled. Needs a server: MARSAD_TEST_POSTGRESQL (.ci/run starts one)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import psycopg
import pytest

from marsad.errors import StoreError
from marsad.model import Document
from marsad.store import open_store
from marsad.store.postgres import _OVERLAP, _PART, _RECOUNTED_TOPICS, shown
from marsad.store.query import parse_query
from tests.conftest import SAMPLE, Marsad

pytestmark = pytest.mark.postgresql

ANSWERS = (
    ("facts", "--format", "jsonl"),
    ("stats",),
    ("timeline",),
    ("timeline", "--by", "actor"),
    ("first-mention", "Gaza"),
    ("latency",),
    ("absence", "al-Naba", "Gaza"),
    ("check", "--explain"),
    ("campaigns",),
)


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, source=f"/c/{doc_id[:4]}.txt", media_type="text/plain", text=text, size=len(text))


def test_the_sample_gives_the_same_facts_and_answers_on_both_stores(db: Path, postgresql_url: str) -> None:
    on_sqlite, on_postgresql = Marsad(db), Marsad(postgresql_url)
    for marsad in (on_sqlite, on_postgresql):
        result = marsad("ingest", str(SAMPLE))
        assert result.exit_code == 0, result.output
        assert marsad("check").exit_code == 0
    compared = 0
    for args in ANSWERS:
        a, b = on_sqlite(*args), on_postgresql(*args)
        assert (a.exit_code, a.output) == (b.exit_code, b.output), args
        compared += len(a.output)
    assert compared > 10_000  # the answers said something
    a, b = on_sqlite("search", "Naba", "--format", "jsonl"), on_postgresql("search", "Naba", "--format", "jsonl")
    assert a.exit_code == b.exit_code == 0
    hits = [sorted(json.loads(line)["id"] for line in r.output.splitlines()) for r in (a, b)]
    assert hits[0] == hits[1] and len(hits[0]) >= 3  # the same hits (ts_rank scores and orders them, not bm25)


def test_a_read_of_an_empty_database_says_there_is_no_archive(postgresql_url: str) -> None:
    result = Marsad(postgresql_url)("stats")
    assert result.exit_code != 0 and "no archive at" in result.output


def test_a_database_of_another_application_is_not_written(postgresql_url: str) -> None:
    with psycopg.connect(postgresql_url, autocommit=True) as con:
        con.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="another application"):
        open_store(postgresql_url)
    with psycopg.connect(postgresql_url, autocommit=True) as con:
        tables = [r[0] for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    assert tables == ["invoices"]


@pytest.mark.parametrize(
    "table",
    [
        "CREATE TABLE schema_migrations (version VARCHAR PRIMARY KEY)",  # Rails's
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    ],  # the second: marsad's shape, another tool's rows
)
def test_another_applications_schema_migrations_is_not_taken_for_an_archive(postgresql_url: str, table: str) -> None:
    with psycopg.connect(postgresql_url, autocommit=True) as con:
        con.execute(table)
        con.execute("INSERT INTO schema_migrations VALUES (" + ("'20240104120000')" if "VARCHAR" in table else
                    "1, 'create_users', '2024-01-04')"))  # fmt: skip
    marsad = Marsad(postgresql_url)
    for args in (["stats"], ["ingest", str(SAMPLE / "notes")]):
        result = marsad(*args)
        assert result.exit_code == 1 and "another application" in result.stderr, result.output
    with psycopg.connect(postgresql_url, autocommit=True) as con:
        tables = [r[0] for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
        rows = con.execute("SELECT count(*) FROM schema_migrations").fetchone()
    assert tables == ["schema_migrations"] and rows == (1,)  # nothing written


def test_a_text_with_nul_is_kept_with_every_span_in_place(postgresql_url: str) -> None:
    text = "before\x00after Gaza"
    store = open_store(postgresql_url)
    try:
        with store.transaction():
            assert store.add_document(_doc("e" * 64, text), text.encode()) is True
        kept = store.document_text("e" * 64)
        assert kept == "before\ufffdafter Gaza" and len(kept) == len(text)
        assert store.original("e" * 64) == text.encode()
        assert store.count_matches(parse_query("gaza")) == 1
    finally:
        store.close()


def test_the_password_is_never_shown() -> None:
    assert (
        shown("postgresql://marsad:s3cret@db.example:5432/archive") == "postgresql://marsad:***@db.example:5432/archive"
    )
    assert shown("postgresql://marsad@127.0.0.1/archive") == "postgresql://marsad@127.0.0.1/archive"


def test_a_long_text_is_searched_across_its_index_parts(postgresql_url: str) -> None:
    """The index holds a long text in parts of _PART words: a phrase across a part's end, words of one query in
    different parts and an excluded word in a later part all answer as in one text."""
    words = [f"w{i}" for i in range(3 * _PART)]
    words[_PART - 2 : _PART + 2] = ["alpha", "beta", "gamma", "delta"]  # across the first part's end
    words[10], words[-10] = "mosul", "raqqa"
    text = " ".join(words)
    doc_id = hashlib.sha256(text.encode()).hexdigest()
    store = open_store(postgresql_url)
    try:
        with store.transaction():
            store.add_document(_doc(doc_id, text), b"x")
        assert store.count_matches(parse_query('"alpha beta gamma delta"')) == 1
        assert store.count_matches(parse_query("mosul raqqa")) == 1
        assert store.count_matches(parse_query("mosul -raqqa")) == 0
        assert store.count_matches(parse_query('"delta alpha"')) == 0
        assert store.check_integrity() == []
        assert _OVERLAP < _PART
    finally:
        store.close()


def test_verify_says_a_server_archive_is_sound(postgresql_url: str) -> None:
    marsad = Marsad(postgresql_url)
    assert marsad("ingest", str(SAMPLE)).exit_code == 0
    result = marsad("verify")
    assert result.exit_code == 0 and "sound, 25 documents" in result.output, result.output
    with psycopg.connect(postgresql_url, autocommit=True) as con:  # the issue topics the trigger kept
        assert (con.execute("SELECT count(*) FROM issue_topics").fetchone() or (0,))[0] > 0
        con.execute("DELETE FROM issue_topics WHERE ctid = (SELECT min(ctid) FROM issue_topics)")
    result = marsad("verify")
    assert "issue topics that differ from their facts' detail: 1" in result.output, result.output
    with psycopg.connect(postgresql_url, autocommit=True) as con:
        con.execute("DELETE FROM issue_topics")
        con.execute(f"INSERT INTO issue_topics {_RECOUNTED_TOPICS}")
    with psycopg.connect(postgresql_url, autocommit=True) as con:  # a fact whose text no longer is its span
        con.execute("UPDATE facts SET text = text || 'x' WHERE id = (SELECT min(id) FROM facts)")
    result = marsad("verify")
    assert (
        result.exit_code == 1
        and "problem:" in result.output
        and "facts whose text is not their span: 1" in result.output
    )


def test_without_psycopg_a_server_url_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "marsad.store.postgres", None)  # as if psycopg were not installed
    for args in (("stats",), ("ingest", str(SAMPLE))):
        result = Marsad("postgresql://analyst@127.0.0.1:1/archive")(*args)
        assert result.exit_code != 0 and "needs the psycopg package" in result.output, result.output


def test_a_server_that_drops_a_read_is_one_error_line(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The server ends the connection in the middle of a read command (a restart, an administrator): one `error:`
    line naming the archive, exit 1, never a traceback; the archive is there for the next command."""
    from marsad.store.postgres import PostgresStore

    marsad = Marsad(postgresql_url)
    note = tmp_path / "note.md"
    note.write_text("# Note\n\nAl-Naba issue 413 appeared on 19 October 2023.\n", encoding="utf-8")
    assert marsad("ingest", str(note)).exit_code == 0
    stats = PostgresStore.stats

    def dropped(self: PostgresStore) -> object:
        self._con.execute("SELECT pg_terminate_backend(pg_backend_pid())")  # the server ends this connection
        return stats(self)

    monkeypatch.setattr(PostgresStore, "stats", dropped)
    result = marsad("stats")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"error: {postgresql_url}: the PostgreSQL server failed (AdminShutdown: terminating connection due to "
        "administrator command)"
    ]
    monkeypatch.undo()
    assert marsad("stats").exit_code == 0
