"""Each format parser on small real-shaped files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import IngestError
from marsad.ingest.base import Item, RecordFailure, SourceFile
from marsad.ingest.html import HTML
from marsad.ingest.jsonl import JSONL
from marsad.ingest.pdf import PDF
from marsad.ingest.telegram import TELEGRAM, flatten_text
from marsad.ingest.text import TEXT
from marsad.model import Document
from tests.conftest import SAMPLE, SHARED_EVAL
from tests.pdfgen import make_pdf


def src(data: bytes, path: str = "x") -> SourceFile:
    return SourceFile(path, data, "2024-01-01T00:00:00+00:00")


def one(fmt_parse: object, data: bytes, path: str = "x") -> Document:
    items = list(fmt_parse(src(data, path)))  # type: ignore[operator]
    assert len(items) == 1 and isinstance(items[0], Item)
    return items[0].document


# -- HTML -----------------------------------------------------------------------------------------
PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Weekly newsletter skips Gaza</title>
<link rel="alternate canonical" href="https://example.org/a/weekly">
<meta property="article:published_time" content="2023-10-20T08:00:00Z">
</head><body><article><p>Issue 413 came out on Thursday 19 October 2023 and said nothing about Gaza.</p>
<p>Monitors compared it with the issue of the previous week.</p></article></body></html>"""


def test_html_main_text_title_canonical_and_meta_date() -> None:
    doc = one(HTML.parse, PAGE, "page.html")
    assert "Issue 413 came out" in doc.text and "previous week" in doc.text
    assert doc.title == "Weekly newsletter skips Gaza"
    assert doc.url == "https://example.org/a/weekly"
    assert doc.published is not None and doc.published.value == "2023-10-20"
    assert doc.published_from == "meta:article:published_time"
    assert doc.declared_language == "en"


needs_shared = pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval/dev is not beside this checkout")


@needs_shared
def test_html_date_from_url_path_when_metadata_has_none() -> None:
    page = (SHARED_EVAL / "docs" / "18.html").read_bytes()
    doc = one(HTML.parse, page, "18.html")
    assert doc.published is not None and doc.published.value == "2022-03-10"
    assert doc.published_from == "url" and doc.published.anchor == "document-url"
    assert doc.url is not None and doc.url.startswith("https://www.akhbaralaan.net/")


def test_html_og_url_when_no_canonical() -> None:
    doc = one(HTML.parse, (SAMPLE / "pages" / "naba-overview.html").read_bytes())
    assert doc.url == "https://observatory.example.org/guides/al-naba-dating"
    assert doc.published is None


@needs_shared
def test_every_dev_page_keeps_its_annotated_spans() -> None:
    """The extracted text must contain what the annotators marked, or no extractor can find it (runs of white
    space count as one, as the shared scorer counts them: HTML collapses them when it renders)."""
    anns = [json.loads(line) for line in (SHARED_EVAL / "annotations.jsonl").read_text().splitlines() if line.strip()]
    texts = {p.stem: one(HTML.parse, p.read_bytes()).text for p in (SHARED_EVAL / "docs").glob("*.html")}

    def squeeze(s: str) -> str:
        return " ".join(s.split())

    missing = [a["text_span"] for a in anns if squeeze(a["text_span"]) not in squeeze(texts[a["doc"]])]
    assert missing == []


def test_html_script_and_style_never_reach_the_text() -> None:
    page = b"""<html><head><style>.x{color:red}</style><script>var secret='JS-VARIABLE';</script></head>
    <body><p>Visible analytic paragraph about the newsletter and its weekly cadence on Thursdays.</p>
    <script>document.write('WRITTEN-BY-SCRIPT')</script><noscript>NOSCRIPT-TEXT</noscript></body></html>"""
    doc = one(HTML.parse, page)
    assert "Visible analytic paragraph" in doc.text
    for hidden in ("JS-VARIABLE", "WRITTEN-BY-SCRIPT", "color:red"):
        assert hidden not in doc.text


# -- PDF ------------------------------------------------------------------------------------------
def test_pdf_text_layer_title_and_creation_date() -> None:
    data = make_pdf(["Issue 413 appeared on 19 October 2023."], title="Brief", created="20240115090000Z")
    doc = one(PDF.parse, data, "brief.pdf")
    assert "Issue 413 appeared on 19 October 2023." in doc.text
    assert doc.title == "Brief"
    assert doc.published is not None and doc.published.value == "2024-01-15"
    assert doc.warnings == ()


def test_pdf_without_text_layer_is_archived_with_a_warning() -> None:
    doc = one(PDF.parse, make_pdf([], text_layer=False), "scan.pdf")
    assert doc.text == ""
    assert any("no text layer (scanned?)" in w for w in doc.warnings)


