"""The web UI in Debian's chromium, driven by Playwright (never a downloaded browser): an analyst's walk
search -> document -> entity -> timeline -> review -> the answer changes, in English and Arabic, and the hostile
corpus browsed with no dialog, no script run, no request beyond the server and no violation of the page's CSP."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.web.config import WebConfig
from tests.web.server import serving

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("MARSAD_SCREENSHOTS")  # a folder: keep the screenshots there (the README's)


def _chromium() -> str:
    for path in ("/usr/lib/chromium/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if path and os.path.exists(path):
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed: .ci/run installs Debian's chromium for this test")
    pytest.skip("chromium is not installed (apt-get install chromium)")


class Watched:
    """A page with what it did: requests, dialogs, console messages (CSP violations are reported there)."""

    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base = page, base
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.console.append(m.text))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, path

    def shot(self, name: str, tmp: Path) -> None:
        self.page.screenshot(path=str(tmp / f"{name}.png"), full_page=False)
        if SCREENSHOTS:
            shutil.copy(tmp / f"{name}.png", Path(SCREENSHOTS) / f"web-{name}.png")

    def check_quiet(self) -> None:
        assert self.dialogs == []
        leaving = [u for u in self.requests if not u.startswith(self.base + "/")]
        assert leaving == []
        assert [m for m in self.console if "Content Security Policy" in m or "Refused" in m] == []


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()


def test_an_analysts_walk_in_english_and_arabic(browser: Any, archive: Path, tmp_path: Path) -> None:
    with serving(WebConfig(db=str(archive), review=True, reviewer="tester")) as base:
        w = Watched(browser.new_page(viewport={"width": 1400, "height": 1000}), base)
        page = w.page
        w.goto("/")
        page.fill("input[name=q]", "Hudhayfa statement")
        page.press("input[name=q]", "Enter")
        page.wait_for_url("**/search?q=*")
        assert page.locator("li.hit").count() >= 1 and page.locator("li.hit mark").count() >= 1
        w.shot("search", tmp_path)
        page.locator("li.hit a.title").first.click()
        page.wait_for_url("**/doc/*")
        assert page.locator("a.hl.k-date").count() >= 1 and page.locator("li.fact").count() >= 3
        w.shot("document", tmp_path)
        # a highlight leads to its fact; the fact's entity to the entity's page
        page.locator("a.hl.k-actor").first.click()
        fact = page.locator("li.fact:target")
        assert fact.count() == 1
        fact.locator("dl.what a").first.click()
        page.wait_for_url("**/entity/*")
        assert "Aliases" in page.inner_text("main") and page.locator("table.rows tr.row").count() >= 1
        w.shot("entity", tmp_path)
        page.click("nav >> text=timeline")
        page.fill("input[name=series]", "النبأ")
        page.click("form.filters button")
        page.wait_for_url("**/timeline?*")
        assert "al-Naba 413" in page.inner_text("table.rows")
        assert page.locator("figure.chart svg .mark").count() >= 4
        w.shot("timeline", tmp_path)
        page.locator("figure.chart svg text.tick-label", has_text="2023").click()  # zoom into 2023
        page.wait_for_url("**from=2023*")
        assert "al-Naba 169" not in page.inner_text("table.rows")
        page.locator("table.rows td a[href*='#e-']").first.click()
        page.wait_for_url("**/doc/*")
        # Arabic: a search in Arabic script, its document laid out right to left
        w.goto("/search?q=" + "أبي حذيفة")
        page.locator("li.hit a.title").first.click()
        page.wait_for_url("**/doc/*")
        rtl = page.locator("p.para[dir=rtl]")
        assert rtl.count() >= 1 and rtl.first.evaluate("e => getComputedStyle(e).direction") == "rtl"
        # review the first date: confirmed, and the page says so
        form = page.locator("li.fact.k-date form.review").first
        form.locator("select[name=verdict]").select_option("correct")
        form.locator("select[name=field]").select_option("date")
        form.locator("input[name=value]").fill("2024-01-05")
        form.locator("input[name=note]").fill("ملاحظة: يوم لاحق")
        form.locator("button").click()
        page.wait_for_load_state()
        assert page.locator("li.fact.reviewed-correct").count() >= 1
        w.shot("review", tmp_path)
        # the answer changes: the statement's date corrected, the timeline of that day holds it, marked reviewed
        doc_page = page.url
        w.goto("/timeline?from=2024-01-11&to=2024-01-11")
        assert page.locator("table.rows tr.row").count() == 0
        page.goto(doc_page)
        form = page.locator("li.fact.k-statement form.review").first
        form.locator("select[name=verdict]").select_option("correct")
        form.locator("select[name=field]").select_option("date")
        form.locator("input[name=value]").fill("2024-01-11")
        form.locator("button").click()
        page.wait_for_load_state()
        w.goto("/timeline?from=2024-01-11&to=2024-01-11")
        rows = page.locator("table.rows tr.row")
        assert rows.count() == 1 and "Abu Hudhayfa" in rows.first.inner_text()
        assert "correct date = 2024-01-11" in rows.first.locator("span.verdict").inner_text()
        w.shot("corrected", tmp_path)
        w.goto("/findings")
        assert "series_cadence" in page.inner_text("main")
        w.shot("findings", tmp_path)
        w.goto("/reviews")
        assert "ملاحظة: يوم لاحق" in page.inner_text("main")
        w.check_quiet()


def test_the_hostile_corpus_runs_nothing_and_fetches_nothing(browser: Any, built_archive: Path, tmp_path: Path) -> None:
    from marsad.store import open_store

    store = open_store(built_archive, read_only=True)
    try:
        docs = [d.id for d in store.iter_documents() if "paging" not in d.source]
        hostile = next(d.id for d in store.iter_documents() if d.source.endswith("hostile.md"))
    finally:
        store.close()
    with serving(WebConfig(db=str(built_archive), review=True)) as base:
        w = Watched(browser.new_page(viewport={"width": 1400, "height": 1000}), base)
        for d in docs:
            w.goto(f"/doc/{d}")
            width = w.page.evaluate("document.documentElement.scrollWidth")
            assert width <= 1400, (d, width)  # a long single line wraps: no broken layout
        w.goto(f"/doc/{hostile}")
        w.shot("hostile", tmp_path)
        for q in ("alert", "script", "evil"):
            w.goto(f"/search?q={q}")
        w.goto("/entities?name=Abu+Test")
        w.goto("/timeline")
        w.check_quiet()
        assert all(u.startswith(base) for u in w.requests) and len(w.requests) >= len(docs)


def test_paging_swaps_the_results_in_place_with_the_vendored_htmx(browser: Any, archive: Path) -> None:
    """The next page of results replaces the results only (the page itself stays: what it holds survives), from
    the server's own htmx, with no CSP violation; without script the same link is a plain link (test_pages)."""
    with serving(WebConfig(db=str(archive), page_size=1)) as base:
        w = Watched(browser.new_page(), base)
        page = w.page
        w.goto("/search?q=Gaza")
        page.wait_for_function("typeof window.htmx === 'object'")
        page.evaluate("window.kept = 'still here'")  # lost on a navigation, kept by an in-place swap
        first = page.locator("li.hit a.title").first.inner_text()
        page.click("nav.pages a[rel=next]")
        page.wait_for_url("**page=2*")
        page.wait_for_function("document.querySelector('li.hit a.title') !== null")
        assert page.evaluate("window.kept") == "still here"
        assert page.locator("li.hit").count() == 1 and page.locator("li.hit a.title").first.inner_text() != first
        assert base + "/static/htmx.min.js" in w.requests
        w.check_quiet()
