"""Property: any bytes under any file name give documents or one clear error, never a traceback.

Names are raw bytes (not UTF-8 included, as made on Windows in a legacy code page); contents are raw
bytes, sometimes behind the first bytes of a format so the parsers' deeper paths are reached.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ingest.walk import Input
from marsad.pipeline.prepare import FileResult, Job, prepare_file
from marsad.store import SQLiteStore
from tests.conftest import Marsad

EXTENSIONS = ["", ".txt", ".md", ".html", ".htm", ".pdf", ".json", ".jsonl", ".ndjson", ".docx", ".TXT", ".bin"]
HEADS = [
    b"",
    b"%PDF-1.7\n",
    b"<!DOCTYPE html><html><body>",
    b'{"name": "c", "id": 1, "messages": [',
    b'{"text": "',
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    "ملاحظة عن العدد ٤١٢ ".encode(),
]
names = (
    st.binary(min_size=1, max_size=80)
    .map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))
    .filter(lambda b: b not in (b".", b".."))  # the folder itself, or its parent: no file can be written there
)
contents = st.tuples(st.sampled_from(HEADS), st.binary(max_size=3000)).map(lambda p: p[0] + p[1])
JOB = Job(max_size=1_000_000, now="2024-01-01T00:00:00+00:00", row_of=SQLiteStore.row_of,
           fact_rows_of=SQLiteStore.fact_rows_of, extract=False)  # fmt: skip
BUG_CATCHERS = ("could not parse (", "could not prepare the record (", "too large or too deeply nested")


def _clear(result: FileResult) -> None:
    """What a user reads: printable names, reasons that are ours, not a caught bug."""
    for where, reason in [*result.failures, *result.warnings]:
        (where + reason).encode("utf-8")
        assert reason and "Traceback" not in reason and not reason.startswith(BUG_CATCHERS), reason


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, ext=st.sampled_from(EXTENSIONS), data=contents, explicit=st.booleans())
def test_any_file_gives_documents_or_a_clear_error(name: bytes, ext: str, data: bytes, explicit: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(os.fsencode(folder), (name + ext.encode())[:250])
        with open(path, "wb") as fh:
            fh.write(data)
        result, prepared = prepare_file(Input(os.fsdecode(path), explicit=explicit), JOB, lambda _id: False)
    _clear(result)
    outcomes = bool(prepared) + bool(result.failures) + (result.skipped is not None)
    assert outcomes >= 1, result  # something happened, and it was said
    if not prepared and not result.skipped:
        assert result.failures  # nothing archived: at least one line says why
    for _doc_id, row, _original, _index, _facts in prepared:
        for value in row:
            if isinstance(value, str):
                value.encode("utf-8")  # storable


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, ext=st.sampled_from(EXTENSIONS), data=contents)
def test_any_file_through_the_command(tmp_path: Path, name: bytes, ext: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        path = os.path.join(os.fsencode(folder), (name + ext.encode())[:250])
        with open(path, "wb") as fh:
            fh.write(data)
        result = Marsad(tmp_path / "archive.db")("ingest", folder)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    for line in result.stderr.splitlines():
        assert line.startswith(("error: ", "warning: ", "skipped: ")), line


@pytest.mark.parametrize("data", [b"\t", b"\n\n", b" \r\n \n"])
def test_a_json_lines_file_of_blank_lines_says_so(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(data)
    result, prepared = prepare_file(Input(str(path), explicit=True), JOB, lambda _id: False)
    assert not prepared and [reason for _, reason in result.failures] == ["no record: the file holds only blank lines"]
