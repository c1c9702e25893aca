"""Re-run extraction over an archive: per document, only where an extractor's version changed."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.extract.registry import EXTRACTORS, run_extractors
from marsad.store.base import Store


@dataclass(slots=True)
class ExtractSummary:
    documents: int = 0
    extracted: int = 0
    up_to_date: int = 0
    facts: int = 0
    failed: list[tuple[str, str]] | None = None


def reextract(store: Store, force: bool = False) -> ExtractSummary:
    """Each document's facts from each extractor are replaced in one transaction; a re-run is a no-op."""
    summary = ExtractSummary(failed=[])
    done = {e.NAME: store.extracted_versions(e.NAME) for e in EXTRACTORS}
    for doc in store.iter_documents():
        summary.documents += 1
        stale = [e for e in EXTRACTORS if force or done[e.NAME].get(doc.id) != e.VERSION]
        if not stale:
            summary.up_to_date += 1
            continue
        try:
            statements = run_extractors(doc, stale)
        except Exception as exc:  # one document's extractor bug must not stop the run
            assert summary.failed is not None
            summary.failed.append((doc.id, f"{type(exc).__name__}: {exc}"))
            continue
        store.replace_facts(doc.id, tuple((e.NAME, e.VERSION) for e in stale), store.fact_rows_of(statements, doc.text))
        summary.extracted += 1
        summary.facts += len(statements)
    return summary
