"""Archived documents that are themselves an issue of a series (a JSON Lines record with "series" and
"issue" fields): what first mention in a series, absence, the cadence check and the timeline read."""

from __future__ import annotations

from typing import Any

from marsad.kb.match import same_name
from marsad.model import Entity
from marsad.store import ReadView


def series_issue_documents(
    store: ReadView, series: Entity, documents: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The archived documents that are issues of `series` (their "series" field spells it in any way); `documents`:
    store.issue_documents() read once for several series."""
    names = [a.name for a in series.aliases]
    spelled: dict[str, bool] = {}  # each way the field spells a series, matched once
    out = []
    for d in store.issue_documents() if documents is None else documents:
        name, issue = str(d["series"] or ""), str(d["issue"])
        if not issue.isdigit():
            continue
        if name not in spelled:
            spelled[name] = any(same_name(name, n) or name.lower() == n.lower() for n in names)
        if spelled[name]:
            out.append({**d, "issue": int(issue)})
    return sorted(out, key=lambda d: (d["issue"], d["published"] or ""))
