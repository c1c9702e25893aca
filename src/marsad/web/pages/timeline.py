"""The timeline (analyze.timeline, the same call as `marsad timeline`), filtered by actor, series, topic,
campaign, date range and precision; every row linked to its evidence in its documents."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad.analyze.timeline import PRECISIONS, Row, read_sources, timeline
from marsad.store import ReadView
from marsad.web.archive import reading, watchlist_of
from marsad.web.chart import chart
from marsad.web.kept import Answers
from marsad.web.render import page
from marsad.web.reviewed import mark_findings, row_reviews

router = APIRouter()
PAGE_ROWS = 200  # table rows a page shows (the chart draws up to CHART_ROWS, each linked to its page)
CHART_ROWS = 2000
ANSWERS = Answers()  # the timelines asked lately, while the archive is unchanged
Name = Annotated[str, Query(max_length=300)]


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: Annotated[ReadView, Depends(reading)],
    actor: Name = "",
    series: Name = "",
    topic: Name = "",
    campaign: Name = "",
    date_from: Annotated[str, Query(alias="from", max_length=10, pattern=r"^(\d{4}(-\d\d(-\d\d)?)?)?$")] = "",
    date_to: Annotated[str, Query(alias="to", max_length=10, pattern=r"^(\d{4}(-\d\d(-\d\d)?)?)?$")] = "",
    unasserted: bool = False,
    precision: Annotated[str, Query(max_length=20, pattern=f"^(?:{'|'.join(PRECISIONS)})?$")] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    asked = {"actor": actor, "series": series, "topic": topic, "campaign": campaign, "from": date_from,
             "to": date_to, "precision": precision}  # fmt: skip
    offset = (page_number - 1) * PAGE_ROWS
    answer = ANSWERS.get(
        store.path,
        (actor.strip(), series.strip(), topic.strip(), campaign.strip(), date_from, date_to, unasserted, precision),
        lambda: timeline(
            store, watchlist_of(store), actor.strip() or None, series.strip() or None, topic.strip() or None,
            campaign.strip() or None, date_from or None, date_to or None, unasserted=unasserted,
            # the reviews apply, as in every answer (a rejected fact out, a corrected one at its corrected value);
            # each reviewed source is marked on its row (web/reviewed.py)
            sources_of=range(offset, offset + PAGE_ROWS),  # the sources of the rows this page shows
            precisions=(precision,) if precision else (),
        ),
    )  # fmt: skip
    rows: list[Row] = answer.value
    kept = {k: v for k, v in asked.items() if v} | ({"unasserted": "true"} if unasserted else {})
    last = max(1, -(-len(rows) // PAGE_ROWS))
    shown = rows[offset : offset + PAGE_ROWS]
    with answer.lock:  # another page of a kept answer: its rows' sources are read now
        read_sources(shown, store)
        mark_findings(store, shown)

    def zoom_query(prefix: str) -> str:
        """The same question narrowed to one year or month of the axis."""
        return urlencode(kept | {"from": prefix, "to": prefix})

    def row_link(n: int) -> str:
        """Where row n of the whole answer is: its page of the table."""
        return "/timeline?" + urlencode(kept | {"page": n // PAGE_ROWS + 1}) + f"#row-{n}"

    return page(
        request, "timeline.html", title="timeline", asked=asked, unasserted=unasserted, precisions=PRECISIONS,
        rows=shown, offset=offset, reviewed=row_reviews(store, shown, offset), total=len(rows),
        drawing=chart(rows[:CHART_ROWS]),
        zoom_query=zoom_query, row_link=row_link,
        pages={"current": page_number, "last": last, "prev": page_number - 1 or None,
               "next": page_number + 1 if page_number < last else None, "query": urlencode(kept)},
    )  # fmt: skip
