"""Timeline, first mention, absence and latency on the scenario notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.analyze.dating import sort_key
from marsad.analyze.timeline import merge
from marsad.store import open_store
from marsad.store.facts import Fact
from marsad.store.reviews import review_of_fact
from tests.analyze import scenario
from tests.conftest import Marsad


@pytest.fixture
def archive(marsad: Marsad, tmp_path: Path) -> Marsad:
    assert marsad("ingest", str(scenario.write(tmp_path / "notes", seeded=True))).exit_code == 0
    return marsad


def _json(m: Marsad, *args: str) -> list[dict[str, Any]]:
    result = m(*args, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_first_mention_by_the_group_is_its_spokesman_on_4_january(archive: Marsad) -> None:
    (answer,) = _json(archive, "first-mention", "Gaza", "--actor", "Islamic State")
    assert answer["date"] == "2024-01-04" and answer["actor"] == "Abu Hudhayfa al-Ansari"
    assert "Gaza" in str(answer["evidence"]) or "غزة" in str(answer["evidence"])
    (arabic,) = _json(archive, "first-mention", "غزة", "--actor", "الدولة الإسلامية")  # asked in Arabic
    assert arabic["date"] == "2024-01-04"


def test_first_mention_in_a_series_says_what_is_not_archived(archive: Marsad) -> None:
    (answer,) = _json(archive, "first-mention", "Gaza", "--series", "al-Naba")
    assert answer["issue"] == 416 and answer["date"] == "2023-11-09"
    assert "414-415" in str(answer["note"])  # it may be earlier: those issues are not archived


def test_absence_separates_silent_issues_from_missing_ones(archive: Marsad) -> None:
    (answer,) = _json(archive, "absence", "Gaza", "--series", "النبأ", "--from-issue", "410", "--to-issue", "416")
    assert [d["issue"] for d in answer["no_mention"]] == [411, 412, 413]  # 413 is an Arabic card
    assert [d["issue"] for d in answer["mention"]] == [416]  # «غزة» in an Arabic card counts for "Gaza"
    assert answer["not_archived"] == [410, 414, 415]
    table = archive("absence", "Hamas", "--series", "al-Naba", "--from-issue", "411", "--to-issue", "413")
    assert "3 archived issues never mention it, 0 do, 0 are not archived" in table.stdout


def test_latency_is_89_days_with_both_ends(archive: Marsad) -> None:
    (by_name,) = _json(archive, "latency", "--event", "7 October attack", "--actor", "Islamic State", "--topic", "Gaza")
    assert by_name["days"] == 89 and by_name["response_date"] == "2024-01-04"
    assert by_name["responder"] == "Abu Hudhayfa al-Ansari" and by_name["response_evidence"]
    assert by_name["event_source"]["text"] == "7 October 2023"  # an archived text that states the day
    (by_date,) = _json(archive, "latency", "--event", "7 Oct 2023", "--actor", "Abu Hudhayfa al-Ansari")
    assert by_date["days"] == 89
    # the statement of 3 August 2023 is before the event, so it is not the response
    (later,) = _json(archive, "latency", "--event", "2023-08-01", "--actor", "Abu Hudhayfa al-Ansari")
    assert later["days"] == 2 and later["response_date"] == "2023-08-03"


def test_unknown_names_and_events_are_clear_errors(archive: Marsad) -> None:
    result = archive("latency", "--event", "the day after tomorrow", "--actor", "Islamic State")
    assert result.exit_code != 0 and "is neither a date nor a dated event of the watchlist" in result.stderr
    result = archive("first-mention", "Atlantis")
    assert result.exit_code != 0 and "'Atlantis' is not in the watchlist" in result.stderr


def test_timeline_merges_sources_and_keeps_disputed_dates(archive: Marsad) -> None:
    rows = _json(archive, "timeline", "--series", "al-Naba")
    by_issue = {r["issue"]: r for r in rows}
    assert by_issue[412]["disputed"] and by_issue[412]["date"] == "2023-10-12"  # the majority, the cadence's too
    assert set(by_issue[412]["dates"]) == {"2023-10-12", "2024-10-12"}
    assert by_issue[413]["documents"] >= 3 and not by_issue[413]["disputed"]  # notes, the Arabic card
    assert [r["issue"] for r in rows] == sorted(r["issue"] for r in rows)  # time order = issue order here
    assert all(r["evidence"] for r in rows)


def test_timeline_actor_and_date_range(archive: Marsad) -> None:
    rows = _json(archive, "timeline", "--actor", "Abu Hudhayfa al-Ansari")
    assert {r["date"] for r in rows} >= {"2023-08-03", "2024-01-04"}
    assert all(r["kind"] in ("statement", "event") for r in rows)
    january = _json(archive, "timeline", "--actor", "Abu Hudhayfa al-Ansari", "--from", "2024-01", "--to", "2024-01")
    assert {r["date"] for r in january} == {"2024-01-04"}
    merged = [r for r in january if "released" in r["what"]]
    assert merged and merged[0]["documents"] >= 1


def test_a_month_is_a_range_sorted_by_its_middle() -> None:
    assert sort_key("2023-10") > sort_key("2023-10-02")
    assert sort_key("2023-10") < sort_key("2023-10-30")
    assert sort_key("2023") > sort_key("2023-03-01")


def _fact(date: str, end: str | None, doc: str, precision: str) -> Fact:
    return {  # type: ignore[typeddict-item]  # the keys merge reads
        "id": doc + date, "kind": "statement", "document": {"id": doc, "source": doc, "url": None}, "text": "t",
        "start": 0, "end": 1, "date": date, "date_end": end, "precision": precision, "entity_id": "e1",
        "actor": "A", "series": None, "issue": None, "title": None, "confidence": 0.7, "detail": {"predicate": "said"},
    }  # fmt: skip


def test_a_coarse_statement_joins_the_one_dated_row_inside_it() -> None:
    rows = merge([_fact("2023-08-03", None, "d1", "day"), _fact("2023-08", None, "d2", "month")])
    assert len(rows) == 1 and rows[0].date == "2023-08-03" and not rows[0].disputed
    assert {s.doc_id for s in rows[0].sources} == {"d1", "d2"}
    two = merge(
        [
            _fact("2023-08-03", None, "d1", "day"),
            _fact("2023-08-20", None, "d3", "day"),
            _fact("2023-08", None, "d2", "month"),
        ]
    )
    assert len(two) == 3  # two statements in August: the month-only one cannot be placed


def test_a_huge_issue_range_is_a_clear_error(archive: Marsad) -> None:
    result = archive("absence", "Gaza", "--series", "al-Naba", "--from-issue", "1", "--to-issue", "9999999")
    assert result.exit_code == 2 and "a range of at most 100,000 issues" in result.stderr


def test_answers_on_an_empty_archive(marsad: Marsad, tmp_path: Path) -> None:
    open_store(marsad.where).close()  # an archive with nothing in it (a missing one is an error: tests/store)
    assert _json(marsad, "timeline") == [] and _json(marsad, "check") == []
    (nothing,) = _json(marsad, "first-mention", "Gaza")
    assert nothing["date"] is None and "no dated statement" in str(nothing["note"])
    out = tmp_path / "r.html"
    assert marsad("report", "-o", str(out)).exit_code == 0 and "Nothing dated yet" in out.read_text(encoding="utf-8")


def test_a_row_dated_only_by_its_pages_says_so() -> None:
    page_dated = _fact("2024-01-05", None, "d1", "day")
    page_dated["confidence"] = 0.5
    (row,) = merge([page_dated])
    assert row.page_dated and row.dating == "day, page date"
    (sure,) = merge([_fact("2024-01-04", None, "d2", "day")])
    assert not sure.page_dated and sure.dating == "day"


UNASSERTED_NOTES = {
    "u1-denied.md": (
        "# Denial\n\nAnalyst note, 12 December 2023.\n\nOn 10 December 2023 the Islamic State denied that Abu Hudhayfa"
        " al-Ansari had been killed in Gaza on 8 December 2023.\n"
    ),
    "u2-negated.md": (
        "# Silence\n\nAnalyst note, 20 November 2023.\n\nOn 16 November 2023 Abu Hudhayfa al-Ansari did not announce"
        " a campaign for Gaza in his speech.\n"
    ),
}


def test_what_is_not_asserted_stays_out_of_the_answers_unless_asked(marsad: Marsad, tmp_path: Path) -> None:
    """A negation, a denied or rumoured event are stored with their modality and never become a first mention, a
    latency's answer or a timeline row unless asked (`timeline --unasserted`); the denial itself is a statement."""
    notes = tmp_path / "u"
    notes.mkdir()
    for name, text in UNASSERTED_NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    assert marsad("ingest", str(notes)).exit_code == 0
    moods = {f["modality"] for f in _json(marsad, "facts", "--kind", "statement")} | {
        f["modality"] for f in _json(marsad, "facts", "--kind", "event")
    }
    assert {"negated", "denied"} <= moods
    (first,) = _json(marsad, "first-mention", "Gaza", "--actor", "Islamic State")
    # "did not announce a campaign for Gaza" (16 Nov) is no statement on Gaza; the denial (10 Dec) is one
    assert first["date"] == "2023-12-10"
    asserted = _json(marsad, "timeline")
    everything = _json(marsad, "timeline", "--unasserted")
    assert not any("killed" in r["what"] for r in asserted)
    assert any(r["what"].endswith("killed") for r in everything) and len(everything) > len(asserted)


