"""`marsad export ftm`: an archive as FollowTheMoney entities (the `followthemoney` package builds them).

- a watchlist group, outlet or series is an Organization, a person a Person (aliases in every script), a
  person's role in a group a Membership with its tenure, a UN list reference a Sanction with its unscId;
- a document is an Article (it has a URL) or a Document: title, text, mime type, languages, published
  date, contentHash = SHA-1 of the original bytes as Aleph computes it;
- a dated statement or event is an Event (its date an ISO prefix: FtM dates keep marsad's precision) with
  its speaker as organizer, the others involved, and its document as proof; a campaign an Event spanning its
  dated facts; a name found in a document a Mention resolved to its entity; a speaker and the outlet that
  published them an UnknownLink.
Entity ids are FtM's make_id over marsad's own ids; lines sort by id: two exports are identical.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from marsad.export.snapshot import Snapshot, role_entity
from marsad.model import Document, Entity, EntityType
from marsad.store.facts import Fact, subject_of

SCHEMATA = {
    EntityType.PERSON: "Person",
    EntityType.ORGANIZATION: "Organization",
    EntityType.MEDIA_OUTLET: "Organization",
    EntityType.SERIES: "Organization",
}
EVENT_KINDS = ("statement", "event")


class FtmExport:
    def __init__(self, snap: Snapshot, original: Callable[[str], bytes]) -> None:
        self._snap = snap
        self._original = original
        self._entities: dict[str, EntityProxy] = {}
        self._ids: dict[str, str] = {}  # marsad entity id -> FtM id
        self.unmapped: dict[str, tuple[int, str]] = {}

    def build(self) -> list[EntityProxy]:
        skipped: Counter[str] = Counter()
        for entity in self._snap.entities.values():
            if entity.type in SCHEMATA:
                self._entity(entity)
            elif entity.type is not EntityType.CAMPAIGN:
                skipped[entity.type.value] += 1
        for entity in self._snap.entities.values():
            self._memberships(entity)
        for doc in self._snap.documents:
            self._document(doc)
        for f in self._snap.facts:
            self._fact(f)
        for kind, n in sorted(skipped.items()):
            self.unmapped[f"{kind} entities"] = (n, "no FtM schema; their mentions are in the documents' text")
        return [self._entities[k] for k in sorted(self._entities)]

    def _add(self, proxy: EntityProxy) -> EntityProxy:
        assert proxy.id is not None
        existing = self._entities.get(proxy.id)
        if existing is not None:
            existing.merge(proxy)
            return existing
        self._entities[proxy.id] = proxy
        return proxy

    def _entity(self, entity: Entity) -> None:
        proxy = model.make_entity(SCHEMATA[entity.type])
        proxy.make_id("marsad", "entity", entity.id)
        proxy.add("name", entity.name)
        proxy.add("alias", sorted({a.name for a in entity.aliases if a.name != entity.name}))
        if entity.type is EntityType.PERSON:
            proxy.add("position", sorted({r.role for r in entity.roles}))
        elif entity.type is not EntityType.ORGANIZATION:
            proxy.add("description", "media outlet" if entity.type is EntityType.MEDIA_OUTLET else "publication series")
        self._ids[entity.id] = str(self._add(proxy).id)
        for key, value in sorted(entity.external_ids.items()):
            if key.lower() == "un":
                self._sanction(entity, value)

    def _sanction(self, entity: Entity, reference: str) -> None:
        """A UN Consolidated List entry as FtM (and OpenSanctions) records it: a Sanction with its UNSC id."""
        sanction = model.make_entity("Sanction")
        sanction.make_id("marsad", "sanction", entity.id, reference)
        sanction.add("entity", self._ids[entity.id])
        sanction.add("authority", "United Nations Security Council")
        sanction.add("unscId", reference)
        self._add(sanction)

    def _memberships(self, entity: Entity) -> None:
        if entity.id not in self._ids:
            return
        for role in entity.roles:
            of = self._held_in(role.of)
            if of is None:
                continue
            link = model.make_entity("Membership")
            link.make_id("marsad", "role", entity.id, role.role, of, role.start)
            link.add("member", self._ids[entity.id])
            link.add("organization", self._ids[of])
            link.add("role", role.role)
            link.add("startDate", role.start)
            link.add("endDate", role.end)
            self._add(link)

    def _held_in(self, of: str | None) -> str | None:
        if not of:
            return None
        if of in self._ids:
            return of
        named = [e.id for e in self._snap.entities.values() if e.id in self._ids and e.name.lower() == of.lower()]
        return named[0] if len(named) == 1 else None

    def _document(self, doc: Document) -> None:
        proxy = model.make_entity("Article" if doc.url else "Document")
        proxy.make_id("marsad", "document", doc.id)
        proxy.add("title", doc.title)
        proxy.add("bodyText", doc.text)
        proxy.add("mimeType", doc.media_type)
        proxy.add("fileName", doc.source.replace("\\", "/").rsplit("/", 1)[-1])
        proxy.add("fileSize", str(doc.size))
        proxy.add("contentHash", hashlib.sha1(self._original(doc.id)).hexdigest())
        proxy.add("language", list(doc.languages))
        proxy.add("sourceUrl", doc.url)
        if doc.published is not None:
            proxy.add("publishedAt", doc.published.value)
        if doc.parent:
            proxy.add("parent", model.make_entity("Document").make_id("marsad", "document", doc.parent))
        self._add(proxy)

    def document_id(self, doc_id: str) -> str:
        return str(model.make_entity("Document").make_id("marsad", "document", doc_id))

    def _fact(self, f: Fact) -> None:
        if f["kind"] in ("actor", "topic") and f.get("entity_id") in self._ids:
            self._mention(f)
        elif f["kind"] in EVENT_KINDS:
            self._event(f)
        elif f["kind"] == "campaign":
            self._campaign(f)

    def _mention(self, f: Fact) -> None:
        target = self._entities[self._ids[subject_of(f)]]
        mention = model.make_entity("Mention")
        mention.make_id("marsad", "mention", f["id"])
        mention.add("document", self.document_id(f["document"]["id"]))
        mention.add("resolved", target.id)
        mention.add("name", f["text"])
        mention.add("detectedSchema", target.schema.name)
        self._add(mention)

    def _event(self, f: Fact) -> None:
        event = model.make_entity("Event")
        event.make_id("marsad", "fact", f["id"])
        work = ((f.get("roles") or {}).get("object") or {}).get("type")
        event.add("name", " ".join(str(p) for p in (f.get("actor"), f.get("predicate"), work) if p) or f["kind"])
        event.add("summary", f["text"])
        reviewed = (f.get("detail") or {}).get("reviewed")
        if reviewed:  # the values are the reviewer's
            event.add("description", _reviewed_note(reviewed))
        event.add("date", f.get("date"))
        event.add("endDate", f.get("date_end"))
        event.add("proof", self.document_id(f["document"]["id"]))
        event.add("sourceUrl", f["document"]["url"])
        lead = role_entity(f, "speaker", "agent")
        if lead in self._ids:
            event.add("organizer", self._ids[str(lead)])
        for role in sorted((f.get("roles") or {}).values(), key=lambda r: json.dumps(r, sort_keys=True)):
            if isinstance(role, dict) and role.get("entity_id") in self._ids and role.get("entity_id") != lead:
                event.add("involved", self._ids[role["entity_id"]])
        self._add(event)
        outlet = role_entity(f, "publisher")
        if lead in self._ids and outlet in self._ids and lead != outlet:
            link = model.make_entity("UnknownLink")
            link.make_id("marsad", "published-by", lead, outlet)
            link.add("subject", self._ids[str(lead)])
            link.add("object", self._ids[str(outlet)])
            link.add("role", "statements published by")
            self._add(link)

    def _campaign(self, f: Fact) -> None:
        event = model.make_entity("Event")
        key = f.get("entity_id") or f.get("title") or f["text"]
        event.make_id("marsad", "campaign", key)
        entity = self._snap.entities.get(str(f.get("entity_id")))
        event.add("name", entity.name if entity else (f.get("title") or f["text"]))
        if entity:
            event.add("alias", sorted({a.name for a in entity.aliases if a.name != entity.name}))
        event.add("date", f.get("date"))  # every dated mention: the campaign's window is their range
        event.add("proof", self.document_id(f["document"]["id"]))
        self._add(event)


def ftm_entities(snap: Snapshot, original: Callable[[str], bytes]) -> tuple[list[EntityProxy], dict[str, Any]]:
    export = FtmExport(snap, original)
    return export.build(), export.unmapped


def write_ftm(entities: Iterable[EntityProxy], out: TextIO) -> Counter[str]:
    """FtM JSON Lines (one entity a line, values sorted); returns how many of each schema."""
    counts: Counter[str] = Counter()
    for proxy in entities:
        data = proxy.to_dict()
        data["properties"] = {k: sorted(v) for k, v in sorted(data["properties"].items())}
        out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
        counts[proxy.schema.name] += 1
    return counts


def _reviewed_note(r: dict[str, Any]) -> str:
    if r.get("verdict") == "correct":
        was = r.get("was")
        return f"reviewed by {r.get('reviewer')}: {r.get('field')} corrected (was {was}); {r.get('note') or ''}"
    return f"reviewed by {r.get('reviewer')}: confirmed; {r.get('note') or ''}"
