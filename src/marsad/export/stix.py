"""`marsad export stix`: an archive as one STIX 2.1 bundle (the `stix2` library builds every object).

What maps: groups (intrusion-set), people and outlets (identity), campaigns (first_seen / last_seen from
their dated facts), one report per document naming what its facts name, one note per finding of `marsad
check` on the reports of its evidence, relationships (a campaign attributed to its group, a person's role
in a group, a speaker to the outlet that published them), names in the other script (language-content).
Dates keep their precision, calendar and Hijri value in marsad's extension. What has no STIX object is
counted in `unmapped`, never dropped silently. Ids and timestamps depend only on the archive's contents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, TextIO

import stix2

from marsad.export.snapshot import Snapshot, entity_ids, series_entity
from marsad.export.stix_entities import entity_object, language_content, sdo_id
from marsad.export.stix_extension import definition, producer
from marsad.export.stix_ids import first_moment, last_moment, stix_id, timestamp
from marsad.export.stix_relationships import Relationships
from marsad.export.stix_reports import note, report, report_id
from marsad.model import Entity, EntityType
from marsad.store.facts import Fact, dated


@dataclass
class StixExport:
    bundle: stix2.v21.Bundle
    unmapped: dict[str, tuple[int, str]] = field(default_factory=dict)  # what -> (how many, why)

    def counts(self) -> Counter[str]:
        return Counter(obj["type"] for obj in self.bundle.objects)


def write_stix(export: StixExport, out: TextIO) -> None:
    """Indented JSON, properties in the order stix2 keeps them (its own `pretty` sorter is quadratic in
    nesting: minutes for an archive of a few dozen pages)."""
    out.write(export.bundle.serialize(ensure_ascii=False, indent=2) + "\n")


def stix_bundle(snap: Snapshot) -> StixExport:
    archived = {d.id: timestamp(d.ingested_at) for d in snap.documents}
    entities = dict(snap.entities)
    campaigns = _campaign_facts(snap, entities)
    unmapped: dict[str, tuple[int, str]] = {}
    objects: list[Any] = [producer(), definition()]
    sdos = _entity_objects(snap, entities, campaigns, archived, objects, unmapped)
    relations = Relationships(sdos, entities, archived)
    relations.add_roles()
    relations.add_facts(snap.facts, campaigns)
    objects += relations.objects()
    reports = _reports(snap, sdos, campaigns, objects, unmapped)
    _notes(snap, sdos, reports, archived, objects, unmapped)
    objects.sort(key=lambda o: str(o["id"]))
    bundle = stix2.v21.Bundle(objects=objects, id=stix_id("bundle", *(o["id"] for o in objects)))
    return StixExport(bundle, unmapped)


def _entity_objects(snap: Snapshot, entities: dict[str, Entity], campaigns: dict[str, list[Fact]],
                    archived: dict[str, str], objects: list[Any], unmapped: dict[str, tuple[int, str]],
                    ) -> dict[str, Any]:  # fmt: skip
    """One object per mapped entity (created / modified: when the archive first / last took in a document
    naming it), and its name in the other script."""
    naming: dict[str, set[str]] = defaultdict(set)  # entity id -> ids of the documents that name it
    for f in snap.facts:
        for eid in entity_ids(f):
            naming[eid].add(f["document"]["id"])
    for eid, facts in campaigns.items():
        naming[eid].update(f["document"]["id"] for f in facts)
    for doc_id, (series, _) in snap.issues.items():
        naming[series].add(doc_id)
    sdos: dict[str, Any] = {}
    skipped: Counter[str] = Counter()
    for eid, entity in sorted(entities.items()):
        if sdo_id(entity) is None:
            skipped[entity.type.value] += 1
            continue
        times = sorted(archived[d] for d in naming[eid]) or [timestamp(None)]
        sdos[eid] = entity_object(entity, times[0], times[-1], **_seen(campaigns.get(eid, [])))
        objects.append(sdos[eid])
        content = language_content(entity, sdos[eid])
        if content is not None:
            objects.append(content)
    for kind, n in sorted(skipped.items()):
        unmapped[f"{kind} entities"] = (n, "no STIX 2.1 object; their facts ride in the reports' extension")
    return sdos


def _reports(snap: Snapshot, sdos: dict[str, Any], campaigns: dict[str, list[Fact]],
             objects: list[Any], unmapped: dict[str, tuple[int, str]]) -> dict[str, str]:  # fmt: skip
    """A report per document that names something exported; document id -> report id."""
    campaign_docs: dict[str, set[str]] = defaultdict(set)
    for eid, facts in campaigns.items():
        if eid in sdos:
            for f in facts:
                campaign_docs[f["document"]["id"]].add(sdos[eid].id)
    reports: dict[str, str] = {}
    empty = 0
    for doc in snap.documents:
        facts = snap.facts_of(doc.id)
        refs = {sdos[e].id for f in facts for e in entity_ids(f) if e in sdos} | campaign_docs[doc.id]
        issue = snap.issues.get(doc.id)
        if issue and issue[0] in sdos:
            refs.add(sdos[issue[0]].id)
        if not refs:
            empty += 1
            continue
        objects.append(report(doc, facts, sorted(refs), issue))
        reports[doc.id] = report_id(doc.id)
    if empty:
        unmapped["documents"] = (empty, "name no group, person, outlet or campaign: a STIX report needs object_refs")
    return reports


def _notes(snap: Snapshot, sdos: dict[str, Any], reports: dict[str, str], archived: dict[str, str],
           objects: list[Any], unmapped: dict[str, tuple[int, str]]) -> None:  # fmt: skip
    """A note per finding on the reports of its evidence (and the series it is about)."""
    lost = 0
    for finding in snap.findings:
        refs = [reports[s.doc_id] for s in finding.evidence if s.doc_id in reports]
        series = series_entity(snap, finding.detail.get("series"))
        others = [sdos[series].id] if series is not None and series in sdos else []
        if not refs and not others:
            lost += 1
            continue
        times = [archived[s.doc_id] for s in finding.evidence if s.doc_id in archived]
        objects.append(note(finding, refs, others, max(times or archived.values())))
    if lost:
        unmapped["findings"] = (lost, "their evidence is in no exported report and they name no series")


def _campaign_facts(snap: Snapshot, entities: dict[str, Entity]) -> dict[str, list[Fact]]:
    """Campaign facts by campaign entity; a title the watchlist does not know becomes a campaign entity of
    its own (added to `entities`), so every campaign fact has its campaign."""
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in snap.facts:
        if f["kind"] != "campaign":
            continue
        eid = f.get("entity_id")
        if not eid or eid not in entities or entities[eid].type is not EntityType.CAMPAIGN:
            title = f.get("title") or f["text"]
            found = Entity(EntityType.CAMPAIGN, str(title))
            entities.setdefault(found.id, found)
            eid = found.id
        out[str(eid)].append(f)
    return out


def _seen(facts: list[Fact]) -> dict[str, Any]:
    """first_seen / last_seen of a campaign from its dated, asserted facts, with their precision."""
    kept = [f for f in facts if f.get("date") and f.get("modality") in (None, "asserted", "reported")]
    if not kept:
        return {}
    first = min(kept, key=lambda f: (first_moment(dated(f), f["date_end"]), f["id"]))
    last = max(kept, key=lambda f: (last_moment(dated(f), f["date_end"]), f["id"]))
    keys = ("date", "date_end", "precision", "calendar", "hijri")
    return {
        "first_seen": first_moment(dated(first), first["date_end"]),
        "last_seen": last_moment(dated(last), last["date_end"]),
        "dates": {
            "first_seen": {k: first.get(k) for k in keys} | {"fact": first["id"]},
            "last_seen": {k: last.get(k) for k in keys} | {"fact": last["id"]},
        },
    }


__all__ = ["StixExport", "stix_bundle", "write_stix"]
