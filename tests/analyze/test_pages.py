"""`marsad check` on analyst notes of our own (tests/analyze/pages): every consistent page archived together raises
nothing — cross-source comparisons included — and each inconsistent page raises the one finding it was written
for, with its expected value."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad

PAGES = Path(__file__).parent / "pages"

WRONG = {  # page: (check, expected value or None)
    "adnani-ar.md": ("reference_chronology", "2016-08-30"),
    "anniversary-weekday-ar.md": ("weekday_mismatch", None),
    "baghdadi-year.md": ("reference_chronology", "2019-10-26"),
    "batarfi-two-dates.md": ("same_event_dates", None),
    "hijri-range.md": ("hijri_gregorian_disagree", None),
    "interval-ar.md": ("stated_interval_wrong", None),
    "naba-week.md": ("series_cadence", "2022-12-01"),
    "qurashi-year.md": ("reference_chronology", "2022-02-03"),
    "tenure.md": ("reference_tenure", "2022-11-30"),
    "zawahiri-announced-ar.md": ("reference_chronology", "2022-07-31"),
}


def _check(tmp_path: Path, *pages: Path) -> list[dict[str, Any]]:
    folder = tmp_path / "notes"
    folder.mkdir()
    for page in pages:
        shutil.copy(page, folder / page.name)
    marsad = Marsad(tmp_path / "archive.db")
    assert marsad("ingest", str(folder)).exit_code == 0
    result = marsad("check", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_consistent_pages_raise_nothing_together(tmp_path: Path) -> None:
    pages = sorted((PAGES / "consistent").glob("*.md"))
    assert len(pages) >= 17
    found = _check(tmp_path, *pages)
    assert found == [], [(f["check"], f["summary"]) for f in found]


def test_every_inconsistent_page_is_listed() -> None:
    assert sorted(p.name for p in (PAGES / "inconsistent").glob("*.md")) == sorted(WRONG)


@pytest.mark.parametrize("page", sorted(WRONG))
def test_an_inconsistent_page_raises_its_finding(tmp_path: Path, page: str) -> None:
    check, expected = WRONG[page]
    found = _check(tmp_path, PAGES / "inconsistent" / page)
    assert [f["check"] for f in found] == [check], [(f["check"], f["summary"]) for f in found]
    if expected:
        assert found[0]["expected"] == expected
