"""Names the analyst types -> watchlist entities (any spelling or script), and an organisation's people."""

from __future__ import annotations

from collections.abc import Iterable

from marsad.errors import NotFoundError
from marsad.kb import Watchlist
from marsad.kb.match import same_name
from marsad.model import Entity, EntityType

ACTOR_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.MEDIA_OUTLET)
MENTIONABLE = (*ACTOR_TYPES, EntityType.TOPIC)


def entity(watchlist: Watchlist, name: str, types: Iterable[EntityType], what: str) -> Entity:
    """The one entity `name` spells; a clear error when none or several do."""
    found = watchlist.resolve(name, types)
    if not found:
        raise NotFoundError(f"{what} {name!r} is not in the watchlist (see `marsad kb list`; `marsad kb add` adds one)")
    exact = [e for e in found if e.name.lower() == name.lower()]
    if len(found) > 1 and len(exact) != 1:
        raise NotFoundError(
            f"{what} {name!r} names several entities: {', '.join(e.name for e in found)}; be more exact"
        )
    return exact[0] if exact else found[0]


def with_members(watchlist: Watchlist, actor: Entity) -> list[Entity]:
    """The actor, and for an organisation every person whose role is held in it (its spokesman, its caliph):
    what the group said includes what they said."""
    out = [actor]
    if actor.type is EntityType.ORGANIZATION:
        for e in watchlist.entities:
            if e.type is EntityType.PERSON and any(r.of and same_name(r.of, actor.name) for r in e.roles):
                out.append(e)
    return out
