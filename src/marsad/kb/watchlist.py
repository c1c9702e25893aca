"""Load the shipped watchlist (versioned YAML in kb/data) and user watchlists that merge over it."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from marsad.errors import ConfigError
from marsad.model import Alias, Entity, EntityType, Role
from marsad.text.script import has_arabic


@dataclass(frozen=True)
class Watchlist:
    entities: tuple[Entity, ...]
    cadence: dict[str, dict[str, Any]] = field(default_factory=dict)  # series entity id -> cadence
    dates: dict[str, str] = field(default_factory=dict)  # event entity id -> ISO date

    def by_id(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def by_name(self, name: str) -> Entity:
        for e in self.entities:
            if e.name.lower() == name.lower():
                return e
        raise KeyError(name)

    def resolve(self, name: str, types: Iterable[EntityType] = ()) -> list[Entity]:
        """Entities whose name or any alias spells `name`, in any transliteration or script: the same
        name key first, else marsad.kb.match.same_name ("Abubakr al-Baghdadi", «أبوبكر البغدادي»)."""
        from marsad.kb.match import same_name
        from marsad.kb.names import name_key

        allowed = frozenset(types)
        remembered = self._resolved.get((name, allowed))
        if remembered is not None:
            return list(remembered)
        found = [e for e in self._by_key.get(name_key(name), []) if not allowed or e.type in allowed]
        if not found:
            pool = [e for e in self.entities if not allowed or e.type in allowed]
            found = [e for e in pool if any(same_name(name, a.name) for a in e.aliases)]
        if len(self._resolved) >= 50_000:
            self._resolved.clear()  # a bound: a large collection names many people
        self._resolved[(name, allowed)] = tuple(found)
        return found

    @cached_property
    def _resolved(self) -> dict[tuple[str, frozenset[EntityType]], tuple[Entity, ...]]:
        """Names already resolved: the watchlist does not change, and pages repeat the names they hold."""
        return {}

    @cached_property
    def _by_key(self) -> dict[str, list[Entity]]:
        """Alias name key -> entities, built once: resolve() runs for every unknown name a page holds."""
        from marsad.kb.names import name_key

        index: dict[str, list[Entity]] = {}
        for e in self.entities:
            for key in dict.fromkeys(name_key(a.name) for a in e.aliases):
                index.setdefault(key, []).append(e)
        return index


def _entity(raw: dict[str, Any], where: str) -> Entity:
    try:
        kind = EntityType(raw["type"])
        name = str(raw["name"])
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"{where}: an entity needs a known 'type' and a 'name' ({exc})") from None
    source = raw.get("source")
    language = raw.get("language")  # the name's own language, where it matters (a campaign's title)
    aliases = [Alias(name, "arabic" if has_arabic(name) else "latin", language=language, source=source)]
    for a in raw.get("aliases") or []:
        text = a["name"] if isinstance(a, dict) else str(a)
        script = a.get("script") if isinstance(a, dict) else None
        common = bool(a.get("common_word")) if isinstance(a, dict) else False
        aliases.append(
            Alias(
                text,
                script or ("arabic" if has_arabic(text) else "latin"),
                language=a.get("language") if isinstance(a, dict) else None,
                source=source,
                common_word=common,
            )
        )
    roles = tuple(
        Role(r["role"], r.get("of"), _iso(r.get("start")), _iso(r.get("end"))) for r in raw.get("roles") or []
    )
    unique = tuple({a.name: a for a in aliases}.values())
    return Entity(kind, name, unique, roles, dict(raw.get("external_ids") or {}), techniques=_techniques(raw, where))


def _techniques(raw: dict[str, Any], where: str) -> tuple[str, ...]:
    """`disarm: [T0049, T0085.001]`: DISARM technique ids an analyst tagged the entity with, each one known."""
    from marsad.kb.disarm import techniques

    given = raw.get("disarm") or []
    tags = [str(t).strip() for t in (given if isinstance(given, list) else str(given).split(","))]
    unknown = [t for t in tags if t and t not in techniques()]
    if unknown:
        listed = "marsad/kb/data/disarm_techniques.csv"
        raise ConfigError(f"{where}: unknown DISARM technique {', '.join(unknown)} (the known ones: {listed})")
    return tuple(dict.fromkeys(t for t in tags if t))


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)


def _load_yaml(text: str, where: str) -> tuple[list[Entity], dict[str, dict[str, Any]], dict[str, str]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise ConfigError(f"{where}: a watchlist is a mapping with an 'entities' list")
    entities, cadence, dates = [], {}, {}
    for raw in data["entities"]:
        entity = _entity(raw, where)
        entities.append(entity)
        if raw.get("cadence"):
            cadence[entity.id] = dict(raw["cadence"])
        if raw.get("date"):
            dates[entity.id] = str(raw["date"])
    return entities, cadence, dates


@cache
def _shipped() -> tuple[tuple[Entity, ...], tuple[tuple[str, dict[str, Any]], ...], tuple[tuple[str, str], ...]]:
    text = (importlib.resources.files("marsad.kb") / "data" / "watchlist.yaml").read_text(encoding="utf-8")
    entities, cadence, dates = _load_yaml(text, "marsad/kb/data/watchlist.yaml")
    return tuple(entities), tuple(cadence.items()), tuple(dates.items())


MERGE_IDS = ("UN", "wikidata", "opensanctions", "misp-galaxy")  # ids that name one entity across lists


def load_watchlist(extra: Iterable[str | Path] = (), entities: Iterable[Entity] = ()) -> Watchlist:
    """The shipped watchlist, with user files and imported `entities` (the archive's kb) merged over it: an
    entity of the same type and name, or with the same UN reference, gains their aliases and roles; a new
    one is added."""
    shipped, cadence_items, date_items = _shipped()
    merged = {(e.type, e.name.lower()): e for e in shipped}
    by_id = {f"{k}:{v}": key for key, e in merged.items() for k, v in e.external_ids.items() if k in MERGE_IDS}
    by_name = {(e.type, a.name.lower()): key for key, e in merged.items() for a in e.aliases}
    cadence, dates = dict(cadence_items), dict(date_items)
    for e in entities:
        # the same UN reference, Wikidata, OpenSanctions or MISP galaxy id; else the same type and name (a galaxy's
        # cluster, named as one of an entity's aliases); else a new entity
        key = next((by_id[i] for k, v in e.external_ids.items() if (i := f"{k}:{v}") in by_id), None)
        if key is None and e.id.startswith("misp:"):
            key = by_name.get((e.type, e.name.lower()))
        key = key or (e.type, e.name.lower())
        _merge(merged, key, e)
        by_id |= {f"{k}:{v}": key for k, v in merged[key].external_ids.items() if k in MERGE_IDS}
    for path in extra:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read the watchlist ({exc.strerror})") from None
        loaded, more, more_dates = _load_yaml(text, where)
        cadence.update(more)
        dates.update(more_dates)
        for e in loaded:
            _merge(merged, (e.type, e.name.lower()), e)
    return Watchlist(tuple(merged.values()), cadence, dates)


def read_utf8(path: str | Path, what: str = "") -> str:
    """A knowledge-base file's text (a BOM dropped); a clear ConfigError naming the file when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read{' ' + what if what else ''} ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_watchlist_file(path: str | Path) -> list[Entity]:
    """The entities of one user watchlist file, checked: YAML, or CSV (a spreadsheet's export)."""
    text = read_utf8(path, "the watchlist")
    if Path(path).suffix.lower() in (".csv", ".tsv"):
        return _load_csv(text, str(path), "\t" if Path(path).suffix.lower() == ".tsv" else ",")
    return _load_yaml(text, str(path))[0]


CSV_COLUMNS = ("type", "name", "aliases", "role", "of", "start", "end", "un", "disarm")


def _load_csv(text: str, where: str, delimiter: str) -> list[Entity]:
    """One entity a row: type, name, then optional aliases ("|"-separated), one role (role, of, start, end)
    and a UN reference. Rows of the same type and name merge (a person with two roles is two rows)."""
    import csv

    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    columns = {c.strip().lower() for c in reader.fieldnames or []}
    if not {"type", "name"} <= columns:
        raise ConfigError(
            f"{where}: a CSV watchlist needs the columns type and name (has: {', '.join(sorted(columns))})"
        )
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for number, row in enumerate(reader, start=2):
        cells = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not cells.get("name"):
            raise ConfigError(f"{where}:{number}: a row needs a name")
        raw = merged.setdefault(
            (cells.get("type", ""), cells["name"]), {"type": cells.get("type"), "name": cells["name"]}
        )
        raw.setdefault("aliases", []).extend(a.strip() for a in cells.get("aliases", "").split("|") if a.strip())
        if cells.get("role"):
            role = {"role": cells["role"], "of": cells.get("of") or None}
            role |= {k: cells[k] for k in ("start", "end") if cells.get(k)}
            raw.setdefault("roles", []).append(role)
        if cells.get("un"):
            raw["external_ids"] = {"UN": cells["un"]}
        if cells.get("disarm"):  # DISARM technique ids, "|"-separated
            raw.setdefault("disarm", []).extend(t.strip() for t in cells["disarm"].split("|") if t.strip())
    return [_entity(raw, f"{where} ({raw['name']})") for raw in merged.values()]


def _merge(merged: dict[tuple[EntityType, str], Entity], key: tuple[EntityType, str], e: Entity) -> None:
    old = merged.get(key)
    if old is None:
        merged[key] = e
        return
    aliases = tuple({a.name: a for a in (*old.aliases, *e.aliases)}.values())
    ids = {**e.external_ids, **old.external_ids}
    tags = tuple(dict.fromkeys((*old.techniques, *e.techniques)))
    merged[key] = Entity(old.type, old.name, aliases, (*old.roles, *e.roles), ids, old.id, tags)
