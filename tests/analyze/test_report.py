"""The HTML report: self-contained, escaped, right to left for Arabic, every fact linked to its evidence;
and, in headless Chromium, a screenshot that shows the chart and the findings with no request made."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from marsad.analyze.report import TICK_CHAR_WIDTH, _chart, t
from marsad.analyze.timeline import Row
from tests.analyze import scenario
from tests.conftest import Marsad

HOSTILE = (
    "# <script>alert('title')</script> note\n\n"
    "On 4 January 2024 <b onmouseover=alert(1)>Abu Hudhayfa al-Ansari</b> released <script>alert('x')</script>"
    ' <img src="http://127.0.0.1:{port}/leak.png"> <iframe src="http://127.0.0.1:{port}/frame"></iframe>'
    " a statement.\n"
)


def _report(marsad: Marsad, tmp_path: Path, port: int = 9) -> str:
    notes = scenario.write(tmp_path / "notes", seeded=True)
    (notes / "hostile.md").write_text(HOSTILE.format(port=port), encoding="utf-8")
    assert marsad("ingest", str(notes)).exit_code == 0
    out = tmp_path / "report.html"
    result = marsad(
        "report", "-o", str(out), "--topic", "Gaza", "--actor", "Islamic State", "--series", "al-Naba",
        "--event", "7 October 2023 attack",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained_and_escaped(marsad: Marsad, tmp_path: Path) -> None:
    page = _report(marsad, tmp_path)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page.lower() and "<iframe" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;" in page  # the hostile text is there, as text
    assert "&lt;b onmouseover=alert(1)&gt;" in page and "<b onmouseover" not in page
    # no remote asset: no src / href / url() that leaves the file
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "url(" not in page


def test_report_answers_findings_and_links(marsad: Marsad, tmp_path: Path) -> None:
    page = _report(marsad, tmp_path)
    assert "series_cadence: <bdi>al-Naba 412 dated 2024-10-12; the cadence expects 2023-10-12</bdi>" in page
    assert "<b>89 days</b>" in page
    assert "Never mentioned (English or Arabic) in archived issues: <b>411, 412, 413</b>" in page
    # every in-page link points at an element that exists: facts link to their evidence quotes
    ids = set(re.findall(r'\bid="?([\w-]+)', page))
    targets = re.findall(r'href="?#([\w-]+)', page)
    assert targets and all(t in ids for t in targets), [t for t in targets if t not in ids][:5]
    assert re.search(r'<blockquote id="?q-[0-9a-f]{16}-\d+-\d+', page)
    # Arabic evidence is laid out right to left
    assert re.search(r'<span dir="rtl" lang="ar" class="ev">[^<]*غزة', page)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed: .ci/run installs Debian's chromium for this test")
    pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.mark.browser
def test_report_renders_in_headless_chromium(marsad: Marsad, tmp_path: Path) -> None:
    from PIL import Image

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _report(marsad, tmp_path, port=server.server_address[1])
        browser = _chromium()
        assert browser is not None
        shot = tmp_path / "report.png"
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2600", f"--screenshot={shot}",
             (tmp_path / "report.html").as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []  # nothing in the report reached the network, hostile markup included
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2600)
    found = image.getcolors(maxcolors=1 << 20)
    assert found is not None and len(found) > 50  # text, chart, tables: not a blank page
    colours: list[tuple[int, tuple[int, ...]]] = [(n, c) for n, c in found if isinstance(c, tuple)]

    def count(rgb: tuple[int, int, int], tolerance: int = 6) -> int:
        return sum(n for n, c in colours if all(abs(a - b) <= tolerance for a, b in zip(c, rgb, strict=True)))

    assert count((0x17, 0x32, 0x4D)) > 20_000  # the header band
    assert count((0xB0, 0x3A, 0x2E)) > 300  # findings: their red border and the flagged marks of the chart
    assert count((0x1F, 0x6F, 0x8B)) > 100  # series issues in the chart and the answers' border
    assert count((0x2E, 0x7D, 0x32)) > 30  # statements in the chart


# -- layout: the axis, bidirectional labels, answers that count different things ------------------------
def _row(date: str, what: str = "al-Naba 425", kind: str = "publication_issue") -> Row:
    return Row(kind=kind, what=what, date=date, date_end=None, precision="day", subject=None)


def test_the_last_axis_label_stays_inside_the_chart() -> None:
    for last in ("2024-01-20", "2024-02-16", "2024-06-29", "2031-12-20"):
        svg = _chart([_row("2023-10-07"), _row(last)], set())
        width = int(re.search(r'viewBox="0 0 (\d+)', svg).group(1))  # type: ignore[union-attr]
        labels = re.findall(r'<text x="([\d.]+)" y="[\d.]+"( text-anchor="end")?>(\d{4}(?:-\d\d)?)</text>', svg)
        assert labels, svg
        for x, end, text in labels:
            reach = float(x) if end else float(x) + TICK_CHAR_WIDTH * len(text)
            assert reach <= width and (not end or float(x) - TICK_CHAR_WIDTH * len(text) >= 0), (last, text)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("campaign واقتلوهم حيث ثقفتموهم (And Kill Them Wherever You Find Them)", 'dir="ltr"'),
        ("نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ تسجيلاً صوتياً (Abu Hudhayfa)", 'dir="rtl" lang="ar"'),
        ("Abu Hudhayfa al-Ansari: announced", 'dir="auto"'),
    ],
)
def test_a_mixed_label_is_laid_out_by_its_main_script(text: str, direction: str) -> None:
    assert t(text).startswith(f"<span {direction}>")


def test_first_mentions_say_what_they_count_and_why_they_differ(marsad: Marsad, tmp_path: Path) -> None:
    page = _report(marsad, tmp_path)
    assert "First dated statement or event naming <bdi>Gaza</bdi>, anywhere in the archive" in page
    assert "First archived issue in al-Naba that mentions <bdi>Gaza</bdi>" in page
    assert "These answers count different things" in page


def test_the_report_built_after_a_correction_shows_it(marsad: Marsad, tmp_path: Path) -> None:
    """A corrected date is reported at its corrected value, the row saying what the extractor read and who
    corrected it; a rejected statement is left out; the header counts the reviews applied."""
    from marsad.store import open_store
    from marsad.store.reviews import review_of_fact

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "note.md").write_text(
        "# Note\n\nAnalyst note.\n\nIn August 2023 the Islamic State announced the death of its leader.\n\n"
        "On 4 January 2024 Abu Hudhayfa al-Ansari said the war in Gaza was a religious war.\n",
        encoding="utf-8",
    )
    assert marsad("ingest", str(notes)).exit_code == 0
    out = tmp_path / "report.html"
    assert marsad("report", "-o", str(out)).exit_code == 0
    before = out.read_text(encoding="utf-8")
    assert "2023-08-20" not in before and "reviewed:" not in before and "religious war" in before
    store = open_store(marsad.where)
    statements = {f["date"]: f for f in store.iter_facts("statement")}
    store.add_review(review_of_fact(statements["2023-08"], "correct", "date", "2023-08-20", note="the page's day"))
    store.add_review(review_of_fact(statements["2024-01-04"], "reject", note="not his words"))
    store.close()
    assert marsad("report", "-o", str(out)).exit_code == 0
    after = out.read_text(encoding="utf-8")
    row = re.search(r"<tr id=row-\d+[^>]*><td>2023-08-20<br>.*?</tr>", after)
    assert row is not None, after
    assert "<b>reviewed:</b> date <bdi>2023-08-20</bdi>, read as <bdi>2023-08</bdi>" in row.group(0)
    assert "(by <bdi>analyst</bdi>: <bdi>the page&#x27;s day</bdi>)" in row.group(0)
    assert "religious war" not in after.split("<section id=timeline>", 1)[1].split("</section>", 1)[0]
    assert "2 analysts' reviews applied" in after
