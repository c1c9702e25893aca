"""Which findings dispute which timeline rows: a finding whose evidence is one of a row's facts is named on the row.

The timeline reads the findings as `marsad check` stored them (the check's `inconsistency` facts, each naming the
fact it flags and its finding) and the extractor's own (a span that overlaps one of the row's facts, in the same
document): no check is run to draw a timeline. The report, which computes the findings, passes them in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from marsad.analyze.extracted import extractor_findings
from marsad.analyze.finding import Finding
from marsad.analyze.timeline import Row
from marsad.store import FactFilter, ReadView

CHECK = "check"  # the extractor name of the findings `marsad check` stores


@dataclass(frozen=True)
class FindingRef:
    """Enough of a finding to name it on a row: its id, check and one-line summary, and what it is about."""

    id: str
    check: str
    summary: str
    facts: frozenset[str]  # the fact ids of its evidence
    spans: tuple[tuple[str, int, int], ...] = ()  # an extractor's finding: its own span (document, start, end)

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "check": self.check, "summary": self.summary}


def refs_of(findings: Iterable[Finding]) -> list[FindingRef]:
    """Findings computed now (the report): their evidence, or for an extractor's finding its own span."""
    out = []
    for f in findings:
        facts = frozenset(s.fact_id for s in f.evidence if s.fact_id)
        spans = tuple((s.doc_id, s.start, s.end) for s in f.evidence if f.stored_as and s.end > s.start)
        out.append(FindingRef(f.id, f.check, f.summary, facts, spans))
    return out


def stored_refs(store: ReadView) -> list[FindingRef]:
    """The findings the last `marsad check` stored, and the extractor's (always current)."""
    facts: dict[str, set[str]] = defaultdict(set)
    named: dict[str, tuple[str, str]] = {}
    for f in store.select_facts(FactFilter(("inconsistency",), dated=False)):
        d = f["detail"] or {}
        if f["extractor"].split("/")[0] != CHECK or not d.get("finding"):
            continue
        finding = str(d["finding"])
        named[finding] = (str(d.get("check", f["predicate"])), str(d.get("summary", "")))
        if d.get("fact"):
            facts[finding].add(str(d["fact"]))
    refs = [FindingRef(i, check, summary, frozenset(facts[i])) for i, (check, summary) in sorted(named.items())]
    return refs + refs_of(extractor_findings(store))


def attach(rows: Sequence[Row], refs: Sequence[FindingRef]) -> None:
    """Name on each row the findings whose evidence is one of its facts (or overlaps one, for the extractor's)."""
    by_fact: dict[str, list[FindingRef]] = defaultdict(list)
    by_doc: dict[str, list[tuple[int, int, FindingRef]]] = defaultdict(list)
    for ref in refs:
        for fact in ref.facts:
            by_fact[fact].append(ref)
        for doc, start, end in ref.spans:
            by_doc[doc].append((start, end, ref))
    for row in rows:
        found: dict[str, FindingRef] = {}
        for s in row.sources:
            for ref in by_fact.get(s.fact_id, []) if s.fact_id else []:
                found.setdefault(ref.id, ref)
            for start, end, ref in by_doc.get(s.doc_id, []):
                if s.end > s.start and start < s.end and s.start < end:
                    found.setdefault(ref.id, ref)
        row.findings = [r.as_dict() for r in found.values()]
