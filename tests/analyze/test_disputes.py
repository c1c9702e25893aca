"""A timeline row names the findings whose evidence is one of its facts (the stored ones of `marsad check`, and the
date extractor's own), in the table and in JSON; a correct archive's rows name none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.analyze.disputes import FindingRef, attach
from marsad.analyze.timeline import Row, Source
from tests.analyze import scenario
from tests.conftest import Marsad


def _jsonl(m: Marsad, *args: str) -> list[dict[str, Any]]:
    result = m(*args, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_row_names_the_findings_on_its_facts(marsad: Marsad, tmp_path: Path) -> None:
    assert marsad("ingest", str(scenario.write(tmp_path / "notes", seeded=True))).exit_code == 0
    found = {f["id"]: f for f in _jsonl(marsad, "check")}  # stores them
    rows = {r["issue"]: r for r in _jsonl(marsad, "timeline", "--series", "al-Naba")}
    on_412 = {f["check"]: f for f in rows[412]["findings"]}
    assert set(on_412) == {"series_cadence", "sources_disagree"}
    for f in on_412.values():
        assert f["summary"] == found[f["id"]]["summary"]  # the id --explain takes, the summary check lists
    assert [f["check"] for f in rows[413]["findings"]] == ["weekday_mismatch"]  # the extractor's, by its span
    assert rows[411]["findings"] == [] and rows[416]["findings"] == []
    table = marsad("timeline", "--series", "al-Naba").stdout
    assert on_412["series_cadence"]["id"][:12] in table and "findings" in table


def test_a_correct_archive_names_no_finding_on_any_row(marsad: Marsad, tmp_path: Path) -> None:
    assert marsad("ingest", str(scenario.write(tmp_path / "notes"))).exit_code == 0
    assert marsad("check").exit_code == 0
    rows = _jsonl(marsad, "timeline")
    assert rows and all(r["findings"] == [] and not r["disputed"] for r in rows)


def _row(*sources: Source) -> Row:
    return Row("publication_issue", "X 1", "2021-03-01", None, "day", "s", sources=list(sources), mentions=1)


def _source(fact: str, start: int, end: int) -> Source:
    return Source("d" * 64, "n.md", None, None, "t", start, end, "2021-03-01", None, fact, 0.9)


def test_attach_by_fact_or_by_an_overlapping_span() -> None:
    by_fact = FindingRef("a" * 64, "series_cadence", "off the cadence", frozenset({"f1"}))
    by_span = FindingRef("b" * 64, "weekday_mismatch", "the weekday", frozenset({"i1"}), (("d" * 64, 10, 20),))
    rows = [_row(_source("f1", 0, 5)), _row(_source("f2", 15, 30)), _row(_source("f3", 20, 30))]
    attach(rows, [by_fact, by_span])
    assert [[f["check"] for f in r.findings] for r in rows] == [["series_cadence"], ["weekday_mismatch"], []]


def test_a_row_names_the_finding_as_it_is_now_when_a_source_joins_the_side_that_holds(
    marsad: Marsad, tmp_path: Path
) -> None:
    """The flagged span is unchanged, but the finding's summary (its counts) is not: the stored fact follows it."""
    notes = scenario.write(tmp_path / "notes", seeded=True)
    assert marsad("ingest", str(notes)).exit_code == 0
    assert marsad("check").exit_code == 0
    more = tmp_path / "more"
    more.mkdir()
    (more / "n5.md").write_text("# Another note\n\nAl-Naba issue 412 came out on 12 October 2023.\n", encoding="utf-8")
    assert marsad("ingest", str(more)).exit_code == 0
    now = {f["id"] for f in _jsonl(marsad, "check") if f["check"] == "sources_disagree"}
    rows = {r["issue"]: r for r in _jsonl(marsad, "timeline", "--series", "al-Naba")}
    assert {f["id"] for f in rows[412]["findings"] if f["check"] == "sources_disagree"} == now
