"""Answers kept between requests while the archive is unchanged: a timeline is computed once for its filter, and
its pages are then read from it (each page reads its own rows' sources, analyze.timeline.read_sources); a search's
facet counts once for its query and narrowing, whichever of its pages is asked. Whether
the archive changed is read from its files: every commit, by any process, writes the WAL (or, at a checkpoint,
the database file), so a change of either's size or modification time is a new archive."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

KEPT = 8  # answers kept, the least recently asked dropped first


def archive_version(path: str) -> tuple[int, ...]:
    """What changes whenever a transaction commits to the archive at `path`."""
    out: list[int] = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            out += [st.st_mtime_ns, st.st_size, st.st_ino]
        except OSError:
            out += [0, 0, 0]
    return tuple(out)


@dataclass
class Kept:
    value: Any
    lock: threading.Lock = field(default_factory=threading.Lock)  # held while a request completes the value


class Answers:
    def __init__(self, size: int = KEPT) -> None:
        self._size = size
        self._kept: OrderedDict[Hashable, Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: str, key: Hashable, compute: Callable[[], Any]) -> Kept:
        """The answer `compute` gives for `key` on the archive at `path`, computed again once the archive changed.
        Two requests computing the same answer at once both compute it; the later one is kept."""
        full = (path, archive_version(path), key)
        with self._lock:
            found = self._kept.get(full)
            if found is not None:
                self._kept.move_to_end(full)
                return found
        kept = Kept(compute())
        with self._lock:
            self._kept[full] = kept
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return kept
