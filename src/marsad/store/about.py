"""The documents that say something about some entities (a mention, a statement, an issue), read through the
grouping index so an entity page does not read every fact about a much-named organisation."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

KINDS = ("actor", "topic", "statement", "event", "publication_issue", "campaign")  # facts with a subject
_WHERE = f"f.kind IN ({','.join(repr(k) for k in KINDS)}) AND f.subject IN "


def documents_about(con: sqlite3.Connection, subjects: Sequence[str], limit: int) -> list[dict[str, Any]]:
    """Up to `limit` documents with a fact about any of `subjects`, each with its id, source, title, how many such
    facts it holds and the first of them (id, span, text); in archive order, but which documents of more than
    `limit` are the ones the index meets first (sorting them all would read every fact about a named group)."""
    if not subjects:
        return []
    marks = "(" + ",".join("?" * len(subjects)) + ")"
    rowids = [
        int(r[0])
        for r in con.execute(f"SELECT DISTINCT f.doc FROM facts f WHERE {_WHERE}{marks} LIMIT ?", [*subjects, limit])
    ]
    out = []
    for rowid in sorted(rowids):
        facts = con.execute(
            f"SELECT f.id, f.span_start, f.span_end, f.text FROM facts f WHERE f.doc = ? AND {_WHERE}{marks} "
            "ORDER BY f.span_start",
            [rowid, *subjects],
        ).fetchall()
        doc = con.execute("SELECT id, source, title, url FROM documents WHERE rowid = ?", (rowid,)).fetchone()
        first = facts[0]
        out.append({"id": doc[0], "source": doc[1], "title": doc[2], "url": doc[3], "facts": len(facts),
                    "first": {"id": first[0], "start": first[1], "end": first[2], "text": first[3]}})  # fmt: skip
    return out


def count_documents_about(con: sqlite3.Connection, subjects: Sequence[str], cap: int) -> int:
    """How many documents have a fact about any of `subjects`, counted up to `cap` (cap + 1 means more)."""
    if not subjects:
        return 0
    marks = "(" + ",".join("?" * len(subjects)) + ")"
    sql = f"SELECT count(*) FROM (SELECT DISTINCT f.doc FROM facts f WHERE {_WHERE}{marks} LIMIT ?) AS found"
    return int(con.execute(sql, [*subjects, cap + 1]).fetchone()[0])
