"""A Hijri date and a Gregorian date written as one day: exact by Umm al-Qura, or a finding (minor at one day)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.extract.dates.calendar import hijri_to_gregorian, tabular_hijri_to_gregorian
from tests.extract.test_dates import extract


@pytest.mark.parametrize(
    ("hijri", "umm_al_qura", "tabular"),
    [
        ((1435, 9, 1), "2014-06-28", "2014-06-29"),  # the caliphate's 1 Ramadan 1435 (facts.jsonl F025)
        ((1445, 6, 22), "2024-01-04", "2024-01-04"),
        ((1445, 1, 1), "2023-07-19", "2023-07-19"),
        ((1, 1, 1), None, "0622-07-19"),  # the civil epoch, 16 July 622 Julian
    ],
)
def test_the_tabular_calendar(hijri: tuple[int, int, int], umm_al_qura: str | None, tabular: str) -> None:
    assert tabular_hijri_to_gregorian(*hijri) == dt.date.fromisoformat(tabular)
    if umm_al_qura:
        assert hijri_to_gregorian(*hijri) == dt.date.fromisoformat(umm_al_qura)


@pytest.mark.parametrize(
    ("text", "follows"),
    [  # one day after Umm al-Qura: the tabular calendar gives it, or it does not
        ("أعلن التنظيم قيام الخلافة يوم الأحد ١ رمضان ١٤٣٥ هـ الموافق ٢٩ يونيو ٢٠١٤ م.", "tabular"),
        ("بثت الكلمة يوم ٢٢ جمادى الآخرة ١٤٤٥ هـ الموافق ٥ يناير ٢٠٢٤ م.", "sighting"),
    ],
)
def test_a_pair_one_day_apart_is_a_minor_finding(text: str, follows: str) -> None:
    (problem,) = [f for f in extract(text) if f.kind == "inconsistency"]
    assert problem.predicate == "hijri_gregorian_disagree" and problem.detail["days_apart"] == 1
    assert problem.detail["severity"] == "minor" and problem.confidence == 0.5
    assert follows in problem.detail["why"]


@pytest.mark.parametrize(
    "text",
    [  # the consistent twins: the same shapes, the day Umm al-Qura gives
        "أعلن التنظيم قيام الخلافة يوم السبت ١ رمضان ١٤٣٥ هـ الموافق ٢٨ يونيو ٢٠١٤ م.",
        "بثت الكلمة يوم ٢٢ جمادى الآخرة ١٤٤٥ هـ الموافق ٤ يناير ٢٠٢٤ م.",
        "Issued 1 Ramadan 1435 | 28 June 2014",
    ],
)
def test_a_pair_on_the_same_day_raises_nothing(text: str) -> None:
    assert [f for f in extract(text) if f.kind == "inconsistency"] == []


def test_two_days_apart_stays_a_full_finding() -> None:
    (problem,) = [f for f in extract("Issued 1 Ramadan 1435 | 30 June 2014") if f.kind == "inconsistency"]
    assert problem.detail["days_apart"] == 2 and "severity" not in problem.detail and problem.confidence == 0.9


@pytest.mark.parametrize(
    ("text", "days_apart"),
    [  # a run of Hijri days beside its Gregorian run: each end is compared
        ("The week of 3-9 Rabi al-Thani 1447 (20-26 September 2025) saw ten claimed attacks.", -5),
        ("غطى العدد الفترة من 1 إلى 7 محرم 1446 هـ الموافق 10 إلى 16 يوليو 2024.", 3),
    ],
)
def test_a_hijri_range_beside_a_gregorian_range_that_differs_is_a_finding(text: str, days_apart: int) -> None:
    (problem,) = [f for f in extract(text) if f.kind == "inconsistency"]
    assert problem.predicate == "hijri_gregorian_disagree" and problem.detail["days_apart"] == days_apart
    (pair,) = [f for f in extract(text) if f.kind == "date" and f.date and f.date.hijri]
    assert pair.date is not None and pair.date.end is not None  # one fact: the run in both calendars


@pytest.mark.parametrize(
    "text",
    [  # the consistent twins
        "The week of 3-9 Rabi al-Thani 1447 (25 September - 1 October 2025) saw ten claimed attacks.",
        "غطى العدد الفترة من 1 إلى 7 محرم 1446 هـ الموافق 7 إلى 13 يوليو 2024.",
        "غطى العدد الفترة من 1 إلى 7 محرم 1446 هـ الموافق 8 إلى 14 يوليو 2024.",  # a day: sighting
    ],
)
def test_a_hijri_range_that_matches_its_gregorian_range_raises_nothing(text: str) -> None:
    assert [f for f in extract(text) if f.kind == "inconsistency"] == []


@pytest.mark.parametrize(
    ("text", "finding"),
    [  # "coinciding with", «الذي يوافق»: a claim that two dates name one day
        ("The recording was posted on 28 Safar 1442, coinciding with 18 October 2020.", True),
        ("نشر التسجيل يوم 28 صفر 1442 الذي يوافق 18 أكتوبر 2020.", True),
        ("The recording was posted on 28 Safar 1442, coinciding with 15 October 2020.", False),
        ("نشر التسجيل يوم 28 صفر 1442 المصادف 15 أكتوبر 2020.", False),
    ],
)
def test_a_hijri_date_said_to_coincide_with_a_gregorian_one(text: str, finding: bool) -> None:
    problems = [f for f in extract(text) if f.kind == "inconsistency"]
    assert bool(problems) is finding
    if finding:
        assert problems[0].detail["days_apart"] == 3
