"""`marsad export misp`: one MISP event (built offline with pymisp) for a selection of the archive.

The selection is an actor (an organisation: its people too), a date range, or the whole archive. Each dated
statement, event, series issue and campaign becomes a `text` attribute (category External analysis) with its
evidence as the value and its date, precision and source in the comment; each document's URL a `link`
attribute; each watchlist group a threat-actor galaxy tag under marsad's canonical name (not checked against
MISP's galaxy, which is not shipped); each DISARM technique an analyst tagged a selected campaign with (`disarm:` in
its watchlist entry; DISARM Framework, DISARM Foundation, CC BY-SA 4.0) a disarm-techniques galaxy tag. UUIDs: v5 of
marsad's ids and the timestamp is the latest archiving time, so two exports are identical. What could not
be mapped is counted in `unmapped`, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from pymisp import MISPEvent

from marsad.export.snapshot import Snapshot, entity_ids
from marsad.export.stix_ids import NAMESPACE
from marsad.kb.disarm import longname
from marsad.model import EntityType, PartialDate
from marsad.store.facts import Fact, dated

KINDS = ("statement", "event", "publication_issue", "campaign")


@dataclass(frozen=True)
class Selection:
    actors: frozenset[str] = frozenset()  # entity ids; empty: every actor
    date_from: str | None = None
    date_to: str | None = None
    label: str = "the whole archive"

    def keeps(self, f: Fact) -> bool:
        if self.actors and not self.actors & set(entity_ids(f)):
            return False
        date = dated(f)
        if self.date_from and (f["date_end"] or date) < self.date_from:
            return False
        return not (self.date_to and date[: len(self.date_to)] > self.date_to)

    def keeps_undated(self, f: Fact) -> bool:
        return not self.actors or bool(self.actors & set(entity_ids(f)))


@dataclass
class MispExport:
    event: MISPEvent
    unmapped: dict[str, tuple[int, str]] = field(default_factory=dict)

    def counts(self) -> Counter[str]:
        counts = Counter(f"{a.type} attribute" for a in self.event.attributes)
        counts["galaxy tag"] = len(self.event.tags)
        return counts


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, json.dumps(["misp", *[str(p) for p in parts]], ensure_ascii=False)))


def misp_event(snap: Snapshot, selection: Selection) -> MispExport:
    facts = [f for f in snap.facts if f["kind"] in KINDS and f.get("date") and selection.keeps(f)]
    documents = {d.id: d for d in snap.documents}
    stamp = max((d.ingested_at or "" for d in snap.documents), default="") or "1970-01-01T00:00:00+00:00"
    event = MISPEvent()
    event.uuid = _uuid("event", selection.label, selection.date_from, selection.date_to, *sorted(selection.actors))
    event.info = f"marsad: {selection.label}"
    first = min((PartialDate(dated(f)).first_day() for f in facts), default=None)
    event.date = first or dt.date.fromisoformat(stamp[:10])
    event.timestamp = dt.datetime.fromisoformat(stamp)
    event.distribution = 0
    event.threat_level_id = 4
    event.analysis = 2
    for f in facts:
        precision = f["precision"] or "day"
        comment = f"{f['kind']} {f['date']}" + (f" .. {f['date_end']}" if f["date_end"] else "")
        comment += f" ({precision} precision, {f['calendar']}" + (f", Hijri {f['hijri']}" if f["hijri"] else "") + ")"
        comment += (f"; {f['actor']}" if f.get("actor") else "") + f"; {f['document']['source']}; fact {f['id']}"
        reviewed = (f.get("detail") or {}).get("reviewed")
        if reviewed:  # the value is the reviewer's
            comment += f"; reviewed by {reviewed.get('reviewer')}: {reviewed.get('verdict')}" + (
                f" {reviewed.get('field')} (was {reviewed.get('was')})" if reviewed.get("verdict") == "correct" else ""
            )
        event.add_attribute("text", f["text"], category="External analysis", comment=comment,
                            uuid=_uuid("fact", f["id"]), to_ids=False, timestamp=event.timestamp)  # fmt: skip
    for doc_id in sorted({f["document"]["id"] for f in facts}):
        doc = documents[doc_id]
        if doc.url:
            event.add_attribute("link", doc.url, category="External analysis", comment=doc.title or doc.source,
                                uuid=_uuid("document", doc_id), to_ids=False, timestamp=event.timestamp)  # fmt: skip
    named = sorted({i for f in facts for i in entity_ids(f)} & set(snap.entities))
    groups = [snap.entities[i] for i in named if snap.entities[i].type is EntityType.ORGANIZATION]
    for group in groups:
        event.add_tag(f'misp-galaxy:threat-actor="{group.name}"')
    campaigns = [snap.entities[i] for i in named if snap.entities[i].type is EntityType.CAMPAIGN]
    for technique in sorted({t for c in campaigns for t in c.techniques}):  # as an analyst tagged the campaigns
        event.add_tag(f'misp-galaxy:disarm-techniques="{longname(technique)}"')
    unmapped = _unmapped(snap, selection, len(groups))
    untagged = sum(1 for c in campaigns if not c.techniques)
    if untagged:
        unmapped["campaigns without DISARM techniques"] = (
            untagged,
            "no analyst tagged them: `disarm: [T0049]` in a watchlist entry (`marsad kb add`) adds the galaxy tag",
        )
    return MispExport(event, unmapped)


def _unmapped(snap: Snapshot, selection: Selection, groups: int) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    undated = sum(1 for f in snap.facts if f["kind"] in KINDS and not f.get("date") and selection.keeps_undated(f))
    if undated:
        out["undated facts"] = (undated, "a MISP attribute here stands for a dated fact; see `marsad facts`")
    mentions = sum(1 for f in snap.facts if f["kind"] not in KINDS)
    if mentions:
        out["mentions"] = (mentions, "date, actor and topic mentions have no MISP attribute type of their own")
    if snap.findings:
        out["findings"] = (len(snap.findings), "not exported to MISP yet; `marsad export stix` carries them as notes")
    if groups:
        out["galaxy clusters"] = (groups, "tagged by marsad's canonical names, not checked against MISP's galaxy")
    return out


def write_misp(export: MispExport, out: TextIO) -> None:
    data = json.loads(export.event.to_json())  # pymisp's encoder writes its dates and timestamps
    out.write(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n")
