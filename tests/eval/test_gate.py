"""The extraction-quality gate: CI fails when a scored figure falls below its pinned floor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.eval.score_dates import DEV, figures

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    return figures()


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("figure", ["precision", "recall", "value_accuracy"])
def test_written_notes_per_language(measured: dict[str, Any], lang: str, figure: str) -> None:
    assert measured["written"][lang][figure] >= FLOORS["written"][lang][figure]


def test_every_form_in_the_written_notes(measured: dict[str, Any]) -> None:
    forms = measured["written_forms"]
    assert len(forms) >= 15
    low = {f: v for f, v in forms.items() if (v["recall"] or 0) < FLOORS["written_forms_recall"]}
    wrong = {f: v for f, v in forms.items() if (v["value_accuracy"] or 0) < FLOORS["written_forms_value_accuracy"]}
    assert low == {} and wrong == {}


def test_checks_fire_where_seeded_and_nowhere_else(measured: dict[str, Any]) -> None:
    checks = measured["written_checks"]
    assert checks["found"] >= FLOORS["written_checks"]["found"]
    assert checks["spurious"] <= FLOORS["written_checks"]["spurious"]


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside this checkout")
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("figure", ["recall", "value_accuracy"])
def test_real_pages_per_language(measured: dict[str, Any], lang: str, figure: str) -> None:
    assert measured["dev"][lang][figure] >= FLOORS["dev"][lang][figure]


def test_written_corpus_is_large_enough() -> None:
    lines = (Path(__file__).with_name("dates_corpus.jsonl")).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 40
    assert {r["lang"] for r in records} == {"en", "ar"}
    for r in records:  # every annotation quotes the document exactly once, so spans are unambiguous
        for d in r["dates"]:
            assert r["text"].count(d["text"]) == 1, (r["id"], d["text"])
