"""The archive as the pages reach it: a read-only store per request (SQLite connections are not shared
between the server's threads), a writable one only for a review, and the archive's watchlist."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.requests import Request

from marsad.errors import StoreError
from marsad.kb import Watchlist, load_watchlist
from marsad.store import ReadView, Store, open_store
from marsad.web.config import WebConfig


def config_of(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


class _Readers:
    """Read-only stores of one archive file, each lent to one request at a time and kept for the next: a store's
    SQLite page cache (64 MiB) then stays warm across requests, where a store opened per request reads its pages
    again. WAL mode shows each statement the archive as last committed, so a kept store sees what another process
    wrote since. A file replaced under the same name (another inode) gets new stores."""

    KEPT = 8  # stores kept idle; a burst of more requests opens more, closed after

    def __init__(self) -> None:
        self._idle: dict[tuple[str, int, int], list[Store]] = {}
        self._lock = threading.Lock()

    def lend(self, path: str) -> tuple[tuple[str, int, int], Store]:
        try:
            st = os.stat(path)
            key = (path, st.st_dev, st.st_ino)
        except OSError:  # not there: open_store says so
            key = (path, 0, 0)
        with self._lock:
            idle = self._idle.get(key)
            if idle:
                return key, idle.pop()
        return key, open_store(path, read_only=True)

    def give_back(self, key: tuple[str, int, int], store: Store) -> None:
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if len(idle) < self.KEPT:
                idle.append(store)
                return
        store.close()


_READERS = _Readers()


def reading(request: Request) -> Iterator[ReadView]:
    """A FastAPI dependency: the archive read-only, lent to one request (a kept store, _Readers)."""
    key, store = _READERS.lend(config_of(request).db)
    try:
        yield store
    finally:
        _READERS.give_back(key, store)


@contextmanager
def writing(config: WebConfig) -> Iterator[Store]:
    if not config.review:
        raise StoreError("this server is read-only; start it with `marsad serve --review` to record reviews")
    store = open_store(config.db)
    try:
        yield store
    finally:
        store.close()


def watchlist_of(store: ReadView) -> Watchlist:
    """The shipped watchlist with what this archive imported or added (as the CLI's answers read it)."""
    return load_watchlist(entities=store.kb_entities())
