"""The timeline uses the analyst's reviews: a rejected fact leaves its row, a corrected date moves it to the row of
that date, and the row says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.store import open_store
from marsad.store.facts import Fact
from marsad.store.reviews import review_of_fact
from tests.conftest import Marsad

NOTE = (
    "Al-Naba issue 412 appeared on 12 October 2024. Al-Naba issue 413 appeared on 19 October 2023. "
    "Al-Naba issue 414 appeared on 26 October 2023.\n"
)


def _rows(marsad: Marsad) -> list[dict[str, Any]]:
    result = marsad("timeline", "--series", "al-Naba", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_correction_moves_the_fact_and_a_rejection_removes_it(marsad: Marsad, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{NOTE}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    before = {r["issue"]: r["date"] for r in _rows(marsad)}
    assert before == {412: "2024-10-12", 413: "2023-10-19", 414: "2023-10-26"}
    store = open_store(marsad.where)
    facts = {f["issue"]: f for f in store.iter_facts("publication_issue")}
    store.add_review(review_of_fact(facts[412], "correct", "date", "2023-10-12", note="a year typo", reviewer="ana"))
    store.add_review(review_of_fact(facts[414], "reject", note="not this archive's issue", reviewer="ana"))
    store.close()
    rows = _rows(marsad)
    assert {r["issue"]: r["date"] for r in rows} == {412: "2023-10-12", 413: "2023-10-19"}
    (corrected,) = [r for r in rows if r["issue"] == 412]
    assert corrected["reviewed"] == [
        {
            "verdict": "correct",
            "field": "date",
            "value": "2023-10-12",
            "note": "a year typo",
            "reviewer": "ana",
            "at": corrected["reviewed"][0]["at"],
            "was": "2024-10-12",
        }
    ]


STATEMENTS = (
    "On 4 January 2024 Abu Hudhayfa al-Ansari said the war in Gaza was a religious war.\n\n"
    "On 10 January 2024 Abu Hudhayfa al-Ansari said again that Gaza was a religious war.\n"
)


def test_latency_and_first_mention_read_the_reviews(marsad: Marsad, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{STATEMENTS}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0

    def latency() -> Any:
        result = marsad(
            "latency", "--event", "2023-10-07", "--actor", "Abu Hudhayfa al-Ansari", "--topic", "Gaza", "-f", "json"
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)[0]["days"]

    def first() -> Any:
        result = marsad("first-mention", "Gaza", "--actor", "Abu Hudhayfa al-Ansari", "-f", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)[0]["date"]

    assert (latency(), first()) == (89, "2024-01-04")
    store = open_store(marsad.where)
    said = sorted((f for f in store.iter_facts("statement")), key=lambda f: f["date"] or "")
    store.add_review(review_of_fact(said[0], "reject", note="misread", reviewer="ana"))
    store.close()
    assert (latency(), first()) == (95, "2024-01-10")  # the rejected statement is no answer any more


def _actor_rows(marsad: Marsad, actor: str | None = None) -> list[dict[str, Any]]:
    result = marsad("timeline", *(("--actor", actor) if actor else ()), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_corrected_actor_moves_the_fact_to_that_actors_row(marsad: Marsad, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{STATEMENTS}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    assert [r["date"] for r in _actor_rows(marsad, "Abu Hudhayfa al-Ansari")] == ["2024-01-04", "2024-01-10"]
    assert _actor_rows(marsad, "Abu Umar al-Muhajir") == []
    store = open_store(marsad.where)
    said = sorted((f for f in store.iter_facts("statement")), key=lambda f: f["date"] or "")
    store.add_review(review_of_fact(said[0], "correct", "actor", "Abu Umar al-Muhajir", reviewer="ana"))
    store.close()
    assert [r["date"] for r in _actor_rows(marsad, "Abu Hudhayfa al-Ansari")] == ["2024-01-10"]  # no longer his
    (moved,) = _actor_rows(marsad, "Abu Umar al-Muhajir")  # the timeline of the actor named instead takes it in
    assert (moved["date"], moved["actor"], moved["sources"][0]["fact_id"]) == (
        "2024-01-04",
        "Abu Umar al-Muhajir",
        said[0]["id"],
    )
    assert moved["reviewed"][0]["field"] == "actor" and moved["reviewed"][0]["was"] == "Abu Hudhayfa al-Ansari"
    everyone = {(r["date"], r["actor"]) for r in _actor_rows(marsad) if r["kind"] == "statement"}
    assert everyone == {("2024-01-04", "Abu Umar al-Muhajir"), ("2024-01-10", "Abu Hudhayfa al-Ansari")}


def test_a_corrected_actor_the_watchlist_does_not_know_keeps_its_row_and_says_so(
    marsad: Marsad, tmp_path: Path
) -> None:
    """Twin: a name no entity has cannot be placed in a row of its own; the fact stays where it was, marked."""
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{STATEMENTS}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    before = [r["date"] for r in _actor_rows(marsad, "Abu Hudhayfa al-Ansari")]
    store = open_store(marsad.where)
    said = sorted((f for f in store.iter_facts("statement")), key=lambda f: f["date"] or "")
    store.add_review(review_of_fact(said[0], "correct", "actor", "Someone Unlisted", reviewer="ana"))
    store.close()
    after = _actor_rows(marsad, "Abu Hudhayfa al-Ansari")
    assert [r["date"] for r in after] == before
    (marked,) = [r for r in after if r["date"] == said[0]["date"]]
    assert marked["reviewed"][0]["field"] == "actor" and marked["reviewed"][0]["was"] == "Abu Hudhayfa al-Ansari"


def _check(marsad: Marsad) -> list[dict[str, Any]]:
    result = marsad("check", "-f", "jsonl")
    assert result.exit_code in (0, 1), result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_check_reads_the_reviews(marsad: Marsad, tmp_path: Path) -> None:
    """al-Naba 412 dated a year late is a cadence finding; the analyst corrects its date and it is gone, while a
    rejected issue no longer counts at all. Its twin: the same archive unreviewed still raises it."""
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{NOTE}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0

    def about_412() -> list[dict[str, Any]]:
        return [f for f in _check(marsad) if "412" in json.dumps(f, ensure_ascii=False)]

    assert about_412()  # the year typo, as extracted
    store = open_store(marsad.where)
    facts = {f["issue"]: f for f in store.iter_facts("publication_issue")}
    store.add_review(review_of_fact(facts[412], "correct", "date", "2023-10-12", note="a year typo", reviewer="ana"))
    store.close()
    assert about_412() == []  # checked as corrected: on the weekly cadence
    store = open_store(marsad.where)
    store.add_review(
        review_of_fact(facts[412], "correct", "date", "2025-01-01", note="second thoughts", reviewer="ana")
    )
    store.close()
    assert about_412()  # the review in force is the last: a date off the cadence again


ISSUES = [
    "Al-Naba issue 410 appeared on 5 October 2023. Al-Naba issue 411 appeared on 12 October 2023.\n",
    "Al-Naba issue 411 appeared on 12 October 2023. Al-Naba issue 412 appeared on 12 October 2024.\n",
    "Al-Naba issue 412 appeared on 19 October 2023. Al-Naba issue 413 appeared on 26 October 2023.\n",
    "Al-Naba issue 413 appeared on 26 October 2023. Al-Naba issue 414 appeared on 2 November 2023.\n",
]


def test_a_page_of_the_timeline_reads_only_its_rows_sources_and_keeps_every_count(
    marsad: Marsad, tmp_path: Path, monkeypatch: Any
) -> None:
    from marsad.analyze import timeline as module
    from marsad.cli.kb import archive_watchlist

    for n, text in enumerate(ISSUES):
        (tmp_path / f"note{n}.md").write_text(f"# Note {n}\n\nAnalyst note {n}.\n\n{text}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path)).exit_code == 0
    store = open_store(marsad.where)
    facts = list(store.iter_facts("publication_issue"))
    by_issue: dict[int, list[Fact]] = {}
    for f in facts:
        by_issue.setdefault(f["issue"], []).append(f)
    store.add_review(review_of_fact(by_issue[414][0], "reject", note="not this archive's", reviewer="ana"))
    store.add_review(review_of_fact(by_issue[411][0], "correct", "issue", "410", note="misread", reviewer="ana"))
    monkeypatch.setattr(module, "ONE_PASS_FACTS", 0)  # row by row, as an archive of many facts a row reads them
    monkeypatch.setattr(module, "ONE_PASS_PER_ROW", 0)
    wl = archive_watchlist(store)
    for reviewed in (False, True):
        whole = module.timeline(store, wl, reviewed=reviewed)
        assert any(r.dates_clash for r in whole)
        for asked in range(len(whole)):  # each row once the page's: read as the whole answer reads it
            paged = module.timeline(store, wl, reviewed=reviewed, sources_of=range(asked, asked + 1))
            assert [(r.what, r.mentions, r.dates, r.date, r.disputed) for r in paged] == [
                (r.what, r.mentions, r.dates, r.date, r.disputed) for r in whole
            ]
            for n, (p, w) in enumerate(zip(paged, whole, strict=True)):
                explained = w.dates_clash and w.mentions <= module.MAX_SOURCES  # disputed (412's two years)
                if n == asked or explained or w.kind != "publication_issue":  # or of a kind whose sources shape its
                    # row: read
                    assert p.sources_read and [vars(s) for s in p.sources] == [vars(s) for s in w.sources]
                else:
                    assert not p.sources_read and p.sources == [] and w.sources
            module.read_sources(paged, store)  # a later page of the same answer: read as the whole answer reads it
            assert [[vars(s) for s in r.sources] for r in paged] == [[vars(s) for s in r.sources] for r in whole]
            assert all(r.sources_read for r in paged)
    rows = {r.issue: r for r in module.timeline(store, wl, sources_of=range(0))}
    assert 414 not in rows or rows[414].mentions == len(by_issue[414]) - 1
    assert rows[410].mentions == len(by_issue[410]) + 1  # the corrected 411 counted in 410
    store.close()


def test_a_corrected_date_moves_the_fact_into_or_out_of_a_date_range(marsad: Marsad, tmp_path: Path) -> None:
    """A timeline of October 2023: issue 412's year corrected to 2023 brings it in (it was not counted before), and
    issue 414's date corrected to November takes it out (it was)."""
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{NOTE}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0

    def october() -> dict[int, str]:
        result = marsad("timeline", "--series", "al-Naba", "--from", "2023-10", "--to", "2023-10", "-f", "jsonl")
        assert result.exit_code == 0, result.output
        return {r["issue"]: r["date"] for r in map(json.loads, result.stdout.splitlines())}

    assert october() == {413: "2023-10-19", 414: "2023-10-26"}
    store = open_store(marsad.where)
    facts = {f["issue"]: f for f in store.iter_facts("publication_issue")}
    store.add_review(review_of_fact(facts[412], "correct", "date", "2023-10-12", note="a year typo", reviewer="ana"))
    store.add_review(review_of_fact(facts[414], "correct", "date", "2023-11-02", reviewer="ana"))
    store.close()
    assert october() == {412: "2023-10-12", 413: "2023-10-19"}
    assert {r["issue"]: r["date"] for r in _rows(marsad)} == {412: "2023-10-12", 413: "2023-10-19", 414: "2023-11-02"}


