"""Fact rows are written by a plain INSERT when their ids are new, and replaced as before when one is not: the last
row with an id is the one kept, whether it repeats an id of its own batch or one already in the table, and the
kept counts follow (test_fact_group_counts.py recounts them through every kind of write)."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from marsad.model import Document, PartialDate, Span, Statement
from marsad.store import FactFilter, SQLiteStore, sqlite

DOC = "b" * 64
TEXT = "Issue 411 came out. Issue 412 came out."


def _facts() -> list[Statement]:
    return [
        Statement("publication_issue", "published_issue", (Span(DOC, 0, 9),), "series", "1", subject="s1",
                  value="411", date=PartialDate("2023-10-05"), confidence=0.5),
        Statement("publication_issue", "published_issue", (Span(DOC, 20, 29),), "series", "1", subject="s1",
                  value="412", date=PartialDate("2023-10-12"), confidence=0.5),
    ]  # fmt: skip


@pytest.mark.parametrize("batch", [1, 5000])  # one row a batch: the repeated id is in the table by then
def test_the_last_row_with_an_id_is_kept_and_counted_once(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(sqlite, "_FACT_BATCH", batch)
    with store.transaction():
        store.add_document(Document(DOC, "n.txt", "text/plain", TEXT, len(TEXT)), b"x")
    first = _facts()
    surer = dataclasses.replace(first[0], confidence=0.9, id=first[0].id)  # the same fact, read surer
    store.replace_facts(DOC, (("series", "1"),), store.fact_rows_of([*first, surer], TEXT))
    facts = {f["text"][-3:]: f for f in store.select_facts(FactFilter(("publication_issue",)))}
    assert {v: f["confidence"] for v, f in facts.items()} == {"411": 0.9, "412": 0.5}
    assert store.check_integrity() == []
    groups = {g[3]: g[7] for g in store.fact_groups(FactFilter(("publication_issue",)))}
    assert groups == {"411": 1, "412": 1}
    # written again without deleting first (no extractor named): every id is in the table
    store.replace_facts(DOC, (), store.fact_rows_of(first, TEXT))
    facts = {f["text"][-3:]: f for f in store.select_facts(FactFilter(("publication_issue",)))}
    assert {v: f["confidence"] for v, f in facts.items()} == {"411": 0.5, "412": 0.5}
    assert {g[3]: g[7] for g in store.fact_groups(FactFilter(("publication_issue",)))} == {"411": 1, "412": 1}
    assert store.check_integrity() == []


@pytest.mark.sqlite  # SQLite's error and its fallback to INSERT OR REPLACE
def test_a_row_no_replacing_can_write_still_fails(store: SQLiteStore) -> None:
    """Another constraint (here: rows of a document number the archive lacks) fails as it did, after the replacing
    attempt, and the transaction writes nothing."""
    rows = store.fact_rows_of(_facts(), TEXT)
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"), store.transaction():
        store._write_facts(999, rows, ())
    assert store._con.execute("SELECT count(*) FROM facts").fetchone()[0] == 0
