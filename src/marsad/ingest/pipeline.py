"""Ingest inputs into a store: parse, detect languages, write in transactions, report per file.

Each document is written whole or not at all, in batches of `batch_size` documents per transaction;
a crash loses at most the open batch, and running the same command again finishes the rest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TextIO

from marsad.errors import IngestError
from marsad.ingest.base import Item, RecordFailure, SourceFile, utc_from_timestamp
from marsad.ingest.registry import format_for, is_supported
from marsad.ingest.walk import Input, iter_inputs
from marsad.model import Document, content_id
from marsad.store.base import Store
from marsad.text.language import detect_paragraphs

_FLUSH_BYTES = 64 * 2**20
_FLUSH_SECONDS = 2.0


@dataclass(slots=True)
class FileResult:
    """What happened to one input file (a container counts each of its documents)."""

    path: str
    format: str | None = None
    ingested: int = 0
    already: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    skipped: str | None = None  # reason a file found in a folder was passed over
    documents: list[str] = field(default_factory=list)  # ids written


IngestEvent = FileResult


@dataclass(slots=True)
class IngestSummary:
    files: int = 0
    ingested: int = 0
    already: int = 0
    failed: int = 0
    skipped: int = 0
    warnings: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.ingested += result.ingested
        self.already += result.already
        self.failed += len(result.failures)
        self.skipped += result.skipped is not None
        self.warnings += len(result.warnings)
        self.failures.extend(result.failures)


class _Writer:
    """Collects finished documents and writes them in transactions."""

    def __init__(self, store: Store, batch_size: int) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.pending: list[tuple[Document, bytes, FileResult]] = []
        self.pending_ids: set[str] = set()
        self.pending_bytes = 0
        self.started = time.monotonic()

    def is_known(self, doc_id: str) -> bool:
        return doc_id in self.pending_ids or bool(self.store.known_ids([doc_id]))

    def add(self, doc: Document, original: bytes, result: FileResult) -> None:
        self.pending.append((doc, original, result))
        self.pending_ids.add(doc.id)
        self.pending_bytes += len(original) + len(doc.text)
        if (
            len(self.pending) >= self.batch_size
            or self.pending_bytes >= _FLUSH_BYTES
            or time.monotonic() - self.started >= _FLUSH_SECONDS
        ):
            self.flush()

    def flush(self) -> None:
        if self.pending:
            with self.store.transaction():
                for doc, original, result in self.pending:
                    if self.store.add_document(doc, original):
                        result.ingested += 1
                        result.documents.append(doc.id)
                    else:
                        result.already += 1
        self.pending.clear()
        self.pending_ids.clear()
        self.pending_bytes = 0
        self.started = time.monotonic()


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    max_size: int,
    batch_size: int = 500,
    stdin: TextIO | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    """Archive every input; never raises for a bad input, which is reported in the summary."""
    summary = IngestSummary()
    writer = _Writer(store, batch_size)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    done: list[FileResult] = []

    def report_finished() -> None:
        for result in done:
            summary.add(result)
            if on_file:
                on_file(result)
        done.clear()

    try:
        for entry in iter_inputs(paths, stdin):
            done.append(_ingest_file(entry, writer, max_size, now))
            if not writer.pending:
                report_finished()
    finally:
        writer.flush()  # complete documents only: safe on Ctrl-C as well
        report_finished()
    return summary


def _ingest_file(entry: Input, writer: _Writer, max_size: int, now: str) -> FileResult:
    result = FileResult(entry.path)
    try:
        src = _read(entry, max_size)
        if src is None:
            result.skipped = "unsupported file type"
            return result
        fmt = format_for(src.path, src.data[:4096])
        result.format = fmt.name
        if not fmt.container and writer.is_known(content_id(src.data)):
            result.already += 1
            return result
        for parsed in fmt.parse(src):
            if isinstance(parsed, RecordFailure):
                result.failures.append((parsed.where, parsed.reason))
            else:
                _accept(parsed, writer, result, now)
    except IngestError as exc:
        result.failures.append((exc.path, exc.reason))
    except (MemoryError, RecursionError) as exc:
        result.failures.append((entry.path, f"too large or too deeply nested to parse ({type(exc).__name__})"))
    except Exception as exc:  # a parser bug on hostile input must not stop the batch
        result.failures.append((entry.path, f"could not parse ({type(exc).__name__}: {exc})"))
    return result


def _read(entry: Input, max_size: int) -> SourceFile | None:
    path = entry.path
    if not entry.explicit and not is_supported(path) and PurePath(path).suffix:
        return None
    try:
        st = os.stat(path)
        if not os.path.isfile(path):
            raise IngestError(path, "not a regular file")
        if st.st_size == 0:
            raise IngestError(path, "empty file (0 bytes)")
        if st.st_size > max_size:
            raise IngestError(
                path, f"file is {_human(st.st_size)}, over --max-size {_human(max_size)}; raise --max-size to ingest it"
            )
        with open(path, "rb") as fh:
            data = fh.read(max_size + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_size:
        raise IngestError(path, f"file grew past --max-size {_human(max_size)} while reading")
    return SourceFile(path, data, utc_from_timestamp(st.st_mtime))


def _accept(item: Item, writer: _Writer, result: FileResult, now: str) -> None:
    if writer.is_known(item.document.id):
        result.already += 1
        return
    doc = finish_document(item.document, now)
    for warning in doc.warnings:
        result.warnings.append((doc.source if not doc.parent else f"{doc.source} {doc.title}", warning))
    writer.add(doc, item.original, result)


def finish_document(doc: Document, now: str) -> Document:
    """Add what every format shares: paragraphs with languages, ingest time, a language check."""
    paragraphs = detect_paragraphs(doc.text)
    finished = dataclasses.replace(doc, paragraphs=paragraphs, ingested_at=now)
    detected = finished.languages
    if doc.declared_language and detected and doc.declared_language != detected[0]:
        note = f"declared language '{doc.declared_language}' but the text reads as '{detected[0]}'"
        finished = dataclasses.replace(finished, warnings=(*finished.warnings, note))
    return finished


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"
