"""A large container (a Telegram export, a JSON Lines dump) is prepared and written piece by piece: no
worker answer and no writer batch holds all of it, and the order of what is reported is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.ingest.walk import Input, iter_inputs
from marsad.pipeline import run as pipeline
from marsad.pipeline.prepare import PIECE, FileResult, prepare_pieces
from marsad.store import SQLiteStore
from tests.conftest import Marsad
from tests.ingest.test_any_input import JOB


def _dump(path: Path, records: int) -> Path:
    lines = (json.dumps({"text": f"Record {i}: a note on issue {i} of the weekly newsletter."}) for i in range(records))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_container_comes_in_pieces(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "d.jsonl", 2 * PIECE + 7)
    result = FileResult(str(dump))
    sizes = [len(piece) for piece in prepare_pieces(Input(str(dump), True), JOB, lambda _id: False, result)]
    assert sizes == [PIECE, PIECE, 7] and result.format == "jsonl" and not result.failures


def test_a_large_container_is_not_prepared_whole(
    tmp_path: Path, store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_STREAM_BYTES", 10_000)  # the dump below is ~70 KB
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("A first note, 4 January 2024.\n")
    _dump(tmp_path / "c" / "b.jsonl", 2 * PIECE + 7)
    (tmp_path / "c" / "c.txt").write_text("A last note, 5 January 2024.\n")
    pieces = list(pipeline._prepare_all(iter_inputs([str(tmp_path / "c")]), JOB, 2, store.path, store))
    assert max(len(prepared) for _, prepared, _ in pieces) == PIECE
    finished = [Path(result.path).name for result, _, final in pieces if final]
    assert finished == ["a.txt", "b.jsonl", "c.txt"]


def test_a_large_container_through_the_command(tmp_path: Path, marsad: Marsad, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_STREAM_BYTES", 10_000)
    dump = _dump(tmp_path / "d.jsonl", 2 * PIECE + 7)
    result = marsad("ingest", "--batch", "100", "--workers", "2", "--no-extract", str(dump))
    assert result.exit_code == 0, result.output
    assert f"ingested {2 * PIECE + 7}, already archived 0, failed 0" in result.stdout
    again = marsad("ingest", "--workers", "2", "--no-extract", str(dump))
    assert f"ingested 0, already archived {2 * PIECE + 7}" in again.stdout
