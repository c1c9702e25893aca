"""Every page, over the test archive: search with paging, a document with its facts highlighted, an
entity, the timeline with its filters, the original as a download."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from marsad.cli import cli
from marsad.web.app import create_app
from marsad.web.config import WebConfig
from tests.web.conftest import BASE
from tests.web.helpers import doc_ids, entity_ids


def test_home_says_what_the_archive_holds(client: TestClient) -> None:
    page = client.get("/").text
    assert "documents" in page and "by language" in page


def test_search_finds_arabic_the_way_a_reader_writes_it(client: TestClient) -> None:
    # حذيفه (ه for ة, no hamza) finds حذيفة; the hit's match is marked in the snippet
    r = client.get("/search", params={"q": "ابي حذيفه"})
    assert r.status_code == 200
    assert "matching documents" in r.text
    assert re.search(r"<mark>[^<]*حذيفة[^<]*</mark>", r.text)
    assert doc_ids(r.text)


def test_search_pages_through_results(client: TestClient) -> None:
    first = client.get("/search", params={"q": "zanzibar"}).text
    assert "25 matching documents; showing 1-20" in first and "page 1 of 2" in first
    assert 'rel="next" href="/search?q=zanzibar&amp;page=2"' in first
    second = client.get("/search", params={"q": "zanzibar", "page": 2}).text
    assert "showing 21-25" in second and 'rel="prev"' in second
    assert not set(doc_ids(first)) & set(doc_ids(second))


def test_a_query_with_nothing_to_search_is_a_400_page(client: TestClient) -> None:
    r = client.get("/search", params={"q": "-gaza"})
    assert r.status_code == 400 and "nothing to search for" in r.text


def test_document_page_highlights_each_fact_by_kind(client: TestClient) -> None:
    hit = doc_ids(client.get("/search", params={"q": "Hudhayfa statement 89 days"}).text)[0]
    page = client.get(f"/doc/{hit}").text
    assert f"<code>{hit}</code>" in page  # the hash, in the provenance
    assert re.search(r'<a class="hl k-date" href="#f-[0-9a-f]{64}" title="[^"]*date[^"]*">4 January 2024</a>', page)
    assert 'class="hl k-actor"' in page and 'class="hl k-statement"' in page
    # every highlight links to a fact in the side panel, and every fact links back to its span in the text
    panel = set(re.findall(r'<li id="f-([0-9a-f]{64})"', page))
    anchors = set(re.findall(r'<span class="anchor" id="e-([0-9a-f]{64})"', page))
    assert panel and set(re.findall(r'class="hl k-[a-z_]+" href="#f-([0-9a-f]{64})"', page)) <= panel
    assert panel == anchors
    assert f'href="/doc/{hit}/original" download' in page


def test_arabic_paragraphs_are_right_to_left(client: TestClient) -> None:
    hit = doc_ids(client.get("/search", params={"q": "الفرقان"}).text)[0]
    page = client.get(f"/doc/{hit}").text
    assert re.search(r'<p class="para" dir="rtl" lang="ar">', page)
    assert re.search(r'<blockquote dir="rtl">[^<]*', page)


def test_the_original_is_a_download_never_rendered(client: TestClient) -> None:
    hit = doc_ids(client.get("/search", params={"q": "Observer"}).text)[0]
    r = client.get(f"/doc/{hit}/original")
    assert r.status_code == 200 and b"<script" in r.content  # the bytes as archived
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["content-disposition"] == f'attachment; filename="{hit[:16]}.html"'
    assert r.headers["x-content-type-options"] == "nosniff"


def test_an_unknown_document_is_a_404_page(client: TestClient) -> None:
    r = client.get("/doc/" + "0" * 64)
    assert r.status_code == 404 and "no document with id" in r.text
    assert client.get(f"/doc/{'0' * 64}/original").status_code == 404


def test_entity_page_has_aliases_roles_timeline_and_documents(client: TestClient) -> None:
    r = client.get("/entities", params={"name": "أبو حذيفة الأنصاري"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "Abu Hudhayfa al-Ansari" in page and "Aliases" in page
    assert "spokesman" in page  # a role with its tenure
    assert re.search(r"Timeline \(\d+ rows\)", page) and "2024-01-04" in page
    assert re.search(r"Documents \([1-9]\d*\)", page) and doc_ids(page)


def test_series_page_lists_issues_and_gaps(client: TestClient) -> None:
    r = client.get("/entities", params={"name": "al-Naba"}, follow_redirects=False)
    page = client.get(r.headers["location"]).text
    assert "found: " in page and "411" in page and "416" in page
    assert "not in the archive between them: 170–410, 414–415" in page
    assert "Cadence" in page


def test_entity_list_and_unknown_entity(client: TestClient) -> None:
    page = client.get("/entities").text
    assert "person (" in page and entity_ids(page)
    assert client.get("/entity/nothere").status_code == 404


def test_timeline_filters_and_links_rows_to_evidence(client: TestClient) -> None:
    everything = client.get("/timeline").text
    assert "al-Naba 413" in everything and "disputed" in everything
    only = client.get("/timeline", params={"series": "al-Naba", "from": "2023-10", "to": "2023-10"}).text
    assert "al-Naba 412" in only and "al-Naba 416" not in only and "Abu Hudhayfa" not in only
    evidence = re.findall(r'href="/doc/([0-9a-f]{64})#e-([0-9a-f]{64})"', only)
    assert evidence
    doc, fact = evidence[0]
    assert f'id="e-{fact}"' in client.get(f"/doc/{doc}").text
    by_actor = client.get("/timeline", params={"actor": "Abu Huthaifa al-Ansary"}).text
    assert "Abu Hudhayfa al-Ansari: " in by_actor and "al-Naba 412" not in by_actor


def test_timeline_rows_name_the_findings_on_their_facts(client: TestClient) -> None:
    """As `marsad timeline` does: a row links the findings of the last `marsad check` whose evidence is one of its
    facts (issue 412's year error breaks the weekly cadence; 413's weekday is not its date's) to the findings page."""
    rows = client.get("/timeline", params={"series": "al-Naba"}).text
    flagged: dict[str, list[tuple[str, str]]] = {}  # issue -> (findings page anchor, check) of each finding
    for m in re.finditer(r'<tr id="row-\d+" class="[^"]*flagged[^"]*">.*?</tr>', rows, re.S):
        issue = re.search(r"al-Naba \d+", m.group(0))
        assert issue is not None
        flagged[issue.group(0)] = re.findall(r'href="/findings#(finding-[0-9a-f]{16})"[^>]*>(\w+)<', m.group(0))
    assert {k: sorted(c for _, c in v) for k, v in flagged.items()} == {
        "al-Naba 412": ["series_cadence", "sources_disagree"],
        "al-Naba 413": ["weekday_mismatch"],
    }
    findings = client.get("/findings").text
    assert all(f'id="{anchor}"' in findings for v in flagged.values() for anchor, _ in v)
    entity = client.get(client.get("/entities", params={"name": "al-Naba"}, follow_redirects=False).headers["location"])
    assert "series_cadence" in entity.text.split('<table class="rows">', 1)[1]


def test_timeline_refuses_what_it_cannot_read(client: TestClient) -> None:
    assert client.get("/timeline", params={"from": "last week"}).status_code == 422
    r = client.get("/timeline", params={"actor": "Nobody Atall"})
    assert r.status_code == 404 and "is not in the watchlist" in r.text


def test_timeline_chart_marks_link_to_rows_and_ticks_zoom(client: TestClient) -> None:
    page = client.get("/timeline", params={"series": "al-Naba"}).text
    rows = set(re.findall(r'<tr id="(row-\d+)"', page))
    mark = r'<a href="/timeline\?series=al-Naba&amp;page=1#(row-\d+)"><(?:circle|rect) class="mark k-publication_issue'
    marks = re.findall(mark, page)
    assert marks and set(marks) <= rows
    assert re.search(r'<(?:circle|rect) class="mark k-publication_issue flagged"', page)  # issue 412, disputed
    zoom = re.findall(r'<a href="(/timeline\?[^"]+)"><text class="tick-label"', page)
    assert "/timeline?series=al-Naba&amp;from=2023&amp;to=2023" in zoom
    narrowed = client.get("/timeline", params={"series": "al-Naba", "from": "2023", "to": "2023"}).text
    assert "al-Naba 169" in page and "al-Naba 169" not in narrowed and "al-Naba 413" in narrowed


def test_findings_page_shows_each_side_with_its_evidence(client: TestClient) -> None:
    page = client.get("/findings").text
    assert "series_cadence" in page and "al-Naba 412 dated 2024-10-12; the cadence expects 2023-10-12" in page
    assert '<li class="side side-stated"><span class="role">stated</span>' in page
    assert '<li class="side side-expected"><span class="role">expected</span>' in page
    assert re.search(r'href="/doc/[0-9a-f]{64}#e-[0-9a-f]{64}" title="[^"]*s1-year\.md"', page)


def test_timeline_pages_its_table(client: TestClient) -> None:
    from marsad.web.pages import timeline

    everything = client.get("/timeline").text
    total = int(re.search(r"(\d+) rows", everything).group(1))  # type: ignore[union-attr]
    old, timeline.PAGE_ROWS = timeline.PAGE_ROWS, 3
    try:
        first = client.get("/timeline").text
        second = client.get("/timeline", params={"page": 2}).text
    finally:
        timeline.PAGE_ROWS = old
    assert f"page 1 of {-(-total // 3)}" in first and 'rel="next" href="/timeline?page=2"' in first
    assert re.findall(r'<tr id="(row-\d+)"', second) == ["row-3", "row-4", "row-5"]
    assert 'href="/timeline?page=2#row-4"' in first  # the chart's mark for row 4 leads to its page


def test_search_counts_its_matches_by_facet_and_narrows_to_one(client: TestClient) -> None:
    page = client.get("/search", params={"q": "zanzibar"}).text
    facets = re.search(r'<dl class="facets">(.*?)</dl>', page, re.S)
    assert facets is not None
    shown = re.sub(r"<a [^>]*>|</a>", "", facets.group(1))
    assert "<dt>language</dt><dd><bdi>en</bdi> 25</dd>" in shown
    assert "<dt>media type</dt><dd><bdi>text/plain</bdi> 25</dd>" in shown
    assert "<dt>year</dt><dd><bdi>undated</bdi> 25</dd>" in shown and "<bdi>notes</bdi> 25" in shown
    mixed = client.get("/search", params={"q": "Hudhayfa"}).text
    assert "26 matching" not in mixed
    html = re.search(r'<a href="(/search\?q=Hudhayfa&amp;type=text%2Fhtml)"><bdi>text/html</bdi></a> (\d+)', mixed)
    assert html is not None
    narrowed = client.get(html.group(1).replace("&amp;", "&")).text
    assert f"{html.group(2)} matching documents" in narrowed or "1 matching document" in narrowed
    assert "observer.html" in narrowed and "n2-statement.md" not in narrowed
    assert '<a class="drop" href="/search?q=Hudhayfa">(any media type)</a>' in narrowed


def test_search_facets_by_actor_and_series_name_them_and_narrow(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Hudhayfa"}).text
    facets = re.search(r'<dl class="facets">(.*?)</dl>', page, re.S)
    assert facets is not None and "<dt>actor</dt>" in facets.group(1)
    actor_link = r'<a href="(/search\?q=Hudhayfa&amp;actor=[0-9a-f]{64})"><bdi>Abu Hudhayfa al-Ansari</bdi></a> (\d+)'
    link = re.search(actor_link, facets.group(1))
    assert link is not None, facets.group(1)
    narrowed = client.get(link.group(1).replace("&amp;", "&")).text
    assert 'Abu Hudhayfa al-Ansari</bdi> <a class="drop"' in narrowed  # the chosen actor, by name, with its way back
    n = int(link.group(2))
    assert f"{n} matching document" in narrowed


def test_a_kept_timeline_reads_each_pages_sources_and_is_computed_again_once_the_archive_changes(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.analyze import timeline as answer
    from marsad.web.pages import timeline

    monkeypatch.setattr(answer, "ONE_PASS_FACTS", 0)  # row by row, as at 100,000 documents: issues' sources wait
    monkeypatch.setattr(answer, "ONE_PASS_PER_ROW", 0)
    old, timeline.PAGE_ROWS = timeline.PAGE_ROWS, 3
    try:
        with TestClient(create_app(WebConfig(db=str(archive))), base_url=BASE) as client:
            first = client.get("/timeline", params={"series": "al-Naba"}).text
            total = int(re.search(r"(\d+) rows", first).group(1))  # type: ignore[union-attr]
            for n in range(2, -(-total // 3) + 1):  # every later page of the kept answer links its evidence
                page = client.get("/timeline", params={"series": "al-Naba", "page": n}).text
                rows = page.split('<tr id="row-')[1:]
                assert rows and all('href="/doc/' in row for row in rows), n
            note = tmp_path / "new.md"
            note.write_text("# A later note\n\nAnalyst note.\n\nAl-Naba issue 900 appeared on 3 July 2031.\n")
            result = CliRunner().invoke(cli, ["--db", str(archive), "ingest", str(note)], catch_exceptions=False)
            assert result.exit_code == 0, result.output
            again = client.get("/timeline", params={"series": "al-Naba"}).text
            assert f"{total + 1} rows" in again and "al-Naba 900" not in first
    finally:
        timeline.PAGE_ROWS = old


def test_a_searchs_kept_facets_are_counted_again_once_the_archive_changes(archive: Path, tmp_path: Path) -> None:
    def language_facet(client: TestClient) -> str:
        page = client.get("/search", params={"q": "zanzibar"}).text
        facets = re.search(r'<dl class="facets">(.*?)</dl>', page, re.S)
        assert facets is not None
        return re.sub(r"<a [^>]*>|</a>", "", facets.group(1))

    with TestClient(create_app(WebConfig(db=str(archive))), base_url=BASE) as client:
        assert "<dt>language</dt><dd><bdi>en</bdi> 25</dd>" in language_facet(client)
        assert "<bdi>en</bdi> 25" in language_facet(client)  # kept: the same counts
        note = tmp_path / "zanzibar-late.md"
        note.write_text("# A later note\n\nAnalyst note on Zanzibar, written later than the others.\n")
        result = CliRunner().invoke(cli, ["--db", str(archive), "ingest", str(note)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "<dt>language</dt><dd><bdi>en</bdi> 26</dd>" in language_facet(client)
