"""A search's facets, counted through the kept tables of migration 0015, equal the same counts taken from the
documents' records and their facts, for the whole match and for a rank window, narrowed or not, after the facts
are extracted again and some are deleted."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from marsad.store import SQLiteStore
from marsad.store.facets import _LATEST, FACETS, Narrowing, facet_counts
from marsad.store.query import parse_query
from tests.conftest import Marsad

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "sample" / "collection"
WORDS = ["Gaza", "al-Naba", "النبأ", "statement", "Islamic State", "الدولة", "issue OR عدد"]


pytestmark = pytest.mark.sqlite  # about the SQLite file itself


def _recount(store: SQLiteStore, text: str, narrow: Narrowing | None) -> dict[str, dict[str, int]]:
    """The facets read off the documents and their facts themselves."""
    query = parse_query(text)
    con = store._con
    kept, args = (narrow or Narrowing()).clause("f.rowid")
    sql = f"SELECT f.rowid FROM documents_fts f WHERE documents_fts MATCH ? AND f.rowid >= ? AND {_LATEST} AND {kept}"
    window = store.rank_window_start(query, narrow) or 0
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for (rowid,) in con.execute(sql, (query.fts(), window, *args)).fetchall():
        languages, media_type, origin, published = con.execute(
            "SELECT languages, media_type, origin, published FROM documents WHERE rowid = ?", (rowid,)
        ).fetchone()
        counts["language"][(languages or "und").split(" ", 1)[0]] += 1
        counts["media type"][media_type] += 1
        counts["origin"][origin] += 1
        counts["year"][published[:4] if published else "undated"] += 1
        for facet, kind in (("actor", "actor"), ("series", "publication_issue")):
            for (subject,) in con.execute(
                "SELECT DISTINCT subject FROM facts WHERE doc = ? AND kind = ? AND subject IS NOT NULL", (rowid, kind)
            ):
                counts[facet][subject] += 1
    return {name: dict(c) for name, c in counts.items()}


def _kept(store: SQLiteStore, text: str, narrow: Narrowing | None) -> dict[str, dict[str, int]]:
    query = parse_query(text)
    found = facet_counts(store._con, query, store.rank_window_start(query, narrow), narrow, top=10_000)
    return {name: dict(values) for name, values in found.items()}


@pytest.mark.parametrize("window", [None, 4])
def test_facets_from_the_kept_tables_equal_a_recount(marsad: Marsad, window: int | None) -> None:
    assert marsad("ingest", str(SAMPLE)).exit_code == 0

    def same(store: SQLiteStore) -> None:
        if window is not None:
            store.rank_window = window
        seen = 0
        for word in WORDS:
            for narrow in (None, Narrowing(language="ar"), Narrowing(year="2024")):
                expected = _recount(store, word, narrow)
                assert _kept(store, word, narrow) == expected, (word, narrow)
                seen += sum(expected["actor"].values()) + sum(expected["series"].values())
        assert seen > 20  # the sample's words name actors and series: the counts are not empty

    store = SQLiteStore(marsad.db)
    same(store)
    store.close()
    assert marsad("extract", "--force").exit_code == 0
    store = SQLiteStore(marsad.db)
    same(store)
    with store.transaction():
        store._con.execute("DELETE FROM facts WHERE kind = 'actor' AND rowid % 2 = 0")
    same(store)
    assert store.check_integrity() == []
    store.close()


def test_the_empty_rows_are_dropped_through_their_index(marsad: Marsad, tmp_path: Path) -> None:
    """Every transaction drops the document_subjects rows a delete emptied: through the partial index of those
    rows, never a scan of the table (millions of rows at a million documents)."""
    from marsad.store.kept import DROP_EMPTY_SUBJECTS

    (tmp_path / "note.md").write_text("# Note\n\nThe Islamic State said so.\n", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    store = SQLiteStore(marsad.db)
    try:
        plan = " ".join(str(r[3]) for r in store._con.execute("EXPLAIN QUERY PLAN " + DROP_EMPTY_SUBJECTS))
        assert "USING INDEX document_subjects_empty" in plan, plan
    finally:
        store.close()
