"""Documents <-> SQLite rows (JSON for the nested parts)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from marsad.model import Alias, Calendar, Document, Entity, EntityType, Paragraph, PartialDate, Role

COLUMNS = (
    "id",
    "source",
    "origin",
    "media_type",
    "title",
    "url",
    "published",
    "published_json",
    "published_from",
    "captured_at",
    "ingested_at",
    "size",
    "parent",
    "languages",
    "declared_language",
    "paragraphs",
    "meta",
    "warnings",
    "text",
    "version_of",
    "version_at",
)


def origin_of(doc: Document) -> str:
    """What `stats` groups by: a channel, a host, or the folder a file came from."""
    channel = doc.meta.get("channel")
    if channel:
        return f"telegram:{channel}"
    source = doc.source
    if "://" in source:
        return source.split("://", 1)[1].split("/", 1)[0]
    # a Windows path splits on backslashes; a POSIX one never does: an escaped name holds backslashes
    head, _, _ = source.rpartition("/" if "/" in source else "\\")
    return head or "."


def to_row(doc: Document) -> tuple[Any, ...]:
    pub = doc.published
    return (
        doc.id,
        doc.source,
        origin_of(doc),
        doc.media_type,
        doc.title,
        doc.url,
        pub.value if pub else None,
        _date_json(pub) if pub else None,
        doc.published_from,
        doc.captured_at,
        doc.ingested_at,
        doc.size,
        doc.parent,
        " ".join(doc.languages),
        doc.declared_language,
        json.dumps([[p.start, p.end, p.language, p.score] for p in doc.paragraphs]),
        json.dumps(dict(doc.meta), ensure_ascii=False, sort_keys=True),
        json.dumps(list(doc.warnings), ensure_ascii=False),
        doc.text,
        _str_or_none(doc.meta.get("version_of")),
        _str_or_none(doc.meta.get("version_at")),
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _date_json(d: PartialDate) -> str:
    fields = {
        "value": d.value,
        "calendar": d.calendar.value,
        "end": d.end,
        "hijri": d.hijri,
        "uncertainty_days": d.uncertainty_days,
        "original": d.original,
        "anchor": d.anchor,
        "granularity": d.granularity,
    }
    return json.dumps(fields, ensure_ascii=False)


def from_row(row: sqlite3.Row) -> Document:
    pub = None
    if row["published_json"]:
        data = json.loads(row["published_json"])
        data["calendar"] = Calendar(data["calendar"])
        pub = PartialDate(**data)
    return Document(
        id=row["id"],
        source=row["source"],
        media_type=row["media_type"],
        text=row["text"],
        size=row["size"],
        title=row["title"],
        url=row["url"],
        published=pub,
        published_from=row["published_from"],
        captured_at=row["captured_at"],
        ingested_at=row["ingested_at"],
        parent=row["parent"],
        paragraphs=tuple(Paragraph(s, e, lang, score) for s, e, lang, score in json.loads(row["paragraphs"])),
        declared_language=row["declared_language"],
        meta=json.loads(row["meta"]),
        warnings=tuple(json.loads(row["warnings"])),
    )


def entity_json(e: Entity) -> str:
    return json.dumps(
        {
            "id": e.id,
            "type": e.type.value,
            "name": e.name,
            "aliases": [[a.name, a.script, a.language, a.source] for a in e.aliases],
            "roles": [[r.role, r.of, r.start, r.end] for r in e.roles],
            "external_ids": dict(e.external_ids),
            **({"techniques": list(e.techniques)} if e.techniques else {}),
        },
        ensure_ascii=False,
    )


def entity_from_json(text: str) -> Entity:
    d = json.loads(text)
    return Entity(
        EntityType(d["type"]),
        d["name"],
        tuple(Alias(*a) for a in d["aliases"]),
        tuple(Role(*r) for r in d["roles"]),
        d["external_ids"],
        d["id"],
        tuple(d.get("techniques") or ()),
    )