def test_a_timeline_row_names_what_was_released(archive: Marsad) -> None:
    """ "Abu Hudhayfa al-Ansari: released audio", not only "released": the row names the work its sources give."""
    rows = _json(archive, "timeline", "--actor", "Abu Hudhayfa al-Ansari")
    spoke = [r for r in rows if r["date"] == "2024-01-04"]
    assert spoke and any("audio" in r["what"] or "speech" in r["what"] for r in spoke), [r["what"] for r in rows]


def _event(predicate: str, date: str, end: str | None, doc: str, precision: str, subject: str = "p1") -> Fact:
    return {  # type: ignore[typeddict-item]  # the keys merge reads
        "id": doc + date + predicate, "kind": "event", "document": {"id": doc, "source": doc, "url": None},
        "text": "t", "start": 0, "end": 1, "date": date, "date_end": end, "precision": precision,
        "entity_id": subject, "actor": "Abu X", "series": None, "issue": None, "title": None, "confidence": 0.7,
        "predicate": predicate, "detail": {"predicate": predicate},
    }  # fmt: skip


def test_a_death_is_one_row_across_sources_and_says_when_they_disagree() -> None:
    facts = [
        _event("killed", "2022-10-15", None, "d1", "day"),
        _event("killed", "2022-10-15", None, "d2", "day"),
        _event("died", "2022-11-30", None, "d3", "day"),
        _event("killed", "2022-10", None, "d4", "month"),
    ]
    (row,) = merge(facts, people={"p1"})
    assert row.what == "Abu X: died, killed" and row.date == "2022-10-15"  # the date most sources give
    assert {s.doc_id for s in row.sources} == {"d1", "d2", "d3", "d4"}
    assert row.disputed and set(row.dates) == {"2022-10", "2022-10-15", "2022-11-30"}
    # consistent twin: sources that differ only in precision are one undisputed row
    (twin,) = merge([_event("killed", "2022-10-15", None, "d1", "day"), _event("died", "2022-10", None, "d2", "month")],
                    people={"p1"})  # fmt: skip
    assert not twin.disputed and twin.date == "2022-10-15"
    # an organisation "killed" on two dates is two rows: it is not one event
    assert len(merge([_event("killed", "2022-10-15", None, "d1", "day", "g1"),
                      _event("killed", "2023-01-02", None, "d2", "day", "g1")], people={"p1"})) == 2  # fmt: skip


