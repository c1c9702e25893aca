"""The knowledge base: watchlist entities with aliases, roles with tenure, series with cadence, topics."""

from marsad.kb.watchlist import Watchlist, load_watchlist

__all__ = ["Watchlist", "load_watchlist"]
