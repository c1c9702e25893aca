"""Unresolved person names in English text: found with their evidence, never for organisations or places."""

from __future__ import annotations

import pytest

from marsad.extract.names import NameExtractor
from marsad.model import Document

EX = NameExtractor()


def names(text: str) -> list[tuple[str, str]]:
    doc = Document(f"{abs(hash(text)):064x}"[:64], "s", "text/plain", text, len(text))
    return [(text[f.evidence[0].start : f.evidence[0].end], str(f.detail["actor"])) for f in EX.extract(doc)]


@pytest.mark.parametrize(
    ("text", "evidence", "name"),
    [
        ("Weeks after a raid killed Nasir-al-Qahtani, the office moved.", "Nasir-al-Qahtani", "Nasir al-Qahtani"),
        ("The branch is led by Abdul Karim Yusuf, analysts say.", "Abdul Karim Yusuf", "Abdul Karim Yusuf"),
        ("A statement by Abu Harith was shared.", "Abu Harith", "Abu Harith"),
        ("Its founder Faris al-Harbi stayed silent.", "Faris al-Harbi", "Faris al-Harbi"),
        (
            "Turkish President Mehmet Yilmazer said so on television.",
            "Mehmet Yilmazer",
            "Mehmet Yilmazer",
        ),
        ("Yunus bin Salim appeared in the video.", "Yunus bin Salim", "Yunus bin Salim"),
    ],
)
def test_a_name_outside_the_watchlist_is_an_unresolved_actor(text: str, evidence: str, name: str) -> None:
    assert (evidence, name) in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic State and Al Jazeera reported from Abu Dhabi and Abu Ghraib.",
        "Researchers at King's College London compared notes as they do.",
        "Islamic State Spokesman Introduces Yet Another New Campaign",  # a Title Case headline
        "The Majlis-ash-Shura met in Raqqa. Al-Shabaab and Al Qaeda in the Islamic Maghreb replied.",
        "Abu Bakr al-Baghdadi spoke.",  # in the watchlist: the actors extractor resolves it
        "John Smith wrote the report.",  # a name, but neither marked as Arabic nor titled
    ],
)
def test_no_name_here(text: str) -> None:
    assert names(text) == []


def test_unresolved_names_have_no_entity() -> None:
    text = "The spokesman Abu Khadijah al-Iraqi was named."
    doc = Document("b" * 64, "s", "text/plain", text, len(text))
    (fact,) = EX.extract(doc)
    assert fact.subject is None and fact.detail["resolved"] is False and fact.confidence == 0.5


def test_an_arabic_kunya_with_its_nisba_is_a_name() -> None:
    text = "قال أبو خديجة العراقي إن الخبر صحيح، ونعى التنظيم أبا المثنى الجنوبي."
    assert names(text) == [("أبو خديجة العراقي", "أبو خديجة العراقي"), ("أبا المثنى الجنوبي", "أبو المثنى الجنوبي")]


def test_an_arabic_kunya_without_a_nisba_or_with_a_function_word_is_not() -> None:
    assert names("زار الوفد أبو ظبي ثم أبو غريب، وقال أبو محمد الذي حضر اللقاء.") == []


def test_a_shorter_form_of_one_watchlist_name_is_resolved() -> None:
    text = "بايع أنصاره أبا الحسن الهاشمي خليفة."
    doc = Document("c" * 64, "s", "text/plain", text, len(text))
    (fact,) = EX.extract(doc)
    assert fact.detail["actor"] == "Abu al-Hasan al-Hashimi al-Qurashi" and fact.subject is not None
    assert fact.detail["alias"] == "أبو الحسن الهاشمي" and fact.confidence == 0.7