def _release(date: str, doc: str, title: str | None) -> Fact:
    fact = _fact(date, None, doc, "day")
    fact["roles"] = {"object": {"type": "audio", **({"title": title} if title else {})}}
    return fact


def test_a_titled_release_is_one_row_across_the_dates_sources_give_it() -> None:
    (row,) = merge([_release("2024-01-04", "d1", "Title A"), _release("2024-01-05", "d2", "«Title A»")])
    assert row.disputed and row.dates == {"2024-01-04": 1, "2024-01-05": 1}
    assert len(merge([_release("2024-01-04", "d1", "Title A"), _release("2024-03-05", "d2", "Title B")])) == 2
    assert len(merge([_release("2024-01-04", "d1", None), _release("2024-03-05", "d2", None)])) == 2
    # one page dating the work twice (released, then printed in the weekly) tells of two releases
    assert len(merge([_release("2024-01-04", "d1", "Title A"), _release("2024-01-06", "d1", "Title A")])) == 2


def test_absence_reads_what_pages_say_of_issues_not_archived(archive: Marsad, tmp_path: Path) -> None:
    notes = tmp_path / "reviews"
    notes.mkdir()
    (notes / "review-en.md").write_text(
        "Weekly review, 20 November 2023.\n\nIssue 414 of al-Naba did not mention Gaza at all, we noted.\n",
        encoding="utf-8",
    )
    (notes / "review-ar.md").write_text(
        "مراجعة أسبوعية.\n\nخصص العدد 415 من صحيفة النبأ افتتاحيته للحرب في غزة.\n", encoding="utf-8"
    )
    assert archive("ingest", str(notes)).exit_code == 0
    (answer,) = _json(archive, "absence", "Gaza", "--series", "al-Naba", "--from-issue", "410", "--to-issue", "416")
    silent = {d["issue"]: d["reported"] for d in answer["no_mention"]}
    mention = {d["issue"]: d["reported"] for d in answer["mention"]}
    assert silent == {411: False, 412: False, 413: False, 414: True}  # 414: a page says so, marked as reported
    assert mention == {415: True, 416: False}
    assert answer["not_archived"] == [410]  # no page says anything of 410
    table = archive("absence", "Gaza", "--series", "al-Naba", "--from-issue", "410", "--to-issue", "416")
    assert "no mention, a page reports" in table.stdout
    assert "2 of these as pages about the issues report" in table.stdout


