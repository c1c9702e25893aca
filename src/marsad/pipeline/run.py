"""Ingest inputs into a store: prepare each file (pipeline.prepare), write in transactions, report per file.

Preparing (parsing, language detection, folding, extraction) runs in worker processes (a pure function
of a file); the main process writes. A container larger than _STREAM_BYTES (a Telegram export of
200,000 messages, a big JSON Lines dump) is parsed in the main process instead, as it is read, and its
records are prepared by the workers, a batch each, a few batches at once, so that memory follows the batch
and not the container (a worker's answer is all of a file) and every core is busy. So is any file larger
than _LONG_BYTES (a long report, a channel dump as one text): its document is read in parts
(extract.chunks) by the workers, several at once, and its facts are written as the parts come back, so that
neither the time nor the memory of one long document waits on all of it. Each
document is written whole or not at all, many documents per transaction; a crash loses at most the
open transaction, and running the same command again finishes the rest without duplicates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TextIO

from marsad import settings
from marsad.errors import OriginalChanged, StoreError
from marsad.extract import EXTRACTORS
from marsad.extract.base import Extractor
from marsad.extract.budget import OverBudget, time_budget
from marsad.extract.registry import serial, warm_up
from marsad.ingest.paths import escape
from marsad.ingest.registry import CONTAINER_EXTENSIONS, CONTAINER_FORMATS
from marsad.ingest.walk import Input, iter_inputs
from marsad.model import OriginalFile, original_size
from marsad.pipeline.pool import fan_out_to, worker_init
from marsad.pipeline.pool import pool as worker_pool
from marsad.pipeline.prepare import (
    UNSUPPORTED,
    FileResult,
    Job,
    Prepared,
    Streamed,
    extraction_failed,
    over_budget,
    prepare_file,
    prepare_pieces,
)
from marsad.store import open_store
from marsad.store.base import Store

_FLUSH_BYTES = 64 * 2**20
_FLUSH_SECONDS = 3.0
_FILES_PER_TASK = 32
_BYTES_PER_TASK = 256 * 1024  # tasks of like size keep every worker busy: a JSON Lines dump is a task of its own
_STREAM_BYTES = 2 * 2**20  # a container this large is parsed here, its records prepared by the workers
_LONG_BYTES = 4 * 2**20  # a file this large is prepared here, its long document's parts read by the workers
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
        if isinstance(item[4], Streamed):
            self.flush()  # what came before it is written before it
            self._write_streamed(item, item[4], result)
            return
        self.pending.append((item, result))
        self.pending_bytes += original_size(item[2]) + (len(item[3]) if isinstance(item[3], str) else 0)
        if (
            len(self.pending) >= self.batch_size
            or self.pending_bytes >= _FLUSH_BYTES
            or time.monotonic() - self.started >= _FLUSH_SECONDS
        ):
            self.flush()

    def _write_streamed(self, item: Prepared, facts: Streamed, result: FileResult) -> None:
        """A long document with its facts, in one transaction, each part's facts written as it is read; over its
        budget, or when an extractor fails, it is written again without facts (with a warning), as any document."""
        doc_id, row, original, index_text, _ = item
        try:
            with time_budget(facts.seconds), self.store.transaction():
                written = self.store.add_row(row, original, index_text, facts.rows(), EXTRACTED)
        except OriginalChanged:
            if result.format in CONTAINER_FORMATS:
                raise  # its documents stand or fall together: the run stops, and the same ingest run again finishes
            result.failures.append((result.path, _CHANGED))  # this file only: the run goes on
            return
        except StoreError:
            raise  # the archive failed (disk full): the run stops, as for any batch
        except OverBudget as exc:
            result.warnings.append((facts.where, over_budget(exc)))
            written = self._write_bare(item)
        except Exception as exc:  # an extractor bug must not cost the document: `marsad extract` retries
            result.warnings.append((facts.where, extraction_failed(exc)))
            written = self._write_bare(item)
        if written:
            result.ingested += 1
            result.documents.append(doc_id)
        else:
            result.already += 1

    def _write_bare(self, item: Prepared) -> bool:
        with self.store.transaction():
            return self.store.add_row(item[1], item[2], item[3])

    def flush(self) -> None:
        pending, self.pending = self.pending, []  # a failed write (disk full) is not tried again on the way out
        self.pending_bytes = 0
        self.started = time.monotonic()
        if not pending:
            return
        written: list[tuple[str, FileResult]] = []
        already: list[FileResult] = []
        try:
            with self.store.transaction():
                for (doc_id, row, original, index_text, facts), result in pending:
                    assert not isinstance(facts, Streamed)  # written on its own (add)
                    extracted = EXTRACTED if facts is not None else ()
                    if self.store.add_row(row, original, index_text, facts or (), extracted):
                        written.append((doc_id, result))
                    else:
                        already.append(result)
        except OriginalChanged as exc:  # the batch rolled back: written again without the one file that changed
            changed = [p for p in pending if isinstance(p[0][2], OriginalFile) and p[0][2].path == exc.path]
            if len(changed) != 1 or changed[0][1].format in CONTAINER_FORMATS:
                raise  # a container's documents stand or fall together: the run stops
            changed[0][1].failures.append((changed[0][1].path, _CHANGED))
            self.pending = [p for p in pending if p is not changed[0]] + self.pending
            self.flush()
            return
        for doc_id, result in written:  # counted once committed: a rolled-back batch counts nothing
            result.ingested += 1
            result.documents.append(doc_id)
        for result in already:
            result.already += 1


_CHANGED = (
    "the file changed while it was ingested (not the bytes that were read); not archived: run the same ingest again"
)


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
    extract_seconds: float | None = None,
    extractors: tuple[Extractor, ...] = EXTRACTORS,
) -> IngestSummary:
    """Archive every input; never raises for a bad input, which is reported in the summary.

    `workers` > 0 parses in that many processes; 0 parses in this one. `extract=False` archives only;
    `marsad extract` (pipeline.reextract) extracts later. `extract_seconds` bounds one document's extraction
    (default: MARSAD_EXTRACT_SECONDS); a document over it is archived without facts, with a warning.
    `extractors`: the set that reads with the archive's watchlist (extract.registry.extractors_for).
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
    budget = settings.extract_seconds() if extract_seconds is None else extract_seconds
    job = Job(max_size, now, store.row_of, store.fact_rows_of, extract, budget, extractors=extractors)
    try:
        for result, prepared, final in _prepare_all(inputs, job, workers, store.path, store):
            for item in prepared:
                writer.add(item, result)
            if final:
                done.append(result)
                if not writer.pending:
                    report_finished()
    finally:
        writer.flush()  # complete documents only: safe on Ctrl-C as well
        report_finished()
    return summary


