"""The timeline as an SVG drawing's coordinates: a lane per kind, a dot per day, a bar per range, axis ticks
that zoom (each a link to the timeline narrowed to its year or month). The template draws it; no script."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.analyze.dating import bounds
from marsad.analyze.report import axis_ticks
from marsad.analyze.timeline import Row

LANES = ("publication_issue", "statement", "event", "campaign")
LANE_NAMES = {"publication_issue": "series issues", "statement": "statements", "event": "events",
              "campaign": "campaigns"}  # fmt: skip
WIDTH, LEFT, LANE_H, TOP = 1200, 130, 40.0, 20.0
CHAR_WIDTH = 7.5  # px per character of a 12px axis label


@dataclass(frozen=True, slots=True)
class Mark:
    row: int  # index of the row in the table below
    kind: str
    x: float
    y: float
    width: float  # 0: a dot
    flagged: bool
    tip: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    zoom: str  # the ISO prefix the tick's link narrows to
    before: bool = False  # the label goes before its line: after it, it would run past the chart's edge


@dataclass(slots=True)
class Chart:
    width: int = WIDTH
    height: float = 0.0
    left: int = LEFT
    lanes: list[tuple[str, float]] = field(default_factory=list)  # (name, y)
    ticks: list[Tick] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


def chart(rows: Sequence[Row]) -> Chart | None:
    drawn = [(i, r) for i, r in enumerate(rows) if r.kind in LANES]
    if not drawn:
        return None
    spans = [bounds(r.date, r.date_end) for _, r in drawn]
    lo = min(s[0] for s in spans) - dt.timedelta(days=15)
    hi = max(s[1] for s in spans) + dt.timedelta(days=15)
    total = max(1, (hi - lo).days)
    lanes = [k for k in LANES if any(r.kind == k for _, r in drawn)]

    def x(day: dt.date) -> float:
        return round(LEFT + (day - lo).days / total * (WIDTH - LEFT - 10), 1)

    out = Chart(height=TOP + LANE_H * len(lanes) + 30)
    out.lanes = [(LANE_NAMES[k], TOP + i * LANE_H) for i, k in enumerate(lanes)]
    out.ticks = [Tick(x(day), t, t, x(day) + 2 + CHAR_WIDTH * len(t) > WIDTH) for day, t in axis_ticks(lo, hi)]
    for (i, r), (first, last) in zip(drawn, spans, strict=True):
        y = TOP + lanes.index(r.kind) * LANE_H + (LANE_H - 8) / 2
        width = 0.0 if first == last else max(4.0, x(last) - x(first))
        out.marks.append(Mark(i, r.kind, x(first), y, width, r.disputed, f"{r.when} · \u2068{r.what}\u2069"))
    return out
