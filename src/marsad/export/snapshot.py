"""What every interchange export reads from an archive, in one deterministic order.

The documents (sorted by id), their facts in the facts contract as the analyst reviewed them (store/reviews.py:
a rejected fact left out, a corrected value in its place, `detail.reviewed` saying so; sorted by document, span
and id), the
watchlist entities those facts name, and the findings of `marsad check` computed without storing them. The
order depends only on what the archive holds, so two exports of one archive are byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from marsad.analyze.checks import findings_of
from marsad.analyze.finding import Finding
from marsad.analyze.issues import series_issue_documents
from marsad.kb import Watchlist
from marsad.model import Document, Entity, EntityType
from marsad.store import ReadView, reviews
from marsad.store.facts import Fact


@dataclass(frozen=True)
class Snapshot:
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    entities: dict[str, Entity]  # entity id -> the watchlist entity, for every entity a fact names
    findings: tuple[Finding, ...]
    watchlist: Watchlist
    issues: dict[str, tuple[str, int]] = field(default_factory=dict)  # doc id -> (series id, issue number)
    by_document: dict[str, list[Fact]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Fact]] = {}
        for f in self.facts:
            grouped.setdefault(f["document"]["id"], []).append(f)
        object.__setattr__(self, "by_document", grouped)

    def facts_of(self, doc_id: str) -> list[Fact]:
        return self.by_document.get(doc_id, [])


def take_snapshot(store: ReadView, watchlist: Watchlist, findings: bool = True) -> Snapshot:
    """Read the archive once. `findings`: run `marsad check` (read-only: nothing is stored)."""
    documents = tuple(sorted(store.iter_documents(), key=lambda d: d.id))
    archived = {d.id for d in documents}
    known = {e.id: e for e in watchlist.entities}

    def resolve(name: str) -> str | None:
        found = watchlist.resolve(name)
        return found[0].id if found else None

    # as the analyst reviewed them (a rejected fact out, a corrected value in, `detail.reviewed` saying so)
    facts = sorted(
        reviews.apply((f for f in store.iter_facts() if f["document"]["id"] in archived), store.reviews(), resolve),
        key=lambda f: (f["document"]["id"], f["start"], f["end"], f["id"]),
    )
    issues = issue_documents(store, watchlist, archived)
    named = sorted({i for f in facts for i in entity_ids(f) if i in known} | {s for s, _ in issues.values()})
    found = tuple(findings_of(store, watchlist)) if findings else ()
    return Snapshot(documents, tuple(facts), {i: known[i] for i in named}, found, watchlist, issues)


def issue_documents(store: ReadView, watchlist: Watchlist, archived: set[str]) -> dict[str, tuple[str, int]]:
    """Documents that are themselves an issue of a watchlist series, as analyze/ reads them."""
    out: dict[str, tuple[str, int]] = {}
    for series in watchlist.entities:
        if series.type is EntityType.SERIES:
            for d in series_issue_documents(store, series):
                if d["id"] in archived:
                    out.setdefault(d["id"], (series.id, int(d["issue"])))
    return out


def series_entity(snap: Snapshot, name: object) -> str | None:
    """The id of the series a finding's detail names (its id or any spelling of its name)."""
    if not isinstance(name, str) or not name:
        return None
    if name in snap.entities:
        return name
    found = snap.watchlist.resolve(name, (EntityType.SERIES,))
    return found[0].id if found else None


def entity_ids(fact: Fact) -> Iterator[str]:
    """Every entity a fact names: its subject, the entities in its roles, what its sentence is about."""
    if fact.get("entity_id"):
        yield str(fact["entity_id"])
    for role in (fact.get("roles") or {}).values():
        if isinstance(role, dict) and role.get("entity_id"):
            yield str(role["entity_id"])
    for about in (fact.get("detail") or {}).get("about") or ():
        yield str(about)


def role_entity(fact: Fact, *roles: str) -> str | None:
    """The entity id in the first of `roles` the fact has (speaker, agent, publisher ...)."""
    for name in roles:
        role = (fact.get("roles") or {}).get(name)
        if isinstance(role, dict) and role.get("entity_id"):
            return str(role["entity_id"])
    return None
