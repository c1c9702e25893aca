"""Versions of one thing (an edited Telegram message): every version kept, the latest one counted.

The latest is the one written last (`version_at`: edited, else sent; then the one archived last), so
importing an older export after a newer one changes nothing. Earlier versions point at the latest
(`superseded_by`) and lose their facts, which re-extraction does not bring back (it passes over them).
"""

from __future__ import annotations

import sqlite3


def link_versions(con: sqlite3.Connection, version_of: str) -> None:
    """After a version of `version_of` was archived: mark all but the latest as superseded by it."""
    rows = con.execute(
        "SELECT rowid, id, coalesce(version_at, ''), superseded_by FROM documents WHERE version_of = ?",
        (version_of,),
    ).fetchall()
    if len(rows) < 2:
        return
    latest_rowid, latest_id = max((at, rowid, doc_id) for rowid, doc_id, at, _ in rows)[1:]
    for rowid, _, _, superseded_by in rows:
        if rowid == latest_rowid:
            con.execute("UPDATE documents SET superseded_by = NULL WHERE rowid = ?", (rowid,))
        elif superseded_by != latest_id:
            con.execute("UPDATE documents SET superseded_by = ? WHERE rowid = ?", (latest_id, rowid))
            con.execute("DELETE FROM facts WHERE doc = ?", (rowid,))
