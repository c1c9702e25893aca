"""The commands as a user runs them: output formats, the environment, exit codes, docs that match."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.settings import SETTINGS, parse_size
from tests.conftest import SAMPLE, Marsad

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def loaded(marsad: Marsad) -> Marsad:
    assert marsad("ingest", str(SAMPLE)).exit_code == 0
    return marsad


def test_run_on_the_bundled_sample(marsad: Marsad, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = marsad("run", "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "ingested 25, already archived 0, failed 0" in result.stdout
    # the seeded year error, the answers of the scenario, and the report
    assert "series_cadence" in result.stdout and "sources_disagree" in result.stdout
    findings = [json.loads(x) for x in marsad("facts", "--kind", "inconsistency", "-f", "jsonl").stdout.splitlines()]
    cadence = [f for f in findings if f["detail"].get("check") == "series_cadence"]
    assert {(f["issue"], f["date"], f["detail"]["expected"]) for f in cadence} == {(412, "2024-10-12", "2023-10-12")}
    assert re.search(
        r"first mention of Gaza by Islamic State and its people \(\d+\): 2024-01-04 by Abu Hudhayfa", result.stdout
    )
    assert "Gaza in al-Naba 411-416: never mentioned in 411, 412, 413; mentioned in 416; not archived: 414, 415" in (
        result.stdout
    )
    assert "-> first statement on Gaza by Islamic State: 89 days" in result.stdout
    assert report.is_file() and "<svg" in report.read_text(encoding="utf-8")
    assert "search: Ḥudhayfah  (3 documents)" in result.stdout
    assert "search: صحيفة النبأ  (3 documents)" in result.stdout


def test_search_formats(loaded: Marsad) -> None:
    rows = [json.loads(line) for line in loaded("search", "حذيفة", "-f", "jsonl").stdout.splitlines()]
    assert {Path(r["source"]).name for r in rows} == {
        "spokesman-hijri-ar.md",
        "weekly-digest-cp1256.txt",
        "collection.jsonl",
    }
    assert all(len(r["id"]) == 64 and "**" in r["snippet"] for r in rows)
    parsed = list(csv.DictReader(io.StringIO(loaded("search", "Hudhayfah", "-f", "csv").stdout)))
    assert parsed and set(parsed[0]) >= {"id", "source", "date", "language", "snippet"}
    as_json = json.loads(loaded("search", "Hudhayfah", "-f", "json").stdout)
    assert [r["id"] for r in as_json] == [r["id"] for r in parsed]
    table = loaded("search", "cadence")
    assert table.exit_code == 0 and "snippet" in table.stdout
    assert "2 matching documents; showing 1-2" in table.stderr


def test_search_with_no_words_is_a_usage_error(loaded: Marsad) -> None:
    result = loaded("search", "--", "!!! ---")
    assert result.exit_code == 2 and "nothing to search for" in result.stderr


def test_show_by_prefix_with_provenance(loaded: Marsad) -> None:
    hit = json.loads(loaded("search", "89 days late", "-f", "jsonl").stdout.splitlines()[0])
    shown = loaded("show", hit["id"][:8])
    assert shown.exit_code == 0
    assert "url: https://observatory.example.org/notes/2024/01/05/spokesman-gaza-statement" in shown.stdout
    assert "published: 2024-01-05 (meta:article:published_time: 2024-01-05T09:30:00+00:00)" in shown.stdout
    data = json.loads(loaded("show", hit["id"], "-f", "json").stdout)
    assert data["languages"] == ["en"] and data["media_type"] == "text/html"
    original = loaded("show", hit["id"], "--original")
    assert original.stdout_bytes == (SAMPLE / "pages" / "observer-2024-01-05.html").read_bytes()


def test_show_unknown_id(loaded: Marsad) -> None:
    result = loaded("show", "ffffffff")
    assert result.exit_code == 1 and "no document with id 'ffffffff'" in result.stderr


def test_show_a_telegram_message_names_its_export(loaded: Marsad) -> None:
    hit = json.loads(loaded("search", "Monitoring alert", "-f", "jsonl").stdout.splitlines()[0])
    shown = loaded("show", hit["id"]).stdout
    assert "channel: Observatory Monitor" in shown and "parent: " in shown and "author: Desk A" in shown


def test_stats_formats(loaded: Marsad) -> None:
    rows = [json.loads(line) for line in loaded("stats", "-f", "jsonl").stdout.splitlines()]
    by = {(r["group"], r["key"]): r["count"] for r in rows}
    assert by[("total", "documents")] == 25
    assert by[("media type", "text/x-telegram-message")] == 4
    assert by[("media type", "application/pdf")] == 1
    assert by[("language", "ar")] >= 5 and by[("language", "en")] >= 10
    assert by[("source", "telegram:Observatory Monitor")] == 4


def test_db_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    note = tmp_path / "n.txt"
    note.write_text("A note on the weekly newsletter.")
    result = CliRunner().invoke(cli, ["ingest", str(note)], env={"MARSAD_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_bad_db_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite at all" * 200)
    result = CliRunner().invoke(cli, ["--db", str(bad), "stats"])
    assert result.exit_code == 1 and f"{bad}: cannot open the archive" in result.stderr


@pytest.mark.parametrize(
    ("text", "size"), [("200MB", 200_000_000), ("1.5GB", 1_500_000_000), ("4096", 4096), ("2MiB", 2 * 2**20)]
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_every_command_and_setting_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name in cli.commands:
        assert re.search(rf"marsad (--db \S+ )?{name}\b", readme), f"command {name!r} is not documented"
    for s in SETTINGS:
        assert s.env in readme, f"setting {s.env} is not documented"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = README.read_text(encoding="utf-8")
    commands = re.findall(r"^(python3 -m venv .+)$", readme, flags=re.M)
    assert len(commands) == 2, commands
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
