"""Walking folders: nothing is passed over without a line that says so."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad

NOTE = "A note about al-Naba issue 412, which appeared on Thursday 12 October 2023.\n"


def _unreadable(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """Root reads every folder: refuse this one the way the kernel refuses a user without the x bit."""
    real: Callable[..., Any] = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr("marsad.ingest.walk.os.scandir", scandir)


def _collection(tmp_path: Path) -> Path:
    top = tmp_path / "c"
    (top / "locked").mkdir(parents=True)
    (top / "a.txt").write_text(NOTE)
    (top / "locked" / "b.txt").write_text("Another note, 4 January 2024.\n")
    return top


def test_an_unreadable_folder_inside_is_said_even_quietly(
    tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = _collection(tmp_path)
    _unreadable(monkeypatch, top / "locked")
    result = marsad("ingest", "-q", str(top))
    assert result.exit_code == 0, result.output
    assert f"skipped: {top / 'locked'}: cannot read folder (Permission denied)" in result.stderr
    assert "ingested 1, already archived 0, failed 0, skipped 1" in result.stdout


def test_an_unreadable_folder_named_is_an_error(
    tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = _collection(tmp_path)
    _unreadable(monkeypatch, top / "locked")
    result = marsad("ingest", str(top / "locked"))
    assert result.exit_code == 1
    assert f"error: {top / 'locked'}: cannot read folder (Permission denied)" in result.stderr
    assert "ingested 0, already archived 0, failed 1" in result.stdout


def test_a_linked_folder_is_said_and_not_followed(tmp_path: Path, marsad: Marsad) -> None:
    top = tmp_path / "c"
    top.mkdir()
    (top / "a.txt").write_text(NOTE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("Another note, 4 January 2024.\n")
    (top / "link").symlink_to(elsewhere, target_is_directory=True)
    (top / "loop").symlink_to(top, target_is_directory=True)
    result = marsad("ingest", "-q", str(top))
    assert result.exit_code == 0, result.output
    assert f"skipped: {top / 'link'}: symbolic link to a folder, not followed" in result.stderr
    assert f"skipped: {top / 'loop'}: symbolic link to a folder, not followed" in result.stderr
    assert "ingested 1, already archived 0, failed 0, skipped 2" in result.stdout
    named = marsad("ingest", str(top / "link"))
    assert named.exit_code == 0 and "ingested 1," in named.stdout


def test_no_extension_and_unsupported_are_treated_alike(tmp_path: Path, marsad: Marsad) -> None:
    top = tmp_path / "c"
    top.mkdir()
    (top / "README").write_text(NOTE)  # text without an extension: read
    (top / "blob").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # no format: skipped, like the .docx
    (top / "memo.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    (top / "scrambled").write_bytes(bytes(range(1, 256)) * 4)  # looks like text at first, is not
    result = marsad("ingest", str(top))
    assert result.exit_code == 0, result.output
    assert "ingested 1, already archived 0, failed 0, skipped 3" in result.stdout
    for name in ("blob", "memo.docx", "scrambled"):
        assert f"skipped   {top / name}: unsupported file type" in result.stdout
    # named on the command line, each is an error
    named = marsad("ingest", str(top / "blob"), str(top / "memo.docx"), str(top / "scrambled"))
    assert named.exit_code == 1 and "failed 3" in named.stdout
