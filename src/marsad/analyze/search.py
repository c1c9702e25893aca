"""Full-text search with snippets: matches found on folded text, highlighted on the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.model import Document
from marsad.store.base import ReadView
from marsad.store.query import Query, Term, parse_query
from marsad.text.fold import fold_with_offsets

_CONTEXT = 90  # characters of context on each side of the first match


@dataclass(frozen=True, slots=True)
class Hit:
    document: Document
    score: float
    snippet: str  # matches wrapped in ** **
    highlights: tuple[tuple[int, int], ...]  # spans of the matches in the document text


@dataclass(frozen=True, slots=True)
class Results:
    hits: list[Hit]
    total: int  # documents that match
    ranked: int  # documents ranked: all of them, or the store's rank window of the most recently archived
    offset: int = 0

    @property
    def note(self) -> str:
        shown = f"showing {self.offset + 1}-{self.offset + len(self.hits)}" if self.hits else "showing none"
        if self.ranked < self.total:
            return (
                f"{self.total:,} matching documents, ranked among the {self.ranked:,} most recently archived "
                f"(narrow the query to rank them all); {shown}"
            )
        return f"{self.total:,} matching documents; {shown}"


def search(store: ReadView, text: str, limit: int = 20, offset: int = 0) -> Results:
    """One page of ranked hits with snippets, and how many documents match."""
    query = parse_query(text)
    hits = [
        Hit(h.document, h.score, *snippet(h.document.text, query))
        for h in store.search(query, limit=limit, offset=offset)
    ]
    total = store.count_matches(query)
    return Results(hits, total, min(total, store.rank_window), offset)


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's terms occur in `text` (original offsets), in order, without overlaps."""
    folded = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for term in query.terms():
        for m in _term_pattern(term).finditer(folded.text):
            spans.append(folded.original_span(m.start(1), m.end(1)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            continue
        merged.append((s, e))
    return merged


def _term_pattern(term: Term) -> re.Pattern[str]:
    gap = r"[\W_]+"
    body = "|".join(gap.join(re.escape(t) for t in variant) for variant in term.variants())
    tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
    return re.compile(rf"(?<![^\W_])((?:{body}){tail})")


def snippet(text: str, query: Query) -> tuple[str, tuple[tuple[int, int], ...]]:
    spans = match_spans(text, query)
    if not spans:
        return _squash(text[: 2 * _CONTEXT]), ()
    first = spans[0][0]
    start = max(0, first - _CONTEXT)
    end = min(len(text), first + _CONTEXT)
    pieces, pos = [], start
    for s, e in spans:
        if s >= end:
            break
        pieces += [text[pos:s], "**", text[s : min(e, end)], "**"]
        pos = min(e, end)
    pieces.append(text[pos:end])
    out = _squash("".join(pieces))
    return ("…" if start else "") + out + ("…" if end < len(text) else ""), tuple(spans)


def _squash(text: str) -> str:
    return " ".join(text.split())
