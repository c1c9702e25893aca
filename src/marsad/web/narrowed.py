"""Search kept to some facets' values. analyze.search.search takes no facets: this is the same call with the
store's `narrow` passed through (a thin helper here until the library takes it); with no facet chosen the page
calls analyze.search.search itself."""

from __future__ import annotations

from marsad.analyze.search import Hit, Results, search, snippet
from marsad.store import ReadView
from marsad.store.facets import Narrowing
from marsad.store.query import parse_query


def narrowed_search(store: ReadView, text: str, narrow: Narrowing, limit: int, offset: int) -> Results:
    if not narrow:
        return search(store, text, limit=limit, offset=offset)
    query = parse_query(text)
    hits = [
        Hit(h.document, h.score, *snippet(h.document.text, query)) for h in store.search(query, limit, offset, narrow)
    ]
    total = store.count_matches(query, narrow)
    return Results(hits, total, min(total, store.rank_window), offset)
