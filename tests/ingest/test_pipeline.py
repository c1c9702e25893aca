"""Ingest through the CLI: every bad input gets one clear line, the batch goes on, exit code 1."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from marsad.store import open_store
from tests.conftest import SAMPLE, Marsad
from tests.pdfgen import make_pdf

GOOD = "A short analytic note about the weekly newsletter and its Thursday cadence.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _encrypted_pdf() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["memo"]))))
    w.encrypt(user_password="pw", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BAD_INPUTS: list[tuple[str, Callable[[], bytes], str]] = [
    ("corrupt.pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\n1 0 obj << /Type /Catalog /Pages 9 0 R", "corrupt PDF"),
    ("locked.pdf", _encrypted_pdf, "encrypted PDF: a password is needed"),
    ("truncated/result.json", lambda: b'{"name": "c", "id": 1, "messages": [{"id": 1, "text": "x"', "malformed JSON"),
    ("other.json", lambda: b'{"data": [1, 2, 3]}', "not a Telegram Desktop export"),
    ("junk.txt", lambda: bytes(range(256)) * 40, "binary data, not text"),
    ("empty.txt", lambda: b"", "empty file (0 bytes)"),
    ("big.txt", lambda: GOOD.encode() * 400, "over --max-size"),
    ("photo.jpg", lambda: b"\xff\xd8\xff\xe0 not really", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "make", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_reported_and_the_batch_goes_on(
    tmp_path: Path, marsad: Marsad, name: str, make: Callable[[], bytes], reason: str
) -> None:
    good = write(tmp_path / "in" / "a-good.txt", GOOD)
    bad = write(tmp_path / "in" / name, make())
    later = write(tmp_path / "in" / "z-later.md", "# Later\n\n" + GOOD)
    result = marsad("ingest", "--max-size", "20KB", str(good), str(bad), str(later))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(bad) in errors[0] and reason in errors[0]
    assert "ingested 2, already archived 0, failed 1" in result.stdout
    s = open_store(marsad.where)
    assert s.stats().documents == 2
    s.close()


def test_unreadable_file(tmp_path: Path, marsad: Marsad) -> None:
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "does-not-exist.txt")
    result = marsad("ingest", str(dangling))
    assert result.exit_code == 1
    assert f"error: {dangling}: cannot read (No such file or directory)" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_permissions(tmp_path: Path, marsad: Marsad) -> None:
    locked = write(tmp_path / "locked.txt", GOOD)
    locked.chmod(0)
    result = marsad("ingest", str(locked))
    assert result.exit_code == 1 and "cannot read (Permission denied)" in result.stderr


def test_sample_ingests_cleanly_and_twice_is_a_no_op(marsad: Marsad) -> None:
    first = marsad("ingest", str(SAMPLE))
    assert first.exit_code == 0, first.output
    assert "ingested 25, already archived 0, failed 0" in first.stdout
    again = marsad("ingest", str(SAMPLE))
    assert again.exit_code == 0
    assert "ingested 0, already archived 25, failed 0" in again.stdout
    assert "already archived" in again.stdout.splitlines()[0]


def test_paths_from_stdin(tmp_path: Path, marsad: Marsad) -> None:
    a = write(tmp_path / "a.txt", GOOD)
    b = write(tmp_path / "b.md", "# B\n\nAnother note about al-Naba.")
    result = marsad("ingest", "-", input=f"{a}\n\n{b}\n")
    assert result.exit_code == 0 and "ingested 2," in result.stdout


def test_folder_walk_skips_hidden_and_unsupported_files(tmp_path: Path, marsad: Marsad) -> None:
    write(tmp_path / "c" / "note.txt", GOOD)
    write(tmp_path / "c" / ".DS_Store", b"\x00\x01junk")
    write(tmp_path / "c" / "page_files" / "style.css", "body{}")
    write(tmp_path / "c" / "page_files" / "logo.png", b"\x89PNG\r\n")
    result = marsad("ingest", str(tmp_path / "c"))
    assert result.exit_code == 0
    assert "ingested 1, already archived 0, failed 0, skipped 2" in result.stdout


def test_same_bytes_at_two_paths_are_one_document(tmp_path: Path, marsad: Marsad) -> None:
    a = write(tmp_path / "a.txt", GOOD)
    b = write(tmp_path / "copy" / "a.txt", GOOD)
    result = marsad("ingest", str(a), str(b))
    assert "ingested 1, already archived 1" in result.stdout


def test_later_telegram_export_adds_only_new_messages(tmp_path: Path, marsad: Marsad) -> None:
    source = json.loads((SAMPLE / "telegram" / "ChatExport_2024-01-12" / "result.json").read_text())
    early = dict(source, messages=source["messages"][:3])  # service message + 2 messages
    write(tmp_path / "early" / "result.json", json.dumps(early))
    write(tmp_path / "late" / "result.json", json.dumps(source))
    first = marsad("ingest", str(tmp_path / "early"))
    assert "ingested 3," in first.stdout  # the export and two messages
    second = marsad("ingest", str(tmp_path / "late"))
    assert "ingested 3, already archived 2" in second.stdout  # the new export and two new messages
    s = open_store(marsad.where)
    messages = [d for d in s.iter_documents() if d.media_type == "text/x-telegram-message"]
    assert sorted(d.meta["message_id"] for d in messages) == [102, 103, 104, 105]
    s.close()


def test_jsonl_bad_lines_fail_alone(tmp_path: Path, marsad: Marsad) -> None:
    dump = write(tmp_path / "d.jsonl", '{"text": "one"}\n{"text": \n{"text": "three"}\n')
    result = marsad("ingest", str(dump))
    assert result.exit_code == 1
    assert f"error: {dump}:2: invalid JSON" in result.stderr
    assert "ingested 2, already archived 0, failed 1" in result.stdout


def test_originals_are_kept_byte_for_byte(tmp_path: Path, marsad: Marsad) -> None:
    data = "ملاحظة عن العدد الأخير\r\nصدر العدد في موعده من الأسبوع".encode("cp1256")
    path = write(tmp_path / "n.txt", data)
    marsad("ingest", str(path))
    s = open_store(marsad.where)
    doc = next(s.iter_documents())
    assert (
        s.original(doc.id) == data
        and doc.text == "ملاحظة عن العدد الأخير\nصدر العدد في موعده من الأسبوع"
        and doc.meta["encoding"] == "cp1256"
    )
    s.close()


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    _Counter.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_hostile_html_fetches_nothing_and_runs_nothing(tmp_path: Path, marsad: Marsad, local_server: str) -> None:
    page = f"""<html><head><script src="{local_server}/s.js"></script>
    <link rel="stylesheet" href="{local_server}/x.css"><meta http-equiv="refresh" content="0;url={local_server}/r">
    </head><body onload="fetch('{local_server}/onload')"><p>Analytic paragraph about the weekly newsletter,
    its issue numbers and the Thursday on which each issue appears.</p>
    <img src="{local_server}/pixel.gif"><iframe src="{local_server}/frame.html"></iframe>
    <object data="{local_server}/o.swf"></object><video src="{local_server}/v.mp4"></video>
    <script>new Image().src = "{local_server}/beacon";</script></body></html>"""
    path = write(tmp_path / "hostile.html", page)
    result = marsad("ingest", str(path))
    assert result.exit_code == 0
    assert _Counter.hits == []
    s = open_store(marsad.where)
    doc = next(s.iter_documents())
    assert "Analytic paragraph" in doc.text and "beacon" not in doc.text and "fetch(" not in doc.text
    s.close()


def test_html_lang_checked_against_detection(tmp_path: Path, marsad: Marsad) -> None:
    arabic = "صدر العدد الجديد من الصحيفة الأسبوعية يوم الخميس كما هو متوقع من المحللين."
    page = f"<html lang='en'><body><p>{arabic}</p></body></html>"
    result = marsad("ingest", str(write(tmp_path / "p.html", page)))
    assert "declared language 'en' but the text reads as 'ar'" in result.stderr


def test_copying_sample_elsewhere_keeps_ids(tmp_path: Path, marsad: Marsad) -> None:
    shutil.copytree(SAMPLE, tmp_path / "copy")
    marsad("ingest", str(SAMPLE))
    result = marsad("ingest", str(tmp_path / "copy"))
    assert "ingested 0, already archived 25" in result.stdout
