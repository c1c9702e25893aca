"""The archive: the store interface (a read view and a writer) and its SQLite implementation (WAL, FTS5, recorded
migrations)."""

from marsad.store.base import FactFilter, ReadView, SearchHit, Stats, Store, Writer
from marsad.store.sqlite import SQLiteStore, open_store

__all__ = ["FactFilter", "ReadView", "SQLiteStore", "SearchHit", "Stats", "Store", "Writer", "open_store"]
