"""`marsad run`: the main job, on the bundled sample collection unless paths are given."""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

import click

from marsad.analyze.search import search
from marsad.cli.common import handle_errors, store_from, use_archive_watchlist
from marsad.cli.ingest import run_ingest
from marsad.cli.stats import print_stats
from marsad.export.tabular import write_rows
from marsad.settings import parse_size, setting, worker_count


def sample_path() -> Path:
    """The bundled collection; its README and QUERIES sit one folder up so they are not ingested."""
    return Path(str(importlib.resources.files("marsad") / "sample" / "collection"))


@click.command("run")
@click.argument("paths", nargs=-1)
@click.option(
    "--search",
    "queries",
    multiple=True,
    metavar="QUERY",
    help="A search to run after ingest (repeatable); the sample brings its own.",
)
@click.pass_context
@handle_errors
def run_command(ctx: click.Context, paths: tuple[str, ...], queries: tuple[str, ...]) -> None:
    """Ingest a collection, print what the archive holds, and answer searches.

    With no PATHS it runs on the bundled sample collection of analytic notes, saved pages, a PDF
    and a Telegram export, in English and Arabic.
    """
    store = store_from(ctx)
    use_archive_watchlist(store)
    if not paths:
        sample = sample_path()
        paths = (str(sample),)
        if not queries:
            queries = tuple(
                q.strip()
                for q in (sample.parent / "QUERIES").read_text(encoding="utf-8").splitlines()
                if q.strip() and not q.startswith("#")
            )
        click.echo(f"sample collection: {sample}")
    summary = run_ingest(
        store,
        paths,
        parse_size(setting("max-size").value()),
        int(setting("batch").value()),
        worker_count(setting("workers").value()),
        quiet=True,
    )
    click.echo("")
    print_stats(store.stats(), "table")
    dates = sum(1 for _ in store.iter_facts(kind="date"))
    problems = list(store.iter_facts(kind="inconsistency"))
    click.echo(f"\nfacts: {dates} dates, {len(problems)} inconsistencies (marsad facts --kind date|inconsistency)")
    if problems:
        rows = [
            {"document": Path(str(p["document"]["source"])).name, "evidence": p["text"], "why": p["detail"].get("why")}
            for p in problems
        ]
        write_rows(rows, ["document", "evidence", "why"], "table", sys.stdout)
    for query in queries:
        results = search(store, query, limit=5)
        hits = results.hits
        click.echo(f"\nsearch: {query}  ({results.total} documents)")
        rows = [
            {
                "id": h.document.id[:12],
                "source": Path(h.document.source).name,
                "date": h.document.published.value if h.document.published else None,
                "snippet": h.snippet,
            }
            for h in hits
        ]
        write_rows(rows, ["id", "source", "date", "snippet"], "table", sys.stdout)
    sys.exit(1 if summary.failed else 0)
