"""A long document read in parts gives the facts it gives read whole, at the whole document's offsets."""

from __future__ import annotations

import dataclasses

from marsad.extract.chunks import chunks
from marsad.extract.registry import run_extractors
from marsad.model import Document, PartialDate, Statement
from marsad.text.language import detect_paragraphs

NOTES = [
    "On 4 January 2024 the Islamic State spokesman Abu Hudhayfa al-Ansari released an audio speech about Gaza.",
    "Al-Naba issue 413 appeared on 19 October 2023; it did not mention Gaza.",
    "نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ كلمة صوتية للمتحدث أبي حذيفة الأنصاري.",
    "The group said on Monday that Abu al-Hasan al-Hashimi al-Qurashi had been killed in mid-October 2022.",
    "أعلن تنظيم القاعدة في جزيرة العرب في 10 مارس 2024 وفاة زعيمه خالد باطرفي.",
]


def _doc(published: str | None, head: str = "") -> Document:
    text = head + "\n\n".join(NOTES[i % len(NOTES)] for i in range(60))
    doc = Document("c" * 64, "long.txt", "text/plain", text, len(text.encode()),
                   published=PartialDate(published) if published else None)  # fmt: skip
    return dataclasses.replace(doc, paragraphs=detect_paragraphs(text))


def _key(f: Statement) -> tuple[object, ...]:
    roles = {k: v.get("span") for k, v in (f.detail.get("roles") or {}).items()}
    dated = (f.date.value, f.date.anchor) if f.date else (None, None)
    span = (f.evidence[0].start, f.evidence[0].end)
    return (f.id, f.kind, f.predicate, *span, f.subject, f.value, *dated, str(roles), str(f.detail.get("clause")))


def test_parts_give_the_facts_of_the_whole() -> None:
    doc = _doc("2024-03-12")
    assert len(list(chunks(doc, 1500))) >= 4  # really read in parts
    whole = sorted(map(_key, run_extractors(doc, chunk=10**9)))
    parts = sorted(map(_key, run_extractors(doc, chunk=1500)))
    assert whole == parts and len(whole) > 100


def test_each_part_ends_at_a_paragraph_break_and_they_cover_the_document() -> None:
    doc = _doc("2024-03-12")
    pieces = list(chunks(doc, 1500))
    assert "".join(p.text[own:] for p, _, own in pieces) == doc.text  # their own texts cover it once
    assert all(doc.text[o + len(p.text) - 2 : o + len(p.text)] == "\n\n" for p, o, _ in pieces[:-1])
    assert all(doc.text[o:].startswith(p.text) for p, o, _ in pieces)
    assert all(own > 0 and p.text[own - 2 : own] == "\n\n" for p, _, own in pieces[1:])  # a lead-in of paragraphs


def test_a_later_part_is_dated_by_the_dateline_the_first_part_found() -> None:
    doc = _doc(None, head="Weekly monitor, 12 March 2024\n\n")
    said = [f for f in run_extractors(doc, chunk=1500) if f.kind == "statement" and f.predicate == "said"]
    # "The group said on Monday": the Monday before the document's date, in every part alike
    assert len(said) > 5 and {f.date.value for f in said if f.date} == {"2024-03-11"}
