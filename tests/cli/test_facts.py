"""Facts through the CLI: ingest extracts, `facts` prints the contract, `extract` is idempotent."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.store import open_store
from tests.conftest import SAMPLE, Marsad

CONTRACT_KEYS = {
    "id",
    "kind",
    "document",
    "text",
    "start",
    "end",
    "date",
    "date_end",
    "precision",
    "calendar",
    "hijri",
    "actor",
    "entity_id",
    "series",
    "issue",
    "title",
    "predicate",
    "roles",
    "dates",
    "modality",
    "extractor",
    "confidence",
    "detail",
}


def _facts(marsad: Marsad, *args: str) -> list[dict[str, object]]:
    result = marsad("facts", "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_extracts_dates_in_the_contract(marsad: Marsad) -> None:
    assert marsad("ingest", str(SAMPLE)).exit_code == 0
    facts = _facts(marsad, "--kind", "date")
    assert facts and all(set(f) == CONTRACT_KEYS for f in facts)
    by_text = {(Path(str(f["document"]["source"])).name, f["text"]): f for f in facts}  # type: ignore[index]
    dual = by_text[("spokesman-hijri-ar.md", "يوم الخميس ٢٢ جمادى الآخرة ١٤٤٥ هـ الموافق ٤ كانون الثاني/يناير ٢٠٢٤ م")]
    assert dual["date"] == "2024-01-04" and dual["hijri"] == "1445-06-22" and dual["extractor"] == "dates/2.5"
    issue = by_text[("naba-413.md", "Thursday 19 October 2023")]
    assert issue["date"] == "2023-10-19" and issue["precision"] == "day" and issue["calendar"] == "gregorian"
    assert issue["detail"]["weekday_matches"] is True  # type: ignore[index]
    interval = by_text[("spokesman-first-statement.md", "89 days after 7 October 2023")]
    assert interval["date"] == "2024-01-04" and interval["detail"]["anchor_date"] == "2023-10-07"  # type: ignore[index]


def test_evidence_offsets_point_at_the_text(marsad: Marsad) -> None:
    marsad("ingest", str(SAMPLE))
    store = open_store(marsad.where)
    for fact in _facts(marsad):
        doc = store.get_document(str(fact["document"]["id"]))  # type: ignore[index]
        assert doc.text[int(fact["start"]) : int(fact["end"])] == fact["text"]  # type: ignore[call-overload]
    store.close()


def test_filters_and_table(marsad: Marsad) -> None:
    marsad("ingest", str(SAMPLE))
    everything = _facts(marsad)
    one_doc = str(everything[0]["document"]["id"])  # type: ignore[index]
    only = _facts(marsad, "--document", one_doc[:8])
    assert only and all(f["document"]["id"] == one_doc for f in only)  # type: ignore[index]
    table = marsad("facts", "--kind", "date")
    assert table.exit_code == 0 and "2024-01-04" in table.stdout
    actors = marsad("facts", "--kind", "actor", "-f", "csv").stdout
    assert "Abu Hudhayfa al-Ansari" in actors and "actor,issue,title" in actors.splitlines()[0]


def test_extract_is_idempotent_and_force_redoes(marsad: Marsad) -> None:
    marsad("ingest", str(SAMPLE))
    before = _facts(marsad)
    again = marsad("extract")
    assert again.exit_code == 0 and "extracted 0 documents" in again.stdout and "25 up to date" in again.stdout
    forced = marsad("extract", "--force")
    assert "extracted 25 documents" in forced.stdout
    assert _facts(marsad) == before  # same ids, same facts: nothing duplicated


def test_a_document_with_an_inconsistent_dual_date(tmp_path: Path, marsad: Marsad) -> None:
    note = tmp_path / "note.md"
    note.write_text("The poster is dated 2 Muharram 1437 / 15 October 2016 in the corner.", encoding="utf-8")
    marsad("ingest", str(note))
    (problem,) = _facts(marsad, "--kind", "inconsistency")
    assert problem["text"] == "2 Muharram 1437 / 15 October 2016"
    assert problem["detail"]["hijri_as_gregorian"] == "2015-10-15"  # type: ignore[index]


def test_archive_now_extract_later(marsad: Marsad) -> None:
    assert marsad("ingest", "--no-extract", str(SAMPLE)).exit_code == 0
    assert _facts(marsad) == []
    result = marsad("extract")
    assert "extracted 25 documents" in result.stdout
    assert len(_facts(marsad, "--kind", "date")) >= 40


def test_filter_by_actor_series_and_topic_in_any_spelling(marsad: Marsad) -> None:
    marsad("ingest", str(SAMPLE))
    latin = _facts(marsad, "--actor", "Abu Huthaifa al-Ansary")
    arabic = _facts(marsad, "--actor", "أبي حذيفة الأنصاري")
    assert latin == arabic and len(latin) >= 5
    assert {f["actor"] for f in latin} == {"Abu Hudhayfa al-Ansari"}
    assert {"Abu Ḥudhayfah al-Ansari", "أبي حذيفة الأنصاري"} <= {str(f["text"]) for f in latin}
    issues = _facts(marsad, "--series", "al-Naba", "--kind", "publication_issue")
    assert {413, 412, 169} <= {f["issue"] for f in issues}
    assert _facts(marsad, "--topic", "غزة") == _facts(marsad, "--topic", "Gaza")
    missing = marsad("facts", "--actor", "nobody at all")
    assert missing.exit_code == 1 and "not in the watchlist" in missing.stderr
