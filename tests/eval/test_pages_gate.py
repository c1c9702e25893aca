"""The gate of the hidden pages' scorers: the dev pages and MEANTIME news scored through the CLI by the shared
scorers, each figure held to its floor in floors.json (floors only rise)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.eval.score_pages import DEV, HERE, TIMEML, page_figures, timeml_figures, verdict_figures

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside this checkout")
needs_timeml = pytest.mark.skipif(not TIMEML.is_dir(), reason="../shared/eval/timeml is not beside this checkout")


@pytest.fixture(scope="module")
def pages() -> dict[str, Any]:
    return page_figures()


@pytest.fixture(scope="module")
def timeml() -> dict[str, Any]:
    return timeml_figures()


@needs_dev
@pytest.mark.parametrize("key", sorted(FLOORS["pages"]["recall"]))
def test_dev_pages_recall(pages: dict[str, Any], key: str) -> None:
    assert pages["recall"][key] >= FLOORS["pages"]["recall"][key], (key, pages["counts"][key])


@needs_dev
def test_dev_pages_dates_of_what_happened(pages: dict[str, Any]) -> None:
    """The issue's figure: dates of events, statements, issues and campaigns, and their value accuracy."""
    assert pages["dates_recall"] >= FLOORS["pages"]["dates_recall"], pages["dates_counts"]
    assert pages["date_value_accuracy"] >= FLOORS["pages"]["date_value_accuracy"]


@needs_timeml
def test_meantime_value_f1_and_precision(timeml: dict[str, Any]) -> None:
    marsad, baseline = timeml["marsad"], timeml["dateparser"]
    assert timeml["cli"]["problems"] == [] and timeml["cli"]["text_mismatches"] == 0
    assert marsad["value_f1"] >= FLOORS["timeml"]["value_f1"], marsad
    assert marsad["relaxed_p"] >= FLOORS["timeml"]["relaxed_p"], marsad
    assert marsad["value_f1"] > baseline["value_f1"]  # the baseline of the issue, scored in the same run


@needs_dev
def test_dates_read_by_hand(pages: dict[str, Any]) -> None:
    """Every date fact the dev pages yield was read and judged (verdicts_dates.jsonl); precision holds its floor
    and the verdicts cover what is extracted now (a changed output must be read again)."""
    got = verdict_figures(pages["facts_rows"], HERE / "verdicts_dates.jsonl", ("date", "inconsistency"), "dates")
    floor = FLOORS["verdicts"]["dates"]
    assert got["precision"] >= floor["precision"], got
    for lang, precision in got["by_lang"].items():
        assert precision >= floor["precision"], (lang, got)
    total = got["right"] + got["wrong"] + got["unsure"] + got["unjudged"]
    assert got["unjudged"] <= floor["unjudged_share"] * total, got


@needs_dev
def test_statements_and_events_read_by_hand(pages: dict[str, Any]) -> None:
    """Every statement and event the dev pages yield was read and judged (verdicts_statements.jsonl: actor,
    predicate, modality and date each right); fully-right precision holds its floor per kind and language, and the
    verdicts cover what is extracted now."""
    got = verdict_figures(pages["facts_rows"], HERE / "verdicts_statements.jsonl", ("statement", "event"), "statements")
    floor = FLOORS["verdicts"]["statements"]
    for kind, precision in got["by_kind"].items():
        assert precision >= floor["precision"][kind], (kind, got["by_kind"], got["counts_by_kind"])
    total = got["right"] + got["wrong"] + got["unsure"] + got["unjudged"]
    assert got["unjudged"] <= floor["unjudged_share"] * total, got
