"""Re-run extraction over an archive: per document, only where an extractor's version changed."""

from __future__ import annotations

from dataclasses import dataclass

from marsad import settings
from marsad.errors import StoreError
from marsad.extract.budget import OverBudget, time_budget
from marsad.extract.registry import EXTRACTORS, iter_rows, warm_up
from marsad.store.base import Store


@dataclass(slots=True)
class ExtractSummary:
    documents: int = 0
    extracted: int = 0
    up_to_date: int = 0
    facts: int = 0
    failed: list[tuple[str, str]] | None = None


def reextract(store: Store, force: bool = False, extract_seconds: float | None = None) -> ExtractSummary:
    """Each document's facts from each extractor are replaced in one transaction; a re-run is a no-op. A document
    whose extraction takes longer than `extract_seconds` (default: MARSAD_EXTRACT_SECONDS) keeps what it had and is
    reported. Each document's facts are written as its parts are read (a long document's are never all in
    memory)."""
    budget = settings.extract_seconds() if extract_seconds is None else extract_seconds
    summary = ExtractSummary(failed=[])
    done = {e.NAME: store.extracted_versions(e.NAME) for e in EXTRACTORS}
    for doc in store.iter_documents():
        summary.documents += 1
        stale = [e for e in EXTRACTORS if force or done[e.NAME].get(doc.id) != e.VERSION]
        if not stale:
            summary.up_to_date += 1
            continue
        counted: list[int] = []
        try:
            warm_up()  # the budget times the reading, not the loading
            with time_budget(budget):
                store.replace_facts(
                    doc.id,
                    tuple((e.NAME, e.VERSION) for e in stale),
                    iter_rows(doc, store.fact_rows_of, stale, counted=counted),
                )
        except StoreError:
            raise  # the archive failed (disk full, locked): the run stops
        except OverBudget as exc:
            assert summary.failed is not None
            summary.failed.append((doc.id, f"{exc} (MARSAD_EXTRACT_SECONDS={budget:g}); its facts are as before"))
            continue
        except Exception as exc:  # one document's extractor bug must not stop the run
            assert summary.failed is not None
            summary.failed.append((doc.id, f"{type(exc).__name__}: {exc}"))
            continue
        summary.extracted += 1
        summary.facts += sum(counted)
    return summary
