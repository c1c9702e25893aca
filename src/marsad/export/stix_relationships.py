"""STIX relationships between exported objects, each from what the archive holds:

- a campaign `attributed-to` the group (intrusion-set) whose fact announces it; `related-to` a person or
  outlet that announces it (STIX attributes campaigns only to groups and threat actors);
- a person `related-to` the group they hold a role in (spokesman of the Islamic State, 2023-08-03 ..);
- a speaker `related-to` the outlet that published their statements (STIX 2.1 has no `authored-by`
  between identities), first and last time from those statements' dates.
One relationship per (type, source, target), its times the widest its facts give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import stix2

from marsad.export.snapshot import role_entity
from marsad.export.stix_extension import PRODUCER_ID, extension
from marsad.export.stix_ids import first_moment, last_moment, stix_id
from marsad.model import Entity, EntityType
from marsad.store.facts import Fact, dated

ANNOUNCERS = ("agent", "speaker", "publisher", "claimant")
ANNOUNCING = frozenset({"announced", "announced_campaign", "launched", "declared"})


@dataclass
class _Link:
    kind: str
    source: str  # marsad entity ids
    target: str
    description: str
    created: str
    modified: str
    start: str | None = None
    stop: str | None = None
    facts: set[str] = field(default_factory=set)


class Relationships:
    def __init__(self, sdos: dict[str, Any], entities: dict[str, Entity], archived: dict[str, str]) -> None:
        self._sdos = sdos
        self._entities = entities
        self._archived = archived
        self._links: dict[tuple[str, str, str], _Link] = {}

    def add_roles(self) -> None:
        """A person's roles in an exported group or outlet, with their tenure."""
        for eid, entity in sorted(self._entities.items()):
            if entity.type is not EntityType.PERSON or eid not in self._sdos:
                continue
            for role in entity.roles:
                of = self._held_in(role.of)
                if of is None:
                    continue
                tenure = f" ({role.start or ''} .. {role.end or ''})" if role.start or role.end else ""
                sdo = self._sdos[eid]
                link = self._link("related-to", eid, of, f"{role.role} of {self._entities[of].name}"
                                  + tenure, sdo.created, sdo.modified)  # fmt: skip
                if role.start:
                    link.start = first_moment(role.start)
                if role.end:
                    link.stop = last_moment(role.end)

    def _held_in(self, of: str | None) -> str | None:
        """The exported entity a role is held in: the watchlist gives its id or its name."""
        if not of:
            return None
        if of in self._sdos:
            return of
        named = [eid for eid, e in self._entities.items() if eid in self._sdos and e.name.lower() == of.lower()]
        return named[0] if len(named) == 1 else None

    def add_facts(self, facts: tuple[Fact, ...], campaigns: dict[str, list[Fact]]) -> None:
        for campaign, said in sorted(campaigns.items()):
            for f in said:
                self._campaign(campaign, f)
        for f in facts:
            if f["kind"] == "statement" and f.get("predicate") in ANNOUNCING:
                for about in (f.get("detail") or {}).get("about") or ():
                    if about in self._entities and self._entities[about].type is EntityType.CAMPAIGN:
                        self._campaign(about, f)
            if f["kind"] == "statement":
                self._published(f)

    def _campaign(self, campaign: str, f: Fact) -> None:
        who = role_entity(f, *ANNOUNCERS)
        if campaign not in self._sdos or who is None or who not in self._sdos:
            return
        group = self._entities[who].type is EntityType.ORGANIZATION
        kind = "attributed-to" if group else "related-to"
        description = f"announced by {self._entities[who].name}" if group else "announced it"
        source, target = (campaign, who) if group else (who, campaign)
        self._dated(self._link(kind, source, target, description, *self._when(f)), f)

    def _published(self, f: Fact) -> None:
        speaker = role_entity(f, "speaker")
        outlet = role_entity(f, "publisher")
        if not speaker or not outlet or speaker == outlet or speaker not in self._sdos or outlet not in self._sdos:
            return
        description = f"statements published by {self._entities[outlet].name}"
        self._dated(self._link("related-to", speaker, outlet, description, *self._when(f)), f)

    def _when(self, f: Fact) -> tuple[str, str]:
        at = self._archived[f["document"]["id"]]
        return at, at

    def _link(self, kind: str, source: str, target: str, description: str, created: str, modified: str) -> _Link:
        key = (kind, source, target)
        link = self._links.get(key)
        if link is None:
            link = self._links[key] = _Link(kind, source, target, description, created, modified)
        link.created, link.modified = min(link.created, created), max(link.modified, modified)
        return link

    def _dated(self, link: _Link, f: Fact) -> None:
        link.facts.add(f["id"])
        if not f.get("date"):
            return
        start, stop = first_moment(dated(f), f["date_end"]), last_moment(dated(f), f["date_end"])
        link.start = start if link.start is None else min(link.start, start)
        link.stop = stop if link.stop is None else max(link.stop, stop)

    def objects(self) -> list[stix2.v21.Relationship]:
        out = []
        for (kind, source, target), link in sorted(self._links.items()):
            out.append(
                stix2.v21.Relationship(
                    id=stix_id("relationship", kind, source, target),
                    created=link.created,
                    modified=link.modified,
                    created_by_ref=PRODUCER_ID,
                    relationship_type=kind,
                    source_ref=self._sdos[source].id,
                    target_ref=self._sdos[target].id,
                    description=link.description,
                    start_time=link.start,
                    stop_time=link.stop if link.stop and (not link.start or link.stop > link.start) else None,
                    extensions=extension(facts=[{"id": i} for i in sorted(link.facts)]),
                )
            )
        return out