def test_encrypted_pdf_is_reported_clearly() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["secret memo"]))))
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(IngestError, match="encrypted PDF: a password is needed"):
        list(PDF.parse(src(buf.getvalue(), "locked.pdf")))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", "corrupt PDF"),
        (make_pdf(["fine"])[:150], "corrupt PDF"),
        (b"<html>not a pdf</html>", "not a PDF"),
    ],
)
def test_broken_pdfs_raise_ingest_errors(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        list(PDF.parse(src(data, "bad.pdf")))


# -- text -----------------------------------------------------------------------------------------
ARABIC = "صدر العدد ٤١٣ من صحيفة النبأ يوم الخميس ١٩ تشرين الأول ٢٠٢٣."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (("\ufeff" + ARABIC).encode("utf-8"), "utf-8-sig"),
        (ARABIC.replace("٤١٣", "413").replace("١٩", "19").replace("٢٠٢٣", "2023").encode("cp1256"), "cp1256"),
        (ARABIC.encode("utf-16"), "utf-16"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),
        ("Plain English note about issue 413.".encode("utf-16-be"), "utf-16-be"),
        ("Еженедельный бюллетень вышел в четверг, как и ожидали аналитики.".encode("cp1251"), "cp1251"),
    ],
)
def test_text_encodings_are_detected(data: bytes, encoding: str) -> None:
    doc = one(TEXT.parse, data, "note.txt")
    assert doc.meta["encoding"] == encoding
    assert any(words in doc.text for words in ("صحيفة النبأ", "issue 413", "бюллетень вышел"))


@pytest.mark.parametrize(
    "data", [bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n" + bytes(200) + b"IHDR", b"\x7fELF\x02\x01\x01" + bytes(300)]
)
def test_binary_junk_named_txt_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match="binary data, not text"):
        list(TEXT.parse(src(data, "junk.txt")))


# -- Telegram -------------------------------------------------------------------------------------
def test_telegram_export_messages_with_flattened_entities() -> None:
    data = (SAMPLE / "telegram" / "ChatExport_2024-01-12" / "result.json").read_bytes()
    items = list(TELEGRAM.parse(src(data, "result.json")))
    export = items[0]
    assert isinstance(export, Item) and export.container
    messages = [i.document for i in items[1:] if isinstance(i, Item)]
    assert [m.meta["message_id"] for m in messages] == [102, 103, 104, 105]  # the service message is not one
    first = messages[0]
    assert first.parent == export.document.id
    assert "spokesman Abu Hudhayfah al-Ansari released" in first.text
    assert first.meta["channel"] == "Observatory Monitor" and first.meta["channel_id"] == 1900000001
    assert first.meta["author"] == "Desk A"
    assert first.meta["links"] == ["https://observatory.example.org/notes/2024/01/05/spokesman-gaza-statement"]
    assert first.published is not None and first.published.value == "2024-01-04"
    assert messages[1].meta["links"] == ["https://observatory.example.org/ar/notes/89-days"]
    assert messages[2].meta["forwarded_from"] == "Campaign Tracker"