def test_absence_and_first_mention_in_a_series_read_the_reviews(archive: Marsad, tmp_path: Path) -> None:
    """Issue 416's mention of Gaza rejected: 416 falls silent, no archived issue mentions it any more; a page's
    report of issue 415 corrected to issue 414 speaks of 414 instead."""
    notes = tmp_path / "reviews"
    notes.mkdir()
    (notes / "review-ar.md").write_text(
        "مراجعة أسبوعية.\n\nخصص العدد 415 من صحيفة النبأ افتتاحيته للحرب في غزة.\n", encoding="utf-8"
    )
    assert archive("ingest", str(notes)).exit_code == 0
    store = open_store(archive.where)
    (issue_416,) = [d["id"] for d in store.issue_documents() if str(d["issue"]) == "416"]
    gaza = [f for k in ("actor", "topic") for f in store.iter_facts(k, document=issue_416) if "غزة" in f["text"]]
    assert gaza  # the card's mention, before its review
    for f in gaza:
        store.add_review(review_of_fact(f, "reject", note="a place name in a list, not the war", reviewer="ana"))
    (reported,) = [f for f in store.iter_facts("publication_issue") if f["issue"] == 415]
    store.add_review(review_of_fact(reported, "correct", "issue", "414", note="the page means 414", reviewer="ana"))
    store.close()
    (answer,) = _json(archive, "absence", "Gaza", "--series", "al-Naba", "--from-issue", "410", "--to-issue", "416")
    assert [d["issue"] for d in answer["no_mention"]] == [411, 412, 413, 416]
    assert [(d["issue"], d["reported"]) for d in answer["mention"]] == [(414, True)]  # moved from 415
    assert answer["not_archived"] == [410, 415]
    (first,) = _json(archive, "first-mention", "Gaza", "--series", "al-Naba")
    assert first["issue"] is None and "none mentions it" in str(first["note"])
