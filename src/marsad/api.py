"""The Python API for notebooks: `marsad.open(path)` and the analyst's questions as methods.

Each method calls exactly the library function the matching CLI command calls, with the archive's
watchlist, and returns that function's typed rows::

    import marsad
    with marsad.open("marsad.db") as archive:
        rows = archive.timeline(actor="Islamic State", date_from="2024")
        answer = archive.first_mention("Gaza", series="al-Naba")
        findings = archive.check()  # read-only: nothing is stored
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import TracebackType
from typing import Any

from marsad.analyze.checks import findings_of
from marsad.analyze.finding import Finding
from marsad.analyze.latency import Latency, latency
from marsad.analyze.mentions import Absence, FirstMention, absence, first_mention
from marsad.analyze.search import Results, search
from marsad.analyze.timeline import Row, timeline
from marsad.kb import Watchlist, load_watchlist
from marsad.store import Store, open_store
from marsad.store.facts import Fact
from marsad.store.opening import check_readable


class Archive:
    """A marsad archive opened read-only."""

    def __init__(self, path: str) -> None:
        check_readable(path)
        self.path = path
        self.store: Store = open_store(path, read_only=True)
        self.watchlist: Watchlist = load_watchlist(entities=self.store.kb_entities())

    def search(self, text: str, limit: int = 20, offset: int = 0) -> Results:
        return search(self.store, text, limit=limit, offset=offset)

    def facts(self, kind: str | None = None, document: str | None = None) -> Iterator[Fact]:
        """Facts in the facts contract (`marsad facts --format jsonl`)."""
        return self.store.iter_facts(kind=kind, document=document)

    def timeline(self, actor: str | None = None, series: str | None = None, topic: str | None = None,
                 campaign: str | None = None, date_from: str | None = None, date_to: str | None = None,
                 unasserted: bool = False) -> list[Row]:  # fmt: skip
        return timeline(self.store, self.watchlist, actor, series, topic, campaign, date_from, date_to,
                        unasserted=unasserted)  # fmt: skip

    def first_mention(self, topic: str, series: str | None = None, actor: str | None = None) -> FirstMention:
        return first_mention(self.store, self.watchlist, topic, series, actor)

    def absence(self, topic: str, series: str, from_issue: int, to_issue: int) -> Absence:
        return absence(self.store, self.watchlist, topic, series, from_issue, to_issue)

    def latency(self, event: str, actor: str, topic: str | None = None) -> Latency:
        return latency(self.store, self.watchlist, event, actor, topic)

    def check(self) -> list[Finding]:
        """The findings of `marsad check --no-store`."""
        return findings_of(self.store, self.watchlist)

    def to_pandas(self, rows: list[Any]) -> Any:
        """Rows (facts, timeline rows, findings) as a pandas DataFrame; needs pandas installed."""
        try:
            pandas: Any = importlib.import_module("pandas")  # optional: not a dependency
        except ImportError as exc:
            raise ImportError("to_pandas needs pandas: pip install pandas") from exc
        return pandas.DataFrame([r if isinstance(r, dict) else r.as_dict() for r in rows])

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def open_archive(path: str) -> Archive:
    return Archive(str(path))
