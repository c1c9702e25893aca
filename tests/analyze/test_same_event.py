"""`marsad check` across sources: one death or one appointment dated in ways no day satisfies, a death dated after
its announcement, one announcement on two days. Each with a consistent twin of the same shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad


def _findings(tmp_path: Path, *pages: str) -> list[dict[str, Any]]:
    notes = tmp_path / "notes"
    notes.mkdir(parents=True)
    for i, text in enumerate(pages):
        (notes / f"page{i}.md").write_text(f"# Note {i}\n\nAnalyst note.\n\n{text}\n", encoding="utf-8")
    marsad = Marsad(tmp_path / "archive.db")
    assert marsad("ingest", str(notes)).exit_code == 0
    result = marsad("check", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _same(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in found if f["check"] == "same_event_dates"]


# Khalid Batarfi's death and Abu Musab al-Barnawi's appointment have no date in the reference chronology: only the
# archive's sources can disagree about them.
@pytest.mark.parametrize(
    ("pages", "twin", "expected"),
    [
        (
            (
                "Khalid Batarfi died on 3 March 2024, according to the group.",
                "Khalid Batarfi died on 27 February 2024.",
                "توفي خالد باطرفي في 27 فبراير 2024.",
            ),
            (
                "Khalid Batarfi died in February 2024, according to the group.",
                "Khalid Batarfi died on 27 February 2024.",
                "توفي خالد باطرفي في 27 فبراير 2024.",
            ),
            "2024-02-27",  # two independent documents against one
        ),
        (
            (
                "Abu Musab al-Barnawi was appointed wali of the West Africa Province on 2 August 2016.",
                "Abu Musab al-Barnawi was appointed wali of the West Africa Province on 20 August 2016.",
            ),
            (
                "Abu Musab al-Barnawi was appointed wali of the West Africa Province on 2 August 2016.",
                "Abu Musab al-Barnawi was appointed wali of the West Africa Province on 3 August 2016.",
            ),
            None,  # one against one: which holds is not known
        ),
    ],
)
def test_one_event_dated_in_ways_no_day_satisfies(
    tmp_path: Path, pages: tuple[str, ...], twin: tuple[str, ...], expected: str | None
) -> None:
    (finding,) = _same(_findings(tmp_path / "wrong", *pages))
    assert finding["expected"] == expected
    roles = sorted(s["role"] for s in finding["sides"])
    assert roles == (["expected", "stated"] if expected else ["other", "other"])
    assert _same(_findings(tmp_path / "twin", *twin)) == []


def test_appointments_months_apart_are_two_offices(tmp_path: Path) -> None:
    pages = (
        "Abu Musab al-Barnawi was appointed spokesman of Boko Haram on 2 March 2015.",
        "Abu Musab al-Barnawi was appointed wali of the West Africa Province on 2 August 2016.",
    )
    assert _same(_findings(tmp_path, *pages)) == []


@pytest.mark.parametrize(
    ("death", "flagged"),
    [
        ("Khalid Batarfi died on 14 March 2024.", True),
        ("توفي خالد باطرفي في 14 مارس 2024.", True),
        ("Khalid Batarfi died on 8 March 2024.", False),  # the twin: before the announcement
        ("Khalid Batarfi died in March 2024.", False),  # a month that holds the announcement's day
    ],
)
def test_a_death_dated_after_its_announcement(tmp_path: Path, death: str, flagged: bool) -> None:
    announcement = "On 10 March 2024 al-Qaeda in the Arabian Peninsula announced the death of Khalid Batarfi."
    found = _same(_findings(tmp_path, announcement, death))
    assert bool(found) is flagged, found
    if flagged:
        assert "announced on 2024-03-10" in found[0]["summary"]


def test_a_date_on_the_record_is_not_flagged_twice(tmp_path: Path) -> None:
    """Al-Zawahiri's death is on the record: the reference check flags the wrong year, the cross-source one does not
    repeat it."""
    found = _findings(
        tmp_path,
        "Ayman al-Zawahiri was killed in a drone strike in Kabul on 31 July 2021.",
        "Ayman al-Zawahiri was killed in a drone strike in Kabul on 31 July 2022.",
    )
    assert [f["check"] for f in found] == ["reference_chronology"]
    assert found[0]["expected"] == "2022-07-31"


def test_a_declaration_in_a_relative_clause_is_not_the_deaths_announcement(tmp_path: Path) -> None:
    page = "Abu Bakr al-Baghdadi, who declared the caliphate in Mosul in July 2014, was killed in a raid in 2019."
    assert _same(_findings(tmp_path, page)) == []
