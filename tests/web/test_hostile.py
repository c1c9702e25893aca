"""The hostile corpus, ingested and browsed: every page's markup is ours alone — no script, no event
handler, no style, no link or source leaving the server; the hostile text is there, as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from marsad.store import open_store
from marsad.web.render import visible_controls
from tests.web.helpers import entity_ids, markup

TAGS = frozenset(
    "html head meta title link body header main nav form input button select option label a span p h1 h2 section "
    "article aside div ul ol li dl dt dd table thead tbody tr th td code bdi blockquote mark em figure figcaption "
    "br svg rect circle line text title".split()  # the timeline chart's SVG: shapes and text, no script, no use
)
ATTRIBUTES = frozenset(
    "lang charset name content rel href class id dir title type value placeholder aria-label role method action "
    "start download maxlength pattern checked xmlns viewbox x y width height x1 y1 x2 y2 cx cy r text-anchor "
    "hx-boost hx-target hx-select hx-swap".split()  # htmx's, on the pagers: where a page's results swap in
)
HTMX = {"src": "/static/htmx.min.js", "defer": None}  # the one script: the vendored htmx, from the server


def _pages(client: TestClient, db: Path) -> dict[str, str]:
    store = open_store(db, read_only=True)
    try:
        docs = [d.id for d in store.iter_documents()]
    finally:
        store.close()
    pages = {f"/doc/{d}": client.get(f"/doc/{d}").text for d in docs}
    for q in ("alert", "script", "javascript", "onerror", "svg", "evil", "word"):
        pages[f"/search?q={q}"] = client.get("/search", params={"q": q}).text
    for path in ("/", "/timeline", "/timeline?unasserted=true", "/entities", "/reviews", "/findings"):
        pages[path] = client.get(path).text
    for e in {e for page in list(pages.values()) for e in entity_ids(page)}:
        pages[f"/entity/{e}"] = client.get(f"/entity/{e}").text
    return pages


@pytest.fixture(scope="module")
def pages(built_archive: Path) -> dict[str, str]:
    from marsad.web.app import create_app
    from marsad.web.config import WebConfig
    from tests.web.conftest import BASE

    with TestClient(create_app(WebConfig(db=str(built_archive), review=True)), base_url=BASE) as c:
        return _pages(c, built_archive)


def test_the_corpus_was_browsed(pages: dict[str, str]) -> None:
    assert sum(p.startswith("/doc/") for p in pages) >= 40
    assert sum(p.startswith("/entity/") for p in pages) >= 5


def test_no_page_holds_markup_of_the_documents(pages: dict[str, str]) -> None:
    for path, page in pages.items():
        for tag, attrs in markup(page).tags:
            if tag == "script":
                assert dict(attrs) == HTMX, (path, attrs)
                continue
            assert tag in TAGS, (path, tag)
            for name, value in attrs:
                assert name in ATTRIBUTES, (path, tag, name, value)
                if name in ("href", "action"):
                    assert value is not None and value.startswith(("/", "#")), (path, tag, value)
            if tag == "link":
                assert dict(attrs) == {"rel": "stylesheet", "href": "/static/marsad.css"}, path


def test_the_hostile_text_is_shown_as_text(pages: dict[str, str]) -> None:
    everything = "\n".join(pages.values())
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in everything
    assert "&lt;img src=x onerror=alert(15)&gt;Abu Test" in everything  # the name field holding HTML
    assert "&lt;svg xmlns=&#34;http://www.w3.org/2000/svg&#34; onload=&#34;alert(13)&#34;&gt;" in everything  # a title
    assert "&lt;iframe src=" in everything


def test_right_to_left_overrides_are_shown_not_obeyed_in_names(pages: dict[str, str]) -> None:
    everything = "\n".join(pages.values())
    assert "name\\xe2\\x80\\xaetxt.md" in everything  # ingest escapes the override in a file name
    assert "name\u202etxt.md" not in everything
    # and a name that still holds one (a title, a source from a JSON record) shows it
    assert visible_controls("report\u202etxt.md") == "report<U+202E>txt.md"
    # in a document's text an override is shown as a marker, not obeyed ("exe.jpg" would read for "gpj.exe")
    assert "[RLO]gpj.exe[PDF]" in everything and "[RLO]evil[PDF]" in everything
    assert "\u202e" not in everything
    css = (Path(__file__).parents[2] / "src" / "marsad" / "web" / "static" / "marsad.css").read_text(encoding="utf-8")
    assert re.search(r"\.para \{[^}]*unicode-bidi: isolate", css)
