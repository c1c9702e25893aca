"""The reference chronology: when a person took office or died, by the record, with the record's source.

Two kinds of reference: the facts shipped in kb/data/chronology.yaml (carried from the public facts of
shared/data, each with its page), and the watchlist's roles with tenure (a role's start is a took_office
reference; its source is the entity's). A role's end is not a death: men are captured, dismissed, replaced.
"""

from __future__ import annotations

import importlib.resources
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import yaml

from marsad.errors import ConfigError
from marsad.kb.watchlist import Watchlist
from marsad.model import EntityType, PartialDate

EVENTS = ("took_office", "died")


@dataclass(frozen=True)
class Reference:
    subject: str  # the entity's canonical name
    event: str  # took_office | died
    dates: tuple[str, ...]  # every date the record gives (ISO prefixes); a page matching one is consistent
    source: str  # the page (or watchlist entry) that supports it
    via: str = ""  # where marsad took it from (shared/data/facts.jsonl F021, the watchlist)
    role: str | None = None
    note: str | None = None
    outliers: tuple[str, ...] = ()  # recorded, but never make a page consistent

    def describe(self) -> str:
        what = "took office" + (f" as {self.role}" if self.role else "") if self.event == "took_office" else "died"
        return f"{self.subject} {what} on {' or '.join(self.dates)}"


@dataclass(frozen=True)
class Chronology:
    references: tuple[Reference, ...]
    entity_ids: dict[str, str]  # entity id -> canonical name, for every subject that resolved

    def about(self, entity_id: str, event: str) -> list[Reference]:
        return self._index.get((self.entity_ids.get(entity_id, ""), event), [])

    @cached_property
    def _index(self) -> dict[tuple[str, str], list[Reference]]:
        index: dict[tuple[str, str], list[Reference]] = defaultdict(list)
        for r in self.references:
            index[(r.subject, r.event)].append(r)
        return index


def parse_chronology(text: str, where: str) -> list[Reference]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise ConfigError(f"{where}: a chronology is a mapping with a 'facts' list")
    return [_reference(raw, f"{where}, fact {n}") for n, raw in enumerate(data["facts"], start=1)]


def _reference(raw: dict[str, Any], where: str) -> Reference:
    try:
        subject, event, source = str(raw["subject"]), str(raw["event"]), str(raw["source"])
        dates = tuple(str(d) for d in raw["dates"])
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{where}: a fact needs a subject, an event, dates and a source ({exc})") from None
    if event not in EVENTS:
        raise ConfigError(f"{where}: event {event!r} is not one of {', '.join(EVENTS)}")
    for d in (*dates, *raw.get("outlier", ())):
        try:
            PartialDate(str(d)).first_day()
        except ValueError:
            raise ConfigError(f"{where}: {d!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return Reference(
        subject, event, dates, source, str(raw.get("via", "")), raw.get("role"), raw.get("note"),
        tuple(str(d) for d in raw.get("outlier", ())),
    )  # fmt: skip


@cache
def shipped_references() -> tuple[Reference, ...]:
    text = (importlib.resources.files("marsad.kb") / "data" / "chronology.yaml").read_text(encoding="utf-8")
    return tuple(parse_chronology(text, "marsad/kb/data/chronology.yaml"))


def role_references(watchlist: Watchlist) -> list[Reference]:
    """A role's start, from the watchlist (and whatever a user's watchlist merged over it)."""
    out = []
    for e in watchlist.entities:
        if e.type is not EntityType.PERSON:
            continue
        source = next((a.source for a in e.aliases if a.source), None) or "the watchlist"
        for r in e.roles:
            if r.start:
                role = f"{r.role} of {r.of}" if r.of else r.role
                out.append(Reference(e.name, "took_office", (r.start,), source, "watchlist role", role))
    return out


def load_chronology(watchlist: Watchlist, extra: Iterable[Reference] = ()) -> Chronology:
    """Shipped facts, the watchlist's roles and `extra`; a subject the watchlist does not know is left out."""
    names: dict[str, str] = {}
    kept = []
    for r in (*shipped_references(), *role_references(watchlist), *extra):
        try:
            entity = watchlist.by_name(r.subject)
        except KeyError:
            continue
        names[entity.id] = entity.name
        kept.append(Reference(entity.name, r.event, r.dates, r.source, r.via, r.role, r.note, r.outliers))
    return Chronology(tuple(kept), names)
