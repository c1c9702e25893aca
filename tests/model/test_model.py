from __future__ import annotations

import datetime as dt

import pytest

from marsad.model import Document, Entity, EntityType, Paragraph, PartialDate, Precision, Span, Statement
from marsad.model.ids import content_id, stable_id


@pytest.mark.parametrize(
    ("value", "precision", "first", "last"),
    [
        ("2024", Precision.YEAR, dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-12", Precision.MONTH, dt.date(2023, 12, 1), dt.date(2023, 12, 31)),
        ("2024-01-04", Precision.DAY, dt.date(2024, 1, 4), dt.date(2024, 1, 4)),
    ],
)
def test_partial_date_precision_and_range(value: str, precision: Precision, first: dt.date, last: dt.date) -> None:
    d = PartialDate(value)
    assert d.precision is precision
    assert (d.first_day(), d.last_day()) == (first, last)


@pytest.mark.parametrize("bad", ["24", "2024-13", "2023-02-30", "2024/01/04", "2024-1-4x"])
def test_partial_date_rejects_invalid_values(bad: str) -> None:
    with pytest.raises(ValueError):
        PartialDate(bad)


def test_partial_date_range_end_is_used_for_last_day() -> None:
    d = PartialDate("2022-05-12", end="2022-05-13")
    assert d.last_day() == dt.date(2022, 5, 13)


def test_ids_are_deterministic_and_unambiguous() -> None:
    assert content_id(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert stable_id("a", "bc") != stable_id("ab", "c")
    assert stable_id("x", None) == stable_id("x", "")


def test_statement_needs_evidence_and_gets_a_stable_id() -> None:
    span = Span("doc1", 10, 20)
    s1 = Statement("date", "mentions", (span,), "dates", "1.0", date=PartialDate("2024-01-04"))
    s2 = Statement("date", "mentions", (span,), "dates", "1.0", date=PartialDate("2024-01-04"))
    assert s1.id == s2.id and s1.extractor_tag == "dates/1.0" and s1.document == "doc1"
    with pytest.raises(ValueError):
        Statement("date", "mentions", (), "dates", "1.0")
    with pytest.raises(ValueError):
        Span("d", 5, 2)


def test_entity_id_depends_on_type_and_name() -> None:
    a = Entity(EntityType.PERSON, "Abu Hudhayfa al-Ansari")
    b = Entity(EntityType.PERSON, "Abu Hudhayfa al-Ansari")
    c = Entity(EntityType.ORGANIZATION, "Abu Hudhayfa al-Ansari")
    assert a.id == b.id != c.id


def test_document_languages_weighted_by_paragraph_length() -> None:
    doc = Document(
        id="x",
        source="s",
        media_type="text/plain",
        text="",
        size=0,
        paragraphs=(
            Paragraph(0, 500, "ar", 0.9),
            Paragraph(500, 700, "en", 0.9),
            Paragraph(700, 710, "fr", 0.9),
            Paragraph(710, 900, "und", 0.0),
        ),
    )
    assert doc.languages == ("ar", "en")
