"""A Telegram export is read as it goes: its messages and the export come out as a whole-file read gave them, the
export's original is copied from the file by the store (and refused if the file changed meanwhile), and a
malformed file archives nothing."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import IngestError, StoreError
from marsad.ingest import telegram
from marsad.ingest.base import Item, Parsed, SourceFile, SourceStream
from marsad.ingest.telegram import TELEGRAM
from marsad.model import OriginalFile, content_id
from marsad.pipeline import run as pipeline
from marsad.store import open_store

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "sample" / "collection" / "telegram"


def _message(i: int, text: Any) -> dict[str, Any]:
    return {"id": i, "type": "message", "date": f"2024-01-0{1 + i % 9}T10:00:00", "text": text}


EXPORTS = {
    "one chat, its name after its messages": {
        "messages": [_message(1, "First post."), _message(2, ["A ", {"type": "bold", "text": "bold"}, " run."])],
        "id": 7,
        "name": "Late Name",
        "type": "public_channel",
    },
    "an account of two chats": {
        "about": "x",
        "chats": {
            "list": [
                {"name": "A", "id": 1, "messages": [_message(1, "one"), 5, {"type": "service", "id": 2}]},
                {"name": "B", "id": 2, "messages": []},
                "not a chat",
                {"name": "C", "id": 3, "messages": [_message(1, "three"), _message(2, "four")]},
            ]
        },
    },
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
@pytest.mark.parametrize("bom", [False, True])
def test_an_export_read_as_it_goes_gives_what_a_whole_read_gives(tmp_path: Path, name: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + json.dumps(EXPORTS[name], ensure_ascii=False).encode()
    path = tmp_path / "result.json"
    path.write_bytes(data)
    streamed = _streamed(path)
    whole = list(TELEGRAM.parse(SourceFile(str(path), data, "2024-01-01T00:00:00+00:00")))
    assert [type(p) for p in streamed] == [type(p) for p in whole]
    for s, w in zip(streamed, whole, strict=True):
        if isinstance(s, Item) and isinstance(w, Item):
            assert (s.document.id, s.document.text, s.document.meta, s.document.title) == (
                w.document.id, w.document.text, w.document.meta, w.document.title)  # fmt: skip
        else:
            assert s == w
    export = streamed[0]
    assert isinstance(export, Item) and isinstance(export.original, OriginalFile)
    assert export.document.id == content_id(data) == export.original.sha256 and export.original.size == len(data)
    assert whole[0].original == data  # type: ignore[union-attr]
    chats = export.document.meta["chats"]
    assert [c["name"] for c in chats] == (["Late Name"] if "one" in name else ["A", "B", "C"])


def _streamed(path: Path) -> list[Parsed]:
    """What the export's streaming reader yields, read from the file on disk."""
    assert TELEGRAM.stream is not None
    with path.open("rb") as fh:
        return list(
            TELEGRAM.stream(SourceStream(str(path), fh, path.stat().st_size, "2024-01-01T00:00:00+00:00", str(path)))
        )


def test_escaped_surrogates_are_read_as_json_reads_them(tmp_path: Path) -> None:
    text = json.dumps({"name": "c", "id": 1, "messages": [_message(1, "pair \ud83d\ude00 and lone \ud800 end")]})
    assert "\\ud83d\\ude00" in text and "\\ud800" in text
    path = tmp_path / "result.json"
    path.write_text(text)
    items = [p for p in _streamed(path) if isinstance(p, Item)]
    assert items[1].document.text == "pair \U0001f600 and lone \ufffd end"  # the C parser would give "?"
    assert items[0].document.warnings == ("1 lone surrogate escapes (\\ud800-\\udfff) replaced by U+FFFD",)


@pytest.mark.parametrize("exact_below", [0, 10**6])
def test_a_truncated_export_archives_nothing_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exact_below: int
) -> None:
    monkeypatch.setattr(telegram, "_EXACT_BELOW", exact_below)  # 0: the large file's message, without line
    data = json.dumps({"name": "c", "id": 1, "messages": [_message(i, f"Post {i}.") for i in range(50)]}).encode()
    path = tmp_path / "result.json"
    path.write_bytes(data[: data.index(b'{"id": 40')])  # cut between two messages
    with pytest.raises(IngestError, match=r"malformed JSON.*\(truncated file\?\)") as caught:
        _streamed(path)
    assert ("at line 1 column" in caught.value.reason) == bool(exact_below)


def test_a_bad_byte_far_into_an_export_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(telegram, "_PIECE", 64)  # the check reads in pieces: the offset is the file's
    data = json.dumps({"name": "c", "id": 1, "messages": [_message(i, f"Post {i}.") for i in range(20)]}).encode()
    at = data.index(b"Post 17")
    path = tmp_path / "result.json"
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    with pytest.raises(IngestError, match=f"not UTF-8 JSON \\(invalid start byte at byte {at}\\)"):
        _streamed(path)


def test_the_exports_original_is_copied_from_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_at: Callable[[str], str]
) -> None:
    monkeypatch.setattr(pipeline, "_STREAM_BYTES", 1000)  # parsed in the writing process, prepared by the workers
    data = json.dumps(
        {"name": "c", "id": 1, "messages": [_message(i, f"Post {i} on 4 January 2024.") for i in range(300)]}
    )
    path = tmp_path / "in" / "result.json"
    path.parent.mkdir()
    path.write_text(data)
    store = open_store(archive_at("a"))
    try:
        summary = pipeline.ingest(store, [str(tmp_path / "in")], max_size=10**8, workers=2)
        assert summary.ingested == 301 and not summary.failures
        assert store.original(content_id(data.encode())) == data.encode()
        assert not store.check_integrity()
    finally:
        store.close()


def test_an_export_changed_before_its_original_is_copied_is_refused(
    tmp_path: Path, archive_at: Callable[[str], str]
) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "c", "id": 1, "messages": [_message(1, "Post one.")]}))
    export, message = (p for p in _streamed(path) if isinstance(p, Item))
    path.write_text(json.dumps({"name": "c", "id": 1, "messages": [_message(1, "Post two.")]}))  # same size
    store = open_store(archive_at("a"))
    try:
        with pytest.raises(StoreError, match="the file changed while it was ingested"), store.transaction():
            store.add_document(message.document, message.original)  # type: ignore[arg-type]
            store.add_document(export.document, export.original)  # type: ignore[arg-type]
        assert store.stats().documents == 0  # the batch rolled back whole
    finally:
        store.close()
