"""Which timeline rows an analyst reviewed: the review in force on any of a row's sources (a source is a fact:
its document, span and the row's kind), shown beside the row. The pages ask for the timeline with the reviews
applied, as the CLI, the report and the exports do (a rejected fact is left out, a corrected one stands in the row
of its corrected value), and mark here what was reviewed among the sources a row shows."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.analyze.disputes import attach, stored_refs
from marsad.analyze.timeline import Row
from marsad.store import ReadView
from marsad.store.reviews import Review, by_evidence, latest
from marsad.web.kept import Answers

REFS = Answers(4)  # the findings of the last `marsad check` (and the extractor's), while the archive is unchanged


def row_reviews(store: ReadView, rows: Sequence[Row], offset: int = 0) -> dict[int, list[Review]]:
    """Row number (offset + index) -> the review in force on each of its reviewed sources."""
    index = by_evidence(store.reviews())
    if not index:
        return {}
    out: dict[int, list[Review]] = {}
    for n, row in enumerate(rows, start=offset):
        found = [latest(index.get((s.doc_id, s.start, s.end, row.kind), [])) for s in row.sources]
        kept = [r for r in found if r is not None]
        if kept:
            out[n] = kept
    return out


def mark_findings(store: ReadView, rows: Sequence[Row]) -> None:
    """Name on each of these rows the findings whose evidence is one of its facts, as `marsad timeline` does."""
    attach(rows, REFS.get(store.path, "refs", lambda: stored_refs(store)).value)
