"""Watchlist entities as STIX 2.1 domain objects: a group is an intrusion-set, a person an individual
identity, a media outlet an organisation identity, a campaign a campaign; names in the other script ride
in a language-content object; a series (al-Naba) is an organisation identity whose role is "publication
series", as STIX has no object for a periodical. Topics, places and events have no STIX object of their own."""

from __future__ import annotations

from typing import Any

import stix2

from marsad.export.stix_extension import PRODUCER_ID, extension
from marsad.export.stix_ids import stix_id
from marsad.model import Entity, EntityType
from marsad.text.script import has_arabic

MAPPED = {
    EntityType.ORGANIZATION: "intrusion-set",
    EntityType.PERSON: "identity",
    EntityType.MEDIA_OUTLET: "identity",
    EntityType.SERIES: "identity",
    EntityType.CAMPAIGN: "campaign",
}
ROLES = {EntityType.MEDIA_OUTLET: "media outlet", EntityType.SERIES: "publication series"}
EXTERNAL_SOURCES = {"un": "UN Security Council Consolidated List"}


def sdo_id(entity: Entity) -> str | None:
    """The STIX id of a watchlist entity, or None when it has no STIX object (topic, place, event)."""
    kind = MAPPED.get(entity.type)
    return stix_id(kind, "entity", entity.id) if kind else None


def entity_object(entity: Entity, created: str, modified: str, first_seen: str | None = None,
                  last_seen: str | None = None, dates: dict[str, Any] | None = None) -> Any:  # fmt: skip
    """The STIX object of a mapped entity; `created`/`modified`: when the archive first/last named it."""
    oid = sdo_id(entity)
    if oid is None:
        raise ValueError(f"{entity.type.value} entities have no STIX object")
    common: dict[str, Any] = {
        "id": oid,
        "created": created,
        "modified": modified,
        "created_by_ref": PRODUCER_ID,
        "name": entity.name,
        "extensions": extension(entity_id=entity.id, aliases=_aliases(entity), roles=_roles(entity), dates=dates),
    }
    refs = _external_references(entity)
    if refs:
        common["external_references"] = refs
    others = sorted({a.name for a in entity.aliases if a.name != entity.name})
    if entity.type is EntityType.ORGANIZATION:
        return stix2.v21.IntrusionSet(aliases=others or None, **common)
    if entity.type is EntityType.CAMPAIGN:
        return stix2.v21.Campaign(aliases=others or None, first_seen=first_seen, last_seen=last_seen, **common)
    individual = entity.type is EntityType.PERSON
    roles = sorted({r.role for r in entity.roles}) or None
    return stix2.v21.Identity(
        identity_class="individual" if individual else "organization",
        roles=roles if individual else [ROLES[entity.type]],
        **common,
    )


def language_content(entity: Entity, sdo: Any) -> stix2.v21.LanguageContent | None:
    """The entity's name in the other script (Arabic for a Latin name, else English), if the watchlist has it."""
    arabic_name = has_arabic(entity.name)
    other = next((a for a in entity.aliases if has_arabic(a.name) != arabic_name and a.name != entity.name), None)
    if other is None:
        return None
    lang = other.language or ("ar" if has_arabic(other.name) else "en")
    return stix2.v21.LanguageContent(
        id=stix_id("language-content", sdo.id, lang),
        created=sdo.created,
        modified=sdo.modified,
        created_by_ref=PRODUCER_ID,
        object_ref=sdo.id,
        object_modified=sdo.modified,
        contents={lang: {"name": other.name}},
    )


def _aliases(entity: Entity) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in (("name", a.name), ("script", a.script), ("language", a.language), ("source", a.source))
         if v is not None}
        for a in entity.aliases
    ]  # fmt: skip


def _roles(entity: Entity) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in (("role", r.role), ("of", r.of), ("start", r.start), ("end", r.end)) if v is not None}
        for r in entity.roles
    ]


def _external_references(entity: Entity) -> list[dict[str, str]]:
    return [
        {"source_name": EXTERNAL_SOURCES.get(key.lower(), key), "external_id": value}
        for key, value in sorted(entity.external_ids.items())
    ]
