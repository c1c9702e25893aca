"""A gap between two dates that the page itself explains: "the eight-month delay of its publication".

A periodical's cover date and its release are two facts; a page that gives both and names the delay between
them has reported a late issue, not contradicted itself. Read on the paragraph around each side's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.analyze.timeline import Source
from marsad.store import SQLiteStore
from marsad.text.fold import fold

REACH = 200  # characters either side of the evidence, within its paragraph
_DELAY = re.compile(
    r"\b(?:delay(?:ed|s)?|belated(?:ly)?|late release|released late|came out late|backdated|back-dated)\b"
    r"|(?<![\u0621-\u064a])(?:تاخر|تاخير|متاخر|تاجيل)"
)


def gap_explained(store: SQLiteStore, sources: Sequence[Source]) -> bool:
    """All sides from one document, and a delay named beside one of them."""
    docs = {s.doc_id for s in sources}
    if len(docs) != 1:
        return False
    text = store.get_document(next(iter(docs))).text  # only for a dispute: rare
    return any(_DELAY.search(fold(_around(text, s.start, s.end)).lower()) for s in sources if s.end > s.start)


def _around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind("\n", 0, start) + 1, start - REACH)
    hi = text.find("\n", end)
    return text[lo : min(hi if hi >= 0 else len(text), end + REACH)]
