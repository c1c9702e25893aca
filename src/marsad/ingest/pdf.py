"""PDF text layers (pdfminer.six), NFKC-normalised, with reversed Arabic lines repaired."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterator

from pdfminer.psparser import PSException

from marsad.errors import IngestError
from marsad.ingest.base import Format, Item, Parsed, SourceFile
from marsad.model import Document, PartialDate, content_id
from marsad.text.bidi import repair_reversed_arabic

logging.getLogger("pdfminer").setLevel(logging.ERROR)
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def _parse(src: SourceFile) -> Iterator[Parsed]:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    if b"%PDF-" not in src.data[:1024]:
        raise IngestError(src.path, "not a PDF (no %PDF- header)")
    try:
        info = _open(src)
        raw = extract_text(io.BytesIO(src.data), laparams=LAParams())
    except IngestError:
        raise
    except (
        PSException,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        OverflowError,
        RecursionError,
        ZeroDivisionError,
        UnicodeError,
        OSError,
    ) as exc:
        raise IngestError(src.path, f"corrupt PDF ({type(exc).__name__}: {exc})") from None
    text = unicodedata.normalize("NFKC", raw).replace("\f", "\n\n").strip()
    text, repaired = repair_reversed_arabic(text)
    warnings = []
    if not text:
        warnings.append("no text layer (scanned?): archived without text")
    if repaired:
        warnings.append(f"repaired {repaired} Arabic line(s) stored in reversed visual order")
    published = _pdf_date(info.get("CreationDate"))
    doc = Document(
        id=content_id(src.data),
        source=src.path,
        media_type="application/pdf",
        text=text,
        size=len(src.data),
        title=info.get("Title") or None,
        published=published,
        published_from="pdf:CreationDate" if published else None,
        captured_at=src.captured_at,
        meta={k: v for k, v in info.items() if k in ("Author", "Producer", "Creator")},
        warnings=tuple(warnings),
    )
    yield Item(doc, src.data)


def _open(src: SourceFile) -> dict[str, str]:
    """Open the document to learn its metadata and to report encryption clearly."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(src.data)), password="")
    except PDFPasswordIncorrect:
        raise IngestError(
            src.path, "encrypted PDF: a password is needed to read it; decrypt it and ingest the decrypted copy"
        ) from None
    except PDFEncryptionError as exc:
        raise IngestError(src.path, f"encrypted PDF with an unsupported scheme ({exc})") from None
    info: dict[str, str] = {}
    for entry in document.info[:1]:
        for key, value in entry.items():
            resolved = value.resolve() if hasattr(value, "resolve") else value
            if isinstance(resolved, bytes):
                info[key] = _pdf_string(resolved)
            elif isinstance(resolved, str):
                info[key] = resolved
    return info


def _pdf_string(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def _pdf_date(value: str | None) -> PartialDate | None:
    m = _PDF_DATE.match(value or "")
    if not m or not m.group(1):
        return None
    parts = [p for p in m.groups() if p]
    try:
        return PartialDate(value="-".join(parts), original=value or "", anchor="document-metadata")
    except ValueError:
        return None


PDF = Format("pdf", "application/pdf", (".pdf",), lambda head: head.startswith(b"%PDF-"), _parse)
