"""Dated statements and events: actor, predicate, date, and where the date came from."""

from __future__ import annotations

import pytest

from marsad.extract.statements import StatementExtractor
from marsad.model import Document, PartialDate

EX = StatementExtractor()


def facts(text: str, published: str | None = None) -> list[tuple[str, str, str, str | None, float]]:
    doc = Document("f" * 64, "s", "text/plain", text, 0, published=PartialDate(published) if published else None)
    return [
        (s.kind, s.predicate, s.detail["actor"], s.date.value if s.date else None, s.confidence)
        for s in EX.extract(doc)
    ]


def test_statement_with_its_date_and_the_person_not_the_organisation() -> None:
    got = facts(
        "The first speech of the Islamic State's spokesman, Abu Hudhayfa al-Ansari, was released on 3 August 2023."
    )
    assert got == [("statement", "gave_speech", "Abu Hudhayfa al-Ansari", "2023-08-03", 0.7)]


def test_event_in_arabic() -> None:
    got = facts("أعلن التنظيم مقتل أبي الحسن الهاشمي القرشي في 30 تشرين الثاني 2022.")
    assert got == [("event", "killed", "Abu al-Hasan al-Hashimi al-Qurashi", "2022-11-30", 0.7)]


def test_pronoun_takes_the_previous_person() -> None:
    got = facts("Abu Bakr al-Baghdadi led the group for years. He was killed in October 2019.")
    assert ("event", "killed", "Abu Bakr al-Baghdadi", "2019-10", 0.7) in got


def test_no_date_in_the_sentence_takes_the_page_date_at_low_confidence() -> None:
    got = facts("جاءت الكلمة الصوتية بصوت أبي عمر المهاجر.", published="2022-03-10")
    assert got == [("statement", "gave_speech", "Abu Umar al-Muhajir", "2022-03-10", 0.5)]
    assert facts("جاءت الكلمة الصوتية بصوت أبي عمر المهاجر.")[0][3] is None


def test_no_actor_no_fact() -> None:
    assert facts("A statement was released on 3 August 2023 by an unknown account.") == []


@pytest.mark.parametrize(
    "text",
    [
        "On 3 January 2024 the Islamic State killed 85 people in Kerman.",  # an organisation is not "killed"
        "الهجوم الذي أدى إلى مقتل نحو 85 شخصا في 3 يناير 2024 تبنّاه أبو حذيفة الأنصاري.",  # a casualty count
    ],
)
def test_no_killed_event_for_an_organisation_or_a_casualty_count(text: str) -> None:
    assert [f for f in facts(text) if f[0] == "event" and f[1] == "killed"] == []


def test_a_described_victim_is_not_the_next_name() -> None:
    text = "بعد أكثر من شهر على مقتل زعيم التنظيم السابق في مارس 2022، أعلن اسم أبي الحسن الهاشمي القرشي خليفة."
    assert [f for f in facts(text) if f[1] == "killed"] == []
    named = "On 3 February 2022 US forces killed the group's leader Abu Ibrahim al-Hashimi al-Qurashi in Atmeh."
    assert [(f[1], f[2]) for f in facts(named) if f[0] == "event"] == [("killed", "Abu Ibrahim al-Hashimi al-Qurashi")]
