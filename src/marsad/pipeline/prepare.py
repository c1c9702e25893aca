"""One input file -> documents ready to write, and what happened to it, in pieces of bounded size.

A pure function of the file (it runs in worker processes): read it, pick its format, parse, add what
every format shares (paragraphs and languages, where the file is), fold the text to index, extract the
facts, and build the store's rows. Every problem lands in the FileResult, never in an exception. A
container (a Telegram export, a JSON Lines dump) comes out in pieces of PIECE documents, so its writer
need not hold all of it at once.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePath
from typing import Any

from marsad.errors import IngestError
from marsad.extract.base import Extractor
from marsad.extract.budget import OverBudget, budget_for
from marsad.extract.registry import CHUNK_CHARS, EXTRACTORS, FanOut, RowsOf, extract_rows, iter_rows, serial
from marsad.ingest.base import Item, Parsed, RecordFailure, SourceFile, SourceStream, utc_from_timestamp
from marsad.ingest.paths import escape, needs_escape
from marsad.ingest.registry import format_for, is_supported, streaming_format
from marsad.ingest.walk import Input
from marsad.model import Document, Original, OriginalFile, content_id
from marsad.text.fold import fold_index
from marsad.text.language import detect_paragraphs

UNSUPPORTED = "unsupported file type"  # the routine skip: a file in a folder that no format reads
KEEP_AS_FILE = 4 * 2**20  # a file this large is archived from the file, its bytes not held while written
PIECE = 500  # documents of a container prepared before they are handed on
BATCH = 200  # a container's records prepared together by one worker process


@dataclass(frozen=True, slots=True)
class Streamed:
    """The facts of a long document, read part by part while the writer writes them, so that they are never all
    in memory (the main process's documents only: it does not cross to a worker)."""

    rows: Callable[[], Iterator[tuple[Any, ...]]]
    seconds: float  # the document's extraction budget (0: none)
    where: str  # the document, as its warnings name it


# The folded text a document is indexed by, or (a long document's, prepared in the writing process) how to fold it
# when it is written.
IndexText = str | Callable[[], str]
# A finished document ready to write: (id, the store's row for it, original bytes, folded text to index,
# the store's rows for its facts; None: extraction failed). A plain tuple: it crosses from worker processes,
# and tuples pickle fastest.
Prepared = tuple[str, tuple[Any, ...], Original, IndexText, list[tuple[Any, ...]] | Streamed | None]


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


@dataclass(frozen=True, slots=True)
class Job:
    max_size: int
    now: str
    row_of: Callable[[Document], tuple[Any, ...]]
    fact_rows_of: RowsOf
    extract: bool = True
    extract_seconds: float = 0.0  # one document's extraction budget (0: none)
    # set where documents are prepared in the writing process: a long document's facts are then streamed to the
    # writer (Streamed), its parts read through this (the pipeline's worker processes)
    fan_out: FanOut | None = None
    # the extractors, with the archive's watchlist (registry.extractors_for): a task carries them to a worker as
    # their set's entities, not their index
    extractors: tuple[Extractor, ...] = EXTRACTORS


def prepare_file(entry: Input, job: Job, known: Callable[[str], bool]) -> tuple[FileResult, list[Prepared]]:
    """Read and parse one input into documents ready to write, all at once."""
    result = FileResult(escape(entry.path))
    return result, [p for piece in prepare_pieces(entry, job, known, result) for p in piece]


def prepare_pieces(
    entry: Input, job: Job, known: Callable[[str], bool], result: FileResult, piece: int = PIECE
) -> Iterator[list[Prepared]]:
    """The documents of one input, `piece` at a time; `result` says what happened once it is exhausted."""
    if entry.failed or entry.skipped:  # the walk could not, or would not, read it
        if entry.failed:
            result.failures.append((result.path, entry.failed))
        result.skipped = entry.skipped
        return
    batch: list[Prepared] = []
    try:
        for prepared in _documents(entry, job, known, result):
            batch.append(prepared)
            if len(batch) >= piece:
                yield batch
                batch = []
    except IngestError as exc:
        result.failures.append((exc.path, exc.reason))
    except (MemoryError, RecursionError) as exc:
        result.failures.append((result.path, f"too large or too deeply nested to parse ({type(exc).__name__})"))
    except Exception as exc:  # a parser bug on hostile input must not stop the batch
        result.failures.append((result.path, f"could not parse ({type(exc).__name__}: {exc})"))
    if batch:
        yield batch


def _documents(entry: Input, job: Job, known: Callable[[str], bool], result: FileResult) -> Iterator[Prepared]:
    """Read a file (or open it, for a streaming format) and parse it into documents ready to write. A file without
    an extension, found in a folder, is judged by its first bytes: when no format reads it, it is passed over like
    a .docx (and said), not counted as a failure; named on the command line, it fails."""
    src = _read(entry, job.max_size)
    if src is None:
        result.skipped = f"{UNSUPPORTED} ({PurePath(result.path).suffix.lower()!r})"
        return
    path = src.path
    stream = src.stream if isinstance(src, SourceStream) else None
    fmt = None
    produced = [0]
    try:
        if isinstance(src, SourceStream):
            fmt = streaming_format(src.path)
            assert fmt is not None and fmt.stream is not None  # _read opens only such a file
            parsed_items: Iterable[Parsed] = _read_on(src.path, fmt.stream(src))
        else:
            fmt = format_for(src.path, src.data[:4096])
            if not fmt.container and known(content_id(src.data)):
                result.format = fmt.name
                result.already += 1
                return
            parsed_items = fmt.parse(src)
            if not fmt.container and len(src.data) > KEEP_AS_FILE:
                parsed_items = _kept_as_file(list(parsed_items), src, entry)
                del src  # the file's bytes: no longer held while its document is prepared and written
        result.format = fmt.name
        items = _new_items(parsed_items, known, result, produced)
        if not fmt.container or job.fan_out is None or job.fan_out is serial:
            yield from _prepare_items(items, entry, job, result)  # a long text's parts go to the workers (below)
        else:  # the writing process: the records are parsed here, and prepared in the pipeline's workers
            yield from _fanned_out(items, entry, job, job.fan_out, result)
    except IngestError as exc:
        if entry.explicit or PurePath(path).suffix or produced[0] or result.failures:
            raise
        why = exc.reason if fmt is not None else "its first bytes are no format marsad reads"
        result.format, result.skipped = None, f"{UNSUPPORTED}: no extension, and {why}"
    finally:
        if stream is not None:
            stream.close()


def _kept_as_file(parsed: list[Parsed], src: SourceFile, entry: Input) -> list[Parsed]:
    """A long file's documents with their original kept as the file, copied from it when written (and checked to be
    the bytes read), as a streamed container's is: the writer need not hold the bytes while it writes the text."""
    kept = OriginalFile(entry.path, src.path, len(src.data), content_id(src.data))
    return [
        dataclasses.replace(p, original=kept) if isinstance(p, Item) and p.original is src.data else p for p in parsed
    ]


def _read_on(path: str, parsed: Iterator[Parsed]) -> Iterator[Parsed]:
    """A streaming format's records, with a read that fails half-way (an I/O error) said as for a file read whole."""
    try:
        yield from parsed
    except OSError as exc:
        raise IngestError(path, f"cannot read ({exc.strerror or exc})") from None


def _new_items(
    parsed: Iterable[Parsed], known: Callable[[str], bool], result: FileResult, produced: list[int]
) -> Iterator[Item]:
    """The documents not yet archived; a record that could not be read, and one already archived, are counted."""
    for p in parsed:
        if isinstance(p, RecordFailure):
            result.failures.append((p.where, p.reason))
        elif known(p.document.id):
            result.already += 1
        else:
            produced[0] += 1
            yield p


def _prepare_items(items: Iterable[Item], entry: Input, job: Job, result: FileResult) -> Iterator[Prepared]:
    for item in items:
        try:
            yield _prepare_document(item.document, item.original, entry, job, result)
        except (MemoryError, RecursionError, ValueError, TypeError, UnicodeError) as exc:
            # one record's odd text must not cost the records after it in the same file
            doc = item.document
            where = doc.source if not doc.parent else doc.title
            result.failures.append((str(where), f"could not prepare the record ({type(exc).__name__}: {exc})"))


# (documents ready to write, warnings, failures) of one batch of a container's records
_Batch = tuple[list[Prepared], list[tuple[str, str]], list[tuple[str, str]]]


def _prepare_batch(items: list[Item], entry: Input, job: Job) -> _Batch:
    """A batch of a container's records prepared in a worker process (`job` without a fan-out)."""
    result = FileResult(escape(entry.path))
    return list(_prepare_items(items, entry, job, result)), result.warnings, result.failures


def _fanned_out(
    items: Iterator[Item], entry: Input, job: Job, fan_out: FanOut, result: FileResult
) -> Iterator[Prepared]:
    """A container's records prepared by the workers, BATCH at a time, a few batches at once, in the records'
    order. A parse that fails half-way (a read error) is raised once the batches read before it are written."""
    failed: list[BaseException] = []
    worker_job = dataclasses.replace(job, fan_out=None)

    def batches() -> Iterator[tuple[list[Item], Input, Job]]:
        batch: list[Item] = []
        try:
            for item in items:
                batch.append(item)
                if len(batch) >= BATCH:
                    yield batch, entry, worker_job
                    batch = []
        except Exception as exc:
            failed.append(exc)
        if batch:
            yield batch, entry, worker_job

    for prepared, warnings, failures in fan_out(_prepare_batch, batches()):
        result.warnings.extend(warnings)
        result.failures.extend(failures)
        yield from prepared
    if failed:
        raise failed[0]


def _prepare_document(doc: Document, original: Original, entry: Input, job: Job, result: FileResult) -> Prepared:
    doc = finish_document(doc, job.now, entry.path)
    where = doc.source if not doc.parent else f"{doc.source} {doc.title}"
    result.warnings.extend((where, w) for w in doc.warnings)
    facts: list[tuple[Any, ...]] | Streamed | None = None
    if job.extract and job.fan_out is not None and len(doc.text) > CHUNK_CHARS:
        fan_out = job.fan_out
        seconds = budget_for(len(doc.text), job.extract_seconds)
        facts = Streamed(lambda: iter_rows(doc, job.fact_rows_of, job.extractors, fan_out=fan_out), seconds, where)
        # its folded copy is made when the writer indexes it, not held beside the text while its facts are read
        return doc.id, job.row_of(doc), original, partial(fold_index, doc.title, doc.text), facts
    index_text = fold_index(doc.title, doc.text)
    try:
        if job.extract:
            facts, _ = extract_rows(
                doc, job.fact_rows_of, job.extractors, seconds=budget_for(len(doc.text), job.extract_seconds)
            )
    except OverBudget as exc:  # archived without facts; `marsad extract` tries again (with a larger budget, say)
        result.warnings.append((where, over_budget(exc)))
    except Exception as exc:  # an extractor bug must not cost the document: `marsad extract` retries
        result.warnings.append((where, extraction_failed(exc)))
    return doc.id, job.row_of(doc), original, index_text, facts


def over_budget(exc: OverBudget) -> str:
    return f"extraction skipped: {exc}; archived without facts (raise MARSAD_EXTRACT_SECONDS, then: marsad extract)"


def extraction_failed(exc: Exception) -> str:
    return f"extraction failed ({type(exc).__name__}: {exc})"


def _read(entry: Input, max_size: int) -> SourceFile | SourceStream | None:
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
        if streaming_format(path) is not None:  # read as it goes, a record at a time
            return _open(entry.path, path, st.st_size, st.st_mtime)
        with open(entry.path, "rb") as fh:
            data = fh.read(min(st.st_size, max_size) + 1)  # read(n) allocates n bytes first: not the limit's
            if len(data) > st.st_size:  # it grows while read: the rest, up to the limit
                data += fh.read(max_size + 1 - len(data))
    except OSError as exc:
        raise IngestError(path, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_size:
        raise IngestError(path, f"file grew past --max-size {_human(max_size)} while reading")
    return SourceFile(path, data, utc_from_timestamp(st.st_mtime))


def _open(os_path: str, path: str, size: int, mtime: float) -> SourceStream:
    try:
        stream = open(os_path, "rb")  # noqa: SIM115 (closed by _documents once its records are read)
        return SourceStream(path, stream, size, utc_from_timestamp(mtime), os_path)
    except OSError as exc:
        raise IngestError(path, f"cannot read ({exc.strerror or exc})") from None


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
