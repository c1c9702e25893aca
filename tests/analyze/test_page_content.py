"""`marsad check`: a page whose URL date is before what it reports as done; each beside a consistent twin (the same
page at a later address, or a sentence that looks forward)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Raid report</title>
<link rel="canonical" href="https://news.example.org/{day}/raid-report.html"></head>
<body><article><h1>Raid report</h1><p>{text}</p>
<p>Analysts who follow the group said its media had been unusually quiet in the weeks before.</p>
</article></body></html>
"""


def _checks(tmp_path: Path, day: str, text: str) -> list[dict[str, Any]]:
    pages = tmp_path / "pages"
    pages.mkdir(parents=True)
    marsad = Marsad(tmp_path / "archive.db")
    (pages / "page.html").write_text(PAGE.format(day=day, text=text), encoding="utf-8")
    assert marsad("ingest", str(pages)).exit_code == 0
    result = marsad("check", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if '"page_date_before_content"' in line]


SAID = "A senior commander of the group was killed in a raid near Idlib on 20 April 2019, officials said."


@pytest.mark.parametrize(
    ("day", "text", "flagged"),
    [
        ("2019/03/01", SAID, True),
        ("2019/04/25", SAID, False),  # twin: the page written after the raid
        ("2019/03/01", "The trial of the cell's members will open in Paris on 20 April 2019, officials said.", False),
        ("2019/04/20", SAID, False),  # the same day
        ("2019/03/01", "The page was last updated on 20 April 2019 after the raid was reported.", False),
    ],
)
def test_a_url_date_before_what_the_page_reports_as_done(tmp_path: Path, day: str, text: str, flagged: bool) -> None:
    found = _checks(tmp_path, day, text)
    assert bool(found) is flagged, found
    if flagged:
        (finding,) = found
        assert finding["detail"]["content_date"] == "2019-04-20" and finding["detail"]["page_date"] == "2019-03-01"
        assert finding["evidence"][0]["text"] == "20 April 2019"
        assert any(s["reference"] == f"https://news.example.org/{day}/raid-report.html" for s in finding["sides"])
