"""`marsad run`: the main job, on the bundled sample collection unless paths are given."""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

import click

from marsad.analyze.checks import check
from marsad.analyze.disputes import attach, refs_of
from marsad.analyze.latency import latency
from marsad.analyze.mentions import absence, first_mention
from marsad.analyze.report import build
from marsad.analyze.search import search
from marsad.analyze.timeline import timeline
from marsad.cli.answers import first_mention_lines, latency_lines, print_findings, print_timeline
from marsad.cli.common import handle_errors, store_from
from marsad.cli.ingest import run_ingest
from marsad.cli.kb import archive_watchlist
from marsad.cli.report import write_report
from marsad.cli.stats import print_stats
from marsad.export.tabular import write_rows
from marsad.settings import ingest_settings


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
@click.option(
    "--report",
    "report_path",
    default="marsad-report.html",
    show_default=True,
    metavar="FILE",
    help="Where to write the HTML report.",
)
@click.pass_context
@handle_errors
def run_command(ctx: click.Context, paths: tuple[str, ...], queries: tuple[str, ...], report_path: str) -> None:
    """Ingest a collection, extract, check, print the timeline and the findings, write the report.

    With no PATHS it runs on the bundled sample collection of analytic notes, saved pages, a PDF, a
    Telegram export and issue index cards, in English and Arabic, and answers the sample's questions:
    when the group first spoke about Gaza, which al-Naba issues never mention it, how many days after
    7 October 2023 its first statement came.
    """
    max_size, batch, workers = ingest_settings()
    store = store_from(ctx, write=True, create=True)
    sample_used = not paths
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
        max_size,
        batch,
        workers,
        quiet=True,
    )
    click.echo("")
    print_stats(store.stats(), "table")
    watchlist = archive_watchlist(store)
    findings = check(store, watchlist)
    click.echo("")
    events = timeline(store, watchlist)
    attach(events, refs_of(findings))
    print_timeline(events, "table")
    click.echo("")
    print_findings(findings, "table")
    topics: tuple[str, ...] = ()
    if sample_used:
        topics = ("Gaza",)
        click.echo("\nanswers (marsad first-mention | absence | latency):")
        click.echo(first_mention_lines(first_mention(store, watchlist, "Gaza", actor="Islamic State")))
        gap = absence(store, watchlist, "Gaza", "al-Naba", 411, 416)
        click.echo(
            f"Gaza in al-Naba 411-416: never mentioned in {', '.join(str(d.issue) for d in gap.silent) or 'none'}; "
            f"mentioned in {', '.join(str(d.issue) for d in gap.mentioning) or 'none'}; "
            f"not archived: {', '.join(map(str, gap.missing)) or 'none'}"
        )
        click.echo(latency_lines(latency(store, watchlist, "7 October 2023 attack", "Islamic State", "Gaza")))
    text, _ = build(
        store,
        watchlist,
        topics,
        actor="Islamic State" if sample_used else None,
        series="al-Naba" if sample_used else None,
        event="7 October 2023 attack" if sample_used else None,
        findings=findings,
        rows=events,
    )
    click.echo(f"\nreport: {write_report(report_path, text)}")
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
