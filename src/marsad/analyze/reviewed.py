"""An answer's facts as the analyst reviewed them (store/reviews.apply), back in date order: what first mention and
latency read. Here, not in store/, because the order is an answer's (analyze.dating), and the store imports nothing
of analyze."""

from __future__ import annotations

from typing import Any

from marsad.analyze.dating import sort_key
from marsad.store.reviews import Review, apply


def reviewed_in_order(facts: list[dict[str, Any]], reviews: list[Review]) -> list[dict[str, Any]]:
    """A rejected fact out, a corrected one in, all sorted again by date (a corrected date may move one)."""
    if not reviews:
        return facts
    kept = apply(facts, reviews)
    return sorted(kept, key=lambda f: sort_key(f["date"], f["date_end"]) if f.get("date") else (float("inf"), 0))
