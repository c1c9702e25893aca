"""The DISARM Red Framework's techniques (DISARM Foundation, CC BY-SA 4.0; kb/data/disarm_techniques.csv, the
2022-08-24 snapshot carried from shared/data/disarm): the ids an analyst tags a campaign with (`disarm:` in a
watchlist entry) and the names a MISP export's galaxy tags carry."""

from __future__ import annotations

import csv
import importlib.resources
from functools import cache

CREDIT = "DISARM Framework, DISARM Foundation, CC BY-SA 4.0"


@cache
def techniques() -> dict[str, tuple[str, str]]:
    """Technique id -> (name, tactic id)."""
    text = (importlib.resources.files("marsad.kb") / "data" / "disarm_techniques.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["disarm_id"]: (r["name"], r["tactic_id"]) for r in rows if r.get("disarm_id")}


def longname(technique: str) -> str:
    """ "T0049 - Flooding the Information Space", as MISP's DISARM galaxy names its clusters."""
    name, _ = techniques()[technique]
    return f"{technique} - {name}"
