"""Entities of the knowledge base: organisations, people, outlets, series, campaigns, events, topics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from marsad.model.ids import stable_id


class EntityType(StrEnum):
    ORGANIZATION = "organization"
    PERSON = "person"
    MEDIA_OUTLET = "media_outlet"
    SERIES = "series"
    CAMPAIGN = "campaign"
    EVENT = "event"
    PLACE = "place"
    TOPIC = "topic"


@dataclass(frozen=True, slots=True)
class Alias:
    name: str
    script: str = "latin"  # latin | arabic
    language: str | None = None
    source: str | None = None  # where the spelling comes from (UN list, a page)
    common_word: bool = False  # also an everyday word (أعماق, "depths"): a mention needs a cue before it


@dataclass(frozen=True, slots=True)
class Role:
    """A role held for a time: spokesman of the Islamic State from 2023-08, open-ended."""

    role: str
    of: str | None = None  # the entity id the role is held in
    start: str | None = None  # ISO prefix
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    type: EntityType
    name: str
    aliases: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()
    external_ids: Mapping[str, str] = field(default_factory=dict)  # {"un": "QDi.299"}
    id: str = ""
    techniques: tuple[str, ...] = ()  # DISARM technique ids an analyst tagged it with (a campaign's), kb/disarm.py

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", stable_id("entity", self.type.value, self.name))
