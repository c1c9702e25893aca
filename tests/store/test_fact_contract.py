"""The typed fact (store.facts.Fact) is the facts contract: every store read gives exactly its keys, and what
`marsad facts --format jsonl` prints reads back (as_fact) as the same facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.store import open_store
from marsad.store.base import FactFilter
from marsad.store.facts import CONTRACT_KEYS, FactOfDocument, as_fact, dated, subject_of
from tests.conftest import Marsad

NOTE = (
    "# Note\n\nAnalyst note.\n\nAl-Naba issue 413 appeared on 19 October 2023. On 4 January 2024 the Islamic "
    "State's spokesman said in an audio statement that the group would widen its campaign. قال المتحدث باسم "
    "تنظيم الدولة في 4 يناير 2024 إن التنظيم سيوسع حملته.\n"
)


@pytest.fixture
def archive(marsad: Marsad, tmp_path: Path) -> Marsad:
    (tmp_path / "note.md").write_text(NOTE, encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    return marsad


def test_every_read_gives_the_contract_keys(archive: Marsad) -> None:
    store = open_store(archive.where, read_only=True)
    try:
        facts = list(store.iter_facts())
        assert len({f["kind"] for f in facts}) >= 4  # dates, actors, issues, statements: not one kind only
        assert all(tuple(f) == CONTRACT_KEYS for f in facts)
        selected = store.select_facts(FactFilter(("statement", "event", "publication_issue")))
        assert selected
        extra = set(FactOfDocument.__annotations__) - set(CONTRACT_KEYS)
        assert all(
            tuple(f)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS and set(f) - set(CONTRACT_KEYS) == extra for f in selected
        )
    finally:
        store.close()


def test_the_jsonl_contract_reads_back_as_the_same_facts(archive: Marsad) -> None:
    printed = archive("facts", "--format", "jsonl").output.splitlines()
    store = open_store(archive.where, read_only=True)
    try:
        read = [as_fact(json.loads(line)) for line in printed]
        assert sorted(read, key=lambda f: f["id"]) == sorted(store.iter_facts(), key=lambda f: f["id"])
    finally:
        store.close()
    with pytest.raises(ValueError, match="missing extractor, detail"):
        as_fact({k: v for k, v in read[0].items() if k not in ("detail", "extractor")})
    with pytest.raises(ValueError, match="missing document"):
        as_fact({**read[0], "document": "d" * 64})


def test_a_dated_read_of_an_undated_fact_says_so(archive: Marsad) -> None:
    store = open_store(archive.where, read_only=True)
    try:
        statement = next(f for f in store.iter_facts("statement") if f["date"])
        assert dated(statement) == statement["date"] and subject_of(statement) == statement["entity_id"]
        with pytest.raises(ValueError, match="has no date"):
            dated({**statement, "date": None})
        with pytest.raises(ValueError, match="names no entity"):
            subject_of({**statement, "entity_id": None})
    finally:
        store.close()
