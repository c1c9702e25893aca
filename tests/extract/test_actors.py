"""Actor and topic mentions across spellings and scripts, phrase by phrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.extract.actors import ActorExtractor
from marsad.kb import load_watchlist
from marsad.kb.names import name_key
from marsad.model import Document

EX = ActorExtractor()


def mentions(text: str) -> list[tuple[str, str, str | None]]:
    doc = Document("a" * 64, "s", "text/plain", text, len(text))
    out = []
    for s in EX.extract(doc):
        e = s.evidence[0]
        out.append((s.kind, text[e.start : e.end], s.detail.get("actor") or s.detail.get("topic")))
    return out


@pytest.mark.parametrize(
    ("text", "evidence", "actor"),
    [
        ("Statement by Abu Ḥudhayfah Al-Ansari today.", "Abu Ḥudhayfah Al-Ansari", "Abu Hudhayfa al-Ansari"),
        ("Statement by Abu Huthaifa al-Ansary today.", "Abu Huthaifa al-Ansary", "Abu Hudhayfa al-Ansari"),
        ("بثت كلمة أبي حذيفة الأنصاري أمس", "أبي حذيفة الأنصاري", "Abu Hudhayfa al-Ansari"),
        ("وقال أبو حذيفة الأنصاري", "أبو حذيفة الأنصاري", "Abu Hudhayfa al-Ansari"),
        ("ونقل عن وأبي حذيفة الأنصاري", "وأبي حذيفة الأنصاري", "Abu Hudhayfa al-Ansari"),
        (
            "Leader Abu Hafs al-Hashemi al-Qurayshi was named.",
            "Abu Hafs al-Hashemi al-Qurayshi",
            "Abu Hafs al-Hashimi al-Qurashi",
        ),
        ("أبو بكر البغدادى قتل", "أبو بكر البغدادى", "Abu Bakr al-Baghdadi"),
        ("خلفه عبد الله قرداش", "عبد الله قرداش", "Abu Ibrahim al-Hashimi al-Qurashi"),
        ("خلفه عبدالله قرداش", "عبدالله قرداش", "Abu Ibrahim al-Hashimi al-Qurashi"),
        ("The IS claimed it.", "IS", "Islamic State"),
        ("Daesh and ISIS both appear.", "Daesh", "Islamic State"),
        ("أعلن تنظيم الدولة الإسلامية ذلك", "تنظيم الدولة الإسلامية", "Islamic State"),
        ("وقال داعش في بيان", "داعش", "Islamic State"),
        ("A video from Amaq followed.", "Amaq", "Amaq News Agency"),
        ("Hamas did not comment.", "Hamas", "Hamas"),
        ("ولم تعلق حماس", "حماس", "Hamas"),
        ("Coverage of Gaza grew.", "Gaza", "Gaza"),
        ("تغطية الحرب على غزة", "غزة", "Gaza"),
        # a conjunction or preposition glued to a name without the article: the evidence is the name
        ("الخلايا التابعة لداعش في المدينة", "داعش", "Islamic State"),
        ("وداعش لم يعلق", "داعش", "Islamic State"),
        ("بيان لولاية خراسان", "ولاية خراسان", "Islamic State Khorasan Province"),
        ("وحماس نفت", "حماس", "Hamas"),
    ],
)
def test_mentions_across_spellings(text: str, evidence: str, actor: str) -> None:
    assert any(ev == evidence and a == actor for _, ev, a in mentions(text)), mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "This is what it is, as it was.",  # "is" is not IS
        "He was at the border by noon.",
        "A famous father (أب) and a son.",
        "The Abu Dhabi meeting ended.",
        "استقبلوه بحماس كبير",  # «بحماس»: "with zeal"; «ب» is not a name's proclitic
    ],
)
def test_no_mentions_in_ordinary_text(text: str) -> None:
    assert [m for m in mentions(text) if m[0] == "actor"] == []


def test_evidence_takes_a_joined_article_only() -> None:
    assert ("actor", "al-Furqan Media", "Al-Furqan Media Foundation") in mentions(
        "It came from al-Furqan Media on Friday."
    )
    got = mentions("Native Name Lang: ar\nAbu Hafs al-Hashimi al-Qurashi")
    assert ("actor", "Abu Hafs al-Hashimi al-Qurashi", "Abu Hafs al-Hashimi al-Qurashi") in got


def test_two_different_people_who_share_a_kunya_stay_apart() -> None:
    assert name_key("Abu Umar al-Baghdadi") != name_key("Abu Umar al-Muhajir")
    got = mentions("Abu Umar al-Baghdadi led the ISI; Abu Umar al-Muhajir spoke later.")
    assert ("actor", "Abu Umar al-Baghdadi", "Abu Umar al-Baghdadi") in got
    assert ("actor", "Abu Umar al-Muhajir", "Abu Umar al-Muhajir") in got


def test_user_watchlist_merges_over_the_shipped_one(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "entities:\n"
        "  - {type: person, name: Abu Hudhayfa al-Ansari, aliases: [Abu Hudaifa the Spokesman]}\n"
        "  - {type: person, name: Abdul Qadir Mumin, aliases: [عبد القادر مؤمن]}\n",
        encoding="utf-8",
    )
    wl = load_watchlist([extra])
    spokesman = wl.by_name("Abu Hudhayfa al-Ansari")
    assert "Abu Hudaifa the Spokesman" in {a.name for a in spokesman.aliases}
    assert spokesman.roles and spokesman.roles[0].role == "spokesman"
    found = ActorExtractor(wl).extract(Document("b" * 64, "s", "text/plain", "Abdul Qadir Mumin spoke.", 0))
    assert [s.detail["actor"] for s in found] == ["Abdul Qadir Mumin"]


def test_a_broken_watchlist_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities: [{name: x}]", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: an entity needs a known 'type'"):
        load_watchlist([bad])
    bad.write_text("entities: [", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_watchlist([bad])


def test_series_cadence_is_loaded() -> None:
    wl = load_watchlist()
    naba = wl.by_name("al-Naba")
    cadence = wl.cadence[naba.id]
    assert {k: cadence[k] for k in ("every_days", "weekday", "anchor_issue", "anchor_date")} == {
        "every_days": 7,
        "weekday": "Thursday",
        "anchor_issue": 169,
        "anchor_date": "2019-02-14",
    }
    assert cadence["anchors"][413] == "2023-10-19"


def _facts(text: str, published: str | None = None) -> list[dict[str, object]]:
    from marsad.model import PartialDate

    date = PartialDate(published) if published else None
    doc = Document(f"{hash((text, published)) & 0xFFFFFFFF:064x}", "s", "text/plain", text, len(text), published=date)
    return [dict(s.detail, confidence=s.confidence) for s in EX.extract(doc) if s.kind == "actor"]


def test_a_shared_kunya_is_decided_by_the_date_in_the_sentence() -> None:
    # «أبو حمزة المهاجر»: the 2006-2010 ISI war minister, and the 2019-2022 spokesman's longer kunya
    (fact,) = _facts("In April 2010, أبو حمزة المهاجر was killed near Tikrit.")
    assert fact["actor"] == "Abu Hamza al-Muhajir"
    assert "2010-04" in str(fact["resolved_by"])
    assert fact["candidates"] == ["Abu Hamza al-Muhajir", "Abu Hamza al-Qurashi"]


def test_a_shared_kunya_is_decided_by_the_page_date_or_a_named_role() -> None:
    (by_page,) = _facts("A new recording of أبو حمزة المهاجر circulated.", published="2021-03-02")
    assert by_page["actor"] == "Abu Hamza al-Qurashi"
    (by_role,) = _facts("كلمة صوتية للمتحدث أبو حمزة المهاجر")
    assert by_role["actor"] == "Abu Hamza al-Qurashi"
    assert "spokesman" in str(by_role["resolved_by"])


def test_an_undecidable_kunya_stays_ambiguous_with_its_candidates() -> None:
    (fact,) = _facts("أبو حمزة المهاجر was mentioned.")
    assert "actor" not in fact
    assert fact["ambiguous"] == ["Abu Hamza al-Muhajir", "Abu Hamza al-Qurashi"]
    assert fact["confidence"] == 0.4


def test_a_key_two_names_share_is_decided_by_spelling() -> None:
    # Hasan and Husayn have one consonant skeleton; the spelling tells the two caliphs apart
    assert [f["actor"] for f in _facts("Abu al-Hassan was named in March 2022.")] == [
        "Abu al-Hasan al-Hashimi al-Qurashi"
    ]
    assert [f["actor"] for f in _facts("Abu al-Hussein was named.")] == ["Abu al-Husayn al-Husayni al-Qurashi"]
