"""The counts of facts by what they say (migration 0010), the topics issue facts name (0012) and what a search's
facets count (0015: a row a document, a row a document and entity it names), kept as facts are written, always
equal a recount: through ingest, re-extraction, a fact written again in place (INSERT OR REPLACE),
updates and deletion; `check_integrity` says when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.store import FactFilter, SQLiteStore, kept, sqlite
from marsad.store.facts import FACT_COLUMNS
from tests.conftest import Marsad

NOTES = [
    "Al-Naba issue 410 appeared on 5 October 2023. Al-Naba issue 411 appeared on 12 October 2023.\n\n"
    "On 4 January 2024 Abu Hudhayfa al-Ansari said the war in Gaza was a religious war.\n",
    "Al-Naba issue 411 appeared on 12 October 2023. On 10 December 2023 the Islamic State denied that Abu Hudhayfa "
    "al-Ansari had been killed.\n\nAl-Naba issue 412 did not mention Gaza. Al-Naba issue 413 mentioned Gaza twice.\n",
]
KINDS = ("statement", "event", "publication_issue", "campaign")


pytestmark = pytest.mark.sqlite  # about the SQLite file itself


def _recount(store: SQLiteStore, unasserted: bool) -> set[tuple[object, ...]]:
    sql = (
        "SELECT kind, subject, predicate, value, date, date_end, precision, count(*) FROM facts "
        "WHERE kind IN ('statement', 'event', 'publication_issue', 'campaign') AND date IS NOT NULL "
        + ("" if unasserted else "AND modality IS NULL ")
        + "GROUP BY kind, subject, predicate, value, date, date_end, precision"
    )
    return {tuple(r) for r in store._con.execute(sql)}


def _kept(store: SQLiteStore, unasserted: bool) -> set[tuple[object, ...]]:
    return set(store.fact_groups(FactFilter(KINDS, unasserted=unasserted)))


@pytest.mark.parametrize("early", [False, True])
def test_the_kept_counts_equal_a_recount_through_every_write(
    marsad: Marsad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, early: bool
) -> None:
    """`early`: a fact a batch, the tally written after each, as a long document's millions of facts are (a count
    that dips below zero mid-transaction, when a re-extraction deletes before it adds, must not be dropped)."""
    if early:
        monkeypatch.setattr(sqlite, "_FACT_BATCH", 1)
        monkeypatch.setattr(kept, "_LARGE", 1)
    for n, text in enumerate(NOTES):
        (tmp_path / f"note{n}.md").write_text(f"# Note {n}\n\nAnalyst note.\n\n{text}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path)).exit_code == 0
    store = SQLiteStore(marsad.db)

    def same() -> None:
        for unasserted in (False, True):
            assert _kept(store, unasserted) == _recount(store, unasserted)
        assert store.check_integrity() == []

    assert store._con.execute("SELECT count(*) FROM issue_topics").fetchone()[0] >= 2  # 412 and 413 name Gaza
    groups = _recount(store, True)
    assert {g[0] for g in groups} >= {"statement", "event", "publication_issue"}
    assert any(int(str(g[7])) > 1 for g in groups)
    same()
    store.close()
    assert marsad("extract", "--force").exit_code == 0
    store = SQLiteStore(marsad.db)
    same()
    again = store._con.execute(  # the same facts written again in place: replaced, not counted twice
        f"SELECT d.id, {', '.join('f.' + c for c in FACT_COLUMNS)} FROM facts f JOIN documents d ON d.rowid = f.doc "
        "WHERE f.kind IN ('publication_issue', 'statement')"
    ).fetchall()
    for doc_id in {r[0] for r in again}:
        store.replace_facts(doc_id, (), [tuple(r[1:]) for r in again if r[0] == doc_id] * 2)
    same()
    with store.transaction():
        store._con.execute("DELETE FROM facts WHERE kind = 'publication_issue' AND value = '411' AND rowid % 2 = 0")
    same()
    with store.transaction():
        store._con.execute("UPDATE facts SET date = '2023-10-13' WHERE kind = 'publication_issue' AND value = '411'")
    same()
    with store.transaction():  # a statement read as denied: counted apart, out of what is asserted
        store._con.execute("UPDATE facts SET modality = 'denied' WHERE kind = 'statement'")
    assert _recount(store, False) != _recount(store, True)
    same()
    with store.transaction():  # a fact naming a topic deleted: its topics leave with it
        store._con.execute("DELETE FROM facts WHERE kind = 'publication_issue' AND value = '413'")
    same()
    with store.transaction():  # a fact's detail rewritten without its topics: they leave with it
        store._con.execute("UPDATE facts SET detail = json_remove(detail, '$.topics') WHERE kind = 'publication_issue'")
    assert store._con.execute("SELECT count(*) FROM issue_topics").fetchone()[0] == 0
    same()
    with store.transaction():  # an actor fact re-resolved to another entity, and one to none
        moved = store._con.execute(
            "UPDATE facts SET subject = 'another' WHERE kind = 'actor' AND rowid % 3 = 0 AND subject IS NOT NULL"
        ).rowcount
        store._con.execute("UPDATE facts SET subject = NULL WHERE kind = 'actor' AND rowid % 3 = 1")
    assert moved
    assert store._con.execute("SELECT count(*) FROM document_subjects WHERE subject = 'another'").fetchone()[0]
    same()
    with store.transaction():  # a document's record changed: its facet row follows
        store._con.execute("UPDATE documents SET published = '2019-01-01', languages = 'ar en' WHERE rowid = 1")
    assert tuple(store._con.execute("SELECT language, year FROM document_facets WHERE doc = 1").fetchone()) == (
        "ar",
        "2019",
    )
    same()
    with store.transaction():
        store._con.execute(
            "UPDATE document_subjects SET n = n + 1 WHERE doc = (SELECT min(doc) FROM document_subjects)"
        )
        store._con.execute("UPDATE document_facets SET origin = 'elsewhere' WHERE doc = 1")
    assert store.check_integrity() == [
        "search facets (document_subjects): 1 documents differ from their facts",
        "search facets (document_facets): 1 documents differ from their record",
    ]
    with store.transaction():
        store._con.execute(
            "UPDATE document_subjects SET n = n - 1 WHERE doc = (SELECT min(doc) FROM document_subjects)"
        )
        store._con.execute("UPDATE document_facets SET origin = (SELECT origin FROM documents WHERE rowid = 1)")
    same()
    with store.transaction():
        events = store._con.execute("UPDATE fact_group_counts SET n = n + 1 WHERE kind = 'event'").rowcount
    problem = f"fact counts (fact_group_counts): {events} groups differ from the facts"
    assert events and store.check_integrity() == [problem]
    store.close()
