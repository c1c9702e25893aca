"""A long document read in parts: each part ends at a paragraph break, is extracted as a document of its own, and
its facts' offsets are moved back to the whole document's.

Every extractor holds structures in proportion to the text it reads (about 100 bytes per character with all of
them), so a 50 MB text read whole needs gigabytes; read in parts of CHUNK_CHARS, memory follows the part. Each
part is read with the paragraphs just before it, so that a pronoun or "the group" at its head finds what it points
to; a later part is dated, where the document's own metadata gives no date, by the date the first part found for
the document (its dateline). What lies farther back than the lead-in is not seen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from marsad.model import Document, Paragraph, Span, Statement

CHUNK_CHARS = 1_000_000  # characters per part: ~100 MB of extraction structures
_REACH = 50_000  # how far past a part's nominal end a paragraph break is looked for
_LEAD = 20_000  # characters of the text before a part read with it, for what its first sentences refer to


def chunks(doc: Document, size: int = CHUNK_CHARS) -> Iterator[tuple[Document, int, int]]:
    """(part, offset of its first character in `doc`, where its own text begins in it), in text order; the document
    itself when it is short. A part after the first opens with the paragraphs before it (up to half a part,
    _LEAD at most) so that what it says can lean on them ("the group" named there); facts found in that lead-in are
    the previous part's and are not kept (`run_extractors`)."""
    text = doc.text
    if len(text) <= size:
        yield doc, 0, 0
        return
    lead = min(_LEAD, size // 2)
    start = 0
    later: dict[str, Any] | None = None
    while start < len(text):
        end = _break_after(text, min(len(text), start + size))
        begin = _break_after(text, start - lead) if start > lead else 0
        begin = begin if begin <= start else start
        part = dataclasses.replace(
            doc, text=text[begin:end], paragraphs=_paragraphs(doc.paragraphs, begin, end), **(later or {})
        )
        yield part, begin, start - begin
        if later is None:
            later = _dating_of_first(doc, part)
        start = end


def shifted(facts: Sequence[Statement], offset: int) -> list[Statement]:
    """The facts of a part with their spans (evidence, roles, clause) moved by `offset`, their ids recomputed and a
    date anchored on another fact of the part re-pointed to that fact's new id."""
    ids: dict[str, str] = {}
    moved = []
    for f in facts:
        evidence = tuple(Span(e.document, e.start + offset, e.end + offset) for e in f.evidence)
        # built anew, not dataclasses.replace (its field-by-field copy costs as much as the id): the id recomputed
        new = Statement(f.kind, f.predicate, evidence, f.extractor, f.extractor_version, f.subject, f.value, f.date,
                        f.confidence, _shift_detail(f.detail, offset))  # fmt: skip
        ids[f.id] = new.id
        moved.append(new)
    out = []
    for f in moved:
        if f.date is not None and f.date.anchor in ids:
            f = dataclasses.replace(f, date=dataclasses.replace(f.date, anchor=ids[f.date.anchor]), id=f.id)
        out.append(f)
    return out


def _shift_detail(detail: Any, offset: int) -> Any:
    """Offsets kept in a fact's detail: a role's "span" and a statement's "clause" ([start, end])."""
    if not isinstance(detail, dict) or not ("roles" in detail or "clause" in detail):
        return detail
    out = dict(detail)
    if isinstance(out.get("clause"), list) and len(out["clause"]) == 2:
        out["clause"] = [out["clause"][0] + offset, out["clause"][1] + offset]
    if isinstance(out.get("roles"), dict):
        roles = {}
        for name, role in out["roles"].items():
            if isinstance(role, dict) and isinstance(role.get("span"), list) and len(role["span"]) == 2:
                role = {**role, "span": [role["span"][0] + offset, role["span"][1] + offset]}
            roles[name] = role
        out["roles"] = roles
    return out


def _break_after(text: str, at: int) -> int:
    """The end of the paragraph (else the line) that `at` falls in, within reach; else `at` itself."""
    if at >= len(text):
        return len(text)
    for mark in ("\n\n", "\n"):
        found = text.find(mark, at, at + _REACH)
        if found != -1:
            return found + len(mark)
    return at


def _paragraphs(paragraphs: tuple[Paragraph, ...], start: int, end: int) -> tuple[Paragraph, ...]:
    return tuple(
        dataclasses.replace(p, start=max(p.start, start) - start, end=min(p.end, end) - start)
        for p in paragraphs
        if p.end > start and p.start < end
    )


def _dating_of_first(doc: Document, first: Document) -> dict[str, Any]:
    """What a later part is dated by: the document's metadata where it has one, else the date the first part found
    for the document (a dateline at the head of the text)."""
    if doc.published is not None:
        return {}
    from marsad.extract.dates import DateExtractor  # the date grammar loads once, when a long document needs it

    chosen = DateExtractor().document_date(first).chosen
    if chosen is None:
        return {}
    return {"published": chosen.date, "published_from": f"{chosen.source} (the document's first part)"}
