"""Which date belongs to a thing another extractor found: the first date fact that follows it closely (or the last
that precedes it). Both look only at the dates within reach, found by bisection: linear in a long document."""

from __future__ import annotations

import bisect
import re

from marsad.model import Statement

_SORTED: list[tuple[int, int, list[Statement], list[int]]] = []  # (id, len) of the last list asked -> its order


def _by_start(dates: list[Statement]) -> tuple[list[Statement], list[int]]:
    """The dates in start order and their starts, kept for the list asked last (callers ask per mention)."""
    if _SORTED and _SORTED[0][0] == id(dates) and _SORTED[0][1] == len(dates):
        return _SORTED[0][2], _SORTED[0][3]
    ordered = sorted(dates, key=lambda d: d.evidence[0].start)
    starts = [d.evidence[0].start for d in ordered]
    _SORTED[:] = [(id(dates), len(dates), ordered, starts)]
    return ordered, starts


def following_date(dates: list[Statement], text: str, end: int, max_gap: int, barrier: str) -> Statement | None:
    """The first date fact starting within `max_gap` characters after `end`, with no `barrier` (a regular
    expression: a sentence end, another issue) between them."""
    ordered, starts = _by_start(dates)
    stop = re.compile(barrier)
    for i in range(bisect.bisect_left(starts, end), bisect.bisect_right(starts, end + max_gap)):
        d = ordered[i]
        if not stop.search(text[end : d.evidence[0].start]):
            return d
    return None


def preceding_date(dates: list[Statement], text: str, start: int, max_gap: int, barrier: str) -> Statement | None:
    """The last date fact ending within `max_gap` characters before `start`, with no `barrier` between them
    ("On April 8, the group started what it called 'the Campaign of ...'")."""
    ordered, starts = _by_start(dates)
    stop = re.compile(barrier)
    best: Statement | None = None
    # a date ending before `start` starts before it too: look back over the starts within reach (a date is short)
    for i in range(bisect.bisect_left(starts, start - max_gap - 200), bisect.bisect_left(starts, start)):
        d = ordered[i]
        if (
            0 <= start - d.evidence[0].end <= max_gap
            and not stop.search(text[d.evidence[0].end : start])
            and (best is None or d.evidence[0].end > best.evidence[0].end)
        ):
            best = d
    return best
