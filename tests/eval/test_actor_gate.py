"""Actor mentions, publication issues and dated statements/events on the real dev pages, against floors."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from marsad.extract.actors import ActorExtractor
from marsad.extract.registry import run_extractors
from marsad.extract.series import SeriesExtractor
from tests.eval.score_aliases import UN_XML
from tests.eval.score_dates import DEV, dev_pages

FLOORS = {"en": 0.83, "ar": 1.0}  # measured 5/6 and 5/5; the English miss is a name not in the watchlist


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside this checkout")
def test_actor_mentions_on_real_pages() -> None:
    anns = [json.loads(line) for line in (DEV / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    wanted = [a for a in anns if a["kind"] == "actor_mention"]
    pages = dict(dev_pages())
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    ex = ActorExtractor()
    for ann in wanted:
        doc = pages[ann["doc"]]
        lang = doc.declared_language or "en"
        i = doc.text.find(ann["text_span"])
        assert i >= 0
        span = (i, i + len(ann["text_span"]))
        facts = [f for f in ex.extract(doc) if f.kind == "actor"]
        near = [f for f in facts if f.evidence[0].start < span[1] and span[0] < f.evidence[0].end]
        total[lang] += 1
        found[lang] += any(f.detail.get("actor") == ann["normalized"]["actor"] for f in near)
    for lang, floor in FLOORS.items():
        assert found[lang] / total[lang] >= floor, (lang, found[lang], total[lang])


ISSUE_FLOOR = 1.0  # measured 8/8: number and, where the page gives it, the date


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside this checkout")
def test_publication_issues_on_real_pages() -> None:
    anns = [json.loads(line) for line in (DEV / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    wanted = [a for a in anns if a["kind"] == "publication_issue"]
    pages = dict(dev_pages())
    ex = SeriesExtractor()
    found = right_date = 0
    for ann in wanted:
        doc = pages[ann["doc"]]
        i = doc.text.find(ann["text_span"])
        span = (i, i + len(ann["text_span"]))
        near = [f for f in ex.extract(doc) if f.evidence[0].start < span[1] and span[0] < f.evidence[0].end]
        hit = [f for f in near if f.detail["issue"] == ann["normalized"]["issue"]]
        found += bool(hit)
        right_date += any(f.date is not None and f.date.value == ann["normalized"]["date"] for f in hit)
    assert found / len(wanted) >= ISSUE_FLOOR
    assert right_date / len(wanted) >= 1.0  # measured 8/8 (issue 112: "last Thursday" from the URL date)


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not beside this checkout")
def test_statement_and_event_dates_on_real_pages() -> None:
    """As the shared scorer counts them: some fact overlapping the annotated clause carries its date."""
    anns = [json.loads(line) for line in (DEV / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    wanted = [a for a in anns if a["kind"] in ("statement", "event") and "date" in a["normalized"]]
    pages = dict(dev_pages())
    found = 0
    for ann in wanted:
        doc = pages[ann["doc"]]
        i = doc.text.find(ann["text_span"])
        span = (i, i + len(ann["text_span"]))
        near = [f for f in run_extractors(doc) if f.evidence[0].start < span[1] and span[0] < f.evidence[0].end]
        found += any(f.date is not None and f.date.value == ann["normalized"]["date"] for f in near)
    assert found / len(wanted) >= 1.0  # measured 21/21


WRITTEN_FLOOR = 0.95  # measured 1.0/1.0 per language on 14 notes, also with the UN list imported
# (the notes were written beside the extractor: this shows coverage; the dev pages are the honest measure)


def test_actor_mentions_on_written_notes() -> None:
    from tests.eval.score_actors import score

    for lang, (precision, recall) in score().items():
        assert precision >= WRITTEN_FLOOR and recall >= WRITTEN_FLOOR, (lang, precision, recall)


@pytest.mark.skipif(not UN_XML.is_file(), reason="../shared/data is not beside this checkout")
def test_actor_precision_holds_with_the_un_list_imported() -> None:
    from marsad.kb import load_watchlist
    from marsad.kb.un import parse_un_list
    from tests.eval.score_actors import score

    watchlist = load_watchlist(entities=parse_un_list(UN_XML))
    for lang, (precision, recall) in score(ActorExtractor(watchlist)).items():
        assert precision >= 0.9 and recall >= WRITTEN_FLOOR, (lang, precision, recall)


def test_issues_and_dated_statements_on_written_notes() -> None:
    from tests.eval.score_actors import recall_of_issues_and_events

    figures = recall_of_issues_and_events()
    assert set(figures) == {"issues ar", "issues en", "statements/events ar", "statements/events en"}
    for name, (got, want) in figures.items():
        floor = 1.0 if name.startswith("issues") else 0.85  # measured: issues 7/7, statements and events 1.0
        assert got / want >= floor, (name, got, want)
