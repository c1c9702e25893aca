"""`marsad export timesketch`: every line has datetime, timestamp_desc and message; partial dates say so."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tests.conftest import Marsad


def lines(marsad: Marsad, *args: str) -> list[dict[str, Any]]:
    result = marsad("export", "timesketch", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("timesketch: ")
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_required_fields_sorted_and_identical_twice(sample: Marsad) -> None:
    first = sample("export", "timesketch").stdout
    assert first == sample("export", "timesketch").stdout
    rows = lines(sample)
    assert rows and all({"datetime", "timestamp_desc", "message"} <= set(r) for r in rows)
    assert all(dt.datetime.fromisoformat(r["datetime"]).tzinfo is not None for r in rows)
    assert [r["datetime"] for r in rows] == sorted(r["datetime"] for r in rows)
    descs = {r["timestamp_desc"] for r in rows}
    assert {"Statement date", "Issue published", "Campaign dated", "Document published"} <= descs


def test_a_month_precision_fact_says_so(sample: Marsad) -> None:
    rows = lines(sample)
    campaign = next(r for r in rows if r["kind"] == "campaign" and r["precision"] == "month")
    assert campaign["date"] == "2024-01" and campaign["datetime"] == "2024-01-01T00:00:00+00:00"
    assert campaign["message"].startswith("[month precision: 2024-01] campaign ")
    week = next(r for r in rows if r["precision"] == "week")
    assert week["message"].startswith(f"[week precision: {week['date']} .. {week['date_end']}]")
    day = next(r for r in rows if r["kind"] == "statement" and r["date"] == "2024-01-04")
    assert day["precision"] == "day" and not day["message"].startswith("[")
    assert day["actor"] and day["message"].startswith(day["actor"]) and day["evidence"] in day["message"]


def test_kinds_and_documents_options(marsad: Marsad, tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Nothing happened in 2019, and a little in March 2021.\n", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.txt")).exit_code == 0
    assert lines(marsad, "--no-documents") == []
    dates = {r["date"]: r for r in lines(marsad, "--kind", "date", "--no-documents")}
    assert dates["2019"]["message"].startswith("[year precision: 2019] ")
    assert dates["2019"]["datetime"] == "2019-01-01T00:00:00+00:00"
    assert dates["2021-03"]["message"].startswith("[month precision: 2021-03] ")
