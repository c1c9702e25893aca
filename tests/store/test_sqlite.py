from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import NotFoundError, StoreError
from marsad.model import Document, Paragraph, PartialDate
from marsad.store import SQLiteStore, Store, open_store
from marsad.store.migrations import migrations
from marsad.store.query import parse_query


def doc(doc_id: str, text: str = "hello", **kw: object) -> Document:
    return Document(id=doc_id, source=f"/c/{doc_id}.txt", media_type="text/plain", text=text, size=len(text), **kw)  # type: ignore[arg-type]


def test_migrations_are_recorded_and_applied_once(db: Path) -> None:
    open_store(db).close()
    open_store(db).close()
    con = sqlite3.connect(db)
    rows = con.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows == [(m.version, m.name) for m in migrations()]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(StoreError, match="cannot open the archive"):
        open_store(bad)


def test_add_outside_transaction_is_refused(any_store: Store) -> None:
    with pytest.raises(StoreError):
        any_store.add_document(doc("a" * 64), b"x")


def test_duplicate_id_is_ignored_and_reported(any_store: Store) -> None:
    with any_store.transaction():
        assert any_store.add_document(doc("a" * 64), b"x") is True
        assert any_store.add_document(doc("a" * 64), b"x") is False
    assert any_store.stats().documents == 1


def test_failed_transaction_leaves_nothing(any_store: Store) -> None:
    with pytest.raises(RuntimeError), any_store.transaction():
        any_store.add_document(doc("b" * 64), b"x")
        raise RuntimeError("crash mid-batch")
    assert any_store.stats().documents == 0
    assert any_store.count_matches(parse_query("hello")) == 0


def test_prefix_lookup(any_store: Store) -> None:
    with any_store.transaction():
        any_store.add_document(doc("abcd1111" + "0" * 56), b"1")
        any_store.add_document(doc("abcd2222" + "0" * 56), b"2")
    assert any_store.get_document("ABCD1").id.startswith("abcd1111")
    with pytest.raises(NotFoundError, match="several"):
        any_store.get_document("abcd")
    with pytest.raises(NotFoundError, match="too short"):
        any_store.get_document("ab")
    with pytest.raises(NotFoundError, match="no document"):
        any_store.get_document("ffff")


texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=texts, title=st.none() | texts, original=st.binary(max_size=300), day=st.dates())
def test_documents_round_trip(any_store: Store, text: str, title: str | None, original: bytes, day: object) -> None:
    import datetime as dt
    import hashlib

    assert isinstance(day, dt.date)
    doc_id = hashlib.sha256(repr((original, text, title, day)).encode()).hexdigest()
    written = Document(
        id=doc_id,
        source="/c/x.txt",
        media_type="text/plain",
        text=text,
        size=len(original),
        title=title,
        published=PartialDate(f"{day.year:04d}-{day.month:02d}-{day.day:02d}"),
        published_from="url",
        paragraphs=(Paragraph(0, len(text), "en", 0.5),),
        meta={"k": [1, "٤"], "n": None},
        warnings=("w",),
        ingested_at="2024-01-05T10:00:00+00:00",
    )
    with any_store.transaction():
        any_store.add_document(written, original)
    if any_store.path.startswith("postgresql://"):  # its text cannot hold NUL: kept as U+FFFD, one for one
        kept = {"text": text.replace("\x00", "\ufffd"), "title": title and title.replace("\x00", "\ufffd")}
        written = dataclasses.replace(written, **kept)  # type: ignore[arg-type]
    assert any_store.get_document(doc_id) == written
    assert any_store.original(doc_id) == original


def test_integrity_check_is_clean(any_store: Store) -> None:
    with any_store.transaction():
        any_store.add_document(doc("c" * 64, "النبأ العدد ٤١٣"), b"x")
    assert any_store.check_integrity() == []


@pytest.mark.sqlite  # how SQLite binds it (PostgreSQL's long texts: tests/store/test_postgres.py)
def test_a_long_text_and_a_large_original_are_written_whole(store: SQLiteStore) -> None:
    """Past a million characters the text is bound as bytes and the original written in pieces (to hold no extra
    copies): what is read back is the same text, as text, the same bytes and the same index."""
    import marsad.store.sqlite as module

    text = ("غزة والموصل " * 40_000 + "\n") * 3 + "needle-word at the end é"
    original = text.encode("utf-8") + bytes(range(256)) * 4000
    assert len(text) > module._LONG_TEXT and len(original) > 2 * module._BLOB_PIECE
    with store.transaction():
        assert store.add_document(doc("c" * 64, text, title="Long"), original) is True
        assert store.add_document(doc("c" * 64, text, title="Long"), original) is False
    assert store.get_document("c" * 64).text == text
    assert store.original("c" * 64) == original
    assert store._con.execute("SELECT typeof(text) FROM documents").fetchone()[0] == "text"
    for words in ("needle", "غزة", "long"):
        assert store.count_matches(parse_query(words)) == 1, words
    assert store.check_integrity() == []


def test_a_long_text_whose_transaction_fails_leaves_nothing_in_the_index(store: SQLiteStore) -> None:
    """A long text's index terms are written out when it is indexed (a savepoint: FTS5 holds them in memory until
    then), still inside the document's transaction: a failure after it leaves no trace of the document."""
    import marsad.store.sqlite as module

    text = ("غزة والموصل " * 40_000 + "\n") * 3 + "needle-word at the end"
    assert len(text) > module._LONG_TEXT
    with pytest.raises(RuntimeError, match="after the index"), store.transaction():
        assert store.add_document(doc("d" * 64, text, title="Long"), b"x") is True
        assert store.count_matches(parse_query("needle")) == 1  # indexed, in the transaction
        raise RuntimeError("a failure after the index")
    assert store.count_matches(parse_query("needle")) == 0
    assert store.stats().documents == 0 and store.check_integrity() == []
    with store.transaction():  # and written again whole
        assert store.add_document(doc("d" * 64, text, title="Long"), b"x") is True
    assert store.count_matches(parse_query("needle")) == 1 and store.check_integrity() == []
