"""Reviews through the web UI: confirm, reject, correct; each its own record, shown with its fact, and still
attached after `marsad extract --force` rewrote every fact; one whose fact is gone is listed, not lost."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from marsad.cli import cli
from marsad.errors import ConfigError
from marsad.store import open_store
from marsad.store.reviews import Review, review_of_fact
from marsad.web.security import csrf_token
from tests.web.helpers import doc_ids


def _fact(c: TestClient, kind: str, text: str, query: str = "Hudhayfa statement 89 days") -> tuple[str, str]:
    doc = doc_ids(c.get("/search", params={"q": query}).text)[0]
    page = c.get(f"/doc/{doc}").text
    for m in re.finditer(r'<li id="f-([0-9a-f]{64})" class="fact k-(\w+)[^"]*">(.*?)</li>\n', page, re.S):
        if m.group(2) == kind and text in m.group(3):
            return doc, m.group(1)
    raise AssertionError(f"no {kind} fact with {text!r}")


def _review(c: TestClient, doc: str, fact: str, **form: str) -> str:
    csrf = csrf_token(c.app.state.config)  # type: ignore[attr-defined]
    r = c.post("/review", data={"doc": doc, "fact": fact, "csrf": csrf, **form}, follow_redirects=False)
    assert r.status_code == 303, r.text
    assert r.headers["location"] == f"/doc/{doc}#f-{fact}"
    return c.get(r.headers["location"]).text


def test_confirm_and_correct_are_shown_with_the_fact(review_client: TestClient) -> None:
    doc, fact = _fact(review_client, "date", "4 January 2024")
    page = _review(review_client, doc, fact, verdict="confirm", note="checked against the recording")
    assert re.search(rf'<li id="f-{fact}" class="fact k-date reviewed-confirm">', page)
    assert "confirm by <bdi>tester</bdi>" in page and "checked against the recording" in page
    page = _review(review_client, doc, fact, verdict="correct", field="date", value="2024-01-05", note="a day late")
    assert re.search(rf'<li id="f-{fact}" class="fact k-date reviewed-correct">', page)
    assert "corrected: date = <bdi>2024-01-05</bdi>" in page
    listing = review_client.get("/reviews").text
    assert listing.count("no: its fact is gone") == 0 and "a day late" in listing


def test_a_correction_names_its_field_and_value(review_client: TestClient) -> None:
    doc, fact = _fact(review_client, "date", "4 January 2024")
    csrf = csrf_token(review_client.app.state.config)  # type: ignore[attr-defined]
    form = {"doc": doc, "fact": fact, "csrf": csrf, "verdict": "correct", "field": "date"}
    r = review_client.post("/review", data=form)
    assert r.status_code == 400 and "gives the corrected value" in r.text
    r = review_client.post("/review", data={**form, "field": "colour", "value": "x"})
    assert r.status_code == 400 and "one of date, actor, predicate, issue" in r.text
    r = review_client.post("/review", data={**form, "value": "5 Jan"})
    assert r.status_code == 400 and "ISO date" in r.text
    r = review_client.post("/review", data={**form, "fact": "f" * 64, "value": "2024-01-05"})
    assert r.status_code == 404


def test_reviews_survive_extract_force(review_client: TestClient, archive: Path) -> None:
    doc, fact = _fact(review_client, "actor", "Abu Hudhayfa al-Ansari")
    _review(review_client, doc, fact, verdict="reject", note="not him")
    con = sqlite3.connect(archive)
    con.execute("UPDATE facts SET id = 'stale-' || id")  # ids the new extraction will not reuse
    con.commit()
    con.close()
    result = CliRunner().invoke(cli, ["--db", str(archive), "extract", "--force"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = review_client.get(f"/doc/{doc}").text
    assert re.search(rf'<li id="f-{fact}" class="fact k-actor reviewed-reject">', page)  # re-attached by span + kind
    assert "not him" in page and "Reviews that no longer attach" not in page


def test_a_review_whose_fact_is_gone_is_listed(review_client: TestClient, archive: Path) -> None:
    doc, _ = _fact(review_client, "date", "4 January 2024")
    store = open_store(archive)
    try:
        store.add_review(Review(doc, 0, 3, "campaign", "gone", "reject", note="an old campaign reading"))
    finally:
        store.close()
    page = review_client.get(f"/doc/{doc}").text
    assert "Reviews that no longer attach" in page and "campaign 0–3: reject" in page
    assert "no: its fact is gone" in review_client.get("/reviews").text


def test_a_read_only_store_refuses_a_review(built_archive: Path) -> None:
    store = open_store(built_archive, read_only=True)
    try:
        fact = next(store.iter_facts(kind="date"))
        with pytest.raises(Exception, match="read-only"):
            store.add_review(review_of_fact(fact, "confirm"))
        with pytest.raises(ConfigError, match="verdict"):
            review_of_fact(fact, "approve")
    finally:
        store.close()


def test_marsad_review_lists_and_exports_them(review_client: TestClient, archive: Path) -> None:
    import json

    doc, fact = _fact(review_client, "date", "4 January 2024")
    _review(review_client, doc, fact, verdict="correct", field="date", value="2024-01-05", note="a day late")
    runner = CliRunner()
    table = runner.invoke(cli, ["--db", str(archive), "review"], catch_exceptions=False)
    assert table.exit_code == 0 and "reviews: 1" in table.output and "a day late" in table.output
    lines = runner.invoke(cli, ["--db", str(archive), "review", "-f", "jsonl", "--document", doc[:8]]).output
    record = json.loads(lines.splitlines()[0])
    assert record["verdict"] == "correct" and record["field"] == "date" and record["value"] == "2024-01-05"
    assert record["attached"] == fact and record["document"] == doc and record["reviewer"] == "tester"


def test_a_stored_finding_is_accepted_or_dismissed_on_the_findings_page(review_client: TestClient) -> None:
    page = review_client.get("/findings").text
    form = re.search(
        r'<section class="finding" id="(finding-[0-9a-f]{16})">\s*<h2><span class="kind">series_cadence</span>.*?'
        r'name="doc" value="([0-9a-f]{64})">\s*<input type="hidden" name="fact" value="([0-9a-f]{64})">',
        page,
        re.S,
    )
    assert form is not None
    anchor, doc, fact = form.groups()
    csrf = csrf_token(review_client.app.state.config)  # type: ignore[attr-defined]
    sent = {"csrf": csrf, "doc": doc, "fact": fact, "verdict": "reject", "note": "a channel's typo"}
    r = review_client.post("/review", data={**sent, "back": f"/findings#{anchor}"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/findings#{anchor}"
    after = review_client.get("/findings").text
    assert re.search(rf'id="{anchor}">.*?dismissed by <bdi>tester</bdi>', after, re.S)
    elsewhere = review_client.post("/review", data={**sent, "back": "https://evil.example/"}, follow_redirects=False)
    assert elsewhere.headers["location"] == f"/doc/{doc}#f-{fact}"  # never a redirect a form names


def test_the_timeline_answers_with_the_reviews_and_marks_them(review_client: TestClient) -> None:
    """A correction moves its fact to the row of its value, marked; a rejection takes its fact out of the answer,
    on the timeline page and on the entity's page (the same answer as the CLI's)."""
    doc, fact = _fact(review_client, "statement", "announced the new", query='"announced the new leader"')
    actor = {"actor": "Abu Hudhayfa al-Ansari"}
    before = review_client.get("/timeline", params=actor).text
    assert "2023-08-03" in before and "2023-08-05" not in before and "v-correct" not in before
    _review(review_client, doc, fact, verdict="correct", field="date", value="2023-08-05", note="two days later")
    after = review_client.get("/timeline", params=actor).text
    row = re.search(r'<tr id="row-\d+" class="row k-statement reviewed">.*?</tr>', after, re.S)
    assert row is not None and "2023-08-05" in row.group(0)
    assert '<span class="verdict v-correct">correct date = <bdi>2023-08-05</bdi></span>' in row.group(0)
    assert "2023-08-03" not in after
    narrowed = review_client.get("/timeline", params={**actor, "from": "2023-08-05", "to": "2023-08-05"}).text
    assert "v-correct" in narrowed and "announced the new" in narrowed
    _review(review_client, doc, fact, verdict="reject", note="he did not announce it")
    rejected = review_client.get("/timeline", params=actor).text
    assert "2023-08-05" not in rejected and "2023-08-03" not in rejected and "announced the new" not in rejected
    assert "reviews apply" in rejected
    entity = review_client.get(
        review_client.get("/entities", params={"name": "Abu Hudhayfa al-Ansari"}, follow_redirects=False).headers[
            "location"
        ]
    ).text
    assert "announced the new" not in entity.split('<table class="rows">', 1)[1].split("</table>", 1)[0]
