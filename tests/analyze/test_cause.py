"""A cause dated after the effect it is said to explain, beside twins whose order holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Marsad


def _cause_findings(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    notes = tmp_path / "notes"
    notes.mkdir(parents=True)
    (notes / "note.md").write_text(f"# Note\n\n{text}\n", encoding="utf-8")
    marsad = Marsad(tmp_path / "archive.db")
    assert marsad("ingest", str(notes)).exit_code == 0
    found = [json.loads(line) for line in marsad("check", "-f", "jsonl").stdout.splitlines()]
    return [f for f in found if f["check"] == "cause_after_effect"]


def test_a_cause_after_its_effect(tmp_path: Path) -> None:
    text = (
        "In July 2014 the group launched an English magazine. Observers said this was due to the "
        "capture of Mosul in June 2015."
    )
    (finding,) = _cause_findings(tmp_path, text)
    assert finding["detail"] == {"effect_date": "2014-07", "cause_date": "2015-06"}
    assert [e["text"] for e in finding["evidence"]] == ["June 2015", "July 2014"]


@pytest.mark.parametrize(
    "text",
    [  # the twin: the cause comes first
        "In July 2014 the group launched an English magazine. Observers said this was due to the "
        "capture of Mosul in June 2014.",
        # the same month: the order cannot be told
        "In June 2014 the group launched an English magazine. Observers said this was due to the "
        "capture of Mosul in June 2014.",
        # no pointing back: the later date is not given as the cause
        "In July 2014 the group launched an English magazine. It was still published in June 2015.",
    ],
)
def test_an_order_that_holds_raises_nothing(tmp_path: Path, text: str) -> None:
    assert _cause_findings(tmp_path, text) == []
