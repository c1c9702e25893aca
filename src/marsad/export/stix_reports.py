"""A document as a STIX report (what it supports in object_refs, its facts with their evidence spans in
marsad's extension) and a finding of `marsad check` as a note on the reports of both sides' evidence."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

import stix2

from marsad.analyze.finding import Finding
from marsad.export.stix_extension import PRODUCER_ID, date_of, extension
from marsad.export.stix_ids import first_moment, stix_id, timestamp
from marsad.model import Document
from marsad.store.facts import Fact, precision_of

FACT_KEYS = ("id", "kind", "predicate", "text", "start", "end", "entity_id", "actor", "series", "issue", "title",
             "modality", "extractor", "confidence")  # fmt: skip


# media types whose original bytes are the page at the document's URL (a JSON Lines record or a channel
# message only points at a page: its hash is of the record, so the URL goes in the extension, unhashed)
WHOLE_PAGES = frozenset({"text/html", "application/pdf", "application/xhtml+xml", "text/plain", "text/markdown"})


def as_uri(url: str) -> str:
    """STIX wants a URI: an IRI's non-ASCII characters (an Arabic path) percent-encoded, nothing else."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def report_id(doc_id: str) -> str:
    return stix_id("report", "document", doc_id)


def report(
    doc: Document, facts: Sequence[Fact], object_refs: Sequence[str], issue: tuple[str, int] | None = None
) -> stix2.v21.Report:
    """The report of one archived document; `object_refs` (not empty) are the objects its facts name;
    `issue`: the (series entity id, number) the document is an issue of."""
    archived = timestamp(doc.ingested_at)
    published, published_from = _published(doc)
    ref: dict[str, Any] = {"source_name": "marsad", "external_id": doc.id, "hashes": {"SHA-256": doc.id}}
    if doc.url and doc.media_type in WHOLE_PAGES:
        ref["url"] = as_uri(doc.url)  # the archived bytes are what the URL served: the hash is the page's
    pub = doc.published
    document = {
        "sha256": doc.id,
        "source": doc.source,
        "url": doc.url,
        "media_type": doc.media_type,
        "parent": doc.parent,
        "languages": list(doc.languages),
        "published_from": published_from,
        "captured_at": doc.captured_at,
        "ingested_at": doc.ingested_at,
        "series": issue[0] if issue else None,
        "issue": issue[1] if issue else None,
    }
    dates = None
    if pub is not None:
        precision = precision_of(pub)
        dates = {"published": {"date": pub.value, "date_end": pub.end, "precision": precision,
                               "calendar": pub.calendar.value, "hijri": pub.hijri}}  # fmt: skip
    return stix2.v21.Report(
        id=report_id(doc.id),
        created=archived,
        modified=archived,
        created_by_ref=PRODUCER_ID,
        name=doc.title or PurePosixPath(doc.source.replace("\\", "/")).name or doc.source,
        lang=doc.languages[0] if doc.languages else None,
        report_types=["threat-report"],
        published=published,
        object_refs=list(object_refs),
        external_references=[ref],
        extensions=extension(
            document={k: v for k, v in document.items() if v not in (None, [])},
            dates=dates,
            facts=[_fact(f) for f in facts],
        ),
    )


def _published(doc: Document) -> tuple[str, str]:
    """When the document was published (its first instant at its precision), else when it was captured."""
    if doc.published is not None:
        return first_moment(doc.published.value), doc.published_from or "document"
    if doc.captured_at:
        return timestamp(doc.captured_at), "captured_at (no publication date found)"
    return timestamp(doc.ingested_at), "ingested_at (no publication or capture date found)"


def _fact(f: Fact) -> dict[str, Any]:
    fields: Mapping[str, Any] = f  # read by the keys named here, the contract's
    out = {k: fields[k] for k in FACT_KEYS if fields.get(k) is not None}
    if f.get("date"):
        out.update({k: v for k, v in date_of(f).items() if v is not None})
    reviewed = (f.get("detail") or {}).get("reviewed")
    if reviewed:  # the value above is the reviewer's; what the extractor said and who reviewed it, here
        out["reviewed"] = {k: v for k, v in reviewed.items() if v not in (None, "")}
    return out


def note(finding: Finding, report_refs: Sequence[str], other_refs: Sequence[str], archived: str) -> stix2.v21.Note:
    """A finding as a note on the reports its evidence comes from (both sides of a disagreement)."""
    evidence = [{k: v for k, v in vars(s).items() if v is not None and v != ""} for s in finding.evidence]
    flagged = None if finding.flagged is None else sorted({s.fact_id for s in finding.flagged if s.fact_id})
    content = finding.summary + "\n\n" + finding.reasoning
    if finding.expected:
        content += f"\n\nexpected: {finding.expected}"
    return stix2.v21.Note(
        id=note_id(finding),
        created=archived,
        modified=archived,
        created_by_ref=PRODUCER_ID,
        abstract=f"{finding.check}: {finding.summary}",
        content=content,
        authors=["marsad check"],
        object_refs=sorted(set(report_refs)) + sorted(set(other_refs) - set(report_refs)),
        extensions=extension(
            check=finding.check,
            expected=finding.expected,
            evidence=evidence,
            flagged=flagged,
            detail=json.loads(json.dumps(finding.detail, default=str, sort_keys=True)) or None,
        ),
    )


def note_id(finding: Finding) -> str:
    """From the check, what it found and the evidence it rests on."""
    sides = sorted(f"{s.doc_id}:{s.start}:{s.end}:{s.fact_id}" for s in finding.evidence)
    return stix_id("note", "finding", finding.check, finding.summary, finding.expected, *sides)
