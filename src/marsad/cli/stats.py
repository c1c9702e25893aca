"""`marsad stats`"""

from __future__ import annotations

import sys

import click

from marsad.cli.common import format_option, handle_errors, store_from
from marsad.export.tabular import write_rows
from marsad.store.base import Stats


@click.command("stats")
@format_option("table", "jsonl", "csv", "json")
@click.pass_context
@handle_errors
def stats_command(ctx: click.Context, fmt: str) -> None:
    """Counts by media type, language and source, with the archive's size and date range."""
    print_stats(store_from(ctx).stats(), fmt)


def print_stats(stats: Stats, fmt: str) -> None:
    rows: list[dict[str, object]] = [
        {"group": "total", "key": "documents", "count": stats.documents},
        {"group": "total", "key": "original bytes", "count": stats.original_bytes},
        {"group": "total", "key": "text characters", "count": stats.text_chars},
        {"group": "total", "key": "with warnings", "count": stats.with_warnings},
    ]
    if stats.earlier_versions:
        rows.append({"group": "total", "key": "earlier versions (edited messages)", "count": stats.earlier_versions})
    rows += [{"group": "media type", "key": k, "count": v} for k, v in stats.by_media_type.items()]
    rows += [{"group": "language", "key": k, "count": v} for k, v in stats.by_language.items()]
    rows += [{"group": "source", "key": k, "count": v} for k, v in stats.by_origin.items()]
    if stats.first_published:
        rows.append({"group": "published", "key": f"{stats.first_published} .. {stats.last_published}", "count": ""})
    write_rows(rows, ["group", "key", "count"], fmt, sys.stdout)
