"""A search hit's snippet as pieces (matched or not), cut from the document's text around its first match:
the markers of the CLI's snippet (**) could be the document's own text."""

from __future__ import annotations

from collections.abc import Sequence

CONTEXT = 90  # characters each side of the first match, as `marsad search`


def snippet_pieces(text: str, highlights: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    if not highlights:
        return [(_squash(text[: 2 * CONTEXT]) + ("…" if len(text) > 2 * CONTEXT else ""), False)]
    first = highlights[0][0]
    start, end = max(0, first - CONTEXT), min(len(text), first + CONTEXT)
    pieces: list[tuple[str, bool]] = [("…", False)] if start else []
    pos = start
    for s, e in highlights:
        if s >= end:
            break
        if s > pos:
            pieces.append((_squash(text[pos:s]), False))
        pieces.append((_squash(text[max(s, pos) : e]), True))  # a match the window cuts is shown whole
        pos = e
        end = max(end, e)
    if pos < end:
        pieces.append((_squash(text[pos:end]), False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces


def _squash(text: str) -> str:
    """Whitespace runs as one space, keeping a space at either end (between a match and its context)."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")
