"""`marsad report`: the analyst's report as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from marsad.analyze.report import build
from marsad.cli.common import handle_errors, store_from
from marsad.cli.kb import archive_watchlist
from marsad.errors import ConfigError


def write_report(path: str | Path, text: str) -> Path:
    """Write beside, then rename: a failed write never leaves half a report in place."""
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write the report ({exc.strerror})") from None
    return target


@click.command("report")
@click.option("-o", "--output", default="marsad-report.html", show_default=True, metavar="FILE", help="Where to write.")
@click.option("--topic", "topics", multiple=True, metavar="NAME", help="A topic to answer for (repeatable).")
@click.option("--actor", metavar="NAME", help="Whose first mention and response latency to give.")
@click.option("--series", metavar="NAME", help="The series to give first mention and absence in.")
@click.option("--event", metavar="NAME_OR_DATE", help="The event latency is measured from (with --actor).")
@click.option("--title", default="marsad report", show_default=True, help="The report's title.")
@click.pass_context
@handle_errors
def report_command(
    ctx: click.Context,
    output: str,
    topics: tuple[str, ...],
    actor: str | None,
    series: str | None,
    event: str | None,
    title: str,
) -> None:
    """One self-contained HTML file: findings, answers for each --topic, a timeline chart, the timeline with
    every fact's evidence, and the sources. No script and no remote asset; Arabic laid out right to left."""
    store = store_from(ctx)
    text, _ = build(store, archive_watchlist(store), topics, actor, series, event, title=title)
    path = write_report(output, text)
    click.echo(f"report: {path} ({len(text.encode()) // 1024} KB)")
