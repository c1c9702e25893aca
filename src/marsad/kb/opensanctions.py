"""Import FollowTheMoney entities (OpenSanctions' `entities.ftm.json` JSON Lines, an OpenAleph export): people and
organisations with their names and aliases in any script, and the ids that tie them to other lists — the UN
reference (a `Sanction`'s `unscId`, or the entity's own), Wikidata, the OpenSanctions id.

Read with the standard library, line by line (an export of millions of lines is streamed): the `followthemoney`
package validates what marsad writes (export/ftm.py), but reading only needs each line's `schema`, `id` and
`properties`. The whole file is parsed before anything is imported: a malformed line names its number and
nothing is imported.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.model import Alias, Entity, EntityType
from marsad.text.script import has_arabic

SOURCE = "FollowTheMoney"
PEOPLE = frozenset({"Person"})
ORGANISATIONS = frozenset({"Organization", "LegalEntity", "Company", "PublicBody"})
NAME_PROPERTIES = ("name", "alias", "weakAlias", "previousName")


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with path.open(encoding="utf-8-sig") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"{path}:{number}: not a JSON object ({exc.msg})") from None
                if not isinstance(record, dict) or not isinstance(record.get("properties", {}), dict):
                    raise ConfigError(f"{path}:{number}: not a FollowTheMoney entity (an object with properties)")
                yield number, record
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _values(props: dict[str, Any], key: str) -> list[str]:
    raw = props.get(key) or []
    return [str(v).strip() for v in (raw if isinstance(raw, list) else [raw]) if str(v).strip()]


def parse_ftm(path: str | Path) -> list[Entity]:
    """People and organisations of a FollowTheMoney JSON Lines file, with their UN references joined from the
    file's Sanction entities."""
    path = Path(path)
    kept: list[tuple[int, dict[str, Any]]] = []
    un_refs: dict[str, set[str]] = defaultdict(set)
    for number, record in _lines(path):
        schema = str(record.get("schema") or "")
        props = record.get("properties") or {}
        if schema == "Sanction":
            for target in _values(props, "entity"):
                un_refs[target] |= set(_values(props, "unscId"))
        elif schema in PEOPLE | ORGANISATIONS:
            if not record.get("id"):
                raise ConfigError(f"{path}:{number}: a {schema} without an id")
            kept.append((number, record))
    out = []
    for number, record in kept:
        entity = _entity(path, number, record, un_refs.get(str(record["id"]), set()))
        if entity is not None:
            out.append(entity)
    return out


def _entity(path: Path, number: int, record: dict[str, Any], un_refs: set[str]) -> Entity | None:
    props = record.get("properties") or {}
    names = [n for key in NAME_PROPERTIES for n in _values(props, key)]
    if not names:
        return None  # an entity with no name cannot be matched in text
    kind = EntityType.PERSON if record["schema"] in PEOPLE else EntityType.ORGANIZATION
    where = f"{SOURCE} {path.name}:{number}"
    aliases = tuple(
        {
            n: Alias(n, "arabic" if has_arabic(n) else "latin", source=f"{where} ({key})")
            for key in NAME_PROPERTIES
            for n in _values(props, key)
        }.values()
    )
    ids = {"opensanctions": str(record["id"])}
    un = sorted(un_refs | set(_values(props, "unscId")))
    if un:
        ids["UN"] = un[0]
    wikidata = _values(props, "wikidataId")
    if wikidata:
        ids["wikidata"] = wikidata[0]
    primary = next((n for n in _values(props, "name") if not has_arabic(n)), names[0])
    return Entity(kind, primary, aliases, (), ids, id=f"ftm:{record['id']}")
