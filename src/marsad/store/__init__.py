"""The archive: a Store interface and its SQLite implementation (WAL, FTS5, recorded migrations)."""

from marsad.store.base import SearchHit, Stats, Store
from marsad.store.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "SearchHit", "Stats", "Store", "open_store"]
