"""The watchlist's entities: each with its aliases, roles and external ids, its timeline (analyze.timeline,
as `marsad timeline --actor/--series/--campaign/--topic`) and the documents that mention it."""

from __future__ import annotations

import itertools
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from marsad.analyze.subjects import ACTOR_TYPES, with_members
from marsad.analyze.timeline import Row, timeline
from marsad.errors import MarsadError, NotFoundError
from marsad.kb import Watchlist
from marsad.model import Entity, EntityType
from marsad.store import ReadView
from marsad.web.archive import reading, watchlist_of
from marsad.web.render import page
from marsad.web.reviewed import mark_findings, row_reviews

router = APIRouter()
MAX_DOCUMENTS = 100  # documents listed on an entity's page
COUNT_CAP = 1000  # documents counted beyond that ("1000+")
MAX_ROWS = 200  # timeline rows on an entity's page; the timeline page has them all


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    store: Annotated[ReadView, Depends(reading)],
    name: Annotated[str, Query(max_length=300)] = "",
) -> Response:
    wl = watchlist_of(store)
    if name.strip():
        found = wl.resolve(name.strip())
        if len(found) == 1:
            return RedirectResponse(f"/entity/{found[0].id}", status_code=303)
        shown = found
    else:
        shown = list(wl.entities)
    by_type: dict[str, list[Entity]] = {}
    for e in sorted(shown, key=lambda e: (e.type.value, e.name.lower())):
        by_type.setdefault(e.type.value, []).append(e)
    return page(request, "entities.html", title="entities", name=name, by_type=by_type)


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, store: Annotated[ReadView, Depends(reading)]) -> HTMLResponse:
    wl = watchlist_of(store)
    try:
        e = wl.by_id(entity_id)
    except KeyError:
        raise NotFoundError(f"no entity with id {entity_id!r} in the watchlist") from None
    rows, problem = _rows(store, wl, e)
    mark_findings(store, rows[:MAX_ROWS])
    members = with_members(wl, e)
    subjects = [m.id for m in members]
    docs = store.documents_about(subjects, MAX_DOCUMENTS)
    total = store.count_documents_about(subjects, COUNT_CAP)
    names = {x.id: x.name for x in wl.entities}
    return page(
        request,
        "entity.html",
        title=e.name,
        entity=e,
        names=names,
        members=members[1:],
        rows=rows[:MAX_ROWS],
        offset=0,
        reviewed=row_reviews(store, rows[:MAX_ROWS]),
        row_count=len(rows),
        timeline_query=_timeline_query(e),
        problem=problem,
        documents=docs,
        document_count=f"{COUNT_CAP}+" if total > COUNT_CAP else str(total),
        cadence=wl.cadence.get(e.id),
        issues=_issues(rows) if e.type is EntityType.SERIES else None,
    )


def _rows(store: ReadView, wl: Watchlist, e: Entity) -> tuple[list[Row], str | None]:
    """Its timeline, asked the way the CLI asks it for this type of entity."""
    by_type = {EntityType.SERIES: "series", EntityType.CAMPAIGN: "campaign", EntityType.TOPIC: "topic"}
    how = "actor" if e.type in ACTOR_TYPES else by_type.get(e.type)
    if how is None:  # an event or a place has no timeline of its own
        return [], None
    try:
        rows = timeline(
            store,
            wl,
            actor=e.name if how == "actor" else None,
            series=e.name if how == "series" else None,
            topic=e.name if how == "topic" else None,
            campaign=e.name if how == "campaign" else None,
            # the reviews apply, as in every answer; each reviewed source is marked on its row (web/reviewed.py)
            sources_of=range(MAX_ROWS),  # the rows the page shows
        )
        return rows, None
    except MarsadError as exc:  # a name two entities share: say so, show the rest of the page
        return [], str(exc)


def _timeline_query(e: Entity) -> str | None:
    how = "actor" if e.type in ACTOR_TYPES else {EntityType.SERIES: "series", EntityType.CAMPAIGN: "campaign",
                                                 EntityType.TOPIC: "topic"}.get(e.type)  # fmt: skip
    return urlencode({how: e.name}) if how else None


def _issues(rows: list[Row]) -> dict[str, Any]:
    """The issue numbers the timeline holds, and the runs of numbers between them it does not."""
    found = sorted({r.issue for r in rows if r.issue is not None})
    gaps = [(a + 1, b - 1) for a, b in itertools.pairwise(found) if b - a > 1]
    return {"found": found, "missing": [f"{lo}" if lo == hi else f"{lo}–{hi}" for lo, hi in gaps]}
