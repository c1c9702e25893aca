"""A document's text cut into paragraphs and pieces, each piece marked with the facts whose span covers it,
so a template can highlight every fact by kind without any markup from the document reaching the page."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.model import Paragraph

MAX_SHOWN = 2_000_000  # characters of text a page shows; the rest is in the original (a download)
# the narrower kinds are drawn over the wider ones: a date inside a statement shows as a date
PRECEDENCE = ("date", "actor", "topic", "publication_issue", "campaign", "event", "statement", "inconsistency")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    fact_id: str


@dataclass(slots=True)
class Piece:
    text: str
    marks: tuple[Mark, ...] = ()  # the facts covering it, narrowest first
    starts: tuple[str, ...] = ()  # ids of the facts whose span begins here (anchors)

    @property
    def kinds(self) -> list[str]:
        return list(dict.fromkeys(m.kind for m in self.marks))

    @property
    def kind(self) -> str | None:
        """The kind the piece is drawn in."""
        ranked = sorted(self.kinds, key=lambda k: PRECEDENCE.index(k) if k in PRECEDENCE else len(PRECEDENCE))
        return ranked[0] if ranked else None


@dataclass(slots=True)
class Block:
    lang: str
    pieces: list[Piece] = field(default_factory=list)

    @property
    def direction(self) -> str:
        return "rtl" if self.lang == "ar" else "auto"


def blocks(text: str, paragraphs: Sequence[Paragraph], marks: Iterable[Mark]) -> list[Block]:
    """The text (up to MAX_SHOWN characters) as paragraphs of pieces. A paragraph runs from its start to the
    next one's, so every character of the text is shown exactly once."""
    text = text[:MAX_SHOWN]
    n = len(text)
    spans = sorted((m for m in marks if 0 <= m.start < m.end and m.start < n), key=lambda m: (m.start, m.end))
    starts = sorted({0, *(p.start for p in paragraphs if 0 < p.start < n)})
    langs = {p.start: p.language for p in paragraphs}
    cuts = sorted({*starts, n, *(m.start for m in spans), *(min(m.end, n) for m in spans)})
    out: list[Block] = []
    paragraph_starts = set(starts)
    active: list[Mark] = []
    i = 0
    for a, b in itertools.pairwise(cuts):
        if a in paragraph_starts:
            out.append(Block(langs.get(a, "")))
        active = [m for m in active if m.end > a]
        begun = []
        while i < len(spans) and spans[i].start == a:
            active.append(spans[i])
            begun.append(spans[i].fact_id)
            i += 1
        covering = tuple(sorted(active, key=lambda m: m.end - m.start))
        out[-1].pieces.append(Piece(text[a:b], covering, tuple(dict.fromkeys(begun))))
    return out
