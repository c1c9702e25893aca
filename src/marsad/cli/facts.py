"""`marsad facts` and `marsad extract`"""

from __future__ import annotations

import sys

import click

from marsad.cli.common import archive_extractors, format_option, handle_errors, setting_option, store_from
from marsad.cli.kb import archive_watchlist
from marsad.errors import NotFoundError
from marsad.export.tabular import write_rows
from marsad.model import EntityType
from marsad.pipeline.reextract import reextract
from marsad.settings import setting, worker_count
from marsad.store import ReadView

KINDS = ("date", "actor", "topic", "publication_issue", "campaign", "statement", "event", "inconsistency")


@click.command("facts")
@click.option("--kind", type=click.Choice(KINDS), help="Only facts of this kind.")
@click.option("--document", "document", metavar="ID_PREFIX", help="Only facts of this document.")
@click.option("--actor", metavar="NAME", help="Only facts about this actor (any spelling or script).")
@click.option("--series", metavar="NAME", help="Only issues of this series.")
@click.option("--topic", metavar="NAME", help="Only mentions of this topic.")
@format_option("table", "jsonl", "csv", "json")
@click.pass_context
@handle_errors
def facts_command(
    ctx: click.Context,
    kind: str | None,
    document: str | None,
    actor: str | None,
    series: str | None,
    topic: str | None,
    fmt: str,
) -> None:
    """Extracted facts, each with the exact evidence text and where it stands in its document.

    --format jsonl prints the stable facts contract: id, kind, document {id, source, url}, text,
    start, end, date, date_end, precision, calendar, hijri, actor, entity_id, series, issue, title,
    extractor, confidence, detail.
    """
    store = store_from(ctx)
    subjects = _subjects(store, actor, series, topic)
    facts = list(store.iter_facts(kind=kind, document=document, subjects=subjects))
    if fmt in ("jsonl", "json"):
        write_rows(facts, [], fmt, sys.stdout)
        return
    rows = [
        {
            "document": f["document"]["id"][:12] if fmt == "table" else f["document"]["id"],
            "kind": f["kind"],
            "text": f["text"],
            "actor": f["actor"] or f["detail"].get("topic") or f["series"],
            "issue": f["issue"],
            "title": f["title"],
            "date": f["date"] + (f" .. {f['date_end']}" if f["date_end"] else "") if f["date"] else None,
            "precision": f["precision"],
            "calendar": f["calendar"],
            "hijri": f["hijri"],
            "confidence": f["confidence"],
            "why": f["detail"].get("why") or f["detail"].get("year_from") or "",
        }
        for f in facts
    ]
    write_rows(rows, list(rows[0]) if rows else ["document", "kind", "text", "date"], fmt, sys.stdout)


def _subjects(store: ReadView, actor: str | None, series: str | None, topic: str | None) -> list[str] | None:
    asked = [
        (actor, (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.MEDIA_OUTLET)),
        (series, (EntityType.SERIES,)),
        (topic, (EntityType.TOPIC,)),
    ]
    if not any(name for name, _ in asked):
        return None
    watchlist = archive_watchlist(store)
    ids: list[str] = []
    for name, types in asked:
        if name:
            found = watchlist.resolve(name, types)
            if not found:
                raise NotFoundError(f"{name!r} is not in the watchlist; see `marsad kb list`")
            ids += [e.id for e in found]
    return ids


@click.command("extract")
@click.option("--force", is_flag=True, help="Re-extract every document, not only those of an older extractor.")
@setting_option("--workers", "workers", "N|auto")
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Extract on the workers of this Dask distributed scheduler (pip install 'marsad[dask]', here and on each "
    "worker); the writing stays here, the archive and its originals where they are.",
)
@click.pass_context
@handle_errors
def extract_command(ctx: click.Context, force: bool, workers: str | None, scheduler: str | None) -> None:
    """Run the extractors over the archive again (ingest runs them too); idempotent per extractor version."""
    processes = worker_count(*setting("workers").given(workers))
    store = store_from(ctx, write=True)
    extractors = archive_extractors(store)  # before the workers fork: they inherit it
    summary = reextract(store, force=force, workers=processes, scheduler=scheduler, extractors=extractors)
    for doc_id, reason in summary.failed or []:
        click.echo(f"error: {doc_id}: extraction failed ({reason})", err=True)
    click.echo(
        f"extracted {summary.extracted} documents ({summary.facts} facts), {summary.up_to_date} up to date, "
        f"{len(summary.failed or [])} failed"
    )
    sys.exit(1 if summary.failed else 0)
