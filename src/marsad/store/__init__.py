"""The archive: a Store interface and its SQLite implementation (WAL, FTS5, recorded migrations)."""

from marsad.store.base import FactFilter, SearchHit, Stats, Store
from marsad.store.sqlite import SQLiteStore, open_store

__all__ = ["FactFilter", "SQLiteStore", "SearchHit", "Stats", "Store", "open_store"]
