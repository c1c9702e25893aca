"""An answer's facts as the analyst reviewed them, back in date order: what first mention and latency read. Here, not
in store/, because the order is an answer's (analyze.dating), and the store imports nothing of analyze."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.analyze.dating import sort_key
from marsad.store.base import FactFilter
from marsad.store.facts import FactOfDocument

if TYPE_CHECKING:
    from marsad.kb.watchlist import Watchlist
    from marsad.store import ReadView


def reviewed_facts(store: ReadView, watchlist: Watchlist, where: FactFilter, limit: int) -> list[FactOfDocument]:
    """The first `limit` facts of `where` as reviewed (store.reviewed_view: a rejected fact out, a corrected one with
    its corrected value, out of the filter or into it as that value falls: a statement re-dated after an event, one
    re-assigned to the actor asked about), sorted again by date when any review applies (a corrected date may move
    one)."""

    def resolve(name: str) -> str | None:
        found = watchlist.resolve(name)
        return found[0].id if found else None

    view = store.reviewed_view(resolve)
    reviews = len(store.reviews())
    facts = view.select_facts(where, limit=limit + reviews)
    if reviews:
        facts.sort(key=lambda f: sort_key(f["date"], f["date_end"]) if f.get("date") else (float("inf"), 0))
    return facts[:limit]
