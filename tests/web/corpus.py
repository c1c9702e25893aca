"""The web UI's test archive: the analytic notes of tests/analyze/scenario (synthetic, public facts) plus a
hostile corpus written here — script tags, event-handler attributes, javascript: links, remote images and
CSS, SVG with script, right-to-left override characters, a long single line, a name field holding HTML."""

from __future__ import annotations

import json
from pathlib import Path

from tests.analyze import scenario

ATTACK = "alert(document.domain)"
HOSTILE_NOTE = (
    "# <script>alert('title')</script> field note\n\n"
    "On 4 January 2024 <b onmouseover=alert(1)>Abu Hudhayfa al-Ansari</b> released <script>alert('x')</script> "
    '<img src="http://127.0.0.1:9/leak.png" onerror="alert(2)"> an audio statement about Gaza. '
    '<a href="javascript:alert(3)">read more</a> <svg onload="alert(4)"><script>alert(5)</script></svg> '
    '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css"><style>body{background:url(http://127.0.0.1:9/x)}</style>\n\n'
    "Right-to-left override: \u202egpj.exe\u202c and an isolate \u2067عربي\u2069 end.\n"
)
HOSTILE_PAGE = (
    "<!doctype html><html><head><title>&lt;img src=x onerror=alert(6)&gt; Observer</title>"
    '<link rel="stylesheet" href="http://127.0.0.1:9/remote.css"><script src="http://127.0.0.1:9/x.js"></script>'
    '<meta property="article:published_time" content="2024-01-05"></head><body><article>'
    "<h1>Spokesman's statement &lt;script&gt;alert(7)&lt;/script&gt;</h1>"
    "<p>The Islamic State's spokesman, Abu Hudhayfa al-Ansari, released an audio statement on 4 January 2024, "
    "the group's first on the Gaza war, 89 days after 7 October 2023. &lt;svg&gt;&lt;script&gt;alert(8)"
    "&lt;/script&gt;&lt;/svg&gt; and &lt;a href=&quot;javascript:alert(9)&quot;&gt;x&lt;/a&gt; are text here.</p>"
    '<p><img src="http://127.0.0.1:9/img.png" onerror="alert(10)"> <a href="javascript:alert(11)">link</a></p>'
    "<p>نشرت مؤسسة الفرقان يوم ٤ يناير ٢٠٢٤ تسجيلاً صوتياً للمتحدث أبي حذيفة الأنصاري عن الحرب في غزة.</p>"
    "</article></body></html>"
)
RECORD = {
    "id": "r-hostile",
    "url": "javascript:alert(12)",
    "title": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(13)"><script>alert(14)</script></svg>',
    "published": "2024-01-06",
    "text": "Campaign tracker \u202eevil\u202c: supporter channels post «واقتلوهم حيث ثقفتموهم» since 3 Jan 2024 "
    '<iframe src="http://127.0.0.1:9/frame"></iframe>.',
}
HOSTILE_ENTITY = """\
entities:
- type: person
  name: <img src=x onerror=alert(15)>Abu Test
  aliases:
  - name: <img src=x onerror=alert(15)>Abu Test
    script: latin
  - name: Abu Testo <script>alert(16)</script>
    script: latin
"""
LONG_LINE_CHARS = 300_000  # one line with no break (the ingest limit and a 5 MB line are tested in tests/hostile)


def write(folder: Path) -> tuple[Path, Path]:
    """The notes and hostile files to ingest, and a watchlist file with a name holding HTML."""
    notes = scenario.write(folder / "notes", seeded=True)
    (notes / "hostile.md").write_text(HOSTILE_NOTE, encoding="utf-8")
    (notes / "observer.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    (notes / "tracker.jsonl").write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    (notes / "name\u202etxt.md").write_text("A file name holding a right-to-left override.\n", encoding="utf-8")
    (notes / "long-line.txt").write_text(("<b>word</b> al-Naba " * (LONG_LINE_CHARS // 20)), encoding="utf-8")
    for i in range(25):  # enough hits for a second page of results
        (notes / f"paging-{i:02d}.txt").write_text(f"Paging note {i}: the word zanzibar, and nothing else.\n")
    watchlist = folder / "hostile-watchlist.yaml"
    watchlist.write_text(HOSTILE_ENTITY, encoding="utf-8")
    return notes, watchlist
