"""An issue dated before what its articles report: the release date is flagged, with the year moved on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad

SERIES = "entities:\n- type: series\n  name: Monthly Review\n"
RELEASE = "On 4 March 2021 the Islamic State published issue 7 of Monthly Review."


def _content_findings(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    marsad = Marsad(tmp_path / "archive.db")
    watchlist = tmp_path / "mine.yaml"
    watchlist.write_text(SERIES, encoding="utf-8")
    assert marsad("kb", "add", str(watchlist)).exit_code == 0
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "review.md").write_text(f"# Monthly Review 7\n\n{text}\n", encoding="utf-8")
    assert marsad("ingest", str(notes)).exit_code == 0
    found = [json.loads(line) for line in marsad("check", "-f", "jsonl").stdout.splitlines()]
    return [f for f in found if f["check"] == "issue_before_its_content"]


def test_an_article_about_a_later_event_flags_the_release(tmp_path: Path) -> None:
    text = f"{RELEASE} The first article of the issue discusses the floods of January 2022."
    (finding,) = _content_findings(tmp_path, text)
    assert finding["expected"] == "2022-03-04" and finding["detail"]["content_date"] == "2022-01"
    assert finding["evidence"][0]["text"].startswith("On 4 March 2021")


@pytest.mark.parametrize(
    "after",
    [
        "The first article of the issue discusses the floods of January 2021.",  # before the release: fine
        "The first article of the issue discusses the floods of 20 March 2021.",  # within the grace of a month
        "The group's channel was closed in May 2022.",  # a later date, but not of the issue's content
    ],
)
def test_its_consistent_twins(tmp_path: Path, after: str) -> None:
    assert _content_findings(tmp_path, f"{RELEASE} {after}") == []


def test_the_scan_stops_at_the_next_issue(tmp_path: Path) -> None:
    text = f"{RELEASE}\n\nIssue 19 of Monthly Review came out later. Its first article covers the January 2022 floods."
    assert _content_findings(tmp_path, text) == []
