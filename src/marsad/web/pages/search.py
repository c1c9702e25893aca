"""The home page (what the archive holds) and search (analyze.search: the same call as `marsad search`)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import HTMLResponse

from marsad.analyze.subjects import ACTOR_TYPES
from marsad.model import EntityType
from marsad.store import ReadView
from marsad.store.facets import Narrowing
from marsad.store.query import parse_query
from marsad.web.archive import config_of, reading, watchlist_of
from marsad.web.kept import Answers
from marsad.web.narrowed import narrowed_search
from marsad.web.render import page
from marsad.web.snippets import snippet_pieces

router = APIRouter()
SEARCH_FACETS = Answers(64)  # the facet counts of the searches asked lately (every page of one search shares them)
MAX_PAGE = 10_000


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: Annotated[ReadView, Depends(reading)]) -> HTMLResponse:
    return page(request, "home.html", title="marsad", stats=store.stats())


Facet = Annotated[str, Query(max_length=300)]
FACET_PARAMS = {"language": "lang", "media type": "type", "origin": "origin", "year": "year", "actor": "actor",
                "topic": "topic", "series": "series"}  # fmt: skip


def _named_facets(
    facets: dict[str, list[tuple[str, int]]], names: dict[str, tuple[str, EntityType]]
) -> tuple[dict[str, list[tuple[str, int]]], dict[str, str]]:
    """The actor facet split into actors and topics (both are named by actor facts), and each entity id's name."""
    out = {k: v for k, v in facets.items() if k not in ("actor", "series")}
    out["actor"] = [(i, n) for i, n in facets.get("actor", []) if i in names and names[i][1] in ACTOR_TYPES]
    out["topic"] = [(i, n) for i, n in facets.get("actor", []) if i in names and names[i][1] is EntityType.TOPIC]
    out["series"] = [(i, n) for i, n in facets.get("series", []) if i in names]
    return out, {i: name for i, (name, _) in names.items()}


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: Annotated[ReadView, Depends(reading)],
    q: Annotated[str, Query(max_length=1000)] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
    lang: Facet = "",
    media_type: Annotated[str, Query(alias="type", max_length=300)] = "",
    origin: Facet = "",
    year: Facet = "",
    actor: Annotated[str, Query(max_length=64)] = "",
    topic: Annotated[str, Query(max_length=64)] = "",
    series: Annotated[str, Query(max_length=64)] = "",
) -> HTMLResponse:
    if not q.strip():
        return page(request, "search.html", title="search", q=q, results=None, hits=[], pages=None, facets={})
    # an actor and a topic are both named by actor facts: one narrowing; a series by its issue facts
    narrow = Narrowing(lang or None, media_type or None, origin or None, year or None, actor or topic or None,
                       series or None)  # fmt: skip
    chosen = {k: v for k, v in {"lang": lang, "type": media_type, "origin": origin, "year": year, "actor": actor,
                                "topic": topic, "series": series}.items() if v}  # fmt: skip
    size = config_of(request).page_size
    results = narrowed_search(store, q, narrow, limit=size, offset=(page_number - 1) * size)
    hits = [(h, snippet_pieces(h.document.text, h.highlights)) for h in results.hits]
    last = max(1, -(-min(results.total, results.ranked) // size))

    def link(**change: str | int | None) -> str:
        """This search with some parameters changed (None drops one); back to its first page unless `page` given."""
        params: dict[str, str | int | None] = {"q": q, **chosen, "page": None, **change}
        return "/search?" + urlencode({k: v for k, v in params.items() if v})

    pages = {"current": page_number, "last": last, "prev": page_number - 1 or None,
             "next": page_number + 1 if page_number < last else None}  # fmt: skip
    names = {e.id: (e.name, e.type) for e in watchlist_of(store).entities}
    counted = SEARCH_FACETS.get(store.path, (q, narrow), lambda: store.facets(parse_query(q), narrow))
    facets, labels = _named_facets(counted.value, names)
    return page(
        request, "search.html", title=f"search: {q}", q=q, results=results, hits=hits, pages=pages,
        facets=facets, facet_params=FACET_PARAMS, chosen=chosen, link=link, labels=labels,
    )  # fmt: skip
