"""An edited Telegram message, imported again, is a new version of the same message: both kept, with their
provenance; counted once in stats, timeline, facts and search."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from marsad.store import open_store
from marsad.store.migrations import migrate, migrations
from tests.conftest import SAMPLE, Marsad

EXPORT = json.loads((SAMPLE / "telegram" / "ChatExport_2024-01-12" / "result.json").read_text(encoding="utf-8"))


def _exports(tmp_path: Path) -> tuple[Path, Path]:
    """The sample export, and a later one in which message 105 was edited."""
    later = copy.deepcopy(EXPORT)
    edited = later["messages"][-1]
    edited["text"] = edited["text"].replace("Digest:", "Digest (corrected):")
    edited["edited"] = "2024-01-11T10:30:00"
    paths = []
    for name, data in (("early", EXPORT), ("late", later)):
        (tmp_path / name).mkdir()
        path = tmp_path / name / "result.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def _jsonl(m: Marsad, *args: str) -> list[dict[str, Any]]:
    result = m(*args, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _message_105(m: Marsad) -> list[Any]:
    store = open_store(m.where)
    try:
        return [d for d in store.iter_documents(earlier_versions=True) if d.meta.get("message_id") == 105]
    finally:
        store.close()


def _check_counted_once(m: Marsad) -> None:
    old, new = sorted(_message_105(m), key=lambda d: d.meta.get("edited") or "")
    assert "corrected" in new.text and "corrected" not in old.text
    assert old.parent != new.parent  # each version keeps its own export
    (row,) = [r for r in _jsonl(m, "timeline", "--series", "al-Naba") if r["issue"] == 425]
    assert [s["doc_id"] for s in row["sources"]] == [new.id] and row["mentions"] == 1
    assert _jsonl(m, "facts", "--document", old.id) == [] and _jsonl(m, "facts", "--document", new.id)
    stats = {(r["group"], r["key"]): r["count"] for r in _jsonl(m, "stats")}
    assert stats[("media type", "text/x-telegram-message")] == 4
    assert stats[("total", "earlier versions (edited messages)")] == 1
    assert [h["id"] for h in _jsonl(m, "search", "editorial")] == [new.id]
    shown = m("show", old.id).stdout
    assert f"superseded by: {new.id}" in shown
    assert f"earlier version: {old.id}" in m("show", new.id).stdout


def test_an_edited_message_is_a_new_version(tmp_path: Path, marsad: Marsad) -> None:
    early, late = _exports(tmp_path)
    assert marsad("ingest", str(early)).exit_code == 0
    assert marsad("ingest", str(late)).exit_code == 0
    _check_counted_once(marsad)
    again = marsad("ingest", str(early))  # an older export once more: nothing changes
    assert "ingested 0," in again.stdout
    _check_counted_once(marsad)
    assert marsad("extract", "--force").exit_code == 0  # re-extraction does not bring the old facts back
    _check_counted_once(marsad)


def test_the_latest_version_wins_whatever_the_import_order(tmp_path: Path, marsad: Marsad) -> None:
    early, late = _exports(tmp_path)
    assert marsad("ingest", str(late)).exit_code == 0
    assert marsad("ingest", str(early)).exit_code == 0
    _check_counted_once(marsad)


@pytest.mark.sqlite
def test_the_migration_links_versions_archived_before_it(
    tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch
) -> None:
    early, late = _exports(tmp_path)
    monkeypatch.setattr("marsad.store.sqlite.link_versions", lambda con, key: None)  # as before this change
    marsad("ingest", str(early), str(late))
    monkeypatch.undo()
    old, new = sorted(_message_105(marsad), key=lambda d: d.meta.get("edited") or "")
    assert _jsonl(marsad, "facts", "--document", old.id)  # two unlinked documents, both with facts
    con = sqlite3.connect(marsad.db, isolation_level=None)
    con.execute("DELETE FROM schema_migrations WHERE version IN (6, 13)")  # and the schema before 0006 (and 0013)
    for index in ("documents_version", "documents_superseded", "documents_dated_from", "documents_dated_length"):
        con.execute(f"DROP INDEX {index}")
    for column in ("version_of", "version_at", "superseded_by"):
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    assert [m.version for m in migrate(con)] == [6, 13] and 6 in [m.version for m in migrations()]
    con.close()
    store = open_store(marsad.where)
    assert store.versions(old.id) == (new.id, []) and store.versions(new.id) == (None, [old.id])
    store.close()
    assert _jsonl(marsad, "facts", "--document", old.id) == []
    _check_counted_once(marsad)


@pytest.mark.sqlite
def test_the_modality_migration_fills_the_column_of_facts_stored_before_it(tmp_path: Path, marsad: Marsad) -> None:
    """An archive made before 0007 has no modality column: migrating fills it from each fact's detail, so a denial
    stored then is kept out of answers too."""
    note = tmp_path / "d.md"
    note.write_text(
        "On 10 December 2023 the Islamic State denied that Abu Hudhayfa al-Ansari had been killed.\n", encoding="utf-8"
    )
    assert marsad("ingest", str(note)).exit_code == 0
    con = sqlite3.connect(marsad.db, isolation_level=None)
    # the schema before 0007 (and the kept counts of 0010, as 0014 left them)
    con.execute("DELETE FROM schema_migrations WHERE version IN (7, 10, 14)")
    for trigger in ("delete", "update"):
        con.execute(f"DROP TRIGGER fact_group_counts_{trigger}")
    con.execute("DROP TABLE fact_group_counts")
    con.execute("CREATE TRIGGER issue_topics_insert AFTER INSERT ON facts BEGIN SELECT 1; END")  # 0014 drops it
    con.execute("DROP INDEX facts_group")
    con.execute("ALTER TABLE facts DROP COLUMN modality")
    assert [m.version for m in migrate(con)] == [7, 10, 14]
    stored = dict(con.execute("SELECT json_extract(detail, '$.modality'), modality FROM facts WHERE kind = 'event'"))
    con.close()
    assert stored == {"denied": "denied"}
