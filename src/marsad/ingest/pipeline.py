"""Ingest inputs into a store: parse, detect languages, write in transactions, report per file.

Parsing, language detection and folding run in worker processes (they are pure functions of a file);
the main process only writes. Each document is written whole or not at all, many documents per
transaction; a crash loses at most the open transaction, and running the same command again
finishes the rest without duplicates.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import dataclasses
import datetime as dt
import multiprocessing
import os
import signal
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, TextIO

from marsad.errors import IngestError
from marsad.extract import EXTRACTORS, run_extractors
from marsad.ingest.base import RecordFailure, SourceFile, utc_from_timestamp
from marsad.ingest.paths import escape, needs_escape
from marsad.ingest.registry import format_for, is_supported
from marsad.ingest.walk import Input, iter_inputs
from marsad.model import Document, Statement, content_id
from marsad.store.base import Store
from marsad.text.fold import fold
from marsad.text.language import detect_paragraphs

_FLUSH_BYTES = 64 * 2**20
_FLUSH_SECONDS = 3.0
_FILES_PER_TASK = 32
_BYTES_PER_TASK = 256 * 1024  # tasks of like size keep every worker busy: a JSON Lines dump is a task of its own


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


# A finished document ready to write: (id, the store's row for it, original bytes, folded text to index,
# the store's rows for its facts). A plain tuple: it crosses from worker processes, and tuples pickle fastest.
Prepared = tuple[str, tuple[Any, ...], bytes, str, list[tuple[Any, ...]] | None]  # None: extraction failed
EXTRACTED = tuple((e.NAME, e.VERSION) for e in EXTRACTORS)


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
    """Collects prepared documents and writes them, many per transaction."""

    def __init__(self, store: Store, batch_size: int) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.pending: list[tuple[Prepared, FileResult]] = []
        self.pending_bytes = 0
        self.started = time.monotonic()

    def add(self, item: Prepared, result: FileResult) -> None:
        self.pending.append((item, result))
        self.pending_bytes += len(item[2]) + len(item[3])
        if (
            len(self.pending) >= self.batch_size
            or self.pending_bytes >= _FLUSH_BYTES
            or time.monotonic() - self.started >= _FLUSH_SECONDS
        ):
            self.flush()

    def flush(self) -> None:
        pending, self.pending = self.pending, []  # a failed write (disk full) is not tried again on the way out
        self.pending_bytes = 0
        self.started = time.monotonic()
        if not pending:
            return
        written: list[tuple[str, FileResult]] = []
        already: list[FileResult] = []
        with self.store.transaction():
            for (doc_id, row, original, index_text, facts), result in pending:
                extracted = EXTRACTED if facts is not None else ()
                if self.store.add_row(row, original, index_text, facts or (), extracted):
                    written.append((doc_id, result))
                else:
                    already.append(result)
        for doc_id, result in written:  # counted once committed: a rolled-back batch counts nothing
            result.ingested += 1
            result.documents.append(doc_id)
        for result in already:
            result.already += 1


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    max_size: int,
    batch_size: int = 2000,
    workers: int = 0,
    extract: bool = True,
    stdin: TextIO | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    """Archive every input; never raises for a bad input, which is reported in the summary.

    `workers` > 0 parses in that many processes; 0 parses in this one. `extract=False` archives only;
    `marsad extract` (extract.runner.reextract) extracts later.
    """
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

    inputs = iter_inputs(paths, stdin)
    job = _Job(max_size, now, store.row_of, store.fact_rows_of, extract)
    try:
        for result, prepared in _prepare_all(inputs, job, workers, getattr(store, "path", None), store):
            for item in prepared:
                writer.add(item, result)
            done.append(result)
            if not writer.pending:
                report_finished()
    finally:
        writer.flush()  # complete documents only: safe on Ctrl-C as well
        report_finished()
    return summary


@dataclass(frozen=True, slots=True)
class _Job:
    max_size: int
    now: str
    row_of: Callable[[Document], tuple[Any, ...]]
    fact_rows_of: Callable[[list[Statement], str], list[tuple[Any, ...]]]
    extract: bool = True


def _prepare_all(
    inputs: Iterator[Input], job: _Job, workers: int, db_path: str | None, store: Store
) -> Iterator[tuple[FileResult, list[Prepared]]]:
    if workers <= 0:
        known = _Known(store=store)
        for entry in inputs:
            yield prepare_file(entry, job, known)
        return
    context = multiprocessing.get_context("fork")
    init_args = (db_path, os.getpid())
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init, initargs=init_args) as pool:
        window: deque[Future[list[tuple[FileResult, list[Prepared]]]]] = deque()
        try:
            for chunk in _chunks(inputs):
                window.append(pool.submit(_prepare_chunk, chunk, job))
                if len(window) >= 3 * workers:  # bounded: memory stays flat whatever the collection's size
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            for pending in window:
                pending.cancel()


def _chunks(inputs: Iterator[Input]) -> Iterator[list[Input]]:
    chunk: list[Input] = []
    size = 0
    for entry in inputs:
        chunk.append(entry)
        with contextlib.suppress(OSError):  # reported when the worker reads it
            size += os.path.getsize(entry.path)
        if len(chunk) >= _FILES_PER_TASK or size >= _BYTES_PER_TASK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Known:
    """Is a document already archived? Asked before parsing, to skip work on a re-run."""

    def __init__(self, store: Store | None = None, db_path: str | None = None) -> None:
        self.store = store
        self.con = None
        if store is None and db_path:
            try:
                self.con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False)
            except sqlite3.Error:
                self.con = None

    def __call__(self, doc_id: str) -> bool:
        if self.store is not None:
            return bool(self.store.known_ids([doc_id]))
        if self.con is None:
            return False
        try:
            return self.con.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None
        except sqlite3.Error:
            return False  # the writer's ON CONFLICT still keeps duplicates out


_worker_known = _Known()


def _worker_init(db_path: str | None, parent: int) -> None:
    global _worker_known
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _die_with(parent)
    _worker_known = _Known(db_path=db_path)


def _die_with(parent: int) -> None:
    """A forked worker holds its own end of the task pipe, so it would wait forever if the writer were
    killed (kill -9): ask Linux to kill it with its parent, and check the parent did not die meanwhile."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


