"""The notebook API end to end: marsad.open and the same answers the CLI gives."""

from __future__ import annotations

import json

import pytest

import marsad
from marsad.errors import StoreError
from tests.conftest import SAMPLE, Marsad


def test_open_and_ask_like_a_notebook(marsad: Marsad) -> None:
    assert marsad("ingest", str(SAMPLE)).exit_code == 0
    with marsad_open(marsad) as archive:
        assert archive.search("Gaza").total > 0
        facts = list(archive.facts(kind="date"))
        assert facts and all(f["kind"] == "date" for f in facts)
        rows = archive.timeline(actor="Abu Hudhayfa al-Ansari")
        cli = json.loads(marsad("timeline", "--actor", "Abu Hudhayfa al-Ansari", "-f", "json").stdout)
        assert [r.as_dict() for r in rows] == cli
        first = archive.first_mention("Gaza", series="al-Naba")
        said = marsad("first-mention", "Gaza", "--series", "al-Naba", "-f", "json").stdout
        assert first.as_dict() == json.loads(said)[0]
        gap = archive.absence("Gaza", "al-Naba", 411, 416)
        assert gap.missing == [414, 415]
        findings = archive.check()
        assert len(findings) == len(json.loads(marsad("check", "--no-store", "-f", "json").stdout))
        answer = archive.latency("2023-10-07", "Islamic State", "Gaza")
        assert answer.days is not None and answer.days > 0


def marsad_open(marsad_cli: Marsad) -> marsad.api.Archive:
    return marsad.open(marsad_cli.where)


def test_open_refuses_a_missing_archive(tmp_path: object) -> None:
    with pytest.raises(StoreError, match="no archive"):
        marsad.open(f"{tmp_path}/none.db")
