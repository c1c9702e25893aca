"""Import a MISP galaxy cluster file (the threat-actor galaxy's JSON: `{"type": ..., "values": [{"value", "uuid",
"meta": {"synonyms": [...]}}]}`): each cluster an organisation, its synonyms its aliases, its uuid an external id
(so a re-import or a second galaxy naming the same cluster merges instead of duplicating).

Hand-written over the standard library: pymisp reads events, not galaxy cluster files, and the format is a plain
JSON object.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.kb.watchlist import read_utf8
from marsad.model import Alias, Entity, EntityType
from marsad.text.script import has_arabic

SOURCE = "MISP galaxy"


def parse_galaxy(path: str | Path) -> list[Entity]:
    path = Path(path)
    try:
        data = json.loads(read_utf8(path))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise ConfigError(f"{path}: not a MISP galaxy cluster file (an object with a list of values)")
    galaxy = str(data.get("name") or data.get("type") or "galaxy")
    out = []
    for number, cluster in enumerate(data["values"], start=1):
        entity = _cluster(path, galaxy, number, cluster)
        if entity is not None:
            out.append(entity)
    return out


def _cluster(path: Path, galaxy: str, number: int, cluster: Any) -> Entity | None:
    if not isinstance(cluster, dict):
        raise ConfigError(f"{path}: value {number} of the galaxy is not an object")
    name = str(cluster.get("value") or "").strip()
    if not name:
        return None
    raw_meta = cluster.get("meta")
    meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
    raw_synonyms = meta.get("synonyms")
    synonyms: list[Any] = raw_synonyms if isinstance(raw_synonyms, list) else []
    where = f"{SOURCE} {galaxy} ({path.name})"
    names = [name, *(str(s).strip() for s in synonyms if str(s).strip())]
    aliases = tuple({n: Alias(n, "arabic" if has_arabic(n) else "latin", source=where) for n in names}.values())
    uuid = str(cluster.get("uuid") or "")
    ids = {"misp-galaxy": uuid} if uuid else {}
    return Entity(EntityType.ORGANIZATION, name, aliases, (), ids, id=f"misp:{uuid or name}")
