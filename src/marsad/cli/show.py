"""`marsad show ID_OR_PREFIX`"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from marsad.cli.common import format_option, handle_errors, store_from
from marsad.model import Document


@click.command("show")
@click.argument("doc_id")
@click.option("--original", is_flag=True, help="Write the original bytes, exactly as archived, to stdout.")
@format_option("table", "json")
@click.pass_context
@handle_errors
def show_command(ctx: click.Context, doc_id: str, original: bool, fmt: str) -> None:
    """Metadata, provenance and text of one document (any unique id prefix of 4+ characters)."""
    store = store_from(ctx)
    doc = store.get_document(doc_id)
    if original:
        sys.stdout.buffer.write(store.original(doc.id))
        return
    later, earlier = store.versions(doc.id)
    if fmt == "json":
        data = asdict(doc)
        data["languages"] = list(doc.languages)
        data["children"] = len(store.children(doc.id))
        data["superseded_by"], data["earlier_versions"] = later, earlier
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    fields = _fields(doc, len(store.children(doc.id)))
    if later:
        fields.insert(1, ("superseded by", f"{later} (a later version of this message)"))
    fields += [("earlier version", e) for e in earlier]
    for key, value in fields:
        click.echo(f"{key:>14}: {value}")
    click.echo("")
    click.echo(doc.text)


def _fields(doc: Document, children: int) -> list[tuple[str, str]]:
    pub = doc.published
    rows = [
        ("id", doc.id),
        ("source", doc.source),
        ("media type", doc.media_type),
        ("title", doc.title or ""),
        ("url", doc.url or ""),
        ("published", f"{pub.value} ({doc.published_from}: {pub.original})" if pub else ""),
        ("captured", doc.captured_at or ""),
        ("ingested", doc.ingested_at or ""),
        ("size", f"{doc.size} bytes"),
        ("languages", " ".join(doc.languages) or "und"),
        (
            "paragraphs",
            " ".join(f"{p.language}:{p.start}-{p.end}" for p in doc.paragraphs[:12])
            + (" …" if len(doc.paragraphs) > 12 else ""),
        ),
    ]
    if doc.declared_language:
        rows.append(("declared lang", doc.declared_language))
    if doc.parent:
        rows.append(("parent", doc.parent))
    if children:
        rows.append(("children", str(children)))
    for key, value in sorted(doc.meta.items()):
        rows.append((key, json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value))
    rows += [("warning", w) for w in doc.warnings]
    return [(k, v) for k, v in rows if v != ""]
