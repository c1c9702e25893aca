"""One page giving an issue's cover date and its late release, and naming the delay, is no dispute."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.analyze.explained import _DELAY
from marsad.text.fold import fold
from tests.conftest import Marsad

SERIES = "entities:\n- type: series\n  name: Monthly Review\n"


@pytest.mark.parametrize(
    ("text", "disputed"),
    [
        (
            "Monthly Review issue 6 is dated March 2021. Issue 6 of Monthly Review was released on 2 September 2021.",
            True,
        ),
        (
            "Monthly Review issue 6 is dated March 2021. Issue 6 of Monthly Review was released on 2 September 2021, "
            "after a delay of six months that the page puts down to the loss of its editor.",
            False,
        ),
    ],
)
def test_a_named_delay_explains_the_gap(marsad: Marsad, tmp_path: Path, text: str, disputed: bool) -> None:
    watchlist = tmp_path / "mine.yaml"
    watchlist.write_text(SERIES, encoding="utf-8")
    assert marsad("kb", "add", str(watchlist)).exit_code == 0
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "review.md").write_text(f"# Review\n\n{text}\n", encoding="utf-8")
    assert marsad("ingest", str(notes)).exit_code == 0
    found = [json.loads(line) for line in marsad("check", "-f", "jsonl").stdout.splitlines()]
    assert any(f["check"] == "sources_disagree" for f in found) is disputed, found


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("صدر العدد بعد تأخّر دام ستة أشهر", True),
        ("بسبب تأخير الطباعة", True),
        ("the delayed issue", True),
        ("it came out two weeks later", False),
        ("later that month", False),
    ],
)
def test_delay_words(text: str, named: bool) -> None:
    assert bool(_DELAY.search(fold(text).lower())) is named


MONTHLY = SERIES + "  cadence:\n    every_days: 30\n    anchor_issue: 6\n    anchor_date: '2021-03-01'\n"


@pytest.mark.parametrize("watchlist_text", [SERIES, MONTHLY], ids=["no cadence", "a cadence"])
@pytest.mark.parametrize(
    ("text", "disputed"),
    [
        (  # consistent twin of the one below: no delay named, the two dates are a dispute
            "Monthly Review issue 6 is dated March 2021. Issue 6 of Monthly Review was released on 2 September 2021.",
            True,
        ),
        (
            "Monthly Review issue 6 is dated March 2021. Issue 6 of Monthly Review was released on 2 September 2021, "
            "after a delay of six months that the page puts down to the loss of its editor.",
            False,
        ),
    ],
)
def test_timeline_and_check_agree_on_an_explained_gap(
    marsad: Marsad, tmp_path: Path, watchlist_text: str, text: str, disputed: bool
) -> None:
    watchlist = tmp_path / "mine.yaml"
    watchlist.write_text(watchlist_text, encoding="utf-8")
    assert marsad("kb", "add", str(watchlist)).exit_code == 0
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "review.md").write_text(f"# Review\n\n{text}\n", encoding="utf-8")
    assert marsad("ingest", str(notes)).exit_code == 0
    found = [json.loads(line) for line in marsad("check", "-f", "jsonl").stdout.splitlines()]
    assert any(f["check"] == "sources_disagree" for f in found) is disputed, found
    if not disputed:
        assert found == []  # nor is the late release off the cadence: the page says why
    (row,) = [
        json.loads(x) for x in marsad("timeline", "--series", "Monthly Review", "-f", "jsonl").stdout.splitlines()
    ]
    assert row["disputed"] is disputed and set(row["dates"]) == {"2021-03", "2021-09-02"}
    assert (row["explained"] is not None) is (not disputed)
    assert not disputed or "delay" not in (row["explained"] or "")
    if not disputed:
        assert "delay of six months" in row["explained"]
    table = marsad("timeline", "--series", "Monthly Review").stdout
    assert ("explained:" in table) is (not disputed)
