"""Plain text and Markdown notes."""

from __future__ import annotations

from collections.abc import Iterator

from marsad.errors import IngestError
from marsad.ingest.base import Format, Item, Parsed, SourceFile
from marsad.ingest.encoding import NotText, decode_text
from marsad.model import Document, content_id


def _parse(src: SourceFile, media_type: str) -> Iterator[Parsed]:
    try:
        decoded = decode_text(src.data)
    except NotText as exc:
        raise IngestError(src.path, str(exc)) from None
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    title = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), None)
    doc = Document(
        id=content_id(src.data),
        source=src.path,
        media_type=media_type,
        text=text,
        size=len(src.data),
        title=title[:300] if title else None,
        captured_at=src.captured_at,
        meta={"encoding": decoded.encoding},
        warnings=(decoded.warning,) if decoded.warning else (),
    )
    yield Item(doc, src.data)


def _looks_like_text(head: bytes) -> bool:
    return b"\x00" not in head[:1024] or head.startswith((b"\xff\xfe", b"\xfe\xff"))


TEXT = Format("text", "text/plain", (".txt", ".text"), _looks_like_text, lambda s: _parse(s, "text/plain"))
MARKDOWN = Format(
    "markdown", "text/markdown", (".md", ".markdown"), lambda _h: False, lambda s: _parse(s, "text/markdown")
)
