"""Which date belongs to a thing another extractor found: the first date fact that follows it closely (or the last
that precedes it). The dates are put in start order once per document, and each question looks only at the dates
within reach, found by bisection: linear in a long document."""

from __future__ import annotations

import bisect
import re

from marsad.model import Statement


class NearDates:
    """A document's date facts, in start order, asked which one stands beside a span."""

    def __init__(self, dates: list[Statement]) -> None:
        self._dates = sorted(dates, key=lambda d: d.evidence[0].start)
        self._starts = [d.evidence[0].start for d in self._dates]

    def following(self, text: str, end: int, max_gap: int, barrier: str) -> Statement | None:
        """The first date fact starting within `max_gap` characters after `end`, with no `barrier` (a regular
        expression: a sentence end, another issue) between them."""
        stop = re.compile(barrier)
        for i in range(bisect.bisect_left(self._starts, end), bisect.bisect_right(self._starts, end + max_gap)):
            d = self._dates[i]
            if not stop.search(text[end : d.evidence[0].start]):
                return d
        return None

    def inside(self, start: int, end: int) -> Statement | None:
        """The first date fact lying wholly within [start, end) (an infobox row that holds its own date)."""
        for i in range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)):
            if self._dates[i].evidence[0].end <= end:
                return self._dates[i]
        return None

    def preceding(self, text: str, start: int, max_gap: int, barrier: str) -> Statement | None:
        """The last date fact ending within `max_gap` characters before `start`, with no `barrier` between them
        ("On April 8, the group started what it called 'the Campaign of ...'")."""
        stop = re.compile(barrier)
        best: Statement | None = None
        # a date ending before `start` starts before it too: look back over the starts within reach (a date is short)
        lo = bisect.bisect_left(self._starts, start - max_gap - 200)
        for d in self._dates[lo : bisect.bisect_left(self._starts, start)]:
            if (
                0 <= start - d.evidence[0].end <= max_gap
                and not stop.search(text[d.evidence[0].end : start])
                and (best is None or d.evidence[0].end > best.evidence[0].end)
            ):
                best = d
        return best
