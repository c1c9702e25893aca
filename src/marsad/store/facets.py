"""How the documents a search matches divide: by language, media type, origin (folder, host, channel), year of
publication, the actors their facts name and the series whose issues they give — counted over the documents the
search ranks (all of them, or the most recently archived rank_window of a query that matches more), so a frequent
word costs no more than its ranking. Actor and series values are entity ids (the caller names them)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from marsad.store.kept import FACETED
from marsad.store.query import Query

FACETS = ("language", "media type", "origin", "year", "actor", "series")
_ENTITY_FACETS = {"actor": "actor", "series": "publication_issue"}  # facet -> the kind of fact that names it
assert set(_ENTITY_FACETS.values()) == FACETED  # the kinds document_subjects keeps
_LATEST = "f.rowid NOT IN (SELECT rowid FROM documents WHERE superseded_by IS NOT NULL)"
FIRST_LANGUAGE = "CASE WHEN languages = '' THEN 'und' ELSE substr(languages, 1, instr(languages || ' ', ' ') - 1) END"


@dataclass(frozen=True, slots=True)
class Narrowing:
    """A search kept to one value of some facets (None: any)."""

    language: str | None = None  # the document's first language, "und" when none was found
    media_type: str | None = None
    origin: str | None = None
    year: str | None = None  # of publication; "undated" for none
    actor: str | None = None  # an entity id a fact of the document names
    series: str | None = None  # a series id an issue fact of the document gives

    def __bool__(self) -> bool:
        return any((self.language, self.media_type, self.origin, self.year, self.actor, self.series))

    def clause(self, rowid: str = "rowid", first_language: str = FIRST_LANGUAGE) -> tuple[str, list[Any]]:
        """An SQL condition on `rowid` (a documents_fts rowid) and its arguments; ("1 = 1", []) when nothing is set.
        `first_language` is the SQL of a document's first language (the SQL dialect's)."""
        where: list[str] = []
        args: list[Any] = []
        if self.language:
            where.append(f"{first_language} = ?")
            args.append(self.language)
        for column, value in (("media_type", self.media_type), ("origin", self.origin)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        if self.year == "undated":
            where.append("published IS NULL")
        elif self.year:
            where.append("substr(published, 1, 4) = ?")
            args.append(self.year)
        named = [(kind, value) for name, kind in _ENTITY_FACETS.items() if (value := getattr(self, name))]
        if not where and not named:
            return "1 = 1", []
        parts = [f"{rowid} IN (SELECT rowid FROM documents WHERE {' AND '.join(where)})"] if where else []
        for kind, value in named:
            parts.append(f"{rowid} IN (SELECT doc FROM facts WHERE kind = ? AND subject = ?)")
            args += [kind, value]
        return " AND ".join(parts), args


def facet_counts(
    con: sqlite3.Connection, query: Query, window_start: int | None, narrow: Narrowing | None = None, top: int = 8
) -> dict[str, list[tuple[str, int]]]:
    """Each facet's most frequent values with their counts, most frequent first."""
    kept, args = (narrow or Narrowing()).clause("f.rowid")
    match = f"SELECT f.rowid FROM documents_fts f WHERE documents_fts MATCH ? AND f.rowid >= ? AND {_LATEST} AND {kept}"
    # the matching documents once (at most the rank window's), then each count through them, as a JSON array
    matched = json.dumps([r[0] for r in con.execute(match, (query.fts(), window_start or 0, *args))])
    # each through its compact kept table (migration 0015): a row a document, a row a document and entity
    sql = "SELECT language, media_type, origin, year FROM document_facets WHERE doc IN (SELECT value FROM json_each(?))"
    named = (
        "SELECT subject, count(*) FROM document_subjects WHERE doc IN (SELECT value FROM json_each(?)) "
        "AND kind = ? AND n > 0 GROUP BY subject"
    )
    return counted(con.execute(sql, (matched,)), lambda kind: con.execute(named, (matched, kind)), top)


def counted(
    described: Iterable[tuple[Any, ...]], naming: Callable[[str], Iterable[tuple[Any, Any]]], top: int = 8
) -> dict[str, list[tuple[str, int]]]:
    """Each facet's most frequent values: from the matching documents' (language, media type, origin, year) rows, and
    `naming(kind)`'s (entity id, documents) rows for the kinds of fact the actor and series facets count."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for language, media_type, origin, year in described:
        counts["language"][language or "und"] += 1
        counts["media type"][media_type] += 1
        counts["origin"][origin] += 1
        counts["year"][year or "undated"] += 1
    for name, kind in _ENTITY_FACETS.items():
        for subject, n in naming(kind):
            counts[name][str(subject)] = int(n)
    return {name: c.most_common(top) for name, c in counts.items()}
