"""The timeline (analyze.timeline, the same call as `marsad timeline`), filtered by actor, series, topic,
campaign and date range; every row linked to its evidence in its documents."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad.analyze.timeline import timeline
from marsad.store import SQLiteStore
from marsad.web.archive import reading, watchlist_of
from marsad.web.chart import chart
from marsad.web.render import page

router = APIRouter()
MAX_ROWS = 1000  # rows a page shows; the count says when there are more
Name = Annotated[str, Query(max_length=300)]


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: Annotated[SQLiteStore, Depends(reading)],
    actor: Name = "",
    series: Name = "",
    topic: Name = "",
    campaign: Name = "",
    date_from: Annotated[str, Query(alias="from", max_length=10, pattern=r"^(\d{4}(-\d\d(-\d\d)?)?)?$")] = "",
    date_to: Annotated[str, Query(alias="to", max_length=10, pattern=r"^(\d{4}(-\d\d(-\d\d)?)?)?$")] = "",
    unasserted: bool = False,
) -> HTMLResponse:
    asked = {"actor": actor, "series": series, "topic": topic, "campaign": campaign, "from": date_from,
             "to": date_to}  # fmt: skip
    rows = timeline(
        store, watchlist_of(store), actor.strip() or None, series.strip() or None, topic.strip() or None,
        campaign.strip() or None, date_from or None, date_to or None, unasserted=unasserted,
    )  # fmt: skip
    shown = rows[:MAX_ROWS]

    def zoom_query(prefix: str) -> str:
        """The same question narrowed to one year or month of the axis."""
        return urlencode({**{k: v for k, v in asked.items() if v}, "from": prefix, "to": prefix}
                         | ({"unasserted": "true"} if unasserted else {}))  # fmt: skip

    return page(
        request, "timeline.html", title="timeline", asked=asked, unasserted=unasserted, rows=shown,
        total=len(rows), drawing=chart(shown), zoom_query=zoom_query,
    )  # fmt: skip
