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
