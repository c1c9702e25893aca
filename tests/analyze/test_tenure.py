"""A tenure given as a range, one end on the record and the other not: the other end is flagged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad


def _tenure_findings(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    notes = tmp_path / "notes"
    notes.mkdir(parents=True)
    (notes / "note.md").write_text(f"# Profile\n\nAnalyst profile.\n\n{text}\n", encoding="utf-8")
    marsad = Marsad(tmp_path / "archive.db")
    assert marsad("ingest", str(notes)).exit_code == 0
    found = [json.loads(line) for line in marsad("check", "-f", "jsonl").stdout.splitlines()]
    return [f for f in found if f["check"] == "reference_tenure"]


@pytest.mark.parametrize(
    ("wrong", "expected", "twin"),
    [
        (  # the start wrong, the end (April 2023) on the record
            "Abu al-Husayn al-Husayni al-Qurashi\nCaliph of the Islamic State\n1 September 2022 – 29 April 2023",
            "2022-11-30",
            "Abu al-Husayn al-Husayni al-Qurashi\nCaliph of the Islamic State\n30 November 2022 – 29 April 2023",
        ),
        (  # the end wrong, the start on the record
            "Abu Ibrahim al-Hashimi al-Qurashi led the group from October 2019 to June 2021.",
            "2022-02-03",
            "Abu Ibrahim al-Hashimi al-Qurashi led the group from October 2019 to February 2022.",
        ),
    ],
)
def test_a_tenure_off_the_record_and_its_twin(tmp_path: Path, wrong: str, expected: str, twin: str) -> None:
    (finding,) = _tenure_findings(tmp_path / "wrong", wrong)
    assert finding["expected"] == expected and "watchlist" in finding["reasoning"]
    assert _tenure_findings(tmp_path / "twin", twin) == []


@pytest.mark.parametrize(
    "text",
    [
        # neither end on the record: a range about something else
        "Abu Ibrahim al-Hashimi al-Qurashi was mentioned in reports from March 2020 to May 2020.",
        # a short range is no tenure
        "Abu Ibrahim al-Hashimi al-Qurashi was named over the weekend of 26 to 27 October 2019.",
        # one role of a man with two: the whole range fits the second
        "Abu Bakr al-Baghdadi, caliph from June 2014 to October 2019.",
    ],
)
def test_ranges_that_are_no_wrong_tenure(tmp_path: Path, text: str) -> None:
    assert _tenure_findings(tmp_path, text) == []


@pytest.mark.parametrize(
    "text",
    [  # a biography's lead: the bracketed range after the name is his life, its end his recorded death
        "Ahmed Abdi Godane (10 July 1977 – 1 September 2014) was the emir of al-Shabaab.",
        "Ismail Haniyeh (29 January 1962 – 31 July 2024) was a Palestinian politician.",
        "أبو مصعب الزرقاوي (30 أكتوبر 1966 - 7 يونيو 2006) قاد تنظيم القاعدة في العراق.",
    ],
)
def test_a_life_span_is_no_tenure(tmp_path: Path, text: str) -> None:
    assert _tenure_findings(tmp_path, text) == []