# (what happened to a file so far, documents ready to write, whether the file is done)
Piece = tuple[FileResult, list[Prepared], bool]


def _prepare_all(inputs: Iterator[Input], job: Job, workers: int, where: str, store: Store) -> Iterator[Piece]:
    """Every input's documents, in input order. Files are prepared in `workers` processes, a task of
    several files at a time; a large container is prepared here, piece by piece, so neither a worker's
    answer nor the writer ever holds all of it."""
    here = _Known(store=store)
    if workers <= 0:
        here_job = dataclasses.replace(job, fan_out=serial)
        for entry in inputs:
            yield from _pieces(entry, here_job, here)
        return
    with worker_pool(workers, _worker_init, (where, os.getpid())) as pool:
        window: deque[Future[list[tuple[FileResult, list[Prepared]]]]] = deque()
        here_job = dataclasses.replace(job, fan_out=fan_out_to(pool, workers))
        for _ in range(workers):  # start the workers now, before this process reads a long file they would inherit
            pool.submit(warm_up)
        try:
            for task in _tasks(inputs):
                if isinstance(task, Input):
                    while window:  # what was read before it is written before it
                        yield from _whole(window.popleft().result())
                    yield from _pieces(task, here_job, here)
                    continue
                window.append(pool.submit(_prepare_chunk, task, job))
                if len(window) >= 3 * workers:  # bounded: memory stays flat whatever the collection's size
                    yield from _whole(window.popleft().result())
            while window:
                yield from _whole(window.popleft().result())
        finally:
            for pending in window:
                pending.cancel()


def _pieces(entry: Input, job: Job, known: Callable[[str], bool]) -> Iterator[Piece]:
    result = FileResult(escape(entry.path))
    for piece in prepare_pieces(entry, job, known, result):
        yield result, piece, False
    yield result, [], True


def _whole(results: list[tuple[FileResult, list[Prepared]]]) -> Iterator[Piece]:
    for result, prepared in results:
        yield result, prepared, True


def _tasks(inputs: Iterator[Input]) -> Iterator[list[Input] | Input]:
    """Files grouped in tasks of like size for the workers; a large container alone, to prepare here."""
    chunk: list[Input] = []
    size = 0
    for entry in inputs:
        try:
            bytes_ = os.path.getsize(entry.path) if not (entry.failed or entry.skipped) else 0
        except OSError:  # reported when it is read
            bytes_ = 0
        container = PurePath(entry.path).suffix.lower() in CONTAINER_EXTENSIONS
        if bytes_ > (_STREAM_BYTES if container else _LONG_BYTES):
            if chunk:
                yield chunk
                chunk, size = [], 0
            yield entry
            continue
        chunk.append(entry)
        size += bytes_
        if len(chunk) >= _FILES_PER_TASK or size >= _BYTES_PER_TASK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Known:
    """Is a document already archived? Asked before parsing, to skip work on a re-run: of the writer's store, or in
    a worker process of the archive at `where` (an SQLite file or a server URL), opened read-only at its first
    question, in that process."""

    def __init__(self, store: Store | None = None, where: str | None = None) -> None:
        self.store = store
        self.where = where

    def __call__(self, doc_id: str) -> bool:
        try:
            if self.store is None and self.where:
                self.store, self.where = open_store(self.where, read_only=True), None
            return self.store is not None and bool(self.store.known_ids([doc_id]))
        except Exception:  # the lookup only saves work: the writer's ON CONFLICT keeps duplicates out
            self.store = None
            return False


_worker_known = _Known()


def _worker_init(where: str | None, parent: int) -> None:
    global _worker_known
    worker_init(parent)
    _worker_known = _Known(where=where)


def _prepare_chunk(chunk: list[Input], job: Job) -> list[tuple[FileResult, list[Prepared]]]:
    return [prepare_file(entry, job, _worker_known) for entry in chunk]


__all__ = ["UNSUPPORTED", "FileResult", "IngestSummary", "Job", "Prepared", "ingest", "prepare_file"]
