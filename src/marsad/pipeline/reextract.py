"""Re-run extraction over an archive: per document, only where an extractor's version changed.

With workers, documents are extracted in worker processes, a batch of short ones to a task, several tasks at
once, and written here in the archive's order; a long document's parts are read by the workers (as ingest
reads them) while its facts are written as they come.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass

from marsad import settings
from marsad.errors import StoreError
from marsad.extract.base import Extractor
from marsad.extract.budget import OverBudget, budget_for, time_budget
from marsad.extract.registry import CHUNK_CHARS, EXTRACTORS, FanOut, RowsOf, extract_rows, iter_rows, serial, warm_up
from marsad.model import Document
from marsad.pipeline.pool import fan_out_to, pool, worker_init
from marsad.store.base import Store

_DOCS_PER_TASK = 32
_CHARS_PER_TASK = 256 * 1024  # tasks of like size keep every worker busy


@dataclass(slots=True)
class ExtractSummary:
    documents: int = 0
    extracted: int = 0
    up_to_date: int = 0
    facts: int = 0
    failed: list[tuple[str, str]] | None = None


# (document id, the extractors (name, version) it ran, the store's fact rows, how many facts; or why it failed)
_Done = tuple[str, tuple[tuple[str, str], ...], list[tuple[object, ...]], int, str | None]


def reextract(
    store: Store, force: bool = False, extract_seconds: float | None = None, workers: int = 0,
    scheduler: str | None = None, extractors: tuple[Extractor, ...] = EXTRACTORS,
) -> ExtractSummary:  # fmt: skip
    """Each document's facts from each extractor are replaced in one transaction; a re-run is a no-op. A document
    whose extraction takes longer than `extract_seconds` (default: MARSAD_EXTRACT_SECONDS) keeps what it had and is
    reported. Each document's facts are written as its parts are read (a long document's are never all in
    memory). `workers` > 0 extracts in that many processes (the writing stays here); 0 in this one. `scheduler`, a
    Dask scheduler's address (tcp://HOST:PORT), extracts on that cluster's workers instead (pipeline/cluster.py).
    `extractors`: the set that reads with the archive's watchlist (extract.registry.extractors_for)."""
    budget = settings.extract_seconds() if extract_seconds is None else extract_seconds
    summary = ExtractSummary(failed=[])
    stale = _stale(store, force, summary, extractors)
    if scheduler:
        from marsad.pipeline.cluster import cluster

        with cluster(scheduler) as (executor, threads):
            _extract_on(executor, threads, store, stale, budget, summary)
    elif workers <= 0:
        for doc, extractors in stale:
            _write_streamed(store, doc, extractors, serial, budget, summary)
    else:
        with pool(workers, worker_init, (os.getpid(),)) as processes:
            _extract_on(processes, workers, store, stale, budget, summary)
    return summary


def _extract_on(
    executor: Executor, workers: int, store: Store, stale: Iterator[tuple[Document, tuple[Extractor, ...]]],
    budget: float, summary: ExtractSummary,
) -> None:  # fmt: skip
    """Batches extracted by the executor's `workers`, a few ahead of the writer, written here in order."""
    fan_out = fan_out_to(executor, workers)
    window: deque[Future[list[_Done]]] = deque()
    try:
        for task in _tasks(stale):
            if isinstance(task, tuple):  # a long document: what was read before it is written before it
                while window:
                    _write(store, window.popleft().result(), summary)
                _write_streamed(store, *task, fan_out, budget, summary)
                continue
            window.append(executor.submit(_extract_batch, task, store.fact_rows_of, budget))
            if len(window) >= 3 * workers:  # bounded: memory stays flat whatever the archive's size
                _write(store, window.popleft().result(), summary)
        while window:
            _write(store, window.popleft().result(), summary)
    finally:
        for pending in window:
            pending.cancel()


