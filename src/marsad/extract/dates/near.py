"""Which date belongs to a thing another extractor found: the first date fact that follows it closely."""

from __future__ import annotations

import re

from marsad.model import Statement


def following_date(dates: list[Statement], text: str, end: int, max_gap: int, barrier: str) -> Statement | None:
    """The first date fact starting within `max_gap` characters after `end`, with no `barrier` (a regular
    expression: a sentence end, another issue) between them."""
    stop = re.compile(barrier)
    near = [
        d
        for d in dates
        if 0 <= d.evidence[0].start - end <= max_gap and not stop.search(text[end : d.evidence[0].start])
    ]
    return min(near, key=lambda d: d.evidence[0].start) if near else None


def preceding_date(dates: list[Statement], text: str, start: int, max_gap: int, barrier: str) -> Statement | None:
    """The last date fact ending within `max_gap` characters before `start`, with no `barrier` between them
    ("On April 8, the group started what it called 'the Campaign of ...'")."""
    stop = re.compile(barrier)
    near = [
        d
        for d in dates
        if 0 <= start - d.evidence[0].end <= max_gap and not stop.search(text[d.evidence[0].end : start])
    ]
    return max(near, key=lambda d: d.evidence[0].end) if near else None
