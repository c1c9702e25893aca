"""Archived documents that are themselves an issue of a series (a JSON Lines record with "series" and
"issue" fields): what first mention in a series, absence, the cadence check and the timeline read."""

from __future__ import annotations

from typing import Any

from marsad.kb.match import same_name
from marsad.model import Entity
from marsad.store import SQLiteStore


def series_issue_documents(store: SQLiteStore, series: Entity) -> list[dict[str, Any]]:
    """The archived documents that are issues of `series` (their "series" field spells it in any way)."""
    names = [a.name for a in series.aliases]
    out = []
    for d in store.issue_documents():
        name, issue = str(d["series"] or ""), str(d["issue"])
        if issue.isdigit() and any(same_name(name, n) or name.lower() == n.lower() for n in names):
            out.append({**d, "issue": int(issue)})
    return sorted(out, key=lambda d: (d["issue"], d["published"] or ""))
