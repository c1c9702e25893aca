"""The reviewed view reads facts as corrected, against the filter as corrected: a fact a correction moves out of the
asked dates is not read, one it moves in is, in select_facts, fact_groups and their sources alike."""

from __future__ import annotations

from pathlib import Path

from marsad.store import open_store
from marsad.store.base import FactFilter
from marsad.store.facts import subject_of
from marsad.store.reviews import review_of_fact
from tests.conftest import Marsad

NOTE = (
    "# Note\n\nAnalyst note.\n\nAl-Naba issue 412 appeared on 12 October 2024. Al-Naba issue 413 appeared on "
    "19 October 2023. Al-Naba issue 414 appeared on 26 October 2023.\n"
)
OCTOBER = FactFilter(("publication_issue",), date_from="2023-10", date_to="2023-10")


def test_a_correction_moves_a_fact_into_and_out_of_the_asked_dates(marsad: Marsad, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(NOTE, encoding="utf-8")
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    store = open_store(marsad.where)
    try:
        facts = {f["issue"]: f for f in store.iter_facts("publication_issue")}
        assert [f["issue"] for f in store.select_facts(OCTOBER)] == [413, 414]
        store.add_review(review_of_fact(facts[412], "correct", "date", "2023-10-12", reviewer="ana"))
        store.add_review(review_of_fact(facts[414], "correct", "date", "2023-11-02", reviewer="ana"))
        view = store.reviewed_view()
        assert [(f["issue"], f["date"]) for f in view.select_facts(OCTOBER)] == [
            (412, "2023-10-12"),
            (413, "2023-10-19"),
        ]
        assert [f["issue"] for f in view.select_facts(OCTOBER, limit=1)] == [412]
        groups = sorted((g[3], g[4], g[7]) for g in view.fact_groups(OCTOBER))
        assert groups == [("412", "2023-10-12", 1), ("413", "2023-10-19", 1)]
        (moved,) = [g for g in view.fact_groups(OCTOBER) if g[3] == "412"]
        (source,) = view.group_sources(moved, 5)
        assert source[7] == facts[412]["id"]  # the corrected fact is the row's evidence
        everything = FactFilter(("publication_issue",))
        assert sorted((g[3], g[4]) for g in view.fact_groups(everything)) == [
            ("412", "2023-10-12"), ("413", "2023-10-19"), ("414", "2023-11-02")
        ]  # fmt: skip
        assert [f["issue"] for f in store.select_facts(OCTOBER)] == [413, 414]  # the store itself reads as extracted
    finally:
        store.close()


def test_a_corrected_actor_moves_a_fact_between_the_asked_subjects(marsad: Marsad, tmp_path: Path) -> None:
    """iter_facts(subjects=) in the reviewed view: a mention a correction gives to another actor leaves the first
    one's facts and joins the other's (what the tenure check reads)."""
    (tmp_path / "note.md").write_text(
        "# Note\n\nAnalyst note.\n\nOn 4 January 2024 Abu Hudhayfa al-Ansari spoke. The Islamic State replied.\n",
        encoding="utf-8",
    )
    assert marsad("ingest", str(tmp_path / "note.md")).exit_code == 0
    store = open_store(marsad.where)
    try:
        actors = {f["actor"]: f for f in store.iter_facts("actor")}
        hudhayfa, state = actors["Abu Hudhayfa al-Ansari"], actors["Islamic State"]
        store.add_review(review_of_fact(state, "correct", "actor", "Abu Hudhayfa al-Ansari", reviewer="ana"))
        by_id = {"Abu Hudhayfa al-Ansari": hudhayfa["entity_id"]}
        view = store.reviewed_view(lambda name: by_id.get(name))
        assert [f["id"] for f in view.iter_facts("actor", subjects=[subject_of(state)])] == []
        moved = [f["id"] for f in view.iter_facts("actor", subjects=[subject_of(hudhayfa)])]
        assert moved == [hudhayfa["id"], state["id"]]
        assert [f["id"] for f in store.iter_facts("actor", subjects=[subject_of(state)])] == [state["id"]]
    finally:
        store.close()
