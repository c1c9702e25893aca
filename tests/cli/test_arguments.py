"""The command line as the README writes it: `search Hamas -Gaza`, --db anywhere, paths as given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from marsad.cli import cli
from marsad.store import open_store
from tests.conftest import Marsad

BOTH = "Hamas issued a statement on Gaza on 4 January 2024.\n"
HAMAS_ONLY = "Hamas issued a statement on the prisoners on 5 January 2024.\n"
FATAH = "Hamas and Fatah met in Cairo on 6 January 2024.\n"


@pytest.fixture
def archive(tmp_path: Path, marsad: Marsad) -> Marsad:
    for name, text in (("both.txt", BOTH), ("hamas.txt", HAMAS_ONLY), ("fatah.txt", FATAH)):
        (tmp_path / name).write_text(text)
    assert marsad("ingest", str(tmp_path)).exit_code == 0
    return marsad


def _sources(result: Result) -> set[str]:
    assert result.exit_code == 0, result.output
    return {Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()}


def test_the_documented_exclusion(archive: Marsad) -> None:
    assert _sources(archive("search", "Hamas", "-Gaza", "-f", "jsonl")) == {"hamas.txt", "fatah.txt"}
    assert _sources(archive("search", "Hamas", "-Gaza", "-Fatah", "-f", "jsonl")) == {"hamas.txt"}
    assert _sources(archive("search", "-f", "jsonl", "--", "Hamas", "-Gaza")) == {"hamas.txt", "fatah.txt"}


def test_words_that_look_like_options(archive: Marsad) -> None:
    # -news and -Fallujah hold the letters of -n and -h: still words to exclude
    assert _sources(archive("search", "Hamas", "-news", "-Fallujah", "-fjsonl")) == {
        "both.txt",
        "hamas.txt",
        "fatah.txt",
    }
    assert len(_sources(archive("search", "Hamas", "-n1", "-f", "jsonl"))) == 1
    assert len(_sources(archive("search", "Hamas", "--limit=1", "--format=jsonl"))) == 1
    assert archive("search", "-h").exit_code == 0


def test_db_after_the_command(archive: Marsad, tmp_path: Path) -> None:
    db = archive.where
    runner = CliRunner()
    after = runner.invoke(cli, ["search", "Hamas", "-Gaza", "--db", db, "-f", "jsonl"], catch_exceptions=False)
    assert _sources(after) == {"hamas.txt", "fatah.txt"}
    stats = runner.invoke(cli, ["stats", "--db", db, "-f", "json"], catch_exceptions=False)
    assert stats.exit_code == 0 and {"group": "total", "key": "documents", "count": 3} in json.loads(stats.stdout)
    assert runner.invoke(cli, ["kb", "list", "--db", db]).exit_code == 0
    # after the command it wins over the one before it
    missing = tmp_path / "other.db"
    overridden = runner.invoke(cli, ["--db", str(missing), "stats", "--db", db], catch_exceptions=False)
    assert overridden.exit_code == 0 and not missing.exists()


def test_a_relative_source_is_kept_as_given_and_resolvable(
    tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text(BOTH)
    monkeypatch.chdir(tmp_path)
    assert marsad("ingest", "notes/a.txt").exit_code == 0
    monkeypatch.chdir("/")
    store = open_store(marsad.where)
    (doc,) = store.iter_documents()
    store.close()
    assert doc.source == "notes/a.txt"
    assert doc.meta["path"] == str(tmp_path / "notes" / "a.txt") and Path(doc.meta["path"]).is_file()
    shown = marsad("show", doc.id[:8]).stdout
    assert "source: notes/a.txt" in shown and f"path: {tmp_path / 'notes' / 'a.txt'}" in shown
