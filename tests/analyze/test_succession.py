"""`marsad check`: a successor appointed before the predecessor the page names left the post by the record; each
wrong date beside a correct twin of the same shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad


def _findings(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    notes = tmp_path / "notes"
    notes.mkdir(parents=True)
    marsad = Marsad(tmp_path / "archive.db")
    (notes / "note.md").write_text(f"# Leadership note\n\nAnalyst note.\n\n{text}\n", encoding="utf-8")
    assert marsad("ingest", str(notes)).exit_code == 0
    result = marsad("check", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("wrong", "expected", "twin"),
    [
        (  # the predecessor named after "succeeded"; his emirate ended on 10 March 2024 (the watchlist's role)
            "Saad bin Atef al-Awlaki succeeded Khalid Batarfi as emir of al-Qaeda in the Arabian Peninsula in 2020.",
            "2024-03-10",
            "Saad bin Atef al-Awlaki succeeded Khalid Batarfi as emir of al-Qaeda in the Arabian Peninsula in "
            "March 2024.",
        ),
        (  # «خلفاً له»: the man named before the successor
            "أعلن تنظيم القاعدة في جزيرة العرب في مارس 2021 وفاة زعيمه خالد باطرفي وتعيين سعد بن عاطف العولقي خلفاً له.",
            "2024-03-10",
            "أعلن تنظيم القاعدة في جزيرة العرب في مارس 2024 وفاة زعيمه خالد باطرفي وتعيين سعد بن عاطف العولقي خلفاً له.",
        ),
        (  # "after the death of": the caliphate of al-Baghdadi ended on 27 October 2019
            "Abu Ibrahim al-Hashimi al-Qurashi was named caliph in 2016, after the death of Abu Bakr al-Baghdadi.",
            "2019-10-27",
            "Abu Ibrahim al-Hashimi al-Qurashi was named caliph in October 2019, after the death of Abu Bakr "
            "al-Baghdadi.",
        ),
    ],
)
def test_a_successor_before_the_vacancy_is_flagged_and_its_twin_is_not(
    tmp_path: Path, wrong: str, expected: str, twin: str
) -> None:
    (finding,) = _findings(tmp_path / "wrong", wrong)
    assert finding["check"] == "succession_order" and finding["expected"] == expected
    assert finding["evidence"][0]["text"] in wrong
    assert any(s["role"] == "expected" and s["reference"] for s in finding["sides"])  # the record's source
    assert _findings(tmp_path / "twin", twin) == []


def test_a_date_the_reference_already_flags_is_not_flagged_twice(tmp_path: Path) -> None:
    """800 days from al-Awlaki's own recorded start: the reference chronology says so, once."""
    text = "Saad bin Atef al-Awlaki succeeded Khalid Batarfi as emir of al-Qaeda in the Arabian Peninsula in 2022."
    assert [f["check"] for f in _findings(tmp_path, text)] == ["reference_chronology"]


def test_no_named_predecessor_no_finding(tmp_path: Path) -> None:
    """Khalid Batarfi is named, but not as the man al-Awlaki succeeded."""
    text = "Saad bin Atef al-Awlaki, who had worked beside Khalid Batarfi, was named a commander in 2020."
    assert [f for f in _findings(tmp_path, text) if f["check"] == "succession_order"] == []
