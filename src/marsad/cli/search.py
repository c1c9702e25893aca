"""`marsad search QUERY`"""

from __future__ import annotations

import sys

import click

from marsad.analyze.search import search
from marsad.cli.common import format_option, handle_errors, store_from
from marsad.cli.words import FreeWordsCommand
from marsad.export.tabular import write_rows
from marsad.store.base import MAX_OFFSET


@click.command("search", cls=FreeWordsCommand)
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", "-n", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0, MAX_OFFSET), default=0, help="Skip this many hits (paging).")
@format_option("table", "jsonl", "csv", "json")
@click.pass_context
@handle_errors
def search_command(ctx: click.Context, query: tuple[str, ...], limit: int, offset: int, fmt: str) -> None:
    """Full-text search, ranked, matching Arabic and English the way a reader searches.

    Hamza forms of alef, ة/ه, ى/ي, diacritics and tatweel fold together, as do Latin diacritics
    (Ḥudhayfah finds Hudhayfah) and Arabic-Indic digits. "quoted words" match a phrase, word* a
    prefix, a OR b either, -word excludes (marsad search Hamas -Gaza).
    """
    results = search(store_from(ctx), " ".join(query), limit=limit, offset=offset)
    hits = results.hits
    rows = [
        {
            "id": h.document.id if fmt != "table" else h.document.id[:12],
            "source": h.document.source,
            "title": h.document.title,
            "date": h.document.published.value if h.document.published else None,
            "language": " ".join(h.document.languages) or "und",
            "score": round(-h.score, 3),
            "snippet": h.snippet,
            **(
                {"highlights": [list(s) for s in h.highlights], "url": h.document.url}
                if fmt in ("jsonl", "json")
                else {}
            ),
        }
        for h in hits
    ]
    columns = ["id", "source", "date", "language", "snippet"] if fmt == "table" else list(rows[0]) if rows else ["id"]
    write_rows(rows, columns, fmt, sys.stdout)
    if fmt == "table":
        click.echo(results.note, err=not sys.stdout.isatty())
