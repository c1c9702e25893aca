"""The archive as the pages reach it: a read-only store per request (SQLite connections are not shared
between the server's threads), a writable one only for a review, and the archive's watchlist."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from starlette.requests import Request

from marsad.errors import StoreError
from marsad.kb import Watchlist, load_watchlist
from marsad.store import SQLiteStore, open_store
from marsad.web.config import WebConfig


def config_of(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


def reading(request: Request) -> Iterator[SQLiteStore]:
    """A FastAPI dependency: the archive opened read-only for one request, closed after it."""
    store = open_store(config_of(request).db, read_only=True)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def writing(config: WebConfig) -> Iterator[SQLiteStore]:
    if not config.review:
        raise StoreError("this server is read-only; start it with `marsad serve --review` to record reviews")
    store = open_store(config.db)
    try:
        yield store
    finally:
        store.close()


def watchlist_of(store: SQLiteStore) -> Watchlist:
    """The shipped watchlist with what this archive imported or added (as the CLI's answers read it)."""
    return load_watchlist(entities=store.kb_entities())
