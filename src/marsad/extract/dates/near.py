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
