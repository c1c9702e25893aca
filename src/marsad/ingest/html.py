"""Saved web pages: main text (trafilatura), title, canonical URL, published date, declared language.

Hostile pages are normal here: nothing is fetched (images, frames, scripts stay unloaded) and nothing
runs; script and style contents never reach the text.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from marsad.errors import IngestError
from marsad.ingest.base import Format, Item, Parsed, SourceFile, iso_partial_date
from marsad.ingest.encoding import NotText, decode_text
from marsad.ingest.html_text import visible_text
from marsad.model import Document, PartialDate, content_id

_META_DATES = (
    ("property", "article:published_time"),
    ("property", "og:published_time"),
    ("property", "og:article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish_date"),
    ("name", "published_time"),
    ("name", "article.published"),
    ("name", "parsely-pub-date"),
    ("name", "sailthru.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.issued"),
    ("name", "dc.date"),
    ("name", "dcterms.date"),
    ("name", "dcterms.created"),
    ("name", "date"),
)
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$|\.)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/")
_LXML_DEPTH = 256  # libxml2 stops building the tree at this depth
_INVISIBLE = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")


def _parse(src: SourceFile) -> Iterator[Parsed]:
    import trafilatura  # heavy (0.3 s): only when a page is ingested

    tree = trafilatura.load_html(src.data)
    if tree is None:
        raise IngestError(src.path, "not an HTML page that can be parsed")
    meta = _page_metadata(tree)
    warnings: list[str] = []
    extracted = trafilatura.bare_extraction(
        tree,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        text = _visible_text(trafilatura.load_html(src.data))  # a fresh tree: extraction pruned the first
        if text:
            warnings.append("main text not found; kept all visible text")
    if not text or _too_deep(src.data):  # lxml's tree stops at the limit: what it holds is cut short
        text, warning = _streamed_text(src.data)
        warnings.append(warning)
    url = meta["canonical"] or (src.path if src.path.startswith(("http://", "https://")) else None)
    published, published_from = meta["published"], meta["published_from"]
    candidates: list[list[str]] = list(meta["date_candidates"])
    from_url = _date_from_url(url) if url else None
    if from_url is not None:
        candidates.append([from_url.value, "url", from_url.original])
    if published is None and from_url is not None:
        published, published_from = from_url, "url"
    doc = Document(
        id=content_id(src.data),
        source=src.path,
        media_type="text/html",
        text=text,
        size=len(src.data),
        title=meta["title"],
        url=url,
        published=published,
        published_from=published_from,
        captured_at=src.captured_at,
        declared_language=meta["lang"],
        meta={"date_candidates": candidates} if candidates else {},
        warnings=tuple(warnings),
    )
    yield Item(doc, src.data)


def _page_metadata(tree: Any) -> dict[str, Any]:
    title = _first(tree.xpath("//title/text()")) or _meta(tree, "property", "og:title")
    canonical = None
    for link in tree.xpath("//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = link.get("href").strip()
            break
    canonical = canonical or _meta(tree, "property", "og:url")
    if canonical and not canonical.startswith(("http://", "https://")):
        canonical = None
    candidates = _date_candidates(tree)
    published, published_from = None, None
    if candidates:
        value, published_from, raw = candidates[0]
        published = PartialDate(value, original=raw, anchor="document-metadata")
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip().split("-")[0].lower() or None
    return {
        "title": " ".join(title.split())[:500] if title else None,
        "canonical": canonical,
        "published": published,
        "published_from": published_from,
        "date_candidates": candidates,
        "lang": lang,
    }


def _date_candidates(tree: Any) -> list[list[str]]:
    """Every publication date the page's metadata gives, [value, where], in the order of precedence (the
    first is the page's date; the date extractor compares the rest with it and with the text's dateline)."""
    out: list[list[str]] = []
    for attr, key in _META_DATES:
        raw = _meta(tree, attr, key) or ""
        date = iso_partial_date(raw, anchor="document-metadata")
        if date is not None:
            out.append([date.value, f"meta:{key}", raw.strip()])
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        found = _json_ld_date(script)
        if found is not None:
            out.append([found.value, "json-ld:datePublished", found.original])
            break
    for value in tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished']/@datetime"):
        date = iso_partial_date(value, anchor="document-metadata")
        if date is not None:
            out.append([date.value, "html:time", value.strip()])
            break
    seen: set[str] = set()
    unique = []
    for value, source, raw in out:  # one entry per value: the first source that gave it
        if value not in seen:
            seen.add(value)
            unique.append([value, source, raw])
    return unique


def _json_ld_date(script: str) -> PartialDate | None:
    try:
        data = json.loads(script)
    except (ValueError, RecursionError):
        return None
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str) and (date := iso_partial_date(value, anchor="document-metadata")):
                return date
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def _date_from_url(url: str) -> PartialDate | None:
    path = unquote(url.split("://", 1)[-1].partition("/")[2].split("?")[0])
    path = "/" + path
    m = _URL_DAY.search(path)
    if m:
        value = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    elif m := _URL_MONTH.search(path):
        value = f"{m.group(1)}-{int(m.group(2)):02d}"
    else:
        return None
    try:
        return PartialDate(value=value, original=m.group(0).strip("/-."), anchor="document-url")
    except ValueError:
        return None


def _meta(tree: Any, attr: str, key: str) -> str | None:
    for el in tree.xpath(f"//meta[@{attr}]"):
        if (el.get(attr) or "").strip().lower() == key.lower():
            value = el.get("content") or el.get("datetime")
            if value and value.strip():
                return str(value).strip()
    return None


def _first(values: list[Any]) -> str | None:
    for v in values:
        if str(v).strip():
            return str(v).strip()
    return None


def _visible_text(tree: Any) -> str:
    if tree is None:
        return ""
    for el in tree.xpath("|".join(f"//{t}" for t in _INVISIBLE)):
        if el.getparent() is not None:
            el.getparent().remove(el)
    parts = [t.strip() for t in tree.itertext() if isinstance(t, str) and t.strip()]
    return "\n".join(parts)


def _too_deep(data: bytes) -> bool:
    """Does libxml2 stop at its depth limit on this page? (A second parse, in C: 40 MB/s.)"""
    from lxml import etree

    parser = etree.HTMLParser(recover=True, no_network=True)
    with contextlib.suppress(etree.LxmlError, ValueError):
        etree.fromstring(data, parser)
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _streamed_text(data: bytes) -> tuple[str, str]:
    """lxml found no text: read the page without a tree (ingest.html_text), and say why."""
    try:
        page = decode_text(data).text
    except NotText:
        page = data.decode("utf-8", errors="replace")
    text, depth = visible_text(page)
    if not text:
        return "", "no visible text in the page"
    if depth >= _LXML_DEPTH:
        return text, (
            f"elements nested {depth} deep, deeper than lxml reads ({_LXML_DEPTH}); kept all visible text, "
            "read without a tree"
        )
    return text, "lxml found no text; kept all visible text, read without a tree"


def _sniff(head: bytes) -> bool:
    start = head[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:200]


HTML = Format("html", "text/html", (".html", ".htm", ".xhtml"), _sniff, _parse)
