"""A gap between two dates that the page itself explains: "the eight-month delay of its publication".

A periodical's cover date and its release are two facts; a page that gives both and names the delay between
them has reported a late issue, not contradicted itself. Read on the paragraph around each side's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.store import ReadView
from marsad.text.fold import fold

if TYPE_CHECKING:  # the timeline asks this module too: no import cycle at run time
    from marsad.analyze.timeline import Source

REACH = 200  # characters either side of the evidence, within its paragraph
_DELAY = re.compile(
    r"\b(?:delay(?:ed|s)?|belated(?:ly)?|late release|released late|came out late|backdated|back-dated)\b"
    r"|(?<![\u0621-\u064a])(?:تاخر|تاخير|متاخر|تاجيل)"
)


def gap_explained(store: ReadView, sources: Sequence[Source]) -> bool:
    """All sides from one document, and a delay named beside one of them."""
    return explaining(store, sources) is not None


def explaining(store: ReadView, sources: Sequence[Source]) -> str | None:
    """The words naming the delay ("the eight-month delay"), when all sides come from one document."""
    docs = {s.doc_id for s in sources}
    if len(docs) != 1:
        return None
    text = store.document_text(next(iter(docs)))  # only for a dispute (the text alone: a check asks many)
    for s in sources:
        if s.end > s.start:
            folded = fold(_around(text, s.start, s.end)).lower()
            m = _DELAY.search(folded)
            if m:  # the words as folded (folding drops marks: no offsets back into the text)
                words = folded[max(0, m.start() - 40) : m.end() + 40].split()
                return " ".join(words[1:-1] if len(words) > 2 else words)  # no word cut at either end
    return None


def _around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind("\n", 0, start) + 1, start - REACH)
    hi = text.find("\n", end)
    return text[lo : min(hi if hi >= 0 else len(text), end + REACH)]