def test_flatten_text_handles_strings_runs_and_junk() -> None:
    assert flatten_text("plain") == ("plain", [])
    assert flatten_text(["a ", {"type": "bold", "text": "b"}, 5, {"type": "text_link", "text": "c", "href": "u"}]) == (
        "a bc",
        ["u"],
    )
    assert flatten_text(None) == ("", [])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"name": "x", "messages": [{"id": 1, "text": "cut', "malformed JSON at line 1"),
        (b'{"name": "x", "type": "public_channel"}', "not a Telegram Desktop export"),
        (b"[1, 2, 3]", "not a Telegram Desktop export"),
        (b"\xff\xfe{\x00}\x00", "not UTF-8 JSON"),
    ],
)
def test_bad_telegram_json(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        list(TELEGRAM.parse(src(data, "result.json")))


def test_full_account_export_with_several_chats() -> None:
    export = {
        "chats": {
            "list": [
                {"name": "A", "id": 1, "messages": [{"id": 1, "type": "message", "text": "one"}]},
                {"name": "B", "id": 2, "messages": [{"id": 1, "type": "message", "text": "one"}]},
            ]
        }
    }
    items = [i for i in TELEGRAM.parse(src(json.dumps(export).encode())) if isinstance(i, Item)]
    ids = {i.document.id for i in items[1:]}
    assert len(ids) == 2  # same message id and text in two chats are two documents


# -- JSON Lines -----------------------------------------------------------------------------------
def test_jsonl_records_and_bad_lines() -> None:
    data = (
        b'{"id": "r1", "text": "first", "url": "https://e.org/1", "title": "T", "published": "2024-01-05", '
        b'"language": "EN", "channel": "c"}\n'
        b"\n"
        b'{"text": "second"}\r\n'
        b"{not json}\n"
        b'{"title": "no text"}\n'
        b'["a list"]\n'
        b'{"text": "bad date", "published": "last week"}\n'
    )
    out = list(JSONL.parse(src(data, "dump.jsonl")))
    docs = [o.document for o in out if isinstance(o, Item)]
    failures = [(o.where, o.reason) for o in out if isinstance(o, RecordFailure)]
    assert [d.text for d in docs] == ["first", "second", "bad date"]
    assert docs[0].url == "https://e.org/1" and docs[0].declared_language == "en"
    assert docs[0].meta == {"line": 1, "record_id": "r1", "fields": {"channel": "c"}}
    assert docs[0].published is not None and docs[0].published.value == "2024-01-05"
    assert docs[2].warnings and "not an ISO 8601 date" in docs[2].warnings[0]
    assert [w for w, _ in failures] == ["dump.jsonl:4", "dump.jsonl:5", "dump.jsonl:6"]
    assert "invalid JSON" in failures[0][1] and "no 'text'" in failures[1][1]


def test_sample_pdf_has_a_text_layer() -> None:
    doc = one(PDF.parse, Path(SAMPLE / "reports" / "naba-cadence-brief.pdf").read_bytes())
    assert "Issue 169 of the weekly newsletter al-Naba appeared on Thursday 14 February 2019." in doc.text


# -- pages nested deeper than lxml reads ---------------------------------------------------------------
INTRO = "<p>Intro: the weekly newsletter al-Naba appears on Thursdays, as the analysts expected it to.</p>"
DEEP = "<p>Deep paragraph about al-Naba issue 412 on 12 October 2023, and the weekly cadence.</p>"
AFTER = "<p>After the nest: a last paragraph that closes the page.</p>"


@pytest.mark.parametrize("depth", [300, 3000, 50_000])
@pytest.mark.parametrize("intro", ["", INTRO], ids=["bare", "with-intro"])
def test_a_page_nested_deeper_than_lxml_keeps_all_its_text(depth: int, intro: str) -> None:
    page = f"<html><head><script>var hidden = 1;</script></head><body>{intro}{'<div>' * depth}{DEEP}"
    page += f"{'</div>' * depth}{AFTER}</body></html>"
    doc = one(HTML.parse, page.encode(), "deep.html")
    assert "issue 412 on 12 October 2023" in doc.text and "a last paragraph" in doc.text
    assert "hidden" not in doc.text
    assert any(f"nested {depth + 3} deep, deeper than lxml reads" in w for w in doc.warnings), doc.warnings


def test_a_page_with_no_visible_text_says_so() -> None:
    doc = one(HTML.parse, b"<html><body><script>document.write('x')</script></body></html>", "empty.html")
    assert doc.text == "" and doc.warnings == ("no visible text in the page",)


def _export(*messages: dict[str, object]) -> bytes:
    return json.dumps({"name": "Channel", "type": "public_channel", "id": 7, "messages": list(messages)}).encode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ({"type": "bold", "text": "Statement on Gaza"}, "Statement on Gaza"),
        ([{"type": "italic", "text": ["nested ", {"type": "bold", "text": "runs"}]}, " end"], "nested runs end"),
        (["plain ", {"type": "hashtag", "text": "#Naba"}], "plain #Naba"),
    ],
    ids=["an object", "nested runs", "list"],
)
def test_a_telegram_text_that_is_an_object_is_flattened(text: object, expected: str) -> None:
    items = list(
        TELEGRAM.parse(src(_export({"id": 1, "type": "message", "date": "2024-01-04T10:00:00", "text": text})))
    )
    (message,) = [i.document for i in items[1:] if isinstance(i, Item)]
    assert message.text == expected and message.warnings == ()


def test_text_entities_stand_in_for_a_missing_text() -> None:
    msg = {"id": 2, "type": "message", "text": "", "text_entities": [{"type": "plain", "text": "from entities"}]}
    items = list(TELEGRAM.parse(src(_export(msg))))
    assert [i.document.text for i in items[1:] if isinstance(i, Item)] == ["from entities"]


def test_a_telegram_text_that_is_not_text_is_said() -> None:
    items = list(TELEGRAM.parse(src(_export({"id": 3, "type": "message", "text": 12345}))))
    (message,) = [i.document for i in items[1:] if isinstance(i, Item)]
    assert message.text == "" and message.warnings == ("the message's 'text' (int) holds no text marsad can read",)
