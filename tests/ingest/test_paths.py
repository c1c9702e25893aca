"""File names that are not UTF-8 are archived, escaped reversibly, and never stop a batch."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest.paths import escape, needs_escape, unescape
from marsad.store import open_store
from tests.conftest import Marsad

NOTE = b"A note about al-Naba issue 412, published on Thursday 12 October 2023.\n"
LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")  # a name made on Windows in Latin-1


def test_utf8_names_are_kept_unchanged() -> None:
    for name in ("notes/café.txt", "ملاحظة.md", "a\\b.txt", "plain.txt"):
        assert escape(name) == name and not needs_escape(name)


def test_a_latin1_name_is_escaped_and_comes_back() -> None:
    shown = escape(LATIN1_NAME)
    assert shown == "caf\\xe9.txt"
    shown.encode("utf-8")  # storable and printable
    assert unescape(shown) == LATIN1_NAME


@given(st.binary(min_size=1, max_size=60).filter(lambda b: b"\x00" not in b))
def test_any_name_round_trips(raw: bytes) -> None:
    name = os.fsdecode(raw)
    shown = escape(name)
    shown.encode("utf-8")
    if needs_escape(name):
        assert os.fsencode(unescape(shown)) == raw
    else:
        assert shown == name


def test_a_folder_with_a_latin1_name_is_archived_whole(tmp_path: Path, marsad: Marsad) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / LATIN1_NAME).write_bytes(NOTE)
    (folder / "ok.txt").write_bytes(b"Another note, on 4 January 2024.\n")
    result = marsad("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "ingested 2, already archived 0, failed 0" in result.stdout
    assert "caf\\xe9.txt" in result.stdout
    store = open_store(marsad.where)
    docs = {Path(d.source).name: d for d in store.iter_documents()}
    store.close()
    assert set(docs) == {"caf\\xe9.txt", "ok.txt"}
    escaped = docs["caf\\xe9.txt"]
    assert escaped.meta["source_escaped"] is True and "source_escaped" not in docs["ok.txt"].meta
    assert os.fsencode(unescape(escaped.source)) == os.fsencode(str(folder / LATIN1_NAME))
    facts = [json.loads(x) for x in marsad("facts", "-f", "jsonl").stdout.splitlines()]
    assert any(f["document"]["source"].endswith("caf\\xe9.txt") for f in facts)


def test_a_latin1_name_on_stdin(tmp_path: Path, marsad: Marsad) -> None:
    path = tmp_path / LATIN1_NAME
    path.write_bytes(NOTE)
    listing = os.fsencode(str(path)) + b"\n"
    result = marsad("ingest", "-", input=listing)
    assert result.exit_code == 0, result.output
    assert "ingested 1," in result.stdout


def test_an_escaped_name_stays_in_its_folder(tmp_path: Path, marsad: Marsad) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / LATIN1_NAME).write_bytes(NOTE)
    marsad("ingest", str(tmp_path / "c"))
    stats = marsad("stats", "-f", "jsonl").stdout.splitlines()
    origins = [json.loads(x)["key"] for x in stats if json.loads(x)["group"] == "source"]
    assert origins == [str(tmp_path / "c")]


def test_a_name_that_would_forge_a_line_or_reverse_itself_is_escaped(tmp_path: Path, marsad: Marsad) -> None:
    forged = "x\nerror: forged.txt: a line that is not ours.txt"
    flipped = "report\u202etxt.exe"  # shows as "reportexe.txt"
    for name in (forged, flipped):
        assert "\n" not in escape(name) and "\u202e" not in escape(name) and unescape(escape(name)) == name
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / forged).write_bytes(b"")  # empty: an error line that names it
    (folder / flipped).write_bytes(NOTE)
    result = marsad("ingest", str(folder))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {folder}/x\\x0aerror: forged.txt: a line that is not ours.txt: empty file (0 bytes)"
    ]
    assert f"skipped   {folder}/report\\xe2\\x80\\xaetxt.exe: unsupported file type" in result.stdout
