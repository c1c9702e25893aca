"""A series' cadence: each issue's expected date from anchors (the watchlist's) or learned from the archive."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from dataclasses import dataclass
from typing import Any

MIN_LEARNED = 4  # distinct day-dated issues needed to learn a cadence from the archive


@dataclass(frozen=True)
class Cadence:
    every_days: int
    anchors: dict[int, dt.date]
    tolerance: int
    source: str
    drift_days_per_issue: float = 0.0  # skipped weeks accumulate: the further from an anchor, the looser

    def nearest(self, issue: int) -> int:
        return min(self.anchors, key=lambda a: (abs(a - issue), a))

    def in_step(self, issue: int) -> tuple[int, int] | None:
        """The two anchors around `issue` when no week was skipped between them (their dates exactly the cadence
        apart, a day's slack): every issue between them then falls on its week, with no drift."""
        below = [a for a in self.anchors if a <= issue]
        above = [a for a in self.anchors if a >= issue]
        if not below or not above:
            return None
        a, b = max(below), min(above)
        if a == b:
            return a, b
        gap = (self.anchors[b] - self.anchors[a]).days
        return (a, b) if abs(gap - (b - a) * self.every_days) <= 1 else None

    def expected(self, issue: int) -> dt.date:
        """From the anchor below when the anchors around it are in step, else from the nearest: skipped weeks
        shift the count, so far anchors drift."""
        step = self.in_step(issue)
        anchor = step[0] if step else self.nearest(issue)
        return self.anchors[anchor] + dt.timedelta(days=(issue - anchor) * self.every_days)

    def tolerance_for(self, issue: int) -> int:
        if self.in_step(issue):
            return self.tolerance
        return self.tolerance + int(abs(issue - self.nearest(issue)) * self.drift_days_per_issue)


def cadence_from_watchlist(raw: dict[str, Any]) -> Cadence:
    every = int(raw.get("every_days", 7))
    anchors = {int(k): day(v) for k, v in (raw.get("anchors") or {}).items()}
    if "anchor_issue" in raw:
        anchors.setdefault(int(raw["anchor_issue"]), day(raw["anchor_date"]))
    tolerance = int(raw.get("tolerance_days", max(1, every // 2)))
    drift = float(raw.get("drift_days_per_issue", 0.0))
    return Cadence(every, anchors, tolerance, f"watchlist: every {every} days, {len(anchors)} anchor issues", drift)


def learn_cadence(days: dict[int, dt.date]) -> Cadence | None:
    """Median days per issue over consecutive known issues, and the median offset: robust to a few wrong dates."""
    if len(days) < MIN_LEARNED:
        return None
    issues = sorted(days)
    slopes = [(days[b] - days[a]).days / (b - a) for a, b in itertools.pairwise(issues)]
    every = round(statistics.median(slopes))
    if every <= 0:
        return None
    base = round(statistics.median(days[n].toordinal() - n * every for n in issues))
    return Cadence(every, {0: dt.date.fromordinal(base)}, max(1, every // 2), f"learned from {len(days)} issues")


def day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
