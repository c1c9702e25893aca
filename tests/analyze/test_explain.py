"""`marsad check --explain ID`: every finding carries its id, what was stated, what is expected, the evidence of
each side with its source, its check and confidence; one is found again by a prefix of its id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.analyze.explain import find_finding
from marsad.analyze.finding import STATED, Finding
from marsad.analyze.timeline import Source
from marsad.errors import NotFoundError
from tests.analyze import scenario
from tests.conftest import Marsad


@pytest.fixture
def seeded(marsad: Marsad, tmp_path: Path) -> Marsad:
    assert marsad("ingest", str(scenario.write(tmp_path / "notes", seeded=True))).exit_code == 0
    return marsad


def _findings(m: Marsad) -> list[dict[str, Any]]:
    result = m("check", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_finding_carries_what_explain_prints(seeded: Marsad) -> None:
    found = _findings(seeded)
    assert {f["check"] for f in found} >= {check for _, check in scenario.SEEDED.values()}
    for f in found:
        assert len(f["id"]) == 64 and 0 < f["confidence"] <= 1 and f["stated"], f
        stated = [s for s in f["sides"] if s["role"] == STATED]
        assert stated or f["check"] == "series_gap", f  # a gap: nothing stated, the issues beside it shown
        assert all(s["sources"] for s in f["sides"] if not s["reference"]), f  # each side quoted or on record
        assert any(s["role"] != STATED for s in f["sides"]) or f["expected"] is None, f
    assert len({f["id"] for f in found}) == len(found)
    assert [f["id"] for f in _findings(seeded)] == [f["id"] for f in found]  # the same ids run after run


def test_explain_by_a_prefix_prints_both_sides_and_their_sources(seeded: Marsad) -> None:
    table = seeded("check", "--no-store").stdout
    (year,) = [f for f in _findings(seeded) if f["check"] == "series_cadence"]
    assert year["id"][:12] in table  # the table lists the prefix --explain takes
    result = seeded("check", "--explain", year["id"][:10])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "check:      series_cadence" in out and "confidence: 0.80" in out
    assert "stated:     al-Naba 412 dated 2024-10-12" in out and "expected:   2023-10-12" in out
    assert "s1-year.md" in out and "«al-Naba issue 412 to 12 October 2024»" in out
    assert "record: watchlist: every 7 days" in out  # what supports the expected side
    assert "why:" in out
    as_json = json.loads(seeded("check", "--explain", year["id"][:10], "-f", "json").stdout)
    assert as_json[0]["id"] == year["id"]


def test_explain_by_the_stored_fact_id(seeded: Marsad) -> None:
    assert seeded("check").exit_code == 0  # stores the findings as inconsistency facts
    facts = [json.loads(x) for x in seeded("facts", "--kind", "inconsistency", "-f", "jsonl").stdout.splitlines()]
    stored = next(f for f in facts if f["extractor"].startswith("check/"))
    result = seeded("check", "--explain", stored["id"][:16])
    assert result.exit_code == 0, result.output
    assert f"finding {stored['detail']['finding']}" in result.stdout


def test_an_unknown_or_ambiguous_id_is_a_clear_error(seeded: Marsad) -> None:
    result = seeded("check", "--explain", "ffffffffffff")
    assert result.exit_code == 1 and "no finding" in result.output and "marsad check" in result.output
    assert "at least 4" in seeded("check", "--explain", "ab").output


def _finding(text: str) -> Finding:
    return Finding("c", text, "r", [Source("d" * 64, "n.md", None, None, text, 0, len(text), None, None, "f", 1.0)])


def test_a_prefix_two_findings_share_is_ambiguous() -> None:
    findings = [_finding(f"text {n}") for n in range(1000)]  # ids are deterministic: these share 4-prefixes
    by_prefix: dict[str, list[Finding]] = {}
    for f in findings:
        by_prefix.setdefault(f.id[:4], []).append(f)
    shared = next(p for p, group in by_prefix.items() if len(group) > 1)
    with pytest.raises(NotFoundError, match="ambiguous"):
        find_finding(findings, shared)
    assert find_finding(findings, findings[0].id[:12]).id == findings[0].id
