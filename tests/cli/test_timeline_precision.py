"""The timeline narrowed to what is dated to a day, a month or a year (`marsad timeline --precision`, the web
timeline's `precision`): the same rows both ways, a corrected date counted at its corrected precision."""

from __future__ import annotations

import json
import re
from pathlib import Path

from starlette.testclient import TestClient

from marsad.store import open_store
from marsad.store.reviews import Review
from marsad.web.app import create_app
from marsad.web.config import WebConfig
from tests.conftest import Marsad

NOTE = (
    "# Note\n\nAnalyst note.\n\n"
    "On 4 January 2024 Abu Hudhayfa al-Ansari said the war in Gaza was a religious war.\n\n"
    "In August 2023 the Islamic State announced the death of its leader.\n\n"
    "In 2019 the Islamic State said it had lost its last town.\n"
)


def _whens(marsad: Marsad, *precisions: str) -> list[str]:
    args = [a for p in precisions for a in ("--precision", p)]
    result = marsad("timeline", "-f", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["date"] for line in result.output.splitlines()]


def test_the_timeline_keeps_the_rows_of_the_precisions_asked(marsad: Marsad, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "note.md").write_text(NOTE, encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "notes")).exit_code == 0
    assert _whens(marsad) == ["2019", "2023-08", "2024-01-04"]
    assert _whens(marsad, "day") == ["2024-01-04"]
    assert _whens(marsad, "month", "year") == ["2019", "2023-08"]
    assert _whens(marsad, "week") == []
    refused = marsad("timeline", "--precision", "fortnight")
    assert refused.exit_code == 2 and "fortnight" in refused.output

    with TestClient(create_app(WebConfig(db=marsad.where)), base_url="http://127.0.0.1:8765") as c:

        def shown(precision: str) -> list[str]:
            page = c.get("/timeline", params={"precision": precision})
            assert page.status_code == 200
            return re.findall(r'<td class="when">([^<]+)</td>', page.text)

        assert shown("") == ["2019", "2023-08", "2024-01-04"]
        assert shown("month") == ["2023-08"]
        assert '<option value="month" selected>' in c.get("/timeline", params={"precision": "month"}).text
        assert c.get("/timeline", params={"precision": "fortnight"}).status_code == 422

    store = open_store(marsad.where)  # the month corrected to a day: a day row now
    fact = next(f for f in store.iter_facts("statement") if f["date"] == "2023-08")
    doc, start, end = fact["document"]["id"], fact["start"], fact["end"]
    store.add_review(Review(doc, start, end, "statement", fact["id"], "correct", "date", "2023-08-20"))
    store.close()
    assert _whens(marsad, "day") == ["2023-08-20", "2024-01-04"]
    assert _whens(marsad, "month") == []
