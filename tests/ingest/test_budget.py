"""One document's extraction has a time budget: over it, the document is archived without facts and said, and
`marsad extract` extracts it later; nothing else in the batch waits or is lost."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from marsad.extract.budget import OverBudget, time_budget
from marsad.store import FactFilter, open_store
from tests.conftest import Marsad

NOTE = "On 4 January 2024 the Islamic State spokesman Abu Hudhayfa al-Ansari released an audio speech.\n"


def test_the_budget_stops_a_long_computation_and_not_a_short_one() -> None:
    with pytest.raises(OverBudget, match=r"longer than 0\.05 s"), time_budget(0.05):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass
    with time_budget(5):  # consistent twin: done well within it, nothing raised, the timer is off afterwards
        sum(range(1000))
    time.sleep(0.01)


def test_a_document_over_budget_is_archived_without_facts_and_extracted_later(
    marsad: Marsad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "big.txt").write_text(NOTE * 3000, encoding="utf-8")
    monkeypatch.setenv("MARSAD_EXTRACT_SECONDS", "0.01")
    monkeypatch.setenv("MARSAD_WORKERS", "0")
    result = marsad("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "big.txt: extraction skipped: over budget: extraction took longer than 0.01 s" in result.stderr
    store = open_store(marsad.where)
    try:
        assert store.stats().documents == 1
        assert store.select_facts(FactFilter(("statement", "date"), dated=False)) == []  # archived, no facts yet
    finally:
        store.close()
    monkeypatch.setenv("MARSAD_EXTRACT_SECONDS", "0")  # no limit
    assert marsad("extract").exit_code == 0
    facts = marsad("facts", "--kind", "statement", "-f", "jsonl")
    assert facts.exit_code == 0 and facts.stdout.count('"kind": "statement"') >= 3000


def test_a_bad_budget_is_one_clear_error(marsad: Marsad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(NOTE, encoding="utf-8")
    monkeypatch.setenv("MARSAD_EXTRACT_SECONDS", "soon")
    result = marsad("ingest", str(tmp_path / "a.txt"))
    assert result.exit_code != 0 and "MARSAD_EXTRACT_SECONDS" in result.stderr and "Traceback" not in result.output


def test_re_extraction_over_budget_keeps_the_facts_it_had(
    marsad: Marsad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "big.txt").write_text(NOTE * 3000, encoding="utf-8")
    monkeypatch.setenv("MARSAD_WORKERS", "0")
    assert marsad("ingest", str(tmp_path / "big.txt")).exit_code == 0
    before = marsad("facts", "--kind", "statement", "-f", "jsonl").stdout
    monkeypatch.setenv("MARSAD_EXTRACT_SECONDS", "0.01")
    result = marsad("extract", "--force")
    assert result.exit_code == 1 and "over budget" in result.stderr and "its facts are as before" in result.stderr
    assert marsad("facts", "--kind", "statement", "-f", "jsonl").stdout == before


def test_a_longer_document_has_a_budget_in_proportion(
    marsad: Marsad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The budget is MARSAD_EXTRACT_SECONDS for each SCALE_CHARS of a document: a long one is not cut for being
    long (a 300 MB text is 6 times a 50 MB one), a short one keeps the whole floor."""
    from marsad.extract import budget

    assert budget.budget_for(1000, 600) == 600 and budget.budget_for(300_000_000, 600) == 3600
    assert budget.budget_for(10**9, 0) == 0  # no limit stays none
    monkeypatch.setattr(budget, "SCALE_CHARS", 100)  # here: 0.01 s for each hundred characters
    (tmp_path / "big.txt").write_text(NOTE * 3000, encoding="utf-8")  # ~285,000 characters: a budget of ~28 s
    monkeypatch.setenv("MARSAD_EXTRACT_SECONDS", "0.01")  # the whole document's, as test_a_document_over_budget
    monkeypatch.setenv("MARSAD_WORKERS", "0")
    result = marsad("ingest", str(tmp_path / "big.txt"))
    assert result.exit_code == 0 and "over budget" not in result.output, result.output
    facts = marsad("facts", "--kind", "statement", "-f", "jsonl")
    assert facts.stdout.count('"kind": "statement"') >= 3000
