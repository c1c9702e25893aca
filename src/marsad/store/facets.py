"""How the documents a search matches divide: by language, media type, origin (folder, host, channel) and
year of publication — counted over the documents the search ranks (all of them, or the most recently archived
rank_window of a query that matches more), so a frequent word costs no more than its ranking."""

from __future__ import annotations

import sqlite3
from collections import Counter

from marsad.store.query import Query

FACETS = ("language", "media type", "origin", "year")
_LATEST = "f.rowid NOT IN (SELECT rowid FROM documents WHERE superseded_by IS NOT NULL)"


def facet_counts(
    con: sqlite3.Connection, query: Query, window_start: int | None, top: int = 8
) -> dict[str, list[tuple[str, int]]]:
    """Each facet's most frequent values with their counts, most frequent first."""
    sql = (
        "SELECT d.languages, d.media_type, d.origin, substr(d.published, 1, 4) FROM documents_fts f "
        f"JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? AND f.rowid >= ? AND {_LATEST}"
    )
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for languages, media_type, origin, year in con.execute(sql, (query.fts(), window_start or 0)):
        counts["language"][(languages or "und").split(" ", 1)[0]] += 1
        counts["media type"][media_type] += 1
        counts["origin"][origin] += 1
        counts["year"][year or "undated"] += 1
    return {name: c.most_common(top) for name, c in counts.items()}