def _prepare_chunk(chunk: list[Input], job: _Job) -> list[tuple[FileResult, list[Prepared]]]:
    return [prepare_file(entry, job, _worker_known) for entry in chunk]


UNSUPPORTED = "unsupported file type"  # the routine skip: a file in a folder that no format reads


def prepare_file(entry: Input, job: _Job, known: Callable[[str], bool]) -> tuple[FileResult, list[Prepared]]:
    """Read and parse one input into documents ready to write; every problem lands in the result."""
    result = FileResult(escape(entry.path))
    prepared: list[Prepared] = []
    if entry.failed or entry.skipped:  # the walk could not, or would not, read it
        if entry.failed:
            result.failures.append((result.path, entry.failed))
        result.skipped = entry.skipped
        return result, prepared
    try:
        src = _read(entry, job.max_size)
        if src is None:
            result.skipped = f"{UNSUPPORTED} ({PurePath(result.path).suffix.lower()!r})"
            return result, prepared
        _parse_into(src, entry, job, known, result, prepared)
    except IngestError as exc:
        result.failures.append((exc.path, exc.reason))
    except (MemoryError, RecursionError) as exc:
        result.failures.append((result.path, f"too large or too deeply nested to parse ({type(exc).__name__})"))
    except Exception as exc:  # a parser bug on hostile input must not stop the batch
        result.failures.append((result.path, f"could not parse ({type(exc).__name__}: {exc})"))
    return result, prepared


def _parse_into(
    src: SourceFile,
    entry: Input,
    job: _Job,
    known: Callable[[str], bool],
    result: FileResult,
    prepared: list[Prepared],
) -> None:
    """Parse a file read into documents ready to write. A file without an extension, found in a folder, is
    judged by its first bytes: when no format reads it, it is passed over like a .docx (and said), not
    counted as a failure; named on the command line, it fails."""
    fmt = None
    try:
        fmt = format_for(src.path, src.data[:4096])
        result.format = fmt.name
        if not fmt.container and known(content_id(src.data)):
            result.already += 1
            return
        for parsed in fmt.parse(src):
            if isinstance(parsed, RecordFailure):
                result.failures.append((parsed.where, parsed.reason))
            elif known(parsed.document.id):
                result.already += 1
            else:
                prepared.append(_prepare_document(parsed.document, parsed.original, entry, job, result))
    except IngestError as exc:
        if entry.explicit or PurePath(src.path).suffix or prepared or result.failures:
            raise
        why = exc.reason if fmt is not None else "its first bytes are no format marsad reads"
        result.format, result.skipped = None, f"{UNSUPPORTED}: no extension, and {why}"


def _prepare_document(doc: Document, original: bytes, entry: Input, job: _Job, result: FileResult) -> Prepared:
    doc = finish_document(doc, job.now, entry.path)
    where = doc.source if not doc.parent else f"{doc.source} {doc.title}"
    result.warnings.extend((where, w) for w in doc.warnings)
    index_text = fold((doc.title or "") + "\n" + doc.text)
    facts: list[tuple[Any, ...]] | None = None
    try:
        if job.extract:
            facts = job.fact_rows_of(run_extractors(doc), doc.text)
    except Exception as exc:  # an extractor bug must not cost the document: `marsad extract` retries
        result.warnings.append((where, f"extraction failed ({type(exc).__name__}: {exc})"))
    return doc.id, job.row_of(doc), original, index_text, facts


def _read(entry: Input, max_size: int) -> SourceFile | None:
    path = escape(entry.path)  # what the archive and the messages show; entry.path is what the OS opens
    if not entry.explicit and not is_supported(path) and PurePath(path).suffix:
        return None
    try:
        st = os.stat(entry.path)
        if not os.path.isfile(entry.path):
            raise IngestError(path, "not a regular file")
        if st.st_size == 0:
            raise IngestError(path, "empty file (0 bytes)")
        if st.st_size > max_size:
            raise IngestError(
                path, f"file is {_human(st.st_size)}, over --max-size {_human(max_size)}; raise --max-size to ingest it"
            )
        with open(entry.path, "rb") as fh:
            data = fh.read(max_size + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_size:
        raise IngestError(path, f"file grew past --max-size {_human(max_size)} while reading")
    return SourceFile(path, data, utc_from_timestamp(st.st_mtime))


def finish_document(doc: Document, now: str, path: str | None = None) -> Document:
    """Add what every format shares: paragraphs with languages, ingest time, a language check, and for the
    file at `path` (as the OS names it) where it is: the source stays as the user gave it, `meta.path`
    resolves a relative one, and `meta.source_escaped` says a name that was not UTF-8 is kept escaped."""
    paragraphs = detect_paragraphs(doc.text)
    meta = dict(doc.meta)
    if path is not None:
        absolute = escape(os.path.abspath(path))
        if absolute != doc.source:
            meta["path"] = absolute
        if needs_escape(path):
            meta["source_escaped"] = True
    finished = dataclasses.replace(doc, paragraphs=paragraphs, ingested_at=now, meta=meta)
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
