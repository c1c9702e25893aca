"""Operational failures end in one `error:` line and a non-zero exit code, never a traceback."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.store import SQLiteStore, open_store
from tests.conftest import Marsad

NOTE = "A note about al-Naba issue 412, which appeared on Thursday 12 October 2023.\n"
ROOT = Path(__file__).resolve().parents[2]


def _one_error_line(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr and len(lines) == 1, stderr
    assert lines[0].startswith("error: ") and all(w in lines[0] for w in words), lines[0]
    return lines[0]


def _note(tmp_path: Path, name: str = "n.txt", text: str = NOTE) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("MARSAD_BATCH", "abc", ("MARSAD_BATCH", "'abc'")),
        ("MARSAD_BATCH", "0", ("MARSAD_BATCH", "'0'")),
        ("MARSAD_MAX_SIZE", "lots", ("MARSAD_MAX_SIZE", "'lots'")),
        ("MARSAD_MAX_SIZE", "1e400", ("MARSAD_MAX_SIZE",)),
        ("MARSAD_WORKERS", "-1", ("MARSAD_WORKERS", "'-1'")),
    ],
)
def test_a_bad_setting_is_one_error_line(tmp_path: Path, variable: str, value: str, words: tuple[str, ...]) -> None:
    note = _note(tmp_path)
    for args in (["ingest", str(note)], ["run", str(note)]):
        result = CliRunner().invoke(
            cli, ["--db", str(tmp_path / "a.db"), *args], env={variable: value}, catch_exceptions=False
        )
        assert result.exit_code == 2, result.output
        _one_error_line(result.stderr, *words)


def test_a_bad_setting_does_not_break_other_commands(tmp_path: Path) -> None:
    """Settings were read when the commands were defined: MARSAD_BATCH=abc broke every command."""
    db = tmp_path / "a.db"
    env = {**os.environ, "MARSAD_BATCH": "abc", "MARSAD_DB": str(db)}
    run = [sys.executable, "-m", "marsad"]
    ingest = subprocess.run([*run, "ingest", str(_note(tmp_path))], env=env, capture_output=True, text=True)
    assert ingest.returncode == 2
    _one_error_line(ingest.stderr, "MARSAD_BATCH")
    fine = subprocess.run([*run, "--help"], env=env, capture_output=True, text=True)
    assert fine.returncode == 0 and "Traceback" not in fine.stderr


def test_an_option_value_names_the_option(tmp_path: Path, marsad: Marsad) -> None:
    result = marsad("ingest", "--batch", "many", str(_note(tmp_path)))
    assert result.exit_code == 2
    _one_error_line(result.stderr, "--batch", "'many'")


@pytest.mark.sqlite
def test_disk_full_is_one_line(tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> bool:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SQLiteStore, "add_row", full)
    result = marsad("ingest", str(_note(tmp_path)))
    assert result.exit_code == 1
    _one_error_line(result.stderr, "no space left on the device")
    monkeypatch.undo()
    again = marsad("ingest", str(_note(tmp_path)))
    assert again.exit_code == 0 and "ingested 1," in again.stdout  # nothing half-written stood in the way


@pytest.mark.sqlite
def test_sqlite_disk_full_is_one_line(tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> bool:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SQLiteStore, "add_row", full)
    result = marsad("ingest", str(_note(tmp_path)))
    assert result.exit_code == 1
    _one_error_line(result.stderr, str(marsad.db), "disk full")


@pytest.mark.sqlite
def test_a_write_lock_held_too_long_is_one_line(
    tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch
) -> None:
    marsad("ingest", str(_note(tmp_path)))
    monkeypatch.setattr("marsad.store.sqlite.BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(marsad.db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
    try:
        result = marsad("ingest", str(_note(tmp_path, "m.txt", "Another note, dated 4 January 2024.\n")))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    _one_error_line(result.stderr, "locked by another program", "0.2 s")
    store = open_store(marsad.where)
    assert store.stats().documents == 1 and store.check_integrity() == []
    store.close()


def test_an_offset_beyond_sqlite_integers(tmp_path: Path, marsad: Marsad) -> None:
    marsad("ingest", str(_note(tmp_path)))
    huge = marsad("search", "Naba", "--offset", str(2**64))
    assert huge.exit_code == 2 and "Traceback" not in huge.output and "--offset" in huge.stderr
    largest = marsad("search", "Naba", "--offset", str(2**63 - 1))
    assert largest.exit_code == 0 and "Traceback" not in largest.output
