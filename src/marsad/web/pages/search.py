"""The home page (what the archive holds) and search (analyze.search: the same call as `marsad search`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad.analyze.search import search
from marsad.store import SQLiteStore
from marsad.store.query import parse_query
from marsad.web.archive import config_of, reading
from marsad.web.render import page
from marsad.web.snippets import snippet_pieces

router = APIRouter()
MAX_PAGE = 10_000


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: Annotated[SQLiteStore, Depends(reading)]) -> HTMLResponse:
    return page(request, "home.html", title="marsad", stats=store.stats())


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: Annotated[SQLiteStore, Depends(reading)],
    q: Annotated[str, Query(max_length=1000)] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> HTMLResponse:
    if not q.strip():
        return page(request, "search.html", title="search", q=q, results=None, hits=[], pages=None, facets={})
    size = config_of(request).page_size
    results = search(store, q, limit=size, offset=(page_number - 1) * size)
    hits = [(h, snippet_pieces(h.document.text, h.highlights)) for h in results.hits]
    last = max(1, -(-min(results.total, results.ranked) // size))
    pages = {"current": page_number, "last": last, "prev": page_number - 1 or None,
             "next": page_number + 1 if page_number < last else None}  # fmt: skip
    facets = store.facets(parse_query(q))
    return page(
        request, "search.html", title=f"search: {q}", q=q, results=results, hits=hits, pages=pages, facets=facets
    )