def _stale(
    store: Store, force: bool, summary: ExtractSummary, extractors: tuple[Extractor, ...]
) -> Iterator[tuple[Document, tuple[Extractor, ...]]]:
    """Each document with the extractors to run on it (all with `force`, else those of a newer version)."""
    done = {e.NAME: store.extracted_versions(e.NAME) for e in extractors}
    for doc in store.iter_documents():
        summary.documents += 1
        stale = tuple(e for e in extractors if force or done[e.NAME].get(doc.id) != e.VERSION)
        if stale:
            yield doc, stale
        else:
            summary.up_to_date += 1


_Task = list[tuple[Document, tuple[Extractor, ...]]] | tuple[Document, tuple[Extractor, ...]]


def _tasks(stale: Iterator[tuple[Document, tuple[Extractor, ...]]]) -> Iterator[_Task]:
    """Short documents in batches for the workers (a task's extractors cross to another process as their set's
    entities and their names: extract.base.Member); a long one alone, to be read in parts."""
    batch: list[tuple[Document, tuple[Extractor, ...]]] = []
    chars = 0
    for doc, extractors in stale:
        if len(doc.text) > CHUNK_CHARS:
            if batch:
                yield batch
                batch, chars = [], 0
            yield doc, extractors
            continue
        batch.append((doc, extractors))
        chars += len(doc.text)
        if len(batch) >= _DOCS_PER_TASK or chars >= _CHARS_PER_TASK:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _extract_batch(batch: list[tuple[Document, tuple[Extractor, ...]]], to_rows: RowsOf, budget: float) -> list[_Done]:
    """A batch of documents' fact rows, in a worker process; one document over its budget, or whose extractor
    fails, is said and the rest go on."""
    out: list[_Done] = []
    for doc, extractors in batch:
        extracted = tuple((e.NAME, e.VERSION) for e in extractors)
        try:
            rows, facts = extract_rows(doc, to_rows, extractors, seconds=budget_for(len(doc.text), budget))
        except OverBudget as exc:
            out.append((doc.id, extracted, [], 0, _over(exc, budget)))
            continue
        except Exception as exc:  # one document's extractor bug must not stop the run
            out.append((doc.id, extracted, [], 0, f"{type(exc).__name__}: {exc}"))
            continue
        out.append((doc.id, extracted, rows, facts, None))
    return out


def _write(store: Store, done: list[_Done], summary: ExtractSummary) -> None:
    """A batch's facts, in one transaction (each document's replaced whole)."""
    assert summary.failed is not None
    with store.transaction():
        for doc_id, extracted, rows, _, failed in done:
            if failed is None:
                store.replace_facts(doc_id, extracted, rows)
    for doc_id, _, _, facts, failed in done:  # counted once committed
        if failed is not None:
            summary.failed.append((doc_id, failed))
        else:
            summary.extracted += 1
            summary.facts += facts


def _write_streamed(
    store: Store, doc: Document, extractors: tuple[Extractor, ...], fan_out: FanOut, budget: float,
    summary: ExtractSummary,
) -> None:  # fmt: skip
    """One document's facts written as its parts are read (by `fan_out`), in one transaction."""
    assert summary.failed is not None
    counted: list[int] = []
    try:
        warm_up()  # the budget times the reading, not the loading
        with time_budget(budget_for(len(doc.text), budget)):
            store.replace_facts(
                doc.id,
                tuple((e.NAME, e.VERSION) for e in extractors),
                iter_rows(doc, store.fact_rows_of, extractors, fan_out=fan_out, counted=counted),
            )
    except StoreError:
        raise  # the archive failed (disk full, locked): the run stops
    except OverBudget as exc:
        summary.failed.append((doc.id, _over(exc, budget)))
        return
    except Exception as exc:  # one document's extractor bug must not stop the run
        summary.failed.append((doc.id, f"{type(exc).__name__}: {exc}"))
        return
    summary.extracted += 1
    summary.facts += sum(counted)


def _over(exc: OverBudget, budget: float) -> str:
    return f"{exc} (MARSAD_EXTRACT_SECONDS={budget:g}); its facts are as before"
