"""Opening an archive: reads never create one, writes never touch another application's SQLite file,
and an archive that cannot be written can still be read."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.store import open_store
from marsad.store.opening import APPLICATION_ID
from tests.conftest import Marsad

NOTE = "A note about al-Naba issue 412, which appeared on Thursday 12 October 2023.\n"

READ_COMMANDS = [
    ("stats",),
    ("search", "Naba"),
    ("show", "abcdef"),
    ("facts",),
    ("timeline",),
    ("first-mention", "Gaza"),
    ("absence", "Gaza", "--series", "al-Naba", "--from-issue", "1", "--to-issue", "2"),
    ("latency", "--event", "2023-10-07", "--actor", "Islamic State"),
    ("check",),
    ("check", "--no-store"),
    ("extract",),
    ("report", "-o", "r.html"),
    ("kb", "list"),
]


pytestmark = pytest.mark.sqlite  # about the SQLite file itself


@pytest.mark.parametrize("args", READ_COMMANDS, ids=[" ".join(a) for a in READ_COMMANDS])
def test_a_missing_archive_is_an_error_not_an_empty_one(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "typo.db"
    result = Marsad(db)(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: no archive at {db}")
    assert not db.exists()


def _foreign(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO users(name) VALUES ('someone')")
    con.commit()
    con.close()
    return path


def _tables(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master"))
    finally:
        con.close()


def test_another_applications_database_is_left_alone(tmp_path: Path) -> None:
    other = _foreign(tmp_path / "app.sqlite")
    before = other.read_bytes()
    note = tmp_path / "n.txt"
    note.write_text(NOTE)
    for args in (("ingest", str(note)), ("stats",), ("check",), ("run", str(note))):
        result = Marsad(other)(*args)
        assert result.exit_code == 1, args
        assert "another application (tables: users)" in result.stderr and "Traceback" not in result.stderr
    assert other.read_bytes() == before and _tables(other) == ["users"]
    assert not Path(str(other) + "-wal").exists()
    with pytest.raises(StoreError, match="will not write into it"):
        open_store(other)


def test_blank_files_become_archives_and_are_marked(tmp_path: Path, marsad: Marsad) -> None:
    marsad.db.write_bytes(b"")  # touch marsad.db
    note = tmp_path / "n.txt"
    note.write_text(NOTE)
    assert marsad("ingest", str(note)).exit_code == 0
    con = sqlite3.connect(marsad.db)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.close()


def test_an_archive_from_before_the_marker_is_recognised(tmp_path: Path, marsad: Marsad) -> None:
    note = tmp_path / "n.txt"
    note.write_text(NOTE)
    marsad("ingest", str(note))
    con = sqlite3.connect(marsad.db)
    con.execute("PRAGMA application_id = 0")
    con.close()
    assert marsad("stats").exit_code == 0
    assert marsad("ingest", str(note)).exit_code == 0
    con = sqlite3.connect(marsad.db)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    con.close()


def test_a_read_command_does_not_write(tmp_path: Path, marsad: Marsad) -> None:
    note = tmp_path / "n.txt"
    note.write_text(NOTE)
    marsad("ingest", str(note))
    store = open_store(marsad.where, read_only=True)
    with pytest.raises(StoreError, match="cannot be written"), store.transaction():
        store.replace_kb("x", [])
    store.close()


@contextlib.contextmanager
def _immutable(*paths: Path) -> Iterator[None]:
    """Root ignores file modes, but not the immutable attribute: the nearest thing to read-only media."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    done: list[Path] = []
    try:
        for p in paths:
            if subprocess.run(["chattr", "+i", str(p)], capture_output=True).returncode != 0:
                pytest.skip("this file system has no immutable attribute")
            done.append(p)
        yield
    finally:
        for p in reversed(done):
            subprocess.run(["chattr", "-i", str(p)], capture_output=True)


def test_a_read_only_archive_can_be_queried(tmp_path: Path) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    marsad = Marsad(folder / "archive.db")
    note = tmp_path / "n.txt"
    note.write_text(NOTE)
    assert marsad("ingest", str(note)).exit_code == 0
    assert sorted(os.listdir(folder)) == ["archive.db"]  # the last writer checkpointed and removed the WAL
    with _immutable(folder / "archive.db", folder):
        stats = marsad("stats", "-f", "jsonl")
        assert stats.exit_code == 0, stats.output
        assert '"key": "documents", "count": 1' in stats.stdout
        found = marsad("search", "Naba")
        assert found.exit_code == 0 and "1 matching document" in found.output
        assert marsad("facts", "--kind", "date").exit_code == 0
        refused = marsad("ingest", str(note))
        assert refused.exit_code == 1 and refused.stderr.startswith("error: ") and "Traceback" not in refused.output
