"""JSON Lines dumps: one record a line with `text` and optional url, title, published, language, id.

Read a line at a time from the open file (`SourceStream`), so that a dump of any size is read in the memory of
its longest line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from marsad.ingest.base import (
    Format,
    Item,
    Parsed,
    RecordFailure,
    SourceFile,
    SourceStream,
    iso_partial_date,
    without_lone_surrogates,
)
from marsad.model import Document, content_id

RECORD_TYPE = "application/x-jsonl-record"


def _parse(src: SourceFile) -> Iterator[Parsed]:
    return _stream(SourceStream(src.path, io.BytesIO(src.data), len(src.data), src.captured_at))


def _stream(src: SourceStream) -> Iterator[Parsed]:
    blank = True
    for number, raw in enumerate(src.stream, start=1):
        line = raw.removesuffix(b"\n").rstrip(b"\r")
        if not line.strip():
            continue
        blank = False
        where = f"{src.path}:{number}"
        try:
            record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            yield RecordFailure(where, f"not UTF-8 ({exc.reason} at byte {exc.start})")
            continue
        except (json.JSONDecodeError, RecursionError) as exc:
            yield RecordFailure(where, f"invalid JSON ({exc})")
            continue
        record, replaced = without_lone_surrogates(record, line)
        problem = _problem(record)
        if problem:
            yield RecordFailure(where, problem)
            continue
        yield Item(_document(src, number, line, record, replaced), line)
    if blank:  # only blank lines: no record, and that is said (0 bytes is the reader's own error)
        yield RecordFailure(src.path, "no record: the file holds only blank lines")


def _problem(record: Any) -> str | None:
    if not isinstance(record, dict):
        return "a record must be a JSON object"
    if not isinstance(record.get("text"), str):
        return "no 'text' string in the record"
    for key in ("url", "title", "published", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"'{key}' must be a string"
    return None


def _document(src: SourceStream, number: int, line: bytes, record: dict[str, Any], replaced: int = 0) -> Document:
    warnings = [f"{replaced} lone surrogate escapes (\\ud800-\\udfff) replaced by U+FFFD"] if replaced else []
    published = None
    if record.get("published"):
        published = iso_partial_date(record["published"], anchor="document-metadata")
        if published is None:
            warnings.append(f"'published' is not an ISO 8601 date: {record['published']!r}")
    extra = {k: v for k, v in record.items() if k not in ("id", "text", "url", "title", "published", "language")}
    url = record.get("url")
    return Document(
        id=content_id(line),
        source=src.path,
        media_type=RECORD_TYPE,
        text=record["text"],
        size=len(line),
        title=record.get("title"),
        url=url if url and url.startswith(("http://", "https://")) else None,
        published=published,
        published_from="jsonl:published" if published else None,
        captured_at=src.captured_at,
        declared_language=(record.get("language") or "").lower() or None,
        meta={
            "line": number,
            **({"record_id": str(record["id"])} if "id" in record else {}),
            **({"fields": extra} if extra else {}),
        },
        warnings=tuple(warnings),
    )


def _sniff(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    return first.startswith(b"{") and first.endswith(b"}") and b'"text"' in first


JSONL = Format("jsonl", RECORD_TYPE, (".jsonl", ".ndjson"), _sniff, _parse, container=True, stream=_stream)
