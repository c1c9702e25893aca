"""A large container (a Telegram export, a JSON Lines dump) is prepared and written piece by piece: no
worker answer and no writer batch holds all of it, and the order of what is reported is kept. A JSON Lines
dump is read as it goes, and a large one's records are prepared by the workers."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.ingest.base import Item, SourceStream
from marsad.ingest.jsonl import JSONL
from marsad.ingest.walk import Input, iter_inputs
from marsad.pipeline import prepare
from marsad.pipeline import run as pipeline
from marsad.pipeline.prepare import PIECE, FileResult, prepare_pieces
from marsad.store import SQLiteStore, open_store
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


class _Lines(io.RawIOBase):
    """A file whose lines are made as they are read; `made` counts the bytes handed out so far."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self.lines = lines
        self.made = 0
        self.rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.rest:
            try:
                self.rest = next(self.lines)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self.rest))
        buffer[:n], self.rest = self.rest[:n], self.rest[n:]
        self.made += n
        return n


def test_a_json_lines_dump_is_read_as_it_goes() -> None:
    lines = (json.dumps({"text": f"Note {i} on the weekly issue."}).encode() + b"\n" for i in range(100_000))
    raw = _Lines(lines)
    stream = io.BufferedReader(raw)
    assert JSONL.stream is not None
    records = JSONL.stream(SourceStream("d.jsonl", stream, 0, "2024-01-01T00:00:00+00:00"))
    first = next(records)
    assert isinstance(first, Item) and first.document.text == "Note 0 on the weekly issue."
    assert raw.made < 64 * 1024  # of some 3.6 MB: one read buffer, not the file
    assert sum(1 for _ in records) == 99_999


def test_a_json_lines_file_is_opened_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[SourceStream] = []
    original = prepare._open

    def recording(*args: Any) -> SourceStream:
        opened.append(original(*args))
        return opened[-1]

    monkeypatch.setattr(prepare, "_open", recording)
    dump = _dump(tmp_path / "d.jsonl", 3)
    result = FileResult(str(dump))
    assert [len(p) for p in prepare_pieces(Input(str(dump), True), JOB, lambda _id: False, result)] == [3]
    assert len(opened) == 1 and opened[0].stream.closed  # closed once read


class _FailingAfter(io.RawIOBase):
    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at, self.pos = data, at, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.pos >= self.at:
            raise OSError(5, "Input/output error")
        n = min(len(buffer), self.at - self.pos, 100)
        buffer[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n


@pytest.mark.parametrize("workers", [0, 2])
def test_a_dump_that_cannot_be_read_half_way_keeps_what_was_read_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int, archive_at: Callable[[str], str]
) -> None:
    monkeypatch.setattr(pipeline, "_STREAM_BYTES", 1000)  # prepared in the writing process, by the workers
    dump = _dump(tmp_path / "d.jsonl", 2 * prepare.BATCH + 30)
    data = dump.read_bytes()
    at = data.index(b"\n", len(data) // 2) + 1  # the first half of the records, then an I/O error

    def failing(os_path: str, path: str, size: int, mtime: float) -> SourceStream:
        return SourceStream(path, io.BufferedReader(_FailingAfter(data, at)), size, "2024-01-01T00:00:00+00:00")

    monkeypatch.setattr(prepare, "_open", failing)
    store = open_store(archive_at("a"))
    try:
        summary = pipeline.ingest(store, [str(dump)], max_size=10**8, workers=workers, extract=False)
        assert summary.ingested == data[:at].count(b"\n")
        assert summary.failures == [(str(dump), "cannot read (Input/output error)")]
    finally:
        store.close()


def _in_a_worker(items: list[Item], entry: Input, job: prepare.Job) -> Any:
    prepared, warnings, failures = _PREPARE_BATCH(items, entry, job)
    return prepared, [*warnings, ("pid", str(os.getpid()))], failures


_PREPARE_BATCH = prepare._prepare_batch


def _facts(where: str) -> list[str]:
    store = open_store(where)
    try:
        return sorted(json.dumps(f, sort_keys=True) for f in store.iter_facts())
    finally:
        store.close()


def test_a_large_dumps_records_are_prepared_by_the_workers_with_the_same_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_at: Callable[[str], str]
) -> None:
    monkeypatch.setattr(pipeline, "_STREAM_BYTES", 10_000)
    monkeypatch.setattr(prepare, "_prepare_batch", _in_a_worker)
    dump = tmp_path / "d.jsonl"
    notes = [
        f"On {day} January 2024 the group's weekly al-Naba issue {410 + day} was published. "
        f"قال المتحدث في {day} يناير 2024 إن الحملة مستمرة."
        for day in range(1, 29)
    ] * 10  # 280 records: two batches and a part
    dump.write_text("\n".join(json.dumps({"text": f"{n} (copy {i})"}) for i, n in enumerate(notes)) + "\n")
    results: list[FileResult] = []
    by_workers: dict[int, list[str]] = {}
    for workers in (0, 2):
        where = archive_at(f"w{workers}")
        store = open_store(where)
        try:
            summary = pipeline.ingest(store, [str(dump)], max_size=10**8, workers=workers, on_file=results.append)
        finally:
            store.close()
        assert summary.ingested == 280
        by_workers[workers] = _facts(where)
    pids = {p for _, p in results[-1].warnings}
    assert pids and str(os.getpid()) not in pids  # with workers, no batch was prepared in the writing process
    assert not [w for w in results[0].warnings if w[0] == "pid"]  # without, none went through the fan-out
    assert by_workers[2] == by_workers[0] and len(by_workers[0]) > 280