EARLY = (
    "On 1 October 2023 Abu Hudhayfa al-Ansari said that Gaza was a religious war.\n\n"
    "On 10 January 2024 Abu Hudhayfa al-Ansari said again that Gaza was a religious war.\n\n"
    "On 2 January 2024 Abu Umar al-Muhajir said that Gaza was a religious war.\n"
)


def test_latency_and_first_mention_take_in_a_fact_a_correction_moves_into_the_question(
    marsad: Marsad, tmp_path: Path
) -> None:
    """A statement dated before the event, corrected to a date after it, is the response; one of another actor,
    corrected to the actor asked about, is his first mention."""
    (tmp_path / "note.md").write_text(f"# Note\n\nAnalyst note.\n\n{EARLY}", encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0

    def answer(*args: str) -> Any:
        result = marsad(*args, "-f", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)[0]

    ansari = ("--actor", "Abu Hudhayfa al-Ansari")
    assert answer("latency", "--event", "2023-10-07", *ansari, "--topic", "Gaza")["days"] == 95
    assert answer("first-mention", "Gaza", *ansari)["date"] == "2023-10-01"
    store = open_store(marsad.where)
    said = {f["date"]: f for f in store.iter_facts("statement")}
    assert sorted(str(d) for d in said) == ["2023-10-01", "2024-01-02", "2024-01-10"]
    store.add_review(review_of_fact(said["2023-10-01"], "correct", "date", "2024-01-06", reviewer="ana"))
    store.add_review(review_of_fact(said["2024-01-02"], "correct", "actor", "Abu Hudhayfa al-Ansari", reviewer="ana"))
    store.close()
    assert answer("latency", "--event", "2023-10-07", *ansari, "--topic", "Gaza")["days"] == 87  # 2 January
    first = answer("first-mention", "Gaza", *ansari)
    assert first["date"] == "2024-01-02" and first["actor"] == "Abu Hudhayfa al-Ansari"
